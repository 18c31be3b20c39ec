"""Checks: Figure 2 (both states moderately independent) and low trust
with independent choices.

Examples
--------
>>> from trustgame.audit.registry import run_check
>>> run_check("fig2_high_trust_no_tb").status
'reproduced'
"""

from __future__ import annotations

import numpy as np
import sympy as sp

from ..core.model import Params
from ..core.solution import solve
from ..paper import FIGURES, figure_base, figure_map
from .helpers import (
    cell_witness,
    diag_max,
    first_cell,
    full_scope_solution,
    is_unique,
    multi_cells,
    paper_names,
    payoff_gap,
    value_at,
    witness,
)
from .registry import NOT_REPRODUCED, ONLY_UNDER, REPRODUCED, Verdict, check

__all__: list[str] = []


@check("fig2_regions")
def _fig2_regions() -> Verdict:
    """Figure 2: trust-building, mixed trust-building, semi-tragic and
    suckers are the PBE-ER."""
    paper = set(FIGURES[2]["paper_names"])
    specs = {"main": figure_map(2), "strict": figure_map(2, dominance="strict"),
             "ex-ante": figure_map(2, dominance="ex-ante"),
             "named": figure_map(2, restrict_to=paper_names(2)),
             "passive-efficient": figure_map(2, offpath="passive-efficient"),
             "theta0.7": figure_map(2, theta=0.7),
             "L0.05 ex-ante": figure_map(2, dominance="ex-ante", L=0.05)}
    res = {k: (sorted(set(v.present()) - paper), sorted(paper - set(v.present())), is_unique(v))
           for k, v in specs.items()}
    m = specs["main"]
    cell = first_cell(m.mask("pool-D/pool-D:CC"))
    wit = cell_witness(m, cell, "only the paper's four equilibria survive (here "
                                "pool-D/pool-D:CC, not in the paper, survives beside suckers)")
    nums = {"extra": res["main"][0], "missing": res["main"][1],
            "matches": [k for k, v in res.items() if not v[0] and not v[1]]}
    ev = ("Extra and missing PBE-ER against the paper's four, by specification: "
          + "; ".join(f"{k}: extra {v[0]}, missing {v[1]}{', unique' if v[2] else ''}"
                      for k, v in res.items()) + ".")
    if not res["main"][0] and not res["main"][1]:
        return Verdict(REPRODUCED, ev, numbers=nums)
    return Verdict(NOT_REPRODUCED, ev, wit,
                   "with L = 0.05 > 0 (against the stated L = -0.1) and the ex-ante reading the "
                   "four regions appear and are unique", nums)


@check("fig2_unique")
def _fig2_unique() -> Verdict:
    """Figure 2 note: the PBE-ER are unique in the plotted ranges."""
    m = figure_map(2)
    multi = multi_cells(m)
    if not multi.any():
        return Verdict(REPRODUCED, "One PBE-ER per cell.")
    cell = first_cell(multi)
    p = m.params_at(*cell)
    gaps = {ty: payoff_gap("suckers", "pool-D/pool-D:CC", "A", ty) for ty in ("security", "greedy")}
    vals = {ty: value_at(g, p) for ty, g in gaps.items()}
    worse = min(vals, key=vals.get)
    wit = witness(p, f"suckers gives A's {worse} type at least its pool-D/pool-D:CC payoff",
                  gaps[worse])
    uniq = {"strict": is_unique(figure_map(2, dominance="strict")),
            "ex-ante": is_unique(figure_map(2, dominance="ex-ante")),
            "named": is_unique(figure_map(2, restrict_to=paper_names(2))),
            "grim": is_unique(figure_map(2, offpath="grim")),
            "passive-efficient": is_unique(figure_map(2, offpath="passive-efficient"))}
    nums = {"cells": int(multi.sum()), "share": float(multi.mean()),
            "unique_under": [k for k, v in uniq.items() if v],
            "gap_security": sp.latex(gaps["security"]), "gap_greedy": sp.latex(gaps["greedy"])}
    ev = (f"{int(multi.sum())} cells ({multi.mean():.1%}) of Figure 2 have two PBE-ER, suckers and "
          f"pool-D/pool-D:CC (everyone defects in period 1, security-seekers cooperate in period "
          f"2), in the top-right corner: greedy types prefer suckers, security-seekers the other. "
          f"Uniqueness is restored under: {', '.join(nums['unique_under'])}.")
    if uniq["ex-ante"]:
        return Verdict(ONLY_UNDER, ev, wit, "the ex-ante reading of the refinement (or comparing "
                       "only the paper's named equilibria)", nums)
    return Verdict(NOT_REPRODUCED, ev, wit, None, nums)


@check("fig2_high_trust_no_tb")
def _fig2_high_trust_no_tb() -> Verdict:
    """Figure 2 text: at the highest trust no trust-building."""
    m = figure_map(2, dominance="none")
    hi = (m.ys[:, None] >= 0.8) & (m.xs[None, :] >= 0.8)
    tb = m.mask("trust-building", False)
    top = diag_max(m, "trust-building")
    ok = not (tb & hi).any()
    return Verdict(REPRODUCED if ok else NOT_REPRODUCED,
                   f"Trust-building exists nowhere with p_A, p_B >= 0.8 in Figure 2; along the "
                   f"diagonal it stops at p = {top:.4f}, where greedy types start to mimic.",
                   numbers={"top": top})


@check("low_trust_only_tb")
def _low_trust_only_tb() -> Verdict:
    """Sections on independence: with moderately independent choices on
    both sides and low trust, only trust-building survives."""
    m = figure_map(2)
    low = (m.ys[:, None] < 0.2) & (m.xs[None, :] < 0.2)
    only = m.mask("trust-building") & (m.count() == 1)
    pure_ok = bool(only[low].all())
    full = [(pa, pb, full_scope_solution(figure_base(2, pA=pa, pB=pb)).efficient_names())
            for pa, pb in ((0.05, 0.05), (0.15, 0.15))]
    full_ok = all(v == ["trust-building"] for _, _, v in full)
    rng = np.random.default_rng(5)
    fails = 0
    n = 200
    for _ in range(n):
        H, L, k = rng.uniform(1.01, 4), rng.uniform(-2, 0.99), rng.uniform(0.05, 3)
        t = k / (1 + k - L)
        p = Params(H=H, L=L, k=k, pA=0.01, pB=0.01, betaA=float(t + (1 - t) * rng.uniform(0.01, 1)),
                   betaB=float(t + (1 - t) * rng.uniform(0.01, 1)))
        fails += solve(p, scope="pure").efficient_names() != ["trust-building"]
    ok = pure_ok and full_ok and fails == 0
    return Verdict(REPRODUCED if ok else NOT_REPRODUCED,
                   f"In Figure 2 every cell with p_A, p_B < 0.2 has trust-building as its only "
                   f"PBE-ER; so do p_A = p_B = 0.05 and 0.15 with period-1 mixing searched, and "
                   f"{n - fails} of {n} random points with p = 0.01 and both betas above the "
                   f"threshold (theta = 1).",
                   numbers={"random": n, "fails": fails})
