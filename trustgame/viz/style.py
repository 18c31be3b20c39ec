"""The book's figure style, panel labels and deterministic image files.

:func:`use_book_style` is the one call a chapter makes before drawing: it
sets the matplotlib parameters of the book (:data:`BOOK_RC`: a figure
that fills the text column, type that stays at least 9 pt when the page
shows it at that width, fixed ids in SVG files) and, inside IPython,
shows inline figures at twice the resolution.  :func:`panel_labels` puts
"(a)", "(b)", ... on the panels of a figure; :func:`save_figure` writes a
figure as PNG, SVG or PDF with the same bytes on every run.

Examples
--------
>>> import matplotlib
>>> matplotlib.use("Agg")
>>> with matplotlib.rc_context():
...     use_book_style()
...     matplotlib.rcParams["svg.hashsalt"], tuple(matplotlib.rcParams["figure.figsize"])
('trustgame', (7.0, 4.5))
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["BOOK_RC", "use_book_style", "panel_labels", "save_figure", "SAVE_DPI",
           "SAVE_METADATA"]

#: Matplotlib parameters of the book's figures.  A figure 7 in wide fills
#: the text column (about 700 px in a 1280 px window), so one point of the
#: figure is about one point on the page: labels at 10-11 pt stay readable.
BOOK_RC = {
    "figure.figsize": (7.0, 4.5),
    "figure.dpi": 100,
    "savefig.dpi": 200,
    "font.size": 10.5,
    "axes.titlesize": 11,
    "axes.labelsize": 11,
    "xtick.labelsize": 10,
    "ytick.labelsize": 10,
    "legend.fontsize": 10,
    "legend.title_fontsize": 10,
    "mathtext.fontset": "dejavusans",
    "svg.hashsalt": "trustgame",
    "svg.fonttype": "path",
    "pdf.fonttype": 42,
}

#: Resolution of PNG files written by :func:`save_figure`.
SAVE_DPI = 200

#: Metadata per file format that keeps image files identical between runs
#: (no date, no software version).
SAVE_METADATA = {
    ".png": {"Software": None},
    ".svg": {"Date": None, "Creator": None},
    ".pdf": {"Creator": None, "Producer": None, "CreationDate": None},
}


def _ipython():
    """The running IPython shell, or None (IPython is imported only when
    it is already loaded)."""
    import sys

    if "IPython" not in sys.modules:
        return None
    from IPython import get_ipython

    return get_ipython()


def use_book_style(retina: bool = True) -> None:
    """Set the book's figure style for every figure drawn afterwards.

    Updates :data:`matplotlib.rcParams` with :data:`BOOK_RC`.  Inside
    IPython (a notebook being executed or read) it also makes the inline
    backend send figures at twice their resolution (``"retina"``) with no
    software version in the PNG files, so that the pictures are sharp on
    high-density screens and identical between runs.  Outside IPython
    only the parameters change.

    Parameters
    ----------
    retina : bool
        Send inline figures at twice the resolution (IPython only).

    Returns
    -------
    None

    Examples
    --------
    >>> import matplotlib
    >>> with matplotlib.rc_context():
    ...     use_book_style()
    ...     matplotlib.rcParams["font.size"] >= 10, matplotlib.rcParams["savefig.dpi"]
    (True, 200.0)
    """
    import matplotlib

    shell = _ipython()
    if shell is not None:
        # the inline backend selects its default format when pyplot first
        # loads it: load it before choosing the format
        import matplotlib.pyplot  # noqa: F401
    matplotlib.rcParams.update(BOOK_RC)
    if shell is not None and retina:
        try:
            from matplotlib_inline.backend_inline import set_matplotlib_formats
        except ImportError:  # pragma: no cover - the inline backend ships with ipykernel
            return None
        set_matplotlib_formats("retina", metadata={"Software": None})
    return None


def panel_labels(axes, labels=None, loc: str = "upper left", **text_kw) -> list:
    """Label the panels of a figure "(a)", "(b)", ... in reading order.

    The label sits just above the panel's top left (or right) corner,
    outside the plotting area, in bold type at the axes' title size.

    Parameters
    ----------
    axes : matplotlib axis or sequence (array) of axes
    labels : sequence of str, optional
        The labels; ``"(a)"``, ``"(b)"``, ... by default.
    loc : {"upper left", "upper right"}
        Corner of each panel the label sits over.
    **text_kw
        Passed on to :meth:`matplotlib.axes.Axes.text`.

    Returns
    -------
    list of matplotlib.text.Text

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> fig, axs = plt.subplots(1, 2)
    >>> [t.get_text() for t in panel_labels(axs)]
    ['(a)', '(b)']
    >>> plt.close(fig)
    """
    import numpy as np

    flat = list(np.ravel(np.asarray(axes, dtype=object)))
    if labels is None:
        labels = [f"({chr(ord('a') + i)})" for i in range(len(flat))]
    if len(labels) != len(flat):
        raise ValueError(f"{len(labels)} labels for {len(flat)} panels")
    if loc not in ("upper left", "upper right"):
        raise ValueError(f"loc must be 'upper left' or 'upper right' (got {loc!r})")
    x, ha = (0.0, "left") if loc == "upper left" else (1.0, "right")
    kw = {"fontweight": "bold", "fontsize": "large", "va": "bottom", "ha": ha}
    kw.update(text_kw)
    return [ax.text(x, 1.02, lab, transform=ax.transAxes, **kw) for ax, lab in zip(flat, labels)]


def save_figure(fig, path, dpi: int = SAVE_DPI) -> Path:
    """Save a figure as PNG, SVG or PDF, chosen by the file's extension.

    The files are the same bytes on every run: the metadata carries no
    date and no software version (:data:`SAVE_METADATA`) and SVG ids come
    from the fixed ``svg.hashsalt`` of :data:`BOOK_RC`.  The figure is
    cropped to what it draws (``bbox_inches="tight"``), as in the book.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
    path : str or pathlib.Path
        Ends in ``.png``, ``.svg`` or ``.pdf`` (any case).
    dpi : int
        Resolution of a PNG file (vector files ignore it).

    Returns
    -------
    pathlib.Path
        The path written.

    Raises
    ------
    ValueError
        For another extension; the message names the path.

    Examples
    --------
    >>> import matplotlib, tempfile, os
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> with tempfile.TemporaryDirectory() as d:
    ...     out = save_figure(fig, os.path.join(d, "map.svg"))
    ...     out.name, out.read_text().count("<svg") > 0
    ('map.svg', True)
    >>> plt.close(fig)
    """
    import matplotlib

    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SAVE_METADATA:
        raise ValueError(f"cannot save a figure as {str(path)!r}: the file must end in "
                         f"{', '.join(SAVE_METADATA)}")
    with matplotlib.rc_context({"svg.hashsalt": BOOK_RC["svg.hashsalt"]}):
        fig.savefig(path, format=suffix[1:], dpi=dpi, bbox_inches="tight",
                    metadata=dict(SAVE_METADATA[suffix]))
    return path
