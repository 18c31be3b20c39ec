"""The audit's verdicts and witnesses as pandas tables, for the book.

pandas is imported when a table is made.

Examples
--------
>>> from trustgame.audit.registry import load_claims, run_all
>>> list(verdict_frame(run_all(load_claims()[:1])).columns)
['claim', 'section', 'what the paper says', 'verdict', 'only under']
"""

from __future__ import annotations

from .registry import ONLY_UNDER, Witness, run_all

__all__ = ["verdict_frame", "witness_frame"]


def verdict_frame(pairs=None):
    """The summary table: one row per claim (a pandas DataFrame).

    Parameters
    ----------
    pairs : list of (Claim, Verdict), optional
        Default: :func:`~trustgame.audit.registry.run_all`.

    Returns
    -------
    pandas.DataFrame
        Columns ``claim`` (id), ``section``, ``what the paper says``,
        ``verdict`` (computed) and ``only under`` (the alternative under
        which it is reproduced, if any).

    Examples
    --------
    >>> from trustgame.audit.registry import load_claims, run_all
    >>> verdict_frame(run_all(load_claims()[1:2]))[["claim", "verdict"]]
                 claim     verdict
    0  threshold-value  reproduced
    """
    import pandas as pd

    pairs = run_all() if pairs is None else pairs
    rows = []
    for c, v in pairs:
        rows.append({"claim": c.id, "section": c.section, "what the paper says": c.claim,
                     "verdict": v.status,
                     "only under": v.alternative if v.status == ONLY_UNDER else ""})
    return pd.DataFrame(rows)


def witness_frame(w: Witness):
    """A witness's equilibria and payoffs as a DataFrame (one row per
    equilibrium, one column per type).

    Examples
    --------
    >>> from trustgame.audit.registry import Witness
    >>> w = Witness({}, ({"name": "tragic", "efficient": True, "payoffs": {"A/security": 0.0}},),
    ...             "x")
    >>> witness_frame(w)
      equilibrium PBE-ER  A/security
    0      tragic    yes         0.0
    """
    import pandas as pd

    rows = []
    for e in w.equilibria:
        row = {"equilibrium": e["name"], "PBE-ER": "yes" if e["efficient"] else "no"}
        row.update(e["payoffs"])
        rows.append(row)
    return pd.DataFrame(rows)
