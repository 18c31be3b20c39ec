"""Equilibria of the period-2 Bayesian game after a period-1 history.

After period 1 each state holds a posterior over the other's types.  Period
2 is then a one-shot Bayesian trust game (Table 1).  A type with period-2
exploitation value ``e`` best-responds to the counterpart's *aggregate*
probability of cooperation ``y``: it cooperates when ``y`` exceeds its
threshold ``k / (1 + k - e)``, defects when ``y`` is below, and is
indifferent at equality (:func:`trustgame.core.model.coop_threshold`).  Greedy
types (``e > 1``) always defect.

So an equilibrium is a pair of aggregates ``(y_A, y_B)`` with ``y_A`` a
best-response aggregate to ``y_B`` and vice versa.  Each state's
best-response correspondence is a step function of the other's aggregate;
:func:`solve_period2` enumerates its "regimes" (the other's aggregate lies
strictly between two consecutive thresholds, or exactly at one) and keeps
every consistent pair.

For the paper's two-type game with posteriors ``q_A, q_B`` that the
counterpart is a security-seeker and threshold ``t = k / (1 + k - L)``
this gives

* ``DD`` (both defect) always;
* ``CC`` (security-seekers cooperate) when ``q_A >= t`` and ``q_B >= t``;
* ``mixed`` (security-seekers cooperate with probabilities ``t / q_A`` and
  ``t / q_B``) when ``q_A > t`` and ``q_B > t``.

Knife-edge beliefs.  When a posterior equals a threshold exactly and the
other side's pure behaviour happens to make a type indifferent, the
period-2 game has a *continuum* of equilibria.  Only its extreme points are
returned (for the two-type game these are the ``CC`` and ``mixed``
equilibria above); :attr:`Continuation.knife_edge` flags them.  The
semi-separating enumerator (:mod:`trustgame.core.semiseparating`) treats the
continuum explicitly because period-1 mixing can place beliefs exactly at a
threshold.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .model import Game, coop_threshold, period2_payoff
from .tolerances import resolve_tol

__all__ = ["Continuation", "solve_period2", "continuation_payoff", "aggregate"]


@dataclass(frozen=True)
class Continuation:
    """One equilibrium of the period-2 game.

    Attributes
    ----------
    x : tuple
        ``(x_A, x_B)``: for each state a tuple with each type's probability
        of cooperating in period 2.
    kind : str
        ``"DD"`` (no cooperation), ``"CC"`` (every period-2 security type
        cooperates for sure), ``"mixed"`` (some type mixes) or ``"partial"``
        (some security types cooperate and others defect, possible only
        with several security thresholds).
    knife_edge : bool
        True when the equilibrium is an extreme point of a continuum that
        exists because a posterior sits exactly at a threshold.
    """

    x: tuple
    kind: str
    knife_edge: bool = False


def aggregate(mu: Sequence, x: Sequence):
    """Probability that a state cooperates: ``sum(mu[i] * x[i])``.

    Examples
    --------
    >>> aggregate((0.5, 0.5), (1, 0))
    0.5
    """
    return sum(m * xi for m, xi in zip(mu, x))


def continuation_payoff(game: Game, state_index: int, type_index: int,
                        x_own: Any, y_other: Any):
    """Period-2 payoff of one type playing C with probability ``x_own``
    when the counterpart cooperates with aggregate probability ``y_other``.
    """
    t = game.types[state_index][type_index]
    return period2_payoff(x_own, y_other, t.e2, game.k)


class _Side:
    """Best-response structure of one state given its posterior ``mu``."""

    def __init__(self, game: Game, s: int, mu: Sequence):
        self.mu = tuple(mu)
        self.th = tuple(coop_threshold(t.e2, game.k) for t in game.types[s])
        self.levels = sorted({t for t in self.th if t != math.inf})

    def mass(self, pred) -> Any:
        return sum(m for m, t in zip(self.mu, self.th) if pred(t))

    def regimes(self):
        """Yield ``(req_lo, req_hi, own_lo, own_hi, level, j)``.

        ``[req_lo, req_hi]`` is the closed interval the counterpart's
        aggregate must lie in, ``[own_lo, own_hi]`` this state's aggregate.
        ``level`` is None for a pure regime (types with threshold at or
        below ``req_lo`` cooperate, the others defect: ties are weak, an
        indifferent type may play either action) and the threshold of the
        mixing types otherwise; ``j`` is the index of a pure regime's
        interval (None for a mixing regime).
        """
        bounds = [0, *self.levels, 1]
        for j in range(len(bounds) - 1):
            lo, hi = bounds[j], bounds[j + 1]
            if j == 0:
                coop = 0 * lo
            else:
                coop = self.mass(lambda t, lo=lo: t <= lo)
            yield (lo, hi, coop, coop, None, j)
        for lev in self.levels:
            below = self.mass(lambda t, lev=lev: t < lev)
            at = self.mass(lambda t, lev=lev: t == lev)
            yield (lev, lev, below, below + at, lev, None)

    def strategy(self, own, regime):
        """Each type's probability of C in a regime, given own aggregate."""
        lo, _, _, _, level, j = regime
        if level is None:
            return tuple(1 if (j > 0 and t <= lo) else 0 for t in self.th)
        below = self.mass(lambda t: t < level)
        at = self.mass(lambda t: t == level)
        frac = (own - below) / at if at > 0 else 0 * own
        return tuple(1 if t < level else (frac if t == level else 0) for t in self.th)


def _meet(own_lo, own_hi, req_lo, req_hi, tol):
    """Representative points of ``[own_lo, own_hi] & [req_lo, req_hi]``.

    Returns ``(points, continuum)``; an empty list when the intervals do
    not meet (within ``tol``).
    """
    lo, hi = max(own_lo, req_lo), min(own_hi, req_hi)
    if lo > hi + tol:
        return [], False
    if own_lo == own_hi:
        return [own_lo], False
    if req_lo == req_hi:
        return [min(max(req_lo, own_lo), own_hi)], False
    if hi - lo <= tol:
        return [lo], False
    return [lo, hi], True


def solve_period2(game: Game, mu_A: Sequence, mu_B: Sequence, tol=None):
    """All equilibria of the period-2 game, continua by their end points.

    Parameters
    ----------
    game : Game
        The game (supplies ``k`` and the types' period-2 values).
    mu_A, mu_B : sequence
        Posterior probabilities over A's and B's types.
    tol : float, optional
        Tolerance for threshold comparisons (default
        :data:`trustgame.core.tolerances.DEFAULT_TOL`, ``0`` for exact games).

    Returns
    -------
    list of Continuation
        ``DD`` first, then ``CC``, ``mixed`` and ``partial`` ones;
        duplicates (within ``tol``) removed.

    Examples
    --------
    >>> from trustgame.core.model import Params
    >>> g = Params(H=1.5, L=-0.1, k=0.9).game()
    >>> [c.kind for c in solve_period2(g, (1, 0), (1, 0))]
    ['DD', 'CC', 'mixed']
    >>> [c.kind for c in solve_period2(g, (0.3, 0.7), (1, 0))]
    ['DD']
    """
    tol = resolve_tol(tol, game.exact)
    sA = _Side(game, 0, mu_A)
    sB = _Side(game, 1, mu_B)
    found = []
    for rA in sA.regimes():
        for rB in sB.regimes():
            ptsA, contA = _meet(rA[2], rA[3], rB[0], rB[1], tol)
            if not ptsA:
                continue
            ptsB, contB = _meet(rB[2], rB[3], rA[0], rA[1], tol)
            if not ptsB:
                continue
            for yA in ptsA:
                for yB in ptsB:
                    found.append((sA.strategy(yA, rA), sB.strategy(yB, rB), contA or contB))
    out: list[Continuation] = []
    for xA, xB, cont in found:
        dup = [i for i, c in enumerate(out) if _same(xA, c.x[0], tol) and _same(xB, c.x[1], tol)]
        if dup:
            if cont and not out[dup[0]].knife_edge:
                out[dup[0]] = Continuation(out[dup[0]].x, out[dup[0]].kind, True)
            continue
        out.append(Continuation((xA, xB), _kind(game, xA, xB, tol), cont))
    out.sort(key=lambda c: ("DD", "CC", "mixed", "partial").index(c.kind))
    return out


def _same(a, b, tol):
    return all(abs(u - v) <= tol for u, v in zip(a, b))


def _kind(game, xA, xB, tol):
    xs = list(xA) + list(xB)
    if all(abs(v) <= tol for v in xs):
        return "DD"
    if any(tol < v < 1 - tol for v in xs):
        return "mixed"
    sec = [x for s, xx in ((0, xA), (1, xB)) for t, x in zip(game.types[s], xx) if t.is_security]
    if all(abs(v - 1) <= tol for v in sec):
        return "CC"
    return "partial"
