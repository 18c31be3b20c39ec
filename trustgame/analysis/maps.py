"""Region maps: which equilibria exist, and which survive the refinement,
over a grid of two parameters.

The fast map evaluates the closed-form conditions of
:mod:`trustgame.analysis.conditions` for all 48 classes of pure period-1 PBE at once
with numpy broadcasting (a condition that depends on one axis is computed
once per row or column), then applies the efficiency refinement cell by
cell.  Its scope is the set of PBE with pure period-1 play, the set the
paper's named equilibria belong to; :func:`region_map_pointwise` computes
the same map by calling :func:`trustgame.solve` at every cell, optionally
with the semi-separating search, and is what the tests compare against.

Cells are evaluated at their centres, so a grid over ``[0, 1]`` never
evaluates a prior of exactly 0 or 1 (where the class description, which
assumes both types occur, does not apply).

Examples
--------
>>> from trustgame import Params
>>> m = region_map(Params(), x="pA", y="pB", n=50)
>>> m.exists.shape[1:]
(50, 50)
>>> m.cell_names(25, 25)
['suckers']
"""

from __future__ import annotations

from dataclasses import dataclass, fields

import numpy as np

from ..core.errors import ParameterError
from ..core.model import Params
from ..core.naming import CLASS_KEYS
from ..core.refinement import check_dominance
from ..core.solution import SCOPES
from ..core.tolerances import resolve_tol
from .conditions import SYMBOLS
from .kernel import evaluate_classes, evaluate_full_scope

__all__ = ["RegionMap", "region_map", "region_map_pointwise", "cell_centres", "AXES",
           "ALIASES", "axis_parameters", "grid_args", "MAX_CELLS"]

#: Parameters that can be put on an axis.
AXES = tuple(f.name for f in fields(Params))
#: Axis names that move two parameters together (symmetric maps).
ALIASES = {"p": ("pA", "pB"), "beta": ("betaA", "betaB"), "theta": ("thetaA", "thetaB")}


def axis_parameters(name: str) -> tuple:
    """Parameters an axis name moves: ``"p"`` moves ``pA`` and ``pB``.

    Examples
    --------
    >>> axis_parameters("theta"), axis_parameters("pA")
    (('thetaA', 'thetaB'), ('pA',))
    """
    if name in ALIASES:
        return ALIASES[name]
    if name in AXES:
        return (name,)
    raise ParameterError(
        f"axis parameter must be one of {', '.join(AXES + tuple(ALIASES))} (got {name!r})")


@dataclass(frozen=True)
class RegionMap:
    """Equilibrium sets on a grid.

    Attributes
    ----------
    base : Params
        Values of the parameters not on an axis.
    x, y : str
        Parameter names on the horizontal and vertical axes.
    xs, ys : numpy.ndarray
        Cell centres.
    names : tuple of str
        Equilibrium names (``name[leader]`` for asymmetric ones).
    exists : numpy.ndarray
        ``exists[c, i, j]``: equilibrium ``names[c]`` is a PBE at
        ``(xs[j], ys[i])``.
    efficient : numpy.ndarray
        Same shape: it survives the refinement.
    dominance : str
        Refinement used (one of :data:`trustgame.core.refinement.DOMINANCE`).
    scope : str
        ``"pure"`` (PBE with pure period-1 play) or ``"all"`` (with the
        semi-separating search).
    """

    base: Params
    x: str
    y: str
    xs: np.ndarray
    ys: np.ndarray
    names: tuple
    exists: np.ndarray
    efficient: np.ndarray
    dominance: str
    scope: str = "pure"
    offpath: str = "free"

    def params_at(self, i: int, j: int) -> Params:
        """Parameters of cell (row ``i``, column ``j``)."""
        kw = {n: float(self.xs[j]) for n in axis_parameters(self.x)}
        kw.update({n: float(self.ys[i]) for n in axis_parameters(self.y)})
        return self.base.replace(**kw)

    def cell_names(self, i: int, j: int, efficient: bool = True) -> list[str]:
        """Sorted names present in one cell."""
        arr = self.efficient if efficient else self.exists
        return sorted(n for c, n in enumerate(self.names) if arr[c, i, j])

    def mask(self, name: str, efficient: bool = True) -> np.ndarray:
        """Boolean grid where ``name`` is present (all False if never)."""
        arr = self.efficient if efficient else self.exists
        if name not in self.names:
            return np.zeros((len(self.ys), len(self.xs)), dtype=bool)
        return arr[self.names.index(name)]

    def present(self, efficient: bool = True) -> list[str]:
        """Names present in at least one cell, in the map's order."""
        arr = self.efficient if efficient else self.exists
        return [n for c, n in enumerate(self.names) if arr[c].any()]

    def share(self, name: str, efficient: bool = True) -> float:
        """Share of cells where ``name`` is present."""
        return float(self.mask(name, efficient).mean())

    def count(self, efficient: bool = True) -> np.ndarray:
        """Number of equilibria in each cell."""
        arr = self.efficient if efficient else self.exists
        return arr.sum(axis=0)


def cell_centres(lim, n: int) -> np.ndarray:
    """``n`` cell centres covering ``lim = (lo, hi)``.

    Examples
    --------
    >>> cell_centres((0, 1), 4)
    array([0.125, 0.375, 0.625, 0.875])
    """
    lo, hi = float(lim[0]), float(lim[1])
    return lo + (np.arange(n) + 0.5) * (hi - lo) / n


def _check_axes(base: Params, x, y, xs, ys, xlim=None, ylim=None):
    gx, gy = axis_parameters(x), axis_parameters(y)
    if set(gx) & set(gy):
        raise ParameterError(f"the two axes must move different parameters (got {x!r} and {y!r})")
    for group, vals, lim, what in ((gx, xs, xlim, "xlim"), (gy, ys, ylim, "ylim")):
        for v in (vals[0], vals[-1]):
            try:
                base.replace(**{n: float(v) for n in group})
            except ParameterError as exc:
                if lim is None:
                    raise
                raise ParameterError(
                    f"{what} {tuple(float(u) for u in lim)} puts cells outside the domain of "
                    f"{group[0]}: {exc}") from None
    for prior in ("pA", "pB"):
        if prior not in gx + gy and not 0 < getattr(base, prior) < 1:
            raise ParameterError(
                f"{prior} must lie strictly between 0 and 1 for a closed-form map "
                f"(got {getattr(base, prior)}); use region_map_pointwise"
            )


def grid_args(base: Params, x: str, y: str, xs, ys) -> tuple:
    """Parameter values in the order of :data:`trustgame.analysis.conditions.SYMBOLS`
    for a grid: the x-axis parameters as a row ``(1, nx)``, the y-axis ones
    as a column ``(ny, 1)``, the others as numbers, so that closed-form
    expressions broadcast to ``(ny, nx)``.
    """
    gx, gy = axis_parameters(x), axis_parameters(y)
    return tuple(np.asarray(xs)[None, :] if name in gx
                 else np.asarray(ys)[:, None] if name in gy
                 else float(getattr(base, name))
                 for name in SYMBOLS)


#: Largest number of cells per axis a map accepts (checked before any work).
MAX_CELLS = 5000


def _cells(v, what):
    import numbers

    if isinstance(v, bool) or not isinstance(v, numbers.Integral):
        raise ParameterError(f"{what} must be a positive integer (got {v!r})")
    if not 1 <= v <= MAX_CELLS:
        raise ParameterError(f"{what} must lie in [1, {MAX_CELLS}] (got {v!r})")
    return int(v)


def _grid(n):
    """``(nx, ny)`` from ``n`` (an int, or a pair of ints), validated.

    Examples
    --------
    >>> _grid(3), _grid((4, 5))
    ((3, 3), (4, 5))
    """
    if isinstance(n, (tuple, list)):
        if len(n) != 2:
            raise ParameterError(f"n must be a positive integer or a pair of them (got {n!r})")
        return _cells(n[0], "n[0]"), _cells(n[1], "n[1]")
    v = _cells(n, "n")
    return v, v


def _check_base(base, lims):
    if not isinstance(base, Params):
        raise TypeError(f"base must be a Params (got {type(base).__name__})")
    for name, lim in lims:
        try:
            lo, hi = (float(v) for v in lim)
        except (TypeError, ValueError):
            raise ParameterError(f"{name} must be a pair of numbers (got {lim!r})") from None
        if not (np.isfinite(lo) and np.isfinite(hi)) or not lo < hi:
            raise ParameterError(
                f"{name} must be two finite numbers, the first below the second (got {lim!r})")


def region_map(base: Params, x: str = "pA", y: str = "pB", xlim=(0, 1), ylim=(0, 1),
               n=500, dominance: str = "weak", tol=None, offpath: str = "free",
               restrict_to=None, scope: str = "pure") -> RegionMap:
    """PBE and PBE-ER (pure period-1 play) on a grid, from closed forms.

    Parameters
    ----------
    base : Params
        Values of the parameters not on an axis.
    x, y : str
        Parameters on the axes (any field of :class:`Params`, or ``"p"``,
        ``"beta"``, ``"theta"`` to move both states' values together).
    xlim, ylim : tuple
        Axis ranges.
    n : int or (int, int)
        Cells per axis (``(nx, ny)`` for different counts).
    dominance : {"weak", "strict", "none", "ex-ante"}
        Refinement (see :mod:`trustgame.core.refinement`).
    tol : float, optional
        Tolerance for weak inequalities and payoff ties.
    offpath : str
        Off-path convention (see :func:`trustgame.core.equilibria.check_profile`);
        ``"free"`` is the definition of PBE.
    restrict_to : iterable of str, optional
        Keep only these equilibrium names (``name[leader]`` for asymmetric
        ones) before refining, to ask what the refinement does when only
        some equilibria are compared.
    scope : {"pure", "all"}
        ``"pure"`` (default): PBE with pure period-1 play, from the closed
        forms.  ``"all"``: every PBE, with the equilibria and families with
        period-1 mixing found by
        :func:`trustgame.core.semiseparating.semi_separating_grid` and
        families refined whole (:func:`trustgame.analysis.kernel.evaluate_full_scope`;
        seconds for a 200 x 200 grid; needs ``offpath="free"``).

    Returns
    -------
    RegionMap

    Examples
    --------
    >>> m = region_map(Params(), n=40, dominance="ex-ante")
    >>> int(m.count().max()), m.dominance
    (1, 'ex-ante')
    """
    check_dominance(dominance)
    if scope not in SCOPES:
        raise ParameterError(f"scope must be 'pure' or 'all' (got {scope!r})")
    if scope == "all" and offpath != "free":
        raise ParameterError(
            "scope='all' needs offpath='free' (the semi-separating search uses it)")
    _check_base(base, (("xlim", xlim), ("ylim", ylim)))
    tol = resolve_tol(tol)
    nx, ny = _grid(n)
    xs, ys = cell_centres(xlim, nx), cell_centres(ylim, ny)
    _check_axes(base, x, y, xs, ys, xlim, ylim)
    values = dict(zip(SYMBOLS, grid_args(base, x, y, xs, ys)))
    if scope == "all":
        names, exists, efficient = evaluate_full_scope(values, dominance, tol, restrict_to)
    else:
        names, exists, efficient = evaluate_classes(values, dominance, tol, offpath, restrict_to)
    return RegionMap(base, x, y, xs, ys, names, exists, efficient, dominance, scope, offpath)


def _solve_cell(args):
    from ..core.solution import solve

    p, dominance, scope, tol, offpath, restrict_to = args
    sol = solve(p, dominance=dominance, scope=scope, tol=tol,
                offpath=offpath, restrict_to=restrict_to)
    return sol.names(), sol.names(efficient_only=True)


def region_map_pointwise(base: Params, x: str = "pA", y: str = "pB", xlim=(0, 1),
                         ylim=(0, 1), n=20, dominance: str = "weak", tol=None,
                         scope: str = "pure", offpath: str = "free",
                         restrict_to=None, processes: int = 1) -> RegionMap:
    """The same map computed by solving every cell separately.

    Slow (one :func:`trustgame.solve` per cell) but independent of the
    closed forms; with ``scope="all"`` it also includes equilibria with
    period-1 mixing (about a second per cell).  ``processes > 1`` spreads the cells over worker processes; the
    result does not depend on it.
    """
    _check_base(base, (("xlim", xlim), ("ylim", ylim)))
    nx, ny = _grid(n)
    xs, ys = cell_centres(xlim, nx), cell_centres(ylim, ny)
    _check_axes(base, x, y, xs, ys, xlim, ylim)
    names = list(CLASS_KEYS)
    if restrict_to is not None:
        names = [nm for nm in names if nm in set(restrict_to)]
    gx, gy = axis_parameters(x), axis_parameters(y)
    jobs, keys = [], []
    for i, yv in enumerate(ys):
        for j, xv in enumerate(xs):
            kw = {nm: float(xv) for nm in gx}
            kw.update({nm: float(yv) for nm in gy})
            jobs.append((base.replace(**kw), dominance, scope, tol, offpath, restrict_to))
            keys.append((i, j))
    if processes > 1:
        import multiprocessing as mp

        with mp.get_context("fork").Pool(processes) as pool:
            results = pool.map(_solve_cell, jobs, chunksize=max(1, len(jobs) // (8 * processes)))
    else:
        results = [_solve_cell(job) for job in jobs]
    cells = {}
    for key, (alln, effn) in zip(keys, results):
        cells[key] = (set(alln), set(effn))
        for nm in alln:
            if nm not in names:
                names.append(nm)
    exists = np.zeros((len(names), ny, nx), dtype=bool)
    efficient = np.zeros_like(exists)
    for (i, j), (alln, effn) in cells.items():
        for nm in alln:
            exists[names.index(nm), i, j] = True
        for nm in effn:
            efficient[names.index(nm), i, j] = True
    return RegionMap(base, x, y, xs, ys, tuple(names), exists, efficient, dominance,
                     scope, offpath)
