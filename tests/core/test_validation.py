"""Invalid API arguments raise ParameterError / TypeError naming the rule."""

from fractions import Fraction

import numpy as np
import pytest
import sympy

from trustgame import Params, solve
from trustgame.analysis import region_map
from trustgame.core.domain import PARAMETERS
from trustgame.core.errors import ParameterError

NONFINITE = [
    (name, v, kind)
    for name in PARAMETERS
    for kind, v in (("float-inf", float("inf")), ("float-nan", float("nan")),
                    ("np32-inf", np.float32("inf")), ("np32-nan", np.float32("nan")),
                    ("np16-inf", np.float16("inf")), ("np16-ninf", np.float16("-inf")),
                    ("np64-nan", np.float64("nan")), ("sympy-oo", sympy.oo), ("sympy-nan", sympy.nan))
]


@pytest.mark.parametrize("name, value", [c[:2] for c in NONFINITE],
                         ids=[f"{c[0]}-{c[2]}" for c in NONFINITE])
def test_nonfinite_is_rejected_as_not_finite(name, value):
    with pytest.raises(ParameterError, match=f"^{name} must be finite"):
        Params(**{name: value})


OUT_OF_RANGE = [("H-np32", "H", np.float32(0.5), "greater than 1"),
                ("k-fraction", "k", Fraction(0), "greater than 0"),
                ("pA-sympy", "pA", sympy.Rational(3, 2), "probability"),
                ("L-sympy-float", "L", sympy.Float(2.0), "less than 1"),
                ("betaA-str", "betaA", "0.5", "real number"),
                ("thetaA-bool", "thetaA", True, "real number")]
NOT_REAL = [(name, kind, v) for name in PARAMETERS
            for kind, v in (("None", None), ("complex", 1 + 1j), ("list", [0.5]),
                            ("array", np.array([0.5])), ("bytes", b"0.5"), ("np-bool", np.bool_(True)))]
OUT_OF_RANGE += [(f"{name}-{kind}", name, v, "real number") for name, kind, v in NOT_REAL]


@pytest.mark.parametrize("name, value, rule", [c[1:] for c in OUT_OF_RANGE],
                         ids=[c[0] for c in OUT_OF_RANGE])
def test_out_of_range(name, value, rule):
    with pytest.raises(ParameterError, match=rule):
        Params(**{name: value})


@pytest.mark.parametrize("tol, rule", [(float("nan"), "finite"), (float("inf"), "finite"),
                                       (-1, "at least 0"), ("1e-9", "real number")],
                         ids=["nan", "inf", "negative", "string"])
def test_solve_tol(tol, rule):
    with pytest.raises(ParameterError, match=f"tol must be .*{rule}"):
        solve(Params(), tol=tol)


@pytest.mark.parametrize("n", [0, -1, "5", (3,), (3, 0), 10**20, 2.5, True],
                         ids=["zero", "negative", "string", "one-tuple", "pair-zero", "huge",
                              "float", "bool"])
def test_region_map_n(n):
    with pytest.raises(ParameterError, match="^n"):
        region_map(Params(), n=n)


@pytest.mark.parametrize("call, arg", [(lambda: solve(None), "params"),
                                       (lambda: solve("x"), "params"),
                                       (lambda: region_map("x"), "base")],
                         ids=["solve-None", "solve-str", "region_map-str"])
def test_wrong_type(call, arg):
    with pytest.raises(TypeError, match=arg):
        call()


@pytest.mark.parametrize("xlim", [(0.5, 0.5), (1, 0), (0, float("nan"))],
                         ids=["empty", "reversed", "nan"])
def test_region_map_xlim(xlim):
    with pytest.raises(ParameterError, match="xlim"):
        region_map(Params(), xlim=xlim, n=4)


@pytest.mark.parametrize("call, rule", [
    (lambda: solve(Params(), dominance="pareto"), "^dominance must be one of"),
    (lambda: solve(Params(), scope="mixed"), "^scope must be one of"),
    (lambda: solve(Params(), offpath="x"), "^offpath must be one of"),
    (lambda: region_map(Params(), "q", "pB", n=4), "axis parameter must be one of"),
    (lambda: region_map(Params(), n=4, dominance="x"), "^dominance must be one of"),
    (lambda: region_map(Params(), n=4, ylim=(0,)), "^ylim must be a pair"),
], ids=["solve-dominance", "solve-scope", "solve-offpath", "map-axis", "map-dominance",
        "map-ylim"])
def test_keyword_choices(call, rule):
    with pytest.raises(ParameterError, match=rule):
        call()
