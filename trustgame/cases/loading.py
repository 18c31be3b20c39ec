"""Readers of the case tables and timelines, with their validation.

Files (all under ``data/``, paths built from the package's location):

``cases/<case>.csv``
    One row per model parameter: ``case, state_A, state_B, parameter,
    refers_to, paper_wording, label, assumed, evidence, citation``.  The
    ``label`` is a codebook label or ``"not coded"``, in which case
    ``assumed`` gives the value the model uses (a number or ``[lo, hi]`` in
    model units).  Required parameters:
    :data:`~trustgame.cases.codebook.REQUIRED_PARAMETERS`.
``timelines/<case>.csv``
    Events: ``case, date, end, side, actor, action, arena, role, source,
    date_note``; dates are ISO ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.

Every validation error is a :class:`~trustgame.core.errors.CaseDataError`
naming the file, the row (1-based data row) and the column, and the rule
that failed.

Examples
--------
>>> cases = load_cases()
>>> sorted(cases)
['cold-war', 'korea']
>>> korea = cases["korea"]
>>> korea.state_A, korea.state_B, korea.label("pB")
('United States', 'South Korea', 'low')
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from ..core.datafiles import read_csv
from ..core.domain import DOMAIN
from ..core.errors import CaseDataError
from ..core.naming import CLASS_KEYS
from .codebook import (
    DATA_DIR,
    NOT_CODED,
    REQUIRED_PARAMETERS,
    Codebook,
    check_interval,
    load_codebook,
)

__all__ = ["CASE_COLUMNS", "TIMELINE_COLUMNS", "TIMELINE_OPTIONAL", "ROLES", "ARENAS", "SIDES",
           "CODING_BOUNDS", "Coding", "Event", "Case", "read_table", "load_case_file", "load_timeline",
           "load_cases", "as_case", "check_equilibrium_name", "phase_spans"]

#: Columns of a case table.
CASE_COLUMNS = ("case", "state_A", "state_B", "parameter", "refers_to", "paper_wording",
                "label", "assumed", "evidence", "citation")
#: Columns of a timeline.
TIMELINE_COLUMNS = ("case", "date", "end", "side", "actor", "action", "arena", "role",
                    "source", "date_note")
#: Optional columns of a timeline: ``label``, the event's short label in the
#: timeline figure (blank or absent: made from the event's text).
TIMELINE_OPTIONAL = ("label",)
#: Roles of events in the model.
ROLES = ("period-1 signal", "period-1 defection", "period-2 cooperation", "belief update",
         "context")
#: Arenas of events.
ARENAS = ("domestic", "international")
#: Sides of events.
SIDES = ("A", "B", "both", "other")


def _domain_bounds(name: str) -> tuple:
    d = DOMAIN[name]
    return (d.lo, d.hi, d.lo_open, d.hi_open)


#: Model-unit bounds of each numeric row of a case table, ``(lo, hi,
#: lo_open, hi_open)``: an ``assumed`` value must lie inside them.  The
#: model parameters read :data:`trustgame.core.domain.DOMAIN`, with one
#: rule of the cases: a prior is coded in the open interval (0, 1), since a
#: case codes a belief under uncertainty and the class conditions assume
#: that both types occur (the model itself admits priors of 0 and 1).  The
#: counterfactual independences ``betaA_cf``, ``betaB_cf`` are values of
#: ``betaA``, ``betaB``; a correlation lies in [0, 1].
CODING_BOUNDS = {
    **{p: _domain_bounds(p) for p in DOMAIN},
    **{p: (DOMAIN[p].lo, DOMAIN[p].hi, True, True) for p in ("pA", "pB")},
    "betaA_cf": _domain_bounds("betaA"), "betaB_cf": _domain_bounds("betaB"),
    "correlationA": (0, 1, False, False), "correlationB": (0, 1, False, False),
}
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_KEY = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_NAMES_HINT = "see trustgame.core.naming.CLASS_KEYS"


@dataclass(frozen=True)
class Coding:
    """One row of a case table.

    Attributes
    ----------
    parameter, refers_to, paper_wording, label, evidence, citation : str
    assumed : tuple or str or None
        For an uncoded row, the value the model assumes: ``(lo, hi)`` in
        model units, or a category / equilibrium name.
    row : int
        1-based data row in the file.

    Examples
    --------
    >>> load_cases()["korea"].coding("H").coded
    False
    """

    parameter: str
    refers_to: str
    paper_wording: str
    label: str
    assumed: object
    evidence: str
    citation: str
    row: int

    @property
    def coded(self) -> bool:
        """True when the paper codes this parameter."""
        return self.label != NOT_CODED


@dataclass(frozen=True)
class Event:
    """One event of a case timeline.

    Examples
    --------
    >>> e = Event(1, "1987-12", "", "both", "Reagan and Gorbachev", "INF Treaty signed",
    ...           "international", "period-2 cooperation", "Kydd 2005", "paper", label="INF")
    >>> e.label
    'INF'
    >>> e.start, e.stop
    (datetime.date(1987, 12, 1), datetime.date(1987, 12, 31))
    >>> round(e.mid, 3), e.start_year, e.end_year
    (1987.958, 1987.9150684931508, 1988.0)
    """

    row: int
    date: str
    end: str
    side: str
    actor: str
    action: str
    arena: str
    role: str
    source: str
    date_note: str
    #: Short label for the timeline figure ("" when the file gives none).
    label: str = ""

    @property
    def start(self) -> dt.date:
        """First day of the stated period."""
        return _date_span(self.date)[0]

    @property
    def stop(self) -> dt.date:
        """Last day of the stated period (of ``end`` when given)."""
        return _date_span(self.end or self.date)[1]

    @property
    def start_year(self) -> float:
        """The start of the period (its first day's start) as a decimal year."""
        return _year(self.start)

    @property
    def end_year(self) -> float:
        """The end of the period (its last day's end) as a decimal year."""
        return _year(self.stop + dt.timedelta(days=1))

    @property
    def mid(self) -> float:
        """Midpoint of the period as a decimal year (where the plot puts it)."""
        return (self.start_year + self.end_year) / 2


def _date_span(text: str) -> tuple:
    parts = [int(x) for x in text.split("-")]
    if len(parts) == 1:
        return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)
    if len(parts) == 2:
        last = calendar.monthrange(parts[0], parts[1])[1]
        return dt.date(parts[0], parts[1], 1), dt.date(parts[0], parts[1], last)
    d = dt.date(*parts)
    return d, d


def _year(d: dt.date) -> float:
    start = dt.date(d.year, 1, 1)
    days = 366 if calendar.isleap(d.year) else 365
    return d.year + (d - start).days / days


@dataclass(frozen=True)
class Case:
    """A coded case.

    Attributes
    ----------
    key : str
        ``"cold-war"``, ``"korea"``, ...
    state_A, state_B : str
        Which state plays A and which plays B.
    codings : dict
        Parameter -> :class:`Coding`, in file order.
    events : tuple of Event
        The timeline, sorted by the midpoint of each event's dates.
    codebook : Codebook
        The codebook the labels were checked against.
    source : pathlib.Path

    Examples
    --------
    >>> cw = load_cases()["cold-war"]
    >>> cw.prediction, cw.motives
    ('trust-building', ('security-seeker', 'security-seeker'))
    """

    key: str
    state_A: str
    state_B: str
    codings: dict
    events: tuple
    codebook: Codebook
    source: Path

    def coding(self, parameter: str) -> Coding:
        """The row of one parameter."""
        return self.codings[parameter]

    def label(self, parameter: str) -> str:
        """The label of one parameter (``"not coded"`` when uncoded)."""
        return self.codings[parameter].label

    @property
    def prediction(self) -> str | None:
        """The equilibrium the paper says the case fits (None if uncoded)."""
        c = self.codings["prediction"]
        return c.label if c.coded else (c.assumed or None)

    @property
    def motives(self) -> tuple:
        """True motives of A and B (coded or assumed)."""
        out = []
        for p in ("motiveA", "motiveB"):
            c = self.codings[p]
            out.append(c.label if c.coded else c.assumed)
        return tuple(out)


def read_table(path: Path, columns: tuple, unique: tuple = (), optional: tuple = ()) -> list:
    """Rows of a CSV file as dicts of stripped strings.

    Reads through :func:`trustgame.core.datafiles.read_csv`: the header
    must name every one of ``columns`` and may name some of ``optional``
    (an absent optional column is absent from the dicts), nothing else,
    and every row has as many fields.

    Raises
    ------
    CaseDataError
        For bytes that are not UTF-8, a NUL byte, a missing, unknown or
        repeated column, a short or long row, or a repeated ``unique`` key.

    Examples
    --------
    >>> rows = read_table(DATA_DIR / "cases" / "korea.csv", CASE_COLUMNS)
    >>> rows[0]["parameter"], rows[0]["label"]
    ('pA', 'high')
    """
    return read_csv(path, columns, optional=optional, unique=unique, error=CaseDataError)


def _parse_assumed(path, i, parameter, text):
    if parameter == "prediction":
        if text and text not in CLASS_KEYS:
            raise CaseDataError(path, i, "assumed", f"unknown equilibrium name {text!r}")
        return text or None
    if parameter in ("motiveA", "motiveB"):
        return text
    t = text.strip()
    try:
        if t.startswith("["):
            if not t.endswith("]"):
                raise ValueError
            lo, hi = (float(x) for x in t[1:-1].split(","))
        else:
            lo = hi = float(t)
    except ValueError:
        raise CaseDataError(path, i, "assumed",
                            f"need a number or [lo, hi] for {parameter} (got {text!r})") from None
    lo_b, hi_b, lo_open, hi_open = CODING_BOUNDS[parameter]
    check_interval(path, i, "assumed", (lo, hi), lo_b, hi_b, lo_open, hi_open, parameter)
    return (lo, hi)


def load_case_file(path, codebook: Codebook | None = None) -> Case:
    """Read and validate one case table (without its timeline).

    Parameters
    ----------
    path : str or Path
    codebook : Codebook, optional
        Default :func:`~trustgame.cases.codebook.load_codebook`.

    Raises
    ------
    CaseDataError
        For a missing column, an unknown parameter or label, a duplicate or
        missing parameter, an assumed value outside the parameter's range
        (:data:`CODING_BOUNDS`), a row without evidence (or a coded row
        without a citation), or A/B roles (or case keys) that differ
        between rows.

    Examples
    --------
    >>> case = load_case_file(DATA_DIR / "cases" / "cold_war.csv")
    >>> case.key, case.label("betaB"), case.coding("H").assumed
    ('cold-war', 'moderate-to-high', (1.5, 1.5))
    """
    path = Path(path)
    codebook = codebook if codebook is not None else load_codebook()
    rows = read_table(path, CASE_COLUMNS)
    if not rows:
        raise CaseDataError(path, "document", "parameter", "the table has no data rows")
    first = rows[0]
    codings = {}
    for i, r in enumerate(rows, start=1):
        if not _KEY.match(r["case"]):
            raise CaseDataError(path, i, "case", f"case key must be lower-case words joined "
                                                 f"by '-' (got {r['case']!r})")
        if r["case"] != first["case"]:
            raise CaseDataError(path, i, "case", f"case is {r['case']!r} here but "
                                                 f"{first['case']!r} in row 1")
        for col in ("state_A", "state_B"):
            if not r[col]:
                raise CaseDataError(path, i, col, "name the state that plays this role")
            if r[col] != first[col]:
                raise CaseDataError(path, i, col, f"inconsistent roles: {col} is {r[col]!r} "
                                                  f"here but {first[col]!r} in row 1")
        if r["state_A"] == r["state_B"]:
            raise CaseDataError(path, i, "state_B", "A and B must be different states")
        p = r["parameter"]
        if p not in REQUIRED_PARAMETERS:
            raise CaseDataError(path, i, "parameter", f"unknown parameter {p!r} (known: "
                                                      f"{', '.join(REQUIRED_PARAMETERS)})")
        if p in codings:
            raise CaseDataError(path, i, "parameter",
                                f"parameter {p!r} already given in row {codings[p].row}")
        label = r["label"]
        assumed = None
        if label == NOT_CODED:
            if not r["assumed"] and p != "prediction":
                raise CaseDataError(path, i, "assumed",
                                    f"{p} is not coded: give the value the model assumes")
            assumed = _parse_assumed(path, i, p, r["assumed"])
            if p in ("motiveA", "motiveB"):
                cats = codebook.scale_for(p).categories
                if assumed not in cats:
                    raise CaseDataError(path, i, "assumed", f"unknown motive {assumed!r} "
                                                            f"(known: {', '.join(cats)})")
        else:
            if p == "prediction":
                known = CLASS_KEYS
            else:
                try:
                    scale = codebook.scale_for(p)
                except KeyError as exc:
                    raise CaseDataError(path, i, "parameter", str(exc.args[0])) from None
                known = scale.categories or scale.label_names()
            if label not in known:
                hint = ", ".join(known) if len(known) < 10 else _NAMES_HINT
                raise CaseDataError(path, i, "label", f"unknown label {label!r} for {p} "
                                                      f"(known: {hint}; or {NOT_CODED!r})")
            if r["assumed"]:
                raise CaseDataError(path, i, "assumed", "a coded row takes its interval from "
                                                        "the codebook: leave 'assumed' empty")
            if not r["citation"]:
                raise CaseDataError(path, i, "citation", "a coded row needs the paper's source")
        if not r["evidence"]:
            raise CaseDataError(path, i, "evidence", "paraphrase the evidence (or the reason "
                                                     "for the assumption)")
        codings[p] = Coding(p, r["refers_to"], r["paper_wording"], label, assumed,
                            r["evidence"], r["citation"], i)
    for p in REQUIRED_PARAMETERS:
        if p not in codings:
            raise CaseDataError(path, f"rows 1-{len(rows)}", "parameter",
                                f"required parameter {p!r} is missing")
    return Case(first["case"], first["state_A"], first["state_B"], codings, (), codebook, path)


def _by_date(events) -> tuple:
    return tuple(sorted(events, key=lambda e: (e.mid, e.row)))


def load_timeline(path) -> dict:
    """Read and validate a timeline file.

    The columns are :data:`TIMELINE_COLUMNS` and, optionally, ``label``
    (:data:`TIMELINE_OPTIONAL`), the short label of the event in the
    timeline figure; a timeline without the column loads with every
    label blank.

    Returns
    -------
    dict
        Case key -> tuple of :class:`Event` sorted by the midpoint of their
        dates (a year-only date sits in the middle of its year).

    Raises
    ------
    CaseDataError
        For a date that does not parse, an end before the start, or an
        unknown side, arena or role.

    Examples
    --------
    >>> ev = load_timeline(DATA_DIR / "timelines" / "korea.csv")["korea"]
    >>> ev[0].date, ev[0].role, ev[0].label
    ('1961-05-16', 'context', 'Military coup')
    """
    path = Path(path)
    out = {}
    rows = read_table(path, TIMELINE_COLUMNS, unique=("case", "date", "actor", "action"),
                      optional=TIMELINE_OPTIONAL)
    if not rows:
        raise CaseDataError(path, "document", "case", "the timeline has no events")
    for i, r in enumerate(rows, start=1):
        if not _KEY.match(r["case"]):
            raise CaseDataError(path, i, "case", f"invalid case key {r['case']!r}")
        for col in ("date", "end"):
            if col == "end" and not r[col]:
                continue
            ok = bool(_DATE.match(r[col]))
            if ok:
                try:
                    _date_span(r[col])
                except ValueError:
                    ok = False
            if not ok:
                raise CaseDataError(path, i, col, f"date {r[col]!r} does not parse (use "
                                                  "YYYY, YYYY-MM or YYYY-MM-DD)")
        if r["end"] and _date_span(r["end"])[1] < _date_span(r["date"])[0]:
            raise CaseDataError(path, i, "end", f"end {r['end']!r} is before {r['date']!r}")
        for col, allowed in (("side", SIDES), ("arena", ARENAS), ("role", ROLES)):
            if r[col] not in allowed:
                raise CaseDataError(path, i, col, f"unknown {col} {r[col]!r} "
                                                  f"(known: {', '.join(allowed)})")
        for col in ("actor", "action", "source"):
            if not r[col]:
                raise CaseDataError(path, i, col, "must not be empty")
        ev = Event(i, r["date"], r["end"], r["side"], r["actor"], r["action"], r["arena"],
                   r["role"], r["source"], r["date_note"], r.get("label", ""))
        out.setdefault(r["case"], []).append(ev)
    return {k: _by_date(v) for k, v in out.items()}


def load_cases(directory=None, codebook=None, timelines=None) -> dict:
    """Load and validate every case table in a folder.

    Parameters
    ----------
    directory : str or Path, optional
        Folder of case tables (``*.csv``); default ``data/cases``.
    codebook : str, Path or Codebook, optional
        Default ``codebook.yml`` next to ``directory``.
    timelines : str or Path, optional
        Folder of timelines; default ``timelines`` next to ``directory``
        (skipped when it does not exist).

    Returns
    -------
    dict
        Case key -> :class:`Case` (keys ``"cold-war"`` and ``"korea"`` for
        the repository's data).

    Raises
    ------
    CaseDataError
        See :func:`~trustgame.cases.codebook.load_codebook`,
        :func:`load_case_file` and :func:`load_timeline`; also for two files
        with the same case key and a timeline for a case that has no table.

    Examples
    --------
    >>> cases = load_cases()
    >>> [len(cases[k].events) > 5 for k in ("cold-war", "korea")]
    [True, True]
    """
    directory = Path(directory) if directory is not None else DATA_DIR / "cases"
    if codebook is None:
        codebook = directory.parent / "codebook.yml"
    if not isinstance(codebook, Codebook):
        codebook = load_codebook(codebook)
    timelines = Path(timelines) if timelines is not None else directory.parent / "timelines"
    cases = {}
    for f in sorted(directory.glob("*.csv")):
        case = load_case_file(f, codebook)
        if case.key in cases:
            raise CaseDataError(f, 1, "case", f"case {case.key!r} is also defined in "
                                              f"{cases[case.key].source.name}")
        cases[case.key] = case
    if timelines.is_dir():
        for f in sorted(timelines.glob("*.csv")):
            for key, events in load_timeline(f).items():
                if key not in cases:
                    raise CaseDataError(f, events[0].row, "case",
                                        f"timeline for case {key!r}, which has no case table")
                c = cases[key]
                cases[key] = Case(c.key, c.state_A, c.state_B, c.codings,
                                  _by_date(c.events + events), c.codebook, c.source)
    return cases


def as_case(case) -> Case:
    """``case`` itself, or the repository's case with that key.

    Raises
    ------
    KeyError
        For a key that names no case of ``data/cases``.

    Examples
    --------
    >>> as_case("korea").state_B
    'South Korea'
    """
    if isinstance(case, Case):
        return case
    cases = load_cases()
    if case not in cases:
        raise KeyError(f"no case {case!r} (known: {', '.join(sorted(cases))})")
    return cases[case]


def check_equilibrium_name(name: str) -> str:
    """Return ``name`` if it is the key of a class of PBE with pure
    period-1 play (:data:`trustgame.core.naming.CLASS_KEYS`).

    Raises
    ------
    ValueError
        For any other name.

    Examples
    --------
    >>> check_equilibrium_name("asymmetric-trust-building")
    Traceback (most recent call last):
    ...
    ValueError: unknown equilibrium name 'asymmetric-trust-building' (see trustgame.core.naming.CLASS_KEYS)
    """
    if name not in CLASS_KEYS:
        raise ValueError(f"unknown equilibrium name {name!r} ({_NAMES_HINT})")
    return name


def phase_spans(case) -> dict:
    """Decimal-year spans of the period-1 events (signals and defections)
    and of the period-2 cooperation events: ``{"period 1": (start, end),
    "period 2": (start, end)}`` (a phase without events is left out).

    Examples
    --------
    >>> sp = phase_spans("korea")
    >>> [round(v, 2) for v in sp["period 1"]]
    [1961.33, 1961.92]
    """
    case = as_case(case)
    out = {}
    for phase, roles in (("period 1", ("period-1 signal", "period-1 defection")),
                         ("period 2", ("period-2 cooperation",))):
        sel = [e for e in case.events if e.role in roles]
        if sel:
            out[phase] = (min(e.start_year for e in sel), max(e.end_year for e in sel))
    return out
