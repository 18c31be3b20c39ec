"""Every docstring example in the package runs (doctest)."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import trustgame

MODULES = sorted(m.name for m in pkgutil.iter_modules(trustgame.__path__, "trustgame."))


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_run(name):
    if name.endswith(".crosscheck"):
        pytest.importorskip("pygambit")
    mod = importlib.import_module(name)
    result = doctest.testmod(mod, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0


def test_public_api_is_exported_and_documented():
    for name in trustgame.__all__:
        obj = getattr(trustgame, name)
        if callable(obj):
            assert obj.__doc__, f"{name} has no docstring"
