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
from trustgame.core.domain import DOMAIN  # noqa: E402

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


#: The ranges the tests draw from (test settings, stated here).  Each lies
#: inside the parameter domain that validation enforces; the check below
#: reads that domain, so a narrower domain would stop the suite at once.
RANGES = {"H": (1.01, 4.0), "L": (-2.0, 0.99), "k": (0.05, 3.0), "pA": (0.01, 0.99),
          "pB": (0.01, 0.99), "betaA": (0.0, 1.0), "betaB": (0.0, 1.0),
          "thetaA": (0.1, 3.0), "thetaB": (0.1, 3.0)}
for _name, (_lo, _hi) in RANGES.items():
    assert DOMAIN[_name].admits(_lo) and DOMAIN[_name].admits(_hi), _name


def _draw(name, lo=None, hi=None):
    a, b = RANGES[name]
    return st.floats(min_value=a if lo is None else lo, max_value=b if hi is None else hi,
                     allow_nan=False)


def _prob(lo=0.01, hi=0.99):
    return st.floats(min_value=lo, max_value=hi, allow_nan=False)


@st.composite
def valid_params(draw, interior: bool = True, theta: bool = True):
    """Parameters drawn only from the valid space (H > 1 > L, k > 0, ...).

    Priors are kept inside (0.01, 0.99) when ``interior`` (the maps'
    domain); otherwise they may be 0 or 1.
    """
    H, L, k = draw(_draw("H")), draw(_draw("L")), draw(_draw("k"))
    if interior:
        pA, pB = draw(_draw("pA")), draw(_draw("pB"))
    else:
        pA = draw(st.one_of(_draw("pA"), st.sampled_from([0.0, 1.0])))
        pB = draw(st.one_of(_draw("pB"), st.sampled_from([0.0, 1.0])))
    bA, bB = draw(_draw("betaA")), draw(_draw("betaB"))
    if theta:
        tA, tB = draw(_draw("thetaA")), draw(_draw("thetaB"))
    else:
        tA = tB = 1.0
    return Params(H=H, L=L, k=k, pA=pA, pB=pB, betaA=bA, betaB=bB, thetaA=tA, thetaB=tB)


def random_params(rng, theta: bool = True) -> Params:
    """Valid parameters from a numpy Generator (for seeded sweeps)."""
    kw = {n: float(rng.uniform(*RANGES[n])) for n in ("H", "L", "k", "pA", "pB", "betaA", "betaB")}
    if theta:
        kw.update(thetaA=float(rng.uniform(*RANGES["thetaA"])),
                  thetaB=float(rng.uniform(*RANGES["thetaB"])))
    return Params(**kw)


# Browser tests (tests/book): Playwright's sync API runs one event loop per
# thread, so every browser test module on a worker shares one session-wide browser.
CHROMIUM = Path(os.environ.get("TRUSTGAME_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, headless, driven by Playwright."""
    sync_api = pytest.importorskip("playwright.sync_api")
    if not CHROMIUM.exists():
        pytest.skip(f"no Chromium at {CHROMIUM} (make test installs Debian's chromium)")
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()
