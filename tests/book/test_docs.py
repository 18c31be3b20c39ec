"""Every docstring example in the package runs (doctest), and every public
name carries a docstring written for it."""

from __future__ import annotations

import dataclasses
import doctest
import importlib
import inspect
import pkgutil

import pytest

import trustgame

MODULES = sorted(m.name for m in pkgutil.walk_packages(trustgame.__path__, "trustgame."))


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_run(name):
    if name.endswith((".crosscheck", ".qre")):
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
