"""Exact linear algebra over the rationals, for games in exact arithmetic.

The semi-separating search (:mod:`trustgame.core.semiseparating`) reduces
each state's problem to linear equalities and inequalities in its
unknowns.  In floating point these are solved with numpy; when the game's
numbers are :class:`fractions.Fraction` they are solved here instead, by
Gaussian elimination and vertex enumeration in Fractions, with no
tolerance: a vertex is a point at which ``d`` independent constraints hold
with equality and every other constraint holds, exactly.

Examples
--------
>>> from fractions import Fraction as F
>>> x0, basis = affine_solutions([[1, 1]], [F(1, 2)], 2)
>>> x0, basis
([Fraction(1, 2), Fraction(0, 1)], [[Fraction(-1, 1), Fraction(1, 1)]])
>>> polytope_vertices([[1], [-1]], [F(1, 3), F(-2, 3)])
[[Fraction(1, 3)], [Fraction(2, 3)]]
"""

from __future__ import annotations

import warnings
from fractions import Fraction
from itertools import combinations

import numpy as np
from scipy.optimize import linprog

from .tolerances import SCREEN_TOL

__all__ = ["affine_solutions", "polytope_vertices", "rank"]


def _reduce(rows: list[list[Fraction]], ncols: int) -> tuple[list[list[Fraction]], list[int]]:
    """Reduced row echelon form of ``rows`` (their first ``ncols`` columns
    are pivoted on) and the pivot columns."""
    R = [list(map(Fraction, r)) for r in rows]
    pivots: list[int] = []
    r = 0
    for c in range(ncols):
        p = next((i for i in range(r, len(R)) if R[i][c] != 0), None)
        if p is None:
            continue
        R[r], R[p] = R[p], R[r]
        inv = 1 / R[r][c]
        R[r] = [v * inv for v in R[r]]
        for i in range(len(R)):
            if i != r and R[i][c] != 0:
                f = R[i][c]
                R[i] = [v - f * w for v, w in zip(R[i], R[r])]
        pivots.append(c)
        r += 1
        if r == len(R):
            break
    return R, pivots


def rank(rows) -> int:
    """Rank of a matrix given as a list of rows.

    Examples
    --------
    >>> rank([[1, 2], [2, 4]])
    1
    """
    rows = [list(r) for r in rows]
    if not rows:
        return 0
    return len(_reduce(rows, len(rows[0]))[1])


def affine_solutions(E, f, n: int):
    """The solutions of ``E x = f`` (``n`` unknowns) as ``x0 + N u``.

    Returns
    -------
    (x0, basis) or None
        ``x0``: one solution (a list of ``n`` Fractions); ``basis``: the
        directions ``N`` as a list of ``n - rank`` vectors.  ``None`` when
        the system has no solution.
    """
    rows = [list(e) + [v] for e, v in zip(E, f)]
    R, piv = _reduce(rows, n) if rows else ([], [])
    if any(all(v == 0 for v in row[:n]) and row[n] != 0 for row in R):
        return None
    x0 = [Fraction(0)] * n
    for r, c in enumerate(piv):
        x0[c] = R[r][n]
    free = [c for c in range(n) if c not in piv]
    basis = []
    for fc in free:
        v = [Fraction(0)] * n
        v[fc] = Fraction(1)
        for r, c in enumerate(piv):
            v[c] = -R[r][fc]
        basis.append(v)
    return x0, basis


def _solve_square(A, b):
    """The solution of the square system ``A u = b``, or None if singular."""
    d = len(A)
    sol = affine_solutions(A, b, d)
    if sol is None or sol[1]:
        return None
    return sol[0]


def _surely_empty(A, b) -> bool:
    """True when ``{u : A u >= b}`` is empty even with every constraint
    relaxed by :data:`~trustgame.core.tolerances.SCREEN_TOL` (relative to
    the size of the numbers), by a floating-point linear programme.  Its
    round-off is far below that relaxation, so a True answer is certain;
    a False one only means the exact enumeration must decide."""
    Af = np.array(A, dtype=float)
    bf = np.array(b, dtype=float)
    scale = max(1.0, float(np.abs(Af).max()), float(np.abs(bf).max()))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        res = linprog(np.zeros(Af.shape[1]), A_ub=-Af, b_ub=-bf + SCREEN_TOL * scale,
                      bounds=[(None, None)] * Af.shape[1], method="highs")
    return res.status == 2


def polytope_vertices(A, b) -> list[list[Fraction]]:
    """Vertices of the bounded polytope ``{u : A u >= b}``, in the order in
    which they are first met when the constraints are made active ``d`` at
    a time (``d`` = the number of unknowns, taken from ``A``'s rows).

    An empty list means the polytope is empty.  ``A`` with no columns is a
    point, feasible when every ``b`` is at most zero.
    """
    A = [[Fraction(v) for v in row] for row in A]
    b = [Fraction(v) for v in b]
    d = len(A[0]) if A else 0
    if d == 0:
        return [[]] if all(v <= 0 for v in b) else []
    # constraints with no coefficient cannot be active: they hold or not
    live = [i for i, row in enumerate(A) if any(v != 0 for v in row)]
    if any(b[i] > 0 for i in range(len(A)) if i not in live):
        return []
    A, b = [A[i] for i in live], [b[i] for i in live]
    if d == 1:  # an interval: the largest lower and the smallest upper bound
        lows = [v / row[0] for row, v in zip(A, b) if row[0] > 0]
        highs = [v / row[0] for row, v in zip(A, b) if row[0] < 0]
        if not lows or not highs:
            raise ValueError("polytope_vertices: the polytope is unbounded")
        lo, hi = max(lows), min(highs)
        return [] if lo > hi else [[lo]] if lo == hi else [[lo], [hi]]
    if _surely_empty(A, b):
        return []
    out: list[list[Fraction]] = []
    for S in combinations(range(len(A)), d):
        u = _solve_square([A[i] for i in S], [b[i] for i in S])
        if u is None or u in out:
            continue
        if all(sum(a * x for a, x in zip(row, u)) >= v for row, v in zip(A, b)):
            out.append(u)
    return out
