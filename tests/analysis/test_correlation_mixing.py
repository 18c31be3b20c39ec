"""Period-1 mixing with more than two types per state
(:mod:`trustgame.analysis.correlation_mixing`)."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

from trustgame.analysis.correlation import correlation_game, min_rho, trust_building
from trustgame.analysis.correlation_mixing import (
    MIX_MARGIN,
    compare_family,
    hardline_extra_gain,
    mixing_families,
    support_patterns,
)
from trustgame.core.equilibria import pure_equilibria
from trustgame.core.model import Game, Type
from trustgame.core.semiseparating import semi_separating_equilibria
from trustgame.core.verify import violations
from trustgame.paper import FIGURE_PARAMS

IND = FIGURE_PARAMS.replace(betaA=0.6, betaB=0.7)
Q_GAIN = 0.9 / 1.9   # posterior k / (1 + k) at the figure values


def _pattern(period1):
    return "".join("M" if 0 < x < 1 else ("C" if x == 1 else "D") for x in period1)


def test_hardline_extra_gain_is_the_period1_formula():
    w, lo, hi, beta, k = sp.symbols("w lo hi beta k", real=True)
    assert sp.expand(hardline_extra_gain(lo, hi, w, beta, k) - (hi - lo) * (w + beta * (1 - w))) == 0


@pytest.mark.parametrize("beta, expected", [pytest.param(0.6, 25, id="beta-positive"),
                                            pytest.param(0.0, 81, id="beta-zero")])
def test_support_patterns_follow_the_hardline_order(beta, expected):
    game = correlation_game(IND.replace(betaA=beta), 0.5)
    pats = support_patterns(game, 0)
    assert len(pats) == expected
    if beta > 0:
        rank = {"C": 0, "M": 1, "D": 2}
        for pat in pats:   # reform before hardline, same motive: (0, 1) and (2, 3)
            for r, h in ((0, 1), (2, 3)):
                assert rank[pat[r]] <= rank[pat[h]] and not pat[r] == pat[h] == "M"


@pytest.mark.parametrize("params", [
    pytest.param(FIGURE_PARAMS.replace(pA=0.4, pB=0.4), id="fig1-p0.4"),
    pytest.param(IND.replace(pA=0.5, pB=0.6), id="fig2-p0.5-0.6", marks=pytest.mark.slow),
    pytest.param(IND.replace(pA=0.4, pB=0.4), id="fig2-p0.4"),
])
def test_two_type_game_contains_the_core_search(params):
    game = params.game()
    fams = mixing_families(game)
    found = {(f.patterns, tuple(f.regimes.items())) for f in fams}
    core = semi_separating_equilibria(game)
    assert core
    for e in core:
        key = (tuple(_pattern(e.period1[s]) for s in (0, 1)), tuple(e.info["regimes"].items()))
        assert key in found
    for f in fams:
        eq = f.equilibrium()
        assert violations(eq) == []
        # the affine payoff maps agree with the core's interim payoffs
        xs = (f.point(0), f.point(1))
        assert np.allclose(np.concatenate(f.payoffs_at(*xs)), eq.payoff_vector(), atol=1e-9)
        assert all(MIX_MARGIN <= x <= 1 - MIX_MARGIN for p in eq.period1 for x in p if 0 < x < 1)


def test_compare_family_against_shifted_payoffs():
    fam = mixing_families(IND.replace(pA=0.5, pB=0.6).game())[0]
    u = np.array(fam.equilibrium().payoff_vector())
    below, above = compare_family(fam, u - 1.0), compare_family(fam, u + 1.0)
    assert below.dominates and not below.dominated
    assert above.dominated and not above.dominates
    level = compare_family(fam, u)
    assert level.best_gain >= -1e-9 and not level.dominated


@pytest.mark.parametrize("bad, message", [
    pytest.param("zero-prior", "positive prior", id="zero-prior"),
    pytest.param("two-security-values", "one common e2", id="two-security-values"),
])
def test_unsupported_type_spaces_are_refused(bad, message):
    if bad == "zero-prior":
        game = correlation_game(IND.replace(pA=0.3, pB=0.3), 1.0, drop_empty=False)
    else:
        ts = (Type("s1", -0.1, -0.1, 0.3), Type("s2", -0.1, -0.3, 0.3), Type("g", 1.5, 1.5, 0.4))
        game = Game(0.9, (0.6, 0.7), (1, 1), (ts, ts))
    with pytest.raises(ValueError, match=message):
        mixing_families(game)


@pytest.mark.slow
def test_four_type_game_near_perfect_correlation_has_the_two_type_mixing():
    base = IND.replace(pA=0.4, pB=0.4)
    four = mixing_families(correlation_game(base, 0.999))
    two = semi_separating_equilibria(base.game())
    assert [f.patterns for f in four] == [("CDCM", "CDCM")] and len(two) == 1
    assert abs(four[0].equilibrium().period1[0][3] - two[0].period1[0][1]) < 0.01
    assert violations(four[0].equilibrium()) == []


@pytest.mark.slow
@pytest.mark.parametrize("p, which", [
    pytest.param(0.1, "min", id="p0.1-rho-min"),
    pytest.param(0.3, "gain", id="p0.3-rho-gain"),
])
def test_no_mixing_at_the_chapter_refinement_points(p, which):
    base = IND.replace(pA=p, pB=p)
    r_min = min_rho(base)
    r_gain = max(r_min, (Q_GAIN - p) / (p + Q_GAIN - 2 * p * Q_GAIN))
    rho = (r_min if which == "min" else r_gain) + 0.005
    assert trust_building(base, rho) is not None
    assert mixing_families(correlation_game(base, rho)) == []


@pytest.mark.slow
def test_mixing_above_the_table_survives_beside_trust_building():
    base = IND.replace(pA=0.4, pB=0.4)
    game = correlation_game(base, 0.8)
    fams = mixing_families(game)
    tb = trust_building(base, 0.8).payoff_vector()
    assert fams and not any(compare_family(f, tb).dominates for f in fams)
    weights = [0.01, 0.01, 0.01, 1.0] * 2
    best = max(f.maximise(weights)[0] for f in fams)
    assert best > max(np.dot(weights, e.payoff_vector()) for e in pure_equilibria(game)) + 1e-6
    for f in fams:
        assert violations(f.equilibrium()) == []
