"""The paper's efficiency refinement (PBE-ER), scalar and array, interim
and ex-ante, in one place.

An equilibrium is removed when another PBE at the same parameters is
better for the types, judged type by type on interim expected payoffs
(each type's expected payoff given only its own type and the prior over
the counterpart's).  The paper's words are that it removes an equilibrium
"if ... all types of all states would prefer" another one; it does not say
whether "prefer" is weak or strict.  Both are available, and an ex-ante
reading as a robustness check:

``"weak"`` (default)
    ``u`` dominates ``v`` when every type does at least as well under ``u``
    and some type does strictly better.  This is the usual Pareto order.
    It is the default because the paper's figure notes say that the plotted
    PBE-ER are *unique* in Figures 1 and 2: under the strict order the
    semi-tragic equilibrium, in which greedy types earn exactly what they
    earn under trust-building, would survive beside trust-building
    wherever both exist, and the figures could not be unique.
``"strict"``
    every type does strictly better.
``"ex-ante"``
    the weak order on each *state's* expected payoff before it learns its
    type, ``U_A = p_A u_A(security) + (1 - p_A) u_A(greedy)`` (and the same
    for B): see :func:`exante_vector`.
``"none"``
    no refinement.

Only types with positive prior count (a type that cannot occur has no
preference to consult).  Comparisons use the tolerance of
:mod:`trustgame.core.tolerances`: a difference within ``tol`` counts as a
tie (``tol=None`` is :data:`~trustgame.core.tolerances.DEFAULT_TOL`, or 0
in exact arithmetic).  The segment computations below take arrays of
floats or of Fractions (``dtype=object``); given Fractions and ``tol =
0`` every step is exact, and so are the surviving parts of a family.

These entry points share these definitions: :func:`dominates` compares two
payoff vectors, :func:`efficient_mask` refines the equilibria at one point,
and :func:`refine_arrays` refines whole arrays of points at once (what the
pure region maps and the case boxes use).  With families of equilibria
(continua with period-1 mixing, linear payoffs along them),
:func:`refine_with_families` refines one point exactly (what
:func:`trustgame.solve` uses) and :func:`refine_candidates` many cells at
once (the full-scope maps); both rest on :func:`segment_dominated`, the
part of one segment of payoffs that another dominates.

Examples
--------
>>> dominates((1.0, 2.0), (1.0, 1.0))
True
>>> dominates((1.0, 2.0), (1.0, 1.0), dominance="strict")
False
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .errors import ParameterError
from .tolerances import PART_TOL, resolve_tol

__all__ = ["DOMINANCE", "check_dominance", "dominates", "exante_vector", "efficient_mask",
           "refine_arrays", "segment_dominated", "refine_segments", "refine_candidates",
           "segment_parts",
           "refine_with_families"]

#: Accepted values of the ``dominance`` argument.
DOMINANCE = ("weak", "strict", "none", "ex-ante")


def check_dominance(dominance) -> str:
    """Return ``dominance`` if it is one of :data:`DOMINANCE`.

    Raises
    ------
    ParameterError
        Otherwise (a :class:`ValueError`).

    Examples
    --------
    >>> check_dominance("ex-ante")
    'ex-ante'
    """
    if dominance not in DOMINANCE:
        raise ParameterError(
            f"dominance must be one of {', '.join(DOMINANCE)} (got {dominance!r})"
        )
    return dominance


def dominates(u: Sequence, v: Sequence, dominance: str = "weak", tol=None) -> bool:
    """True when payoff vector ``u`` Pareto-dominates ``v``.

    Parameters
    ----------
    u, v : sequence of numbers
        Payoffs in the same order: one per type (interim), or one per
        state for ``"ex-ante"`` (see :func:`exante_vector`).
    dominance : {"weak", "strict", "none", "ex-ante"}
        ``"ex-ante"`` compares the given (ex-ante) vectors by the weak
        order.
    tol : float, optional
        Differences within ``tol`` are ties.

    Returns
    -------
    bool

    Examples
    --------
    >>> dominates((1.0, 1.0), (1.0, 1.0)), dominates((1.0, 1.0), (1.0, 1.0), "none")
    (False, False)
    """
    check_dominance(dominance)
    tol = resolve_tol(tol)
    if dominance == "none":
        return False
    if dominance == "strict":
        return all(a > b + tol for a, b in zip(u, v))
    return all(a >= b - tol for a, b in zip(u, v)) and any(a > b + tol for a, b in zip(u, v))


def exante_vector(eq) -> tuple:
    """Each state's expected payoff before it learns its type: ``(UA, UB)``
    with ``UA = pA * uA(security) + (1 - pA) * uA(greedy)``.

    Parameters
    ----------
    eq : Equilibrium

    Returns
    -------
    tuple of float

    Examples
    --------
    >>> from trustgame import Params, solve
    >>> sol = solve(Params(pA=0.35, pB=0.35), scope="pure")
    >>> [round(v, 4) for v in exante_vector(sol.by_name("trust-building"))]
    [0.3815, 0.3815]
    """
    out = []
    for s in (0, 1):
        ts = eq.game.types[s]
        out.append(float(sum(t.prior * u for t, u in zip(ts, eq.payoffs[s]))))
    return tuple(out)


def efficient_mask(equilibria: Sequence, dominance: str = "weak", tol=None) -> list[bool]:
    """For each equilibrium, True when no other equilibrium dominates it.

    Parameters
    ----------
    equilibria : sequence of Equilibrium
        All PBE at one parameter point.
    dominance : {"weak", "strict", "none", "ex-ante"}
        ``"ex-ante"`` compares :func:`exante_vector`; the others compare
        interim payoffs (``Equilibrium.payoff_vector``).
    tol : float, optional
        Default :data:`~trustgame.core.tolerances.DEFAULT_TOL` (0 in exact
        arithmetic).

    Returns
    -------
    list of bool

    Examples
    --------
    >>> from trustgame import Params, solve
    >>> sol = solve(Params(pA=0.35, pB=0.35), dominance="none", scope="pure")
    >>> [e.name for e, f in zip(sol.equilibria, efficient_mask(sol.equilibria)) if f]
    ['trust-building']
    """
    check_dominance(dominance)
    if dominance == "ex-ante":
        vecs = [exante_vector(e) for e in equilibria]
    else:
        vecs = [e.payoff_vector() for e in equilibria]
    if equilibria:
        tol = resolve_tol(tol, equilibria[0].game.exact)
    return [
        not any(dominates(w, v, dominance, tol) for j, w in enumerate(vecs) if j != i)
        for i, v in enumerate(vecs)
    ]


def _exante_payoffs(payfns: dict, priors: dict):
    """One function per state: the prior-weighted sum of its types'
    payoff functions (types in the order of ``payfns``)."""
    groups = {}
    for key, f in payfns.items():
        groups.setdefault(key[0], []).append((priors[key], f))

    def state_payoff(terms):
        def fn(*args):
            total = None
            for prior, f in terms:
                term = prior * f(*args)
                total = term if total is None else total + term
            return total
        return fn

    return {state: state_payoff(terms) for state, terms in groups.items()}


def refine_arrays(exists, pays, args, shape, dominance: str = "weak", tol=None,
                  priors=None):
    """The refinement applied point by point to whole arrays.

    Parameters
    ----------
    exists : numpy.ndarray of bool
        ``exists[c, ...]``: class ``c`` is a PBE at each point (trailing
        shape ``shape``).
    pays : list of dict
        For each class, ``{(state, type): f}`` with ``f(*args)`` giving
        that type's interim payoff (broadcastable to ``shape``); only
        classes that exist somewhere are evaluated.
    args : tuple
        Arguments of the payoff functions (numbers or arrays).
    shape : tuple
        Shape of the point arrays.
    dominance : {"weak", "strict", "none", "ex-ante"}
    tol : float, optional
        Default :data:`~trustgame.core.tolerances.DEFAULT_TOL`.
    priors : dict, optional
        Needed for ``"ex-ante"``: ``{(state, type): prior}`` (numbers or
        arrays broadcastable to ``shape``) for every key of ``pays``.

    Returns
    -------
    numpy.ndarray of bool
        ``efficient[c, ...]``.

    Examples
    --------
    >>> ex = np.array([[True, True], [True, False]])
    >>> pays = [{("A", "s"): lambda x: x}, {("A", "s"): lambda x: 1 - x}]
    >>> refine_arrays(ex, pays, (np.array([0.2, 0.7]),), (2,))
    array([[False,  True],
           [ True, False]])
    """
    check_dominance(dominance)
    tol = resolve_tol(tol)
    eff = exists.copy()
    if dominance == "none":
        return eff
    if dominance == "ex-ante":
        if priors is None:
            raise ParameterError("refine_arrays: dominance='ex-ante' needs priors")
        pays = [_exante_payoffs(pf, priors) for pf in pays]
        dominance = "weak"
    live = [c for c in range(len(exists)) if exists[c].any()]
    vals = {c: [np.broadcast_to(np.asarray(f(*args), dtype=float), shape)
                for f in pays[c].values()] for c in live}
    for c in live:
        dominated = np.zeros(shape, dtype=bool)
        for d in live:
            if d == c:
                continue
            u, v = vals[d], vals[c]
            if dominance == "weak":
                dom = np.ones(shape, dtype=bool)
                some = np.zeros(shape, dtype=bool)
                for a, b in zip(u, v):
                    dom &= a >= b - tol
                    some |= a > b + tol
                dom &= some
            else:
                dom = np.ones(shape, dtype=bool)
                for a, b in zip(u, v):
                    dom &= a > b + tol
            dominated |= exists[d] & dom
        eff[c] &= ~dominated
    return eff


# ---------------------------------------------------------------------------
# Families (segments of payoffs)
# ---------------------------------------------------------------------------
#
# A family of dimension 1 has payoffs ``a + t d`` for ``t`` in [0, 1]
# (:meth:`trustgame.core.families.Family.ends`); an isolated equilibrium is
# the case ``d = 0``.  The part of a family ``X`` that another candidate
# ``Y`` (payoffs ``b + s e``) dominates is the set of ``t`` for which some
# ``s`` gives ``b + s e >= a + t d``: the projection on ``t`` of a polygon
# in ``(t, s)``, an interval, found below in closed form (a linear
# programme in two variables).  What survives of ``X`` is [0, 1] less the
# union of these intervals.


def _flatten(d, tol):
    """Treat slopes within ``tol`` of zero as zero."""
    return np.where(np.abs(d) <= tol, 0 * d, d)


def _dtype(*arrays):
    """``object`` when any input holds Fractions (exact arithmetic: every
    operation below then stays exact), else ``float``."""
    return object if any(np.asarray(v).dtype == object for v in arrays) else float


def segment_dominated(a, d, b, e, tol, strict: bool = False):
    """The interval of ``t`` in [0, 1] at which the segment ``a + t d`` is
    weakly dominated by some point of the segment ``b + s e``, ``s`` in
    [0, 1].

    Parameters
    ----------
    a, d, b, e : numpy.ndarray
        Shape ``(..., m)``: ``m`` payoffs per candidate, any leading shape
        (broadcast together).
    tol : float
        Payoff differences within ``tol`` are ties.
    strict : bool
        Strict dominance (every payoff higher by more than ``tol``).

    Returns
    -------
    (lo, hi) : numpy.ndarray
        The interval ``[lo, hi]`` (empty where ``lo > hi``).  Where both
        is a point (``d = 0``) the interval is [0, 1] exactly when some
        point of ``Y`` dominates ``a`` (every payoff at least as high, one
        strictly higher).  Along a segment ``X`` the condition is
        ``b + s e >= a + t d - tol``: a tie at a single ``t`` is counted as
        dominated (a set of measure zero in the family).

    Examples
    --------
    >>> lo, hi = segment_dominated(np.array([0.0, 1.0]), np.array([1.0, -1.0]),
    ...                            np.array([0.5, 0.6]), np.zeros(2), 1e-12)
    >>> round(float(lo), 6), round(float(hi), 6)
    (0.4, 0.5)
    """
    dt = _dtype(a, d, b, e)
    a, d, b, e = np.broadcast_arrays(*(np.asarray(v, dtype=dt) for v in (a, d, b, e)))
    d, e = _flatten(d, tol), _flatten(e, tol)
    g = a - b + (tol if strict else -tol)  # need s e_c - t d_c >= g_c
    shape = a.shape[:-1]
    lo = np.zeros(shape, dtype=dt)
    hi = np.ones(shape, dtype=dt)
    # components in which Y's payoff does not move: -t d_c >= g_c
    flat = e == 0
    with np.errstate(divide="ignore", invalid="ignore"):
        bound = -g / np.where(d == 0, 1, d)
    hi = np.minimum(hi, np.min(np.where(flat & (d > 0), bound, np.inf), axis=-1))
    lo = np.maximum(lo, np.max(np.where(flat & (d < 0), bound, -np.inf), axis=-1))
    empty = np.any(flat & (d == 0) & (g > 0), axis=-1)
    # bounds on s, affine in t: s >= (g + t d) / e where e > 0, s <= ... where e < 0
    with np.errstate(divide="ignore", invalid="ignore"):
        slope = np.where(flat, 0, d / np.where(flat, 1, e))
        icpt = np.where(flat, 0, g / np.where(flat, 1, e))
    zeros = np.zeros(shape + (1,), dtype=dt)
    ones = np.ones(shape + (1,), dtype=dt)
    # lower bounds L_j(t) = p_j + q_j t (j = 0 is s >= 0), upper U_k(t) = r_k + w_k t
    Lp = np.concatenate([zeros, np.where(e > 0, icpt, -np.inf)], axis=-1)
    Lq = np.concatenate([zeros, np.where(e > 0, slope, 0)], axis=-1)
    Ur = np.concatenate([ones, np.where(e < 0, icpt, np.inf)], axis=-1)
    Uw = np.concatenate([zeros, np.where(e < 0, slope, 0)], axis=-1)
    # every pair: p_j + q_j t <= r_k + w_k t, i.e. alpha t <= beta
    alpha = Lq[..., :, None] - Uw[..., None, :]
    beta = Ur[..., None, :] - Lp[..., :, None]
    live = np.abs(beta) < np.inf  # finite (works on Fractions too)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = beta / np.where(alpha == 0, 1, alpha)
    hi = np.minimum(hi, np.min(np.where(live & (alpha > 0), ratio, np.inf), axis=(-2, -1)))
    lo = np.maximum(lo, np.max(np.where(live & (alpha < 0), ratio, -np.inf), axis=(-2, -1)))
    empty |= np.any(live & (alpha == 0) & (beta < 0), axis=(-2, -1))
    # an isolated X: weak dominance needs some payoff strictly higher at
    # some dominating s (a tie with a single point of Y is not dominance)
    # (the largest gain over the dominating s is reached at an end of
    # their range, the gain being a maximum of affine functions of s)
    point = np.all(d == 0, axis=-1)
    s_lo = np.minimum(np.maximum(np.max(Lp, axis=-1), 0), 1)
    s_hi = np.minimum(np.maximum(np.min(Ur, axis=-1), 0), 1)
    some = (np.any(b + s_lo[..., None] * e > a + tol, axis=-1)
            | np.any(b + s_hi[..., None] * e > a + tol, axis=-1))
    if not strict:
        empty |= point & ~some
    lo = np.where(empty, 1, lo).astype(dt)
    hi = np.where(empty, 0, hi).astype(dt)
    return lo, hi


def _self_reduce(a, d, tol, strict: bool = False):
    """A segment whose payoffs all rise (fall) along it is dominated by its
    end point: returns ``(a, d, t0, t1)`` with such segments reduced to that
    point (``d = 0``) and ``[t0, t1]`` the part of the original kept."""
    d = _flatten(d, tol)
    if strict:
        up = np.all(d > 0, axis=-1)
        down = np.all(d < 0, axis=-1)
    else:
        up = np.all(d >= 0, axis=-1) & np.any(d > 0, axis=-1)
        down = np.all(d <= 0, axis=-1) & np.any(d < 0, axis=-1)
    a = np.where(up[..., None], a + d, a)
    t0 = np.where(up, 1, 0).astype(a.dtype)
    t1 = np.where(down, 0, 1).astype(a.dtype)
    d = np.where((up | down)[..., None], 0 * d, d)
    return a, d, t0, t1


def _same_image(a, d, b, e, tol):
    """Segments with the same payoff set (either orientation)."""
    same = np.all(np.abs(a - b) <= tol, axis=-1) & np.all(np.abs(d - e) <= tol, axis=-1)
    rev = np.all(np.abs(a - (b + e)) <= tol, axis=-1) & np.all(np.abs(d + e) <= tol, axis=-1)
    return (same | rev) & np.any(d != 0, axis=-1)


def _uncovered(lo, hi, t0, t1, eps):
    """Whether ``[t0, t1]`` keeps a part outside the union of the closed
    intervals ``[lo_k, hi_k]`` (last axis; empty where ``lo > hi``).  A
    gap narrower than ``eps`` does not count, unless ``[t0, t1]`` is
    itself a point."""
    nonempty = lo <= hi
    point = t1 - t0 <= eps
    if lo.shape[-1] == 0:
        return np.ones(t0.shape, dtype=bool)
    lo = np.where(nonempty, lo, np.inf)
    hi = np.where(nonempty, hi, -np.inf)
    order = np.argsort(lo, axis=-1)
    lo = np.take_along_axis(lo, order, axis=-1)
    hi = np.take_along_axis(hi, order, axis=-1)
    # covered[k]: how far [t0, ...] is covered by the first k intervals
    covered = np.maximum.accumulate(np.concatenate([t0[..., None], hi], axis=-1), axis=-1)
    before = covered[..., :-1]
    gap = (lo > before + eps) & (before < t1[..., None] - eps)
    interval_gap = np.any(gap, axis=-1) | (covered[..., -1] < t1 - eps)
    return np.where(point, ~np.any(nonempty, axis=-1), interval_gap)


def refine_segments(a, d, valid, tol, dominance: str = "weak"):
    """Which candidates keep an undominated part, for many cells at once.

    Parameters
    ----------
    a, d : numpy.ndarray
        Shape ``(cells, K, m)``: each candidate's payoffs ``a + t d``
        (``d = 0`` for an isolated equilibrium).
    valid : numpy.ndarray of bool
        Shape ``(cells, K)``: which slots hold a candidate.
    tol : float
    dominance : {"weak", "strict", "none"}
        (``"ex-ante"``: pass the ex-ante payoffs with ``"weak"``.)

    Returns
    -------
    numpy.ndarray of bool
        ``(cells, K)``: the candidate, or some part of it, survives.

    Examples
    --------
    >>> a = np.array([[[0.0, 0.0], [1.0, 1.0], [0.0, 2.0]]])
    >>> d = np.array([[[0.0, 0.0], [0.0, 0.0], [2.0, -2.0]]])
    >>> refine_segments(a, d, np.ones((1, 3), bool), 1e-12)
    array([[False,  True,  True]])
    """
    check_dominance(dominance)
    if dominance == "none":
        return valid.copy()
    strict = dominance == "strict"
    a, d, t0, t1 = _self_reduce(a, d, tol, strict)
    nc, K, _ = a.shape
    seg = valid & np.any(d != 0, axis=-1)
    pt = valid & ~seg
    # isolated against isolated, one payoff at a time (faster than
    # reducing over a last axis of two or four)
    dom = pt[:, None, :] & pt[:, :, None]
    some = np.zeros_like(dom) if not strict else None
    for c in range(a.shape[-1]):
        x, y = a[:, :, None, c], a[:, None, :, c]
        if strict:
            dom &= y > x + tol
        else:
            dom &= y >= x - tol
            some |= y > x + tol
    if not strict:
        dom &= some
    dominated = np.any(dom, axis=2)
    # every pair that involves a segment
    pair = valid[:, :, None] & valid[:, None, :] & (seg[:, :, None] | seg[:, None, :])
    pair &= ~np.eye(K, dtype=bool)[None]
    ci, xi, yi = np.nonzero(pair)
    if len(ci):
        A, Dx, B, Ey = a[ci, xi], d[ci, xi], a[ci, yi], d[ci, yi]
        lo, hi = segment_dominated(A, Dx, B, Ey, tol, strict)
        hit = (lo <= hi) & ~_same_image(A, Dx, B, Ey, tol)
        on_point = hit & pt[ci, xi]
        dominated[ci[on_point], xi[on_point]] = True
        on_seg = seg[ci, xi]
        index = np.full((nc, K), -1)
        index[seg] = np.arange(int(seg.sum()))
        LO = np.ones((int(seg.sum()), K))
        HI = np.zeros((int(seg.sum()), K))
        w = on_seg & hit
        LO[index[ci[w], xi[w]], yi[w]] = lo[w]
        HI[index[ci[w], xi[w]], yi[w]] = hi[w]
        keep_seg = _uncovered(LO, HI, t0[seg], t1[seg], PART_TOL)
        dominated[seg] = ~keep_seg
    return valid & ~dominated


def refine_candidates(cells, a, d, tol, dominance: str = "weak", budget: int = 4_000_000):
    """The refinement for candidates listed one per row, grouped by cell
    (what a map with period-1 mixing needs).

    Parameters
    ----------
    cells : numpy.ndarray of int
        ``(R,)``: the cell of each candidate.
    a, d : numpy.ndarray
        ``(R, m)``: payoffs ``a + t d`` of each candidate (``d = 0`` for an
        isolated equilibrium, see :func:`refine_segments`).
    tol : float
    dominance : {"weak", "strict", "none"}
    budget : int
        Largest number of candidate pairs handled at once (memory).

    Returns
    -------
    numpy.ndarray of bool
        ``(R,)``: the candidate (some part of it) survives.

    Examples
    --------
    >>> cells = np.array([0, 0, 1])
    >>> a = np.array([[0.0, 1.0], [1.0, 1.0], [0.0, 0.0]])
    >>> refine_candidates(cells, a, np.zeros_like(a), 1e-9)
    array([False,  True,  True])
    """
    cells = np.asarray(cells)
    R = len(cells)
    keep = np.zeros(R, dtype=bool)
    if R == 0:
        return keep
    order = np.argsort(cells, kind="stable")
    cs = cells[order]
    uniq, start, count = np.unique(cs, return_index=True, return_counts=True)
    for K in np.unique(count):
        which = np.nonzero(count == K)[0]
        step = max(1, budget // int(K * K))
        for c0 in range(0, len(which), step):
            w = which[c0:c0 + step]
            rows = order[start[w][:, None] + np.arange(K)[None, :]]  # (nc, K)
            res = refine_segments(a[rows], d[rows], np.ones(rows.shape, dtype=bool), tol, dominance)
            keep[rows] = res
    return keep


def segment_parts(a, d, others, tol, strict: bool = False) -> list:
    """The parts of the segment ``a + t d`` that no candidate in ``others``
    (a list of ``(b, e)``) dominates: a list of intervals ``(t0, t1)``.

    Examples
    --------
    >>> parts = segment_parts(np.array([0.0, 2.0]), np.array([2.0, -2.0]),
    ...                       [(np.array([1.5, 1.5]), np.zeros(2))], 1e-12)
    >>> [(round(t0, 6), round(t1, 6)) for t0, t1 in parts]
    [(0.0, 0.25), (0.75, 1.0)]
    """
    dt = _dtype(a, d)  # the others come from the same game: the same arithmetic
    a = np.asarray(a, dtype=dt)
    d = np.asarray(d, dtype=dt)
    # exact arithmetic: no gap is too narrow to count
    eps = 0 if dt is object else PART_TOL
    ra, rd, t0, t1 = _self_reduce(a[None], d[None], tol, strict)
    t0, t1 = t0[0], t1[0]
    cut = []
    if len(others):
        B = np.array([b for b, _ in others], dtype=dt)
        E = np.array([e for _, e in others], dtype=dt)
        lo, hi = segment_dominated(ra, rd, B, E, tol, strict)
        hit = (lo <= hi) & ~_same_image(a[None], d[None], B, E, tol)
        cut = sorted(zip(lo[hit].tolist(), hi[hit].tolist()))
    if dt is float:
        t0, t1 = float(t0), float(t1)
    if t1 - t0 <= 0:  # reduced to a point
        return [] if cut else [(t0, t1)]
    parts = []
    start = t0
    for lo, hi in cut:
        if lo > start + eps and start < t1:
            parts.append((start, min(lo, t1)))
        start = max(start, hi)
    if start < t1 - eps:
        parts.append((start, t1))
    return parts


def _exante_matrix(game) -> np.ndarray:
    """Each state's ex-ante payoff from the interim payoffs of the types
    with positive prior (the entries of ``Equilibrium.payoff_vector``)."""
    rows, col = [], 0
    for s in (0, 1):
        row = {}
        for t in game.types[s]:
            if t.prior > 0:
                row[col] = t.prior if game.exact else float(t.prior)
                col += 1
        rows.append(row)
    M = np.zeros((2, col), dtype=object if game.exact else float)
    for s, row in enumerate(rows):
        for c, v in row.items():
            M[s, c] = v
    return M


def _sample_weights(nv: int, steps: int = 8, exact: bool = False) -> np.ndarray:
    """Convex weights on ``nv`` vertices on a lattice of ``steps``."""
    from fractions import Fraction
    from itertools import product

    rows = [[Fraction(v, steps) if exact else v / steps for v in c]
            for c in product(range(steps + 1), repeat=nv) if sum(c) == steps]
    return np.array(rows, dtype=object if exact else float)


def refine_with_families(equilibria: Sequence, families: Sequence, dominance: str = "weak",
                         tol=None) -> tuple:
    """The refinement at one point, with families refined whole.

    An isolated equilibrium is removed when some other equilibrium, or
    some point of some family, dominates it; a point of a family is
    removed when some other equilibrium, or another point of any family
    (its own included), dominates it.

    How a family enters
        In every family the search has met, one state's unknowns are fixed
        and the other's range over a polytope (a segment, a triangle, ...),
        so the family's payoffs form a polygon ``Q`` in the varying state's
        payoff plane, the other state's payoffs fixed.  A point of ``Q``
        off its Pareto frontier is dominated by a point of the frontier,
        which lies on an edge of ``Q``'s convex hull; so the hull's edges
        stand for the family exactly: they dominate what the family
        dominates, and the family keeps an undominated point if and only if
        one of them does.  Each edge is refined exactly by
        :func:`segment_parts`.  (Where round-off at extreme parameter
        scales moves the payoffs that should be fixed, every pair of
        vertices is used instead.)  A family in which both states' unknowns
        vary is represented by a lattice of its points (convex weights in
        steps of 1/8 on each state's vertices), refined all at once, and
        its result is marked ``"sampled"``.

    Parameters
    ----------
    equilibria : sequence of Equilibrium
    families : sequence of Family
    dominance : {"weak", "strict", "none", "ex-ante"}
    tol : float, optional

    Returns
    -------
    (mask, parts)
        ``mask[i]``: equilibrium ``i`` survives.  ``parts[f]``: the parts of
        family ``f`` that survive, as ``(i, j, t0, t1)``: the points
        ``(1 - t) v_i + t v_j`` for ``t`` in ``[t0, t1]`` with ``v_i`` the
        family's ``i``-th vertex (see
        :meth:`~trustgame.core.families.Family.edge_point`); for a sampled
        family, ``("sampled", wA, wB)`` for each surviving lattice point.

    Examples
    --------
    >>> from trustgame import Params, solve
    >>> sol = solve(Params(pA=0.42, pB=0.42), dominance="none")
    >>> mask, parts = refine_with_families(sol.equilibria, sol.families)
    >>> [e.name for e, m in zip(sol.equilibria, mask) if m]
    ['semi-separating A[Cm]/B[Cm] CC:mixed']
    """
    check_dominance(dominance)
    eqs, fams = list(equilibria), list(families)
    game = eqs[0].game if eqs else (fams[0].game if fams else None)
    tol = resolve_tol(tol, getattr(game, "exact", False))
    if dominance == "none":
        return [True] * len(eqs), [list(_edges_all(f)) for f in fams]
    width = len(eqs[0].payoff_vector()) if eqs else len(fams[0].vertices[0].payoff_vector())
    # exact games are refined in exact arithmetic (Fractions, tol = 0)
    exact = bool(getattr(game, "exact", False))
    dt = object if exact else float
    M = _exante_matrix(game) if dominance == "ex-ante" else np.eye(width, dtype=int).astype(dt)
    strict = dominance == "strict"
    cands = []  # (a, d, owner)
    for i, e in enumerate(eqs):
        v = M @ np.array(list(e.payoff_vector()), dtype=dt)
        cands.append((v, v * 0, ("eq", i)))
    for f_i, f in enumerate(fams):
        XA, XB = f.sides
        if len(XA) > 1 and len(XB) > 1:
            for wA in _sample_weights(len(XA), exact=exact):
                for wB in _sample_weights(len(XB), exact=exact):
                    v = M @ np.array(f.at(wA, wB).payoff_vector(), dtype=dt)
                    cands.append((v, v * 0, ("sample", f_i, tuple(wA), tuple(wB))))
            continue
        P = f.payoff_vertices()
        fixed = 0 if len(XA) == 1 else 1
        wa = sum(1 for t in game.types[0] if t.prior > 0)
        cols = slice(wa, None) if fixed == 0 else slice(0, wa)
        if _constant(P[:, cols], tol):
            edges = _frontier_edges(P @ M.T, M, game, fixed)
        else:  # the fixed state's payoffs move (round-off at extreme scales)
            edges = [(i, j) for i, j, _, _ in _edges_all(f)]
        P = P @ M.T
        for i, j in edges:
            cands.append((P[i], P[j] - P[i], ("edge", f_i, i, j)))
    mask = [False] * len(eqs)
    parts = [[] for _ in fams]
    # points (isolated equilibria, lattice points) at once; segments one by one
    flat = [k for k, c in enumerate(cands) if not np.any(_flatten(c[1], tol) != 0)]
    on_flat = set(flat)
    segs = [k for k in range(len(cands)) if k not in on_flat]
    point_kept = {}
    if flat:
        X = np.array([cands[k][0] for k in flat], dtype=dt)
        hit = _points_dominated(X, X, tol, strict)
        if segs:
            S = np.array([cands[k][0] for k in segs], dtype=dt)
            E = np.array([cands[k][1] for k in segs], dtype=dt)
            lo, hi = segment_dominated(X[:, None, :], X[:, None, :] * 0, S[None], E[None], tol, strict)
            hit |= np.any(lo <= hi, axis=1)
        whole = (0, 1) if exact else (0.0, 1.0)  # as _edges_all writes a whole edge
        point_kept = {k: [] if h else [whole] for k, h in zip(flat, hit)}
    for k, (a, dd, owner) in enumerate(cands):
        if k in point_kept:
            kept = point_kept[k]
        else:
            others = [(c[0], c[1]) for j, c in enumerate(cands) if j != k]
            kept = segment_parts(a, dd, others, tol, strict)
        if owner[0] == "eq":
            mask[owner[1]] = bool(kept)
        elif owner[0] == "edge":
            parts[owner[1]] += [(owner[2], owner[3], t0, t1) for t0, t1 in kept]
        elif kept:
            parts[owner[1]].append(("sampled", owner[2], owner[3]))
    return mask, parts


def _constant(P, tol) -> bool:
    """Whether the rows of ``P`` agree within ``tol`` (relative to their
    size): the payoffs a family's structure says are fixed are fixed."""
    scale = max(1.0, float(np.max(np.abs(np.asarray(P, dtype=float)))))
    return not np.any(np.abs(P - P[0]) > tol * scale)


def _points_dominated(X, Y, tol, strict: bool = False, budget: int = 4_000_000) -> np.ndarray:
    """For each row of ``X``, whether some row of ``Y`` dominates it
    (weakly: every payoff at least as high within ``tol``, one higher by
    more than ``tol``; strictly: every one higher), in chunks of at most
    ``budget`` comparisons."""
    out = np.zeros(len(X), dtype=bool)
    step = max(1, budget // max(1, Y.size))
    for i in range(0, len(X), step):
        x = X[i:i + step, None, :]
        if strict:
            dom = np.all(Y[None] > x + tol, axis=-1)
        else:
            dom = np.all(Y[None] >= x - tol, axis=-1) & np.any(Y[None] > x + tol, axis=-1)
        out[i:i + step] = np.any(dom, axis=1)
    return out


def _frontier_edges(P, M, game, fixed: int) -> list:
    """The edges ``(i, j)`` between vertices of a family that bound its
    payoff set, when state ``fixed``'s unknowns do not vary.

    Only the payoffs of state ``fixed``'s types move (they depend on the
    other state's unknowns); after ``M`` (the
    identity, or the ex-ante weights) they span at most two coordinates,
    and the family's payoffs are the convex hull of the vertices' payoff
    points there.  Its boundary edges stand for the family exactly (what
    the polygon dominates, some boundary point dominates; what survives
    lies on the boundary), so only they are compared: a family with many
    vertices costs its hull, not every pair of vertices.  More than two
    moving coordinates (not met): every pair.
    """
    n = len(P)
    widths = [sum(1 for t in ts if t.prior > 0) for ts in game.types]
    start = 0 if fixed == 0 else widths[0]
    moving = [r for r in range(M.shape[0]) if any(M[r, c] != 0 for c in range(start, start + widths[fixed]))]
    if len(moving) > 2:
        return [(i, j) for i in range(n) for j in range(i + 1, n)]
    pts = [tuple(P[v, r] for r in moving) for v in range(n)]
    if len(moving) == 1:
        lo = min(range(n), key=lambda v: pts[v])
        hi = max(range(n), key=lambda v: pts[v])
        return [(lo, hi)] if pts[lo] != pts[hi] else [(lo, lo)]
    order = sorted(range(n), key=lambda v: pts[v])

    def cross(o, a, b):
        return ((pts[a][0] - pts[o][0]) * (pts[b][1] - pts[o][1])
                - (pts[a][1] - pts[o][1]) * (pts[b][0] - pts[o][0]))

    def chain(seq):
        out = []
        for v in seq:
            while len(out) >= 2 and cross(out[-2], out[-1], v) <= 0:
                out.pop()
            if not out or pts[out[-1]] != pts[v]:
                out.append(v)
        return out

    lower, upper = chain(order), chain(order[::-1])
    hull = lower[:-1] + upper[:-1]
    if len(hull) <= 1:
        return [(order[0], order[-1])] if pts[order[0]] != pts[order[-1]] else [(order[0], order[0])]
    if len(hull) == 2:
        return [(hull[0], hull[1])]
    return [(min(a, b), max(a, b)) for a, b in zip(hull, hull[1:] + hull[:1])]


def _edges_all(f):
    """Every edge ``(i, j, 0, 1)`` between two vertices of a family."""
    n = len(f.vertices)
    if getattr(f.game, "exact", False):
        return [(i, j, 0, 1) for i in range(n) for j in range(i + 1, n)]
    return [(i, j, 0.0, 1.0) for i in range(n) for j in range(i + 1, n)]
