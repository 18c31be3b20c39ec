"""The interactive explorer's computations (trustgame.viz.explorer), without
widgets, and the speed of a redraw."""

from __future__ import annotations

import numpy as np
import pytest

from trustgame import ParameterError, Params, region_map, solve
from trustgame.viz import (
    DEFAULTS,
    SLIDERS,
    Explorer,
    compute_map,
    diagonal_interval,
    equilibrium_rows,
    explore,
    explorer_ui,
    gallery,
    map_image,
    params_from_values,
    rows_html,
)

#: The sliders, in the order the widgets show them: (min, max, step, default).
EXPECTED_SLIDERS = {
    "H": (1.05, 4.0, 0.05, 1.5),
    "L": (-1.0, 0.95, 0.05, -0.1),
    "k": (0.05, 3.0, 0.05, 0.9),
    "pA": (0.01, 0.99, 0.01, 0.35),
    "pB": (0.01, 0.99, 0.01, 0.35),
    "betaA": (0.0, 1.0, 0.01, 0.0),
    "betaB": (0.0, 1.0, 0.01, 0.0),
    "theta": (0.05, 3.0, 0.05, 1.0),
}
SLIDER_NAMES = ["H", "L", "k", "pA", "pB", "betaA", "betaB", "theta"]

#: Slider settings used below: the paper's Figures 1-3 (Figure 3 also at a
#: lower salience) and a point with other H, L, k.
SETTINGS = {
    "figure-1": ({}, "pA", "pB"),
    "figure-2": ({"betaA": 0.6, "betaB": 0.7}, "pA", "pB"),
    "figure-3": ({"pA": 0.5, "betaB": 0.7}, "betaA", "pB"),
    "figure-3-theta-0.7": ({"pA": 0.5, "betaB": 0.7, "theta": 0.7}, "betaA", "pB"),
    "other-H-L-k": ({"H": 2.2, "L": 0.3, "k": 1.4, "betaA": 0.2, "betaB": 0.5}, "pA", "pB"),
}


def test_sliders_are_the_domain_s_ranges_and_the_explorer_s_start():
    assert SLIDERS == EXPECTED_SLIDERS and list(SLIDERS) == SLIDER_NAMES
    assert DEFAULTS == {name: spec[3] for name, spec in EXPECTED_SLIDERS.items()}


def test_params_from_values_sets_both_saliences_and_defaults():
    p = params_from_values({"theta": 0.7, "pA": 0.2})
    assert (p.thetaA, p.thetaB, p.pA) == (0.7, 0.7, 0.2)
    assert params_from_values() == Params(H=1.5, L=-0.1, k=0.9, pA=0.35, pB=0.35, betaA=0.0,
                                          betaB=0.0, thetaA=1.0, thetaB=1.0)


def test_unknown_slider_is_rejected_by_name():
    with pytest.raises(ParameterError, match="'beta'"):
        params_from_values({"beta": 0.5})


@pytest.mark.parametrize("x, y", [("p", "pA"), ("beta", "betaB"), ("theta", "theta")],
                         ids=["p-pA", "beta-betaB", "theta-theta"])
def test_axes_must_move_different_parameters(x, y):
    with pytest.raises(ValueError, match="different parameters"):
        compute_map({}, x, y, n=10)


@pytest.mark.parametrize("values, message", [
    ({"H": 0.9}, "H must be greater than 1 (got 0.9)"),
    ({"L": 1.0}, "L must be less than 1 (got 1.0)"),
    ({"k": 0}, "k must be greater than 0 (got 0.0)"),
    ({"pA": 1.2}, "pA must be a probability in [0, 1] (got 1.2)"),
    ({"betaB": -0.1}, "betaB must lie in [0, 1] (got -0.1)"),
    ({"theta": 0.0}, "theta must be greater than 0 (got 0.0)"),
    ({"pB": float("nan")}, "pB must be finite (got nan)"),
], ids=["H", "L", "k", "pA", "betaB", "theta", "nan"])
def test_invalid_slider_value_raises_parameter_error_with_the_domain_s_rule(values, message):
    with pytest.raises(ParameterError) as exc:
        explore(values, n=10)
    assert str(exc.value) == message


@pytest.mark.parametrize("values", [{"pA": 0.0}, {"pB": 1.0}, {"betaA": 1.0}, {"L": -5.0}],
                         ids=["pA=0", "pB=1", "betaA=1", "L=-5"])
def test_slider_values_on_the_domain_s_closed_bounds_are_accepted(values):
    p = params_from_values(values)
    assert all(getattr(p, k) == v for k, v in values.items())


@pytest.mark.parametrize("key", sorted(SETTINGS))
def test_map_is_the_region_map_of_the_slider_parameters(key):
    values, x, y = SETTINGS[key]
    m = compute_map(values, x, y, n=40)
    ref = region_map(params_from_values(values), x, y, n=40)
    assert m.names == ref.names
    assert np.array_equal(m.efficient, ref.efficient) and np.array_equal(m.exists, ref.exists)


@pytest.mark.parametrize("key", sorted(SETTINGS))
def test_table_lists_the_pure_equilibria_of_solve(key):
    values, _, _ = SETTINGS[key]
    params = params_from_values(values)
    sol = solve(params, scope="pure")
    rows = equilibrium_rows(params)
    assert sorted(r["equilibrium"] for r in rows) == sorted(sol.names())
    assert sorted(r["equilibrium"] for r in rows if r["PBE-ER"]) == sorted(
        sol.names(efficient_only=True))
    assert [r["PBE-ER"] for r in rows] == sorted((r["PBE-ER"] for r in rows), reverse=True)


@pytest.mark.parametrize("key", sorted(SETTINGS))
@pytest.mark.parametrize("point", [(0.15, 0.25), (0.35, 0.35), (0.45, 0.75), (0.85, 0.05)],
                         ids=["0.15-0.25", "0.35-0.35", "0.45-0.75", "0.85-0.05"])
def test_map_cell_under_the_star_agrees_with_the_table(key, point):
    """The map (closed forms) and the table (solver) shown side by side
    agree at the slider point.  With n = 50, every coordinate used here is a
    cell centre."""
    values, x, y = SETTINGS[key]
    vals = dict(values, **{x: point[0], y: point[1]})
    res = explore(vals, x, y, n=50)
    j = int(np.argmin(abs(res.map.xs - point[0])))
    i = int(np.argmin(abs(res.map.ys - point[1])))
    assert res.map.xs[j] == pytest.approx(point[0]) and res.map.ys[i] == pytest.approx(point[1])
    assert res.point == point
    assert res.map.cell_names(i, j) == res.efficient_names_at_point


def test_point_is_off_the_plane_when_an_alias_axis_members_differ():
    assert explore({"pA": 0.3, "pB": 0.4}, "p", "beta", n=10).point is None
    assert explore({"pA": 0.3, "pB": 0.3, "betaA": 0.2, "betaB": 0.2}, "p", "beta",
                   n=10).point == (0.3, 0.2)


def test_image_paints_the_paper_scheme():
    """Figure 1 at the centre of the trust-building square is dark red,
    a tragic-only cell is white, a suckers cell is the suckers grey."""
    m = compute_map({}, "pA", "pB", n=50)
    img = map_image(m)
    assert img.dtype == np.uint8 and img.shape == (50, 50, 4)
    i_tb, j_tb = 19, 19   # pA = pB = 0.39 (trust-building only)
    i_tr, j_tr = 5, 5     # pA = pB = 0.11 (tragic only)
    i_su, j_su = 40, 40   # pA = pB = 0.81 (suckers only)
    assert m.cell_names(i_tb, j_tb) == ["trust-building"]
    assert m.cell_names(i_tr, j_tr) == ["tragic"]
    assert m.cell_names(i_su, j_su) == ["suckers"]

    def blend(fill, alpha):
        from matplotlib.colors import to_rgb

        return np.rint(255 * ((1 - alpha) + alpha * np.array(to_rgb(fill))))

    assert np.array_equal(img[i_tb, j_tb, :3], blend("#8b0000", 0.85))  # trust-building
    assert np.array_equal(img[i_tr, j_tr, :3], [255, 255, 255])
    assert np.array_equal(img[i_su, j_su, :3], blend("#b0b0b0", 0.55))  # suckers


def test_image_is_deterministic():
    m = compute_map({"betaA": 0.6, "betaB": 0.7}, n=60)
    assert np.array_equal(map_image(m), map_image(m))


def test_diagonal_interval_of_figure_1_trust_building():
    """Section "The Baseline of Foreign Policy Signaling" (Figure 1): along
    pA = pB trust-building survives
    from the security-seeker's bound k/(2+k-L) = 0.3 up to the cooperation
    threshold 0.45, where suckers takes over (to the grid's resolution)."""
    m = compute_map({}, "pA", "pB", n=200)
    lo, hi = diagonal_interval(m, "trust-building")
    assert lo == pytest.approx(0.3, abs=0.005) and hi == pytest.approx(0.45, abs=0.005)
    assert diagonal_interval(m, "mixed-trust-building") is None


def test_rows_html_escapes_and_formats():
    html = rows_html([{"equilibrium": "a<b", "PBE-ER": False, "u": 1 / 3}])
    assert "a&lt;b" in html and "<td>no</td>" in html and "<td>0.333</td>" in html
    assert "No equilibrium" in rows_html([])


def test_gallery_shares_one_legend():
    fig, maps = gallery([({}, "pA", "pB", "a"), ({"betaA": 0.9, "betaB": 0.9}, "pA", "pB", "b"),
                         ({}, "betaA", "pB", "c")], ncols=2, n=30)
    assert len(maps) == 3 and len(fig.legends) == 1
    assert sum(ax.get_visible() for ax in fig.axes) == 3


def test_explorer_redraw_returns_png_and_table_and_reuses_maps():
    ex = Explorer(n=40)
    png, table = ex.redraw({"betaA": 0.6, "betaB": 0.7}, "pA", "pB")
    assert png.startswith(b"\x89PNG") and "<table" in table
    m = ex.result.map
    ex.redraw({"betaA": 0.6, "betaB": 0.7, "pA": 0.2}, "pA", "pB")  # slider on an axis
    assert ex.result.map is m
    ex.redraw({"betaA": 0.5, "betaB": 0.7}, "pA", "pB")
    assert ex.result.map is not m


def test_explorer_ui_builds_and_reacts_to_sliders():
    pytest.importorskip("ipywidgets")
    ui = explorer_ui(n=30)
    sliders = ui.children[0].children[0].children
    assert [s.description for s in sliders] == SLIDER_NAMES
    assert [(s.min, s.max, s.step, s.value) for s in sliders] == list(EXPECTED_SLIDERS.values())
    image, table = ui.children[1], ui.children[3]
    before = image.value
    sliders[SLIDER_NAMES.index("betaA")].value = 0.6
    assert image.value != before and "<table" in table.value
    assert ui.explorer.result.params.betaA == 0.6
    xs = ui.children[0].children[1].children[0]
    xs.value = "pB"  # same parameter as the y axis: an error message, no crash
    assert "different parameters" in ui.children[0].children[1].children[4].value


