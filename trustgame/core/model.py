"""The two-period trust game: parameters, types and payoffs.

This module is the single place where the payoffs of the game are written
down.  Everything else (the equilibrium enumerator, the closed-form
conditions, the book) calls these functions, so a formula that appears in
the book is the formula the solver uses.

The game (Goldfien, Joseph and McManus 2026, Tables 1, 2 and 4):

* two states, A and B, each privately knows its type; a type carries a
  period-1 exploitation value ``e1``, a period-2 exploitation value ``e2``
  and a prior probability.  In the paper's game each state has two types,
  the *security-seeker* (``e1 = e2 = L``, prior ``p``) and the *greedy*
  type (``e1 = e2 = H``, prior ``1 - p``);
* in each of two periods both states choose Cooperate (C) or Defect (D)
  simultaneously; period-1 choices are observed before period 2;
* period-1 payoffs follow Table 4 (independence ``beta``), period-2 payoffs
  Table 1 (the classic trust problem, which is Table 4 with ``beta = 0``);
* a state's total payoff is ``u1 + theta * u2`` (salience ``theta``).

All functions accept plain floats, :class:`fractions.Fraction` (exact mode),
sympy expressions (symbolic derivations) or numpy arrays.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields, replace
from fractions import Fraction
from typing import Any

from .domain import DOMAIN, check_value, is_real
from .errors import ParameterError
from .tolerances import DEFAULT_TOL

__all__ = [
    "C",
    "D",
    "ACTIONS",
    "STATES",
    "HISTORIES",
    "Params",
    "Type",
    "Game",
    "stage_payoff",
    "expected_stage_payoff",
    "period2_payoff",
    "coop_threshold",
    "independence_threshold",
]

C = "C"
D = "D"
ACTIONS = (C, D)
STATES = ("A", "B")
#: Period-1 histories, A's action first, in the order used everywhere.
HISTORIES = ("CC", "CD", "DC", "DD")

# ---------------------------------------------------------------------------
# Payoffs
# ---------------------------------------------------------------------------

def stage_payoff(own: str, other: str, e, beta, k):
    """One period's payoff to a state (Table 4; Table 1 when ``beta = 0``).

    Parameters
    ----------
    own, other : {"C", "D"}
        The state's own action and its counterpart's action.
    e : number
        The state's exploitation value (``L`` for a security-seeker, ``H``
        for a greedy type).
    beta : number
        Payoff independence of the state's choice in this period, in [0, 1].
        Period 2 always has ``beta = 0``.
    k : number
        Cost of being exploited.

    Returns
    -------
    number
        ``1`` for mutual cooperation, ``beta - (1 - beta) k`` when cheated,
        ``e`` when cheating and ``beta e`` for mutual defection.

    Examples
    --------
    >>> stage_payoff("C", "D", e=-0.1, beta=0.0, k=0.9)
    -0.9
    >>> stage_payoff("D", "D", e=1.5, beta=0.5, k=0.9)
    0.75
    """
    if own == C and other == C:
        return 1 + 0 * beta
    if own == C and other == D:
        return beta - (1 - beta) * k
    if own == D and other == C:
        return e + 0 * beta
    if own == D and other == D:
        return beta * e
    raise ValueError(f"actions must be 'C' or 'D' (got {own!r}, {other!r})")


def expected_stage_payoff(x, y, e, beta, k):
    """Expected one-period payoff when the state plays C with probability
    ``x`` and its counterpart plays C with probability ``y``.

    This is the bilinear extension of :func:`stage_payoff`; it is what the
    symbolic derivations in the book differentiate and solve.

    Examples
    --------
    >>> from fractions import Fraction as F
    >>> expected_stage_payoff(1, F(1, 2), e=F(-1, 10), beta=0, k=F(9, 10))
    Fraction(1, 20)
    """
    return (
        x * y * stage_payoff(C, C, e, beta, k)
        + x * (1 - y) * stage_payoff(C, D, e, beta, k)
        + (1 - x) * y * stage_payoff(D, C, e, beta, k)
        + (1 - x) * (1 - y) * stage_payoff(D, D, e, beta, k)
    )


def period2_payoff(x, y, e, k):
    """Expected period-2 payoff (Table 1): :func:`expected_stage_payoff`
    with ``beta = 0``.

    Examples
    --------
    >>> period2_payoff(1, 1, e=1.5, k=0.9)
    1.0
    """
    return expected_stage_payoff(x, y, e, 0, k)


def coop_threshold(e, k):
    """Probability of cooperation by the counterpart at which a type with
    period-2 exploitation value ``e`` is indifferent between C and D in the
    one-shot trust game (Table 1): ``k / (1 + k - e)``.

    A type cooperates in period 2 when the counterpart cooperates with
    probability above the threshold.  For ``e >= 1`` (greedy types) C is
    never a best response against any ``y < 1`` and the threshold is
    reported as ``inf``.

    Examples
    --------
    >>> coop_threshold(-0.1, 0.9)
    0.45
    >>> coop_threshold(1.5, 0.9)
    inf
    """
    if is_real(e) and e >= 1:
        return math.inf
    return k / (1 + k - e)


def independence_threshold(L, k):
    """The paper's independence threshold ``k / (1 + k - L)`` (Result 1b).

    It is the independence ``beta`` at which a security-seeker is
    indifferent between C and D in period 1 when it is sure its counterpart
    defects: ``beta - (1 - beta) k = beta L``.  It coincides numerically
    with the period-2 cooperation threshold :func:`coop_threshold` of a
    security-seeker, but answers a different question.

    Examples
    --------
    >>> independence_threshold(-0.1, 0.9)
    0.45
    """
    return k / (1 + k - L)


# ---------------------------------------------------------------------------
# Parameters
# ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Params:
    """Parameters of the paper's two-type game.

    Parameters
    ----------
    H : float
        Greedy type's exploitation value, ``H > 1``.
    L : float
        Security-seeker's exploitation value, ``L < 1``.
    k : float
        Cost of being exploited, ``k > 0``.
    pA, pB : float
        Prior probability that A (resp. B) is a security-seeker: B's
        initial trust in A (resp. A's in B).  In [0, 1].
    betaA, betaB : float
        Payoff independence of each state's period-1 choice, in [0, 1].
    thetaA, thetaB : float
        Salience of period 2 for each state (total payoff
        ``u1 + theta * u2``), ``theta > 0``.  Default 1.

    Raises
    ------
    ParameterError
        If a value breaks its rule; the message names the parameter, the
        rule and the value.

    Examples
    --------
    >>> p = Params(H=1.5, L=-0.1, k=0.9, pA=0.35, pB=0.35)
    >>> p.threshold
    0.45
    >>> Params(H=0.9)
    Traceback (most recent call last):
    ...
    trustgame.core.errors.ParameterError: H must be greater than 1 (got 0.9)
    """

    H: Any = DOMAIN["H"].default
    L: Any = DOMAIN["L"].default
    k: Any = DOMAIN["k"].default
    pA: Any = DOMAIN["pA"].default
    pB: Any = DOMAIN["pB"].default
    betaA: Any = DOMAIN["betaA"].default
    betaB: Any = DOMAIN["betaB"].default
    thetaA: Any = DOMAIN["thetaA"].default
    thetaB: Any = DOMAIN["thetaB"].default

    def __post_init__(self):
        for f in fields(self):
            check_value(f.name, getattr(self, f.name))

    # -- convenience -------------------------------------------------------
    @classmethod
    def with_theta(cls, theta=1.0, **kw) -> Params:
        """Build parameters with one salience ``theta`` for both states.

        Examples
        --------
        >>> Params.with_theta(2.0, pA=0.3).thetaB
        2.0
        """
        return cls(thetaA=theta, thetaB=theta, **kw)

    def replace(self, **kw) -> Params:
        """Return a copy with some values changed (validated again)."""
        return replace(self, **kw)

    def as_dict(self) -> dict:
        """Parameters as a plain dict of floats."""
        return {f.name: float(getattr(self, f.name)) for f in fields(self)}

    @property
    def is_exact(self) -> bool:
        """True when every value is a :class:`~fractions.Fraction` or int."""
        return all(
            isinstance(getattr(self, f.name), (int, Fraction))
            for f in fields(self)
        )

    def exact(self) -> Params:
        """The same parameters as exact fractions (decimal reading of floats).

        Examples
        --------
        >>> Params(pA=0.35).exact().pA
        Fraction(7, 20)
        """
        def conv(v):
            if isinstance(v, (int, Fraction)):
                return Fraction(v)
            return Fraction(str(v))

        return Params(**{f.name: conv(getattr(self, f.name)) for f in fields(self)})

    @property
    def threshold(self):
        """The independence threshold ``k / (1 + k - L)``."""
        return independence_threshold(self.L, self.k)

    def p(self, state: str):
        """Prior that ``state`` is a security-seeker."""
        return self.pA if state == "A" else self.pB

    def beta(self, state: str):
        """Independence of ``state``'s period-1 choice."""
        return self.betaA if state == "A" else self.betaB

    def theta(self, state: str):
        """Salience of period 2 for ``state``."""
        return self.thetaA if state == "A" else self.thetaB

    def game(self) -> Game:
        """The two-type game these parameters define."""
        return Game.from_params(self)


# ---------------------------------------------------------------------------
# Types and games
# ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Type:
    """One type of a state.

    Parameters
    ----------
    name : str
        Label (``"security"``, ``"greedy"``, or e.g. ``"reformer-security"``).
    e1 : number
        Exploitation value in period 1 (enters Table 4).
    e2 : number
        Exploitation value in period 2 (enters Table 1).  A type with
        ``e2 < 1`` is a period-2 security-seeker: it reciprocates cooperation
        that is likely enough.
    prior : number
        Prior probability of the type.
    """

    name: str
    e1: Any
    e2: Any
    prior: Any

    @property
    def is_security(self) -> bool:
        """True when the type would reciprocate cooperation in period 2."""
        return self.e2 < 1


@dataclass(frozen=True)
class Game:
    """A two-period trust game with finitely many types per state.

    The paper's game has two types per state; :meth:`from_params` builds it.
    Other type spaces (for instance the four types of the correlation
    chapter) are built by passing ``types`` directly.

    Parameters
    ----------
    k : number
        Cost of being exploited.
    beta : tuple
        ``(betaA, betaB)`` period-1 independence.
    theta : tuple
        ``(thetaA, thetaB)`` salience of period 2.
    types : tuple
        ``(types_of_A, types_of_B)``, each a tuple of :class:`Type` whose
        priors sum to one.
    params : Params, optional
        The parameters the game was built from, if any.

    Examples
    --------
    >>> g = Params(pA=0.3).game()
    >>> [t.name for t in g.types[0]], g.types[0][0].prior
    (['security', 'greedy'], 0.3)
    """

    k: Any
    beta: tuple
    theta: tuple
    types: tuple
    params: Params | None = None

    def __post_init__(self):
        if not is_real(self.k) or not self.k > 0:
            raise ParameterError(f"k must be greater than 0 (got {self.k!r})")
        for s, b in zip(STATES, self.beta):
            check_value(f"beta{s}", b)
        for s, th in zip(STATES, self.theta):
            check_value(f"theta{s}", th)
        for s, ts in zip(STATES, self.types):
            if len(ts) == 0:
                raise ParameterError(f"state {s} must have at least one type")
            for t in ts:
                if not is_real(t.prior) or not 0 <= t.prior <= 1:
                    raise ParameterError(
                        f"prior of type {t.name!r} of {s} must be a probability "
                        f"in [0, 1] (got {t.prior!r})"
                    )
                for attr in ("e1", "e2"):
                    v = getattr(t, attr)
                    if not is_real(v) or (isinstance(v, float) and not math.isfinite(v)):
                        raise ParameterError(
                            f"{attr} of type {t.name!r} of {s} must be a finite real "
                            f"number (got {v!r})"
                        )
                if t.e2 == 1:
                    raise ParameterError(
                        f"e2 of type {t.name!r} of {s} must differ from 1 "
                        "(the value of mutual cooperation)"
                    )
            total = sum(t.prior for t in ts)
            if abs(total - 1) > DEFAULT_TOL:
                raise ParameterError(
                    f"priors of the types of {s} must sum to 1 (got {total})"
                )

    @classmethod
    def from_params(cls, p: Params) -> Game:
        """The paper's two-type game (security-seeker first, then greedy)."""
        def two(prior):
            return (Type("security", p.L, p.L, prior), Type("greedy", p.H, p.H, 1 - prior))

        return cls(
            k=p.k,
            beta=(p.betaA, p.betaB),
            theta=(p.thetaA, p.thetaB),
            types=(two(p.pA), two(p.pB)),
            params=p,
        )

    @property
    def exact(self) -> bool:
        """True when all numbers are exact (fractions or ints)."""
        vals = [self.k, *self.beta, *self.theta]
        for ts in self.types:
            for t in ts:
                vals += [t.e1, t.e2, t.prior]
        return all(isinstance(v, (int, Fraction)) for v in vals)

    def index(self, state: str) -> int:
        """0 for A, 1 for B."""
        return STATES.index(state)

    def threshold(self, state: str, type_index: int):
        """Period-2 cooperation threshold of one type."""
        t = self.types[self.index(state)][type_index]
        return coop_threshold(t.e2, self.k)
