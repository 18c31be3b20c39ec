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
    variables of each state, solved with ``scipy.optimize.linprog``.

Off-path beliefs
    As in :mod:`trustgame.equilibria`: a state that plays a pure action
    with both types may be punished after the other action by any period-2
    equilibrium available under some belief (``DD``, ``CC`` or ``mixed``
    with a belief of one on the security type).

What is not enumerated
    * When a side's feasible set is not a single point, the equilibria form
      a continuum.  The search reports its extreme points in each
      coordinate (flagged ``info["family"] = True``), not the whole set.
    * Mixing probabilities are kept in ``[1e-7, 1 - 1e-7]``; mixtures
      closer to pure play are reported as their pure limit by
      :mod:`trustgame.equilibria`.
    * Games with more than two types per state, and exact arithmetic, are
      not searched.
"""

from __future__ import annotations

import warnings
from itertools import product

import numpy as np
from scipy.optimize import linprog

from .catalogue import name_equilibrium
from .equilibria import Equilibrium, _masses, expected_payoff
from .model import ACTIONS, C, D, HISTORIES, Game, coop_threshold, resolve_tol, stage_payoff
from .period2 import Continuation

__all__ = ["semi_separating_equilibria", "REGIMES", "MIX_MARGIN"]

#: Period-2 regimes considered after an on-path history.
REGIMES = ("DD", "CC", "mixed", "K_A", "K_B")
#: Mixing probabilities are kept this far from 0 and 1.
MIX_MARGIN = 1e-7

_PURE = {"C": 1, "D": 0}
_PATTERNS = [(a, b) for a in ("C", "D", "M") for b in ("C", "D", "M")]


class _Aff:
    """Affine function of a side's variables: ``coef @ v + const``."""

    __slots__ = ("c", "k")

    def __init__(self, c, k=0.0):
        self.c = c
        self.k = k

    def __add__(self, o):
        if isinstance(o, _Aff):
            return _Aff(self.c + o.c, self.k + o.k)
        return _Aff(self.c, self.k + o)

    __radd__ = __add__

    def __sub__(self, o):
        return self + (-1.0) * o

    def __rsub__(self, o):
        return (-1.0) * self + o

    def __mul__(self, a):
        return _Aff(self.c * a, self.k * a)

    __rmul__ = __mul__

    def __neg__(self):
        return self * -1.0


class _Side:
    """The quantities one state controls, as affine functions of its
    variables (its period-1 mixing probabilities, then its free period-2
    cooperation masses at histories where the other state sits exactly at
    a threshold)."""

    def __init__(self, game: Game, i: int, pat, regimes=None):
        self.i = i
        self.pat = pat
        ts = game.types[i]
        self.prior = (float(ts[0].prior), float(ts[1].prior))
        self.mixers = [n for n in (0, 1) if pat[n] == "M"]
        free = "K_B" if i == 0 else "K_A"
        self.zh = [h for h, r in (regimes or {}).items() if r == free]
        self.n = len(self.mixers) + len(self.zh)
        self.at_threshold = "K_A" if i == 0 else "K_B"
        self._cache = {}
        self._on = None

    def var(self, idx):
        c = np.zeros(self.n)
        c[idx] = 1.0
        return _Aff(c, 0.0)

    def const(self, v):
        return _Aff(np.zeros(self.n), float(v))

    def r(self, n):
        """Probability that type n plays C."""
        if self.pat[n] == "M":
            return self.var(self.mixers.index(n))
        return self.const(_PURE[self.pat[n]])

    def pi(self, n, a):
        r = self.r(n)
        return r if a == C else 1.0 - r

    def s(self, a):
        """Probability that the state is a security type and plays ``a``."""
        key = ("s", a)
        if key not in self._cache:
            self._cache[key] = self.prior[0] * self.pi(0, a)
        return self._cache[key]

    def w(self, a):
        """Probability that the state plays ``a``."""
        key = ("w", a)
        if key not in self._cache:
            self._cache[key] = self.prior[0] * self.pi(0, a) + self.prior[1] * self.pi(1, a)
        return self._cache[key]

    def z(self, h):
        return self.var(len(self.mixers) + self.zh.index(h))

    def onpath(self):
        """Actions this state plays with positive probability."""
        if self._on is None:
            self._on = self._onpath()
        return self._on

    def _onpath(self):
        acts = set()
        for n in (0, 1):
            if self.prior[n] <= 0:
                continue
            if self.pat[n] in ("C", "M"):
                acts.add(C)
            if self.pat[n] in ("D", "M"):
                acts.add(D)
        return [a for a in ACTIONS if a in acts]

    def Y(self, reg, a, h, thr):
        """Probability-weighted cooperation of this state after history
        ``h`` (its own action ``a``) in regime ``reg``; ``thr`` is the
        threshold of the other state's security type."""
        if reg == "DD":
            return self.const(0.0)
        if reg == "CC" or reg == self.at_threshold:
            return self.s(a)
        if reg == "mixed":
            return thr * self.w(a)
        return self.z(h)


def _belief_range(side: _Side, a):
    """Interval of possible posteriors on the security type after ``a``."""
    if side.pat[0] == "M" and side.pat[1] == "M":
        return 0.0, 1.0
    vals = []
    for rs in ([0.0, 1.0] if side.pat[0] == "M" else [_PURE[side.pat[0]]]):
        for rg in ([0.0, 1.0] if side.pat[1] == "M" else [_PURE[side.pat[1]]]):
            ps = side.prior[0] * (rs if a == C else 1 - rs)
            pg = side.prior[1] * (rg if a == C else 1 - rg)
            if ps + pg > 0:
                vals.append(ps / (ps + pg))
    return (min(vals), max(vals)) if vals else None


def _regime_ok(reg, rA, rB, tA, tB, tol):
    """Can posteriors in the ranges ``rA``, ``rB`` support the regime?"""
    if reg == "DD":
        return True
    if reg in ("CC", "mixed"):
        return rA[1] >= tB - tol and rB[1] >= tA - tol
    if reg == "K_A":
        return rA[0] - tol <= tB <= rA[1] + tol and rB[1] >= tA - tol
    return rB[0] - tol <= tA <= rB[1] + tol and rA[1] >= tB - tol


def semi_separating_equilibria(game: Game, tol=None, known=()) -> list[Equilibrium]:
    """Equilibria of a two-type game in which some type mixes in period 1.

    Parameters
    ----------
    game : Game
        A game with exactly two types per state (security first).
    tol : float, optional
        Tolerance for weak inequalities.
    known : sequence of Equilibrium
        Equilibria already found (pure ones); duplicates are dropped.

    Returns
    -------
    list of Equilibrium
        Named, with ``method == "semi-separating"``.

    Examples
    --------
    >>> from trustgame import Params
    >>> eqs = semi_separating_equilibria(Params(pA=0.2, pB=0.2).game())
    >>> len(eqs)
    0
    """
    tol = resolve_tol(tol)
    if any(len(ts) != 2 for ts in game.types):
        raise ValueError("semi-separating search needs exactly two types per state")
    tA = float(coop_threshold(game.types[0][0].e2, game.k))
    tB = float(coop_threshold(game.types[1][0].e2, game.k))
    found: list[Equilibrium] = []
    for patA in _PATTERNS:
        for patB in _PATTERNS:
            pats = (patA, patB)
            mixes = [pats[i][n] == "M" for i in (0, 1) for n in (0, 1)]
            priors = [game.types[i][n].prior for i in (0, 1) for n in (0, 1)]
            if not any(mixes):
                continue
            if any(m and p <= 0 for m, p in zip(mixes, priors)):
                continue
            found.extend(_search(game, pats, tA, tB, tol))
    out: list[Equilibrium] = []
    for e in found:
        if any(_same_eq(e, k, 1e-6) for k in list(known) + out):
            continue
        out.append(e)
    return out


def _search(game, pats, tA, tB, tol):
    plain = [_Side(game, i, pats[i]) for i in (0, 1)]
    onA, onB = plain[0].onpath(), plain[1].onpath()
    rng = {(0, a): _belief_range(plain[0], a) for a in onA}
    rng.update({(1, b): _belief_range(plain[1], b) for b in onB})
    hists = [(a, b) for a in onA for b in onB]
    opts = [[r for r in REGIMES if _regime_ok(r, rng[(0, a)], rng[(1, b)], tA, tB, tol)]
            for a, b in hists]
    out = []
    for combo in product(*opts):
        regimes = {a + b: r for (a, b), r in zip(hists, combo)}
        sides = [_Side(game, i, pats[i], regimes) for i in (0, 1)]
        sols = []
        for i in (0, 1):
            pts = _solve_side(game, i, sides, regimes, tA, tB, tol)
            if not pts:
                break
            sols.append(pts)
        else:
            fam = len(sols[0]) > 1 or len(sols[1]) > 1
            for vA, vB in product(*sols):
                out.append(_build(game, sides, regimes, vA, vB, tA, tB, fam))
    return out


def _stage(own, other, e, beta, k):
    return float(stage_payoff(own, other, e, beta, k))


def _other_payoffs(game, i, sides, regimes, menu, tA, tB):
    """Payoff of each type of ``j = 1 - i`` for each of j's period-1 actions,
    as affine functions of ``i``'s variables."""
    j = 1 - i
    side, jside = sides[i], sides[j]
    k = float(game.k)
    beta, theta = float(game.beta[j]), float(game.theta[j])
    thr = tB if i == 0 else tA  # what i's posterior must reach for j-sec
    jon = jside.onpath()
    U = {}
    for n, t in enumerate(game.types[j]):
        e1, e2 = float(t.e1), float(t.e2)
        for b in ACTIONS:
            total = side.const(0.0)
            for a in side.onpath():
                h = (a + b) if i == 0 else (b + a)
                reg = regimes[h] if b in jon else menu[a]
                Y = side.Y(reg, a, h, thr)
                w = side.w(a)
                j_sec_plays_c = reg == "CC" or reg == jside.at_threshold
                if t.is_security and j_sec_plays_c:
                    v = Y * (1 + k) - k * w
                else:
                    v = Y * e2
                total = total + w * _stage(b, a, e1, beta, k) + theta * v
            U[(n, b)] = total
    return U


def _solve_side(game, i, sides, regimes, tA, tB, tol):
    """Feasible points of state i's variables, each with the off-path menu
    used for the other state's deviations."""
    side, jside = sides[i], sides[1 - i]
    thr = tB if i == 0 else tA
    base_eq, base_ge = [], []
    for h, reg in regimes.items():
        a = h[0] if i == 0 else h[1]
        if reg in ("CC", "mixed"):
            base_ge.append(side.s(a) - thr * side.w(a))
        elif reg == side.at_threshold:
            base_eq.append(side.s(a) - thr * side.w(a))
        elif reg == jside.at_threshold:
            base_ge.append(side.z(h) - thr * side.w(a))
            base_ge.append(side.s(a) - side.z(h))
    on_i = side.onpath()
    if [b for b in ACTIONS if b not in jside.onpath()]:
        menus = [dict(zip(on_i, ch)) for ch in product(("DD", "CC", "mixed"), repeat=len(on_i))]
    else:
        menus = [{}]
    for menu in menus:
        eqs, ges = list(base_eq), list(base_ge)
        for a, reg in menu.items():
            if reg in ("CC", "mixed"):
                ges.append(side.s(a) - thr * side.w(a))
        U = _other_payoffs(game, i, sides, regimes, menu, tA, tB)
        for n in (0, 1):
            p = jside.pat[n]
            if p == "M":
                eqs.append(U[(n, C)] - U[(n, D)])
            elif p == "C":
                ges.append(U[(n, C)] - U[(n, D)])
            else:
                ges.append(U[(n, D)] - U[(n, C)])
        pts = _lp_points(side, eqs, ges, tol)
        if pts:
            return [(p, menu) for p in pts]
    return []


def _linprog(c, A_ub, b_ub, A_eq, b_eq, bounds):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return linprog(c, A_ub=A_ub, b_ub=b_ub, A_eq=A_eq, b_eq=b_eq,
                       bounds=bounds, method="highs")


def _lp_points(side: _Side, eqs, ges, tol):
    """Solve ``eqs == 0, ges >= 0`` over the side's variables (bounds
    included).

    The equalities are eliminated first (least squares, then the null
    space).  What is left is a polytope of dimension ``d``: for ``d = 0``
    the point is checked, for ``d = 1`` an interval is intersected, for
    ``d = 2`` the vertices of a polygon are enumerated; larger ``d`` is
    handed to HiGHS.  Returns the unique point, or the vertices (extreme
    points) of a continuum; an empty list if there is no solution.
    """
    n = side.n
    G = [a.c for a in ges]
    h = [-a.k for a in ges]
    lo_b = [MIX_MARGIN] * len(side.mixers) + [0.0] * len(side.zh)
    hi_b = [1 - MIX_MARGIN] * len(side.mixers) + [1.0] * len(side.zh)
    for idx in range(n):
        e = np.zeros(n)
        e[idx] = 1.0
        G.append(e)
        h.append(lo_b[idx])
        G.append(-e)
        h.append(-hi_b[idx])
    if n == 0:
        ok = all(abs(a.k) <= tol for a in eqs) and all(v <= tol for v in h)
        return [np.zeros(0)] if ok else []
    G = np.array(G)
    h = np.array(h)
    if eqs:
        E = np.array([a.c for a in eqs])
        f = np.array([-a.k for a in eqs])
        E[np.abs(E) < 1e-12] = 0.0
        u, sv, vt = np.linalg.svd(E)
        rank = int(np.sum(sv > 1e-10))
        x0 = vt[:rank].T @ ((u[:, :rank].T @ f) / sv[:rank])
        if np.max(np.abs(E @ x0 - f)) > tol:
            return []
        N = vt[rank:].T
    else:
        x0 = np.zeros(n)
        N = np.eye(n)
    d = N.shape[1]
    A = G @ N
    b = h - G @ x0
    if d == 0:
        return [x0] if np.all(b <= tol) else []
    if d == 1:
        a = A[:, 0]
        lo, hi = -np.inf, np.inf
        for ai, bi in zip(a, b):
            if ai > 1e-12:
                lo = max(lo, bi / ai)
            elif ai < -1e-12:
                hi = min(hi, bi / ai)
            elif bi > tol:
                return []
        if lo > hi + tol:
            return []
        if hi - lo <= 1e-9:
            return [x0 + N[:, 0] * (lo + hi) / 2]
        return [x0 + N[:, 0] * lo, x0 + N[:, 0] * hi]
    if d == 2:
        verts = []
        m = len(b)
        for i in range(m):
            for j in range(i + 1, m):
                M = A[[i, j]]
                det = M[0, 0] * M[1, 1] - M[0, 1] * M[1, 0]
                if abs(det) < 1e-12:
                    continue
                u = np.linalg.solve(M, b[[i, j]])
                if np.all(A @ u >= b - tol):
                    x = x0 + N @ u
                    if not any(np.allclose(x, q, atol=1e-9) for q in verts):
                        verts.append(x)
        return verts
    bounds = list(zip(lo_b, hi_b))
    E = np.array([a.c for a in eqs]) if eqs else None
    f = np.array([-a.k for a in eqs]) if eqs else None
    A_ub = np.array([-a.c for a in ges]) if ges else None
    b_ub = np.array([a.k + tol for a in ges]) if ges else None
    res = _linprog(np.zeros(n), A_ub, b_ub, E, f, bounds)
    if res.status != 0:
        return []
    pts = []
    for idx in range(n):
        for sign in (1.0, -1.0):
            c = np.zeros(n)
            c[idx] = sign
            r2 = _linprog(c, A_ub, b_ub, E, f, bounds)
            if r2.status == 0 and not any(np.allclose(r2.x, q, atol=1e-7) for q in pts):
                pts.append(r2.x)
    return pts or [res.x]


def _build(game, sides, regimes, vA, vB, tA, tB, family):
    """Assemble a named Equilibrium from the two sides' solutions."""
    (xa, menu_for_B), (xb, menu_for_A) = vA, vB
    vec = (xa, xb)
    p1 = []
    for i in (0, 1):
        side = sides[i]
        p1.append(tuple(float(vec[i][side.mixers.index(n)]) if side.pat[n] == "M"
                        else float(_PURE[side.pat[n]]) for n in (0, 1)))
    mass, post = zip(*(_masses(game, s, p1[s]) for s in (0, 1)))

    def val(aff, i):
        return float(aff.c @ vec[i] + aff.k)

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
        qa = post[0][a][0] if a in post[0] else 1.0
        qb = post[1][b][0] if b in post[1] else 1.0
        xA = xB = 0.0
        if reg == "CC":
            xA = xB = 1.0
        elif reg == "mixed":
            xA, xB = tB / qa, tA / qb
        elif reg == "K_A":
            xA = 1.0
            sb = val(sides[1].s(b), 1)
            xB = val(sides[1].z(h), 1) / sb if sb > 0 else 1.0
        elif reg == "K_B":
            xB = 1.0
            sa = val(sides[0].s(a), 0)
            xA = val(sides[0].z(h), 0) / sa if sa > 0 else 1.0
        xA, xB = min(max(xA, 0.0), 1.0), min(max(xB, 0.0), 1.0)
        if xA == xB == 0.0:
            kind = "DD"
        elif xA == xB == 1.0:
            kind = "CC"
        else:
            kind = "mixed"
        conts.append(Continuation(((xA, 0.0), (xB, 0.0)), kind, reg in ("K_A", "K_B")))
    period2 = tuple(conts)
    beliefs, offb = [], []
    for h in HISTORIES:
        muA, muB = post[0].get(h[0]), post[1].get(h[1])
        beliefs.append((muA, muB))
        offb.append((muA or (1.0, 0.0), muB or (1.0, 0.0)))
    payoffs = []
    for s in (0, 1):
        o = 1 - s

        def cont_at(x_, y_, s=s):
            return period2[HISTORIES.index((x_ + y_) if s == 0 else (y_ + x_))]

        us = []
        for n in (0, 1):
            r = p1[s][n]
            u = 0.0
            if r > 0:
                u += r * expected_payoff(game, s, n, C, mass[o], cont_at, post[o])
            if r < 1:
                u += (1 - r) * expected_payoff(game, s, n, D, mass[o], cont_at, post[o])
            us.append(u)
        payoffs.append(tuple(us))
    eq = Equilibrium(game=game, period1=tuple(p1), period2=period2,
                     beliefs=tuple(beliefs), offpath_beliefs=tuple(offb),
                     payoffs=tuple(payoffs), method="semi-separating",
                     knife_edge=any(c.knife_edge for c in period2),
                     info={"family": family, "regimes": dict(regimes)})
    return name_equilibrium(eq)


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
