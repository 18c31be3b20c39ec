"""Case data: validation of the tables, the parameter box and its predictions.

The error-path tests corrupt a copy of the repository's data in ``tmp_path``
and check that the message names the file, the row and the column.
"""

from __future__ import annotations

import csv
import shutil

import matplotlib.pyplot as plt
import numpy as np
import pytest
import yaml

from trustgame import Params, solve
from trustgame.cases import (
    BOX_PARAMETERS,
    DATA_DIR,
    REQUIRED_PARAMETERS,
    SEED,
    CaseDataError,
    case_box,
    counterfactual_share,
    evaluate_box,
    evaluate_points,
    fill_template,
    full_scope_rows,
    load_cases,
    load_codebook,
    observed_path,
    plot_case_map,
    plot_timeline,
    predicted_path,
    prediction_share,
    sample_box,
    sensitivity_table,
)
from trustgame.analysis.conditions import class_info, evaluate


@pytest.fixture(scope="module")
def cases():
    return load_cases()


@pytest.fixture()
def data_copy(tmp_path):
    """A writable copy of data/ (cases, codebook, timelines)."""
    dst = tmp_path / "data"
    shutil.copytree(DATA_DIR / "cases", dst / "cases")
    shutil.copytree(DATA_DIR / "timelines", dst / "timelines")
    shutil.copy(DATA_DIR / "codebook.yml", dst / "codebook.yml")
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

def test_repository_data_validates_with_both_cases(cases):
    assert set(cases) == {"cold-war", "korea"}
    for case in cases.values():
        assert set(case.codings) == set(REQUIRED_PARAMETERS)
        assert case.events


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
    for case in (cw, ko):
        for p in ("H", "L", "k"):
            assert not case.coding(p).coded
        assert case_box(case)["H"] == (1.5, 1.5)


def test_codebook_intervals_are_ordered_and_inside_the_unit_interval():
    cb = load_codebook()
    for scale in cb.scales.values():
        for _, (lo, hi), rationale in scale.labels:
            assert 0 <= lo <= hi <= 1 and rationale


def test_salience_weight_maps_to_theta():
    scale = load_codebook().scale_for("thetaA")
    assert scale.to_model(0.5, 0.5) == (1.0, 1.0)
    lo, hi = scale.to_model(1 / 3, 2 / 3)
    assert lo == pytest.approx(0.5) and hi == pytest.approx(2.0)


def test_case_box_uses_the_codebook_interval_of_each_label(cases):
    cb = load_codebook()
    box = case_box(cases["korea"])
    assert box["pB"] == cb.scale_for("pB").interval("low")
    assert box["betaB"] == cb.scale_for("betaB").interval("high")


def test_timelines_are_sorted_and_contain_both_phases(cases):
    for case in cases.values():
        mids = [e.mid for e in case.events]
        assert mids == sorted(mids)
        roles = {e.role for e in case.events}
        assert "period-2 cooperation" in roles and "period-1 signal" in roles


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


def test_assumed_value_outside_unit_interval_names_row_and_column(data_copy):
    path = data_copy / "cases" / "korea.csv"
    row = _row_of(path, "betaB_cf")

    def edit(rows):
        rows[row - 1]["assumed"] = "[0.2, 1.4]"
        return rows

    _rewrite(path, edit)
    with pytest.raises(CaseDataError) as err:
        load_cases(data_copy / "cases")
    assert (err.value.file.name, err.value.row, err.value.column) == ("korea.csv", row,
                                                                      "assumed")
    assert "outside [0, 1]" in str(err.value)


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
    shutil.copy(DATA_DIR / "templates" / "case_template.csv", d / "new.csv")
    with pytest.raises(CaseDataError, match=r"new.csv, row 1, column 'state_A'"):
        load_cases(d, codebook=DATA_DIR / "codebook.yml")


# ---------------------------------------------------------------------------
# The box and its predictions
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("key, theta", [("cold-war", None), ("korea", None), ("korea", 1.0)])
def test_box_evaluation_agrees_with_solve_point_by_point(key, theta):
    res = evaluate_box(key, n=25, seed=3, theta=theta)
    for i in range(res.size):
        params = Params(**{p: float(res.points[p][i]) for p in BOX_PARAMETERS})
        expected = solve(params, scope="pure").efficient_names()
        got = sorted(nm for c, nm in enumerate(res.names) if res.efficient[c, i])
        assert got == expected, (key, i, params)


def test_grid_and_montecarlo_shares_agree():
    for key in ("cold-war", "korea"):
        mc = prediction_share(key, method="montecarlo", n=4000)
        grid = prediction_share(key, method="grid", n=5)
        assert abs(mc - grid) < 0.03


def test_montecarlo_share_is_reproducible_with_the_fixed_seed():
    a = prediction_share("korea", n=800, seed=SEED)
    b = prediction_share("korea", n=800, seed=SEED)
    c = prediction_share("korea", n=800, seed=SEED + 1)
    assert a == b and a != c


def test_box_points_stay_inside_the_box():
    box = case_box("korea")
    pts = sample_box("korea", n=500)
    for p in BOX_PARAMETERS:
        lo, hi = box[p]
        assert np.all(pts[p] >= lo - 1e-12) and np.all(pts[p] <= hi + 1e-12)


def test_cold_war_box_predicts_unique_symmetric_trust_building():
    """Section "Mapping the Model to the Case": the coded conditions fit TB."""
    assert prediction_share("cold-war") == 1.0
    assert prediction_share("cold-war", unique=True) == 1.0


def test_korea_at_theta_one_greedy_b_mimics_everywhere_in_the_box():
    """Section "Mapping the Model to the Korea Case" against Result 1c: at
    theta = 1 greedy B's period-1 constraint of asymmetric TB fails at every
    point of the coded box, so the equilibrium is never a PBE."""
    cond = class_info("pool-D", "separating", "CC").incentives[("B", "greedy")]
    pts = sample_box("korea", n=2000, theta=1.0)
    assert not np.any(evaluate(cond, **pts))
    assert prediction_share("korea", theta=1.0) == 0.0
    res = evaluate_box("korea", theta=1.0)
    assert res.shares() == {"asymmetric-semi-tragic[B]": 1.0}


def test_korea_with_coded_salience_has_asymmetric_trust_building_in_part_of_the_box():
    share = prediction_share("korea")
    assert 0.0 < share < 1.0
    low = prediction_share("korea", overrides={"thetaB": "moderate"})
    assert low == 0.0


@pytest.mark.parametrize("key", ["cold-war", "korea"])
def test_counterfactual_with_dependent_choices_has_no_trust_building(key):
    """The paper's counterfactual: with only dependent choices (beta = 0),
    trust-building is not available at the coded trust levels."""
    for name in ("trust-building", "asymmetric-trust-building[B]", "mixed-trust-building"):
        assert counterfactual_share(key, name, beta=0.0) == 0.0
    assert counterfactual_share(key, "tragic", beta=0.0) == 1.0


def test_counterfactual_coded_uses_the_dependent_alternative_rows():
    assert counterfactual_share("cold-war", beta="coded") == 0.0
    with pytest.raises(ValueError, match="beta must be"):
        counterfactual_share("cold-war", beta="arms control")


def test_sensitivity_table_moves_each_coded_label_to_its_neighbours():
    rows = sensitivity_table("korea", n=500)
    assert rows[0]["share"] == prediction_share("korea", n=500)
    moved = {(r["parameter"], r["alternative"]) for r in rows}
    assert ("pA", "moderate") in moved and ("pA", "very high") in moved
    assert ("betaA", "low-to-moderate") in moved  # "low" has no lower neighbour
    assert ("thetaB", "moderate") in moved
    assert {("H", "1.25"), ("H", "2"), ("k", "0.5"), ("k", "1.5")} <= moved
    theta_row = [r for r in rows if r["parameter"] == "thetaA, thetaB"][0]
    assert theta_row["share"] == prediction_share("korea", n=500, theta=1.0)


def test_unknown_equilibrium_name_is_rejected():
    with pytest.raises(ValueError, match="unknown equilibrium name"):
        prediction_share("korea", "asymmetric-trust-building")


def test_predicted_paths_distinguish_the_korea_candidates():
    assert predicted_path("asymmetric-trust-building[B]") == (("D", "C"), ("C", "C"))
    assert predicted_path("asymmetric-semi-tragic[B]") == (("D", "C"), ("D", "D"))
    assert predicted_path("trust-building") == (("C", "C"), ("C", "C"))
    assert predicted_path("tragic") == (("D", "D"), ("D", "D"))
    assert predicted_path("mixed-trust-building") == (("C", "C"), ("C/D", "C/D"))


def test_points_evaluation_matches_a_known_figure_two_point():
    names, _, eff = evaluate_points(dict(H=1.5, L=-0.1, k=0.9, pA=[0.1, 0.9], pB=[0.1, 0.9],
                                         betaA=0.6, betaB=0.7, thetaA=1.0, thetaB=1.0))
    assert eff[names.index("trust-building"), 0]
    assert eff[names.index("suckers"), 1]


def test_figures_are_drawn():
    fig = plot_case_map("korea", "betaA", "pB", n=30)
    assert len(fig.axes) == 1
    plt.close(fig)
    fig = plot_timeline("cold-war")
    assert len(fig.axes) == 1
    plt.close(fig)


def test_observed_paths_read_off_the_timelines():
    assert observed_path("cold-war") == (("C", "C"), ("C", "C"))
    assert observed_path("korea") == (("D", "C"), ("C", "C"))


def test_korea_at_theta_one_period1_mixing_beats_asymmetric_semi_tragic_at_box_centre():
    """Beyond the scope of the paper's figures: with period-1 mixing allowed,
    asymmetric semi-tragic is Pareto-dominated at the Korea box centre."""
    row = full_scope_rows("korea", n=0, theta=1.0)[0]
    assert row["pure"] == "asymmetric-semi-tragic[B]"
    assert "asymmetric-semi-tragic[B]" not in row["all"]
    assert "semi-separating A[mD]/B[Cm] DC:CC" in row["all"].split("; ")


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


def test_filled_template_round_trips(tmp_path):
    labels = {p: "moderate" for p in ("betaA", "betaB", "thetaA", "thetaB",
                                      "correlationA", "correlationB")}
    labels.update(pA="very low", pB="low", betaA_cf="low", betaB_cf="low",
                  motiveA="security-seeker", motiveB="greedy", prediction=("not coded", ""))
    fill_template(tmp_path / "cases" / "x.csv", "x-case", "Alpha", "Beta", labels)
    case = load_cases(tmp_path / "cases", codebook=DATA_DIR / "codebook.yml")["x-case"]
    assert case.prediction is None and case.motives == ("security-seeker", "greedy")
    assert case_box(case)["pB"] == (0.1, 0.3)
