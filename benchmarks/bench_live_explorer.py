"""Time full redraws of the live explorer's 200 x 200 map in Chromium.

Opens ``book/_static/live/explorer.html`` from ``file://`` in headless
Chromium (Playwright), and for each view (Figures 1-3 and two heavier axis
pairs) forces ``REPEATS`` full redraws (map recomputed from the generated
model and repainted, legend and table included) after ``WARMUP`` redraws
that let the JavaScript engine compile the code, changing a fixed
parameter each time so that no cache is reused.  Prints the median and the
95th percentile in milliseconds; the target is a median below 50 ms.

    .venv/bin/python benchmarks/bench_live_explorer.py
"""

from __future__ import annotations

import os
import statistics
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "book" / "_static" / "live" / "explorer.html"
CHROMIUM = os.environ.get("TRUSTGAME_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
WARMUP = 10
REPEATS = 40
TARGET_MS = 50.0
VIEWS = [("figure 1", "#fig=1", "k"), ("figure 2", "#fig=2", "k"), ("figure 3", "#fig=3", "thetaA"),
         ("p x theta", "#fig=2&x=p&y=theta", "k"), ("H x k", "#fig=1&x=H&y=k", "betaA")]

_RUN = """([param, warmup, repeats]) => {
  const e = TrustgameExplorer.instances[0], base = e.values[param], out = [];
  for (let r = 0; r < warmup + repeats; r++) {
    const o = {}; o[param] = base * (1 + 0.002 * ((r % 7) - 3));
    e.values = Object.assign({}, e.values, o);
    const ms = e.redraw(true);
    if (r >= warmup) out.push(ms);
  }
  return out;
}"""


def main() -> int:
    ok = True
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        print(f"{'view':<12} {'median ms':>10} {'p95 ms':>8} {'first ms':>9}")
        for name, frag, param in VIEWS:
            page = b.new_page()
            page.goto(PAGE.as_uri() + frag)
            page.wait_for_function("() => window.TrustgameExplorer && TrustgameExplorer.instances.length")
            first = page.evaluate("() => TrustgameExplorer.instances[0].redraw(true)")
            times = sorted(page.evaluate(_RUN, [param, WARMUP, REPEATS]))
            med = statistics.median(times)
            p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
            print(f"{name:<12} {med:10.1f} {p95:8.1f} {first:9.1f}")
            ok &= med < TARGET_MS if name.startswith("figure") else True
            page.close()
        b.close()
    print(f"target: median below {TARGET_MS:.0f} ms for the figures' maps: {'met' if ok else 'NOT met'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
