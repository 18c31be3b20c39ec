"""Families of equilibria: continua in which some type mixes in period 1.

Where a state's linear problem in :mod:`trustgame.core.semiseparating` has
more than one solution, the equilibria at that parameter point form a
continuum.  Each state's unknowns (its types' period-1 mixing
probabilities and, at histories where the other state sits at a
cooperation threshold, the probability *mass* with which its security type
cooperates) range over a polytope, and the two states' polytopes are
independent, so a family is their product
``P_A x P_B``.  Every quantity that matters is linear on it:

* each type's interim payoff: A's types' payoffs are affine in B's
  unknowns and B's in A's (a type that mixes is indifferent, so its own
  mixing probability does not enter);
* the on-path play written as masses (the probability that a type plays
  ``a`` in period 1 and cooperates after ``h``), and the belief conditions.

So a family is described whole by the vertices of the two polytopes, its
payoffs by the payoff map at those vertices, and any point of it by convex
weights on each state's vertices.  Posteriors are ratios of linear
functions, so their ranges over a family are attained at vertices.

The families met in practice are intervals: one state's polytope is a
segment and the other's a point (so the family has dimension 1).  Higher
dimensions are represented the same way; see
:func:`trustgame.core.refinement.refine_with_families` for how each is
refined.

In an exact game (Fractions) the vertices, the payoff map, the payoffs
and the belief ranges are Fractions, and points of the family are taken
with Fraction weights.

Examples
--------
>>> from trustgame import Params, solve
>>> sol = solve(Params(pA=0.2292, pB=0.8125))
>>> fam = sol.families[0]
>>> fam.dimension, len(fam.vertices)
(1, 2)
>>> fam.point(0.5).method
'semi-separating'
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from fractions import Fraction

import numpy as np

from .model import HISTORIES, STATES, Game
from .rational import rank
from .tolerances import DEFAULT_TOL, ZERO_TOL

__all__ = ["Family"]


@dataclass(frozen=True)
class Family:
    """A continuum of equilibria, the product of two polytopes.

    Attributes
    ----------
    game : Game
    name : str
        Name of the family's interior points (its centroid).
    sides : tuple
        ``(XA, XB)``: the vertices of each state's polytope, arrays of
        shape ``(nv_s, n_s)`` (``nv_s = 1`` when that state's unknowns are
        fixed).
    variables : tuple
        ``(names_A, names_B)``: what each column of ``XA`` and ``XB`` is.
    payoff_map : tuple
        For each state ``s``: ``(M, c)`` with the interim payoffs of ``s``'s
        types (security first) equal to ``M @ x + c``, ``x`` the *other*
        state's unknowns.
    vertices : tuple of Equilibrium
        The equilibrium at every vertex of the product, A's vertex index
        major: ``vertices[iA * nv_B + iB]``.
    """

    game: Game
    name: str
    sides: tuple
    variables: tuple
    payoff_map: tuple
    vertices: tuple
    build: Callable = field(repr=False, compare=False, default=None)
    method: str = "semi-separating"

    @property
    def key(self) -> str:
        """The name (families have no leader)."""
        return self.name

    @property
    def exact(self) -> bool:
        """True when the family was found in exact arithmetic (its
        vertices are Fractions)."""
        return bool(self.game.exact)

    @property
    def dimension(self) -> int:
        """Affine dimension of the family (1 for an interval)."""
        d = 0
        for X in self.sides:
            if len(X) > 1:
                if self.exact:
                    d += rank([list(r) for r in np.asarray(X[1:] - X[0], dtype=object)])
                else:
                    X = np.asarray(X, dtype=float)
                    d += int(np.linalg.matrix_rank(X[1:] - X[0], tol=DEFAULT_TOL))
        return d

    def at(self, wA=None, wB=None):
        """The equilibrium at convex weights ``wA`` on A's vertices and
        ``wB`` on B's (default: equal weights).  In an exact family the
        weights are read as Fractions (a float exactly as stored)."""
        dt = object if self.exact else float
        XA, XB = (np.asarray(X, dtype=dt) for X in self.sides)
        xa = self._combine(XA, wA, self.exact)
        xb = self._combine(XB, wB, self.exact)
        return self.build(xa, xb)

    @staticmethod
    def _combine(X, w, exact=False):
        if w is None:
            return X.mean(axis=0)
        if exact:
            w = np.array([Fraction(v) for v in np.ravel(w)], dtype=object)
            bad = w.shape != (len(X),) or any(v < 0 for v in w) or sum(w) != 1
        else:
            w = np.asarray(w, dtype=float)
            bad = w.shape != (len(X),) or np.any(w < -ZERO_TOL) or abs(w.sum() - 1) > DEFAULT_TOL
        if bad:
            raise ValueError(f"weights must be {len(X)} non-negative numbers summing to 1 (got {w})")
        return w @ X

    def point(self, t: float):
        """For a family of dimension 1, the equilibrium a share ``t`` of
        the way from its first end point to its second (``t`` in [0, 1])."""
        if self.dimension != 1:
            raise ValueError(f"point(t) needs a family of dimension 1 (this one has {self.dimension})")
        return self.edge_point(0, 1, t)

    def edge_point(self, i: int, j: int, t: float):
        """The equilibrium ``(1 - t) v_i + t v_j`` between vertices ``i``
        and ``j`` of :attr:`vertices` (how the refinement reports the
        surviving parts, see :attr:`trustgame.Solution.family_parts`)."""
        t = Fraction(t) if self.exact else float(t)
        if not 0 <= t <= 1:
            raise ValueError(f"t must lie in [0, 1] (got {t})")
        nB = len(self.sides[1])
        dt = object if self.exact else float
        wA, wB = np.zeros(len(self.sides[0]), dtype=dt), np.zeros(nB, dtype=dt)
        for v, share in ((i, 1 - t), (j, t)):  # vertex v is (v // nB, v % nB)
            wA[v // nB] += share
            wB[v % nB] += share
        return self.at(wA, wB)

    def payoff_vertices(self) -> np.ndarray:
        """Interim payoffs at every vertex, shape ``(len(vertices), 4)``
        (A security, A greedy, B security, B greedy)."""
        return np.array([e.payoff_vector() for e in self.vertices],
                        dtype=object if self.exact else float)

    def belief_ranges(self) -> dict:
        """``{history: {state: (low, high)}}``: the range of the posterior
        that ``state`` is a security-seeker after each on-path history."""
        out = {}
        for h in HISTORIES:
            if not all(e.on_path(h) for e in self.vertices):
                continue
            out[h] = {}
            for st in STATES:
                vals = [e.security_belief(h, st) for e in self.vertices]
                if not self.exact:
                    vals = [float(v) for v in vals]
                out[h][st] = (min(vals), max(vals))
        return out

    def to_dict(self, parts=None) -> dict:
        """The command line's JSON shape: the parameterisation, the
        vertices, the payoff map, the belief ranges and, when given, the
        parts that survive the refinement (``[i, j, t0, t1]``: the points
        between vertices ``i`` and ``j`` a share ``t0`` to ``t1`` of the way)."""
        out = {"name": self.name, "dimension": self.dimension}
        if parts is not None:
            out["efficient"] = bool(parts)
            out["surviving"] = [list(p) if p[0] == "sampled" else
                                [int(p[0]), int(p[1]), float(p[2]), float(p[3])] for p in parts]
        out["variables"] = {st: list(v) for st, v in zip(STATES, self.variables)}
        out["polytopes"] = {st: np.asarray(X, dtype=float).round(15).tolist()
                            for st, X in zip(STATES, self.sides)}
        out["payoff_map"] = {
            st: {"of": STATES[1 - s], "matrix": np.asarray(M, dtype=float).tolist(),
                 "offset": np.asarray(c, dtype=float).tolist()}
            for s, (st, (M, c)) in enumerate(zip(STATES, self.payoff_map))
        }
        out["beliefs"] = {h: {st: [float(x) for x in r] for st, r in v.items()}
                          for h, v in self.belief_ranges().items()}
        out["vertices"] = [e.to_dict() for e in self.vertices]
        return out
