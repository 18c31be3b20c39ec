"""Bounds on salience: the Goldilocks window (Result 2) and the greedy
leader's mimicking bound in asymmetric trust-building (Result 1c).

Salience ``theta`` weights period 2: a state's total payoff is
``u1 + theta * u2`` (:mod:`trustgame.core.model`).  Every incentive constraint
of an equilibrium with pure period-1 play is *linear* in the deviating
state's own ``theta``, so each one is either a lower or an upper bound on
it.  This module reads those bounds off the conditions of
:mod:`trustgame.analysis.conditions` (the expressions the solver and the maps
use), so no formula is typed twice:

* :func:`theta_bounds`: the security-seeker's constraint in the
  symmetric trust-building equilibrium bounds ``theta`` from below (period
  2 must matter enough to pay for the risk of period 1), the greedy type's
  constraint bounds it from above (period 2 must not matter so much that
  mimicking pays);
* :func:`theta_window` evaluates both bounds at numbers;
* :func:`window_closing_trust` is the trust level at which the two bounds
  meet, below which no salience sustains trust-building;
* :func:`asymmetric_mimic_bound`: the largest salience at which the
  leader's greedy type does not mimic its security type in asymmetric
  trust-building.

Examples
--------
>>> from trustgame import Params
>>> lo, hi = theta_window(Params(pA=0.35, pB=0.35), state="A")
>>> round(lo, 4), round(hi, 4)
(0.5714, 1.4476)
"""

from __future__ import annotations

from functools import cache

import sympy as sp

from .conditions import SYMBOLS, class_info
from .thresholds import linear_bound

__all__ = [
    "coefficient_and_bound",
    "trust_building_incentives",
    "theta_bounds",
    "theta_window",
    "window_closing_trust",
    "window_open_independence",
    "asymmetric_mimic_bound",
    "common_window",
    "plot_window",
]

_OTHER = {"A": "B", "B": "A"}


def _theta(state: str):
    return SYMBOLS[f"theta{state}"]


def coefficient_and_bound(expr, var):
    """Write ``expr = a * var + b`` and return ``(a, -b / a)``.

    The constraint ``expr >= 0`` is ``var >= -b / a`` when ``a > 0`` and
    ``var <= -b / a`` when ``a < 0``.  A thin wrapper of
    :func:`trustgame.analysis.thresholds.linear_bound` for expressions (rather than
    inequalities), returning simplified coefficient and bound.

    Parameters
    ----------
    expr : sympy expression
        Must be a polynomial of degree one in ``var``.
    var : sympy symbol

    Returns
    -------
    tuple
        ``(a, bound)``, both simplified.

    Raises
    ------
    ValueError
        If ``expr`` is not of degree one in ``var`` ("not linear in ...").

    Examples
    --------
    >>> x, y = sp.symbols("x y")
    >>> coefficient_and_bound(2 * x - 4 * y, x)
    (2, 2*y)
    """
    lb = linear_bound(sp.Ge(expr, 0), var)
    return sp.simplify(lb.coefficient), sp.simplify(-lb.constant / lb.coefficient)


def trust_building_incentives(state: str = "A") -> dict:
    """Left-hand sides ``U(prescribed) - U(deviation)`` of ``state``'s two
    incentive constraints in symmetric trust-building.

    Taken from :func:`trustgame.analysis.conditions.class_info` for the class
    ``("separating", "separating", "CC")``.

    Returns
    -------
    dict
        ``{"security": expr, "greedy": expr}``; each constraint is
        ``expr >= 0``.

    Examples
    --------
    >>> sorted(trust_building_incentives("A"))
    ['greedy', 'security']
    """
    if state not in _OTHER:
        raise ValueError(f"state must be 'A' or 'B' (got {state!r})")
    info = class_info("separating", "separating", "CC")
    return {t: info.incentives[(state, t)].lhs for t in ("security", "greedy")}


def theta_bounds(state: str = "A") -> dict:
    """Salience bounds of ``state`` in symmetric trust-building.

    Returns
    -------
    dict
        ``{"security": (coefficient, bound), "greedy": (coefficient,
        bound)}`` from :func:`coefficient_and_bound` in ``theta_<state>``.  The
        security-seeker's coefficient is the counterpart's prior (positive):
        its bound is a lower bound.  The greedy type's coefficient is
        ``-H`` times that prior (negative): its bound is an upper bound.

    Examples
    --------
    >>> b = theta_bounds("A")
    >>> b["security"][0]
    p_B
    """
    return dict(_bounds(state))


@cache
def _bounds(state):
    th = _theta(state)
    return tuple((t, coefficient_and_bound(e, th)) for t, e in trust_building_incentives(state).items())


@cache
def _bound_functions(state):
    args = tuple(SYMBOLS.values())
    return {t: sp.lambdify(args, b[1], "math") for t, b in _bounds(state)}


def theta_window(params, state: str = "A") -> tuple[float, float]:
    """Numeric salience window ``(lower, upper)`` of ``state`` in symmetric
    trust-building at ``params`` (its own ``theta`` is ignored).

    ``state``'s two incentive constraints hold exactly when
    ``lower <= theta_state <= upper``; a negative ``lower`` means the
    security-seeker's constraint holds for every ``theta > 0``.  The belief
    condition of trust-building (posterior one after cooperation) always
    holds, so together with the other state's window this is the whole
    existence condition.

    Raises
    ------
    ValueError
        If ``state`` is not "A" or "B", or the counterpart's prior is zero
        (the bounds divide by it).

    Examples
    --------
    >>> from trustgame import Params
    >>> lo, hi = theta_window(Params(pA=0.1, pB=0.1, betaA=0.6, betaB=0.7))
    >>> lo < 0 < hi
    True
    """
    if state not in _OTHER:
        raise ValueError(f"state must be 'A' or 'B' (got {state!r})")
    prior = f"p{_OTHER[state]}"
    if not getattr(params, prior) > 0:
        raise ValueError(f"{prior} must be positive for a salience window "
                         f"(got {getattr(params, prior)})")
    args = tuple(float(getattr(params, n)) for n in SYMBOLS)
    f = _bound_functions(state)
    return float(f["security"](*args)), float(f["greedy"](*args))


def window_closing_trust(H, L, k, beta=0):
    """Trust level at which the two salience bounds of trust-building meet.

    The counterpart's prior ``p`` solving ``lower(p) = upper(p)`` for a
    state with independence ``beta`` (:func:`theta_bounds`).
    Below it the security-seeker needs more salience of period 2 than the
    greedy type tolerates, so no ``theta`` sustains trust-building; at and
    above it a window exists.  Exact when the inputs are exact (ints,
    Fractions or sympy numbers); a float when ``H`` is a float.

    Returns
    -------
    number or None
        None when the bounds never meet for ``0 < p < 1``: then a window
        of salience exists at every trust level (see
        :func:`window_open_independence`).

    Examples
    --------
    >>> from fractions import Fraction as F
    >>> window_closing_trust(F(3, 2), F(-1, 10), F(9, 10))
    9/52
    >>> window_closing_trust(1.5, -0.1, 0.9, beta=0.3) is None
    True
    """
    gap = _window_gap(H, L, k, beta)
    p = SYMBOLS["pB"]
    roots = [r for r in sp.solve(sp.Eq(gap, 0), p) if r.is_real and 0 < r < 1]
    if not roots:
        return None
    if len(roots) > 1:
        raise ValueError(f"expected at most one closing point in (0, 1), found {roots}")
    return float(roots[0]) if isinstance(H, float) else roots[0]


def _window_gap(H, L, k, beta):
    """``lower - upper`` of the trust-building window as a function of the
    counterpart's prior, at exact parameter values."""
    b = theta_bounds("A")
    S = SYMBOLS
    vals = {S["H"]: sp.nsimplify(H), S["L"]: sp.nsimplify(L), S["k"]: sp.nsimplify(k),
            S["betaA"]: sp.nsimplify(beta)}
    return sp.simplify((b["security"][1] - b["greedy"][1]).subs(vals))


def window_open_independence(H=None, L=None, k=None):
    """Independence at and above which a salience window for trust-building
    exists at every trust level.

    ``(lower - upper) * p`` is linear in ``p`` (see
    :func:`theta_bounds`); as ``p -> 0`` it tends to a number
    ``c(beta)`` that decreases in ``beta``.  The window closes at low
    trust exactly when ``c(beta) > 0``; this function returns the root of
    ``c``.  Symbolic when called without arguments.

    Examples
    --------
    >>> window_open_independence()
    k*(H - 1)/(-H*L + H*k + 2*H - k - 1)
    >>> round(float(window_open_independence(1.5, -0.1, 0.9)), 6)
    0.173077
    """
    b = theta_bounds("A")
    S = SYMBOLS
    p, beta = S["pB"], S["betaA"]
    c = sp.limit(sp.expand((b["security"][1] - b["greedy"][1]) * p), p, 0)
    root = sp.solve(sp.Eq(c, 0), beta)
    if len(root) != 1:
        raise ValueError(f"expected one root, found {root}")
    out = sp.factor(root[0])
    if H is None:
        return out
    return out.subs({S["H"]: sp.nsimplify(H), S["L"]: sp.nsimplify(L), S["k"]: sp.nsimplify(k)})


def asymmetric_mimic_bound(leader: str = "B"):
    """Largest salience of the leader at which its greedy type does not
    mimic the security type in asymmetric trust-building.

    The leader's greedy type defects in period 1.  By cooperating instead
    it would be taken for a security-seeker and exploit the follower's
    security type in period 2.  The constraint, from
    :func:`trustgame.analysis.conditions.class_info` for ``("pool-D",
    "separating", "CC")`` (leader B) or its mirror image, is linear in the
    leader's ``theta`` with a negative coefficient.

    Returns
    -------
    sympy expression
        ``theta_bar``; the constraint is ``theta_leader <= theta_bar``.

    Examples
    --------
    >>> bar = asymmetric_mimic_bound("B")
    >>> S = SYMBOLS
    >>> round(float(bar.subs({S["H"]: 1.5, S["k"]: 0.9, S["betaB"]: 0.7,
    ...                       S["pA"]: 0.5})), 4)
    0.8267
    """
    if leader not in _OTHER:
        raise ValueError(f"leader must be 'A' or 'B' (got {leader!r})")
    key = ("pool-D", "separating", "CC") if leader == "B" else ("separating", "pool-D", "CC")
    expr = class_info(*key).incentives[(leader, "greedy")].lhs
    a, bound = coefficient_and_bound(expr, _theta(leader))
    return bound


def common_window(base, ps) -> tuple:
    """Salience window of symmetric trust-building when both states share
    one salience ``theta`` and one prior ``p``, for each ``p`` in ``ps``.

    Trust-building's incentive constraints hold for both states exactly
    when ``lower <= theta <= upper``, where ``lower`` is the larger of the
    two security-seekers' bounds and ``upper`` the smaller of the two greedy
    types' bounds (:func:`theta_bounds`).

    Parameters
    ----------
    base : Params
        ``H, L, k`` and each state's independence (priors and salience are
        ignored).
    ps : array_like
        Common prior values, in (0, 1].

    Returns
    -------
    tuple of numpy.ndarray
        ``(lower, upper)``.

    Examples
    --------
    >>> from trustgame import Params
    >>> lo, hi = common_window(Params(), [0.35])
    >>> round(float(lo[0]), 4), round(float(hi[0]), 4)
    (0.5714, 1.4476)
    """
    import numpy as np

    S = SYMBOLS
    ps = np.asarray(ps, dtype=float)
    lows, highs = [], []
    for state, other in (("A", "B"), ("B", "A")):
        b = theta_bounds(state)
        args = (S["H"], S["L"], S["k"], S[f"beta{state}"], S[f"p{other}"])
        vals = (base.H, base.L, base.k, getattr(base, f"beta{state}"))
        for kind, out in (("security", lows), ("greedy", highs)):
            f = sp.lambdify(args, b[kind][1], "numpy")
            out.append(np.broadcast_to(np.asarray(f(*vals, ps), dtype=float), ps.shape))
    return np.maximum(*lows), np.minimum(*highs)


def plot_window(ax, base, ps, label: bool = True):
    """Draw the closed-form bounds of :func:`common_window` on an axis
    whose horizontal axis is ``theta`` and vertical axis ``p``.

    The security-seekers' lower bound is drawn as a solid black line, the
    greedy types' upper bound as a dash-dotted black line; returns the
    axis.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> from trustgame import Params
    >>> fig, ax = plt.subplots()
    >>> _ = plot_window(ax, Params(), [0.2, 0.3, 0.4])
    >>> len(ax.lines)
    2
    >>> plt.close(fig)
    """
    import numpy as np

    lo, hi = common_window(base, ps)
    ps = np.asarray(ps, dtype=float)
    ax.plot(lo, ps, color="black", lw=1.6,
            label=r"security-seeker: $\theta \geq$ lower bound" if label else None, zorder=6)
    ax.plot(hi, ps, color="black", lw=1.6, ls="-.",
            label=r"greedy type: $\theta \leq$ upper bound" if label else None, zorder=6)
    return ax
