"""Checks: the independence threshold ``k / (1 + k - L)`` (Result 1b,
footnote 22, the figure notes) and salience above it (Result 2).

Examples
--------
>>> from trustgame.audit.registry import run_check
>>> run_check("threshold_fig3").numbers["threshold"]
0.45
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import sympy as sp

from ..analysis.conditions import SYMBOLS, class_info
from ..core.model import C, D, independence_threshold, stage_payoff
from ..core.naming import class_of
from ..paper import FIGURE_PARAMS, figure_base
from .helpers import MARGIN, lhs, params_dict, solve_cached
from .registry import NOT_REPRODUCED, ONLY_UNDER, REPRODUCED, Verdict, Witness, check

__all__: list[str] = []

_L, _k = SYMBOLS["L"], SYMBOLS["k"]
_pB, _bA, _tA = SYMBOLS["pB"], SYMBOLS["betaA"], SYMBOLS["thetaA"]


@check("threshold_definition")
def _threshold_definition() -> Verdict:
    """Result 1b and footnote 22: the threshold is where a security-seeker
    who expects defection is indifferent between C and D in period 1."""
    beta = sp.Symbol("beta", nonnegative=True)
    gain = sp.expand(stage_payoff(C, D, _L, beta, _k) - stage_payoff(D, D, _L, beta, _k))
    root = sp.solve(sp.Eq(gain, 0), beta)
    ok = len(root) == 1 and sp.simplify(root[0] - independence_threshold(_L, _k)) == 0
    slope = sp.diff(gain, beta)
    m, kp = sp.symbols("m k_p", positive=True)  # 1 - L > 0, k > 0
    ok_slope = bool(sp.simplify(slope.subs({_L: 1 - m, _k: kp})).is_positive)
    status = REPRODUCED if ok and ok_slope else NOT_REPRODUCED
    return Verdict(status,
                   f"Cooperating against certain defection pays {sp.sstr(gain)} more than "
                   f"defecting; this is zero at beta = {sp.sstr(root[0])} and increasing in beta "
                   f"(slope {sp.sstr(slope)} > 0 because L < 1).",
                   numbers={"gain": sp.latex(gain), "root": sp.latex(root[0]),
                            "slope": sp.latex(slope)})


@check("threshold_value")
def _threshold_value() -> Verdict:
    """Figure notes: at H = 1.5, L = -0.1, k = 0.9 the threshold is 0.45,
    below beta_A = 0.6 and beta_B = 0.7 of Figure 2."""
    t = independence_threshold(Fraction(-1, 10), Fraction(9, 10))
    b2 = figure_base(2).exact()
    ok = t == Fraction(9, 20) and b2.betaA > t and b2.betaB > t
    return Verdict(REPRODUCED if ok else NOT_REPRODUCED,
                   f"k / (1 + k - L) = {t} exactly; Figure 2 uses beta_A = {float(b2.betaA)} and "
                   f"beta_B = {float(b2.betaB)}, both above it.",
                   numbers={"threshold": float(t)})


@check("threshold_fig3")
def _threshold_fig3() -> Verdict:
    """Figure 3 text: A reaches the threshold at beta_A = 0.45."""
    p = figure_base(3).exact()
    t = independence_threshold(p.L, p.k)

    def gain(b):
        return stage_payoff(C, D, p.L, b, p.k) - stage_payoff(D, D, p.L, b, p.k)

    eps = MARGIN
    ok = t == Fraction(9, 20) and gain(t) == 0 and gain(t - eps) < 0 < gain(t + eps)
    return Verdict(REPRODUCED if ok else NOT_REPRODUCED,
                   f"With Figure 3's H, L, k, A's security-seeker facing certain defection gains "
                   f"{float(gain(t + eps)):.2e} from C at beta_A = 0.45 + 1e-6, loses "
                   f"{float(-gain(t - eps)):.2e} at 0.45 - 1e-6 and is exactly indifferent at "
                   f"beta_A = {t} (exact arithmetic).",
                   numbers={"threshold": float(t)})


@check("threshold_comparative_statics")
def _threshold_comparative_statics() -> Verdict:
    """'The threshold is decreasing in ... k and ... L.'"""
    t = independence_threshold(_L, _k)
    m, kp = sp.symbols("m k_p", positive=True)
    pos = {_L: 1 - m, _k: kp}
    dk, dL = sp.factor(sp.diff(t, _k)), sp.factor(sp.diff(t, _L))
    sign = {n: sp.simplify(d.subs(pos)).is_positive for n, d in (("k", dk), ("L", dL))}
    dep = 1 - t
    ddk, ddL = sp.factor(sp.diff(dep, _k)), sp.factor(sp.diff(dep, _L))
    dep_neg = all(sp.simplify(d.subs(pos)).is_negative for d in (ddk, ddL))
    f = lambda L_, k_: float(independence_threshold(L_, k_))  # noqa: E731
    nums = {"dt_dk": sp.latex(dk), "dt_dL": sp.latex(dL), "t_base": f(-0.1, 0.9),
            "t_k1": f(-0.1, 1.0), "t_L0": f(0.0, 0.9), "dep_dk": sp.latex(ddk),
            "dep_dL": sp.latex(ddL)}
    w = Witness(params_dict(FIGURE_PARAMS), (), "dt/dk <= 0 and dt/dL <= 0",
                dk, float(dk.subs({_L: -0.1, _k: 0.9})))
    if not (sign["k"] and sign["L"]):
        return Verdict(REPRODUCED, "The derivatives are not both positive.", numbers=nums)
    status = ONLY_UNDER if dep_neg else NOT_REPRODUCED
    return Verdict(status,
                   f"dt/dk = {sp.sstr(dk)} and dt/dL = {sp.sstr(dL)} are both positive (k > 0, "
                   f"L < 1): the threshold rises with k and with L (0.9 -> 1.0 moves it from "
                   f"{nums['t_base']:.4f} to {nums['t_k1']:.4f}; L from -0.1 to 0 moves it to "
                   f"{nums['t_L0']:.4f}). The dependence a security-seeker can tolerate, "
                   f"1 - t = {sp.sstr(sp.simplify(dep))}, does fall in both.",
                   w, "reading the threshold as the largest tolerable dependence 1 - beta",
                   nums)


# ---------------------------------------------------------------------------
# Salience (Result 2)
# ---------------------------------------------------------------------------

@check("result_2")
def _result_2() -> Verdict:
    """Result 2: above the threshold there is no upper bound on the
    salience of the period-1 choice."""
    cond = class_info(*class_of("trust-building")).incentives[("A", "security")]
    expr = sp.expand(lhs(cond))
    coef = sp.expand(expr.coeff(_tA, 1))
    rest = sp.expand(expr - coef * _tA)
    # the theta-free part at beta = threshold + d (d >= 0) with p_B -> 0
    t = independence_threshold(_L, _k)
    at0 = sp.simplify(rest.subs(_pB, 0).subs(_bA, t))
    thetas = np.logspace(-3, 0, 13)
    high = all(solve_cached(figure_base(2, theta=float(th), pA=0.1, pB=0.1)).has("trust-building")
               for th in thetas)
    low_fail = [float(th) for th in thetas
                if not solve_cached(figure_base(1, theta=float(th), pA=0.35, pB=0.35))
                .has("trust-building")]
    ok = sp.simplify(coef - _pB) == 0 and at0 == 0 and high and low_fail
    return Verdict(REPRODUCED if ok else NOT_REPRODUCED,
                   f"The security-seeker's trust-building constraint is "
                   f"{sp.sstr(rest)} + {sp.sstr(coef)} theta_A >= 0: theta enters with weight p_B "
                   f">= 0 and the theta-free part is non-negative once beta_A >= k/(1+k-L) (it "
                   f"equals 0 at p_B = 0, beta_A = k/(1+k-L)), so no small theta (a salient "
                   f"period-1 choice) deters it. At Figure 2's betas and p = 0.1 trust-building "
                   f"exists for all {len(thetas)} theta from 0.001 to 1; at beta = 0 and p = 0.35 "
                   f"it fails for theta <= {max(low_fail) if low_fail else float('nan'):.3f}.",
                   numbers={"coef": sp.latex(coef), "rest": sp.latex(rest),
                            "baseline_fail_max": max(low_fail) if low_fail else None})
