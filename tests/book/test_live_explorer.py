"""The live explorer page in Chromium, checked against the Python solver.

The standalone page ``book/_static/live/explorer.html`` (the same
``model.js`` and ``explorer.js`` as the book's page) is copied to a
temporary directory and opened from ``file://`` with every non-local
request aborted, so no book build is needed and what passes here also
holds offline.

* Maps: 25 parameter sets (the bases of Figures 1-3 and 22 random valid
  points drawn with :data:`SEED`), each compared cell by cell on a 50 x 50
  grid with :func:`trustgame.analysis.maps.region_map` (class membership
  and PBE-ER).  A differing cell is excused only when it lies within
  :data:`BOUNDARY_TOL` of a boundary (Python's own answer there changes
  between ``tol = 1e-12`` and ``tol = BOUNDARY_TOL``); the counts are
  printed.  The page's own 200 x 200 maps of Figures 1-3 are compared too.
* Tables: at 10 points the page's table agrees with
  ``trustgame.solve(p, scope="pure").to_dict()`` (the CLI's
  ``solve --json --pure-only``).
* Bad input in the URL or a number box shows ``ParameterError``'s message
  and keeps the last valid map; no console errors anywhere.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import numpy as np
import pytest

from trustgame import Params, solve
from trustgame.analysis.maps import region_map
from trustgame.core.domain import check_value
from trustgame.core.errors import ParameterError
from trustgame.core.naming import CLASS_KEYS
from trustgame.paper import FIGURES
from trustgame.viz.explorer import AXIS_RANGES

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
LIVE = ROOT / "book" / "_static" / "live"
CHROMIUM = Path(os.environ.get("TRUSTGAME_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
#: Seed of the random parameter sets (a test setting).
SEED = 20260113
#: Cells per axis of the compared maps.
N = 50
#: A cell may differ only this close to a boundary.
BOUNDARY_TOL = 1e-6
#: Payoffs, beliefs and probabilities in the table agree to this.
TABLE_TOL = 1e-9
AXES = [("pA", "pB"), ("betaA", "pB"), ("p", "theta"), ("H", "k"), ("L", "beta"), ("pA", "betaB"),
        ("k", "p")]
DOMINANCES = ["weak", "strict", "none", "ex-ante"]
OFFPATHS = ["free", "free", "grim", "passive", "passive-efficient"]


def _random_params(rng) -> dict:
    return {"H": float(rng.uniform(1.05, 4.0)), "L": float(rng.uniform(-1.0, 0.95)),
            "k": float(rng.uniform(0.05, 3.0)), "pA": float(rng.uniform(0.01, 0.99)),
            "pB": float(rng.uniform(0.01, 0.99)), "betaA": float(rng.uniform(0, 1)),
            "betaB": float(rng.uniform(0, 1)), "thetaA": float(rng.uniform(0.05, 3.0)),
            "thetaB": float(rng.uniform(0.05, 3.0))}


def _map_cases() -> list:
    cases = [pytest.param(FIGURES[f]["base"].as_dict(), FIGURES[f]["x"], FIGURES[f]["y"],
                          "weak", "free", id=f"figure{f}") for f in (1, 2, 3)]
    rng = np.random.default_rng(SEED)
    for i in range(22):
        x, y = AXES[i % len(AXES)]
        dom, off = DOMINANCES[i % len(DOMINANCES)], OFFPATHS[i % len(OFFPATHS)]
        cases.append(pytest.param(_random_params(rng), x, y, dom, off,
                                  id=f"random{i}-{x}-{y}-{dom}-{off}"))
    return cases


def _table_points() -> list:
    rng = np.random.default_rng(SEED + 1)
    pts = [FIGURES[1]["base"].replace(pA=0.35, pB=0.35).as_dict(),
           FIGURES[2]["base"].replace(pA=0.35, pB=0.35).as_dict(),
           FIGURES[3]["base"].replace(betaA=0.2, pB=0.6).as_dict(),
           FIGURES[1]["base"].replace(pA=0.9, pB=0.9).as_dict()]
    pts += [_random_params(rng) for _ in range(6)]
    return pts


# ---------------------------------------------------------------------------
# Browser
# ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    dest = tmp_path_factory.mktemp("live")
    for name in ("model.js", "explorer.js", "explorer.css", "explorer.html", "figures.html"):
        shutil.copy(LIVE / name, dest / name)
    return dest




class Page:
    """A page opened with non-local requests aborted; records console errors."""

    def __init__(self, browser, url: str):
        self.errors, self.blocked = [], []
        self.page = browser.new_page(viewport={"width": 1280, "height": 1400})

        def route(r):
            if urlsplit(r.request.url).scheme in ("file", "data", "blob", "about"):
                r.continue_()
            else:
                self.blocked.append(r.request.url)
                r.abort()

        self.page.route("**/*", route)
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(f"uncaught: {e}"))
        self.page.goto(url, wait_until="load")
        self.page.wait_for_function("() => window.TrustgameExplorer && "
                                    "TrustgameExplorer.instances.length > 0")

    def eval(self, js, arg=None):
        return self.page.evaluate(js, arg)

    def message(self) -> str:
        return self.eval("() => TrustgameExplorer.instances[0].message.textContent")

    def close(self):
        self.page.close()


@pytest.fixture(scope="module")
def page(browser, site):
    p = Page(browser, (site / "explorer.html").as_uri())
    yield p
    assert not p.errors and not p.blocked
    p.close()


def _packed(expr: str) -> str:
    """JavaScript that packs a boolean array as a string of 0s and 1s: a
    map of 200 x 200 cells and 48 classes is 1.9 million booleans, which
    take seconds to cross into Python as a list and no time as a string."""
    return f"Array.from({expr}, v => v ? 1 : 0).join('')"


def _unpack(bits: str, shape) -> np.ndarray:
    return (np.frombuffer(bits.encode("ascii"), dtype=np.uint8) == ord("1")).reshape(shape)


_MAP_JS = f"""([v, x, y, n, d, o]) => {{
  const m = TrustgameModel.computeMap(v, x, y, n, d, o);
  return [{_packed("m.exists")}, {_packed("m.efficient")}];
}}"""


def _near_boundary(base, x, y, dom, off) -> np.ndarray:
    kw = dict(xlim=AXIS_RANGES[x], ylim=AXIS_RANGES[y], n=N, dominance=dom, offpath=off)
    lo, hi = region_map(base, x, y, tol=1e-12, **kw), region_map(base, x, y, tol=BOUNDARY_TOL, **kw)
    return (lo.exists != hi.exists) | (lo.efficient != hi.efficient)


COUNTS: dict = {}


@pytest.mark.parametrize("values,x,y,dominance,offpath", _map_cases())
def test_map_agrees_with_region_map(page, values, x, y, dominance, offpath):
    base = Params(**values)
    m = region_map(base, x, y, xlim=AXIS_RANGES[x], ylim=AXIS_RANGES[y], n=N,
                   dominance=dominance, offpath=offpath)
    assert list(m.names) == list(CLASS_KEYS)
    ex, ef = page.eval(_MAP_JS, [values, x, y, N, dominance, offpath])
    ex = _unpack(ex, m.exists.shape)
    ef = _unpack(ef, m.efficient.shape)
    differ = (ex != m.exists) | (ef != m.efficient)
    excused = differ & _near_boundary(base, x, y, dominance, offpath) if differ.any() else differ
    COUNTS[(x, y, dominance, offpath, tuple(values.values()))] = (int(differ.any(axis=0).sum()),
                                                                  int(excused.any(axis=0).sum()))
    print(f"{x}/{y} {dominance} {offpath}: {N * N} cells, "
          f"{int(differ.any(axis=0).sum())} differ, {int(excused.any(axis=0).sum())} near a boundary")
    assert not (differ & ~excused).any()
    assert m.exists.any()


@pytest.mark.parametrize("figure", [1, 2, 3])
def test_page_map_is_the_figure_at_200(browser, site, figure):
    """The map the page draws for ``#fig=N`` is ``region_map(n=200)``."""
    p = Page(browser, (site / "explorer.html").as_uri() + f"#fig={figure}")
    try:
        ex, ef = p.eval("() => { const m = TrustgameExplorer.instances[0].map;"
                        f" return [{_packed('m.exists')}, {_packed('m.efficient')}]; }}")
        spec = FIGURES[figure]
        m = region_map(spec["base"], spec["x"], spec["y"], xlim=AXIS_RANGES[spec["x"]],
                       ylim=AXIS_RANGES[spec["y"]], n=200)
        assert (_unpack(ex, m.exists.shape) == m.exists).all()
        assert (_unpack(ef, m.efficient.shape) == m.efficient).all()
        legend = p.eval("() => Array.from(document.querySelectorAll('.tg-legend li'))"
                        ".map(li => li.dataset.key)")
        assert legend == m.present()
        assert not p.errors
    finally:
        p.close()


_TABLE_JS = """() => Array.from(document.querySelectorAll('table.tg-eq tbody tr')).map(tr => ({
  key: tr.dataset.key,
  efficient: tr.querySelector("[data-col='efficient']").textContent === 'yes',
  period1: ['A', 'B'].map(s => tr.querySelector(`[data-col='period1-${s}']`).textContent),
  payoffs: [0, 1, 2, 3].map(q => Number(tr.querySelector(`[data-col='payoff-${q}']`).dataset.value)),
  histories: Object.fromEntries(Array.from(tr.querySelectorAll('[data-h]')).map(td =>
      [td.dataset.h, td.dataset.onpath === 'true' ?
        {beliefs: td.dataset.beliefs.split(',').map(Number), play: td.dataset.play.split(',').map(Number)}
        : null]))
}))"""


def _hash(values: dict) -> str:
    return "#" + "&".join(f"{k}={v!r}" for k, v in values.items())


@pytest.mark.parametrize("values", _table_points(), ids=[f"point{i}" for i in range(10)])
def test_table_agrees_with_solve(browser, site, values):
    p = Page(browser, (site / "explorer.html").as_uri() + _hash(values))
    try:
        assert p.message() == ""
        rows = {r["key"]: r for r in p.eval(_TABLE_JS)}
    finally:
        p.close()
    sol = solve(Params(**values), scope="pure").to_dict()
    assert sorted(rows) == sorted(e["name"] if e["leader"] is None else f"{e['name']}[{e['leader']}]"
                                  for e in sol["equilibria"])
    for e in sol["equilibria"]:
        r = rows[e["name"] if e["leader"] is None else f"{e['name']}[{e['leader']}]"]
        assert r["efficient"] == e["efficient"]
        for i, s in enumerate("AB"):
            acts = ["C" if e["period1"][s][t] == 1 else "D" for t in ("security", "greedy")]
            assert r["period1"][i] == " / ".join(acts)
        want = [e["payoffs"][s][t] for s in "AB" for t in ("security", "greedy")]
        assert np.allclose(r["payoffs"], want, rtol=0, atol=TABLE_TOL)
        for h, on in r["histories"].items():
            reached = (e["period1"]["A"]["security"] if h[0] == "C" else 1 - e["period1"]["A"]["security"],
                       e["period1"]["A"]["greedy"] if h[0] == "C" else 1 - e["period1"]["A"]["greedy"],
                       e["period1"]["B"]["security"] if h[1] == "C" else 1 - e["period1"]["B"]["security"],
                       e["period1"]["B"]["greedy"] if h[1] == "C" else 1 - e["period1"]["B"]["greedy"])
            onpath = max(reached[:2]) > 0 and max(reached[2:]) > 0
            assert (on is not None) == onpath, h
            if on is None:
                continue
            assert np.allclose(on["beliefs"], [e["beliefs"][h]["A"], e["beliefs"][h]["B"]],
                               rtol=0, atol=TABLE_TOL)
            play = [e["period2"][s][t][h] for s in "AB" for t in ("security", "greedy")]
            assert np.allclose(on["play"], play, rtol=0, atol=TABLE_TOL), h


# ---------------------------------------------------------------------------
# Bad input, URL state, accessibility
# ---------------------------------------------------------------------------

def _python_message(name, text):
    try:
        value = float(text)
    except ValueError:
        value = text
    with pytest.raises(ParameterError) as err:
        check_value(name, value)
    return str(err.value)


BAD = [("H", "0.9"), ("H", "1"), ("k", "0"), ("k", "-0.5"), ("pA", "nan"), ("pB", "1.5"),
       ("L", "abc"), ("thetaA", "inf"), ("betaA", "-0.01")]


@pytest.mark.parametrize("name,text", BAD, ids=[f"{n}={t}" for n, t in BAD])
def test_bad_url_value_shows_the_rule(browser, site, name, text):
    p = Page(browser, (site / "explorer.html").as_uri() + f"#{name}={text}")
    try:
        assert p.message() == _python_message(name, text)
        # the default map is drawn and the bad value is not taken
        assert p.eval("() => TrustgameExplorer.instances[0].redraws") == 1
        assert p.eval(f"() => TrustgameExplorer.instances[0].values[{json.dumps(name)}]") != text
        assert not p.errors
    finally:
        p.close()


@pytest.mark.parametrize("name,text", BAD, ids=[f"{n}={t}" for n, t in BAD])
def test_bad_box_value_keeps_the_last_valid_map(browser, site, name, text):
    p = Page(browser, (site / "explorer.html").as_uri() + "#fig=2")
    try:
        before = p.eval("() => { const e = TrustgameExplorer.instances[0];"
                        " return [e.redraws, e.mapKey, Array.from(e.map.efficient).join('')]; }")
        box = p.page.locator(f"#tg1-{name}-box")
        box.fill(text)
        box.press("Enter")
        assert p.message() == _python_message(name, text)
        assert box.get_attribute("aria-invalid") == "true"
        after = p.eval("() => { const e = TrustgameExplorer.instances[0];"
                       " return [e.redraws, e.mapKey, Array.from(e.map.efficient).join('')]; }")
        assert after == before
        box.fill("0.8" if name != "H" else "2")
        box.press("Enter")
        assert p.message() == "" and box.get_attribute("aria-invalid") == "false"
        assert not p.errors
    finally:
        p.close()


def test_prior_at_zero_off_the_axes_is_refused(browser, site):
    p = Page(browser, (site / "explorer.html").as_uri() + "#x=betaA&y=pB&pA=0")
    try:
        assert p.message() == ("pA must lie strictly between 0 and 1 for a closed-form map "
                               "(got 0.0)")
        assert not p.errors
    finally:
        p.close()


def test_keyboard_slider_updates_the_url_and_the_link_reproduces_the_view(browser, site):
    p = Page(browser, (site / "explorer.html").as_uri() + "#fig=3")
    try:
        slider = p.page.locator("#tg1-thetaA")
        slider.focus()
        for _ in range(6):
            p.page.keyboard.press("ArrowLeft")
        href = p.eval("() => document.querySelector('.tg-link').getAttribute('href')")
        assert "thetaA=0.7" in href and p.eval("() => location.hash") == "#" + href[1:]
        state = p.eval("() => { const e = TrustgameExplorer.instances[0];"
                       " return [e.values, e.x, e.y, Array.from(e.map.efficient).join('')]; }")
    finally:
        p.close()
    q = Page(browser, (site / "explorer.html").as_uri() + href)
    try:
        again = q.eval("() => { const e = TrustgameExplorer.instances[0];"
                       " return [e.values, e.x, e.y, Array.from(e.map.efficient).join('')]; }")
        assert again == state and state[0]["thetaA"] == 0.7 and state[1:3] == ["betaA", "pB"]
    finally:
        q.close()


def test_click_lists_the_cell(page):
    page.eval("() => TrustgameExplorer.instances[0].apply({x: 'pA', y: 'pB', pA: 0.35, pB: 0.35})")
    box = page.page.locator("canvas.tg-canvas").bounding_box()
    page.page.mouse.click(box["x"] + box["width"] * 0.9025, box["y"] + box["height"] * (1 - 0.9025))
    vals = page.eval("() => TrustgameExplorer.instances[0].values")
    assert abs(vals["pA"] - 0.9025) < 1e-12 and abs(vals["pB"] - 0.9025) < 1e-12
    keys = page.eval("() => Array.from(document.querySelectorAll('table.tg-eq tbody tr.tg-er'))"
                     ".map(r => r.dataset.key)")
    assert keys == solve(Params(pA=0.9025, pB=0.9025), scope="pure").efficient_names()


def test_every_control_is_labelled(page):
    unlabelled = page.eval("""() => Array.from(document.querySelectorAll('.tg-live input, .tg-live select'))
      .filter(i => !(i.getAttribute('aria-label') || document.querySelector(`label[for='${i.id}']`)))
      .map(i => i.id)""")
    assert unlabelled == []


def test_small_explorers_beside_the_figures(browser, site):
    p = Page(browser, (site / "figures.html").as_uri())
    try:
        n = p.eval("() => TrustgameExplorer.instances.map(e => [e.mini, e.redraws, e.x, e.y])")
        assert n == [[True, 1, "pA", "pB"], [True, 1, "pA", "pB"], [True, 1, "betaA", "pB"]]
        slider = p.page.locator("#tg3-theta")
        slider.fill("0.7")
        vals = p.eval("() => TrustgameExplorer.instances[2].values")
        assert vals["thetaA"] == vals["thetaB"] == 0.7
        ex = p.eval(f"() => {_packed('TrustgameExplorer.instances[2].map.efficient')}")
        spec = FIGURES[3]
        m = region_map(spec["base"].replace(thetaA=0.7, thetaB=0.7), "betaA", "pB",
                       xlim=AXIS_RANGES["betaA"], ylim=AXIS_RANGES["pB"], n=200)
        assert (_unpack(ex, m.efficient.shape) == m.efficient).all()
        assert not p.errors and not p.blocked
    finally:
        p.close()
