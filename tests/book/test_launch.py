"""Every chapter runs on Colab and on Binder, checked without a build.

The launch URLs are made by the theme's own function
(``sphinx_book_theme.header_buttons.launch.add_launch_buttons``) from the
configuration Jupyter Book derives from ``_config.yml``; the assertions are
those of ``tests/book/test_site.py::test_launch_buttons_open_the_notebook``,
which checks the same links in the built HTML.  Each notebook's hidden
first cell installs the pinned release when ``import trustgame`` fails.
"""

from __future__ import annotations

import ast
import os
import tomllib
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import parse_qs, urlsplit

import nbformat
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
CHAPTERS = sorted((ROOT / "book").glob("*.ipynb"))
IDS = [p.stem for p in CHAPTERS]
CONFIG = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf8"))
REPO = urlsplit(CONFIG["repository"]["url"]).path.strip("/")
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
#: What the install cell must install: this repository at the tag of this version.
PIN = f"trustgame[notebooks] @ git+https://github.com/{REPO}@v{VERSION}"


def _theme_options() -> dict:
    from jupyter_book.config import get_final_config

    final, _ = get_final_config(user_yaml=ROOT / "_config.yml",
                                cli_config={"latex_individualpages": False}, sourcedir=ROOT)
    return final["html_theme_options"]


def _launch_urls(docname: str) -> list[str]:
    from sphinx_book_theme.header_buttons.launch import add_launch_buttons

    org, repo = REPO.split("/")
    app = SimpleNamespace(
        config={"html_theme_options": _theme_options()}, outdir=str(ROOT / "_build" / "html"),
        env=SimpleNamespace(doc2path=lambda d: str(ROOT / f"{d}.ipynb"),
                            metadata={docname: {"kernelspec": {"name": "python3"}}}))
    context = {"pagename": docname, "sourcename": f"{docname}.ipynb", "header_buttons": [],
               "github_url": "https://github.com", "github_user": org, "github_repo": repo}
    add_launch_buttons(app, docname, "page.html", context, None)
    return [b["url"] for group in context["header_buttons"] for b in group.get("buttons", [])]


@pytest.mark.parametrize("path", CHAPTERS, ids=IDS)
def test_launch_links_open_this_notebook(path):
    doc = f"book/{path.stem}"
    links = _launch_urls(doc)
    binder = [u for u in links if "mybinder.org" in u]
    colab = [u for u in links if "colab.research.google.com" in u]
    assert binder and colab, f"{doc}: launch buttons missing ({links})"
    target = Path(f"{doc}.ipynb")
    c = urlsplit(colab[0]).path
    assert c == f"/github/{REPO}/blob/{CONFIG['repository']['branch']}/{target.as_posix()}", colab[0]
    assert "/./" not in colab[0] and "//" not in c
    b = urlsplit(binder[0])
    assert b.path == f"/v2/gh/{REPO}/{CONFIG['repository']['branch']}", binder[0]
    urlpath = parse_qs(b.query)["urlpath"][0]
    assert urlpath == os.path.normpath(urlpath) and Path(urlpath).parts[1:] == target.parts, binder[0]
    assert (ROOT / target).exists()


def test_binder_builds_from_environment_yml_with_the_package():
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    assert "-e ." in pip


def _install_cell(path: Path):
    nb = nbformat.read(path, as_version=4)
    return nb.cells[0]


@pytest.mark.parametrize("path", CHAPTERS, ids=IDS)
def test_the_first_cell_is_hidden_and_installs_the_pinned_release(path):
    cell = _install_cell(path)
    assert cell.cell_type == "code"
    assert {"remove-cell", "install"} <= set(cell.metadata.get("tags", []))
    assert cell.get("outputs") == [], "the install cell printed something where trustgame is installed"
    tree = ast.parse(cell.source)
    tries = [n for n in ast.walk(tree) if isinstance(n, ast.Try)]
    assert len(tries) == 1
    body, handler = tries[0].body, tries[0].handlers[0]
    assert isinstance(body[0], ast.Import) and body[0].names[0].name == "trustgame"
    assert isinstance(handler.type, ast.Name) and handler.type.id == "ImportError"
    calls = [n for n in ast.walk(ast.Module(body=handler.body, type_ignores=[]))
             if isinstance(n, ast.Call) and getattr(n.func, "attr", "") == "run_line_magic"]
    assert len(calls) == 1
    magic, args = (a.value for a in calls[0].args)
    assert magic == "pip" and args.startswith("install") and f'"{PIN}"' in args


def test_the_pinned_extra_exists_and_the_install_cells_are_identical():
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["optional-dependencies"]
    assert "notebooks" in extras
    assert len({_install_cell(p).source for p in CHAPTERS}) == 1


@pytest.mark.parametrize("path", CHAPTERS, ids=IDS)
def test_each_chapter_links_its_student_notebook(path):
    nb = nbformat.read(path, as_version=4)
    links = [c for c in nb.cells[:4] if "student-link" in c.metadata.get("tags", [])]
    assert len(links) == 1 and f'href="../student/{path.stem}.ipynb"' in links[0].source
