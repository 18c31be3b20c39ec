"""The book's figure style, panel labels and deterministic figure files."""

from __future__ import annotations

import matplotlib
import matplotlib.pyplot as plt
import pytest

from trustgame.viz import BOOK_RC, panel_labels, plot_figure, save_figure, use_book_style


@pytest.fixture
def restored_rc():
    with matplotlib.rc_context():
        yield


def test_use_book_style_sets_the_book_s_parameters(restored_rc):
    assert use_book_style() is None
    for key, value in BOOK_RC.items():
        got = matplotlib.rcParams[key]
        assert (tuple(got) if isinstance(value, tuple) else got) == value


def test_book_type_is_at_least_nine_points_at_column_width(restored_rc):
    """A figure as wide as the column (7 in) shown at ~700 px keeps its
    point sizes, so every font size of the style must be >= 9 pt."""
    use_book_style()
    width = matplotlib.rcParams["figure.figsize"][0]
    assert 6.5 <= width <= 7.5
    for key in ("font.size", "axes.labelsize", "axes.titlesize", "xtick.labelsize",
                "ytick.labelsize", "legend.fontsize"):
        size = matplotlib.rcParams[key]
        size = size if isinstance(size, float | int) else matplotlib.rcParams["font.size"]
        assert size >= 9, key


def test_use_book_style_is_a_no_op_for_formats_outside_ipython(restored_rc, monkeypatch):
    import trustgame.viz.style as style

    monkeypatch.setattr(style, "_ipython", lambda: None)
    use_book_style()  # must not import or call the inline backend
    assert matplotlib.rcParams["svg.hashsalt"] == "trustgame"


@pytest.mark.parametrize("ext", ["png", "svg", "pdf"], ids=["png", "svg", "pdf"])
def test_save_figure_writes_identical_bytes_between_runs(ext, tmp_path):
    paths = []
    for k in range(2):
        fig = plot_figure(1, n=30)
        paths.append(save_figure(fig, tmp_path / f"f{k}.{ext}"))
        plt.close(fig)
    assert paths[0].read_bytes() == paths[1].read_bytes()
    assert paths[0].stat().st_size > 0


@pytest.mark.parametrize("ext, magic", [("png", b"\x89PNG"), ("svg", b"<?xml"), ("pdf", b"%PDF")],
                         ids=["png", "svg", "pdf"])
def test_save_figure_picks_the_format_from_the_extension(ext, magic, tmp_path):
    fig, ax = plt.subplots()
    out = save_figure(fig, tmp_path / f"x.{ext.upper()}")
    plt.close(fig)
    assert out.read_bytes().startswith(magic)


def test_save_figure_leaves_no_date_in_vector_files(tmp_path):
    fig, ax = plt.subplots()
    svg = save_figure(fig, tmp_path / "x.svg").read_text()
    pdf = save_figure(fig, tmp_path / "x.pdf").read_bytes()
    plt.close(fig)
    assert "<dc:date>" not in svg and b"CreationDate" not in pdf


def test_save_figure_png_is_at_200_dpi(tmp_path):
    from PIL import Image

    fig = plt.figure(figsize=(2, 1))
    fig.add_artist(plt.Line2D([0, 1], [0, 1]))
    out = save_figure(fig, tmp_path / "x.png")
    plt.close(fig)
    assert Image.open(out).info["dpi"][0] == pytest.approx(200, abs=1)


@pytest.mark.parametrize("name", ["figure.jpg", "figure", "figure.eps"],
                         ids=["jpg", "none", "eps"])
def test_save_figure_rejects_another_extension(name, tmp_path):
    fig, ax = plt.subplots()
    with pytest.raises(ValueError, match=name.replace(".", r"\.")):
        save_figure(fig, tmp_path / name)
    plt.close(fig)
    assert not (tmp_path / name).exists()


@pytest.mark.parametrize("shape, expected", [((1, 2), ["(a)", "(b)"]),
                                             ((2, 2), ["(a)", "(b)", "(c)", "(d)"])],
                         ids=["row", "grid"])
def test_panel_labels_follow_reading_order(shape, expected):
    fig, axs = plt.subplots(*shape)
    texts = panel_labels(axs)
    assert [t.get_text() for t in texts] == expected
    assert [t.axes for t in texts] == list(axs.ravel())
    plt.close(fig)


def test_panel_labels_take_one_axis_and_own_labels():
    fig, ax = plt.subplots()
    (t,) = panel_labels(ax, labels=["(b)"], loc="upper right")
    assert t.get_text() == "(b)" and t.get_ha() == "right"
    plt.close(fig)


@pytest.mark.parametrize("kw, match", [({"labels": ["(a)"]}, "1 labels for 2 panels"),
                                       ({"loc": "lower left"}, "loc must be")],
                         ids=["count", "loc"])
def test_panel_labels_reject_bad_arguments(kw, match):
    fig, axs = plt.subplots(1, 2)
    with pytest.raises(ValueError, match=match):
        panel_labels(axs, **kw)
    plt.close(fig)
