"""Every output format of ``trustgame map`` is byte-identical between runs."""

import pytest

from trustgame.cli import main


@pytest.mark.parametrize("ext", ["svg", "png", "pdf"], ids=["svg", "png", "pdf"])
def test_map_bytes_identical(ext, tmp_path):
    a, b = tmp_path / f"a.{ext}", tmp_path / f"b.{ext}"
    assert main(["map", "--n", "20", "--out", str(a)]) == 0
    assert main(["map", "--n", "20", "--out", str(b)]) == 0
    assert a.read_bytes() == b.read_bytes()


@pytest.mark.parametrize("fmt", ["svg", "png", "pdf"], ids=["svg", "png", "pdf"])
def test_figures_bytes_identical(fmt, tmp_path):
    """``trustgame figures --format FMT`` twice gives the same three files."""
    a, b = tmp_path / "a", tmp_path / "b"
    assert main(["figures", "--n", "12", "--format", fmt, "--out", str(a)]) == 0
    assert main(["figures", "--n", "12", "--format", fmt, "--out", str(b)]) == 0
    names = [f"figure{k}.{fmt}" for k in (1, 2, 3)]
    assert sorted(p.name for p in a.iterdir()) == names
    assert all((a / n).read_bytes() == (b / n).read_bytes() for n in names)


def test_pdf_carries_no_date(tmp_path):
    out = tmp_path / "m.pdf"
    assert main(["map", "--n", "8", "--out", str(out)]) == 0
    assert b"CreationDate" not in out.read_bytes()
