"""A second, independent enumerator of perfect Bayesian equilibria.

This module exists to audit the main solver.  It shares nothing with
:mod:`trustgame.core.equilibria`, :mod:`trustgame.core.period2`,
:mod:`trustgame.core.semiseparating` or :mod:`trustgame.analysis.conditions`: it imports
only the stage payoffs of :mod:`trustgame.core.model` (and the named
constants of :mod:`trustgame.core.tolerances`) and works by brute force, in
a different representation.

* **Period 2** is solved in *agent form*: every type of every state is a
  separate agent that chooses a probability of cooperating, and the
  equilibria of the resulting game are found by *support enumeration*
  (each agent's support is ``{C}``, ``{D}`` or ``{C, D}``; a mixing agent
  must be indifferent, which pins down the counterpart's aggregate
  probability of cooperation; the counterpart's own mixing probabilities
  are then solved for).  Nothing about thresholds or regimes is assumed:
  every candidate is checked against the best-response conditions.
* **Period 1** is enumerated over every pure profile (each type plays C or
  D), every assignment of a period-2 equilibrium to the on-path histories,
  and, for a state whose action is off the path, every belief on a grid of
  probabilities plus the critical values (the counterpart's cooperation
  thresholds and the prior), with every period-2 equilibrium that belief
  supports after each history the deviation can reach.  Expected payoffs
  are summed type by type over the counterpart's types.
* Equilibria that differ only off the path are reported once.  Names are
  assigned by the same vocabulary as the main solver (the paper's names
  and ``"<pattern A>/<pattern B>:<regime>"``), from an independent table.

Scope: the paper's two-type game (:class:`~trustgame.core.model.Params`), pure
period-1 play.  Exact arithmetic works when the parameters are
:class:`fractions.Fraction` (tolerance 0).

Examples
--------
>>> from trustgame.core.model import Params
>>> sorted(e.key for e in brute_force_equilibria(Params(pA=0.35, pB=0.35)))
['tragic', 'trust-building']
>>> [e.key for e in brute_force_efficient(Params(pA=0.35, pB=0.35))]
['trust-building']
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from itertools import product
from typing import Any

from ..core.model import Params, stage_payoff
from ..core.tolerances import CHECK_TOL, DEFAULT_TOL, ZERO_TOL

__all__ = [
    "BFEquilibrium",
    "period2_equilibria",
    "brute_force_equilibria",
    "brute_force_efficient",
    "pareto_dominates",
    "name_of",
    "PAPER_TABLE",
]

_ACTS = ("C", "D")
_HIST = ("CC", "CD", "DC", "DD")

#: (pattern of A, pattern of B, regime) -> the paper's name (with leader).
PAPER_TABLE = {
    ("separating", "separating", "CC"): "trust-building",
    ("pool-C", "pool-C", "CC"): "suckers",
    ("pool-D", "pool-D", "DD"): "tragic",
    ("separating", "separating", "mixed"): "mixed-trust-building",
    ("separating", "separating", "DD"): "semi-tragic",
    ("pool-D", "separating", "CC"): "asymmetric-trust-building[B]",
    ("separating", "pool-D", "CC"): "asymmetric-trust-building[A]",
    ("pool-D", "separating", "DD"): "asymmetric-semi-tragic[B]",
    ("separating", "pool-D", "DD"): "asymmetric-semi-tragic[A]",
}

_PATTERN = {("C", "D"): "separating", ("C", "C"): "pool-C", ("D", "D"): "pool-D",
            ("D", "C"): "reverse"}


@dataclass(frozen=True)
class BFEquilibrium:
    """One equilibrium found by brute force.

    Attributes
    ----------
    key : str
        Name (``name[leader]`` for asymmetric ones), as
        :meth:`trustgame.Solution.names` writes it.
    profile : tuple
        ``(actions of A's types, actions of B's types)``, each a tuple of
        ``"C"``/``"D"`` in the order (security, greedy).
    continuation : dict
        ``{history: (xA, xB)}`` period-2 probabilities of C of every type
        after each on-path history.
    payoffs : tuple
        ``((uA_security, uA_greedy), (uB_security, uB_greedy))``.
    knife_edge : bool
        True when an on-path continuation is an end point of a continuum.
    offpath : dict
        ``{history: (xA, xB)}`` the period-2 play after histories reached
        by a unilateral deviation from a pooling state's action (one
        deterring choice among those found).
    """

    key: str
    profile: tuple
    continuation: dict
    payoffs: tuple
    knife_edge: bool = False
    offpath: dict | None = None

    def strategy(self, state: str, type_name: str, history: str | None = None):
        """Probability of C of one type in period 1 (``history=None``) or
        after a period-1 history (0 after a history no unilateral deviation
        reaches).

        Examples
        --------
        >>> from trustgame.core.model import Params
        >>> eq = brute_force_efficient(Params(pA=0.35, pB=0.35))[0]
        >>> eq.strategy("A", "greedy"), eq.strategy("B", "security", "CC")
        (0, 1)
        """
        s = "AB".index(state)
        n = ("security", "greedy").index(type_name)
        if history is None:
            return 1 if self.profile[s][n] == "C" else 0
        for table in (self.continuation, self.offpath or {}):
            if history in table:
                return table[history][s][n]
        return 0

    def payoff_vector(self) -> tuple:
        """Payoffs in the order A security, A greedy, B security, B greedy."""
        return tuple(self.payoffs[0]) + tuple(self.payoffs[1])


# ---------------------------------------------------------------------------
# Period 2: agent-form support enumeration
# ---------------------------------------------------------------------------

def _gain(e, k, y):
    """Payoff of C minus payoff of D for an agent with exploitation value
    ``e`` when the counterpart cooperates with probability ``y`` (Table 1,
    computed from the stage payoffs)."""
    uc = y * stage_payoff("C", "C", e, 0, k) + (1 - y) * stage_payoff("C", "D", e, 0, k)
    ud = y * stage_payoff("D", "C", e, 0, k) + (1 - y) * stage_payoff("D", "D", e, 0, k)
    return uc - ud


def _root(e, k):
    """The counterpart's cooperation probability that makes an agent with
    exploitation value ``e`` indifferent, or None when none in [0, 1] does."""
    return _affine_root(_gain(e, k, 0 * k), _gain(e, k, 1 + 0 * k))


def period2_equilibria(k, e, mu, tol=DEFAULT_TOL):
    """Every equilibrium of the period-2 Bayesian game (see
    :func:`_period2_equilibria`); results are cached, so the returned list
    must not be modified."""
    return _period2_cached(k, tuple(map(tuple, e)), tuple(map(tuple, mu)), tol)


@lru_cache(maxsize=65536)
def _period2_cached(k, e, mu, tol):
    return _period2_equilibria(k, e, mu, tol)


def _period2_equilibria(k, e, mu, tol=DEFAULT_TOL):
    # each agent's gain from C is affine in the counterpart's aggregate y:
    # g(y) = g0 + (g1 - g0) y, computed once from the stage payoffs
    gains = tuple(tuple((_gain(v, k, 0 * k), _gain(v, k, 1 + 0 * k)) for v in es) for es in e)
    supports = []
    for s in (0, 1):
        opts = []
        for n, (g0, g1) in enumerate(gains[s]):
            o = []
            if max(g0, g1) >= -tol:
                o.append("C")  # C is a best response to some y in [0, 1]
            if min(g0, g1) <= tol:
                o.append("D")
            # an agent with zero mass cannot move the aggregate; when it is
            # indifferent both pure actions are best responses, so its
            # mixtures add nothing payoff-relevant and are skipped
            if mu[s][n] > 0 and _affine_root(g0, g1) is not None:
                o.append("M")
            opts.append(tuple(o))
        supports.append(list(product(*opts)))
    found = []
    for supA in supports[0]:
        for supB in supports[1]:
            for xA, xB, knife in _solve_supports(gains, mu, (supA, supB), tol):
                xs = (xA, xB)
                if not all(_br_ok(gains[s][n], _agg(mu[1 - s], xs[1 - s]), xs[s][n], tol)
                           for s in (0, 1) for n in range(len(e[s]))):
                    continue
                if any(_close(xA, a, tol) and _close(xB, b, tol) for a, b, _ in found):
                    continue
                found.append((xA, xB, knife))
    return found


def _affine_root(g0, g1):
    """Root in [0, 1] of ``g0 + (g1 - g0) y``, or None."""
    if g1 == g0:
        return None
    y = g0 / (g0 - g1)
    return y if 0 <= y <= 1 else None


def _br_ok(g, y, x, tol):
    val = g[0] + (g[1] - g[0]) * y
    if x > tol and val < -tol:
        return False
    if x < 1 - tol and val > tol:
        return False
    return True


def _agg(mu, x):
    return sum(m * v for m, v in zip(mu, x))


def _close(u, v, tol):
    return all(abs(a - b) <= max(tol, ZERO_TOL) for a, b in zip(u, v))


def _solve_supports(gains, mu, sup, tol):
    """Candidate profiles for one support combination."""
    req = []
    for s in (0, 1):
        roots = []
        for n, a in enumerate(sup[s]):
            if a == "M":
                r = _affine_root(*gains[s][n])
                if r is None:
                    return []
                roots.append(r)
        if roots and any(abs(r - roots[0]) > tol for r in roots):
            return []
        req.append(roots[0] if roots else None)
    # state s's mixers fix the aggregate of the other state, 1 - s
    xs = [None, None]
    free = []
    for o in (0, 1):
        s = 1 - o
        base = sum(m for m, a in zip(mu[o], sup[o]) if a == "C")
        mixers = [n for n, a in enumerate(sup[o]) if a == "M"]
        fixed = tuple(1 if a == "C" else 0 for a in sup[o])
        if not mixers:
            if req[s] is not None and abs(base - req[s]) > tol:
                return []
            xs[o] = fixed
        elif len(mixers) > 1:
            return []  # a continuum of mixtures of one state: not in the two-type game
        else:
            m = mixers[0]
            if req[s] is not None:
                x = (req[s] - base) / mu[o][m]
                if not tol < x < 1 - tol:
                    return []
                xs[o] = tuple(x if n == m else fixed[n] for n in range(len(fixed)))
            else:
                free.append((o, m, base))
    if not free:
        return [(xs[0], xs[1], False)]
    # the other state has no mixer: the mixer's probability is pinned only by
    # the other state's pure agents, a continuum; report its end points
    out = []
    for o, m, base in free:
        s = 1 - o
        lo, hi = base, base + mu[o][m]
        for n, a in enumerate(sup[s]):
            g0, g1 = gains[s][n]
            r = _affine_root(g0, g1)
            if r is None:
                continue  # sign fixed on [0, 1]; checked by the final test
            wants_high = (a == "C") == (g1 > g0)
            if wants_high:
                lo = max(lo, r)
            else:
                hi = min(hi, r)
        if lo > hi + tol:
            return []
        for y in (lo, hi):
            x = (y - base) / mu[o][m]
            x = min(max(x, 0 * x), 1 + 0 * x)
            pt = tuple(x if n == m else (1 if a == "C" else 0) for n, a in enumerate(sup[o]))
            xs2 = list(xs)
            xs2[o] = pt
            out.append((xs2[0], xs2[1], True))
    return out


# ---------------------------------------------------------------------------
# Period 1: brute force over profiles, continuations and off-path beliefs
# ---------------------------------------------------------------------------

def _types(p: Params):
    """((e, prior) per type) for A and B, security-seeker first."""
    return (((p.L, p.pA), (p.H, 1 - p.pA)), ((p.L, p.pB), (p.H, 1 - p.pB)))


def _hist(s, own, other):
    return own + other if s == 0 else other + own


def _belief_menu(p: Params, s: int, grid: int, exact: bool):
    """Off-path beliefs about state ``s`` (probability of its security
    type): a grid, the prior, and the other state's cooperation thresholds."""
    one = Fraction(1) if exact else 1.0
    vals = {one * i / (grid - 1) for i in range(grid)}
    vals.add(p.pA if s == 0 else p.pB)
    for e in (p.L, p.H):
        r = _root(e, p.k)
        if r is not None:
            vals.add(r)
    return sorted(vals)


def _payoff(p: Params, s, n, action, prof, cont_at):
    """Total payoff of type ``n`` of state ``s`` playing ``action`` in
    period 1, summed over the counterpart's types."""
    types = _types(p)
    o = 1 - s
    e_own = types[s][n][0]
    beta = p.betaA if s == 0 else p.betaB
    theta = p.thetaA if s == 0 else p.thetaB
    total = 0
    for m, (_, prior) in enumerate(types[o]):
        if prior == 0:
            continue
        b = prof[o][m]
        xs = cont_at(action, b)
        x_me, x_other = xs[s][n], xs[o][m]
        u2 = (x_me * x_other * stage_payoff("C", "C", e_own, 0, p.k)
              + x_me * (1 - x_other) * stage_payoff("C", "D", e_own, 0, p.k)
              + (1 - x_me) * x_other * stage_payoff("D", "C", e_own, 0, p.k)
              + (1 - x_me) * (1 - x_other) * stage_payoff("D", "D", e_own, 0, p.k))
        total += prior * (stage_payoff(action, b, e_own, beta, p.k) + theta * u2)
    return total


def name_of(profile, continuation, mu_onpath, tol=DEFAULT_TOL) -> str:
    """Name an equilibrium from its period-1 profile and on-path play.

    Parameters
    ----------
    profile : tuple
        ``(actions of A's types, actions of B's types)``.
    continuation : dict
        ``{history: (xA, xB)}`` for on-path histories.
    mu_onpath : dict
        ``{history: (muA, muB)}`` posteriors after on-path histories.

    Examples
    --------
    >>> name_of((("C", "D"), ("C", "D")), {"CC": ((1, 0), (1, 0))},
    ...         {"CC": ((1, 0), (1, 0))})
    'trust-building'
    """
    pats = tuple(_PATTERN[tuple(prof)] for prof in profile)
    regime = "DD"
    for h, (muA, muB) in mu_onpath.items():
        if muA[0] > 0 and muB[0] > 0:
            xA, xB = continuation[h]
            sec = (xA[0], xB[0])
            if all(abs(v - 1) <= tol for v in sec):
                regime = "CC"
            elif all(abs(v) <= tol for v in sec):
                regime = "DD"
            else:
                regime = "mixed"
    key = pats + (regime,)
    return PAPER_TABLE.get(key, f"{pats[0]}/{pats[1]}:{regime}")


def brute_force_equilibria(p: Params, tol=None, grid: int = 11) -> list[BFEquilibrium]:
    """Every PBE with pure period-1 play, by brute force.

    Parameters
    ----------
    p : Params
        The paper's two-type game.
    tol : number, optional
        Tolerance for weak inequalities (``1e-9``; ``0`` when every
        parameter is exact).
    grid : int
        Number of grid points for off-path beliefs (the critical values are
        always added).

    Returns
    -------
    list of BFEquilibrium
        One per period-1 profile and on-path continuation.
    """
    exact = p.is_exact
    if tol is None:
        tol = 0 if exact else DEFAULT_TOL
    types = _types(p)
    e = tuple(tuple(t[0] for t in ts) for ts in types)
    out = []
    for prof in product(product(_ACTS, repeat=2), repeat=2):
        mass, post = [], []
        for s in (0, 1):
            ms, ps = {}, {}
            for a in _ACTS:
                w = sum(pr for (_, pr), act in zip(types[s], prof[s]) if act == a)
                if w > 0:
                    ms[a] = w
                    ps[a] = tuple((pr if act == a else 0 * pr) / w
                                  for (_, pr), act in zip(types[s], prof[s]))
            mass.append(ms)
            post.append(ps)
        onpath = [(a, b) for a in mass[0] for b in mass[1]]
        options = [period2_equilibria(p.k, e, (post[0][a], post[1][b]), tol) for a, b in onpath]
        menus = [_belief_menu(p, s, grid, exact) for s in (0, 1)]
        for combo in product(*options):
            chosen = {a + b: (xa, xb) for (a, b), (xa, xb, _) in zip(onpath, combo)}
            knife = any(c[2] for c in combo)
            reps = [_deterred(p, s, prof, mass, post, chosen, menus[s], e, tol) for s in (0, 1)]
            if all(r is not None for r in reps):
                pays = []
                for s in (0, 1):
                    us = []
                    for n in range(2):
                        us.append(_payoff(p, s, n, prof[s][n], prof,
                                          lambda a, b, s=s: chosen[_hist(s, a, b)]))
                    pays.append(tuple(us))
                mu_on = {a + b: (post[0][a], post[1][b]) for a, b in onpath}
                offp = {}
                for s, rep in enumerate(reps):
                    for b, xs in rep.items():
                        offp[_hist(s, off_action(mass[s]), b)] = xs
                out.append(BFEquilibrium(name_of(prof, chosen, mu_on, tol), prof, chosen,
                                         tuple(pays), knife, offp))
    return out


def off_action(mass_s):
    """The action a pooling state never plays (None when both are played)."""
    off = [a for a in _ACTS if a not in mass_s]
    return off[0] if off else None


def _deterred(p, s, prof, mass, post, chosen, menu, e, tol):
    """Check that no type of state ``s`` gains by switching its period-1
    action, for some off-path belief and continuation when ``s`` pools.

    Returns None when some type gains, otherwise the deterring off-path
    continuation ``{other's action: (xA, xB)}`` (empty when ``s`` does not
    pool)."""
    o = 1 - s
    off = [a for a in _ACTS if a not in mass[s]]

    def onpath_cont(a, b):
        return chosen[_hist(s, a, b)]

    if not off:
        return {} if _no_gain(p, s, prof, onpath_cont, tol) else None
    a_off = off[0]
    bs = list(mass[o])
    for q in menu:
        belief = (q, 1 - q)
        per_b = []
        for b in bs:
            mu = (belief, post[o][b]) if s == 0 else (post[o][b], belief)
            per_b.append(period2_equilibria(p.k, e, mu, tol))
        for pick in product(*per_b):
            offc = {b: (xa, xb) for b, (xa, xb, _) in zip(bs, pick)}

            def cont(a, b, offc=offc):
                return offc[b] if a == a_off else onpath_cont(a, b)

            if _no_gain(p, s, prof, cont, tol):
                return offc
    return None


def _no_gain(p, s, prof, cont, tol):
    for n in range(2):
        own = prof[s][n]
        dev = "D" if own == "C" else "C"
        if _payoff(p, s, n, own, prof, cont) < _payoff(p, s, n, dev, prof, cont) - tol:
            return False
    return True


# ---------------------------------------------------------------------------
# The refinement, written again
# ---------------------------------------------------------------------------

def pareto_dominates(u, v, dominance: str = "weak", tol=DEFAULT_TOL) -> bool:
    """Interim Pareto dominance of payoff vector ``u`` over ``v``.

    Examples
    --------
    >>> pareto_dominates((1, 1), (1, 0)), pareto_dominates((1, 1), (1, 0), "strict")
    (True, False)
    """
    if dominance == "strict":
        return all(a > b + tol for a, b in zip(u, v))
    if dominance == "weak":
        return (all(a >= b - tol for a, b in zip(u, v))
                and any(a > b + tol for a, b in zip(u, v)))
    raise ValueError(f"dominance must be 'weak' or 'strict' (got {dominance!r})")


def brute_force_efficient(p: Params, dominance: str = "weak", tol=None,
                          equilibria: list | None = None) -> list[BFEquilibrium]:
    """The equilibria that no other equilibrium Pareto-dominates (types
    with zero prior are ignored), in the order found."""
    eqs = brute_force_equilibria(p, tol) if equilibria is None else equilibria
    if tol is None:
        tol = 0 if p.is_exact else DEFAULT_TOL
    keep = [i for i, (_, pr) in enumerate(_types(p)[0] + _types(p)[1]) if pr > 0]

    def vec(eq):
        full = eq.payoff_vector()
        return tuple(full[i] for i in keep)

    return [e for e in eqs
            if not any(pareto_dominates(vec(f), vec(e), dominance, tol) for f in eqs if f is not e)]


def summary(eqs) -> dict[str, Any]:
    """``{key: payoff vector}`` of a list of equilibria (for comparisons)."""
    out = {}
    for e in eqs:
        out.setdefault(e.key, []).append(tuple(float(v) for v in e.payoff_vector()))
    return out


# ---------------------------------------------------------------------------
# An independent check of any behaviour profile (also with period-1 mixing)
# ---------------------------------------------------------------------------

def profile_violations(p: Params, period1, period2, tol=CHECK_TOL, grid: int = 11) -> list[str]:
    """Check a full behaviour profile against the definition of a PBE.

    Written for the audit of equilibria with period-1 mixing, which
    :func:`brute_force_equilibria` does not enumerate.  Posteriors are
    recomputed by Bayes' rule; after every history the prescribed period-2
    play must be an equilibrium of the period-2 game (agent form, every
    type best-responding) for the Bayes posterior, or, after a history
    that a state's own action puts off the path, for *some* belief about
    that state on the grid used by :func:`brute_force_equilibria`; and no
    type may gain by changing its period-1 action (a type that mixes must
    be indifferent).

    Parameters
    ----------
    p : Params
    period1 : tuple
        ``((xA_security, xA_greedy), (xB_security, xB_greedy))``
        probabilities of C in period 1.
    period2 : dict
        ``{history: ((xA_sec, xA_gre), (xB_sec, xB_gre))}`` for the four
        histories ``"CC", "CD", "DC", "DD"``.
    tol : float
        Tolerance (the default suits equilibria found by linear
        programming).

    Returns
    -------
    list of str
        Empty when the profile is a PBE.

    Examples
    --------
    >>> tb = {"CC": ((1, 0), (1, 0)), "CD": ((0, 0), (0, 0)),
    ...       "DC": ((0, 0), (0, 0)), "DD": ((0, 0), (0, 0))}
    >>> profile_violations(Params(pA=0.35, pB=0.35), ((1, 0), (1, 0)), tb)
    []
    >>> profile_violations(Params(pA=0.1, pB=0.1), ((1, 0), (1, 0)), tb)[0]
    'A/security: period-1 action C is in its support but D pays more'
    """
    types = _types(p)
    e = tuple(tuple(t[0] for t in ts) for ts in types)
    bad = []
    post = []
    for s in (0, 1):
        ps = {}
        for a in _ACTS:
            w = sum(pr * (x if a == "C" else 1 - x) for (_, pr), x in zip(types[s], period1[s]))
            if w > tol:
                ps[a] = tuple(pr * (x if a == "C" else 1 - x) / w
                              for (_, pr), x in zip(types[s], period1[s]))
        post.append(ps)
    for h in _HIST:
        a, b = h[0], h[1]
        xs = period2[h]
        menus = []
        for s, act in ((0, a), (1, b)):
            if act in post[s]:
                menus.append([post[s][act]])
            else:
                menus.append([(q, 1 - q) for q in _belief_menu(p, s, grid, False)])
        ok = False
        for muA in menus[0]:
            for muB in menus[1]:
                mu = (muA, muB)
                gains = tuple(tuple((_gain(v, p.k, 0.0), _gain(v, p.k, 1.0)) for v in es)
                              for es in e)
                if all(_br_ok(gains[s][n], _agg(mu[1 - s], xs[1 - s]), xs[s][n], tol)
                       for s in (0, 1) for n in range(2)):
                    ok = True
                    break
            if ok:
                break
        if not ok:
            bad.append(f"after {h}: period-2 play is not an equilibrium for any admissible belief")
    prof_types = ((0, "security"), (1, "greedy"))
    for s in (0, 1):
        for n, tname in prof_types:
            v = {}
            for act in _ACTS:
                v[act] = _mixed_payoff(p, s, n, act, period1, period2)
            x = period1[s][n]
            who = f"{'AB'[s]}/{tname}"
            if x > tol and v["C"] < v["D"] - tol:
                bad.append(f"{who}: period-1 action C is in its support but D pays more")
            if x < 1 - tol and v["D"] < v["C"] - tol:
                bad.append(f"{who}: period-1 action D is in its support but C pays more")
    return bad


def _mixed_payoff(p, s, n, action, period1, period2):
    """Payoff of type ``n`` of ``s`` playing ``action`` in period 1 when the
    counterpart's types mix as ``period1`` and period 2 follows ``period2``."""
    types = _types(p)
    o = 1 - s
    e_own = types[s][n][0]
    beta = p.betaA if s == 0 else p.betaB
    theta = p.thetaA if s == 0 else p.thetaB
    total = 0.0
    for m, (_, prior) in enumerate(types[o]):
        for b in _ACTS:
            pb = period1[o][m] if b == "C" else 1 - period1[o][m]
            w = prior * pb
            if w == 0:
                continue
            xs = period2[_hist(s, action, b)]
            xm, xo = xs[s][n], xs[o][m]
            u2 = sum((xm if a2 == "C" else 1 - xm) * (xo if b2 == "C" else 1 - xo)
                     * stage_payoff(a2, b2, e_own, 0, p.k) for a2 in _ACTS for b2 in _ACTS)
            total += w * (stage_payoff(action, b, e_own, beta, p.k) + theta * u2)
    return total
