"""Time a redraw of the interactive explorer.

A redraw computes the region map for the slider values (unless the map is
cached because only a slider on an axis moved), paints it, lists the
equilibria at the slider point and encodes the figure as PNG.  Prints the
best and median wall-clock and CPU times of several runs for

* a slider that is not on an axis (map recomputed; the common case),
* a slider on an axis (map reused; only the star and the table change),
* a change of axes (map recomputed and the whole figure redrawn),

at 100, 200 (the explorer's default) and 400 cells per axis.
``tests/viz/test_explorer.py`` asserts that the first and third take less
than 0.2 s of CPU time at 200 x 200.

Usage: python benchmarks/bench_explorer.py
"""

from __future__ import annotations

import platform
import statistics
import time

from trustgame.viz.explorer import Explorer

BASE = {"betaA": 0.6, "betaB": 0.7}


def timed(fn, runs):
    wall, cpu = [], []
    for r in range(runs):
        t, c = time.perf_counter(), time.process_time()
        fn(r)
        wall.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    return wall, cpu


def cases(ex):
    def slider(r):
        ex.redraw(dict(BASE, betaA=0.61 + 0.01 * r), "pA", "pB")

    def on_axis(r):
        ex.redraw(dict(BASE, pA=0.2 + 0.01 * r), "pA", "pB")

    def axes(r):
        ex.clear_cache()
        ex.redraw(BASE, ("betaA", "pA")[r % 2], "pB")

    return {"slider off the axes": slider, "slider on an axis": on_axis,
            "change of axes": axes}


def main():
    print(f"machine: {platform.machine()}, {platform.python_implementation()} "
          f"{platform.python_version()}")
    t = time.perf_counter()
    Explorer(n=10).redraw(BASE)
    print(f"first call (derives and compiles the closed forms): "
          f"{time.perf_counter() - t:.2f} s")
    print(f"{'grid':>9}  {'redraw':<20} {'wall best':>10} {'median':>8} "
          f"{'cpu best':>9} {'median':>8}")
    for n in (100, 200, 400):
        ex = Explorer(n=n)
        ex.redraw(BASE)
        for name, fn in cases(ex).items():
            wall, cpu = timed(fn, 9)
            print(f"{n:>4} x {n:<3} {name:<20} {min(wall) * 1e3:>8.0f} ms "
                  f"{statistics.median(wall) * 1e3:>5.0f} ms {min(cpu) * 1e3:>6.0f} ms "
                  f"{statistics.median(cpu) * 1e3:>5.0f} ms")


if __name__ == "__main__":
    main()
