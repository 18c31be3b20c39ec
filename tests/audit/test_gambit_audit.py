"""The audit's Gambit cross-checks (pygambit 16.7.0).

The sample sizes are stated below; :data:`trustgame.audit.VERIFICATION_SAMPLES`
records the same numbers for the book (checked by a test).

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

#: Test settings, stated here.
SEED = 20261202
N_PURE, N_SEMI, N_QRE = 200, 30, 20
#: Brute-force equilibria (slower in Gambit) are checked at every fourth point.
BF_EVERY = 4
#: Gambit's regret is at most this for pure period-1 play, and at most
#: MIXED for period-1 mixing (found by linear programming).
PURE, MIXED = 1e-9, 1e-7
#: The logit trace: a match within QRE, and when the trace stops short
#: (regret above STOPPED) the closest equilibrium within NEAR.
QRE, STOPPED, NEAR = 1e-3, 1e-6, 1e-2


def _points(n, seed):
    rng = np.random.default_rng(seed)
    return [random_params(rng) for _ in range(n)]


def _ids(p):
    return f"pA{p.pA:.3f}-pB{p.pB:.3f}-bA{p.betaA:.2f}-bB{p.betaB:.2f}"


def test_the_audit_records_these_sample_sizes():
    """The book cites :data:`trustgame.audit.VERIFICATION_SAMPLES`: it must
    say what this file runs."""
    assert (VERIFICATION_SAMPLES["gambit_pure"], VERIFICATION_SAMPLES["gambit_semi_separating"],
            VERIFICATION_SAMPLES["gambit_qre"]) == (N_PURE, N_SEMI, N_QRE)


_PURE = _points(N_PURE, SEED)


@pytest.mark.slow
@pytest.mark.parametrize("i,p", [pytest.param(i, p, id=f"{i:03d}-{_ids(p)}")
                                 for i, p in enumerate(_PURE)])
def test_pure_equilibria_are_nash_in_gambit(i, p):
    """Every equilibrium the main solver reports: regret < 1e-9 and on-path
    beliefs = Gambit's.  Gambit's regret costs about 0.2 s per profile, so
    the brute-force equilibria (which carry their own off-path choices) are
    checked at every fourth point only (50 of the 200)."""
    gi = gambit_game(p)
    for e in solve(p, scope="pure").equilibria:
        assert max_regret(e, gi) < PURE, (p, e.name)
        for h, (qa, qb) in gambit_posteriors(e, gi).items():
            assert qa == pytest.approx(float(e.security_belief(h, "A")), abs=PURE), (p, h)
            assert qb == pytest.approx(float(e.security_belief(h, "B")), abs=PURE), (p, h)
    if i % BF_EVERY == 0:
        for e in brute_force_equilibria(p):
            assert max_regret(e, gi) < PURE, (p, e.key)


@pytest.mark.slow
@pytest.mark.parametrize("p", _points(N_SEMI, SEED + 1), ids=_ids)
def test_semi_separating_equilibria_are_nash_in_gambit(p):
    """Equilibria with period-1 mixing: regret < 1e-7 (LP tolerance) and
    Gambit's posteriors on the path."""
    gi = gambit_game(p)
    for e in solve(p).equilibria:
        if e.method != "semi-separating":
            continue
        assert max_regret(e, gi) < MIXED, e.name
        for h, (qa, qb) in gambit_posteriors(e, gi).items():
            assert qa == pytest.approx(float(e.security_belief(h, "A")), abs=MIXED)
            assert qb == pytest.approx(float(e.security_belief(h, "B")), abs=MIXED)


_QRE = _points(N_QRE, SEED + 2)


@pytest.mark.slow
@pytest.mark.parametrize("p", _QRE, ids=_ids)
def test_logit_qre_limit_is_a_reported_equilibrium(p):
    """Gambit's logit QRE trace ends at an equilibrium the solver reports
    (on-path behaviour within 1e-3).  When the trace stops before
    converging (regret above 1e-6, which happens when some type is almost
    indifferent) the closest reported equilibrium must be within 1e-2."""
    r = qre_match(p, tol=QRE)
    assert r["status"] in ("match", "near"), r
    if r["status"] == "near":
        assert r["regret"] > STOPPED and r["distance"] <= NEAR
