"""Time the full-scope region map: every PBE, period-1 mixing included,
and the PBE-ER with families refined whole (weak dominance).

Prints the time of the map of Figure 1 (and of Figures 2 and 3) at
200 x 200 and 500 x 500 cells, and the per-point ratio: the time of
``solve(...)`` (scope "all") at one point, times the number of cells,
over the map's time.  Targets: 500 x 500 under 60 s and 200 x 200 under
10 s on one core.

Usage: python benchmarks/bench_full_scope.py [--quick]
"""

from __future__ import annotations

import platform
import sys
import time

import numpy as np

from trustgame import region_map, solve
from trustgame.paper import FIGURES


def timed(f):
    t = time.perf_counter()
    f()
    return time.perf_counter() - t


def main(argv) -> int:
    quick = "--quick" in argv
    sizes = (50,) if quick else (200, 500)
    print(f"machine: {platform.machine()}, {platform.python_implementation()} "
          f"{platform.python_version()}, one process")
    region_map(FIGURES[1]["base"], "pA", "pB", n=4, scope="all")  # compile the closed forms
    rng = np.random.default_rng(7)
    per_point = []
    for pA, pB in rng.uniform(0.02, 0.98, size=(5 if quick else 20, 2)):
        per_point.append(timed(lambda: solve(FIGURES[1]["base"].replace(pA=pA, pB=pB))))
    point = float(np.median(per_point))
    print(f"solve(..., scope='all') at one point of Figure 1: {point * 1000:.0f} ms (median)")
    ok = True
    for num in (1, 2, 3):
        fig = FIGURES[num]
        x, y = fig.get("x", "pA"), fig.get("y", "pB")
        for n in sizes:
            t = timed(lambda: region_map(fig["base"], x, y, n=n, scope="all"))
            ratio = point * n * n / t
            target = {200: 10.0, 500: 60.0}.get(n)
            flag = "" if target is None else f" (target < {target:.0f} s)"
            if target is not None and t >= target:
                ok = False
                flag += " MISSED"
            print(f"Figure {num}, full scope, {n} x {n}: {t:.1f} s{flag}; "
                  f"per-point solves would take {point * n * n / 60:.0f} min (ratio {ratio:.0f}x)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
