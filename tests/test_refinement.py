"""The efficiency refinement (PBE-ER): weak versus strict Pareto dominance."""

from __future__ import annotations

import pytest

from trustgame import Params, dominates, solve
from trustgame.core.refinement import efficient_mask


@pytest.mark.parametrize(
    "u, v, weak, strict",
    [
        ((1, 2), (1, 1), True, False),
        ((2, 2), (1, 1), True, True),
        ((1, 1), (1, 1), False, False),
        ((2, 0), (1, 1), False, False),
        ((1 + 1e-12, 1), (1, 1), False, False),  # within tolerance: a tie
    ],
)
def test_dominance_notions(u, v, weak, strict):
    assert dominates(u, v, "weak") is weak
    assert dominates(u, v, "strict") is strict
    assert dominates(u, v, "none") is False


def test_unknown_dominance_is_rejected():
    with pytest.raises(ValueError, match="dominance must be one of"):
        dominates((1,), (0,), "pareto")


def test_trust_building_weakly_but_not_strictly_dominates_semi_tragic():
    """Section 'The Strategic Implications of Independence' (Figure 2 note):
    greedy types earn the same in both equilibria, so only the weak order
    removes semi-tragic where trust-building exists."""
    p = Params(pA=0.2, pB=0.2, betaA=0.6, betaB=0.7)
    weak = solve(p, scope="pure")
    strict = solve(p, dominance="strict", scope="pure")
    assert weak.efficient_names() == ["trust-building"]
    assert "semi-tragic" in strict.efficient_names()
    tb, st = weak.by_name("trust-building"), weak.by_name("semi-tragic")
    assert tb.payoff("A", "greedy") == pytest.approx(st.payoff("A", "greedy"))
    assert tb.payoff("A", "security") > st.payoff("A", "security")


def test_mixed_trust_building_is_weakly_dominated_by_semi_tragic_when_L_negative():
    """Table 5 row 'mixed strategy trust-building' (checked, not reproduced at
    L = -0.1): the security-seeker's mixed period-2 payoff is t L < 0."""
    p = Params(pA=0.42, pB=0.42, betaA=0.6, betaB=0.7)
    sol = solve(p, scope="pure")
    assert sol.has("mixed-trust-building") and not sol.has("mixed-trust-building", True)
    m, s = sol.by_name("mixed-trust-building"), sol.by_name("semi-tragic")
    assert m.payoff("A", "security") < s.payoff("A", "security")


def test_refine_none_keeps_everything():
    sol = solve(Params(pA=0.9, pB=0.9), dominance="none", scope="pure")
    assert all(sol.efficient)


def test_zero_prior_types_are_ignored_in_comparisons():
    sol = solve(Params(pA=0.0, pB=0.0), scope="pure")
    mask = efficient_mask(sol.equilibria)
    assert any(mask)
    assert all(len(e.payoff_vector()) == 2 for e in sol.equilibria)
