"""Families of equilibria with period-1 mixing, reported and refined whole."""

from __future__ import annotations

import numpy as np
import pytest

from trustgame import Params, region_map, solve, violations
from trustgame.core.refinement import refine_candidates, refine_with_families, segment_parts
from trustgame.core.tolerances import DEFAULT_TOL

FIG1 = Params(H=1.5, L=-0.1, k=0.9, betaA=0.0, betaB=0.0)

#: Points of Figure 1 where the search meets families: intervals (one
#: state's unknowns on a segment) and polygons (a triangle, a quadrilateral).
POINTS = [
    pytest.param((0.2292, 0.8125), id="interval"),
    pytest.param((0.945, 0.725), id="triangle"),
    pytest.param((0.945, 0.965), id="quadrilateral"),
]


@pytest.fixture(scope="module", params=POINTS)
def sol(request):
    pA, pB = request.param
    return solve(FIG1.replace(pA=pA, pB=pB))


def test_every_point_of_a_family_is_an_equilibrium(sol):
    """Vertices and interior points pass the independent deviation check."""
    assert sol.families
    for f in sol.families:
        for v in f.vertices:
            assert violations(v) == []
        assert violations(f.at()) == []  # the centroid


def test_payoffs_are_linear_along_a_family(sol):
    for f in sol.families:
        P = f.payoff_vertices()
        nv = len(f.vertices)
        w = np.linspace(1, 2, nv) / np.linspace(1, 2, nv).sum()
        XA, XB = f.sides
        wA = w if len(XA) > 1 else None
        wB = w if len(XB) > 1 else None
        got = np.array(f.at(wA, wB).payoff_vector())
        assert got == pytest.approx(w @ P, abs=1e-9)


def test_the_payoff_map_gives_the_vertex_payoffs(sol):
    for f in sol.families:
        XA, XB = (np.asarray(X) for X in f.sides)
        (MA, cA), (MB, cB) = f.payoff_map
        for iA, xa in enumerate(XA):
            for iB, xb in enumerate(XB):
                v = f.vertices[iA * len(XB) + iB]
                assert MA @ xb + cA == pytest.approx(v.payoffs[0], abs=1e-9)
                assert MB @ xa + cB == pytest.approx(v.payoffs[1], abs=1e-9)


def test_one_state_varies_in_every_family_met(sol):
    for f in sol.families:
        assert min(len(X) for X in f.sides) == 1
        assert 1 <= f.dimension <= max(len(X) for X in f.sides) - 1


def test_surviving_parts_are_undominated(sol):
    """A point of a surviving part is dominated by no isolated equilibrium
    and by no vertex of any family."""
    others = [np.array(e.payoff_vector()) for e in sol.equilibria]
    others += [v for f in sol.families for v in f.payoff_vertices()]
    for f, parts in zip(sol.families, sol.family_parts):
        for i, j, t0, t1 in parts:
            u = np.array(f.edge_point(i, j, (t0 + t1) / 2).payoff_vector())
            for w in others:
                assert not (np.all(w >= u - DEFAULT_TOL) and np.any(w > u + 1e-7))


def test_the_map_agrees_with_solve_where_polygons_occur():
    m = region_map(FIG1, "pA", "pB", xlim=(0.94, 0.95), ylim=(0.6, 1.0), n=(1, 5), scope="all")
    for i in range(5):
        s = solve(m.params_at(i, 0))
        assert m.cell_names(i, 0) == s.efficient_names()
        assert m.cell_names(i, 0, efficient=False) == sorted(set(s.names()))


def test_an_interior_point_can_remove_what_no_end_point_removes():
    """Payoffs are linear along a family: its middle can dominate an
    equilibrium that neither end point dominates."""
    a, d = np.array([0.0, 2.0]), np.array([2.0, -2.0])  # from (0, 2) to (2, 0)
    point = np.array([0.9, 0.9])
    rows = np.array([[*a], [*point]]), np.array([[*d], [0.0, 0.0]])
    keep = refine_candidates(np.array([0, 0]), rows[0], rows[1], DEFAULT_TOL)
    assert keep.tolist() == [True, False]
    # the end points alone would not remove it
    ends = np.array([a, a + d, point])
    keep = refine_candidates(np.zeros(3, int), ends, np.zeros_like(ends), DEFAULT_TOL)
    assert keep.tolist() == [True, True, True]


def test_part_of_a_family_survives_when_its_end_points_do_not():
    a, d = np.array([0.0, 2.0]), np.array([2.0, -2.0])
    others = [(np.array([0.5, 2.1]), np.zeros(2)), (np.array([2.1, 0.5]), np.zeros(2))]
    parts = segment_parts(a, d, others, DEFAULT_TOL)
    assert len(parts) == 1
    t0, t1 = parts[0]
    assert t0 == pytest.approx(0.25) and t1 == pytest.approx(0.75)


def test_a_family_whose_payoffs_all_rise_keeps_only_its_top():
    parts = segment_parts(np.zeros(2), np.ones(2), [], DEFAULT_TOL)
    assert parts == [(1.0, 1.0)]


def test_families_with_the_same_payoffs_do_not_remove_each_other():
    a, d = np.array([0.0, 2.0]), np.array([2.0, -2.0])
    keep = refine_candidates(np.zeros(2, int), np.array([a, a + d]), np.array([d, -d]), DEFAULT_TOL)
    assert keep.tolist() == [True, True]


def test_a_tie_with_one_point_of_a_family_is_not_dominance():
    a, d = np.array([0.0, 2.0]), np.array([2.0, -2.0])
    keep = refine_candidates(np.zeros(2, int), np.array([a, [1.0, 1.0]]),
                             np.array([d, [0.0, 0.0]]), DEFAULT_TOL)
    assert keep.tolist() == [True, True]


@pytest.mark.parametrize("dominance", ["weak", "strict", "ex-ante", "none"])
def test_refinement_with_families_runs_under_every_dominance(sol, dominance):
    mask, parts = refine_with_families(sol.equilibria, sol.families, dominance)
    assert len(mask) == len(sol.equilibria) and len(parts) == len(sol.families)
    if dominance == "none":
        assert all(mask) and all(parts)


def test_families_appear_in_the_json(sol):
    d = sol.to_dict()
    assert len(d["families"]) == len(sol.families)
    f = d["families"][0]
    assert list(f) == ["name", "dimension", "efficient", "surviving", "variables", "polytopes",
                       "payoff_map", "beliefs", "vertices"]
    assert len(f["vertices"]) == len(sol.families[0].vertices)


@pytest.mark.parametrize("bad", [[0.5], [-0.5, 1.5], [0.2, 0.2]], ids=["length", "negative", "sum"])
def test_bad_weights_are_refused(bad):
    f = solve(FIG1.replace(pA=0.2292, pB=0.8125)).families[0]
    XA, XB = f.sides
    with pytest.raises(ValueError, match="weights must be"):
        f.at(bad if len(XA) > 1 else None, bad if len(XB) > 1 else None)
