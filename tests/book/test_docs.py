"""Every docstring example in the package runs (doctest), and every public
name carries a docstring written for it."""

from __future__ import annotations

import dataclasses
import doctest
import importlib
import inspect
import json
import pkgutil
import re
import subprocess
import sys
from pathlib import Path

import pytest

import trustgame

MODULES = sorted(m.name for m in pkgutil.walk_packages(trustgame.__path__, "trustgame."))


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_run(name):
    if name.endswith((".crosscheck", ".qre", ".completeness")):
        pytest.importorskip("pygambit")
    mod = importlib.import_module(name)
    result = doctest.testmod(mod, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0


def _written_docstring(obj) -> bool:
    """A docstring someone wrote: dataclasses get a generated one
    (``"Name(field: type, ...)"``) that documents nothing."""
    doc = inspect.getdoc(obj)
    if not doc:
        return False
    if dataclasses.is_dataclass(obj) and isinstance(obj, type):
        generated = f"{obj.__name__}("
        return not doc.startswith(generated)
    return True


PUBLIC = ("trustgame", "trustgame.analysis", "trustgame.paper", "trustgame.cases",
          "trustgame.audit", "trustgame.viz")
API = sorted((pkg, name) for pkg in PUBLIC for name in importlib.import_module(pkg).__all__)


@pytest.mark.parametrize("pkg, name", API, ids=[f"{p}.{n}" for p, n in API])
def test_public_api_is_documented(pkg, name):
    obj = getattr(importlib.import_module(pkg), name)
    if callable(obj):
        assert _written_docstring(obj), f"{pkg}.{name} has no written docstring"


def test_generated_dataclass_docstring_is_caught():
    @dataclasses.dataclass
    class Undocumented:
        x: int

    assert not _written_docstring(Undocumented)


# --- the Reference chapter and the bibliography styles (book/_ext) -----------

ROOT = Path(__file__).resolve().parents[2]
EXT = ROOT / "book" / "_ext"


def _ext_module(name):
    sys.path.insert(0, str(EXT))
    try:
        return importlib.import_module(name)
    finally:
        sys.path.remove(str(EXT))


def _reference_packages() -> list[str]:
    """The packages of the Reference chapter's ``public-api`` entries, in order."""
    nb = json.loads((ROOT / "book" / "reference.ipynb").read_text())
    text = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
    return re.findall(r"^\.\. public-api:: (\S+)\s*$", text, flags=re.M)


@pytest.mark.parametrize("pkg", PUBLIC)
def test_reference_chapter_documents_package(pkg):
    assert pkg in _reference_packages()


def test_reference_describes_every_public_name_once():
    api = _ext_module("api_reference")
    seen, described, linked = {}, [], []
    for pkg in _reference_packages():
        groups, again = api.plan(pkg, seen=seen)
        described += [f"{pkg}.{name}" for entries in groups.values() for name, _, _ in entries]
        linked += [f"{pkg}.{name}" for name, _ in again]
    assert len(described) == len(set(described))
    covered = set(described) | set(linked)
    missing = [f"{p}.{n}" for p, n in API if f"{p}.{n}" not in covered]
    assert not missing
    ids = [id(_resolve(q)) for q in described if callable(_resolve(q))]
    assert len(ids) == len(set(ids)), "an object is described twice"


def _resolve(qualified):
    mod, name = qualified.rsplit(".", 1)
    return getattr(importlib.import_module(mod), name)


BIB = r"""
@article{three,
  author = {Goldfien, Michael A. and Joseph, Michael F. and McManus, Roseanne W.},
  title = {The Domestic Sources of International Trust},
  journal = {American Political Science Review}, year = {2026}}
@article{four,
  author = {One, A. and Two, B. and Three, C. and Four, D.},
  title = {Ideas and the End of the Cold War in the Kremlin}, journal = {J}, year = {2000}}
@article{two,
  author = {Haynes, Kyle and Yoder, Brandon K.}, title = {Offsetting Uncertainty},
  journal = {J}, year = {2020}}
"""

CITING = """Cites
=====

:cite:t:`three`; :cite:t:`four`; :cite:t:`two`; :cite:p:`three`.

.. bibliography::
"""


@pytest.fixture(scope="module")
def cited_page(tmp_path_factory):
    src = tmp_path_factory.mktemp("bib")
    (src / "refs.bib").write_text(BIB)
    (src / "index.rst").write_text(CITING)
    (src / "conf.py").write_text(
        f"import sys\nsys.path.insert(0, {str(EXT)!r})\n"
        "extensions = ['sphinxcontrib.bibtex', 'bib_style']\n"
        "bibtex_bibfiles = ['refs.bib']\n"
        "bibtex_reference_style = 'author_year_three'\n"
        "bibtex_default_style = 'plain_titlecase'\n")
    out = src / "_build"
    r = subprocess.run([sys.executable, "-m", "sphinx", "-W", "-q", "-E", "-b", "text",
                        str(src), str(out)], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    return " ".join((out / "index.txt").read_text().split())


@pytest.mark.parametrize("expected", [
    "Goldfien, Joseph, and McManus (2026)",
    "One *et al.* (2000)",
    "Haynes and Yoder (2020)",
    "(Goldfien, Joseph, and McManus, 2026)",
], ids=["three-authors-named", "four-authors-shortened", "two-authors", "parenthetical"])
def test_citation_names_up_to_three_authors(cited_page, expected):
    assert expected in cited_page


@pytest.mark.parametrize("title", [
    "The Domestic Sources of International Trust",
    "Ideas and the End of the Cold War in the Kremlin",
], ids=["title-case", "proper-nouns"])
def test_bibliography_keeps_title_capitals(cited_page, title):
    assert title in cited_page
