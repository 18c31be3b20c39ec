"""Checked answers for the book's exercises.

``check(exercise_id, answer)`` tells a student whether an answer is right,
gives a hint when it is not, and never shows the expected answer.  The
expected answer is not stored: each exercise holds a function that computes
it with the solver when :func:`check` is called, so the check follows the
package.

Four kinds of answer:

``"number"``
    a float, right within :data:`NUMBER_TOL` (absolute), so three decimals
    suffice;
``"interval"``
    a pair ``(lo, hi)``, each end right within :data:`NUMBER_TOL`;
``"names"``
    a set (or list, or one string) of equilibrium names, exactly the
    expected set, order free;
``"region"``
    a function ``f(x, y) -> bool`` of the two axes of a map (it receives
    arrays and should return a boolean array; ``np.vectorize`` a scalar
    function), right when it agrees with the solver's region on every cell
    of a :data:`REGION_CELLS` x :data:`REGION_CELLS` grid except those
    within :data:`REGION_EDGE` cells of the region's edge.

Examples
--------
>>> from trustgame import exercises
>>> exercises.check("ex-ind-k", 0.31)
Right (within 0.005).
>>> exercises.check("ex-ind-k", 0.5).correct
False
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

__all__ = ["KINDS", "NUMBER_TOL", "REGION_EDGE", "REGION_CELLS", "Exercise", "Feedback",
           "EXERCISES", "check", "expected"]

#: The kinds of answer :func:`check` compares.
KINDS = ("number", "interval", "names", "region")
#: Absolute tolerance for a number or an end of an interval.
NUMBER_TOL = 0.005
#: Cells next to a region's edge (within this many) on which an answer may disagree.
REGION_EDGE = 2
#: Cells per axis of the grid a region answer is compared on.
REGION_CELLS = 100


@dataclass(frozen=True)
class Exercise:
    """One checked exercise.

    Attributes
    ----------
    id : str
        The exercise's label in the book (``ex-...``).
    kind : {"number", "interval", "names", "region"}
    what : str
        What the answer is, in words (shown with every verdict).
    solve : callable
        No arguments; returns the expected answer, computed by the solver.
    hint : str
        Shown when the answer is wrong; never contains the answer.
    axes : tuple of str, optional
        For ``"region"``: the two parameters ``f`` receives; ``solve`` then
        returns ``(params, name)``: the region where ``name`` exists.
    """

    id: str
    kind: str
    what: str
    solve: Callable[[], object]
    hint: str
    axes: tuple[str, str] | None = None


@dataclass(frozen=True)
class Feedback:
    """The verdict of :func:`check`; it prints as its message.

    Attributes
    ----------
    exercise : str
    correct : bool
    message : str
    """

    exercise: str
    correct: bool
    message: str

    def __bool__(self) -> bool:
        return self.correct

    def __repr__(self) -> str:
        return self.message


def _fig(n, **changes):
    from .paper import figure_base

    return figure_base(n).replace(**changes)


def _params(**changes):
    from .paper import FIGURE_PARAMS

    return FIGURE_PARAMS.replace(**changes)


def _pbe_er(params) -> set:
    from .core.solution import solve

    return set(solve(params, scope="pure").efficient_names())


def _mixed_security_payoff():
    from .core.model import period2_payoff
    from .core.period2 import solve_period2

    p = _params()
    mixed = next(c for c in solve_period2(p.game(), (0.8, 0.2), (0.8, 0.2)) if c.kind == "mixed")
    return period2_payoff(mixed.x[0][0], 0.8 * mixed.x[1][0], p.L, p.k)


def _suckers_start(H: float) -> float:
    """Lowest common trust with a suckers equilibrium (bisection on the diagonal)."""
    from .core.solution import solve

    lo, hi = 0.0, 1.0
    for _ in range(30):
        mid = (lo + hi) / 2
        lo, hi = (lo, mid) if solve(_fig(1, H=H, pA=mid, pB=mid), scope="pure").has("suckers") \
            else (mid, hi)
    return hi


def _box_names(case: str, overrides: dict, leading: bool = False, **kw) -> set:
    from . import cases as tc

    shares = tc.evaluate_box(tc.load_cases()[case], overrides=overrides, **kw).shares()
    return {max(shares, key=shares.get)} if leading else {n for n, s in shares.items() if s > 0}


def _korea_theta() -> float:
    from . import cases as tc
    from .analysis.conditions import SYMBOLS
    from .analysis.salience import asymmetric_mimic_bound

    box = tc.case_box(tc.load_cases()["korea"])
    S = SYMBOLS
    return float(asymmetric_mimic_bound("B").subs({S["H"]: 1.5, S["k"]: 0.9, S["pA"]: box["pA"][1],
                                                   S["betaB"]: box["betaB"][1]}))


def _overlap_names() -> set:
    from .paper import figure_map

    m = figure_map(1, L=0.05)
    return {n for i, j in np.argwhere(m.count() > 1) for n in m.cell_names(i, j)}


def _security_belief(history: str, params, name: str, about: int = 0) -> float:
    """The posterior that state ``about`` (0 = A) is a security-seeker after ``history``."""
    from .core.model import HISTORIES
    from .core.solution import solve

    eq = solve(params, scope="pure").by_name(name)
    return float(eq.beliefs[HISTORIES.index(history)][about][0])


def _exercises() -> dict:
    from .analysis import rho_interval, theta_window, trust_building_bounds, window_closing_trust
    from .core.model import coop_threshold, independence_threshold

    ind = _params(betaA=0.6, betaB=0.7)
    rows = [
        Exercise("ex-preface-find", "number", "the independence threshold at k = 2 (L = -0.1)",
                 lambda: independence_threshold(-0.1, 2.0),
                 "The threshold is k/(1+k-L); put in k = 2 and L = -0.1."),
        Exercise("ex-tp-threshold-k", "number", "the threshold t at k = 2",
                 lambda: coop_threshold(-0.1, 2.0),
                 "t = k/(1 + k - L): it rises with k."),
        Exercise("ex-tp-mixed-payoff", "number",
                 "a security-seeker's payoff in the mixed equilibrium at p = 0.8",
                 _mixed_security_payoff,
                 "She is indifferent, so she earns what defecting earns against a partner who "
                 "cooperates with probability t."),
        Exercise("ex-bl-k", "region", "where trust-building exists at k = 0.5 (pA, pB)",
                 lambda: (_fig(1, k=0.5), "trust-building"),
                 "Both bounds of the square are k/(2+k-L) and k/(1+k); recompute them at k = 0.5.",
                 axes=("pA", "pB")),
        Exercise("ex-bl-H", "number", "the lowest common trust of the suckers corner at H = 3",
                 lambda: _suckers_start(3.0),
                 "The corner needs both trust levels above max{t, (H-1)/H}."),
        Exercise("ex-ind-k", "number", "the independence threshold at k = 0.5",
                 lambda: independence_threshold(-0.1, 0.5),
                 "The threshold is k/(1+k-L), with L = -0.1."),
        Exercise("ex-ind-H", "number", "the upper bound of trust-building at H = 2.5, betaA = 0.6",
                 lambda: trust_building_bounds("A").upper.value(_params(H=2.5), betaA=0.6),
                 "Evaluate the upper bound of trust_building_bounds('A') at the new H and betaA."),
        Exercise("ex-asym-predict", "names", "the PBE-ER at (betaB, pA) = (0.5, 0.46)",
                 lambda: _pbe_er(_fig(3, betaB=0.5, pA=0.46, betaA=0.01, pB=0.01)),
                 "Check B's security-seeker's choice: is pA below or above k/(1+k)?"),
        Exercise("ex-sal-between", "interval", "the salience window at beta = 0.3, p = 0.05",
                 lambda: theta_window(_params(betaA=0.3, betaB=0.3, pA=0.05, pB=0.05)),
                 "The lower end comes from the security-seeker's bound, the upper from the greedy "
                 "type's; both are linear in theta."),
        Exercise("ex-sal-cost", "number", "the closing trust p* at k = 1.5",
                 lambda: window_closing_trust(1.5, -0.1, 1.5),
                 "p* is where the two bounds of the window meet; a larger k raises the lower one "
                 "faster."),
        Exercise("ex-corr-predict", "number", "the smallest rho with trust-building at p = 0.2",
                 lambda: rho_interval(ind.replace(pA=0.2, pB=0.2))[0],
                 "The belief bound: the posterior after cooperation must reach t."),
        Exercise("ex-corr-salience", "interval", "the interval of rho at theta = 2 (p = 0.2)",
                 lambda: rho_interval(ind.replace(pA=0.2, pB=0.2, thetaA=2.0, thetaB=2.0)),
                 "The lower end does not involve theta; the greedy-hardline type's constraint "
                 "gives the upper end."),
        Exercise("ex-cold-war-recode", "names", "the PBE-ER in the box with betaA coded 'low'",
                 lambda: _box_names("cold-war", {"betaA": "low"}),
                 "Who still meets the independence threshold, and is the follower's trust above "
                 "the period-2 threshold?"),
        Exercise("ex-korea-recode", "names", "the leading PBE-ER with pA and betaB 'moderate'",
                 lambda: _box_names("korea", {"pA": "moderate", "betaB": "moderate"},
                                    leading=True, theta=1.0),
                 "'Moderate' trust includes values below the period-2 threshold."),
        Exercise("ex-korea-salience", "number", "the largest thetaB that holds in the whole box",
                 _korea_theta,
                 "The greedy bound falls in betaB and in pA: take its minimum over the box."),
        Exercise("ex-explorer-independence", "names", "the PBE-ER at p = 0.25, beta = 0.6",
                 lambda: _pbe_er(_params(pA=0.25, pB=0.25, betaA=0.6, betaB=0.6)),
                 "Compare p = 0.25 with the lower bound of the interval once beta = 0.6."),
        Exercise("ex-reference-json", "number", "B's belief in A after DC in trust-building",
                 lambda: _security_belief("DC", _params(pA=0.2, pB=0.2, betaA=0.6, betaB=0.7),
                                           "trust-building"),
                 "Which of A's types defects in period 1 of trust-building?"),
        Exercise("ex-reference-change", "names", "the PBE-ER at the first session's point, k = 0.5",
                 lambda: _pbe_er(_params(pA=0.35, pB=0.35, betaA=0.6, betaB=0.7, k=0.5)),
                 "A lower k also changes the greedy type's mimicking constraint: solve and list "
                 "efficient_names()."),
        Exercise("ex-replication-L", "names",
                 "the equilibria in cells of Figure 1 with more than one PBE-ER at L = 0.05",
                 _overlap_names,
                 "Use figure_map(1, L=0.05): cells with count() > 1, and cell_names there."),
    ]
    return {e.id: e for e in rows}


#: Exercise id -> :class:`Exercise` (the expected answers are functions).
EXERCISES = _exercises()


def expected(exercise_id: str):
    """The expected answer, computed now (for instructors and tests).

    Examples
    --------
    >>> round(expected("ex-tp-threshold-k"), 4)
    0.6452
    """
    ex = _get(exercise_id)
    if ex.kind == "region":
        from .analysis import region_map

        params, name = ex.solve()
        m = region_map(params, *ex.axes, n=REGION_CELLS)
        return m.xs, m.ys, m.mask(name, efficient=False)
    return ex.solve()


def _get(exercise_id: str) -> Exercise:
    if exercise_id not in EXERCISES:
        raise KeyError(f"no checked exercise {exercise_id!r}; known: {', '.join(EXERCISES)}")
    return EXERCISES[exercise_id]


def _names(value) -> set:
    return {value} if isinstance(value, str) else {str(v) for v in value}


def _close(a, b) -> bool:
    if a is None or b is None:
        return a is b
    a, b = float(a), float(b)
    return (math.isinf(a) and a == b) or abs(a - b) <= NUMBER_TOL


def _judge(ex: Exercise, answer) -> tuple[bool, str]:
    want = expected(ex.id)
    if ex.kind == "number":
        return _close(answer, want), f"within {NUMBER_TOL}"
    if ex.kind == "interval":
        if want is None or answer is None:
            return want is None and answer is None, f"each end within {NUMBER_TOL}"
        lo, hi = answer
        return _close(lo, want[0]) and _close(hi, want[1]), f"each end within {NUMBER_TOL}"
    if ex.kind == "names":
        return _names(answer) == set(want), "the same set of names"
    xs, ys, mask = want
    X, Y = np.meshgrid(xs, ys)
    got = np.broadcast_to(np.asarray(answer(X, Y), dtype=bool), mask.shape)
    return not (got != mask)[~_edge(mask)].any(), \
        f"on a {REGION_CELLS} x {REGION_CELLS} grid, except within {REGION_EDGE} cells of the edge"


def _edge(mask: np.ndarray) -> np.ndarray:
    """Cells within :data:`REGION_EDGE` cells of the region's boundary."""
    grown, shrunk = mask.copy(), mask.copy()
    padded = np.pad(mask, REGION_EDGE, mode="edge")
    n, m = mask.shape
    for di in range(-REGION_EDGE, REGION_EDGE + 1):
        for dj in range(-REGION_EDGE, REGION_EDGE + 1):
            shifted = padded[REGION_EDGE + di:REGION_EDGE + di + n, REGION_EDGE + dj:REGION_EDGE + dj + m]
            grown |= shifted
            shrunk &= shifted
    return grown & ~shrunk


def check(exercise_id: str, answer) -> Feedback:
    """Check an answer to one of the book's exercises.

    Parameters
    ----------
    exercise_id : str
        The exercise's label (a key of :data:`EXERCISES`).
    answer
        A number, a pair ``(lo, hi)``, a set of names or a function of the
        map's two axes, by the exercise's kind.

    Returns
    -------
    Feedback
        ``correct`` and a message: "Right" with the tolerance, or "Not yet"
        with the hint.  The message never contains the expected answer.

    Raises
    ------
    KeyError
        For an unknown exercise.

    Examples
    --------
    >>> check("ex-tp-threshold-k", 0.645).correct
    True
    >>> check("ex-tp-threshold-k", 0.4)
    Not yet (the threshold t at k = 2). Hint: t = k/(1 + k - L): it rises with k.
    """
    ex = _get(exercise_id)
    try:
        ok, how = _judge(ex, answer)
    except (TypeError, ValueError) as exc:
        return Feedback(ex.id, False, f"Could not read the answer as {ex.kind!r} ({exc}). "
                                      f"Asked for: {ex.what}.")
    if ok:
        return Feedback(ex.id, True, f"Right ({how}).")
    return Feedback(ex.id, False, f"Not yet ({ex.what}). Hint: {ex.hint}")
