"""The alternative specifications of the replication notes, figure by
figure: what each shows against the paper's named equilibria.

Examples
--------
>>> rows = alternative_table(1)
>>> rows[0]["specification"], rows[0]["unique"]
('main text (weak, interim, theta = 1)', False)
"""

from __future__ import annotations

from ..paper import FIGURES, figure_map
from .checks_figure3 import FIG3_PAPER_NAMES
from .helpers import is_unique

__all__ = ["alternative_table"]


def alternative_table(number: int) -> list[dict]:
    """For Figure ``number``: each alternative specification with the
    PBE-ER it shows, those beyond and short of the paper's, and whether
    every cell has exactly one PBE-ER.

    Parameters
    ----------
    number : int
        1, 2 or 3.

    Returns
    -------
    list of dict
        One row per specification: ``specification`` (its label),
        ``extra`` and ``missing`` (sorted names against the paper's),
        ``unique`` (bool) and ``empty_cells`` (cells with no PBE-ER).
    """
    paper = set(FIGURES[number]["paper_names"])
    if number == 3:
        paper = set(FIG3_PAPER_NAMES)
    specs = [("main text (weak, interim, theta = 1)", {}),
             ("strict dominance", {"dominance": "strict"}),
             ("ex-ante dominance", {"dominance": "ex-ante"}),
             ("only the paper's named equilibria compared", {"restrict_to": tuple(sorted(paper))}),
             ("off-path: grim", {"offpath": "grim"}),
             ("off-path: passive", {"offpath": "passive"}),
             ("off-path: passive-efficient", {"offpath": "passive-efficient"}),
             ("theta = 0.7", {"theta": 0.7}),
             ("theta = 2", {"theta": 2.0}),
             ("L = 0 (against the stated -0.1)", {"L": 0.0}),
             ("L = 0.05 (against the stated -0.1)", {"L": 0.05}),
             ("L = 0.05 and ex-ante", {"L": 0.05, "dominance": "ex-ante"})]
    rows = []
    for label, kw in specs:
        m = figure_map(number, **kw)
        pres = set(m.present())
        rows.append({"specification": label, "extra": sorted(pres - paper),
                     "missing": sorted(paper - pres), "unique": is_unique(m),
                     "empty_cells": int((m.count() == 0).sum())})
    return rows
