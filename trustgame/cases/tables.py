"""Tables for the book: case codings, the codebook and timelines as rows and
as Markdown, and a filled copy of the blank case template.

Two layers.  The ``*_rows`` functions return plain dicts keyed by the data's
own column names (for tests and for readers who want the data).  The
``*_table`` functions return the Markdown a chapter shows: plain-English
row labels with the model's symbol in math (``Soviet trust in the US,
$p_A$``), no index column, numbers formatted, and the long text of a row
(evidence, sources, rationale) folded into an HTML ``<details>`` element
so that the table stays one line per row.  The chapters show that
Markdown with the cell metadata ``mystnb.markdown_format: myst``.

Examples
--------
>>> rows = timeline_rows("korea")
>>> rows[0]["number"], rows[0]["role"]
(1, 'context')
>>> print(markdown_table(codings_rows("korea")[:1], ["parameter", "label", "range"]))
| parameter | label | range |
|---|---|---|
| pA | high | [0.65, 0.9] |
>>> parameter_label("pB", "korea")
'US trust in the new regime, $p_B$'
"""

from __future__ import annotations

import calendar
import csv
import html
import re
from pathlib import Path

from ..core.errors import CaseDataError
from ..core.naming import book_name
from .codebook import DATA_DIR, NOT_CODED, format_interval, load_codebook
from .loading import CASE_COLUMNS, as_case, read_table

__all__ = [
    "markdown_table",
    "codings_rows",
    "codebook_rows",
    "fill_template",
    "timeline_rows",
    "PARAMETER_SYMBOLS",
    "parameter_label",
    "equilibrium_text",
    "format_date",
    "format_path",
    "format_point",
    "details",
    "case_table",
    "codebook_table",
    "timeline_table",
    "shares_table",
    "sensitivity_markdown",
    "event_label",
    "scope_table",
]

#: LaTeX symbol of each case parameter (no symbol: correlation, motive,
#: prediction).
PARAMETER_SYMBOLS = {
    "pA": "p_A", "pB": "p_B", "betaA": r"\beta_A", "betaB": r"\beta_B",
    "thetaA": r"\theta_A", "thetaB": r"\theta_B", "H": "H", "L": "L", "k": "k",
    "betaA_cf": r"\beta_A", "betaB_cf": r"\beta_B",
}

#: Plain-English names of the codebook's scales.
_SCALE_NAMES = {
    "probability": "Trust, $p$",
    "independence": r"Independence, $\beta$",
    "salience": r"Salience, $w = 1/(1+\theta)$",
    "correlation": "Correlation",
    "payoffs": "Payoffs",
}

#: Book names of the named equilibria (the ids are those of the solver).

_MONTHS = {f"{i:02d}": calendar.month_abbr[i] for i in range(1, 13)}


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
                  evidence: str = "Illustrative coding.", citation: str = "our coding",
                  overwrite: bool = False) -> Path:
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
    overwrite : bool
        Replace ``path`` if it exists.  By default an existing file is
        left as it is and the call fails.

    Returns
    -------
    pathlib.Path

    Raises
    ------
    CaseDataError
        If ``path`` exists and ``overwrite`` is false.

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
    ...     f = fill_template(Path(d) / "cases" / "x.csv", "x", "Alpha", "Beta", labels)
    ...     try:
    ...         fill_template(f, "x", "Alpha", "Beta", labels)
    ...     except CaseDataError as e:
    ...         print(e.rule)
    ...     load_cases(Path(d) / "cases", codebook=DATA_DIR / "codebook.yml")["x"].label("pA")
    x.csv exists; pass overwrite=True to replace it
    'very low'
    """
    path = Path(path)
    if path.exists() and not overwrite:
        raise CaseDataError(path, "file", "-",
                            f"{path.name} exists; pass overwrite=True to replace it")
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


# ---------------------------------------------------------------------------
# What a reader sees


#: First words of state names that take "the" ("the United States").
_ARTICLE = ("United ", "Soviet ", "Russian ", "People's ", "Republic ", "Netherlands",
            "Philippines")


def _possessive(name: str) -> str:
    the = "the " if name.startswith(_ARTICLE) else ""
    return the + name + ("'" if name.endswith("s") else "'s")


def _symbols(text: str) -> str:
    """The paper's symbols written in words (``p_US``, ``beta_i``) as math."""
    return re.sub(r"\b(p|beta|theta)_(\w+)",
                  lambda m: (f"${'' if m[1] == 'p' else chr(92)}{m[1]}_"
                             f"{{{m[2]}}}$"), text)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def parameter_label(parameter: str, case) -> str:
    """A case parameter in plain English, with its symbol in math.

    The words come from the case table's ``refers_to`` column where it
    says more than the symbol, and otherwise from the states' names.

    Parameters
    ----------
    parameter : str
        A row of the case table (``"pA"``, ``"betaB_cf"``, ``"H"``, ...).
    case : Case or str

    Returns
    -------
    str
        Markdown with inline math.

    Examples
    --------
    >>> parameter_label("pA", "cold-war")
    'Soviet trust in the US, $p_A$'
    >>> parameter_label("thetaB", "cold-war")
    "Salience of the Soviet Union's period-1 choice, $\\\\theta_B$"
    >>> parameter_label("betaA_cf", "cold-war")
    'Independence of arms control (the dependent alternative), counterfactual $\\\\beta_A$'
    """
    case = as_case(case)
    refers = case.coding(parameter).refers_to.strip() if parameter in case.codings else ""
    side = parameter.rstrip("_cf")[-1:]
    state = {"A": case.state_A, "B": case.state_B}.get(side, "")
    # drop the paper's own symbol (p_US, beta_ROK, theta_i, ...) in front
    words = re.sub(r"^(p|beta|theta)_\w+\s*", "", refers).strip()
    paren = re.fullmatch(r"\((.*)\)", words)
    words = paren.group(1) if paren else words
    symbol = PARAMETER_SYMBOLS.get(parameter)
    if parameter in ("pA", "pB"):
        other = case.state_B if side == "A" else case.state_A
        text = words or f"{_possessive(other)} trust in {state}"
    elif parameter in ("betaA", "betaB"):
        text = (f"Independence of {words}" if words
                else f"Independence of {_possessive(state)} period-1 choice")
    elif parameter in ("thetaA", "thetaB"):
        text = f"Salience of {_possessive(state)} period-1 choice"
    elif parameter.endswith("_cf"):
        text = (f"Independence of {words}" if words.startswith(("arms", "the", "a "))
                else f"Independence of {_possessive(state)} dependent alternative")
        if "of " in words and not text.endswith(words):
            text = f"Independence {words[words.index('of '):]}"
        return f"{_capital(text)}, counterfactual ${symbol}$"
    else:
        text = words or parameter
    text = _capital(text)
    return f"{text}, ${symbol}$" if symbol else text


def equilibrium_text(name: str) -> str:
    """An equilibrium id as the book writes it.

    Named classes get their book name (with the leader of an asymmetric
    one); other classes keep the solver's notation, as code.

    Examples
    --------
    >>> equilibrium_text("asymmetric-semi-tragic[B]")
    'asymmetric semi-tragic (B leads)'
    >>> equilibrium_text("pool-D/separating:mixed")
    '`pool-D/separating:mixed`'
    """
    return book_name(name) or f"`{name}`"


def format_date(date: str, end: str = "") -> str:
    """A timeline date (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, optionally
    with an end) as the book prints it.

    Examples
    --------
    >>> format_date("1981-01-29"), format_date("1987-12"), format_date("1986", "1988")
    ('29 Jan 1981', 'Dec 1987', '1986 to 1988')
    """
    def one(d):
        parts = d.split("-")
        if len(parts) == 3:
            return f"{int(parts[2])} {_MONTHS[parts[1]]} {parts[0]}"
        if len(parts) == 2:
            return f"{_MONTHS[parts[1]]} {parts[0]}"
        return d

    return one(date) + (f" to {one(end)}" if end else "")


def format_path(path) -> str:
    """A path of play (A's action first in each period) as text.

    Examples
    --------
    >>> format_path((("D", "C"), ("C", "C")))
    '(D, C) then (C, C)'
    """
    return " then ".join(f"({a}, {b})" for a, b in path)


def format_point(params, names=("pA", "pB", "betaA", "betaB", "thetaA", "thetaB"),
                 digits: int = 3) -> str:
    """A point of parameter space as inline math.

    Parameters
    ----------
    params : Params or mapping
        Anything with the parameters as attributes or keys.
    names : tuple of str
    digits : int
        Significant digits.

    Examples
    --------
    >>> format_point({"pA": 0.055, "betaA": 0.625}, names=("pA", "betaA"))
    '$p_A = 0.055$, $\\\\beta_A = 0.625$'
    """
    def get(n):
        return params[n] if isinstance(params, dict) else getattr(params, n)

    return ", ".join(f"${PARAMETER_SYMBOLS[n]} = {float(get(n)):.{digits}g}$" for n in names)


def details(summary: str, body: str) -> str:
    """Text folded into an HTML ``<details>`` element, on one line (so that
    it can stand in a Markdown table cell).

    Examples
    --------
    >>> details("Evidence", "Reagan's <i>first</i> press conference.")
    "<details><summary>Evidence</summary>Reagan's &lt;i&gt;first&lt;/i&gt; press conference.</details>"
    """
    body = html.escape(" ".join(body.split()), quote=False)
    return f"<details><summary>{summary}</summary>{body}</details>"


def case_table(case, codebook=None, parameters=None, evidence: bool = True) -> str:
    """The case table a chapter shows, one row per coding, followed by the
    evidence behind each coding in a dropdown.

    Columns: the parameter in plain English (with its symbol), the paper's
    words, our codebook label and the model range it becomes (salience as
    ``theta``; the assumed value of an uncoded row).  Each dropdown (a
    MyST admonition of class ``dropdown``, titled by the parameter and its
    label) holds our paraphrase of the evidence and the sources as the
    paper gives them.

    Parameters
    ----------
    case : Case or str
    codebook : Codebook, optional
        Default: the case's own.
    parameters : iterable of str, optional
        Rows to show, in this order (default: all, in file order).
    evidence : bool
        Add the dropdowns.

    Returns
    -------
    str
        MyST Markdown (inline math, admonitions).

    Examples
    --------
    >>> text = case_table("korea", parameters=["pB"])
    >>> print(text.splitlines()[2])
    | US trust in the new regime, $p_B$ | low $p_{ROK}$ | low | [0.1, 0.3] |
    >>> print(text.splitlines()[4])
    :::{admonition} Evidence: US trust in the new regime, $p_B$, coded *low*
    """
    case = as_case(case)
    rows = {r["parameter"]: r for r in codings_rows(case, codebook)}
    keep = list(parameters) if parameters is not None else list(rows)
    table, notes = [], []
    for p in keep:
        r = rows[p]
        label = r["label"]
        if p == "prediction" and label != NOT_CODED:
            label = equilibrium_text(label)
        what = parameter_label(p, case)
        table.append({"what": what, "words": _symbols(r["paper_wording"]) or "*not coded*",
                      "label": label, "range": r["range"].replace(" (assumed)", ", assumed")})
        source = r["citation"] or "none (our assumption)"
        coded = f"coded *{label}*" if label != NOT_CODED else "not coded"
        notes.append(f":::{{admonition}} Evidence: {what}, {coded}\n:class: dropdown\n\n"
                     f"{' '.join(r['evidence'].split())}\n\n*Source:* {source}.\n:::")
    text = markdown_table(table, ["what", "words", "label", "range"],
                          ["Parameter", "The paper's words", "Our label", "Model range"])
    return text + ("\n\n" + "\n\n".join(notes) if evidence else "")


def codebook_table(codebook=None, scales=("probability", "independence", "salience")) -> str:
    """The codebook as a chapter shows it: scale, label, interval, model
    range and, folded, the reason for the interval.

    Examples
    --------
    >>> print(codebook_table(scales=("salience",)).splitlines()[2][:60])
    | Salience, $w = 1/(1+\\theta)$ | low | [0.2, 0.4] | [1.5, 4]
    """
    rows = codebook_rows(codebook, scales)
    for r in rows:
        r["scale name"] = _SCALE_NAMES.get(r["scale"], r["scale"])
        r["why"] = details("why", r["rationale"])
    return markdown_table(rows, ["scale name", "label", "interval", "model range", "why"],
                          ["Scale", "Label", "Interval", r"Model range ($\theta$ for salience)",
                           "Rationale"])


def timeline_table(case) -> str:
    """The timeline as a chapter shows it: date, side, event, role in the
    model and, folded, the source and where the date comes from.

    Examples
    --------
    >>> print(timeline_table("korea").splitlines()[2][:60])
    | 16 May 1961 | South Korea | Military coup ousts the electe
    """
    case = as_case(case)
    rows = []
    for e in case.events:
        side = {"A": case.state_A, "B": case.state_B}.get(e.side, e.side)
        body = f"{e.actor}, {e.arena}. Source: {e.source}. Date: {e.date_note}."
        rows.append({"date": format_date(e.date, e.end), "side": side, "event": e.action,
                     "role": e.role, "more": details("source", body)})
    return markdown_table(rows, ["date", "side", "event", "role", "more"],
                          ["Date", "Side", "Event", "Role in the model", "Actor and source"])


def shares_table(columns: dict, digits: int = 3, names=None) -> str:
    """Shares of equilibria side by side, one row per equilibrium.

    Parameters
    ----------
    columns : dict
        Column heading -> ``{equilibrium: share}`` (e.g.
        :meth:`BoxResult.shares`).
    digits : int
    names : iterable of str, optional
        Rows in this order (default: first appearance).  A share missing
        from a column is 0.

    Examples
    --------
    >>> print(shares_table({"Monte Carlo": {"tragic": 1.0}, "grid": {"tragic": 0.9}}))
    | Equilibrium (PBE-ER) | Monte Carlo | grid |
    |---|---|---|
    | tragic | 1.000 | 0.900 |
    """
    if names is None:
        names = list(dict.fromkeys(n for sh in columns.values() for n in sh))
    rows = [{"name": equilibrium_text(n),
             **{h: f"{sh.get(n, 0.0):.{digits}f}" for h, sh in columns.items()}} for n in names]
    return markdown_table(rows, ["name", *columns], ["Equilibrium (PBE-ER)", *columns])


def _parameter_names(text: str) -> str:
    if text == "(none)":
        return "none (as coded)"
    parts = [p.strip() for p in text.split(",")]
    return ", ".join(f"${PARAMETER_SYMBOLS[p]}$" if p in PARAMETER_SYMBOLS else p
                     for p in parts)


def _leading_text(text: str) -> str:
    names, _, share = text.rpartition(" (")
    names = names or text
    out = ", ".join(equilibrium_text(n.strip()) for n in names.split(","))
    return f"{out} ({share}" if share else out


def sensitivity_markdown(rows) -> str:
    """A sensitivity table (:func:`trustgame.cases.sensitivity_table`) as a
    chapter shows it: symbols in math, shares to three decimals, book
    names of the leading equilibria.

    Examples
    --------
    >>> row = {"parameter": "betaA", "coding": "moderate", "alternative": "low",
    ...        "interval": "[0, 0.2]", "share": 0.25, "change": -0.75,
    ...        "leading": "asymmetric-semi-tragic[B] (0.75)"}
    >>> print(sensitivity_markdown([row]).splitlines()[2])
    | $\\beta_A$ | moderate | low | [0, 0.2] | 0.250 | −0.750 | asymmetric semi-tragic (B leads) (0.75) |
    """
    out = []
    for r in rows:
        out.append({"parameter": _parameter_names(r["parameter"]), "coding": r["coding"],
                    "alternative": r["alternative"], "interval": r["interval"],
                    "share": f"{r['share']:.3f}",
                    "change": f"{r['change']:+.3f}".replace("-", "\u2212"),
                    "leading": _leading_text(r["leading"])})
    return markdown_table(out, ["parameter", "coding", "alternative", "interval", "share",
                                "change", "leading"],
                          ["Parameter changed", "Coded as", "Recoded as", "Interval",
                           "Share", "Change", "Leading PBE-ER (share)"])


def event_label(event, width: int = 28) -> str:
    """A short label of a timeline event, for the figure.

    The label is the event's own (the timeline's ``label`` column,
    ``Event.label``) when it has one; otherwise it is the first clause
    of the event's text, shortened at a word boundary to at most ``width``
    characters.

    Examples
    --------
    >>> from trustgame.cases import load_cases
    >>> [event_label(e) for e in load_cases()["korea"].events][:2]
    ['Military coup', 'US disavows the coup']
    >>> from types import SimpleNamespace
    >>> event_label(SimpleNamespace(action="Signs a long treaty on many things; then more"), 20)
    'Signs a long…'
    """
    own = " ".join(getattr(event, "label", "").split())
    if own:
        return own
    text = " ".join(event.action.split())
    first = re.split(r"; |: ", text)[0]
    if len(first) <= width:
        return first
    cut = first[: width - 1].rsplit(" ", 1)[0]
    return cut + "…"


def _point_text(text: str) -> str:
    """``"pA=0.055, betaA=0.625"`` as inline math."""
    parts = [p.strip().split("=") for p in text.split(",") if "=" in p]
    return ", ".join(f"${PARAMETER_SYMBOLS.get(n, n)} = {v}$" for n, v in parts)


def scope_table(rows, salience: dict | None = None) -> str:
    """Rows of :func:`trustgame.cases.full_scope_rows` as a chapter shows
    them: the point in math and the PBE-ER with pure period-1 play beside
    those with period-1 mixing allowed.

    Parameters
    ----------
    rows : list of dict
    salience : dict, optional
        Row index -> text of a first column "Salience" (for tables that
        join runs at different saliences).

    Examples
    --------
    >>> row = {"point": "centre", "params": "pA=0.5, betaB=0.7", "pure": "tragic",
    ...        "all": "tragic; pool-D/pool-D:DD"}
    >>> print(scope_table([row]).splitlines()[2])
    | centre | $p_A = 0.5$, $\\beta_B = 0.7$ | tragic | tragic; `pool-D/pool-D:DD` |
    """
    out = []
    for i, r in enumerate(rows):
        out.append({"salience": (salience or {}).get(i, ""), "point": r["point"],
                    "params": _point_text(r["params"]),
                    "pure": "; ".join(equilibrium_text(n) for n in r["pure"].split("; ") if n),
                    "all": "; ".join(equilibrium_text(n) for n in r["all"].split("; ") if n)})
    cols = ["point", "params", "pure", "all"]
    heads = ["Point", "Parameters", "PBE-ER, pure period 1", "PBE-ER, period-1 mixing allowed"]
    if salience is not None:
        cols, heads = ["salience", *cols], [r"Salience $\theta$", *heads]
    return markdown_table(out, cols, heads)
