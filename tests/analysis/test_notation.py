"""The book's notation: term order, signs in fractions, relations."""

import pytest
import sympy as sp

from trustgame.analysis import SYMBOLS, Tex, show, tex

H, L, k, pB, thetaA = (SYMBOLS[s] for s in ("H", "L", "k", "pB", "thetaA"))


@pytest.mark.parametrize("expr, expected", [
    pytest.param(-L + k + 1, "1 + k - L", id="constant-first"),
    pytest.param(1 - k / (-L + k + 1), r"\frac{1 - L}{1 + k - L}", id="one-fraction"),
    pytest.param((H - 1) / (H * thetaA), r"\frac{H - 1}{H \theta_{A}}", id="positive-term-first"),
    pytest.param(-(L - 1) / (-L + k + 1) ** 2, r"\frac{1 - L}{\left(1 + k - L\right)^{2}}",
                 id="sign-into-numerator"),
    pytest.param(pB >= k / (2 + k - L), r"p_{B} \ge \frac{k}{2 + k - L}", id="relation"),
    pytest.param(sp.Rational(56, 75), r"\frac{56}{75}", id="rational"),
    pytest.param((k >= 0, pB <= 1), r"k \ge 0,\quad p_{B} \le 1", id="tuple"),
])
def test_tex_writes_the_book_notation(expr, expected):
    assert tex(expr) == expected


def test_show_prints_its_latex_and_typesets_it():
    shown = show(k >= 0)
    assert isinstance(shown, Tex)
    assert repr(shown) == r"k \ge 0"
    assert shown._repr_latex_() == "$$\n" + r"k \ge 0" + "\n$$"


def test_show_with_labels_aligns_one_line_per_expression():
    shown = show(k >= 0, L <= 1, labels=["first", "second"])
    assert repr(shown).count(r"\\") == 1 and r"\text{first}" in repr(shown)
    with pytest.raises(ValueError, match="labels"):
        show(k >= 0, labels=["a", "b"])
