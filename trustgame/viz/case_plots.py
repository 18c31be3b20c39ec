"""Figures of the case chapters: a case's box on a region map, and its
timeline.

The data come from :mod:`trustgame.cases` (the box, the map through its
centre, the events and the spans of the two periods); this module only
draws them.

Examples
--------
>>> import matplotlib.pyplot as plt
>>> fig = plot_timeline("korea")
>>> len(fig.axes)
1
>>> plt.close(fig)
>>> fig = plot_case_maps("cold-war", [dict(n=20), dict(n=20, theta=0.5)])
>>> [t.get_text() for t in fig.axes[0].texts[-2:]]
['coded box', '(a)']
>>> plt.close(fig)
"""

from __future__ import annotations

import math

from ..cases.evaluation import case_box, case_map
from ..cases.loading import as_case, phase_spans
from .plotting import plot_map
from .style import panel_labels

__all__ = ["draw_box", "plot_case_map", "plot_case_maps", "plot_timeline"]

#: Colour of a case's box on a region map.
BOX_COLOUR = "#0b6e4f"

#: Marker and colour of each event role in the timeline figure.
_ROLE_STYLE = {
    "period-1 signal": dict(marker="o", color="#8b0000"),
    "period-1 defection": dict(marker="v", color="#555555"),
    "period-2 cooperation": dict(marker="s", color="#1f3b73"),
    "belief update": dict(marker="D", color="#0b6e4f"),
    "context": dict(marker="X", color="#000000"),
}


def draw_box(ax, case, x: str = "pA", y: str = "pB", codebook=None, overrides=None, theta=None,
             label: str | None = "coded box", color: str = BOX_COLOUR, **style):
    """Draw the projection of a case's box on two axes; returns the patch.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
    case : Case or str
    x, y : str
        The parameters on the horizontal and vertical axis.
    codebook, overrides, theta
        See :func:`trustgame.cases.case_box`.
    label : str or None
        Text written at the box's upper-right corner.
    color : str
    **style
        Passed to :class:`matplotlib.patches.Rectangle`.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> draw_box(ax, "korea").get_width()
    0.25
    >>> plt.close(fig)
    """
    from matplotlib.patches import Rectangle

    box = case_box(case, codebook, overrides, theta)
    (x0, x1), (y0, y1) = box[x], box[y]
    kw = dict(fill=False, edgecolor=color, linewidth=2.2, zorder=6)
    kw.update(style)
    patch = ax.add_patch(Rectangle((x0, y0), x1 - x0, y1 - y0, **kw))
    if label:
        ax.annotate(label, (x1, y1), xytext=(3, 3), textcoords="offset points",
                    color=color, fontsize=9, fontweight="bold", zorder=7,
                    bbox=dict(boxstyle="round,pad=0.15", fc="white", ec="none", alpha=0.85))
    return patch


def plot_case_map(case, x: str = "pA", y: str = "pB", ax=None, m=None, n: int = 200,
                  title: str | None = None, legend: bool = True, codebook=None,
                  overrides=None, theta=None, box_overrides=None, box_theta=None,
                  box_label: str | None = "coded box", xlim=(0, 1), ylim=(0, 1)):
    """A region map with the case's box drawn on it; returns the figure.

    ``m`` is a precomputed map (default: :func:`trustgame.cases.case_map`
    through the box centre with ``overrides``, ``theta``, ``xlim`` and
    ``ylim``); the box drawn uses ``box_overrides`` and ``box_theta``
    (default: the coding).

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> fig = plot_case_map("cold-war", n=20)
    >>> len(fig.axes[0].patches) >= 1
    True
    >>> plt.close(fig)
    """
    if m is None:
        m = case_map(case, x, y, n, xlim, ylim, codebook=codebook, overrides=overrides,
                     theta=theta)
    fig = plot_map(m, ax=ax, legend=legend, title=title)
    draw_box(ax if ax is not None else fig.axes[0], case, x, y, codebook, box_overrides,
             box_theta, label=box_label)
    return fig


def plot_case_maps(case, panels, ncols: int = 2, width: float = 7.0,
                   box_label: str = "coded box"):
    """Several region maps of one case in one figure, in a grid that fills
    the text column, with one legend for all panels; returns the figure.

    The panels are labelled (a), (b), ... (:func:`trustgame.viz.panel_labels`)
    and drawn by :func:`plot_case_map`.  The legend names every colour and
    pattern drawn on any panel, once, and the case's box; it stands in the
    first empty cell of the grid, or below the grid when the grid is full.
    Keep titles short: they share the line above a panel with its label.

    Parameters
    ----------
    case : Case or str
    panels : sequence of dict
        Keyword arguments of :func:`plot_case_map` for each panel
        (``x``, ``y``, ``m``, ``overrides``, ``theta``, ``xlim``, ...).  A
        ``title`` is written over the panel's right corner, beside its
        label.
    ncols : int
        Panels per row.
    width : float
        Width of the figure in inches (7 fills the text column).
    box_label : str
        Legend entry of the box, also written at its corner.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> fig = plot_case_maps("korea", [dict(x="betaA", y="pB", n=20)] * 3)
    >>> len(fig.axes), float(fig.get_figwidth())
    (4, 7.0)
    >>> "coded box" in [t.get_text() for t in fig.legends[0].get_texts()]
    True
    >>> plt.close(fig)
    """
    import matplotlib.pyplot as plt
    from matplotlib.patches import Patch

    panels = list(panels)
    ncols = max(1, min(ncols, len(panels)))
    nrows = math.ceil(len(panels) / ncols)
    cell = width / ncols
    spare = nrows * ncols > len(panels)
    height = nrows * (min(cell, 4.2) + 0.55) + (0 if spare else 0.4)
    fig, grid = plt.subplots(nrows, ncols, figsize=(width, height), squeeze=False)
    axes = list(grid.ravel())
    handles = {}
    for ax, kw in zip(axes, panels):
        kw = dict(kw)
        title = kw.pop("title", None)
        plot_case_map(case, ax=ax, box_label=box_label, **kw)
        for h, t in zip(ax.get_legend().legend_handles, ax.get_legend().get_texts()):
            handles.setdefault(t.get_text(), h)
        ax.get_legend().remove()
        if title:
            ax.set_title(title, loc="right", fontsize="medium")
    handles[box_label] = Patch(fill=False, edgecolor=BOX_COLOUR, linewidth=2.2, label=box_label)
    used = axes[:len(panels)]
    panel_labels(used)
    for ax in axes[len(panels):]:
        ax.axis("off")
    kw = dict(frameon=False, handlelength=2.2, handleheight=1.1)
    fig.tight_layout(h_pad=1.2, w_pad=1.0)
    if spare:
        # in the first empty cell, from the right edge of the panel on its left
        cell_box = axes[len(panels)].get_position()
        left = axes[len(panels) - 1].get_position().x1
        fig.legend(list(handles.values()), list(handles), loc="center left",
                   bbox_to_anchor=(left + 0.03, (cell_box.y0 + cell_box.y1) / 2),
                   borderaxespad=0.0, **kw)
    else:
        fig.legend(list(handles.values()), list(handles), loc="upper center",
                   bbox_to_anchor=(0.5, 0.0), ncol=min(2, len(handles)), columnspacing=1.4,
                   **kw)
    return fig


def _spread(wanted, gap, lo=None, hi=None):
    """Positions as close as possible (least squares) to ``wanted``
    (sorted) with neighbours at least ``gap`` apart, inside ``[lo, hi]``
    when given: pool-adjacent-violators on ``wanted[i] - i * gap``."""
    blocks = []  # [sum, count] of pooled values
    for i, w in enumerate(wanted):
        blocks.append([w - i * gap, 1])
        while len(blocks) > 1 and blocks[-2][0] / blocks[-2][1] > blocks[-1][0] / blocks[-1][1]:
            s, c = blocks.pop()
            blocks[-1][0] += s
            blocks[-1][1] += c
    out = []
    for s, c in blocks:
        out.extend([s / c] * c)
    out = [v + i * gap for i, v in enumerate(out)]
    if lo is not None:
        for i in range(len(out)):
            out[i] = max(out[i], lo + i * gap)
    if hi is not None:
        n = len(out)
        for i in range(n - 1, -1, -1):
            out[i] = min(out[i], hi - (n - 1 - i) * gap)
    return out


def plot_timeline(case, ax=None, width: float = 7.0, fontsize: float = 9.0,
                  year_height: float | None = None):
    """Timeline figure: time runs down the page, one lane per side, each
    event marked by its role (filled = domestic, open = international) and
    labelled in place with a short label (:func:`trustgame.cases.event_label`).

    Labels of A's events (and of events of both sides) stand on the left,
    those of B's on the right; where events crowd, the labels move apart
    and a thin line joins each label to its mark.  Events that span a
    period are bars; the spans of the period-1 events and of the period-2
    cooperation (:func:`trustgame.cases.phase_spans`) are shaded.  Returns
    the figure.

    Parameters
    ----------
    case : Case or str
    ax : matplotlib.axes.Axes, optional
        Drawn into; default a new figure ``width`` inches wide, as tall as
        the labels need.
    width : float
    fontsize : float
        Size of the labels in points.
    year_height : float, optional
        Inches per year (default: 0.45, more where the labels need it).

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> fig = plot_timeline("cold-war")
    >>> fig.axes[0].get_ylabel()
    'year'
    >>> "INF Treaty signed" in [t.get_text() for t in fig.axes[0].texts]
    True
    >>> plt.close(fig)
    """
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    from ..cases.tables import event_label

    case = as_case(case)
    events = list(case.events)
    lane_x = {"A": -0.17, "B": 0.17}
    label_x = {"left": -0.27, "right": 0.27}
    # events of both sides are marked on both lanes and labelled on the
    # side with fewer labels
    joint = "left" if (sum(e.side == "A" for e in events)
                       <= sum(e.side == "B" for e in events)) else "right"
    side_of = {"A": "left", "B": "right", "both": joint, "other": joint}
    lo = min(e.start_year for e in events)
    hi = max(e.end_year for e in events)
    pad = max(0.25, 0.04 * (hi - lo))
    y0, y1 = lo - pad, hi + pad
    gap_in = 1.45 * fontsize / 72  # one label line, in inches
    crowd = max(sum(side_of[e.side] == s for e in events) for s in label_x)
    if ax is None:
        plot_h = (year_height * (y1 - y0) if year_height
                  else max(3.8, 0.45 * (y1 - y0), 1.2 * crowd * gap_in))
        fig, ax = plt.subplots(figsize=(width, plot_h + 1.3))
        fig.subplots_adjust(left=0.11, right=0.91, top=1 - 0.4 / (plot_h + 1.3),
                            bottom=0.9 / (plot_h + 1.3))
    else:
        fig = ax.figure
    ax_h = ax.get_position().height * fig.get_figheight()
    gap = gap_in * (y1 - y0) / ax_h  # in years
    ax.set_xlim(-1, 1)
    ax.set_ylim(y1, y0)  # time runs down
    spans = phase_spans(case)
    phases = [("period 1", "#f4a3a3", "period 1"), ("period 2", "#a9c4eb", "period 2")]
    handles = []
    for phase, colour, lab in phases:
        sp = spans.get(phase)
        if sp:
            ax.axhspan(sp[0], sp[1], xmin=0.5 + lane_x["A"] / 2 - 0.04,
                       xmax=0.5 + lane_x["B"] / 2 + 0.04, color=colour, alpha=0.35,
                       zorder=0, lw=0)
            handles.append(Patch(color=colour, alpha=0.35, label=f"span of {lab} events"))
    for year in range(int(math.ceil(y0)), int(math.floor(y1)) + 1):
        ax.axhline(year, color="0.88", lw=0.6, zorder=0)
    # marks: events close in time on one lane step outwards
    marks = []
    seen = {"A": [], "B": []}
    for e in events:
        st = _ROLE_STYLE[e.role]
        face = st["color"] if e.arena == "domestic" else "white"
        lanes = ("A", "B") if e.side in ("both", "other") else (e.side,)
        xs = {}
        for lane in lanes:
            step = sum(1 for m in seen[lane] if abs(m - e.mid) < 1.2 * gap)
            seen[lane].append(e.mid)
            xs[lane] = lane_x[lane] + (1 if lane == "B" else -1) * 0.03 * (step % 3)
        if len(xs) == 2:
            ax.plot([xs["A"], xs["B"]], [e.mid, e.mid], color=st["color"], lw=1.2,
                    alpha=0.7, zorder=2)
        for x in xs.values():
            if e.end:
                ax.plot([x, x], [e.start_year, e.end_year], color=st["color"], lw=3,
                        alpha=0.55, zorder=2, solid_capstyle="butt")
            ax.plot([x], [e.mid], linestyle="none", marker=st["marker"], markersize=6.5,
                    markerfacecolor=face, markeredgecolor=st["color"], markeredgewidth=1.4,
                    zorder=3)
        anchor = xs["A"] if side_of[e.side] == "left" and "A" in xs else xs.get("B", xs.get("A"))
        marks.append((e, anchor))
    for side, lx in label_x.items():
        mine = sorted((m for m in marks if side_of[m[0].side] == side), key=lambda m: m[0].mid)
        if not mine:
            continue
        ys = _spread([e.mid for e, _ in mine], gap, y0 + gap / 2, y1 - gap / 2)
        for (e, x), yl in zip(mine, ys):
            ha = "right" if side == "left" else "left"
            ax.plot([x, lx * 0.93, lx], [e.mid, yl, yl], color="0.6", lw=0.6, zorder=1)
            ax.text(lx + (-0.01 if side == "left" else 0.01), yl, event_label(e), ha=ha,
                    va="center", fontsize=fontsize, zorder=4)
    for lane, ha, nudge in (("A", "right", 0.03), ("B", "left", -0.03)):
        name = case.state_A if lane == "A" else case.state_B
        ax.text(lane_x[lane] + nudge, 1.01, f"{name} ({lane})", transform=ax.get_xaxis_transform(),
                ha=ha, va="bottom", fontsize=fontsize, fontweight="bold")
    ax.set_xticks([])
    ax.set_ylabel("year")
    ax.tick_params(axis="y", labelright=True, right=True)
    for spine in ("top", "bottom"):
        ax.spines[spine].set_visible(False)
    for role, st in _ROLE_STYLE.items():
        if any(e.role == role for e in events):
            handles.append(Line2D([], [], linestyle="none", marker=st["marker"],
                                  color=st["color"], markerfacecolor=st["color"], label=role))
    handles.append(Line2D([], [], linestyle="none", marker="o", color="gray",
                          markerfacecolor="white", label="open: international"))
    if any(e.side in ("both", "other") for e in events):
        handles.append(Line2D([], [], color="gray", marker="s", markerfacecolor="white",
                              label="joined: both sides"))
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.01), ncol=3,
              fontsize=fontsize, frameon=False)
    return fig
