"""Write the student edition into the built site (``local_extensions``).

When the HTML build finishes, every chapter's notebook goes through
``scripts/make_student.py`` into ``<html>/student/<chapter>.ipynb``, the
file that the "Student edition" link near the top of each chapter
downloads.  ``make student`` writes the same notebooks to
``_build/student/`` without building the book.
"""

import importlib.util
from pathlib import Path


def _make_student(root: Path):
    spec = importlib.util.spec_from_file_location("make_student", root / "scripts" / "make_student.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _write(app, exception):
    if exception is not None or app.builder.format != "html":
        return
    root = Path(app.srcdir)
    notebooks = sorted((root / "book").glob("*.ipynb"))
    _make_student(root).write_student(notebooks, Path(app.outdir) / "student")


def setup(app):
    app.connect("build-finished", _write)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
