"""Completeness, checked with Gambit: every equilibrium Gambit finds is reported.

:func:`gambit_equilibria` runs several of Gambit's algorithms (pygambit
16.7) at one parameter point and returns the distinct Nash equilibria they
find; :func:`match_equilibrium` says whether one of them lies in an
equilibrium or a family that :func:`trustgame.solve` reports; and
:func:`completeness_report` does both at many random points.

The algorithms
    * ``lcp-tree``: the sequence-form linear complementarity method on the
      extensive game (:func:`pygambit.nash.lcp_solve`), one equilibrium;
    * ``logit``: the limit of the logit quantal-response branch on the
      extensive game (:func:`pygambit.nash.logit_solve`, first step 0.3 and
      acceleration up to 2, faster than the defaults), one equilibrium;
    * ``lcp-strategic``: Lemke-Howson pivoting from every accessible
      starting label on the reduced strategic form
      (``lcp_solve(..., stop_after=..., max_depth=...)``), several;
    * ``enumpure``: every pure-strategy equilibrium of the reduced strategic
      form (:func:`pygambit.nash.enumpure_solve`);
    * ``gnm`` and ``ipa``: global Newton tracing and iterated polymatrix
      approximation from random perturbation vectors (seeded);
    * ``simpdiv``: simplicial subdivision from random pure starting
      profiles (seeded), with a bounded number of grid steps.

The reduced strategic form
    Gambit's own conversion of the tree (``Game.to_arrays``) takes about a
    second, and its regret on the tree half a second per profile, most of
    the time budget; so the 64 x 64 reduced strategic form is written here
    directly with numpy (:func:`strategic_form`): a state's reduced
    strategy gives each of its types a period-1 action and a period-2
    action after each of the two histories that this action can lead to
    (8 plans per type, 64 per state).  ``tests/audit`` checks, strategy by
    strategy, that the table equals Gambit's conversion of the tree built by
    :func:`trustgame.audit.crosscheck.gambit_game`.  Every profile, whichever
    algorithm found it, is written as a behaviour profile of the tree (the
    probability of C at each information set) and, realization-equivalently,
    as mixed reduced strategies (:func:`mixed_strategies`), on which Gambit
    computes its maximum regret (:func:`strategic_regret`): the largest gain
    of a state from changing its whole plan, the Nash criterion.

    Lemke-Howson pivoting in floating point can cycle on this degenerate
    game and pygambit cannot interrupt it, so ``lcp-strategic`` runs in a
    forked process and is abandoned after ``budget`` seconds
    (:data:`TIMEOUTS` counts how often).

Which profiles are kept
    A profile is kept when its maximum regret is at most ``REGRET_TOL``
    times the range of the game's terminal payoffs.  Two kept profiles are
    the same equilibrium when the same histories are on their paths and
    their features (below) agree within the matching tolerance; the
    profile with the smaller regret is kept.

Matching
    A Gambit equilibrium *lies in* a reported equilibrium or family when
    some convex combination of the family's vertices (one vertex for an
    isolated equilibrium) reproduces, within a tolerance, the features

    * every type's interim payoff, divided by the payoff range;
    * every type's period-1 probability of C;
    * for each history on the path of the Gambit profile (probability above
      ``REACH_TOL``) and each type: the mass prior x P(the type's period-1
      action is the one in the history) x P(C after the history).

    Off-path play is free in a perfect Bayesian equilibrium and is never
    compared.  The features are linear along a family, so membership is a
    linear programme (:func:`scipy.optimize.linprog`) minimising the
    largest residual (:func:`closest`).  The tolerance is ``match_tolerance(regret)``:
    ``10 * MIXED_TOL`` (the precision to which mixed equilibria are solved)
    plus ``1000`` times Gambit's regret relative to the payoff range and to
    the smallest prior, since a type's interim regret is the player's
    regret divided by its prior.

Misses
    A Nash equilibrium of the extensive game need not be a perfect Bayesian
    equilibrium: at a history of probability zero it may prescribe play
    that no belief justifies.  :func:`explain_miss` recognises the case met
    in practice (off-path cooperation that punishes a deviator whose
    exploitation value ``L`` is negative, although no belief justifies it)
    and confirms it independently of the solver; a miss it cannot explain is
    an equilibrium the solver has missed.

pygambit is imported lazily, as in :mod:`trustgame.audit.crosscheck`.

Examples
--------
>>> from trustgame import Params, solve
>>> p = Params(pA=0.35, pB=0.35)
>>> found = gambit_equilibria(p, algorithms=("lcp-tree", "enumpure"))
>>> len(found) >= 1
True
>>> sol = solve(p)
>>> all(match_equilibrium(g, sol) is not None for g in found)
True
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from itertools import product

import numpy as np

from ..core.model import ACTIONS, HISTORIES, STATES, Params, stage_payoff
from ..core.tolerances import MIXED_TOL, REACH_TOL, REGRET_TOL
from .crosscheck import gambit_game

__all__ = ["ALGORITHMS", "GambitEquilibrium", "strategic_form", "mixed_strategies",
           "strategic_regret", "gambit_equilibria", "closest", "dominated_offpath_play",
           "explain_miss", "from_equilibrium",
           "features", "match_tolerance", "match_equilibrium", "completeness_report",
           "format_report"]

#: The algorithms :func:`gambit_equilibria` runs by default, in order.
ALGORITHMS = ("lcp-tree", "logit", "lcp-strategic", "enumpure", "gnm", "ipa", "simpdiv")

#: Seeds of the random starts (perturbation vectors for ``gnm`` and
#: ``ipa``, starting profiles for ``simpdiv``): fixed, so that every run
#: finds the same equilibria.
START_SEED = 20261202

#: Floor of the matching tolerance: ten times the precision to which the
#: semi-separating search solves its mixing probabilities.
MATCH_FLOOR = 10 * MIXED_TOL

#: Multiple of Gambit's relative residual regret added to the floor.
MATCH_FACTOR = 1000.0

_TYPES = ("security", "greedy")
#: A type's reduced plan: (period-1 action, period-2 action if the other
#: state played C, period-2 action if it played D).
_PLANS = tuple(product(ACTIONS, ACTIONS, ACTIONS))


@dataclass
class GambitEquilibrium:
    """One Nash equilibrium of the extensive game, as Gambit found it.

    Attributes
    ----------
    params : Params
    profile : dict
        Probability of C at every information set, keyed ``(state, type,
        when)`` as in :func:`~trustgame.audit.crosscheck.gambit_game`;
        ``nan`` at an information set that the type's own period-1 play
        never reaches (a reduced strategy does not say what it does there).
    regret : float
        Gambit's maximum regret of the behaviour profile on the tree.
    algorithms : list of str
        The algorithms that found it.
    payoffs : tuple
        ``(uA, uB)``: each type's interim payoff, security type first.
    """

    params: Params
    profile: dict
    regret: float
    algorithms: list = field(default_factory=list)
    payoffs: tuple = ()

    def strategy(self, state: str, type_name: str, history: str | None = None) -> float:
        """Probability of C (``history=None``: period 1), the interface of
        :class:`~trustgame.core.equilibria.Equilibrium`."""
        x = self.profile[(state, type_name, "P1" if history is None else history)]
        return 0.0 if np.isnan(x) else float(x)

    def history_prob(self, history: str) -> float:
        """Probability of the period-1 history."""
        prob = 1.0
        for s, st in enumerate(STATES):
            prior = _priors(self.params)[s]
            a = history[s]
            prob *= sum(pr * _act(self.profile[(st, t, "P1")], a) for pr, t in zip(prior, _TYPES))
        return prob


def _priors(p: Params) -> tuple:
    return ((float(p.pA), 1 - float(p.pA)), (float(p.pB), 1 - float(p.pB)))


def _act(x, a):
    return float(x) if a == "C" else 1.0 - float(x)


def _type_table(p: Params):
    """Terminal payoffs per pair of types: ``U[s][ta][tb]`` is an 8 x 8
    array over A's plan of type ``ta`` and B's plan of type ``tb``."""
    e = {"security": p.L, "greedy": p.H}
    beta = (p.betaA, p.betaB)
    theta = (p.thetaA, p.thetaB)
    U = [[[np.zeros((8, 8)) for _ in _TYPES] for _ in _TYPES] for _ in STATES]
    for (ia, ta), (ib, tb) in product(enumerate(_TYPES), enumerate(_TYPES)):
        for (i, pa), (j, pb) in product(enumerate(_PLANS), enumerate(_PLANS)):
            a1, b1 = pa[0], pb[0]
            a2 = pa[1] if b1 == "C" else pa[2]
            b2 = pb[1] if a1 == "C" else pb[2]
            U[0][ia][ib][i, j] = float(stage_payoff(a1, b1, e[ta], beta[0], p.k)
                                       + theta[0] * stage_payoff(a2, b2, e[ta], 0, p.k))
            U[1][ia][ib][i, j] = float(stage_payoff(b1, a1, e[tb], beta[1], p.k)
                                       + theta[1] * stage_payoff(b2, a2, e[tb], 0, p.k))
    return U


def strategic_form(params: Params):
    """The reduced strategic form as two 64 x 64 payoff arrays.

    A state's strategy ``8 * i + j`` gives its security type plan ``i`` and
    its greedy type plan ``j``; plan ``4 * a1 + 2 * c + d`` (``0`` = C,
    ``1`` = D) is the period-1 action ``a1``, then ``c`` after the other
    state's C and ``d`` after its D.  Payoffs are ex-ante expectations over
    the types.

    Returns
    -------
    (A, B, span)
        The two payoff arrays and the range (max - min) of the terminal
        payoffs.

    Examples
    --------
    >>> A, B, span = strategic_form(Params())
    >>> A.shape, B.shape
    ((64, 64), (64, 64))
    """
    U = _type_table(params)
    pr = _priors(params)
    A = np.zeros((8, 8, 8, 8))
    B = np.zeros((8, 8, 8, 8))
    for ia, ib in product(range(2), range(2)):
        w = pr[0][ia] * pr[1][ib]
        # axes: A's security plan, A's greedy plan, B's security plan, B's greedy plan
        shape = [1, 1, 1, 1]
        shape[ia], shape[2 + ib] = 8, 8
        for s, M in ((0, A), (1, B)):
            M += w * U[s][ia][ib].reshape(shape)
    terminal = np.array([U[s][ia][ib] for s in range(2) for ia in range(2) for ib in range(2)])
    return A.reshape(64, 64), B.reshape(64, 64), float(terminal.max() - terminal.min())


def _behaviour_from_mixed(x) -> dict:
    """Per-type behaviour of one state from its mixed reduced strategy
    ``x`` (length 64): ``{(type, when): prob of C}``."""
    x = np.asarray(x, dtype=float).reshape(8, 8)
    out = {}
    for n, t in enumerate(_TYPES):
        m = x.sum(axis=1 - n)  # marginal over this type's plans
        plans = np.array(_PLANS)
        for own in ACTIONS:
            sel = plans[:, 0] == own
            den = m[sel].sum()
            if own == "C":
                out[(t, "P1")] = float(den)
            for col, other in ((1, "C"), (2, "D")):
                num = m[sel & (plans[:, col] == "C")].sum()
                out[(t, own + other)] = float(num / den) if den > 0 else float("nan")
    return out


def _profile_from_mixed(xA, xB) -> dict:
    out = {}
    for st, x in (("A", xA), ("B", xB)):
        for (t, when), v in _behaviour_from_mixed(x).items():
            if st == "B" and when != "P1":
                when = when[::-1]  # B's (own, other) -> history (A's action first)
            out[(st, t, when)] = v
    return out


def _tree_profile(gi, profile):
    g, infosets = gi
    prof = g.mixed_behavior_profile()
    for key, iset in infosets.items():
        x = profile[key]
        x = 0.0 if np.isnan(x) else x
        prof[iset.actions["C"]] = x
        prof[iset.actions["D"]] = 1.0 - x
    return prof


def _from_behaviour(prof, infosets) -> dict:
    """Probabilities of C from a tree profile, ``nan`` where the type's own
    period-1 play never leads."""
    out = {key: float(prof[iset.actions["C"]]) for key, iset in infosets.items()}
    for (st, t, when) in list(out):
        if when != "P1" and _act(out[(st, t, "P1")], when[STATES.index(st)]) <= 0:
            out[(st, t, when)] = float("nan")
    return out


def _interim(gi, prof, params) -> tuple:
    """Interim payoffs from the tree profile (Gambit's payoff / prior)."""
    g, infosets = gi
    out = []
    for s, st in enumerate(STATES):
        vals = []
        for t in _TYPES:
            # node value at the chance child: expected payoff given the types
            total = 0.0
            for child in g.root.children:
                ta, tb = child.prior_action.label.split("-")
                if (ta, tb)[s] != t:
                    continue
                other = (tb, ta)[s]
                w = _priors(params)[1 - s][_TYPES.index(other)]
                total += w * float(prof.node_value(g.players[st], child))
            vals.append(total)
        out.append(tuple(vals))
    return tuple(out)


def _plan_probs(profile, st, t) -> np.ndarray:
    """Probability of each of a type's 8 reduced plans (independent
    behaviour at its information sets: Kuhn's theorem)."""
    s = STATES.index(st)
    out = np.ones(8)
    for i, (a1, c, d) in enumerate(_PLANS):
        out[i] *= _act(profile[(st, t, "P1")], a1)
        for other, act in (("C", c), ("D", d)):
            h = a1 + other if s == 0 else other + a1
            x = profile[(st, t, h)]
            out[i] *= _act(0.0 if np.isnan(x) else x, act)
    return out


def mixed_strategies(profile) -> tuple:
    """A behaviour profile as a mixed reduced strategy of each state (length
    64 each, in the order of :func:`strategic_form`); realization-equivalent
    to it."""
    return tuple(np.outer(_plan_probs(profile, st, "security"),
                          _plan_probs(profile, st, "greedy")).ravel() for st in STATES)


def strategic_regret(sgame, profile) -> float:
    """Gambit's maximum regret of a behaviour profile, evaluated on the
    reduced strategic form ``sgame`` (``Game.from_arrays`` of
    :func:`strategic_form`): the largest gain of a state from switching
    strategy, the Nash criterion of the extensive game."""
    prof = sgame.mixed_strategy_profile()
    for pl, x in zip(sgame.players, mixed_strategies(profile)):
        for strat, v in zip(pl.strategies, x):
            prof[strat] = float(v)
    return float(prof.max_regret())


def _lcp_strategic(arrays):
    import pygambit as gbt

    sg = gbt.Game.from_arrays(*arrays)
    res = gbt.nash.lcp_solve(sg, rational=False, stop_after=None, max_depth=None)
    sA, sB = (list(pl.strategies) for pl in sg.players)
    return [([float(prof[s]) for s in sA], [float(prof[s]) for s in sB]) for prof in res.equilibria]


def _in_child(fn, arg, seconds):
    """``fn(arg)`` in a forked process, abandoned after ``seconds``: Lemke-Howson
    pivoting in floating point can cycle on this degenerate game, and
    pygambit cannot interrupt it.  Returns ``[]`` on a time-out (counted in
    :data:`TIMEOUTS`)."""
    import multiprocessing as mp

    ctx = mp.get_context("fork")
    recv, send = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(fn, arg, send), daemon=True)
    proc.start()
    send.close()
    try:
        out = recv.recv() if recv.poll(seconds) else None
    except EOFError:  # the child failed
        out = None
    if proc.is_alive():
        proc.kill()
    proc.join()
    if out is None:
        TIMEOUTS[fn.__name__] = TIMEOUTS.get(fn.__name__, 0) + 1
        return []
    return out


def _child(fn, arg, conn):
    conn.send(fn(arg))
    conn.close()


#: How often a run in a child process was abandoned, by function name.
TIMEOUTS: dict = {}


def _random_simplex(rng, n):
    v = rng.exponential(size=n)
    return v / v.sum()


def _run(alg, params, gi, sf, rng, n_starts, budget):
    """Raw results of one algorithm: a list of behaviour-profile dicts."""
    import pygambit as gbt

    g, infosets = gi
    out = []
    if alg in ("lcp-tree", "logit"):
        res = (gbt.nash.lcp_solve(g, rational=False) if alg == "lcp-tree"
               else gbt.nash.logit_solve(g, first_step=0.3, max_accel=2.0))
        for prof in res.equilibria:
            out.append(_from_behaviour(prof, infosets))
        return out
    sg = sf["game"]
    sA, sB = (list(pl.strategies) for pl in sg.players)

    def collect(res):
        for prof in res.equilibria:
            xA = [float(prof[s]) for s in sA]
            xB = [float(prof[s]) for s in sB]
            out.append(_profile_from_mixed(xA, xB))

    if alg == "lcp-strategic":
        for xA, xB in _in_child(_lcp_strategic, sf["arrays"], budget):
            out.append(_profile_from_mixed(xA, xB))
    elif alg == "enumpure":
        collect(gbt.nash.enumpure_solve(sg))
    elif alg in ("gnm", "ipa", "simpdiv"):
        start = time.perf_counter()
        for _ in range(n_starts):
            if time.perf_counter() - start > budget:
                break
            if alg == "simpdiv":
                prof = sg.mixed_strategy_profile(rational=True)
                for strats in (sA, sB):
                    pick = int(rng.integers(len(strats)))
                    for i, s in enumerate(strats):
                        prof[s] = gbt.Rational(int(i == pick))
                collect(gbt.nash.simpdiv_solve(prof, maxregret=gbt.Rational(1, 10**8), leash=200))
            else:
                prof = sg.mixed_strategy_profile()
                for strats in (sA, sB):
                    v = _random_simplex(rng, len(strats))
                    for s, x in zip(strats, v):
                        prof[s] = float(x)
                solver = gbt.nash.gnm_solve if alg == "gnm" else gbt.nash.ipa_solve
                collect(solver(prof))
    else:
        raise ValueError(f"unknown algorithm {alg!r}; choose from {', '.join(ALGORITHMS)}")
    return out


def gambit_equilibria(params: Params, algorithms=ALGORITHMS, n_starts: int = 4,
                      seed: int = START_SEED, budget: float = 2.0, timings: dict | None = None):
    """The distinct Nash equilibria that Gambit's algorithms find at one point.

    Parameters
    ----------
    params : Params
    algorithms : sequence of str
        Names from :data:`ALGORITHMS`.
    n_starts : int
        Random starts of each of ``gnm``, ``ipa`` and ``simpdiv``.
    seed : int
        Seed of the random starts (a numpy Generator per algorithm, so that
        each algorithm's starts do not depend on which others run).
    budget : float
        Seconds after which an algorithm with random starts starts no new
        run.
    timings : dict, optional
        Filled with the seconds each algorithm took.

    Returns
    -------
    list of GambitEquilibrium
        Profiles whose regret on the tree is at most ``REGRET_TOL`` times the
        payoff range, one per distinct equilibrium (see the module notes),
        each with every algorithm that found it.

    Examples
    --------
    >>> eqs = gambit_equilibria(Params(pA=0.35, pB=0.35), algorithms=("lcp-tree",))
    >>> [e.algorithms for e in eqs]
    [['lcp-tree']]
    """
    import pygambit as gbt

    gi = gambit_game(params)
    A, B, span = strategic_form(params)
    sf = {"game": gbt.Game.from_arrays(A, B, title="reduced strategic form"), "arrays": (A, B)}
    pmin = min(min(pr) for pr in _priors(params))
    found: list[GambitEquilibrium] = []
    for k, alg in enumerate(algorithms):
        rng = np.random.default_rng([seed, ALGORITHMS.index(alg) if alg in ALGORITHMS else k])
        t0 = time.perf_counter()
        raw = _run(alg, params, gi, sf, rng, n_starts, budget)
        for profile in raw:
            regret = strategic_regret(sf["game"], profile)
            if not regret <= REGRET_TOL * span:
                continue
            geq = GambitEquilibrium(params, profile, regret, [alg],
                                    _interim(gi, _tree_profile(gi, profile), params))
            for other in found:
                if _same(geq, other, span, pmin):
                    if alg not in other.algorithms:
                        other.algorithms.append(alg)
                    if regret < other.regret:  # keep the most accurate profile
                        other.profile, other.payoffs, other.regret = (geq.profile, geq.payoffs,
                                                                      regret)
                    break
            else:
                found.append(geq)
        if timings is not None:
            timings[alg] = timings.get(alg, 0.0) + time.perf_counter() - t0
    return found


def _on_path(geq) -> tuple:
    return tuple(h for h in HISTORIES if geq.history_prob(h) > REACH_TOL)


def features(eq, params: Params, histories, span: float) -> np.ndarray:
    """The quantities compared by the matcher, linear along a family.

    Parameters
    ----------
    eq : Equilibrium or GambitEquilibrium
        Anything with ``payoffs`` and ``strategy(state, type, history)``.
    params : Params
    histories : sequence of str
        The histories whose period-2 play is compared (those on the path of
        the Gambit profile).
    span : float
        The payoff range; payoffs are divided by it.

    Returns
    -------
    numpy.ndarray
        Interim payoffs / span (A's types, then B's), period-1
        probabilities of C, then for each history, state and type the mass
        prior x P(own period-1 action of the history) x P(C after it).

    Examples
    --------
    >>> from trustgame import solve
    >>> p = Params(pA=0.35, pB=0.35)
    >>> e = solve(p, scope="pure").by_name("trust-building")
    >>> features(e, p, ("CC",), 1.0).shape
    (12,)
    """
    pr = _priors(params)
    out = [float(u) for s in range(2) for u in eq.payoffs[s][:2]]
    out = [u / span for u in out]
    for st in STATES:
        for t in _TYPES:
            out.append(float(eq.strategy(st, t, None)))
    for h in histories:
        for s, st in enumerate(STATES):
            for n, t in enumerate(_TYPES):
                own = _act(eq.strategy(st, t, None), h[s])
                out.append(pr[s][n] * own * (float(eq.strategy(st, t, h)) if own > 0 else 0.0))
    return np.array(out)


def match_tolerance(regret: float, params: Params) -> float:
    """Largest residual at which a Gambit profile with this regret matches.

    ``MATCH_FLOOR + MATCH_FACTOR * regret / (span * pmin)``, with ``span``
    the range of terminal payoffs and ``pmin`` the smallest prior.

    Examples
    --------
    >>> match_tolerance(0.0, Params()) == MATCH_FLOOR
    True
    """
    span = strategic_form(params)[2]
    pmin = min(min(pr) for pr in _priors(params))
    return MATCH_FLOOR + MATCH_FACTOR * regret / (span * pmin)


def _same(g1, g2, span, pmin) -> bool:
    hs = _on_path(g1)
    if hs != _on_path(g2):
        return False
    tol = MATCH_FLOOR + MATCH_FACTOR * max(g1.regret, g2.regret) / (span * pmin)
    f1 = features(g1, g1.params, hs, span)
    f2 = features(g2, g2.params, hs, span)
    return bool(np.max(np.abs(f1 - f2)) <= tol)


def _residual(target, vertex_features) -> float:
    """Smallest infinity-norm distance from ``target`` to the convex hull of
    the rows of ``vertex_features`` (a linear programme)."""
    V = np.asarray(vertex_features, dtype=float)
    if len(V) == 1:
        return float(np.max(np.abs(V[0] - target)))
    from scipy.optimize import linprog

    nv, m = V.shape
    # variables: lambda (nv), r; minimise r
    c = np.zeros(nv + 1)
    c[-1] = 1.0
    ones = np.ones((m, 1))
    A_ub = np.vstack([np.hstack([V.T, -ones]), np.hstack([-V.T, -ones])])
    b_ub = np.concatenate([target, -target])
    A_eq = np.concatenate([np.ones(nv), [0.0]])[None, :]
    res = linprog(c, A_ub=A_ub, b_ub=b_ub, A_eq=A_eq, b_eq=[1.0],
                  bounds=[(0, None)] * nv + [(0, None)], method="highs")
    return float(res.x[-1]) if res.success else float("inf")


def match_equilibrium(geq: GambitEquilibrium, sol, tol: float | None = None):
    """The reported equilibrium or family in which a Gambit equilibrium lies.

    Parameters
    ----------
    geq : GambitEquilibrium
    sol : Solution
        What :func:`trustgame.solve` reports at ``geq.params``: its
        ``equilibria`` (points) and ``families`` (convex hulls of their
        ``vertices``).
    tol : float, optional
        Largest residual accepted (default :func:`match_tolerance` of the
        profile's regret).

    Returns
    -------
    Equilibrium, Family or None
        The first reported object within ``tol``; ``None`` for a miss.

    Examples
    --------
    >>> from trustgame import solve
    >>> p = Params(pA=0.35, pB=0.35)
    >>> g = gambit_equilibria(p, algorithms=("lcp-tree",))[0]
    >>> match_equilibrium(g, solve(p)).name
    'tragic'
    """
    best = closest(geq, sol)
    limit = match_tolerance(geq.regret, geq.params) if tol is None else tol
    return best[0] if best[1] <= limit else None


def closest(geq: GambitEquilibrium, sol) -> tuple:
    """``(object, residual)``: the reported equilibrium or family nearest to
    the Gambit equilibrium in the matcher's features (``(None, inf)`` when
    nothing is reported)."""
    p = geq.params
    span = strategic_form(p)[2]
    hs = _on_path(geq)
    target = features(geq, p, hs, span)
    best = (None, float("inf"))
    candidates = [(e, (e,)) for e in sol.equilibria] + [(f, f.vertices) for f in sol.families]
    for obj, verts in candidates:
        r = _residual(target, [features(v, p, hs, span) for v in verts])
        if r < best[1]:
            best = (obj, r)
    return best


def dominated_offpath_play(geq: GambitEquilibrium) -> list:
    """Off-path information sets at which the profile cooperates although
    cooperating is strictly dominated there.

    In period 2 a type whose exploitation value exceeds 1 (the greedy type)
    strictly prefers D whatever it believes; a perfect Bayesian equilibrium
    never cooperates with such a type, on or off the path.  A Nash
    equilibrium may, at a history that has probability zero.

    Returns
    -------
    list of (state, type, history)
        Where the greedy type cooperates with probability above
        ``REACH_TOL`` after a history of probability at most ``REACH_TOL``
        that its own period-1 play can reach.

    Examples
    --------
    >>> g = gambit_equilibria(Params(pA=0.35, pB=0.35), algorithms=("lcp-tree",))[0]
    >>> dominated_offpath_play(g)
    []
    """
    out = []
    for (st, t, when), x in geq.profile.items():
        if when == "P1" or t != "greedy" or np.isnan(x):
            continue
        if geq.history_prob(when) <= REACH_TOL and x > REACH_TOL:
            out.append((st, t, when))
    return sorted(out)


def explain_miss(geq: GambitEquilibrium) -> str | None:
    """Why a Gambit equilibrium that matches nothing reported is no PBE,
    or ``None`` when no explanation is found (then the solver has missed an
    equilibrium).

    Two explanations are checked, both about play after histories of
    probability zero, which a Nash equilibrium leaves unconstrained:

    * every type plays a pure action in period 1, and the independent
      brute-force enumerator (:mod:`trustgame.audit.bruteforce`, which tries
      every off-path belief on a grid and at the critical values, with every
      period-2 equilibrium each supports) finds no PBE with that period-1
      play at all.  Gambit's profile then deters a deviation with off-path
      play that is no period-2 equilibrium under any belief (typically a
      security type cooperating after the other state's deviation, which
      punishes a deviator whose exploitation value ``L`` is negative);
    * the profile cooperates with a greedy type off the path
      (:func:`dominated_offpath_play`), and replacing that by D, what any PBE
      plays there, gives a regret above ``REGRET_TOL`` times the payoff
      range.

    Examples
    --------
    >>> g = gambit_equilibria(Params(pA=0.35, pB=0.35), algorithms=("lcp-tree",))[0]
    >>> explain_miss(g) is None
    True
    """
    p = geq.params
    off = [h for h in HISTORIES if geq.history_prob(h) <= REACH_TOL]
    p1 = tuple(tuple(geq.strategy(st, t, None) for t in _TYPES) for st in STATES)
    if all(min(x, 1 - x) <= REACH_TOL for xs in p1 for x in xs):
        from .bruteforce import brute_force_equilibria

        target = tuple(tuple("C" if x > 0.5 else "D" for x in xs) for xs in p1)
        if any(tuple(map(tuple, e.profile)) == target for e in brute_force_equilibria(p)):
            return None
        return (f"Nash but not perfect Bayesian: the brute-force enumerator finds no PBE in which "
                f"the types play {target[0]} (A) and {target[1]} (B) in period 1, so Gambit's "
                f"play after the off-path histories {', '.join(off)} is no period-2 equilibrium "
                f"for any belief")
    bad = dominated_offpath_play(geq)
    if not bad:
        return None
    repaired = dict(geq.profile)
    for key in bad:
        repaired[key] = 0.0
    A, B, span = strategic_form(p)
    import pygambit as gbt

    regret = strategic_regret(gbt.Game.from_arrays(A, B), repaired)
    if regret <= REGRET_TOL * span:
        return None
    where = ", ".join(f"{st}'s {t} type after {h}" for st, t, h in bad)
    return (f"Nash but not perfect Bayesian: it cooperates, though D is dominant, off the path "
            f"({where}); with D there Gambit's regret is {regret:.3g}")


def from_equilibrium(eq) -> GambitEquilibrium:
    """A reported equilibrium in the form of a Gambit equilibrium (regret 0,
    no algorithm): what the matcher must accept.

    Examples
    --------
    >>> from trustgame import solve
    >>> p = Params(pA=0.35, pB=0.35)
    >>> sol = solve(p, scope="pure")
    >>> match_equilibrium(from_equilibrium(sol.by_name("trust-building")), sol).name
    'trust-building'
    """
    p = eq.game.params
    _, infosets = gambit_game(p)
    profile = {}
    for st, t, when in infosets:
        own = _act(eq.strategy(st, t, None), when[STATES.index(st)]) if when != "P1" else 1.0
        x = float(eq.strategy(st, t, None if when == "P1" else when))
        profile[(st, t, when)] = x if own > 0 else float("nan")
    payoffs = tuple(tuple(float(u) for u in eq.payoffs[s]) for s in range(2))
    return GambitEquilibrium(p, profile, 0.0, [], payoffs)


def completeness_report(points, algorithms=ALGORITHMS, n_starts: int = 4,
                        seed: int = START_SEED, solve_kwargs: dict | None = None) -> dict:
    """Gambit's equilibria at many points, matched against :func:`trustgame.solve`.

    Parameters
    ----------
    points : iterable of Params
    algorithms, n_starts, seed
        Passed to :func:`gambit_equilibria`.
    solve_kwargs : dict, optional
        Passed to :func:`trustgame.solve` (default: every PBE).

    Returns
    -------
    dict
        ``points``; ``found`` (distinct equilibria over all points);
        ``by_algorithm`` (how many of them each algorithm found);
        ``matched`` (how many lie in a reported equilibrium or family);
        ``in_family`` (of those, how many only in a family); ``explained``
        (misses that :func:`explain_miss` explains, each with ``params``,
        ``profile``, ``algorithms``, ``residual`` and ``why``);
        ``unexplained`` (the rest, the same fields; each is a missed PBE);
        ``seconds`` per algorithm and for ``solve``.

    Examples
    --------
    >>> rep = completeness_report([Params(pA=0.35, pB=0.35)], algorithms=("lcp-tree",))
    >>> rep["found"], rep["matched"], rep["unexplained"]
    (1, 1, [])
    """
    from ..core.solution import solve

    rep = {"points": 0, "found": 0, "by_algorithm": dict.fromkeys(algorithms, 0), "matched": 0,
           "in_family": 0, "explained": [], "unexplained": [], "seconds": {}}
    before = dict(TIMEOUTS)
    for p in points:
        rep["points"] += 1
        found = gambit_equilibria(p, algorithms, n_starts=n_starts, seed=seed,
                                  timings=rep["seconds"])
        t0 = time.perf_counter()
        sol = solve(p, **(solve_kwargs or {}))
        rep["seconds"]["solve"] = rep["seconds"].get("solve", 0.0) + time.perf_counter() - t0
        for geq in found:
            rep["found"] += 1
            for alg in geq.algorithms:
                rep["by_algorithm"][alg] += 1
            obj, residual = closest(geq, sol)
            if residual <= match_tolerance(geq.regret, p):
                rep["matched"] += 1
                rep["in_family"] += int(any(obj is f for f in sol.families))
                continue
            entry = {"params": p, "profile": geq.profile, "algorithms": list(geq.algorithms),
                     "regret": geq.regret, "payoffs": geq.payoffs, "residual": residual,
                     "why": explain_miss(geq)}
            rep["explained" if entry["why"] else "unexplained"].append(entry)
    rep["timeouts"] = {k: v - before.get(k, 0) for k, v in TIMEOUTS.items() if v > before.get(k, 0)}
    return rep


def _profile_text(profile) -> str:
    rows = []
    for st in STATES:
        for t in _TYPES:
            cells = [f"{when}={profile[(st, t, when)]:.4g}" for when in ("P1",) + HISTORIES
                     if not np.isnan(profile[(st, t, when)])]
            rows.append(f"      {st} {t:8s} " + " ".join(cells))
    return "\n".join(rows)


def format_report(rep: dict) -> str:
    """The report of :func:`completeness_report` as text.

    Examples
    --------
    >>> rep = completeness_report([Params(pA=0.35, pB=0.35)], algorithms=("lcp-tree",))
    >>> print(format_report(rep).splitlines()[0])
    points: 1
    """
    n = rep["found"]
    share = rep["matched"] / n if n else 1.0
    lines = [f"points: {rep['points']}",
             f"distinct equilibria found by Gambit: {n} ({n / max(rep['points'], 1):.2f} per point)",
             "found by each algorithm:"]
    for alg, k in rep["by_algorithm"].items():
        lines.append(f"  {alg:14s} {k:5d}   {rep['seconds'].get(alg, 0.0):7.1f} s")
    lines.append(f"  (solve: {rep['seconds'].get('solve', 0.0):.1f} s)")
    lines.append(f"matched: {rep['matched']} of {n} ({share:.1%}); "
                 f"{rep['in_family']} of them only in a family")
    lines.append(f"misses explained as off-path artefacts: {len(rep['explained'])}")
    lines.append(f"misses unexplained (missed PBE): {len(rep['unexplained'])}")
    if rep.get("timeouts"):
        lines.append("runs abandoned after the time budget: "
                     + ", ".join(f"{k} {v}" for k, v in rep["timeouts"].items()))
    for kind in ("unexplained", "explained"):
        for m in rep[kind]:
            lines.append(f"  [{kind}] {m['params']!r}")
            lines.append(f"    algorithms {', '.join(m['algorithms'])}; regret {m['regret']:.2g}; "
                         f"nearest residual {m['residual']:.3g}")
            lines.append("    payoffs A " + " ".join(f"{u:.6g}" for u in m["payoffs"][0])
                         + "; B " + " ".join(f"{u:.6g}" for u in m["payoffs"][1]))
            lines.append(_profile_text(m["profile"]))
            if m["why"]:
                lines.append(f"    why: {m['why']}")
    return "\n".join(lines)
