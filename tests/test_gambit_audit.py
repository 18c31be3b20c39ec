"""The audit's Gambit cross-checks (pygambit 16.7.0).

Sample sizes are in :data:`trustgame.audit.VERIFICATION_SAMPLES`.

* At 200 random points every equilibrium with pure period-1 play from the
  main solver (and, at 50 of them, from the brute-force enumerator) is a
  Nash equilibrium of the extensive game (Gambit's maximum regret below
  1e-9) and its on-path beliefs are Gambit's Bayes posteriors.
* At 30 points every equilibrium with period-1 mixing has regret below
  1e-7 (they are found by linear programming, hence the looser tolerance).
* At 20 points Gambit's logit quantal-response trace ends at an
  equilibrium the solver reports (compared on the path).
"""

from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("pygambit")

from conftest import random_params  # noqa: E402
from trustgame import solve  # noqa: E402
from trustgame.audit import VERIFICATION_SAMPLES, qre_match  # noqa: E402
from trustgame.audit.bruteforce import brute_force_equilibria  # noqa: E402
from trustgame.audit.crosscheck import gambit_game, gambit_posteriors, max_regret  # noqa: E402

SEED = 20261202
_HIST = ("CC", "CD", "DC", "DD")


def _points(n, seed):
    rng = np.random.default_rng(seed)
    return [random_params(rng) for _ in range(n)]


def _ids(p):
    return f"pA{p.pA:.3f}-pB{p.pB:.3f}-bA{p.betaA:.2f}-bB{p.betaB:.2f}"


_PURE = _points(VERIFICATION_SAMPLES["gambit_pure"], SEED)


@pytest.mark.slow
@pytest.mark.parametrize("chunk", range(4), ids=lambda i: f"chunk{i}")
def test_pure_equilibria_are_nash_in_gambit(chunk):
    """Every equilibrium the main solver reports: regret < 1e-9 and on-path
    beliefs = Gambit's (a quarter of the points per chunk).  Gambit's regret
    costs about 0.2 s per profile, so the brute-force equilibria (which
    carry their own off-path choices) are checked at the first chunk's
    points only."""
    for p in _PURE[chunk::4]:
        gi = gambit_game(p)
        for e in solve(p, scope="pure").equilibria:
            assert max_regret(e, gi) < 1e-9, (p, e.name)
            for h, (qa, qb) in gambit_posteriors(e, gi).items():
                assert qa == pytest.approx(float(e.security_belief(h, "A")), abs=1e-9), (p, h)
                assert qb == pytest.approx(float(e.security_belief(h, "B")), abs=1e-9), (p, h)
        if chunk == 0:
            for e in brute_force_equilibria(p):
                assert max_regret(e, gi) < 1e-9, (p, e.key)


@pytest.mark.slow
@pytest.mark.parametrize("p", _points(VERIFICATION_SAMPLES["gambit_semi_separating"], SEED + 1),
                         ids=_ids)
def test_semi_separating_equilibria_are_nash_in_gambit(p):
    """Equilibria with period-1 mixing: regret < 1e-7 (LP tolerance) and
    Gambit's posteriors on the path."""
    gi = gambit_game(p)
    for e in solve(p).equilibria:
        if e.method != "semi-separating":
            continue
        assert max_regret(e, gi) < 1e-7, e.name
        for h, (qa, qb) in gambit_posteriors(e, gi).items():
            assert qa == pytest.approx(float(e.security_belief(h, "A")), abs=1e-7)
            assert qb == pytest.approx(float(e.security_belief(h, "B")), abs=1e-7)


_QRE = _points(VERIFICATION_SAMPLES["gambit_qre"], SEED + 2)


@pytest.mark.slow
@pytest.mark.parametrize("p", _QRE, ids=_ids)
def test_logit_qre_limit_is_a_reported_equilibrium(p):
    """Gambit's logit QRE trace ends at an equilibrium the solver reports
    (on-path behaviour within 1e-3).  When the trace stops before
    converging (regret above 1e-6, which happens when some type is almost
    indifferent) the closest reported equilibrium must be within 1e-2."""
    r = qre_match(p)
    assert r["status"] in ("match", "near"), r
    if r["status"] == "near":
        assert r["regret"] > 1e-6 and r["distance"] <= 1e-2
