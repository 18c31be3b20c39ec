"""Region maps: closed-form maps agree with per-point enumeration; speed."""

from __future__ import annotations

import time

import numpy as np
import pytest

from trustgame import Params, region_map, region_map_pointwise
from trustgame.analysis.maps import axis_parameters, cell_centres
from trustgame.paper import FIGURES

CASES = [
    pytest.param(FIGURES[1]["base"], "pA", "pB", {}, id="figure1"),
    pytest.param(FIGURES[2]["base"], "pA", "pB", {}, id="figure2"),
    pytest.param(FIGURES[3]["base"], "betaA", "pB", {}, id="figure3"),
    pytest.param(FIGURES[3]["base"].replace(thetaA=0.7, thetaB=0.7), "betaA", "pB", {}, id="figure3-theta0.7"),
    pytest.param(FIGURES[2]["base"], "pA", "pB", {"dominance": "strict"}, id="figure2-strict"),
    pytest.param(FIGURES[2]["base"], "theta", "p", {"xlim": (0.1, 3.0)}, id="theta-p"),
    pytest.param(Params(H=2.5, L=0.3, k=0.4, betaA=0.2, betaB=0.9), "pA", "pB", {}, id="other-payoffs"),
    pytest.param(FIGURES[2]["base"], "pA", "pB", {"offpath": "passive-efficient"}, id="passive-efficient"),
]


@pytest.mark.parametrize("base, x, y, kw", CASES)
def test_fast_map_agrees_with_per_point_enumeration_on_every_cell(base, x, y, kw):
    fast = region_map(base, x, y, n=16, **kw)
    slow = region_map_pointwise(base, x, y, n=16, **kw)
    for i in range(16):
        for j in range(16):
            assert fast.cell_names(i, j) == slow.cell_names(i, j), (i, j)
            assert fast.cell_names(i, j, False) == slow.cell_names(i, j, False), (i, j)


def test_500_by_500_map_takes_under_one_second():
    base = FIGURES[2]["base"]
    region_map(base, "pA", "pB", n=50)  # derive and compile once
    best = min(_timed(lambda: region_map(base, "pA", "pB", n=500)) for _ in range(3))
    assert best < 1.0, f"500 x 500 map took {best:.2f} s"


def _timed(f):
    t = time.perf_counter()
    f()
    return time.perf_counter() - t


def test_maps_are_deterministic():
    a = region_map(FIGURES[1]["base"], n=40)
    b = region_map(FIGURES[1]["base"], n=40)
    assert np.array_equal(a.exists, b.exists) and np.array_equal(a.efficient, b.efficient)


def test_cell_centres_avoid_the_boundary():
    c = cell_centres((0, 1), 500)
    assert c[0] > 0 and c[-1] < 1 and len(c) == 500


def test_axis_aliases_move_both_states():
    m = region_map(FIGURES[2]["base"], "theta", "p", xlim=(0.1, 3), n=5)
    p = m.params_at(0, 4)
    assert p.thetaA == p.thetaB and p.pA == p.pB
    assert axis_parameters("beta") == ("betaA", "betaB")


@pytest.mark.parametrize(
    "kw, msg",
    [
        ({"x": "q"}, "axis parameter must be one of"),
        ({"x": "pA", "y": "pA"}, "must move different parameters"),
        ({"x": "p", "y": "pB"}, "must move different parameters"),
        ({"x": "H", "xlim": (0.5, 2.0)}, "H must be greater than 1"),
        ({"dominance": "pareto"}, "dominance must be one of"),
    ],
)
def test_bad_map_arguments_raise_clear_errors(kw, msg):
    args = {"x": "pA", "y": "pB", "n": 4}
    args.update(kw)
    with pytest.raises(ValueError, match=msg):
        region_map(Params(), **args)


def test_closed_form_map_needs_interior_priors():
    with pytest.raises(ValueError, match="pA must lie strictly between 0 and 1"):
        region_map(Params(pA=0.0), "betaA", "pB", n=4)


def test_restrict_to_limits_the_compared_set():
    m = region_map(FIGURES[2]["base"], n=30, restrict_to=["trust-building", "mixed-trust-building"])
    assert set(m.names) == {"trust-building", "mixed-trust-building"}
    assert m.mask("mixed-trust-building").any()


def test_full_scope_map_agrees_with_per_point_search_including_mixing():
    """scope='all' (vectorised semi-separating search) equals one full
    solve() per cell, names and refinement included."""
    base = FIGURES[1]["base"]
    fast = region_map(base, "pA", "pB", n=4, scope="all")
    slow = region_map_pointwise(base, "pA", "pB", n=4, scope="all")
    for i in range(4):
        for j in range(4):
            assert fast.cell_names(i, j) == slow.cell_names(i, j), (i, j)
            assert fast.cell_names(i, j, False) == slow.cell_names(i, j, False), (i, j)


def test_full_scope_needs_free_offpath_beliefs():
    with pytest.raises(ValueError, match="scope='all' needs offpath='free'"):
        region_map(Params(), n=4, scope="all", offpath="grim")
