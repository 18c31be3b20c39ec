"""Completeness against Gambit: every equilibrium Gambit finds is reported.

At seeded random parameter points (the sweep of
``tests/audit/test_gambit_completeness.py``: ``random_params`` of
``tests/conftest.py``, theta drawn too), run Gambit's algorithms
(:mod:`trustgame.audit.completeness`) and match each distinct equilibrium
they find against what :func:`trustgame.solve` reports.  Prints the number
of points, the distinct equilibria per algorithm, the share matched and
every miss with its parameters and profile.

Usage::

    python scripts/gambit_completeness.py                 # 100 points
    python scripts/gambit_completeness.py --points 200 --seed 7
    python scripts/gambit_completeness.py --algorithms lcp-tree,enumpure
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from conftest import random_params  # noqa: E402

from trustgame.audit.completeness import (  # noqa: E402
    ALGORITHMS,
    completeness_report,
    format_report,
)

#: Seed of the sweep of the test module (``tests/audit/test_gambit_completeness.py``).
SEED = 20261202


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--points", type=int, default=100, help="random points (default 100)")
    ap.add_argument("--seed", type=int, default=SEED, help=f"seed of the points (default {SEED})")
    ap.add_argument("--starts", type=int, default=2, help="random starts of gnm, ipa, simpdiv")
    ap.add_argument("--algorithms", default=",".join(ALGORITHMS),
                    help=f"comma-separated, from {', '.join(ALGORITHMS)}")
    args = ap.parse_args(argv)
    rng = np.random.default_rng(args.seed)
    points = [random_params(rng) for _ in range(args.points)]
    t0 = time.perf_counter()
    rep = completeness_report(points, algorithms=tuple(args.algorithms.split(",")),
                              n_starts=args.starts)
    print(format_report(rep))
    print(f"seed {args.seed}, {args.starts} random starts; {time.perf_counter() - t0:.0f} s in all")
    return 1 if rep["unexplained"] else 0


if __name__ == "__main__":
    sys.exit(main())
