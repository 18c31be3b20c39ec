"""An independent deviation check for a reported equilibrium.

This module shares only the payoff tables (:func:`trustgame.core.model.stage_payoff`)
with the enumerators.  It recomputes every expected payoff by summing over
the counterpart's *types* (prior times that type's own strategy), instead of
over the counterpart's actions and posteriors as the enumerators do, and it
checks every condition of a perfect Bayesian equilibrium:

1. on-path beliefs follow Bayes' rule;
2. after every period-1 history, including those off the path (with the
   equilibrium's representative off-path belief), every type's period-2
   action is a best response to the counterpart's play;
3. no type gains by switching its period-1 action (every deviation,
   continued with the prescribed period-2 play);
4. each reported interim payoff equals the recomputed one.

Examples
--------
>>> from trustgame import Params, solve
>>> sol = solve(Params(pA=0.35, pB=0.35), scope="pure")
>>> all(not violations(e) for e in sol.equilibria)
True
"""

from __future__ import annotations

from .model import ACTIONS, HISTORIES, STATES, stage_payoff
from .tolerances import DEFAULT_TOL, MIXED_TOL, VERIFY_MARGIN

__all__ = ["violations", "period1_values"]


def _p(x, a):
    return x if a == "C" else 1 - x


def _hist(s, own, other):
    return own + other if s == 0 else other + own


def period1_values(eq, s: int, n: int) -> dict:
    """Expected total payoff of type ``n`` of state ``s`` from each
    period-1 action, given everyone else's strategies (summed type by
    type over the counterpart)."""
    g = eq.game
    o = 1 - s
    me = g.types[s][n]
    out = {}
    for a in ACTIONS:
        total = 0
        for m, other in enumerate(g.types[o]):
            if other.prior == 0:
                continue
            for b in ACTIONS:
                pb = _p(eq.period1[o][m], b)
                if pb == 0:
                    continue
                h = HISTORIES.index(_hist(s, a, b))
                x_me = eq.period2[h].x[s][n]
                x_other = eq.period2[h].x[o][m]
                u2 = 0
                for a2 in ACTIONS:
                    for b2 in ACTIONS:
                        u2 += _p(x_me, a2) * _p(x_other, b2) * stage_payoff(a2, b2, me.e2, 0, g.k)
                u1 = stage_payoff(a, b, me.e1, g.beta[s], g.k)
                total += other.prior * pb * (u1 + g.theta[s] * u2)
        out[a] = total
    return out


def violations(eq, tol=None) -> list[str]:
    """Every failed PBE condition of ``eq``, as readable strings.

    Parameters
    ----------
    eq : Equilibrium
    tol : float, optional
        Default :data:`~trustgame.core.tolerances.DEFAULT_TOL` for pure
        equilibria and :data:`~trustgame.core.tolerances.MIXED_TOL` for
        semi-separating ones (found by linear algebra).

    Returns
    -------
    list of str
        Empty when ``eq`` is a perfect Bayesian equilibrium.
    """
    if tol is None:
        tol = 0 if eq.game.exact else (MIXED_TOL if eq.method == "semi-separating" else DEFAULT_TOL)
    g = eq.game
    bad = []
    # payoffs scale with theta and with the largest payoff entry: compare
    # them relative to that scale (1 at ordinary points of order one), with
    # the margin VERIFY_MARGIN over the solver's own tolerance
    size = VERIFY_MARGIN * max([1.0, abs(float(g.k))] + [abs(float(t.e1)) for ts in g.types for t in ts]
                               + [abs(float(t.e2)) for ts in g.types for t in ts])
    ptol = [tol * size * max(1.0, abs(float(th))) for th in g.theta]
    if tol == 0:  # exact: no float may enter a comparison of Fractions
        size, ptol = 0, [0, 0]
    # 1. Bayes' rule on the path
    for s in (0, 1):
        types = g.types[s]
        for a in ACTIONS:
            w = sum(t.prior * _p(x, a) for t, x in zip(types, eq.period1[s]))
            for h, hist in enumerate(HISTORIES):
                if hist[s] != a:
                    continue
                mu = eq.beliefs[h][s]
                if w > 0:
                    if mu is None:
                        bad.append(f"{STATES[s]}: belief after {hist} missing though on path")
                        continue
                    for t, x, m in zip(types, eq.period1[s], mu):
                        if abs(t.prior * _p(x, a) / w - m) > tol:
                            bad.append(f"{STATES[s]}: belief after {hist} breaks Bayes' rule")
                            break
    # 2. period-2 best responses after every history
    for h, hist in enumerate(HISTORIES):
        cont = eq.period2[h]
        for s in (0, 1):
            o = 1 - s
            mu_o = eq.offpath_beliefs[h][o]
            y = sum(m * x for m, x in zip(mu_o, cont.x[o]))
            for n, t in enumerate(g.types[s]):
                uc = stage_payoff("C", "C", t.e2, 0, g.k) * y + stage_payoff("C", "D", t.e2, 0, g.k) * (1 - y)
                ud = stage_payoff("D", "C", t.e2, 0, g.k) * y + stage_payoff("D", "D", t.e2, 0, g.k) * (1 - y)
                x = cont.x[s][n]
                if x > tol and uc < ud - tol * size:
                    bad.append(f"{STATES[s]}/{t.name}: cooperates after {hist} but D pays more")
                if x < 1 - tol and ud < uc - tol * size:
                    bad.append(f"{STATES[s]}/{t.name}: defects after {hist} but C pays more")
    # 3. and 4. period-1 incentives and payoffs
    for s in (0, 1):
        for n, t in enumerate(g.types[s]):
            v = period1_values(eq, s, n)
            x = eq.period1[s][n]
            if x > tol and v["C"] < v["D"] - ptol[s]:
                bad.append(f"{STATES[s]}/{t.name}: plays C in period 1 but D pays more")
            if x < 1 - tol and v["D"] < v["C"] - ptol[s]:
                bad.append(f"{STATES[s]}/{t.name}: plays D in period 1 but C pays more")
            u = x * v["C"] + (1 - x) * v["D"]
            floor = DEFAULT_TOL * size * max(1.0, abs(float(g.theta[s])))
            if abs(u - eq.payoffs[s][n]) > max(ptol[s], floor) * 10:
                bad.append(f"{STATES[s]}/{t.name}: reported payoff {float(eq.payoffs[s][n]):.6g} "
                           f"differs from recomputed {float(u):.6g}")
    return bad

