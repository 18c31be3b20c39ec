"""The mixing-dependent claims rechecked on full-scope maps."""

from __future__ import annotations

import pytest

from trustgame.audit import mixing_mask, recheck, recheck_summary
from trustgame.paper import figure_map

N = 16


@pytest.fixture(scope="module")
def rows():
    return recheck(n=N)


def test_every_mixing_dependent_claim_is_rechecked(rows):
    assert [r["claim"] for r in rows] == ["fig1_regions", "fig1_symmetric_pure",
                                         "fig1_low_trust_tragic", "low_trust_only_tb",
                                         "fig2_unique"]
    for r in rows:
        assert r["cells"] == round(r["share"] * N * N)
        assert r["agrees"] == (r["map_verdict"] == r["verdict"])


def test_mixing_changes_figure_1_and_not_the_low_trust_corner_of_figure_2(rows):
    by = {r["claim"]: r for r in rows}
    assert by["fig1_regions"]["cells"] > 0
    assert by["low_trust_only_tb"]["cells"] == 0


def test_mixing_mask_marks_only_equilibria_with_mixing():
    full = figure_map(1, n=N, scope="all")
    pure = figure_map(1, n=N)
    assert mixing_mask(full).any()
    assert not mixing_mask(pure).any()


def test_the_summary_names_a_changed_verdict():
    row = {"claim": "x", "verdict": "reproduced", "map_verdict": "not reproduced",
           "agrees": False, "cells": 3, "question": "cells where it fails"}
    text = recheck_summary([row, dict(row, claim="y", agrees=True)])
    assert text.startswith("1 of 2 verdicts stand")
    assert "x moves from reproduced to not reproduced (3 cells where it fails)" in text
