"""The replication audit: the registry of the paper's claims, the checks
that decide each verdict, and the independent cross-checks (a brute-force
enumerator and Gambit).

The registry ``data/claims.yml`` lists every formal claim of the main text;
each names a check in :data:`CHECKS` that returns a :class:`Verdict`
(``reproduced``, ``not reproduced`` with a :class:`Witness`, or
``reproduced only under`` a stated alternative).  Verdicts are judged at
what the figure notes state (``H = 1.5, L = -0.1, k = 0.9``) and, for what
the main text leaves open, at the *assumed defaults*
(:data:`~trustgame.audit.tables.ASSUMED_DEFAULTS`): salience ``theta =
1``, weak Pareto dominance judged type by type, free off-path beliefs, and
PBE with pure period-1 play.  The alternatives
searched are the ones the replication-notes chapter discusses: strict and
ex-ante dominance, other salience values, the off-path conventions,
comparing only the paper's named equilibria, period-1 mixing, and another
sign of ``L``.

Modules, lowest first:

* :mod:`~trustgame.audit.registry`: verdicts, witnesses, claims, the
  table of checks and how to run them;
* :mod:`~trustgame.audit.helpers`: the audit's settings, cached solutions,
  witnesses and questions asked of maps;
* the checks, by topic: :mod:`~trustgame.audit.checks_threshold`,
  :mod:`~trustgame.audit.checks_figure1`,
  :mod:`~trustgame.audit.checks_table5`,
  :mod:`~trustgame.audit.checks_figure2`,
  :mod:`~trustgame.audit.checks_figure3`,
  :mod:`~trustgame.audit.checks_cases`;
* :mod:`~trustgame.audit.alternatives` (the alternative specifications
  figure by figure), :mod:`~trustgame.audit.tables` (the book's tables:
  the verdict table, the readings that restore claims, the headline);
* the independent cross-checks: :mod:`~trustgame.audit.bruteforce`,
  :mod:`~trustgame.audit.crosscheck`, :mod:`~trustgame.audit.completeness`
  and :mod:`~trustgame.audit.qre` (Gambit);
* :mod:`~trustgame.audit.full_scope`: the claims that depend on period-1
  mixing, rechecked on full-scope maps.

Drawing (:func:`trustgame.viz.mark_multiple`) lives in :mod:`trustgame.viz`.

Examples
--------
>>> from trustgame import audit
>>> audit.run_check("threshold_value").status
'reproduced'
"""

from . import (  # noqa: F401  (importing a check module registers its checks)
    checks_cases,
    checks_figure1,
    checks_figure2,
    checks_figure3,
    checks_table5,
    checks_threshold,
)
from .alternatives import alternative_table
from .bruteforce import brute_force_efficient, brute_force_equilibria, profile_violations
from .checks_figure3 import theta_bounds_fig3, theta_scan_fig3
from .checks_table5 import tragic_break_even
from .completeness import completeness_report, format_report, match_equilibrium
from .crosscheck import max_regret
from .full_scope import FULL_SCOPE_N, full_scope_maps, mixing_mask, recheck, recheck_summary
from .helpers import (
    SYMMETRIC_NAMES,
    TRUST_BUILDING_NAMES,
    VERIFICATION_SAMPLES,
    failing_conditions,
    full_scope_solution,
    payoff_gap,
)
from .qre import qre_match
from .registry import (
    CHECKS,
    CLAIMS_FILE,
    NOT_REPRODUCED,
    ONLY_UNDER,
    REPRODUCED,
    STATUSES,
    Claim,
    ClaimsError,
    Verdict,
    Witness,
    load_claims,
    run_all,
    run_check,
)
from .tables import (
    ASSUMED_DEFAULTS,
    READINGS,
    HtmlBlock,
    HtmlTable,
    alternative_frame,
    alternative_rows,
    figure_verdicts,
    headline,
    hinges_on,
    html_table,
    main_findings,
    prose,
    readings_table,
    verdict_counts,
    verdict_frame,
    verdict_table,
    witness_frame,
    witness_table,
)

__all__ = [
    # claims that depend on period-1 mixing, on full-scope maps
    "FULL_SCOPE_N",
    "full_scope_maps",
    "mixing_mask",
    "recheck",
    "recheck_summary",
    # completeness, checked with Gambit
    "completeness_report",
    "format_report",
    "match_equilibrium",
    # the registry
    "STATUSES",
    "REPRODUCED",
    "NOT_REPRODUCED",
    "ONLY_UNDER",
    "Witness",
    "Verdict",
    "Claim",
    "ClaimsError",
    "CHECKS",
    "CLAIMS_FILE",
    "load_claims",
    "run_check",
    "run_all",
    # settings and helpers the book uses
    "SYMMETRIC_NAMES",
    "TRUST_BUILDING_NAMES",
    "VERIFICATION_SAMPLES",
    "full_scope_solution",
    "failing_conditions",
    "payoff_gap",
    # closed forms behind some verdicts
    "tragic_break_even",
    "theta_bounds_fig3",
    "theta_scan_fig3",
    # the book's tables
    "ASSUMED_DEFAULTS",
    "READINGS",
    "HtmlTable",
    "HtmlBlock",
    "hinges_on",
    "verdict_counts",
    "verdict_table",
    "readings_table",
    "main_findings",
    "headline",
    "figure_verdicts",
    "alternative_table",
    "alternative_rows",
    "alternative_frame",
    "html_table",
    "prose",
    "verdict_frame",
    "witness_frame",
    "witness_table",
    # independent cross-checks
    "brute_force_equilibria",
    "brute_force_efficient",
    "profile_violations",
    "max_regret",
    "qre_match",
]
