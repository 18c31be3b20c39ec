"""Reading the claims registry (trustgame.audit.registry.load_claims): a
damaged file gives one clear ClaimsError line naming the file, and the
``notes`` field links each claim to an existing section of the
replication notes."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from trustgame.audit import CLAIMS_FILE, ClaimsError, load_claims

ROOT = Path(__file__).resolve().parents[2]
NOTES = ROOT / "book" / "replication_notes.ipynb"

_GOOD = """- id: a
  section: s
  claim: c
  check: threshold_value
  notes: notes-stands
  verdict: reproduced
"""


def _write_bytes(tmp_path, data: bytes) -> Path:
    path = tmp_path / "claims.yml"
    path.write_bytes(data)
    return path


def _truncated(at: str) -> bytes:
    """The real registry cut just after the first occurrence of ``at``."""
    text = CLAIMS_FILE.read_bytes()
    return text[:text.index(at.encode()) + len(at)]


@pytest.mark.parametrize("data,rule", [
    pytest.param(_GOOD.replace("claim: c", "claim: caf\xe9").encode("latin-1"),
                 r"line 3: not valid UTF-8", id="bad-utf8"),
    pytest.param((_GOOD.replace("  notes", "  check: threshold_value\n  notes")).encode(),
                 r"line 5: duplicate key 'check' \(first on line 4\)", id="duplicate-key"),
    pytest.param(_GOOD.replace("claim: c", "claim: c\x00").encode(), r"line 3: contains a NUL byte",
                 id="nul-byte"),
    pytest.param(_truncated('section: "The Strat'), r"not valid YAML", id="truncated-in-a-quote"),
    pytest.param(_truncated("- id: threshold-value\n  sect"), r"not valid YAML",
                 id="truncated-in-a-key"),
    pytest.param(_truncated("check: threshold_value\n"), r"field 'verdict' is required",
                 id="truncated-between-fields"),
])
def test_a_damaged_registry_gives_one_line_naming_the_file(tmp_path, data, rule):
    """Bad UTF-8, a duplicate key, a NUL byte or a truncated file: one
    ClaimsError whose single line names the file and the rule broken."""
    path = _write_bytes(tmp_path, data)
    with pytest.raises(ClaimsError) as err:
        load_claims(path)
    message = str(err.value)
    assert "\n" not in message and path.name in message, message
    assert re.search(rule, message), message


def test_a_byte_order_mark_is_ignored(tmp_path):
    """A spreadsheet's UTF-8 byte-order mark at the start is not an error."""
    [c] = load_claims(_write_bytes(tmp_path, b"\xef\xbb\xbf" + _GOOD.encode()))
    assert (c.id, c.notes) == ("a", "notes-stands")


@pytest.mark.parametrize("notes,ok", [
    pytest.param("notes-salience", True, id="label"),
    pytest.param("Notes Salience", False, id="spaces-and-capitals"),
    pytest.param("'#notes-salience'", False, id="leading-hash"),
    pytest.param("[1, 2]", False, id="a-list"),
])
def test_notes_must_be_a_label(tmp_path, notes, ok):
    path = _write_bytes(tmp_path, _GOOD.replace("notes-stands", notes).encode())
    if ok:
        assert load_claims(path)[0].notes == notes
    else:
        with pytest.raises(ClaimsError, match="claim 1: notes must be a label") as err:
            load_claims(path)
        assert str(path) in str(err.value)


def test_notes_is_optional(tmp_path):
    [c] = load_claims(_write_bytes(tmp_path, _GOOD.replace("  notes: notes-stands\n", "").encode()))
    assert c.notes is None


def _notes_labels() -> set[str]:
    nb = json.loads(NOTES.read_text(encoding="utf-8"))
    text = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
    return set(re.findall(r"^\(([\w-]+)\)=\s*$", text, flags=re.M))


@pytest.mark.parametrize("claim", [pytest.param(c, id=c.id) for c in load_claims()])
def test_every_claim_links_to_a_section_of_the_notes(claim):
    """Each claim of data/claims.yml names (``notes``) a label that exists
    in book/replication_notes.ipynb, so the verdict table's link resolves."""
    assert claim.notes in _notes_labels(), (claim.id, claim.notes)
