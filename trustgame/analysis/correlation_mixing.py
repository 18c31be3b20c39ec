"""Period-1 mixing in games with more than two types per state.

:mod:`trustgame.core.semiseparating` searches the paper's two-type game for
equilibria in which some type mixes in period 1.  This module carries the
same construction over to any type space in which every state's period-2
security types share one exploitation value (so one cooperation
threshold), such as the four types of :mod:`trustgame.analysis.correlation`.
It works at one parameter point, with linear programmes.

The construction
    A *support pattern* says, for every type, whether it plays C, plays D or
    mixes in period 1.  After every on-path history one of the period-2
    regimes of :data:`trustgame.core.semiseparating.REGIMES` is chosen
    (``DD``, ``CC``, ``mixed``, ``K_A``, ``K_B``); after a history that a
    state reaches only by an off-path action, a *menu* regime (``DD``,
    ``CC`` or ``mixed`` with a belief of one on a security type) serves
    as the punishment, as in the two-type search (``CC`` deters nothing
    that ``mixed`` does not, so it is not tried).  State ``i``'s variables
    are its mixers' probabilities of C and, at histories where ``i``'s
    security types are indifferent, their cooperation mass.  Every payoff
    of ``j``'s types, and every belief condition on ``i``, is affine in
    ``i``'s variables (a posterior times the probability of the action it
    follows is the probability that ``i`` is a security type and plays that
    action).  So, for each pattern, regime choice and menu, the equilibria
    form a product of two polytopes, one per state, which this module keeps
    whole: a :class:`MixingFamily`.

Which patterns
    Two types with the same period-2 value and period-1 values ``e1 < e1'``
    gain ``(e1' - e1) (w(C) + beta w(D))`` more from defecting in period 1,
    where ``w`` is the counterpart's period-1 mixture
    (:func:`hardline_extra_gain`).  When ``beta > 0`` this is positive, so
    the type with the larger ``e1`` never plays C with positive probability
    unless the other plays C for sure.  Only patterns with this order are
    searched when the state's ``beta`` is positive; with ``beta = 0`` every
    pattern is searched.

Comparisons
    Payoffs are affine on each polytope, so whether some point of a family
    Pareto-dominates a given payoff vector, and whether a given payoff
    vector dominates every point of a family, are linear programmes
    (:func:`compare_family`).

The two-type game is a special case: there the search finds what
:func:`trustgame.core.semiseparating.semi_separating_equilibria` finds.

Examples
--------
>>> from trustgame import Params
>>> from trustgame.core.verify import violations
>>> fams = mixing_families(Params(pA=0.4, pB=0.4).game())
>>> [f.patterns for f in fams]
[('CM', 'CM'), ('CM', 'CM'), ('MD', 'MD')]
>>> all(not violations(f.equilibrium()) for f in fams)
True
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from itertools import combinations, product

import numpy as np
from scipy.optimize import linprog

from ..core.equilibria import Equilibrium, interim_payoffs, type_masses
from ..core.model import ACTIONS, HISTORIES, C, D, Game, coop_threshold, stage_payoff
from ..core.period2 import Continuation
from ..core.semiseparating import REGIMES
from ..core.tolerances import DEFAULT_TOL, MIX_MARGIN, RANK_TOL, ZERO_TOL, resolve_tol

__all__ = ["MixingFamily", "FamilyComparison", "mixing_families", "compare_family",
           "hardline_extra_gain", "support_patterns", "MIX_MARGIN"]


def hardline_extra_gain(e1_low, e1_high, w_C, beta, k):
    """Extra period-1 gain from D over C of a type with period-1 value
    ``e1_high`` over one with ``e1_low`` (same period-2 value), when the
    counterpart plays C with probability ``w_C``:
    ``(e1_high - e1_low) (w_C + beta (1 - w_C))``.

    Computed from :func:`trustgame.core.model.stage_payoff`; period-2 play
    does not enter because it depends on the period-2 value only.

    Examples
    --------
    >>> round(hardline_extra_gain(-0.1, 1.5, 0.3, 0.6, 0.9), 6)
    1.152
    """
    def gain(e1):
        return sum(w * (stage_payoff(D, b, e1, beta, k) - stage_payoff(C, b, e1, beta, k))
                   for b, w in ((C, w_C), (D, 1 - w_C)))

    return gain(e1_high) - gain(e1_low)


def support_patterns(game: Game, s: int) -> list[str]:
    """Period-1 support patterns searched for state ``s`` (one letter per
    type: ``C``, ``D`` or ``M`` for a mixer).

    When ``beta_s > 0``, a type never plays C with more probability than a
    type with the same period-2 value and a smaller period-1 value unless
    both play C (:func:`hardline_extra_gain`), and at most one of them mixes.

    Examples
    --------
    >>> from trustgame import Params
    >>> from trustgame.analysis.correlation import correlation_game
    >>> len(support_patterns(correlation_game(Params(betaA=0.6), 0.5), 0))
    25
    """
    ts = game.types[s]
    rank = {C: 0, "M": 1, D: 2}
    out = []
    for pat in product((C, D, "M"), repeat=len(ts)):
        ok = True
        if game.beta[s] > 0:
            for i, j in product(range(len(ts)), repeat=2):
                if ts[i].e2 == ts[j].e2 and ts[i].e1 < ts[j].e1:
                    ri, rj = rank[pat[i]], rank[pat[j]]
                    if rj < ri or (rj == ri == 1):
                        ok = False
        if ok:
            out.append("".join(pat))
    return out



class _Side:
    """One state's variables and the affine quantities built from them.

    An affine function is a vector ``(c_1, ..., c_n, const)``."""

    def __init__(self, game: Game, i: int, pat: str, regimes: dict):
        self.game, self.i, self.pat = game, i, pat
        self.types = game.types[i]
        self.mixers = [n for n, x in enumerate(pat) if x == "M"]
        free = "K_B" if i == 0 else "K_A"
        self.zh = [h for h, r in regimes.items() if r == free]
        self.n = len(self.mixers) + len(self.zh)
        self.at_threshold = "K_A" if i == 0 else "K_B"
        self._cache = {}

    def const(self, v):
        out = np.zeros(self.n + 1)
        out[-1] = float(v)
        return out

    def var(self, idx):
        out = np.zeros(self.n + 1)
        out[idx] = 1.0
        return out

    def r(self, n):
        if self.pat[n] == "M":
            return self.var(self.mixers.index(n))
        return self.const(1.0 if self.pat[n] == C else 0.0)

    def pi(self, n, a):
        return self.r(n) if a == C else self.const(1.0) - self.r(n)

    def w(self, a):
        if ("w", a) not in self._cache:
            self._cache[("w", a)] = sum(float(t.prior) * self.pi(n, a)
                                        for n, t in enumerate(self.types))
        return self._cache[("w", a)]

    def s(self, a):
        if ("s", a) not in self._cache:
            self._cache[("s", a)] = sum(float(t.prior) * self.pi(n, a)
                                        for n, t in enumerate(self.types) if t.is_security)
        return self._cache[("s", a)]

    def z(self, h):
        return self.var(len(self.mixers) + self.zh.index(h))

    def onpath(self):
        if "on" not in self._cache:
            self._cache["on"] = self._onpath()
        return self._cache["on"]

    def _onpath(self):
        acts = set()
        for n, t in enumerate(self.types):
            if t.prior > 0:
                if self.pat[n] in (C, "M"):
                    acts.add(C)
                if self.pat[n] in (D, "M"):
                    acts.add(D)
        return [a for a in ACTIONS if a in acts]

    def Y(self, reg, a, h, thr):
        """Probability that this state plays ``a`` and cooperates in period 2."""
        if reg == "DD":
            return self.const(0.0)
        if reg == "CC" or reg == self.at_threshold:
            return self.s(a)
        if reg == "mixed":
            return self.w(a) * thr
        return self.z(h)

    def belief_range(self, a):
        """Smallest and largest posterior on a security type after ``a``."""
        vals = []
        for corner in product((0.0, 1.0), repeat=len(self.mixers)):
            x = np.array([*corner, *([0.0] * len(self.zh)), 1.0])
            s, w = self.s(a) @ x, self.w(a) @ x
            if w > 0:
                vals.append(s / w)
        return min(vals), max(vals)


#: Punishment regimes tried after an off-path action.  ``CC`` needs the
#: same belief condition as ``mixed`` and pays every type of the deviator
#: at least as much (the counterpart cooperates with probability
#: ``q >= t`` instead of ``t``), so it deters no deviation that ``mixed``
#: does not; the off-path choice does not change on-path play or payoffs.
_MENU = ("DD", "mixed")


def _regime_ok(reg, rA, rB, tA, tB, tol):
    if reg == "DD":
        return True
    if reg in ("CC", "mixed"):
        return rA[1] >= tB - tol and rB[1] >= tA - tol
    if reg == "K_A":
        return rA[0] - tol <= tB <= rA[1] + tol and rB[1] >= tA - tol
    return rB[0] - tol <= tA <= rB[1] + tol and rA[1] >= tB - tol


def _thresholds(game: Game):
    out = []
    for ts in game.types:
        vals = {t.e2 for t in ts if t.is_security and t.prior > 0}
        if len(vals) != 1:
            raise ValueError("every state needs period-2 security types with one common e2")
        out.append(float(coop_threshold(vals.pop(), game.k)))
    return out


def _payoffs_of_other(game, t, i, sides, regimes, menu):
    """Payoff of each type of ``j = 1 - i`` from each period-1 action,
    affine in ``i``'s variables: ``{(n, b): vector}``."""
    j = 1 - i
    side, jside = sides[i], sides[j]
    k, beta, theta = float(game.k), float(game.beta[j]), float(game.theta[j])
    thr = t[j]
    jon = jside.onpath()
    U = {}
    for n, ty in enumerate(game.types[j]):
        e1, e2 = float(ty.e1), float(ty.e2)
        for b in ACTIONS:
            total = side.const(0.0)
            for a in side.onpath():
                h = (a + b) if i == 0 else (b + a)
                reg = regimes[h] if b in jon else menu[a]
                Y = side.Y(reg, a, h, thr)
                w = side.w(a)
                j_coop = reg == "CC" or reg == jside.at_threshold
                v = Y * (1 + k) - w * k if (ty.is_security and j_coop) else Y * e2
                total = total + w * stage_payoff(b, a, e1, beta, k) + v * theta
            U[(n, b)] = total
    return U


def _constraints(game, t, i, sides, regimes, menu):
    """Equalities (``== 0``) and inequalities (``>= 0``) on ``i``'s
    variables, and the payoffs of ``j``'s types (affine in them)."""
    side, jside = sides[i], sides[1 - i]
    thr = t[1 - i]
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
    U = _payoffs_of_other(game, t, i, sides, regimes, menu)
    pay = []
    for n, _ty in enumerate(game.types[1 - i]):
        p = jside.pat[n]
        diff = U[(n, C)] - U[(n, D)]
        if p == "M":
            eqs.append(diff)
        elif p == C:
            ges.append(diff)
        else:
            ges.append(-diff)
        pay.append(U[(n, D)] if p == D else U[(n, C)])
    return eqs, ges, np.array(pay)


@dataclass
class _Polytope:
    """``{x : A_ub x <= b_ub, A_eq x = b_eq, lo <= x <= hi}``."""

    A_ub: np.ndarray
    b_ub: np.ndarray
    A_eq: np.ndarray
    b_eq: np.ndarray
    bounds: list

    def box_feasible(self, tol=DEFAULT_TOL) -> bool:
        """A necessary condition for feasibility, checked row by row on the
        bounding box (a quick screen before :meth:`lp`)."""
        if not self.bounds:
            return True
        lo = np.array([b[0] for b in self.bounds])
        hi = np.array([b[1] for b in self.bounds])
        if self.A_ub.size:
            least = np.where(self.A_ub > 0, self.A_ub * lo, self.A_ub * hi).sum(axis=1)
            if np.any(least > self.b_ub + tol):
                return False
        if self.A_eq.size:
            least = np.where(self.A_eq > 0, self.A_eq * lo, self.A_eq * hi).sum(axis=1)
            most = np.where(self.A_eq > 0, self.A_eq * hi, self.A_eq * lo).sum(axis=1)
            if np.any(least > self.b_eq + tol) or np.any(most < self.b_eq - tol):
                return False
        return True

    def feasible(self, tol=DEFAULT_TOL) -> bool:
        """Whether the polytope is non-empty (within ``tol``).

        The equalities are eliminated by a singular value decomposition;
        a point or a segment is then checked directly, anything larger by
        :meth:`lp`."""
        if not self.box_feasible(tol):
            return False
        n = len(self.bounds)
        if n == 0:
            return self.lp(np.zeros(0), tol=tol) is not None
        lo = np.array([b[0] for b in self.bounds])
        hi = np.array([b[1] for b in self.bounds])
        eye = np.eye(n)
        G = np.vstack([self.A_ub.reshape(-1, n), eye, -eye])
        h = np.concatenate([self.b_ub, hi, -lo])
        if self.A_eq.size:
            u, sv, vt = np.linalg.svd(self.A_eq)
            r = int(np.sum(sv > RANK_TOL))
            x0 = vt[:r].T @ ((u[:, :r].T @ self.b_eq) / sv[:r]) if r else np.zeros(n)
            if np.max(np.abs(self.A_eq @ x0 - self.b_eq)) > tol:
                return False
            N = vt[r:].T
        else:
            x0, N = np.zeros(n), eye
        b = h - G @ x0
        A = G @ N
        if N.shape[1] == 0:
            return bool(np.all(b >= -tol))
        if N.shape[1] == 1:
            a = A[:, 0]
            pos, neg = a > ZERO_TOL, a < -ZERO_TOL
            if np.any(~(pos | neg) & (b < -tol)):
                return False
            top = np.min(b[pos] / a[pos]) if pos.any() else np.inf
            bottom = np.max(b[neg] / a[neg]) if neg.any() else -np.inf
            return bool(bottom <= top + tol)
        d = N.shape[1]
        if d <= 3:
            # a bounded polytope is non-empty iff it has a vertex
            S = np.array(list(combinations(range(len(b)), d)))
            M = A[S]
            det = np.linalg.det(M)
            good = np.abs(det) > ZERO_TOL
            if not good.any():
                return False
            v = np.linalg.solve(M[good], b[S][good][..., None])[..., 0]
            return bool(np.any(np.all(v @ A.T <= b + tol, axis=1)))
        return self.lp(np.zeros(n), tol=tol) is not None

    def lp(self, c, extra_ub=None, extra_b=None, tol=DEFAULT_TOL):
        """Minimise ``c @ x`` (None when infeasible)."""
        A, b = self.A_ub, self.b_ub
        if extra_ub is not None:
            A = np.vstack([A, extra_ub]) if A.size else extra_ub
            b = np.concatenate([b, extra_b])
        n = len(self.bounds)
        if n == 0:
            ok = (b.size == 0 or np.all(b >= -tol)) and (self.b_eq.size == 0 or
                                                        np.all(np.abs(self.b_eq) <= tol))
            return (np.zeros(0), 0.0) if ok else None
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            res = linprog(c, A_ub=A if A.size else None, b_ub=b + tol if A.size else None,
                          A_eq=self.A_eq if self.A_eq.size else None,
                          b_eq=self.b_eq if self.A_eq.size else None,
                          bounds=self.bounds, method="highs")
        return (res.x, float(res.fun)) if res.status == 0 else None


def _polytope(side: _Side, eqs, ges) -> _Polytope:
    n = side.n
    bounds = ([(MIX_MARGIN, 1 - MIX_MARGIN)] * len(side.mixers) + [(0.0, 1.0)] * len(side.zh))
    # ges: g @ (x, 1) >= 0  ->  -g[:n] x <= g[n]
    A_ub = np.array([-g[:n] for g in ges]).reshape(len(ges), n)
    b_ub = np.array([g[n] for g in ges])
    A_eq = np.array([e[:n] for e in eqs]).reshape(len(eqs), n)
    b_eq = np.array([-e[n] for e in eqs])
    A_eq = np.where(np.abs(A_eq) < ZERO_TOL, 0.0, A_eq)
    return _Polytope(A_ub, b_ub, A_eq, b_eq, bounds)


@dataclass
class MixingFamily:
    """Equilibria with one support pattern, one choice of period-2 regimes
    and one off-path menu per state: a product of two polytopes.

    Attributes
    ----------
    game : Game
    patterns : tuple of str
        Period-1 support of A's and B's types (``C``, ``D``, ``M``).
    regimes : dict
        Period-2 regime after each on-path history.
    menus : tuple of dict
        ``menus[i]``: the punishment regime after each of ``i``'s on-path
        actions when the other state deviates off the path.
    polytopes : tuple
        Feasible set of each state's variables (mixers' probabilities of C,
        then free cooperation masses).
    payoff_maps : tuple of numpy.ndarray
        ``payoff_maps[s]`` (one row per type of ``s``): payoffs of ``s``'s
        types, affine in the *other* state's variables (last column the
        constant).
    """

    game: Game
    patterns: tuple
    regimes: dict
    menus: tuple
    polytopes: tuple
    payoff_maps: tuple
    sides: tuple = field(repr=False)

    def point(self, s: int):
        """A point of state ``s``'s polytope: the mean of the solutions that
        minimise and maximise each coordinate (a convex combination of
        points of the polytope, so in it)."""
        P = self.polytopes[s]
        n = len(P.bounds)
        if n == 0:
            return np.zeros(0)
        pts = []
        for v in range(n):
            for sign in (1.0, -1.0):
                c = np.zeros(n)
                c[v] = sign
                sol = P.lp(c)
                if sol is not None:
                    pts.append(sol[0])
        return np.mean(pts, axis=0)

    def maximise(self, weights) -> tuple:
        """The largest weighted sum of payoffs over the family.

        ``weights`` has one entry per type, A's types first.  With positive
        weights a maximiser is Pareto-undominated within the family, and it
        is undominated by any equilibrium whose weighted sum is smaller.

        Returns
        -------
        tuple
            ``(value, (xA, xB))``: the maximum and the variables attaining it.

        Examples
        --------
        >>> from trustgame import Params
        >>> fam = mixing_families(Params(pA=0.4, pB=0.4).game())[0]
        >>> value, (xA, xB) = fam.maximise([1, 1, 1, 1])
        >>> bool(round(value, 4) == round(sum(sum(u) for u in fam.payoffs_at(xA, xB)), 4))
        True
        """
        n0 = len(self.game.types[0])
        lam = (np.asarray(weights[:n0], float), np.asarray(weights[n0:], float))
        xs, total = [None, None], 0.0
        for s in (0, 1):
            P, M = self.polytopes[1 - s], self.payoff_maps[s]
            n = len(P.bounds)
            c = lam[s] @ M
            if n:
                x, val = P.lp(-c[:n])
                xs[1 - s] = x
                total += -val + c[n]
            else:
                xs[1 - s] = np.zeros(0)
                total += c[n]
        return total, (xs[0], xs[1])

    def payoffs_at(self, xA, xB) -> tuple:
        """Each type's interim payoff at variables ``(xA, xB)``."""
        xs = (xA, xB)
        return tuple(tuple(self.payoff_maps[s] @ np.append(xs[1 - s], 1.0)) for s in (0, 1))

    def equilibrium(self, xA=None, xB=None) -> Equilibrium:
        """The equilibrium at ``(xA, xB)`` (default :meth:`point`), with
        payoffs recomputed by :func:`trustgame.core.equilibria.interim_payoffs`,
        ready for :func:`trustgame.core.verify.violations`."""
        xs = [self.point(0) if xA is None else np.asarray(xA, float),
              self.point(1) if xB is None else np.asarray(xB, float)]
        return _build(self, xs)


def _build(fam: MixingFamily, xs) -> Equilibrium:
    game, sides = fam.game, fam.sides
    t = _thresholds(game)

    def val(vec, i):
        return float(vec @ np.append(xs[i], 1.0))

    p1 = []
    for i in (0, 1):
        side = sides[i]
        p1.append(tuple(float(xs[i][side.mixers.index(n)]) if side.pat[n] == "M"
                        else (1.0 if side.pat[n] == C else 0.0) for n in range(len(side.types))))
    mass, post = zip(*(type_masses(game, s, p1[s]) for s in (0, 1)))
    menu_for_B, menu_for_A = fam.menus   # A's menu punishes B's deviations
    sec = [[t_.is_security for t_ in ts] for ts in game.types]
    conts, beliefs, offb = [], [], []
    for h in HISTORIES:
        a, b = h[0], h[1]
        if h in fam.regimes:
            reg = fam.regimes[h]
        elif a not in mass[0] and b in mass[1]:
            reg = menu_for_A.get(b, "DD")
        elif b not in mass[1] and a in mass[0]:
            reg = menu_for_B.get(a, "DD")
        else:
            reg = "DD"
        qa = sum(m for m, f in zip(post[0][a], sec[0]) if f) if a in post[0] else 1.0
        qb = sum(m for m, f in zip(post[1][b], sec[1]) if f) if b in post[1] else 1.0
        yA = yB = 0.0      # each state's security types' probability of C
        if reg == "CC":
            yA = yB = 1.0
        elif reg == "mixed":
            yA, yB = t[1] / qa, t[0] / qb
        elif reg == "K_A":
            yA = 1.0
            sb = val(sides[1].s(b), 1)
            yB = val(sides[1].z(h), 1) / sb
        elif reg == "K_B":
            yB = 1.0
            sa = val(sides[0].s(a), 0)
            yA = val(sides[0].z(h), 0) / sa
        yA, yB = min(max(yA, 0.0), 1.0), min(max(yB, 0.0), 1.0)
        x = (tuple(yA if f else 0.0 for f in sec[0]), tuple(yB if f else 0.0 for f in sec[1]))
        kind = "DD" if yA == yB == 0.0 else ("CC" if min(yA, yB) >= 1 - ZERO_TOL else "mixed")
        conts.append(Continuation(x, kind, reg in ("K_A", "K_B")))
        muA, muB = post[0].get(a), post[1].get(b)
        beliefs.append((muA, muB))
        first_sec = [tuple(1.0 if n == sec[s].index(True) else 0.0 for n in range(len(sec[s])))
                     for s in (0, 1)]
        offb.append((muA or first_sec[0], muB or first_sec[1]))
    payoffs = interim_payoffs(game, p1, mass, post, conts)
    return Equilibrium(game=game, period1=tuple(p1), period2=tuple(conts),
                       beliefs=tuple(beliefs), offpath_beliefs=tuple(offb),
                       payoffs=tuple(payoffs), method="semi-separating",
                       knife_edge=any(c.knife_edge for c in conts),
                       info={"family": True, "patterns": fam.patterns,
                             "regimes": dict(fam.regimes)})


def mixing_families(game: Game, tol=None) -> list[MixingFamily]:
    """Every family of equilibria in which some type mixes in period 1.

    Parameters
    ----------
    game : Game
        Any number of types per state, all with positive prior; each
        state's period-2 security types share one ``e2``.
    tol : float, optional
        Tolerance of weak inequalities.

    Returns
    -------
    list of MixingFamily
        One per feasible (pattern, regimes, menus); mixers' probabilities
        lie in ``[MIX_MARGIN, 1 - MIX_MARGIN]``.

    Examples
    --------
    >>> from trustgame import Params
    >>> fams = mixing_families(Params(pA=0.4, pB=0.4).game())
    >>> fams[0].regimes
    {'CC': 'CC', 'CD': 'DD', 'DC': 'DD', 'DD': 'DD'}
    >>> [round(x, 4) for x in fams[0].equilibrium().period1[0]]
    [1.0, 0.5833]
    """
    tol = resolve_tol(tol)
    if any(t.prior <= 0 for ts in game.types for t in ts):
        raise ValueError("every type needs a positive prior (drop empty types)")
    t = _thresholds(game)
    out = []
    pats = [support_patterns(game, s) for s in (0, 1)]
    for patA in pats[0]:
        for patB in pats[1]:
            if "M" not in patA + patB:
                continue
            out.extend(_search(game, t, (patA, patB), tol))
    return out


def _search(game, t, pats, tol):
    plain = [_Side(game, i, pats[i], {}) for i in (0, 1)]
    onA, onB = plain[0].onpath(), plain[1].onpath()
    rng = {(0, a): plain[0].belief_range(a) for a in onA}
    rng.update({(1, b): plain[1].belief_range(b) for b in onB})
    hists = [(a, b) for a in onA for b in onB]
    opts = [[r for r in REGIMES if _regime_ok(r, rng[(0, a)], rng[(1, b)], t[0], t[1], tol)]
            for a, b in hists]
    for combo in product(*opts):
        regimes = {a + b: r for (a, b), r in zip(hists, combo)}
        sides = (_Side(game, 0, pats[0], regimes), _Side(game, 1, pats[1], regimes))
        found = []
        for i in (0, 1):
            j_off = [b for b in ACTIONS if b not in sides[1 - i].onpath()]
            on_i = sides[i].onpath()
            menus = ([dict(zip(on_i, ch)) for ch in product(_MENU, repeat=len(on_i))]
                     if j_off else [{}])
            sols = []
            for menu in menus:
                eqs, ges, pay = _constraints(game, t, i, sides, regimes, menu)
                P = _polytope(sides[i], eqs, ges)
                if P.feasible(tol):
                    sols.append((menu, P, pay))
            if not sols:
                break
            found.append(sols)
        if len(found) < 2:
            continue
        for (mA, PA, payB), (mB, PB, payA) in product(*found):
            # the linear programmes used on a family must agree that it exists
            if PA.lp(np.zeros(len(PA.bounds)), tol=tol) is None or \
                    PB.lp(np.zeros(len(PB.bounds)), tol=tol) is None:
                continue
            yield MixingFamily(game=game, patterns=pats, regimes=regimes, menus=(mA, mB),
                               polytopes=(PA, PB), payoff_maps=(payA, payB), sides=sides)


@dataclass(frozen=True)
class FamilyComparison:
    """How a family compares with a payoff vector ``ref`` (weak Pareto
    order on interim payoffs, types of A then B).

    Attributes
    ----------
    dominates : bool
        Some point of the family dominates ``ref``.
    dominated : bool
        ``ref`` dominates every point of the family.
    best_gain : float
        Largest payoff gain over ``ref`` of any single type anywhere in the
        family (at most ``tol`` when ``ref`` is weakly better everywhere).
    margin : float
        Largest, over types, of the smallest loss of that type against
        ``ref`` over the family (positive when some type loses everywhere).
    """

    dominates: bool
    dominated: bool
    best_gain: float
    margin: float


def compare_family(fam: MixingFamily, ref, tol=None) -> FamilyComparison:
    """Compare every point of ``fam`` with the payoff vector ``ref``.

    Each state's payoffs are affine in the other state's variables, so the
    question splits into linear programmes over each polytope:
    ``best_gain`` maximises one type's gain, ``margin`` minimises one type's
    loss, and "some point is at least as good as ``ref`` for every type" is
    a feasibility problem per state.

    Examples
    --------
    >>> from trustgame import Params, pure_equilibria
    >>> game = Params(pA=0.4, pB=0.4).game()
    >>> tb = next(e for e in pure_equilibria(game) if e.name == "trust-building")
    >>> [(c.dominates, c.dominated) for c in
    ...  (compare_family(f, tb.payoff_vector()) for f in mixing_families(game))]
    [(True, False), (True, False), (False, True)]
    """
    tol = resolve_tol(tol)
    ref = [np.asarray(ref[:len(fam.game.types[0])], float),
           np.asarray(ref[len(fam.game.types[0]):], float)]
    gains, losses, weakly_better = [], [], []
    for s in (0, 1):
        P = fam.polytopes[1 - s]          # s's payoffs depend on the other's variables
        M = fam.payoff_maps[s]
        n = len(P.bounds)
        for row, r in zip(M, ref[s]):
            hi = P.lp(-row[:n]) if n else (np.zeros(0), -0.0)
            lo = P.lp(row[:n]) if n else (np.zeros(0), 0.0)
            gains.append(-hi[1] + row[n] - r)
            losses.append(r - (lo[1] + row[n]))
        # some point at least as good as ref for every type of s:
        # -(row x + const) <= -(r - tol)
        A = -M[:, :n]
        b = M[:, n] - ref[s] + tol
        if n:
            sol = P.lp(np.zeros(n), A, b, tol=0.0)
            weakly_better.append(sol is not None)
        else:
            weakly_better.append(bool(np.all(b >= 0)))
    gain, margin = max(gains), max(losses)
    both = all(weakly_better)
    dominates = False
    if both:
        # strict somewhere: maximise the sum of gains on the weakly-better set
        total = 0.0
        for s in (0, 1):
            P = fam.polytopes[1 - s]
            M = fam.payoff_maps[s]
            n = len(P.bounds)
            if n:
                sol = P.lp(-M[:, :n].sum(axis=0), -M[:, :n], M[:, n] - ref[s] + tol, tol=0.0)
                total += -sol[1] + M[:, n].sum() - ref[s].sum()
            else:
                total += M[:, n].sum() - ref[s].sum()
        dominates = total > tol * len(ref[0]) + tol * len(ref[1])
    dominated = (not both) and gain <= tol
    return FamilyComparison(dominates=bool(dominates), dominated=bool(dominated),
                            best_gain=float(gain), margin=float(margin))
