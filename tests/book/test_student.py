"""The student edition (``make student``): no solution survives, every
exercise is followed by an empty answer cell, and each notebook runs top to
bottom, outside the book's folder, with the answer cells left empty."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[2]
CHAPTERS = sorted((ROOT / "book").glob("*.ipynb"))
IDS = [p.stem for p in CHAPTERS]

#: Lines of a solution shorter than this are not searched for (a closing
#: fence, a blank line, "```{solution-end}"); a test setting.
MIN_LINE = 20
#: Seconds a student notebook may take to run (a test setting).
TIMEOUT = 1200


def _module():
    spec = importlib.util.spec_from_file_location("make_student", ROOT / "scripts" / "make_student.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


MS = _module()


@pytest.fixture(scope="module")
def student_dir(tmp_path_factory):
    out = tmp_path_factory.mktemp("student")
    MS.write_student(CHAPTERS, out)
    return out


def _solution_text(nb) -> tuple[list[str], list[str]]:
    """(lines of the solutions' markdown, sources of the solutions' code cells)."""
    lines, code, inside = [], [], False
    for cell in nb.cells:
        if cell.cell_type == "code":
            if inside and cell.source.strip():
                code.append(cell.source)
            continue
        src = cell.source.split("\n")
        i = 0
        while i < len(src):
            line = src[i]
            if line.startswith("```{solution-start}"):
                inside = True
            elif line.startswith("```{solution-end}"):
                inside = False
            elif line.startswith("```{solution}"):
                j = i + 1
                while not src[j].startswith("```"):
                    lines.append(src[j])
                    j += 1
                i = j
            elif inside:
                lines.append(line)
            i += 1
    return [x.strip() for x in lines if len(x.strip()) >= MIN_LINE and not x.startswith(":")], code


def _labels(nb) -> list[str]:
    md = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    return re.findall(r":label: (ex-[\w-]+)", md)


def test_every_chapter_has_a_student_notebook(student_dir):
    assert sorted(p.name for p in student_dir.glob("*.ipynb")) == sorted(p.name for p in CHAPTERS)


#: Chapters with exercises: every page but the landing page.
EXERCISE_CHAPTERS = [p for p in CHAPTERS if p.stem != "intro"]


@pytest.mark.parametrize("path", EXERCISE_CHAPTERS, ids=[p.stem for p in EXERCISE_CHAPTERS])
def test_no_solution_survives(student_dir, path):
    original = nbformat.read(path, as_version=4)
    student = nbformat.read(student_dir / path.name, as_version=4)
    text = "\n".join(c.source for c in student.cells)
    assert "{solution" not in text
    lines, code = _solution_text(original)
    assert lines or code, f"{path.stem}: no solution found in the book's notebook"
    assert [x for x in lines if x in text] == []
    assert [c for c in code if c in text] == []
    assert all(not c.get("outputs") for c in student.cells if c.cell_type == "code")


@pytest.mark.parametrize("path", EXERCISE_CHAPTERS, ids=[p.stem for p in EXERCISE_CHAPTERS])
def test_each_exercise_is_followed_by_an_empty_answer_cell(student_dir, path):
    original = nbformat.read(path, as_version=4)
    student = nbformat.read(student_dir / path.name, as_version=4)
    labels = _labels(original)
    assert labels and _labels(student) == labels
    answers = [i for i, c in enumerate(student.cells) if MS.ANSWER_TAG in c.metadata.get("tags", [])]
    assert len(answers) == len(labels)
    for i, label in zip(answers, labels):
        cell, before = student.cells[i], student.cells[i - 1]
        assert cell.cell_type == "code" and cell.source == ""
        assert before.cell_type == "markdown" and f":label: {label}" in before.source
        assert before.source.rstrip().endswith("```"), before.source[-200:]


@pytest.mark.parametrize("path", CHAPTERS, ids=IDS)
def test_the_install_cell_stays_and_the_link_goes(student_dir, path):
    student = nbformat.read(student_dir / path.name, as_version=4)
    assert MS.INSTALL_TAG in student.cells[0].metadata.get("tags", [])
    assert all(MS.LINK_TAG not in c.metadata.get("tags", []) for c in student.cells)
    assert any(c.source == MS.SETUP for c in student.cells)


@pytest.mark.slow
@pytest.mark.parametrize("path", CHAPTERS, ids=IDS)
def test_a_student_notebook_runs_top_to_bottom(student_dir, path):
    from nbclient import NotebookClient

    nb = nbformat.read(student_dir / path.name, as_version=4)
    NotebookClient(nb, timeout=TIMEOUT, kernel_name="python3",
                   resources={"metadata": {"path": str(student_dir)}}).execute()
    answers = [c for c in nb.cells if MS.ANSWER_TAG in c.metadata.get("tags", [])]
    assert answers or path not in EXERCISE_CHAPTERS
    assert all(c.source == "" and not c.outputs for c in answers)
