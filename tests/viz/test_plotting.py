"""Plotting is split from computing, reuses a given axis, and is deterministic."""

from __future__ import annotations

import io

import matplotlib.pyplot as plt
import numpy as np
import pytest

from trustgame import Params, plot_map, region_map
from trustgame.paper.figures import figure_map
from trustgame.viz import STYLES, axis_label, legend_label, overlap_entries, plot_figure, style_for


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
    ("theta", r"$\theta$ (salience of period 2 for both states)"),
    ("p", "$p_A = p_B$ (initial trust in each state)"),
    ("other", "other"),
], ids=["pA", "betaB", "k", "theta-axis", "p-axis", "unknown"])
def test_axis_label(name, label):
    assert axis_label(name) == label


def test_legend_names_every_drawn_equilibrium():
    m = figure_map(2, n=60)
    fig = plot_map(m)
    labels = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert set(labels[:len(m.present())]) == {legend_label(n) for n in m.present()}
    assert len(labels) == len(m.present()) + len(overlap_entries(m))
    plt.close(fig)


@pytest.mark.parametrize("number, theta, expected", [
    (1, 1.0, []),
    (3, 0.7, ["trust-building and suckers"]),
], ids=["figure1-no-overlap", "figure3-theta0.7"])
def test_every_overlap_of_fills_has_a_legend_entry(number, theta, expected):
    m = figure_map(number, theta=theta, n=60)
    fig = plot_map(m)
    labels = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert [lab for lab, _ in overlap_entries(m)] == expected
    assert all(lab in labels for lab in expected)
    plt.close(fig)


def test_overlap_colour_is_the_colour_drawn_on_the_map():
    """The legend patch of an overlap has the colour the map shows in a
    cell where both fills are drawn."""
    m = figure_map(3, theta=0.7, n=60)
    both = m.mask("trust-building") & m.mask("suckers")
    i, j = map(int, np.argwhere(both)[0])
    (label, rgb), = overlap_entries(m)
    fig = plot_map(m, legend=False)
    picture = fig.axes[0].images[0].get_array()
    assert np.allclose(picture[i, j, :3], rgb)
    plt.close(fig)


@pytest.mark.parametrize("number", [1, 2, 3], ids=["figure1", "figure2", "figure3"])
def test_figures_carry_no_title_by_default(number):
    fig = plot_figure(number, n=30)
    assert fig.axes[0].get_title() == ""
    plt.close(fig)


def test_plot_figure_takes_a_title_of_its_own():
    fig = plot_figure(1, n=30, title="mine")
    assert fig.axes[0].get_title() == "mine"
    plt.close(fig)


def test_legend_sits_below_the_axis_label():
    """The legend covers neither the map nor the x-axis label."""
    fig = plot_figure(3, n=60, theta=0.7)
    fig.canvas.draw()
    r = fig.canvas.get_renderer()
    ax = fig.axes[0]
    leg = ax.get_legend().get_window_extent(r)
    assert leg.y1 < ax.xaxis.label.get_window_extent(r).y0
    assert leg.y1 < ax.get_window_extent(r).y0
    plt.close(fig)


def test_legend_uses_the_style_s_font_size():
    import matplotlib

    with matplotlib.rc_context({"legend.fontsize": 11}):
        fig = plot_figure(1, n=30)
        sizes = {t.get_fontsize() for t in fig.axes[0].get_legend().get_texts()}
    assert sizes == {11}
    plt.close(fig)


@pytest.mark.parametrize("axis", ["x", "y"], ids=["x", "y"])
def test_axis_labels_are_typeset(axis):
    fig = plot_figure(3, n=30)
    label = getattr(fig.axes[0], f"get_{axis}label")()
    assert label.startswith("$") and label.count("$") == 2
    plt.close(fig)


def test_figures_are_byte_identical_between_runs():
    assert _png(plot_figure(2, n=80)) == _png(plot_figure(2, n=80))


@pytest.mark.parametrize("theta", [None, 1.0], ids=["default", "explicit"])
def test_plot_figure_draws_the_paper_s_figure_map(theta):
    """``plot_figure`` draws the paper's map (salience 1 by default) with
    the figure's caption; the same picture as drawing that map directly."""
    fig = plot_figure(3, n=40, theta=theta, title=True)
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
