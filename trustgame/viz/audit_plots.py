"""Drawing for the replication audit: marks on a region map, and small
inline images of figures (the landing page's thumbnails).

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

__all__ = ["mark_multiple", "thumbnail"]


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


def thumbnail(fig, alt: str, width: int = 150, href: str | None = None, dpi: int = 200) -> str:
    """A figure as a small inline image: an ``<img>`` tag with the PNG
    embedded (so the page needs no image file) and alt text, shown
    ``width`` CSS pixels wide, optionally linked.

    The PNG is rendered at ``dpi``; keep ``dpi * figure width in inches >=
    2 * width`` so that it is sharp on a 2x screen.  The figure is closed.

    Parameters
    ----------
    fig : matplotlib Figure
    alt : str
        What the image shows, in words (required: the book's pages give
        every image alt text).
    width : int
        Displayed width in CSS pixels.
    href : str, optional
        Link target of the image.
    dpi : int

    Returns
    -------
    str
        The HTML.

    Raises
    ------
    ValueError
        If ``alt`` is empty.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots(figsize=(2, 2))
    >>> html = thumbnail(fig, "an empty square", width=100)
    >>> html.startswith('<img alt="an empty square"') and "data:image/png;base64," in html
    True
    """
    import base64
    import html as _html
    import io

    import matplotlib.pyplot as plt

    if not alt or not alt.strip():
        raise ValueError("a thumbnail needs alt text")
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi, bbox_inches="tight", metadata={"Software": None})
    plt.close(fig)
    data = base64.b64encode(buf.getvalue()).decode("ascii")
    img = (f'<img alt="{_html.escape(alt)}" src="data:image/png;base64,{data}" '
           f'width="{int(width)}" style="max-width:100%;height:auto">')
    return f'<a href="{_html.escape(href)}">{img}</a>' if href else img
