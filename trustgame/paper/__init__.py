"""The paper: the parameters and maps of Figures 1-3 and the catalogue of
the equilibria it names, with the strategy tables its figures print.

Examples
--------
>>> from trustgame.paper import FIGURES, figure_base
>>> FIGURES[2]["base"].betaB, figure_base(2, theta=0.7).thetaA
(0.7, 0.7)
"""

from .catalogue import CATALOGUE, Entry, entry, find_example, strategy_rows
from .figures import FIGURE_PARAMS, FIGURES, figure_base, figure_map, figure_params

__all__ = ["CATALOGUE", "Entry", "FIGURES", "FIGURE_PARAMS", "entry", "figure_base",
           "figure_map", "figure_params", "find_example", "strategy_rows"]
