"""Checks: the Cold War and Korea cases, coded as parameter boxes
(:mod:`trustgame.cases`).

Examples
--------
>>> from trustgame.audit.registry import run_check
>>> run_check("case_dependent").status
'reproduced'
"""

from __future__ import annotations

import numpy as np

from ..cases import case_box, counterfactual_share, load_cases, prediction_share
from ..core.model import Params
from .helpers import witness
from .registry import NOT_REPRODUCED, ONLY_UNDER, REPRODUCED, Verdict, check

__all__: list[str] = []


@check("case_cold_war")
def _case_cold_war() -> Verdict:
    """Cold War: the coded initial conditions fit symmetric trust-building."""
    case = load_cases()["cold-war"]
    share = prediction_share(case, "trust-building")
    uniq = prediction_share(case, "trust-building", unique=True)
    share1 = prediction_share(case, "trust-building", theta=1.0)
    nums = {"share": share, "unique": uniq, "share_theta1": share1, "box": case_box(case)}
    ev = (f"Symmetric trust-building is a PBE-ER at {share:.1%} of the coded Cold War box "
          f"(the only one at {uniq:.1%}); with theta = 1 for both states, {share1:.1%}.")
    if share == 1.0:
        return Verdict(REPRODUCED, ev, numbers=nums)
    return Verdict(NOT_REPRODUCED, ev, numbers=nums)


@check("case_korea")
def _case_korea() -> Verdict:
    """Korea: the coded initial conditions fit asymmetric trust-building."""
    case = load_cases()["korea"]
    name = "asymmetric-trust-building[B]"
    share = prediction_share(case, name)
    uniq = prediction_share(case, name, unique=True)
    share1 = prediction_share(case, name, theta=1.0)
    nums = {"share": share, "unique": uniq, "share_theta1": share1, "box": case_box(case)}
    ev = (f"Asymmetric trust-building with South Korea leading is a PBE-ER at {share:.1%} of the "
          f"coded Korea box (the only one at {uniq:.1%}), with the coded salience (period 2 "
          f"weighted less than period 1); with theta = 1 for both states, {share1:.1%}.")
    if share == 1.0:
        return Verdict(REPRODUCED, ev, numbers=nums)
    if share > 0 and share1 == 0:
        box = case_box(case)
        wit = witness(Params(**{k: float(np.mean(v)) for k, v in box.items()})
                      .replace(thetaA=1.0, thetaB=1.0),
                      "asymmetric trust-building is a PBE-ER at the box centre with theta = 1")
        return Verdict(ONLY_UNDER, ev, wit, "the coded salience theta < 1, and then on part of "
                       "the box", nums)
    return Verdict(NOT_REPRODUCED, ev, numbers=nums)


@check("case_dependent")
def _case_dependent() -> Verdict:
    """Cold War: with only dependent choices (beta = 0) trust-building is
    not available at the coded trust."""
    out = {}
    for key in ("cold-war", "korea"):
        case = load_cases()[key]
        out[key] = (counterfactual_share(case, "trust-building", beta=0.0),
                    counterfactual_share(case, None if key == "cold-war" else
                                            "asymmetric-trust-building[B]", beta=0.0))
    ok = out["cold-war"][0] == 0.0
    return Verdict(REPRODUCED if ok else NOT_REPRODUCED,
                   f"With both betas set to 0 inside the coded boxes, trust-building is a PBE-ER "
                   f"at {out['cold-war'][0]:.1%} of the Cold War box and the predicted "
                   f"asymmetric trust-building at {out['korea'][1]:.1%} of the Korea box.",
                   numbers={"cold_war": out["cold-war"][0], "korea_atb": out["korea"][1]})
