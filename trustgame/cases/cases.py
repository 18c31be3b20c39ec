"""Case data: the Cold War and Korea codings, run through the model.

The paper codes its two cases in words (Goldfien, Joseph and McManus 2026,
sections "Mapping the Model to the Case" and "Mapping the Model to the Korea
Case"; its tabular Appendix B is not available).  This module reads those
codings from plain files, turns them into a box of model parameters and asks
the solver which equilibria survive the refinement inside the box.

Files (all under ``data/``, paths built from this file's location):

``cases/<case>.csv``
    One row per model parameter: ``case, state_A, state_B, parameter,
    refers_to, paper_wording, label, assumed, evidence, citation``.  The
    ``label`` is a codebook label or ``"not coded"``, in which case
    ``assumed`` gives the value the model uses (a number or ``[lo, hi]`` in
    model units).  Required parameters: :data:`REQUIRED_PARAMETERS`.
``codebook.yml``
    Our mapping from each label to a numeric interval (with a rationale for
    each); it is an assumption, and the sensitivity table moves every label
    to its neighbours.
``timelines/<case>.csv``
    Events: ``case, date, end, side, actor, action, arena, role, source,
    date_note``; dates are ISO ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.
``templates/``
    Blank copies of both tables for coding a new case.

Every validation error is a :class:`CaseDataError` naming the file, the row
(1-based data row) and the column, and the rule that failed.

How the box is evaluated.  Each parameter of :data:`BOX_PARAMETERS` gets an
interval; a point of the box is a full parameter vector.  The grid method
takes ``n`` cell centres per non-degenerate dimension, the Monte Carlo
method ``n`` uniform draws (seed :data:`SEED`).  Draws are uniform on the
codebook's own scale: for salience that is the period-1 weight
``w = 1 / (1 + theta)``.  At every point the closed-form conditions of
:mod:`trustgame.analysis.conditions` for all 48 classes of PBE with pure period-1
play are evaluated at once (vectorised, the same compiled conditions and
refinement as :func:`trustgame.analysis.maps.region_map`), so the scope is that of
the figures: PBE with pure period-1 play.  The tests compare the result
with :func:`trustgame.solve` point by point.

Examples
--------
>>> cases = load_cases()
>>> sorted(cases)
['cold-war', 'korea']
>>> korea = cases["korea"]
>>> korea.state_A, korea.state_B, korea.label("pB")
('United States', 'South Korea', 'low')
>>> case_box(korea)["pB"]
(0.1, 0.3)
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import math
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import yaml

from ..paper.catalogue import CATALOGUE
from ..analysis.conditions import CLASSES, PATTERN_ACTIONS, SYMBOLS, compile_class
from ..analysis.maps import refine_arrays, region_map
from ..core.errors import CaseDataError
from ..core.model import Params, resolve_tol

__all__ = [
    "SEED",
    "NOT_CODED",
    "DATA_DIR",
    "BOX_PARAMETERS",
    "REQUIRED_PARAMETERS",
    "CASE_COLUMNS",
    "TIMELINE_COLUMNS",
    "ROLES",
    "CaseDataError",
    "Codebook",
    "Scale",
    "Coding",
    "Event",
    "Case",
    "BoxResult",
    "equilibrium_names",
    "load_codebook",
    "load_case_file",
    "load_timeline",
    "load_cases",
    "case_box",
    "box_centre",
    "sample_box",
    "evaluate_points",
    "evaluate_box",
    "prediction_share",
    "counterfactual_share",
    "sensitivity_table",
    "predicted_path",
    "observed_path",
    "full_scope_rows",
    "markdown_table",
    "codings_rows",
    "codebook_rows",
    "timeline_rows",
    "phase_spans",
    "fill_template",
    "case_map",
    "draw_box",
    "plot_case_map",
    "plot_timeline",
]

#: Seed of every Monte Carlo draw in the case chapters.
SEED = 20261123
#: Label of a parameter the paper does not code.
NOT_CODED = "not coded"
#: The data folder of the repository.
DATA_DIR = Path(__file__).resolve().parents[2] / "data"

#: Parameters that form the box (the fields of :class:`trustgame.core.model.Params`).
BOX_PARAMETERS = ("H", "L", "k", "pA", "pB", "betaA", "betaB", "thetaA", "thetaB")
#: Rows every case table must have.
REQUIRED_PARAMETERS = BOX_PARAMETERS + (
    "correlationA", "correlationB", "motiveA", "motiveB", "betaA_cf", "betaB_cf", "prediction")
#: Columns of a case table.
CASE_COLUMNS = ("case", "state_A", "state_B", "parameter", "refers_to", "paper_wording",
                "label", "assumed", "evidence", "citation")
#: Columns of a timeline.
TIMELINE_COLUMNS = ("case", "date", "end", "side", "actor", "action", "arena", "role",
                    "source", "date_note")
#: Roles of events in the model.
ROLES = ("period-1 signal", "period-1 defection", "period-2 cooperation", "belief update",
         "context")
ARENAS = ("domestic", "international")
SIDES = ("A", "B", "both", "other")

# Model-unit bounds of each parameter: (lo, hi, lo_open, hi_open).
_BOUNDS = {
    "pA": (0, 1, True, True), "pB": (0, 1, True, True),
    "betaA": (0, 1, False, False), "betaB": (0, 1, False, False),
    "betaA_cf": (0, 1, False, False), "betaB_cf": (0, 1, False, False),
    "thetaA": (0, math.inf, True, True), "thetaB": (0, math.inf, True, True),
    "correlationA": (0, 1, False, False), "correlationB": (0, 1, False, False),
    "H": (1, math.inf, True, True), "L": (-math.inf, 1, True, True),
    "k": (0, math.inf, True, True),
}
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_KEY = re.compile(r"^[a-z0-9][a-z0-9-]*$")


# ---------------------------------------------------------------------------
# Codebook
# ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Scale:
    """One scale of the codebook.

    Attributes
    ----------
    name : str
    parameters : tuple of str
        Case-table parameters coded on this scale.
    quantity : str
        What the numbers measure.
    transform : {"identity", "weight"}
        ``"weight"``: an interval of the period-1 weight ``w`` maps to
        ``theta = (1 - w) / w``.
    labels : tuple of (label, (lo, hi), rationale)
        Ordered from lowest to highest.
    categories : tuple of str
        For categorical scales (motives).
    alternatives : dict
        Values the sensitivity table tries for uncoded parameters.
    """

    name: str
    parameters: tuple
    quantity: str
    transform: str = "identity"
    labels: tuple = ()
    categories: tuple = ()
    alternatives: tuple = ()

    def label_names(self) -> tuple:
        """Labels in order."""
        return tuple(lab for lab, _, _ in self.labels)

    def interval(self, label: str) -> tuple:
        """Interval of a label on the scale's own quantity."""
        for lab, iv, _ in self.labels:
            if lab == label:
                return iv
        raise KeyError(f"scale {self.name!r} has no label {label!r}")

    def neighbours(self, label: str) -> tuple:
        """The labels just below and just above ``label`` (None at the ends)."""
        names = self.label_names()
        i = names.index(label)
        return (names[i - 1] if i > 0 else None, names[i + 1] if i + 1 < len(names) else None)

    def to_model(self, lo: float, hi: float) -> tuple:
        """Convert an interval of the scale's quantity to model units."""
        if self.transform == "weight":
            return (1 / hi - 1, 1 / lo - 1)
        return (lo, hi)


@dataclass(frozen=True)
class Codebook:
    """The label -> interval mapping (our assumption).

    Attributes
    ----------
    path : pathlib.Path
    scales : dict
        Scale name -> :class:`Scale`.
    """

    path: Path
    scales: dict

    def scale_for(self, parameter: str) -> Scale:
        """The scale a case-table parameter is coded on."""
        for s in self.scales.values():
            if parameter in s.parameters:
                return s
        raise KeyError(f"no scale in {self.path.name} codes parameter {parameter!r}")

    def alternatives(self, parameter: str) -> tuple:
        """Sensitivity alternatives of an uncoded parameter (may be empty)."""
        return dict(self.scale_for(parameter).alternatives).get(parameter, ())


def _interval_error(file, row, column, iv, lo, hi, lo_open, hi_open, what):
    a, b = iv
    if not (a <= b):
        raise CaseDataError(file, row, column, f"invalid interval [{a}, {b}] for {what}: "
                                               "lower end above upper end")
    left = a > lo if lo_open else a >= lo
    right = b < hi if hi_open else b <= hi
    if not (left and right):
        br = ("(" if lo_open else "[") + f"{lo}, {hi}" + (")" if hi_open else "]")
        raise CaseDataError(file, row, column,
                            f"interval [{a}, {b}] for {what} lies outside {br}")


def load_codebook(path=None) -> Codebook:
    """Read and validate the codebook.

    Parameters
    ----------
    path : str or Path, optional
        Default ``data/codebook.yml``.

    Returns
    -------
    Codebook

    Raises
    ------
    CaseDataError
        For an interval outside [0, 1] or with its ends reversed, a missing
        rationale, a duplicate label or a parameter on two scales.

    Examples
    --------
    >>> cb = load_codebook()
    >>> cb.scale_for("betaB").interval("moderate")
    (0.5, 0.75)
    >>> cb.scale_for("thetaA").to_model(0.4, 0.6)
    (0.6666666666666667, 1.5)
    """
    path = Path(path) if path is not None else DATA_DIR / "codebook.yml"
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise CaseDataError(path, "document", "-", f"not valid YAML ({exc})") from exc
    if not isinstance(raw, dict) or not isinstance(raw.get("scales"), dict):
        raise CaseDataError(path, "document", "scales", "a mapping 'scales' is required")
    scales, owner = {}, {}
    for sname, s in raw["scales"].items():
        where = f"scale {sname!r}"
        if not isinstance(s, dict):
            raise CaseDataError(path, where, "-", "a scale must be a mapping")
        params = tuple(s.get("parameters") or ())
        if not params:
            raise CaseDataError(path, where, "parameters", "list the parameters coded on it")
        for p in params:
            if p not in REQUIRED_PARAMETERS:
                raise CaseDataError(path, where, "parameters", f"unknown parameter {p!r}")
            if p in owner:
                raise CaseDataError(path, where, "parameters",
                                    f"parameter {p!r} is already on scale {owner[p]!r}")
            owner[p] = sname
        transform = s.get("transform", "identity")
        if transform not in ("identity", "weight"):
            raise CaseDataError(path, where, "transform",
                                f"must be 'identity' or 'weight' (got {transform!r})")
        open_ends = transform == "weight" or bool({"pA", "pB"} & set(params))
        labels, seen = [], set()
        for i, entry in enumerate(s.get("labels") or (), start=1):
            ew = f"scale {sname!r} entry {i}"
            lab = str((entry or {}).get("label", "")).strip()
            if not lab or lab == NOT_CODED:
                raise CaseDataError(path, ew, "label", f"invalid label {lab!r}")
            if lab in seen:
                raise CaseDataError(path, ew, "label", f"duplicate label {lab!r}")
            seen.add(lab)
            iv = entry.get("interval")
            if (not isinstance(iv, (list, tuple)) or len(iv) != 2
                    or not all(isinstance(v, (int, float)) and not isinstance(v, bool)
                               for v in iv)):
                raise CaseDataError(path, ew, "interval", f"need [lo, hi] numbers (got {iv!r})")
            iv = (float(iv[0]), float(iv[1]))
            _interval_error(path, ew, "interval", iv, 0, 1, open_ends, open_ends,
                            f"label {lab!r}")
            rationale = str(entry.get("rationale") or "").strip()
            if not rationale:
                raise CaseDataError(path, ew, "rationale", f"label {lab!r} needs a rationale")
            labels.append((lab, iv, " ".join(rationale.split())))
        cats = tuple(str(c) for c in (s.get("categories") or ()))
        alts = s.get("alternatives") or {}
        for p, vals in alts.items():
            if p not in params:
                raise CaseDataError(path, where, "alternatives",
                                    f"{p!r} is not a parameter of this scale")
        alts = tuple((p, tuple(float(v) for v in vals)) for p, vals in alts.items())
        scales[sname] = Scale(sname, params, " ".join(str(s.get("quantity", "")).split()),
                              transform, tuple(labels), cats, alts)
    return Codebook(path, scales)


# ---------------------------------------------------------------------------
# Case tables
# ---------------------------------------------------------------------------

def equilibrium_names() -> tuple:
    """Names of the 48 classes of PBE with pure period-1 play.

    Examples
    --------
    >>> "asymmetric-trust-building[B]" in equilibrium_names()
    True
    >>> len(equilibrium_names())
    48
    """
    out = []
    for a, b, r in CLASSES:
        name = f"{a}/{b}:{r}"
        for e in CATALOGUE:
            if e.patterns == (a, b) and e.regime == r:
                name = e.key
        out.append(name)
    return tuple(out)


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
    ...           "international", "period-2 cooperation", "Kydd 2005", "paper")
    >>> e.start, e.stop
    (datetime.date(1987, 12, 1), datetime.date(1987, 12, 31))
    >>> round(e.mid, 3)
    1987.958
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

    @property
    def start(self) -> dt.date:
        """First day of the stated period."""
        return _date_span(self.date)[0]

    @property
    def stop(self) -> dt.date:
        """Last day of the stated period (of ``end`` when given)."""
        return _date_span(self.end or self.date)[1]

    @property
    def mid(self) -> float:
        """Midpoint of the period as a decimal year (where the plot puts it)."""
        return (_year(self.start) + _year(self.stop + dt.timedelta(days=1))) / 2


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


def _read_csv(path: Path, columns: tuple) -> list:
    try:
        with open(path, newline="", encoding="utf-8") as f:
            reader = csv.DictReader(f)
            header = reader.fieldnames or []
            for col in columns:
                if col not in header:
                    raise CaseDataError(path, "header", col, "required column is missing")
            rows = []
            for i, r in enumerate(reader, start=1):
                if None in r:
                    raise CaseDataError(path, i, "-", "more fields than columns in the header")
                rows.append({k: (v or "").strip() for k, v in r.items()})
            return rows
    except UnicodeDecodeError as exc:
        raise CaseDataError(path, "document", "-", "not UTF-8 text") from exc


def _parse_assumed(path, i, parameter, text):
    if parameter == "prediction":
        if text and text not in equilibrium_names():
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
    lo_b, hi_b, lo_open, hi_open = _BOUNDS[parameter]
    _interval_error(path, i, "assumed", (lo, hi), lo_b, hi_b, lo_open, hi_open, parameter)
    return (lo, hi)


def load_case_file(path, codebook: Codebook | None = None) -> Case:
    """Read and validate one case table (without its timeline).

    Parameters
    ----------
    path : str or Path
    codebook : Codebook, optional
        Default :func:`load_codebook`.

    Raises
    ------
    CaseDataError
        For a missing column, an unknown parameter or label, a duplicate or
        missing parameter, an assumed value outside the parameter's range,
        a row without evidence (or a coded row without a citation), or A/B
        roles (or case keys) that differ between rows.

    Examples
    --------
    >>> case = load_case_file(DATA_DIR / "cases" / "cold_war.csv")
    >>> case.key, case.label("betaB"), case.coding("H").assumed
    ('cold-war', 'moderate-to-high', (1.5, 1.5))
    """
    path = Path(path)
    codebook = codebook if codebook is not None else load_codebook()
    rows = _read_csv(path, CASE_COLUMNS)
    if not rows:
        raise CaseDataError(path, "document", "parameter", "the table has no data rows")
    first = rows[0]
    names = equilibrium_names()
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
                known = names
            else:
                try:
                    scale = codebook.scale_for(p)
                except KeyError as exc:
                    raise CaseDataError(path, i, "parameter", str(exc.args[0])) from None
                known = scale.categories or scale.label_names()
            if label not in known:
                hint = ", ".join(known) if len(known) < 10 else "see equilibrium_names()"
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


def load_timeline(path) -> dict:
    """Read and validate a timeline file.

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
    >>> ev[0].date, ev[0].role
    ('1961-05-16', 'context')
    """
    path = Path(path)
    out = {}
    for i, r in enumerate(_read_csv(path, TIMELINE_COLUMNS), start=1):
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
                   r["role"], r["source"], r["date_note"])
        out.setdefault(r["case"], []).append(ev)
    return {k: tuple(sorted(v, key=lambda e: (e.mid, e.row))) for k, v in out.items()}


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
        See :func:`load_codebook`, :func:`load_case_file` and
        :func:`load_timeline`; also for two files with the same case key and
        a timeline for a case that has no table.

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
                merged = tuple(sorted(c.events + events, key=lambda e: (e.mid, e.row)))
                cases[key] = Case(c.key, c.state_A, c.state_B, c.codings, merged, c.codebook,
                                  c.source)
    return cases


# ---------------------------------------------------------------------------
# The parameter box
# ---------------------------------------------------------------------------

def _as_case(case) -> Case:
    if isinstance(case, Case):
        return case
    cases = load_cases()
    if case not in cases:
        raise KeyError(f"no case {case!r} (known: {', '.join(sorted(cases))})")
    return cases[case]


def _native_box(case: Case, codebook=None, overrides=None, theta=None) -> dict:
    """Parameter -> (lo, hi, scale or None) on the scale's own quantity."""
    codebook = codebook if codebook is not None else case.codebook
    overrides = dict(overrides or {})
    if theta is not None:
        overrides.setdefault("thetaA", theta)
        overrides.setdefault("thetaB", theta)
    for p in overrides:
        if p not in BOX_PARAMETERS:
            raise ValueError(f"cannot override {p!r}: box parameters are "
                             f"{', '.join(BOX_PARAMETERS)}")
    spec = {}
    for p in BOX_PARAMETERS:
        c = case.codings[p]
        value = overrides.get(p, c.label if c.coded else c.assumed)
        if isinstance(value, str):
            scale = codebook.scale_for(p)
            spec[p] = (*scale.interval(value), scale)
        elif isinstance(value, (tuple, list)):
            spec[p] = (float(value[0]), float(value[1]), None)
        else:
            spec[p] = (float(value), float(value), None)
    return spec


def _to_model(lo, hi, scale):
    return scale.to_model(lo, hi) if scale is not None else (lo, hi)


def case_box(case, codebook=None, overrides=None, theta=None) -> dict:
    """The parameter box of a case, in model units.

    Parameters
    ----------
    case : Case or str
        A case or its key (``"cold-war"``, ``"korea"``).
    codebook : Codebook, optional
        Default: the codebook the case was loaded with.
    overrides : dict, optional
        Parameter -> codebook label, number or ``(lo, hi)`` in model units,
        replacing the coding.
    theta : float or tuple, optional
        Shorthand for overriding ``thetaA`` and ``thetaB`` together (e.g.
        ``theta=1.0``, the model default used to draw the paper's figures).

    Returns
    -------
    dict
        Each of :data:`BOX_PARAMETERS` -> ``(lo, hi)``.

    Examples
    --------
    >>> box = case_box("cold-war")
    >>> box["pA"], box["betaB"], box["k"]
    ((0.01, 0.1), (0.6, 0.9), (0.9, 0.9))
    >>> tuple(round(v, 3) for v in box["thetaB"])
    (0.25, 0.667)
    >>> case_box("cold-war", theta=1.0)["thetaB"]
    (1.0, 1.0)
    """
    case = _as_case(case)
    spec = _native_box(case, codebook, overrides, theta)
    box = {p: tuple(float(v) for v in _to_model(*spec[p])) for p in BOX_PARAMETERS}
    for end in (0, 1):
        try:
            Params(**{p: box[p][end] for p in BOX_PARAMETERS})
        except ValueError as exc:
            raise ValueError(f"case {case.key!r}: the box is not a valid parameter set "
                             f"({exc})") from exc
    return box


def box_centre(case, codebook=None, overrides=None, theta=None) -> Params:
    """The centre of the box (on each scale's own quantity), as Params.

    Examples
    --------
    >>> c = box_centre("korea", theta=1.0)
    >>> c.pA, c.betaB, c.thetaB
    (0.775, 0.875, 1.0)
    """
    case = _as_case(case)
    case_box(case, codebook, overrides, theta)  # validates
    spec = _native_box(case, codebook, overrides, theta)
    kw = {}
    for p, (lo, hi, scale) in spec.items():
        mid = (lo + hi) / 2
        kw[p] = float(_to_model(mid, mid, scale)[0])
    return Params(**kw)


def sample_box(case, method: str = "montecarlo", n: int | None = None, seed: int = SEED,
               codebook=None, overrides=None, theta=None) -> dict:
    """Points of the box.

    Parameters
    ----------
    case : Case or str
    method : {"montecarlo", "grid"}
        ``"montecarlo"``: ``n`` uniform draws (default 4000) with ``seed``;
        the draw matrix always has one column per box parameter, so the
        same seed gives common random numbers across recodings.
        ``"grid"``: ``n`` cell centres (default 5) along every dimension
        whose interval is not a single value.
    n : int, optional
    seed : int
    codebook, overrides, theta
        See :func:`case_box`.

    Returns
    -------
    dict
        Parameter -> 1-d array of values (model units), all the same length.

    Examples
    --------
    >>> pts = sample_box("korea", method="grid", n=2, theta=1.0)
    >>> len(pts["pA"]), sorted(float(v) for v in set(pts["thetaA"]))
    (16, [1.0])
    """
    case = _as_case(case)
    case_box(case, codebook, overrides, theta)  # validates
    spec = _native_box(case, codebook, overrides, theta)
    if method == "montecarlo":
        n = 4000 if n is None else int(n)
        u = np.random.default_rng(seed).random((n, len(BOX_PARAMETERS)))
        cols = {p: u[:, j] for j, p in enumerate(BOX_PARAMETERS)}
    elif method == "grid":
        n = 5 if n is None else int(n)
        varying = [p for p in BOX_PARAMETERS if spec[p][0] < spec[p][1]]
        centres = (np.arange(n) + 0.5) / n
        mesh = np.meshgrid(*([centres] * len(varying)), indexing="ij") if varying else []
        size = n ** len(varying)
        cols = {p: np.full(size, 0.5) for p in BOX_PARAMETERS}
        for p, m in zip(varying, mesh):
            cols[p] = m.ravel()
    else:
        raise ValueError(f"method must be 'montecarlo' or 'grid' (got {method!r})")
    out = {}
    for p in BOX_PARAMETERS:
        lo, hi, scale = spec[p]
        native = lo + cols[p] * (hi - lo)
        if scale is not None and scale.transform == "weight":
            native = 1 / native - 1
        out[p] = np.asarray(native, dtype=float)
    return out


def evaluate_points(points: dict, dominance: str = "weak", tol=None,
                    offpath: str = "free") -> tuple:
    """Which equilibria exist and survive the refinement at each point.

    The closed-form class conditions and the refinement of
    :func:`trustgame.analysis.maps.region_map`, evaluated on a cloud of points
    instead of a two-axis grid (scope: PBE with pure period-1 play).

    Parameters
    ----------
    points : dict
        Each of :data:`BOX_PARAMETERS` -> 1-d array (or number).
    dominance : {"weak", "strict", "none"}
    tol : float, optional
    offpath : str

    Returns
    -------
    names : tuple of str
    exists, efficient : numpy.ndarray of bool, shape (classes, points)

    Examples
    --------
    >>> names, ex, eff = evaluate_points(dict(H=1.5, L=-0.1, k=0.9, pA=[0.35], pB=[0.35],
    ...     betaA=0.6, betaB=0.7, thetaA=1.0, thetaB=1.0))
    >>> [nm for c, nm in enumerate(names) if eff[c, 0]]
    ['trust-building']
    """
    tol = resolve_tol(tol)
    arrays = {p: np.atleast_1d(np.asarray(points[p], dtype=float)) for p in BOX_PARAMETERS}
    size = max(a.size for a in arrays.values())
    args = tuple(np.broadcast_to(arrays[p], (size,)) for p in SYMBOLS)
    shape = (size,)
    names, exists, pays = [], [], []
    for key, name in zip(CLASSES, equilibrium_names()):
        cond, payfns = compile_class(key, offpath)
        names.append(name)
        exists.append(np.broadcast_to(cond(args, tol), shape))
        pays.append(payfns)
    exists = np.array(exists, dtype=bool).reshape(len(names), size)
    efficient = refine_arrays(exists, pays, args, shape, dominance, tol)
    return tuple(names), exists, efficient


@dataclass(frozen=True)
class BoxResult:
    """Equilibria over the points of a case box.

    Attributes
    ----------
    case : str
    method : str
    n : int
        ``n`` as passed (draws, or cells per dimension).
    seed : int or None
    names : tuple of str
    points : dict
    exists, efficient : numpy.ndarray of bool, shape (classes, points)
    dominance : str
    """

    case: str
    method: str
    n: int
    seed: int | None
    names: tuple
    points: dict
    exists: np.ndarray
    efficient: np.ndarray
    dominance: str

    @property
    def size(self) -> int:
        """Number of points evaluated."""
        return int(self.exists.shape[1])

    def _row(self, name, efficient=True):
        if name not in self.names:
            raise ValueError(f"unknown equilibrium name {name!r} (see equilibrium_names())")
        return (self.efficient if efficient else self.exists)[self.names.index(name)]

    def share(self, name: str, efficient: bool = True) -> float:
        """Share of points where ``name`` is a PBE-ER (a PBE if not ``efficient``)."""
        return float(self._row(name, efficient).mean())

    def unique_share(self, name: str) -> float:
        """Share of points where ``name`` is the only PBE-ER."""
        return float((self._row(name) & (self.efficient.sum(axis=0) == 1)).mean())

    def shares(self, efficient: bool = True) -> dict:
        """Name -> share for every equilibrium present, largest first."""
        arr = self.efficient if efficient else self.exists
        out = {n: float(arr[c].mean()) for c, n in enumerate(self.names) if arr[c].any()}
        return dict(sorted(out.items(), key=lambda kv: (-kv[1], kv[0])))

    def none_share(self) -> float:
        """Share of points with no PBE-ER at all."""
        return float((self.efficient.sum(axis=0) == 0).mean())


def evaluate_box(case, method: str = "montecarlo", n: int | None = None, seed: int = SEED,
                 theta=None, codebook=None, overrides=None, dominance: str = "weak",
                 tol=None) -> BoxResult:
    """Evaluate every equilibrium over a case's box.

    Parameters are those of :func:`sample_box` and :func:`evaluate_points`.

    Examples
    --------
    >>> res = evaluate_box("cold-war", n=300)
    >>> res.shares()
    {'trust-building': 1.0}
    """
    case = _as_case(case)
    pts = sample_box(case, method, n, seed, codebook, overrides, theta)
    names, exists, eff = evaluate_points(pts, dominance, tol)
    return BoxResult(case.key, method, n, seed if method == "montecarlo" else None, names,
                     pts, exists, eff, dominance)


def prediction_share(case, name: str | None = None, method: str = "montecarlo",
                     n: int | None = None, seed: int = SEED, theta=None, codebook=None,
                     overrides=None, dominance: str = "weak", unique: bool = False) -> float:
    """Share of a case's box where an equilibrium is a PBE-ER.

    Parameters
    ----------
    case : Case or str
        ``"cold-war"``, ``"korea"`` or a :class:`Case`.
    name : str, optional
        Equilibrium name (``name[leader]`` for asymmetric ones); default:
        the equilibrium the paper says the case fits (``case.prediction``).
    method : {"montecarlo", "grid"}
    n : int, optional
        Draws (default 4000) or cells per dimension (default 5).
    seed : int
        Default :data:`SEED`.
    theta : float or tuple, optional
        Salience for both states; default None uses the coded salience.
    codebook, overrides
        See :func:`case_box`.
    dominance : {"weak", "strict", "none"}
    unique : bool
        Count only points where ``name`` is the only PBE-ER.

    Returns
    -------
    float

    Examples
    --------
    >>> prediction_share("cold-war", n=500)
    1.0
    >>> prediction_share("korea", theta=1.0, n=500)
    0.0
    """
    case = _as_case(case)
    name = name if name is not None else case.prediction
    if name is None:
        raise ValueError(f"case {case.key!r} codes no prediction: pass a name")
    res = evaluate_box(case, method, n, seed, theta, codebook, overrides, dominance)
    return res.unique_share(name) if unique else res.share(name)


def _cf_overrides(case: Case, beta) -> dict:
    if isinstance(beta, str):
        if beta != "coded":
            raise ValueError(f"beta must be a number, (lo, hi) or 'coded' (got {beta!r})")
        out = {}
        for p, q in (("betaA", "betaA_cf"), ("betaB", "betaB_cf")):
            c = case.codings[q]
            out[p] = c.label if c.coded else c.assumed
        return out
    return {"betaA": beta, "betaB": beta}


def counterfactual_share(case, name: str | None = None, beta=0.0, method: str = "montecarlo",
                         n: int | None = None, seed: int = SEED, theta=None, codebook=None,
                         overrides=None, dominance: str = "weak", unique: bool = False) -> float:
    """Share of the box where ``name`` is a PBE-ER with dependent choices only.

    Both states' independence is replaced by ``beta``: a number (default 0,
    the baseline game of Table 1), an interval ``(lo, hi)``, or ``"coded"``
    for the case's own coding of its dependent alternative (rows
    ``betaA_cf`` and ``betaB_cf``, e.g. arms control in the Cold War).
    Other arguments as in :func:`prediction_share`.

    Examples
    --------
    >>> counterfactual_share("cold-war", n=500)
    0.0
    >>> counterfactual_share("cold-war", "tragic", n=500)
    1.0
    """
    case = _as_case(case)
    ov = dict(overrides or {})
    ov.update(_cf_overrides(case, beta))
    return prediction_share(case, name, method, n, seed, theta, codebook, ov, dominance, unique)


def _fmt_interval(lo, hi):
    if lo == hi:
        return f"{lo:g}"
    return f"[{lo:.3g}, {hi:.3g}]"


def _leading(res: BoxResult) -> str:
    sh = res.shares()
    if not sh:
        return "none"
    top = max(sh.values())
    return ", ".join(n for n, v in sh.items() if v == top) + f" ({top:.2f})"


def sensitivity_table(case, name: str | None = None, method: str = "montecarlo",
                      n: int | None = None, seed: int = SEED, theta=None, codebook=None,
                      dominance: str = "weak") -> list:
    """How the prediction moves when each codebook choice moves.

    Rows: the coding as is; each coded parameter of the box moved to the
    label just below and just above its own on the codebook's scale;
    each uncoded payoff parameter (H, L, k) set to the codebook's
    alternatives; salience set to 1 for both states (the figures'
    implicit value); and the strict instead of the weak refinement.

    Returns
    -------
    list of dict
        Keys ``parameter``, ``coding``, ``alternative``, ``interval`` (model
        units), ``share`` (of ``name`` as PBE-ER), ``change`` (against the
        first row) and ``leading`` (the PBE-ER with the largest share; all of
        them when several tie).

    Examples
    --------
    >>> rows = sensitivity_table("cold-war", n=200)
    >>> rows[0]["parameter"], rows[0]["share"]
    ('(none)', 1.0)
    >>> [r["alternative"] for r in rows if r["parameter"] == "betaA"]
    ['low-to-moderate', 'moderate-to-high']
    """
    case = _as_case(case)
    codebook = codebook if codebook is not None else case.codebook
    name = name if name is not None else case.prediction
    base_ov = {}
    if theta is not None:
        base_ov.update(thetaA=theta, thetaB=theta)

    def run(ov, dom=dominance):
        merged = dict(base_ov)
        merged.update(ov)
        return evaluate_box(case, method, n, seed, None, codebook, merged, dom)

    rows = []
    base = run({})
    s0 = base.share(name)
    rows.append(dict(parameter="(none)", coding="as coded", alternative="", interval="",
                     share=s0, change=0.0, leading=_leading(base)))
    for p in ("pA", "pB", "betaA", "betaB", "thetaA", "thetaB"):
        if p in base_ov:
            continue
        c = case.codings[p]
        if not c.coded:
            continue
        scale = codebook.scale_for(p)
        for alt in scale.neighbours(c.label):
            if alt is None:
                continue
            res = run({p: alt})
            rows.append(dict(parameter=p, coding=c.label, alternative=alt,
                             interval=_fmt_interval(*scale.to_model(*scale.interval(alt))),
                             share=res.share(name), change=res.share(name) - s0,
                             leading=_leading(res)))
    for p in ("H", "L", "k"):
        c = case.codings[p]
        if c.coded:
            continue
        for v in codebook.alternatives(p):
            res = run({p: v})
            rows.append(dict(parameter=p, coding=_fmt_interval(*c.assumed), alternative=f"{v:g}",
                             interval=f"{v:g}", share=res.share(name),
                             change=res.share(name) - s0, leading=_leading(res)))
    if theta is None:
        res = run({"thetaA": 1.0, "thetaB": 1.0})
        rows.append(dict(parameter="thetaA, thetaB",
                         coding=f"{case.label('thetaA')}, {case.label('thetaB')}",
                         alternative="1 (figures)", interval="1", share=res.share(name),
                         change=res.share(name) - s0, leading=_leading(res)))
    if dominance != "strict":
        res = run({}, "strict")
        rows.append(dict(parameter="refinement", coding=dominance, alternative="strict",
                         interval="", share=res.share(name), change=res.share(name) - s0,
                         leading=_leading(res)))
    return rows


def full_scope_rows(case, n: int = 2, seed: int = SEED, theta=None, codebook=None,
                    overrides=None, dominance: str = "weak") -> list:
    """PBE-ER with and without period-1 mixing at a few points of the box.

    The box evaluation covers PBE with pure period-1 play.  This function
    solves the box centre and ``n`` seeded draws with
    :func:`trustgame.solve` twice, without and with the search for
    equilibria in which a type mixes in period 1 (about 1 to 4 s per point),
    so that a chapter can show whether such equilibria change the
    prediction.

    Returns
    -------
    list of dict
        Keys ``point``, ``params`` (the six coded parameters, rounded),
        ``pure`` and ``all`` (PBE-ER names, sorted, ``"; "``-joined), and
        ``solutions`` (the two :class:`~trustgame.core.solution.Solution` objects).

    Examples
    --------
    >>> rows = full_scope_rows("cold-war", n=0)
    >>> rows[0]["point"], rows[0]["pure"], rows[0]["all"]
    ('centre', 'trust-building', 'trust-building')
    """
    from ..core.solution import solve

    case = _as_case(case)
    points = [("centre", box_centre(case, codebook, overrides, theta))]
    if n:
        pts = sample_box(case, "montecarlo", n, seed, codebook, overrides, theta)
        for i in range(n):
            points.append((f"draw {i + 1}",
                           Params(**{p: float(pts[p][i]) for p in BOX_PARAMETERS})))
    out = []
    for label, params in points:
        pure = solve(params, dominance=dominance, scope="pure")
        full = solve(params, dominance=dominance, scope="all")
        shown = ", ".join(f"{p}={getattr(params, p):.3g}"
                          for p in ("pA", "pB", "betaA", "betaB", "thetaA", "thetaB"))
        out.append(dict(point=label, params=shown, pure="; ".join(pure.efficient_names()),
                        all="; ".join(full.efficient_names()), solutions=(pure, full)))
    return out


def predicted_path(name: str, motiveA: str = "security-seeker",
                   motiveB: str = "security-seeker") -> tuple:
    """On-path play of an equilibrium for given true motives.

    Period-1 actions follow each state's pattern; in period 2 a greedy type
    defects, and security-seekers follow the regime of the equilibrium when
    both posteriors are positive (both played their security-seeker's
    period-1 action) and defect otherwise.

    Returns
    -------
    tuple
        ``((A1, B1), (A2, B2))`` with actions ``"C"``, ``"D"`` or ``"C/D"``
        (mixing).

    Examples
    --------
    >>> predicted_path("asymmetric-trust-building[B]")
    (('D', 'C'), ('C', 'C'))
    >>> predicted_path("asymmetric-semi-tragic[B]")
    (('D', 'C'), ('D', 'D'))
    >>> predicted_path("trust-building", "security-seeker", "greedy")
    (('C', 'D'), ('D', 'D'))
    """
    names = equilibrium_names()
    if name not in names:
        raise ValueError(f"unknown equilibrium name {name!r} (see equilibrium_names())")
    a, b, regime = CLASSES[names.index(name)]
    motives = (motiveA, motiveB)
    for m in motives:
        if m not in ("security-seeker", "greedy"):
            raise ValueError(f"motive must be 'security-seeker' or 'greedy' (got {m!r})")
    p1 = tuple(PATTERN_ACTIONS[pat][0 if m == "security-seeker" else 1]
               for pat, m in zip((a, b), motives))
    informative = (PATTERN_ACTIONS[a][0], PATTERN_ACTIONS[b][0])
    act = {"CC": "C", "mixed": "C/D", "DD": "D"}[regime]
    p2 = tuple(act if (p1 == informative and m == "security-seeker") else "D" for m in motives)
    return p1, p2


def observed_path(case) -> tuple:
    """The path of play the timeline records, in the model's terms.

    Period 1: a state played C if the timeline has a period-1 signal by it
    (or by both), D if it has only period-1 defections, None if neither.
    Period 2: C if the timeline has a period-2 cooperation event by it (or
    by both), None otherwise.

    Examples
    --------
    >>> observed_path("korea")
    (('D', 'C'), ('C', 'C'))
    """
    case = _as_case(case)

    def sides(role):
        out = set()
        for e in case.events:
            if e.role == role:
                out |= {"A", "B"} if e.side == "both" else {e.side}
        return out

    signal, defect, coop = (sides("period-1 signal"), sides("period-1 defection"),
                            sides("period-2 cooperation"))
    p1 = tuple("C" if s in signal else ("D" if s in defect else None) for s in ("A", "B"))
    p2 = tuple("C" if s in coop else None for s in ("A", "B"))
    return p1, p2


# ---------------------------------------------------------------------------
# Tables for the book
# ---------------------------------------------------------------------------

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
    case = _as_case(case)
    codebook = codebook if codebook is not None else case.codebook
    out = []
    for p, c in case.codings.items():
        if p == "prediction":
            rng = ""
        elif p in ("motiveA", "motiveB"):
            rng = c.label if c.coded else f"{c.assumed} (assumed)"
        elif c.coded:
            scale = codebook.scale_for(p)
            rng = _fmt_interval(*scale.to_model(*scale.interval(c.label)))
        else:
            rng = _fmt_interval(*c.assumed) + " (assumed)"
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
            out.append({"scale": name, "label": lab, "interval": _fmt_interval(lo, hi),
                        "model range": _fmt_interval(*scale.to_model(lo, hi)),
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
    rows = _read_csv(DATA_DIR / "templates" / "case_template.csv", CASE_COLUMNS)
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
    """Timeline events as dicts, numbered in date order (as in the figure)."""
    case = _as_case(case)
    out = []
    for i, e in enumerate(case.events, start=1):
        when = e.date + (f" to {e.end}" if e.end else "")
        side = {"A": case.state_A, "B": case.state_B}.get(e.side, e.side)
        out.append(dict(number=i, date=when, side=side, actor=e.actor, action=e.action,
                        arena=e.arena, role=e.role, source=e.source, date_note=e.date_note))
    return out


# ---------------------------------------------------------------------------
# Figures
# ---------------------------------------------------------------------------

def case_map(case, x: str = "pA", y: str = "pB", n: int = 200, xlim=(0, 1), ylim=(0, 1),
             codebook=None, overrides=None, theta=None, dominance: str = "weak"):
    """Region map through the centre of a case's box.

    Parameters off the two axes are set to the box centre
    (:func:`box_centre`), so the map is a two-dimensional slice of the box.

    Returns
    -------
    trustgame.analysis.maps.RegionMap

    Examples
    --------
    >>> m = case_map("cold-war", n=40)
    >>> m.cell_names(0, 0)
    ['trust-building']
    """
    base = box_centre(case, codebook, overrides, theta)
    return region_map(base, x, y, xlim, ylim, n=n, dominance=dominance)


def draw_box(ax, case, x: str = "pA", y: str = "pB", codebook=None, overrides=None, theta=None,
             label: str | None = "coded box", color: str = "#0b6e4f", **style):
    """Draw the projection of a case's box on two axes; returns the patch."""
    from matplotlib.patches import Rectangle

    box = case_box(case, codebook, overrides, theta)
    (x0, x1), (y0, y1) = box[x], box[y]
    kw = dict(fill=False, edgecolor=color, linewidth=2.2, zorder=6)
    kw.update(style)
    patch = ax.add_patch(Rectangle((x0, y0), x1 - x0, y1 - y0, **kw))
    if label:
        ax.annotate(label, (x1, y1), xytext=(3, 3), textcoords="offset points",
                    color=color, fontsize=8, fontweight="bold", zorder=7,
                    bbox=dict(boxstyle="round,pad=0.15", fc="white", ec="none", alpha=0.85))
    return patch


def plot_case_map(case, x: str = "pA", y: str = "pB", ax=None, m=None, n: int = 200,
                  title: str | None = None, legend: bool = True, codebook=None,
                  overrides=None, theta=None, box_overrides=None, box_theta=None,
                  box_label: str | None = "coded box", xlim=(0, 1), ylim=(0, 1)):
    """A region map with the case's box drawn on it; returns the figure.

    ``m`` is a precomputed map (default: :func:`case_map` through the box
    centre with ``overrides``, ``theta``, ``xlim`` and ``ylim``); the box
    drawn uses ``box_overrides`` and ``box_theta`` (default: the coding).
    """
    from ..viz.plotting import plot_map

    if m is None:
        m = case_map(case, x, y, n, xlim, ylim, codebook=codebook, overrides=overrides,
                     theta=theta)
    fig = plot_map(m, ax=ax, legend=legend, title=title)
    draw_box(ax if ax is not None else fig.axes[0], case, x, y, codebook, box_overrides,
             box_theta, label=box_label)
    return fig


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
    case = _as_case(case)
    out = {}
    for phase, roles in (("period 1", ("period-1 signal", "period-1 defection")),
                         ("period 2", ("period-2 cooperation",))):
        sel = [e for e in case.events if e.role in roles]
        if sel:
            out[phase] = (min(_year(e.start) for e in sel),
                          max(_year(e.stop + dt.timedelta(days=1)) for e in sel))
    return out


_ROLE_STYLE = {
    "period-1 signal": dict(marker="o", color="#8b0000"),
    "period-1 defection": dict(marker="v", color="#555555"),
    "period-2 cooperation": dict(marker="s", color="#1f3b73"),
    "belief update": dict(marker="D", color="#0b6e4f"),
    "context": dict(marker="X", color="#000000"),
}


def plot_timeline(case, ax=None, width: float = 11.0):
    """Timeline figure: events by side, marked by role (filled = domestic,
    open = international), numbered as in :func:`timeline_rows`, with the
    spans of period-1 and period-2 events shaded.  Returns the figure."""
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    case = _as_case(case)
    lanes = {"A": 2.0, "B": 1.0, "both": 0.0, "other": 0.0}
    if ax is None:
        fig, ax = plt.subplots(figsize=(width, 4.8))
    else:
        fig = ax.figure
    events = case.events
    spans = phase_spans(case)
    phases = [("period 1", "#f4a3a3", "period 1 (signals)"),
              ("period 2", "#a9c4eb", "period 2 (cooperation)")]
    handles = []
    for phase, colour, lab in phases:
        sp = spans.get(phase)
        if sp:
            ax.axvspan(sp[0], sp[1], color=colour, alpha=0.35, zorder=0, lw=0)
            handles.append(Patch(color=colour, alpha=0.35, label=lab))
    free = {}  # lane -> right end (decimal year) of the last event on each level
    for i, e in enumerate(events, start=1):
        lane = lanes[e.side]
        ends = free.setdefault(lane, [-math.inf] * 5)
        left = _year(e.start) if e.end else e.mid
        right = _year(e.stop + dt.timedelta(days=1)) if e.end else e.mid
        level = next((j for j, end in enumerate(ends) if left - end >= 0.3), 0)
        ends[level] = right
        yv = lane - 0.3 + 0.15 * level
        st = _ROLE_STYLE[e.role]
        if e.end:
            ax.plot([_year(e.start), _year(e.stop + dt.timedelta(days=1))], [yv, yv],
                    color=st["color"], lw=2.5, alpha=0.6, zorder=2, solid_capstyle="butt")
        face = st["color"] if e.arena == "domestic" else "white"
        ax.plot([e.mid], [yv], linestyle="none", marker=st["marker"], markersize=7,
                markerfacecolor=face, markeredgecolor=st["color"], markeredgewidth=1.5,
                zorder=3)
        ax.annotate(str(i), (e.mid, yv), xytext=(5, 0), textcoords="offset points",
                    ha="left", va="center", fontsize=7, zorder=4)
    ticks = [(2.0, f"A: {case.state_A}"), (1.0, f"B: {case.state_B}")]
    if any(lanes[e.side] == 0.0 for e in events):
        ticks.append((0.0, "both / other"))
    ax.set_yticks([t for t, _ in ticks])
    ax.set_yticklabels([lab for _, lab in ticks])
    ax.set_ylim(min(t for t, _ in ticks) - 0.5, 2.65)
    lo = min(_year(e.start) for e in events)
    hi = max(_year(e.stop + dt.timedelta(days=1)) for e in events)
    pad = max(0.2, 0.03 * (hi - lo))
    ax.set_xlim(lo - pad, hi + pad)
    ax.set_xlabel("year")
    ax.grid(axis="x", alpha=0.3)
    for role, st in _ROLE_STYLE.items():
        if any(e.role == role for e in events):
            handles.append(Line2D([], [], linestyle="none", marker=st["marker"],
                                  color=st["color"], markerfacecolor=st["color"], label=role))
    handles.append(Line2D([], [], linestyle="none", marker="o", color="gray",
                          markerfacecolor="white", label="open marker: international"))
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.18), ncol=4,
              fontsize=8, frameon=False)
    fig.tight_layout()
    return fig
