"""Perfect Bayesian equilibria with pure period-1 strategies.

The enumerator visits every pure period-1 profile (each type of each state
plays C or D), and for each profile every assignment of a period-2
equilibrium (:func:`trustgame.core.period2.solve_period2`) to the period-1
histories that occur with positive probability.  It keeps the profile when
no type gains by switching its period-1 action, given that period-2 play
after the switch is again an equilibrium of the period-2 game.

Beliefs
    On the path, beliefs come from Bayes' rule.  Following Fudenberg and
    Tirole's definition of PBE for games with observed actions, a belief
    about state ``i`` depends only on ``i``'s own period-1 action ("no
    signalling what you don't know"), so one off-path action of ``i`` gets
    one belief, whatever the other state did.

Off-path continuations
    When a state's period-1 action is off the path its belief is free.  The
    enumerator tries, in order, a point-mass belief on each type (the least
    cooperative type first: the greedy type in the paper's game) and, for
    each, every period-2 equilibrium after each history the deviation can
    reach (``DD`` first).  The first choice that deters every type of the
    state is kept as the *representative*.  Equilibria that differ only in
    these off-path choices share on-path play and payoffs and are reported
    once.  With two types, or with any type space in which all period-2
    security types share one threshold (the four-type correlation model),
    point-mass beliefs lose nothing: a point mass on a security type makes
    every period-2 equilibrium available after the deviation, and one on the
    greedy type leaves only ``DD``.

Continua
    At a posterior exactly equal to a cooperation threshold the period-2
    game has a continuum of equilibria; the enumerator uses its end points
    (see :mod:`trustgame.core.period2`).  Pure period-1 profiles produce such
    posteriors only when a prior equals the threshold exactly.  Equilibria
    in which a type mixes in period 1 are found by
    :mod:`trustgame.core.semiseparating`.

Examples
--------
>>> from trustgame.core.model import Params
>>> eqs = pure_equilibria(Params(H=1.5, L=-0.1, k=0.9, pA=0.9, pB=0.9).game())
>>> sorted(e.name for e in eqs)  # doctest: +NORMALIZE_WHITESPACE
['pool-C/pool-C:mixed', 'pool-D/pool-D:CC', 'pool-D/pool-D:mixed', 'semi-tragic',
 'suckers', 'tragic']
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import product

from .errors import ParameterError
from .model import ACTIONS, HISTORIES, STATES, C, D, Game, stage_payoff
from .period2 import Continuation, aggregate, continuation_payoff, solve_period2
from .tolerances import resolve_tol

__all__ = ["Equilibrium", "pure_equilibria", "check_profile", "expected_payoff",
           "interim_payoffs", "type_masses", "OFFPATH"]


@dataclass(frozen=True)
class Equilibrium:
    """One perfect Bayesian equilibrium.

    Attributes
    ----------
    game : Game
        The game it belongs to.
    period1 : tuple
        ``(xA, xB)``: each type's probability of C in period 1.
    period2 : tuple of Continuation
        Period-2 play after each history in :data:`HISTORIES` order
        (``CC, CD, DC, DD``; A's action first).  Off-path entries are the
        representative continuation.
    beliefs : tuple
        For each history ``(mu_A, mu_B)``: posterior over each state's
        types, or ``None`` when the state's action is off the path (belief
        free).
    offpath_beliefs : tuple
        The same with the representative off-path belief filled in.
    payoffs : tuple
        ``(uA, uB)``: each type's interim expected payoff.
    name : str
        The paper's name when the on-path play matches one of its
        equilibria, a descriptive name otherwise (see
        :mod:`trustgame.paper.catalogue`).
    leader : str or None
        For asymmetric equilibria, the state that cooperates in period 1.
    method : str
        ``"pure"`` or ``"semi-separating"``.
    knife_edge : bool
        True when some on-path continuation is an end point of a continuum
        of period-2 equilibria.
    """

    game: Game
    period1: tuple
    period2: tuple
    beliefs: tuple
    offpath_beliefs: tuple
    payoffs: tuple
    name: str = ""
    leader: str | None = None
    method: str = "pure"
    knife_edge: bool = False
    info: dict = field(default_factory=dict, compare=False, repr=False)

    # -- queries -----------------------------------------------------------
    @property
    def key(self) -> str:
        """The name, with the leader for asymmetric equilibria
        (``"asymmetric-trust-building[B]"``): the key used by maps."""
        return self.name if self.leader is None else f"{self.name}[{self.leader}]"

    def type_names(self, state: str) -> tuple:
        return tuple(t.name for t in self.game.types[STATES.index(state)])

    def payoff(self, state: str, type_name: str):
        """Interim payoff of one type.

        Examples
        --------
        >>> from trustgame import Params, solve
        >>> sol = solve(Params(pA=0.9, pB=0.9))
        >>> round(sol.by_name("suckers").payoff("A", "greedy"), 6)
        2.35
        """
        s = STATES.index(state)
        return self.payoffs[s][self.type_names(state).index(type_name)]

    def payoff_vector(self, positive_prior_only: bool = True) -> tuple:
        """All types' payoffs, A's types first (types with zero prior
        dropped unless ``positive_prior_only`` is False)."""
        out = []
        for s in (0, 1):
            for t, u in zip(self.game.types[s], self.payoffs[s]):
                if t.prior > 0 or not positive_prior_only:
                    out.append(u)
        return tuple(out)

    def on_path(self, history: str) -> bool:
        """True when ``history`` has positive probability."""
        mA, mB = self.beliefs[HISTORIES.index(history)]
        return mA is not None and mB is not None

    def security_belief(self, history: str, state: str):
        """Posterior probability that ``state`` is a period-2 security type
        after ``history``; ``None`` when ``state``'s action there is off
        the path."""
        s = STATES.index(state)
        mu = self.beliefs[HISTORIES.index(history)][s]
        if mu is None:
            return None
        return sum(m for m, t in zip(mu, self.game.types[s]) if t.is_security)

    def strategy(self, state: str, type_name: str, history: str | None = None):
        """Probability of C of one type in period 1 (``history=None``) or in
        period 2 after ``history``."""
        s = STATES.index(state)
        i = self.type_names(state).index(type_name)
        if history is None:
            return self.period1[s][i]
        return self.period2[HISTORIES.index(history)].x[s][i]

    def to_dict(self, efficient: bool | None = None) -> dict:
        """The JSON shape used by the command line (numbers as floats)."""
        out = {"name": self.name, "leader": self.leader}
        if efficient is not None:
            out["efficient"] = bool(efficient)
        out["period1"] = {
            st: {t: float(self.period1[s][i]) for i, t in enumerate(self.type_names(st))}
            for s, st in enumerate(STATES)
        }
        out["period2"] = {
            st: {
                t: {h: float(self.period2[j].x[s][i]) for j, h in enumerate(HISTORIES)}
                for i, t in enumerate(self.type_names(st))
            }
            for s, st in enumerate(STATES)
        }
        out["beliefs"] = {
            h: {st: (None if (b := self.security_belief(h, st)) is None else float(b))
                for st in STATES}
            for h in HISTORIES
        }
        out["payoffs"] = {
            st: {t: float(self.payoffs[s][i]) for i, t in enumerate(self.type_names(st))}
            for s, st in enumerate(STATES)
        }
        return out


# ---------------------------------------------------------------------------
# Expected payoffs
# ---------------------------------------------------------------------------

def expected_payoff(game: Game, s: int, type_index: int, action: str,
                    other_mass: dict, continuation_at, other_post: dict):
    """Interim payoff of a type of state ``s`` that plays ``action`` in
    period 1 and best-responds (as prescribed) in period 2.

    Parameters
    ----------
    other_mass : dict
        Probability of each on-path action of the other state.
    continuation_at : callable
        ``continuation_at(own_action, other_action) -> Continuation``.
    other_post : dict
        The other state's posterior after each of its on-path actions.
    """
    t = game.types[s][type_index]
    beta, theta = game.beta[s], game.theta[s]
    o = 1 - s
    total = 0
    for b, w in other_mass.items():
        cont = continuation_at(action, b)
        y = aggregate(other_post[b], cont.x[o])
        v = continuation_payoff(game, s, type_index, cont.x[s][type_index], y)
        total = total + w * (stage_payoff(action, b, t.e1, beta, game.k) + theta * v)
    return total


def interim_payoffs(game: Game, period1, mass, post, period2) -> tuple:
    """Every type's interim payoff when it plays ``period1`` (probabilities
    of C, pure or mixed) and period 2 follows ``period2`` (one
    Continuation per history in :data:`HISTORIES` order)."""
    out = []
    for s in (0, 1):
        o = 1 - s

        def cont_at(own, other, s=s):
            return period2[HISTORIES.index(own + other if s == 0 else other + own)]

        us = []
        for i, r in enumerate(period1[s]):
            u = 0
            if r > 0:
                u = u + r * expected_payoff(game, s, i, C, mass[o], cont_at, post[o])
            if r < 1:
                u = u + (1 - r) * expected_payoff(game, s, i, D, mass[o], cont_at, post[o])
            us.append(u)
        out.append(tuple(us))
    return tuple(out)


def type_masses(game: Game, s: int, profile: Sequence) -> tuple[dict, dict]:
    """Probability of each action and the posterior after it (on-path)."""
    mass, post = {}, {}
    for a in ACTIONS:
        w = sum(t.prior * _prob(x, a) for t, x in zip(game.types[s], profile))
        if w > 0:
            mass[a] = w
            post[a] = tuple(t.prior * _prob(x, a) / w for t, x in zip(game.types[s], profile))
    return mass, post


def _prob(x, a):
    return x if a == C else 1 - x


def _hist(a, b):
    return a + b


#: Off-path conventions (how beliefs and play after an unexpected
#: period-1 action are chosen).
OFFPATH = ("free", "grim", "passive", "passive-efficient")


def _menu(game: Game, s: int, offpath: str = "free"):
    """Off-path beliefs tried for state ``s``.

    ``free``: point masses on the types with positive prior, least
    cooperative (highest ``e2``) first; ``grim``: the least cooperative
    type only; ``passive`` and ``passive-efficient``: the prior.
    """
    ts = game.types[s]
    n = len(ts)
    if offpath in ("passive", "passive-efficient"):
        return [tuple(t.prior for t in ts)]
    order = sorted((i for i, t in enumerate(ts) if t.prior > 0),
                   key=lambda i: (-ts[i].e2, i))
    if offpath == "grim":
        order = order[:1]
    return [tuple(1 if j == i else 0 for j in range(n)) for i in order]


def _offpath_filter(conts, offpath):
    """Continuations allowed after a deviation under a convention."""
    if offpath != "passive-efficient":
        return conts
    for kind in ("CC", "partial", "mixed", "DD"):
        best = [c for c in conts if c.kind == kind]
        if best:
            return best[:1]
    return conts


# ---------------------------------------------------------------------------
# The enumerator
# ---------------------------------------------------------------------------

def check_profile(game: Game, period1: tuple, onpath_choice: dict | None = None,
                  tol=None, offpath: str = "free"):
    """Equilibria with a given pure period-1 profile.

    Parameters
    ----------
    game : Game
    period1 : tuple
        ``(actions_of_A_types, actions_of_B_types)``, each a string or
        tuple of ``"C"``/``"D"`` in type order, e.g. ``("CD", "CD")`` for
        the separating profile of the two-type game.
    onpath_choice : dict, optional
        Restrict the period-2 equilibrium after some on-path histories, as
        ``{history: kind}`` with kind ``"DD"``, ``"CC"``, ``"mixed"`` or
        ``"partial"``.
    tol : float, optional
        Tolerance for weak inequalities.
    offpath : str
        Off-path convention, one of :data:`OFFPATH`: ``"free"`` (any
        belief and any period-2 equilibrium after a deviation; the
        definition of PBE), ``"grim"`` (a deviator is believed greedy),
        ``"passive"`` (beliefs stay at the prior) or
        ``"passive-efficient"`` (prior beliefs and the Pareto-best period-2
        equilibrium there).

    Returns
    -------
    list of Equilibrium
        Unnamed equilibria (``name == ""``); :func:`pure_equilibria` names
        them.
    """
    tol = resolve_tol(tol, game.exact)
    prof = tuple(tuple(1 if a == C else 0 for a in acts) for acts in period1)
    mass, post = zip(*(type_masses(game, s, prof[s]) for s in (0, 1)))
    onpath = [(a, b) for a in mass[0] for b in mass[1]]
    options = []
    for a, b in onpath:
        opts = solve_period2(game, post[0][a], post[1][b], tol)
        if onpath_choice and _hist(a, b) in onpath_choice:
            opts = [c for c in opts if c.kind == onpath_choice[_hist(a, b)]]
        options.append(opts)
    if offpath not in OFFPATH:
        raise ParameterError(f"offpath must be one of {', '.join(OFFPATH)} (got {offpath!r})")
    found = []
    offpath_opts = [_offpath_options(game, s, mass, post, tol, offpath) for s in (0, 1)]
    for combo in product(*options):
        chosen = dict(zip(onpath, combo))
        reps = []
        for s in (0, 1):
            rep = _deter(game, s, prof[s], mass, post, chosen, offpath_opts[s], tol)
            if rep is None:
                break
            reps.append(rep)
        else:
            found.append(_build(game, prof, mass, post, chosen, reps))
    return found


def _offpath_options(game, s, mass, post, tol, offpath="free"):
    """For each off-path action of state ``s``: list of (belief, {other
    action: [continuations]})."""
    o = 1 - s
    out = {}
    for a in ACTIONS:
        if a in mass[s]:
            continue
        choices = []
        for mu in _menu(game, s, offpath):
            per_b = {}
            for b in mass[o]:
                muA, muB = (mu, post[o][b]) if s == 0 else (post[o][b], mu)
                per_b[b] = _offpath_filter(solve_period2(game, muA, muB, tol), offpath)
            choices.append((mu, per_b))
        out[a] = choices
    return out


def _deter(game, s, prof_s, mass, post, chosen, offpath_opts, tol):
    """Check every type of state ``s``; return the representative off-path
    choice (dict action -> (belief, {b: continuation})) or None."""
    o = 1 - s
    types = game.types[s]

    def cont_on(a, b):
        return chosen[(a, b) if s == 0 else (b, a)]

    # off-path actions: iterate over menus; on-path deviations fixed
    off_actions = list(offpath_opts)
    menus = []
    for a in off_actions:
        lst = []
        for mu, per_b in offpath_opts[a]:
            bs = list(per_b)
            for conts in product(*(per_b[b] for b in bs)):
                lst.append((a, mu, dict(zip(bs, conts))))
        menus.append(lst)
    for pick in product(*menus) if menus else [()]:
        off = {a: (mu, conts) for a, mu, conts in pick}

        def cont_at(a, b):
            if a in off:
                return off[a][1][b]
            return cont_on(a, b)

        ok = True
        for i in range(len(types)):
            own = C if prof_s[i] == 1 else D
            dev = D if own == C else C
            u_own = expected_payoff(game, s, i, own, mass[o], cont_at, post[o])
            u_dev = expected_payoff(game, s, i, dev, mass[o], cont_at, post[o])
            if u_own < u_dev - tol:
                ok = False
                break
        if ok:
            return off
    return None


def _build(game, prof, mass, post, chosen, reps):
    conts, beliefs, offb = [], [], []
    knife = any(c.knife_edge for c in chosen.values())
    for h in HISTORIES:
        a, b = h[0], h[1]
        if (a, b) in chosen:
            conts.append(chosen[(a, b)])
        elif a in reps[0] and b in mass[1]:
            conts.append(reps[0][a][1][b])
        elif b in reps[1] and a in mass[0]:
            conts.append(reps[1][b][1][a])
        else:
            n0, n1 = len(game.types[0]), len(game.types[1])
            conts.append(Continuation((tuple(0 * game.k for _ in range(n0)),
                                       tuple(0 * game.k for _ in range(n1))), "DD"))
        muA = post[0].get(a)
        muB = post[1].get(b)
        beliefs.append((muA, muB))
        offb.append((muA if muA is not None else reps[0][a][0],
                     muB if muB is not None else reps[1][b][0]))
    payoffs = interim_payoffs(game, prof, mass, post, conts)
    return Equilibrium(
        game=game,
        period1=tuple(tuple(x for x in p) for p in prof),
        period2=tuple(conts),
        beliefs=tuple(beliefs),
        offpath_beliefs=tuple(offb),
        payoffs=tuple(payoffs),
        knife_edge=knife,
    )


def pure_equilibria(game: Game, tol=None, offpath: str = "free") -> list[Equilibrium]:
    """Every PBE with pure period-1 strategies, named.

    Parameters
    ----------
    game : Game
        The game (:meth:`trustgame.core.model.Params.game` for the paper's).
    tol : float, optional
        Tolerance for weak inequalities (default
        :data:`trustgame.core.tolerances.DEFAULT_TOL`; ``0`` for exact games).
    offpath : str
        Off-path convention (see :func:`check_profile`); ``"free"`` is
        the definition of PBE.

    Returns
    -------
    list of Equilibrium
        In a fixed order (profiles in lexicographic order of actions).
    """
    from .naming import name_equilibrium

    out = []
    nA, nB = len(game.types[0]), len(game.types[1])
    for pa in product(ACTIONS, repeat=nA):
        for pb in product(ACTIONS, repeat=nB):
            for eq in check_profile(game, ("".join(pa), "".join(pb)), tol=tol, offpath=offpath):
                out.append(name_equilibrium(eq))
    return out
