"""The package's layers: imports point downward only, and there are no cycles.

Every module's imports are read from its syntax tree, deferred imports
(inside functions) included, so a cycle cannot hide behind a function-level
import.  The layers, lowest first:

====  ==========  ===============================================
rank  subpackage  what it holds
====  ==========  ===============================================
0     core        model, period-2 game, equilibria, naming,
                  refinement, solve, errors, tolerances, domain
1     analysis    closed forms, thresholds, salience, correlation,
                  the map kernel and region maps
2     paper       Figures 1-3 parameters, the catalogue
3     cases       codebook, loaders, case evaluation
4     audit       claims registry, checks, cross-checks
5     viz         plotting, explorer
6     cli         the command line; exercises (checked answers)
====  ==========  ===============================================

``trustgame/__init__.py`` is the front door and may import from any layer.
"""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "trustgame"

RANKS = {"core": 0, "analysis": 1, "paper": 2, "cases": 3, "audit": 4, "viz": 5, "cli": 6,
         "exercises": 6}

#: Importable from a notebook: the front door and the documented subpackages.
NOTEBOOK_IMPORTS = {"trustgame", "trustgame.analysis", "trustgame.paper", "trustgame.cases",
                    "trustgame.audit", "trustgame.viz"}


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _is_package(name: str) -> bool:
    return MODULES[name].name == "__init__.py"


def _imports(name: str) -> list[tuple[str, list[str], int]]:
    """(imported module, imported names, line) for every trustgame import of
    module ``name``, relative imports resolved."""
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    package = name if _is_package(name) else name.rpartition(".")[0]
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [(a.name, [], node.lineno) for a in node.names if a.name.startswith("trustgame")]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if not target.startswith("trustgame"):
                continue
            names = [a.name for a in node.names]
            # "from . import x" imports module x when x is a module
            subs = [f"{target}.{n}" for n in names if f"{target}.{n}" in MODULES]
            if subs:
                out += [(s, [], node.lineno) for s in subs]
            else:
                out.append((target, names, node.lineno))
    return out


def _layer(name: str) -> str | None:
    parts = name.split(".")
    return parts[1] if len(parts) > 1 else None


def _rank(name: str) -> int:
    layer = _layer(name)
    return len(RANKS) if layer is None else RANKS[layer]


def test_every_module_belongs_to_a_layer():
    stray = [m for m in MODULES if m != "trustgame" and _layer(m) not in RANKS]
    assert stray == []


@pytest.mark.parametrize("name", sorted(MODULES), ids=str)
def test_imports_point_downward(name):
    upward = [f"line {line}: {target}" for target, _, line in _imports(name)
              if target in MODULES and _rank(target) > _rank(name)]
    assert upward == [], f"{name} imports from a higher layer"


@pytest.mark.parametrize("name", sorted(MODULES), ids=str)
def test_no_private_names_from_other_modules(name):
    private = [f"line {line}: {target}.{n}" for target, names, line in _imports(name)
               for n in names if n.startswith("_") and not n.startswith("__") and target != name]
    assert private == [], f"{name} imports another module's private names"


def _graph() -> dict[str, set[str]]:
    graph = {}
    for name in MODULES:
        deps = set()
        for target, _, _ in _imports(name):
            if target in MODULES and target != name and not _is_package(target):
                deps.add(target)
        graph[name] = deps
    return graph


def test_no_import_cycles():
    graph = {m: d for m, d in _graph().items() if not _is_package(m)}
    state, stack, cycles = {}, [], []

    def visit(m):
        state[m] = "open"
        stack.append(m)
        for d in sorted(graph.get(m, ())):
            if state.get(d) == "open":
                cycles.append(stack[stack.index(d):] + [d])
            elif d not in state:
                visit(d)
        stack.pop()
        state[m] = "done"

    for m in sorted(graph):
        if m not in state:
            visit(m)
    assert cycles == []


def test_core_imports_nothing_above_it():
    core = [m for m in MODULES if _layer(m) == "core"]
    above = sorted({t for m in core for t, _, _ in _imports(m)
                    if t in MODULES and _layer(t) != "core"})
    assert above == []


def test_the_layer_test_sees_an_upward_import(tmp_path, monkeypatch):
    """The checker itself: a deferred upward import inside a function is found."""
    fake = tmp_path / "trustgame" / "core" / "fake.py"
    fake.parent.mkdir(parents=True)
    fake.write_text("def f():\n    from ..viz.plotting import plot_map\n")
    monkeypatch.setitem(MODULES, "trustgame.core.fake", fake)
    found = _imports("trustgame.core.fake")
    assert found == [("trustgame.viz.plotting", ["plot_map"], 2)]
    assert _rank(found[0][0]) > _rank("trustgame.core.fake")


NOTEBOOKS = sorted((ROOT / "book").glob("*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebooks_import_only_the_public_api(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    bad = []
    for cell in nb["cells"]:
        if cell["cell_type"] != "code":
            continue
        src = "".join(cell["source"])
        try:
            tree = ast.parse("\n".join(line for line in src.splitlines()
                                       if not line.lstrip().startswith(("%", "!"))))
        except SyntaxError:
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("trustgame"):
                if node.module not in NOTEBOOK_IMPORTS:
                    bad.append(f"from {node.module} import ...")
                bad += [f"{node.module}.{a.name}" for a in node.names if a.name.startswith("_")]
            elif isinstance(node, ast.Import):
                bad += [a.name for a in node.names
                        if a.name.startswith("trustgame") and a.name not in NOTEBOOK_IMPORTS]
            elif isinstance(node, ast.Attribute) and node.attr.startswith("_") \
                    and not node.attr.startswith("__") and isinstance(node.value, ast.Name) \
                    and node.value.id in {"tg", "tc", "audit", "cases", "trustgame"}:
                bad.append(f"{node.value.id}.{node.attr}")
    assert bad == []
