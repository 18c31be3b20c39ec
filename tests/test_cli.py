"""The command line: tables, the JSON shape, images, and one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from trustgame.cli import main

PAPER = ["--H", "1.5", "--L", "-0.1", "--k", "0.9"]


def run(args, capsys):
    code = main(args)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_solve_prints_a_readable_table(capsys):
    code, out, err = run(["solve", *PAPER, "--pA", "0.35", "--pB", "0.35", "--betaA", "0",
                          "--betaB", "0", "--pure-only"], capsys)
    assert code == 0 and err == ""
    assert "* trust-building   [PBE-ER]" in out
    assert "independence threshold k/(1+k-L) = 0.45" in out


def test_solve_json_has_exactly_the_documented_shape(capsys):
    code, out, _ = run(["solve", *PAPER, "--pA", "0.35", "--pB", "0.35", "--betaA", "0",
                        "--betaB", "0", "--theta", "1", "--refine", "weak", "--json"], capsys)
    d = json.loads(out)
    assert code == 0
    assert list(d) == ["params", "threshold", "equilibria"]
    assert d["threshold"] == pytest.approx(0.45)
    assert d["params"]["pA"] == 0.35 and d["params"]["thetaB"] == 1.0
    tb = [e for e in d["equilibria"] if e["name"] == "trust-building"][0]
    assert list(tb) == ["name", "leader", "efficient", "period1", "period2", "beliefs", "payoffs"]
    assert tb["leader"] is None and tb["efficient"] is True
    assert tb["period1"] == {"A": {"security": 1.0, "greedy": 0.0}, "B": {"security": 1.0, "greedy": 0.0}}
    assert tb["period2"]["A"]["security"] == {"CC": 1.0, "CD": 0.0, "DC": 0.0, "DD": 0.0}
    assert tb["beliefs"]["CC"] == {"A": 1.0, "B": 1.0}
    assert tb["beliefs"]["DD"] == {"A": 0.0, "B": 0.0}
    assert tb["payoffs"]["A"]["security"] == pytest.approx(0.115)
    tragic = [e for e in d["equilibria"] if e["name"] == "tragic"][0]
    assert tragic["beliefs"]["CC"] == {"A": None, "B": None}  # free off the path
    assert tragic["beliefs"]["DD"] == {"A": 0.35, "B": 0.35}


def test_asymmetric_equilibria_carry_their_leader(capsys):
    _, out, _ = run(["solve", "--pA", "0.5", "--pB", "0.1", "--betaA", "0.1", "--betaB", "0.7",
                     "--json", "--pure-only"], capsys)
    eqs = json.loads(out)["equilibria"]
    assert [(e["name"], e["leader"]) for e in eqs] == [("asymmetric-semi-tragic", "B")]


@pytest.mark.parametrize(
    "args, fragment",
    [
        (["solve", "--H", "0.9"], "H must be greater than 1 (got 0.9)"),
        (["solve", "--L", "1"], "L must be less than 1"),
        (["solve", "--k", "0"], "k must be greater than 0"),
        (["solve", "--pA", "1.2"], "pA must be a probability in [0, 1]"),
        (["solve", "--betaB", "-0.1"], "betaB must lie in [0, 1]"),
        (["solve", "--theta", "0"], "thetaA must be greater than 0"),
        (["solve", "--pB", "nan"], "pB must be finite"),
        (["solve", "--pA", "abc"], "invalid float value: 'abc'"),
        (["solve", "--refine", "maybe"], "invalid choice: 'maybe'"),
        (["map", "--x", "q", "--out", "x.png"], "axis parameter must be one of"),
        ([], "choose a command"),
        (["solve", "--unknown"], "unrecognized arguments: --unknown"),
    ],
)
def test_bad_arguments_give_one_line_and_status_2(args, fragment, capsys):
    code, out, err = run(args, capsys)
    assert code == 2
    assert out == ""
    assert fragment in err
    assert err.count("\n") == 1 and err.startswith("trustgame: error: ")
    assert "Traceback" not in err


def test_console_script_exits_with_status_2_without_traceback():
    r = subprocess.run([sys.executable, "-m", "trustgame.cli", "solve", "--H", "1"],
                       capture_output=True, text=True)
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert r.stderr.strip() == "trustgame: error: H must be greater than 1 (got 1.0)"


def test_map_writes_an_image(tmp_path, capsys):
    out = tmp_path / "m.png"
    code, txt, _ = run(["map", "--x", "betaA", "--y", "pB", "--pA", "0.5", "--betaB", "0.7",
                        "--n", "40", "--out", str(out)], capsys)
    assert code == 0 and out.exists() and out.stat().st_size > 1000
    assert "wrote" in txt


def test_figures_writes_three_deterministic_images(tmp_path, capsys):
    a, b = tmp_path / "a", tmp_path / "b"
    assert run(["figures", "--out", str(a), "--n", "60"], capsys)[0] == 0
    assert run(["figures", "--out", str(b), "--n", "60"], capsys)[0] == 0
    for k in (1, 2, 3):
        fa, fb = a / f"figure{k}.png", b / f"figure{k}.png"
        assert fa.read_bytes() == fb.read_bytes()


def test_version_flag(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert "trustgame" in capsys.readouterr().out
