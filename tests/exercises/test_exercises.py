"""Checked exercises: the right answer passes, a wrong one fails with the
hint, and no message ever contains the expected answer."""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pytest

from trustgame import exercises
from trustgame.exercises import EXERCISES, check, expected

ROOT = Path(__file__).resolve().parents[2]
IDS = sorted(EXERCISES)

#: Wrong numbers tried for each numeric answer: offsets from the right one
#: (test settings, stated here; each is well outside the 0.005 tolerance).
OFFSETS = (-0.5, -0.1, -0.02, 0.02, 0.1, 0.5)
#: Names added to or removed from a right set to make a wrong one.
EXTRA_NAME = "tragic"


def _right(ex_id):
    kind = EXERCISES[ex_id].kind
    want = expected(ex_id)
    if kind == "number":
        return round(want, 3)
    if kind == "interval":
        return tuple(round(v, 3) for v in want)
    if kind == "names":
        return sorted(want)
    xs, ys, mask = want
    return lambda x, y: mask


def _wrong(ex_id):
    kind = EXERCISES[ex_id].kind
    want = expected(ex_id)
    if kind == "number":
        return [want + d for d in OFFSETS]
    if kind == "interval":
        lo, hi = want
        return [(lo + d, hi) for d in OFFSETS] + [(lo, hi + d) for d in OFFSETS] + [(hi, lo)]
    if kind == "names":
        want = set(want)
        wrong = [set(), want ^ {EXTRA_NAME}, {"no such equilibrium"}]
        wrong += [want - {n} for n in want]
        return [w for w in wrong if w != want]
    xs, ys, mask = want
    return [lambda x, y: ~mask, lambda x, y: np.zeros_like(mask), lambda x, y: np.ones_like(mask),
            lambda x, y: x > y]


def _renderings(ex_id) -> list[str]:
    """How the expected answer could show up in a message."""
    kind = EXERCISES[ex_id].kind
    want = expected(ex_id)
    values = [want] if kind == "number" else list(want) if kind == "interval" else []
    out = []
    for v in values:
        out += [f"{v:.2f}", f"{v:.3f}", f"{v:.4f}", repr(v), str(round(v, 3))]
    if kind == "names":
        out += sorted(want) + [str(sorted(want)), str(set(want))]
    return [s for s in out if s not in {"0.0", "1.0"}]


def test_there_are_at_least_twelve_checked_exercises_of_every_kind():
    assert len(EXERCISES) >= 12
    assert {e.kind for e in EXERCISES.values()} == set(exercises.KINDS)


@pytest.mark.parametrize("ex_id", IDS, ids=IDS)
def test_the_right_answer_passes(ex_id):
    fb = check(ex_id, _right(ex_id))
    assert fb.correct and fb.message.startswith("Right"), fb.message


@pytest.mark.parametrize("ex_id", IDS, ids=IDS)
def test_a_wrong_answer_fails_with_the_hint(ex_id):
    for answer in _wrong(ex_id):
        fb = check(ex_id, answer)
        assert not fb.correct, (answer, fb.message)
        assert EXERCISES[ex_id].hint in fb.message


@pytest.mark.parametrize("ex_id", IDS, ids=IDS)
def test_no_message_contains_the_expected_answer(ex_id):
    forbidden = _renderings(ex_id)
    for answer in _wrong(ex_id) + ["not an answer", None]:
        msg = check(ex_id, answer).message
        leaked = [s for s in forbidden if s in msg]
        if EXERCISES[ex_id].kind == "number":
            # the digits of the answer, whatever the rounding
            leaked += [m for m in re.findall(r"-?\d+\.\d+", msg)
                       if abs(float(m) - expected(ex_id)) <= 0.01]
        assert leaked == [], (answer, msg)


def test_within_the_stated_tolerance_is_right_and_beyond_it_wrong():
    t = expected("ex-tp-threshold-k")
    assert check("ex-tp-threshold-k", t + 0.0049).correct
    assert not check("ex-tp-threshold-k", t + 0.0051).correct
    assert exercises.NUMBER_TOL == 0.005


def test_an_unknown_exercise_is_a_key_error():
    with pytest.raises(KeyError, match="no checked exercise"):
        check("ex-nope", 1.0)


def _labels_with_checks() -> dict:
    """Notebook -> exercise labels it defines and labels it calls check() on."""
    out = {}
    for path in sorted((ROOT / "book").glob("*.ipynb")):
        nb = json.loads(path.read_text(encoding="utf-8"))
        md = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
        code = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code")
        labels = set(re.findall(r":label: (ex-[\w-]+)", md))
        if labels:
            out[path.stem] = (labels, set(re.findall(r"check\(\"(ex-[\w-]+)\"", code + md)))
    return out


def test_every_chapter_with_exercises_has_a_checked_one_and_the_book_has_twelve():
    chapters = _labels_with_checks()
    missing = [ch for ch, (labels, checked) in chapters.items() if not labels & checked & set(IDS)]
    assert missing == []
    used = set().union(*(labels & checked for labels, checked in chapters.values()))
    assert len(used) >= 12 and used <= set(IDS)
