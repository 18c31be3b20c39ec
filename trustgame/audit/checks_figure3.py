"""Checks: asymmetric equilibria (the asymmetric rows of Table 5, Result
1c, Figure 3, footnote 23) and the salience bounds that decide them.

Examples
--------
>>> from trustgame.audit.registry import run_check
>>> run_check("result_1c_existence").status
'reproduced'
"""

from __future__ import annotations

import math
from fractions import Fraction
from functools import cache

import numpy as np
import sympy as sp

from ..analysis.conditions import SYMBOLS, class_info
from ..analysis.maps import RegionMap, region_map
from ..core.model import Params
from ..core.naming import class_of
from ..core.refinement import exante_vector
from ..core.solution import solve
from ..core.tolerances import DEFAULT_TOL, ZERO_TOL
from ..paper import FIGURE_PARAMS, figure_base, figure_map
from .helpers import (
    GRID,
    SYMMETRIC_NAMES,
    TRUST_BUILDING_NAMES,
    cell_witness,
    failing_conditions,
    first_cell,
    lhs,
    params_dict,
    payoff_gap,
    solve_cached,
    witness,
)
from .registry import NOT_REPRODUCED, ONLY_UNDER, REPRODUCED, Verdict, check

__all__ = ["FIG3_PAPER_NAMES", "theta_bounds_fig3", "theta_scan_fig3"]

_pB, _bA = SYMBOLS["pB"], SYMBOLS["betaA"]
_tA, _tB = SYMBOLS["thetaA"], SYMBOLS["thetaB"]


def _fig_subs(number, **kw):
    p = figure_base(number, **kw).exact()
    return {SYMBOLS[k]: getattr(p, k) for k in SYMBOLS}


@cache
def theta_bounds_fig3() -> dict:
    """Salience bounds for the paper's named equilibria in Figure 3.

    With ``pA = 1/2`` and ``betaB = 7/10`` fixed, greedy B's period-1
    incentive constraint in trust-building and in asymmetric
    trust-building (B leads) each cap the salience ``theta`` (both states'
    salience equal).  Solved exactly with sympy from
    :mod:`trustgame.analysis.conditions`.

    Returns
    -------
    dict
        ``{"trust-building": Fraction, "asymmetric-trust-building[B]": Fraction}``

    Examples
    --------
    >>> {k: round(float(v), 4) for k, v in theta_bounds_fig3().items()}
    {'trust-building': 0.7467, 'asymmetric-trust-building[B]': 0.8267}
    """
    th = sp.Symbol("theta", positive=True)
    subs = {k: v for k, v in _fig_subs(3).items() if k not in (_tA, _tB, _bA, _pB)}
    out = {}
    for name in ("trust-building", "asymmetric-trust-building[B]"):
        cond = class_info(*class_of(name)).incentives[("B", "greedy")]
        expr = sp.expand(lhs(cond).subs(subs).subs({_tA: th, _tB: th}))
        assert not (expr.free_symbols - {th}), expr
        root = sp.solve(sp.Eq(expr, 0), th)
        out[name] = Fraction(str(sp.nsimplify(root[0])))
    return out


_HIGH_TRUST_BETAS = ((0.1, 0.8), (0.0, 0.7), (0.2, 1.0), (0.3, 0.6))


@check("table5_asymmetric_high_trust")
def _table5_asymmetric_high_trust() -> Verdict:
    """Table 5: with lopsided independence and jointly high trust, only the
    asymmetric semi-tragic equilibrium is supported (not asymmetric
    trust-building)."""
    shares = {}
    for ba, bb in _HIGH_TRUST_BETAS:
        for th in (0.5, 1.0, 2.0):
            m = region_map(FIGURE_PARAMS.replace(betaA=ba, betaB=bb, thetaA=th, thetaB=th),
                           n=100, xlim=(0.5, 1), ylim=(0.5, 1), dominance="none")
            shares[(ba, bb, th)] = (m.share("asymmetric-semi-tragic[B]", False),
                                    m.share("asymmetric-trust-building[B]", False))
    ast = max(v[0] for v in shares.values())
    atb = max(v[1] for k, v in shares.items() if k[2] == 1.0)
    p = FIGURE_PARAMS.replace(pA=0.8, pB=0.8, betaA=0.1, betaB=0.8)
    fails = failing_conditions("asymmetric-semi-tragic[B]", p)
    lab, cond, _ = fails[0] if fails else ("", None, None)
    wit = witness(p, f"asymmetric semi-tragic (B leads) is a PBE; its condition {lab} fails "
                     f"(A's security-seeker would rather cooperate in period 1)")
    nums = {"ast_max": ast, "atb_max_theta1": atb, "settings": len(shares)}
    ev = (f"With p_A, p_B in [0.5, 1], beta_A low and beta_B high ({len(_HIGH_TRUST_BETAS)} "
          f"pairs) and theta = 0.5, 1, 2, asymmetric semi-tragic is a PBE in at most {ast:.1%} of "
          f"cells, and asymmetric trust-building in at most {atb:.1%} at theta = 1: neither "
          f"asymmetric equilibrium is supported. A's security-seeker, trusting B, would "
          f"cooperate in period 1 rather than pool on defection.")
    if ast > 0.5:
        return Verdict(REPRODUCED, ev, numbers=nums)
    return Verdict(NOT_REPRODUCED, ev, wit, None, nums)


@check("table5_asymmetric_overlap")
def _table5_asymmetric_overlap() -> Verdict:
    """Table 5: asymmetric equilibria can be PBE-ER where symmetric ones are."""
    rng = np.random.default_rng(20260402)
    tried = 0
    for _ in range(3000):
        tried += 1
        p = Params(H=float(rng.uniform(1.01, 4)), L=float(rng.uniform(-2, 0.99)),
                   k=float(rng.uniform(0.05, 3)), pA=float(rng.uniform(0.01, 0.99)),
                   pB=float(rng.uniform(0.01, 0.99)), betaA=float(rng.uniform(0, 1)),
                   betaB=float(rng.uniform(0, 1)))
        names = solve(p, scope="pure").efficient_names()
        if any(n.startswith("asymmetric") for n in names) and any(n in SYMMETRIC_NAMES
                                                                  for n in names):
            return Verdict(REPRODUCED,
                           f"After {tried} random points (theta = 1) the first with both an "
                           f"asymmetric and a symmetric PBE-ER: {names} at "
                           f"{params_dict(p)}.",
                           numbers={"tried": tried, "names": names, "params": params_dict(p)})
    return Verdict(NOT_REPRODUCED, f"No overlap in {tried} random points.")


@check("result_1c_existence")
def _result_1c_existence() -> Verdict:
    """Result 1c: with lopsided trust and independence, asymmetric
    trust-building can be sustained."""
    base = figure_base(1, pB=0.01, betaA=0.01)
    m = region_map(base, x="pA", y="betaB", n=GRID, dominance="none")
    ex = m.mask("asymmetric-trust-building[B]", False)
    cell = first_cell(ex)
    nums = {"share": float(ex.mean())}
    if cell is None:
        return Verdict(NOT_REPRODUCED, "No asymmetric trust-building at theta = 1.",
                       numbers=nums)
    p = m.params_at(*cell)
    nums.update(pA=round(p.pA, 4), betaB=round(p.betaB, 4))
    return Verdict(REPRODUCED,
                   f"With Figure 1's H, L, k, theta = 1 and beta_A = p_B = 0.01, asymmetric "
                   f"trust-building (B leads) exists on {ex.mean():.2%} of the (p_A, beta_B) "
                   f"square, e.g. at p_A = {p.pA:.3f}, beta_B = {p.betaB:.3f}.", numbers=nums)


@check("result_1c_unique")
def _result_1c_unique() -> Verdict:
    """Result 1c: as beta_A, p_B -> 0 asymmetric trust-building is unique
    (Figure 3's lower-left corner)."""
    bounds = theta_bounds_fig3()
    th_atb = float(bounds["asymmetric-trust-building[B]"])
    corner = {}
    for th in (1.0, round(th_atb - 0.03, 2), 0.7):
        p = figure_base(3, th, betaA=0.001, pB=0.001)
        corner[th] = solve_cached(p).efficient_names()
    ok1 = corner[1.0] == ["asymmetric-trust-building[B]"]
    ok_alt = all(v == ["asymmetric-trust-building[B]"] for t, v in corner.items() if t < th_atb)
    # the general statement: wherever it exists at the extreme, is it unique?
    m = region_map(figure_base(1, pB=0.001, betaA=0.001), x="pA", y="betaB", n=GRID)
    ex = m.mask("asymmetric-trust-building[B]")
    uniq = ex & (m.count() == 1)
    p = figure_base(3, betaA=0.001, pB=0.001)
    fails = failing_conditions("asymmetric-trust-building[B]", p)
    lab, cond, _ = fails[0]
    expr = lhs(cond) if isinstance(cond, sp.GreaterThan) else None
    wit = witness(p, f"asymmetric trust-building exists in Figure 3's corner (fails: {lab})",
                  expr)
    nums = {"theta_atb": th_atb, "corner_theta1": corner[1.0], "extreme_cells": int(ex.sum()),
            "extreme_unique": int(uniq.sum()), "kk": float(0.9 / 1.9)}
    ev = (f"In Figure 3's corner (beta_A = p_B = 0.001) at theta = 1 the unique PBE-ER is "
          f"{corner[1.0]}: greedy B would mimic, because asymmetric trust-building needs "
          f"theta <= {th_atb:.4f} at p_A = 0.5, beta_B = 0.7. Below that bound the corner's "
          f"unique PBE-ER is asymmetric trust-building. Elsewhere at theta = 1 "
          f"(beta_A = p_B = 0.001, p_A and beta_B free) it is a PBE-ER on {int(ex.sum())} "
          f"cells of a {GRID}x{GRID} grid and the only one on {int(uniq.sum())}: where "
          f"p_A < k/(1+k) the leader's security-seeker prefers asymmetric semi-tragic.")
    if ok1:
        return Verdict(REPRODUCED, ev, numbers=nums)
    if ok_alt:
        return Verdict(ONLY_UNDER, ev, wit, f"salience theta <= {th_atb:.4f} (period 2 "
                       "weighted less than period 1)", nums)
    return Verdict(NOT_REPRODUCED, ev, wit, None, nums)


def _lowest_tb_by_column(m: RegionMap):
    tb = m.mask("trust-building")
    return [float(m.ys[tb[:, j]].min()) if tb[:, j].any() else math.inf
            for j in range(len(m.xs))]


def _fig3_tb_ok(theta):
    m = figure_map(3, theta=theta)
    lows = _lowest_tb_by_column(m)
    if not np.isfinite(lows).any():
        return False, lows
    fin = [v for v in lows if np.isfinite(v)]
    mono = all(b <= a + ZERO_TOL for a, b in zip(lows, lows[1:]))
    beyond = all(v == float(m.ys[0]) for x, v in zip(m.xs, lows) if x > 0.45)
    return bool(mono and beyond and lows[0] > fin[-1] and np.isfinite(lows[0])), lows


@check("fig3_tb_lower_bound")
def _fig3_tb_lower_bound() -> Verdict:
    """Figure 3 text: trust-building's lower bound falls with beta_A and
    reaches the lowest trust from beta_A = 0.45 on."""
    th_tb = float(theta_bounds_fig3()["trust-building"])
    ok1, lows1 = _fig3_tb_ok(1.0)
    ok7, lows7 = _fig3_tb_ok(0.7)
    p = figure_base(3, betaA=0.6, pB=0.2)
    cond = class_info(*class_of("trust-building")).incentives[("B", "greedy")]
    wit = witness(p, "greedy B does not mimic the security-seeker in period 1 (trust-building)",
                  lhs(cond))
    nums = {"theta_tb": th_tb, "low_left_07": lows7[0]}
    ev = (f"At theta = 1 trust-building exists nowhere in Figure 3: with p_A = 0.5 greedy B "
          f"prefers to mimic, since its constraint needs theta <= {th_tb:.4f}. At theta = 0.7 the "
          f"lowest p_B with trust-building is {lows7[0]:.4f} at beta_A = 0 and falls with beta_A "
          f"to the lowest cell for every beta_A > 0.45.")
    if ok1:
        return Verdict(REPRODUCED, ev, numbers=nums)
    if ok7:
        return Verdict(ONLY_UNDER, ev, wit, f"salience theta <= {th_tb:.4f}", nums)
    return Verdict(NOT_REPRODUCED, ev, wit, None, nums)


def _overlap_cells(m: RegionMap):
    eff = m.efficient
    asym = np.zeros(eff.shape[1:], bool)
    sym = np.zeros(eff.shape[1:], bool)
    for c, n in enumerate(m.names):
        if n.startswith("asymmetric"):
            asym |= eff[c]
        elif n in SYMMETRIC_NAMES:
            sym |= eff[c]
    return asym & sym


@check("fig3_overlaps")
def _fig3_overlaps() -> Verdict:
    """Figure 3: asymmetric and symmetric PBE-ER overlap."""
    th_tb = float(theta_bounds_fig3()["trust-building"])
    ov1 = _overlap_cells(figure_map(3))
    ov7 = _overlap_cells(figure_map(3, theta=0.7))
    nums = {"cells_theta1": int(ov1.sum()), "cells_theta07": int(ov7.sum())}
    ev = (f"Cells of Figure 3 with an asymmetric and a symmetric PBE-ER: {int(ov1.sum())} at "
          f"theta = 1, {int(ov7.sum())} at theta = 0.7 (trust-building beside asymmetric "
          f"trust-building).")
    if ov1.any():
        return Verdict(REPRODUCED, ev, numbers=nums)
    wit = witness(figure_base(3, betaA=0.2, pB=0.2), "an asymmetric and a symmetric PBE-ER "
                  "share a cell")
    if ov7.any():
        return Verdict(ONLY_UNDER, ev, wit, f"salience theta <= {th_tb:.4f}", nums)
    return Verdict(NOT_REPRODUCED, ev, wit, None, nums)


@check("fig3_overlap_preferences")
def _fig3_overlap_preferences() -> Verdict:
    """Figure 3 text: the exploiter prefers the asymmetric equilibrium,
    the exploited the symmetric one."""
    m = figure_map(3, theta=0.7, n=40)
    ov = m.mask("trust-building") & m.mask("asymmetric-trust-building[B]")
    interim_ok = exante_ok = True
    bad = None
    for i, j in np.argwhere(ov):
        p = m.params_at(int(i), int(j))
        sol = solve_cached(p)
        a, t = sol.by_name("asymmetric-trust-building", "B"), sol.by_name("trust-building")
        dA = [a.payoff("A", ty) - t.payoff("A", ty) for ty in ("security", "greedy")]
        dB = [a.payoff("B", ty) - t.payoff("B", ty) for ty in ("security", "greedy")]
        if not (min(dA) >= -DEFAULT_TOL and max(dB) <= DEFAULT_TOL):
            interim_ok = False
            bad = bad or p
        ea, et = exante_vector(a), exante_vector(t)
        if not (ea[0] >= et[0] - DEFAULT_TOL and ea[1] <= et[1] + DEFAULT_TOL):
            exante_ok = False
    nums = {"cells": int(ov.sum())}
    ev = (f"In the {int(ov.sum())} overlap cells of a 40x40 Figure 3 at theta = 0.7, B (the "
          f"exploited leader) prefers trust-building in both types; A's greedy type prefers the "
          f"asymmetric equilibrium, ")
    if interim_ok:
        return Verdict(REPRODUCED, ev + "and so does A's security-seeker.", numbers=nums)
    gap = payoff_gap("asymmetric-trust-building[B]", "trust-building", "A", "security")
    wit = witness(bad, "A's security-seeker prefers the asymmetric equilibrium", gap)
    ev += "but A's security-seeker prefers trust-building at some of them"
    if exante_ok:
        return Verdict(ONLY_UNDER, ev + "; comparing each state's ex-ante payoff, A always "
                       "prefers the asymmetric one.", wit,
                       "the ex-ante reading (each state's expected payoff before it learns its "
                       "type)", nums)
    return Verdict(NOT_REPRODUCED, ev + ".", wit, None, nums)


#: The equilibria the text of Figure 3 names as its PBE-ER (the figure's
#: legend also lists mixed trust-building).
FIG3_PAPER_NAMES = ("trust-building", "suckers", "asymmetric-trust-building[B]",
               "asymmetric-semi-tragic[B]")
_THETAS = tuple(round(0.3 + 0.05 * i, 2) for i in range(25))


def theta_scan_fig3(thetas=_THETAS, dominance="weak", n=100) -> list[dict]:
    """Which of the paper's Figure 3 features appear, salience by salience.

    Returns
    -------
    list of dict
        ``theta``, ``present`` (PBE-ER names), and booleans ``tb``
        (trust-building present), ``atb`` (asymmetric trust-building in the
        lower-left corner), ``ast`` (asymmetric semi-tragic present),
        ``overlap`` (an asymmetric and a symmetric PBE-ER share a cell),
        ``same`` (present names equal the paper's set).
    """
    rows = []
    for th in thetas:
        m = figure_map(3, theta=th, dominance=dominance, n=n)
        pres = m.present()
        rows.append({"theta": th, "present": pres,
                     "tb": "trust-building" in pres,
                     "atb": m.cell_names(0, 0) == ["asymmetric-trust-building[B]"],
                     "ast": "asymmetric-semi-tragic[B]" in pres,
                     "overlap": bool(_overlap_cells(m).any()),
                     "same": set(pres) == set(FIG3_PAPER_NAMES)})
    return rows


@check("fig3_regions")
def _fig3_regions() -> Verdict:
    """Figure 3: its PBE-ER are trust-building, suckers, asymmetric
    trust-building and asymmetric semi-tragic."""
    m = figure_map(3)
    rows = theta_scan_fig3() + theta_scan_fig3(dominance="ex-ante")
    hits = [r["theta"] for r in rows if r["same"]]
    nums = {"present": m.present(), "thetas": len(_THETAS), "hits": hits}
    ev = (f"At theta = 1 the PBE-ER are {', '.join(m.present())}. Scanning theta from "
          f"{_THETAS[0]} to {_THETAS[-1]} (weak and ex-ante readings), no value gives the paper's "
          f"four: trust-building and asymmetric trust-building need theta below "
          f"{float(theta_bounds_fig3()['asymmetric-trust-building[B]']):.3f}, and asymmetric "
          f"semi-tragic survives only above it.")
    if set(m.present()) == set(FIG3_PAPER_NAMES):
        return Verdict(REPRODUCED, ev, numbers=nums)
    wit = witness(figure_base(3, betaA=0.1, pB=0.1), "trust-building, asymmetric trust-building "
                  "and asymmetric semi-tragic all appear in the figure")
    if hits:
        return Verdict(ONLY_UNDER, ev, wit, f"theta in {hits}", nums)
    return Verdict(NOT_REPRODUCED, ev, wit, "theta = 0.7 gives trust-building, suckers and "
                   "asymmetric trust-building (no asymmetric semi-tragic)", nums)


@check("lopsided_low_trust")
def _lopsided_low_trust() -> Verdict:
    """Section before Result 2 and footnote 23: with lopsided choices and
    low trust, no non-trust-building equilibrium survives."""
    th_tb = float(theta_bounds_fig3()["trust-building"])

    def non_tb(theta):
        m = figure_map(3, theta=theta, ylim=(0, 0.2), n=100)
        return [n for n in m.present() if n not in TRUST_BUILDING_NAMES], m

    res = {th: non_tb(th)[0] for th in (1.0, round(th_tb + 0.01, 2), round(th_tb - 0.01, 2), 0.5)}
    m1 = non_tb(1.0)[1]
    cell = first_cell(m1.mask("asymmetric-semi-tragic[B]"))
    wit = cell_witness(m1, cell, "only trust-building equilibria survive at low p_B")
    nums = {"theta_tb": th_tb, "non_tb_theta1": res[1.0]}
    ev = ("Figure 3 with p_B < 0.2: non-trust-building PBE-ER at theta = "
          + "; ".join(f"{k}: {v or 'none'}" for k, v in res.items())
          + ". Footnote 23's 'only other equilibrium' (semi-tragic) is not the only one at "
            "theta = 1: asymmetric semi-tragic also survives.")
    if not res[1.0]:
        return Verdict(REPRODUCED, ev, numbers=nums)
    below = [v for k, v in res.items() if k < th_tb]
    if below and all(not v for v in below):
        return Verdict(ONLY_UNDER, ev, wit, f"salience theta <= {th_tb:.4f}", nums)
    return Verdict(NOT_REPRODUCED, ev, wit, None, nums)
