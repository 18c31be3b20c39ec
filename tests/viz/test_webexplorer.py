"""The generator of the live explorer's JavaScript (trustgame.viz.webexplorer).

The committed ``book/_static/live/model.js`` must be what the generator
writes from the current sympy expressions (the staleness test).  The other
tests check the generator's pieces; those that run the generated code use
Node.js when it is installed (the browser tests in
``tests/book/test_live_explorer.py`` run it in Chromium in any case).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest
import sympy as sp

from trustgame.analysis.conditions import SYMBOLS, class_info
from trustgame.core.domain import check_value
from trustgame.core.errors import ParameterError
from trustgame.core.naming import CLASS_KEYS, CLASSES
from trustgame.core.refinement import DOMINANCE, dominates
from trustgame.viz import webexplorer as wx

ROOT = Path(__file__).resolve().parents[2]
MODEL_JS = ROOT / "book" / "_static" / "live" / "model.js"
NODE = shutil.which("node")
#: Seed of the random payoff vectors below (a test setting).
SEED = 13


def test_committed_model_js_is_current():
    """Regenerating gives the committed file byte for byte; when this fails,
    run ``python -m trustgame.viz.webexplorer book/_static/live/model.js``."""
    assert MODEL_JS.exists(), "book/_static/live/model.js is missing"
    assert MODEL_JS.read_text(encoding="utf8") == wx.model_js()


def test_output_is_deterministic(tmp_path):
    wx.model_data.cache_clear()
    first = wx.model_js()
    wx.model_data.cache_clear()
    out = wx.write_model_js(tmp_path / "m.js")
    assert out.read_text(encoding="utf8") == first
    assert "Date" not in first.split("var ATOMS")[0]


def test_every_class_and_convention_is_emitted():
    data = wx.model_data()["data"]
    assert [c["key"] for c in data["classes"]] == list(CLASS_KEYS)
    assert sorted(data["conditions"]) == sorted(["free", "grim", "passive", "passive-efficient"])
    for conds in data["conditions"].values():
        assert len(conds) == len(CLASSES)
    assert sorted(data["dominance"]) == sorted(DOMINANCE)


def _tree_to_sympy(tree, atoms):
    if tree is True or tree is False:
        return sp.true if tree else sp.false
    if isinstance(tree, int):
        return atoms[tree]
    op = sp.And if tree[0] == "and" else sp.Or
    return op(*(_tree_to_sympy(t, atoms) for t in tree[1:]))


@pytest.mark.parametrize("offpath", ["free", "grim", "passive", "passive-efficient"])
def test_condition_trees_rebuild_the_sympy_conditions(offpath):
    """Reading the emitted trees back (atoms as sympy relations) gives
    every class's condition again."""
    atoms = {}
    trees = [wx._tree(class_info(*key, offpath).condition, atoms) for key in CLASSES]
    for key, tree in zip(CLASSES, trees):
        rebuilt = _tree_to_sympy(_relabel(tree, atoms), list(atoms.values()))
        assert rebuilt == class_info(*key, offpath).condition, key


def _relabel(tree, atoms):
    keys = list(atoms)
    if isinstance(tree, tuple):
        return keys.index(tree)
    if isinstance(tree, list):
        return [tree[0], *(_relabel(t, atoms) for t in tree[1:])]
    return tree


def test_printer_reads_parameters_from_the_array_and_squares_by_product():
    pr = wx.JSPrinter({s.name: f"v[{i}]" for i, s in enumerate(SYMBOLS.values())})
    H, k = SYMBOLS["H"], SYMBOLS["k"]
    assert pr.doprint(H**2 * k) == "(v[0]*v[0])*v[2]"
    assert "Math.pow" not in pr.doprint(H**3 + k**2)


def test_mixing_aggregate_is_the_threshold():
    L, k = SYMBOLS["L"], SYMBOLS["k"]
    assert sp.simplify(wx._mixing_aggregate() - k / (1 + k - L)) == 0


def test_graph_parses_with_javascript_precedence():
    g, roots = wx.expression_graph(["-v[0]*v[1] - v[2]/v[0]/v[1]", "1 - v[0] + v[1]"])
    ops = [wx.GRAPH_OPS[o] for o in g["op"]]
    top = roots[0]
    assert ops[top] == "-"
    assert ops[g["a"][top]] == "*" and ops[g["a"][g["a"][top]]] == "neg"  # (-a)*b
    assert ops[g["b"][top]] == "/" and ops[g["a"][g["b"][top]]] == "/"   # (c/a)/b
    assert ops[roots[1]] == "+" and ops[g["a"][roots[1]]] == "-"          # (1 - a) + b
    assert all(g["a"][r] < r and g["b"][r] < r for r, o in enumerate(ops)
               if o not in ("const", "param"))
    with pytest.raises(ValueError):
        wx.expression_graph(["Math.pow(v[0], 3)"])


def _printed(fn: str) -> list:
    body = fn[len("function(v){return "):-len(";}")]
    return [t.strip() for t in body[1:-1].split(",")] if body.startswith("[") else [body]


def test_graph_does_the_printed_operations():
    """Each atom's and payoff's graph node gives, bit for bit, the value of
    its printed text evaluated as Python (IEEE doubles, the same operations
    in the same order), at random valid points."""
    d = wx.model_data()
    g = d["graph"]
    pairs = [(_printed(f)[0], r) for f, r in zip(d["atoms"], g["atoms"])]
    pairs += [(t, r) for f, rs in zip(d["payoffs"], g["payoffs"]) for t, r in zip(_printed(f), rs)]
    assert len(pairs) == len(d["atoms"]) + 4 * len(CLASSES)
    rng = np.random.default_rng(SEED)
    for _ in range(5):
        v = [float(rng.uniform(1.05, 4)), float(rng.uniform(-1, 0.95)), float(rng.uniform(0.05, 3)),
             float(rng.uniform(0.01, 0.99)), float(rng.uniform(0.01, 0.99)), float(rng.uniform(0, 1)),
             float(rng.uniform(0, 1)), float(rng.uniform(0.05, 3)), float(rng.uniform(0.05, 3))]
        for text, root in pairs:
            assert wx.graph_value(g, root, v) == eval(text, {"v": v}), text  # noqa: S307


# ---------------------------------------------------------------------------
# The generated JavaScript, run by Node.js
# ---------------------------------------------------------------------------

MAP_VIEWS = [("pA", "pB"), ("betaA", "pB"), ("p", "theta"), ("H", "k"), ("theta", "L"),
             ("k", "beta")]


@pytest.mark.parametrize("offpath", ["free", "grim", "passive", "passive-efficient"])
def test_compiled_map_is_the_map_of_the_printed_functions(offpath):
    """The map compiled from the graph for each view equals, cell by cell,
    the map of the printed functions evaluated cell by cell (the runtime's
    path where a page forbids ``Function``), for every dominance notion."""
    base = dict(H=1.5, L=-0.1, k=0.9, pA=0.5, pB=0.5, betaA=0.6, betaB=0.7, thetaA=1.3,
                thetaB=0.8)
    got = _node(f"""
const base = {json.dumps(base)}, views = {json.dumps(MAP_VIEWS)}, out = [];
for (const [x, y] of views) for (const d of M.DATA.dominance) {{
  M.compiling(true);
  const a = M.computeMap(base, x, y, 40, d, {json.dumps(offpath)});
  const ex = Array.from(a.exists), ef = Array.from(a.efficient);
  M.compiling(false);
  const b = M.computeMap(base, x, y, 40, d, {json.dumps(offpath)});
  let diff = 0;
  for (let q = 0; q < ex.length; q++) diff += (ex[q] !== b.exists[q]) + (ef[q] !== b.efficient[q]);
  out.push([x, y, d, diff, ex.reduce((s, e) => s + e, 0)]);
}}
console.log(JSON.stringify(out));""")
    assert len(got) == len(MAP_VIEWS) * len(DOMINANCE)
    for x, y, d, diff, cells in got:
        assert diff == 0, (x, y, d)
        assert cells > 0, (x, y, d)

def _node(script: str):
    if NODE is None:
        pytest.skip("Node.js is not installed (the browser tests run the same code)")
    prog = f"require({json.dumps(str(MODEL_JS))}); const M = globalThis.TrustgameModel;\n{script}"
    out = subprocess.run([NODE, "-"], input=prog, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def _vectors():
    rng = np.random.default_rng(SEED)
    vecs = [tuple(float(x) for x in rng.choice([0.0, 0.5, 1.0], 4)) for _ in range(60)]
    vecs += [tuple(float(x) for x in rng.normal(size=4)) for _ in range(20)]
    vecs += [(1.0, 1.0, 1.0, 1.0 + 5e-10), (1.0, 1.0, 1.0, 1.0 + 2e-9)]
    return vecs


@pytest.mark.parametrize("dominance", [d for d in DOMINANCE if d != "ex-ante"])
def test_dominance_predicates_agree_with_the_refinement(dominance):
    vecs = _vectors()
    pairs = [(u, w) for u in vecs for w in vecs[:30]]
    got = _node(f"const pairs = {json.dumps(pairs)};\n"
                f"console.log(JSON.stringify(pairs.map(p => M.DOMINANCE[{json.dumps(dominance)}]"
                f"(p[0], 0, p[1], 0, M.DATA.tol))));")
    assert got == [dominates(u, w, dominance) for u, w in pairs]


CASES = [("H", "0.9"), ("k", "0"), ("k", "-1"), ("L", "1"), ("pA", "1.5"), ("betaB", "-0.1"),
         ("thetaA", "0"), ("H", "nan"), ("L", "inf"), ("H", "1e-07"), ("pB", "abc")]


@pytest.mark.parametrize("name,text", CASES, ids=[f"{n}={t}" for n, t in CASES])
def test_rule_messages_match_parameter_error(name, text):
    try:
        value = float(text)
    except ValueError:
        value = text
    with pytest.raises(ParameterError) as err:
        check_value(name, value)
    js_value = json.dumps(value) if isinstance(value, str) else repr(value).replace(
        "nan", "NaN").replace("inf", "Infinity")
    got = _node(f"console.log(JSON.stringify(M.checkValue({json.dumps(name)}, {js_value})));")
    assert got == str(err.value)


@pytest.mark.parametrize("x", [0.1, 0.45, 1.0, 2.0, 1e-05, 123456.789, 1e16, -0.25, 1 / 3])
def test_python_float_repr(x):
    assert _node(f"console.log(JSON.stringify(M.pyRepr({x!r})));") == repr(x)
