"""Correlated domestic and international preferences: a four-type game.

The paper argues that a domestic choice signals an international motive
when domestic and international preferences are correlated, and that a
"moderate" correlation suffices; the definition is in its Supplementary
Appendix A.5, which is not available to us.  This module is **our
reconstruction**.

Types
    Each state has an international motive (security-seeker, period-2
    exploitation value ``e2 = L``; greedy, ``e2 = H``) and a domestic
    disposition (reform-minded, period-1 value ``e1 = L``: it likes the
    "cooperative" domestic option for its own sake; hardline, ``e1 = H``).
    Period-1 payoffs (Table 4) use ``e1``, period-2 payoffs (Table 1) use
    ``e2``.  The four types, in this order, are ``security-reform``,
    ``security-hardline``, ``greedy-reform`` and ``greedy-hardline``.

Correlation
    ``P(reform | security) = (1 + rho) / 2`` and
    ``P(reform | greedy) = (1 - rho) / 2`` with ``rho`` in [0, 1].  So
    ``rho`` is the difference ``P(reform | security) - P(reform | greedy)``
    (the slope of a regression of the reform indicator on the security
    indicator): ``rho = 0`` makes the domestic disposition independent of
    the motive, ``rho = 1`` makes them identical, which is the paper's
    two-type game (security-seekers are exactly the reformers).  It equals
    the Pearson (phi) correlation of the two indicators when ``p = 1/2``;
    :func:`phi` gives it for other priors.

Trust-building
    Reform-minded types cooperate in period 1 and hardliners defect; after
    mutual cooperation both states' security types cooperate in period 2,
    and after every other history both states defect.  :func:`trust_building`
    checks this profile with :func:`trustgame.core.equilibria.check_profile`;
    :func:`trust_building_conditions` derives its conditions symbolically
    from :func:`trustgame.core.model.stage_payoff` and
    :func:`trustgame.core.model.period2_payoff`.  Every condition is linear in
    ``rho``, so the correlations that sustain trust-building form an
    interval (:func:`rho_interval`).

Period-1 mixing
    Equilibria in which some type mixes in period 1 are searched by
    :mod:`trustgame.analysis.correlation_mixing`.

Examples
--------
>>> from trustgame import Params
>>> g = correlation_game(Params(pA=0.35, pB=0.35), rho=0.5)
>>> [t.name for t in g.types[0]]
['security-reform', 'security-hardline', 'greedy-reform', 'greedy-hardline']
>>> trust_building(Params(pA=0.35, pB=0.35), rho=0.5) is not None
True
>>> round(min_rho(Params(pA=0.35, pB=0.35)), 4)
0.2062
"""

from __future__ import annotations

import math
from fractions import Fraction
from functools import cache

import numpy as np
import sympy as sp

from ..core.equilibria import check_profile
from ..core.errors import ParameterError
from ..core.model import C, D, Game, Params, Type, coop_threshold, period2_payoff, stage_payoff
from ..core.naming import name_equilibrium
from ..core.tolerances import BISECT_TOL, resolve_tol
from .conditions import SYMBOLS

__all__ = [
    "RHO",
    "TYPE_NAMES",
    "reform_probabilities",
    "type_space",
    "correlation_game",
    "posterior",
    "phi",
    "trust_building_profile",
    "trust_building",
    "trust_building_conditions",
    "rho_interval",
    "min_rho",
    "min_rho_search",
    "rho_curves",
    "plot_rho_region",
]

#: The correlation parameter as a sympy symbol.
RHO = sp.Symbol("rho", nonnegative=True)

#: Type names in the order used everywhere in this module.
TYPE_NAMES = ("security-reform", "security-hardline", "greedy-reform", "greedy-hardline")


def _check_rho(rho):
    if isinstance(rho, sp.Basic):
        return
    if isinstance(rho, bool) or not isinstance(rho, (int, float, Fraction)) or \
            (isinstance(rho, float) and not math.isfinite(rho)) or not 0 <= rho <= 1:
        raise ParameterError(f"rho must be a number in [0, 1] (got {rho!r})")


def _half(x):
    return Fraction(1, 2) if isinstance(x, (int, Fraction)) else (
        sp.Rational(1, 2) if isinstance(x, sp.Basic) else 0.5)


def reform_probabilities(rho) -> tuple:
    """``(P(reform | security), P(reform | greedy))`` at correlation ``rho``.

    Examples
    --------
    >>> reform_probabilities(0.5)
    (0.75, 0.25)
    >>> reform_probabilities(1)
    (Fraction(1, 1), Fraction(0, 1))
    """
    _check_rho(rho)
    h = _half(rho)
    return ((1 + rho) * h, (1 - rho) * h)


def type_space(prior, rho, H, L, drop_empty: bool = True) -> tuple:
    """The four types of one state.

    Parameters
    ----------
    prior : number
        Probability that the state is a security-seeker.
    rho : number
        Correlation, in [0, 1].
    H, L : number
        Exploitation values of greedy (hardline) and security (reform)
        preferences.
    drop_empty : bool
        Leave out types with prior zero (at ``rho = 1`` only
        ``security-reform`` and ``greedy-hardline`` remain, the paper's two
        types).

    Returns
    -------
    tuple of Type

    Examples
    --------
    >>> [(t.name, t.prior) for t in type_space(0.4, 1.0, 1.5, -0.1)]
    [('security-reform', 0.4), ('greedy-hardline', 0.6)]
    """
    r, g = reform_probabilities(rho)
    types = (
        Type("security-reform", L, L, prior * r),
        Type("security-hardline", H, L, prior * (1 - r)),
        Type("greedy-reform", L, H, (1 - prior) * g),
        Type("greedy-hardline", H, H, (1 - prior) * (1 - g)),
    )
    if drop_empty:
        types = tuple(t for t in types if t.prior > 0)
    return types


def correlation_game(params: Params, rho, drop_empty: bool = True) -> Game:
    """The four-type game at ``params`` and correlation ``rho``.

    ``params.pA`` and ``params.pB`` are the priors on a security-seeker;
    ``H, L, k``, independence and salience are used as in the paper's game.
    With ``rho = 1`` (and ``drop_empty``) this is the paper's two-type game
    with the security type named ``security-reform`` and the greedy type
    ``greedy-hardline``.

    Examples
    --------
    >>> from trustgame import Params
    >>> g = correlation_game(Params(pA=0.3, pB=0.6), rho=0.2)
    >>> round(sum(t.prior for t in g.types[1]), 12)
    1.0
    """
    return Game(
        k=params.k,
        beta=(params.betaA, params.betaB),
        theta=(params.thetaA, params.thetaB),
        types=(type_space(params.pA, rho, params.H, params.L, drop_empty),
               type_space(params.pB, rho, params.H, params.L, drop_empty)),
    )


def posterior(prior, rho, action: str = C):
    """Probability of a security-seeker after the trust-building period-1
    action ``action`` (reformers play C, hardliners D).

    Examples
    --------
    >>> round(posterior(0.2, 0.5, "C"), 4)
    0.4286
    >>> round(posterior(0.2, 0.5, "D"), 4)
    0.0769
    """
    r, g = reform_probabilities(rho)
    if action == C:
        return prior * r / (prior * r + (1 - prior) * g)
    if action == D:
        return prior * (1 - r) / (prior * (1 - r) + (1 - prior) * (1 - g))
    raise ValueError(f"action must be 'C' or 'D' (got {action!r})")


def phi(prior, rho):
    """Pearson correlation between the security and the reform indicators.

    ``phi = rho * sqrt(p (1 - p) / (m (1 - m)))`` with ``m`` the share of
    reformers; it equals ``rho`` when ``prior = 1/2``.

    Examples
    --------
    >>> phi(0.5, 0.6)
    0.6
    >>> round(phi(0.1, 0.6), 4)
    0.4104
    """
    r, g = reform_probabilities(rho)
    m = prior * r + (1 - prior) * g
    return float(rho * math.sqrt(prior * (1 - prior) / (m * (1 - m))))


def trust_building_profile(game: Game) -> tuple:
    """Period-1 actions of trust-building: C for reform-minded types
    (``e1 < 1``), D for hardliners, as strings in type order.

    Examples
    --------
    >>> from trustgame import Params
    >>> trust_building_profile(correlation_game(Params(), 0.5))
    ('CDCD', 'CDCD')
    """
    return tuple("".join(C if t.e1 < 1 else D for t in ts) for ts in game.types)


#: Period-2 play required by trust-building after each history.
_TB_CHOICE = {"CC": "CC", "CD": "DD", "DC": "DD", "DD": "DD"}


def trust_building(params: Params, rho, tol=None, drop_empty: bool = True):
    """The trust-building equilibrium of the four-type game, if it exists.

    Checked with :func:`trustgame.core.equilibria.check_profile` (every type's
    period-1 deviation, period-2 play an equilibrium after every history).

    Parameters
    ----------
    params : Params
    rho : number
        Correlation, in [0, 1].
    tol : float, optional
        Tolerance of weak inequalities.
    drop_empty : bool
        Passed to :func:`correlation_game`.

    Returns
    -------
    Equilibrium or None

    Examples
    --------
    >>> from trustgame import Params
    >>> trust_building(Params(pA=0.1, pB=0.1, betaA=0.6, betaB=0.7), 0.5) is None
    True
    >>> eq = trust_building(Params(pA=0.1, pB=0.1, betaA=0.6, betaB=0.7), 0.9)
    >>> round(eq.security_belief("CC", "A"), 4)
    0.6786
    """
    game = correlation_game(params, rho, drop_empty)
    found = check_profile(game, trust_building_profile(game), onpath_choice=_TB_CHOICE,
                          tol=tol)
    return name_equilibrium(found[0]) if found else None


# ---------------------------------------------------------------------------
# Closed form
# ---------------------------------------------------------------------------

_E = {"security": "L", "greedy": "H", "reform": "L", "hardline": "H"}


@cache
def trust_building_conditions(state: str = "A") -> dict:
    """Symbolic conditions of trust-building for one state.

    Each value ``expr`` stands for the condition ``expr >= 0``:

    ``"belief"``
        the counterpart's posterior after C reaches the period-2
        threshold ``t = k / (1 + k - L)``, multiplied by the
        probability that the counterpart plays C;
    one entry per type (:data:`TYPE_NAMES`)
        ``U(prescribed action) - U(other action)`` of that type of
        ``state``, summing over the counterpart's types.

    Symbols are those of :data:`trustgame.analysis.conditions.SYMBOLS` and
    :data:`RHO`.  Every expression is a polynomial of degree at most one
    in ``rho``.

    Examples
    --------
    >>> cond = trust_building_conditions("A")
    >>> list(cond)[:2]
    ['belief', 'security-reform']
    >>> sp.Poly(cond["greedy-hardline"], RHO).degree()
    1
    """
    if state not in ("A", "B"):
        raise ValueError(f"state must be 'A' or 'B' (got {state!r})")
    S = SYMBOLS
    other = "B" if state == "A" else "A"
    p = S[f"p{other}"]
    beta, theta, k = S[f"beta{state}"], S[f"theta{state}"], S["k"]
    vals = {"L": S["L"], "H": S["H"]}
    r, g = reform_probabilities(RHO)
    t = coop_threshold(S["L"], k)
    # counterpart's types: (prior, period-1 action, cooperates after CC)
    other_types = [
        (p * r, C, 1), (p * (1 - r), D, 1),
        ((1 - p) * g, C, 0), ((1 - p) * (1 - g), D, 0),
    ]
    out = {"belief": sp.expand(p * r - t * (p * r + (1 - p) * g))}

    def U(e1, e2, a, security):
        total = 0
        for w, b, x_other in other_types:
            cc = a == C and b == C
            x_own = 1 if (cc and security) else 0
            total += w * (stage_payoff(a, b, e1, beta, k)
                          + theta * period2_payoff(x_own, x_other if cc else 0, e2, k))
        return total

    for name in TYPE_NAMES:
        motive, disposition = name.split("-")
        e1, e2 = vals[_E[disposition]], vals[_E[motive]]
        a = C if disposition == "reform" else D
        dev = D if a == C else C
        sec = motive == "security"
        out[name] = sp.expand(U(e1, e2, a, sec) - U(e1, e2, dev, sec))
    return out


@cache
def _coefficient_functions(state: str):
    """For each condition, numpy functions of the parameters giving the
    coefficients ``(a, b)`` of ``a * rho + b``."""
    args = tuple(SYMBOLS.values())
    out = {}
    for name, expr in trust_building_conditions(state).items():
        poly = sp.Poly(expr, RHO)
        if poly.degree() > 1:
            raise AssertionError(f"condition {name} is not linear in rho")
        a = poly.coeff_monomial(RHO)
        b = poly.coeff_monomial(1)
        out[name] = (sp.lambdify(args, a, "math"), sp.lambdify(args, b, "math"))
    return out


def rho_interval(params: Params, tol=None):
    """Correlations at which trust-building exists, from the closed form.

    Parameters
    ----------
    params : Params
        Priors must lie strictly between 0 and 1.
    tol : float, optional
        Tolerance of the weak inequalities (package default).

    Returns
    -------
    tuple or None
        ``(rho_min, rho_max)``, the closed interval of ``rho`` in [0, 1]
        where every condition of :func:`trust_building_conditions` holds
        for both states; None when it is empty.

    Examples
    --------
    >>> from trustgame import Params
    >>> lo, hi = rho_interval(Params(pA=0.2, pB=0.2, betaA=0.6, betaB=0.7))
    >>> round(lo, 4), hi
    (0.5319, 1.0)
    """
    tol = resolve_tol(tol)
    for name in ("pA", "pB"):
        v = getattr(params, name)
        if not 0 < v < 1:
            raise ValueError(f"{name} must lie strictly between 0 and 1 (got {v})")
    args = tuple(float(getattr(params, n)) for n in SYMBOLS)
    lo, hi = 0.0, 1.0
    for state in ("A", "B"):
        for _name, (fa, fb) in _coefficient_functions(state).items():
            a, b = fa(*args), fb(*args)
            if abs(a) <= tol:
                if b < -tol:
                    return None
                continue
            root = -b / a
            if a > 0:
                lo = max(lo, root)
            else:
                hi = min(hi, root)
    if lo > hi + tol:
        return None
    return (lo, min(max(hi, lo), 1.0))


def min_rho(params: Params, tol=None):
    """Smallest correlation at which trust-building exists (closed form),
    or None when it exists for no ``rho`` in [0, 1].

    Examples
    --------
    >>> from trustgame import Params
    >>> min_rho(Params(pA=0.2, pB=0.2)) is None
    True
    """
    iv = rho_interval(params, tol)
    return None if iv is None else iv[0]


def min_rho_search(params: Params, step: float = 0.01, tol=None):
    """Smallest correlation at which :func:`trust_building` finds the
    equilibrium, by a grid scan and bisection (independent of the closed
    form).

    The scan visits ``rho = 0, step, 2 step, ..., 1``; the first grid
    point where the equilibrium exists is then refined by bisection on the
    preceding grid interval until the bracket is shorter than ``tol``
    (default :data:`trustgame.core.tolerances.BISECT_TOL`).
    Because every condition is linear in ``rho`` (so the set is an
    interval), the result is the minimum up to ``tol`` unless the whole set
    is narrower than ``step`` and falls between two grid points.

    Returns
    -------
    float or None
        The upper end of the final bracket (where the equilibrium exists).

    Examples
    --------
    >>> from trustgame import Params
    >>> round(min_rho_search(Params(pA=0.2, pB=0.2, betaA=0.6, betaB=0.7)), 4)
    0.5319
    """
    tol = BISECT_TOL if tol is None else tol
    grid = np.linspace(0.0, 1.0, int(round(1 / step)) + 1)
    first = next((i for i, r in enumerate(grid)
                  if trust_building(params, float(r)) is not None), None)
    if first is None:
        return None
    if first == 0:
        return 0.0
    lo, hi = float(grid[first - 1]), float(grid[first])
    while hi - lo > tol:
        mid = (lo + hi) / 2
        if trust_building(params, mid) is not None:
            hi = mid
        else:
            lo = mid
    return hi


def rho_curves(base: Params, ps) -> tuple:
    """Closed-form interval of :func:`rho_interval` for a common prior
    ``p = pA = pB`` at each value of ``ps``.

    Returns
    -------
    tuple of numpy.ndarray
        ``(rho_min, rho_max)``, NaN where trust-building exists for no
        ``rho``.

    Examples
    --------
    >>> from trustgame import Params
    >>> lo, hi = rho_curves(Params(betaA=0.6, betaB=0.7), [0.1, 0.9])
    >>> round(float(lo[0]), 4), bool(np.isnan(lo[1]))
    (0.7609, True)
    """
    ps = np.asarray(ps, dtype=float)
    lo = np.full(ps.shape, np.nan)
    hi = np.full(ps.shape, np.nan)
    for i, p in enumerate(ps):
        iv = rho_interval(base.replace(pA=float(p), pB=float(p)))
        if iv is not None:
            lo[i], hi[i] = iv
    return lo, hi


def plot_rho_region(ax, base: Params, ps, color: str, label: str, hatch: str | None = None):
    """Shade, in the plane (common prior ``p``, ``rho``), where
    trust-building exists; outline its lower edge (the minimum correlation)
    in ``color``.  Returns the axis.

    Parameters
    ----------
    ax : matplotlib axis
    base : Params
        Parameters other than the priors.
    ps : array_like
        Common prior values (horizontal axis).
    color, label : str
        Colour and legend label of the region.
    hatch : str, optional
        Hatch pattern instead of a translucent fill.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> from trustgame import Params
    >>> fig, ax = plt.subplots()
    >>> _ = plot_rho_region(ax, Params(betaA=0.6, betaB=0.7), [0.1, 0.2, 0.3], "C0", "example")
    >>> len(ax.lines)
    1
    >>> plt.close(fig)
    """
    lo, hi = rho_curves(base, ps)
    ok = ~np.isnan(lo)
    ps = np.asarray(ps, dtype=float)
    filled = hatch is None
    ax.fill_between(ps, np.where(ok, lo, np.nan), np.where(ok, hi, np.nan), where=ok,
                    facecolor=color if filled else "none", alpha=0.35 if filled else 1,
                    hatch=hatch, edgecolor=color, linewidth=0, label=label)
    ax.plot(ps[ok], lo[ok], color=color, lw=1.8)
    return ax
