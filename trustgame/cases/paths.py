"""Paths of play: the one an equilibrium predicts for given motives, and
the one a case's timeline records, both as ``((A1, B1), (A2, B2))``.

Examples
--------
>>> predicted_path("trust-building") == observed_path("cold-war")
True
"""

from __future__ import annotations

from ..analysis.conditions import PATTERN_ACTIONS
from ..core.naming import CLASS_KEYS, CLASSES
from .loading import as_case, check_equilibrium_name

__all__ = ["predicted_path", "observed_path"]


def predicted_path(name: str, motiveA: str = "security-seeker",
                   motiveB: str = "security-seeker") -> tuple:
    """On-path play of an equilibrium for given true motives.

    Period-1 actions follow each state's pattern; in period 2 a greedy type
    defects, and security-seekers follow the regime of the equilibrium when
    both posteriors are positive (both played their security-seeker's
    period-1 action) and defect otherwise.

    Returns
    -------
    tuple
        ``((A1, B1), (A2, B2))`` with actions ``"C"``, ``"D"`` or ``"C/D"``
        (mixing).

    Examples
    --------
    >>> predicted_path("asymmetric-trust-building[B]")
    (('D', 'C'), ('C', 'C'))
    >>> predicted_path("asymmetric-semi-tragic[B]")
    (('D', 'C'), ('D', 'D'))
    >>> predicted_path("trust-building", "security-seeker", "greedy")
    (('C', 'D'), ('D', 'D'))
    """
    a, b, regime = CLASSES[CLASS_KEYS.index(check_equilibrium_name(name))]
    motives = (motiveA, motiveB)
    for m in motives:
        if m not in ("security-seeker", "greedy"):
            raise ValueError(f"motive must be 'security-seeker' or 'greedy' (got {m!r})")
    p1 = tuple(PATTERN_ACTIONS[pat][0 if m == "security-seeker" else 1]
               for pat, m in zip((a, b), motives))
    informative = (PATTERN_ACTIONS[a][0], PATTERN_ACTIONS[b][0])
    act = {"CC": "C", "mixed": "C/D", "DD": "D"}[regime]
    p2 = tuple(act if (p1 == informative and m == "security-seeker") else "D" for m in motives)
    return p1, p2


def observed_path(case) -> tuple:
    """The path of play the timeline records, in the model's terms.

    Period 1: a state played C if the timeline has a period-1 signal by it
    (or by both), D if it has only period-1 defections, None if neither.
    Period 2: C if the timeline has a period-2 cooperation event by it (or
    by both), None otherwise.

    Examples
    --------
    >>> observed_path("korea")
    (('D', 'C'), ('C', 'C'))
    """
    case = as_case(case)

    def sides(role):
        out = set()
        for e in case.events:
            if e.role == role:
                out |= {"A", "B"} if e.side == "both" else {e.side}
        return out

    signal, defect, coop = (sides("period-1 signal"), sides("period-1 defection"),
                            sides("period-2 cooperation"))
    p1 = tuple("C" if s in signal else ("D" if s in defect else None) for s in ("A", "B"))
    p2 = tuple("C" if s in coop else None for s in ("A", "B"))
    return p1, p2
