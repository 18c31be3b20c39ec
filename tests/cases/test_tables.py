"""Tables for the book and the filled case template."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from trustgame.cases import (
    CaseDataError,
    case_box,
    case_table,
    codebook_rows,
    codings_rows,
    details,
    equilibrium_text,
    event_label,
    fill_template,
    format_date,
    load_cases,
    markdown_table,
    parameter_label,
    sensitivity_markdown,
    shares_table,
    timeline_rows,
    timeline_table,
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


LABELS = {p: "moderate" for p in ("betaA", "betaB", "thetaA", "thetaB",
                                  "correlationA", "correlationB")}
LABELS.update(pA="very low", pB="low", betaA_cf="low", betaB_cf="low",
              motiveA="security-seeker", motiveB="greedy", prediction=("not coded", ""))


def test_fill_template_refuses_to_overwrite_and_leaves_the_file_untouched(tmp_path):
    target = tmp_path / "x.csv"
    target.write_text("keep me\n", encoding="utf-8")
    with pytest.raises(CaseDataError, match=r"x\.csv exists; pass overwrite=True to replace it"):
        fill_template(target, "x-case", "Alpha", "Beta", LABELS)
    assert target.read_text(encoding="utf-8") == "keep me\n"


def test_fill_template_overwrites_when_asked(tmp_path):
    target = tmp_path / "cases" / "x.csv"
    target.parent.mkdir()
    target.write_text("old\n", encoding="utf-8")
    fill_template(target, "x-case", "Alpha", "Beta", LABELS, overwrite=True)
    assert target.read_text(encoding="utf-8").startswith("case,state_A,state_B,parameter")


@pytest.mark.parametrize("parameter, case, expected", [
    ("pA", "cold-war", "Soviet trust in the US, $p_A$"),
    ("pB", "korea", "US trust in the new regime, $p_B$"),
    ("betaB", "korea", r"Independence of anti-Communist and modernising domestic policies, "
                       r"$\beta_B$"),
    ("thetaA", "cold-war", r"Salience of the United States' period-1 choice, $\theta_A$"),
    ("H", "korea", "Greedy type's gain from exploiting, $H$"),
    ("prediction", "cold-war", "Equilibrium the paper says the case fits"),
], ids=["trust", "trust-from-refers-to", "independence", "salience-with-article", "payoff",
        "no-symbol"])
def test_parameter_label_is_plain_english_with_math(parameter, case, expected):
    assert parameter_label(parameter, case) == expected


@pytest.mark.parametrize("case", ["cold-war", "korea"])
def test_case_table_has_no_code_names_and_a_dropdown_per_coding(case):
    text = case_table(case)
    n = len(codings_rows(case))
    rows = text.splitlines()[2:2 + n]
    assert all(r.startswith("| ") and r.endswith(" |") for r in rows)
    assert text.count(":::{admonition} Evidence: ") == text.count(":class: dropdown") == n
    assert not re.search(r"\b(pA|pB|betaA|betaB_cf|thetaA|p_USSR|beta_US)\b", text)
    assert "..." not in text and "<details>" not in text


@pytest.mark.parametrize("case", ["cold-war", "korea"])
def test_timeline_table_lists_every_event_with_a_folded_source(case):
    rows = timeline_table(case).splitlines()[2:]
    assert len(rows) == len(timeline_rows(case))
    assert all("<details><summary>source</summary>" in r for r in rows)


@pytest.mark.parametrize("date, end, expected", [
    ("1981-01-29", "", "29 Jan 1981"), ("1987-12", "", "Dec 1987"), ("1986", "1988", "1986 to 1988"),
    ("1961-05", "1961-11", "May 1961 to Nov 1961"),
], ids=["day", "month", "year-span", "month-span"])
def test_format_date(date, end, expected):
    assert format_date(date, end) == expected


@pytest.mark.parametrize("name, expected", [
    ("trust-building", "trust-building"),
    ("asymmetric-trust-building[B]", "asymmetric trust-building (B leads)"),
    ("mixed-trust-building", "mixed-strategy trust-building"),
    ("pool-D/separating:mixed", "`pool-D/separating:mixed`"),
], ids=["named", "leader", "book-name", "solver-notation"])
def test_equilibrium_text(name, expected):
    assert equilibrium_text(name) == expected


def test_details_escapes_markup_and_stays_on_one_line():
    assert details("why", "a <b>\n c") == "<details><summary>why</summary>a &lt;b&gt; c</details>"


def test_shares_table_fills_missing_shares_with_zero():
    text = shares_table({"one": {"tragic": 1.0}, "two": {"trust-building": 0.5}})
    assert text.splitlines()[2:] == ["| tragic | 1.000 | 0.000 |",
                                     "| trust-building | 0.000 | 0.500 |"]


def test_sensitivity_markdown_writes_symbols_and_book_names():
    rows = [{"parameter": "thetaA, thetaB", "coding": "high", "alternative": "1",
             "interval": "1", "share": 0.0, "change": -0.6,
             "leading": "asymmetric-semi-tragic[B], pool-D/separating:mixed (0.60)"}]
    line = sensitivity_markdown(rows).splitlines()[2]
    assert line.startswith(r"| $\theta_A$, $\theta_B$ | high | 1 | 1 | 0.000 | −0.600 |")
    assert "asymmetric semi-tragic (B leads), `pool-D/separating:mixed` (0.60)" in line


@pytest.mark.parametrize("case", ["cold-war", "korea"])
def test_every_event_has_a_short_label(case):
    labels = [event_label(e) for e in load_cases()[case].events]
    assert all(0 < len(lab) <= 30 and not lab.endswith("…") for lab in labels)


@pytest.mark.parametrize("label, action, expected", [
    ("Coup", "Military coup ousts the elected government", "Coup"),
    ("  Two   words ", "Anything", "Two words"),
    ("", "Military coup ousts the elected government of Chang Myon", "Military coup ousts the…"),
    ("", "Short; then more", "Short"),
], ids=["own-label", "own-label-spaces-collapsed", "blank-falls-back-shortened",
        "blank-falls-back-first-clause"])
def test_event_label_uses_the_data_label_or_falls_back(label, action, expected):
    from types import SimpleNamespace

    assert event_label(SimpleNamespace(action=action, label=label)) == expected


@pytest.mark.parametrize("case", ["cold-war", "korea"])
def test_repository_labels_come_from_the_timeline_files(case):
    events = load_cases()[case].events
    assert [event_label(e) for e in events] == [e.label for e in events]
