"""Closed-form conditions agree with the enumerator (same payoffs, derived
symbolically)."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp
from conftest import random_params, valid_params
from hypothesis import given, settings

from trustgame import Params, named_condition, solve
from trustgame.analysis.conditions import CLASSES, SYMBOLS, class_info, evaluate
from trustgame.core.equilibria import OFFPATH, pure_equilibria


def _closed_form_names(p: Params, offpath="free"):
    vals = p.as_dict()
    return {class_info(*c, offpath).name for c in CLASSES
            if evaluate(class_info(*c, offpath).condition, **vals)}


def _enumerated_names(p: Params, offpath="free"):
    return {e.key for e in pure_equilibria(p.game(), offpath=offpath)}


@settings(max_examples=150)
@given(valid_params())
def test_closed_forms_agree_with_enumeration_on_random_points(p):
    assert _closed_form_names(p) == _enumerated_names(p)


def _points(seed, n):
    """``n`` random parameter points from a fixed seed, as pytest params."""
    rng = np.random.default_rng(seed)
    return [pytest.param(random_params(rng), id=f"point{i}") for i in range(n)]


@pytest.mark.parametrize("p", _points(7, 80))
@pytest.mark.parametrize("offpath", OFFPATH)
def test_closed_forms_agree_under_every_offpath_convention(offpath, p):
    assert _closed_form_names(p, offpath) == _enumerated_names(p, offpath), p


@pytest.mark.parametrize("p", _points(11, 60))
def test_closed_form_payoffs_equal_enumerated_payoffs(p):
    vals = p.as_dict()
    sol = solve(p, scope="pure", dominance="none")
    for c in CLASSES:
        info = class_info(*c)
        if not evaluate(info.condition, **vals):
            continue
        name = info.name.split("[")[0]
        leader = info.name[-2] if "[" in info.name else None
        eq = sol.by_name(name, leader)
        for (state, tname), expr in info.payoffs.items():
            val = float(expr.subs({SYMBOLS[k]: v for k, v in vals.items()}))
            assert val == pytest.approx(float(eq.payoff(state, tname)), abs=1e-9)


def test_named_condition_is_printable_sympy():
    c = named_condition("trust-building")
    assert isinstance(c, sp.Basic)
    assert {"p_A", "p_B", "k", "L"} <= {s.name for s in c.free_symbols}
    assert "p_B" in sp.latex(c).replace("{", "").replace("}", "")


def test_evaluate_broadcasts_over_arrays():
    x = np.linspace(0.05, 0.95, 7)[None, :]
    y = np.linspace(0.05, 0.95, 5)[:, None]
    out = np.broadcast_to(evaluate(named_condition("trust-building"), H=1.5, L=-0.1, k=0.9,
                                   pA=x, pB=y, betaA=0.0, betaB=0.0, thetaA=1, thetaB=1), (5, 7))
    assert out.shape == (5, 7) and out.dtype == bool


def test_unknown_name_raises():
    with pytest.raises(KeyError):
        named_condition("grand-bargain")
