"""The map kernel: every class at any array of points, with the
refinement; the grid map and a cloud of points give the same answers."""

from __future__ import annotations

import numpy as np
import pytest

from trustgame import Params, region_map, solve
from trustgame.analysis import SYMBOLS, class_arrays, evaluate_classes, grid_args
from trustgame.core.naming import CLASS_KEYS

FIG2 = Params(H=1.5, L=-0.1, k=0.9, betaA=0.6, betaB=0.7)


def _cloud(seed, n):
    rng = np.random.default_rng(seed)
    return dict(H=1.2 + rng.random(n), L=-0.3 + 0.4 * rng.random(n),
                k=0.5 + 0.4 * rng.random(n), pA=0.01 + 0.98 * rng.random(n),
                pB=0.01 + 0.98 * rng.random(n), betaA=rng.random(n), betaB=np.full(n, 0.7),
                thetaA=0.5 + rng.random(n), thetaB=np.ones(n))


@pytest.mark.parametrize("dominance", ["weak", "strict", "none", "ex-ante"])
def test_kernel_on_a_grid_is_the_region_map(dominance):
    m = region_map(FIG2, "pA", "pB", n=(30, 20), dominance=dominance)
    values = dict(zip(SYMBOLS, grid_args(FIG2, "pA", "pB", m.xs, m.ys)))
    names, exists, efficient = evaluate_classes(values, dominance)
    assert names == m.names == CLASS_KEYS
    assert exists.shape == (48, 20, 30)
    assert np.array_equal(exists, m.exists) and np.array_equal(efficient, m.efficient)


@pytest.mark.parametrize("dominance", ["weak", "strict", "ex-ante"])
def test_kernel_on_a_cloud_agrees_with_solve_at_every_point(dominance):
    values = _cloud(3, 40)
    names, exists, efficient = evaluate_classes(values, dominance)
    assert exists.shape == (48, 40)
    got = [(sorted(n for c, n in enumerate(names) if exists[c, i]),
            sorted(n for c, n in enumerate(names) if efficient[c, i])) for i in range(40)]
    want = []
    for i in range(40):
        sol = solve(Params(**{k: float(v[i]) for k, v in values.items()}),
                    dominance=dominance, scope="pure")
        want.append((sorted(sol.names()), sol.efficient_names()))
    assert got == want


def test_kernel_broadcasts_numbers_and_arrays():
    values = dict(FIG2.as_dict(), pA=np.array([0.2, 0.35, 0.9]), pB=0.35)
    names, exists, efficient = evaluate_classes(values)
    assert exists.shape == efficient.shape == (48, 3)
    assert [[n for c, n in enumerate(names) if efficient[c, i]] for i in range(3)] == [
        ["trust-building"], ["trust-building"], ["semi-tragic"]]


def test_restrict_to_keeps_only_the_named_classes():
    values = dict(FIG2.as_dict(), pA=np.array([0.35]), pB=np.array([0.35]))
    names, exists, efficient = evaluate_classes(values, restrict_to=("semi-tragic", "tragic"))
    assert names == ("semi-tragic", "tragic")         # in the order of CLASSES
    assert exists[:, 0].tolist() == [True, False]     # tragic is no PBE here (beta > 0)
    assert efficient[:, 0].tolist() == [True, False]  # trust-building, which beats it, is left out


def test_class_arrays_keep_the_values_as_given():
    pa = np.array([[0.2, 0.4]])
    ca = class_arrays(dict(FIG2.as_dict(), pA=pa, pB=np.array([[0.3], [0.5]])))
    assert ca.shape == (2, 2) and ca.exists.shape == (48, 2, 2)
    assert ca.args[list(SYMBOLS).index("pA")] is pa


def test_unknown_dominance_is_rejected():
    with pytest.raises(ValueError, match="dominance must be one of"):
        evaluate_classes(FIG2.replace(pA=0.3).as_dict(), dominance="pareto")
