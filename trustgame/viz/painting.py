"""Painting region maps as pixel arrays, the explorer's fast picture.

:func:`map_image` paints a :class:`~trustgame.analysis.maps.RegionMap`
into an RGBA array in the visual scheme of :mod:`trustgame.viz.plotting`
(fills, stripes, dots and outlines drawn as pixel patterns, which is what
makes a redraw of the explorer fast); :func:`draw_map` shows such a
picture on a matplotlib axis with its legend (:func:`legend_entries`,
:func:`legend_handles`).

Examples
--------
>>> from trustgame import Params
>>> from trustgame.analysis.maps import region_map
>>> map_image(region_map(Params(), n=20)).shape
(20, 20, 4)
"""

from __future__ import annotations

import numpy as np

from ..analysis.maps import RegionMap
from .plotting import STYLES, axis_label, legend_below, legend_label, overlap_entries, style_for

__all__ = ["map_image", "legend_entries", "legend_handles", "draw_map"]


def _rgb(color) -> np.ndarray:
    from matplotlib.colors import to_rgb

    return np.array(to_rgb(color))


def _pattern(kind: str, shape: tuple, period: int, seed: int = 0) -> np.ndarray:
    """Boolean pixel pattern of a hatch or dot style."""
    ii, jj = np.indices(shape)
    p = max(3, int(period))
    if kind == "////":
        return (jj - ii) % p < max(1, p // 4)
    if kind == "\\\\\\\\":
        return (jj + ii) % p < max(1, p // 4)
    if kind == "xxxx":
        w = max(1, p // 5)
        return ((jj - ii) % p < w) | ((jj + ii) % p < w)
    if kind in ("--", "||"):
        return (ii if kind == "--" else jj) % p < max(1, p // 4)
    if kind == "++":
        return (ii % p == 0) | (jj % p == 0)
    if kind in ("oo", "OO"):
        size = 1 if kind == "oo" else 2
        return (ii % p < size) & (jj % p < size)
    if kind == "..":
        return (ii % p == p // 2) & ((jj + (ii // p) * (p // 2)) % p == 0)
    if kind == "**":
        return ((ii % p == 0) & (jj % 2 == 0)) | ((jj % p == 0) & (ii % 2 == 0))
    if kind == "dots":
        rng = np.random.default_rng(seed)
        return rng.random(shape) < 2.0 / (p * p)
    raise ValueError(f"unknown pattern {kind!r}")


def _boundary(mask: np.ndarray) -> np.ndarray:
    """Cells of ``mask`` with a 4-neighbour outside it (the map edge does
    not count)."""
    inner = mask.copy()
    inner[1:, :] &= mask[:-1, :]
    inner[:-1, :] &= mask[1:, :]
    inner[:, 1:] &= mask[:, :-1]
    inner[:, :-1] &= mask[:, 1:]
    return mask & ~inner


def _line_style(kind: str, shape: tuple) -> np.ndarray:
    ii, jj = np.indices(shape)
    if kind == "--":
        return ((ii + jj) // 3) % 2 == 0
    if kind == ":":
        return (ii + jj) % 3 == 0
    if kind == "-.":
        return ((ii + jj) % 6) != 4
    return np.ones(shape, dtype=bool)


def _styles(m: RegionMap, arr: np.ndarray) -> list:
    """(index, name, style) of every equilibrium present, in drawing
    order: fills first, as :func:`trustgame.viz.plotting.plot_map` does."""
    out, extra = [], 0
    for c, name in enumerate(m.names):
        if not arr[c].any():
            continue
        out.append((c, name, style_for(name, extra)))
        if name.split("[")[0] not in STYLES:
            extra += 1
    return sorted(out, key=lambda t: (t[2].get("fill") is None, t[0]))


def map_image(m: RegionMap, efficient: bool = True, seed: int = 0) -> np.ndarray:
    """Paint a region map into an RGBA array (rows = ``m.ys``, bottom first).

    Fills are blended over white with the style's opacity; hatches, the
    semi-tragic dots and the outlines are pixel patterns whose spacing
    grows with the grid, so that the picture reads the same at any ``n``.
    The dots are drawn with a fixed seed: the image is deterministic.

    Parameters
    ----------
    m : RegionMap
    efficient : bool
        Paint PBE-ER (True) or all PBE (False).
    seed : int
        Seed of the random dots.

    Returns
    -------
    numpy.ndarray
        ``uint8`` array of shape ``(len(m.ys), len(m.xs), 4)``.

    Examples
    --------
    >>> from trustgame import Params
    >>> from trustgame.analysis.maps import region_map
    >>> img = map_image(region_map(Params(), n=30))
    >>> img.shape, int(img[..., 3].min())
    ((30, 30, 4), 255)
    """
    arr = m.efficient if efficient else m.exists
    shape = arr.shape[1:]
    period = max(4, min(shape) // 25)
    img = np.ones(shape + (3,))
    layers = _styles(m, arr)
    for c, _name, st in layers:
        if st.get("fill"):
            a = float(st.get("alpha", 1.0))
            mask = arr[c]
            img[mask] = (1 - a) * img[mask] + a * _rgb(st["fill"])
    for c, _name, st in layers:
        mask = arr[c]
        if st.get("hatch"):
            pat = mask & _pattern(st["hatch"], shape, period)
            img[pat] = _rgb(st.get("color", "black"))
        if st.get("dots"):
            img[mask & _pattern("dots", shape, period, seed + c)] = 0.0
    for c, _name, st in layers:
        if st.get("edge"):
            edge = _boundary(arr[c]) & _line_style(st.get("ls", "-"), shape)
            img[edge] = _rgb(st["edge"])
    out = np.empty(shape + (4,), dtype=np.uint8)
    out[..., :3] = np.rint(img * 255)
    out[..., 3] = 255
    return out


def legend_entries(m: RegionMap, efficient: bool = True) -> list:
    """Legend rows ``(name, label, style)`` for the equilibria present.

    Examples
    --------
    >>> from trustgame import Params
    >>> from trustgame.analysis.maps import region_map
    >>> [e[1] for e in legend_entries(region_map(Params(), n=30))]
    ['trust-building', 'suckers', 'tragic (white)']
    """
    arr = m.efficient if efficient else m.exists
    rows = sorted(_styles(m, arr), key=lambda t: t[0])
    return [(name, legend_label(name), st) for _c, name, st in rows]


def legend_handles(entries) -> list:
    """Matplotlib legend patches for :func:`legend_entries` rows.

    Examples
    --------
    >>> from trustgame import Params
    >>> from trustgame.analysis.maps import region_map
    >>> [h.get_label() for h in legend_handles(legend_entries(region_map(Params(), n=30)))]
    ['trust-building', 'suckers', 'tragic (white)']
    """
    from matplotlib.patches import Patch

    handles = []
    for _name, label, st in entries:
        handles.append(Patch(
            facecolor=st.get("fill") or "white",
            alpha=st.get("alpha", 1.0) if st.get("fill") else 1.0,
            edgecolor=st.get("edge") or "black",
            hatch=st.get("hatch") or ("..." if st.get("dots") else None),
            linestyle=st.get("ls", "-"), label=label))
    return handles


def draw_map(ax, m: RegionMap, efficient: bool = True, legend: bool = True,
             title: str | None = None, point=None):
    """Draw a map with :func:`map_image` on a matplotlib axis.

    The fast counterpart of :func:`trustgame.viz.plotting.plot_map` (same
    colours and hatches, painted as pixels, and the same legend below the
    map, overlapping fills included); used for the explorer and its
    gallery.  Returns the ``AxesImage``.
    """
    dx, dy = m.xs[1] - m.xs[0], m.ys[1] - m.ys[0]
    extent = (m.xs[0] - dx / 2, m.xs[-1] + dx / 2, m.ys[0] - dy / 2, m.ys[-1] + dy / 2)
    im = ax.imshow(map_image(m, efficient), origin="lower", extent=extent, aspect="auto",
                   interpolation="nearest")
    ax.set_xlabel(axis_label(m.x))
    ax.set_ylabel(axis_label(m.y))
    if title:
        ax.set_title(title)
    if point is not None:
        ax.plot([point[0]], [point[1]], marker="*", color="#1a1aff", markersize=13,
                markeredgecolor="white", linestyle="none")
    if legend:
        from matplotlib.patches import Patch

        handles = legend_handles(legend_entries(m, efficient))
        handles += [Patch(facecolor=rgb, edgecolor="#404040", linewidth=0.6, label=label)
                    for label, rgb in overlap_entries(m, efficient)]
        legend_below(ax, handles)
    return im
