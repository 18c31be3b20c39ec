"""At extreme valid points ``solve`` finds an equilibrium and every reported
one passes the independent deviation check."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from trustgame import Params, solve, violations

POINTS = {
    "k-1e-12": dict(k=1e-12), "k-1e-9": dict(k=1e-9), "k-1e6": dict(k=1e6),
    "theta-1e9": dict(thetaA=1e9, thetaB=1e9), "theta-1e-9": dict(thetaA=1e-9, thetaB=1e-9),
    "theta-mixed": dict(thetaA=1e-9, thetaB=1e9),
    "H-just-above-1": dict(H=1 + 1e-9), "L-far-below": dict(L=-1e6), "L-just-below-1": dict(L=1 - 1e-9),
    "priors-0": dict(pA=0, pB=0), "priors-1": dict(pA=1, pB=1), "betas-1": dict(betaA=1, betaB=1),
    "betas-at-threshold": dict(betaA=0.45, betaB=0.45), "priors-at-threshold": dict(pA=0.45, pB=0.45),
    # found by a random sweep: the semi-separating search's linear system is
    # ill-conditioned here (k and thetaB of order 1e5 beside L of order 1e2)
    "ill-conditioned-mixing": dict(H=655.785434691966, L=-136.73846898228797, k=46397.04611620315,
                                   pA=1, pB=0.3003251979486421, betaA=1, betaB=1,
                                   thetaA=21.495475240687636, thetaB=122388.8377775066),
    # found by the sweep (scripts/sweep_extremes.py 400 13): payoff gaps of
    # exactly the tolerance (H - 1 = 1 - L = 1e-9)
    "gap-at-tolerance-1": dict(H=1 + 1e-9, L=1 - 1e-9, k=3.9011679394206514e-10,
                               pA=0.9944739203478202, pB=0, betaA=0, betaB=0.8006127659868975,
                               thetaA=5.052875582738241e-06, thetaB=2.2407492334919443e-05),
    "gap-at-tolerance-2": dict(H=1 + 1e-9, L=1 - 1e-9, k=1.950663214811684e-05, pA=0,
                               pB=0.4098131127801473, betaA=1, betaB=0.27166056818157835,
                               thetaA=5.704948637865608e-07, thetaB=5226.34714897399),
}


def _check(p):
    sol = solve(p)
    assert len(sol.equilibria) >= 1
    for e in sol.equilibria:
        assert violations(e) == [], (e.key, violations(e))


@pytest.mark.parametrize("kw", list(POINTS.values()), ids=list(POINTS))
def test_extreme_point(kw):
    _check(Params(**kw))


def _logs(lo, hi):
    return st.integers(lo, hi).map(lambda e: 10.0 ** e)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(k=_logs(-12, 6), thA=_logs(-9, 9), thB=_logs(-9, 9),
       pA=st.sampled_from([0.0, 0.3, 0.45, 1.0]), pB=st.sampled_from([0.0, 0.7, 1.0]),
       bA=st.sampled_from([0.0, 0.45, 1.0]), bB=st.sampled_from([0.0, 1.0]),
       H=st.sampled_from([1 + 1e-9, 1.5, 1e6]), L=st.sampled_from([-1e6, -0.1, 1 - 1e-9]))
def test_extreme_property(k, thA, thB, pA, pB, bA, bB, H, L):
    _check(Params(H=H, L=L, k=k, pA=pA, pB=pB, betaA=bA, betaB=bB, thetaA=thA, thetaB=thB))
