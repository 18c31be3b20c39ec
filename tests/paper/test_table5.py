"""Table 5 computed: the facts read off the maps, the verdicts drawn from
them, and the printed table."""

from __future__ import annotations

from functools import cache

import pytest

from trustgame.paper import (
    TABLE5_CLASSES,
    TABLE5_MAPS,
    TABLE5_PREDICTIONS,
    Table5,
    table5,
    table5_checks,
    table5_maps,
    table5_verdicts,
)

N = 80


@cache
def _table() -> Table5:
    return table5(n=N)


@cache
def _checks() -> dict:
    return table5_checks(table5_maps(N))


#: The verdict each row reaches at the paper's values.
EXPECTED = {
    "trust-building": "agrees; the upper end also falls (Result 1a)",
    "suckers": "agrees",
    "tragic": "agrees at these values; differs just above the threshold",
    "mixed-trust-building": "agrees as PBE; differs as PBE-ER: never survives the refinement",
    "semi-tragic": "agrees",
    "asymmetric-trust-building[B]": r"differs at $\theta = 1$: absent; present at $\theta = 0.7$",
    "asymmetric-semi-tragic[B]": (r"agrees that it appears; no overlap with symmetric PBE-ER "
                                  r"at $\theta = 1$"),
    "pool-D/pool-D:CC": "not in the paper; a PBE-ER beside suckers in Figure 2",
}


def test_every_class_has_a_prediction_and_a_row():
    assert tuple(TABLE5_PREDICTIONS) == TABLE5_CLASSES
    assert tuple(r.key for r in _table().rows) == TABLE5_CLASSES


@pytest.mark.parametrize("key", TABLE5_CLASSES, ids=TABLE5_CLASSES)
def test_verdict_at_the_paper_s_values(key):
    assert _table().verdicts[key] == EXPECTED[key]


@pytest.mark.parametrize("key", TABLE5_CLASSES, ids=TABLE5_CLASSES)
def test_shares_are_fractions_with_pbe_er_inside_pbe(key):
    row = next(r for r in _table().rows if r.key == key)
    assert set(row.shares) == set(TABLE5_MAPS)
    for pbe, er in row.shares.values():
        assert 0.0 <= er <= pbe <= 1.0


@pytest.mark.parametrize("key, fact", [
    ("suckers", "same PBE region"),
    ("trust-building", "exists at the lowest trust"),
    ("tragic", "no PBE in Figure 2"),
    ("mixed-trust-building", "reaches lower trust"),
    ("asymmetric-trust-building[B]", "PBE-ER in Figure 3 at theta = 0.7"),
], ids=["suckers-unchanged", "trust-building-lowest", "tragic-gone", "mixed-lower",
        "asymmetric-at-lower-salience"])
def test_facts_that_hold_at_the_paper_s_values(key, fact):
    assert _checks()[key][fact] is True


@pytest.mark.parametrize("key, fact, expected", [
    ("suckers", "same PBE region", "differs"),
    ("semi-tragic", "PBE-ER where neither trust-building nor suckers is a PBE in Figure 2",
     "differs"),
    ("tragic", "no PBE in Figure 3", "differs"),
    ("mixed-trust-building", "PBE-ER somewhere", "check"),
    ("asymmetric-trust-building[B]", "PBE in Figure 3", "check"),
    ("asymmetric-semi-tragic[B]", "overlaps a symmetric PBE-ER", "check"),
    ("pool-D/pool-D:CC", "PBE-ER beside suckers in Figure 2", "absent"),
], ids=["suckers", "semi-tragic", "tragic", "mixed-trust-building", "asymmetric-tb",
        "asymmetric-st", "pool-D"])
def test_a_changed_fact_changes_the_verdict(key, fact, expected):
    facts = {k: dict(v) for k, v in _checks().items()}
    facts[key][fact] = not facts[key][fact]
    assert table5_verdicts(facts)[key] == expected


def test_verdicts_only_for_the_rows_given():
    assert set(table5_verdicts({"tragic": _checks()["tragic"]})) == {"tragic"}


def test_markdown_has_plain_labels_and_no_index():
    lines = _table().to_markdown().splitlines()
    assert lines[0].startswith("| Equilibrium |")
    assert len(lines) == 2 + len(TABLE5_CLASSES)
    body = [line.split(" | ")[0].removeprefix("| ") for line in lines[2:]]
    assert body[3] == "mixed-strategy trust-building"
    assert all(not cell.strip().isdigit() for cell in body)
