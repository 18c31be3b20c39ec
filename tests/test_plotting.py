"""Plotting is split from computing, reuses a given axis, and is deterministic."""

from __future__ import annotations

import io

import matplotlib.pyplot as plt
import numpy as np

from trustgame import Params, plot_map, region_map
from trustgame.viz.plotting import STYLES, figure_map, plot_figure, style_for


def _png(fig):
    buf = io.BytesIO()
    fig.savefig(buf, format="png", metadata={"Software": None})
    plt.close(fig)
    return buf.getvalue()


def test_plot_map_returns_the_figure_of_a_given_axis():
    fig, ax = plt.subplots()
    out = plot_map(region_map(Params(), n=30), ax=ax)
    assert out is fig
    plt.close(fig)


def test_every_paper_equilibrium_has_the_paper_s_style():
    assert STYLES["trust-building"]["fill"] == "#8b0000" and STYLES["trust-building"]["ls"] == "-"
    assert STYLES["suckers"]["ls"] == "--"
    assert STYLES["semi-tragic"]["dots"]
    assert STYLES["asymmetric-trust-building"]["hatch"] == "////"
    assert STYLES["asymmetric-semi-tragic"]["hatch"] == "xxxx"
    assert style_for("asymmetric-trust-building[B]") is STYLES["asymmetric-trust-building"]


def test_legend_names_every_drawn_equilibrium():
    m = figure_map(2, n=60)
    fig = plot_map(m)
    labels = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert len(labels) == len(m.present())
    plt.close(fig)


def test_figures_are_byte_identical_between_runs():
    assert _png(plot_figure(2, n=80)) == _png(plot_figure(2, n=80))


def test_figure_maps_match_the_paper_s_parameters():
    m = figure_map(3, n=20)
    assert (m.x, m.y) == ("betaA", "pB")
    assert m.base.betaB == 0.7 and m.base.pA == 0.5
    assert np.all((m.xs > 0) & (m.xs < 1))
