"""The codebook: every label's interval, and the salience transform."""

from __future__ import annotations

from pathlib import Path

import pytest

from trustgame.cases import BOX_PARAMETERS, REQUIRED_PARAMETERS, CaseDataError, load_codebook
from trustgame.cases.codebook import format_interval

ROOT = Path(__file__).resolve().parents[2]
CODEBOOK = ROOT / "data" / "codebook.yml"

ENTRIES = [(scale.name, label, iv, why) for scale in load_codebook(CODEBOOK).scales.values()
           for label, iv, why in scale.labels]


def test_box_parameters_are_the_model_parameters_in_draw_order():
    """The Monte Carlo draw matrix has one column per box parameter in this
    order, so the order fixes which random numbers each parameter gets."""
    assert BOX_PARAMETERS == ("H", "L", "k", "pA", "pB", "betaA", "betaB", "thetaA", "thetaB")
    assert REQUIRED_PARAMETERS[:len(BOX_PARAMETERS)] == BOX_PARAMETERS


@pytest.mark.parametrize("scale, label, interval, rationale", ENTRIES,
                         ids=[f"{s}-{lab}" for s, lab, _, _ in ENTRIES])
def test_codebook_interval_is_ordered_inside_the_unit_interval(scale, label, interval,
                                                                rationale):
    lo, hi = interval
    assert 0 <= lo <= hi <= 1 and rationale


def test_salience_weight_maps_to_theta():
    scale = load_codebook(CODEBOOK).scale_for("thetaA")
    assert scale.to_model(0.5, 0.5) == (1.0, 1.0)
    lo, hi = scale.to_model(1 / 3, 2 / 3)
    assert lo == pytest.approx(0.5) and hi == pytest.approx(2.0)


def test_neighbours_stop_at_the_ends_of_a_scale():
    scale = load_codebook(CODEBOOK).scale_for("pA")
    assert scale.neighbours("very low") == (None, "low")
    assert scale.neighbours("high") == ("moderate", "very high")
    assert scale.neighbours("very high") == ("high", None)


def test_parameter_on_two_scales_is_rejected(tmp_path):
    text = CODEBOOK.read_text(encoding="utf-8").replace(
        "parameters: [betaA, betaB, betaA_cf, betaB_cf]",
        "parameters: [betaA, betaB, betaA_cf, betaB_cf, pA]")
    path = tmp_path / "codebook.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CaseDataError, match=r"codebook.yml, scale 'independence', column "
                                            r"'parameters': parameter 'pA' is already on "
                                            r"scale 'probability'"):
        load_codebook(path)


@pytest.mark.parametrize("lo, hi, text", [(0.1, 0.3, "[0.1, 0.3]"), (1.5, 1.5, "1.5"),
                                          (0.25, 2 / 3, "[0.25, 0.667]")],
                         ids=["interval", "point", "rounded"])
def test_format_interval(lo, hi, text):
    assert format_interval(lo, hi) == text
