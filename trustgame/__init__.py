"""trustgame: the two-period trust game of Goldfien, Joseph and McManus (2026).

The public API, in the order a reader meets it:

* :class:`Params`, :class:`Game`, :class:`Type` and the payoff functions
  (:mod:`trustgame.core.model`), with the parameter domain :data:`DOMAIN`;
* :func:`solve` (every PBE at one point, with the efficiency refinement)
  returning a :class:`Solution` of :class:`Equilibrium` objects;
  :func:`solve_period2` for the period-2 game alone;
* :func:`region_map` and :func:`plot_map` (maps over two parameters), and
  :func:`~trustgame.paper.figure_map` / :func:`plot_figure` for the paper's Figures 1-3;
* :func:`class_condition` and :func:`named_condition` (closed forms);
* :func:`violations` (an independent check of any equilibrium).

The layers below (:mod:`trustgame.core`, :mod:`trustgame.analysis`,
:mod:`trustgame.paper`, :mod:`trustgame.cases`, :mod:`trustgame.audit`,
:mod:`trustgame.viz`) are described in ``ARCHITECTURE.md``.

Examples
--------
>>> import trustgame as tg
>>> tg.solve(tg.Params(pA=0.35, pB=0.35), scope="pure").efficient_names()
['trust-building']
"""

from .analysis.conditions import class_condition, named_condition
from .analysis.maps import RegionMap, region_map, region_map_pointwise
from .core import __version__
from .core.domain import DOMAIN, PARAMETERS
from .core.equilibria import OFFPATH, Equilibrium, check_profile, pure_equilibria
from .core.errors import CaseDataError, ClaimsError, DataError, ParameterError
from .core.families import Family
from .core.model import (
    ACTIONS,
    HISTORIES,
    STATES,
    C,
    D,
    Game,
    Params,
    Type,
    coop_threshold,
    expected_stage_payoff,
    independence_threshold,
    period2_payoff,
    stage_payoff,
)
from .core.naming import CLASS_KEYS, CLASSES, class_key, class_of
from .core.period2 import solve_period2
from .core.refinement import DOMINANCE, dominates, efficient_mask
from .core.semiseparating import semi_separating, semi_separating_equilibria
from .core.solution import SCOPES, Solution, solve
from .core.tolerances import DEFAULT_TOL
from .core.verify import violations
from .paper import CATALOGUE, FIGURE_PARAMS, FIGURES, entry
from .viz.plotting import plot_figure, plot_map

__all__ = [
    "ACTIONS",
    "CATALOGUE",
    "CLASSES",
    "CLASS_KEYS",
    "C",
    "CaseDataError",
    "ClaimsError",
    "D",
    "DEFAULT_TOL",
    "DOMAIN",
    "DOMINANCE",
    "DataError",
    "Equilibrium",
    "FIGURES",
    "FIGURE_PARAMS",
    "Family",
    "Game",
    "HISTORIES",
    "OFFPATH",
    "PARAMETERS",
    "ParameterError",
    "Params",
    "RegionMap",
    "SCOPES",
    "STATES",
    "Solution",
    "Type",
    "__version__",
    "check_profile",
    "class_condition",
    "class_key",
    "class_of",
    "coop_threshold",
    "dominates",
    "efficient_mask",
    "entry",
    "expected_stage_payoff",
    "independence_threshold",
    "named_condition",
    "period2_payoff",
    "plot_figure",
    "plot_map",
    "pure_equilibria",
    "region_map",
    "region_map_pointwise",
    "semi_separating",
    "semi_separating_equilibria",
    "solve",
    "solve_period2",
    "stage_payoff",
    "violations",
]
