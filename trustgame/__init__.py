"""trustgame: the two-period trust game of Goldfien, Joseph and McManus (2026).

The public API, in the order a reader meets it:

* :class:`Params`, :class:`Game`, :class:`Type` and the payoff functions
  (:mod:`trustgame.core.model`);
* :func:`solve` (every PBE at one point, with the efficiency refinement)
  returning a :class:`Solution` of :class:`Equilibrium` objects;
* :func:`region_map` and :func:`plot_map` (maps over two parameters);
* :func:`class_condition` and :func:`named_condition` (closed forms);
* :func:`violations` (an independent check of any equilibrium).

Examples
--------
>>> import trustgame as tg
>>> tg.solve(tg.Params(pA=0.35, pB=0.35), scope="pure").efficient_names()
['trust-building']
"""

from .paper.catalogue import CATALOGUE, entry
from .analysis.conditions import class_condition, named_condition
from .core.equilibria import Equilibrium, pure_equilibria
from .analysis.maps import RegionMap, region_map, region_map_pointwise
from .core.model import (
    DEFAULT_TOL,
    Game,
    ParameterError,
    Params,
    Type,
    coop_threshold,
    expected_stage_payoff,
    independence_threshold,
    period2_payoff,
    stage_payoff,
)
from .paper import FIGURE_PARAMS, FIGURES
from .viz.plotting import plot_figure, plot_map
from .core.refinement import dominates, efficient_mask
from .core.semiseparating import semi_separating_equilibria
from .core.solution import Solution, solve
from .core.verify import violations

from .core import __version__

__all__ = [
    "CATALOGUE",
    "DEFAULT_TOL",
    "Equilibrium",
    "FIGURES",
    "FIGURE_PARAMS",
    "Game",
    "ParameterError",
    "Params",
    "RegionMap",
    "Solution",
    "Type",
    "class_condition",
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
    "semi_separating_equilibria",
    "solve",
    "stage_payoff",
    "violations",
]
