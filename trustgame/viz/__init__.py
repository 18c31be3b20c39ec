"""Visualisation: region maps and figures in the paper's visual scheme,
and the interactive explorer.

:mod:`trustgame.viz.plotting` draws a :class:`~trustgame.analysis.maps.RegionMap`
with matplotlib (:func:`plot_map`, :func:`plot_figure`);
:mod:`trustgame.viz.style` sets the book's figure style
(:func:`use_book_style`), labels panels (:func:`panel_labels`) and saves
figures with the same bytes on every run (:func:`save_figure`);
:mod:`trustgame.viz.painting` paints maps as pixel arrays, which
:mod:`trustgame.viz.explorer` shows in the interactive explorer and its
static gallery; :mod:`trustgame.viz.case_plots` draws the cases' parameter
boxes and timelines, :mod:`trustgame.viz.audit_plots` the audit's marks.  The maps themselves are
computed below this layer (:func:`trustgame.analysis.maps.region_map`,
:func:`trustgame.paper.figure_map`).

Examples
--------
>>> from trustgame.viz import DEFAULTS, params_from_values, style_for
>>> style_for("suckers")["ls"], params_from_values(DEFAULTS).pA
('--', 0.35)
"""

from . import audit_plots as _audit_plots
from . import case_plots as _case_plots
from .audit_plots import *  # noqa: F403  (its __all__)
from .case_plots import *  # noqa: F403  (its __all__)
from .explorer import (
    AXIS_CHOICES,
    AXIS_RANGES,
    DEFAULTS,
    SLIDERS,
    START,
    Explorer,
    ExplorerResult,
    compute_map,
    diagonal_interval,
    equilibrium_rows,
    explore,
    explorer_ui,
    gallery,
    params_from_values,
    rows_html,
)
from .painting import draw_map, legend_entries, legend_handles, map_image
from .plotting import (
    AXIS_LABELS,
    LABELS,
    MIXING_LAYER,
    STYLES,
    axis_label,
    legend_below,
    legend_label,
    overlap_entries,
    plot_figure,
    plot_map,
    style_for,
)
from .style import BOOK_RC, SAVE_DPI, SAVE_METADATA, panel_labels, save_figure, use_book_style

__all__ = [
    # plotting
    "AXIS_LABELS",
    "LABELS",
    "MIXING_LAYER",
    "STYLES",
    "axis_label",
    "legend_below",
    "legend_label",
    "overlap_entries",
    "plot_figure",
    "plot_map",
    "style_for",
    # style and files
    "BOOK_RC",
    "SAVE_DPI",
    "SAVE_METADATA",
    "panel_labels",
    "save_figure",
    "use_book_style",
    # painting
    "draw_map",
    "legend_entries",
    "legend_handles",
    "map_image",
    # explorer
    "AXIS_CHOICES",
    "AXIS_RANGES",
    "DEFAULTS",
    "SLIDERS",
    "START",
    "Explorer",
    "ExplorerResult",
    "compute_map",
    "diagonal_interval",
    "equilibrium_rows",
    "explore",
    "explorer_ui",
    "gallery",
    "params_from_values",
    "rows_html",
] + list(_audit_plots.__all__) + list(_case_plots.__all__)
