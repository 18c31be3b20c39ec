"""The paper: the parameters and maps of Figures 1-3 and the catalogue of
the equilibria it names, with the strategy tables its figures print
(:func:`strategy_table`).

Examples
--------
>>> from trustgame.paper import FIGURES, figure_base
>>> FIGURES[2]["base"].betaB, figure_base(2, theta=0.7).thetaA
(0.7, 0.7)
"""

from . import table5 as _table5
from .catalogue import CATALOGUE, Entry, entry, find_example, strategy_rows
from .figures import FIGURE_PARAMS, FIGURES, figure_base, figure_map, figure_params
from .strategy_tables import STRATEGY_COLUMNS, StrategyTable, equilibrium_title, strategy_table
from .table3 import DOMAINS, INDEPENDENCE_LEVELS, TABLE3_COLUMNS, Table3Row, load_table3
from .table5 import *  # noqa: F403  (its __all__)

__all__ = ["CATALOGUE", "Entry", "FIGURES", "FIGURE_PARAMS", "entry", "figure_base",
           "figure_map", "figure_params", "find_example", "strategy_rows",
           "STRATEGY_COLUMNS", "StrategyTable", "equilibrium_title", "strategy_table",
           "DOMAINS", "INDEPENDENCE_LEVELS", "TABLE3_COLUMNS", "Table3Row", "load_table3",
           *_table5.__all__]
