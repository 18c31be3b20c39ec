"""The parameter box of a case and the equilibria inside it."""

from __future__ import annotations

from functools import cache

import numpy as np
import pytest

from trustgame import Params, solve
from trustgame.analysis.conditions import class_info, evaluate
from trustgame.cases import (
    BOX_PARAMETERS,
    SEED,
    case_box,
    counterfactual_share,
    evaluate_box,
    evaluate_points,
    full_scope_rows,
    prediction_share,
    sample_box,
    sensitivity_table,
)
from trustgame.core.naming import CLASS_KEYS

KEYS = ("cold-war", "korea")
#: Points per box in the point-by-point comparison with solve, and their seed.
N_POINTS, POINT_SEED = 25, 3


@cache
def _small_box(key, theta):
    return evaluate_box(key, n=N_POINTS, seed=POINT_SEED, theta=theta)


@pytest.mark.parametrize("i", range(N_POINTS))
@pytest.mark.parametrize("key, theta", [("cold-war", None), ("korea", None), ("korea", 1.0)],
                         ids=["cold-war", "korea", "korea-theta1"])
def test_box_evaluation_agrees_with_solve_point_by_point(key, theta, i):
    res = _small_box(key, theta)
    assert res.size == N_POINTS
    params = Params(**{p: float(res.points[p][i]) for p in BOX_PARAMETERS})
    expected = solve(params, scope="pure").efficient_names()
    got = sorted(nm for c, nm in enumerate(res.names) if res.efficient[c, i])
    assert got == expected, params


def test_points_evaluation_names_the_classes_by_their_keys():
    names, ex, eff = evaluate_points(dict(H=1.5, L=-0.1, k=0.9, pA=[0.1, 0.9], pB=[0.1, 0.9],
                                          betaA=0.6, betaB=0.7, thetaA=1.0, thetaB=1.0))
    assert names == CLASS_KEYS
    assert ex.shape == eff.shape == (48, 2) and not np.any(eff & ~ex)


def test_points_evaluation_matches_a_known_figure_two_point():
    names, _, eff = evaluate_points(dict(H=1.5, L=-0.1, k=0.9, pA=[0.1, 0.9], pB=[0.1, 0.9],
                                         betaA=0.6, betaB=0.7, thetaA=1.0, thetaB=1.0))
    assert eff[names.index("trust-building"), 0]
    assert eff[names.index("suckers"), 1]


@pytest.mark.parametrize("key", KEYS)
def test_grid_and_montecarlo_shares_agree(key):
    mc = prediction_share(key, method="montecarlo", n=4000)
    grid = prediction_share(key, method="grid", n=5)
    assert abs(mc - grid) < 0.03


def test_the_chapters_seed_is_fixed():
    assert SEED == 20261123


def test_montecarlo_share_is_reproducible_with_a_fixed_seed():
    a = prediction_share("korea", n=800, seed=11)
    b = prediction_share("korea", n=800, seed=11)
    c = prediction_share("korea", n=800, seed=12)
    assert a == b and a != c


def test_default_seed_is_the_chapters_seed():
    assert prediction_share("korea", n=800) == prediction_share("korea", n=800, seed=20261123)


@pytest.mark.parametrize("p", BOX_PARAMETERS)
def test_box_points_stay_inside_the_box(p):
    lo, hi = case_box("korea")[p]
    pts = sample_box("korea", n=500)[p]
    assert np.all(pts >= lo - 1e-12) and np.all(pts <= hi + 1e-12)


def test_case_box_uses_the_codebook_interval_of_each_label():
    box = case_box("korea")
    assert box["pB"] == (0.1, 0.3)  # "low" on the probability scale
    assert box["betaB"] == (0.75, 1.0)  # "high" on the independence scale


def test_cold_war_box_predicts_unique_symmetric_trust_building():
    """Section "Mapping the Model to the Case": the coded conditions fit TB."""
    assert prediction_share("cold-war") == 1.0
    assert prediction_share("cold-war", unique=True) == 1.0


def test_korea_at_theta_one_greedy_b_mimics_everywhere_in_the_box():
    """Section "Mapping the Model to the Korea Case" against Result 1c: at
    theta = 1 greedy B's period-1 constraint of asymmetric TB fails at every
    point of the coded box, so the equilibrium is never a PBE."""
    cond = class_info("pool-D", "separating", "CC").incentives[("B", "greedy")]
    pts = sample_box("korea", n=2000, theta=1.0)
    assert not np.any(evaluate(cond, **pts))
    assert prediction_share("korea", theta=1.0) == 0.0
    res = evaluate_box("korea", theta=1.0)
    assert res.shares() == {"asymmetric-semi-tragic[B]": 1.0}


def test_korea_with_coded_salience_has_asymmetric_trust_building_in_part_of_the_box():
    share = prediction_share("korea")
    assert 0.0 < share < 1.0
    low = prediction_share("korea", overrides={"thetaB": "moderate"})
    assert low == 0.0


@pytest.mark.parametrize("key", KEYS)
@pytest.mark.parametrize("name", ["trust-building", "asymmetric-trust-building[B]",
                                  "mixed-trust-building"])
def test_counterfactual_with_dependent_choices_has_no_trust_building(key, name):
    """The paper's counterfactual: with only dependent choices (beta = 0),
    trust-building is not available at the coded trust levels."""
    assert counterfactual_share(key, name, beta=0.0) == 0.0


@pytest.mark.parametrize("key", KEYS)
def test_counterfactual_with_dependent_choices_is_tragic(key):
    assert counterfactual_share(key, "tragic", beta=0.0) == 1.0


def test_counterfactual_coded_uses_the_dependent_alternative_rows():
    assert counterfactual_share("cold-war", beta="coded") == 0.0
    with pytest.raises(ValueError, match="beta must be"):
        counterfactual_share("cold-war", beta="arms control")


def test_sensitivity_table_moves_each_coded_label_to_its_neighbours():
    rows = sensitivity_table("korea", n=500)
    assert rows[0]["share"] == prediction_share("korea", n=500)
    moved = {(r["parameter"], r["alternative"]) for r in rows}
    assert ("pA", "moderate") in moved and ("pA", "very high") in moved
    assert ("betaA", "low-to-moderate") in moved  # "low" has no lower neighbour
    assert ("thetaB", "moderate") in moved
    assert {("H", "1.25"), ("H", "2"), ("k", "0.5"), ("k", "1.5")} <= moved
    theta_row = [r for r in rows if r["parameter"] == "thetaA, thetaB"][0]
    assert theta_row["share"] == prediction_share("korea", n=500, theta=1.0)


def test_unknown_equilibrium_name_is_rejected():
    with pytest.raises(ValueError, match=r"unknown equilibrium name "
                                         r"'asymmetric-trust-building' \(see "
                                         r"trustgame.core.naming.CLASS_KEYS\)"):
        prediction_share("korea", "asymmetric-trust-building")


def test_override_of_a_parameter_outside_the_box_is_rejected():
    with pytest.raises(ValueError, match="cannot override 'betaA_cf'"):
        case_box("korea", overrides={"betaA_cf": 0.0})


def test_korea_at_theta_one_period1_mixing_beats_asymmetric_semi_tragic_at_box_centre():
    """Beyond the scope of the paper's figures: with period-1 mixing allowed,
    asymmetric semi-tragic is Pareto-dominated at the Korea box centre."""
    row = full_scope_rows("korea", n=0, theta=1.0)[0]
    assert row["pure"] == "asymmetric-semi-tragic[B]"
    assert "asymmetric-semi-tragic[B]" not in row["all"]
    assert "semi-separating A[mD]/B[Cm] DC:CC" in row["all"].split("; ")
