"""Equilibria in which some type mixes in period 1 (two-type games).

Why a separate search
    When a type mixes in period 1, posteriors can take any value, and in
    particular can sit exactly at a period-2 cooperation threshold, where
    the period-2 game has a continuum of equilibria.  A period-1 mixer must
    be indifferent; typically the indifference is achieved by choosing a
    point in that continuum (as in Kydd's semi-separating equilibria).  So
    this search works with the continuum explicitly.

How it works (our reconstruction)
    Fix which types mix and which play C or D (a *support pattern*), and
    for every on-path history one of five period-2 *regimes*:

    ``DD``
        security types defect;
    ``CC``
        security types cooperate (needs ``q_A >= t_B`` and ``q_B >= t_A``);
    ``mixed``
        security types mix so that the other is indifferent;
    ``K_A``
        A's posterior sits at B's threshold, A's security type cooperates
        and B's security type mixes with any probability that keeps A
        willing (a continuum);
    ``K_B``
        the mirror image.

    Write ``s_i(a)`` for the probability that state ``i`` is a security
    type and plays ``a`` and ``w_i(a)`` for the probability that ``i``
    plays ``a``.  Both are linear in ``i``'s period-1 mixing probabilities.
    Every expected payoff of ``j``'s types is then *linear* in quantities
    chosen by ``i`` (``w_i``, ``s_i`` and, in the continua, the product of
    ``i``'s period-2 mixing probability and ``s_i``), because a posterior
    times the probability of the action it follows is just ``s_i(a)``.
    Belief conditions (``q_i(a) >= t`` or ``= t``) are linear too.  So the
    search splits into two small linear feasibility problems, one for the
    variables of each state.  Each is solved by eliminating the equalities
    (singular value decomposition) and intersecting what is left: a point,
    an interval, or (rarely) a polygon whose vertices are enumerated; larger
    problems go to ``scipy.optimize.linprog``.  The whole computation is
    vectorised over parameter points, which is what makes
    :func:`semi_separating_grid` (maps that include these equilibria)
    affordable.

Off-path beliefs
    As in :mod:`trustgame.core.equilibria`: a state that plays a pure action
    with both types may be punished after the other action by any period-2
    equilibrium available under some belief (``DD``, ``CC`` or ``mixed``
    with a belief of one on the security type).

Families
    When a side's feasible set is not a single point, the equilibria form
    a continuum: the product of the two sides' polytopes.  It is reported
    whole, as a :class:`~trustgame.core.families.Family` (the vertices of
    each side, the payoff map, the equilibrium at every vertex), and the
    refinement treats it whole
    (:func:`trustgame.core.refinement.refine_with_families`).

Speed
    Each state's problem depends only on its own prior, the other state's
    payoff parameters and ``k`` (:meth:`_Points.side_keys`), so on a grid
    of priors it is solved once per row or column, not once per cell.

Exact arithmetic
    When the game's numbers are Fractions (``Params(...).exact()``) the
    same search runs on arrays of Fractions, the linear problems are
    solved by exact elimination and vertex enumeration
    (:mod:`trustgame.core.rational`), every comparison has tolerance 0,
    and the families' vertices, payoffs and belief ranges are exact.  At a
    boundary the exact search decides: a knife-edge family that exists
    only where a posterior equals a threshold is found there and nowhere
    else (``tests/core/test_exact_mixing.py``).

What is not enumerated
    * Mixing probabilities are kept in ``[1e-7, 1 - 1e-7]`` (in exact
      arithmetic, the fraction 1/10**7); mixtures closer to pure play are
      reported as their pure limit by :mod:`trustgame.core.equilibria`.
    * Games with more than two types per state are not searched here
      (see :mod:`trustgame.analysis.correlation_mixing`).
"""

from __future__ import annotations

import warnings
from fractions import Fraction
from itertools import product

import numpy as np
from scipy.optimize import linprog

from .equilibria import Equilibrium, interim_payoffs, type_masses
from .families import Family
from .model import ACTIONS, HISTORIES, STATES, C, D, Game, stage_payoff
from .naming import name_equilibrium
from .period2 import Continuation, aggregate, continuation_payoff
from .rational import affine_solutions, polytope_vertices
from .tolerances import DEFAULT_TOL, MIX_MARGIN, MIXED_TOL, PIVOT_TOL, RANK_TOL, TINY, ZERO_TOL, resolve_tol

__all__ = ["semi_separating", "semi_separating_equilibria", "semi_separating_grid", "REGIMES",
           "MIX_MARGIN"]

#: Period-2 regimes considered after an on-path history.
REGIMES = ("DD", "CC", "mixed", "K_A", "K_B")

_PURE = {"C": 1.0, "D": 0.0}
_PATTERNS = [(a, b) for a in ("C", "D", "M") for b in ("C", "D", "M")]


class _Points:
    """Parameters of N two-type games, as arrays of shape (N,)."""

    def __init__(self, k, beta, theta, e1, e2, prior, exact: bool = False):
        # exact: arrays of Fractions (dtype object), solved by _solve_exact
        self.dtype = dt = object if exact else float
        self.k = np.asarray(k, dtype=dt)
        self.N = self.k.shape[0]
        self.beta = [np.asarray(b, dtype=dt) for b in beta]
        self.theta = [np.asarray(t, dtype=dt) for t in theta]
        self.e1 = [[np.asarray(v, dtype=dt) for v in row] for row in e1]
        self.e2 = [[np.asarray(v, dtype=dt) for v in row] for row in e2]
        self.prior = [[np.asarray(v, dtype=dt) for v in row] for row in prior]
        # cooperation threshold of each state's security type
        self.t = [self.k / (1 + self.k - self.e2[s][0]) for s in (0, 1)]
        self.positive = [[bool(np.all(self.prior[s][n] > 0)) for n in (0, 1)] for s in (0, 1)]
        for s in (0, 1):
            for n in (0, 1):
                if not self.positive[s][n] and np.any(self.prior[s][n] > 0):
                    raise ValueError("a batch must not mix zero and positive priors")

    @property
    def exact(self) -> bool:
        return self.dtype is object

    def num(self, v):
        """The number ``v`` in this batch's arithmetic (a Fraction when exact)."""
        return Fraction(v) if self.exact else float(v)

    def take(self, idx) -> _Points:
        """The points ``idx`` (an index array) as a new batch."""
        new = object.__new__(_Points)
        new.dtype = self.dtype
        new.k = self.k[idx]
        new.N = new.k.shape[0]
        new.beta = [b[idx] for b in self.beta]
        new.theta = [t[idx] for t in self.theta]
        new.e1 = [[v[idx] for v in row] for row in self.e1]
        new.e2 = [[v[idx] for v in row] for row in self.e2]
        new.prior = [[v[idx] for v in row] for row in self.prior]
        new.t = [t[idx] for t in self.t]
        new.positive = self.positive
        return new

    def side_keys(self, i: int):
        """Distinct values of what state ``i``'s linear problem depends on.

        State ``i``'s unknowns are constrained by its own prior, by the
        other state's payoff parameters (its types' values, independence
        and salience) and by ``k``; nothing else enters.  Returns
        ``(rep, inv, sub)``: one representative point per distinct value,
        for every point the index of its value, and the representatives as
        a batch, so that a grid of ``n x n`` priors needs only ``n``
        solutions per state.  Computed once per batch.
        """
        cache = self.__dict__.setdefault("_keys", {})
        if i in cache:
            return cache[i]
        if self.N == 1:
            cache[i] = (np.zeros(1, dtype=int), np.zeros(1, dtype=int), self)
            return cache[i]
        j = 1 - i
        cols = np.column_stack([self.k, self.prior[i][0], self.prior[i][1], self.e1[j][0],
                                self.e1[j][1], self.e2[j][0], self.e2[j][1], self.beta[j],
                                self.theta[j]])
        _, rep, inv = np.unique(cols, axis=0, return_index=True, return_inverse=True)
        cache[i] = (rep, inv.ravel(), self.take(rep))
        return cache[i]

    @classmethod
    def from_game(cls, game: Game) -> _Points:
        exact = game.exact

        def a(v):
            return np.array([Fraction(v) if exact else float(v)], dtype=object if exact else float)

        ts = game.types
        return cls(a(game.k), [a(b) for b in game.beta], [a(t) for t in game.theta],
                   [[a(t.e1) for t in ts[s]] for s in (0, 1)],
                   [[a(t.e2) for t in ts[s]] for s in (0, 1)],
                   [[a(t.prior) for t in ts[s]] for s in (0, 1)], exact=exact)

    @classmethod
    def from_arrays(cls, H, L, k, pA, pB, betaA, betaB, thetaA, thetaB) -> _Points:
        vals = np.broadcast_arrays(*(np.asarray(v, dtype=float) for v in
                                     (H, L, k, pA, pB, betaA, betaB, thetaA, thetaB)))
        H, L, k, pA, pB, bA, bB, tA, tB = (v.ravel() for v in vals)
        return cls(k, [bA, bB], [tA, tB], [[L, H], [L, H]], [[L, H], [L, H]],
                   [[pA, 1 - pA], [pB, 1 - pB]])


class _Aff:
    """Affine functions of one state's variables at N points:
    ``value = c @ v + k`` with ``c`` of shape (N, n) and ``k`` of shape (N,)."""

    __slots__ = ("c", "k")

    def __init__(self, c, k):
        self.c = c
        self.k = k

    def __add__(self, o):
        if isinstance(o, _Aff):
            return _Aff(self.c + o.c, self.k + o.k)
        return _Aff(self.c, self.k + o)

    __radd__ = __add__

    def __sub__(self, o):
        return self + (-1) * o

    def __rsub__(self, o):
        return (-1) * self + o

    def __mul__(self, a):
        if isinstance(a, np.ndarray):
            return _Aff(self.c * a[:, None], self.k * a)
        return _Aff(self.c * a, self.k * a)

    __rmul__ = __mul__

    def at(self, x):
        """Values at variable vectors ``x`` (shape (N, n))."""
        if self.c.shape[1] == 0:
            return self.k.copy()
        return np.einsum("ij,ij->i", self.c, x) + self.k


class _Side:
    """What one state controls, as affine functions of its variables: its
    period-1 mixing probabilities, then its free period-2 cooperation
    masses at histories where the other state sits exactly at a threshold."""

    def __init__(self, pts: _Points, i: int, pat, regimes=None):
        self.pts, self.i, self.pat = pts, i, pat
        self.N = pts.N
        self.mixers = [n for n in (0, 1) if pat[n] == "M"]
        free = "K_B" if i == 0 else "K_A"
        self.zh = [h for h, r in (regimes or {}).items() if r == free]
        self.n = len(self.mixers) + len(self.zh)
        self.at_threshold = "K_A" if i == 0 else "K_B"
        self._cache = {}

    def var(self, idx):
        dt = self.pts.dtype
        c = np.zeros((self.N, self.n), dtype=dt)
        c[:, idx] = 1
        return _Aff(c, np.zeros(self.N, dtype=dt))

    def const(self, v):
        dt = self.pts.dtype
        return _Aff(np.zeros((self.N, self.n), dtype=dt), np.full(self.N, self.pts.num(v), dtype=dt))

    def r(self, n):
        if self.pat[n] == "M":
            return self.var(self.mixers.index(n))
        return self.const(_PURE[self.pat[n]])

    def pi(self, n, a):
        r = self.r(n)
        return r if a == C else 1 - r

    def s(self, a):
        """Probability that the state is a security type and plays ``a``."""
        if ("s", a) not in self._cache:
            self._cache[("s", a)] = self.pi(0, a) * self.pts.prior[self.i][0]
        return self._cache[("s", a)]

    def w(self, a):
        """Probability that the state plays ``a``."""
        if ("w", a) not in self._cache:
            pr = self.pts.prior[self.i]
            self._cache[("w", a)] = self.pi(0, a) * pr[0] + self.pi(1, a) * pr[1]
        return self._cache[("w", a)]

    def z(self, h):
        return self.var(len(self.mixers) + self.zh.index(h))

    def onpath(self):
        acts = set()
        for n in (0, 1):
            if not self.pts.positive[self.i][n]:
                continue
            if self.pat[n] in ("C", "M"):
                acts.add(C)
            if self.pat[n] in ("D", "M"):
                acts.add(D)
        return [a for a in ACTIONS if a in acts]

    def Y(self, reg, a, h, thr):
        """Probability-weighted cooperation of this state after ``h`` (its
        own action ``a``) in regime ``reg``; ``thr`` is the threshold of the
        other state's security type."""
        if reg == "DD":
            return self.const(0.0)
        if reg == "CC" or reg == self.at_threshold:
            return self.s(a)
        if reg == "mixed":
            return self.w(a) * thr
        return self.z(h)

    def values(self, x, n):
        """Probability that type n plays C, at variable vectors x."""
        if self.pat[n] == "M":
            return x[:, self.mixers.index(n)]
        return np.full(x.shape[0], _PURE[self.pat[n]])


def _belief_range(pts: _Points, side: _Side, a):
    """Arrays (lo, hi) of possible posteriors on the security type after ``a``."""
    pr = pts.prior[side.i]
    if side.pat[0] == "M" and side.pat[1] == "M":
        return np.zeros(pts.N, dtype=pts.dtype), np.ones(pts.N, dtype=pts.dtype)
    lo = np.full(pts.N, np.inf, dtype=pts.dtype)
    hi = np.full(pts.N, -np.inf, dtype=pts.dtype)
    for rs in ([0, 1] if side.pat[0] == "M" else [int(_PURE[side.pat[0]])]):
        for rg in ([0, 1] if side.pat[1] == "M" else [int(_PURE[side.pat[1]])]):
            ps = pr[0] * (rs if a == C else 1 - rs)
            pg = pr[1] * (rg if a == C else 1 - rg)
            tot = ps + pg
            q = ps / np.where(tot > 0, tot, 1)
            lo = np.where(tot > 0, np.minimum(lo, q), lo)
            hi = np.where(tot > 0, np.maximum(hi, q), hi)
    return lo, hi


def _regime_parts(reg, rA, rB, tA, tB, tol):
    """Whether posteriors in the ranges rA (A's, at A's key points) and rB
    (B's, at B's key points) can support the regime: ``(okA, okB)``, bool
    arrays whose conjunction is the condition.  ``tB`` is B's threshold at
    A's key points and ``tA`` A's threshold at B's."""
    if reg == "DD":
        return np.ones(rA[0].shape, dtype=bool), np.ones(rB[0].shape, dtype=bool)
    if reg in ("CC", "mixed"):
        return rA[1] >= tB - tol, rB[1] >= tA - tol
    if reg == "K_A":
        return (rA[0] - tol <= tB) & (tB <= rA[1] + tol), rB[1] >= tA - tol
    return rA[1] >= tB - tol, (rB[0] - tol <= tA) & (tA <= rB[1] + tol)


def _other_payoffs(pts: _Points, i, sides, regimes, menu):
    """Payoff of each type of ``j = 1 - i`` from each period-1 action, as
    affine functions of i's variables."""
    j = 1 - i
    side, jside = sides[i], sides[j]
    k, beta, theta = pts.k, pts.beta[j], pts.theta[j]
    thr = pts.t[j]
    jon = jside.onpath()
    U = {}
    for n in (0, 1):
        e1, e2 = pts.e1[j][n], pts.e2[j][n]
        sec = n == 0
        for b in ACTIONS:
            total = side.const(0.0)
            for a in side.onpath():
                h = (a + b) if i == 0 else (b + a)
                reg = regimes[h] if b in jon else menu[a]
                Y = side.Y(reg, a, h, thr)
                w = side.w(a)
                j_sec_plays_c = reg == "CC" or reg == jside.at_threshold
                if sec and j_sec_plays_c:
                    v = Y * (1 + k) - w * k
                else:
                    v = Y * e2
                total = total + w * stage_payoff(b, a, e1, beta, k) + v * theta
            U[(n, b)] = total
    return U


def _constraints(pts, i, sides, regimes, menu):
    """Equalities and inequalities (>= 0) on i's variables."""
    side, jside = sides[i], sides[1 - i]
    thr = pts.t[1 - i]
    eqs, ges = [], []
    for h, reg in regimes.items():
        a = h[0] if i == 0 else h[1]
        if reg in ("CC", "mixed"):
            ges.append(side.s(a) - side.w(a) * thr)
        elif reg == side.at_threshold:
            eqs.append(side.s(a) - side.w(a) * thr)
        elif reg == jside.at_threshold:
            ges.append(side.z(h) - side.w(a) * thr)
            ges.append(side.s(a) - side.z(h))
    for a, reg in menu.items():
        if reg in ("CC", "mixed"):
            ges.append(side.s(a) - side.w(a) * thr)
    U = _other_payoffs(pts, i, sides, regimes, menu)
    for n in (0, 1):
        p = jside.pat[n]
        if p == "M":
            eqs.append(U[(n, C)] - U[(n, D)])
        elif p == "C":
            ges.append(U[(n, C)] - U[(n, D)])
        else:
            ges.append(U[(n, D)] - U[(n, C)])
    return eqs, ges, U


def _take(a: _Aff, idx):
    return _Aff(a.c[idx], a.k[idx])


def _solve(side: _Side, eqs, ges, tol, idx):
    """Solve the side's system at the points ``idx``.

    Returns a list of ``(points, X)``: point indices and, for each point,
    the extreme points of its feasible set, ``X`` of shape
    ``(len(points), nv, n)`` (``nv = 1``: a single solution; ``nv = 2``:
    the end points of an interval; more: the vertices of a polytope).
    """
    if side.pts.exact:
        return _solve_exact(side, eqs, ges, idx)
    n = side.n
    M = len(idx)
    lo_b = [MIX_MARGIN] * len(side.mixers) + [0.0] * len(side.zh)
    hi_b = [1 - MIX_MARGIN] * len(side.mixers) + [1.0] * len(side.zh)
    G = [a.c[idx] for a in ges]
    h = [-a.k[idx] for a in ges]
    for v in range(n):
        e = np.zeros((M, n))
        e[:, v] = 1.0
        G += [e, -e]
        h += [np.full(M, lo_b[v]), np.full(M, -hi_b[v])]
    if n == 0:
        ok = np.ones(M, dtype=bool)
        for a in eqs:
            ok &= np.abs(a.k[idx]) <= tol
        for hv in h:
            ok &= hv <= tol
        return [(idx[ok], np.zeros((int(ok.sum()), 1, 0)))]
    G = np.stack(G, axis=1)  # (M, m, n)
    h = np.stack(h, axis=1)  # (M, m)
    if eqs:
        E = np.stack([a.c[idx] for a in eqs], axis=1)
        f = np.stack([-a.k[idx] for a in eqs], axis=1)
        E = np.where(np.abs(E) < ZERO_TOL, 0.0, E)
        if E.shape[1] == n:
            # square systems: points with a well-conditioned matrix are
            # solved directly, the others go through the SVD below
            det = np.linalg.det(E)
            good = np.abs(det) > PIVOT_TOL
            if good.all():
                x0 = np.linalg.solve(E, f[..., None])[..., 0]
                b0 = h - np.einsum("mkn,mn->mk", G, x0)
                ok = np.all(b0 <= tol, axis=1)
                return [(idx[ok], x0[ok][:, None, :])]
        u, sv, vt = np.linalg.svd(E, full_matrices=True)
        rank = np.sum(sv > RANK_TOL, axis=1)
    else:
        E = f = None
        rank = np.zeros(M, dtype=int)
    out = []
    for r in np.unique(rank):
        sel = np.nonzero(rank == r)[0]
        if E is not None and r > 0:
            ur, sr, vr = u[sel][:, :, :r], sv[sel][:, :r], vt[sel][:, :r, :]
            coef = np.einsum("mij,mi->mj", ur, f[sel]) / sr
            x0 = np.einsum("mjn,mj->mn", vr, coef)
            resid = np.max(np.abs(np.einsum("mij,mj->mi", E[sel], x0) - f[sel]), axis=1)
            keep = resid <= tol
            sel, x0 = sel[keep], x0[keep]
            Nsp = np.transpose(vt[sel][:, r:, :], (0, 2, 1))  # (m, n, d)
        else:
            if E is not None:
                keep = np.max(np.abs(f[sel]), axis=1) <= tol
                sel = sel[keep]
            x0 = np.zeros((len(sel), n))
            Nsp = np.broadcast_to(np.eye(n), (len(sel), n, n))
        d = n - r
        if len(sel) == 0:
            continue
        Gs, hs = G[sel], h[sel]
        b = hs - np.einsum("mkn,mn->mk", Gs, x0)
        if d == 0:
            ok = np.all(b <= tol, axis=1)
            out.append((idx[sel[ok]], x0[ok][:, None, :]))
        elif d == 1:
            A = np.einsum("mkn,mn->mk", Gs, Nsp[:, :, 0])
            pos, neg = A > ZERO_TOL, A < -ZERO_TOL
            with np.errstate(divide="ignore", invalid="ignore"):
                ratio = b / np.where(pos | neg, A, 1.0)
            lo = np.max(np.where(pos, ratio, -np.inf), axis=1)
            hi = np.min(np.where(neg, ratio, np.inf), axis=1)
            flat_bad = np.any(~(pos | neg) & (b > tol), axis=1)
            ok = (lo <= hi + tol) & ~flat_bad & np.isfinite(lo) & np.isfinite(hi)
            single = ok & (hi - lo <= DEFAULT_TOL)
            two = ok & ~single
            mid = (lo + hi) / 2
            if single.any():
                out.append((idx[sel[single]],
                            (x0[single] + Nsp[single, :, 0] * mid[single, None])[:, None, :]))
            if two.any():
                ends = [x0[two] + Nsp[two, :, 0] * v[two, None] for v in (lo, hi)]
                out.append((idx[sel[two]], np.stack(ends, axis=1)))
        elif d <= 4:
            A = np.einsum("mkn,mnd->mkd", Gs, Nsp)
            pidx, U = _vertices_batch(A, b, tol)
            if len(pidx):
                X = x0[pidx] + np.einsum("vnd,vd->vn", Nsp[pidx], U)
                out.extend(_group_vertices(idx[sel], pidx, X))
        else:
            for m_, s_ in enumerate(sel):
                verts = _vertices(Gs[m_], hs[m_], x0[m_], Nsp[m_], tol)
                if verts:
                    out.append((idx[[s_]], np.array(verts)[None, :, :]))
    return out


def _solve_exact(side: _Side, eqs, ges, idx):
    """:func:`_solve` in exact arithmetic (Fractions, no tolerance), one
    point at a time: the equalities are eliminated exactly
    (:func:`~trustgame.core.rational.affine_solutions`) and the vertices
    of what is left are enumerated exactly
    (:func:`~trustgame.core.rational.polytope_vertices`).  The bounds on
    the mixing probabilities are those of the floating-point search,
    ``MIX_MARGIN`` read as a decimal fraction."""
    n = side.n
    margin = Fraction(str(MIX_MARGIN))
    lo_b = [margin] * len(side.mixers) + [Fraction(0)] * len(side.zh)
    hi_b = [1 - margin] * len(side.mixers) + [Fraction(1)] * len(side.zh)
    out = []
    for p in idx:
        G = [list(a.c[p]) for a in ges]
        h = [-a.k[p] for a in ges]
        for v in range(n):
            e = [0] * n
            e[v] = 1
            G += [e, [-x for x in e]]
            h += [lo_b[v], -hi_b[v]]
        sol = affine_solutions([list(a.c[p]) for a in eqs], [-a.k[p] for a in eqs], n)
        if sol is None:
            continue
        x0, basis = sol
        # G (x0 + N u) >= h, i.e. (G N) u >= h - G x0
        A = [[sum(g * b for g, b in zip(row, d)) for d in basis] for row in G]
        b = [hv - sum(g * x for g, x in zip(row, x0)) for row, hv in zip(G, h)]
        U = polytope_vertices(A, b)
        if not U:
            continue
        X = [[x + sum(u * d[c] for u, d in zip(uu, basis)) for c, x in enumerate(x0)] for uu in U]
        arr = np.empty((1, len(X), n), dtype=object)
        for v, x in enumerate(X):
            arr[0, v, :] = x
        out.append((np.array([p]), arr))
    return out


def _group_vertices(points, pidx, X):
    """Vertices listed one per row (``pidx[v]`` the point of row ``v``) as
    chunks ``(points, X)`` of points with the same number of vertices."""
    order = np.argsort(pidx, kind="stable")
    pidx, X = pidx[order], X[order]
    counts = np.bincount(pidx)
    starts = np.concatenate([[0], np.cumsum(counts)[:-1]])
    out = []
    for c in np.unique(counts[counts > 0]):
        which = np.nonzero(counts == c)[0]
        rows = starts[which][:, None] + np.arange(c)[None, :]
        out.append((points[which], X[rows]))
    return out


def _vertices_batch(A, b, tol):
    """Vertices of the polytopes ``{u : A[m] u >= b[m]}`` for every m.

    Every choice of ``d`` constraints is made active and the resulting
    ``d x d`` systems are solved for all points and choices at once (in
    chunks); a solution that satisfies every constraint (within ``tol``) is
    a vertex.  The polytopes are bounded (every variable has bounds), so no
    vertex means no solution.  Returns ``(point_index, vertices)`` with
    duplicates removed.
    """
    from itertools import combinations

    # constraints with no coefficient at any point cannot be active: check
    # them once and leave them out of the enumeration
    flat = np.all(np.abs(A) <= ZERO_TOL, axis=(0, 2))
    if flat.any():
        bad = np.any(b[:, flat] > tol, axis=1)
        A, b = A[:, ~flat], b[:, ~flat]
        if bad.any():
            b = b.copy()
            b[bad] = np.inf  # nothing is feasible there
    M, m, d = A.shape
    subsets = np.array(list(combinations(range(m), d)), dtype=int)
    chunk = max(1, 4_000_000 // max(1, M * m * d))
    pts, verts = [], []
    for start in range(0, len(subsets), chunk):
        S = subsets[start:start + chunk]
        MS = A[:, S, :]  # (M, s, d, d)
        det = np.linalg.det(MS)
        pi, si = np.nonzero(np.abs(det) > ZERO_TOL)
        if len(pi) == 0:
            continue
        u = np.linalg.solve(MS[pi, si], b[:, S][pi, si][..., None])[..., 0]
        feas = np.all(np.einsum("kmd,kd->km", A[pi], u) >= b[pi] - tol, axis=1)
        if feas.any():
            pts.append(pi[feas])
            verts.append(u[feas])
    if not pts:
        return np.array([], dtype=int), np.zeros((0, d))
    P = np.concatenate(pts)
    V = np.concatenate(verts)
    key = np.column_stack([P, np.round(V / DEFAULT_TOL)])
    _, first = np.unique(key, axis=0, return_index=True)
    first = np.sort(first)
    return P[first], V[first]


def _vertices(G, h, x0, N, tol):
    """Extreme points, coordinate by coordinate, of
    ``{x0 + N u : G (x0 + N u) >= h}`` at one point (linear programming;
    used for the rare feasible sets of dimension five or more)."""
    A = G @ N
    b = h - G @ x0
    d = N.shape[1]
    pts = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for v in range(d):
            for sign in (1.0, -1.0):
                c = np.zeros(d)
                c[v] = sign
                res = linprog(c, A_ub=-A, b_ub=-b + tol, bounds=[(None, None)] * d, method="highs")
                if res.status == 0:
                    x = x0 + N @ res.x
                    if not any(np.allclose(x, q, atol=MIX_MARGIN) for q in pts):
                        pts.append(x)
    return pts


class _SideSolution:
    """Solutions of one state's linear problem at some of its key points:
    ``X[m]`` holds the extreme points (``nv`` of them) at key ``keys[m]``;
    ``side`` and ``U`` are affine functions over the state's key points
    (``U``: the other state's types' payoffs from each action)."""

    __slots__ = ("keys", "X", "menu", "U", "side")

    def __init__(self, keys, X, menu, U, side):
        self.keys, self.X, self.menu, self.U, self.side = keys, X, menu, U, side


class _Row:
    """One feasible configuration at some points of the batch: ``a`` and
    ``b`` are A's and B's solutions; point ``points[m]`` uses row ``ra[m]``
    of ``a`` and row ``rb[m]`` of ``b``.  The equilibria at a point form
    the product of A's and B's sets of solutions."""

    __slots__ = ("points", "a", "b", "ra", "rb", "regimes", "pats")

    def __init__(self, points, a, b, ra, rb, regimes, pats):
        self.points, self.a, self.b, self.ra, self.rb = points, a, b, ra, rb
        self.regimes, self.pats = regimes, pats


def _search(pts: _Points, pats, tol):
    """Yield a :class:`_Row` for every feasible configuration of one
    support pattern.

    Each state's problem is solved once per distinct value of what it
    depends on (:meth:`_Points.side_keys`), and the two are combined at
    the points where both are feasible.
    """
    keys = [pts.side_keys(i) for i in (0, 1)]
    sub = [k[2] for k in keys]
    plain = [_Side(sub[i], i, pats[i]) for i in (0, 1)]
    on = [plain[0].onpath(), plain[1].onpath()]
    rng = {(i, a): _belief_range(sub[i], plain[i], a) for i in (0, 1) for a in on[i]}
    hists = [(a, b) for a in on[0] for b in on[1]]
    masks = {}
    for a, b in hists:
        for reg in REGIMES:
            masks[(a, b, reg)] = _regime_parts(reg, rng[(0, a)], rng[(1, b)], sub[1].t[0],
                                               sub[0].t[1], tol)
    opts = [[r for r in REGIMES if masks[(a, b, r)][0].any() and masks[(a, b, r)][1].any()]
            for a, b in hists]
    for combo in product(*opts):
        valid = [np.ones(sub[i].N, dtype=bool) for i in (0, 1)]
        for (a, b), reg in zip(hists, combo):
            valid[0] &= masks[(a, b, reg)][0]
            valid[1] &= masks[(a, b, reg)][1]
        if not (valid[0].any() and valid[1].any()):
            continue
        regimes = {a + b: r for (a, b), r in zip(hists, combo)}
        found = []
        for i in (0, 1):
            P = sub[i]
            sides = [_Side(P, s, pats[s], regimes) for s in (0, 1)]
            j_off = [b for b in ACTIONS if b not in on[1 - i]]
            menus = ([dict(zip(on[i], ch)) for ch in product(("DD", "CC", "mixed"), repeat=len(on[i]))]
                     if j_off else [{}])
            todo = np.nonzero(valid[i])[0]
            sols = []
            for menu in menus:
                if len(todo) == 0:
                    break
                eqs, ges, U = _constraints(P, i, sides, regimes, menu)
                chunks = _solve(sides[i], eqs, ges, tol, todo)
                done = [c[0] for c in chunks if len(c[0])]
                for kk, X in chunks:
                    if len(kk):
                        sols.append(_SideSolution(kk, X, menu, U, sides[i]))
                if done:
                    todo = np.setdiff1d(todo, np.concatenate(done))
            if not sols:
                break
            found.append(sols)
        if len(found) < 2:
            continue
        # for every point of the batch, its row in each solution (-1: none)
        rows = [[_rows_at(sub[i].N, sol.keys, keys[i][1]) for sol in found[i]] for i in (0, 1)]
        for ca, ra in zip(found[0], rows[0]):
            has_a = ra >= 0
            if not has_a.any():
                continue
            for cb, rb in zip(found[1], rows[1]):
                where = np.nonzero(has_a & (rb >= 0))[0]
                if len(where):
                    yield _Row(where, ca, cb, ra[where], rb[where], regimes, pats)


def _rows_at(n_keys, keys, inv):
    """For every point (``inv``: its key), the row of its key in ``keys``,
    or -1."""
    pos = np.full(n_keys, -1)
    pos[keys] = np.arange(len(keys))
    return pos[inv]


def _patterns(pts: _Points):
    for patA in _PATTERNS:
        for patB in _PATTERNS:
            pats = (patA, patB)
            mixes = [(s, n) for s in (0, 1) for n in (0, 1) if pats[s][n] == "M"]
            if not mixes:
                continue
            if any(not pts.positive[s][n] for s, n in mixes):
                continue
            # a greedy type that mixes or cooperates while the security type
            # defects is revealed greedy by C and strictly prefers D
            if any(pats[s] == ("D", "M") for s in (0, 1)):
                continue
            yield pats


def semi_separating_equilibria(game: Game, tol=None, known=()) -> list[Equilibrium]:
    """Isolated equilibria of a two-type game in which some type mixes in
    period 1: the first half of :func:`semi_separating` (same parameters),
    whose second half is the families.

    Examples
    --------
    >>> from trustgame import Params
    >>> eqs = semi_separating_equilibria(Params(pA=0.2, pB=0.2).game())
    >>> len(eqs)
    0
    """
    return semi_separating(game, tol, known)[0]


def semi_separating(game: Game, tol=None, known=()) -> tuple:
    """Every equilibrium of a two-type game in which some type mixes in
    period 1: the isolated ones and the families (continua).

    Parameters
    ----------
    game : Game
        A game with exactly two types per state (security first).
    tol : float, optional
        Tolerance for weak inequalities (exact games: every comparison is
        exact, whatever ``tol``).
    known : sequence of Equilibrium
        Equilibria already found (pure ones); duplicates are dropped.

    Returns
    -------
    (list of Equilibrium, list of Family)
        An end point of a family can also be an isolated equilibrium under
        another period-2 regime (a security type that cooperates for sure
        after a history rather than with the family's probability); it is
        then reported in both, under its own name.

    Examples
    --------
    >>> from trustgame import Params
    >>> eqs, fams = semi_separating(Params(pA=0.2292, pB=0.8125).game())
    >>> len(eqs), [(f.dimension, len(f.vertices)) for f in fams]
    (7, [(1, 2)])
    """
    tol = resolve_tol(tol)
    if any(len(ts) != 2 for ts in game.types):
        raise ValueError("semi-separating search needs exactly two types per state")
    pts = _Points.from_game(game)
    # exact games: tol = 0 and every comparison exact
    mtol = 0 if game.exact else MIXED_TOL
    points: list[Equilibrium] = []
    families: list[Family] = []
    for pats in _patterns(pts):
        for row in _search(pts, pats, tol):
            XA, XB = row.a.X[row.ra[0]], row.b.X[row.rb[0]]
            sides = (row.a.side, row.b.side)
            menus = (row.a.menu, row.b.menu)
            regimes = row.regimes

            def build(xa, xb, sides=sides, regimes=regimes, menus=menus):
                return _build(game, sides, regimes, np.asarray(xa, pts.dtype), np.asarray(xb, pts.dtype),
                              menus)

            verts = [build(xa, xb) for xa in XA for xb in XB]
            if len(verts) == 1:
                points.append(verts[0])
                continue
            if not all(_period2_consistent(e, mtol) for e in verts):
                continue
            fam = Family(game=game, name=build(XA.mean(axis=0), XB.mean(axis=0)).name,
                         sides=(XA.copy(), XB.copy()), variables=_variables(game, row),
                         payoff_map=_payoff_map(row), vertices=tuple(verts), build=build)
            if any(_same_family(fam, f, mtol) for f in families):
                continue
            families.append(fam)
    out: list[Equilibrium] = []
    for e in points:
        if any(_same_eq(e, k, mtol) for k in list(known) + out):
            continue
        if not _period2_consistent(e, mtol):
            continue
        out.append(e)
    return out, families


def _same_family(f1: Family, f2: Family, tol) -> bool:
    if len(f1.vertices) != len(f2.vertices):
        return False
    return all(any(_same_eq(v, w, tol) for w in f2.vertices) for v in f1.vertices)


def _variables(game: Game, row) -> tuple:
    """Names of each state's unknowns, in the order of the columns."""
    out = []
    for s, side in ((0, row.a.side), (1, row.b.side)):
        st = STATES[s]
        names = [f"P({st} {game.types[s][n].name} plays C in period 1)" for n in side.mixers]
        names += [f"P({st} is a security-seeker, plays {h[s]} and cooperates after {h})"
                  for h in side.zh]
        out.append(tuple(names))
    return tuple(out)


def _payoff_map(row) -> tuple:
    """For each state, ``(M, c)``: its types' interim payoffs are
    ``M @ x + c`` with ``x`` the other state's unknowns."""
    out = []
    for s, other in enumerate((row.b, row.a)):
        U = other.U
        M, c = [], []
        for n in (0, 1):
            act = C if row.pats[s][n] in ("C", "M") else D
            M.append(U[(n, act)].c[0].copy())
            c.append(U[(n, act)].k[0])
        out.append((np.array(M), np.array(c)))
    return tuple(out)


def _period2_consistent(eq: Equilibrium, tol: float) -> bool:
    """Whether every type's period-2 action after every history is a best
    response, with the gap measured relative to the payoff scale.

    The search solves its linear systems in floating point; where the
    payoffs are many orders of magnitude apart (``k`` or ``theta`` near
    1e5 beside payoffs of order one) a solution can miss a period-2
    threshold by more than its tolerance.  Such a candidate is not an
    equilibrium of the game and is not reported.
    """
    g = eq.game
    for h, cont in enumerate(eq.period2):
        for s in (0, 1):
            o = 1 - s
            y = aggregate(eq.offpath_beliefs[h][o], cont.x[o])
            for n, t in enumerate(g.types[s]):
                gain = continuation_payoff(g, s, n, 1, y) - continuation_payoff(g, s, n, 0, y)
                scale = tol * max(1.0, abs(float(g.k)), abs(float(t.e2))) if tol else 0
                x = cont.x[s][n]
                zero = ZERO_TOL if tol else 0
                if (x > zero and gain < -scale) or (x < 1 - zero and gain > scale):
                    return False
    return True


def _build(game, sides, regimes, xa, xb, menus):
    """Assemble a named Equilibrium (one point) from the sides' solutions."""
    menu_for_B, menu_for_A = menus  # A's solution carries B's off-path menu
    num = sides[0].pts.num  # float, or Fraction in exact arithmetic
    zero, one = num(0), num(1)
    vec = (xa, xb)
    p1 = []
    for i in (0, 1):
        side = sides[i]
        p1.append(tuple(num(vec[i][side.mixers.index(n)]) if side.pat[n] == "M"
                        else num(_PURE[side.pat[n]]) for n in (0, 1)))
    mass, post = zip(*(type_masses(game, s, p1[s]) for s in (0, 1)))

    def val(aff, i):
        return num(aff.at(vec[i][None, :])[0]) if vec[i].size else num(aff.k[0])

    tA, tB = (num(t[0]) for t in sides[0].pts.t)
    conts = []
    for h in HISTORIES:
        a, b = h[0], h[1]
        if h in regimes:
            reg = regimes[h]
        elif a not in mass[0] and b in mass[1]:
            reg = menu_for_A.get(b, "DD")
        elif b not in mass[1] and a in mass[0]:
            reg = menu_for_B.get(a, "DD")
        else:
            reg = "DD"
        qa = post[0][a][0] if a in post[0] else one
        qb = post[1][b][0] if b in post[1] else one
        xA = xB = zero
        if reg == "CC":
            xA = xB = one
        elif reg == "mixed":
            # a posterior at the threshold within tol (possibly 0 when the
            # threshold is tiny) makes the counterpart cooperate outright
            xA = tB / qa if qa > 0 else one
            xB = tA / qb if qb > 0 else one
        elif reg == "K_A":
            xA = one
            sb = val(sides[1].s(b), 1)
            xB = val(sides[1].z(h), 1) / sb if sb > 0 else one
        elif reg == "K_B":
            xB = one
            sa = val(sides[0].s(a), 0)
            xA = val(sides[0].z(h), 0) / sa if sa > 0 else one
        xA, xB = min(max(xA, zero), one), min(max(xB, zero), one)
        conts.append(Continuation(((xA, zero), (xB, zero)), _kind(xA, xB, 0 if game.exact else ZERO_TOL),
                                  reg in ("K_A", "K_B")))
    period2 = tuple(conts)
    beliefs, offb = [], []
    for h in HISTORIES:
        muA, muB = post[0].get(h[0]), post[1].get(h[1])
        beliefs.append((muA, muB))
        offb.append((muA or (one, zero), muB or (one, zero)))
    payoffs = interim_payoffs(game, p1, mass, post, period2)
    eq = Equilibrium(game=game, period1=tuple(p1), period2=period2,
                     beliefs=tuple(beliefs), offpath_beliefs=tuple(offb),
                     payoffs=tuple(payoffs), method="semi-separating",
                     knife_edge=any(c.knife_edge for c in period2),
                     info={"regimes": dict(regimes)})
    return name_equilibrium(eq)


def _kind(xA, xB, zero):
    if xA == 0 and xB == 0:
        return "DD"
    if xA >= 1 - zero and xB >= 1 - zero:
        return "CC"
    return "mixed"


def _same_eq(e1: Equilibrium, e2: Equilibrium, tol):
    """Same period-1 play and same on-path period-2 play."""
    for s in (0, 1):
        if any(abs(x - y) > tol for x, y in zip(e1.period1[s], e2.period1[s])):
            return False
    for c1, c2, h in zip(e1.period2, e2.period2, HISTORIES):
        if e1.on_path(h) and e2.on_path(h):
            for s in (0, 1):
                if any(abs(x - y) > tol for x, y in zip(c1.x[s], c2.x[s])):
                    return False
    return True


# ---------------------------------------------------------------------------
# Maps
# ---------------------------------------------------------------------------

def semi_separating_grid(H, L, k, pA, pB, betaA, betaB, thetaA, thetaB, tol=None):
    """Semi-separating equilibria and families at many points at once (for
    maps).

    Parameters
    ----------
    H, L, k, pA, pB, betaA, betaB, thetaA, thetaB : array_like
        Broadcastable parameter arrays (priors strictly inside (0, 1)).
    tol : float, optional

    Returns
    -------
    list of (points, names, payA, payB)
        ``points``: flat indices into the broadcast shape; ``names``: the
        name at each point (a family's is that of its centroid);
        ``payA``: array ``(len, nv_B, 2)`` of A's types' interim payoffs
        (security, greedy) at each vertex of B's polytope, ``payB`` the
        same for B's types at A's vertices.  A row with one vertex on each
        side is an isolated equilibrium; otherwise the payoffs at a point
        of the family are a convex combination on each side.

    Examples
    --------
    >>> out = semi_separating_grid(1.5, -0.1, 0.9, [0.4, 0.2], [0.4, 0.2], 0, 0, 1, 1)
    >>> sorted({n for pts, names, _, _ in out for p, n in zip(pts, names) if p == 0})
    ['semi-separating A[Cm]/B[Cm] CC:CC', 'semi-separating A[Cm]/B[Cm] CC:mixed',
     'semi-separating A[mD]/B[mD] CC:CC']
    >>> [p for pts, _, _, _ in out for p in pts if p == 1]  # none at the second point
    []
    """
    tol = resolve_tol(tol)
    pts = _Points.from_arrays(H, L, k, pA, pB, betaA, betaB, thetaA, thetaB)
    out = []
    for pats in _patterns(pts):
        acts = ["".join("m" if x == "M" else x for x in pats[s]) for s in (0, 1)]
        prefix = f"semi-separating A[{acts[0]}]/B[{acts[1]}] "
        for row in _search(pts, pats, tol):
            payA = _side_payoffs(row.b, pats[0])[row.rb]
            payB = _side_payoffs(row.a, pats[1])[row.ra]
            hs = [h for h in HISTORIES if h in row.regimes]
            ca = _side_codes(row.a, 0, row.regimes, hs)[row.ra]
            cb = _side_codes(row.b, 1, row.regimes, hs)[row.rb]
            kind = np.where((ca == 0) & (cb == 0), 0, np.where((ca == 1) & (cb == 1), 1, 2))
            code = kind @ (3 ** np.arange(len(hs))) if hs else np.zeros(len(row.points), int)
            uniq, inv = np.unique(code, return_inverse=True)
            labels = []
            for u in uniq:
                ks = [(int(u) // 3 ** j) % 3 for j in range(len(hs))]
                play = " ".join(f"{h}:{('DD', 'CC', 'mixed')[kk]}" for h, kk in zip(hs, ks) if kk)
                labels.append(prefix + (play or "DD"))
            names = np.array(labels, dtype=object)[inv.ravel()]
            out.append((row.points, names, payA, payB))
    return out


def _side_payoffs(sol: _SideSolution, pat_other) -> np.ndarray:
    """The other state's types' payoffs at each vertex of this state's
    solutions: ``(len(sol.keys), nv, 2)``.  A type that mixes is
    indifferent, so its payoff is that of C."""
    out = []
    for n in (0, 1):
        act = C if pat_other[n] in ("C", "M") else D
        U = sol.U[(n, act)]
        c, k = U.c[sol.keys], U.k[sol.keys]
        if c.shape[1] == 0:
            out.append(np.broadcast_to(k[:, None], sol.X.shape[:2]))
        else:
            out.append(np.einsum("mn,mvn->mv", c, sol.X) + k[:, None])
    return np.stack(out, axis=-1)


def _side_codes(sol: _SideSolution, i: int, regimes, hs) -> np.ndarray:
    """This state's security type's period-2 cooperation at the centroid
    of its solutions after each history in ``hs``: 0 (defects), 1
    (cooperates) or 2 (mixes); shape ``(len(sol.keys), len(hs))``."""
    side, keys = sol.side, sol.keys
    X = sol.X.mean(axis=1)
    m = len(keys)
    thr = side.pts.t[1 - i][keys]
    cols = []
    for h in hs:
        reg, a = regimes[h], h[i]
        if reg == "DD":
            x = np.zeros(m)
        elif reg == "CC" or reg == side.at_threshold:
            x = np.ones(m)
        elif reg == "mixed":
            sa = _take(side.s(a), keys).at(X)
            wa = _take(side.w(a), keys).at(X)
            q = np.where(wa > 0, sa / np.where(wa > 0, wa, 1), 0.0)
            x = thr / np.maximum(q, TINY)
        else:
            sa = _take(side.s(a), keys).at(X)
            za = _take(side.z(h), keys).at(X)
            x = np.where(sa > 0, za / np.where(sa > 0, sa, 1), 1.0)
        x = np.clip(x, 0, 1)
        cols.append(np.where(x == 0, 0, np.where(x >= 1 - ZERO_TOL, 1, 2)))
    return np.stack(cols, axis=1) if cols else np.zeros((m, 0), dtype=int)
