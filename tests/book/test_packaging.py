"""Replication set-up: pinned versions agree, the two README commands exist,
CI runs the README's test command."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]


def _lock() -> dict:
    pins = {}
    for line in (ROOT / "requirements" / "lock.txt").read_text().splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        name, _, version = line.partition("==")
        assert version, f"requirements/lock.txt: unpinned line {line!r}"
        pins[_norm(name)] = version
    return pins


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _environment() -> dict:
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    pins = {}
    for dep in env["dependencies"]:
        if isinstance(dep, dict):
            for item in dep.get("pip", []):
                if "==" in item:
                    n, v = item.split("==")
                    pins[_norm(n)] = v
        elif "=" in dep:
            n, v = dep.split("=", 1)
            pins[_norm(n)] = v.lstrip("=")
    return pins


def test_environment_yml_pins_the_same_versions_as_the_lock_file():
    lock, env = _lock(), _environment()
    env.pop("python")
    assert env, "environment.yml pins nothing"
    mismatched = {n: (v, lock.get(n)) for n, v in env.items() if lock.get(n) != v}
    assert not mismatched, f"environment.yml and requirements/lock.txt disagree: {mismatched}"


def test_every_direct_dependency_is_pinned_in_both_files():
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    reqs = list(meta["dependencies"])
    for group in meta["optional-dependencies"].values():
        reqs += group
    direct = {_norm(re.match(r"[A-Za-z0-9_.\-]+", r).group(0)) for r in reqs} - {"trustgame"}
    lock, env = _lock(), _environment()
    assert direct <= set(lock), direct - set(lock)
    assert direct <= set(env), direct - set(env)


def test_lock_pins_pygambit_exactly():
    assert _lock()["pygambit"] == "16.7.0"


def test_readme_gives_the_two_commands():
    readme = (ROOT / "README.md").read_text()
    assert "make book" in readme and "make test" in readme


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text()
    assert "make test" in ci


def test_makefile_bootstraps_from_python3_with_the_lock_file():
    mk = (ROOT / "Makefile").read_text()
    assert "-m venv" in mk and "-c $(LOCK)" in mk
    assert re.search(r"^book: \$\(STAMP\)", mk, re.M) and re.search(r"^test: \$\(STAMP\)", mk, re.M)


def test_readme_counts_match_the_claims_registry():
    """The README's summary of verdicts is the registry's (whose verdicts
    tests/audit/test_claims.py recomputes)."""
    import collections

    claims = yaml.safe_load((ROOT / "data" / "claims.yml").read_text())
    cnt = collections.Counter(c["verdict"] for c in claims)
    readme = (ROOT / "README.md").read_text()
    assert f"lists {len(claims)} formal claims" in readme
    assert f"{cnt['reproduced']} are reproduced" in readme
    assert f"{cnt['reproduced only under']} are reproduced only under" in readme
    assert f"and {cnt['not reproduced']} are not" in readme


def test_readme_lists_every_output_and_module():
    import csv
    import pkgutil

    import trustgame

    readme = (ROOT / "README.md").read_text()
    for row in csv.DictReader((ROOT / "data" / "outputs.csv").open()):
        assert row["item"] in readme and f"book/{row['chapter']}.ipynb" in readme, row["item"]
    for m in pkgutil.walk_packages(trustgame.__path__, "trustgame."):
        assert f"`{m.name}`" in readme, m.name


def test_readme_lists_every_module():
    """The README's module table names every module of the package."""
    import pkgutil

    import trustgame

    readme = (ROOT / "README.md").read_text()
    listed = set(re.findall(r"^\| `(trustgame[\w.]*)` \|", readme, re.M))
    modules = {m.name for m in pkgutil.walk_packages(trustgame.__path__, "trustgame.")}
    assert modules - listed == set()
    assert listed - modules - {"trustgame"} == set()
