"""The codebook: how the paper's qualitative codings become numbers.

``data/codebook.yml`` maps each label of a scale (``"low"``,
``"moderate-to-high"``, ...) to an interval with a rationale.  It is our
assumption, not the paper's (its tabular Appendix B is not available); the
sensitivity table of :mod:`trustgame.cases.evaluation` moves every label to
its neighbours.  This module also holds the names every other module of
the cases package shares: the data folder, the label of an uncoded row and
the parameters a case table must code.

Examples
--------
>>> cb = load_codebook()
>>> cb.scale_for("pB").label_names()[:2]
('very low', 'low')
>>> format_interval(0.1, 0.3), format_interval(1.5, 1.5)
('[0.1, 0.3]', '1.5')
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

from ..core.datafiles import DATA_DIR, load_yaml
from ..core.domain import PARAMETERS
from ..core.errors import CaseDataError

__all__ = ["NOT_CODED", "DATA_DIR", "BOX_PARAMETERS", "REQUIRED_PARAMETERS", "Scale",
           "Codebook", "load_codebook", "check_interval", "format_interval"]

#: Label of a parameter the paper does not code.
NOT_CODED = "not coded"




#: Parameters that form the box (the fields of :class:`trustgame.core.model.Params`).
BOX_PARAMETERS = PARAMETERS
#: Rows every case table must have.
REQUIRED_PARAMETERS = BOX_PARAMETERS + (
    "correlationA", "correlationB", "motiveA", "motiveB", "betaA_cf", "betaB_cf", "prediction")


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

    Examples
    --------
    >>> s = Scale("w", ("thetaA",), "weight", "weight", (("low", (0.2, 0.4), "why"),))
    >>> s.interval("low"), s.to_model(0.2, 0.4)
    ((0.2, 0.4), (1.5, 4.0))
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

    Examples
    --------
    >>> load_codebook().scale_for("thetaB").name
    'salience'
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


def check_interval(file, row, column, iv, lo, hi, lo_open, hi_open, what) -> None:
    """Raise :class:`~trustgame.core.errors.CaseDataError` unless the
    interval ``iv = (a, b)`` has ``a <= b`` and lies inside the bounds.

    Parameters
    ----------
    file, row, column
        Where the interval was read (see :class:`CaseDataError`).
    iv : tuple of float
    lo, hi : float
        Bounds of the admissible range.
    lo_open, hi_open : bool
        Whether each bound is excluded.
    what : str
        What the interval is for, as the message names it.

    Examples
    --------
    >>> try:
    ...     check_interval("x.csv", 2, "assumed", (0.2, 1.4), 0, 1, False, False, "betaB_cf")
    ... except CaseDataError as err:
    ...     print(err)
    x.csv, row 2, column 'assumed': interval [0.2, 1.4] for betaB_cf lies outside [0, 1]
    """
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


def format_interval(lo, hi) -> str:
    """An interval as the book's tables print it (one number if ``lo == hi``).

    Examples
    --------
    >>> format_interval(0.25, 0.6666666)
    '[0.25, 0.667]'
    """
    if lo == hi:
        return f"{lo:g}"
    return f"[{lo:.3g}, {hi:.3g}]"


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
    raw = load_yaml(path, CaseDataError)
    if not isinstance(raw, dict) or not isinstance(raw.get("scales"), dict):
        raise CaseDataError(path, "document", "scales", "a mapping 'scales' is required")
    unknown = sorted(set(raw) - {"scales"}, key=str)
    if unknown:
        raise CaseDataError(path, "document", str(unknown[0]),
                            "unknown top-level key (only 'scales' is read)")
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
        # A weight w maps to theta = (1 - w) / w, finite and positive only
        # for w in (0, 1); a prior of a case is coded in (0, 1) (see
        # trustgame.cases.loading.CODING_BOUNDS).
        open_ends = transform == "weight" or bool({"pA", "pB"} & set(params))
        labels, seen = [], set()
        entries = s.get("labels") or []
        if not isinstance(entries, list):
            raise CaseDataError(path, where, "labels", "labels must be a list of entries")
        for i, entry in enumerate(entries, start=1):
            ew = f"scale {sname!r} entry {i}"
            if not isinstance(entry, dict):
                raise CaseDataError(path, ew, "label", "an entry must be a mapping with label, "
                                                       f"interval and rationale (got {entry!r})")
            lab = str(entry.get("label", "")).strip()
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
            check_interval(path, ew, "interval", iv, 0, 1, open_ends, open_ends,
                           f"label {lab!r}")
            rationale = str(entry.get("rationale") or "").strip()
            if not rationale:
                raise CaseDataError(path, ew, "rationale", f"label {lab!r} needs a rationale")
            labels.append((lab, iv, " ".join(rationale.split())))
        cats = tuple(str(c) for c in (s.get("categories") or ()))
        alts = s.get("alternatives") or {}
        if not isinstance(alts, dict):
            raise CaseDataError(path, where, "alternatives",
                                "a mapping parameter -> list of numbers is required")
        for p, vals in alts.items():
            if p not in params:
                raise CaseDataError(path, where, "alternatives",
                                    f"{p!r} is not a parameter of this scale")
            if (not isinstance(vals, list) or not vals
                    or not all(isinstance(v, (int, float)) and not isinstance(v, bool)
                               and math.isfinite(v) for v in vals)):
                raise CaseDataError(path, where, "alternatives",
                                    f"{p}: need a list of finite numbers (got {vals!r})")
        alts = tuple((p, tuple(float(v) for v in vals)) for p, vals in alts.items())
        scales[sname] = Scale(sname, params, " ".join(str(s.get("quantity", "")).split()),
                              transform, tuple(labels), cats, alts)
    missing = [p for p in REQUIRED_PARAMETERS if p != "prediction" and p not in owner]
    if missing:
        raise CaseDataError(path, "document", "scales",
                            f"no scale codes {', '.join(missing)} (is the file complete?)")
    return Codebook(path, scales)
