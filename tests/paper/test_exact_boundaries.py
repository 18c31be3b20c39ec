"""Boundaries of the named equilibria in exact arithmetic.

Each boundary is a rational number derived from the paper's figure values
(H = 3/2, L = -1/10, k = 9/10).  At the boundary itself the equilibrium
exists (the constraints are weak inequalities); a millionth beyond it, it
does not.  Both enumerators run with Fractions and tolerance 0.
"""

from __future__ import annotations

from fractions import Fraction as F

import pytest

from trustgame import Params, solve
from trustgame.audit.bruteforce import brute_force_efficient, brute_force_equilibria

EPS = F(1, 10**6)
BASE = dict(H=F(3, 2), L=F(-1, 10), k=F(9, 10))


def _names(p: Params):
    p = p.exact()
    sol = solve(p, scope="pure")
    bf = brute_force_equilibria(p)
    assert {e.key for e in bf} == set(sol.names()), p
    return set(sol.names())


def _efficient(p: Params):
    p = p.exact()
    sol = solve(p, scope="pure")
    assert sorted({e.key for e in brute_force_efficient(p)}) == sol.efficient_names()
    return sol.efficient_names()


# (id, equilibrium, parameters at the boundary, the parameter moved, direction out)
BOUNDARIES = [
    ("tb-lower-bound k/(2+k-L)", "trust-building",
     dict(pA=F(2, 5), pB=F(3, 10)), "pB", -1),
    ("tb-upper-bound k/(1+k)", "trust-building",
     dict(pA=F(2, 5), pB=F(9, 19)), "pB", +1),
    ("suckers at the threshold t", "suckers",
     dict(pA=F(9, 10), pB=F(9, 20)), "pB", -1),
    ("suckers greedy bound (H-1)/(theta H)", "suckers",
     dict(pA=F(9, 10), pB=F(1, 2), thetaA=F(2, 3), thetaB=F(2, 3)), "pB", -1),
    ("mixed trust-building lower bound", "mixed-trust-building",
     dict(pA=F(3, 5), pB=F(180, 391)), "pB", -1),
    ("mixed trust-building upper bound", "mixed-trust-building",
     dict(pA=F(3, 5), pB=F(36, 43)), "pB", +1),
    ("tragic at beta = t", "tragic",
     dict(pA=F(1, 5), pB=F(1, 5), betaA=F(9, 20)), "betaA", +1),
    ("tragic with mixed punishment, beta* = 189/400", "tragic",
     dict(pA=F(3, 5), pB=F(3, 5), betaA=F(189, 400), betaB=F(189, 400)), "betaA", +1),
    ("trust-building in Figure 3, theta = 56/75", "trust-building",
     dict(pA=F(1, 2), betaB=F(7, 10), betaA=F(1, 2), pB=F(1, 5),
          thetaA=F(56, 75), thetaB=F(56, 75)), "theta", +1),
    ("asymmetric trust-building in Figure 3, theta = 62/75", "asymmetric-trust-building[B]",
     dict(pA=F(1, 2), betaB=F(7, 10), betaA=F(1, 1000), pB=F(1, 1000),
          thetaA=F(62, 75), thetaB=F(62, 75)), "theta", +1),
]


def _move(kw, name, step):
    kw = dict(kw)
    if name == "theta":
        kw["thetaA"] += step
        kw["thetaB"] += step
    else:
        kw[name] += step
    return kw


@pytest.mark.parametrize("label,name,kw,moved,out", [pytest.param(*b, id=b[0]) for b in BOUNDARIES])
def test_equilibrium_exists_at_its_boundary_and_not_beyond(label, name, kw, moved, out):
    """Figures 1-3 and Table 5: the boundary of each named equilibrium,
    exactly."""
    assert name in _names(Params(**BASE, **kw)), label
    assert name not in _names(Params(**BASE, **_move(kw, moved, out * EPS))), label
    assert name in _names(Params(**BASE, **_move(kw, moved, -out * EPS))), label


def test_figure1_two_pbe_er_below_the_zero_payoff_line():
    """Figure 1 note (uniqueness): trust-building gives the security-seeker
    exactly 0 at p = k/(2+k) = 9/29, where it weakly dominates tragic; just
    below, both survive the refinement."""
    at = Params(**BASE, pA=F(9, 29), pB=F(9, 29))
    assert _efficient(at) == ["trust-building"]
    below = Params(**BASE, pA=F(9, 29) - EPS, pB=F(9, 29) - EPS)
    assert _efficient(below) == ["tragic", "trust-building"]


def test_result_1b_threshold_is_sharp_at_low_trust():
    """Result 1b: at p = 1e-6 trust-building exists with beta at or above
    k/(1+k-L) = 9/20 and not below it."""
    low = dict(pA=EPS, pB=EPS)
    assert "trust-building" in _names(Params(**BASE, **low, betaA=F(9, 20), betaB=F(9, 20)))
    assert "trust-building" not in _names(
        Params(**BASE, **low, betaA=F(9, 20) - F(1, 1000), betaB=F(9, 20) - F(1, 1000)))


def test_knife_edge_prior_at_threshold_is_flagged():
    """Result 1c: with A pooling on defection and p_A exactly at the
    threshold, after B's cooperation the period-2 game has a continuum of
    equilibria (B's security-seeker may cooperate with any probability
    from t to 1); the solver flags it and both enumerators find the same
    equilibria."""
    p = Params(**BASE, pA=F(9, 20), pB=F(1, 100), betaA=F(1, 100), betaB=F(1, 2))
    names = _names(p)
    assert "asymmetric-trust-building[B]" in names
    sol = solve(p.exact(), scope="pure")
    assert any(e.knife_edge for e in sol.equilibria)
