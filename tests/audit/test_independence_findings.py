"""Computed findings on the paper's Table 5 and figure notes that differ
from, or qualify, the paper's statements.

Each test pins a computed fact that the book reports (chapters "The
baseline two-period model" and "Payoff independence"), so that the book's
prose fails loudly if the solver's answer changes.
"""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

from trustgame import region_map, solve, violations
from trustgame.analysis.conditions import class_info, named_condition
from trustgame.analysis.thresholds import (
    SYMBOLS,
    incentive,
    linear_bound,
    offpath_branches,
    sign_under_restrictions,
)
from trustgame.core.model import coop_threshold
from trustgame.paper import FIGURE_PARAMS, FIGURES

H, L, k = SYMBOLS["H"], SYMBOLS["L"], SYMBOLS["k"]
pB, betaA, betaB, thetaA = SYMBOLS["pB"], SYMBOLS["betaA"], SYMBOLS["betaB"], SYMBOLS["thetaA"]


@pytest.fixture(scope="module")
def fig1():
    return region_map(FIGURES[1]["base"], "pA", "pB", n=300)


@pytest.fixture(scope="module")
def fig2():
    return region_map(FIGURES[2]["base"], "pA", "pB", n=200)


def test_figure1_trust_building_and_tragic_both_survive_on_a_sliver(fig1):
    """Figure 1 note (section 'The Baseline of Foreign Policy Signaling')
    says the plotted PBE-ER are unique; with L < 0 trust-building and tragic
    both survive where the lower trust level is in [k/(2+k-L), k/(2+k))."""
    base = FIGURES[1]["base"]
    X, Y = np.meshgrid(fig1.xs, fig1.ys)
    both = fig1.mask("trust-building") & fig1.mask("tragic")
    sliver = fig1.mask("trust-building", efficient=False) & (
        np.minimum(X, Y) < base.k / (2 + base.k))
    assert both.any() and (both == sliver).all()
    assert (fig1.count()[~both] == 1).all()


def test_suckers_unchanged_by_independence(fig1, fig2):
    """Table 5, row Suckers ('no change'), section 'The Strategic
    Implications of Independence for Trust-Building'."""
    assert not ({betaA, betaB} & named_condition("suckers").free_symbols)
    m1 = region_map(FIGURES[1]["base"], "pA", "pB", n=200)
    assert (m1.mask("suckers", False) == fig2.mask("suckers", False)).all()


def test_mixed_trust_building_exists_but_is_never_efficient_at_figure2(fig2):
    """Table 5, row Mixed strategy trust-building, and Figure 2: the
    equilibrium exists but with L < 0 semi-tragic weakly dominates it, so it
    is never a PBE-ER (the paper shows it as one)."""
    assert fig2.mask("mixed-trust-building", efficient=False).any()
    assert not fig2.mask("mixed-trust-building").any()
    assert not (fig2.mask("mixed-trust-building", False) & ~fig2.mask("semi-tragic", False)).any()


def test_mixed_trust_building_payoff_gap_is_theta_p_t_L():
    """Why mixed trust-building is dominated: security-seekers earn
    theta * p * t * L less than in semi-tragic, greedy types the same."""
    mixed = class_info("separating", "separating", "mixed")
    semi = class_info("separating", "separating", "DD")
    gap = sp.simplify(mixed.payoffs[("A", "security")] - semi.payoffs[("A", "security")]
                      - thetaA * pB * coop_threshold(L, k) * L)
    assert gap == 0
    assert sp.simplify(mixed.payoffs[("A", "greedy")] - semi.payoffs[("A", "greedy")]) == 0


def test_mixed_trust_building_is_efficient_when_L_positive():
    """With L > 0 the mixing security-seeker earns t*L > 0 and mixed
    trust-building can survive the refinement."""
    m = region_map(FIGURES[2]["base"].replace(L=0.1), "pA", "pB", n=100)
    assert m.mask("mixed-trust-building").any()


def test_pool_d_cc_cosurvives_with_suckers_in_figure2(fig2):
    """Figure 2 note says PBE-ER are unique; pool-D/pool-D:CC co-survives
    with suckers in the top-right corner because greedy B gains
    beta_B * H - 1 > 0 from it."""
    top = fig2.mask("pool-D/pool-D:CC")
    assert top.any() and fig2.mask("suckers")[top].all()
    sol = solve(FIGURES[2]["base"].replace(pA=0.9, pB=0.9), scope="pure")
    assert set(sol.efficient_names()) == {"suckers", "pool-D/pool-D:CC"}


def test_tragic_band_bound_solved_from_the_mixed_branch():
    """Table 5, row Tragic: with free off-path beliefs a security-seeker is
    deterred from cooperating alone up to beta = t (1 - theta L/(1+k-L))."""
    br = offpath_branches(incentive("tragic", "A", "security and greedy"))
    atoms = [a for a in br["mixed"].args
             if betaA in a.free_symbols and L in a.free_symbols and H not in a.free_symbols]
    b = linear_bound(atoms[0], "betaA")
    t = k / (1 + k - L)
    assert b.kind == "upper" and sp.simplify(b.bound - t * (1 - thetaA * L / (1 + k - L))) == 0
    assert sign_under_restrictions((b.bound - t).subs(L, -sp.Symbol("l", positive=True))) == 1


def test_tragic_remains_a_pbe_just_above_the_threshold():
    """Table 5, row Tragic (section 'The Strategic Implications of
    Independence for Trust-Building') says tragic cannot be supported, even
    without refinement, once either side meets the threshold.  With free
    off-path beliefs it can, for beta in (0.45, 0.4725] at the figure
    values; with the deviator believed greedy it cannot."""
    p = FIGURE_PARAMS.replace(betaA=0.47, betaB=0.47, pA=0.7, pB=0.7)
    tragic = solve(p, dominance="none", scope="pure").by_name("tragic")
    assert violations(tragic) == []
    grim = solve(p, dominance="none", scope="pure", offpath="grim")
    assert not grim.has("tragic")
    above_band = solve(p.replace(betaA=0.48), dominance="none", scope="pure")
    assert not above_band.has("tragic")


def test_tragic_can_be_efficient_just_above_the_threshold_one_sided():
    """With beta_A = 0.47 (above the threshold) and beta_B = 0, tragic
    survives the refinement on part of the map."""
    m = region_map(FIGURE_PARAMS.replace(betaA=0.47, betaB=0.0), "pA", "pB", n=100)
    assert m.mask("tragic").any()
    assert not region_map(FIGURE_PARAMS.replace(betaA=0.47, betaB=0.0), "pA", "pB", n=100,
                          offpath="grim").mask("tragic", efficient=False).any()


def test_figure3_at_theta_one_has_no_asymmetric_trust_building():
    """Figure 3 (section 'The Strategic Implications of Independence for
    Trust-Building') at theta = 1: asymmetric semi-tragic appears, asymmetric
    trust-building does not."""
    m = region_map(FIGURES[3]["base"], "betaA", "pB", n=100)
    assert m.mask("asymmetric-semi-tragic[B]").any()
    assert not m.mask("asymmetric-trust-building[B]", efficient=False).any()
