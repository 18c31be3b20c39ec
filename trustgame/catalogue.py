"""The paper's named equilibria and the naming of computed ones.

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

from dataclasses import dataclass, replace

import numpy as np

from .model import HISTORIES

__all__ = ["Entry", "CATALOGUE", "entry", "pattern", "informative_history",
           "name_equilibrium", "PATTERNS", "PAPER_NAMES", "strategy_rows", "find_example"]

#: Period-1 pattern names for the two-type game, keyed by (x_security,
#: x_greedy) probabilities of C.
PATTERNS = {(1, 0): "separating", (1, 1): "pool-C", (0, 0): "pool-D", (0, 1): "reverse"}


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
    pats = ("separating", "pool-D") if leader == "A" else ("pool-D", "separating")
    return Entry(name, leader, pats, regime, "Figure 3 (b)", shading, table, summary)


def _mirror(row):
    """A paper row for the leader = A case: swap the roles of the two
    actions inside each history label (CD <-> DC)."""
    p1, cc, cd, dc, dd = row
    return (p1, cc, dc, cd, dd)


CATALOGUE: tuple[Entry, ...] = (
    Entry("trust-building", None, ("separating", "separating"), "CC",
          "Figure 1 (b)", "dark red, solid outline",
          _sym(_TB_SEC, _ALL_D),
          "Security-seekers cooperate in period 1 and greedy types defect; "
          "after mutual cooperation both know they face a security-seeker "
          "and cooperate again."),
    Entry("suckers", None, ("pool-C", "pool-C"), "CC",
          "Figure 1 (b)", "gray, dashed outline",
          _sym(_TB_SEC, ("C", "D", "D", "D", "D")),
          "Every type cooperates in period 1; nothing is learned, security-"
          "seekers cooperate again and greedy types cheat them in period 2."),
    Entry("tragic", None, ("pool-D", "pool-D"), "DD",
          "Figure 1 (b)", "white",
          _sym(_ALL_D, _ALL_D),
          "Every type defects in both periods."),
    Entry("mixed-trust-building", None, ("separating", "separating"), "mixed",
          "Figure 2 (b)", "light red",
          _sym(("C", "C/D", "D", "D", "D"), _ALL_D),
          "Types separate in period 1 as in trust-building, but after mutual "
          "cooperation security-seekers cooperate only with a probability."),
    Entry("semi-tragic", None, ("separating", "separating"), "DD",
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

#: The names the paper uses (without leaders).
PAPER_NAMES = tuple(dict.fromkeys(e.name for e in CATALOGUE))


def entry(name: str, leader: str | None = None) -> Entry:
    """Look up a catalogue entry by name (and leader for asymmetric ones)."""
    for e in CATALOGUE:
        if e.name == name and e.leader == leader:
            return e
    raise KeyError(f"no catalogue entry {name!r} with leader {leader!r}")


def pattern(period1_state) -> str | None:
    """Pattern name of one state's pure period-1 play in a two-type game
    (None for other type spaces or mixed play)."""
    key = tuple(period1_state)
    return PATTERNS.get(key) if len(key) == 2 else None


def informative_history(eq) -> str | None:
    """The on-path history after which both posteriors put positive weight
    on a period-2 security type (None if there is none)."""
    for h in HISTORIES:
        if not eq.on_path(h):
            continue
        if eq.security_belief(h, "A") > 0 and eq.security_belief(h, "B") > 0:
            return h
    return None


def _regime(eq) -> tuple[str | None, str]:
    h = informative_history(eq)
    if h is None:
        return None, "DD"
    return h, eq.period2[HISTORIES.index(h)].kind


def name_equilibrium(eq):
    """Return ``eq`` with its name and leader set.

    Two-type games with pure period-1 play get the paper's name when the
    on-path play matches a catalogue entry, and otherwise a descriptive
    name ``"<A pattern>/<B pattern>:<regime>"``.  Equilibria with period-1
    mixing are named ``"semi-separating A[..]/B[..] <history>:<play> ..."``
    where the brackets give each type's period-1 action (``C``, ``D`` or
    ``m`` for mixing, security type first) and the list gives period-2
    play after every on-path history at which someone may cooperate.
    Other type spaces get a name built from each type's period-1 action.
    """
    pats = tuple(pattern(p) for p in eq.period1)
    h, regime = _regime(eq)
    if None not in pats:
        for e in CATALOGUE:
            if e.patterns == pats and e.regime == regime:
                return replace(eq, name=e.name, leader=e.leader)
        return replace(eq, name=f"{pats[0]}/{pats[1]}:{regime}", leader=None)
    acts = ["".join(_act(x) for x in p) for p in eq.period1]
    if eq.method == "semi-separating":
        play = " ".join(f"{hh}:{eq.period2[HISTORIES.index(hh)].kind}" for hh in HISTORIES
                        if eq.on_path(hh) and eq.period2[HISTORIES.index(hh)].kind != "DD")
        return replace(eq, name=f"semi-separating A[{acts[0]}]/B[{acts[1]}] {play or 'DD'}",
                       leader=None)
    suffix = f":{regime}" + (f"@{h}" if h else "")
    return replace(eq, name=f"A[{acts[0]}]/B[{acts[1]}]{suffix}", leader=None)


def _act(x):
    if x == 1:
        return "C"
    if x == 0:
        return "D"
    return "m"


def _cell(x, tol=1e-9):
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
    >>> e = solve(Params(pA=0.4, pB=0.4), semi_separating=False).by_name("trust-building")
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
    from .maps import region_map
    from .paper import FIGURES
    from .solution import solve

    specs = []
    for theta in (1.0, 0.7):
        for k in (1, 2, 3):
            f = FIGURES[k]
            base = f["base"].replace(thetaA=theta, thetaB=theta)
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
                sol = solve(p, semi_separating=False)
                return p, sol.by_name(e.name, e.leader)
    return None
