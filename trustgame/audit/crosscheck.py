"""Cross-checks with Gambit (pygambit 16.7).

:func:`gambit_game` writes the two-type game as a Gambit extensive form: a
chance move draws the pair of types (with exact rational probabilities),
A then B choose their period-1 actions (B does not see A's, so the moves
are simultaneous), and after each period-1 history A and B choose their
period-2 actions, again without seeing each other's.  Each information set
is labelled ``"<state>/<type>/<when>"`` with ``when`` = ``P1`` or the
history.  Terminal payoffs are ``u1 + theta * u2`` from
:func:`trustgame.core.model.stage_payoff`.

:func:`behaviour_profile` turns an :class:`~trustgame.core.equilibria.Equilibrium`
into a Gambit behaviour profile, so that Gambit's own regret computation
can judge it (:func:`max_regret`), and :func:`gambit_posteriors` reads the
beliefs Gambit derives from the profile by Bayes' rule.

pygambit is imported lazily: the rest of the package does not need it.

Examples
--------
>>> from trustgame import Params, solve
>>> sol = solve(Params(pA=0.35, pB=0.35), scope="pure")
>>> max_regret(sol.by_name("trust-building")) < 1e-9
True
"""

from __future__ import annotations

from fractions import Fraction

from ..core.model import ACTIONS, HISTORIES, STATES, Params, stage_payoff

__all__ = ["gambit_game", "behaviour_profile", "max_regret", "gambit_posteriors"]

_TYPES = (("security", "security"), ("security", "greedy"),
          ("greedy", "security"), ("greedy", "greedy"))


def _frac(v) -> Fraction:
    return v if isinstance(v, Fraction) else Fraction(str(v))


def gambit_game(params: Params):
    """The game as a ``pygambit.Game`` and its information sets.

    Returns
    -------
    (game, infosets)
        ``infosets`` maps ``(state, type, when)`` to the Gambit infoset.
    """
    try:
        import pygambit as gbt
    except ImportError as exc:
        raise ImportError('the Gambit cross-checks need pygambit: pip install "trustgame[gambit]"') from exc

    p = params
    g = gbt.Game.new_tree(players=list(STATES), title="two-period trust game")
    pA, pB = _frac(p.pA), _frac(p.pB)
    prior = {"security": (pA, pB), "greedy": (1 - pA, 1 - pB)}
    labels = [f"{a}-{b}" for a, b in _TYPES]
    g.append_move(g.root, g.players.chance, labels)
    g.set_chance_probs(g.root.infoset, [prior[a][0] * prior[b][1] for a, b in _TYPES])
    players = {s: g.players[s] for s in STATES}
    e = {"security": p.L, "greedy": p.H}
    infosets = {}
    count = 0

    def move(state, tname, when, node):
        key = (state, tname, when)
        if key in infosets:
            g.append_infoset(node, infosets[key])
        else:
            g.append_move(node, players[state], list(ACTIONS))
            infosets[key] = node.infoset
            node.infoset.label = "/".join(key)

    for (ta, tb), lab in zip(_TYPES, labels):
        n1 = g.root.children[lab]
        move("A", ta, "P1", n1)
        for a in ACTIONS:
            n2 = n1.children[a]
            move("B", tb, "P1", n2)
            for b in ACTIONS:
                n3 = n2.children[b]
                h = a + b
                move("A", ta, h, n3)
                for a2 in ACTIONS:
                    n4 = n3.children[a2]
                    move("B", tb, h, n4)
                    for b2 in ACTIONS:
                        uA = (stage_payoff(a, b, e[ta], p.betaA, p.k)
                              + p.thetaA * stage_payoff(a2, b2, e[ta], 0, p.k))
                        uB = (stage_payoff(b, a, e[tb], p.betaB, p.k)
                              + p.thetaB * stage_payoff(b2, a2, e[tb], 0, p.k))
                        count += 1
                        out = g.add_outcome(f"z{count}", [float(uA), float(uB)])
                        g.set_outcome(n4.children[b2], out)
    return g, infosets


def behaviour_profile(eq, game_and_infosets=None):
    """The equilibrium as a Gambit ``MixedBehaviorProfile``.

    ``eq`` may be any object with a method ``strategy(state, type_name,
    history)`` giving probabilities of C (``history=None`` for period 1),
    such as an :class:`~trustgame.core.equilibria.Equilibrium`; pass
    ``game_and_infosets`` when it does not carry its parameters.
    """
    if game_and_infosets is None:
        if getattr(getattr(eq, "game", None), "params", None) is None:
            raise ValueError("Gambit cross-checks need a game built from Params")
        game_and_infosets = gambit_game(eq.game.params)
    g, infosets = game_and_infosets
    prof = g.mixed_behavior_profile()
    for (state, tname, when), iset in infosets.items():
        x = float(eq.strategy(state, tname, None if when == "P1" else when))
        prof[iset.actions["C"]] = x
        prof[iset.actions["D"]] = 1.0 - x
    return prof


def max_regret(eq, game_and_infosets=None) -> float:
    """Gambit's maximum regret of the equilibrium's behaviour profile (0 for
    a Nash equilibrium of the extensive game)."""
    return float(behaviour_profile(eq, game_and_infosets).max_regret())


def gambit_posteriors(eq, game_and_infosets=None) -> dict:
    """Posteriors that each state is a security-seeker, as Gambit computes
    them from the profile at the period-2 information sets, for on-path
    histories: ``{history: (q_A, q_B)}``."""
    g, infosets = game_and_infosets or gambit_game(eq.game.params)
    prof = behaviour_profile(eq, (g, infosets))
    out = {}
    for h in HISTORIES:
        if not eq.on_path(h):
            continue
        q = []
        for s, other in ((1, "A"), (0, "B")):
            # beliefs of the *other* state's infoset hold the posterior
            # about this state; read them at the observer's infosets
            observer = STATES[s]
            num = den = 0.0
            for tname in ("security", "greedy"):
                iset = infosets[(observer, tname, h)]
                if float(prof.infoset_prob(iset)) <= 0:
                    continue
                for node in iset.members:
                    b = float(prof.belief(node))
                    types = _node_types(node)
                    w = float(prof.infoset_prob(iset))
                    den += w * b
                    if types[STATES.index(other)] == "security":
                        num += w * b
                break
            q.append(num / den if den > 0 else None)
        out[h] = (q[0], q[1])
    return out


def _node_types(node):
    """(A's type, B's type) drawn at the chance move above ``node``."""
    while node.parent is not None and node.parent.parent is not None:
        node = node.parent
    lab = node.prior_action.label
    a, b = lab.split("-")
    return a, b
