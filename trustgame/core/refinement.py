"""The paper's efficiency refinement (PBE-ER).

An equilibrium is removed when another PBE at the same parameters is
better for the types, judged type by type on interim expected payoffs
(each type's expected payoff given only its own type and the prior over
the counterpart's).  The paper's words are that it removes an equilibrium
"if ... all types of all states would prefer" another one; it does not say
whether "prefer" is weak or strict.  Both are available:

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
``"none"``
    no refinement.

Only types with positive prior count (a type that cannot occur has no
preference to consult).  Comparisons use the tolerance of
:mod:`trustgame.core.model`: a difference within ``tol`` counts as a tie.

Examples
--------
>>> dominates((1.0, 2.0), (1.0, 1.0))
True
>>> dominates((1.0, 2.0), (1.0, 1.0), dominance="strict")
False
"""

from __future__ import annotations

from typing import Sequence

from .model import resolve_tol

__all__ = ["DOMINANCE", "dominates", "efficient_mask"]

#: Accepted values of the ``dominance`` argument.
DOMINANCE = ("weak", "strict", "none")


def _check(dominance):
    if dominance not in DOMINANCE:
        raise ValueError(
            f"dominance must be one of {', '.join(DOMINANCE)} (got {dominance!r})"
        )


def dominates(u: Sequence, v: Sequence, dominance: str = "weak", tol=None) -> bool:
    """True when payoff vector ``u`` Pareto-dominates ``v``.

    Parameters
    ----------
    u, v : sequence of numbers
        Interim payoffs, one per type, in the same order.
    dominance : {"weak", "strict", "none"}
    tol : float, optional
        Differences within ``tol`` are ties.
    """
    _check(dominance)
    tol = resolve_tol(tol)
    if dominance == "none":
        return False
    if dominance == "strict":
        return all(a > b + tol for a, b in zip(u, v))
    return all(a >= b - tol for a, b in zip(u, v)) and any(a > b + tol for a, b in zip(u, v))


def efficient_mask(equilibria: Sequence, dominance: str = "weak", tol=None) -> list[bool]:
    """For each equilibrium, True when no other equilibrium dominates it.

    Parameters
    ----------
    equilibria : sequence of Equilibrium
        All PBE at one parameter point.
    dominance : {"weak", "strict", "none"}
    tol : float, optional

    Returns
    -------
    list of bool
    """
    _check(dominance)
    vecs = [e.payoff_vector() for e in equilibria]
    if equilibria:
        tol = resolve_tol(tol, equilibria[0].game.exact)
    return [
        not any(dominates(w, v, dominance, tol) for j, w in enumerate(vecs) if j != i)
        for i, v in enumerate(vecs)
    ]
