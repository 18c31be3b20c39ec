"""The audit as tables for the book: the verdict table, the readings that
restore claims, the alternative specifications and the witnesses.

Every table is computed from the claims registry and the checks' verdicts;
nothing here decides a verdict.  Tables that a reader sees are
:class:`HtmlTable` objects: a notebook shows them as an HTML table (no
index column, wrapped text, horizontal scrolling on a narrow screen) and
nbval compares their plain text.

The choices the paper's main text leaves open are the *assumed defaults*
(:data:`ASSUMED_DEFAULTS`).  A claim that holds only under another reading
*hinges on* one of them, or on a stated parameter or the wording of the
claim (:data:`READINGS`); :func:`hinges_on` reads which from the
alternative its check reports.

pandas is imported when a DataFrame is made.

Examples
--------
>>> from trustgame.audit.registry import load_claims, run_all
>>> t = verdict_table(run_all(load_claims()[1:2]))
>>> t.headers[0], t.rows[0][2]
('claim', 'reproduced')
"""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass

from .alternatives import alternative_table
from .registry import NOT_REPRODUCED, ONLY_UNDER, REPRODUCED, Witness, run_all

__all__ = ["ASSUMED_DEFAULTS", "READINGS", "HtmlTable", "prose", "hinges_on",
           "verdict_counts", "verdict_frame", "verdict_table", "readings_table",
           "main_findings", "figure_verdicts", "alternative_rows", "alternative_frame",
           "witness_frame", "witness_table", "html_table", "HtmlBlock", "headline"]

#: The choices the main text leaves open, and the value the solver assumes
#: for each (the assumed defaults), keyed like :data:`READINGS`.
ASSUMED_DEFAULTS = {
    "salience": "θ = 1 (both periods weigh the same)",
    "refinement": "weak Pareto dominance, judged type by type",
    "offpath": "free off-path beliefs",
    "scope": "pure period-1 play",
}

#: What a claim can hinge on: key -> (short name, words in a check's
#: alternative that name it).  The order breaks no ties: the reading named
#: first in the alternative's text is the one it hinges on.
READINGS = {
    "salience": ("the salience θ", ("theta",)),
    "refinement": ("the refinement", ("ex-ante", "strict")),
    "offpath": ("off-path beliefs", ("off-path",)),
    "scope": ("period-1 play", ("period-1",)),
    "parameter": ("a stated parameter", ("L = ",)),
    "wording": ("the wording of the claim", ()),
}

#: The label of a verdict in the book's tables.
_VERDICT_TEXT = {REPRODUCED: "reproduced", ONLY_UNDER: "only under another reading",
                 NOT_REPRODUCED: "not reproduced"}

_PROSE = ((re.compile(r"\btheta_([AB])\b"), r"θ<sub>\1</sub>"),
          (re.compile(r"\btheta\b"), "θ"),
          (re.compile(r"\bbeta_([ABi])\b"), r"β<sub>\1</sub>"),
          (re.compile(r"\bbetas\b"), "β's"),
          (re.compile(r"\bbeta\b"), "β"),
          (re.compile(r"\bp_([ABi])\b"), r"p<sub>\1</sub>"),
          (re.compile(r"&lt;="), "≤"), (re.compile(r"&gt;="), "≥"),
          (re.compile(r"k/\(1\+k-L\)"), "k/(1 + k − L)"),
          (re.compile(r" - "), " − "),
          (re.compile(r"(?<![\w)])-(?=\d)"), "−"))


def prose(text: str | None) -> str:
    """Text of the registry or of a check as HTML in the book's notation:
    ``theta`` becomes θ, ``beta_A`` β with a subscript, ``<=`` ≤, a minus
    sign a minus.

    Examples
    --------
    >>> prose("salience theta <= 0.7467 and beta_A = 0.45")
    'salience θ ≤ 0.7467 and β<sub>A</sub> = 0.45'
    >>> prose("L = -0.1, k/(1+k-L) and 1 - beta")
    'L = −0.1, k/(1 + k − L) and 1 − β'
    """
    out = html.escape(text or "", quote=False)
    for pattern, repl in _PROSE:
        out = pattern.sub(repl, out)
    return out


def _plain(cell: str) -> str:
    """An HTML cell as plain text (tags dropped, entities decoded)."""
    return html.unescape(re.sub(r"<[^>]+>", "", cell.replace("<br>", "; ")))


@dataclass(frozen=True)
class HtmlTable:
    """A table a notebook shows as HTML and nbval compares as plain text.

    Attributes
    ----------
    headers : tuple of str
        Column headings (plain text).
    rows : tuple of tuple of str
        Cells, as HTML (escaped text, links, sub- and superscripts).
    widths : tuple of str
        Minimum width of each column (CSS, e.g. ``"8em"``), or empty.
    caption : str
        A line above the table (HTML), or empty.

    Examples
    --------
    >>> t = HtmlTable(("a", "b"), (("1", "<b>x</b>"),))
    >>> print(repr(t))
    a | b
    1 | x
    >>> "<th" in t._repr_html_() and "index" not in t._repr_html_()
    True
    """

    headers: tuple
    rows: tuple
    widths: tuple = ()
    caption: str = ""

    def _repr_html_(self) -> str:
        widths = self.widths or ("",) * len(self.headers)
        head = "".join(
            f'<th style="text-align:left;min-width:{w}">{html.escape(h)}</th>' if w
            else f'<th style="text-align:left">{html.escape(h)}</th>'
            for h, w in zip(self.headers, widths))
        body = "".join("<tr>" + "".join(f'<td style="text-align:left;vertical-align:top">'
                                         f"{c}</td>" for c in row) + "</tr>"
                       for row in self.rows)
        cap = f"<caption>{self.caption}</caption>" if self.caption else ""
        return (f'<table class="table audit-table" style="font-size:0.85em">{cap}'
                f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")

    def __repr__(self) -> str:
        lines = [" | ".join(self.headers)]
        lines += [" | ".join(_plain(c) for c in row) for row in self.rows]
        return "\n".join(lines)


@dataclass(frozen=True)
class HtmlBlock:
    """A block of HTML for a notebook output, with a plain-text version for
    nbval.

    Examples
    --------
    >>> b = HtmlBlock("<p>two <b>claims</b></p>")
    >>> print(repr(b))
    two claims
    """

    html: str

    def _repr_html_(self) -> str:
        return self.html

    def __repr__(self) -> str:
        text = re.sub(r"</(p|li|div|h\d)>", "\n", self.html)
        return "\n".join(ln.strip() for ln in _plain(text).splitlines() if ln.strip())


def html_table(rows, columns, headers=None, widths=()) -> HtmlTable:
    """An :class:`HtmlTable` from a list of dicts (values escaped and put in
    the book's notation with :func:`prose`; floats with 4 significant digits).

    Examples
    --------
    >>> print(repr(html_table([{"x": "theta = 1", "y": 0.123456}], ["x", "y"], ["a", "b"])))
    a | b
    θ = 1 | 0.1235
    """
    def cell(v):
        if isinstance(v, bool):
            return "yes" if v else "no"
        if isinstance(v, float):
            return f"{v:.4g}"
        return prose(str(v))
    return HtmlTable(tuple(headers or columns),
                     tuple(tuple(cell(r.get(c, "")) for c in columns) for r in rows), widths)


def hinges_on(verdict) -> str | None:
    """The key in :data:`READINGS` of what a verdict hinges on, read from
    the alternative its check reports (None when it names none).

    The reading named first in the alternative's text is returned; an
    alternative that names none of them is about the wording of the claim.

    Examples
    --------
    >>> from trustgame.audit.registry import Verdict
    >>> hinges_on(Verdict(ONLY_UNDER, "", alternative="salience theta <= 0.75"))
    'salience'
    >>> hinges_on(Verdict(ONLY_UNDER, "", alternative="the ex-ante reading; L = 0 too"))
    'refinement'
    >>> hinges_on(Verdict(REPRODUCED, "")) is None
    True
    """
    text = verdict.alternative
    if not text:
        return None
    found = [(text.find(w), key) for key, (_, words) in READINGS.items() for w in words
             if w in text]
    return min(found)[1] if found else "wording"


def _anchor(claim, href: str) -> str:
    """The claim's id, linked to its section of the notes when it has one."""
    name = html.escape(claim.id)
    return f'<a href="{href}{claim.notes}">{name}</a>' if claim.notes else name


def verdict_counts(pairs=None) -> dict:
    """How many claims have each verdict.

    Returns
    -------
    dict
        ``{"claims": n, "reproduced": ..., "reproduced only under": ...,
        "not reproduced": ...}``.

    Examples
    --------
    >>> from trustgame.audit.registry import load_claims, run_all
    >>> verdict_counts(run_all(load_claims()[:2]))["reproduced"]
    2
    """
    pairs = run_all() if pairs is None else pairs
    counts = Counter(v.status for _, v in pairs)
    return {"claims": len(pairs), **{s: counts.get(s, 0) for s in
                                     (REPRODUCED, ONLY_UNDER, NOT_REPRODUCED)}}


def _restoring(verdict) -> str:
    """A verdict under the reading that restores the claim (HTML)."""
    if verdict.status == REPRODUCED:
        return "reproduced"
    if verdict.status == ONLY_UNDER:
        if hinges_on(verdict) == "scope":
            return ("reproduced with pure period-1 play, the assumed default; not once a type "
                    "may mix in period 1")
        return f"reproduced under {prose(verdict.alternative)}"
    if verdict.alternative:
        return f"not reproduced; closest: {prose(verdict.alternative)}"
    return "not reproduced under any reading tried"


def verdict_table(pairs=None, href: str = "#") -> HtmlTable:
    """The verdict table: every claim, its verdict under the assumed
    defaults, its verdict under the reading that restores it, and what that
    hinges on.

    Parameters
    ----------
    pairs : list of (Claim, Verdict), optional
        Default: :func:`~trustgame.audit.registry.run_all`.
    href : str
        Prefix of the links from each claim to its section of the
        replication notes (``"#"`` inside the notes,
        ``"replication_notes.html#"`` from another page of the book).

    Returns
    -------
    HtmlTable
        Columns: claim (linked), what the paper says (with the section of
        the paper), under the assumed defaults, under the reading that
        restores it, hinges on.

    Examples
    --------
    >>> from trustgame.audit.registry import load_claims, run_all
    >>> t = verdict_table(run_all(load_claims()[3:4]))
    >>> t.rows[0][2], t.rows[0][4]
    ('only under another reading', 'the wording of the claim')
    """
    pairs = run_all() if pairs is None else pairs
    rows = []
    for c, v in pairs:
        key = hinges_on(v) if v.status == ONLY_UNDER else None
        said = (f'{prose(c.claim)}<br><span style="font-size:.85em;color:#6c757d">'
                f"{html.escape(c.section)}</span>")
        rows.append((_anchor(c, href), said, _VERDICT_TEXT[v.status], _restoring(v),
                     READINGS[key][0] if key else ""))
    return HtmlTable(("claim", "what the paper says (and where)", "under the assumed defaults",
                      "under the reading that restores it", "hinges on"), tuple(rows),
                     ("7em", "18em", "6em", "11em", "5em"))


def readings_table(pairs=None, href: str = "#") -> HtmlTable:
    """The readings that restore claims, the one that restores most first:
    for each, the assumed default it replaces, the claims it restores
    (linked) and how many.

    Examples
    --------
    >>> from trustgame.audit.registry import Claim, Verdict
    >>> pairs = [(Claim("a", "s", "c", "x", ONLY_UNDER, notes="n"),
    ...           Verdict(ONLY_UNDER, "", alternative="salience theta <= 0.75"))]
    >>> print(repr(readings_table(pairs)))
    hinges on | assumed default | claims restored | number
    the salience θ | θ = 1 (both periods weigh the same) | a | 1
    """
    pairs = run_all() if pairs is None else pairs
    groups: dict = {}
    for c, v in pairs:
        if v.status == ONLY_UNDER:
            groups.setdefault(hinges_on(v), []).append(c)
    order = sorted(groups, key=lambda k: (-len(groups[k]), list(READINGS).index(k)))
    rows = tuple((READINGS[k][0], ASSUMED_DEFAULTS.get(k, "none (as stated)"),
                  ", ".join(_anchor(c, href) for c in groups[k]), str(len(groups[k])))
                 for k in order)
    return HtmlTable(("hinges on", "assumed default", "claims restored", "number"), rows,
                     ("8em", "10em", "14em", ""))


def _notes_of(claims) -> str | None:
    """The section of the notes most of ``claims`` point to."""
    notes = Counter(c.notes for c in claims if c.notes)
    return notes.most_common(1)[0][0] if notes else None


def main_findings(pairs=None, n: int = 3) -> list[dict]:
    """The headline findings: the ``n`` readings that restore most claims,
    then the claims reproduced under no reading.

    Returns
    -------
    list of dict
        ``key`` (in :data:`READINGS`, or ``"not reproduced"``), ``name``,
        ``default`` (the assumed default, or None), ``claims`` (their ids),
        ``count`` and ``notes`` (the section of the replication notes most
        of them are explained in).

    Examples
    --------
    >>> from trustgame.audit.registry import Claim, Verdict
    >>> pairs = [(Claim("a", "s", "c", "x", ONLY_UNDER, notes="notes-salience"),
    ...           Verdict(ONLY_UNDER, "", alternative="salience theta <= 0.75")),
    ...          (Claim("b", "s", "c", "x", NOT_REPRODUCED), Verdict(NOT_REPRODUCED, ""))]
    >>> [(f["key"], f["claims"], f["notes"]) for f in main_findings(pairs)]
    [('salience', ['a'], 'notes-salience'), ('not reproduced', ['b'], None)]
    """
    pairs = run_all() if pairs is None else pairs
    groups: dict = {}
    for c, v in pairs:
        if v.status == ONLY_UNDER:
            groups.setdefault(hinges_on(v), []).append(c)
    order = sorted(groups, key=lambda k: (-len(groups[k]), list(READINGS).index(k)))[:n]
    out = [{"key": k, "name": READINGS[k][0], "default": ASSUMED_DEFAULTS.get(k),
            "claims": [c.id for c in groups[k]], "count": len(groups[k]),
            "notes": _notes_of(groups[k])} for k in order]
    failed = [c for c, v in pairs if v.status == NOT_REPRODUCED]
    if failed:
        out.append({"key": NOT_REPRODUCED, "name": NOT_REPRODUCED, "default": None,
                    "claims": [c.id for c in failed], "count": len(failed),
                    "notes": _notes_of(failed)})
    return out


def headline(pairs=None, href: str = "replication_notes.html#") -> HtmlBlock:
    """The verdicts in brief, for the landing page: the counts, then each
    of :func:`main_findings` on one line, linked to its evidence.

    Examples
    --------
    >>> from trustgame.audit.registry import Claim, Verdict
    >>> pairs = [(Claim("a", "s", "c", "x", ONLY_UNDER, notes="notes-salience"),
    ...           Verdict(ONLY_UNDER, "", alternative="salience theta <= 0.75"))]
    >>> print(repr(headline(pairs)))
    1 claims audited: 0 reproduced, 1 only under another reading, 0 not reproduced (the verdict table).
    1 hinge on the salience θ (assumed default: θ = 1)
    """
    pairs = run_all() if pairs is None else pairs
    n = verdict_counts(pairs)
    ids = {c.id: c for c, _ in pairs}
    top = (f"<p><b>{n['claims']} claims audited:</b> {n[REPRODUCED]} reproduced, "
           f"{n[ONLY_UNDER]} only under another reading, {n[NOT_REPRODUCED]} not reproduced "
           f'(<a href="{href}notes-verdicts">the verdict table</a>).</p>')
    items = []
    for f in main_findings(pairs):
        what = f"{f['count']} not reproduced" if f["key"] == NOT_REPRODUCED else \
            f"{f['count']} hinge on {f['name']}"
        head = f'<a href="{href}{f["notes"]}">{what}</a>' if f["notes"] else what
        if f["key"] == NOT_REPRODUCED:
            items.append(f"<li>{head}: " + ", ".join(_anchor(ids[i], href) for i in f["claims"])
                         + "</li>")
        else:
            default = f["default"].split(" (")[0].split(",")[0]
            items.append(f"<li>{head} (assumed default: {default})</li>")
    return HtmlBlock(top + '<ul class="headline-findings" style="margin-bottom:.4em">'
                     + "".join(items) + "</ul>")


def figure_verdicts(pairs=None) -> dict:
    """For Figures 1-3: the registry's paraphrase of what the figure shows
    (its ``figN-regions`` claim), the verdict and the reading that restores
    it, as HTML.

    Returns
    -------
    dict
        ``{1: {"claim": ..., "verdict": ..., "notes": ...}, ...}``.

    Examples
    --------
    >>> from trustgame.audit.registry import load_claims
    >>> claims = [c for c in load_claims() if c.id == "fig2-regions"]
    >>> figure_verdicts(run_all(claims))[2]["verdict"]
    'not reproduced'
    """
    pairs = run_all() if pairs is None else pairs
    out = {}
    for c, v in pairs:
        m = re.fullmatch(r"fig([123])-regions", c.id)
        if m:
            out[int(m.group(1))] = {"claim": prose(c.claim), "verdict": _VERDICT_TEXT[v.status],
                                    "restoring": _restoring(v), "notes": c.notes}
    return out


def _names(names) -> str:
    return ", ".join(names) if names else "none"


def alternative_rows(number: int) -> list[dict]:
    """:func:`~trustgame.audit.alternatives.alternative_table` with the
    names joined as text and the specification of the assumed defaults
    called so.

    Examples
    --------
    >>> alternative_rows(1)[0]["specification"]
    'assumed defaults (weak dominance, type by type, theta = 1)'
    """
    out = []
    for r in alternative_table(number):
        spec = r["specification"]
        if spec.startswith("main text"):
            spec = "assumed defaults (weak dominance, type by type, theta = 1)"
        out.append({**r, "specification": spec, "extra": _names(r["extra"]),
                    "missing": _names(r["missing"])})
    return out


def alternative_frame(number: int) -> HtmlTable:
    """The alternative specifications of Figure ``number`` as a table: the
    PBE-ER beyond the paper's, the paper's that are missing, whether every
    cell has exactly one PBE-ER and how many cells have none.

    Examples
    --------
    >>> t = alternative_frame(1)
    >>> t.headers[0], t.rows[0][0]
    ('specification', 'assumed defaults (weak dominance, type by type, θ = 1)')
    """
    return html_table(alternative_rows(number),
                      ["specification", "extra", "missing", "unique", "empty_cells"],
                      ["specification", "PBE-ER beyond the paper's", "paper's PBE-ER missing",
                       "one PBE-ER in every cell", "cells with no PBE-ER"],
                      ("12em", "10em", "9em", "", ""))


def verdict_frame(pairs=None):
    """The summary table: one row per claim (a pandas DataFrame).

    Parameters
    ----------
    pairs : list of (Claim, Verdict), optional
        Default: :func:`~trustgame.audit.registry.run_all`.

    Returns
    -------
    pandas.DataFrame
        Columns ``claim`` (id), ``section``, ``what the paper says``,
        ``verdict`` (computed) and ``only under`` (the alternative under
        which it is reproduced, if any).

    Examples
    --------
    >>> from trustgame.audit.registry import load_claims, run_all
    >>> verdict_frame(run_all(load_claims()[1:2]))[["claim", "verdict"]]
                 claim     verdict
    0  threshold-value  reproduced
    """
    import pandas as pd

    pairs = run_all() if pairs is None else pairs
    rows = []
    for c, v in pairs:
        rows.append({"claim": c.id, "section": c.section, "what the paper says": c.claim,
                     "verdict": v.status,
                     "only under": v.alternative if v.status == ONLY_UNDER else ""})
    return pd.DataFrame(rows)


def witness_frame(w: Witness):
    """A witness's equilibria and payoffs as a DataFrame (one row per
    equilibrium, one column per type).

    Examples
    --------
    >>> from trustgame.audit.registry import Witness
    >>> w = Witness({}, ({"name": "tragic", "efficient": True, "payoffs": {"A/security": 0.0}},),
    ...             "x")
    >>> witness_frame(w)
      equilibrium PBE-ER  A/security
    0      tragic    yes         0.0
    """
    import pandas as pd

    rows = []
    for e in w.equilibria:
        row = {"equilibrium": e["name"], "PBE-ER": "yes" if e["efficient"] else "no"}
        row.update(e["payoffs"])
        rows.append(row)
    return pd.DataFrame(rows)


def _type_label(key: str) -> str:
    """``"A/security"`` -> ``"A, security-seeker"``."""
    state, kind = key.split("/")
    return f"{state}, {'security-seeker' if kind == 'security' else kind}"


def witness_table(w: Witness) -> HtmlTable:
    """A witness's equilibria and each type's expected payoff, as a table
    (payoffs to 4 decimals).

    Examples
    --------
    >>> from trustgame.audit.registry import Witness
    >>> w = Witness({}, ({"name": "tragic", "efficient": True, "payoffs": {"A/security": 0.0}},),
    ...             "x")
    >>> print(repr(witness_table(w)))
    equilibrium | PBE-ER | A, security-seeker
    tragic | yes | 0.0000
    """
    keys = list(dict.fromkeys(k for e in w.equilibria for k in e["payoffs"]))
    rows = tuple((html.escape(e["name"]), "yes" if e["efficient"] else "no",
                  *(f"{e['payoffs'][k]:.4f}".replace("-", "−") for k in keys))
                 for e in w.equilibria)
    return HtmlTable(("equilibrium", "PBE-ER", *(_type_label(k) for k in keys)), rows)
