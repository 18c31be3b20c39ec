"""The paper's results on the one-shot threshold, the baseline
trust-building bounds and Results 1a and 1b, checked against the solver.

Each test names the section of Goldfien, Joseph and McManus (2026) whose
claim it checks.
"""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from trustgame import Params, region_map, solve
from trustgame.analysis.thresholds import (
    SYMBOLS,
    minmax_threshold,
    period2_threshold,
    sign_under_restrictions,
    trust_building_bounds,
)
from trustgame.core.model import coop_threshold, independence_threshold, period2_payoff
from trustgame.core.period2 import solve_period2
from trustgame.paper import FIGURE_PARAMS, figure_base

H, L, k = SYMBOLS["H"], SYMBOLS["L"], SYMBOLS["k"]
betaA, betaB = SYMBOLS["betaA"], SYMBOLS["betaB"]


# -- the one-shot trust problem ----------------------------------------------

def test_greedy_type_never_cooperates_in_the_one_shot_game():
    """Table 1 (section 'Trust Problems and Foreign Policy Trust-Building'):
    a greedy type prefers to defect whatever the other does."""
    y, h, v = sp.Symbol("y"), sp.Symbol("h", positive=True), sp.Symbol("v", positive=True)
    gain = period2_payoff(1, y, H, k) - period2_payoff(0, y, H, k)
    kp = sp.Symbol("k", positive=True)
    assert sp.together(gain.subs({H: 1 + h, k: kp, y: 1 / (1 + v)})).is_negative
    assert gain.subs(y, 0) == -k


def test_one_shot_cooperation_threshold():
    """Section 'Trust Problems and Foreign Policy Trust-Building': a
    security-seeker cooperates iff the other cooperates with probability
    at least k/(1+k-L) (0.45 at the figure values)."""
    assert sp.simplify(period2_threshold()[2] - k / (1 + k - L)) == 0
    assert coop_threshold(FIGURE_PARAMS.L, FIGURE_PARAMS.k) == pytest.approx(0.45)


@given(st.floats(0.01, 0.99), st.floats(0.01, 0.99))
def test_one_shot_cooperation_needs_two_sided_trust(qa, qb):
    """Section 'Trust Problems and Foreign Policy Trust-Building': if
    either state distrusts the other (prior below the threshold), mutual
    defection is the unique one-shot equilibrium; otherwise security-seekers
    can cooperate."""
    t = coop_threshold(FIGURE_PARAMS.L, FIGURE_PARAMS.k)
    assume(abs(qa - t) > 1e-6 and abs(qb - t) > 1e-6)
    kinds = [c.kind for c in solve_period2(FIGURE_PARAMS.game(), (qa, 1 - qa), (qb, 1 - qb))]
    assert ("CC" in kinds) == (min(qa, qb) > t)
    assert kinds[0] == "DD"


# -- the baseline ---------------------------------------------------------------

def test_figure1_trust_building_region_is_the_solved_square():
    """Figure 1 (section 'The Baseline of Foreign Policy Signaling'):
    trust-building exists exactly for k/(2+k-L) <= pA, pB <= k/(1+k)."""
    base = figure_base(1)
    m = region_map(base, "pA", "pB", n=120, dominance="none")
    X, Y = np.meshgrid(m.xs, m.ys)
    lo, hi = base.k / (2 + base.k - base.L), base.k / (1 + base.k)
    inside = (np.minimum(X, Y) >= lo) & (np.maximum(X, Y) <= hi)
    assert (m.mask("trust-building", efficient=False) == inside).all()


def test_baseline_low_trust_leaves_tragic_as_unique_pure_pbe():
    """Section 'The Baseline of Foreign Policy Signaling': below the
    trust-building bound the unique PBE (pure period-1 play) is mutual
    defection, independently of the refinement."""
    base = figure_base(1)
    m = region_map(base, "pA", "pB", n=120, dominance="none")
    X, Y = np.meshgrid(m.xs, m.ys)
    low = np.minimum(X, Y) < base.k / (2 + base.k - base.L)
    assert (m.count(efficient=False)[low] == 1).all()
    assert m.mask("tragic", efficient=False)[low].all()


@pytest.mark.parametrize("pA, pB", [(0.1, 0.1), (0.9, 0.1), (0.25, 0.25)])
def test_baseline_very_low_trust_has_unique_pbe_with_period1_mixing(pA, pB):
    """Section 'The Baseline of Foreign Policy Signaling': at low trust the
    unique PBE is mutual defection, also when types may mix in period 1."""
    sol = solve(figure_base(1, pA=pA, pB=pB), dominance="none")
    assert sol.names() == ["tragic"]


def test_baseline_period1_mixing_allows_cooperation_below_the_tb_bound():
    """Section 'The Baseline of Foreign Policy Signaling' (qualified): with
    period-1 mixing, cooperation in period 1 is possible below the
    trust-building bound (0.3) when the other side is trusting."""
    sol = solve(figure_base(1, pA=0.9, pB=0.2), dominance="none")
    assert any(x > 0 for e in sol.equilibria for xs in e.period1 for x in xs)


# -- Result 1a -------------------------------------------------------------------

@pytest.mark.parametrize("state, beta", [("A", betaA), ("B", betaB)], ids=["A", "B"])
def test_result_1a_lower_bound_decreases_in_independence_symbolically(state, beta):
    """Result 1a (section 'The Strategic Implications of Independence for
    Trust-Building'): the minimum initial trust for trust-building
    decreases as independence rises, for all admissible parameters."""
    lower = trust_building_bounds(state).lower
    assert lower.kind == "lower"
    assert sign_under_restrictions(sp.diff(lower.bound, beta)) == -1


@settings(max_examples=30)
@given(st.floats(0.0, 0.95), st.floats(0.01, 0.05))
def test_result_1a_more_independence_never_loses_trust_building_at_low_trust(b, step):
    """Result 1a (section 'The Strategic Implications of Independence for
    Trust-Building'): if trust-building exists at some independence, it
    still exists with more independence at a trust level near the lower
    bound (checked with the solver)."""
    lower = trust_building_bounds("A").lower
    base = FIGURE_PARAMS.replace(pA=0.3, betaB=0.7)
    p_min = lower.value(base, betaA=b)
    assume(0.01 < p_min < 0.29)
    p = base.replace(betaA=b, pB=p_min + 1e-3)
    assert solve(p, dominance="none", scope="pure").has("trust-building")
    assert solve(p.replace(betaA=b + step), dominance="none",
                 scope="pure").has("trust-building")
    below = base.replace(betaA=b, pB=p_min - 1e-3)
    assert not solve(below, dominance="none", scope="pure").has("trust-building")


def test_result_1a_on_the_figure3_axis():
    """Result 1a, Figure 3 discussion: the lower bound on p_B falls as
    beta_A rises and reaches zero at beta_A = 0.45."""
    base = FIGURE_PARAMS.replace(pA=0.3, betaB=0.7)
    m = region_map(base, "betaA", "pB", n=100, dominance="none")
    tb = m.mask("trust-building", efficient=False)
    lows = np.array([m.ys[tb[:, j]].min() for j in range(tb.shape[1])])
    assert (np.diff(lows) <= 0).all()
    assert lows[m.xs > 0.46].max() == m.ys[0]
    assert lows[m.xs < 0.44].min() > m.ys[0]


# -- Result 1b -------------------------------------------------------------------

def test_result_1b_threshold_value():
    """Result 1b (section 'The Strategic Implications of Independence for
    Trust-Building'): the threshold is k/(1+k-L) = 0.45 at the figure values,
    the independence at which a security-seeker sure to be exploited still
    prefers to cooperate."""
    assert sp.simplify(minmax_threshold()[1] - k / (1 + k - L)) == 0
    assert independence_threshold(-0.1, 0.9) == pytest.approx(0.45)


def test_result_1b_lower_bound_vanishes_exactly_at_the_threshold():
    """Result 1b: the numerator of the lower bound is zero at the threshold."""
    lower = trust_building_bounds("A").lower
    num, _ = sp.fraction(lower.bound)
    root = sp.solve(sp.Eq(num, 0), betaA)
    assert len(root) == 1 and sp.simplify(root[0] - k / (1 + k - L)) == 0


@pytest.mark.parametrize("bA, bB, exists", [
    pytest.param(0.6, 0.7, True, id="figure2"),
    pytest.param(0.46, 0.46, True, id="just-above"),
    pytest.param(0.9, 0.5, True, id="lopsided-above"),
    pytest.param(0.44, 0.7, False, id="A-below"),
    pytest.param(0.7, 0.44, False, id="B-below"),
    pytest.param(0.0, 0.0, False, id="baseline"),
])
def test_result_1b_trust_building_at_lowest_trust(bA, bB, exists):
    """Result 1b (section 'The Strategic Implications of Independence for
    Trust-Building'): with both betas above k/(1+k-L), trust-building exists
    as p -> 0; with either below, it does not."""
    p = FIGURE_PARAMS.replace(pA=1e-3, pB=1e-3, betaA=bA, betaB=bB)
    assert solve(p, dominance="none", scope="pure").has("trust-building") == exists


@st.composite
def above_threshold(draw):
    H_ = draw(st.floats(1.01, 4.0))
    L_ = draw(st.floats(-2.0, 0.99))
    k_ = draw(st.floats(0.05, 3.0))
    t = k_ / (1 + k_ - L_)
    bA, bB = draw(st.floats(t, 1.0)), draw(st.floats(t, 1.0))
    thA, thB = draw(st.floats(0.1, 3.0)), draw(st.floats(0.1, 3.0))
    return Params(H=H_, L=L_, k=k_, pA=1e-5, pB=1e-5, betaA=bA, betaB=bB,
                  thetaA=thA, thetaB=thB)


@given(above_threshold())
def test_result_1b_holds_for_all_parameters_above_the_threshold(p):
    """Result 1b, any admissible H, L, k, theta: both betas at or above the
    threshold give trust-building at trust 1e-5."""
    assert solve(p, dominance="none", scope="pure").has("trust-building")


@pytest.mark.parametrize("pA, pB", [(0.001, 0.001), (0.2, 0.2), (0.35, 0.1)])
def test_result_1b_only_trust_building_survives_at_low_trust(pA, pB):
    """Section 'The Strategic Implications of Independence for
    Trust-Building': at low trust with two-sided independence only
    trust-building survives the refinement (including period-1 mixing)."""
    sol = solve(figure_base(2, pA=pA, pB=pB))
    assert sol.efficient_names() == ["trust-building"]


def test_threshold_rises_with_k_and_L():
    """Section 'The Strategic Implications of Independence for
    Trust-Building' (after Result 1b) says the threshold "is decreasing" in
    k and L; the formula k/(1+k-L) increases in both (the book reports the
    difference)."""
    t = minmax_threshold()[1]
    assert sign_under_restrictions(sp.diff(t, k)) == 1
    assert sign_under_restrictions(sp.diff(t, L)) == 1
    assert independence_threshold(-0.1, 0.5) < independence_threshold(-0.1, 0.9)
    assert independence_threshold(-0.3, 0.9) < independence_threshold(-0.1, 0.9)
