"""Class names in both directions (trustgame.core.naming)."""

from __future__ import annotations

import pytest

from trustgame import Params, solve
from trustgame.core.naming import (
    CLASS_KEYS,
    CLASSES,
    NAMED_CLASSES,
    class_key,
    class_of,
    named_class,
)


def test_there_are_48_classes_with_distinct_keys():
    assert len(CLASSES) == 48 and len(set(CLASS_KEYS)) == 48


@pytest.mark.parametrize("triple", CLASSES, ids=lambda t: "/".join(t))
def test_key_and_class_are_inverse(triple):
    assert class_of(class_key(triple)) == triple


@pytest.mark.parametrize("c", NAMED_CLASSES, ids=lambda c: c.key)
def test_named_classes_have_their_paper_key(c):
    assert class_key(c.triple) == c.key
    assert named_class(c.name, c.leader) is c


@pytest.mark.parametrize("key, triple", [
    ("trust-building", ("separating", "separating", "CC")),
    ("asymmetric-semi-tragic[A]", ("separating", "pool-D", "DD")),
    ("pool-C/reverse:mixed", ("pool-C", "reverse", "mixed")),
], ids=["trust-building", "asymmetric-semi-tragic-A", "descriptive"])
def test_known_keys(key, triple):
    assert class_of(key) == triple


def test_unknown_key_is_a_key_error_naming_it():
    with pytest.raises(KeyError, match="no equilibrium class with key 'cooperation'"):
        class_of("cooperation")


@pytest.mark.parametrize("pA, pB, key", [(0.1, 0.1, "tragic"), (0.4, 0.4, "trust-building"),
                                          (0.8, 0.8, "suckers")], ids=["low", "moderate", "high"])
def test_solver_names_agree_with_class_keys(pA, pB, key):
    eq = solve(Params(pA=pA, pB=pB), scope="pure").by_name(key)
    assert eq.key == key and class_key((*named_class(key).patterns, named_class(key).regime)) == key
