"""Equilibria with period-1 mixing, families and their refinement, in
exact arithmetic (Fractions, tolerance 0).

The boundary below is derived by hand, not read off the solver.  In the
equilibrium ``semi-separating A[Cm]/B[Cm] CC:CC`` both states' security
types play C in period 1, their greedy types mix, and after (C, C) both
security types cooperate.  With ``beta = 0`` and ``theta = 1``, B's greedy
type gains ``w_A (1 + k - H) - k + H p_A`` by playing C rather than D,
where ``w_A`` is the probability that A plays C (C earns ``1`` or ``-k``
now and ``H`` later from A's cooperating security type; D earns ``H``
now and nothing later).  Indifference gives ``w_A = (k - H p_A) / (1 + k -
H)``, so B's posterior after C is ``q_A = p_A / w_A``, and cooperation
after (C, C) needs ``q_A >= t = k / (1 + k - L)``:

    p_A >= t k / (1 + k - H + t H)        (= 81/215 at H = 3/2, L = -1/10, k = 9/10).

At the bound ``q_A = t`` exactly, and B's security type is indifferent in
period 2 after (C, C): there, and only there, the mixed regime after
(C, C) becomes a family (B's security type may cooperate with any
probability that keeps A's willing).
"""

from __future__ import annotations

from fractions import Fraction as F

import numpy as np
import pytest

from trustgame import Params, solve, violations
from trustgame.core.refinement import refine_with_families, segment_dominated, segment_parts

H, L, K = F(3, 2), F(-1, 10), F(9, 10)
BASE = dict(H=H, L=L, k=K)
T = K / (1 + K - L)
BOUND = T * K / (1 + K - H + T * H)
EQ = "semi-separating A[Cm]/B[Cm] CC:CC"
FAMILY = "semi-separating A[Cm]/B[Cm] CC:mixed"
PB = F(2, 5)  # inside (BOUND, (k - 1 + H) / H) for B as well


def _exact(pA, pB=PB, **kw):
    return solve(Params(**BASE, pA=pA, pB=pB, **kw).exact())


def test_the_hand_derived_bound_is_the_figure_value():
    assert BOUND == F(81, 215)


@pytest.mark.parametrize("offset,exists", [
    pytest.param(0, True, id="at-the-bound"),
    pytest.param(F(-1, 10**6), False, id="a-millionth-below"),
    pytest.param(F(1, 10**6), True, id="a-millionth-above"),
])
def test_a_mixing_equilibrium_exists_at_its_boundary_and_not_beyond(offset, exists):
    assert _exact(BOUND + offset).has(EQ) is exists


def test_the_knife_edge_family_exists_exactly_at_the_boundary():
    sol = _exact(BOUND)
    fams = [f for f in sol.families if f.name == FAMILY]
    assert len(fams) == 1
    # B's posterior on A after (C, C) is the threshold, exactly, at every point
    assert fams[0].belief_ranges()["CC"]["A"] == (T, T)
    assert FAMILY not in [f.name for f in _exact(BOUND + F(1, 10**12)).families]


def test_floating_point_still_reports_the_knife_edge_a_tolerance_away():
    """Why exact arithmetic matters: a trillionth above the bound the
    floating-point search accepts the knife-edge within its tolerance."""
    p = Params(**{k: float(v) for k, v in Params(**BASE, pA=BOUND + F(1, 10**12), pB=PB).as_dict().items()})
    assert FAMILY in [f.name for f in solve(p).families]


POINTS = [  # (pA, pB, betaA, betaB): where the float search meets mixing
    pytest.param((F(2292, 10**4), F(8125, 10**4), 0, 0), id="fig1-interval-family"),
    pytest.param((F(42, 100), F(42, 100), 0, 0), id="fig1-moderate"),
    pytest.param((F(3, 10), F(7, 10), 0, 0), id="fig1-lopsided"),
    pytest.param((F(1, 2), F(3, 10), F(1, 10), F(7, 10)), id="kydd-style"),
]


@pytest.fixture(scope="module", params=POINTS)
def pair(request):
    pA, pB, bA, bB = request.param
    p = Params(**BASE, pA=pA, pB=pB, betaA=F(bA), betaB=F(bB)).exact()
    assert p.is_exact
    return solve(p), solve(Params(**{k: float(v) for k, v in p.as_dict().items()}))


def test_exact_and_floating_point_search_agree_away_from_boundaries(pair):
    ex, fl = pair
    assert ex.scope == fl.scope == "all"
    assert sorted(ex.names()) == sorted(fl.names())
    assert ex.efficient_names() == fl.efficient_names()
    for fe in ex.families:
        ff = next(f for f in fl.families if f.name == fe.name)
        for se, sf in zip(fe.sides, ff.sides):
            got = sorted(map(tuple, np.asarray(se, dtype=float).round(9)))
            assert got == sorted(map(tuple, np.asarray(sf, dtype=float).round(9)))


def test_every_exact_equilibrium_and_family_point_passes_the_exact_check(pair):
    ex, _ = pair
    mixed = [e for e in ex.equilibria if e.method == "semi-separating"]
    for f in ex.families:
        mixed += list(f.vertices) + [f.at()]
    assert mixed
    for e in mixed:
        assert all(isinstance(x, F) for row in e.period1 for x in row)
        assert all(isinstance(u, F) for row in e.payoffs for u in row)
        assert violations(e) == [], e.key  # tolerance 0 for exact games


def test_exact_payoffs_are_linear_along_a_family(pair):
    ex, _ = pair
    for f in ex.families:
        P = f.payoff_vertices()
        w = [F(1, 3), F(2, 3)] if len(f.vertices) == 2 else None
        if w is None:
            continue
        XA, XB = f.sides
        got = f.at(w if len(XA) > 1 else None, w if len(XB) > 1 else None).payoff_vector()
        assert list(got) == list(np.array(w, dtype=object) @ P)


@pytest.mark.parametrize("dominance", ["weak", "strict"])
def test_exact_refinement_agrees_and_keeps_fractions(pair, dominance):
    ex, fl = pair
    out = {}
    for key, sol in (("exact", ex), ("float", fl)):
        mask, parts = refine_with_families(sol.equilibria, sol.families, dominance)
        out[key] = (sorted(e.key for e, m in zip(sol.equilibria, mask) if m),
                    sorted(f.name for f, p in zip(sol.families, parts) if p))
        if key == "exact":
            ends = [t for p in parts for part in p for t in part[2:]]
            assert all(isinstance(t, (int, F)) for t in ends)
    assert out["exact"] == out["float"]


def test_a_family_part_survives_in_exact_arithmetic():
    sol = solve(Params(**BASE, pA=F(2292, 10**4), pB=F(8125, 10**4)).exact(), dominance="strict")
    parts = [part for p in sol.family_parts for part in p]
    assert parts and all(isinstance(t, (int, F)) for part in parts for t in part[2:])


def test_segment_dominated_is_exact_on_fractions():
    lo, hi = segment_dominated(np.array([F(0), F(1)], dtype=object), np.array([F(1), F(-1)], dtype=object),
                               np.array([F(1, 2), F(3, 5)], dtype=object), np.zeros(2, dtype=object), 0)
    assert (lo, hi) == (F(2, 5), F(1, 2))


def test_segment_parts_are_exact_on_fractions():
    a = np.array([F(0), F(2)], dtype=object)
    d = np.array([F(2), F(-2)], dtype=object)
    parts = segment_parts(a, d, [(np.array([F(3, 2), F(3, 2)], dtype=object), np.zeros(2, dtype=object))], 0)
    assert parts == [(0, F(1, 4)), (F(3, 4), 1)]
