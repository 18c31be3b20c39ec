"""Tables for the book and the filled case template."""

from __future__ import annotations

from pathlib import Path

from trustgame.cases import (
    case_box,
    codebook_rows,
    codings_rows,
    fill_template,
    load_cases,
    markdown_table,
    timeline_rows,
)

ROOT = Path(__file__).resolve().parents[2]


def test_filled_template_round_trips(tmp_path):
    labels = {p: "moderate" for p in ("betaA", "betaB", "thetaA", "thetaB",
                                      "correlationA", "correlationB")}
    labels.update(pA="very low", pB="low", betaA_cf="low", betaB_cf="low",
                  motiveA="security-seeker", motiveB="greedy", prediction=("not coded", ""))
    fill_template(tmp_path / "cases" / "x.csv", "x-case", "Alpha", "Beta", labels)
    case = load_cases(tmp_path / "cases", codebook=ROOT / "data" / "codebook.yml")["x-case"]
    assert case.prediction is None and case.motives == ("security-seeker", "greedy")
    assert case_box(case)["pB"] == (0.1, 0.3)


def test_codings_rows_give_model_ranges_and_mark_assumptions():
    rows = {r["parameter"]: r for r in codings_rows("korea")}
    assert rows["pB"]["range"] == "[0.1, 0.3]"
    assert rows["H"]["range"] == "1.5 (assumed)"
    assert rows["prediction"]["range"] == ""


def test_codebook_rows_show_salience_as_theta():
    rows = codebook_rows(scales=("salience",))
    assert [(r["label"], r["interval"], r["model range"]) for r in rows][0] == (
        "low", "[0.2, 0.4]", "[1.5, 4]")


def test_timeline_rows_name_the_states_and_number_the_events():
    rows = timeline_rows("korea")
    assert [r["number"] for r in rows] == list(range(1, len(rows) + 1))
    assert {r["side"] for r in rows} <= {"United States", "South Korea", "both", "other"}


def test_markdown_table_escapes_pipes_and_newlines():
    text = markdown_table([{"a": "x|y", "b": "one\ntwo"}], ["a", "b"], headers=["A", "B"])
    assert text.splitlines() == ["| A | B |", "|---|---|", "| x\\|y | one two |"]
