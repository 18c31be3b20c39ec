"""The paper's named equilibria: descriptions, visual codes and the strategy
tables of its figures.

Each entry of :data:`CATALOGUE` describes one equilibrium the paper names,
by its *on-path* play in the two-type game:

* the period-1 pattern of each state (security-seeker's action, greedy
  type's action): ``separating`` = (C, D), ``pool-C`` = (C, C),
  ``pool-D`` = (D, D), ``reverse`` = (D, C);
* the period-2 regime after the one period-1 history at which both states'
  posteriors put positive weight on a security-seeker (``CC``, ``mixed``
  or ``DD``; after every other on-path history a security-seeker faces a
  revealed greedy type and defects).

It also records the strategy table the paper prints in the panels (b) of
Figures 1-3, including its off-path entries, so that the book can set the
paper's table beside the solver's representative equilibrium.

Examples
--------
>>> [e.name for e in CATALOGUE][:3]
['trust-building', 'suckers', 'tragic']
>>> entry("asymmetric-trust-building", leader="B").patterns
('pool-D', 'separating')
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..analysis.maps import region_map
from ..core.model import HISTORIES
from ..core.naming import named_class
from ..core.solution import solve
from ..core.tolerances import DISPLAY_TOL
from .figures import FIGURES, figure_base

__all__ = ["Entry", "CATALOGUE", "entry", "strategy_rows", "find_example"]


@dataclass(frozen=True)
class Entry:
    """A named equilibrium of the paper.

    Attributes
    ----------
    name : str
        The paper's name (slug).
    leader : str or None
        The state that cooperates first in an asymmetric equilibrium.
    patterns : tuple
        Period-1 patterns of A and B.
    regime : str
        Period-2 play after the informative history.
    figure : str
        Where the paper describes it.
    shading : str
        The paper's visual code.
    paper_table : dict
        ``{(state, type): (period1, CC, CD, DC, DD)}`` as printed in the
        paper (``"C/D"`` for mixing).
    summary : str
        One sentence in our words.
    """

    name: str
    leader: str | None
    patterns: tuple
    regime: str
    figure: str
    shading: str
    paper_table: dict
    summary: str

    @property
    def key(self) -> str:
        """Unique key: the name, with the leader for asymmetric ones."""
        return self.name if self.leader is None else f"{self.name}[{self.leader}]"


def _entry(name, leader, figure, shading, table, summary, regime=None):
    c = named_class(name, leader)
    if regime not in (None, c.regime):
        raise ValueError(f"{c.key}: regime {regime!r} is not the class's {c.regime!r}")
    return Entry(c.name, c.leader, c.patterns, c.regime, figure, shading, table, summary)


def _sym(sec, greedy):
    return {(s, t): row for s in "AB" for t, row in (("security", sec), ("greedy", greedy))}


_TB_SEC = ("C", "C", "D", "D", "D")
_ALL_D = ("D", "D", "D", "D", "D")


def _asym(name, leader, follower_sec, leader_sec, regime, shading, summary):
    f = "B" if leader == "A" else "A"
    table = {
        (f, "security"): follower_sec,
        (f, "greedy"): _ALL_D,
        (leader, "security"): leader_sec,
        (leader, "greedy"): _ALL_D,
    }
    return _entry(name, leader, "Figure 3 (b)", shading, table, summary, regime)


def _mirror(row):
    """A paper row for the leader = A case: swap the roles of the two
    actions inside each history label (CD <-> DC)."""
    p1, cc, cd, dc, dd = row
    return (p1, cc, dc, cd, dd)


CATALOGUE: tuple[Entry, ...] = (
    _entry("trust-building", None,
          "Figure 1 (b)", "dark red, solid outline",
          _sym(_TB_SEC, _ALL_D),
          "Security-seekers cooperate in period 1 and greedy types defect; "
          "after mutual cooperation both know they face a security-seeker "
          "and cooperate again."),
    _entry("suckers", None,
          "Figure 1 (b)", "gray, dashed outline",
          _sym(_TB_SEC, ("C", "D", "D", "D", "D")),
          "Every type cooperates in period 1; nothing is learned, security-"
          "seekers cooperate again and greedy types cheat them in period 2."),
    _entry("tragic", None,
          "Figure 1 (b)", "white",
          _sym(_ALL_D, _ALL_D),
          "Every type defects in both periods."),
    _entry("mixed-trust-building", None,
          "Figure 2 (b)", "light red",
          _sym(("C", "C/D", "D", "D", "D"), _ALL_D),
          "Types separate in period 1 as in trust-building, but after mutual "
          "cooperation security-seekers cooperate only with a probability."),
    _entry("semi-tragic", None,
          "Figure 2 (b)", "random dots",
          _sym(("C", "D", "D", "D", "D"), _ALL_D),
          "Types separate in period 1, yet everyone defects in period 2."),
    _asym("asymmetric-trust-building", "B",
          ("D", "C", "D", "C", "D"), ("C", "C", "D", "C", "D"), "CC",
          "diagonal stripes",
          "The follower defects in period 1 whatever its type; the leader's "
          "security type cooperates, accepting exploitation, and both "
          "security-seekers cooperate in period 2 after the leader's C."),
    _asym("asymmetric-trust-building", "A",
          _mirror(("D", "C", "D", "C", "D")), _mirror(("C", "C", "D", "C", "D")), "CC",
          "diagonal stripes",
          "Mirror image with A leading."),
    _asym("asymmetric-semi-tragic", "B",
          _ALL_D, ("C", "D", "D", "D", "D"), "DD", "thatched",
          "The leader's security type cooperates in period 1 and is "
          "exploited; everyone defects in period 2."),
    _asym("asymmetric-semi-tragic", "A",
          _ALL_D, _mirror(("C", "D", "D", "D", "D")), "DD", "thatched",
          "Mirror image with A leading."),
)


def entry(name: str, leader: str | None = None) -> Entry:
    """Look up a catalogue entry by name (and leader for asymmetric ones)."""
    for e in CATALOGUE:
        if e.name == name and e.leader == leader:
            return e
    raise KeyError(f"no catalogue entry {name!r} with leader {leader!r}")


def _cell(x, tol=DISPLAY_TOL):
    if x >= 1 - tol:
        return "C"
    if x <= tol:
        return "D"
    return "C/D"


def strategy_rows(eq, mark_offpath: bool = True) -> dict:
    """An equilibrium as the paper's strategy tables print it.

    Returns ``{(state, type): (period1, CC, CD, DC, DD)}`` with ``"C"``,
    ``"D"`` or ``"C/D"`` (mixing).  Period-2 entries after histories that
    are off the path are put in parentheses when ``mark_offpath``.

    Examples
    --------
    >>> from trustgame import Params, solve
    >>> e = solve(Params(pA=0.4, pB=0.4), scope="pure").by_name("trust-building")
    >>> strategy_rows(e)[("A", "security")]
    ('C', 'C', 'D', 'D', 'D')
    """
    rows = {}
    for s, st in enumerate(("A", "B")):
        for i, t in enumerate(eq.game.types[s]):
            cells = [_cell(eq.period1[s][i])]
            for j, h in enumerate(HISTORIES):
                c = _cell(eq.period2[j].x[s][i])
                cells.append(c if eq.on_path(h) or not mark_offpath else f"({c})")
            rows[(st, t.name)] = tuple(cells)
    return rows


def find_example(e: Entry, n: int = 24, efficient_first: bool = True):
    """A parameter point of the paper's figures (at salience 1, then 0.7)
    where the catalogue entry is a PBE, preferring one where it is a
    PBE-ER; returns ``(params, equilibrium)`` or ``None``.

    The search is deterministic: figure parameters in order 1, 2, 3, with
    the roles of A and B swapped for equilibria led by A, cells in row-major
    order.
    """
    specs = []
    for theta in (1.0, 0.7):
        for k in (1, 2, 3):
            f = FIGURES[k]
            base = figure_base(k, theta)
            x, y = f["x"], f["y"]
            if e.leader == "A":
                swap = {"pA": "pB", "pB": "pA", "betaA": "betaB", "betaB": "betaA"}
                base = base.replace(pA=base.pB, pB=base.pA, betaA=base.betaB, betaB=base.betaA)
                x, y = swap[x], swap[y]
            specs.append((base, x, y))
    for want_efficient in ((True, False) if efficient_first else (False,)):
        for base, x, y in specs:
            m = region_map(base, x, y, n=n)
            mask = m.mask(e.key, efficient=want_efficient)
            if mask.any():
                i, j = map(int, np.argwhere(mask)[len(np.argwhere(mask)) // 2])
                p = m.params_at(i, j)
                sol = solve(p, scope="pure")
                return p, sol.by_name(e.name, e.leader)
    return None
