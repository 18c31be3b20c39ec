"""Expressions in the book's notation.

sympy prints sums in its own term order (``-L + k + 1``) and keeps signs
outside fractions (``-(L - 1)/(-L + k + 1)``).  The book writes the same
objects as a reader would: constants first, then ``k``, the salience, ``H``
and ``L`` (``1 + k - L``), fractions with a positive leading numerator, and
relations as "variable, sign, bound".  :func:`tex` gives that LaTeX,
:func:`show` displays it in a notebook as typeset mathematics whose plain
text (what nbval compares) is the same LaTeX.

Examples
--------
>>> from trustgame.analysis import SYMBOLS
>>> from trustgame.analysis.notation import tex
>>> L, k = SYMBOLS["L"], SYMBOLS["k"]
>>> tex(1 - k / (-L + k + 1))
'\\\\frac{1 - L}{1 + k - L}'
>>> tex(SYMBOLS["pB"] >= k / (2 + k - L))
'p_{B} \\\\ge \\\\frac{k}{2 + k - L}'
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import sympy as sp
from sympy.printing.latex import LatexPrinter

__all__ = ["Tex", "tex", "show", "tex_number"]

_RELATIONS = {sp.GreaterThan: r"\ge", sp.StrictGreaterThan: ">", sp.LessThan: r"\le",
              sp.StrictLessThan: "<", sp.Equality: "=", sp.Unequality: r"\ne"}


class _BookPrinter(LatexPrinter):
    """sympy's LaTeX with terms in reverse lexicographic order (constants,
    then ``k``, the salience, ``H``, ``L``), a positive term first."""

    def __init__(self):
        super().__init__({"order": "rev-lex"})

    def _as_ordered_terms(self, expr, order=None):
        terms = list(super()._as_ordered_terms(expr, order=order))
        first = next((i for i, t in enumerate(terms) if not t.could_extract_minus_sign()), 0)
        return terms[first:] + terms[:first]


def _latex(expr) -> str:
    return _BookPrinter().doprint(expr)


def _tidy(expr):
    """One fraction with a positive leading numerator, when that is simpler."""
    expr = sp.sympify(expr)
    if not isinstance(expr, sp.Expr) or expr.is_number or expr.is_Symbol:
        return expr
    num, den = sp.fraction(sp.together(expr))
    if den == 1:
        return sp.expand(num) if sp.count_ops(sp.expand(num)) <= sp.count_ops(num) else num
    num, den = sp.expand(num), sp.factor(den)
    if den.could_extract_minus_sign():
        num, den = -num, -den
    return sp.Mul(num, sp.Pow(den, -1), evaluate=False) if den != 1 else num


def _tex_expr(expr) -> str:
    expr = sp.sympify(expr)
    if isinstance(expr, sp.Expr) and not expr.is_number:
        num, den = sp.fraction(_tidy(expr))
        if den != 1:
            sign = ""
            if num.could_extract_minus_sign() and not isinstance(num, sp.Add):
                sign, num = "-", -num
            return (sign + r"\frac{" + _latex(num) + "}{"
                    + _latex(den) + "}")
        return _latex(num)
    return _latex(expr)


def tex(expr) -> str:
    """LaTeX of a sympy expression or relation in the book's notation.

    Parameters
    ----------
    expr : sympy expression, relation, number or tuple
        A relation is written side by side with its sign (``p_B \\ge ...``);
        a tuple or list is written as its elements separated by commas.

    Returns
    -------
    str
        LaTeX without surrounding dollars.

    Examples
    --------
    >>> from trustgame.analysis import SYMBOLS
    >>> tex(-SYMBOLS["L"] + SYMBOLS["k"] + 1)
    '1 + k - L'
    """
    if isinstance(expr, (tuple, list)):
        return ",\\quad ".join(tex(e) for e in expr)
    expr = sp.sympify(expr)
    if isinstance(expr, sp.Rel) and type(expr) in _RELATIONS:
        return f"{_tex_expr(expr.lhs)} {_RELATIONS[type(expr)]} {_tex_expr(expr.rhs)}"
    if isinstance(expr, (sp.And, sp.Or)):
        joiner = r" \;\text{and}\; " if isinstance(expr, sp.And) else r" \;\text{or}\; "
        return joiner.join(tex(a) for a in expr.args)
    return _tex_expr(expr)


def tex_number(value: float, digits: int = 3) -> str:
    """A number as the book prints it: fixed decimals, a true minus sign.

    Examples
    --------
    >>> tex_number(-0.10526, 3)
    '-0.105'
    """
    return f"{float(value):.{digits}f}"


@dataclass(frozen=True)
class Tex:
    """Typeset mathematics for a notebook cell.

    It renders as display mathematics (``_repr_latex_``) and prints as its
    LaTeX, so that nbval compares the formula itself.

    Examples
    --------
    >>> Tex("1 + k - L")
    1 + k - L
    """

    latex: str

    def _repr_latex_(self) -> str:
        return f"$$\n{self.latex}\n$$"

    def __repr__(self) -> str:
        return self.latex


def show(*exprs, labels: Iterable[str] | None = None) -> Tex:
    """Expressions as one display in the book's notation, one per line.

    Parameters
    ----------
    *exprs : sympy expressions or relations
    labels : iterable of str, optional
        Text put before each line (``\\text{...}``), e.g. the type whose
        constraint it is.

    Returns
    -------
    Tex
        Shown as typeset mathematics when it is a cell's last value.

    Examples
    --------
    >>> from trustgame.analysis import SYMBOLS
    >>> show(SYMBOLS["k"] >= 0)
    k \\ge 0
    """
    lines = [tex(e) for e in exprs]
    if labels is not None:
        labels = list(labels)
        if len(labels) != len(lines):
            raise ValueError(f"labels: {len(labels)} given for {len(lines)} expressions")
        lines = [rf"\text{{{lab}}} & \quad {line}" for lab, line in zip(labels, lines)]
        body = r" \\ ".join(lines)
        return Tex(r"\begin{aligned} " + body + r" \end{aligned}")
    if len(lines) == 1:
        return Tex(lines[0])
    return Tex(r"\begin{gathered} " + r" \\ ".join(lines) + r" \end{gathered}")
