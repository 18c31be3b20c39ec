"""A case's parameter box, run through the model.

Each parameter of :data:`~trustgame.cases.codebook.BOX_PARAMETERS` gets an
interval from the case's codings (:func:`case_box`); a point of the box is
a full parameter vector.  The grid method takes ``n`` cell centres per
non-degenerate dimension, the Monte Carlo method ``n`` uniform draws (seed
:data:`SEED`).  Draws are uniform on the codebook's own scale: for salience
that is the period-1 weight ``w = 1 / (1 + theta)``.  At every point the
closed-form conditions of :mod:`trustgame.analysis.conditions` for all 48
classes of PBE with pure period-1 play are evaluated at once by the map
kernel :func:`trustgame.analysis.kernel.evaluate_classes` (the one that
draws :func:`trustgame.analysis.maps.region_map`), so the scope is that of
the figures: PBE with pure period-1 play.  The tests compare the result with
:func:`trustgame.solve` point by point.

Examples
--------
>>> case_box("korea")["pB"]
(0.1, 0.3)
>>> evaluate_box("cold-war", n=100).shares()
{'trust-building': 1.0}
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..analysis.kernel import evaluate_classes
from ..analysis.maps import region_map
from ..core.model import Params
from .codebook import BOX_PARAMETERS, format_interval
from .loading import Case, as_case, check_equilibrium_name

__all__ = ["SEED", "case_box", "box_centre", "sample_box", "evaluate_points", "BoxResult",
           "evaluate_box", "prediction_share", "counterfactual_share", "sensitivity_table",
           "full_scope_rows", "case_map"]

#: Seed of every Monte Carlo draw in the case chapters.
SEED = 20261123


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
        Each of :data:`~trustgame.cases.codebook.BOX_PARAMETERS` -> ``(lo, hi)``.

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
    case = as_case(case)
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
    case = as_case(case)
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
    case = as_case(case)
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

    The map kernel :func:`trustgame.analysis.kernel.evaluate_classes` (the
    closed-form class conditions and the refinement of
    :func:`trustgame.analysis.maps.region_map`), evaluated on a cloud of
    points instead of a two-axis grid (scope: PBE with pure period-1 play).

    Parameters
    ----------
    points : dict
        Each of :data:`~trustgame.cases.codebook.BOX_PARAMETERS` -> 1-d
        array (or number); all are broadcast to the longest.
    dominance : {"weak", "strict", "none", "ex-ante"}
    tol : float, optional
        Default :data:`trustgame.core.tolerances.DEFAULT_TOL`.
    offpath : str

    Returns
    -------
    names : tuple of str
        The class keys (:data:`trustgame.core.naming.CLASS_KEYS`).
    exists, efficient : numpy.ndarray of bool, shape (classes, points)

    Examples
    --------
    >>> names, ex, eff = evaluate_points(dict(H=1.5, L=-0.1, k=0.9, pA=[0.35], pB=[0.35],
    ...     betaA=0.6, betaB=0.7, thetaA=1.0, thetaB=1.0))
    >>> [nm for c, nm in enumerate(names) if eff[c, 0]]
    ['trust-building']
    """
    arrays = {p: np.atleast_1d(np.asarray(points[p], dtype=float)) for p in BOX_PARAMETERS}
    size = max(a.size for a in arrays.values())
    values = {p: np.broadcast_to(a, (size,)) for p, a in arrays.items()}
    return evaluate_classes(values, dominance, tol, offpath)


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

    Examples
    --------
    >>> res = evaluate_box("korea", n=200, theta=1.0)
    >>> res.size, res.share("asymmetric-semi-tragic[B]"), res.none_share()
    (200, 1.0, 0.0)
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
            check_equilibrium_name(name)
            raise ValueError(f"{name!r} was not evaluated (names: {', '.join(self.names)})")
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
    case = as_case(case)
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
        ``"cold-war"``, ``"korea"`` or a :class:`~trustgame.cases.loading.Case`.
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
    case = as_case(case)
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
    case = as_case(case)
    ov = dict(overrides or {})
    ov.update(_cf_overrides(case, beta))
    return prediction_share(case, name, method, n, seed, theta, codebook, ov, dominance, unique)


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
    case = as_case(case)
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
                             interval=format_interval(*scale.to_model(*scale.interval(alt))),
                             share=res.share(name), change=res.share(name) - s0,
                             leading=_leading(res)))
    for p in ("H", "L", "k"):
        c = case.codings[p]
        if c.coded:
            continue
        for v in codebook.alternatives(p):
            res = run({p: v})
            rows.append(dict(parameter=p, coding=format_interval(*c.assumed),
                             alternative=f"{v:g}", interval=f"{v:g}", share=res.share(name),
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

    case = as_case(case)
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
