"""Case data: the Cold War and Korea codings, run through the model.

The paper codes its two cases in words (Goldfien, Joseph and McManus 2026,
sections "Mapping the Model to the Case" and "Mapping the Model to the Korea
Case"; its tabular Appendix B is not available).  This package reads those
codings from plain files, turns them into a box of model parameters and asks
the solver which equilibria survive the refinement inside the box.

Modules, lowest first:

:mod:`~trustgame.cases.codebook`
    ``data/codebook.yml``: the label -> interval mapping (our assumption),
    and the names the other modules share (:data:`DATA_DIR`,
    :data:`NOT_CODED`, :data:`BOX_PARAMETERS`, :data:`REQUIRED_PARAMETERS`).
:mod:`~trustgame.cases.loading`
    The case tables ``data/cases/<case>.csv`` and timelines
    ``data/timelines/<case>.csv``, validated; every error is a
    :class:`~trustgame.core.errors.CaseDataError` naming file, row and
    column.  ``data/templates/`` holds blank copies for a new case.
:mod:`~trustgame.cases.evaluation`
    The parameter box of a case, its points (grid or Monte Carlo with seed
    :data:`SEED`), the equilibria at each point, shares, the sensitivity
    table.
:mod:`~trustgame.cases.paths`
    The path of play an equilibrium predicts and the one a timeline records.
:mod:`~trustgame.cases.tables`
    Rows and Markdown tables for the book (plain-English labels, the
    evidence folded per row), and a filled copy of the case template.

The figures (:func:`trustgame.viz.plot_case_map`,
:func:`trustgame.viz.plot_timeline`) live in :mod:`trustgame.viz.case_plots`.

Examples
--------
>>> from trustgame import cases
>>> sorted(cases.load_cases())
['cold-war', 'korea']
>>> cases.case_box("korea")["pB"]
(0.1, 0.3)
"""

from ..core.errors import CaseDataError
from .codebook import (
    BOX_PARAMETERS,
    DATA_DIR,
    NOT_CODED,
    REQUIRED_PARAMETERS,
    Codebook,
    Scale,
    load_codebook,
)
from .evaluation import (
    SEED,
    BoxResult,
    box_centre,
    case_box,
    case_map,
    counterfactual_share,
    evaluate_box,
    evaluate_points,
    full_scope_rows,
    prediction_share,
    sample_box,
    sensitivity_table,
)
from .loading import (
    CASE_COLUMNS,
    CODING_BOUNDS,
    ROLES,
    TIMELINE_COLUMNS,
    Case,
    Coding,
    Event,
    load_case_file,
    load_cases,
    load_timeline,
    phase_spans,
)
from .paths import observed_path, predicted_path
from .tables import (
    PARAMETER_SYMBOLS,
    case_table,
    codebook_rows,
    codebook_table,
    codings_rows,
    details,
    equilibrium_text,
    event_label,
    fill_template,
    format_date,
    format_path,
    format_point,
    markdown_table,
    parameter_label,
    scope_table,
    sensitivity_markdown,
    shares_table,
    timeline_rows,
    timeline_table,
)

__all__ = [
    "SEED",
    "NOT_CODED",
    "DATA_DIR",
    "BOX_PARAMETERS",
    "REQUIRED_PARAMETERS",
    "CASE_COLUMNS",
    "TIMELINE_COLUMNS",
    "ROLES",
    "CODING_BOUNDS",
    "CaseDataError",
    "Codebook",
    "Scale",
    "Coding",
    "Event",
    "Case",
    "BoxResult",
    "load_codebook",
    "load_case_file",
    "load_timeline",
    "load_cases",
    "case_box",
    "box_centre",
    "sample_box",
    "evaluate_points",
    "evaluate_box",
    "prediction_share",
    "counterfactual_share",
    "sensitivity_table",
    "predicted_path",
    "observed_path",
    "full_scope_rows",
    "markdown_table",
    "codings_rows",
    "codebook_rows",
    "timeline_rows",
    "PARAMETER_SYMBOLS",
    "parameter_label",
    "equilibrium_text",
    "format_date",
    "format_path",
    "format_point",
    "details",
    "case_table",
    "codebook_table",
    "timeline_table",
    "shares_table",
    "sensitivity_markdown",
    "scope_table",
    "event_label",
    "phase_spans",
    "fill_template",
    "case_map",
]
