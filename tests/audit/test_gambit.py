"""Cross-check with Gambit (pygambit 16.7.0): every reported equilibrium is
a Nash equilibrium of the extensive-form game, and its on-path beliefs are
those Gambit derives by Bayes' rule."""

from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("pygambit")

from conftest import random_params  # noqa: E402

from trustgame import Params, solve  # noqa: E402
from trustgame.audit.crosscheck import gambit_game, gambit_posteriors, max_regret  # noqa: E402

RNG_SEED = 20261123


def _points(n, seed):
    rng = np.random.default_rng(seed)
    return [random_params(rng) for _ in range(n)]


@pytest.mark.parametrize("p", _points(60, RNG_SEED), ids=lambda p: f"pA{p.pA:.2f}-pB{p.pB:.2f}")
def test_pure_equilibria_have_zero_regret_in_gambit(p):
    gi = gambit_game(p)
    sol = solve(p, scope="pure")
    for e in sol.equilibria:
        assert max_regret(e, gi) < 1e-9, e.name
        post = gambit_posteriors(e, gi)
        for h, (qa, qb) in post.items():
            assert qa == pytest.approx(float(e.security_belief(h, "A")), abs=1e-9)
            assert qb == pytest.approx(float(e.security_belief(h, "B")), abs=1e-9)


_SEMI = _points(8, RNG_SEED + 1) + [Params(pA=0.9, pB=0.9),
                                   Params(pA=0.5, pB=0.3, betaA=0.1, betaB=0.7)]


@pytest.mark.parametrize("p", _SEMI, ids=lambda p: f"pA{p.pA:.2f}-pB{p.pB:.2f}-bA{p.betaA:.2f}")
def test_semi_separating_equilibria_have_zero_regret_in_gambit(p):
    gi = gambit_game(p)
    sol = solve(p)
    for e in sol.equilibria:
        if e.method == "semi-separating":
            assert max_regret(e, gi) < 1e-9, e.name


def test_gambit_detects_a_non_equilibrium():
    from dataclasses import replace

    e = solve(Params(pA=0.4, pB=0.4), scope="pure").by_name("trust-building")
    bad = replace(e, period1=((1, 1), e.period1[1]))
    assert max_regret(bad) > 0.01
