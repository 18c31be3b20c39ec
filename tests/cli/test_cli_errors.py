"""Bad command lines: exit 2, one line on stderr naming option, value and rule."""

import pytest

from trustgame.cli import main

CASES = [
    ("map-n-huge", ["map", "--n", "1000000000", "--out", "{d}/m.png"], "--n"),
    ("map-n-overflow", ["map", "--n", "100000000000000000000", "--out", "{d}/m.png"], "--n"),
    ("figures-n-huge", ["figures", "--n", "1000000000", "--out", "{d}/figs"], "--n"),
    ("out-below-file", ["map", "--n", "4", "--out", "{d}/file/x.png"], "--out"),
    ("out-missing-dir", ["map", "--n", "4", "--out", "{d}/nodir/x.png"], "--out"),
    ("out-is-dir", ["map", "--n", "4", "--out", "{d}/sub"], "--out"),
    ("out-no-ext", ["map", "--n", "4", "--out", "{d}/noext"], "--out"),
    ("out-empty", ["map", "--n", "4", "--out", ""], "--out"),
    ("out-dev-full", ["map", "--n", "4", "--out", "/dev/full"], "--out"),
    ("out-exists", ["map", "--n", "4", "--out", "{d}/exists.png"], "--force"),
    ("figures-out-file", ["figures", "--n", "4", "--out", "{d}/file"], "--out"),
    ("figures-below-file", ["figures", "--n", "4", "--out", "{d}/file/sub"], "--out"),
    ("theta-overridden", ["solve", "--theta", "0", "--thetaA", "1", "--thetaB", "1"], "--theta"),
    ("figures-theta", ["figures", "--theta", "0", "--out", "{d}/new"], "--theta"),
    ("xlim-equal", ["map", "--n", "4", "--xlim", "0.5", "0.5", "--out", "{d}/a.png"], "0.5 0.5"),
    ("xlim-outside", ["map", "--n", "4", "--xlim", "0", "2", "--out", "{d}/a.png"], "2.0"),
    ("H-nan", ["solve", "--H", "nan"], "H must be finite"),
    ("k-inf", ["solve", "--k", "inf"], "k must be finite"),
    ("L-too-big", ["solve", "--L", "1"], "L"),
    ("bad-axis", ["map", "--n", "4", "--x", "q", "--out", "{d}/a.png"], "--x"),
    ("figures-bad-format", ["figures", "--format", "gif", "--out", "{d}/new"], "--format"),
    ("figures-exists-svg", ["figures", "--n", "4", "--format", "svg", "--out", "{d}/sub2"],
     "figure1.svg"),
    ("map-bad-dominance", ["map", "--n", "4", "--dominance", "pareto", "--out", "{d}/a.png"],
     "--dominance"),
    ("solve-unknown-option", ["solve", "--q", "1"], "--q"),
    ("solve-p-above-one", ["solve", "--pA", "1.5"], "pA"),
    ("solve-not-a-number", ["solve", "--H", "abc"], "--H"),
    ("no-command", [], "choose a command"),
]


@pytest.mark.parametrize("argv, needle", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_command_line(argv, needle, tmp_path, capsys):
    (tmp_path / "file").write_text("x")
    (tmp_path / "sub").mkdir()
    (tmp_path / "exists.png").write_text("x")
    (tmp_path / "sub2").mkdir()
    (tmp_path / "sub2" / "figure1.svg").write_text("x")
    before = sorted(p.name for p in tmp_path.iterdir())
    rc = main([a.format(d=tmp_path) for a in argv])
    err = capsys.readouterr().err
    assert rc == 2
    assert len(err.strip().splitlines()) == 1, err
    assert "Traceback" not in err
    assert needle in err
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # nothing created
    assert (tmp_path / "sub2" / "figure1.svg").read_text() == "x"  # nothing overwritten


@pytest.mark.parametrize("argv", [["solve", "--L", "-1e6", "--json"], ["solve", "--k=1e-12", "--json"],
                                  ["solve", "--L", "-2", "--json"]],
                         ids=["L-negative-space", "k-tiny", "L-minus-two"])
def test_valid_extremes_run(argv, capsys):
    assert main(argv) == 0
    assert capsys.readouterr().err == ""


def test_wrote_line_is_the_written_path(tmp_path, capsys):
    out = tmp_path / "m.svg"
    assert main(["map", "--n", "4", "--out", str(out)]) == 0
    assert capsys.readouterr().out.strip() == f"wrote {out}"
    assert out.is_file()
    assert main(["map", "--n", "4", "--out", str(out), "--force"]) == 0


def test_oserror_is_one_line(tmp_path, capsys, monkeypatch):
    import matplotlib.figure

    def boom(*a, **k):
        raise PermissionError(13, "Permission denied", str(tmp_path / "m.png"))

    monkeypatch.setattr(matplotlib.figure.Figure, "savefig", boom)
    assert main(["map", "--n", "4", "--out", str(tmp_path / "m.png")]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "Permission denied" in err
