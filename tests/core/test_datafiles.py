"""Every data file of the package, damaged in each way a file gets damaged,
is refused where it is read with one line naming the file, the place and the
rule; a byte-order mark at the start is the one fault that is handled (it is
removed) rather than refused.

Each case copies the shipped file into a temporary folder, damages the copy
and loads it with the loader the package uses for that file.
"""

from __future__ import annotations

import shutil

import pytest

from trustgame.cases import load_case_file, load_codebook, load_timeline
from trustgame.core.datafiles import BOM, DATA_DIR, load_yaml, read_csv, read_text
from trustgame.core.errors import CaseDataError, DataError
from trustgame.paper import load_table3


def _bytes(edit):
    return lambda b: edit(b)


def _text(edit):
    return lambda b: edit(b.decode("utf-8")).encode("utf-8")


def _lines(edit):
    return _text(lambda t: "\n".join(edit(t.split("\n"))))


BAD_UTF8 = _bytes(lambda b: b[:40] + b"\xff\xfe" + b[40:])
NUL = _bytes(lambda b: b[:60] + b"\x00" + b[60:])
INNER_BOM = _bytes(lambda b: b[:80] + BOM + b[80:])
HALF = _bytes(lambda b: b[: len(b) // 2])

# CSV damages
EXTRA_COLUMN = _lines(lambda ls: [ls[0] + ",extra"] + [x + ",x" if x else x for x in ls[1:]])
MISSING_COLUMN = _lines(lambda ls: [",".join(ls[0].split(",")[:-1])] + ls[1:])
RENAMED_COLUMN = _lines(lambda ls: [ls[0].replace(ls[0].split(",")[1], "typo", 1)] + ls[1:])
REPEATED_COLUMN = _lines(lambda ls: [ls[0].replace(ls[0].split(",")[1], ls[0].split(",")[0], 1)]
                         + ls[1:])
SHORT_ROW = _lines(lambda ls: ls[:2] + ["a,b"] + ls[2:])
LONG_ROW = _lines(lambda ls: ls[:2] + [ls[1] + ",x,y"] + ls[2:])
DUPLICATE_ROW = _lines(lambda ls: ls[:2] + [ls[1]] + ls[2:])
HEADER_ONLY = _lines(lambda ls: ls[:1])
EMPTY = _bytes(lambda b: b"")

# YAML damages
DUPLICATE_KEY = _text(lambda t: t.replace("scales:\n", "scales:\n  probability:\n"
                                          "    parameters: [pA]\n", 1))
LABEL_AS_STRING = _text(lambda t: t.replace("      - label: very low\n",
                                            "      - very low\n      - label: very low\n", 1))
BAD_ALTERNATIVE = _text(lambda t: t.replace("    alternatives:\n", "    alternatives:\n"
                                            "      zzz: [1]\n", 1))
UNKNOWN_TOP_KEY = _text(lambda t: t + "\nscale: {}\n")


def _codebook(path):
    return load_codebook(path)


def _case(path):
    return load_case_file(path, load_codebook())


LOADERS = {
    "codebook.yml": (_codebook, CaseDataError),
    "cases/cold_war.csv": (_case, CaseDataError),
    "cases/korea.csv": (_case, CaseDataError),
    "timelines/korea.csv": (load_timeline, CaseDataError),
    "timelines/cold_war.csv": (load_timeline, CaseDataError),
    "table3.csv": (load_table3, DataError),
}

CSV_FILES = [f for f in LOADERS if f.endswith(".csv")]

# (damage, phrase the message must contain)
COMMON = {
    "bad-utf8": (BAD_UTF8, "not valid UTF-8"),
    "nul-byte": (NUL, "NUL byte"),
    "inner-bom": (INNER_BOM, "byte-order mark"),
    "empty": (EMPTY, ""),
}
CSV_DAMAGES = {
    "extra-column": (EXTRA_COLUMN, "unknown column"),
    "missing-column": (MISSING_COLUMN, "required column is missing"),
    "renamed-column": (RENAMED_COLUMN, "unknown column"),
    "repeated-column": (REPEATED_COLUMN, "appears twice"),
    "short-row": (SHORT_ROW, "short row"),
    "long-row": (LONG_ROW, "more fields than columns"),
    "duplicate-row": (DUPLICATE_ROW, ""),
    "header-only": (HEADER_ONLY, "no "),
    "truncated": (HALF, ""),
}
YAML_DAMAGES = {
    "duplicate-key": (DUPLICATE_KEY, "duplicate key 'probability'"),
    "label-as-string": (LABEL_AS_STRING, "must be a mapping"),
    "bad-alternative": (BAD_ALTERNATIVE, "not a parameter of this scale"),
    "unknown-top-key": (UNKNOWN_TOP_KEY, "unknown top-level key"),
    "truncated": (HALF, ""),
}

CASES = ([pytest.param(f, d, id=f"{f}-{name}") for f in LOADERS for name, d in COMMON.items()]
         + [pytest.param(f, d, id=f"{f}-{name}") for f in CSV_FILES
            for name, d in CSV_DAMAGES.items()]
         + [pytest.param("codebook.yml", d, id=f"codebook.yml-{name}")
            for name, d in YAML_DAMAGES.items()])


def _damaged(tmp_path, rel, damage):
    src = DATA_DIR / rel
    dest = tmp_path / src.name
    dest.write_bytes(damage(src.read_bytes()))
    return dest


@pytest.mark.parametrize("rel, damage", CASES)
def test_a_damaged_file_is_refused_with_one_line_naming_it(tmp_path, rel, damage):
    edit, phrase = damage
    path = _damaged(tmp_path, rel, edit)
    loader, error = LOADERS[rel]
    with pytest.raises(error) as info:
        loader(path)
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith(path.name + ","), message
    assert phrase in message, message


@pytest.mark.parametrize("rel", list(LOADERS))
def test_a_leading_byte_order_mark_is_removed(tmp_path, rel):
    loader, _ = LOADERS[rel]
    original = loader(DATA_DIR / rel)
    path = _damaged(tmp_path, rel, lambda b: BOM + b)
    again = loader(path)
    if rel == "codebook.yml":
        assert again.scales == original.scales
    elif rel.startswith("cases/"):
        assert again.codings == original.codings
    else:
        assert again == original


def test_a_truncated_codebook_is_refused_where_it_is_read(tmp_path):
    """Cut after its first scale, the codebook itself is blamed, not the case
    table that would need the missing scales."""
    text = (DATA_DIR / "codebook.yml").read_text(encoding="utf-8")
    cut = text.index("\n  independence:")
    path = tmp_path / "codebook.yml"
    path.write_text(text[:cut] + "\n", encoding="utf-8")
    with pytest.raises(CaseDataError, match=r"^codebook\.yml, .*is the file complete"):
        load_codebook(path)


@pytest.mark.parametrize("content, message", [
    pytest.param(b"a,b\n1\n", "t.csv, row 1: 1 field, the header has 2 (a short row)",
                 id="short-row"),
    pytest.param(b"a,b\n1,2\n1,3\n", "t.csv, row 2: duplicate a '1' (first in row 1)",
                 id="duplicate-key"),
    pytest.param(b'a,b\n"1,2\n', "t.csv, row 1: malformed CSV", id="open-quote"),
    pytest.param(b"a,c\n1,2\n", "t.csv, header, column 'c': unknown column (expected a, b)",
                 id="unknown-column"),
    pytest.param(b"", "t.csv, header, column 'a': the file is empty", id="empty"),
])
def test_read_csv_messages(tmp_path, content, message):
    path = tmp_path / "t.csv"
    path.write_bytes(content)
    with pytest.raises(DataError) as info:
        read_csv(path, ("a", "b"), unique=("a",))
    assert str(info.value).startswith(message)


@pytest.mark.parametrize("content, message", [
    pytest.param(b"a: 1\nb: [\n", "x.yml, line 3: not valid YAML", id="syntax"),
    pytest.param(b"a:\n  b: 1\n  b: 2\n", "x.yml, line 3: duplicate key 'b' (first on line 2)",
                 id="nested-duplicate"),
    pytest.param(b"a: 1\n\x00", "x.yml, line 2: contains a NUL byte", id="nul"),
])
def test_load_yaml_messages(tmp_path, content, message):
    path = tmp_path / "x.yml"
    path.write_bytes(content)
    with pytest.raises(DataError) as info:
        load_yaml(path)
    assert str(info.value).startswith(message)


def test_an_unreadable_file_is_one_line(tmp_path):
    with pytest.raises(DataError, match=r"^missing\.csv, file: cannot be read"):
        read_text(tmp_path / "missing.csv")


def test_loading_never_writes_into_the_data_folder(tmp_path):
    """Loading every shipped file leaves the data folder byte for byte as it was."""
    before = {p: p.read_bytes() for p in DATA_DIR.rglob("*") if p.is_file()}
    for rel, (loader, _) in LOADERS.items():
        loader(DATA_DIR / rel)
    after = {p: p.read_bytes() for p in DATA_DIR.rglob("*") if p.is_file()}
    assert after == before
    shutil.rmtree(tmp_path, ignore_errors=True)
