"""The case chapters' figures are drawn (their data are tested in tests/cases)."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pytest

from trustgame.cases import case_box
from trustgame.viz.case_plots import draw_box, plot_case_map, plot_timeline


def test_case_map_is_drawn_with_the_box():
    fig = plot_case_map("korea", "betaA", "pB", n=30)
    assert len(fig.axes) == 1
    (x0, x1), (y0, y1) = case_box("korea")["betaA"], case_box("korea")["pB"]
    rect = fig.axes[0].patches[-1]
    assert (rect.get_x(), rect.get_y()) == (x0, y0)
    assert rect.get_width() == pytest.approx(x1 - x0) and rect.get_height() == pytest.approx(y1 - y0)
    plt.close(fig)


@pytest.mark.parametrize("key", ["cold-war", "korea"])
def test_timeline_is_drawn(key):
    fig = plot_timeline(key)
    assert len(fig.axes) == 1 and fig.axes[0].get_xlabel() == "year"
    plt.close(fig)


def test_draw_box_on_given_axes():
    fig, ax = plt.subplots()
    patch = draw_box(ax, "cold-war", label=None)
    assert patch in ax.patches and not ax.texts
    plt.close(fig)
