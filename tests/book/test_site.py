"""The built book, read in a real browser.

A session fixture builds the HTML from the stored notebook outputs
(execution off) into a temporary directory, once.  The tests open every
page of the table of contents from ``file://`` in Debian's Chromium, driven
by Playwright, with every request that is not a local file aborted: what
they check therefore also holds offline.  Each page is opened once at
1280 px (a laptop) and once at 390 px (a phone); one ``evaluate()`` gathers
its layout facts and a full-page screenshot is written to
``<build>/html/_screenshots/<name>-<width>.png``.

For every page at 1280 px: no console errors; every figure image loaded, has
alt text and at least 2 pixels per displayed pixel (SVG exempt); all math
typeset and no raw markup left in the visible text (TeX, reST fields, MyST
roles, glue); no ``assert`` in code a reader sees; nothing wider than the
text column (wide tables and code scroll inside their own box) and no
displayed equation that needs a scroll bar; no table cell truncated to
"..."; visible code input at most 10% of the page height; every internal
link and cross-reference resolves to an existing page and anchor; exercise
solutions hidden until clicked.  At 390 px: the page does not scroll
sideways and every figure fits the screen.  Besides: the search page finds
"independence" and launch buttons of notebook pages point at the notebook
in the repository.  Every failure names the page and the element or text to
fix.

Set ``TRUSTGAME_SITE_DIR`` to build into a fixed directory (to look at the
screenshots afterwards), with ``TRUSTGAME_SITE_REUSE=1`` to reuse the build
already there, and ``TRUSTGAME_CHROMIUM`` to use another Chromium.  All
tests are in this one module so that pytest-xdist (``--dist loadscope``)
runs them on one worker with one build.
"""

from __future__ import annotations

import functools
import os
import re
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
import yaml

try:
    from playwright.sync_api import Error as PlaywrightError
except ImportError:  # the browser fixture skips these tests
    PlaywrightError = Exception

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("TRUSTGAME_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
#: TeX left in the visible text means MathJax did not typeset it.
RAW_TEX = ("$$", "\\(", "\\)", "\\[", "\\]", "\\begin{", "\\frac", "\\displaystyle")
IMAGE_FILE = re.compile(r"\.(png|jpe?g|svg|gif|webp)$", re.IGNORECASE)
#: Markup a build left unconverted, visible as text (reST fields and
#: directives, MyST roles and glue, TeX delimiters, code fences).
RAW_MARKUP = (".. py:", ":param", ":rtype:", ":returns:", ":raises", "{glue", "{ref}", "{numref}",
              "{doc}", "{eq}", "{cite", "{math}", "```", "$$", "\\(", "\\[")
RAW_MARKUP_RE = (re.compile(r"\$\\[A-Za-z]+"), re.compile(r"\.\. [a-z][\w-]*(:[\w-]+)?::"))
#: The two screen widths the book is read at (CSS pixels): a laptop and a
#: phone.
WIDE, NARROW = 1280, 390
#: Largest share of a page's article height that visible code input may
#: take (a book setting: the chapters are read, not run).
MAX_CODE_HEIGHT = 0.10
#: A raster image must have at least this many pixels per displayed CSS
#: pixel (sharp on a 2x screen).
MIN_PIXEL_RATIO = 2.0
#: Milliseconds a full-page screenshot of a long chapter may take.
SCREENSHOT_TIMEOUT = 120_000


def toc_pages() -> list[str]:
    """Document names in ``_toc.yml`` (root first), e.g. ``book/intro``."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf8"))
    out = [toc["root"]]

    def walk(node):
        if isinstance(node, dict):
            if "file" in node:
                out.append(node["file"])
            for key in ("parts", "chapters", "sections"):
                for child in node.get(key, []):
                    walk(child)

    walk(toc)
    return [str(Path(p).with_suffix("")) for p in out]


PAGES = toc_pages()


# ---------------------------------------------------------------------------
# Build
# ---------------------------------------------------------------------------

@dataclass
class Site:
    html: Path
    returncode: int
    log: str

    def url(self, docname: str) -> str:
        return (self.html / f"{docname}.html").as_uri()


def _offline_config(dest: Path) -> Path:
    """``_config.yml`` with execution off (stored outputs) and local
    extension paths made absolute."""
    cfg = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf8"))
    cfg.setdefault("execute", {})["execute_notebooks"] = "off"
    local = cfg.get("sphinx", {}).get("local_extensions") or {}
    for name, path in local.items():
        local[name] = str((ROOT / path).resolve())
    out = dest / "_config_offline.yml"
    out.write_text(yaml.safe_dump(cfg, sort_keys=False), encoding="utf8")
    return out


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Site:
    fixed = os.environ.get("TRUSTGAME_SITE_DIR")
    dest = Path(fixed).resolve() if fixed else tmp_path_factory.mktemp("site")
    dest.mkdir(parents=True, exist_ok=True)
    html, record = dest / "_build" / "html", dest / "_build" / "site_build.log"
    if os.environ.get("TRUSTGAME_SITE_REUSE") == "1" and (html / "index.html").exists() \
            and record.exists():
        rc, _, log = record.read_text(encoding="utf8").partition("\n")
        return Site(html, int(rc), log)
    config = _offline_config(dest)
    cmd = [sys.executable, "-c", "from jupyter_book.cli.main import main; main()",
           "build", str(ROOT), "--config", str(config), "--path-output", str(dest),
           "--all", "-W", "--keep-going"]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, timeout=1800)
    if not (html / "index.html").exists():
        pytest.fail(f"the book did not build:\n{proc.stdout[-4000:]}\n{proc.stderr[-4000:]}")
    record.write_text(f"{proc.returncode}\n{proc.stdout}{proc.stderr}", encoding="utf8")
    return Site(html, proc.returncode, proc.stdout + proc.stderr)


def test_book_builds_without_warnings(site):
    """The HTML build (stored outputs, ``-W``) succeeds: no broken
    reference, missing glue key or bad directive."""
    warnings = [ln for ln in site.log.splitlines() if "WARNING" in ln or "ERROR" in ln]
    assert site.returncode == 0 and not warnings, "\n".join(warnings[:30])


# ---------------------------------------------------------------------------
# Browser
# ---------------------------------------------------------------------------



@dataclass
class Visit:
    """What one page did when it was opened with the network blocked."""

    docname: str
    console_errors: list = field(default_factory=list)
    blocked: list = field(default_factory=list)
    failed: list = field(default_factory=list)
    images: list = field(default_factory=list)
    math: dict = field(default_factory=dict)
    links: list = field(default_factory=list)
    launch: list = field(default_factory=list)
    width: int = 1280
    layout: dict = field(default_factory=dict)
    screenshot: Path | None = None
    screenshot_error: str = ""


def _is_local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("file", "data", "blob", "about") or (
        parts.scheme in ("http", "https", "ws")
        and parts.hostname in ("localhost", "127.0.0.1", "::1"))


def open_page(browser, url: str, record: Visit | None = None, width: int = WIDE):
    """A new page at ``url``, ``width`` CSS pixels wide, with non-local
    requests aborted and console errors, page errors and failed requests
    recorded."""
    record = record or Visit(url)
    page = browser.new_page(viewport={"width": width, "height": 900})

    def route(r):
        if _is_local(r.request.url):
            r.continue_()
        else:
            record.blocked.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    def console(msg):
        # a request aborted above is reported by test_page_needs_no_network
        if msg.type == "error" and msg.location.get("url") not in record.blocked:
            record.console_errors.append(msg.text)

    page.on("console", console)
    page.on("pageerror", lambda e: record.console_errors.append(f"uncaught: {e}"))
    page.on("requestfailed", lambda r: record.failed.append(f"{r.url} ({r.failure})"))
    page.goto(url, wait_until="load", timeout=60_000)
    return page, record


_WAIT_MATH = """async () => {
  const mj = window.MathJax;
  if (mj && mj.startup && mj.startup.promise) { await mj.startup.promise; return true; }
  return false;
}"""

_MATH = """() => {
  const root = document.querySelector('.bd-article') || document.body;
  const clone = root.cloneNode(true);
  clone.querySelectorAll('pre, code, script, style, textarea, mjx-container, .highlight')
       .forEach(e => e.remove());
  return {math: root.querySelectorAll('.math').length,
          rendered: root.querySelectorAll('mjx-container').length,
          errors: root.querySelectorAll('mjx-merror').length,
          text: clone.textContent};
}"""

_IMAGES = """async () => {
  const imgs = Array.from(document.querySelectorAll('.bd-article img'));
  await Promise.all(imgs.map(i => i.complete ? null :
      new Promise(r => { i.addEventListener('load', r); i.addEventListener('error', r); })));
  return imgs.map(i => ({src: i.getAttribute('src'), width: i.naturalWidth,
                         alt: (i.getAttribute('alt') || '').trim()}));
}"""


_LAYOUT = """async (width) => {
  const art = document.querySelector('article.bd-article') || document.querySelector('.bd-article')
              || document.body;
  const imgs = Array.from(art.querySelectorAll('img'));
  await Promise.all(imgs.map(i => i.complete ? null :
      new Promise(r => { i.addEventListener('load', r); i.addEventListener('error', r); })));
  const closedToggle = el => {
    for (let d = el.closest('details:not([open])'); d;
         d = d.parentElement && d.parentElement.closest('details:not([open])')) {
      const s = d.querySelector(':scope > summary');
      if (!(s && s.contains(el))) return true;
    }
    return false;
  };
  const hidden = el => el.getClientRects().length === 0 || closedToggle(el)
      || getComputedStyle(el).visibility === 'hidden';
  const tex = el => {
    try { return MathJax.startup.document.getMathItemsWithin(el)[0].math.trim(); }
    catch (e) { return null; }
  };
  const describe = el => {
    let d = el.tagName.toLowerCase();
    if (el.id) d += '#' + el.id;
    const cls = (typeof el.className === 'string' ? el.className : '').split(/\\s+/)
        .filter(c => c && c !== 'docutils' && c !== 'container' && c !== 'notranslate').slice(0, 3);
    if (cls.length) d += '.' + cls.join('.');
    const t = el.tagName === 'MJX-CONTAINER' ? tex(el)
        : (el.textContent || el.getAttribute('alt') || el.getAttribute('src') || '');
    const text = (t || '').replace(/\\s+/g, ' ').trim().slice(0, 80);
    const sec = el.closest('section[id]');
    return d + (text ? ` "${text}"` : '') + (sec ? ` (section #${sec.id})` : '');
  };
  const box = r => ({left: Math.round(r.left), right: Math.round(r.right),
                     width: Math.round(r.width), height: Math.round(r.height)});
  const ar = art.getBoundingClientRect();
  const vw = document.documentElement.clientWidth;
  const inMargin = el => !!el.closest('.margin, .sidebar, .full-width, aside');
  // elements past [lo, hi] that no scrolling/clipping container holds (outermost only)
  const past = (lo, hi, margin_ok) => {
    const out = new Set();
    for (const el of art.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || (r.right <= hi + 1 && r.left >= lo - 1)) continue;
      if (hidden(el) || (margin_ok && inMargin(el))) continue;
      let held = false;
      for (let a = el.parentElement; a && a !== art; a = a.parentElement)
        if (getComputedStyle(a).overflowX !== 'visible') { held = true; break; }
      if (!held) out.add(el);
    }
    return Array.from(out).filter(el => !out.has(el.parentElement))
        .map(el => ({what: describe(el), ...box(el.getBoundingClientRect())}));
  };
  const cells = Array.from(art.querySelectorAll('div.cell'));
  const code = Array.from(art.querySelectorAll('div.cell_input')).map(el => {
    const c = el.closest('div.cell');
    const lines = (el.querySelector('pre') || el).textContent.split('\\n');
    return {cell: cells.indexOf(c) + 1, hidden: hidden(el),
            height: el.getBoundingClientRect().height,
            first: (lines.find(l => l.trim()) || '').trim().slice(0, 70),
            asserts: lines.filter(l => /^\\s*assert\\b/.test(l)).map(l => l.trim().slice(0, 90))};
  });
  const blocks = Array.from(art.querySelectorAll('div.highlight'))
      .filter(el => !el.closest('div.cell_input, div.cell_output') && !hidden(el))
      .map(el => ({what: describe(el),
                   asserts: el.textContent.split('\\n').filter(l => /^\\s*assert\\b/.test(l))
                              .map(l => l.trim().slice(0, 90))}))
      .filter(b => b.asserts.length);
  const clone = art.cloneNode(true);
  clone.querySelectorAll('.cell_input, script, style, textarea, mjx-container, mjx-assistive-mml')
       .forEach(e => e.remove());
  clone.querySelectorAll('div.highlight, pre, code')
       .forEach(e => { if (!e.closest('.cell_output')) e.remove(); });
  return {
    width, viewport: vw, docWidth: document.documentElement.scrollWidth,
    article: box(ar),
    pastColumn: past(ar.left, ar.right, true),
    pastViewport: past(0, vw, false),
    wideMath: Array.from(art.querySelectorAll('mjx-container[display="true"]'))
        .filter(m => !hidden(m) && m.scrollWidth > m.clientWidth + 1)
        .map(m => ({what: describe(m), width: m.scrollWidth, column: m.clientWidth})),
    truncated: Array.from(art.querySelectorAll('td, th')).filter(c => {
        const t = c.textContent.trim();
        return t.endsWith('...') || t.endsWith('\u2026');
      }).map(c => {
        const row = c.closest('tr');
        const first = row && row.cells[0] !== c ? row.cells[0].textContent.trim().slice(0, 50) : '';
        return describe(c) + (first ? `, row "${first}"` : '');
      }),
    images: imgs.map(i => {
        const src = i.getAttribute('src') || '';
        return {src: src.slice(0, 120), natural: i.naturalWidth, shown: i.getBoundingClientRect().width,
                alt: (i.getAttribute('alt') || '').trim(), hidden: hidden(i),
                svg: /\\.svg([?#]|$)/i.test(src) || src.startsWith('data:image/svg'),
                ...box(i.getBoundingClientRect())};
      }),
    figures: Array.from(art.querySelectorAll('figure, img, canvas, svg:not(mjx-container svg)'))
        .filter(f => !hidden(f)).map(f => ({what: describe(f), ...box(f.getBoundingClientRect())})),
    code, blocks, text: clone.textContent,
  };
}"""


def _screenshot_dir(site) -> Path:
    out = site.html / "_screenshots"
    out.mkdir(exist_ok=True)
    return out


@pytest.fixture(scope="session")
def visit(site, browser):
    """``visit(docname, width=WIDE)``: open a page once per width (cached),
    record what it did, measure its layout and take a full-page screenshot
    (``<build>/html/_screenshots/<name>-<width>.png``)."""

    @functools.cache
    def _cached(docname: str, width: int) -> Visit:
        rec = Visit(docname, width=width)
        page, rec = open_page(browser, site.url(docname), rec, width=width)
        try:
            rec.math = {"typeset": page.evaluate(_WAIT_MATH), **page.evaluate(_MATH)}
            rec.images = page.evaluate(_IMAGES)
            rec.layout = page.evaluate(_LAYOUT, width)
            rec.links = page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
            rec.launch = page.eval_on_selector_all(
                "a[href*='mybinder.org'], a[href*='colab.research.google.com']",
                "els => els.map(e => e.href)")
            shot = _screenshot_dir(site) / f"{Path(docname).name}-{width}.png"
            try:
                page.screenshot(path=str(shot), full_page=True, timeout=SCREENSHOT_TIMEOUT)
                rec.screenshot = shot
            except PlaywrightError as e:  # test_screenshots reports it; the facts stand
                rec.screenshot_error = f"{shot.name}: {e}".splitlines()[0]
        finally:
            page.close()
        return rec

    def _visit(docname: str, width: int = WIDE) -> Visit:
        return _cached(docname, width)

    return _visit


# The layout rules, on the facts ``_LAYOUT`` gathers (also run on a
# synthetic page in test_the_layout_checks_catch_what_they_look_for).

def raw_markup(text: str) -> list[str]:
    """Unconverted markup in a page's visible text, each with its context."""
    found = []
    for mark in RAW_MARKUP:
        i = text.find(mark)
        if i >= 0:
            found.append((i, mark))
    for rx in RAW_MARKUP_RE:
        m = rx.search(text)
        if m:
            found.append((m.start(), m.group(0)))
    return [f"{mark!r} in \"...{' '.join(text[max(0, i - 50):i + 50].split())}...\""
            for i, mark in sorted(found)]


def visible_asserts(layout: dict) -> list[str]:
    bad = [f"code cell {c['cell']} ({c['first']!r}): {a!r}" for c in layout["code"]
           if not c["hidden"] for a in c["asserts"]]
    bad += [f"code block {b['what']}: {a!r}" for b in layout["blocks"] for a in b["asserts"]]
    return bad


def code_share(layout: dict) -> float:
    """Height of visible code input over the article's height."""
    code = sum(c["height"] for c in layout["code"] if not c["hidden"])
    return code / layout["article"]["height"] if layout["article"]["height"] else 0.0


def blurry_images(layout: dict) -> list[str]:
    return [f"{i['src']} has {i['natural']} px for {i['shown']:.0f} CSS px "
            f"(needs {MIN_PIXEL_RATIO:g}x: export at higher dpi)"
            for i in layout["images"]
            if not i["svg"] and not i["hidden"] and i["natural"] and i["shown"]
            and i["natural"] + 1 < MIN_PIXEL_RATIO * i["shown"]]


def _wide(items: list, limit: int) -> list[str]:
    return [f"{e['what']} spans x = {e['left']}..{e['right']} px" for e in items[:limit]] + (
        [f"... and {len(items) - limit} more"] if len(items) > limit else [])


def page_overflow(layout: dict, against: str) -> list[str]:
    """Elements wider than the text column (``against="column"``) or the
    screen (``"viewport"``), and the page's own horizontal overflow."""
    if against == "column":
        a = layout["article"]
        bad = [f"column is x = {a['left']}..{a['right']} px; past it:"] + _wide(layout["pastColumn"], 12) \
            if layout["pastColumn"] else []
    else:
        bad = [f"past the {layout['viewport']} px screen:"] + _wide(layout["pastViewport"], 12) \
            if layout["pastViewport"] else []
    if layout["docWidth"] > layout["width"] + 1:
        bad.insert(0, f"the page scrolls sideways: {layout['docWidth']} px wide at "
                      f"{layout['width']} px")
    return bad


def wide_figures(layout: dict) -> list[str]:
    vw = layout["viewport"]
    return [f"{f['what']} spans x = {f['left']}..{f['right']} px (screen {vw} px)"
            for f in layout["figures"] if f["right"] > vw + 1 or f["left"] < -1]


def test_the_checks_catch_what_they_look_for(browser, tmp_path):
    """On a page that breaks the rules the recorders see it: a request to
    the internet (aborted), a console error, raw TeX, an image that did not
    load and has no alt text, and a link to a missing anchor."""
    bad = tmp_path / "bad.html"
    bad.write_text(
        '<html><body><div class="bd-article"><p id="here">\\(x^2\\)</p>'
        '<img src="missing.png"><a href="bad.html#nowhere">x</a></div>'
        '<script src="https://cdn.example.org/lib.js"></script>'
        '<script>console.error("boom")</script></body></html>', encoding="utf8")
    page, rec = open_page(browser, bad.as_uri())
    try:
        math, imgs = page.evaluate(_MATH), page.evaluate(_IMAGES)
        links = page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
    finally:
        page.close()
    assert rec.blocked == ["https://cdn.example.org/lib.js"]
    assert any("boom" in e for e in rec.console_errors)
    assert [t for t in RAW_TEX if t in math["text"]] == ["\\(", "\\)"]
    assert imgs == [{"src": "missing.png", "width": 0, "alt": ""}]
    path, frag = _resolve(Site(tmp_path, 0, ""), links[0])
    assert path == bad and frag == "nowhere" and frag not in _anchors(bad)
    assert "here" in _anchors(bad)


_PNG_10PX = ("data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAoAAAAKCAIAAAACUFjqAAAAFElEQVR4nGM8"
             "ISfHgBsw4ZEbwdIARtsBGOVUa2wAAAAASUVORK5CYII=")
_SVG = ("data:image/svg+xml;utf8,<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'>"
        "<rect width='10' height='10'/></svg>")


def _layout_page(tmp_path, body: str) -> Path:
    page = tmp_path / "layout.html"
    page.write_text(
        '<html><head><style>body{margin:0} article{max-width:700px;margin:0 auto}</style></head>'
        f'<body><article class="bd-article">{body}</article></body></html>', encoding="utf8")
    return page


def _layout_of(browser, path: Path, width: int) -> dict:
    page, _ = open_page(browser, path.as_uri(), width=width)
    try:
        return page.evaluate(_LAYOUT, width)
    finally:
        page.close()


def test_the_layout_checks_catch_what_they_look_for(browser, tmp_path):
    """On a page that breaks each layout rule the checks name the
    offender; the same things done right pass."""
    code = "<pre>x = solve()\nassert x &gt; 0\n" + "y = x\n" * 60 + "</pre>"
    bad = _layout_page(tmp_path, (
        '<section id="s1"><p>See :param x: and {glue:text}`k` and $\\beta$.</p>'
        f'<div class="cell"><div class="cell_input">{code}</div></div>'
        '<div class="cell"><details class="hide above-input"><summary>Show code</summary>'
        f'<div class="cell_input">{code}</div></details></div>'
        '<div id="wide" style="width:1000px">a row of text set too wide</div>'
        '<div style="overflow-x:auto"><table><tr><td style="min-width:1500px">scrolls</td></tr>'
        '</table></div>'
        '<mjx-container display="true" style="display:block;overflow-x:auto">'
        '<span style="display:inline-block;width:1200px">x</span></mjx-container>'
        '<table><tr><td>trust-building</td><td>0.12...</td></tr></table>'
        f'<img src="{_PNG_10PX}" alt="a plot" style="width:100px">'
        f'<img src="{_SVG}" alt="a diagram" style="width:100px">'
        '<p>Ten more lines of prose.</p></section>'))
    lay = _layout_of(browser, bad, WIDE)
    assert [m.split(" in ")[0] for m in raw_markup(lay["text"])] == ["':param'", "'{glue'",
                                                                      "'$\\\\beta'"]
    assert visible_asserts(lay) == ["code cell 1 ('x = solve()'): 'assert x > 0'"]
    assert code_share(lay) > MAX_CODE_HEIGHT
    over = page_overflow(lay, "column")
    assert over[0].startswith("the page scrolls sideways") and any(
        'div#wide "a row of text set too wide" (section #s1)' in o for o in over), over
    assert not any('"scrolls"' in o for o in over), over
    assert len(lay["wideMath"]) == 1 and lay["wideMath"][0]["width"] >= 1200
    assert lay["truncated"] == ['td "0.12..." (section #s1), row "trust-building"']
    assert len(blurry_images(lay)) == 1 and "10 px for 100 CSS px" in blurry_images(lay)[0]

    narrow = _layout_page(tmp_path, f'<figure><img src="{_SVG}" alt="x" style="width:600px"></figure>')
    lay = _layout_of(browser, narrow, NARROW)
    assert page_overflow(lay, "viewport")[0].startswith("the page scrolls sideways")
    assert wide_figures(lay) == ['img "x" spans x = 40..640 px (screen 390 px)']

    good = _layout_page(tmp_path, (
        '<p>Prose with rendered math.</p>' * 40 +
        '<div class="cell"><div class="cell_input"><pre>x = solve()</pre></div></div>'
        '<div class="cell"><details class="hide above-input"><summary>Show code</summary>'
        f'<div class="cell_input">{code}</div></details></div>'
        '<div style="overflow-x:auto"><table><tr><td style="min-width:1500px">scrolls</td></tr>'
        '</table></div>'
        f'<img src="{_PNG_10PX}" alt="a plot" style="width:5px">'
        '<figure><img src="' + _SVG + '" alt="a diagram" style="max-width:100%"></figure>'))
    for width in (WIDE, NARROW):
        lay = _layout_of(browser, good, width)
        assert not raw_markup(lay["text"]) and not visible_asserts(lay)
        assert code_share(lay) <= MAX_CODE_HEIGHT and not blurry_images(lay)
        assert not lay["wideMath"] and not lay["truncated"] and not wide_figures(lay)
        assert not page_overflow(lay, "column" if width == WIDE else "viewport")


# ---------------------------------------------------------------------------
# Every page of the table of contents
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("docname", PAGES)
def test_page_loads_without_console_errors(visit, docname):
    """No console error, uncaught exception or failed local request."""
    rec = visit(docname)
    local_failures = [f for f in rec.failed if _is_local(f.split(" ")[0])]
    assert not rec.console_errors and not local_failures, (rec.console_errors, local_failures)


@pytest.mark.parametrize("docname", PAGES)
def test_page_needs_no_network(visit, docname):
    """Text, math and figures come from the build folder: the page asks
    nothing from the internet (the book works offline from ``file://``)."""
    assert not visit(docname).blocked, visit(docname).blocked


@pytest.mark.parametrize("docname", PAGES)
def test_figures_load_and_have_alt_text(visit, docname):
    """Every image in the page body loaded and has alt text (not a file
    name)."""
    for img in visit(docname).images:
        assert img["width"] > 0, f"{img['src']} did not load"
        alt = img["alt"]
        assert alt and alt != img["src"] and not IMAGE_FILE.search(alt), (
            f"{img['src']} has no alt text (alt={alt!r})")


@pytest.mark.parametrize("docname", PAGES)
def test_math_is_typeset(visit, docname):
    """MathJax (served from the build folder, network blocked) typeset
    every formula: no TeX error and no raw TeX in the visible text."""
    m = visit(docname).math
    raw = [t for t in RAW_TEX if t in m["text"]]
    assert not raw, f"raw TeX {raw} left in the text"
    if m["math"]:
        assert m["typeset"], "MathJax did not start"
        assert m["rendered"] >= m["math"] and m["errors"] == 0, m


def _fail(docname: str, what: str, items: list[str]):
    if items:
        pytest.fail(f"{docname}: {what}:\n  " + "\n  ".join(items), pytrace=False)


@pytest.mark.parametrize("docname", PAGES)
def test_no_raw_markup_in_the_text(visit, docname):
    """No reST field or directive, MyST role, glue reference, TeX
    delimiter or code fence is left as text (code excepted)."""
    _fail(docname, "unconverted markup in the text", raw_markup(visit(docname).layout["text"]))


@pytest.mark.parametrize("docname", PAGES)
def test_no_assert_in_visible_code(visit, docname):
    """Checks run in removed cells: no code block a reader sees without
    opening a toggle holds an ``assert``."""
    _fail(docname, "assert in visible code (tag the cell remove-cell)",
          visible_asserts(visit(docname).layout))


@pytest.mark.parametrize("docname", PAGES)
def test_nothing_wider_than_the_column(visit, docname):
    """At 1280 px no element reaches past the text column unless a
    scrolling container holds it (wide tables and code scroll inside their
    box), and the page does not scroll sideways."""
    _fail(docname, f"wider than the text column at {WIDE} px",
          page_overflow(visit(docname).layout, "column"))


@pytest.mark.parametrize("docname", PAGES)
def test_equations_fit_the_column(visit, docname):
    """At 1280 px every displayed equation fits the text column without a
    scroll bar (long ones are broken over lines)."""
    _fail(docname, f"equations wider than the column at {WIDE} px (break them over lines)",
          [f"{m['what']}: {m['width']} px in {m['column']} px" for m in
           visit(docname).layout["wideMath"]])


@pytest.mark.parametrize("docname", PAGES)
def test_no_truncated_table_cells(visit, docname):
    """No table cell is cut short with "..." (a pandas display limit or a
    shortened label)."""
    _fail(docname, "table rows with a truncated cell", visit(docname).layout["truncated"])


@pytest.mark.parametrize("docname", PAGES)
def test_images_are_sharp(visit, docname):
    """Every raster image has at least ``MIN_PIXEL_RATIO`` pixels per CSS
    pixel it is shown at (SVG scales and is exempt)."""
    _fail(docname, f"images below {MIN_PIXEL_RATIO:g}x their displayed size",
          blurry_images(visit(docname).layout))


@pytest.mark.parametrize("docname", PAGES)
def test_visible_code_is_a_small_part_of_the_page(site, visit, docname):
    """Visible code input (not collapsed behind a toggle) takes at most
    ``MAX_CODE_HEIGHT`` of the article's height at 1280 px."""
    layout = visit(docname).layout
    share = code_share(layout)
    # the measurement, for the record: page, article height, visible code height, share
    (_screenshot_dir(site) / f"{Path(docname).name}-code-height.txt").write_text(
        f"{Path(docname).name}\t{layout['article']['height']:.0f}\t"
        f"{share * layout['article']['height']:.0f}\t{100 * share:.1f}\n", encoding="utf8")
    if share > MAX_CODE_HEIGHT:
        tall = sorted((c for c in layout["code"] if not c["hidden"]), key=lambda c: -c["height"])
        _fail(docname, f"visible code is {100 * share:.1f}% of the page height "
                       f"(at most {100 * MAX_CODE_HEIGHT:.0f}%); tallest visible cells",
              [f"code cell {c['cell']} ({c['first']!r}): {c['height']:.0f} px" for c in tall[:8]])


@pytest.mark.parametrize("docname", PAGES)
def test_narrow_screen_does_not_scroll_sideways(visit, docname):
    """At 390 px (a phone) nothing is wider than the screen."""
    _fail(docname, f"wider than a {NARROW} px screen",
          page_overflow(visit(docname, NARROW).layout, "viewport"))


@pytest.mark.parametrize("docname", PAGES)
def test_figures_fit_a_narrow_screen(visit, docname):
    """At 390 px every figure and image lies inside the screen."""
    _fail(docname, f"figures wider than a {NARROW} px screen",
          wide_figures(visit(docname, NARROW).layout))


class _Anchors(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids = set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "a" and a.get("name"):
            self.ids.add(a["name"])


@functools.cache
def _anchors(path: Path) -> frozenset:
    """Ids (and ``<a name>``) of an HTML file."""
    parser = _Anchors()
    parser.feed(path.read_text(encoding="utf8"))
    return frozenset(parser.ids)


def _resolve(site: Site, url: str):
    """``(path, fragment)`` of a ``file://`` link inside the build."""
    parts = urlsplit(url)
    path = Path(unquote(parts.path))
    if path.is_dir():
        path = path / "index.html"
    return path, unquote(parts.fragment)


@pytest.mark.parametrize("docname", PAGES)
def test_internal_links_resolve(site, visit, docname):
    """Every link and cross-reference to the book itself reaches an
    existing file and, when it names one, an existing anchor."""
    broken = []
    for url in visit(docname).links:
        if not url.startswith("file:"):
            continue
        path, frag = _resolve(site, url)
        if site.html.resolve() not in path.resolve().parents:
            broken.append(f"{url} (outside the book)")
        elif not path.exists():
            broken.append(f"{url} (no such file)")
        elif frag and path.suffix == ".html" and frag not in _anchors(path):
            broken.append(f"{url} (no anchor {frag!r})")
    assert not broken, "\n".join(broken)


def _solutions(page) -> int:
    return page.locator("div.solution").count()


@pytest.mark.parametrize("docname", PAGES)
def test_solutions_hidden_until_clicked(site, browser, docname):
    """Each exercise solution is a dropdown: its body is hidden when the
    page opens and shown after a click on its toggle."""
    if 'class="solution' not in (site.html / f"{docname}.html").read_text(encoding="utf8"):
        return
    page, _ = open_page(browser, site.url(docname))
    try:
        assert _solutions(page) > 0
        for i in range(_solutions(page)):
            sol = page.locator("div.solution").nth(i)
            body = sol.locator(":scope > :not(.admonition-title)")
            assert body.count() > 0
            assert not any(body.nth(j).is_visible() for j in range(body.count())), (
                f"solution {i + 1} is visible before a click (use :class: dropdown)")
            sol.locator(".admonition-title button.toggle-button").click()
            body.first.wait_for(state="visible", timeout=5_000)
    finally:
        page.close()


def test_book_has_exercises_with_solutions(site):
    """Guards the test above against passing on a book without solutions."""
    pages = [d for d in PAGES if 'class="solution' in
             (site.html / f"{d}.html").read_text(encoding="utf8")]
    assert pages, "no page has an exercise solution"


# ---------------------------------------------------------------------------
# Search, launch buttons, screenshots
# ---------------------------------------------------------------------------

def _search(page) -> list[str]:
    page.wait_for_selector("#search-results ul.search li", timeout=20_000)
    return page.eval_on_selector_all("#search-results ul.search li a",
                                     "els => els.map(e => e.href)")


def test_search_finds_independence_offline(site, browser):
    """From ``file://`` the search page lists pages for "independence"."""
    page, _ = open_page(browser, (site.html / "search.html").as_uri() + "?q=independence")
    try:
        hits = _search(page)
    finally:
        page.close()
    assert any(h.split("#")[0].endswith(".html") for h in hits), hits


@pytest.fixture(scope="session")
def http_site(site):
    """The build served on 127.0.0.1 (as a web host would serve it)."""
    handler = functools.partial(_QuietHandler, directory=str(site.html))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def test_search_finds_independence_served(http_site, browser):
    """Served over HTTP the search page lists "independence" results, with
    their summaries, and logs no console error."""
    page, rec = open_page(browser, f"{http_site}/search.html?q=independence")
    try:
        hits = _search(page)
        page.wait_for_load_state("networkidle")
    finally:
        page.close()
    assert hits and not rec.console_errors and not rec.blocked, (rec.console_errors,
                                                                 rec.blocked)


def _notebook_pages(site) -> list[str]:
    return [d for d in PAGES if (site.html / "_sources" / f"{d}.ipynb").exists()]


def test_launch_buttons_open_the_notebook(site, visit):
    """On every notebook page the Binder and Colab buttons name this
    repository's notebook (after URL normalisation), and Binder finds
    ``environment.yml``."""
    cfg = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf8"))
    repo = urlsplit(cfg["repository"]["url"]).path.strip("/")
    pages = _notebook_pages(site)
    assert pages, "no notebook page"
    assert (ROOT / "environment.yml").exists()
    for doc in pages:
        links = visit(doc).launch
        binder = [u for u in links if "mybinder.org" in u]
        colab = [u for u in links if "colab.research.google.com" in u]
        assert binder and colab, f"{doc}: launch buttons missing ({links})"
        target = Path(f"{doc}.ipynb")
        c = urlsplit(colab[0]).path
        assert c.startswith(f"/github/{repo}/blob/") and Path(c).parts[-len(target.parts):] == \
            target.parts, colab[0]
        b = urlsplit(binder[0])
        assert b.path.startswith(f"/v2/gh/{repo}/"), binder[0]
        urlpath = Path(os.path.normpath(parse_qs(b.query)["urlpath"][0]))
        assert urlpath.parts[1:] == target.parts, binder[0]
        assert (ROOT / target).exists()


def test_screenshots(site, visit):
    """Full-page screenshots of every page of the table of contents at
    1280 and 390 px (``<build>/html/_screenshots/<name>-<width>.png``),
    for a person to look at."""
    visits = [visit(doc, width) for doc in PAGES for width in (WIDE, NARROW)]
    for v in visits:
        print(f"screenshot: {v.screenshot or v.screenshot_error}")
    missing = [v.screenshot_error or f"{v.docname} at {v.width} px: no file" for v in visits
               if v.screenshot is None or not v.screenshot.exists() or v.screenshot.stat().st_size == 0]
    assert not missing, "\n".join(missing)
