"""Region maps: closed-form maps agree with per-point enumeration; speed."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import numpy as np
import pytest

from trustgame import Params, region_map, region_map_pointwise
from trustgame.analysis.maps import axis_parameters, cell_centres
from trustgame.paper import FIGURES, figure_base

CASES = [
    pytest.param(figure_base(1), "pA", "pB", {}, id="figure1"),
    pytest.param(figure_base(2), "pA", "pB", {}, id="figure2"),
    pytest.param(figure_base(3), "betaA", "pB", {}, id="figure3"),
    pytest.param(figure_base(3, 0.7), "betaA", "pB", {}, id="figure3-theta0.7"),
    pytest.param(figure_base(2), "pA", "pB", {"dominance": "strict"}, id="figure2-strict"),
    pytest.param(figure_base(2), "theta", "p", {"xlim": (0.1, 3.0)}, id="theta-p"),
    pytest.param(Params(H=2.5, L=0.3, k=0.4, betaA=0.2, betaB=0.9), "pA", "pB", {}, id="other-payoffs"),
    pytest.param(figure_base(2), "pA", "pB", {"offpath": "passive-efficient"}, id="passive-efficient"),
    pytest.param(figure_base(1), "pA", "pB", {"dominance": "ex-ante"}, id="figure1-ex-ante"),
    pytest.param(figure_base(2), "pA", "pB", {"dominance": "ex-ante"}, id="figure2-ex-ante"),
    pytest.param(figure_base(3), "betaA", "pB", {"dominance": "ex-ante"}, id="figure3-ex-ante"),
]


@pytest.mark.parametrize("base, x, y, kw", CASES)
def test_fast_map_agrees_with_per_point_enumeration_on_every_cell(base, x, y, kw):
    fast = region_map(base, x, y, n=16, **kw)
    slow = region_map_pointwise(base, x, y, n=16, **kw)
    for i in range(16):
        for j in range(16):
            assert fast.cell_names(i, j) == slow.cell_names(i, j), (i, j)
            assert fast.cell_names(i, j, False) == slow.cell_names(i, j, False), (i, j)


def test_maps_are_deterministic():
    a = region_map(figure_base(1), n=40)
    b = region_map(figure_base(1), n=40)
    assert np.array_equal(a.exists, b.exists) and np.array_equal(a.efficient, b.efficient)


def test_cell_centres_avoid_the_boundary():
    c = cell_centres((0, 1), 500)
    assert c[0] > 0 and c[-1] < 1 and len(c) == 500


def test_axis_aliases_move_both_states():
    m = region_map(figure_base(2), "theta", "p", xlim=(0.1, 3), n=5)
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
    m = region_map(figure_base(2), n=30, restrict_to=["trust-building", "mixed-trust-building"])
    assert set(m.names) == {"trust-building", "mixed-trust-building"}
    assert m.mask("mixed-trust-building").any()


def test_full_scope_map_agrees_with_per_point_search_including_mixing():
    """scope='all' (vectorised semi-separating search) equals one full
    solve() per cell, names and refinement included."""
    base = figure_base(1)
    fast = region_map(base, "pA", "pB", n=4, scope="all")
    slow = region_map_pointwise(base, "pA", "pB", n=4, scope="all")
    for i in range(4):
        for j in range(4):
            assert fast.cell_names(i, j) == slow.cell_names(i, j), (i, j)
            assert fast.cell_names(i, j, False) == slow.cell_names(i, j, False), (i, j)


def test_full_scope_needs_free_offpath_beliefs():
    with pytest.raises(ValueError, match="scope='all' needs offpath='free'"):
        region_map(Params(), n=4, scope="all", offpath="grim")


@dataclass(frozen=True)
class ExAnteCase:
    """An ex-ante map and what ``trustgame.audit.exante_map`` (the audit's
    own ex-ante refinement, before ``region_map`` took ``dominance="ex-ante"``)
    gave for it: a digest of names, ``exists`` and ``efficient``, and counts."""

    label: str
    figure: int
    n: int
    kw: tuple
    digest: str
    efficient_cells: int
    exists_cells: int
    present: tuple


def _digest(m):
    h = hashlib.sha256()
    h.update(repr(m.names).encode())
    h.update(np.packbits(m.exists).tobytes())
    h.update(np.packbits(m.efficient).tobytes())
    return h.hexdigest()[:16]


EXANTE_CASES = [
    ExAnteCase("figure1", 1, 60, (), "9910d8edc48bd13a", 3600, 9629,
               ("trust-building", "suckers", "tragic")),
    ExAnteCase("figure2", 2, 60, (), "f7ab454e982f599e", 3600, 8947,
               ("trust-building", "semi-tragic", "suckers")),
    ExAnteCase("figure3", 3, 50, (), "c0afa7e21ca7dd13", 2500, 6940,
               ("semi-tragic", "suckers", "asymmetric-semi-tragic[B]")),
    ExAnteCase("figure2-L0.05", 2, 60, (("L", 0.05),), "0e37885cbb2c6c32", 3600, 8653,
               ("trust-building", "mixed-trust-building", "semi-tragic", "suckers")),
    ExAnteCase("figure1-grim", 1, 40, (("offpath", "grim"),), "ef9c9695270e734c", 1600, 4294,
               ("trust-building", "suckers", "tragic")),
    ExAnteCase("figure2-named", 2, 40, (("restrict_to", FIGURES[2]["paper_names"]),),
               "df9b0d23feb0183a", 1600, 3316, ("trust-building", "semi-tragic", "suckers")),
]


@pytest.mark.parametrize("case", EXANTE_CASES, ids=lambda c: c.label)
def test_exante_map_is_the_audits_former_exante_map(case):
    kw = dict(case.kw)
    params = {k: kw.pop(k) for k in list(kw) if k not in ("offpath", "restrict_to")}
    spec = FIGURES[case.figure]
    m = region_map(figure_base(case.figure, **params), spec["x"], spec["y"], n=case.n,
                   dominance="ex-ante", **kw)
    assert m.dominance == "ex-ante"
    assert int(m.efficient.sum()) == case.efficient_cells
    assert int(m.exists.sum()) == case.exists_cells
    assert tuple(m.present()) == case.present
    assert _digest(m) == case.digest


def test_exante_map_keeps_the_existence_of_the_unrefined_map():
    base = figure_base(2)
    ex = region_map(base, n=50, dominance="ex-ante")
    none = region_map(base, n=50, dominance="none")
    assert ex.names == none.names and np.array_equal(ex.exists, none.exists)
    assert not np.array_equal(ex.efficient, none.efficient)


def test_full_scope_exante_map_agrees_with_per_point_search():
    base = figure_base(2)
    fast = region_map(base, "pA", "pB", n=3, scope="all", dominance="ex-ante")
    slow = region_map_pointwise(base, "pA", "pB", n=3, scope="all", dominance="ex-ante")
    cells = [(i, j) for i in range(3) for j in range(3)]
    assert [fast.cell_names(i, j) for i, j in cells] == [slow.cell_names(i, j) for i, j in cells]
