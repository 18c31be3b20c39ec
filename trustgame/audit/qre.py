"""Gambit's logit quantal-response tracing as an independent equilibrium
pick: where does the principal branch end, among the solver's equilibria?

pygambit is imported when :func:`qre_match` runs: the rest of the package
does not need it.

Examples
--------
>>> from trustgame.core.model import Params
>>> r = qre_match(Params(pA=0.35, pB=0.35))
>>> r["status"], r["matched"]
('match', 'tragic')
"""

from __future__ import annotations

import math

from ..core.model import Params
from ..core.tolerances import QRE_TOL, REACH_TOL, REGRET_TOL
from .crosscheck import gambit_game
from .helpers import TYPES, full_scope_solution, solve_cached

__all__ = ["qre_match"]


def qre_match(p: Params, tol=None, scope: str | None = None) -> dict:
    """Trace Gambit's logit QRE to its limit and find it among the solver's
    equilibria.

    The principal branch of the logit correspondence ends at one Nash
    equilibrium of the extensive game (McKelvey and Palfrey 1995).  It is
    compared with each equilibrium the solver reports at ``p`` on the path
    only: every type's period-1 probability of C, and its period-2
    probability after every history that the type itself reaches with
    positive probability.  Off-path play is not compared.

    Parameters
    ----------
    p : Params
    tol : float, optional
        Largest absolute difference in behaviour accepted as a match
        (default :data:`~trustgame.core.tolerances.QRE_TOL`, 1e-3).
    scope : {"all", "pure"}, optional
        ``"all"`` also searches equilibria with period-1 mixing, ``"pure"``
        never does; by default they are searched only when no pure one
        matches.

    Returns
    -------
    dict
        ``status``: ``"match"`` (within ``tol`` of a reported equilibrium),
        ``"near"`` (the trace stopped before converging, Gambit's regret
        above :data:`~trustgame.core.tolerances.REGRET_TOL`, and the closest reported equilibrium is within
        ``10 * tol``: this happens when a type is almost indifferent) or
        ``"miss"``; ``matched`` (name or None), ``closest``, ``distance``,
        ``regret`` (Gambit's regret of the traced profile), ``method``.
    """
    try:
        import pygambit as gbt
    except ImportError as exc:
        raise ImportError('the Gambit cross-checks need pygambit: pip install "trustgame[gambit]"') from exc

    tol = QRE_TOL if tol is None else tol
    g, infosets = gambit_game(p)
    res = gbt.nash.logit_solve(g)
    prof = res.equilibria[0]
    q = {key: float(prof[iset.actions["C"]]) for key, iset in infosets.items()}
    pA, pB = float(p.pA), float(p.pB)

    def reach(state, tname, h):
        """Probability that a type of ``state`` reaches ``h``."""
        s = "AB".index(state)
        o = "BA"[s]
        own = q[(state, tname, "P1")] if h[s] == "C" else 1 - q[(state, tname, "P1")]
        other = sum(pr * (q[(o, t, "P1")] if h[1 - s] == "C" else 1 - q[(o, t, "P1")])
                    for t, pr in (("security", pB if o == "B" else pA),
                                  ("greedy", 1 - (pB if o == "B" else pA))))
        return own * other

    def distance(eq):
        d = 0.0
        for state, tname in TYPES:
            d = max(d, abs(q[(state, tname, "P1")] - float(eq.strategy(state, tname))))
            for h in ("CC", "CD", "DC", "DD"):
                if reach(state, tname, h) > REACH_TOL:
                    d = max(d, abs(q[(state, tname, h)] - float(eq.strategy(state, tname, h))))
        return d

    best = (math.inf, None, "pure")
    for e in solve_cached(p).equilibria:
        best = min(best, (distance(e), e.key, "pure"), key=lambda r: r[0])
    if best[0] > tol and scope != "pure":
        for e in full_scope_solution(p).equilibria:
            if e.method == "pure":
                continue
            best = min(best, (distance(e), e.key, "semi-separating"), key=lambda r: r[0])
    regret = float(prof.max_regret())
    if best[0] <= tol:
        status = "match"
    elif regret > REGRET_TOL and best[0] <= 10 * tol:
        status = "near"  # the trace stopped short of its limit (a near-indifferent type)
    else:
        status = "miss"
    return {"status": status, "matched": best[1] if status == "match" else None,
            "distance": best[0], "closest": best[1], "regret": regret, "method": best[2],
            "behaviour": q}
