"""Payoffs (Tables 1 and 4), thresholds and parameter validation."""

from __future__ import annotations

import math
from fractions import Fraction

import pytest
import sympy as sp

from trustgame.core.errors import ParameterError
from trustgame.core.model import (
    Game,
    Params,
    Type,
    coop_threshold,
    expected_stage_payoff,
    independence_threshold,
    period2_payoff,
    stage_payoff,
)

H, L, k, beta, e = sp.symbols("H L k beta e")


def test_table1_period2_payoffs_match_the_paper():
    """Table 1: mutual C gives 1, cheated gives -k, cheating gives e, mutual D 0."""
    assert stage_payoff("C", "C", e, 0, k) == 1
    assert stage_payoff("C", "D", e, 0, k) == -k
    assert stage_payoff("D", "C", e, 0, k) == e
    assert stage_payoff("D", "D", e, 0, k) == 0


def test_table4_period1_payoffs_match_the_paper():
    """Table 4: beta - (1 - beta) k when cheated, beta e for mutual defection."""
    assert stage_payoff("C", "C", e, beta, k) == 1
    assert sp.simplify(stage_payoff("C", "D", e, beta, k) - (beta - (1 - beta) * k)) == 0
    assert stage_payoff("D", "C", e, beta, k) == e
    assert sp.simplify(stage_payoff("D", "D", e, beta, k) - beta * e) == 0


PROFILES = [("C", "C"), ("C", "D"), ("D", "C"), ("D", "D")]


@pytest.mark.parametrize("own, other", PROFILES, ids=lambda v: v)
def test_table4_is_a_beta_weighted_mix_of_as_if_cooperated_and_actual(own, other):
    """Reading of Table 4 in MODEL.md: beta * u(own, C) + (1 - beta) * u(own, other)."""
    mix = beta * stage_payoff(own, "C", e, 0, k) + (1 - beta) * stage_payoff(own, other, e, 0, k)
    assert sp.simplify(stage_payoff(own, other, e, beta, k) - mix) == 0


@pytest.mark.parametrize("own", ["C", "D"])
def test_full_independence_makes_period1_payoff_ignore_the_other(own):
    assert stage_payoff(own, "C", e, 1, k) == stage_payoff(own, "D", e, 1, k)


@pytest.mark.parametrize("own, other", PROFILES, ids=lambda v: v)
def test_expected_stage_payoff_is_bilinear_extension(own, other):
    x, y = sp.symbols("x y")
    ex = expected_stage_payoff(x, y, e, beta, k)
    xv, yv = int(own == "C"), int(other == "C")
    assert sp.simplify(ex.subs({x: xv, y: yv}) - stage_payoff(own, other, e, beta, k)) == 0


def test_period2_cooperation_threshold_solves_indifference():
    """Known answer: a type with value e is indifferent at y = k / (1 + k - e)."""
    y = sp.symbols("y")
    sol = sp.solve(sp.Eq(period2_payoff(1, y, e, k), period2_payoff(0, y, e, k)), y)
    assert len(sol) == 1
    assert sp.simplify(sol[0] - coop_threshold(e, k)) == 0


def test_independence_threshold_value_at_figure_parameters():
    """Result 1b: k / (1 + k - L) = 0.45 at H = 1.5, L = -0.1, k = 0.9."""
    assert independence_threshold(Fraction("-0.1"), Fraction("0.9")) == Fraction(9, 20)
    assert Params().threshold == pytest.approx(0.45)


def test_independence_threshold_solves_the_minmax_indifference():
    """Result 1b: beta - (1 - beta) k = beta L at beta = k / (1 + k - L)."""
    b = sp.solve(sp.Eq(stage_payoff("C", "D", L, beta, k), stage_payoff("D", "D", L, beta, k)), beta)
    assert sp.simplify(b[0] - independence_threshold(L, k)) == 0


def test_greedy_types_never_reach_a_period2_threshold():
    assert coop_threshold(1.5, 0.9) == math.inf


@pytest.mark.parametrize(
    "kwargs, fragment",
    [
        ({"H": 1.0}, "H must be greater than 1 (got 1.0)"),
        ({"H": 0.5}, "H must be greater than 1"),
        ({"L": 1.0}, "L must be less than 1 (got 1.0)"),
        ({"L": 2.0}, "L must be less than 1"),
        ({"k": 0.0}, "k must be greater than 0 (got 0.0)"),
        ({"k": -1.0}, "k must be greater than 0"),
        ({"pA": -0.1}, "pA must be a probability in [0, 1]"),
        ({"pB": 1.5}, "pB must be a probability in [0, 1]"),
        ({"betaA": -0.01}, "betaA must lie in [0, 1]"),
        ({"betaB": 1.01}, "betaB must lie in [0, 1]"),
        ({"thetaA": 0.0}, "thetaA must be greater than 0"),
        ({"thetaB": -2.0}, "thetaB must be greater than 0"),
        ({"pA": float("nan")}, "pA must be finite (got nan)"),
        ({"k": float("inf")}, "k must be finite"),
        ({"H": "1.5"}, "H must be a real number"),
        ({"L": True}, "L must be a real number"),
        ({"pB": None}, "pB must be a real number"),
    ],
    ids=lambda v: str(v) if isinstance(v, str) else None,
)
def test_invalid_parameters_raise_parameter_error_naming_rule(kwargs, fragment):
    with pytest.raises(ParameterError) as exc:
        Params(**kwargs)
    assert fragment in str(exc.value)


def test_parameter_error_is_a_value_error():
    assert issubclass(ParameterError, ValueError)


def test_replace_revalidates():
    with pytest.raises(ParameterError, match="pA"):
        Params().replace(pA=2)


def test_boundary_values_are_valid():
    Params(pA=0, pB=1, betaA=0, betaB=1)


def test_exact_converts_decimal_reading():
    p = Params(pA=0.35, k=0.9).exact()
    assert p.pA == Fraction(7, 20) and p.k == Fraction(9, 10) and p.is_exact


def test_with_theta_sets_both_saliences():
    p = Params.with_theta(0.5)
    assert p.thetaA == p.thetaB == 0.5


def test_two_type_game_from_params():
    g = Params(pA=0.3, pB=0.6).game()
    assert [t.name for t in g.types[0]] == ["security", "greedy"]
    assert g.types[0][0].prior == 0.3 and g.types[1][1].prior == pytest.approx(0.4)
    assert g.types[0][0].e1 == g.types[0][0].e2 == -0.1


def test_game_rejects_priors_not_summing_to_one():
    ts = (Type("a", 0, 0, 0.5), Type("b", 2, 2, 0.4))
    with pytest.raises(ParameterError, match="priors of the types of A must sum to 1"):
        Game(k=1, beta=(0, 0), theta=(1, 1), types=(ts, ts))


def test_game_rejects_period2_value_of_one():
    ts = (Type("a", 0, 1, 0.5), Type("b", 2, 2, 0.5))
    with pytest.raises(ParameterError, match="e2 of type 'a' of A must differ from 1"):
        Game(k=1, beta=(0, 0), theta=(1, 1), types=(ts, ts))


def test_game_rejects_bad_prior_and_nan_value():
    bad = (Type("a", 0, 0, 1.2), Type("b", 2, 2, -0.2))
    ok = (Type("a", 0, 0, 0.5), Type("b", 2, 2, 0.5))
    with pytest.raises(ParameterError, match="prior of type 'a' of A"):
        Game(k=1, beta=(0, 0), theta=(1, 1), types=(bad, ok))
    nan = (Type("a", float("nan"), 0, 0.5), Type("b", 2, 2, 0.5))
    with pytest.raises(ParameterError, match="e1 of type 'a' of B must be a finite real"):
        Game(k=1, beta=(0, 0), theta=(1, 1), types=(ok, nan))


def test_resolve_tol_defaults():
    from trustgame.core.tolerances import resolve_tol

    assert resolve_tol(None) == 1e-9
    assert resolve_tol(None, exact=True) == 0
    assert resolve_tol(0.1) == 0.1
