"""The efficiency refinement (PBE-ER): weak versus strict Pareto dominance."""

from __future__ import annotations

import numpy as np
import pytest

from trustgame import Params, dominates, solve
from trustgame.core.refinement import DOMINANCE, efficient_mask, exante_vector, refine_arrays


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


# -- the ex-ante reading -------------------------------------------------------

FIG1 = dict(H=1.5, L=-0.1, k=0.9)
FIG2 = dict(H=1.5, L=-0.1, k=0.9, betaA=0.6, betaB=0.7)
FIG3 = dict(H=1.5, L=-0.1, k=0.9, betaB=0.7, pA=0.5)

# What trustgame.audit.exante_efficient (the audit's own ex-ante refinement,
# before "ex-ante" joined DOMINANCE) returned at these points, in the order
# of solve's equilibria.
EXANTE_POINTS = [
    pytest.param(Params(pA=0.42, pB=0.42, **FIG1), "pure",
                 [("trust-building", True), ("tragic", False)], id="fig1-0.42"),
    pytest.param(Params(pA=0.42, pB=0.42, **FIG1), "all",
                 [("trust-building", False), ("tragic", False),
                  ("semi-separating A[Cm]/B[Cm] CC:CC", False),
                  ("semi-separating A[Cm]/B[Cm] CC:mixed", True),
                  ("semi-separating A[mD]/B[mD] CC:CC", False)], id="fig1-0.42-all"),
    pytest.param(Params(pA=0.35, pB=0.35, **FIG2), "pure",
                 [("semi-tragic", False), ("trust-building", True),
                  ("mixed-trust-building", False)], id="fig2-0.35"),
    pytest.param(Params(pA=0.9, pB=0.9, **FIG2), "pure",
                 [("suckers", True), ("pool-C/pool-C:mixed", False), ("semi-tragic", False),
                  ("pool-D/pool-D:CC", False)], id="fig2-0.9"),
    pytest.param(Params(betaA=0.2, pB=0.2, **FIG3), "pure",
                 [("asymmetric-semi-tragic[B]", True)], id="fig3-0.2-0.2"),
    pytest.param(Params(betaA=0.2, pB=0.2, **FIG3), "all",
                 [("asymmetric-semi-tragic[B]", False),
                  ("semi-separating A[CD]/B[Cm] CC:mixed", True)], id="fig3-0.2-0.2-all"),
    pytest.param(Params(betaA=0.6, pB=0.2, **FIG3), "pure",
                 [("semi-tragic", True), ("mixed-trust-building", False)], id="fig3-0.6-0.2"),
    pytest.param(Params(pA=0.35, pB=0.35), "pure",
                 [("trust-building", True), ("tragic", False)], id="default-0.35"),
]


@pytest.mark.parametrize("params, scope, expected", EXANTE_POINTS)
def test_exante_solution_is_the_audits_former_exante_refinement(params, scope, expected):
    sol = solve(params, dominance="ex-ante", scope=scope)
    assert sol.dominance == "ex-ante"
    assert list(zip(sol.names(), sol.efficient)) == expected


@pytest.mark.parametrize("params, scope, expected", EXANTE_POINTS)
def test_exante_mask_is_the_weak_order_on_hand_computed_state_payoffs(params, scope, expected):
    """Independent check: U_s = p_s u_s(security) + (1 - p_s) u_s(greedy),
    then weak Pareto dominance on (U_A, U_B), written out here."""
    sol = solve(params, dominance="none", scope=scope)
    tol = 1e-9
    vec = [(params.pA * e.payoff("A", "security") + (1 - params.pA) * e.payoff("A", "greedy"),
            params.pB * e.payoff("B", "security") + (1 - params.pB) * e.payoff("B", "greedy"))
           for e in sol.equilibria]

    def beats(w, v):
        return all(a >= b - tol for a, b in zip(w, v)) and any(a > b + tol for a, b in zip(w, v))

    hand = [not any(beats(w, v) for j, w in enumerate(vec) if j != i) for i, v in enumerate(vec)]
    assert hand == efficient_mask(sol.equilibria, "ex-ante") == [f for _, f in expected]


def test_exante_vector_weights_types_by_their_priors():
    sol = solve(Params(pA=0.35, pB=0.35), scope="pure")
    tb = sol.by_name("trust-building")
    ua = 0.35 * tb.payoff("A", "security") + 0.65 * tb.payoff("A", "greedy")
    assert exante_vector(tb)[0] == pytest.approx(ua, abs=1e-12)
    assert [round(v, 4) for v in exante_vector(tb)] == [0.3815, 0.3815]


def test_exante_dominance_compares_given_vectors_by_the_weak_order():
    assert dominates((1.0, 2.0), (1.0, 1.0), "ex-ante") is True
    assert dominates((1.0, 1.0), (1.0, 1.0), "ex-ante") is False
    assert "ex-ante" in DOMINANCE


def test_tolerance_decides_a_near_tie():
    u, v = (1.0 + 1e-7, 1.0), (1.0, 1.0)
    assert dominates(u, v) is True             # 1e-7 is beyond the default 1e-9
    assert dominates(u, v, tol=1e-6) is False  # a tie under a looser tolerance


@pytest.mark.parametrize("dominance", ["weak", "strict", "none"])
def test_array_refinement_matches_the_scalar_one(dominance):
    pays = [{("A", "s"): lambda x: x, ("A", "g"): lambda x: 0 * x + 0.5},
            {("A", "s"): lambda x: 1 - x, ("A", "g"): lambda x: 0 * x + 0.5}]
    xs = np.array([0.2, 0.5, 0.7])
    exists = np.ones((2, 3), dtype=bool)
    eff = refine_arrays(exists, pays, (xs,), (3,), dominance)
    scalar = [[not dominates(v[1 - c], v[c], dominance) for c in (0, 1)]
              for v in ([(x, 0.5), (1 - x, 0.5)] for x in xs)]
    assert eff.T.tolist() == scalar


def test_array_exante_refinement_needs_priors():
    exists = np.ones((1, 2), dtype=bool)
    with pytest.raises(ValueError, match="needs priors"):
        refine_arrays(exists, [{("A", "s"): lambda x: x}], (np.zeros(2),), (2,), "ex-ante")
