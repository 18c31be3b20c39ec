"""Exact linear algebra over the rationals (trustgame.core.rational)."""

from __future__ import annotations

from fractions import Fraction as F

import pytest

from trustgame.core.rational import affine_solutions, polytope_vertices, rank

THIRD = F(1, 3)
#: u1 >= 1/3, u2 >= 1/3, u1 + u2 <= 2/3 + slack: a triangle that shrinks to
#: the point (1/3, 1/3) at slack 0 and is empty below it
TRIANGLE = [[1, 0], [0, 1], [-1, -1]]


@pytest.mark.parametrize("slack,expected", [
    pytest.param(F(1, 3), [[THIRD, THIRD], [THIRD, F(2, 3)], [F(2, 3), THIRD]], id="triangle"),
    pytest.param(F(0), [[THIRD, THIRD]], id="a-single-point"),
    pytest.param(F(-1, 10**12), [], id="empty-by-a-trillionth"),
    pytest.param(F(-1, 2), [], id="clearly-empty"),
])
def test_vertices_are_exact_at_and_beyond_degeneracy(slack, expected):
    got = polytope_vertices(TRIANGLE, [THIRD, THIRD, -(F(2, 3) + slack)])
    assert sorted(got) == sorted(expected)


@pytest.mark.parametrize("b,expected", [
    pytest.param([F(1, 3), F(-1, 3)], [[F(1, 3)]], id="a-point"),
    pytest.param([F(1, 3), F(-1, 3) + F(1, 10**15)], [], id="empty"),
    pytest.param([F(1, 3), F(-2, 3)], [[F(1, 3)], [F(2, 3)]], id="an-interval"),
])
def test_intervals(b, expected):
    assert polytope_vertices([[1], [-1]], b) == expected


def test_affine_solutions_of_an_inconsistent_system_are_none():
    assert affine_solutions([[1, 1], [2, 2]], [1, 3], 2) is None


def test_affine_solutions_span_the_null_space():
    x0, basis = affine_solutions([[1, 2, 3]], [F(6)], 3)
    assert len(basis) == 2
    for d in basis:
        assert d[0] + 2 * d[1] + 3 * d[2] == 0
    assert x0[0] + 2 * x0[1] + 3 * x0[2] == 6


def test_rank_is_exact():
    eps = F(1, 10**30)
    assert rank([[1, 1], [1, 1 + eps]]) == 2
    assert rank([[1, 1], [2, 2]]) == 1
