"""Equilibria with period-1 mixing (our reconstruction of the paper's
'mixed strategy PBE' reported in its appendices)."""

from __future__ import annotations

import functools
from fractions import Fraction

import pytest

from trustgame import Params, solve, violations
from trustgame.core.semiseparating import MIX_MARGIN, semi_separating_equilibria


def test_a_kydd_style_semi_separating_equilibrium_is_found_and_verifies():
    """At pA = 0.5, pB = 0.3, betaA = 0.1, betaB = 0.7, B's greedy type mixes in
    period 1 so that A's posterior after B's cooperation sits exactly at the
    threshold 0.45, where A's security type is indifferent."""
    sol = solve(Params(pA=0.5, pB=0.3, betaA=0.1, betaB=0.7))
    semi = [e for e in sol.equilibria if e.method == "semi-separating"]
    assert semi
    e = semi[0]
    assert 0 < e.period1[1][1] < 1  # B's greedy type mixes
    assert e.security_belief("CC", "B") == pytest.approx(0.45, abs=1e-9)
    assert violations(e) == []


def test_semi_separating_equilibria_can_survive_the_refinement():
    """Figure 1 note ('These equilibria uniquely survive refinement'): at
    pA = pB = 0.9 an equilibrium with period-1 mixing is not dominated by
    suckers, because greedy types earn more in it."""
    sol = solve(Params(pA=0.9, pB=0.9))
    eff = [e for e, f in zip(sol.equilibria, sol.efficient) if f]
    assert any(e.method == "semi-separating" for e in eff)
    suckers = sol.by_name("suckers")
    other = [e for e in eff if e.method == "semi-separating"][0]
    assert max(other.payoff("A", "greedy"), other.payoff("B", "greedy")) > suckers.payoff("A", "greedy")


def test_no_mixing_equilibria_at_low_trust_in_the_baseline():
    """Section 'The Baseline of Foreign Policy Signaling': at low trust the
    unique PBE is mutual defection, also among equilibria with mixing."""
    sol = solve(Params(pA=0.1, pB=0.1))
    assert sol.names() == ["tragic"]


def test_mixing_probabilities_stay_inside_the_margin():
    for e in semi_separating_equilibria(Params(pA=0.9, pB=0.9).game()):
        for row in e.period1:
            for x in row:
                assert x in (0.0, 1.0) or MIX_MARGIN <= x <= 1 - MIX_MARGIN


def test_exact_games_are_searched_in_exact_arithmetic():
    sol = solve(Params(pA=0.4, pB=0.4).exact())
    assert sol.scope == "all"
    mixed = [e for e in sol.equilibria if e.method == "semi-separating"]
    assert mixed
    assert all(isinstance(x, Fraction) for e in mixed for row in e.period1 for x in row)


def test_needs_two_types_per_state():
    from trustgame import Game, Type

    ts = (Type("a", -0.1, -0.1, 0.3), Type("b", 1.5, 1.5, 0.3), Type("c", 1.5, -0.1, 0.4))
    with pytest.raises(ValueError, match="exactly two types"):
        semi_separating_equilibria(Game(k=0.9, beta=(0, 0), theta=(1, 1), types=(ts, ts)))


GRID_POINTS = [  # (pA, pB, betaA, betaB)
    pytest.param(0.4, 0.4, 0.0, 0.0, id="fig1-moderate"),
    pytest.param(0.9, 0.9, 0.0, 0.0, id="fig1-high"),
    pytest.param(0.5, 0.3, 0.1, 0.7, id="lopsided"),
    pytest.param(0.3, 0.6, 0.6, 0.7, id="fig2"),
]


@functools.cache
def _grid_search():
    import numpy as np

    from trustgame.core.semiseparating import semi_separating_grid

    pts = [p.values for p in GRID_POINTS]
    pa, pb, ba, bb = (np.array(col) for col in zip(*pts))
    out = semi_separating_grid(1.5, -0.1, 0.9, pa, pb, ba, bb, 1.0, 1.0)
    got = {i: set() for i in range(len(pts))}
    for idx, names, payA, payB in out:
        for i, nm, ua, ub in zip(idx, names, payA, payB):
            verts = sorted(tuple(np.round([*x, *y], 7)) for x in ua for y in ub)
            got[int(i)].add((nm, tuple(verts)))
    return got


@pytest.mark.parametrize("pA, pB, betaA, betaB", GRID_POINTS)
def test_grid_search_matches_single_point_search(pA, pB, betaA, betaB):
    """The vectorised search returns the same names and payoffs (at every
    vertex of a family) as the single-point search at every point of a
    small grid."""
    import numpy as np

    i = [p.values for p in GRID_POINTS].index((pA, pB, betaA, betaB))
    sol = solve(Params(pA=pA, pB=pB, betaA=betaA, betaB=betaB))
    ref = {(e.name, (tuple(np.round([*e.payoffs[0], *e.payoffs[1]], 7)),))
           for e in sol.equilibria if e.method == "semi-separating"}
    ref |= {(f.name, tuple(sorted(tuple(np.round(v, 7)) for v in f.payoff_vertices())))
            for f in sol.families}
    assert _grid_search()[i] == ref
