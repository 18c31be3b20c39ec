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
in exact arithmetic).

Three entry points share these definitions: :func:`dominates` compares two
payoff vectors, :func:`efficient_mask` refines the equilibria at one point
(what :func:`trustgame.solve` uses), and :func:`refine_arrays` refines
whole arrays of points at once (what the region maps and the case boxes
use).

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
from .tolerances import resolve_tol

__all__ = ["DOMINANCE", "check_dominance", "dominates", "exante_vector", "efficient_mask",
           "refine_arrays"]

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
