"""Salience bounds of trust-building: the Goldilocks window and Result 2."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest
import sympy as sp
from conftest import valid_params
from hypothesis import given, settings
from hypothesis import strategies as st

from trustgame import Params, solve
from trustgame.analysis.conditions import SYMBOLS, class_info, evaluate
from trustgame.analysis.maps import region_map
from trustgame.analysis.salience import (
    coefficient_and_bound,
    common_window,
    theta_bounds,
    theta_window,
    trust_building_incentives,
    window_closing_trust,
    window_open_independence,
)
from trustgame.paper import FIGURE_PARAMS

S = SYMBOLS
H, L, k, pB, bA, tA = (S[n] for n in ("H", "L", "k", "pB", "betaA", "thetaA"))


def test_coefficient_and_bound_rejects_nonlinear_expressions():
    x = sp.Symbol("x")
    with pytest.raises(ValueError, match="not linear in x"):
        coefficient_and_bound(x**2 + 1, x)


def test_bad_state_is_named():
    with pytest.raises(ValueError, match="state must be 'A' or 'B'"):
        trust_building_incentives("C")


def test_bounds_have_the_stated_closed_forms():
    """Section 'Salience of the Trust-Building Exercise': the security-seeker
    bounds theta from below, the greedy type from above."""
    b = theta_bounds("A")
    assert b["security"][0] == pB and sp.simplify(b["greedy"][0] + H * pB) == 0
    lower = (1 - pB) * (k - bA * (1 + k - L)) / pB - (1 - L)
    upper = (H - 1) / H + (1 - pB) * (bA * (H - 1 - k) + k) / (H * pB)
    assert sp.simplify(b["security"][1] - lower) == 0
    assert sp.simplify(b["greedy"][1] - upper) == 0


@settings(max_examples=120)
@given(valid_params(theta=True))
def test_window_is_the_existence_condition_of_trust_building(p):
    """Salience section: trust-building is a PBE iff each state's theta lies
    in its window (checked against the enumerator)."""
    inside = all(lo - 1e-7 <= getattr(p, f"theta{s}") <= hi + 1e-7
                 for s in ("A", "B") for lo, hi in [theta_window(p, s)])
    margin = min(min(getattr(p, f"theta{s}") - theta_window(p, s)[0],
                     theta_window(p, s)[1] - getattr(p, f"theta{s}")) for s in ("A", "B"))
    if abs(margin) < 1e-6:          # on a boundary: tolerance decides
        return
    assert solve(p, scope="pure").has("trust-building") is inside


def test_goldilocks_window_closes_at_p_star():
    """Salience section (Kydd's calibration problem): with beta = 0 the
    window narrows as trust falls and is empty below p* = 9/52."""
    F = Fraction
    assert window_closing_trust(F(3, 2), F(-1, 10), F(9, 10)) == sp.Rational(9, 52)
    widths = [np.subtract(*theta_window(FIGURE_PARAMS.replace(pA=q, pB=q))[::-1])
              for q in (0.18, 0.25, 0.35, 0.45)]
    assert all(a < b for a, b in zip(widths, widths[1:]))
    lo, hi = theta_window(FIGURE_PARAMS.replace(pA=0.17, pB=0.17))
    assert lo > hi


@pytest.mark.parametrize("p, exists", [(0.165, False), (0.185, True)])
def test_enumerator_finds_no_salience_below_p_star(p, exists):
    """Salience section: below p* no theta on a fine grid sustains
    trust-building with dependent choices; above it some theta does."""
    found = any(solve(FIGURE_PARAMS.replace(pA=p, pB=p, thetaA=th, thetaB=th),
                      scope="pure").has("trust-building")
                for th in np.arange(2.0, 4.5, 0.01))
    assert found is exists


def test_window_open_independence_equals_closing_trust_at_zero():
    """Salience section: the independence that keeps a window open at every
    trust level equals the closing trust of the dependent case."""
    p_star = sp.solve(sp.Eq((theta_bounds("A")["security"][1]
                             - theta_bounds("A")["greedy"][1]).subs(bA, 0), 0), pB)[0]
    assert sp.simplify(window_open_independence() - p_star) == 0
    assert window_closing_trust(1.5, -0.1, 0.9, beta=0.2) is None
    assert window_closing_trust(1.5, -0.1, 0.9, beta=0.15) is not None


@settings(max_examples=200)
@given(valid_params(theta=True), st.floats(0.0, 1.0))
def test_result_2_security_constraint_holds_for_every_salience(p, u):
    """Result 2: if beta_i >= k / (1 + k - L), the security-seeker prefers
    first-period cooperation for every theta > 0 and every trust level."""
    t = p.k / (1 + p.k - p.L)
    beta = t + u * (1 - t)
    expr = trust_building_incentives("A")["security"]
    vals = p.replace(betaA=beta).as_dict()
    args = {S[n]: v for n, v in vals.items()}
    assert float(expr.subs(args)) >= -1e-9


def test_result_2_threshold_is_sharp():
    """Result 2: just below the threshold the lower bound on theta returns
    at low trust."""
    base = FIGURE_PARAMS.replace(betaA=0.44, betaB=0.44, pA=0.01, pB=0.01)
    assert theta_window(base)[0] > 0
    assert theta_window(base.replace(betaA=0.45, betaB=0.45))[0] <= 0


def test_result_2_greedy_bound_remains_but_recedes():
    """Result 2: the greedy type's upper bound on theta is at least
    (H - 1) / H and grows without bound as trust vanishes."""
    base = FIGURE_PARAMS.replace(betaA=0.6, betaB=0.7)
    ps = np.array([0.9, 0.3, 0.1, 0.01, 0.001])
    lo, hi = common_window(base, ps)
    assert (hi >= 0.5 / 1.5 - 1e-12).all() and np.all(np.diff(hi) > 0) and hi[-1] > 100
    assert (lo < 0).all()


@pytest.mark.parametrize("theta", [0.01, 0.1, 0.3])
@pytest.mark.parametrize("p", [0.01, 0.1, 0.5, 0.9])
def test_result_2_trust_building_is_pbe_er_at_high_first_period_salience(p, theta):
    """Result 2 at Figure 2's independence: with a salient first period
    (theta <= (H - 1) / H) trust-building is a PBE-ER at every trust level."""
    params = FIGURE_PARAMS.replace(betaA=0.6, betaB=0.7, pA=p, pB=p, thetaA=theta, thetaB=theta)
    assert solve(params, scope="pure").has("trust-building", efficient_only=True)


@pytest.mark.parametrize("beta", [0.0, 0.6])
def test_map_and_closed_form_window_agree(beta):
    """Salience section: the region map over (theta, p) and the closed-form
    window give the same trust-building region."""
    base = FIGURE_PARAMS.replace(betaA=beta, betaB=beta)
    m = region_map(base, x="theta", y="p", xlim=(0, 4), n=120)
    lo, hi = common_window(base, m.ys)
    window = (m.xs[None, :] >= lo[:, None] - 1e-9) & (m.xs[None, :] <= hi[:, None] + 1e-9)
    assert np.array_equal(window, m.mask("trust-building", efficient=False))


def test_tolerance_decides_at_the_window_edge():
    """Just below the security-seeker's bound on the salience (by 1e-12),
    the package tolerance accepts the weak inequality and a zero tolerance
    rejects it."""
    p = Params(pA=0.35, pB=0.35)
    lo, _ = theta_window(p)
    cond = class_info("separating", "separating", "CC").condition
    vals = p.replace(thetaA=lo - 1e-12, thetaB=lo - 1e-12).as_dict()
    assert bool(evaluate(cond, **vals))
    assert not bool(evaluate(cond, tol=0, **vals))
