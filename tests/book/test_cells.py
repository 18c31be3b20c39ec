"""Each notebook of the book, read cell by cell as its reader meets it.

Code a reader sees (a code cell not tagged ``remove-input``,
``remove-cell``, ``hide-input`` or ``hide-cell``) teaches: it holds no
``assert`` and no ``glue(...)`` (checks and bookkeeping go in hidden cells),
and it is a small part of the chapter.  Outputs a reader sees read as a
book: no Python list, tuple or dict repr and no table led by a 0, 1, 2, ...
index column.  The checks themselves are not dropped: the notebooks hold at
least as many ``assert`` statements as they did when this test was written.

The measures come from ``scripts/book_metrics.py`` (``python
scripts/book_metrics.py`` prints them as a table).
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _metrics_module():
    spec = importlib.util.spec_from_file_location("book_metrics", ROOT / "scripts" / "book_metrics.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses look their module up there
    spec.loader.exec_module(mod)
    return mod


BM = _metrics_module()
NOTEBOOKS = BM.notebooks(ROOT)
IDS = [p.stem for p in NOTEBOOKS]

#: Largest share of a notebook's non-empty source lines (markdown and code)
#: that may be visible code (a book setting: the chapter is prose and math).
MAX_VISIBLE_SHARE = 0.15
#: ``assert`` statements in the code cells of all book/*.ipynb together,
#: counted as ``python scripts/book_metrics.py`` does (ast.Assert nodes of
#: every code cell, IPython magic lines blanked): 270 when every check was
#: still in a visible cell (``--rev d554902``), 305 once they were hidden and
#: each displayed formula was tied to the solver's expression.  An assert
#: moved into the package tests (tests/) is not counted here: moving one
#: there lowers this count, so the floor is lowered in the same change with a
#: note naming the test that now holds it.
ASSERT_FLOOR = 305
#: Mime types that render richer than the text/plain repr beside them.
RICH_MIME = ("text/html", "text/latex", "text/markdown", "image/png", "image/jpeg", "image/svg+xml",
             "application/vnd.jupyter.widget-view+json", "application/javascript")


def _load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf8"))


def _first_line(text: str) -> str:
    return next((ln.strip() for ln in text.splitlines() if ln.strip()), "")[:80]


# ---------------------------------------------------------------------------
# The rules, on a notebook's JSON
# ---------------------------------------------------------------------------

def visible_checks(nb: dict) -> list[str]:
    """Visible code cells holding ``assert`` or calling ``glue(...)``: the
    cell (number and first line) and each offending line."""
    bad = []
    for i, cell in enumerate(nb["cells"]):
        if not BM.input_visible(cell):
            continue
        src = BM.source(cell)
        hits = BM.check_lines(src)
        if hits:
            lines = src.split("\n")
            where = "; ".join(f"line {n}: {lines[n - 1].strip()[:70]!r}" for n, _ in hits[:3])
            more = f" (+{len(hits) - 3} more)" if len(hits) > 3 else ""
            bad.append(f"cell {i} [{_first_line(src)[:40]!r}] {where}{more}")
    return bad


def _plain(output: dict) -> str:
    text = output.get("data", {}).get("text/plain", "")
    return "".join(text) if isinstance(text, list) else text


def _html(output: dict) -> str:
    text = output.get("data", {}).get("text/html", "")
    return "".join(text) if isinstance(text, list) else text


def _markdown(output: dict) -> str:
    text = output.get("data", {}).get("text/markdown", "")
    return "".join(text) if isinstance(text, list) else text


def raw_reprs(nb: dict) -> list[str]:
    """Visible outputs shown only as a Python list, tuple or dict repr."""
    bad = []
    for i, cell in enumerate(nb["cells"]):
        if not BM.output_visible(cell):
            continue
        for out in cell.get("outputs", []):
            if out.get("output_type") not in ("execute_result", "display_data"):
                continue
            data = out.get("data", {})
            text = _plain(out).lstrip()
            if text[:1] in ("[", "(", "{") and not any(m in data for m in RICH_MIME):
                bad.append(f"cell {i}: {_first_line(text)!r}")
    return bad


class _RowHeaders(HTMLParser):
    """For each ``<table>``: the text of the first cell of every body row
    when that cell is a ``<th>`` (a row header), else ``None``."""

    def __init__(self):
        super().__init__()
        self.tables: list[list[str | None]] = []
        self._stack: list[dict] = []

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self._stack.append({"rows": [], "in_head": False, "cell": None, "first": True})
        elif not self._stack:
            return
        t = self._stack[-1]
        if tag == "thead":
            t["in_head"] = True
        elif tag == "tbody":
            t["in_head"] = False
        elif tag == "tr" and not t["in_head"]:
            t["first"] = True
        elif tag in ("th", "td") and not t["in_head"] and t["first"]:
            t["first"] = False
            t["cell"] = "" if tag == "th" else None
            t["rows"].append(None)
            t["open"] = tag == "th"

    def handle_endtag(self, tag):
        if not self._stack:
            return
        t = self._stack[-1]
        if tag == "table":
            self.tables.append(self._stack.pop()["rows"])
        elif tag == "thead":
            t["in_head"] = False
        elif tag == "th" and t.get("open"):
            t["rows"][-1] = t["cell"].strip()
            t["open"] = False

    def handle_data(self, data):
        if self._stack and self._stack[-1].get("open"):
            self._stack[-1]["cell"] += data


def _is_range_index(labels: list) -> bool:
    return bool(labels) and labels == [str(i) for i in range(len(labels))]


def html_range_index_tables(html: str) -> int:
    """Tables in ``html`` whose body rows are headed 0, 1, ..., n-1 (a
    DataFrame or Styler shown with its default index)."""
    parser = _RowHeaders()
    parser.feed(html)
    return sum(_is_range_index(rows) for rows in parser.tables)


_MD_ROW = re.compile(r"^\s*\|(.*)\|\s*$")
_MD_RULE = re.compile(r"^\s*\|?\s*:?-{3,}")


def markdown_range_index_tables(md: str) -> int:
    """Pipe tables in ``md`` whose first column has an empty header and
    0, 1, ..., n-1 below it (``df.to_markdown()`` with the index)."""
    found, lines, i = 0, md.splitlines(), 0
    while i + 1 < len(lines):
        head, rule = _MD_ROW.match(lines[i]), lines[i + 1]
        if head and _MD_RULE.match(rule):
            first = head.group(1).split("|")[0].strip()
            j, labels = i + 2, []
            while j < len(lines) and (row := _MD_ROW.match(lines[j])):
                labels.append(row.group(1).split("|")[0].strip())
                j += 1
            found += first == "" and _is_range_index(labels)
            i = j
        else:
            i += 1
    return found


def index_tables(nb: dict) -> list[str]:
    """Visible outputs showing a table with a 0..n-1 index column."""
    bad = []
    for i, cell in enumerate(nb["cells"]):
        if not BM.output_visible(cell):
            continue
        for j, out in enumerate(cell.get("outputs", []), 1):
            html, md = _html(out), _markdown(out)
            where = f"cell {i}" + (f", output {j}" if len(cell["outputs"]) > 1 else "")
            if html and html_range_index_tables(html):
                bad.append(f"{where}: HTML table with a 0..n-1 index ({_first_line(BM.source(cell))!r})")
            elif not html and md and markdown_range_index_tables(md):
                bad.append(f"{where}: Markdown table with a 0..n-1 index "
                           f"({_first_line(BM.source(cell))!r})")
    return bad


# ---------------------------------------------------------------------------
# The rules catch what they look for (synthetic notebooks)
# ---------------------------------------------------------------------------

def _code(src, tags=(), outputs=()):
    return {"cell_type": "code", "source": src, "metadata": {"tags": list(tags)},
            "outputs": list(outputs), "execution_count": 1}


def _result(**data):
    return {"output_type": "execute_result", "data": data, "metadata": {}, "execution_count": 1}


def _frame_html(index: bool) -> str:
    import pandas as pd

    df = pd.DataFrame({"type": ["security", "greedy"], "payoff": [1.0, 0.5]})
    return df.to_html() if index else df.style.hide(axis="index").to_html()


def test_the_rules_catch_what_they_look_for():
    """A notebook that breaks every rule is caught on each count; one that
    keeps them passes."""
    bad = {"cells": [
        {"cell_type": "markdown", "source": "# A chapter\n\nOne line of prose."},
        _code("%matplotlib inline\nx = solve()\nassert x > 0"),
        _code("glue('x', x, display=False)"),
        _code("sorted(eqs)", outputs=[_result(**{"text/plain": "['DD', 'CC']"})]),
        _code("pair", outputs=[_result(**{"text/plain": "(0.5, 0.25)"})]),
        _code("df", outputs=[_result(**{"text/plain": "   a", "text/html": _frame_html(True)})]),
        _code("Markdown(df.to_markdown())", outputs=[_result(**{
            "text/plain": "<Markdown>",
            "text/markdown": "|    | a |\n|---:|---:|\n|  0 | 1 |\n|  1 | 2 |"})]),
    ]}
    assert [s.split(" [")[0] for s in visible_checks(bad)] == ["cell 1", "cell 2"]
    assert "line 3: 'assert x > 0'" in visible_checks(bad)[0]
    assert len(raw_reprs(bad)) == 2 and len(index_tables(bad)) == 2
    m = BM.measure(bad)
    assert m.asserts == 1 and m.visible_share > MAX_VISIBLE_SHARE

    good = {"cells": [
        {"cell_type": "markdown", "source": "\n".join(f"Prose line {i}." for i in range(30))},
        _code("x = solve()"),
        _code("assert x > 0\nglue('x', x, display=False)", tags=["remove-cell"]),
        _code("fig = plot(x)", tags=["hide-input"]),
        _code("show(x)", outputs=[_result(**{"text/plain": "(x)", "text/latex": "$x$"})]),
        _code("df", tags=["remove-input"], outputs=[_result(**{
            "text/plain": "   a", "text/html": _frame_html(False)})]),
        _code("[1, 2]", tags=["remove-output"], outputs=[_result(**{"text/plain": "[1, 2]"})]),
        _code("timeline", outputs=[_result(**{
            "text/plain": "<Markdown>", "text/markdown": "| # | event |\n|---|---|\n| 1 | coup |"})]),
    ]}
    assert not visible_checks(good) and not raw_reprs(good) and not index_tables(good)
    m = BM.measure(good)
    assert m.asserts == 1 and m.visible_share <= MAX_VISIBLE_SHARE


# ---------------------------------------------------------------------------
# The book's notebooks
# ---------------------------------------------------------------------------

def test_every_notebook_is_checked():
    assert len(NOTEBOOKS) >= 10, NOTEBOOKS


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_visible_code_has_no_checks_or_glue(path):
    """``assert`` and ``glue(...)`` live in cells tagged ``remove-cell``."""
    bad = visible_checks(_load(path))
    if bad:
        pytest.fail(f"{path.name}: visible code cells with checks or glue (move these lines to "
                    f"a cell tagged remove-cell):\n" + "\n".join(bad), pytrace=False)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_visible_code_is_a_small_share(path):
    """Visible code is at most ``MAX_VISIBLE_SHARE`` of the notebook's
    non-empty source lines (markdown and code)."""
    m = BM.measure(_load(path), path.stem)
    if m.visible_share > MAX_VISIBLE_SHARE:
        pytest.fail(f"{path.name}: {m.visible_lines} of {m.lines} non-empty lines are visible code "
                    f"({100 * m.visible_share:.1f}% > {100 * MAX_VISIBLE_SHARE:.0f}%)", pytrace=False)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_outputs_read_as_a_book(path):
    """No visible output is a bare list/tuple/dict repr, and no visible
    table shows a 0..n-1 index column."""
    nb = _load(path)
    reprs, tables = raw_reprs(nb), index_tables(nb)
    msg = []
    if reprs:
        msg.append("raw Python reprs (show them as math, prose or a table):\n" + "\n".join(reprs))
    if tables:
        msg.append("tables with an index column (hide it: df.style.hide(axis='index') or "
                   "to_markdown(index=False)):\n" + "\n".join(tables))
    if msg:
        pytest.fail(f"{path.name}: " + "\n".join(msg), pytrace=False)


def test_no_check_is_lost():
    """The notebooks together hold at least ``ASSERT_FLOOR`` assert
    statements (hidden cells count: the build and nbval execute them)."""
    rows = [BM.measure(_load(p), p.stem) for p in NOTEBOOKS]
    total = sum(m.asserts for m in rows)
    assert total >= ASSERT_FLOOR, (
        f"{total} assert statements in the notebooks, fewer than {ASSERT_FLOOR}:\n"
        + BM.table(rows))
