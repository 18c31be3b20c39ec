"""Named tolerances (trustgame.core.tolerances) and how predicates use them."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from trustgame import Params, solve
from trustgame.core.tolerances import DEFAULT_TOL, resolve_tol

PACKAGE = Path(__file__).resolve().parents[2] / "trustgame"


def test_resolve_tol_falls_back_to_the_default():
    assert resolve_tol(None) == DEFAULT_TOL == 1e-9
    assert resolve_tol(None, exact=True) == 0
    assert resolve_tol(1e-3) == 1e-3


def test_tol_changes_the_answer_at_a_boundary():
    """pB = 0.3 is trust-building's lower edge at Figure 1 (k / (2 + k - L));
    1e-8 below it, the default tolerance rejects the point and a looser one
    accepts it."""
    p = Params(pA=0.35, pB=0.3 - 1e-8)
    assert not solve(p, scope="pure").has("trust-building")
    assert solve(p, scope="pure", tol=1e-6).has("trust-building")


def _float_literals(path: Path) -> list[tuple[int, float]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [(n.lineno, n.value) for n in ast.walk(tree)
            if isinstance(n, ast.Constant) and isinstance(n.value, float) and 0 < n.value < 1e-5]


MODULES = sorted(p for p in PACKAGE.rglob("*.py") if p.name != "tolerances.py")


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_literal_tolerances_outside_the_tolerances_module(path):
    """Tiny float literals in code (not docstrings) are tolerances: they
    belong in trustgame.core.tolerances."""
    assert _float_literals(path) == []
