"""Case data: the repository's tables and timelines, and the validation
that locates every error.

The error-path tests corrupt a copy of the repository's data in ``tmp_path``
and check that the message names the file, the row and the column.
"""

from __future__ import annotations

import csv
import math
import shutil
from pathlib import Path

import pytest
import yaml

from trustgame.cases import (
    CODING_BOUNDS,
    DATA_DIR,
    REQUIRED_PARAMETERS,
    TIMELINE_COLUMNS,
    CaseDataError,
    case_box,
    load_cases,
    load_timeline,
    phase_spans,
)
from trustgame.cases.loading import TIMELINE_OPTIONAL
from trustgame.core.errors import CaseDataError as CoreCaseDataError

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
KEYS = ("cold-war", "korea")


@pytest.fixture(scope="module")
def cases():
    return load_cases()


@pytest.fixture()
def data_copy(tmp_path):
    """A writable copy of data/ (cases, codebook, timelines)."""
    dst = tmp_path / "data"
    shutil.copytree(DATA / "cases", dst / "cases")
    shutil.copytree(DATA / "timelines", dst / "timelines")
    shutil.copy(DATA / "codebook.yml", dst / "codebook.yml")
    return dst


def _rewrite(path, edit):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
        fields = list(rows[0].keys())
    rows = edit(rows)
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fields, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


def _row_of(path, parameter):
    with open(path, newline="", encoding="utf-8") as f:
        for i, r in enumerate(csv.DictReader(f), start=1):
            if r["parameter"] == parameter:
                return i
    raise KeyError(parameter)


# ---------------------------------------------------------------------------
# The repository's data
# ---------------------------------------------------------------------------

def test_data_dir_is_the_repository_data_folder():
    assert DATA_DIR == DATA


def test_case_data_error_is_the_core_error():
    assert CaseDataError is CoreCaseDataError


def test_repository_data_has_exactly_both_cases(cases):
    assert set(cases) == set(KEYS)


@pytest.mark.parametrize("key", KEYS)
def test_repository_case_codes_every_parameter_and_has_events(cases, key):
    assert set(cases[key].codings) == set(REQUIRED_PARAMETERS)
    assert cases[key].events


def test_roles_follow_the_model_korea_b_is_south_korea(cases):
    """Figure 3's lopsided case has B as the independent leader (Result 1c)."""
    assert (cases["korea"].state_A, cases["korea"].state_B) == ("United States", "South Korea")
    assert (cases["cold-war"].state_A, cases["cold-war"].state_B) == ("United States",
                                                                      "Soviet Union")


def test_paper_codings_are_recorded_as_the_paper_words_them(cases):
    """Sections "Mapping the Model to the Case" and "... Korea Case"."""
    cw, ko = cases["cold-war"], cases["korea"]
    assert (cw.label("pA"), cw.label("pB")) == ("very low", "very low")
    assert cw.label("betaB") == "moderate-to-high" and cw.label("betaA") == "moderate"
    assert cw.label("thetaB") == "high" and cw.label("thetaA") == "moderate"
    assert (ko.label("pA"), ko.label("pB")) == ("high", "low")
    assert (ko.label("betaA"), ko.label("betaB")) == ("low", "high")
    assert cw.prediction == "trust-building"
    assert ko.prediction == "asymmetric-trust-building[B]"


@pytest.mark.parametrize("key", KEYS)
@pytest.mark.parametrize("parameter", ["H", "L", "k"])
def test_payoffs_are_not_coded_and_take_the_figure_values(cases, key, parameter):
    assert not cases[key].coding(parameter).coded
    expected = {"H": (1.5, 1.5), "L": (-0.1, -0.1), "k": (0.9, 0.9)}[parameter]
    assert case_box(cases[key])[parameter] == expected


@pytest.mark.parametrize("key", KEYS)
def test_timelines_are_sorted_and_contain_both_phases(cases, key):
    mids = [e.mid for e in cases[key].events]
    assert mids == sorted(mids)
    roles = {e.role for e in cases[key].events}
    assert "period-2 cooperation" in roles and "period-1 signal" in roles


def test_phase_spans_of_korea():
    """Period 1 of the Korea timeline runs from May 1961 (the first US
    defection and Park's first signals) to the end of November 1961
    (Kennedy withholds recognition until then); period 2 ends with 1965."""
    sp = phase_spans("korea")
    assert sp["period 1"] == pytest.approx((1961 + 120 / 365, 1961 + 334 / 365), abs=1e-12)
    assert sp["period 2"][1] == 1966.0


# ---------------------------------------------------------------------------
# The bounds of an assumed value
# ---------------------------------------------------------------------------

def test_coding_bounds_read_the_domain_with_open_priors():
    """Model parameters follow trustgame.core.domain.DOMAIN, except that a
    case codes a prior in the open interval (0, 1)."""
    inf = math.inf
    assert CODING_BOUNDS == {
        "H": (1, inf, True, True), "L": (-inf, 1, True, True), "k": (0, inf, True, True),
        "pA": (0, 1, True, True), "pB": (0, 1, True, True),
        "betaA": (0, 1, False, False), "betaB": (0, 1, False, False),
        "thetaA": (0, inf, True, True), "thetaB": (0, inf, True, True),
        "betaA_cf": (0, 1, False, False), "betaB_cf": (0, 1, False, False),
        "correlationA": (0, 1, False, False), "correlationB": (0, 1, False, False),
    }


@pytest.mark.parametrize("parameter, assumed, message", [
    pytest.param("betaB_cf", "[0.2, 1.4]", "interval [0.2, 1.4] for betaB_cf lies outside [0, 1]",
                 id="betaB_cf-above-1"),
    pytest.param("pA", "0", "interval [0.0, 0.0] for pA lies outside (0, 1)", id="pA-at-0"),
    pytest.param("pB", "[0.5, 1]", "interval [0.5, 1.0] for pB lies outside (0, 1)",
                 id="pB-at-1"),
    pytest.param("H", "1", "interval [1.0, 1.0] for H lies outside (1, inf)", id="H-at-1"),
    pytest.param("L", "[0, 1]", "interval [0.0, 1.0] for L lies outside (-inf, 1)",
                 id="L-at-1"),
    pytest.param("k", "0", "interval [0.0, 0.0] for k lies outside (0, inf)", id="k-at-0"),
    pytest.param("thetaA", "[0, 1]", "interval [0.0, 1.0] for thetaA lies outside (0, inf)",
                 id="thetaA-at-0"),
    pytest.param("k", "[2, 1]", "invalid interval [2.0, 1.0] for k: lower end above upper end",
                 id="k-reversed"),
])
def test_assumed_value_outside_its_bounds_names_row_column_and_rule(data_copy, parameter,
                                                                    assumed, message):
    path = data_copy / "cases" / "korea.csv"
    row = _row_of(path, parameter)

    def edit(rows):
        rows[row - 1].update(label="not coded", assumed=assumed)
        return rows

    _rewrite(path, edit)
    with pytest.raises(CaseDataError) as err:
        load_cases(data_copy / "cases")
    assert (err.value.file.name, err.value.row, err.value.column) == ("korea.csv", row,
                                                                      "assumed")
    assert str(err.value) == f"korea.csv, row {row}, column 'assumed': {message}"


# ---------------------------------------------------------------------------
# Error paths: each names file, row and column
# ---------------------------------------------------------------------------

def test_unknown_label_names_file_row_and_column(data_copy):
    path = data_copy / "cases" / "korea.csv"
    row = _row_of(path, "pB")

    def edit(rows):
        rows[row - 1]["label"] = "lowish"
        return rows

    _rewrite(path, edit)
    with pytest.raises(CaseDataError) as err:
        load_cases(data_copy / "cases")
    assert (err.value.file.name, err.value.row, err.value.column) == ("korea.csv", row, "label")
    assert f"korea.csv, row {row}, column 'label'" in str(err.value)
    assert "unknown label 'lowish'" in str(err.value)


def test_unknown_prediction_label_points_to_the_class_keys(data_copy):
    path = data_copy / "cases" / "korea.csv"
    row = _row_of(path, "prediction")

    def edit(rows):
        rows[row - 1]["label"] = "asymmetric-trust-building"
        return rows

    _rewrite(path, edit)
    with pytest.raises(CaseDataError) as err:
        load_cases(data_copy / "cases")
    assert (err.value.row, err.value.column) == (row, "label")
    assert ("unknown label 'asymmetric-trust-building' for prediction (known: see "
            "trustgame.core.naming.CLASS_KEYS; or 'not coded')") in str(err.value)


def test_unknown_assumed_prediction_is_rejected(data_copy):
    path = data_copy / "cases" / "korea.csv"
    row = _row_of(path, "prediction")

    def edit(rows):
        rows[row - 1].update(label="not coded", assumed="trust building", citation="")
        return rows

    _rewrite(path, edit)
    with pytest.raises(CaseDataError, match=r"column 'assumed': unknown equilibrium name "
                                            r"'trust building'"):
        load_cases(data_copy / "cases")


def test_missing_parameter_names_file_rows_and_column(data_copy):
    path = data_copy / "cases" / "cold_war.csv"
    _rewrite(path, lambda rows: [r for r in rows if r["parameter"] != "thetaB"])
    with pytest.raises(CaseDataError) as err:
        load_cases(data_copy / "cases")
    msg = str(err.value)
    assert msg.startswith("cold_war.csv, rows 1-")
    assert "column 'parameter'" in msg and "'thetaB' is missing" in msg


def test_codebook_interval_outside_unit_interval_names_entry_and_field(data_copy):
    path = data_copy / "codebook.yml"
    raw = yaml.safe_load(path.read_text())
    raw["scales"]["independence"]["labels"][2]["interval"] = [0.5, 1.3]
    path.write_text(yaml.safe_dump(raw))
    with pytest.raises(CaseDataError) as err:
        load_cases(data_copy / "cases")
    assert err.value.file.name == "codebook.yml"
    assert err.value.row == "scale 'independence' entry 3"
    assert err.value.column == "interval"
    assert "[0.5, 1.3]" in str(err.value) and "outside [0, 1]" in str(err.value)


def test_codebook_reversed_interval_is_invalid(data_copy):
    path = data_copy / "codebook.yml"
    raw = yaml.safe_load(path.read_text())
    raw["scales"]["probability"]["labels"][1]["interval"] = [0.3, 0.1]
    path.write_text(yaml.safe_dump(raw))
    with pytest.raises(CaseDataError, match=r"codebook.yml, scale 'probability' entry 2, "
                                            r"column 'interval': invalid interval"):
        load_cases(data_copy / "cases")


def test_inconsistent_roles_name_file_row_and_column(data_copy):
    path = data_copy / "cases" / "korea.csv"

    def edit(rows):
        rows[4]["state_B"] = "North Korea"
        return rows

    _rewrite(path, edit)
    with pytest.raises(CaseDataError) as err:
        load_cases(data_copy / "cases")
    assert (err.value.file.name, err.value.row, err.value.column) == ("korea.csv", 5, "state_B")
    assert "inconsistent roles" in str(err.value)


@pytest.mark.parametrize("bad", ["1961-13", "late 1961", "1961-02-30"])
def test_bad_date_names_file_row_and_column(data_copy, bad):
    path = data_copy / "timelines" / "korea.csv"

    def edit(rows):
        rows[2]["date"] = bad
        return rows

    _rewrite(path, edit)
    with pytest.raises(CaseDataError) as err:
        load_cases(data_copy / "cases")
    assert (err.value.file.name, err.value.row, err.value.column) == ("korea.csv", 3, "date")
    assert f"date {bad!r} does not parse" in str(err.value)


def test_blank_template_is_rejected_with_a_located_message(tmp_path):
    d = tmp_path / "cases"
    d.mkdir()
    shutil.copy(DATA / "templates" / "case_template.csv", d / "new.csv")
    with pytest.raises(CaseDataError, match=r"new.csv, row 1, column 'state_A'"):
        load_cases(d, codebook=DATA / "codebook.yml")


def test_duplicate_case_key_is_rejected(data_copy):
    shutil.copy(data_copy / "cases" / "korea.csv", data_copy / "cases" / "korea_copy.csv")
    with pytest.raises(CaseDataError, match="also defined in korea"):
        load_cases(data_copy / "cases")


def test_timeline_for_unknown_case_is_rejected(data_copy):
    path = data_copy / "timelines" / "korea.csv"

    def edit(rows):
        rows[0]["case"] = "vietnam"
        return rows

    _rewrite(path, edit)
    with pytest.raises(CaseDataError) as err:
        load_cases(data_copy / "cases")
    assert (err.value.row, err.value.column) == (1, "case")


def _drop_label_column(path):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    fields = [c for c in rows[0] if c != "label"]
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fields, lineterminator="\n", extrasaction="ignore")
        w.writeheader()
        w.writerows(rows)


@pytest.mark.parametrize("key", KEYS)
def test_every_repository_event_has_a_label_from_the_data(cases, key):
    assert all(e.label for e in cases[key].events)


@pytest.mark.parametrize("with_column", [True, False], ids=["label-column", "no-label-column"])
def test_timeline_loads_with_and_without_the_label_column(data_copy, with_column):
    path = data_copy / "timelines" / "korea.csv"
    if not with_column:
        _drop_label_column(path)
    events = load_timeline(path)["korea"]
    original = load_timeline(DATA / "timelines" / "korea.csv")["korea"]
    assert [e.action for e in events] == [e.action for e in original]
    if with_column:
        assert [e.label for e in events] == [e.label for e in original]
    else:
        assert all(e.label == "" for e in events)


def test_a_blank_label_is_blank_and_the_rest_keep_theirs(data_copy):
    path = data_copy / "timelines" / "korea.csv"

    def edit(rows):
        rows[0]["label"] = ""
        return rows

    _rewrite(path, edit)
    events = load_timeline(path)["korea"]
    first = next(e for e in events if e.row == 1)
    assert first.label == ""
    assert all(e.label for e in events if e.row != 1)


def test_the_timeline_template_has_the_optional_label_column():
    with open(DATA / "templates" / "timeline_template.csv", newline="", encoding="utf-8") as f:
        header = next(csv.reader(f))
    assert set(header) == set(TIMELINE_COLUMNS) | set(TIMELINE_OPTIONAL)


def test_an_unknown_timeline_column_is_still_refused(data_copy):
    path = data_copy / "timelines" / "korea.csv"
    text = path.read_text(encoding="utf-8").split("\n")
    text[0] = text[0].replace("label", "short_label")
    path.write_text("\n".join(text), encoding="utf-8")
    with pytest.raises(CaseDataError, match="column 'short_label': unknown column"):
        load_timeline(path)
