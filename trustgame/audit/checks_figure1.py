"""Checks: the baseline model with dependent choices (Figure 1 and its
note, footnote 3).

Examples
--------
>>> from trustgame.audit.registry import run_check
>>> round(run_check("fig1_tb_lower_bound").numbers["bound"], 3)
0.3
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import sympy as sp

from ..analysis.conditions import SYMBOLS, class_info
from ..analysis.maps import axis_parameters
from ..core.naming import class_of
from ..core.solution import solve
from ..paper import FIGURES, figure_base, figure_map
from .helpers import (
    MARGIN,
    TRUST_BUILDING_NAMES,
    cell_witness,
    first_cell,
    full_scope_solution,
    is_unique,
    lhs,
    multi_cells,
    paper_names,
    params_dict,
    solve_cached,
    witness,
)
from .registry import NOT_REPRODUCED, ONLY_UNDER, REPRODUCED, Verdict, check, run_check

__all__: list[str] = []

_L, _k = SYMBOLS["L"], SYMBOLS["k"]
_pB, _bA, _tA = SYMBOLS["pB"], SYMBOLS["betaA"], SYMBOLS["thetaA"]


def _tb_lower_bound_formula():
    """Security A's trust-building constraint at beta_A = 0, solved for p_B."""
    cond = class_info(*class_of("trust-building")).incentives[("A", "security")]
    expr = lhs(cond).subs(_bA, 0)
    return sp.simplify(sp.solve(sp.Eq(expr, 0), _pB)[0])


@check("fig1_tb_lower_bound")
def _fig1_tb_lower_bound() -> Verdict:
    """Figure 1: a minimal level of trust is needed for trust-building."""
    bound = _tb_lower_bound_formula()
    p1 = figure_base(1).exact()
    b = Fraction(str(sp.nsimplify(bound.subs({_L: p1.L, _k: p1.k, _tA: 1}))))
    m = figure_map(1, dominance="none")
    tb = m.mask("trust-building", efficient=False)
    lo = np.minimum(m.ys[:, None], m.xs[None, :])
    below = tb & (lo < float(b))
    at = solve(p1.replace(pA=b, pB=b), scope="pure").has("trust-building")
    under = solve(p1.replace(pA=b, pB=b - MARGIN),
                  scope="pure").has("trust-building")
    ok = (not below.any()) and tb.any() and at and not under
    return Verdict(REPRODUCED if ok else NOT_REPRODUCED,
                   f"Trust-building needs p_A, p_B >= {sp.sstr(bound)} = {float(b):.3f} at "
                   f"theta = 1; on the {m.xs.size}x{m.ys.size} grid no cell below it has "
                   f"trust-building, and exactly at the bound it exists while 1e-6 below it "
                   f"does not (exact arithmetic).",
                   numbers={"bound": float(b), "bound_expr": sp.latex(bound)})


@check("fig1_lower_bound_refinement")
def _fig1_lower_bound_refinement() -> Verdict:
    """Figure 1: the lower bound of trust-building is not a function of
    the refinement."""
    res = {}
    for dom in ("none", "weak", "strict"):
        m = figure_map(1, dominance=dom)
        tb = m.mask("trust-building", efficient=(dom != "none"))
        res[dom] = (float(m.ys[tb.any(axis=1)].min()), float(m.xs[tb.any(axis=0)].min()))
    ok = len(set(res.values())) == 1
    return Verdict(REPRODUCED if ok else NOT_REPRODUCED,
                   "Lowest p_B and p_A at which trust-building appears, without refinement, "
                   "under weak and under strict dominance: "
                   + "; ".join(f"{k}: {v[0]:.4f}, {v[1]:.4f}" for k, v in res.items()) + ".",
                   numbers={"lowest": res["none"][0]})


_LOW_TRUST_POINTS = ((0.1, 0.1), (0.2, 0.9))


@check("fig1_low_trust_tragic")
def _fig1_low_trust_tragic() -> Verdict:
    """Figure 1 text: with low initial trust no PBE has period-1
    cooperation; the unique PBE is mutual defection."""
    bound = run_check("fig1_tb_lower_bound").numbers["bound"]
    m = figure_map(1, dominance="none")
    low = np.minimum(m.ys[:, None], m.xs[None, :]) < bound
    other = (m.exists.sum(axis=0) > 1) | ~m.mask("tragic", efficient=False)
    pure_ok = not (low & other).any()
    wit = None
    for pa, pb in _LOW_TRUST_POINTS:
        p = figure_base(1, pA=pa, pB=pb)
        sol = full_scope_solution(p)
        members = list(sol.equilibria) + [v for f in sol.families for v in f.vertices]
        coop = [e for e in members if any(x > 0 for xs in e.period1 for x in xs)]
        if coop:
            e = coop[0]
            wit = witness(p, f"a PBE in which some type cooperates in period 1 exists at "
                             f"min(p_A, p_B) = {min(pa, pb)} < {bound:.2f}: {e.key}",
                          semi=True)
            break
    nums = {"bound": bound, "points": len(_LOW_TRUST_POINTS)}
    if pure_ok and wit is None:
        return Verdict(REPRODUCED, "Only the tragic equilibrium exists below the bound, in "
                       "both scopes.", numbers=nums)
    if pure_ok:
        nums["witness"] = wit.params
        return Verdict(ONLY_UNDER,
                       f"Among PBE with pure period-1 play, every cell of Figure 1 with "
                       f"min(p_A, p_B) < {bound:.2f} has the tragic equilibrium and nothing "
                       f"else. With period-1 mixing, at p_A = {wit.params['pA']}, p_B = "
                       f"{wit.params['pB']} there are PBE in which security-seekers cooperate "
                       f"in period 1 and greedy types mix (checked by trustgame.core.verify and "
                       f"Gambit in the tests).",
                       wit, "PBE with pure period-1 play (the scope of the named equilibria)",
                       nums)
    cell = first_cell(low & other)
    return Verdict(NOT_REPRODUCED, "Another pure PBE exists at low trust.",
                   cell_witness(m, cell, "only tragic at low trust"), numbers=nums)


def _sliver_condition():
    """Security A's trust-building payoff minus its tragic payoff (0)."""
    return class_info(*class_of("trust-building")).payoffs[("A", "security")]


@check("fig1_unique")
def _fig1_unique() -> Verdict:
    """Figure 1 note: the plotted equilibria uniquely survive the
    refinement in their ranges."""
    m = figure_map(1)
    multi = multi_cells(m)
    if not multi.any():
        return Verdict(REPRODUCED, "One PBE-ER in every cell.")
    cell = first_cell(multi)
    cond = _sliver_condition()
    wit = cell_witness(m, cell, "the security-seeker's trust-building payoff is at least its "
                                "tragic payoff (0), so that trust-building dominates tragic",
                       cond)
    p = m.params_at(*cell)
    lo = float(_tb_lower_bound_at(1.0))
    hi = float(sp.solve(sp.Eq(cond.subs({_bA: 0, _L: p.L, _k: p.k, _tA: 1}), 0), _pB)[0])
    alts = {
        "strict": figure_map(1, dominance="strict"),
        "grim": figure_map(1, offpath="grim"),
        "passive": figure_map(1, offpath="passive"),
        "named": figure_map(1, restrict_to=paper_names(1)),
        "theta2": figure_map(1, theta=2.0),
        "exante": figure_map(1, dominance="ex-ante"),
        "L0": figure_map(1, L=0.0),
    }
    uniq = {k: is_unique(v) for k, v in alts.items()}
    same = set(figure_map(1, dominance="ex-ante").present()) == set(FIGURES[1]["paper_names"])
    nums = {"cells": int(multi.sum()), "share": float(multi.mean()), "sliver_lo": lo,
            "sliver_hi": hi, "unique_under": [k for k, v in uniq.items() if v],
            "exante_matches": same}
    ev = (f"{int(multi.sum())} of {multi.size} cells have two PBE-ER (trust-building and "
          f"tragic) for p_B (or p_A) in [{lo:.4f}, {hi:.4f}): there trust-building exists but "
          f"gives the security-seeker less than 0, its tragic payoff, while greedy types prefer "
          f"trust-building. Uniqueness holds under: {', '.join(nums['unique_under']) or 'none'}.")
    if uniq["exante"] and same:
        return Verdict(ONLY_UNDER, ev, wit,
                       "the ex-ante reading of the refinement (each state's expected payoff "
                       "before it learns its type); L = 0, against the stated L, also does", nums)
    return Verdict(NOT_REPRODUCED, ev, wit, None, nums)


def _tb_lower_bound_at(theta=1.0):
    """Lower bound on p for trust-building at beta = 0 (Figure 1 values)."""
    p = figure_base(1).exact()
    return _tb_lower_bound_formula().subs({_L: p.L, _k: p.k, _tA: theta})


def _scope_points(number):
    """A few points per figure at which the full scope is solved."""
    return {1: ((0.2, 0.2), (0.42, 0.42)),
            2: ((0.05, 0.05), (0.15, 0.15), (0.38, 0.38), (0.6, 0.6)),
            3: ((0.05, 0.05), (0.3, 0.2), (0.7, 0.1), (0.5, 0.8))}[number]


def _full_vs_pure(number, theta=1.0):
    """At the scope points: (params, pure PBE-ER names, full-scope names)."""
    spec = FIGURES[number]
    out = []
    for xv, yv in _scope_points(number):
        kw = {n: xv for n in axis_parameters(spec["x"])}
        kw.update({n: yv for n in axis_parameters(spec["y"])})
        p = figure_base(number, theta, **kw)
        out.append((p, solve_cached(p).efficient_names(), full_scope_solution(p).efficient_names()))
    return out


@check("fig1_regions")
def _fig1_regions() -> Verdict:
    """Figure 1: trust-building, suckers and tragic are the PBE-ER."""
    m = figure_map(1)
    pure_ok = set(m.present()) == set(FIGURES[1]["paper_names"])
    diff = [(p, a, b) for p, a, b in _full_vs_pure(1) if a != b]
    nums = {"present": m.present(), "scope_points": len(_scope_points(1)),
            "scope_differs": len(diff)}
    if not pure_ok:
        return Verdict(NOT_REPRODUCED, f"PBE-ER present: {m.present()}.",
                       numbers=nums)
    if not diff:
        return Verdict(REPRODUCED, f"PBE-ER present: {', '.join(m.present())}, in both scopes "
                       f"at the sampled points.", numbers=nums)
    p, a, b = diff[0]
    wit = witness(p, f"with period-1 mixing the PBE-ER are {b}, not {a}", semi=True)
    nums["witness"] = params_dict(p)
    return Verdict(ONLY_UNDER,
                   f"Among PBE with pure period-1 play the PBE-ER are exactly "
                   f"{', '.join(m.present())}. With period-1 mixing the PBE-ER differ at "
                   f"{len(diff)} of {len(_scope_points(1))} sampled points: at p_A = p_B = "
                   f"{p.pA} the PBE-ER is {b[0]}, an equilibrium in which greedy types mix in "
                   f"period 1 and every type earns more than under {a[0]}.",
                   wit, "PBE with pure period-1 play", nums)


@check("fig1_symmetric_pure")
def _fig1_symmetric_pure() -> Verdict:
    """Figure 1 text: all PBE-ER are symmetric, pure-strategy equilibria."""
    m = figure_map(1)
    pure_ok = all(n in ("trust-building", "suckers", "tragic") for n in m.present())
    p = figure_base(1, pA=0.9, pB=0.9)
    sol = full_scope_solution(p)
    mixed = [e.key for e, f in zip(sol.equilibria, sol.efficient)
             if f and e.method != "pure"]
    mixed += [f.key for f, parts in zip(sol.families, sol.family_parts) if parts]
    nums = {"full_scope_efficient": len(sol.efficient_names()), "mixed_efficient": len(mixed)}
    if pure_ok and not mixed:
        return Verdict(REPRODUCED, "Symmetric pure PBE-ER only.", numbers=nums)
    if pure_ok:
        wit = witness(p, "every PBE-ER has pure period-1 play and is symmetric", semi=True)
        return Verdict(ONLY_UNDER,
                       f"Among PBE with pure period-1 play, the PBE-ER of Figure 1 are the "
                       f"symmetric pure trust-building, suckers and tragic equilibria. At "
                       f"p_A = p_B = 0.9 the search with period-1 mixing finds {len(mixed)} "
                       f"PBE-ER with mixing beside suckers, some of them asymmetric.",
                       wit, "PBE with pure period-1 play", nums)
    return Verdict(NOT_REPRODUCED, f"PBE-ER present: {m.present()}.", numbers=nums)


@check("fig1_only_tb")
def _fig1_only_tb() -> Verdict:
    """Footnote 3: the symmetric equilibrium is the only trust-building
    PBE-ER in the baseline."""
    m = figure_map(1)
    tbs = [n for n in m.present() if n in TRUST_BUILDING_NAMES]
    ok = tbs == ["trust-building"]
    return Verdict(REPRODUCED if ok else NOT_REPRODUCED,
                   f"Trust-building-type PBE-ER present in Figure 1: {tbs} (mixed and "
                   f"asymmetric trust-building never survive at beta = 0).",
                   numbers={"present": tbs})
