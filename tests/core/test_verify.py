"""The independent deviation check catches broken equilibria."""

from __future__ import annotations

from dataclasses import replace

import pytest

from trustgame import Params, solve, violations
from trustgame.core.period2 import Continuation


@pytest.fixture(scope="module")
def tb():
    return solve(Params(pA=0.4, pB=0.4), scope="pure").by_name("trust-building")


def test_reported_equilibrium_passes(tb):
    assert violations(tb) == []


def test_detects_a_profitable_period1_deviation(tb):
    bad = replace(tb, period1=((1, 1), tb.period1[1]))  # greedy A now cooperates
    msgs = violations(bad)
    assert any("A/greedy: plays C in period 1 but D pays more" in m for m in msgs)


def test_detects_a_period2_action_that_is_not_a_best_response(tb):
    conts = list(tb.period2)
    conts[0] = Continuation(((1, 1), (1, 0)), "CC")  # greedy A cooperates after CC
    msgs = violations(replace(tb, period2=tuple(conts)))
    assert any("A/greedy: cooperates after CC but D pays more" in m for m in msgs)


def test_detects_beliefs_that_break_bayes_rule(tb):
    beliefs = list(tb.beliefs)
    beliefs[0] = ((0.5, 0.5), beliefs[0][1])
    msgs = violations(replace(tb, beliefs=tuple(beliefs)))
    assert any("breaks Bayes' rule" in m for m in msgs)


def test_detects_a_misreported_payoff(tb):
    msgs = violations(replace(tb, payoffs=((0.0, tb.payoffs[0][1]), tb.payoffs[1])))
    assert any("reported payoff" in m for m in msgs)
