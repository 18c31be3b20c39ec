"""Property tests over the valid parameter space (hypothesis draws only
valid parameters)."""

from __future__ import annotations

from conftest import valid_params
from hypothesis import given, settings

from trustgame import solve, violations


@settings(max_examples=300)
@given(valid_params(interior=False))
def test_pure_search_never_crashes_and_every_equilibrium_verifies(p):
    sol = solve(p, scope="pure")
    for e in sol.equilibria:
        assert violations(e) == [], (e.name, violations(e))


@settings(max_examples=300)
@given(valid_params(interior=False))
def test_at_least_one_pbe_and_a_nonempty_efficient_set(p):
    sol = solve(p, scope="pure")
    assert sol.equilibria, p
    assert any(sol.efficient), p


@settings(max_examples=25)
@given(valid_params())
def test_semi_separating_equilibria_verify_independently(p):
    sol = solve(p)
    for e in sol.equilibria:
        assert violations(e) == [], (e.name, violations(e))
    assert any(sol.efficient)
