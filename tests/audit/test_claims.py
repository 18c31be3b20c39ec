"""The claims registry (data/claims.yml) and the audit checks
(trustgame.audit): every check returns the verdict recorded for its claim.

Each test of a claim names, in its id, the claim it checks; the section of
the paper is in the registry and in the failure message.
"""

from __future__ import annotations

import pytest

from trustgame import audit, solve
from trustgame.audit import (
    CHECKS,
    NOT_REPRODUCED,
    ONLY_UNDER,
    REPRODUCED,
    ClaimsError,
    Verdict,
    load_claims,
    run_check,
)
from trustgame.audit.registry import check
from trustgame.paper import figure_map

CLAIMS = load_claims()
#: Checks that search equilibria with period-1 mixing (seconds each).
SLOW = {"fig1_low_trust_tragic", "fig1_regions", "fig1_symmetric_pure", "low_trust_only_tb"}


def _param(c):
    marks = [pytest.mark.slow] if c.check in SLOW else []
    return pytest.param(c, id=c.id, marks=marks)


@pytest.mark.parametrize("claim", [_param(c) for c in CLAIMS])
def test_claim_verdict_is_the_recorded_one(claim):
    """The check of each claim (section in the message) returns the verdict
    recorded in data/claims.yml, with a witness when the main-text
    specification fails and the alternative when one restores it."""
    v = run_check(claim.check)
    assert v.status == claim.verdict, (
        f"{claim.id} ({claim.section}): recorded {claim.verdict!r}, check says {v.status!r}: "
        f"{v.evidence}")
    if v.status != REPRODUCED:
        assert v.witness is not None, claim.id
        assert v.witness.equilibria or v.witness.condition is not None, claim.id
    if v.status == ONLY_UNDER:
        assert v.alternative, claim.id


def test_every_check_is_used_by_a_claim():
    assert {c.check for c in CLAIMS} == set(CHECKS)


@pytest.mark.parametrize("needed", ["result-1a", "result-1b", "result-1c-existence",
                                    "result-1c-unique", "result-2", "table5-suckers",
                                    "table5-tragic", "fig1-unique", "fig2-unique",
                                    "fig3-overlaps", "case-cold-war", "case-korea"])
def test_registry_covers_the_results_and_figures(needed):
    """Results 1a, 1b, 1c and 2, Table 5 and the three figures all appear."""
    assert needed in {c.id for c in CLAIMS}


def test_every_recorded_verdict_is_pinned():
    """The recorded verdicts themselves (data/claims.yml): editing the
    registry to match a changed check must also change this test."""
    counts = {s: sum(c.verdict == s for c in CLAIMS) for s in audit.STATUSES}
    assert counts == {REPRODUCED: 20, ONLY_UNDER: 14, NOT_REPRODUCED: 3}


def _write(tmp_path, text):
    path = tmp_path / "claims.yml"
    path.write_text(text, encoding="utf-8")
    return path


_GOOD = """- id: a
  section: s
  claim: c
  check: threshold_value
  verdict: reproduced
"""


def test_registry_loads_a_minimal_file(tmp_path):
    [c] = load_claims(_write(tmp_path, _GOOD))
    assert (c.id, c.verdict, c.row) == ("a", "reproduced", 1)


@pytest.mark.parametrize("text,message", [
    pytest.param("a: 1\n", "must be a list", id="not-a-list"),
    pytest.param(_GOOD.replace("  section: s\n", ""), "claim 1: field 'section'",
                 id="missing-field"),
    pytest.param(_GOOD.replace("threshold_value", "no_such_check"), "no_such_check",
                 id="unknown-check"),
    pytest.param(_GOOD.replace("verdict: reproduced", "verdict: maybe"), "verdict must be",
                 id="bad-verdict"),
    pytest.param(_GOOD + _GOOD, "claim 2: id 'a' repeats", id="repeated-id"),
    pytest.param(_GOOD.replace("  verdict", "  extra: x\n  verdict"), "unknown field",
                 id="unknown-field"),
])
def test_registry_errors_name_file_row_and_rule(tmp_path, text, message):
    path = _write(tmp_path, text)
    with pytest.raises(ClaimsError, match=message) as err:
        load_claims(path)
    assert str(path) in str(err.value)


def test_verdict_rejects_an_unknown_status():
    with pytest.raises(ValueError, match="status must be one of"):
        Verdict("probably", "x")


def test_unknown_check_name_raises():
    with pytest.raises(KeyError, match="no audit check"):
        run_check("nope")


def test_a_check_name_is_registered_once():
    with pytest.raises(ValueError, match="already registered"):
        check("threshold_value")(lambda: Verdict(REPRODUCED, "x"))
    assert CHECKS["threshold_value"] is not None and run_check("threshold_value").status == REPRODUCED


def test_exante_reading_restores_uniqueness_in_figure_1():
    """Figure 1 note: with the ex-ante reading every cell has one PBE-ER;
    with the interim (type-by-type) reading some cells have two."""
    assert int(figure_map(1, dominance="ex-ante", n=100).count().max()) == 1
    assert int(figure_map(1, n=200).count().max()) == 2


def test_theta_bounds_of_figure_3_are_exact():
    """Figure 3: greedy B's constraints cap theta at 56/75 (trust-building)
    and 62/75 (asymmetric trust-building)."""
    from fractions import Fraction
    b = audit.theta_bounds_fig3()
    assert b["trust-building"] == Fraction(56, 75)
    assert b["asymmetric-trust-building[B]"] == Fraction(62, 75)


def test_statuses_are_the_three_verdicts():
    assert audit.STATUSES == (REPRODUCED, NOT_REPRODUCED, ONLY_UNDER)


#: Cells per axis of the ex-ante comparison grid (a test setting).
EXANTE_GRID = 12


@pytest.mark.parametrize("number,row", [pytest.param(n, i, id=f"figure{n}-row{i:02d}")
                                        for n in (1, 2, 3) for i in range(EXANTE_GRID)])
def test_exante_map_agrees_with_pointwise_exante_refinement(number, row):
    """The vectorised ex-ante map and the ex-ante refinement of solve() at
    single points select the same equilibria (every cell of a 12 x 12
    grid, one test per row; the disagreeing cells are listed)."""
    m = figure_map(number, dominance="ex-ante", n=EXANTE_GRID)
    wrong = []
    for j in range(EXANTE_GRID):
        sol = solve(m.params_at(row, j), scope="pure", dominance="ex-ante")
        if sol.efficient_names() != m.cell_names(row, j):
            wrong.append((row, j, sol.efficient_names(), m.cell_names(row, j)))
    assert wrong == []
