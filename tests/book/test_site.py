"""The built book, read in a real browser.

A session fixture builds the HTML from the stored notebook outputs
(execution off) into a temporary directory, once.  The tests open every
page of the table of contents from ``file://`` in Debian's Chromium, driven
by Playwright, with every request that is not a local file aborted: what
they check therefore also holds offline.

For every page: no console errors; every figure image loaded and has alt
text; all math typeset (no raw TeX left in the visible text); every internal
link and cross-reference resolves to an existing page and anchor; exercise
solutions hidden until clicked.  Besides: the search page finds
"independence", launch buttons of notebook pages point at the notebook in
the repository, and screenshots of the landing page and of every page with
a figure are written to ``<build>/html/_screenshots/``.

Set ``TRUSTGAME_SITE_DIR`` to build into a fixed directory (to look at the
screenshots afterwards) and ``TRUSTGAME_CHROMIUM`` to use another Chromium.
All tests are in this one module so that pytest-xdist (``--dist loadscope``)
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

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("TRUSTGAME_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
#: TeX left in the visible text means MathJax did not typeset it.
RAW_TEX = ("$$", "\\(", "\\)", "\\[", "\\]", "\\begin{", "\\frac", "\\displaystyle")
IMAGE_FILE = re.compile(r"\.(png|jpe?g|svg|gif|webp)$", re.IGNORECASE)


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
    config = _offline_config(dest)
    cmd = [sys.executable, "-c", "from jupyter_book.cli.main import main; main()",
           "build", str(ROOT), "--config", str(config), "--path-output", str(dest),
           "--all", "-W", "--keep-going"]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, timeout=1800)
    html = dest / "_build" / "html"
    if not (html / "index.html").exists():
        pytest.fail(f"the book did not build:\n{proc.stdout[-4000:]}\n{proc.stderr[-4000:]}")
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


def _is_local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("file", "data", "blob", "about") or (
        parts.scheme in ("http", "https", "ws")
        and parts.hostname in ("localhost", "127.0.0.1", "::1"))


def open_page(browser, url: str, record: Visit | None = None):
    """A new page at ``url`` with non-local requests aborted and console
    errors, page errors and failed requests recorded."""
    record = record or Visit(url)
    page = browser.new_page(viewport={"width": 1280, "height": 900})

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


@pytest.fixture(scope="session")
def visit(site, browser):
    """``visit(docname)``: open a page once (cached) and record it."""

    @functools.cache
    def _visit(docname: str) -> Visit:
        page, rec = open_page(browser, site.url(docname), Visit(docname))
        try:
            rec.math = {"typeset": page.evaluate(_WAIT_MATH), **page.evaluate(_MATH)}
            rec.images = page.evaluate(_IMAGES)
            rec.links = page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
            rec.launch = page.eval_on_selector_all(
                "a[href*='mybinder.org'], a[href*='colab.research.google.com']",
                "els => els.map(e => e.href)")
        finally:
            page.close()
        return rec

    return _visit


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


def test_screenshots(site, browser):
    """Screenshots of the landing page and of every page with a figure
    (its first figure in view), for a person to look at."""
    out = site.html / "_screenshots"
    out.mkdir(exist_ok=True)
    shots = []
    page, _ = open_page(browser, (site.html / "index.html").as_uri())
    try:
        page.wait_for_load_state("networkidle")
        page.evaluate(_WAIT_MATH)
        shots.append(out / "landing.png")
        page.screenshot(path=str(shots[-1]), full_page=True)
    finally:
        page.close()
    for doc in PAGES:
        if "<figure" not in (site.html / f"{doc}.html").read_text(encoding="utf8"):
            continue
        page, _ = open_page(browser, site.url(doc))
        try:
            figures = page.locator(".bd-article figure img")
            if figures.count() == 0:
                continue
            page.evaluate(_WAIT_MATH)
            figures.first.scroll_into_view_if_needed()
            shots.append(out / f"{Path(doc).name}.png")
            page.screenshot(path=str(shots[-1]))
        finally:
            page.close()
    for s in shots:
        print(f"screenshot: {s}")
    assert len(shots) >= 2 and all(s.stat().st_size > 0 for s in shots)
