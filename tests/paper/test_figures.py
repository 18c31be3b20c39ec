"""The figures' parameters and maps: one way to build a figure's base
(figure_base) and one cached map per specification (figure_map)."""

from __future__ import annotations

import numpy as np
import pytest

from trustgame import Params, region_map
from trustgame.core.errors import ParameterError
from trustgame.paper import FIGURES, figure_base, figure_map, figure_params

FIGS = [pytest.param(n, id=f"figure{n}") for n in (1, 2, 3)]


@pytest.mark.parametrize("number", FIGS)
def test_the_three_ways_to_build_a_base_agree(number):
    """figure_base replaces what FIGURES[n]["base"].replace(...) and
    figure_params(n, theta)["base"] gave."""
    spec = FIGURES[number]
    assert figure_base(number) == spec["base"].replace(thetaA=1.0, thetaB=1.0)
    assert figure_base(number, 0.7) == figure_params(number, 0.7)["base"]
    assert figure_base(number, pB=0.2) == spec["base"].replace(pB=0.2)


def test_figure_bases_state_the_papers_values():
    assert figure_base(1) == Params(H=1.5, L=-0.1, k=0.9)
    assert figure_base(2) == Params(H=1.5, L=-0.1, k=0.9, betaA=0.6, betaB=0.7)
    assert figure_base(3, theta=0.7) == Params(H=1.5, L=-0.1, k=0.9, betaB=0.7, pA=0.5,
                                               thetaA=0.7, thetaB=0.7)


@pytest.mark.parametrize("number", [0, 4, "1"])
def test_unknown_figure_is_rejected(number):
    with pytest.raises(ParameterError, match="figure must be 1, 2 or 3"):
        figure_base(number)
    with pytest.raises(ParameterError, match="figure must be 1, 2 or 3"):
        figure_params(number)


SPECS = [
    pytest.param(1, {}, id="figure1"),
    pytest.param(2, {"dominance": "strict"}, id="figure2-strict"),
    pytest.param(2, {"dominance": "ex-ante", "L": 0.05}, id="figure2-ex-ante-L0.05"),
    pytest.param(3, {"theta": 0.7, "ylim": (0, 0.2)}, id="figure3-theta0.7-zoom"),
    pytest.param(1, {"offpath": "grim", "restrict_to": ("trust-building", "tragic")},
                 id="figure1-grim-named"),
]


@pytest.mark.parametrize("number, kw", SPECS)
def test_figure_map_is_region_map_of_figure_base(number, kw):
    kw = dict(kw)
    theta = kw.pop("theta", 1.0)
    passed = {k: kw.pop(k) for k in ("dominance", "offpath", "restrict_to", "ylim") if k in kw}
    m = figure_map(number, theta=theta, n=30, **passed, **kw)
    spec = FIGURES[number]
    ref = region_map(figure_base(number, theta, **kw), spec["x"], spec["y"], n=30, **passed)
    assert (m.x, m.y, m.names, m.dominance) == (ref.x, ref.y, ref.names, ref.dominance)
    assert np.array_equal(m.exists, ref.exists) and np.array_equal(m.efficient, ref.efficient)


def test_figure_map_is_cached():
    assert figure_map(2, n=20) is figure_map(2, n=20)
    assert figure_map(2, n=20) is not figure_map(2, n=21)


def test_figure_map_defaults_are_a_200_cell_pure_weak_map():
    m = figure_map(1)
    assert m.exists.shape[1:] == (200, 200)
    assert (m.dominance, m.scope, m.offpath) == ("weak", "pure", "free")


@pytest.mark.parametrize("number", FIGS)
def test_figure_map_equals_the_former_plotting_figure_map(number):
    """viz.plotting.figure_map built the base with figure_params(n, None)
    (the model's default salience); the merged one uses theta=1.0."""
    spec = figure_params(number)
    old = region_map(spec["base"], spec["x"], spec["y"], n=40)
    new = figure_map(number, n=40)
    assert old.names == new.names
    assert np.array_equal(old.exists, new.exists) and np.array_equal(old.efficient, new.efficient)


def test_figure_map_needs_hashable_arguments():
    with pytest.raises(TypeError):
        figure_map(1, n=10, restrict_to=["trust-building"])
