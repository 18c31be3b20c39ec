"""The claims registry: verdicts, witnesses, and the table of checks.

The registry ``data/claims.yml`` lists every formal claim of the main text
of Goldfien, Joseph and McManus (2026): an id, the section it comes from, a
paraphrase in our words (or a short quote), the name of the check in
:data:`CHECKS`, the verdict we recorded and the section of the
replication notes that gives the evidence.  Each check evaluates its claim
with the solver and returns a :class:`Verdict`:

``reproduced``
    the claim holds under the main-text specification;
``not reproduced``
    it fails, with a :class:`Witness` (a parameter point, the equilibria
    found there with their payoffs, and the violated condition);
``reproduced only under``
    it fails under the main-text specification but holds under a stated
    alternative assumption (:attr:`Verdict.alternative`).

A check module registers its checks with the :func:`check` decorator; the
package ``trustgame.audit`` imports every check module, so :data:`CHECKS`
is complete once the package is imported.

Examples
--------
>>> from trustgame import audit
>>> run_check("threshold_value").status
'reproduced'
>>> "threshold_value" in CHECKS
True
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from ..cases.codebook import DATA_DIR
from ..core.datafiles import load_yaml
from ..core.errors import ClaimsError

__all__ = ["STATUSES", "REPRODUCED", "NOT_REPRODUCED", "ONLY_UNDER", "Witness", "Verdict",
           "Claim", "ClaimsError", "CHECKS", "CLAIMS_FILE", "check", "load_claims",
           "run_check", "run_all"]

REPRODUCED = "reproduced"
NOT_REPRODUCED = "not reproduced"
ONLY_UNDER = "reproduced only under"
#: The three verdicts.
STATUSES = (REPRODUCED, NOT_REPRODUCED, ONLY_UNDER)

#: Where the registry lives (in the data folder the cases layer locates).
CLAIMS_FILE = DATA_DIR / "claims.yml"


@dataclass(frozen=True)
class Witness:
    """Evidence that a claim fails at one parameter point.

    Attributes
    ----------
    params : dict
        The parameter point.
    equilibria : tuple of dict
        Every equilibrium found there: ``name``, ``efficient`` and
        ``payoffs`` (``"A/security"`` etc. to float).
    violated : str
        The statement that fails, in words.
    condition : sympy expression or None
        The violated condition as an expression that the claim needs to be
        non-negative (derived from :mod:`trustgame.analysis.conditions`).
    value : float or None
        Its value at the point.
    scope : str
        ``"pure"`` or ``"all"`` (with period-1 mixing).

    Examples
    --------
    >>> Witness({"pA": 0.1}, (), "trust-building exists").scope
    'pure'
    """

    params: dict
    equilibria: tuple
    violated: str
    condition: Any = None
    value: float | None = None
    scope: str = "pure"


@dataclass(frozen=True)
class Verdict:
    """The outcome of one check.

    Attributes
    ----------
    status : str
        One of :data:`STATUSES`.
    evidence : str
        What was computed, in a few sentences with the numbers.
    witness : Witness or None
        For a claim that fails under the main-text specification.
    alternative : str or None
        The assumption under which the claim is reproduced (for
        ``"reproduced only under"``), or the closest alternative found.
    numbers : dict
        Key numbers, for the book to glue.

    Raises
    ------
    ValueError
        If ``status`` is not one of :data:`STATUSES`.

    Examples
    --------
    >>> Verdict(REPRODUCED, "it holds").witness is None
    True
    """

    status: str
    evidence: str
    witness: Witness | None = None
    alternative: str | None = None
    numbers: dict = field(default_factory=dict)

    def __post_init__(self):
        if self.status not in STATUSES:
            raise ValueError(f"status must be one of {', '.join(STATUSES)} (got {self.status!r})")


@dataclass(frozen=True)
class Claim:
    """One row of ``data/claims.yml``.

    Attributes
    ----------
    id, section, claim, check, verdict : str
        The registry's fields: the claim's name, where the paper makes it,
        our paraphrase, the name of its check in :data:`CHECKS` and the
        recorded verdict.
    quote : str or None
        A short quotation of the paper, when the paraphrase is not enough.
    notes : str or None
        The label of the section of the replication notes that gives the
        evidence (``book/replication_notes.ipynb``), e.g.
        ``"notes-salience"``.
    row : int
        1-based position in the file.

    Examples
    --------
    >>> Claim("a", "s", "c", "threshold_value", REPRODUCED).quote is None
    True
    """

    id: str
    section: str
    claim: str
    check: str
    verdict: str
    quote: str | None = None
    notes: str | None = None
    row: int = 0


_FIELDS = ("id", "section", "claim", "check", "verdict")
_OPTIONAL = ("quote", "notes")
#: The form of a label of the notes (also an HTML id).
_LABEL = re.compile(r"[a-z][a-z0-9-]*")

#: Check name -> function returning a :class:`Verdict`; filled by
#: :func:`check` as the check modules are imported.
CHECKS: dict[str, Callable[[], Verdict]] = {}


def check(name: str):
    """Register the decorated function as the check ``name``.

    Raises
    ------
    ValueError
        If a check of that name is already registered.

    Examples
    --------
    >>> @check("doc_example")
    ... def _example():
    ...     return Verdict(REPRODUCED, "always")
    >>> run_check("doc_example").status
    'reproduced'
    >>> del CHECKS["doc_example"]
    """
    if name in CHECKS:
        raise ValueError(f"an audit check named {name!r} is already registered")

    def deco(fn):
        CHECKS[name] = fn
        return fn
    return deco


def load_claims(path=None) -> list[Claim]:
    """Read and validate the claims registry.

    Parameters
    ----------
    path : path-like, optional
        Default :data:`CLAIMS_FILE`.

    Returns
    -------
    list of Claim

    Raises
    ------
    ClaimsError
        When the file cannot be read strictly (not UTF-8, a NUL byte, a
        duplicate key, not valid YAML: see
        :func:`trustgame.core.datafiles.load_yaml`), is not a list of
        mappings, a field is missing or empty, an id repeats, the check is
        unknown, the verdict is not one of :data:`STATUSES` or ``notes`` is
        not a label; the message is one line naming the file, the line or
        claim, and the rule.

    Examples
    --------
    >>> claims = load_claims()
    >>> claims[0].id
    'threshold-definition'
    """
    path = Path(path) if path is not None else CLAIMS_FILE
    data = load_yaml(path, error=ClaimsError)
    if not isinstance(data, list):
        raise ClaimsError(f"{path}: the registry must be a list of claims")
    out, seen = [], set()
    for i, row in enumerate(data, start=1):
        where = f"{path}, claim {i}"
        if not isinstance(row, dict):
            raise ClaimsError(f"{where}: each claim must be a mapping")
        for f in _FIELDS:
            if not isinstance(row.get(f), str) or not row[f].strip():
                raise ClaimsError(f"{where}: field {f!r} is required and must be a "
                                  "non-empty string")
        unknown = set(row) - set(_FIELDS) - set(_OPTIONAL)
        if unknown:
            raise ClaimsError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
        if row["id"] in seen:
            raise ClaimsError(f"{where}: id {row['id']!r} repeats an earlier claim")
        seen.add(row["id"])
        if row["check"] not in CHECKS:
            raise ClaimsError(f"{where}: check {row['check']!r} is not in trustgame.audit.CHECKS")
        if row["verdict"] not in STATUSES:
            raise ClaimsError(f"{where}: verdict must be one of {', '.join(STATUSES)} "
                              f"(got {row['verdict']!r})")
        notes = row.get("notes")
        if notes is not None and not (isinstance(notes, str) and _LABEL.fullmatch(notes)):
            raise ClaimsError(f"{where}: notes must be a label of the replication notes "
                              f"(lower-case letters, digits and hyphens; got {notes!r})")
        out.append(Claim(row["id"].strip(), row["section"].strip(), " ".join(row["claim"].split()),
                         row["check"].strip(), row["verdict"].strip(),
                         " ".join(row["quote"].split()) if row.get("quote") else None,
                         notes, i))
    return out


@cache
def run_check(name: str) -> Verdict:
    """Run one check (cached: a check runs once per process).

    Raises
    ------
    KeyError
        If ``name`` is not a registered check.

    Examples
    --------
    >>> run_check("threshold_value").numbers["threshold"]
    0.45
    """
    if name not in CHECKS:
        raise KeyError(f"no audit check named {name!r}")
    return CHECKS[name]()


def run_all(claims=None) -> list[tuple[Claim, Verdict]]:
    """Every claim with its verdict, in registry order.

    Parameters
    ----------
    claims : list of Claim, optional
        Default: :func:`load_claims`.

    Examples
    --------
    >>> [(c.id, v.status) for c, v in run_all(load_claims()[1:2])]
    [('threshold-value', 'reproduced')]
    """
    claims = load_claims() if claims is None else claims
    return [(c, run_check(c.check)) for c in claims]
