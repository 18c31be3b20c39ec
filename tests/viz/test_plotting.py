"""Plotting is split from computing, reuses a given axis, and is deterministic."""

from __future__ import annotations

import io

import matplotlib.pyplot as plt
import numpy as np
import pytest

from trustgame import Params, plot_map, region_map
from trustgame.paper.figures import figure_map
from trustgame.viz import STYLES, axis_label, legend_label, plot_figure, style_for


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


@pytest.mark.parametrize("name, label", [
    ("trust-building", "trust-building"),
    ("mixed-trust-building", "mixed-strategy trust-building"),
    ("tragic", "tragic (white)"),
    ("asymmetric-semi-tragic[A]", "asymmetric semi-tragic (A leads)"),
    ("with period-1 mixing", "equilibria with period-1 mixing"),
    ("unnamed-class", "unnamed-class"),
], ids=["trust-building", "mixed", "tragic", "leader", "mixing-layer", "unnamed"])
def test_legend_label(name, label):
    assert legend_label(name) == label


@pytest.mark.parametrize("name, label", [
    ("pA", "$p_A$ (B's initial trust in A)"),
    ("betaB", r"$\beta_B$ (independence of B's choice)"),
    ("k", "$k$"),
    ("theta", "theta"),
], ids=["pA", "betaB", "k", "alias-axis"])
def test_axis_label(name, label):
    assert axis_label(name) == label


def test_legend_names_every_drawn_equilibrium():
    m = figure_map(2, n=60)
    fig = plot_map(m)
    labels = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert len(labels) == len(m.present())
    plt.close(fig)


def test_figures_are_byte_identical_between_runs():
    assert _png(plot_figure(2, n=80)) == _png(plot_figure(2, n=80))


@pytest.mark.parametrize("theta", [None, 1.0], ids=["default", "explicit"])
def test_plot_figure_draws_the_paper_s_figure_map(theta):
    """``plot_figure`` draws the paper's map (salience 1 by default) with
    the figure's caption; the same picture as drawing that map directly."""
    fig = plot_figure(3, n=40, theta=theta)
    assert fig.axes[0].get_title() == "Figure 3: PBE-ER as A's independence varies"
    direct = plot_map(figure_map(3, theta=1.0, n=40),
                      title="Figure 3: PBE-ER as A's independence varies")
    assert _png(fig) == _png(direct)


def test_plot_figure_passes_salience_on():
    fig = plot_figure(3, n=30, theta=0.7, title="t")
    direct = plot_map(figure_map(3, theta=0.7, n=30), title="t")
    assert _png(fig) == _png(direct)


def test_figure_maps_match_the_paper_s_parameters():
    m = figure_map(3, n=20)
    assert (m.x, m.y) == ("betaA", "pB")
    assert m.base.betaB == 0.7 and m.base.pA == 0.5
    assert np.all((m.xs > 0) & (m.xs < 1))
