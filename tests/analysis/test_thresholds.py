"""Tests of trustgame.analysis.thresholds: bounds solved from the conditions."""

from __future__ import annotations

import math

import numpy as np
import pytest
import sympy as sp
from conftest import valid_params
from hypothesis import assume, given

from trustgame import Params, solve
from trustgame.analysis.thresholds import (
    SYMBOLS,
    incentive,
    linear_bound,
    minmax_threshold,
    offpath_branches,
    period2_threshold,
    sign_under_restrictions,
    trust_building_bounds,
    trust_building_interval,
)
from trustgame.core.model import coop_threshold, independence_threshold
from trustgame.paper import FIGURE_PARAMS

H, L, k = SYMBOLS["H"], SYMBOLS["L"], SYMBOLS["k"]
pA, pB = SYMBOLS["pA"], SYMBOLS["pB"]
betaA, thetaA = SYMBOLS["betaA"], SYMBOLS["thetaA"]


# -- linear_bound ------------------------------------------------------------

def test_linear_bound_reads_a_positive_coefficient_as_lower_bound():
    b = linear_bound(sp.Ge(2 * pB - k, 0), "pB")
    assert b.bound == k / 2 and b.kind == "lower"
    assert b.relational() == sp.Ge(pB, k / 2)


def test_linear_bound_reads_a_negative_coefficient_as_upper_bound():
    b = linear_bound(sp.Ge(k - (1 + k) * pB, 0), pB)
    assert sp.simplify(b.bound - k / (1 + k)) == 0 and b.kind == "upper"
    assert isinstance(b.relational(), sp.LessThan)


def test_linear_bound_keeps_strictness():
    b = linear_bound(sp.Gt(pB - k, 0), "pB")
    assert b.strict and isinstance(b.relational(), sp.StrictGreaterThan)


def test_linear_bound_with_undecided_sign_needs_an_explicit_kind():
    b = linear_bound(sp.Ge(L * pB - k, 0), "pB")
    assert b.kind is None
    with pytest.raises(ValueError, match="depends on the parameters"):
        b.relational()
    assert isinstance(b.relational(kind="upper"), sp.LessThan)


def test_linear_bound_rejects_a_nonlinear_condition():
    with pytest.raises(ValueError, match="not linear in p_B"):
        linear_bound(sp.Ge(pB**2 - k, 0), "pB")


def test_linear_bound_rejects_a_boolean_combination():
    with pytest.raises(ValueError, match="one inequality"):
        linear_bound(sp.Or(sp.Ge(pB - k, 0), sp.Ge(k - 2 * pB, 0)), "pB")


def test_bound_value_broadcasts_over_arrays():
    b = trust_building_bounds("A").lower
    vals = b.value(FIGURE_PARAMS, betaA=np.array([0.0, 0.45, 0.6]))
    assert vals.shape == (3,)
    assert vals[0] == pytest.approx(0.3) and vals[1] == pytest.approx(0.0, abs=1e-12)
    assert b.value(FIGURE_PARAMS, betaA=0.6) == pytest.approx(vals[2])


def test_bound_holds_evaluates_the_source_inequality():
    b = trust_building_bounds("A").lower
    assert b.holds(FIGURE_PARAMS, pB=0.31) and not b.holds(FIGURE_PARAMS, pB=0.29)


# -- signs -------------------------------------------------------------------

@pytest.mark.parametrize("expr, sign", [
    pytest.param(1 + k - L, 1, id="1+k-L"),
    pytest.param(H - 1, 1, id="H-1"),
    pytest.param(L - 1, -1, id="L-1"),
    pytest.param(-(1 + k - L) / (2 + k - L) ** 2, -1, id="quotient"),
    pytest.param(1 - betaA, None, id="1-beta-vanishes-at-1"),
    pytest.param((1 - betaA) * (1 + k - L) + thetaA, 1, id="tb-denominator"),
    pytest.param(k + betaA * (H - 1 - k), 1, id="greedy-constant"),
    pytest.param(L, None, id="L-undecided"),
    pytest.param(sp.Integer(0), 0, id="zero"),
])
def test_sign_under_restrictions(expr, sign):
    assert sign_under_restrictions(expr) == sign


# -- thresholds --------------------------------------------------------------

def test_period2_threshold_is_the_solvers_coop_threshold():
    _, eq, sol = period2_threshold()
    assert sp.simplify(sol - coop_threshold(L, k)) == 0
    assert sp.simplify(eq.lhs.subs(sp.Symbol("y", nonnegative=True), sol)) == 0


def test_minmax_threshold_is_the_independence_threshold():
    eq, sol = minmax_threshold("B")
    assert sp.simplify(sol - independence_threshold(L, k)) == 0
    assert SYMBOLS["betaB"] in eq.free_symbols


# -- trust-building bounds ---------------------------------------------------

def test_trust_building_bounds_are_the_classic_ones_at_baseline():
    """Baseline bounds (section 'The Baseline of Foreign Policy Signaling'):
    k/(2+k-L) <= p <= k/(1+k) at beta = 0, theta = 1."""
    b = trust_building_bounds("A")
    at = {betaA: 0, thetaA: 1}
    assert sp.simplify(b.lower.bound.subs(at) - k / (2 + k - L)) == 0
    assert sp.simplify(b.upper.bound.subs(at) - k / (1 + k)) == 0
    assert b.lower.var == pB and trust_building_bounds("B").lower.var == pA


def test_trust_building_interval_at_figure_values():
    lo, hi = trust_building_interval(FIGURE_PARAMS, "B")
    assert lo == pytest.approx(0.3) and hi == pytest.approx(0.9 / 1.9)


def test_trust_building_interval_when_greedy_constraint_is_a_lower_bound():
    # small salience, large temptation: the greedy coefficient turns positive
    p = Params(H=4.0, L=-0.1, k=0.1, thetaA=0.1, thetaB=0.1)
    coef = float(trust_building_bounds("A").upper.coefficient.subs(
        {H: 4, k: sp.Rational(1, 10), betaA: 0, thetaA: sp.Rational(1, 10)}))
    assert coef > 0
    lo, hi = trust_building_interval(p, "A")
    assert hi == 1.0 and 0 < lo < 1


def test_incentive_names_missing_constraints():
    with pytest.raises(KeyError, match="security and greedy"):
        incentive("tragic", "A", "security")


def test_offpath_branches_of_tragic():
    br = offpath_branches(incentive("tragic", "A", "security and greedy"))
    assert set(br) == {"DD", "CC", "mixed"}
    assert not any(isinstance(a, sp.StrictGreaterThan) for a in br["DD"].args)
    assert any(isinstance(a, sp.StrictGreaterThan) for a in br["mixed"].args)


def _near(x, ys, eps=1e-6):
    return any(abs(x - y) < eps for y in ys)


@given(valid_params(interior=True, theta=True))
def test_trust_building_interval_agrees_with_the_solver(p):
    """The solved bounds predict exactly where the solver finds symmetric
    trust-building (Proposition A.6's equilibrium, section 'The Strategic
    Implications of Independence for Trust-Building')."""
    loA, hiA = trust_building_interval(p, "A")
    loB, hiB = trust_building_interval(p, "B")
    assume(not _near(p.pB, (loA, hiA)) and not _near(p.pA, (loB, hiB)))
    assume(all(math.isfinite(v) for v in (loA, hiA, loB, hiB)))
    predicted = loA <= p.pB <= hiA and loB <= p.pA <= hiB
    found = solve(p, dominance="none", scope="pure").has("trust-building")
    assert found == predicted
