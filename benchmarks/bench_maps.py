"""Time the closed-form region map and compare it with per-point enumeration.

Prints the time of a 500 x 500 map of Figure 2, and the ratio of
per-point enumeration (one ``solve(..., scope="pure")`` per cell)
to the closed-form map on the same 60 x 60 grid; the per-point time for the
full 500 x 500 grid is extrapolated from it (running it would take about
an hour).

Usage: python benchmarks/bench_maps.py
"""

from __future__ import annotations

import platform
import time

from trustgame import region_map, region_map_pointwise
from trustgame.paper import FIGURES


def best_of(f, repeat=3):
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        f()
        times.append(time.perf_counter() - t)
    return min(times)


def main():
    base = FIGURES[2]["base"]
    t0 = time.perf_counter()
    region_map(base, "pA", "pB", n=10)
    derive = time.perf_counter() - t0
    fast500 = best_of(lambda: region_map(base, "pA", "pB", n=500))
    n = 60
    fast_small = best_of(lambda: region_map(base, "pA", "pB", n=n))
    slow_small = best_of(lambda: region_map_pointwise(base, "pA", "pB", n=n), repeat=1)
    per_cell = slow_small / n**2
    print(f"machine: {platform.machine()}, {platform.python_implementation()} {platform.python_version()}")
    print(f"one-off symbolic derivation and compilation: {derive:.2f} s")
    print(f"closed-form map, 500 x 500 cells: {fast500:.3f} s (best of 3)")
    print(f"same grid {n} x {n}: closed form {fast_small:.4f} s, per-point {slow_small:.1f} s, "
          f"ratio {slow_small / fast_small:.0f}x")
    print(f"per-point enumeration of 500 x 500 extrapolated: {per_cell * 500**2 / 60:.0f} min "
          f"(ratio {per_cell * 500**2 / fast500:.0f}x)")


if __name__ == "__main__":
    main()
