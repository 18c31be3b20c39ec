"""The case chapters' figures are drawn (their data are tested in tests/cases)."""

from __future__ import annotations

import csv
import shutil

import matplotlib.pyplot as plt
import pytest

from trustgame.cases import DATA_DIR, case_box, event_label, load_cases
from trustgame.viz.case_plots import (
    _spread,
    draw_box,
    plot_case_map,
    plot_case_maps,
    plot_timeline,
)


def test_case_map_is_drawn_with_the_box():
    fig = plot_case_map("korea", "betaA", "pB", n=30)
    assert len(fig.axes) == 1
    (x0, x1), (y0, y1) = case_box("korea")["betaA"], case_box("korea")["pB"]
    rect = fig.axes[0].patches[-1]
    assert (rect.get_x(), rect.get_y()) == (x0, y0)
    assert rect.get_width() == pytest.approx(x1 - x0) and rect.get_height() == pytest.approx(y1 - y0)
    plt.close(fig)


def test_draw_box_on_given_axes():
    fig, ax = plt.subplots()
    patch = draw_box(ax, "cold-war", label=None)
    assert patch in ax.patches and not ax.texts
    plt.close(fig)


@pytest.fixture(params=["cold-war", "korea"])
def timeline(request):
    fig = plot_timeline(request.param)
    fig.canvas.draw()
    yield request.param, fig
    plt.close(fig)


def _event_texts(key, fig):
    labels = {event_label(e) for e in load_cases()[key].events}
    return [t for t in fig.axes[0].texts if t.get_text() in labels]


def test_timeline_labels_every_event_in_place(timeline):
    key, fig = timeline
    texts = _event_texts(key, fig)
    assert sorted(t.get_text() for t in texts) == sorted(
        event_label(e) for e in load_cases()[key].events)
    assert fig.axes[0].get_ylabel() == "year"


def test_timeline_labels_do_not_overlap_and_stay_in_the_figure(timeline):
    key, fig = timeline
    renderer = fig.canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for t in _event_texts(key, fig)]
    page = fig.bbox
    assert all(b.x0 >= page.x0 and b.x1 <= page.x1 and b.y0 >= page.y0 and b.y1 <= page.y1
               for b in boxes)
    assert not any(a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1:])


@pytest.mark.parametrize("wanted, gap, lo, hi, expected", [
    ([0, 5], 1, None, None, [0, 5]),
    ([0, 0, 0], 1, None, None, [-1, 0, 1]),
    ([0, 0], 1, 0, None, [0, 1]),
    ([9, 10], 2, None, 10, [8, 10]),
], ids=["apart-already", "pile-spreads-around-centre", "floor", "ceiling"])
def test_spread_keeps_the_gap_and_the_order(wanted, gap, lo, hi, expected):
    assert _spread(wanted, gap, lo, hi) == pytest.approx(expected)


def test_a_label_from_the_timeline_file_shows_in_the_figure(tmp_path):
    shutil.copytree(DATA_DIR / "cases", tmp_path / "cases")
    shutil.copytree(DATA_DIR / "timelines", tmp_path / "timelines")
    path = tmp_path / "timelines" / "korea.csv"
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    rows[0]["label"] = "A label of our own"
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, list(rows[0]), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    case = load_cases(tmp_path / "cases", codebook=DATA_DIR / "codebook.yml")["korea"]
    fig = plot_timeline(case)
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert "A label of our own" in texts and "Military coup" not in texts
    plt.close(fig)


@pytest.fixture(scope="module")
def korea_panels():
    panels = [dict(x="betaA", y="pB", n=30, title="first"),
              dict(x="betaA", y="pB", n=30, theta=0.5),
              dict(x="betaB", y="pA", n=30)]
    fig = plot_case_maps("korea", panels)
    fig.canvas.draw()
    yield fig
    plt.close(fig)


def test_case_maps_fill_the_column_and_are_labelled_in_order(korea_panels):
    fig = korea_panels
    assert fig.get_figwidth() <= 7.5 and fig.get_tightbbox().width <= 7.5
    labels = [t.get_text() for ax in fig.axes[:3] for t in ax.texts if t.get_text().startswith("(")]
    assert labels == ["(a)", "(b)", "(c)"]
    assert fig.axes[0].get_title(loc="right") == "first"


def test_case_maps_have_one_legend_naming_every_colour_drawn(korea_panels):
    from trustgame.cases import case_map
    from trustgame.viz import overlap_entries

    fig = korea_panels
    legends = [ax.get_legend() for ax in fig.axes if ax.get_legend()] + fig.legends
    assert len(legends) == 1
    texts = [t.get_text() for t in legends[0].get_texts()]
    assert len(texts) == len(set(texts)) and "coded box" in texts
    for label, _ in overlap_entries(case_map("korea", "betaA", "pB", 30)):
        assert label in texts


@pytest.mark.parametrize("n_panels, ncols, where", [
    (2, 2, "figure"), (3, 2, "spare-cell"), (3, 1, "figure")],
    ids=["full-row-legend-below", "spare-cell-holds-legend", "stacked"])
def test_case_maps_put_the_legend_in_a_spare_cell_or_below(n_panels, ncols, where):
    fig = plot_case_maps("cold-war", [dict(n=20)] * n_panels, ncols=ncols)
    fig.canvas.draw()
    assert len(fig.legends) == 1 and not any(ax.get_legend() for ax in fig.axes)
    box = fig.legends[0].get_window_extent()
    lowest = min(ax.get_window_extent().y0 for ax in fig.axes[:n_panels])
    if where == "figure":
        assert box.y1 <= lowest
    else:
        cell = fig.axes[-1].get_window_extent()
        assert not fig.axes[-1].axison
        assert cell.y0 <= (box.y0 + box.y1) / 2 <= cell.y1
    assert fig.get_tightbbox().width <= 7.5
    plt.close(fig)


def test_case_map_text_is_at_least_9_points(korea_panels):
    from matplotlib.text import Text

    sizes = [t.get_fontsize() for t in korea_panels.findobj(Text) if t.get_text().strip()]
    assert min(sizes) >= 9
