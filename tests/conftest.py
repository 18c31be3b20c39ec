"""Shared fixtures and hypothesis strategies.

Paths are built from this file's location, never from the working
directory.
"""

from __future__ import annotations

import os
from pathlib import Path

import matplotlib
import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

matplotlib.use("Agg")

from trustgame import Params  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]

settings.register_profile(
    "ci", max_examples=100, deadline=None, derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(scope="session")
def root() -> Path:
    """The repository root."""
    return ROOT


def _prob(lo=0.01, hi=0.99):
    return st.floats(min_value=lo, max_value=hi, allow_nan=False)


@st.composite
def valid_params(draw, interior: bool = True, theta: bool = True):
    """Parameters drawn only from the valid space (H > 1 > L, k > 0, ...).

    Priors are kept inside (0.01, 0.99) when ``interior`` (the maps'
    domain); otherwise they may be 0 or 1.
    """
    H = draw(st.floats(min_value=1.01, max_value=4.0))
    L = draw(st.floats(min_value=-2.0, max_value=0.99))
    k = draw(st.floats(min_value=0.05, max_value=3.0))
    if interior:
        pA, pB = draw(_prob()), draw(_prob())
    else:
        pA = draw(st.one_of(_prob(), st.sampled_from([0.0, 1.0])))
        pB = draw(st.one_of(_prob(), st.sampled_from([0.0, 1.0])))
    bA, bB = draw(_prob(0.0, 1.0)), draw(_prob(0.0, 1.0))
    if theta:
        tA = draw(st.floats(min_value=0.1, max_value=3.0))
        tB = draw(st.floats(min_value=0.1, max_value=3.0))
    else:
        tA = tB = 1.0
    return Params(H=H, L=L, k=k, pA=pA, pB=pB, betaA=bA, betaB=bB, thetaA=tA, thetaB=tB)


def random_params(rng, theta: bool = True) -> Params:
    """Valid parameters from a numpy Generator (for seeded sweeps)."""
    return Params(
        H=float(rng.uniform(1.01, 4.0)), L=float(rng.uniform(-2.0, 0.99)),
        k=float(rng.uniform(0.05, 3.0)), pA=float(rng.uniform(0.01, 0.99)),
        pB=float(rng.uniform(0.01, 0.99)), betaA=float(rng.uniform(0, 1)),
        betaB=float(rng.uniform(0, 1)),
        thetaA=float(rng.uniform(0.1, 3.0)) if theta else 1.0,
        thetaB=float(rng.uniform(0.1, 3.0)) if theta else 1.0,
    )
