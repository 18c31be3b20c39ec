"""Reading the package's data files, strictly.

Every loader of a data file (the codebook, the case tables, the timelines,
the claims registry, the paper's Table 3) reads through these three
functions, so that a damaged file gets the same clear error whichever file
it is: one line naming the file, the line or row, and the rule broken.

The rules:

* the bytes are UTF-8; a byte-order mark (as spreadsheet programs write
  it) at the very start is removed and otherwise ignored, anywhere else it
  is an error; a NUL byte is an error (a binary or corrupted file);
* YAML: one document, no duplicate keys in any mapping;
* CSV: the header names exactly the required columns plus any optional
  ones (no unknown, missing or repeated column), every row has as many
  fields as the header, and the columns named ``unique`` identify a row.

Examples
--------
>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "t.csv").write_text("id,value\\n1,a\\n1,b\\n", encoding="utf-8")
>>> try:
...     read_csv(d / "t.csv", ("id", "value"), unique=("id",))
... except DataError as e:
...     print(e)
t.csv, row 2: duplicate id '1' (first in row 1)
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

import yaml

from .errors import CaseDataError, DataError

__all__ = ["DATA_DIR", "BOM", "read_text", "load_yaml", "read_csv"]

def _data_dir() -> Path:
    """``trustgame/data`` inside an installed wheel; the top-level ``data/``
    beside the package in a checkout (and in the editable install)."""
    package = Path(str(resources.files("trustgame")))
    return package / "data" if (package / "data").is_dir() else package.parent / "data"


#: The data folder, located through :mod:`importlib.resources`.
DATA_DIR = _data_dir()

#: The UTF-8 byte-order mark.
BOM = b"\xef\xbb\xbf"


def _fail(error: type[DataError], path: Path, where, rule: str, column: str = "-"):
    """The error of class ``error`` for ``path`` at ``where`` (a row number or text)."""
    if issubclass(error, CaseDataError):
        return error(path, where, column, rule)
    loc = f"row {where}" if isinstance(where, int) else str(where)
    col = f", column {column!r}" if column != "-" else ""
    return error(f"{Path(path).name}, {loc}{col}: {rule}")


def read_text(path, error: type[DataError] = DataError) -> str:
    """The text of a UTF-8 data file, with a leading byte-order mark removed.

    Parameters
    ----------
    path : str or Path
    error : subclass of DataError
        The class raised (e.g. :class:`~trustgame.core.errors.CaseDataError`).

    Raises
    ------
    DataError
        (of class ``error``) when the file cannot be read, contains a NUL
        byte or a byte-order mark after the start, or is not UTF-8; the
        message names the file and the line.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "x.yml"
    >>> _ = p.write_bytes(BOM + b"a: 1\\n")
    >>> read_text(p)
    'a: 1\\n'
    >>> _ = p.write_bytes(b"a: 1\\nb: \\xff\\n")
    >>> try:
    ...     read_text(p)
    ... except DataError as e:
    ...     print(e)
    x.yml, line 2: not valid UTF-8 (byte 0xff at column 4)
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise _fail(error, path, "file", f"cannot be read ({exc.strerror or exc})") from None
    if data.startswith(BOM):
        data = data[len(BOM):]

    def line_of(i: int) -> int:
        return data.count(b"\n", 0, i) + 1

    nul = data.find(b"\x00")
    if nul >= 0:
        raise _fail(error, path, f"line {line_of(nul)}",
                    "contains a NUL byte (a binary or corrupted file)")
    bom = data.find(BOM)
    if bom >= 0:
        raise _fail(error, path, f"line {line_of(bom)}",
                    "a byte-order mark inside the file (files joined together?)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        start = data.rfind(b"\n", 0, exc.start) + 1
        raise _fail(error, path, f"line {line_of(exc.start)}",
                    f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at column "
                    f"{exc.start - start + 1})") from None


class _DuplicateKey(yaml.constructor.ConstructorError):
    """A key repeated in one YAML mapping."""


class _StrictLoader(yaml.SafeLoader):
    """YAML's safe loader, refusing a key that appears twice in a mapping."""


def _mapping(loader: _StrictLoader, node, deep=False):
    seen = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:
            continue  # yaml reports unhashable keys itself
        if key in seen:
            raise _DuplicateKey(
                None, None, f"duplicate key {key!r} (first on line {seen[key]})",
                key_node.start_mark)
        seen[key] = key_node.start_mark.line + 1
    return loader.construct_mapping(node, deep=deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


def load_yaml(path, error: type[DataError] = DataError):
    """The content of a YAML data file, read strictly.

    Parameters
    ----------
    path : str or Path
    error : subclass of DataError

    Raises
    ------
    DataError
        (of class ``error``) for the faults of :func:`read_text`, a YAML
        syntax error or a duplicate key, naming the file and the line.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "c.yml"
    >>> _ = p.write_text("scale: 1\\nscale: 2\\n", encoding="utf-8")
    >>> try:
    ...     load_yaml(p)
    ... except DataError as e:
    ...     print(e)
    c.yml, line 2: duplicate key 'scale' (first on line 1)
    """
    path = Path(path)
    text = read_text(path, error)
    try:
        return yaml.load(text, Loader=_StrictLoader)  # noqa: S506 (a SafeLoader subclass)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"line {mark.line + 1}" if mark is not None else "document"
        problem = exc.problem or exc.context or "unreadable"
        rule = problem if isinstance(exc, _DuplicateKey) else f"not valid YAML: {problem}"
        raise _fail(error, path, where, rule) from None
    except yaml.YAMLError as exc:
        raise _fail(error, path, "document", f"not valid YAML: {exc}") from None


def read_csv(path, columns: Sequence[str], optional: Sequence[str] = (),
             unique: Sequence[str] = (), error: type[DataError] = DataError) -> list[dict]:
    """The rows of a CSV data file as dicts of stripped strings.

    Parameters
    ----------
    path : str or Path
    columns : sequence of str
        Required columns.
    optional : sequence of str
        Columns that may be present.
    unique : sequence of str
        Columns whose values together identify a row (empty: no check).
    error : subclass of DataError

    Returns
    -------
    list of dict
        One dict per data row, keyed by column, blank lines skipped.  An
        optional column that is absent is absent from the dicts.

    Raises
    ------
    DataError
        (of class ``error``) for the faults of :func:`read_text`, a missing,
        unknown or repeated column, a row with too few or too many fields, a
        malformed quote, or a repeated ``unique`` key; the message names the
        file, the row (1 = the first data row) and the rule.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "t.csv"
    >>> _ = p.write_text("id,value\\n1,a\\n2\\n", encoding="utf-8")
    >>> try:
    ...     read_csv(p, ("id", "value"))
    ... except DataError as e:
    ...     print(e)
    t.csv, row 2: 1 field, the header has 2 (a short row)
    """
    path = Path(path)
    text = read_text(path, error)
    allowed = tuple(columns) + tuple(optional)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows: list[dict] = []
    first: dict = {}
    try:
        header = next(reader, None)
        if header is None:
            raise _fail(error, path, "header", "the file is empty", columns[0] if columns else "-")
        header = [h.strip() for h in header]
        for col in header:
            if header.count(col) > 1:
                raise _fail(error, path, "header", "column appears twice", col)
            if col not in allowed:
                raise _fail(error, path, "header",
                            f"unknown column (expected {', '.join(allowed)})", col)
        for col in columns:
            if col not in header:
                raise _fail(error, path, "header", "required column is missing", col)
        for raw in reader:
            if not raw or (len(raw) == 1 and not raw[0].strip()):
                continue
            i = len(rows) + 1
            if len(raw) != len(header):
                kind = "a short row" if len(raw) < len(header) else "more fields than columns"
                word = "field" if len(raw) == 1 else "fields"
                raise _fail(error, path, i,
                            f"{len(raw)} {word}, the header has {len(header)} ({kind})")
            row = {h: v.strip() for h, v in zip(header, raw)}
            if unique:
                key = tuple(row[c] for c in unique)
                if key in first:
                    shown = key[0] if len(key) == 1 else key
                    raise _fail(error, path, i, f"duplicate {', '.join(unique)} {shown!r} "
                                f"(first in row {first[key]})")
                first[key] = i
            rows.append(row)
    except csv.Error as exc:
        raise _fail(error, path, len(rows) + 1,
                    f"malformed CSV ({exc})") from None
    return rows
