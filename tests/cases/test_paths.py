"""Paths of play: predicted by an equilibrium, observed in a timeline."""

from __future__ import annotations

import pytest

from trustgame.cases import observed_path, predicted_path

PREDICTED = {
    "asymmetric-trust-building[B]": (("D", "C"), ("C", "C")),
    "asymmetric-semi-tragic[B]": (("D", "C"), ("D", "D")),
    "trust-building": (("C", "C"), ("C", "C")),
    "tragic": (("D", "D"), ("D", "D")),
    "mixed-trust-building": (("C", "C"), ("C/D", "C/D")),
}


@pytest.mark.parametrize("name, path", list(PREDICTED.items()), ids=list(PREDICTED))
def test_predicted_paths_distinguish_the_korea_candidates(name, path):
    assert predicted_path(name) == path


def test_a_greedy_type_reveals_itself_and_defects():
    assert predicted_path("trust-building", "security-seeker", "greedy") == (("C", "D"),
                                                                             ("D", "D"))


@pytest.mark.parametrize("name, motive, match", [
    ("trust building", "greedy", "unknown equilibrium name 'trust building'"),
    ("trust-building", "selfish", "motive must be 'security-seeker' or 'greedy'"),
], ids=["name", "motive"])
def test_bad_arguments_are_rejected(name, motive, match):
    with pytest.raises(ValueError, match=match):
        predicted_path(name, motive)


@pytest.mark.parametrize("key, path", [("cold-war", (("C", "C"), ("C", "C"))),
                                       ("korea", (("D", "C"), ("C", "C")))],
                         ids=["cold-war", "korea"])
def test_observed_paths_read_off_the_timelines(key, path):
    assert observed_path(key) == path
