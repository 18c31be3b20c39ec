"""The audit's tables for the book (trustgame.audit.tables): the verdict
table, the readings that restore claims, the headline and the alternative
specifications, on small registries built here (fast) and on the real one."""

from __future__ import annotations

import re

import pytest

from trustgame.audit import (
    ASSUMED_DEFAULTS,
    NOT_REPRODUCED,
    ONLY_UNDER,
    READINGS,
    REPRODUCED,
    Claim,
    HtmlTable,
    Verdict,
    alternative_frame,
    alternative_rows,
    headline,
    hinges_on,
    html_table,
    load_claims,
    main_findings,
    prose,
    readings_table,
    run_check,
    verdict_counts,
    verdict_table,
)


def _pair(cid, status, alternative=None, notes="notes-x"):
    return (Claim(cid, f"section of {cid}", f"claim {cid} with theta_A", "threshold_value", status,
                  notes=notes), Verdict(status, "", alternative=alternative))


PAIRS = [
    _pair("r1", REPRODUCED, notes="notes-stands"),
    _pair("s1", ONLY_UNDER, "salience theta <= 0.7467", "notes-salience"),
    _pair("s2", ONLY_UNDER, "the coded salience theta < 1", "notes-cases"),
    _pair("s3", ONLY_UNDER, "salience theta <= 0.8267", "notes-salience"),
    _pair("e1", ONLY_UNDER, "the ex-ante reading; L = 0, against the stated L, also does",
          "notes-refinement"),
    _pair("p1", ONLY_UNDER, "PBE with pure period-1 play", "notes-mixing"),
    _pair("o1", ONLY_UNDER, "off-path beliefs that treat a deviator as greedy", "notes-tragic"),
    _pair("w1", ONLY_UNDER, "reading the threshold as the largest tolerable dependence",
          "notes-threshold"),
    _pair("n1", NOT_REPRODUCED, "with L = 0.05 and the ex-ante reading", "notes-fig2"),
    _pair("n2", NOT_REPRODUCED, None, "notes-salience"),
]


@pytest.mark.parametrize("text,expected", [
    pytest.param("theta = 0.7", "θ = 0.7", id="theta"),
    pytest.param("theta_A and beta_B", "θ<sub>A</sub> and β<sub>B</sub>", id="subscripts"),
    pytest.param("theta <= 0.75 and p >= 0.1", "θ ≤ 0.75 and p ≥ 0.1", id="relations"),
    pytest.param("L = -0.1", "L = −0.1", id="negative-number"),
    pytest.param("1 - beta", "1 − β", id="spaced-minus"),
    pytest.param("pool-C/pool-D:CC", "pool-C/pool-D:CC", id="names-keep-hyphens"),
    pytest.param("a < b & c", "a &lt; b &amp; c", id="escaped"),
])
def test_prose_writes_the_books_notation(text, expected):
    assert prose(text) == expected


@pytest.mark.parametrize("pair,key", [
    pytest.param(PAIRS[0], None, id="reproduced-names-none"),
    pytest.param(PAIRS[1], "salience", id="salience"),
    pytest.param(PAIRS[4], "refinement", id="first-named-wins"),
    pytest.param(PAIRS[5], "scope", id="period-1-play"),
    pytest.param(PAIRS[6], "offpath", id="off-path"),
    pytest.param(PAIRS[7], "wording", id="none-named-is-wording"),
    pytest.param(PAIRS[8], "parameter", id="stated-parameter"),
])
def test_hinges_on_reads_the_alternative(pair, key):
    assert hinges_on(pair[1]) == key


def test_every_assumed_default_is_a_reading():
    assert set(ASSUMED_DEFAULTS) <= set(READINGS)


def test_verdict_table_has_every_claim_linked_and_no_truncation():
    t = verdict_table(PAIRS)
    assert len(t.rows) == len(PAIRS) and len(t.headers) == 5
    for (c, _), row in zip(PAIRS, t.rows):
        assert row[0] == f'<a href="#{c.notes}">{c.id}</a>'
        assert all(not cell.rstrip().endswith(("...", "…")) for cell in row)
        assert "θ<sub>A</sub>" in row[1] and c.section in row[1]
    assert [r[2] for r in t.rows][:2] == ["reproduced", "only under another reading"]


def test_verdict_table_restoring_column_follows_the_verdicts():
    rows = {c.id: r for (c, _), r in zip(PAIRS, verdict_table(PAIRS).rows)}
    assert rows["r1"][3] == "reproduced" and rows["r1"][4] == ""
    assert rows["s1"][3] == "reproduced under salience θ ≤ 0.7467"
    assert rows["s1"][4] == READINGS["salience"][0]
    assert rows["p1"][3].startswith("reproduced with pure period-1 play, the assumed default")
    assert rows["n1"][3].startswith("not reproduced; closest: with L = 0.05") and rows["n1"][4] == ""
    assert rows["n2"][3] == "not reproduced under any reading tried"


def test_verdict_table_links_from_another_page():
    t = verdict_table(PAIRS[:1], href="replication_notes.html#")
    assert t.rows[0][0] == '<a href="replication_notes.html#notes-stands">r1</a>'


def test_readings_table_puts_the_reading_that_restores_most_first():
    t = readings_table(PAIRS)
    numbers = [int(r[3]) for r in t.rows]
    assert numbers == sorted(numbers, reverse=True)
    assert sum(numbers) == sum(v.status == ONLY_UNDER for _, v in PAIRS)
    assert t.rows[0][0] == READINGS["salience"][0] and t.rows[0][1] == ASSUMED_DEFAULTS["salience"]


def test_main_findings_end_with_the_claims_not_reproduced():
    f = main_findings(PAIRS, n=2)
    assert [x["key"] for x in f] == ["salience", "refinement", NOT_REPRODUCED]
    assert f[0]["claims"] == ["s1", "s2", "s3"] and f[0]["notes"] == "notes-salience"
    assert f[-1]["claims"] == ["n1", "n2"]


def test_headline_counts_agree_with_verdict_counts():
    n = verdict_counts(PAIRS)
    text = repr(headline(PAIRS))
    assert text.splitlines()[0].startswith(
        f"{n['claims']} claims audited: {n[REPRODUCED]} reproduced, {n[ONLY_UNDER]} only under "
        f"another reading, {n[NOT_REPRODUCED]} not reproduced")
    assert '<a href="replication_notes.html#notes-salience">3 hinge on the salience θ</a>' \
        in headline(PAIRS).html
    assert '<a href="replication_notes.html#notes-fig2">n1</a>' in headline(PAIRS).html


@pytest.mark.parametrize("number", [1, 2, 3], ids=["figure1", "figure2", "figure3"])
def test_alternative_tables_join_names_as_text(number):
    """No Python list in the alternative-specification tables."""
    rows = alternative_rows(number)
    assert rows[0]["specification"].startswith("assumed defaults")
    assert all(isinstance(r["extra"], str) and isinstance(r["missing"], str) for r in rows)
    text = repr(alternative_frame(number))
    assert not re.search(r"\[['\"]|['\"]\]", text), text


def test_html_table_has_no_index_column_and_plain_text_for_nbval():
    t = html_table([{"a": True, "b": 0.123456}, {"a": False, "b": "theta"}], ["a", "b"],
                   ["first", "second"])
    assert isinstance(t, HtmlTable)
    assert repr(t) == "first | second\nyes | 0.1235\nno | θ"
    assert re.findall(r"<th[^>]*>([^<]*)</th>", t._repr_html_()) == ["first", "second"]


def test_verdict_table_of_the_registry_uses_the_computed_verdicts():
    """On real claims (the fast ones): the verdict column is the check's."""
    claims = [c for c in load_claims() if c.check in ("threshold_value",
                                                      "threshold_comparative_statics")]
    pairs = [(c, run_check(c.check)) for c in claims]
    t = verdict_table(pairs)
    assert [r[2] for r in t.rows] == ["reproduced", "only under another reading"]
    assert t.rows[1][4] == READINGS["wording"][0]
