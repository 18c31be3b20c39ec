"""Closed forms and maps: sympy existence conditions of every class of
pure period-1 play, the bounds and thresholds derived from them, the
salience and correlation extensions, the map kernel and region maps over
two parameters.

Builds on :mod:`trustgame.core` only.

Examples
--------
>>> from trustgame.analysis import region_map
>>> from trustgame import Params
>>> region_map(Params(), n=20).present()
['trust-building', 'suckers', 'tragic']
"""

from .conditions import SYMBOLS, ClassInfo, class_condition, class_info, evaluate, named_condition
from .correlation import (
                          RHO,
                          correlation_game,
                          min_rho,
                          min_rho_search,
                          phi,
                          plot_rho_region,
                          posterior,
                          reform_probabilities,
                          rho_curves,
                          rho_interval,
                          trust_building,
                          trust_building_conditions,
)
from .correlation_mixing import *  # noqa: F403
from .kernel import ClassArrays, class_arrays, evaluate_classes
from .maps import RegionMap, axis_parameters, cell_centres, grid_args, region_map, region_map_pointwise
from .notation import Tex, show, tex, tex_number
from .salience import (
                          asymmetric_mimic_bound,
                          coefficient_and_bound,
                          common_window,
                          plot_window,
                          theta_bounds,
                          theta_window,
                          trust_building_incentives,
                          window_closing_trust,
                          window_open_independence,
)
from .thresholds import (
                          LinearBound,
                          TrustBuildingBounds,
                          incentive,
                          linear_bound,
                          minmax_threshold,
                          offpath_branches,
                          period2_threshold,
                          sign_under_restrictions,
                          trust_building_bounds,
                          trust_building_interval,
)

__all__ = [
    # conditions
    "SYMBOLS", "ClassInfo", "class_condition", "class_info", "evaluate", "named_condition",
    # thresholds
    "LinearBound", "TrustBuildingBounds", "incentive", "linear_bound", "minmax_threshold",
    "offpath_branches", "period2_threshold", "sign_under_restrictions", "trust_building_bounds",
    "trust_building_interval",
    # salience
    "asymmetric_mimic_bound", "coefficient_and_bound", "common_window", "plot_window",
    "theta_bounds", "theta_window", "trust_building_incentives", "window_closing_trust",
    "window_open_independence",
    # correlation
    "RHO", "correlation_game", "min_rho", "min_rho_search", "phi", "plot_rho_region",
    "posterior", "reform_probabilities", "rho_curves", "rho_interval", "trust_building",
    "trust_building_conditions",
    # kernel and maps
    "ClassArrays", "class_arrays", "evaluate_classes", "RegionMap", "axis_parameters",
    "cell_centres", "grid_args", "region_map", "region_map_pointwise",
    # notation
    "Tex", "show", "tex", "tex_number",
]
