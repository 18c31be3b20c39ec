"""Completeness against Gambit (pygambit 16.7.0): every Nash equilibrium that
Gambit's algorithms find at random points lies in an equilibrium or a family
that the solver reports, or is a documented off-path artefact (a Nash
equilibrium that is no PBE); and the matcher can say no."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

pytest.importorskip("pygambit")

from conftest import random_params  # noqa: E402

from trustgame import Params, solve  # noqa: E402
from trustgame.audit.completeness import (  # noqa: E402
    closest,
    explain_miss,
    from_equilibrium,
    gambit_equilibria,
    match_equilibrium,
    match_tolerance,
    strategic_form,
)
from trustgame.audit.crosscheck import gambit_game  # noqa: E402

#: Seed of the sweep (the same as scripts/gambit_completeness.py).
RNG_SEED = 20261202
N_POINTS = 100
CHUNK = 10
#: Cheap algorithms at every point; the slower ones at the first few points.
CHEAP = ("lcp-tree", "lcp-strategic", "enumpure", "ipa")
SLOW = ("logit", "gnm", "simpdiv")
N_SLOW_POINTS = 6
#: Seconds after which Lemke-Howson on the strategic form is abandoned.
BUDGET = 1.0

_RNG = np.random.default_rng(RNG_SEED)
POINTS = [random_params(_RNG) for _ in range(N_POINTS)]


def _misses(points, algorithms, n_starts):
    out = []
    for p in points:
        sol = solve(p)
        for g in gambit_equilibria(p, algorithms, n_starts=n_starts, budget=BUDGET):
            if match_equilibrium(g, sol) is None and explain_miss(g) is None:
                out.append((p, g.algorithms, closest(g, sol)[1], g.profile))
    return out


_CHUNKS = [(i, POINTS[i:i + CHUNK]) for i in range(0, N_POINTS, CHUNK)]


def _chunk_id(c):
    return f"points{c[0]:03d}-{c[0] + len(c[1]) - 1:03d}"


# Two classes, so that ``pytest -n 2 --dist loadscope`` gives each worker one.
@pytest.mark.slow
class TestEveryGambitEquilibriumIsReportedA:
    @pytest.mark.parametrize("chunk", _CHUNKS[0::2], ids=_chunk_id)
    def test_every_gambit_equilibrium_is_reported(self, chunk):
        assert _misses(chunk[1], CHEAP, n_starts=1) == []


@pytest.mark.slow
class TestEveryGambitEquilibriumIsReportedB:
    @pytest.mark.parametrize("chunk", _CHUNKS[1::2], ids=_chunk_id)
    def test_every_gambit_equilibrium_is_reported(self, chunk):
        assert _misses(chunk[1], CHEAP, n_starts=1) == []

    @pytest.mark.parametrize("p", POINTS[:N_SLOW_POINTS], ids=lambda p: f"pA{p.pA:.2f}-pB{p.pB:.2f}")
    def test_logit_gnm_simpdiv_equilibria_are_reported(self, p):
        assert _misses([p], SLOW, n_starts=1) == []


def _labels_to_index(game):
    """Map Gambit's reduced-strategy labels (one digit per information set,
    ``*`` where unreached) to the index used by ``strategic_form``."""
    maps = []
    for pl, st in zip(game.players, ("A", "B")):
        isets = [i.label.split("/") for i in pl.infosets]
        idx = []
        for strat in pl.strategies:
            plan = {}
            for (_state, t, when), ch in zip(isets, strat.label):
                if ch != "*":
                    plan[(t, when)] = "CD"[int(ch) - 1]
            code = 0
            for t in ("security", "greedy"):
                a1 = plan[(t, "P1")]
                own = 0 if st == "A" else 1
                c = [plan[(t, h)] for h in ("CC", "CD", "DC", "DD") if h[own] == a1]
                # histories in HISTORIES order: other's C before other's D
                v = 4 * (a1 == "D") + 2 * (c[0] == "D") + (c[1] == "D")
                code = 8 * code + v
            idx.append(code)
        maps.append(idx)
    return maps


def test_strategic_form_is_gambits_reduced_strategic_form():
    """The numpy table equals Gambit's own conversion of the tree, strategy
    by strategy."""
    p = Params(pA=0.3, pB=0.6, betaA=0.2, betaB=0.5, thetaA=1.5, thetaB=0.7)
    g, _ = gambit_game(p)
    GA, GB = (np.asarray(x, dtype=float) for x in g.to_arrays())
    A, B, _span = strategic_form(p)
    ia, ib = _labels_to_index(g)
    assert sorted(ia) == list(range(64)) and sorted(ib) == list(range(64))
    np.testing.assert_allclose(A[np.ix_(ia, ib)], GA, atol=1e-12)
    np.testing.assert_allclose(B[np.ix_(ia, ib)], GB, atol=1e-12)


_P = Params(pA=0.35, pB=0.35)


@pytest.mark.parametrize("what", ["period-1", "on-path-period-2", "payoff"])
def test_matcher_rejects_a_perturbed_profile(what):
    """Trust-building perturbed in one compared quantity matches nothing."""
    sol = solve(_P)
    g = from_equilibrium(sol.by_name("trust-building"))
    assert match_equilibrium(g, sol).name == "trust-building"
    prof = dict(g.profile)
    if what == "period-1":
        prof[("A", "greedy", "P1")] = 0.01
        bad = replace(g, profile=prof)
    elif what == "on-path-period-2":
        prof[("B", "security", "CC")] = 0.99
        bad = replace(g, profile=prof)
    else:
        bad = replace(g, payoffs=((g.payoffs[0][0] + 0.01, g.payoffs[0][1]), g.payoffs[1]))
    assert closest(bad, sol)[1] > match_tolerance(0.0, _P)
    assert match_equilibrium(bad, sol) is None


def test_matcher_ignores_off_path_play():
    """Tragic (every type defects in period 1) with the opposite play after
    every history but DD, all of them off the path, still matches."""
    sol = solve(_P)
    g = from_equilibrium(sol.by_name("tragic"))
    off = [h for h in ("CC", "CD", "DC") if g.history_prob(h) <= 0]
    assert off == ["CC", "CD", "DC"]
    prof = {key: (1.0 - x if key[2] in off and not np.isnan(x) else x) for key, x in g.profile.items()}
    assert match_equilibrium(replace(g, profile=prof), sol).name == "tragic"


#: A point with several families of equilibria (intervals): the first point
#: of ``random_params`` with seed 20261203.
FAMILY_POINT = Params(H=3.5150199528497756, L=-0.2049646973566377, k=0.599678220977908,
                      pA=0.36458564521856723, pB=0.5330771128908046, betaA=0.030146462760616055,
                      betaB=0.022257234244687396, thetaA=2.7840517289526248,
                      thetaB=1.5954089358486623)


@pytest.fixture(scope="module")
def family_solution():
    sol = solve(FAMILY_POINT)
    assert sol.families, "no family at FAMILY_POINT"
    return sol


@pytest.mark.slow  # solving the point takes a few seconds
@pytest.mark.parametrize("weight", [0.5, 0.2], ids=["midpoint", "one-fifth"])
def test_matcher_accepts_an_interior_point_of_a_family(family_solution, weight):
    """A convex combination of a family's vertices lies in that family, and
    in no isolated equilibrium."""
    sol = family_solution
    for fam in sol.families:
        inner = from_equilibrium(fam.point(weight) if fam.dimension == 1 else fam.at())
        assert match_equilibrium(inner, sol) is fam, fam.name
        assert match_equilibrium(inner, replace(sol, families=())) is None, fam.name
