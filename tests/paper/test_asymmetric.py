"""Asymmetric trust-building (Result 1c, Figure 3): conditions, the
salience bound, uniqueness in the corner and the paper's off-path play."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest
import sympy as sp

from trustgame import solve
from trustgame.analysis.conditions import SYMBOLS, class_info
from trustgame.analysis.maps import region_map
from trustgame.analysis.salience import asymmetric_mimic_bound, coefficient_and_bound, theta_bounds
from trustgame.core.model import HISTORIES
from trustgame.paper import figure_base
from trustgame.paper.catalogue import entry

S = SYMBOLS
FIG3 = figure_base(3)
FIG3_EXACT = {S["H"]: sp.Rational(3, 2), S["L"]: sp.Rational(-1, 10), S["k"]: sp.Rational(9, 10),
              S["betaB"]: sp.Rational(7, 10), S["pA"]: sp.Rational(1, 2)}
ATB = "asymmetric-trust-building[B]"
AST = "asymmetric-semi-tragic[B]"
THETA_BAR = Fraction(62, 75)


def _corner(theta, eps=0.001):
    return FIG3.replace(betaA=eps, pB=eps, thetaA=theta, thetaB=theta)


def test_mimic_bound_is_the_greedy_leaders_constraint():
    """Result 1c (section 'The Strategic Implications of Independence'):
    greedy B does not mimic iff theta_B * p_A * H <= beta_B (H - 1 - k) + k."""
    H, k, bB, pA = S["H"], S["k"], S["betaB"], S["pA"]
    assert sp.simplify(asymmetric_mimic_bound("B") - (bB * (H - 1 - k) + k) / (H * pA)) == 0
    mirror = asymmetric_mimic_bound("A").subs({S["betaA"]: bB, S["pB"]: pA}, simultaneous=True)
    assert sp.simplify(mirror - asymmetric_mimic_bound("B")) == 0


def test_mimic_bound_at_figure3_values_is_62_over_75():
    """Figure 3: at beta_B = 0.7 and p_A = 0.5 the bound is 62/75 < 1."""
    assert asymmetric_mimic_bound("B").subs(FIG3_EXACT) == sp.Rational(62, 75)


def test_symmetric_trust_building_bound_at_figure3_is_below_asymmetric():
    """Figure 3: greedy B mimics in symmetric trust-building unless
    theta_B <= 56/75, a tighter bound than the asymmetric one."""
    assert theta_bounds("B")["greedy"][1].subs(FIG3_EXACT) == sp.Rational(56, 75)


def test_leader_security_constraint_splits_into_two_periods():
    """Result 1c: B's security-seeker accepts certain exploitation when
    beta_B (1 + k - L) - k + theta_B (p_A (1 + k) - k) >= 0."""
    H, L, k, bB, pA, tB = (S[n] for n in ("H", "L", "k", "betaB", "pA", "thetaB"))
    expr = class_info("pool-D", "separating", "CC").incentives[("B", "security")].lhs
    assert sp.expand(expr - (bB * (1 + k - L) - k + tB * (pA * (1 + k) - k))) == 0


def test_follower_condition_at_zero_trust_is_dependence():
    """Result 1c: as p_B -> 0, A's condition reduces to beta_A <= t (the
    follower's choice must be dependent)."""
    L, k, bA = S["L"], S["k"], S["betaA"]
    cond = class_info("pool-D", "separating", "CC").incentives[("A", "security and greedy")]
    reduced = sp.simplify(cond.subs(S["pB"], 0))
    sec = next(a for a in reduced.args if a.has(L))
    coef, bound = coefficient_and_bound(sec.lhs, bA)
    assert sp.simplify(bound - k / (1 + k - L)) == 0 and sp.simplify(coef + (1 + k - L)) == 0


@pytest.mark.parametrize("theta, expected", [
    pytest.param(float(THETA_BAR) - 1e-3, True, id="just-below-bar"),
    pytest.param(float(THETA_BAR) + 1e-3, False, id="just-above-bar"),
])
def test_asymmetric_trust_building_exists_iff_theta_below_bound(theta, expected):
    """Result 1c at Figure 3's values: the equilibrium exists in the corner
    exactly when theta <= 62/75."""
    sol = solve(_corner(theta), scope="pure")
    assert sol.has(ATB) is expected


def test_figure3_at_theta_one_has_no_trust_building():
    """Figure 3 / Result 1c at the main text's theta = 1: neither symmetric
    nor asymmetric trust-building exists anywhere in the figure (the paper
    shows both)."""
    m = region_map(FIG3, "betaA", "pB", n=80)
    assert not m.mask(ATB, efficient=False).any()
    assert not m.mask("trust-building", efficient=False).any()
    assert set(m.present()) == {"semi-tragic", "suckers", AST}


def test_figure3_at_theta_07_matches_the_papers_description():
    """Figure 3 at theta = 0.7 (our alternative): trust-building, asymmetric
    trust-building (overlapping it) and suckers are the PBE-ER."""
    m = region_map(FIG3.replace(thetaA=0.7, thetaB=0.7), "betaA", "pB", n=80)
    assert set(m.present()) == {"trust-building", "suckers", ATB}
    assert (m.mask("trust-building") & m.mask(ATB)).any()


def test_trust_building_reaches_zero_trust_from_the_threshold():
    """Figure 3 discussion: 'A reaches the independence threshold when
    beta_A = 0.45'; from there symmetric trust-building survives at the
    lowest trust (checked at theta = 0.7)."""
    m = region_map(FIG3.replace(thetaA=0.7, thetaB=0.7), "betaA", "pB", n=200)
    bottom = m.mask("trust-building")[0]
    assert np.array_equal(bottom, m.xs >= 0.45)


@pytest.mark.parametrize("theta, expected", [
    pytest.param(0.5, [ATB], id="0.5"),
    pytest.param(0.7, [ATB], id="0.7"),
    pytest.param(0.82, [ATB], id="0.82"),
    pytest.param(0.85, [AST, "pool-D/separating:mixed"], id="0.85"),
    pytest.param(0.95, [AST], id="0.95"),
    pytest.param(1.0, [AST], id="1.0"),
])
def test_result_1c_uniqueness_in_the_corner(theta, expected):
    """Result 1c: 'as beta_A, p_B -> 0 this equilibrium is unique' holds
    for theta <= 62/75; above, asymmetric semi-tragic takes over."""
    assert solve(_corner(theta), scope="pure").efficient_names() == expected


@pytest.mark.parametrize("theta, expected", [(0.7, [ATB]), (1.0, [AST])])
def test_result_1c_uniqueness_with_period1_mixing(theta, expected):
    """Result 1c: the corner's PBE-ER are unchanged when equilibria with
    period-1 mixing are included."""
    assert solve(_corner(theta)).efficient_names() == expected


def test_mixed_variant_bound_replaces_trust_by_threshold():
    """Result 1c: the greedy leader's bound in the mixed period-2 variant
    is beta_B (H - 1 - k) + k over t H."""
    H, L, k, bB = S["H"], S["L"], S["k"], S["betaB"]
    expr = class_info("pool-D", "separating", "mixed").incentives[("B", "greedy")].lhs
    _, bound = coefficient_and_bound(expr, S["thetaB"])
    assert sp.simplify(bound - (bB * (H - 1 - k) + k) * (1 + k - L) / (H * k)) == 0


def test_asymmetric_trust_building_at_theta_one_needs_moderate_leader():
    """Result 1c at theta = 1: the equilibrium exists for (beta_B, p_A) =
    (0.5, 0.46) near the corner, but not at Figure 3's (0.7, 0.5)."""
    inside = FIG3.replace(betaB=0.5, pA=0.46, betaA=0.01, pB=0.01)
    assert solve(inside, scope="pure").has(ATB, efficient_only=True)
    assert not solve(FIG3.replace(betaA=0.01, pB=0.01), scope="pure").has(ATB)


def _row(eq, state, motive):
    return tuple("C" if eq.strategy(state, motive, h) == 1 else "D" for h in (None, *HISTORIES))


def test_papers_table_is_the_passive_efficient_equilibrium():
    """Figure 3(b): the printed strategy table (cooperation after the
    off-path history CC) is the solver's equilibrium under the
    passive-efficient off-path convention, with the same payoffs as the
    default representative."""
    pt = FIG3.replace(betaA=0.1, pB=0.1, thetaA=0.7, thetaB=0.7)
    pe = solve(pt, scope="pure", offpath="passive-efficient").by_name(
        "asymmetric-trust-building", "B")
    free = solve(pt, scope="pure").by_name("asymmetric-trust-building", "B")
    table = entry("asymmetric-trust-building", "B").paper_table
    assert all(_row(pe, s, m) == row for (s, m), row in table.items())
    assert _row(free, "A", "security") != table[("A", "security")]
    assert np.allclose(pe.payoff_vector(), free.payoff_vector())


def test_papers_off_path_play_shrinks_the_region():
    """Figure 3(b): under the paper's off-path play the equilibrium exists on
    a strict subset of the region of free off-path play."""
    base = FIG3.replace(thetaA=0.7, thetaB=0.7)
    kw = dict(n=120, restrict_to=[ATB])
    free = region_map(base, "betaA", "pB", **kw).mask(ATB, efficient=False)
    pe = region_map(base, "betaA", "pB", offpath="passive-efficient", **kw).mask(
        ATB, efficient=False)
    assert (pe <= free).all() and pe.sum() < free.sum()
