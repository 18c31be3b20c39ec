"""The four-type correlation model (our reconstruction of Appendix A.5)."""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import pytest
import sympy as sp
from conftest import valid_params
from hypothesis import given, settings
from hypothesis import strategies as st

from trustgame import ParameterError, Params
from trustgame.analysis.conditions import SYMBOLS
from trustgame.analysis.correlation import (
    RHO,
    TYPE_NAMES,
    correlation_game,
    min_rho,
    min_rho_search,
    phi,
    posterior,
    reform_probabilities,
    rho_curves,
    rho_interval,
    trust_building,
    trust_building_conditions,
    type_space,
)
from trustgame.core.equilibria import pure_equilibria
from trustgame.paper import FIGURE_PARAMS

S = SYMBOLS
IND = FIGURE_PARAMS.replace(betaA=0.6, betaB=0.7)
T = 0.45

POINTS = [
    pytest.param(FIGURE_PARAMS.replace(pA=0.35, pB=0.35), id="fig1-trust-building"),
    pytest.param(FIGURE_PARAMS.replace(pA=0.9, pB=0.9), id="fig1-suckers"),
    pytest.param(IND.replace(pA=0.2, pB=0.6), id="fig2-mixed"),
    pytest.param(IND.replace(pA=0.05, pB=0.05), id="fig2-low-trust"),
    pytest.param(FIGURE_PARAMS.replace(betaB=0.7, pA=0.5, betaA=0.1, pB=0.1, thetaA=0.7,
                                       thetaB=0.7), id="fig3-asymmetric"),
]


def _signature(eqs):
    return [(e.name, e.leader, tuple(round(float(u), 12) for u in e.payoff_vector())) for e in eqs]


@pytest.mark.parametrize("params", POINTS)
def test_rho_one_reproduces_the_two_type_game(params):
    """Section 'Domestic Policies and International Signaling' (Appendix
    A.5, reconstructed): with perfect correlation the four-type game is the
    paper's game: same equilibria, same names, same payoffs."""
    assert _signature(pure_equilibria(correlation_game(params, 1))) == \
        _signature(pure_equilibria(params.game()))


@pytest.mark.parametrize("params", POINTS)
def test_rho_one_with_zero_prior_types_keeps_payoffs(params):
    """Reconstruction of A.5: keeping the two zero-prior types changes
    neither the number of equilibria nor the payoffs of types that occur."""
    two = sorted(tuple(round(float(u), 12) for u in e.payoff_vector())
                 for e in pure_equilibria(params.game()))
    four = sorted(tuple(round(float(u), 12) for u in e.payoff_vector())
                  for e in pure_equilibria(correlation_game(params, 1, drop_empty=False)))
    assert four == two


def test_type_space_order_priors_and_values():
    ts = type_space(0.4, 0.5, 1.5, -0.1, drop_empty=False)
    assert tuple(t.name for t in ts) == TYPE_NAMES
    assert [(t.e1, t.e2) for t in ts] == [(-0.1, -0.1), (1.5, -0.1), (-0.1, 1.5), (1.5, 1.5)]
    assert [round(t.prior, 12) for t in ts] == [0.3, 0.1, 0.15, 0.45]


def test_exact_inputs_stay_exact():
    assert reform_probabilities(Fraction(1, 3)) == (Fraction(2, 3), Fraction(1, 3))
    assert correlation_game(Params().exact(), Fraction(1, 2)).exact


@pytest.mark.parametrize("rho", [-0.1, 1.5, float("nan"), "0.5", True])
def test_rho_outside_unit_interval_is_rejected_by_name(rho):
    with pytest.raises(ParameterError, match="rho must be a number in"):
        reform_probabilities(rho)


@pytest.mark.parametrize("state", ["A", "B"])
def test_conditions_are_linear_in_rho(state):
    """Reconstruction of A.5: every trust-building condition is linear in
    rho, so the set of sustaining correlations is an interval."""
    assert all(sp.Poly(e, RHO).degree() == 1
               for e in trust_building_conditions(state).values())


def test_mixed_types_never_bind():
    """Reconstruction of A.5: greedy-reform and security-hardline types are
    slacker than security-reform and greedy-hardline types."""
    c = trust_building_conditions("A")
    r, g = reform_probabilities(RHO)
    extra = S["thetaA"] * (S["pB"] * r * (S["H"] - 1) + S["k"] * (1 - S["pB"]) * g)
    assert sp.expand(c["greedy-reform"] - c["security-reform"] - extra) == 0
    assert sp.expand(c["security-hardline"] - c["greedy-hardline"] - extra) == 0


@settings(max_examples=200)
@given(valid_params(theta=True), st.floats(0.0, 1.0))
def test_closed_form_interval_agrees_with_the_equilibrium_checker(params, rho):
    """Reconstruction of A.5: the closed-form interval of rho and the direct
    check of the trust-building profile agree."""
    iv = rho_interval(params)
    if iv is not None and min(abs(rho - iv[0]), abs(rho - iv[1])) < 1e-7:
        return                                    # on a boundary: tolerance decides
    closed = iv is not None and iv[0] <= rho <= iv[1]
    assert (trust_building(params, rho) is not None) is closed


@pytest.mark.parametrize("p", [0.02, 0.1, 0.3, 0.4])
def test_search_and_closed_form_minimum_agree(p):
    """Reconstruction of A.5: the scan-and-bisect minimum equals the closed
    form to within its tolerance."""
    base = IND.replace(pA=p, pB=p)
    assert abs(min_rho_search(base) - min_rho(base)) <= 1e-5


@pytest.mark.parametrize("p", [0.001, 0.05, 0.2, 0.35, 0.44])
def test_belief_bound_sets_the_minimum_under_independence(p):
    """Section 'Domestic Policies and International Signaling': with Figure
    2's independence the minimum correlation is where the posterior after
    cooperation reaches the threshold, (t - p) / (p + t - 2 p t)."""
    assert min_rho(IND.replace(pA=p, pB=p)) == pytest.approx((T - p) / (p + T - 2 * p * T))


def test_minimum_correlation_tends_to_one_as_trust_vanishes():
    """Result 1b under imperfect correlation: trust-building at p -> 0 needs
    rho -> 1 in the reconstruction."""
    assert min_rho(IND.replace(pA=1e-4, pB=1e-4)) > 0.999
    assert trust_building(IND.replace(pA=0.01, pB=0.01), 0.9) is None


def test_required_phi_correlation_stays_below_root_t():
    """Section 'Domestic Policies and International Signaling' ('only a
    moderate correlation'): under Figure 2's independence the Pearson
    correlation at the minimum rho never exceeds sqrt(t)."""
    ps = np.linspace(0.001, 0.449, 200)
    lo, _ = rho_curves(IND, ps)
    phis = [phi(p, r) for p, r in zip(ps, lo)]
    assert max(phis) <= math.sqrt(T) and max(phis) > 0.669


def test_dependent_choices_need_near_perfect_correlation_at_the_floor():
    """Reconstruction of A.5 with beta = 0: trust-building needs trust of
    about 0.3 whatever rho, and near that floor rho close to one."""
    assert min_rho(FIGURE_PARAMS.replace(pA=0.299, pB=0.299)) is None
    assert min_rho(FIGURE_PARAMS.replace(pA=0.302, pB=0.302)) > 0.9


def test_more_correlation_transmits_more_information():
    """Section 'Domestic Policies and International Signaling': 'the amount
    of information communicated is greater when the correlation is
    stronger' (posterior after cooperation rises with rho)."""
    qs = [posterior(0.2, r, "C") for r in np.linspace(0, 1, 11)]
    assert all(a < b for a, b in zip(qs, qs[1:])) and qs[0] == pytest.approx(0.2)


def test_phi_equals_rho_at_even_prior():
    assert phi(0.5, 0.37) == pytest.approx(0.37)
    assert phi(0.1, 0.6) < 0.6


def test_rho_interval_rejects_boundary_priors():
    with pytest.raises(ValueError, match="pA must lie strictly between 0 and 1"):
        rho_interval(Params(pA=0.0))


def test_tolerance_decides_at_the_belief_bound():
    """Just below the belief bound on rho (by 1e-12) the weak inequality is
    accepted with the package tolerance and rejected with a zero one."""
    p = IND.replace(pA=0.2, pB=0.2)
    lo, _ = rho_interval(p)
    assert trust_building(p, lo - 1e-12) is not None
    assert trust_building(p, lo - 1e-12, tol=0) is None
