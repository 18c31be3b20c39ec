"""Closed-form bounds, solved with sympy from the existence conditions.

Nothing in this module is typed in by hand.  Every bound is obtained by
*solving* an inequality that :mod:`trustgame.analysis.conditions` builds from the
payoff functions of :mod:`trustgame.core.model`, or an indifference condition
built from those payoff functions directly.  The book prints these
derivations step by step; the tests compare them with the solver.

The main tools are

* :func:`linear_bound`: read an inequality ``a * v + b >= 0`` that is
  linear in one parameter ``v`` as a bound ``v >= -b / a`` (``a > 0``) or
  ``v <= -b / a`` (``a < 0``);
* :func:`trust_building_bounds`: the lower bound (security-seeker's
  constraint) and upper bound (greedy type's constraint) on a state's
  trust in its counterpart in the symmetric trust-building equilibrium;
* :func:`period2_threshold` and :func:`minmax_threshold`: the one-shot
  cooperation threshold and the independence threshold, each solved from
  an indifference condition;
* :func:`sign_under_restrictions`: the sign of an expression under the
  model's restrictions ``H > 1 > L``, ``k > 0``, ``0 <= beta <= 1``,
  ``theta > 0`` (priors positive), decided factor by factor;
* :func:`offpath_branches`: split an incentive constraint with an off-path
  deviation into one condition per period-2 play that may follow it.

Examples
--------
>>> b = trust_building_bounds("A")
>>> b.lower.bound.subs({SYMBOLS["betaA"]: 0, SYMBOLS["thetaA"]: 1})
k/(-L + k + 2)
>>> from trustgame.paper import FIGURE_PARAMS
>>> lo, hi = trust_building_interval(FIGURE_PARAMS, "A")
>>> round(lo, 4), round(hi, 4)
(0.3, 0.4737)
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import numpy as np
import sympy as sp

from ..core.model import C, D, period2_payoff, stage_payoff
from ..core.naming import named_class
from .conditions import SYMBOLS, class_info, evaluate

__all__ = [
    "SYMBOLS",
    "LinearBound",
    "TrustBuildingBounds",
    "linear_bound",
    "incentive",
    "trust_building_bounds",
    "trust_building_interval",
    "period2_threshold",
    "minmax_threshold",
    "sign_under_restrictions",
    "offpath_branches",
    "RESTRICTIONS",
]

_h, _l, _uA, _uB = sp.symbols("h l u_A u_B", positive=True)

#: Substitutions that encode the model's parameter restrictions with
#: positive symbols: ``H = 1 + h``, ``L = 1 - l``, ``beta_i = 1 / (1 + u_i)``
#: (so ``0 < beta_i <= 1`` and ``1 - beta_i = u_i / (1 + u_i)``).  ``k``,
#: the priors and ``theta`` are positive symbols already (the priors' upper
#: bound 1 is not encoded).
RESTRICTIONS = {
    SYMBOLS["H"]: 1 + _h,
    SYMBOLS["L"]: 1 - _l,
    SYMBOLS["betaA"]: 1 / (1 + _uA),
    SYMBOLS["betaB"]: 1 / (1 + _uB),
}
_K_POS = sp.Symbol("k", positive=True)


def sign_under_restrictions(expr) -> int | None:
    """Sign of ``expr`` for every parameter value the model allows.

    The expression is factored; each factor is rewritten with
    :data:`RESTRICTIONS` (and ``k > 0``) and its sign is asked of sympy,
    for ``0 < beta < 1`` and again at ``beta = 0`` and ``beta = 1``.
    Factors raised to an even power count as positive (the caller must
    make sure they do not vanish).  The priors' upper bound 1 is not
    used.

    Parameters
    ----------
    expr : sympy expression

    Returns
    -------
    int or None
        ``1`` (positive everywhere), ``-1`` (negative everywhere), ``0``
        (identically zero) or ``None`` (sympy cannot decide, or the sign
        depends on the parameters).

    Examples
    --------
    >>> L, k = SYMBOLS["L"], SYMBOLS["k"]
    >>> sign_under_restrictions(1 + k - L)
    1
    >>> sign_under_restrictions(-(1 + k - L) / (2 + k - L) ** 2)
    -1
    >>> sign_under_restrictions(L) is None
    True
    """
    expr = sp.factor(sp.together(sp.sympify(expr)))
    if expr == 0:
        return 0
    sign = 1
    for part in sp.fraction(expr):
        coeff, factors = sp.factor_list(part)
        sign *= 1 if coeff > 0 else -1
        for base, power in factors:
            if power % 2 == 0:
                continue
            s = _factor_sign(base)
            if s is None:
                return None
            sign *= s
    return sign


def _factor_sign(base) -> int | None:
    """Sign of one factor on the whole admissible set, or None.

    The interior ``0 < beta < 1`` is covered by :data:`RESTRICTIONS`; the
    end points ``beta = 0`` and ``beta = 1`` are checked separately.
    """
    betas = [b for b in (SYMBOLS["betaA"], SYMBOLS["betaB"]) if b in base.free_symbols]
    cases = [{}]
    for b in betas:
        cases = [{**c, b: v} for c in cases for v in (None, 0, 1)]
    signs = set()
    for case in cases:
        fixed = {b: v for b, v in case.items() if v is not None}
        e = base.subs(fixed).subs(RESTRICTIONS).subs(SYMBOLS["k"], _K_POS)
        e = sp.factor(sp.together(e))
        if e.is_positive:
            signs.add(1)
        elif e.is_negative:
            signs.add(-1)
        else:
            return None
    return signs.pop() if len(signs) == 1 else None


@dataclass(frozen=True)
class LinearBound:
    """An inequality ``coefficient * var + constant >= 0`` (or ``> 0``)
    read as a bound on ``var``.

    Attributes
    ----------
    var : sympy.Symbol
        The parameter the inequality is solved for.
    coefficient, constant : sympy expression
        The inequality is ``coefficient * var + constant >= 0``.
    strict : bool
        True for ``> 0``.
    source : sympy relational
        The inequality as :mod:`trustgame.analysis.conditions` built it.
    """

    var: sp.Symbol
    coefficient: object
    constant: object
    strict: bool
    source: object

    @property
    def bound(self):
        """The value of ``var`` at which the inequality binds,
        ``-constant / coefficient``, in factored form with a positive
        denominator when the restrictions decide its sign."""
        num, den = sp.fraction(sp.factor(-self.constant / self.coefficient))
        if sign_under_restrictions(den) == -1:
            num, den = sp.factor(-num), sp.factor(-den)
        return num / den

    @property
    def kind(self) -> str | None:
        """``"lower"`` when the coefficient is positive for every allowed
        parameter value, ``"upper"`` when negative, None when its sign
        depends on the parameters."""
        s = sign_under_restrictions(self.coefficient)
        return {1: "lower", -1: "upper"}.get(s)

    def relational(self, kind: str | None = None):
        """The solved inequality, ``var >= bound`` or ``var <= bound``.

        Parameters
        ----------
        kind : {"lower", "upper"}, optional
            Override :attr:`kind` (needed when the sign of the coefficient
            depends on the parameters; the caller then states the case).
        """
        kind = kind or self.kind
        if kind is None:
            raise ValueError(
                f"the sign of the coefficient of {self.var} ({self.coefficient}) depends "
                "on the parameters; pass kind='lower' or kind='upper'")
        op = {("lower", False): sp.Ge, ("lower", True): sp.Gt,
              ("upper", False): sp.Le, ("upper", True): sp.Lt}[(kind, self.strict)]
        return op(self.var, self.bound, evaluate=False)

    def value(self, params, **changes):
        """The bound at numeric parameter values: ``params`` with ``changes``.

        ``changes`` may be numbers (the result is a float) or numpy arrays
        (the result broadcasts), e.g. ``value(p, betaA=np.linspace(0, 1, 11))``.
        Scalar changes are validated by :class:`~trustgame.core.model.Params`.
        """
        vals = params.as_dict()
        if all(np.ndim(v) == 0 for v in changes.values()):
            vals = params.replace(**changes).as_dict() if changes else vals
        else:
            vals.update(changes)
        out = _numeric(self.bound)(*(vals[n] for n in SYMBOLS))
        return float(out) if np.ndim(out) == 0 else np.asarray(out, dtype=float)

    def holds(self, params, tol=None, **changes) -> bool:
        """Evaluate the original inequality at numeric parameter values."""
        p = params.replace(**changes) if changes else params
        return bool(evaluate(self.source, tol=tol, **p.as_dict()))


@cache
def _numeric(expr):
    """A numpy function of the parameters in :data:`SYMBOLS` order."""
    return sp.lambdify(tuple(SYMBOLS.values()), expr, modules="numpy")


def linear_bound(condition, var) -> LinearBound:
    """Read a condition ``expr >= 0`` (or ``> 0``) that is linear in ``var``
    as a bound on ``var``.

    Parameters
    ----------
    condition : sympy relational
        ``GreaterThan`` or ``StrictGreaterThan`` with right-hand side 0, as
        built by :mod:`trustgame.analysis.conditions`.
    var : sympy.Symbol or str
        The parameter (a symbol, or a name of :data:`SYMBOLS`).

    Returns
    -------
    LinearBound

    Raises
    ------
    ValueError
        If the condition is not a single inequality, or is not linear in
        ``var``.

    Examples
    --------
    >>> k, pB = SYMBOLS["k"], SYMBOLS["pB"]
    >>> b = linear_bound(sp.Ge(3 * pB - k, 0), "pB")
    >>> b.bound, b.kind
    (k/3, 'lower')
    """
    if isinstance(var, str):
        var = SYMBOLS[var]
    if not isinstance(condition, (sp.GreaterThan, sp.StrictGreaterThan)):
        raise ValueError(
            f"linear_bound needs one inequality 'expr >= 0' (got {type(condition).__name__}: "
            f"{condition})")
    expr = sp.expand(condition.lhs - condition.rhs)
    poly = sp.Poly(expr, var)
    if poly.degree() != 1:
        raise ValueError(f"condition is not linear in {var} (degree {poly.degree()}): {condition}")
    a, b = poly.all_coeffs()
    return LinearBound(var, sp.factor(a), sp.factor(b),
                       isinstance(condition, sp.StrictGreaterThan), condition)


def incentive(name: str, state: str, type_name: str, leader: str | None = None,
              offpath: str = "free"):
    """One period-1 incentive constraint of a catalogue equilibrium.

    Parameters
    ----------
    name : str
        Catalogue name, e.g. ``"trust-building"``.
    state : {"A", "B"}
    type_name : str
        ``"security"``, ``"greedy"``, or ``"security and greedy"`` when the
        state pools (its deviation is then off the path).
    leader : str, optional
        For asymmetric equilibria.
    offpath : str
        Off-path convention (see :func:`trustgame.analysis.conditions.class_info`).

    Examples
    --------
    >>> incentive("trust-building", "A", "greedy").free_symbols >= {SYMBOLS["H"]}
    True
    """
    info = class_info(*named_class(name, leader).triple, offpath)
    try:
        return info.incentives[(state, type_name)]
    except KeyError:
        have = ", ".join(f"{s}/{t}" for s, t in info.incentives)
        raise KeyError(
            f"{name!r} has no constraint for {state}/{type_name!r} (has {have})") from None


@dataclass(frozen=True)
class TrustBuildingBounds:
    """Bounds on one state's trust in its counterpart in symmetric
    trust-building.

    Attributes
    ----------
    state : str
        The state whose constraints these are (``"A"`` bounds ``p_B``).
    lower : LinearBound
        From the security-seeker's constraint (it must be willing to risk
        period-1 cooperation).
    upper : LinearBound
        From the greedy type's constraint (it must not want to mimic).
    beliefs : sympy boolean
        The belief condition of the class (period-2 cooperation after
        mutual cooperation).
    """

    state: str
    lower: LinearBound
    upper: LinearBound
    beliefs: object


@cache
def trust_building_bounds(state: str = "A") -> TrustBuildingBounds:
    """Bounds on ``state``'s trust in the other state in trust-building.

    State A's constraints bound ``p_B`` (A's trust in B), state B's bound
    ``p_A``.  Both are solved from
    ``class_info("separating", "separating", "CC").incentives``.

    Examples
    --------
    >>> b = trust_building_bounds("B")
    >>> b.lower.var, b.lower.kind
    (p_A, 'lower')
    """
    if state not in ("A", "B"):
        raise ValueError(f"state must be 'A' or 'B' (got {state!r})")
    other = "pB" if state == "A" else "pA"
    info = class_info("separating", "separating", "CC")
    return TrustBuildingBounds(
        state,
        linear_bound(info.incentives[(state, "security")], other),
        linear_bound(info.incentives[(state, "greedy")], other),
        info.beliefs,
    )


def trust_building_interval(params, state: str = "A") -> tuple[float, float]:
    """Numeric ``(lower, upper)`` bounds on ``state``'s trust in the other
    state in trust-building, at ``params``.

    The greedy constraint is an upper bound when its coefficient is
    negative at ``params``; otherwise it is a lower bound (or always
    holds) and the upper end is reported as 1.

    Examples
    --------
    >>> from trustgame.paper import FIGURE_PARAMS
    >>> lo, hi = trust_building_interval(FIGURE_PARAMS.replace(betaA=0.6, betaB=0.7), "A")
    >>> lo < 0 < hi
    True
    """
    b = trust_building_bounds(state)
    args = tuple(params.as_dict()[n] for n in SYMBOLS)
    lo = float(_numeric(b.lower.bound)(*args))
    a_g = float(_numeric(b.upper.coefficient)(*args))
    g = float(_numeric(b.upper.bound)(*args)) if a_g != 0 else float("nan")
    if a_g < 0:
        return lo, g
    if a_g > 0:
        return max(lo, g), 1.0
    return lo, 1.0


def period2_threshold():
    """The security-seeker's cooperation threshold in the one-shot game,
    solved from its indifference between C and D.

    Its payoff from each action against a counterpart that cooperates with
    probability ``y`` is :func:`trustgame.core.model.period2_payoff`; the
    threshold is the ``y`` that equates them.

    Returns
    -------
    (y, indifference, solution) : tuple
        The symbol ``y``, the equation ``U(C) - U(D) = 0`` and its unique
        solution for ``y``.

    Examples
    --------
    >>> period2_threshold()[2]
    k/(-L + k + 1)
    """
    y = sp.Symbol("y", nonnegative=True)
    L, k = SYMBOLS["L"], SYMBOLS["k"]
    diff = sp.expand(period2_payoff(1, y, L, k) - period2_payoff(0, y, L, k))
    sol = sp.solve(sp.Eq(diff, 0), y)
    if len(sol) != 1:
        raise RuntimeError(f"expected one solution, got {sol}")
    return y, sp.Eq(diff, 0), sp.factor(sol[0])


def minmax_threshold(state: str = "A"):
    """The independence at which a security-seeker that is *sure* the
    other defects is indifferent between C and D in period 1.

    Solved from ``stage_payoff("C", "D", L, beta, k) =
    stage_payoff("D", "D", L, beta, k)`` (Table 4).

    Returns
    -------
    (indifference, solution) : tuple

    Examples
    --------
    >>> minmax_threshold()[1]
    k/(-L + k + 1)
    """
    beta = SYMBOLS["beta" + state]
    L, k = SYMBOLS["L"], SYMBOLS["k"]
    diff = sp.expand(stage_payoff(C, D, L, beta, k) - stage_payoff(D, D, L, beta, k))
    sol = sp.solve(sp.Eq(diff, 0), beta)
    if len(sol) != 1:
        raise RuntimeError(f"expected one solution, got {sol}")
    return sp.Eq(diff, 0), sp.factor(sol[0])


def offpath_branches(condition) -> dict:
    """Split a pooling state's incentive constraint into one condition per
    period-2 play after its (off-path) deviation.

    :func:`trustgame.analysis.conditions.class_info` writes the constraint of a
    state that pools as an ``Or`` over the period-2 equilibria that may
    follow the deviation (with the deviator believed a security-seeker):
    ``DD`` (no belief condition), ``CC`` (weak belief conditions) and
    ``mixed`` (strict belief conditions).  This function labels the
    branches by those belief conditions.

    Returns
    -------
    dict
        ``{"DD": cond, "CC": cond, "mixed": cond}`` (keys present only for
        branches that exist).

    Examples
    --------
    >>> br = offpath_branches(incentive("tragic", "A", "security and greedy"))
    >>> sorted(br)
    ['CC', 'DD', 'mixed']
    """
    args = condition.args if isinstance(condition, sp.Or) else (condition,)
    out = {}
    for branch in args:
        atoms = branch.args if isinstance(branch, sp.And) else (branch,)
        if any(isinstance(a, sp.StrictGreaterThan) for a in atoms):
            label = "mixed"
        elif any(_is_belief_atom(a) for a in atoms):
            label = "CC"
        else:
            label = "DD"
        if label in out:
            raise ValueError(f"two branches look like {label!r} in {condition}")
        out[label] = branch
    return out


def _is_belief_atom(atom) -> bool:
    """True for a belief condition ``q - k/(1+k-L) >= 0``."""
    t = SYMBOLS["k"] / (1 + SYMBOLS["k"] - SYMBOLS["L"])
    expr = sp.expand(atom.lhs - atom.rhs)
    return sp.simplify(expr + t).free_symbols <= {SYMBOLS["pA"], SYMBOLS["pB"]}
