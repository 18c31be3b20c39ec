"""Pure period-1 PBE: known answers in the baseline game, naming, exact
boundaries, off-path conventions."""

from __future__ import annotations

from fractions import Fraction

import pytest

from trustgame import Params, solve
from trustgame.core.equilibria import check_profile, pure_equilibria


def names(p, **kw):
    return sorted(solve(p, scope="pure", **kw).names())


def test_baseline_trust_building_conditions_derived_by_hand():
    """Section 'The Baseline of Foreign Policy Signaling' (Figure 1).

    In trust-building with beta = 0 and theta = 1, a security-seeking A
    that cooperates earns pB * (1 + 1) + (1 - pB) * (-k): it is cheated by a
    greedy B in period 1 and gets mutual defection after; defecting earns
    pB * L (it exploits a security-seeking B once, then both defect).  So
    cooperation needs pB * (2 - L + k) >= k, i.e. pB >= k / (2 + k - L)
    = 0.3.  A greedy A that mimicked would earn pB * (1 + H) - (1 - pB) k
    instead of pB * H, so it defects iff pB <= k / (1 + k) = 0.4737.
    """
    lo, hi = 0.9 / 3.0, 0.9 / 1.9
    inside = [lo + 1e-6, 0.35, hi - 1e-6]
    outside = [lo - 1e-6, hi + 1e-6]
    assert ["trust-building" in names(Params(pA=0.35, pB=pb)) for pb in inside] == [True] * 3
    assert ["trust-building" in names(Params(pA=0.35, pB=pb)) for pb in outside] == [False] * 2


def test_figure1_points_have_the_paper_s_equilibria():
    """Figure 1: tragic at low trust, trust-building at moderate, suckers at high."""
    assert solve(Params(pA=0.1, pB=0.1), scope="pure").efficient_names() == ["tragic"]
    assert solve(Params(pA=0.4, pB=0.4), scope="pure").efficient_names() == ["trust-building"]
    assert solve(Params(pA=0.8, pB=0.8), scope="pure").efficient_names() == ["suckers"]


def test_trust_building_payoffs_at_035():
    e = solve(Params(pA=0.35, pB=0.35), scope="pure").by_name("trust-building")
    assert e.payoff("A", "security") == pytest.approx(0.35 * 2 - 0.65 * 0.9)
    assert e.payoff("B", "greedy") == pytest.approx(0.35 * 1.5)


def test_exact_boundary_of_trust_building():
    """At pB = k / (2 + k - L) exactly (rationals, tol 0) the security-seeker is
    indifferent and trust-building exists; one part in 10^12 below, it does not."""
    base = Params(pA=0.35).exact()
    edge = Fraction(9, 10) / (2 + Fraction(9, 10) + Fraction(1, 10))
    assert edge == Fraction(3, 10)
    assert "trust-building" in names(base.replace(pB=edge))
    assert "trust-building" not in names(base.replace(pB=edge - Fraction(1, 10**12)))


def test_tolerance_decides_a_near_boundary_point():
    p = Params(pA=0.35, pB=0.3 - 1e-8)
    assert "trust-building" not in names(p)
    assert "trust-building" in names(p, tol=1e-6)


def test_equilibria_that_differ_only_off_path_are_reported_once():
    eqs = check_profile(Params(pA=0.2, pB=0.2).game(), ("DD", "DD"))
    assert len(eqs) == 1  # one tragic equilibrium, several off-path specifications


def test_offpath_representative_prefers_the_greedy_belief():
    e = solve(Params(pA=0.2, pB=0.2), scope="pure").by_name("tragic")
    # after A's unexpected C the representative belief is 'A is greedy'
    assert e.offpath_beliefs[1][0] == (0, 1)
    assert e.beliefs[1][0] is None  # free in the reported equilibrium


def test_grim_offpath_convention_removes_deterrence_by_mixed_punishment():
    """With L < 0 the worst punishment for a security-seeker is the mixed
    period-2 equilibrium (payoff t L < 0), available only when the deviator
    may be believed a security-seeker."""
    p = Params(pA=0.8, pB=0.8, betaA=0.6, betaB=0.7)
    free = names(p)
    grim = names(p, offpath="grim")
    assert "pool-D/pool-D:CC" in free
    assert set(grim) <= set(free)


def test_unknown_offpath_convention_is_rejected():
    with pytest.raises(ValueError, match="offpath must be one of"):
        pure_equilibria(Params().game(), offpath="optimistic")


def test_names_cover_paper_vocabulary_and_leaders():
    sol = solve(Params(pA=0.5, pB=0.1, betaA=0.1, betaB=0.7), scope="pure")
    e = sol.by_name("asymmetric-semi-tragic")
    assert e.leader == "B" and sol.names() == ["asymmetric-semi-tragic[B]"]


def test_equilibrium_json_shape():
    d = solve(Params(pA=0.35, pB=0.35), scope="pure").to_dict()
    assert set(d) == {"params", "threshold", "dominance", "equilibria", "families"}
    e = d["equilibria"][0]
    assert set(e) == {"name", "leader", "efficient", "period1", "period2", "beliefs", "payoffs"}
    assert set(e["period2"]["A"]["security"]) == {"CC", "CD", "DC", "DD"}
    assert e["beliefs"]["CC"] == {"A": 1.0, "B": 1.0}


def test_boundary_priors_are_handled():
    """At pA = 0 the security type of A never occurs; the enumerator still runs."""
    sol = solve(Params(pA=0.0, pB=0.5), scope="pure")
    assert sol.equilibria and any(sol.efficient)
