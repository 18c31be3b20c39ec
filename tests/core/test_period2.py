"""The period-2 Bayesian game (Table 1 after a period-1 history)."""

from __future__ import annotations

from fractions import Fraction

import pytest

from trustgame import Game, Params, Type
from trustgame.core.period2 import aggregate, solve_period2

G = Params(H=1.5, L=-0.1, k=0.9).game()  # threshold t = 0.45


def kinds(muA, muB, game=G, tol=None):
    return [c.kind for c in solve_period2(game, muA, muB, tol)]


@pytest.mark.parametrize("q", [0.0, 0.2, 0.45, 0.9, 1.0], ids=lambda q: f"q={q}")
def test_mutual_defection_is_always_an_equilibrium(q):
    assert kinds((q, 1 - q), (q, 1 - q))[0] == "DD"


def test_cooperation_needs_both_posteriors_at_threshold():
    """Known answer: CC iff q_A >= t and q_B >= t; mixed iff both > t."""
    assert kinds((0.9, 0.1), (0.9, 0.1)) == ["DD", "CC", "mixed"]
    assert kinds((0.9, 0.1), (0.44, 0.56)) == ["DD"]
    assert kinds((0.3, 0.7), (1, 0)) == ["DD"]


def test_mixed_probabilities_make_the_other_indifferent():
    c = [c for c in solve_period2(G, (0.9, 0.1), (0.6, 0.4)) if c.kind == "mixed"][0]
    assert c.x[0][0] == pytest.approx(0.45 / 0.9)
    assert c.x[1][0] == pytest.approx(0.45 / 0.6)
    assert c.x[0][1] == c.x[1][1] == 0  # greedy types defect
    assert aggregate((0.9, 0.1), c.x[0]) == pytest.approx(0.45)


def test_knife_edge_posterior_returns_end_points_of_continuum():
    """At q_A = t exactly the mixed equilibrium has x_A = 1 and is flagged."""
    g = Params(H=1.5, L=-0.1, k=0.9).exact().game()
    t = Fraction(9, 20)
    out = solve_period2(g, (t, 1 - t), (Fraction(1), Fraction(0)))
    assert [c.kind for c in out] == ["DD", "CC", "mixed"]
    mixed = out[2]
    assert mixed.x[0][0] == 1 and mixed.x[1][0] == t and mixed.knife_edge


def test_tolerance_changes_the_answer_at_a_boundary():
    """A posterior 1e-7 below the threshold counts as reaching it only with a
    tolerance of at least that size (QuantEcon-style tolerance test)."""
    q = 0.45 - 1e-7
    assert kinds((q, 1 - q), (1, 0)) == ["DD"]
    assert kinds((q, 1 - q), (1, 0), tol=1e-6)[:2] == ["DD", "CC"]


def test_exact_mode_keeps_fractions():
    g = Params().exact().game()
    out = solve_period2(g, (Fraction(1), Fraction(0)), (Fraction(1), Fraction(0)))
    assert all(isinstance(v, (int, Fraction)) for c in out for row in c.x for v in row)


def test_several_security_thresholds_give_partial_cooperation():
    """Two security types with different thresholds: a 'partial' equilibrium
    in which only the more trusting type cooperates can exist."""
    k = 1.0
    types = (Type("s-low", -2.0, -2.0, 0.5), Type("s-high", 0.5, 0.5, 0.5))  # t = 1/4, 2/3
    g = Game(k=k, beta=(0, 0), theta=(1, 1), types=(types, types))
    out = solve_period2(g, (0.5, 0.5), (0.5, 0.5))
    assert "partial" in [c.kind for c in out]
    part = [c for c in out if c.kind == "partial"][0]
    assert part.x[0] == (1, 0) and part.x[1] == (1, 0)
