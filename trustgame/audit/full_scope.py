"""The claims that depend on period-1 mixing, rechecked on full-scope maps.

The audit's verdicts judge the paper's figures on closed-form maps of PBE
with pure period-1 play and, for what period-1 mixing changes, solve the
full scope (:func:`trustgame.solve`, families refined whole) at a few
sampled points.  This module asks the same questions of the whole figure:
full-scope maps (:func:`trustgame.region_map` with ``scope="all"``) at
:data:`FULL_SCOPE_N` cells per axis, and reports for each claim what the
map shows beside the audit's verdict, and whether the map would change it.

Examples
--------
>>> rows = recheck(n=12)
>>> [r["claim"] for r in rows][:2]
['fig1_regions', 'fig1_symmetric_pure']
"""

from __future__ import annotations

import numpy as np

from ..paper import figure_map
from .registry import NOT_REPRODUCED, ONLY_UNDER, REPRODUCED, load_claims, run_check

__all__ = ["FULL_SCOPE_N", "full_scope_maps", "mixing_mask", "recheck", "recheck_summary"]

#: Cells per axis of the full-scope maps of the replication notes.
FULL_SCOPE_N = 200


def full_scope_maps(n: int = FULL_SCOPE_N) -> dict:
    """Figures 1-3 with period-1 mixing searched at every cell:
    ``{number: RegionMap}`` (weak dominance, assumed defaults)."""
    return {num: figure_map(num, n=n, scope="all") for num in (1, 2, 3)}


def mixing_mask(m, efficient: bool = True) -> np.ndarray:
    """Cells where an equilibrium with period-1 mixing is present (a PBE-ER
    when ``efficient``)."""
    out = np.zeros(m.exists.shape[1:], dtype=bool)
    arr = m.efficient if efficient else m.exists
    for c, name in enumerate(m.names):
        if name.startswith("semi-separating"):
            out |= arr[c]
    return out


def _differs(full, pure) -> np.ndarray:
    """Cells whose set of PBE-ER differs between the two maps."""
    out = np.zeros(full.exists.shape[1:], dtype=bool)
    for c, name in enumerate(full.names):
        out |= full.efficient[c] != pure.mask(name)
    return out


def recheck(n: int = FULL_SCOPE_N, maps: dict | None = None) -> list[dict]:
    """Each mixing-dependent claim: the audit's verdict, what the
    full-scope map of ``n x n`` cells shows, and whether the map agrees.

    Returns
    -------
    list of dict
        Keys ``claim`` (the check's name), ``paraphrase`` (the registry's
        wording of the claim), ``verdict`` (the audit's), ``question``, ``cells``
        (how many cells answer the question with "yes"), ``share``,
        ``map_verdict`` (what the map alone implies) and ``agrees``.
    """
    full = maps or full_scope_maps(n)
    pure = {num: figure_map(num, n=n) for num in (1, 2, 3)}
    bound = run_check("fig1_tb_lower_bound").numbers["bound"]
    f1, f2 = full[1], full[2]
    low1 = np.minimum(f1.ys[:, None], f1.xs[None, :]) < bound
    tragic_only = f1.mask("tragic", efficient=False) & (f1.exists.sum(axis=0) == 1)
    low2 = (f2.ys[:, None] < 0.2) & (f2.xs[None, :] < 0.2)
    only_tb = f2.mask("trust-building") & (f2.count() == 1)
    questions = [
        ("fig1_regions", "cells of Figure 1 whose PBE-ER differ from those with pure play",
         _differs(f1, pure[1]), ONLY_UNDER),
        ("fig1_symmetric_pure", "cells of Figure 1 with a PBE-ER in which some type mixes",
         mixing_mask(f1), ONLY_UNDER),
        ("fig1_low_trust_tragic",
         f"cells of Figure 1 with min(p_A, p_B) < {bound:.2f} and a PBE besides tragic",
         low1 & ~tragic_only, ONLY_UNDER),
        ("low_trust_only_tb",
         "cells of Figure 2 with p_A, p_B < 0.2 where trust-building is not the only PBE-ER",
         low2 & ~only_tb, NOT_REPRODUCED),
        ("fig2_unique", "cells of Figure 2 with more than one PBE-ER",
         f2.count() > 1, None),
    ]
    wording = {c.check: c.claim for c in load_claims()}
    rows = []
    for claim, question, hits, if_any in questions:
        verdict = run_check(claim).status
        cells = int(hits.sum())
        if if_any is None:  # the claim is judged without mixing either way
            implied = verdict if cells else REPRODUCED
        else:
            implied = if_any if cells else REPRODUCED
        rows.append({"claim": claim, "paraphrase": wording.get(claim, claim), "verdict": verdict,
                     "question": question, "cells": cells,
                     "share": float(hits.mean()), "map_verdict": implied,
                     "agrees": implied == verdict})
    return rows



def recheck_summary(rows: list[dict]) -> str:
    """One sentence on what the full-scope maps do to the verdicts.

    Examples
    --------
    >>> recheck_summary([{"claim": "x", "verdict": "reproduced", "map_verdict": "reproduced",
    ...                   "agrees": True, "cells": 0, "question": "q"}])
    'The verdict of the one claim rechecked stands at this resolution.'
    """
    changed = [r for r in rows if not r["agrees"]]
    n = len(rows)
    if not changed:
        what = "the one claim rechecked" if n == 1 else f"each of the {n} claims rechecked"
        return f"The verdict of {what} stands at this resolution."
    parts = [f"{r['claim']} moves from {r['verdict']} to {r['map_verdict']} "
             f"({r['cells']} {r['question']})" for r in changed]
    return (f"{n - len(changed)} of {n} verdicts stand at this resolution; "
            + "; ".join(parts) + ".")
