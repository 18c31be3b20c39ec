"""The package's errors, in one place.

Every error a user can cause is a :class:`ValueError` subclass whose
message names what was wrong (the parameter, or the file and row) and the
rule it broke.

Examples
--------
>>> from trustgame import Params
>>> try:
...     Params(k=0)
... except ParameterError as e:
...     print(e)
k must be greater than 0 (got 0)
>>> issubclass(CaseDataError, DataError) and issubclass(DataError, ValueError)
True
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["ParameterError", "DataError", "CaseDataError", "ClaimsError"]


class ParameterError(ValueError):
    """An invalid parameter value; the message names the parameter and rule."""


class DataError(ValueError):
    """A data file that breaks a rule; the message names the file, the row
    (where there is one) and the rule."""


class CaseDataError(DataError):
    """Invalid case data; the message names file, row, column and rule.

    Attributes
    ----------
    file : pathlib.Path
    row : int or str
        1-based data row of a CSV file, or a location: ``"header"``,
        ``"rows 1-16"`` (a missing parameter) or ``"scale 'probability'
        entry 2"`` in the codebook.
    column : str
        Column (CSV) or field (codebook).
    rule : str
        What was wrong.

    Examples
    --------
    >>> str(CaseDataError("data/cases/korea.csv", 3, "label", "unknown label 'lowish'"))
    "korea.csv, row 3, column 'label': unknown label 'lowish'"
    """

    def __init__(self, file, row, column: str, rule: str):
        self.file = Path(file)
        self.row = row
        self.column = column
        self.rule = rule
        where = f"row {row}" if isinstance(row, int) else str(row)
        col = f", column {column!r}" if column and column != "-" else ""
        super().__init__(f"{self.file.name}, {where}{col}: {rule}")


class ClaimsError(DataError):
    """An invalid entry of the claims registry (names file, row and rule)."""
