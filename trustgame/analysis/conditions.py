"""Closed-form existence conditions, derived with sympy from the payoffs.

In the two-type game with interior priors (``0 < p_A, p_B < 1``) a PBE
with pure period-1 play is pinned down, up to off-path choices, by a
*class*: each state's period-1 pattern (``separating``, ``pool-C``,
``pool-D``, ``reverse``) and the period-2 regime (``CC``, ``mixed`` or
``DD``) after the one history at which both posteriors on a
security-seeker are positive (the "informative" history; after every other
on-path history a security-seeker faces a revealed greedy type, and both
states defect).  That gives 4 x 4 x 3 = 48 classes.

For each class this module builds, symbolically,

* the belief conditions of the period-2 regime,
* every type's period-1 incentive constraint, written as
  ``U(prescribed action) - U(other action) >= 0`` with the expected
  payoffs computed by :func:`trustgame.core.model.stage_payoff` and
  :func:`trustgame.core.model.period2_payoff` (the same functions the numeric
  enumerator uses); when the other action is off the path the constraint
  is an ``Or`` over the period-2 equilibria available after it (``DD``,
  ``CC``, ``mixed``, with the deviator believed a security-seeker, or
  ``DD`` with any belief),
* every type's interim payoff.

:func:`class_condition` returns the sympy condition (what the book
prints), :func:`evaluate` evaluates it on numbers or numpy arrays with
the package tolerance (what :mod:`trustgame.analysis.maps` uses).

Examples
--------
>>> cond = class_condition("separating", "separating", "CC")
>>> bool(evaluate(cond, H=1.5, L=-0.1, k=0.9, pA=0.35, pB=0.35,
...               betaA=0, betaB=0, thetaA=1, thetaB=1))
True
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import numpy as np
import sympy as sp

from ..core.equilibria import OFFPATH
from ..core.errors import ParameterError
from ..core.model import C, D, coop_threshold, period2_payoff, stage_payoff
from ..core.naming import CLASSES, PATTERNS, REGIMES, class_key, named_class
from ..core.tolerances import resolve_tol

__all__ = [
    "SYMBOLS",
    "PATTERN_ACTIONS",
    "CLASSES",
    "ClassInfo",
    "class_info",
    "class_condition",
    "named_condition",
    "evaluate",
    "compile_class",
]

H, L, k = sp.symbols("H L k", real=True)
pA, pB = sp.symbols("p_A p_B", positive=True)
betaA, betaB = sp.symbols("beta_A beta_B", nonnegative=True)
thetaA, thetaB = sp.symbols("theta_A theta_B", positive=True)

#: Parameter name -> sympy symbol.
SYMBOLS = {"H": H, "L": L, "k": k, "pA": pA, "pB": pB, "betaA": betaA,
           "betaB": betaB, "thetaA": thetaA, "thetaB": thetaB}
_ARGS = tuple(SYMBOLS)

#: Period-1 actions (security-seeker, greedy) of each pattern: the inverse
#: of :data:`trustgame.core.naming.PATTERNS` (probabilities of C -> actions).
PATTERN_ACTIONS = {name: tuple(C if x else D for x in probs) for probs, name in PATTERNS.items()}
_REGIMES = REGIMES


@dataclass(frozen=True)
class ClassInfo:
    """Symbolic description of one class.

    Attributes
    ----------
    key : tuple
        ``(pattern_A, pattern_B, regime)``.
    name : str
        The catalogue name (``name[leader]`` for asymmetric ones) or the
        descriptive name ``"pattern_A/pattern_B:regime"``.
    beliefs : sympy boolean
        Belief conditions of the period-2 regime.
    incentives : dict
        ``{(state, type): condition}`` period-1 incentive constraints.
    payoffs : dict
        ``{(state, type): expression}`` interim payoffs.
    condition : sympy boolean
        Conjunction of all of the above conditions.
    """

    key: tuple
    name: str
    beliefs: object
    incentives: dict
    payoffs: dict
    condition: object


def _state_syms(i):
    return ((pA, betaA, thetaA), (pB, betaB, thetaB))[i]


def _onpath(pattern, p):
    """Mass and security posterior of each on-path action."""
    sec, gre = PATTERN_ACTIONS[pattern]
    out = {}
    for a in (C, D):
        ms = p if sec == a else 0
        mg = (1 - p) if gre == a else 0
        if ms == 0 and mg == 0:
            continue
        out[a] = (ms + mg, sp.Integer(1) if mg == 0 else (sp.Integer(0) if ms == 0 else p))
    return out


def _cont_x(regime, q_own, t):
    """Security type's probability of C in a period-2 regime."""
    if regime == "CC":
        return sp.Integer(1)
    if regime == "mixed":
        return t / q_own
    return sp.Integer(0)


def _ge(expr):
    return sp.Ge(sp.expand(expr), 0, evaluate=False)


def _gt(expr):
    return sp.Gt(sp.expand(expr), 0, evaluate=False)


def _regime_ok(regime, qa, qb, t):
    if regime == "CC":
        return sp.And(_ge(qa - t), _ge(qb - t))
    if regime == "mixed":
        return sp.And(_gt(qa - t), _gt(qb - t))
    return sp.true


@cache
def class_info(pattern_A: str, pattern_B: str, regime: str, offpath: str = "free") -> ClassInfo:
    """Derive the conditions and payoffs of one class (cached).

    Parameters
    ----------
    pattern_A, pattern_B : str
        ``"separating"``, ``"pool-C"``, ``"pool-D"`` or ``"reverse"``.
    regime : str
        ``"CC"``, ``"mixed"`` or ``"DD"``.
    offpath : str
        Off-path convention (:data:`trustgame.core.equilibria.OFFPATH`):
        ``"free"`` (default; the deviator may be believed a
        security-seeker and any period-2 equilibrium may follow),
        ``"grim"`` (believed greedy, so both defect), ``"passive"``
        (belief stays at the prior, any period-2 equilibrium) or
        ``"passive-efficient"`` (prior belief, and cooperation whenever
        both posteriors reach the threshold).
    """
    if offpath not in OFFPATH:
        raise ParameterError(f"offpath must be one of {', '.join(OFFPATH)} (got {offpath!r})")
    t = coop_threshold(L, k)
    pats = (pattern_A, pattern_B)
    on = [_onpath(pats[i], _state_syms(i)[0]) for i in (0, 1)]
    # the informative history: both posteriors positive
    star = [next(a for a, (_, q) in on[i].items() if q != 0) for i in (0, 1)]
    q_star = [on[i][star[i]][1] for i in (0, 1)]
    beliefs = _regime_ok(regime, q_star[0], q_star[1], t)
    evalues = {"security": L, "greedy": H}

    def cont(i, a, b, reg_here, q_i, q_j, ename):
        """Period-2 payoff of i's type ``ename`` after own a / other b."""
        x_i = _cont_x(reg_here, q_i, t) if ename == "security" else 0
        x_j = _cont_x(reg_here, q_j, t)
        y = q_j * x_j
        return period2_payoff(x_i, y, evalues[ename], k)

    incentives, payoffs = {}, {}
    for i in (0, 1):
        j = 1 - i
        p_i, beta_i, theta_i = _state_syms(i)
        sec_a, gre_a = PATTERN_ACTIONS[pats[i]]

        def U(ename, a, reg_at_star, q_i):
            total = 0
            for b, (m_b, q_b) in on[j].items():
                here = reg_at_star if b == star[j] else "DD"
                total += m_b * (stage_payoff(a, b, evalues[ename], beta_i, k)
                                + theta_i * cont(i, a, b, here, q_i, q_b, ename))
            return total

        def U_on(ename, a):
            q_i = on[i][a][1]
            reg = regime if a == star[i] else "DD"
            return U(ename, a, reg, q_i)

        own = {"security": sec_a, "greedy": gre_a}
        for ename in ("security", "greedy"):
            payoffs[(("A", "B")[i], ename)] = sp.expand(U_on(ename, own[ename]))
        off = [a for a in (C, D) if a not in on[i]]
        if not off:
            for ename in ("security", "greedy"):
                a = own[ename]
                dev = D if a == C else C
                incentives[(("A", "B")[i], ename)] = _ge(U_on(ename, a) - U_on(ename, dev))
        else:
            dev = off[0]
            a = sec_a  # both types play the same action
            q_j_star = on[j][star[j]][1]
            q_dev = {"free": sp.Integer(1), "grim": sp.Integer(0)}.get(offpath, p_i)

            def feasible(reg):
                return (_regime_ok(reg, q_dev, q_j_star, t) if i == 0
                        else _regime_ok(reg, q_j_star, q_dev, t))

            def deters(reg):
                return [_ge(U_on(e, a) - U(e, dev, reg, q_dev)) for e in ("security", "greedy")]

            if offpath == "passive-efficient":
                cc = feasible("CC")
                not_cc = sp.Or(_gt(t - q_dev), _gt(t - q_j_star))
                cond = sp.Or(sp.And(cc, *deters("CC")), sp.And(not_cc, *deters("DD")))
            else:
                # "free": believed a security-seeker, so every period-2
                # equilibrium is available (DD is also what a belief at or
                # below the threshold gives); "grim" leaves DD only
                regs = ("DD",) if offpath == "grim" else _REGIMES
                cond = sp.Or(*(sp.And(feasible(reg), *deters(reg)) for reg in regs))
            incentives[(("A", "B")[i], "security and greedy")] = cond
    condition = sp.And(beliefs, *incentives.values())
    return ClassInfo((pattern_A, pattern_B, regime), class_key((pattern_A, pattern_B, regime)),
                     beliefs, incentives, payoffs, condition)


def class_condition(pattern_A: str, pattern_B: str, regime: str, offpath: str = "free"):
    """The sympy existence condition of one class."""
    return class_info(pattern_A, pattern_B, regime, offpath).condition


def named_condition(name: str, leader: str | None = None, offpath: str = "free"):
    """The sympy existence condition of a catalogue equilibrium.

    Examples
    --------
    >>> c = named_condition("tragic")
    >>> sorted(str(s) for s in c.free_symbols)[:3]
    ['H', 'L', 'beta_A']
    """
    return class_condition(*named_class(name, leader).triple, offpath=offpath)


# ---------------------------------------------------------------------------
# Numeric evaluation
# ---------------------------------------------------------------------------

@cache
def _lam(expr):
    return sp.lambdify(tuple(SYMBOLS.values()), expr, modules="numpy")


def evaluate(cond, tol=None, **values):
    """Evaluate a condition built by this module.

    Each atom ``e >= 0`` is read as ``e >= -tol`` and ``e > 0`` as
    ``e > tol`` (weak inequalities at boundaries, strict ones only beyond
    the tolerance).  Values may be numbers or broadcastable numpy arrays.

    Parameters
    ----------
    cond : sympy boolean
    tol : float, optional
        Default :data:`trustgame.core.tolerances.DEFAULT_TOL`.
    **values
        ``H, L, k, pA, pB, betaA, betaB, thetaA, thetaB``.

    Returns
    -------
    bool or numpy.ndarray of bool
    """
    tol = resolve_tol(tol)
    args = tuple(values[n] for n in _ARGS)
    return _eval(cond, args, tol)


def _eval(node, args, tol):
    if node is sp.true:
        return True
    if node is sp.false:
        return False
    if isinstance(node, sp.And):
        out = True
        for a in node.args:
            out = np.logical_and(out, _eval(a, args, tol))
        return out
    if isinstance(node, sp.Or):
        out = False
        for a in node.args:
            out = np.logical_or(out, _eval(a, args, tol))
        return out
    if isinstance(node, (sp.GreaterThan, sp.StrictGreaterThan)):
        val = _lam(node.lhs - node.rhs)(*args)
        if isinstance(node, sp.StrictGreaterThan):
            return np.asarray(val) > tol
        return np.asarray(val) >= -tol
    raise TypeError(f"cannot evaluate {type(node).__name__} in a condition")


def compile_class(key, offpath: str = "free"):
    """Return ``(condition_fn, payoff_fns)`` for fast repeated evaluation.

    ``condition_fn(args, tol)`` evaluates the class condition on a tuple of
    parameter values (numbers or arrays) in the order of :data:`SYMBOLS`;
    ``payoff_fns`` maps ``(state, type)`` to a function of the same tuple.
    """
    info = class_info(*key, offpath)
    pay = {kt: _lam(expr) for kt, expr in info.payoffs.items()}
    return (lambda args, tol: _eval(info.condition, args, tol)), pay
