"""The paper's Table 3: examples of policy choices and how payoff
independent they are, as the paper codes them, read from ``data/table3.csv``.

Examples
--------
>>> rows = load_table3()
>>> rows[0].domain, rows[0].independence
('Domestic', 'High')
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..core.datafiles import DATA_DIR, read_csv
from ..core.errors import DataError

__all__ = ["TABLE3_COLUMNS", "DOMAINS", "INDEPENDENCE_LEVELS", "Table3Row", "load_table3"]

#: Columns of ``table3.csv``, in order.
TABLE3_COLUMNS = ("domain", "options", "independence", "explanation", "source")
#: The two domains of a policy choice.
DOMAINS = ("Domestic", "International")
#: Payoff independence, from most to least independent.
INDEPENDENCE_LEVELS = ("High", "Moderate", "Low")


@dataclass(frozen=True)
class Table3Row:
    """One example of Table 3.

    Attributes
    ----------
    domain : str
        ``"Domestic"`` or ``"International"``.
    options : str
        The choice, e.g. "Low or high speed limit".
    independence : str
        ``"High"``, ``"Moderate"`` or ``"Low"``.
    explanation : str
        Why the choice is (not) payoff independent.
    source : str
        Where the coding comes from.
    """

    domain: str
    options: str
    independence: str
    explanation: str
    source: str


def load_table3(path=None) -> tuple[Table3Row, ...]:
    """The rows of Table 3, checked.

    Parameters
    ----------
    path : str or Path, optional
        Default: the ``table3.csv`` shipped with the package.

    Returns
    -------
    tuple of Table3Row
        In file order.

    Raises
    ------
    DataError
        One line naming the file, the row and the rule: bytes that are not
        UTF-8, a NUL byte, a missing or unknown column, a short or long
        row, a repeated (domain, options) pair, an unknown domain or
        independence level, an empty cell, or no rows at all.

    Examples
    --------
    >>> sorted({r.domain for r in load_table3()})
    ['Domestic', 'International']
    """
    if path is None:
        path = DATA_DIR / "table3.csv"
    path = Path(path)
    rows = read_csv(path, TABLE3_COLUMNS, unique=("domain", "options"))
    if not rows:
        raise DataError(f"{path.name}, document: the table has no rows")
    out = []
    for i, r in enumerate(rows, start=1):
        for col, allowed in (("domain", DOMAINS), ("independence", INDEPENDENCE_LEVELS)):
            if r[col] not in allowed:
                raise DataError(f"{path.name}, row {i}, column {col!r}: unknown value "
                                f"{r[col]!r} (known: {', '.join(allowed)})")
        for col in TABLE3_COLUMNS:
            if not r[col]:
                raise DataError(f"{path.name}, row {i}, column {col!r}: must not be empty")
        out.append(Table3Row(*(r[c] for c in TABLE3_COLUMNS)))
    return tuple(out)
