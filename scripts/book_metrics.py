"""How much code a reader of each chapter sees, and how many checks it runs.

For every notebook of ``book/``: its non-empty source lines (markdown and
code), the lines of *visible* code (code cells not tagged ``remove-input``,
``remove-cell``, ``hide-input`` or ``hide-cell``), their share, and the
``assert`` statements of its code cells (counted with :mod:`ast`, IPython
magics stripped), in all cells and in visible ones.  Printed as a Markdown
table.  ``tests/book/test_cells.py`` imports these functions.

Usage::

    python scripts/book_metrics.py                  # the notebooks as they are
    python scripts/book_metrics.py --rev HEAD       # as committed at a revision
    python scripts/book_metrics.py book/baseline.ipynb
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

#: Tags that keep a code cell's source from the reader (removed, or collapsed
#: behind a toggle).
HIDDEN_INPUT_TAGS = frozenset({"remove-input", "remove-cell", "hide-input", "hide-cell"})
#: Tags that keep a cell's outputs from the reader.
HIDDEN_OUTPUT_TAGS = frozenset({"remove-output", "remove-cell"})
#: Cell magics whose body is not Python.
_FOREIGN_CELL_MAGICS = ("%%bash", "%%sh", "%%html", "%%javascript", "%%js", "%%latex",
                        "%%markdown", "%%writefile", "%%svg", "%%script")
_MAGIC_LINE = re.compile(r"^\s*[%!]")
_ASSERT_LINE = re.compile(r"^\s*assert\b", re.MULTILINE)
_GLUE_CALL = re.compile(r"\bglue\s*\(")


def source(cell: dict) -> str:
    """A cell's source as one string (nbformat stores a string or a list)."""
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src


def tags(cell: dict) -> frozenset:
    return frozenset(cell.get("metadata", {}).get("tags", []))


def input_visible(cell: dict) -> bool:
    """A code cell whose source the reader sees without opening a toggle."""
    return cell.get("cell_type") == "code" and not tags(cell) & HIDDEN_INPUT_TAGS


def output_visible(cell: dict) -> bool:
    """A code cell whose outputs are in the page."""
    return cell.get("cell_type") == "code" and not tags(cell) & HIDDEN_OUTPUT_TAGS


def python_source(code: str) -> str | None:
    """``code`` with IPython magic and shell lines blanked (line numbers
    kept); ``None`` for a cell magic whose body is not Python."""
    if code.lstrip().startswith(_FOREIGN_CELL_MAGICS):
        return None
    return "\n".join("" if _MAGIC_LINE.match(ln) else ln for ln in code.split("\n"))


def _tree(code: str) -> ast.AST | None:
    py = python_source(code)
    if py is None:
        return None
    try:
        return ast.parse(py)
    except SyntaxError:
        return None


def count_asserts(code: str) -> int:
    """``assert`` statements in a code cell's source (lines starting with
    ``assert`` if the cell does not parse).

    >>> count_asserts("%time x = 1\\nassert x == 1\\nfor i in range(3):\\n    assert i < 3")
    2
    """
    tree = _tree(code)
    if tree is None:
        return len(_ASSERT_LINE.findall(python_source(code) or ""))
    return sum(isinstance(node, ast.Assert) for node in ast.walk(tree))


def calls_glue(code: str) -> bool:
    """Whether the source calls ``glue(...)`` (also ``myst_nb.glue(...)``).

    >>> calls_glue("glue('k', 2, display=False)"), calls_glue("# no glue( here")
    (True, False)
    """
    return any(kind == "glue(" for _, kind in check_lines(code))


def check_lines(code: str) -> list[tuple[int, str]]:
    """``(line number, "assert" or "glue(")`` of each ``assert`` statement
    and ``glue(...)`` call in a code cell's source, 1-based, sorted.

    >>> check_lines("x = 1\\nglue('x', x)\\nassert x")
    [(2, 'glue('), (3, 'assert')]
    """
    tree = _tree(code)
    if tree is None:
        py = python_source(code) or ""
        return [(i, kind) for i, ln in enumerate(py.split("\n"), 1)
                for kind, rx in (("assert", _ASSERT_LINE), ("glue(", _GLUE_CALL)) if rx.search(ln)]
    hits = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Assert):
            hits.add((node.lineno, "assert"))
        elif isinstance(node, ast.Call):
            f = node.func
            name = f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else ""
            if name == "glue":
                hits.add((node.lineno, "glue("))
    return sorted(hits)


def nonempty_lines(text: str) -> int:
    return sum(1 for ln in text.splitlines() if ln.strip())


@dataclass(frozen=True)
class NotebookMetrics:
    """What :func:`measure` finds in one notebook."""

    name: str
    lines: int            # non-empty source lines, every cell
    visible_lines: int    # non-empty lines of visible code cells
    asserts: int          # assert statements, every code cell
    visible_asserts: int  # assert statements in visible code cells
    visible_glue: int     # visible code cells that call glue()

    @property
    def visible_share(self) -> float:
        return self.visible_lines / self.lines if self.lines else 0.0


def measure(nb: dict, name: str = "") -> NotebookMetrics:
    """Line counts and assert counts of a notebook (its JSON as a dict).

    >>> nb = {"cells": [
    ...     {"cell_type": "markdown", "source": "# Title\\n\\nText."},
    ...     {"cell_type": "code", "source": "x = 1", "metadata": {}},
    ...     {"cell_type": "code", "source": "assert x == 1",
    ...      "metadata": {"tags": ["remove-cell"]}}]}
    >>> m = measure(nb, "demo")
    >>> m.lines, m.visible_lines, m.asserts, m.visible_asserts, round(m.visible_share, 2)
    (4, 1, 1, 0, 0.25)
    """
    lines = visible = asserts = vis_asserts = vis_glue = 0
    for cell in nb.get("cells", []):
        src = source(cell)
        n = nonempty_lines(src)
        lines += n
        if cell.get("cell_type") != "code":
            continue
        a = count_asserts(src)
        asserts += a
        if input_visible(cell):
            visible += n
            vis_asserts += a
            vis_glue += calls_glue(src)
    return NotebookMetrics(name, lines, visible, asserts, vis_asserts, vis_glue)


def notebooks(root: Path = ROOT) -> list[Path]:
    """The book's notebooks, sorted."""
    return sorted((root / "book").glob("*.ipynb"))


def load(path: Path, rev: str | None = None) -> dict:
    """A notebook's JSON, from the work tree or (``rev``) from git."""
    if rev is None:
        return json.loads(Path(path).read_text(encoding="utf8"))
    rel = Path(path).resolve().relative_to(ROOT).as_posix()
    out = subprocess.run(["git", "show", f"{rev}:{rel}"], cwd=ROOT, capture_output=True,
                         text=True, check=True).stdout
    return json.loads(out)


def table(rows: list[NotebookMetrics]) -> str:
    """A Markdown table of ``rows`` with a total line."""
    head = ("| notebook | non-empty lines | visible code lines | visible share | asserts "
            "| asserts in visible cells | visible cells calling glue |\n"
            "|---|---:|---:|---:|---:|---:|---:|")
    body = [f"| {m.name} | {m.lines} | {m.visible_lines} | {100 * m.visible_share:.1f}% "
            f"| {m.asserts} | {m.visible_asserts} | {m.visible_glue} |" for m in rows]
    total = measure({"cells": []}, "total")
    if rows:
        lines = sum(m.lines for m in rows)
        vis = sum(m.visible_lines for m in rows)
        total = NotebookMetrics("**total**", lines, vis, sum(m.asserts for m in rows),
                                sum(m.visible_asserts for m in rows),
                                sum(m.visible_glue for m in rows))
    body.append(f"| {total.name} | {total.lines} | {total.visible_lines} | "
                f"{100 * total.visible_share:.1f}% | {total.asserts} | {total.visible_asserts} "
                f"| {total.visible_glue} |")
    return "\n".join([head, *body])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("notebooks", nargs="*", type=Path, help="default: book/*.ipynb")
    parser.add_argument("--rev", help="read the notebooks as committed at this git revision")
    args = parser.parse_args(argv)
    paths = [p.resolve() for p in args.notebooks] or notebooks()
    print(table([measure(load(p, args.rev), p.stem) for p in paths]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
