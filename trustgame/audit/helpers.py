"""What the audit's check modules share: its settings, cached solutions,
witnesses, and a few questions asked of maps and closed forms.

The *main-text specification* behind every verdict is the one the figure
notes state (``H = 1.5, L = -0.1, k = 0.9``) plus the choices the main
text leaves open, set as the solver's defaults: salience ``theta = 1``,
weak Pareto dominance judged type by type (interim), free off-path beliefs
(the definition of a PBE), and PBE with pure period-1 play (the scope of
every equilibrium the paper names).

Examples
--------
>>> from trustgame.core.model import Params
>>> w = witness(Params(pA=0.1, pB=0.1), "trust-building exists")
>>> [e["name"] for e in w.equilibria]
['tragic']
>>> failing_conditions("trust-building", Params(pA=0.1, pB=0.1))[0][0]
"('A', 'security')"
"""

from __future__ import annotations

import math
from fractions import Fraction
from functools import lru_cache

import numpy as np
import sympy as sp

from ..analysis.conditions import SYMBOLS, class_info, evaluate
from ..analysis.maps import RegionMap
from ..core.model import Params
from ..core.naming import class_of
from ..core.solution import Solution, solve
from ..paper import FIGURES
from .registry import Witness

__all__ = ["GRID", "MARGIN", "VERIFICATION_SAMPLES", "SYMMETRIC_NAMES", "TRUST_BUILDING_NAMES",
           "TYPES", "solve_cached", "full_scope_solution", "params_dict", "witness", "cell_witness",
           "value_at", "lhs", "first_cell", "multi_cells", "is_unique", "diag_min", "diag_max",
           "paper_names", "failing_conditions", "payoff_gap"]

#: Cells per axis of the audit's maps.
GRID = 200

#: How close to a bound a check probes: the exact step just below or above
#: it, and (as a float) how far above its threshold a sampled beta must lie.
MARGIN = Fraction(1, 10**6)

#: Sample sizes of the independent verification in the test suite
#: (``tests/audit/test_bruteforce.py`` and ``tests/audit/test_gambit_audit.py``
#: state them again and check that they agree), kept here so that the book
#: can cite them.
VERIFICATION_SAMPLES = {"bruteforce_random": 1000, "bruteforce_grid": 16, "gambit_pure": 200,
                        "gambit_semi_separating": 30, "gambit_qre": 20}

#: The paper's symmetric equilibria (Figures 1 and 2).
SYMMETRIC_NAMES = ("trust-building", "suckers", "tragic", "mixed-trust-building", "semi-tragic")
#: Equilibria in which a security-seeker conditions period-2 cooperation on
#: what it learned in period 1 (the paper's "trust-building" family).
TRUST_BUILDING_NAMES = ("trust-building", "mixed-trust-building",
                        "asymmetric-trust-building[A]", "asymmetric-trust-building[B]")

#: The four (state, type) pairs, in the order payoffs are reported.
TYPES = (("A", "security"), ("A", "greedy"), ("B", "security"), ("B", "greedy"))


@lru_cache(maxsize=256)
def solve_cached(p: Params, scope: str = "pure", dominance: str = "weak") -> Solution:
    """:func:`trustgame.core.solution.solve` at ``p``, cached.

    Examples
    --------
    >>> solve_cached(Params(pA=0.35, pB=0.35)).efficient_names()
    ['trust-building']
    """
    return solve(p, dominance=dominance, scope=scope)


def full_scope_solution(p: Params, dominance: str = "weak") -> Solution:
    """All PBE at ``p`` including period-1 mixing (cached; ~1-4 s).

    Examples
    --------
    >>> full_scope_solution(Params(pA=0.1, pB=0.1)).efficient_names()
    ['tragic']
    """
    return solve_cached(p, "all", dominance)


def params_dict(p: Params) -> dict:
    """The parameter point as a dict, rounded to 6 decimals (for a witness).

    Examples
    --------
    >>> params_dict(Params(pA=1 / 3))["pA"]
    0.333333
    """
    return {k: round(v, 6) for k, v in p.as_dict().items()}


def _eq_rows(sol: Solution) -> tuple:
    rows = []
    for e, f in zip(sol.equilibria, sol.efficient):
        rows.append({"name": e.key, "efficient": bool(f),
                     "payoffs": {f"{s}/{t}": round(float(e.payoff(s, t)), 6) for s, t in TYPES}})
    return tuple(rows)


def witness(p: Params, violated: str, condition=None, semi=False) -> Witness:
    """A :class:`~trustgame.audit.registry.Witness` at ``p``: every
    equilibrium there (with period-1 mixing when ``semi``) and the value of
    ``condition`` (a sympy expression in :data:`SYMBOLS`), if given.

    Examples
    --------
    >>> w = witness(Params(pA=0.1, pB=0.1), "x", SYMBOLS["pA"] - SYMBOLS["pB"])
    >>> w.value, w.scope
    (0.0, 'pure')
    """
    sol = solve_cached(p, "all" if semi else "pure")
    value = None
    if condition is not None:
        value = float(value_at(condition, p))
    return Witness(params_dict(p), _eq_rows(sol), violated, condition, value,
                   "all" if semi else "pure")


def cell_witness(m: RegionMap, cell, violated, condition=None) -> Witness:
    """:func:`witness` at cell ``(i, j)`` of a map.

    Examples
    --------
    >>> from trustgame.analysis.maps import region_map
    >>> m = region_map(Params(), n=4)
    >>> cell_witness(m, (0, 0), "x").params["pA"], float(m.xs[0])
    (0.125, 0.125)
    """
    return witness(m.params_at(*cell), violated, condition)


def value_at(expr, p: Params) -> float:
    """The value of a sympy expression in :data:`SYMBOLS` at ``p``.

    Examples
    --------
    >>> value_at(SYMBOLS["H"] - SYMBOLS["L"], Params(H=1.5, L=-0.1))
    1.6
    """
    subs = {SYMBOLS[k]: v for k, v in p.as_dict().items()}
    return float(sp.sympify(expr).subs(subs))


def lhs(cond):
    """Left-hand side of a single ``expr >= 0`` condition.

    Examples
    --------
    >>> lhs(SYMBOLS["H"] >= 1)
    H - 1
    """
    return cond.lhs - cond.rhs


def first_cell(mask):
    """A representative cell of a boolean mask (the middle one of its true
    cells in row-major order), or None.

    Examples
    --------
    >>> first_cell(np.eye(3, dtype=bool))
    (1, 1)
    """
    idx = np.argwhere(mask)
    return None if len(idx) == 0 else tuple(int(v) for v in idx[len(idx) // 2])


def multi_cells(m: RegionMap):
    """Cells with more than one PBE-ER.

    Examples
    --------
    >>> from trustgame.analysis.maps import region_map
    >>> from trustgame.paper import FIGURES
    >>> bool(multi_cells(region_map(FIGURES[1]["base"], n=100)).any())
    True
    """
    return m.count() > 1


def is_unique(m: RegionMap) -> bool:
    """Every cell has exactly one PBE-ER.

    Examples
    --------
    >>> from trustgame.analysis.maps import region_map
    >>> from trustgame.paper import FIGURES
    >>> is_unique(region_map(FIGURES[1]["base"], n=100))
    False
    """
    return bool((m.count() == 1).all())


def diag_min(m: RegionMap, name, efficient=False):
    """Lowest ``x`` on the diagonal at which ``name`` exists (inf if nowhere).

    Examples
    --------
    >>> from trustgame.analysis.maps import region_map
    >>> from trustgame.paper import FIGURES
    >>> diag_min(region_map(FIGURES[1]["base"], n=100), "trust-building")
    0.305
    """
    d = np.diag(m.mask(name, efficient))
    return float(m.xs[d].min()) if d.any() else math.inf


def diag_max(m: RegionMap, name, efficient=False):
    """Highest ``x`` on the diagonal at which ``name`` exists (-inf if nowhere).

    Examples
    --------
    >>> from trustgame.analysis.maps import region_map
    >>> from trustgame.paper import FIGURES
    >>> diag_max(region_map(FIGURES[1]["base"], n=100), "trust-building")
    0.465
    """
    d = np.diag(m.mask(name, efficient))
    return float(m.xs[d].max()) if d.any() else -math.inf


def paper_names(number):
    """The equilibria the paper names in Figure ``number``, as a tuple.

    Examples
    --------
    >>> paper_names(1)
    ('trust-building', 'suckers', 'tragic')
    """
    return tuple(FIGURES[number]["paper_names"])


def failing_conditions(name: str, p: Params, offpath: str = "free") -> list[tuple]:
    """The existence conditions of a class that fail at ``p``.

    Returns
    -------
    list of (label, condition, holds)
        ``label`` is ``"beliefs"`` or ``"(state, type)"``; only failing
        ones are returned.

    Examples
    --------
    >>> [lab for lab, _, _ in failing_conditions("trust-building", Params(pA=0.1, pB=0.1))]
    ["('A', 'security')", "('B', 'security')"]
    """
    info = class_info(*class_of(name), offpath)
    vals = {k: v for k, v in p.as_dict().items()}
    out = []
    if not bool(evaluate(info.beliefs, **vals)):
        out.append(("beliefs", info.beliefs, False))
    for kt, cond in info.incentives.items():
        if not bool(evaluate(cond, **vals)):
            out.append((str(kt), cond, False))
    return out


def payoff_gap(name1: str, name2: str, state: str, type_name: str):
    """Symbolic payoff of one type in ``name1`` minus its payoff in
    ``name2`` (simplified), from :mod:`trustgame.analysis.conditions`.

    Examples
    --------
    >>> payoff_gap("mixed-trust-building", "semi-tragic", "A", "greedy")
    0
    """
    a = class_info(*class_of(name1)).payoffs[(state, type_name)]
    b = class_info(*class_of(name2)).payoffs[(state, type_name)]
    return sp.factor(sp.simplify(a - b))

