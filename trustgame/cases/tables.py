"""Tables for the book: case codings, the codebook and timelines as rows,
Markdown rendering, and a filled copy of the blank case template.

Examples
--------
>>> rows = timeline_rows("korea")
>>> rows[0]["number"], rows[0]["role"]
(1, 'context')
>>> print(markdown_table(codings_rows("korea")[:1], ["parameter", "label", "range"]))
| parameter | label | range |
|---|---|---|
| pA | high | [0.65, 0.9] |
"""

from __future__ import annotations

import csv
from pathlib import Path

from .codebook import DATA_DIR, format_interval, load_codebook
from .loading import CASE_COLUMNS, as_case, read_table

__all__ = ["markdown_table", "codings_rows", "codebook_rows", "fill_template", "timeline_rows"]


def markdown_table(rows, columns, headers=None, formats=None) -> str:
    """A Markdown table from a list of dicts.

    Examples
    --------
    >>> print(markdown_table([{"a": 1, "b": 0.5}], ["a", "b"], formats={"b": "{:.2f}"}))
    | a | b |
    |---|---|
    | 1 | 0.50 |
    """
    headers = headers or columns
    formats = formats or {}
    out = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in columns) + "|"]
    for r in rows:
        cells = []
        for c in columns:
            v = r.get(c, "")
            v = formats[c].format(v) if c in formats else str(v)
            cells.append(v.replace("|", "\\|").replace("\n", " "))
        out.append("| " + " | ".join(cells) + " |")
    return "\n".join(out)


def codings_rows(case, codebook=None) -> list:
    """Rows of a case table with the numeric range each coding becomes.

    The ``range`` column is in model units (salience as ``theta``); for
    uncoded rows it is the assumed value.

    Examples
    --------
    >>> rows = codings_rows("korea")
    >>> [(r["parameter"], r["label"], r["range"]) for r in rows][:2]
    [('pA', 'high', '[0.65, 0.9]'), ('pB', 'low', '[0.1, 0.3]')]
    """
    case = as_case(case)
    codebook = codebook if codebook is not None else case.codebook
    out = []
    for p, c in case.codings.items():
        if p == "prediction":
            rng = ""
        elif p in ("motiveA", "motiveB"):
            rng = c.label if c.coded else f"{c.assumed} (assumed)"
        elif c.coded:
            scale = codebook.scale_for(p)
            rng = format_interval(*scale.to_model(*scale.interval(c.label)))
        else:
            rng = format_interval(*c.assumed) + " (assumed)"
        out.append(dict(parameter=p, refers_to=c.refers_to, paper_wording=c.paper_wording,
                        label=c.label, range=rng, evidence=c.evidence, citation=c.citation))
    return out


def codebook_rows(codebook=None, scales=("probability", "independence", "salience")) -> list:
    """Codebook labels as dicts (scale, label, interval, theta range, rationale).

    Examples
    --------
    >>> rows = codebook_rows(scales=("salience",))
    >>> [(r["label"], r["model range"]) for r in rows]
    [('low', '[1.5, 4]'), ('moderate', '[0.667, 1.5]'), ('high', '[0.25, 0.667]')]
    """
    codebook = codebook if codebook is not None else load_codebook()
    out = []
    for name in scales:
        scale = codebook.scales[name]
        for lab, (lo, hi), why in scale.labels:
            out.append({"scale": name, "label": lab, "interval": format_interval(lo, hi),
                        "model range": format_interval(*scale.to_model(lo, hi)),
                        "rationale": why})
    return out


def fill_template(path, key: str, state_A: str, state_B: str, labels: dict,
                  evidence: str = "Illustrative coding.", citation: str = "our coding") -> Path:
    """Write a case table from the blank template in ``data/templates``.

    Parameters
    ----------
    path : str or Path
        File to write.
    key, state_A, state_B : str
    labels : dict
        Parameter -> codebook label, or ``("not coded", assumed)``.
        Parameters left out keep the template's row (H, L, k are
        pre-filled with the figure values; others must be given).
    evidence, citation : str
        Written into every row that ``labels`` fills.

    Returns
    -------
    pathlib.Path

    Examples
    --------
    >>> import tempfile
    >>> from trustgame.cases import load_cases
    >>> with tempfile.TemporaryDirectory() as d:
    ...     labels = {p: "low" for p in ("betaA", "betaB", "betaA_cf", "betaB_cf")}
    ...     labels.update(pA="very low", pB="very low", thetaA="moderate", thetaB="moderate",
    ...                   correlationA="moderate", correlationB="moderate",
    ...                   motiveA=("not coded", "security-seeker"),
    ...                   motiveB=("not coded", "security-seeker"), prediction=("not coded", ""))
    ...     _ = fill_template(Path(d) / "cases" / "x.csv", "x", "Alpha", "Beta", labels)
    ...     load_cases(Path(d) / "cases", codebook=DATA_DIR / "codebook.yml")["x"].label("pA")
    'very low'
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    rows = read_table(DATA_DIR / "templates" / "case_template.csv", CASE_COLUMNS)
    for r in rows:
        r.update(case=key, state_A=state_A, state_B=state_B)
        if r["parameter"] in labels:
            value = labels[r["parameter"]]
            if isinstance(value, tuple):
                r.update(label=value[0], assumed=str(value[1]), evidence=evidence, citation="")
            else:
                r.update(label=value, assumed="", evidence=evidence, citation=citation)
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, CASE_COLUMNS, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    return path


def timeline_rows(case) -> list:
    """Timeline events as dicts, numbered in date order (as in the figure).

    Examples
    --------
    >>> row = timeline_rows("cold-war")[0]
    >>> sorted(row)[:4]
    ['action', 'actor', 'arena', 'date']
    """
    case = as_case(case)
    out = []
    for i, e in enumerate(case.events, start=1):
        when = e.date + (f" to {e.end}" if e.end else "")
        side = {"A": case.state_A, "B": case.state_B}.get(e.side, e.side)
        out.append(dict(number=i, date=when, side=side, actor=e.actor, action=e.action,
                        arena=e.arena, role=e.role, source=e.source, date_note=e.date_note))
    return out
