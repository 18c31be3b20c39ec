"""Drawing region maps in the paper's visual scheme.

Computing and drawing are separate: :func:`trustgame.analysis.maps.region_map`
computes a :class:`~trustgame.analysis.maps.RegionMap`; :func:`plot_map` draws one on
a matplotlib axis (a new figure when ``ax`` is None) and returns the
figure.

The scheme follows the paper's figure notes: trust-building dark red with a
solid outline, mixed-strategy trust-building light red, suckers gray with a
dashed outline, tragic white, semi-tragic random dots, asymmetric
trust-building diagonal stripes, asymmetric semi-tragic thatching.
Equilibria the paper does not name get their own hatch from a fixed list.
The random dots are drawn with a fixed seed, so figures are reproducible.
The legend sits below the map and has an entry for every equilibrium drawn
and for every colour that overlapping fills make (:func:`overlap_entries`);
axes are labelled in typeset notation (:func:`axis_label`).  Maps carry no
title unless asked for one: in the book the caption names the figure.

Examples
--------
>>> import matplotlib
>>> matplotlib.use("Agg")
>>> from trustgame import Params
>>> from trustgame.analysis.maps import region_map
>>> fig = plot_map(region_map(Params(), n=60))
>>> len(fig.axes)
1
"""

from __future__ import annotations

import numpy as np

from ..analysis.maps import RegionMap
from ..core.domain import DOMAIN
from ..core.naming import BOOK_NAMES
from ..paper.figures import figure_map, figure_params

__all__ = ["STYLES", "style_for", "plot_map", "plot_figure", "LABELS", "AXIS_LABELS",
           "MIXING_LAYER", "legend_label", "axis_label", "overlap_entries", "legend_below"]

#: Style of each named equilibrium: fill colour, hatch, outline style.
STYLES = {
    "trust-building": {"fill": "#8b0000", "alpha": 0.85, "edge": "#5a0000", "ls": "-"},
    "mixed-trust-building": {"fill": "#f4a3a3", "alpha": 0.8, "edge": "#d46a6a", "ls": "-"},
    "suckers": {"fill": "#b0b0b0", "alpha": 0.55, "edge": "#404040", "ls": "--"},
    "tragic": {"fill": None, "edge": None},
    "semi-tragic": {"dots": True, "edge": "#303030", "ls": ":"},
    "asymmetric-trust-building": {"hatch": "////", "edge": "#1f3b73", "ls": "-", "color": "#1f3b73"},
    "asymmetric-semi-tragic": {"hatch": "xxxx", "edge": "#2e5e2e", "ls": "-", "color": "#2e5e2e"},
}

_EXTRA = [("oo", "#7a4f9a"), ("\\\\\\\\", "#b8860b"), ("++", "#2f7f7f"), ("..", "#8b4513"),
          ("--", "#555599"), ("||", "#996655"), ("OO", "#446644"), ("**", "#994466")]

#: Legend labels for the paper's names.
LABELS = {**BOOK_NAMES, "tragic": "tragic (white)"}


def style_for(name: str, extra_index: int = 0) -> dict:
    """Style of an equilibrium name (``name[leader]`` allowed)."""
    base = name.split("[")[0]
    if base in STYLES:
        return STYLES[base]
    hatch, color = _EXTRA[extra_index % len(_EXTRA)]
    return {"hatch": hatch, "edge": color, "ls": "-.", "color": color}


def legend_label(name: str) -> str:
    """Legend label of an equilibrium name (``name[leader]`` allowed).

    Examples
    --------
    >>> legend_label("asymmetric-trust-building[B]")
    'asymmetric trust-building (B leads)'
    >>> legend_label("tragic")
    'tragic (white)'
    """
    base, _, rest = name.partition("[")
    lab = LABELS.get(base, name)
    if rest:
        lab += f" ({rest.rstrip(']')} leads)"
    return lab


#: Smallest ``dot_density`` of :func:`plot_map` (a floor against division
#: by zero, not a tolerance).
_MIN_DOT_DENSITY = 1e-3

#: Name of the layer that gathers every equilibrium with period-1 mixing.
MIXING_LAYER = "with period-1 mixing"
STYLES[MIXING_LAYER] = {"hatch": "\\\\", "edge": "#b36b00", "ls": "-.", "color": "#b36b00"}
LABELS[MIXING_LAYER] = "equilibria with period-1 mixing"


def _grouped(m: RegionMap, efficient: bool):
    """Names and masks to draw: every semi-separating name merged into one
    layer."""
    arr = m.efficient if efficient else m.exists
    names, masks, mix = [], [], None
    for c, n in enumerate(m.names):
        if n.startswith("semi-separating"):
            mix = arr[c].copy() if mix is None else (mix | arr[c])
        else:
            names.append(n)
            masks.append(arr[c])
    if mix is not None:
        names.append(MIXING_LAYER)
        masks.append(mix)
    return names, masks


def _fill_rgb(st) -> np.ndarray:
    from matplotlib.colors import to_rgb

    return np.array(to_rgb(st["fill"]))


def _composite(fills, shape) -> np.ndarray:
    """RGB image of the fills ``[(style, mask), ...]`` blended over white
    in drawing order, each with its style's opacity."""
    img = np.ones(tuple(shape) + (3,))
    for st, mask in fills:
        a = float(st.get("alpha", 1.0))
        img[mask] = (1 - a) * img[mask] + a * _fill_rgb(st)
    return img


def _overlaps(names, masks) -> list:
    """``(label, rgb)`` of every combination of two or more filled
    equilibria that share a cell, with the colour the blend gives there."""
    fills = [(n, style_for(n), mk) for n, mk in zip(names, masks)
             if style_for(n).get("fill") and mk.any()]
    fills.sort(key=lambda t: names.index(t[0]))
    if len(fills) < 2:
        return []
    code = np.zeros(fills[0][2].shape, dtype=np.int64)
    for b, (_n, _st, mk) in enumerate(fills):
        code |= mk.astype(np.int64) << b
    combos = [int(c) for c in np.unique(code) if bin(int(c)).count("1") >= 2]
    combos.sort(key=lambda c: (bin(c).count("1"), [b for b in range(len(fills)) if c >> b & 1]))
    out = []
    for c in combos:
        members = [fills[b] for b in range(len(fills)) if c >> b & 1]
        labels = [legend_label(n) for n, _st, _mk in members]
        label = (", ".join(labels[:-1]) + " and " + labels[-1])
        rgb = _composite([(st, np.ones((1,), bool)) for _n, st, _mk in members], (1,))[0]
        out.append((label, tuple(float(v) for v in rgb)))
    return out


def overlap_entries(m: RegionMap, efficient: bool = True) -> list:
    """Legend rows ``(label, rgb)`` for the colours of overlapping fills.

    Where two filled equilibria (trust-building, its mixed-strategy
    variant, suckers) are both drawn in a cell, their fills blend into a
    colour of its own; each such combination present on the map gets a
    row with that colour, so that every colour on the map is in the legend.

    Examples
    --------
    >>> from trustgame.paper import figure_map
    >>> [label for label, _ in overlap_entries(figure_map(3, theta=0.7, n=40))]
    ['trust-building and suckers']
    >>> overlap_entries(figure_map(1, n=40))
    []
    """
    arr = m.efficient if efficient else m.exists
    return _overlaps(list(m.names), list(arr))


def _legend_pad(ax) -> float:
    """Gap between the axes and a legend below them, in legend font sizes:
    room for the tick labels and the (typeset) axis label."""
    import matplotlib
    from matplotlib.font_manager import FontProperties

    rc = matplotlib.rcParams

    def pt(key):
        return FontProperties(size=rc[key]).get_size_in_points()

    ticks = rc["xtick.major.size"] + rc["xtick.major.pad"] + 1.3 * pt("xtick.labelsize")
    label = rc["axes.labelpad"] + 1.6 * pt("axes.labelsize")
    return (ticks + label + 4.0) / pt("legend.fontsize")


def legend_below(ax, handles, ncol: int = 2):
    """Put a legend under an axis's x label, outside the plotting area.

    The gap to the axis is room for the tick labels and the typeset axis
    label at the current style's font sizes, so the legend covers neither
    the map nor its labels; the legend's text is at ``legend.fontsize``.

    Parameters
    ----------
    ax : matplotlib axis
    handles : list of matplotlib artists
        The legend's entries (their labels are the legend's text).
    ncol : int
        Columns, at most one per entry.

    Returns
    -------
    matplotlib.legend.Legend

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> from matplotlib.patches import Patch
    >>> fig, ax = plt.subplots()
    >>> legend_below(ax, [Patch(label="one")])._loc == 9  # upper center
    True
    >>> plt.close(fig)
    """
    return ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, 0.0),
                     borderaxespad=_legend_pad(ax), ncol=min(ncol, len(handles)),
                     frameon=False, handlelength=2.2, handleheight=1.1, columnspacing=1.4)


def plot_map(m: RegionMap, ax=None, efficient: bool = True, legend: bool = True,
             title: str | None = None, seed: int = 0, dot_density: float = 0.5):
    """Draw a region map.

    Equilibria with period-1 mixing (maps with ``scope="all"``) are drawn
    as one layer, "equilibria with period-1 mixing".  The legend sits
    below the map and names every equilibrium drawn, and every colour
    that overlapping fills make (:func:`overlap_entries`).  The axes are
    labelled in typeset notation (:func:`axis_label`).

    Parameters
    ----------
    m : RegionMap
    ax : matplotlib axis, optional
        Drawn into a new figure when None.
    efficient : bool
        Draw PBE-ER (True) or all PBE (False).
    legend : bool
        Add the legend.
    title : str, optional
        A title over the map (none by default: in the book the caption
        says what the figure shows).
    seed : int
        Seed of the random dots.
    dot_density : float
        Share of cells of a dotted region that receive a dot, at most
        ``1 / 6`` of the cells of the densest grid direction.

    Returns
    -------
    matplotlib.figure.Figure
    """
    import matplotlib.pyplot as plt
    from matplotlib.patches import Patch

    if ax is None:
        fig, ax = plt.subplots(figsize=(5.6, 5.6))
    else:
        fig = ax.figure
    layer_names, layer_masks = _grouped(m, efficient)
    xs, ys = m.xs, m.ys
    dx, dy = xs[1] - xs[0], ys[1] - ys[0]
    extent = (xs[0] - dx / 2, xs[-1] + dx / 2, ys[0] - dy / 2, ys[-1] + dy / 2)
    X, Y = np.meshgrid(xs, ys)
    rng = np.random.default_rng(seed)
    handles = []
    extra = 0
    # draw fills first (blended into one picture), then hatches, dots and outlines
    order = sorted(range(len(layer_names)),
                   key=lambda c: (style_for(layer_names[c]).get("fill") is None, c))
    fills = [(style_for(layer_names[c]), layer_masks[c]) for c in order
             if style_for(layer_names[c]).get("fill") and layer_masks[c].any()]
    if fills:
        rgba = np.zeros(layer_masks[0].shape + (4,))
        rgba[..., :3] = _composite(fills, layer_masks[0].shape)
        rgba[..., 3] = np.any([mk for _st, mk in fills], axis=0)
        ax.imshow(rgba, origin="lower", extent=extent, aspect="auto",
                  interpolation="nearest", zorder=1)
    for c in order:
        name = layer_names[c]
        mask = layer_masks[c]
        if not mask.any():
            continue
        st = style_for(name, extra)
        if name.split("[")[0] not in STYLES:
            extra += 1
        z = mask.astype(float)
        if st.get("hatch"):
            ax.contourf(X, Y, z, levels=[0.5, 1.5], colors="none", hatches=[st["hatch"]],
                        zorder=2)
            for coll in ax.collections[-1:]:
                try:
                    coll.set_edgecolor(st["color"])
                    coll.set_linewidth(0.0)
                except AttributeError:
                    pass
        if st.get("dots"):
            idx = np.argwhere(mask)
            step = max(1, int(round(1 / max(dot_density, _MIN_DOT_DENSITY))))
            keep = rng.random(len(idx)) < (1.0 / (step * max(1, len(xs) // 40) ** 2))
            pts = idx[keep]
            jit = rng.random((len(pts), 2)) - 0.5
            ax.scatter(xs[pts[:, 1]] + jit[:, 0] * dx, ys[pts[:, 0]] + jit[:, 1] * dy,
                       s=2.5, c="black", zorder=3, linewidths=0)
        if st.get("edge"):
            ax.contour(X, Y, z, levels=[0.5], colors=[st["edge"]],
                       linestyles=[st.get("ls", "-")], linewidths=1.4, zorder=4)
        handles.append(Patch(facecolor=st.get("fill") or "white",
                             alpha=st.get("alpha", 1.0) if st.get("fill") else 1.0,
                             edgecolor=st.get("edge") or "black",
                             hatch=(st.get("hatch") or ("..." if st.get("dots") else None)),
                             linestyle=st.get("ls", "-"), label=legend_label(name)))
    for label, rgb in _overlaps(layer_names, layer_masks):
        handles.append(Patch(facecolor=rgb, edgecolor="#404040", linewidth=0.6, label=label))
    ax.set_xlim(extent[0], extent[1])
    ax.set_ylim(extent[2], extent[3])
    ax.set_xlabel(axis_label(m.x))
    ax.set_ylabel(axis_label(m.y))
    if title:
        ax.set_title(title)
    if legend and handles:
        legend_below(ax, handles)
    fig.tight_layout()
    return fig


#: Axis label of each parameter (and of the axes that move both states).
AXIS_LABELS = {"pA": r"$p_A$ (B's initial trust in A)", "pB": r"$p_B$ (A's initial trust in B)",
               "betaA": r"$\beta_A$ (independence of A's choice)",
               "betaB": r"$\beta_B$ (independence of B's choice)",
               "thetaA": r"$\theta_A$ (salience of period 2 for A)",
               "thetaB": r"$\theta_B$ (salience of period 2 for B)",
               "H": "$H$", "L": "$L$", "k": "$k$",
               "p": r"$p_A = p_B$ (initial trust in each state)",
               "beta": r"$\beta_A = \beta_B$ (independence of each choice)",
               "theta": r"$\theta$ (salience of period 2 for both states)"}


def axis_label(name: str) -> str:
    """Axis label of a parameter or of an axis that moves both states
    (``"p"``, ``"beta"``, ``"theta"``), in matplotlib's typeset notation
    (mathtext); the name itself when it has none.

    Examples
    --------
    >>> print(axis_label("pA"))
    $p_A$ (B's initial trust in A)
    >>> axis_label("k"), axis_label("other")
    ('$k$', 'other')
    """
    return AXIS_LABELS.get(name, name)


def plot_figure(number: int, n: int = 500, dominance: str = "weak", theta=1.0, ax=None,
                efficient: bool = True, title=None, scope: str = "pure"):
    """Compute and draw Figure ``number`` (1, 2 or 3); returns the figure.

    The map is :func:`trustgame.paper.figure_map` (cached there) with
    ``n`` cells per axis; ``theta`` is the salience of both states (None
    for the model default, 1).

    Parameters
    ----------
    number : int
        1, 2 or 3.
    n : int
        Cells per axis.
    dominance : {"weak", "strict", "none", "ex-ante"}
        Refinement.
    theta : float, optional
        Salience of period 2 for both states.
    ax : matplotlib axis, optional
        Drawn into a new figure when None.
    efficient : bool
        Draw PBE-ER (True) or all PBE (False).
    title : None, bool or str
        No title by default (the book's caption names the figure);
        ``True`` for the paper's caption (``FIGURES[number]["title"]``),
        or a title of your own.
    scope : {"pure", "all"}
        ``"all"`` adds the equilibria with period-1 mixing (slow).

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> plot_figure(3, n=30).axes[0].get_title()
    ''
    >>> print(plot_figure(3, n=30, title=True).axes[0].get_title())
    Figure 3: PBE-ER as A's independence varies
    """
    spec = figure_params(number)
    theta = DOMAIN["thetaA"].default if theta is None else theta
    m = figure_map(number, theta=theta, dominance=dominance, n=n, scope=scope)
    if title is True:
        title = spec["title"]
    return plot_map(m, ax=ax, efficient=efficient, title=title or None)
