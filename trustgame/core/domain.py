"""The parameter domain, in one table.

Each of the game's nine parameters has one row of :data:`DOMAIN`: the rule
a value must satisfy, the paper's default, the command line's help text,
and the range of the explorer's slider.  Validation
(:class:`trustgame.Params`), the command line, the explorer, the bounds
of the case codings and the test strategies all read this table; none
writes a range of its own.

Examples
--------
>>> DOMAIN["H"].rule
'must be greater than 1'
>>> DOMAIN["pA"].admits(0.0), DOMAIN["pA"].admits(1.5)
(True, False)
>>> DOMAIN["k"].slider
(0.05, 3.0, 0.05)
"""

from __future__ import annotations

import math
import numbers
from dataclasses import dataclass
from fractions import Fraction

from .errors import ParameterError

__all__ = ["Domain", "DOMAIN", "PARAMETERS", "check_value", "is_real", "is_finite"]


@dataclass(frozen=True)
class Domain:
    """The admissible values of one parameter.

    Attributes
    ----------
    name : str
        The parameter (a field of :class:`trustgame.Params`).
    lo, hi : float
        Bounds of the admissible interval (``-inf`` / ``inf`` for none).
    lo_open, hi_open : bool
        Whether each bound is excluded.
    default : float
        The value of the paper's figures (the :class:`trustgame.Params`
        default).
    help : str
        One line for the command line and the explorer.
    slider : tuple
        ``(min, max, step)`` of the explorer's slider, inside the domain.
    """

    name: str
    lo: float
    hi: float
    lo_open: bool
    hi_open: bool
    default: float
    help: str
    slider: tuple

    @property
    def rule(self) -> str:
        """The rule in words, as error messages print it."""
        if (self.lo, self.hi, self.lo_open, self.hi_open) == (0, 1, False, False):
            return "must be a probability in [0, 1]" if self.name[0] == "p" else "must lie in [0, 1]"
        if math.isinf(self.hi):
            return (f"must be greater than {_num(self.lo)}" if self.lo_open
                    else f"must be at least {_num(self.lo)}")
        if math.isinf(self.lo):
            return (f"must be less than {_num(self.hi)}" if self.hi_open
                    else f"must be at most {_num(self.hi)}")
        left = "(" if self.lo_open else "["
        right = ")" if self.hi_open else "]"
        return f"must lie in {left}{_num(self.lo)}, {_num(self.hi)}{right}"

    def admits(self, value) -> bool:
        """Whether a finite real ``value`` satisfies the rule."""
        above = value > self.lo if self.lo_open else value >= self.lo
        below = value < self.hi if self.hi_open else value <= self.hi
        return bool(above and below)


def _num(x) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)


_INF = math.inf

#: One row per parameter, in the order of :class:`trustgame.Params`.
DOMAIN = {d.name: d for d in (
    Domain("H", 1, _INF, True, True, 1.5, "greedy exploitation value, > 1", (1.05, 4.0, 0.05)),
    Domain("L", -_INF, 1, True, True, -0.1, "security exploitation value, < 1", (-1.0, 0.95, 0.05)),
    Domain("k", 0, _INF, True, True, 0.9, "cost of being exploited, > 0", (0.05, 3.0, 0.05)),
    Domain("pA", 0, 1, False, False, 0.5, "prior that A is a security-seeker", (0.01, 0.99, 0.01)),
    Domain("pB", 0, 1, False, False, 0.5, "prior that B is a security-seeker", (0.01, 0.99, 0.01)),
    Domain("betaA", 0, 1, False, False, 0.0, "independence of A's choice", (0.0, 1.0, 0.01)),
    Domain("betaB", 0, 1, False, False, 0.0, "independence of B's choice", (0.0, 1.0, 0.01)),
    Domain("thetaA", 0, _INF, True, True, 1.0, "salience of period 2 for A", (0.05, 3.0, 0.05)),
    Domain("thetaB", 0, _INF, True, True, 1.0, "salience of period 2 for B", (0.05, 3.0, 0.05)),
)}

#: The parameter names, in order.
PARAMETERS = tuple(DOMAIN)


def is_real(v) -> bool:
    """Whether ``v`` is a real number (Python, numpy, ``Fraction`` or sympy
    rational; not a bool)."""
    return isinstance(v, (numbers.Real, Fraction)) and not isinstance(v, bool)


def is_finite(v) -> bool:
    """Whether a real ``v`` (Python, numpy of any width, ``Fraction``,
    sympy) is finite; a huge ``Fraction`` or int counts as finite.

    Examples
    --------
    >>> import numpy as np
    >>> is_finite(np.float16("inf")), is_finite(np.float32("nan")), is_finite(0.5)
    (False, False, True)
    """
    if isinstance(v, (int, Fraction)):
        return True
    try:
        return math.isfinite(float(v))
    except OverflowError:
        return True


def _is_infinite_symbol(v) -> bool:
    """sympy's ``oo``, ``-oo``, ``zoo`` and ``nan`` are not ``numbers.Real``."""
    return type(v).__module__.startswith("sympy") and getattr(v, "is_finite", None) is False \
        or type(v).__name__ == "NaN"


def check_value(name: str, value) -> None:
    """Raise :class:`~trustgame.core.errors.ParameterError` unless ``value``
    is an admissible value of parameter ``name``; the message names the
    parameter, the rule and the value.

    Examples
    --------
    >>> check_value("L", 1.0)
    Traceback (most recent call last):
    ...
    trustgame.core.errors.ParameterError: L must be less than 1 (got 1.0)
    """
    if not is_real(value):
        if _is_infinite_symbol(value):
            raise ParameterError(f"{name} must be finite (got {value!r})")
        raise ParameterError(f"{name} must be a real number (got {value!r})")
    if not is_finite(value):
        raise ParameterError(f"{name} must be finite (got {value!r})")
    d = DOMAIN[name]
    if not d.admits(value):
        raise ParameterError(f"{name} {d.rule} (got {value!r})")
