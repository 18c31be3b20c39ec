"""The parameter domain (trustgame.core.domain) and its use by validation."""

from __future__ import annotations

import math
import re
from fractions import Fraction

import numpy as np
import pytest

from trustgame import Params
from trustgame.core.domain import DOMAIN, PARAMETERS, check_value, is_real
from trustgame.core.errors import ParameterError


def test_one_row_per_parameter_in_params_order():
    assert PARAMETERS == ("H", "L", "k", "pA", "pB", "betaA", "betaB", "thetaA", "thetaB")
    assert Params().as_dict() == {n: DOMAIN[n].default for n in PARAMETERS}


@pytest.mark.parametrize("name, rule", [
    ("H", "must be greater than 1"), ("L", "must be less than 1"), ("k", "must be greater than 0"),
    ("pA", "must be a probability in [0, 1]"), ("betaB", "must lie in [0, 1]"),
    ("thetaA", "must be greater than 0"),
], ids=lambda v: v if isinstance(v, str) and " " not in v else "")
def test_rule_text(name, rule):
    assert DOMAIN[name].rule == rule


@pytest.mark.parametrize("name, value", [("H", 1.0), ("L", 1.0), ("k", 0.0), ("pA", -0.01),
                                          ("pB", 1.01), ("betaA", 1.5), ("thetaB", 0.0)],
                         ids=lambda v: str(v))
def test_values_outside_the_domain_are_rejected_with_the_rule(name, value):
    with pytest.raises(ParameterError, match=re.escape(f"{name} {DOMAIN[name].rule}")):
        check_value(name, value)


@pytest.mark.parametrize("name, value", [("pA", 0.0), ("pA", 1.0), ("betaA", 0.0), ("betaB", 1.0),
                                          ("H", Fraction(3, 2)), ("L", np.float64(-5.0))],
                         ids=lambda v: str(v))
def test_closed_bounds_and_other_number_types_are_admitted(name, value):
    check_value(name, value)


@pytest.mark.parametrize("value, real", [(1, True), (1.5, True), (Fraction(1, 3), True),
                                          (np.float32(2), True), (True, False), ("1", False),
                                          (None, False)], ids=repr)
def test_is_real(value, real):
    assert is_real(value) is real


def test_infinity_is_not_finite():
    with pytest.raises(ParameterError, match="H must be finite"):
        check_value("H", math.inf)


@pytest.mark.parametrize("name", PARAMETERS)
def test_slider_lies_inside_the_domain(name):
    lo, hi, step = DOMAIN[name].slider
    assert DOMAIN[name].admits(lo) and DOMAIN[name].admits(hi) and 0 < step < hi - lo
