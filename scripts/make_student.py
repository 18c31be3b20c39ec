"""Write the student edition: one notebook per chapter without solutions.

Every sphinx-exercise solution is removed, a ``{solution}`` block as well as
everything between ``{solution-start}`` and ``{solution-end}`` (the code
cells in between included).  Each exercise is followed by an empty code
cell for the answer, stored outputs are cleared, and a first visible cell
imports :mod:`trustgame.exercises` so that answers can be checked with
``exercises.check("ex-...", answer)``.  The hidden install cell stays (so
the notebook runs on Colab); the link to the student edition goes.

Usage: python scripts/make_student.py [--out DIR] [NOTEBOOK ...]
       (default: every book/*.ipynb into _build/student/; ``make student``)
"""

from __future__ import annotations

import argparse
import copy
import re
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "_build" / "student"

#: Tag of the answer cells the student edition adds.
ANSWER_TAG = "answer"
#: Tag of the cell linking a chapter to its student edition (dropped there).
LINK_TAG = "student-link"
#: Tag of the hidden install cell every chapter starts with (kept).
INSTALL_TAG = "install"

HEADER = ("**Student edition.** The solutions are removed. Write your answer in the empty "
          "cell after each exercise; where the exercise says so, check it with "
          '`exercises.check("ex-...", answer)`: it says whether the answer is right and gives a '
          "hint when it is not, never the answer.")
SETUP = "from trustgame import exercises"

_OPEN = re.compile(r"^(`{3,}|:{3,})\{([\w-]+)\}")
_FENCE = re.compile(r"^(`{3,}|:{3,})\s*$")


def _directives(text: str):
    """Yield ``(kind, start, end)`` line spans of the top-level directives."""
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        m = _OPEN.match(lines[i])
        if not m:
            i += 1
            continue
        fence, name, depth, j = m.group(1), m.group(2), 1, i + 1
        while j < len(lines) and depth:
            if _OPEN.match(lines[j]):
                depth += 1
            elif _FENCE.match(lines[j]) and lines[j].strip().startswith(fence[0]):
                depth -= 1
            j += 1
        yield name, i, j
        i = j


def _split(text: str):
    """Split a markdown cell into pieces: ``("text", s)``, ``("solution-start",)``,
    ``("solution-end",)``, ``("solution",)`` and ``("exercise-end",)``."""
    lines = text.split("\n")
    pieces, last = [], 0
    for name, start, end in _directives(text):
        if name in ("solution", "solution-start", "solution-end", "exercise", "exercise-end"):
            if start > last:
                pieces.append(("text", "\n".join(lines[last:start])))
            if name == "exercise":
                pieces.append(("text", "\n".join(lines[start:end])))
                pieces.append(("exercise-end",))
            elif name == "exercise-end":
                pieces.append(("text", "\n".join(lines[start:end])))
                pieces.append(("exercise-end",))
            else:
                pieces.append((name,))
            last = end
    if last < len(lines):
        pieces.append(("text", "\n".join(lines[last:])))
    return pieces


def student_notebook(nb):
    """The student edition of one notebook (a new notebook; ``nb`` is kept)."""
    out = copy.deepcopy(nb)
    cells, in_solution, text = [], False, []

    def flush():
        body = "\n".join(text).strip("\n")
        if body.strip():
            cells.append(nbformat.v4.new_markdown_cell(body))
        text.clear()

    for cell in nb.cells:
        tags = cell.get("metadata", {}).get("tags", [])
        if LINK_TAG in tags:
            continue
        if cell.cell_type != "markdown":
            if in_solution:
                continue
            flush()
            new = copy.deepcopy(cell)
            if new.cell_type == "code":
                new.outputs, new.execution_count = [], None
            new.metadata.pop("execution", None)
            cells.append(new)
            if INSTALL_TAG in tags:
                cells.append(nbformat.v4.new_markdown_cell(HEADER))
                cells.append(nbformat.v4.new_code_cell(SETUP))
            continue
        for piece in _split(cell.source):
            kind = piece[0]
            if kind == "solution-start":
                in_solution = True
            elif kind == "solution-end":
                in_solution = False
            elif kind == "solution":
                pass
            elif kind == "exercise-end":
                flush()
                answer = nbformat.v4.new_code_cell("")
                answer.metadata["tags"] = [ANSWER_TAG]
                cells.append(answer)
            elif not in_solution:
                text.append(piece[1])
        flush()
    for i, c in enumerate(cells):
        c["id"] = f"student-{i}"
    out.cells = cells
    return out


def write_student(notebooks, out_dir: Path) -> list[Path]:
    """Write the student edition of each notebook into ``out_dir``."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for path in notebooks:
        nb = nbformat.read(path, as_version=4)
        dest = out_dir / Path(path).name
        nbformat.write(student_notebook(nb), dest)
        written.append(dest)
    return written


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("notebooks", nargs="*", type=Path)
    a = ap.parse_args(argv)
    paths = a.notebooks or sorted((ROOT / "book").glob("*.ipynb"))
    for dest in write_student(paths, a.out):
        print(dest)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
