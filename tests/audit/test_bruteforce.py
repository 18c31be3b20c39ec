"""The independent brute-force enumerator (trustgame.audit.bruteforce) against the
main solver: the same equilibria, names and payoffs at 1,000 random points,
on coarse versions of the Figure 1-3 grids and in exact arithmetic."""

from __future__ import annotations

import ast
from fractions import Fraction
from functools import cache
from pathlib import Path

import numpy as np
import pytest
from conftest import random_params

from trustgame import Params, solve
from trustgame.analysis.maps import region_map
from trustgame.audit import VERIFICATION_SAMPLES
from trustgame.audit.bruteforce import (
    brute_force_efficient,
    brute_force_equilibria,
    name_of,
    period2_equilibria,
    profile_violations,
    summary,
)
from trustgame.paper import FIGURES

#: Test settings, stated here; the audit records the same sample sizes for
#: the book to cite (checked below).
SEED = 20261201
N_RANDOM = 1000
GRID = 16
_HIST = ("CC", "CD", "DC", "DD")
#: Payoffs of the two enumerators agree to this (a test setting).
TOL = 1e-9


def test_the_audit_records_these_sample_sizes():
    """The book cites :data:`trustgame.audit.VERIFICATION_SAMPLES`: it must
    say what this file runs."""
    assert VERIFICATION_SAMPLES["bruteforce_random"] == N_RANDOM
    assert VERIFICATION_SAMPLES["bruteforce_grid"] == GRID


def _solver_summary(sol):
    out = {}
    for e in sol.equilibria:
        out.setdefault(e.key, []).append(tuple(float(v) for v in e.payoff_vector()))
    return out


def _same(a: dict, b: dict, tol=TOL) -> bool:
    if set(a) != set(b):
        return False
    for k in a:
        if len(a[k]) != len(b[k]):
            return False
        if not np.allclose(sorted(a[k]), sorted(b[k]), atol=tol):
            return False
    return True


def _points():
    rng = np.random.default_rng(SEED)
    return [random_params(rng) for _ in range(N_RANDOM)]


_POINTS = _points()


def test_bruteforce_does_not_import_the_solver_modules():
    """The audit needs a second enumerator that shares no code with the
    first: only trustgame.core.model (payoffs and parameters) and
    trustgame.core.tolerances (named constants, no code) may be imported."""
    src = (Path(__file__).resolve().parents[2] / "trustgame" / "audit" / "bruteforce.py").read_text()
    mods = set()
    for node in ast.walk(ast.parse(src)):
        if isinstance(node, ast.ImportFrom):
            mods.add(("." * node.level) + (node.module or ""))
        elif isinstance(node, ast.Import):
            mods.update(a.name for a in node.names)
    internal = {m for m in mods if m.startswith(".") or m.startswith("trustgame")}
    assert internal == {"..core.model", "..core.tolerances"}


@pytest.mark.parametrize("p", [pytest.param(p, id=f"point{i:04d}") for i, p in enumerate(_POINTS)])
def test_same_equilibria_names_and_payoffs_at_random_points(p):
    """Every PBE with pure period-1 play (names and interim payoffs) and the
    PBE-ER agree at 1,000 random parameter points (one test per point)."""
    bf = brute_force_equilibria(p)
    sol = solve(p, scope="pure")
    assert _same(summary(bf), _solver_summary(sol)), p
    eff = sorted({e.key for e in brute_force_efficient(p, equilibria=bf)})
    assert eff == sol.efficient_names(), p


@cache
def _figure_grid(number):
    spec = FIGURES[number]
    return region_map(spec["base"], spec["x"], spec["y"], n=GRID)


@pytest.mark.parametrize("number,row", [pytest.param(number, i, id=f"figure{number}-row{i:02d}")
                                        for number in (1, 2, 3) for i in range(GRID)])
def test_coarse_figure_grid_matches_region_map(number, row):
    """On a 16 x 16 version of Figure 1, 2 or 3 the brute force finds the
    same equilibria in every cell as the closed-form map, and the same
    PBE-ER (weak dominance); one test per row of the grid, each cell of the
    row reported by its index."""
    m = _figure_grid(number)
    wrong = []
    for j in range(GRID):
        p = m.params_at(row, j)
        bf = brute_force_equilibria(p)
        if sorted({e.key for e in bf}) != m.cell_names(row, j, efficient=False):
            wrong.append((row, j, "equilibria"))
        if sorted({e.key for e in brute_force_efficient(p, equilibria=bf)}) != m.cell_names(row, j):
            wrong.append((row, j, "PBE-ER"))
    assert wrong == []


@pytest.mark.parametrize("pA,pB", [
    pytest.param(Fraction(3, 10), Fraction(3, 10), id="3/10-3/10"),
    pytest.param(Fraction(3, 10), Fraction(3, 10) - Fraction(1, 10**6), id="3/10-just-below"),
    pytest.param(Fraction(9, 20), Fraction(9, 20), id="at-threshold"),
    pytest.param(Fraction(9, 20), Fraction(1, 2), id="9/20-1/2"),
    pytest.param(Fraction(1, 3), Fraction(9, 10), id="1/3-9/10"),
])
def test_exact_arithmetic_agrees_with_the_solver(pA, pB):
    """At exact rational points (including boundaries and priors at the
    cooperation threshold) both enumerators agree with tolerance 0."""
    p = Params(pA=pA, pB=pB).exact()
    bf = brute_force_equilibria(p)
    sol = solve(p, scope="pure")
    assert {e.key for e in bf} == set(sol.names())
    assert sorted(e.key for e in brute_force_efficient(p, equilibria=bf)) == sol.efficient_names()


def test_period2_support_enumeration_finds_the_three_equilibria():
    """After mutual cooperation in trust-building (both revealed
    security-seekers) the period-2 game has CC, the mixed equilibrium with
    cooperation probability k/(1+k-L) and DD."""
    eqs = period2_equilibria(0.9, ((-0.1, 1.5), (-0.1, 1.5)), ((1, 0), (1, 0)))
    sec = sorted(round(xa[0], 12) for xa, _, _ in eqs)
    assert sec == [0, 0.45, 1]


def test_period2_below_threshold_only_mutual_defection():
    """With a posterior below the threshold only DD remains."""
    eqs = period2_equilibria(0.9, ((-0.1, 1.5), (-0.1, 1.5)), ((0.3, 0.7), (1, 0)))
    assert [(xa, xb) for xa, xb, _ in eqs] == [((0, 0), (0, 0))]


def test_period2_knife_edge_reports_end_points():
    """At a posterior exactly at the threshold the period-2 game has a
    continuum; its end points are reported and flagged."""
    F = Fraction
    eqs = period2_equilibria(F(9, 10), ((F(-1, 10), F(3, 2)), (F(-1, 10), F(3, 2))),
                             ((F(9, 20), F(11, 20)), (1, 0)), tol=0)
    assert any(knife for _, _, knife in eqs)
    assert ((1, 0), (1, 0)) in [(xa, xb) for xa, xb, _ in eqs]


def test_name_of_uses_the_paper_vocabulary():
    """Section 'The Baseline': suckers is pooling on C with cooperation after CC."""
    cont = {"CC": ((1, 0), (1, 0))}
    mu = {"CC": ((0.5, 0.5), (0.5, 0.5))}
    assert name_of((("C", "C"), ("C", "C")), cont, mu) == "suckers"
    assert name_of((("C", "C"), ("D", "D")), {"CD": ((1, 0), (1, 0))},
                   {"CD": ((0.5, 0.5), (0.5, 0.5))}) == "pool-C/pool-D:CC"


def test_profile_violations_rejects_a_profile_that_is_not_an_equilibrium():
    """Trust-building play at p = 0.1 fails the security-seeker's incentive."""
    tb = {"CC": ((1, 0), (1, 0)), "CD": ((0, 0), (0, 0)), "DC": ((0, 0), (0, 0)),
          "DD": ((0, 0), (0, 0))}
    assert profile_violations(Params(pA=0.1, pB=0.1), ((1, 0), (1, 0)), tb)
    bad = dict(tb, CC=((1, 1), (1, 0)))  # greedy A cooperates after CC
    assert any("after CC" in v for v in profile_violations(Params(pA=0.35, pB=0.35),
                                                          ((1, 0), (1, 0)), bad))


@pytest.mark.slow
@pytest.mark.parametrize("pA,pB", [(0.42, 0.42), (0.2, 0.9), (0.9, 0.9)],
                         ids=lambda v: f"{v}")
def test_semi_separating_equilibria_pass_the_independent_check(pA, pB):
    """Equilibria with period-1 mixing (which the brute force does not
    enumerate) pass its independent PBE check, at the points where the
    replication notes use them as witnesses."""
    sol = solve(Params(pA=pA, pB=pB))
    mixed = [e for e in sol.equilibria if e.method == "semi-separating"]
    assert mixed
    found = []
    for e in mixed:
        p1 = tuple(tuple(float(x) for x in xs) for xs in e.period1)
        p2 = {h: tuple(tuple(float(x) for x in xx) for xx in c.x)
              for h, c in zip(_HIST, e.period2)}
        found += [(e.name, v) for v in profile_violations(e.game.params, p1, p2)]
    assert found == []


def test_bruteforce_offpath_choice_completes_the_profile():
    """The stored off-path continuation makes every brute-force equilibrium
    a full profile that passes the independent check."""
    p = Params(pA=0.9, pB=0.9)
    eqs = brute_force_equilibria(p)
    assert eqs
    found = []
    for e in eqs:
        p1 = tuple(tuple(e.strategy(s, t) for t in ("security", "greedy")) for s in "AB")
        p2 = {h: tuple(tuple(e.strategy(s, t, h) for t in ("security", "greedy")) for s in "AB")
              for h in _HIST}
        found += [(e.key, v) for v in profile_violations(p, p1, p2, tol=TOL)]
    assert found == []
