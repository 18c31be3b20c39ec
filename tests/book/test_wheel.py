"""The wheel works outside the repository, with the base dependencies alone.

One module-scoped fixture builds the wheel (``pip wheel --no-deps .``),
creates a plain virtual environment (no system site-packages) and installs
the wheel into it with ``pip install -c requirements/lock.txt``: the base
dependencies of ``pyproject.toml`` and nothing else (no pygambit, no
ipywidgets, no test or book extras).  Every check then runs a script from a
temporary directory outside the repository, so nothing can be found through
the working directory or the checkout's ``data/`` folder.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow

#: Build and install budget, seconds (stated here: a test setting).
TIMEOUT = 600


def _run(cmd, cwd, timeout=TIMEOUT):
    out = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=timeout)
    assert out.returncode == 0, f"{cmd} failed:\n{out.stdout[-3000:]}\n{out.stderr[-3000:]}"
    return out.stdout


@pytest.fixture(scope="module")
def wheel_env(tmp_path_factory):
    """(wheel path, python of a fresh venv holding the wheel, an outside folder)."""
    tmp = tmp_path_factory.mktemp("wheel")
    _run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", str(ROOT), "-w",
          str(tmp / "dist")], cwd=tmp)
    (wheel,) = (tmp / "dist").glob("trustgame-*.whl")
    venv = tmp / "venv"
    _run([sys.executable, "-m", "venv", str(venv)], cwd=tmp)
    py = venv / "bin" / "python"
    _run([str(py), "-m", "pip", "install", "--quiet", "-c", str(ROOT / "requirements" / "lock.txt"),
          str(wheel)], cwd=tmp)
    outside = tmp / "elsewhere"
    outside.mkdir()
    return wheel, py, outside


def _script(py, cwd, code: str) -> str:
    return _run([str(py), "-c", textwrap.dedent(code)], cwd=cwd)


def test_the_wheel_holds_every_subpackage_and_every_data_file(wheel_env):
    wheel, _, _ = wheel_env
    names = set(zipfile.ZipFile(wheel).namelist())
    data = {f"trustgame/data/{p.relative_to(ROOT / 'data').as_posix()}"
            for p in (ROOT / "data").rglob("*") if p.is_file()}
    assert data - names == set(), "data files missing from the wheel"
    modules = {p.relative_to(ROOT).as_posix() for p in (ROOT / "trustgame").rglob("*.py")}
    assert modules - names == set(), "modules missing from the wheel"


def test_the_installed_package_is_the_wheel_not_the_checkout(wheel_env):
    _, py, outside = wheel_env
    where = _script(py, outside, """
        import trustgame, trustgame.cases as tc, trustgame.audit as ta
        print(trustgame.__file__); print(tc.DATA_DIR); print(ta.CLAIMS_FILE)
    """).split()
    assert all(str(ROOT) not in w for w in where), where
    assert all("site-packages" in w for w in where), where


SOLVE = ["solve", "--pA", "0.2", "--pB", "0.2", "--betaA", "0.6", "--betaB", "0.7", "--json",
         "--pure-only"]


def test_the_command_line_solves_outside_the_repository(wheel_env):
    """``trustgame solve`` from the wheel prints the JSON of the checkout's."""
    _, py, outside = wheel_env
    out = json.loads(_run([str(py.parent / "trustgame"), *SOLVE], cwd=outside))
    ours = json.loads(_run([str(Path(sys.executable).parent / "trustgame"), *SOLVE], cwd=ROOT))
    assert out == ours


def test_cases_codebook_timelines_claims_and_one_check_load_from_the_wheel(wheel_env):
    _, py, outside = wheel_env
    out = _script(py, outside, """
        import json
        import trustgame.audit as ta
        import trustgame.cases as tc
        cases = tc.load_cases()
        book = tc.load_codebook()
        claims = ta.load_claims()
        verdict = ta.run_check("threshold_value")
        print(json.dumps({"cases": sorted(cases), "events": {k: len(c.events) for k, c in cases.items()},
                          "scales": len(book.scales), "claims": len(claims),
                          "status": verdict.status, "t": verdict.numbers["threshold"]}))
    """)
    got = json.loads(out.strip().splitlines()[-1])
    assert got["cases"] == ["cold-war", "korea"]
    assert all(n > 5 for n in got["events"].values()), got["events"]
    assert got["scales"] > 0
    import yaml

    assert got["claims"] == len(yaml.safe_load((ROOT / "data" / "claims.yml").read_text()))
    assert (got["status"], got["t"]) == ("reproduced", 0.45)


#: Optional extras and a call that needs each: (extra, code run in the base venv).
EXTRAS = [
    ("gambit", "from trustgame import Params; from trustgame.audit import crosscheck; "
               "crosscheck.gambit_game(Params())"),
    ("gambit", "from trustgame import Params; from trustgame.audit import qre; qre.qre_match(Params())"),
    ("explorer", "from trustgame.viz import explorer; explorer.explorer_ui()"),
]


def test_base_dependencies_are_exactly_the_declared_ones(wheel_env):
    """What the base venv holds besides pip is what pyproject.toml declares
    (and their own dependencies); no optional extra slipped in."""
    _, py, outside = wheel_env
    have = {line.split("==")[0].lower() for line in _run(
        [str(py), "-m", "pip", "freeze"], cwd=outside).split()}
    assert {"pygambit", "ipywidgets", "pytest", "jupyter-book"} & have == set()
    base = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    assert any(d.startswith("pandas") for d in base), "pandas is imported but not declared"


def test_every_module_imports_with_the_base_dependencies(wheel_env):
    _, py, outside = wheel_env
    out = _script(py, outside, """
        import importlib, pkgutil, trustgame
        bad = []
        for m in pkgutil.walk_packages(trustgame.__path__, "trustgame."):
            try:
                importlib.import_module(m.name)
            except Exception as exc:
                bad.append(f"{m.name}: {exc!r}")
        print("\\n".join(bad) or "ok")
    """)
    assert out.strip() == "ok", out


@pytest.mark.parametrize("extra,code", EXTRAS, ids=[f"{e}-{i}" for i, (e, _) in enumerate(EXTRAS)])
def test_a_missing_extra_raises_an_import_error_that_names_it(wheel_env, extra, code):
    _, py, outside = wheel_env
    out = subprocess.run([str(py), "-c", code], cwd=outside, capture_output=True, text=True,
                         timeout=TIMEOUT)
    assert out.returncode != 0
    last = out.stderr.strip().splitlines()[-1]
    assert "ImportError" in last or "ModuleNotFoundError" in last, last
    assert f'pip install "trustgame[{extra}]"' in last, last


def test_the_sdist_holds_every_data_file(tmp_path):
    """Built from a copy of the sources (the build writes an egg-info folder
    into its source tree, which must not be the checkout)."""
    import shutil
    import tarfile

    src = tmp_path / "src"
    src.mkdir()
    for name in ("pyproject.toml", "README.md", *[p.name for p in ROOT.glob("LICENSE*")]):
        shutil.copy2(ROOT / name, src / name)
    for name in ("trustgame", "data"):
        shutil.copytree(ROOT / name, src / name, ignore=shutil.ignore_patterns("__pycache__"))
    _run([sys.executable, "-c", "from setuptools import build_meta; "
          f"build_meta.build_sdist({str(tmp_path / 'dist')!r})"], cwd=src)
    (sdist,) = (tmp_path / "dist").glob("trustgame-*.tar.gz")
    with tarfile.open(sdist) as tar:
        names = {n.split("/", 1)[1] for n in tar.getnames() if "/" in n}
    data = {p.relative_to(ROOT).as_posix() for p in (ROOT / "data").rglob("*") if p.is_file()}
    assert data - names == set(), "data files missing from the sdist"
