"""Front door: every PBE at one parameter point, with the refinement.

Examples
--------
>>> from trustgame import Params, solve
>>> sol = solve(Params(H=1.5, L=-0.1, k=0.9, pA=0.2, pB=0.2))
>>> sol.efficient_names()
['tragic']
>>> sol = solve(Params(pA=0.35, pB=0.35, betaA=0.6, betaB=0.7))
>>> sol.efficient_names()
['trust-building']
"""

from __future__ import annotations

from dataclasses import dataclass

from .equilibria import Equilibrium, pure_equilibria
from .errors import ParameterError
from .model import Game, Params
from .refinement import efficient_mask, refine_with_families
from .tolerances import resolve_tol

__all__ = ["SCOPES", "Solution", "solve"]

#: What a search covers: every PBE, or those with pure period-1 play only.
SCOPES = ("all", "pure")


@dataclass(frozen=True)
class Solution:
    """All equilibria found at one parameter point.

    Attributes
    ----------
    game : Game
    equilibria : tuple of Equilibrium
        Pure period-1 equilibria first, then semi-separating ones.
    efficient : tuple of bool
        PBE-ER flags under ``dominance``.
    dominance : str
        ``"weak"``, ``"strict"`` or ``"none"``.
    scope : str
        ``"all"`` if equilibria with period-1 mixing were searched,
        ``"pure"`` if only pure period-1 play was.
    tol : float
        Tolerance used.
    families : tuple of Family
        Continua of equilibria with period-1 mixing, each reported whole
        (see :mod:`trustgame.core.families`).
    family_parts : tuple
        For each family, the parts that survive the refinement (empty when
        none survives): ``(i, j, t0, t1)``, the points between vertices
        ``i`` and ``j`` from a share ``t0`` to ``t1`` of the way (see
        :func:`trustgame.core.refinement.refine_with_families` and
        :meth:`~trustgame.core.families.Family.edge_point`).
    """

    game: Game
    equilibria: tuple
    efficient: tuple
    dominance: str
    scope: str
    tol: object
    families: tuple = ()
    family_parts: tuple = ()

    @property
    def params(self) -> Params | None:
        return self.game.params

    def names(self, efficient_only: bool = False) -> list[str]:
        """Names (``name[leader]`` for asymmetric ones), in order: the
        isolated equilibria, then the families."""
        return [
            e.key for e, f in zip(self.equilibria, self.efficient)
            if f or not efficient_only
        ] + [fam.key for fam, parts in zip(self.families, self.family_parts)
             if parts or not efficient_only]

    def efficient_names(self) -> list[str]:
        """Names of the PBE-ER, sorted."""
        return sorted(set(self.names(efficient_only=True)))

    def by_name(self, name: str, leader: str | None = None) -> Equilibrium:
        """The first equilibrium with this name (and leader)."""
        for e in self.equilibria:
            if e.name == name and (leader is None or e.leader == leader):
                return e
        raise KeyError(f"no equilibrium named {name!r} at these parameters")

    def has(self, name: str, efficient_only: bool = False) -> bool:
        """True when an equilibrium with this name (or ``name[leader]`` key)
        exists (and, optionally, survives the refinement)."""
        return name in self.names(efficient_only) or any(
            e.name == name and (f or not efficient_only)
            for e, f in zip(self.equilibria, self.efficient)
        )

    def to_dict(self) -> dict:
        """The command line's JSON shape."""
        out = {}
        if self.game.params is not None:
            out["params"] = self.game.params.as_dict()
            out["threshold"] = float(self.game.params.threshold)
        out["dominance"] = self.dominance
        out["equilibria"] = [e.to_dict(f) for e, f in zip(self.equilibria, self.efficient)]
        out["families"] = [fam.to_dict(parts) for fam, parts in zip(self.families, self.family_parts)]
        return out


def solve(params: Params | Game, dominance: str = "weak", scope: str = "all",
          tol=None, offpath: str = "free", restrict_to=None) -> Solution:
    """Every PBE at one parameter point and the PBE-ER among them.

    Parameters
    ----------
    params : Params or Game
        The paper's parameters, or a game with another type space.
    dominance : {"weak", "strict", "none"}
        Pareto-dominance notion of the efficiency refinement (see
        :mod:`trustgame.core.refinement`).
    scope : {"all", "pure"}
        ``"all"`` also searches equilibria in which a type mixes in period 1
        (two-type games only; see :mod:`trustgame.core.semiseparating`);
        ``"pure"`` keeps to pure period-1 play.  In an exact game (Fractions)
        both searches and the refinement, families included, run in exact
        arithmetic.
    tol : float, optional
        Tolerance for weak inequalities (default
        :data:`trustgame.core.tolerances.DEFAULT_TOL`, ``0`` in exact mode).
    offpath : str
        Off-path convention (see :func:`trustgame.core.equilibria.check_profile`);
        ``"free"`` is the definition of PBE.  The semi-separating search
        always uses ``"free"`` and is skipped for other conventions.
    restrict_to : iterable of str, optional
        Keep only equilibria with these names (``name[leader]`` keys)
        before refining.

    Returns
    -------
    Solution
    """
    if not isinstance(params, (Params, Game)):
        raise TypeError(f"solve: params must be a Params or a Game (got {type(params).__name__})")
    game = params.game() if isinstance(params, Params) else params
    tol = resolve_tol(tol, game.exact)
    eqs = pure_equilibria(game, tol=tol, offpath=offpath)
    fams = []
    searched = False
    if scope not in SCOPES:
        raise ParameterError(f"scope must be one of {', '.join(SCOPES)} (got {scope!r})")
    if scope == "all" and offpath == "free" and all(len(ts) == 2 for ts in game.types):
        from .semiseparating import semi_separating

        semi, fams = semi_separating(game, tol=tol, known=eqs)
        eqs = eqs + semi
        searched = True
    if restrict_to is not None:
        keep = set(restrict_to)
        eqs = [e for e in eqs if e.key in keep]
        fams = [f for f in fams if f.key in keep]
    if fams:
        mask, parts = refine_with_families(eqs, fams, dominance, tol)
    else:
        mask, parts = efficient_mask(eqs, dominance, tol), []
    return Solution(game, tuple(eqs), tuple(mask), dominance, "all" if searched else "pure", tol,
                    tuple(fams), tuple(tuple(p) for p in parts))
