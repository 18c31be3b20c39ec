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
"""

from __future__ import annotations

import math

from ..cases.evaluation import case_box, case_map
from ..cases.loading import as_case, phase_spans
from .plotting import plot_map

__all__ = ["draw_box", "plot_case_map", "plot_timeline"]

#: Marker and colour of each event role in the timeline figure.
_ROLE_STYLE = {
    "period-1 signal": dict(marker="o", color="#8b0000"),
    "period-1 defection": dict(marker="v", color="#555555"),
    "period-2 cooperation": dict(marker="s", color="#1f3b73"),
    "belief update": dict(marker="D", color="#0b6e4f"),
    "context": dict(marker="X", color="#000000"),
}


def draw_box(ax, case, x: str = "pA", y: str = "pB", codebook=None, overrides=None, theta=None,
             label: str | None = "coded box", color: str = "#0b6e4f", **style):
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
                    color=color, fontsize=8, fontweight="bold", zorder=7,
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


def plot_timeline(case, ax=None, width: float = 11.0):
    """Timeline figure: events by side, marked by role (filled = domestic,
    open = international), numbered as in
    :func:`trustgame.cases.timeline_rows`, with the spans of period-1 and
    period-2 events shaded (:func:`trustgame.cases.phase_spans`).  Returns
    the figure.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> fig = plot_timeline("cold-war")
    >>> fig.axes[0].get_xlabel()
    'year'
    >>> plt.close(fig)
    """
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    case = as_case(case)
    lanes = {"A": 2.0, "B": 1.0, "both": 0.0, "other": 0.0}
    if ax is None:
        fig, ax = plt.subplots(figsize=(width, 4.8))
    else:
        fig = ax.figure
    events = case.events
    spans = phase_spans(case)
    phases = [("period 1", "#f4a3a3", "period 1 (signals)"),
              ("period 2", "#a9c4eb", "period 2 (cooperation)")]
    handles = []
    for phase, colour, lab in phases:
        sp = spans.get(phase)
        if sp:
            ax.axvspan(sp[0], sp[1], color=colour, alpha=0.35, zorder=0, lw=0)
            handles.append(Patch(color=colour, alpha=0.35, label=lab))
    free = {}  # lane -> right end (decimal year) of the last event on each level
    for i, e in enumerate(events, start=1):
        lane = lanes[e.side]
        ends = free.setdefault(lane, [-math.inf] * 5)
        left = e.start_year if e.end else e.mid
        right = e.end_year if e.end else e.mid
        level = next((j for j, end in enumerate(ends) if left - end >= 0.3), 0)
        ends[level] = right
        yv = lane - 0.3 + 0.15 * level
        st = _ROLE_STYLE[e.role]
        if e.end:
            ax.plot([e.start_year, e.end_year], [yv, yv],
                    color=st["color"], lw=2.5, alpha=0.6, zorder=2, solid_capstyle="butt")
        face = st["color"] if e.arena == "domestic" else "white"
        ax.plot([e.mid], [yv], linestyle="none", marker=st["marker"], markersize=7,
                markerfacecolor=face, markeredgecolor=st["color"], markeredgewidth=1.5,
                zorder=3)
        ax.annotate(str(i), (e.mid, yv), xytext=(5, 0), textcoords="offset points",
                    ha="left", va="center", fontsize=7, zorder=4)
    ticks = [(2.0, f"A: {case.state_A}"), (1.0, f"B: {case.state_B}")]
    if any(lanes[e.side] == 0.0 for e in events):
        ticks.append((0.0, "both / other"))
    ax.set_yticks([t for t, _ in ticks])
    ax.set_yticklabels([lab for _, lab in ticks])
    ax.set_ylim(min(t for t, _ in ticks) - 0.5, 2.65)
    lo = min(e.start_year for e in events)
    hi = max(e.end_year for e in events)
    pad = max(0.2, 0.03 * (hi - lo))
    ax.set_xlim(lo - pad, hi + pad)
    ax.set_xlabel("year")
    ax.grid(axis="x", alpha=0.3)
    for role, st in _ROLE_STYLE.items():
        if any(e.role == role for e in events):
            handles.append(Line2D([], [], linestyle="none", marker=st["marker"],
                                  color=st["color"], markerfacecolor=st["color"], label=role))
    handles.append(Line2D([], [], linestyle="none", marker="o", color="gray",
                          markerfacecolor="white", label="open marker: international"))
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.18), ncol=4,
              fontsize=8, frameon=False)
    fig.tight_layout()
    return fig
