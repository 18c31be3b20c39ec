"""The interactive explorer: region maps and equilibrium tables for slider
values.

The computation is split from the widgets so that it can be tested (and
used in a static book) without a live kernel:

* :func:`explore` turns slider values and a choice of axes into an
  :class:`ExplorerResult`: the region map (from the closed forms of
  :func:`trustgame.analysis.maps.region_map`), its picture as an RGBA array, and the
  table of equilibria at the slider point (from :func:`trustgame.solve`
  without the semi-separating search);
* :func:`~trustgame.viz.painting.map_image` (of
  :mod:`trustgame.viz.painting`, re-exported here with ``legend_entries``
  and ``draw_map``) paints a map into an RGBA array in the visual scheme of
  :mod:`trustgame.viz.plotting` (fills, stripes, dots and outlines are drawn
  as pixel patterns, which is what makes a redraw fast);
* :class:`Explorer` keeps one matplotlib figure and updates its image,
  marker and legend in place; :meth:`Explorer.redraw` returns the PNG and
  the HTML table that the widgets show;
* :func:`explorer_ui` builds the ipywidgets interface (sliders for ``H``,
  ``L``, ``k``, ``pA``, ``pB``, ``betaA``, ``betaB``, ``theta`` and a choice
  of axes).

The slider ``theta`` sets both states' salience (``thetaA = thetaB``).
Slider ranges and rules are the parameter domain's
(:data:`trustgame.core.domain.DOMAIN`); out-of-range values raise
:class:`~trustgame.core.errors.ParameterError`.

Examples
--------
>>> res = explore({"pA": 0.35, "pB": 0.35}, x="pA", y="pB", n=40)
>>> res.image.shape
(40, 40, 4)
>>> res.efficient_names_at_point
['trust-building']
>>> res.point
(0.35, 0.35)
"""

from __future__ import annotations

import html
import io
import math
from collections import OrderedDict
from dataclasses import dataclass

import numpy as np

from ..analysis.maps import RegionMap, axis_parameters, region_map
from ..core.domain import DOMAIN
from ..core.errors import ParameterError
from ..core.model import Params
from ..core.tolerances import DISPLAY_TOL
from .painting import draw_map, legend_entries, legend_handles, map_image
from .plotting import axis_label

__all__ = ["SLIDERS", "AXIS_CHOICES", "AXIS_RANGES", "DEFAULTS", "START", "ExplorerResult",
           "params_from_values", "compute_map", "map_image", "legend_entries",
           "equilibrium_rows", "rows_html", "explore", "draw_map", "gallery",
           "diagonal_interval", "Explorer",
           "explorer_ui"]

#: The parameter domain (:data:`trustgame.core.domain.DOMAIN`) row of each
#: slider; ``theta`` sets both states' salience and follows ``thetaA``.
_DOMAIN_ROW = {name: DOMAIN[name] for name in ("H", "L", "k", "pA", "pB", "betaA", "betaB")}
_DOMAIN_ROW["theta"] = DOMAIN["thetaA"]

#: Slider values at which the explorer starts where they differ from the
#: paper's figure values: a common prior inside the trust-building region
#: of Figure 1.
START = {"pA": 0.35, "pB": 0.35}

#: Slider ranges: ``name: (min, max, step, default)``.  Ranges are the
#: domain's slider ranges (:attr:`trustgame.core.domain.Domain.slider`);
#: defaults are the parameters of the paper's Figures 1-3, except
#: :data:`START`.  Priors stay inside (0, 1), where the closed-form map
#: applies.
SLIDERS = {name: (*row.slider, START.get(name, row.default))
           for name, row in _DOMAIN_ROW.items()}

#: Default slider values.
DEFAULTS = {name: spec[3] for name, spec in SLIDERS.items()}

#: Axis ranges; ``"p"``, ``"beta"`` and ``"theta"`` move both states'
#: values together.
AXIS_RANGES = {
    "pA": (0.0, 1.0), "pB": (0.0, 1.0), "p": (0.0, 1.0),
    "betaA": (0.0, 1.0), "betaB": (0.0, 1.0), "beta": (0.0, 1.0),
    "theta": (0.0, 3.0), "H": (1.0, 4.0), "L": (-1.0, 1.0), "k": (0.0, 3.0),
}

#: Parameters that can be put on an axis of the explorer.
AXIS_CHOICES = tuple(AXIS_RANGES)

_MAP_CACHE_SIZE = 32


def _check_values(values) -> dict:
    """Slider values with defaults filled in; raises
    :class:`~trustgame.core.errors.ParameterError` for an unknown slider
    or a value outside the parameter's domain."""
    vals = dict(DEFAULTS)
    for key, v in dict(values or {}).items():
        if key not in SLIDERS:
            raise ParameterError(f"slider must be one of {', '.join(SLIDERS)} (got {key!r})")
        v = float(v)
        if not math.isfinite(v):
            raise ParameterError(f"{key} must be finite (got {v!r})")
        row = _DOMAIN_ROW[key]
        if not row.admits(v):
            raise ParameterError(f"{key} {row.rule} (got {v!r})")
        vals[key] = v
    return vals


def params_from_values(values=None) -> Params:
    """The :class:`~trustgame.core.model.Params` of a set of slider values.

    Missing sliders take their :data:`DEFAULTS`; ``theta`` sets both
    ``thetaA`` and ``thetaB``.

    Examples
    --------
    >>> p = params_from_values({"theta": 0.7, "betaB": 0.7})
    >>> (p.thetaA, p.thetaB, p.betaB, p.H)
    (0.7, 0.7, 0.7, 1.5)
    """
    v = _check_values(values)
    theta = v.pop("theta")
    return Params(thetaA=theta, thetaB=theta, **v)


def _check_axes(x: str, y: str):
    for name in (x, y):
        if name not in AXIS_RANGES:
            raise ParameterError(f"axis must be one of {', '.join(AXIS_CHOICES)} (got {name!r})")
    if set(axis_parameters(x)) & set(axis_parameters(y)):
        raise ParameterError(f"the two axes must move different parameters "
                             f"(got {x!r} and {y!r})")


def _map_key(values: dict, x: str, y: str, n, dominance: str) -> tuple:
    moved = set(axis_parameters(x)) | set(axis_parameters(y))
    if {"thetaA", "thetaB"} & moved:
        moved.add("theta")
    fixed = tuple((k, values[k]) for k in sorted(values) if k not in moved)
    return (x, y, n, dominance, fixed)


def compute_map(values=None, x: str = "pA", y: str = "pB", n=200,
                dominance: str = "weak") -> RegionMap:
    """Region map for slider values with ``x`` and ``y`` on the axes.

    The sliders of the parameters on the axes are ignored; the others fix
    the remaining parameters.  Axis ranges are :data:`AXIS_RANGES`.

    Examples
    --------
    >>> m = compute_map({"betaA": 0.6, "betaB": 0.7}, n=20)
    >>> m.base.betaB, m.xs.shape
    (0.7, (20,))
    """
    _check_axes(x, y)
    base = params_from_values(values)
    return region_map(base, x, y, xlim=AXIS_RANGES[x], ylim=AXIS_RANGES[y], n=n,
                      dominance=dominance)


# ---------------------------------------------------------------------------
# The table of equilibria at the slider point
# ---------------------------------------------------------------------------

def _play(probs: dict) -> str:
    def one(x):
        if x >= 1 - DISPLAY_TOL:
            return "C"
        if x <= DISPLAY_TOL:
            return "D"
        return f"C w.p. {x:.2f}"

    return f"{one(probs['security'])} / {one(probs['greedy'])}"


def equilibrium_rows(params: Params, dominance: str = "weak") -> list[dict]:
    """Every PBE with pure period-1 play at one point, one dict per row.

    Columns: ``equilibrium`` (``name[leader]`` for asymmetric ones),
    ``PBE-ER`` (survives the refinement), ``A period 1`` and ``B period 1``
    (the security-seeker's / greedy type's period-1 action), and the four
    interim payoffs.  Rows that survive the refinement come first.

    Examples
    --------
    >>> rows = equilibrium_rows(Params(pA=0.9, pB=0.9))
    >>> rows[0]["equilibrium"], rows[0]["PBE-ER"], rows[0]["A period 1"]
    ('suckers', True, 'C / C')
    """
    from ..core.solution import solve

    sol = solve(params, dominance=dominance, scope="pure")
    rows = []
    for key, eq, eff in zip(sol.names(), sol.equilibria, sol.efficient):
        d = eq.to_dict(eff)
        rows.append({
            "equilibrium": key,
            "PBE-ER": bool(eff),
            "A period 1": _play(d["period1"]["A"]),
            "B period 1": _play(d["period1"]["B"]),
            "A security": d["payoffs"]["A"]["security"],
            "A greedy": d["payoffs"]["A"]["greedy"],
            "B security": d["payoffs"]["B"]["security"],
            "B greedy": d["payoffs"]["B"]["greedy"],
        })
    rows.sort(key=lambda r: not r["PBE-ER"])
    return rows


def rows_html(rows: list[dict], digits: int = 3) -> str:
    """The equilibrium table as an HTML ``<table>``.

    Examples
    --------
    >>> out = rows_html([{"equilibrium": "tragic", "PBE-ER": True, "A security": 0.0}])
    >>> out.startswith('<table class="trustgame-explorer"><thead><tr><th>equilibrium</th>')
    True
    >>> out[out.index("<tbody>"):]
    '<tbody><tr><td>tragic</td><td>yes</td><td>0.000</td></tr></tbody></table>'
    """
    if not rows:
        return "<p>No equilibrium with pure period-1 play at this point.</p>"
    cols = list(rows[0])

    def cell(v):
        if isinstance(v, bool):
            return "yes" if v else "no"
        if isinstance(v, float):
            return f"{v:.{digits}f}"
        return html.escape(str(v))

    head = "".join(f"<th>{html.escape(c)}</th>" for c in cols)
    body = "".join("<tr>" + "".join(f"<td>{cell(r[c])}</td>" for c in cols) + "</tr>"
                   for r in rows)
    return (f'<table class="trustgame-explorer"><thead><tr>{head}</tr></thead>'
            f"<tbody>{body}</tbody></table>")


# ---------------------------------------------------------------------------
# One call: map, picture and table
# ---------------------------------------------------------------------------

@dataclass(frozen=True)
class ExplorerResult:
    """Everything the explorer shows for one set of slider values.

    Attributes
    ----------
    values : dict
        Slider values (defaults filled in).
    params : Params
        The slider point.
    map : RegionMap
    image : numpy.ndarray
        :func:`map_image` of the map.
    legend : list
        :func:`legend_entries` of the map.
    rows : list of dict
        :func:`equilibrium_rows` at the slider point.
    point : tuple or None
        The slider point in axis coordinates, or None when it is not on
        the plane of the map (an axis that moves two parameters whose
        sliders differ).
    """

    values: dict
    params: Params
    map: RegionMap
    image: np.ndarray
    legend: list
    rows: list
    point: tuple | None

    @property
    def efficient_names_at_point(self) -> list[str]:
        """Names of the PBE-ER at the slider point, sorted."""
        return sorted({r["equilibrium"] for r in self.rows if r["PBE-ER"]})

    def table_html(self) -> str:
        """The equilibrium table as HTML (:func:`rows_html` of ``rows``)."""
        return rows_html(self.rows)


def _axis_value(values: dict, axis: str):
    if axis in SLIDERS:
        return values[axis]
    if axis == "theta":
        return values["theta"]
    members = [values[m] for m in axis_parameters(axis)]
    return members[0] if all(v == members[0] for v in members) else None


def _point(values: dict, x: str, y: str):
    px, py = _axis_value(values, x), _axis_value(values, y)
    return None if px is None or py is None else (px, py)


def explore(values=None, x: str = "pA", y: str = "pB", n=200, dominance: str = "weak",
            efficient: bool = True, map_=None) -> ExplorerResult:
    """Map, picture and table for slider values.

    Parameters
    ----------
    values : dict, optional
        Slider values (see :data:`SLIDERS`); missing ones take defaults.
    x, y : str
        Axes (see :data:`AXIS_CHOICES`).
    n : int
        Cells per axis.
    dominance : {"weak", "strict", "none"}
        Refinement.
    efficient : bool
        Picture PBE-ER (True) or all PBE (False).
    map_ : RegionMap, optional
        A map already computed for these values and axes (used by
        :class:`Explorer`'s cache).

    Returns
    -------
    ExplorerResult
    """
    vals = _check_values(values)
    params = params_from_values(vals)
    m = map_ if map_ is not None else compute_map(vals, x, y, n=n, dominance=dominance)
    return ExplorerResult(vals, params, m, map_image(m, efficient), legend_entries(m, efficient),
                          equilibrium_rows(params, dominance), _point(vals, x, y))


def gallery(panels, ncols: int = 2, n: int = 200, dominance: str = "weak",
            efficient: bool = True, panel_size=(3.3, 3.0)):
    """Several explorer maps side by side with one shared legend.

    The figure is not registered with pyplot (a notebook shows it when it
    is the value of a cell, once).

    Parameters
    ----------
    panels : list of (dict, str, str, str)
        ``(values, x, y, title)`` for each panel.
    ncols : int
    n : int
        Cells per axis.
    dominance : str
    efficient : bool
    panel_size : tuple
        Width and height of one panel in inches.

    Returns
    -------
    (matplotlib.figure.Figure, list of RegionMap)

    Examples
    --------
    >>> fig, maps = gallery([({}, "pA", "pB", "beta = 0"),
    ...                      ({"betaA": 0.6, "betaB": 0.6}, "pA", "pB", "beta = 0.6")], n=30)
    >>> len(fig.axes), [m.base.betaA for m in maps]
    (2, [0.0, 0.6])
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    nrows = -(-len(panels) // ncols)
    fig = Figure(figsize=(panel_size[0] * ncols, panel_size[1] * nrows + 0.7))
    FigureCanvasAgg(fig)
    axes = fig.subplots(nrows, ncols, squeeze=False)
    maps, entries = [], {}
    for ax, (values, x, y, title) in zip(axes.flat, panels):
        m = compute_map(values, x, y, n=n, dominance=dominance)
        draw_map(ax, m, efficient=efficient, legend=False, title=title)
        maps.append(m)
        for name, label, st in legend_entries(m, efficient):
            entries.setdefault(label, (name, label, st))
    for ax in list(axes.flat)[len(panels):]:
        ax.set_visible(False)
    fig.tight_layout(rect=(0, 0.7 / (panel_size[1] * nrows + 0.7), 1, 1))
    fig.legend(handles=legend_handles(entries.values()), loc="lower center",
               ncol=min(4, len(entries)), fontsize=8, frameon=False)
    return fig, maps


def diagonal_interval(m: RegionMap, name: str, efficient: bool = True):
    """Smallest and largest cell centre on the diagonal ``i == j`` where
    ``name`` is present (``None`` when it never is).

    On a square ``(pA, pB)`` map this is the range of a common prior
    ``pA = pB`` over which the equilibrium exists or survives.

    Examples
    --------
    >>> from trustgame import Params
    >>> from trustgame.analysis.maps import region_map
    >>> lo, hi = diagonal_interval(region_map(Params(), n=100), "suckers")
    >>> round(lo, 3), round(hi, 3)
    (0.455, 0.995)
    """
    mask = m.mask(name, efficient)
    k = min(mask.shape)
    idx = np.flatnonzero(mask[np.arange(k), np.arange(k)])
    if idx.size == 0:
        return None
    return float(m.xs[idx[0]]), float(m.xs[idx[-1]])


def _describe(values: dict, x: str, y: str) -> str:
    moved = set(axis_parameters(x)) | set(axis_parameters(y))
    if {"thetaA", "thetaB"} & moved:
        moved.add("theta")
    names = {"betaA": "βA", "betaB": "βB", "theta": "θ"}
    parts = [f"{names.get(k, k)}={values[k]:g}" for k in SLIDERS if k not in moved]
    return ", ".join(parts)


class Explorer:
    """One figure that is redrawn in place for new slider values.

    The axes, tick labels and legend are drawn only when the axes or the
    set of equilibria in the legend change; otherwise a redraw restores
    the saved background and paints the new map image and marker on it
    (matplotlib "blitting"), which keeps a redraw fast.

    Parameters
    ----------
    n : int
        Cells per axis of the map.
    dominance : {"weak", "strict", "none"}
    efficient : bool
        Show PBE-ER (True) or all PBE (False).
    figsize : tuple
    dpi : int

    Examples
    --------
    >>> ex = Explorer(n=40)
    >>> png, table = ex.redraw({"betaA": 0.6, "betaB": 0.7}, "pA", "pB")
    >>> png[:4] == b"\\x89PNG", "<table" in table
    (True, True)
    >>> ex.describe()
    'H=1.5, L=-0.1, k=0.9, βA=0.6, βB=0.7, θ=1'
    """

    def __init__(self, n: int = 200, dominance: str = "weak", efficient: bool = True,
                 figsize=(6.0, 4.9), dpi: int = 80):
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure

        self.n, self.dominance, self.efficient = n, dominance, efficient
        self.figure = Figure(figsize=figsize, dpi=dpi)
        FigureCanvasAgg(self.figure)
        self.ax = self.figure.add_axes([0.12, 0.25, 0.84, 0.69])
        self.ax.set_title("PBE-ER" if efficient else "all PBE", fontsize=10)
        self._image = None
        self._marker = None
        self._legend = None
        self._layout = None
        self._background = None
        self._cache: OrderedDict = OrderedDict()
        self.result: ExplorerResult | None = None

    def clear_cache(self):
        """Forget the maps computed so far and the saved background."""
        self._cache.clear()
        self._layout = None

    def _map(self, values, x, y):
        key = _map_key(values, x, y, self.n, self.dominance)
        if key in self._cache:
            self._cache.move_to_end(key)
            return self._cache[key]
        m = compute_map(values, x, y, n=self.n, dominance=self.dominance)
        self._cache[key] = m
        if len(self._cache) > _MAP_CACHE_SIZE:
            self._cache.popitem(last=False)
        return m

    def _draw_layout(self, res: ExplorerResult, x: str, y: str, extent):
        """Full draw of everything but the image and the marker; saves the
        background for :meth:`_blit`."""
        ax = self.ax
        ax.set_xlim(extent[0], extent[1])
        ax.set_ylim(extent[2], extent[3])
        ax.set_xlabel(axis_label(x))
        ax.set_ylabel(axis_label(y))
        if self._legend is not None:
            self._legend.remove()
        self._legend = ax.legend(handles=legend_handles(res.legend), loc="upper center",
                                 bbox_to_anchor=(0.5, -0.12), ncol=2, fontsize=8,
                                 frameon=False)
        self._image.set_visible(False)
        self._marker.set_visible(False)
        canvas = self.figure.canvas
        canvas.draw()
        self._background = canvas.copy_from_bbox(ax.bbox)
        self._image.set_visible(True)
        self._marker.set_visible(True)

    def _blit(self):
        canvas, ax = self.figure.canvas, self.ax
        canvas.restore_region(self._background)
        ax.draw_artist(self._image)
        for spine in ax.spines.values():
            ax.draw_artist(spine)
        ax.draw_artist(self._marker)

    def update(self, values=None, x: str = "pA", y: str = "pB") -> ExplorerResult:
        """Recompute (or reuse) the map and redraw the figure in place."""
        vals = _check_values(values)
        _check_axes(x, y)
        m = self._map(vals, x, y)
        res = explore(vals, x, y, n=self.n, dominance=self.dominance,
                      efficient=self.efficient, map_=m)
        dx, dy = m.xs[1] - m.xs[0], m.ys[1] - m.ys[0]
        extent = (m.xs[0] - dx / 2, m.xs[-1] + dx / 2, m.ys[0] - dy / 2, m.ys[-1] + dy / 2)
        if self._image is None:
            self._image = self.ax.imshow(res.image, origin="lower", extent=extent,
                                         aspect="auto", interpolation="nearest")
            (self._marker,) = self.ax.plot([], [], marker="*", color="#1a1aff",
                                           markersize=14, markeredgecolor="white",
                                           linestyle="none")
        else:
            self._image.set_data(res.image)
            self._image.set_extent(extent)
        self._marker.set_data(([res.point[0]], [res.point[1]]) if res.point else ([], []))
        layout = (x, y, extent, tuple(e[1] for e in res.legend))
        if layout != self._layout:
            self._draw_layout(res, x, y, extent)
            self._layout = layout
        self._blit()
        self.result = res
        self._values, self._axes = vals, (x, y)
        return res

    def describe(self) -> str:
        """The fixed parameters of the current map, as text."""
        return _describe(self._values, *self._axes)

    def png(self) -> bytes:
        """The figure as drawn by the last :meth:`update`, as PNG bytes."""
        from PIL import Image

        rgba = np.asarray(self.figure.canvas.buffer_rgba())
        buf = io.BytesIO()
        Image.fromarray(rgba[..., :3]).save(buf, format="png", compress_level=1)
        return buf.getvalue()

    def redraw(self, values=None, x: str = "pA", y: str = "pB") -> tuple[bytes, str]:
        """:meth:`update`, then the PNG and the HTML table."""
        res = self.update(values, x, y)
        return self.png(), res.table_html()


def explorer_ui(values=None, x: str = "pA", y: str = "pB", n: int = 200,
                continuous_update: bool = False):
    """The interactive explorer as an ipywidgets box.

    Sliders for every entry of :data:`SLIDERS`, drop-downs for the two
    axes, the refinement and PBE-ER versus all PBE; below them the map
    (the star marks the slider point) and the table of equilibria at the
    slider point.  With ``continuous_update=False`` (the default) a slider
    redraws when it is released.

    Returns
    -------
    ipywidgets.VBox
        Its ``explorer`` attribute is the :class:`Explorer` behind it.
    """
    try:
        import ipywidgets as w
    except ImportError as exc:
        raise ImportError("the explorer's sliders need ipywidgets: "
                          'pip install "trustgame[explorer]"') from exc

    vals = _check_values(values)
    sliders = {}
    for name, (lo, hi, step, _default) in SLIDERS.items():
        sliders[name] = w.FloatSlider(value=vals[name], min=lo, max=hi, step=step,
                                      description=name, continuous_update=continuous_update,
                                      readout_format=".2f",
                                      layout=w.Layout(width="310px"))
    xs = w.Dropdown(options=AXIS_CHOICES, value=x, description="x axis",
                    layout=w.Layout(width="200px"))
    ys = w.Dropdown(options=AXIS_CHOICES, value=y, description="y axis",
                    layout=w.Layout(width="200px"))
    dom = w.Dropdown(options=["weak", "strict", "none"], value="weak",
                     description="refinement", layout=w.Layout(width="200px"))
    which = w.ToggleButtons(options=["PBE-ER", "all PBE"], value="PBE-ER")
    image = w.Image(format="png")
    table = w.HTML()
    status = w.HTML()
    caption = w.HTML()
    state = {"explorer": Explorer(n=n)}

    def refresh(*_):
        ex = state["explorer"]
        want = (dom.value, which.value == "PBE-ER")
        if (ex.dominance, ex.efficient) != want:
            ex = state["explorer"] = Explorer(n=n, dominance=want[0], efficient=want[1])
            box.explorer = ex
        try:
            png, tab = ex.redraw({k: s.value for k, s in sliders.items()}, xs.value, ys.value)
        except ValueError as err:
            status.value = f"<p style='color:#a00'>{html.escape(str(err))}</p>"
            return
        status.value = ""
        image.value = png
        caption.value = (f"<p>Fixed: {html.escape(ex.describe())}. "
                         "The star marks the slider point.</p>")
        table.value = tab

    for widget in (*sliders.values(), xs, ys, dom, which):
        widget.observe(refresh, names="value")
    controls = w.HBox([w.VBox(list(sliders.values())), w.VBox([xs, ys, dom, which, status])])
    box = w.VBox([controls, image, caption, table])
    box.explorer = state["explorer"]
    refresh()
    return box
