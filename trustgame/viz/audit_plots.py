"""Drawing for the replication audit: marks on a region map.

Examples
--------
>>> import matplotlib
>>> matplotlib.use("Agg")
>>> import matplotlib.pyplot as plt
>>> from trustgame.paper import FIGURES
>>> from trustgame.analysis.maps import region_map
>>> from trustgame.viz.plotting import plot_map
>>> m = region_map(FIGURES[1]["base"], n=40)
>>> fig, ax = plt.subplots()
>>> _ = plot_map(m, ax=ax)
>>> mark_multiple(m, ax) == int((m.count() > 1).sum())
True
>>> plt.close(fig)
"""

from __future__ import annotations

from ..analysis.maps import RegionMap

__all__ = ["mark_multiple"]


def mark_multiple(m: RegionMap, ax, color: str = "gold", label: str = "two or more PBE-ER") -> int:
    """Paint the cells of a map that have more than one PBE-ER (on top of
    :func:`trustgame.viz.plotting.plot_map`) and add them to the legend.

    Parameters
    ----------
    m : RegionMap
    ax : matplotlib Axes
        Axes the map was drawn on; its legend is extended (or created).
    color : str
        Fill colour of the marked cells.
    label : str
        Legend text (the number of cells is appended).

    Returns
    -------
    int
        The number of such cells.
    """
    from matplotlib.patches import Patch

    multi = m.count() > 1
    if multi.any():
        ax.contourf(m.xs, m.ys, multi.astype(float), levels=[0.5, 1.5], colors=[color],
                    alpha=0.9, zorder=5)
    leg = ax.get_legend()
    handles = list(leg.legend_handles) if leg else []
    labels = [t.get_text() for t in leg.get_texts()] if leg else []
    handles.append(Patch(facecolor=color, edgecolor="none"))
    labels.append(f"{label} ({int(multi.sum())} cells)")
    ax.legend(handles=handles, labels=labels, loc="upper center", bbox_to_anchor=(0.5, -0.13),
              ncol=2, fontsize="small", frameon=False)
    return int(multi.sum())
