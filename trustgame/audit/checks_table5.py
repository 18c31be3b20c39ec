"""Checks: payoff independence (Results 1a and 1b) and the symmetric rows
of Table 5 (trust-building, suckers, tragic, mixed trust-building,
semi-tragic).

Examples
--------
>>> from trustgame.audit.registry import run_check
>>> run_check("table5_suckers").status
'reproduced'
"""

from __future__ import annotations

from functools import cache

import numpy as np
import sympy as sp

from ..analysis.conditions import SYMBOLS, class_info, compile_class, evaluate
from ..analysis.maps import grid_args, region_map
from ..core.model import C, D, Params, independence_threshold, period2_payoff, stage_payoff
from ..core.naming import class_of
from ..core.solution import solve
from ..core.tolerances import DEFAULT_TOL, ZERO_TOL
from ..paper import figure_base, figure_map
from .helpers import (
    GRID,
    MARGIN,
    cell_witness,
    diag_max,
    diag_min,
    first_cell,
    payoff_gap,
    solve_cached,
    witness,
)
from .registry import NOT_REPRODUCED, ONLY_UNDER, REPRODUCED, Verdict, check, run_check

__all__ = ["tragic_break_even"]

_L, _k = SYMBOLS["L"], SYMBOLS["k"]


_BETAS = tuple(round(0.05 * i, 2) for i in range(21))


@cache
def _beta_sweep(name: str) -> tuple:
    """Lowest symmetric p at which ``name`` exists, for each symmetric beta."""
    out = []
    for b in _BETAS:
        m = region_map(figure_base(1, betaA=b, betaB=b), n=GRID, dominance="none")
        out.append(diag_min(m, name))
    return tuple(out)


@check("result_1a")
def _result_1a() -> Verdict:
    """Result 1a: raising independence lowers the trust needed."""
    mins = _beta_sweep("trust-building")
    mono = all(b <= a + ZERO_TOL for a, b in zip(mins, mins[1:]))
    # one-sided: beta_B = 0, p_A = 0.4; lowest p_B with trust-building per beta_A
    m = region_map(figure_base(1, pA=0.4), x="betaA", y="pB", n=GRID, dominance="none")
    tb = m.mask("trust-building", efficient=False)
    lows = [float(m.ys[tb[:, j]].min()) for j in range(len(m.xs)) if tb[:, j].any()]
    mono1 = len(lows) == len(m.xs) and all(b <= a + ZERO_TOL for a, b in zip(lows, lows[1:]))
    ok = mono and mono1 and mins[-1] < mins[0]
    return Verdict(REPRODUCED if ok else NOT_REPRODUCED,
                   f"Lowest symmetric p with trust-building falls from {mins[0]:.4f} at beta = 0 "
                   f"to {mins[-1]:.4f} at beta = 1 and never rises along beta = 0, 0.05, ..., 1; "
                   f"with beta_B = 0 and p_A = 0.4 the lowest p_B falls from {lows[0]:.4f} to "
                   f"{lows[-1]:.4f} as beta_A rises.",
                   numbers={"min_beta0": mins[0], "min_beta1": mins[-1],
                            "one_sided_first": lows[0], "one_sided_last": lows[-1]})


@check("result_1b")
def _result_1b() -> Verdict:
    """Result 1b: above the threshold, trust-building exists as p -> 0."""
    t = 0.45
    betas = np.linspace(t + 0.01, 1.0, 8)
    p_low = 1e-4
    above = all(solve_cached(figure_base(1, pA=p_low, pB=p_low, betaA=float(a), betaB=float(b)))
                .has("trust-building") for a in betas for b in betas)
    below = not solve_cached(figure_base(1, pA=p_low, pB=p_low, betaA=t - 0.01, betaB=t - 0.01)
                       ).has("trust-building")
    rng = np.random.default_rng(20260401)
    n_rand, fails = 200, 0
    for _ in range(n_rand):
        H, L, k = rng.uniform(1.01, 4), rng.uniform(-2, 0.99), rng.uniform(0.05, 3)
        tt = k / (1 + k - L)
        p = Params(H=H, L=L, k=k, pA=p_low, pB=p_low, betaA=float(rng.uniform(tt, 1)),
                   betaB=float(rng.uniform(tt, 1)), thetaA=float(rng.uniform(0.1, 3)),
                   thetaB=float(rng.uniform(0.1, 3)))
        if min(p.betaA, p.betaB) <= tt + float(MARGIN):
            continue
        fails += not solve(p, scope="pure").has("trust-building")
    ok = above and below and fails == 0
    return Verdict(REPRODUCED if ok else NOT_REPRODUCED,
                   f"At p_A = p_B = {p_low}, trust-building exists at all 64 points of an 8x8 "
                   f"grid of beta_A, beta_B in (0.45, 1] (Figure 1 values), not at beta = 0.44, "
                   f"and at {n_rand - fails} of {n_rand} random parameter points with both "
                   f"betas above their threshold.",
                   numbers={"p_low": p_low, "random": n_rand, "fails": fails})


@check("table5_trust_building")
def _table5_trust_building() -> Verdict:
    """Table 5, trust-building row."""
    m1, m2 = figure_map(1, dominance="none"), figure_map(2, dominance="none")
    lo1 = diag_min(m1, "trust-building")
    lo2 = diag_min(m2, "trust-building")
    ok = lo2 < lo1 and lo2 == float(m2.xs[0])
    ok = ok and run_check("result_1a").status == REPRODUCED
    return Verdict(REPRODUCED if ok else NOT_REPRODUCED,
                   f"Along p_A = p_B, trust-building starts at {lo1:.4f} in Figure 1 and at the "
                   f"lowest grid cell, {lo2:.4f}, in Figure 2; the lower bound falls "
                   f"monotonically with beta (Result 1a check).",
                   numbers={"fig1": lo1, "fig2": lo2})


@check("table5_suckers")
def _table5_suckers() -> Verdict:
    """Table 5: suckers, no change."""
    cond = class_info(*class_of("suckers")).condition
    free = {str(s) for s in cond.free_symbols}
    no_beta = not ({"beta_A", "beta_B"} & free)
    same_e = (figure_map(1, dominance="none").mask("suckers", False)
              == figure_map(2, dominance="none").mask("suckers", False)).all()
    same_r = (figure_map(1).mask("suckers") == figure_map(2).mask("suckers")).all()
    ok = no_beta and same_e and same_r
    return Verdict(REPRODUCED if ok else NOT_REPRODUCED,
                   "The suckers existence condition contains no beta (every type cooperates, so "
                   "only the Table 4 cells with mutual cooperation and with the deviator "
                   "cheating, which do not depend on beta, are reached); its PBE and PBE-ER "
                   "regions in Figures 1 and 2 are identical cell by cell.",
                   numbers={"symbols": sorted(free)})


def _random_values(rng, n):
    return {"H": rng.uniform(1.01, 4, n), "L": rng.uniform(-2, 0.99, n),
            "k": rng.uniform(0.05, 3, n), "pA": rng.uniform(0.01, 0.99, n),
            "pB": rng.uniform(0.01, 0.99, n), "betaA": rng.uniform(0, 1, n),
            "betaB": rng.uniform(0, 1, n), "thetaA": rng.uniform(0.1, 3, n),
            "thetaB": rng.uniform(0.1, 3, n)}


def tragic_break_even():
    """Lowest beta at which a security-seeker leaves the tragic equilibrium
    when the deviation is answered by the mixed period-2 equilibrium (the
    harshest answer available when the deviator may be believed a
    security-seeker): its period-1 gain plus theta times its mixed payoff.

    Returns
    -------
    (root, punishment, theta)
        The break-even beta, the security-seeker's mixed period-2 payoff
        ``t L`` and the salience symbol used.

    Examples
    --------
    >>> root, punish, theta = tragic_break_even()
    >>> root.subs({SYMBOLS["L"]: sp.Rational(-1, 10), SYMBOLS["k"]: sp.Rational(9, 10), theta: 1})
    189/400
    """
    beta = sp.Symbol("beta", nonnegative=True)
    th = sp.Symbol("theta", positive=True)
    t = independence_threshold(_L, _k)
    gain = stage_payoff(C, D, _L, beta, _k) - stage_payoff(D, D, _L, beta, _k)
    punish = period2_payoff(1, t, _L, _k)  # indifferent, so any x gives t * L
    root = sp.solve(sp.Eq(sp.expand(gain + th * punish), 0), beta)[0]
    return sp.simplify(root), sp.simplify(punish), th


@check("table5_tragic")
def _table5_tragic() -> Verdict:
    """Table 5: once either side meets the threshold, tragic is no PBE."""
    rng = np.random.default_rng(7)
    n = 20000
    vals = _random_values(rng, n)
    t = vals["k"] / (1 + vals["k"] - vals["L"])
    above = np.maximum(vals["betaA"], vals["betaB"]) > t + float(MARGIN)
    res = {}
    for off in ("free", "grim", "passive"):
        cond = class_info(*class_of("tragic"), off).condition
        res[off] = int((np.asarray(evaluate(cond, **vals)) & above).sum())
    root, punish, th = tragic_break_even()
    p0 = figure_base(1).exact()
    b_star = float(root.subs({_L: p0.L, _k: p0.k, th: 1}))
    p = figure_base(1, betaA=0.46, betaB=0.46, pA=0.6, pB=0.6)
    wit = witness(p, "no tragic equilibrium when beta exceeds k/(1+k-L) = 0.45")
    names = [r["name"] for r in wit.equilibria]
    nums = {"points": n, "above": int(above.sum()), "free": res["free"], "grim": res["grim"],
            "passive": res["passive"], "beta_star": b_star, "beta_star_expr": sp.latex(root),
            "punish": sp.latex(punish)}
    ev = (f"Of {n} random parameter points, {int(above.sum())} have a beta above its threshold; "
          f"the tragic equilibrium is a PBE at {res['free']} of them with free off-path beliefs, "
          f"{res['passive']} with passive beliefs and {res['grim']} when a deviator is believed "
          f"greedy. A security-seeker's switch to period-1 cooperation gains "
          f"beta (1 + k - L) - k > 0, but if the switch is answered by the mixed period-2 "
          f"equilibrium (available when the deviator is believed a security-seeker and the "
          f"other's prior exceeds the threshold) it earns theta {sp.sstr(punish)} < 0 in period "
          f"2: tragic survives up to beta = {sp.sstr(root)}, {b_star:.4f} at Figure 1's values "
          f"(e.g. beta = 0.46, p = 0.6: {', '.join(names)}).")
    if res["free"] == 0:
        return Verdict(REPRODUCED, ev, numbers=nums)
    if res["grim"] == 0:
        return Verdict(ONLY_UNDER, ev, wit, "off-path beliefs that treat a deviator as greedy "
                       "(or, near the threshold, a more independent choice than it states)", nums)
    return Verdict(NOT_REPRODUCED, ev, wit, None, nums)


@check("table5_mixed_tb_beta0")
def _table5_mixed_tb_beta0() -> Verdict:
    """Table 5: at beta = 0, mixed trust-building is dominated by suckers."""
    base = figure_base(1)
    m = region_map(base, n=100, dominance="none")
    mx = m.mask("mixed-trust-building", efficient=False)
    su = m.mask("suckers", efficient=False)
    args = grid_args(base, "pA", "pB", m.xs, m.ys)
    pm = compile_class(class_of("mixed-trust-building"))[1]
    ps = compile_class(class_of("suckers"))[1]
    shape = mx.shape
    ge = np.ones(shape, bool)
    gt = np.zeros(shape, bool)
    for kt in pm:
        a = np.broadcast_to(np.asarray(ps[kt](*args), float), shape)
        b = np.broadcast_to(np.asarray(pm[kt](*args), float), shape)
        ge &= a >= b - DEFAULT_TOL
        gt |= a > b + DEFAULT_TOL
    dom = su & ge & gt
    ok = mx.any() and bool(dom[mx].all())
    return Verdict(REPRODUCED if ok else NOT_REPRODUCED,
                   f"At beta = 0 mixed trust-building exists on {mx.mean():.1%} of a 100x100 grid "
                   f"of Figure 1; suckers exists in every one of those cells and gives every type "
                   f"at least as much, some type more.",
                   numbers={"share": float(mx.mean())})


@check("table5_mixed_tb_expands")
def _table5_mixed_tb_expands() -> Verdict:
    """Table 5: as independence rises, mixed trust-building expands into
    low trust."""
    mins = _beta_sweep("mixed-trust-building")
    mono = all(b <= a + ZERO_TOL for a, b in zip(mins, mins[1:]))
    ok = mono and mins[-1] < mins[0]
    return Verdict(REPRODUCED if ok else NOT_REPRODUCED,
                   f"Lowest symmetric p at which mixed trust-building exists: {mins[0]:.4f} at "
                   f"beta = 0, {mins[len(mins) // 2]:.4f} at beta = 0.5, {mins[-1]:.4f} at "
                   f"beta = 1, never rising.",
                   numbers={"min_beta0": mins[0], "min_beta1": mins[-1]})


@check("table5_mixed_tb_higher_p")
def _table5_mixed_tb_higher_p() -> Verdict:
    """Table 5: mixed trust-building survives for higher p than pure
    trust-building."""
    mw = figure_map(2)
    me = figure_map(2, dominance="none")
    ms = figure_map(2, dominance="strict")
    ex_mixed, ex_tb = diag_max(me, "mixed-trust-building"), diag_max(me, "trust-building")
    st_mixed = diag_max(ms, "mixed-trust-building", True)
    st_tb = diag_max(ms, "trust-building", True)
    survives_weak = mw.mask("mixed-trust-building").any()
    gap = payoff_gap("mixed-trust-building", "semi-tragic", "A", "security")
    cell = first_cell(me.mask("mixed-trust-building", False) & ~me.mask("trust-building", False))
    wit = cell_witness(me, cell, "the security-seeker's payoff in mixed trust-building is at "
                                 "least its semi-tragic payoff", gap)
    nums = {"exist_mixed": ex_mixed, "exist_tb": ex_tb, "strict_mixed": st_mixed,
            "strict_tb": st_tb, "gap": sp.latex(gap), "gap_value": wit.value}
    ev = (f"Mixed trust-building exists in Figure 2 up to p = {ex_mixed:.4f} on the diagonal "
          f"(pure trust-building up to {ex_tb:.4f}), but under weak dominance it survives "
          f"nowhere: semi-tragic has the same period-1 play, greedy types earn the same, and the "
          f"security-seeker's payoff differs by {sp.sstr(gap)} < 0 (L < 0). Under strict dominance "
          f"it survives up to p = {st_mixed:.4f}, beyond trust-building's {st_tb:.4f}, always "
          f"beside semi-tragic.")
    if survives_weak and ex_mixed > ex_tb:
        return Verdict(REPRODUCED, ev, numbers=nums)
    if st_mixed > st_tb:
        return Verdict(ONLY_UNDER, ev, wit, "strict Pareto dominance (then it shares every "
                       "cell with semi-tragic)", nums)
    return Verdict(NOT_REPRODUCED, ev, wit, None, nums)


@check("table5_semi_tragic")
def _table5_semi_tragic() -> Verdict:
    """Table 5: semi-tragic replaces tragic as the fallback."""
    m2 = figure_map(2, dominance="none")
    every = bool(m2.mask("semi-tragic", False).all())
    no_tragic = not m2.mask("tragic", False).any()
    not_in_fig1 = not figure_map(1).mask("semi-tragic").any()
    cond = class_info(*class_of("semi-tragic")).condition
    rng = np.random.default_rng(11)
    n = 20000
    vals = {"H": rng.uniform(1.01, 4, n), "L": rng.uniform(-2, 0.99, n),
            "k": rng.uniform(0.05, 3, n), "pA": rng.uniform(0.01, 0.99, n),
            "pB": rng.uniform(0.01, 0.99, n), "thetaA": rng.uniform(0.1, 3, n),
            "thetaB": rng.uniform(0.1, 3, n)}
    t = vals["k"] / (1 + vals["k"] - vals["L"])
    vals["betaA"] = t + (1 - t) * rng.uniform(0.001, 1, n)
    vals["betaB"] = t + (1 - t) * rng.uniform(0.001, 1, n)
    everywhere = bool(np.asarray(evaluate(cond, **vals)).all())
    # nuance: is it also the worst equilibrium for every type?
    lower = 0
    total = 0
    for pa in np.linspace(0.05, 0.95, 10):
        for pb in np.linspace(0.05, 0.95, 10):
            sol = solve_cached(figure_base(2, pA=float(pa), pB=float(pb)))
            st = sol.by_name("semi-tragic").payoff_vector()
            total += 1
            lower += any(any(a < b - DEFAULT_TOL for a, b in zip(e.payoff_vector(), st))
                         for e in sol.equilibria)
    ok = every and no_tragic and not_in_fig1 and everywhere
    return Verdict(REPRODUCED if ok else NOT_REPRODUCED,
                   f"Semi-tragic exists in every cell of Figure 2 and at all {n} random points "
                   f"with both betas above the threshold; tragic exists in none; semi-tragic is "
                   f"never a PBE-ER in Figure 1. It is the equilibrium that is always there, as "
                   f"tragic was; but it is not the worst one for every type: at {lower} of "
                   f"{total} points of a 10x10 grid another PBE (mixed trust-building, for one) "
                   f"gives some type less.",
                   numbers={"points": n, "lower": lower, "total": total})
