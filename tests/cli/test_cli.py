"""The command line: tables, the JSON shape, images, and one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from trustgame.cli import build_parser, main

PAPER = ["--H", "1.5", "--L", "-0.1", "--k", "0.9"]


def run(args, capsys):
    code = main(args)
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.parametrize("command", ["solve", "map"])
def test_parameter_defaults_are_the_paper_s_figure_values(command):
    extra = ["--out", "x.png"] if command == "map" else []
    a = build_parser().parse_args([command, *extra])
    assert (a.H, a.L, a.k, a.pA, a.pB, a.betaA, a.betaB) == (1.5, -0.1, 0.9, 0.5, 0.5, 0.0, 0.0)
    assert (a.theta, a.thetaA, a.thetaB, a.dominance) == (None, None, None, "weak")


def test_help_describes_every_parameter(capsys):
    with pytest.raises(SystemExit):
        main(["solve", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    for fragment in ("--H H greedy exploitation value, > 1",
                     "--L L security exploitation value, < 1",
                     "--k K cost of being exploited, > 0",
                     "--pA PA prior that A is a security-seeker",
                     "--pB PB prior that B is a security-seeker",
                     "--betaA BETAA independence of A's choice",
                     "--betaB BETAB independence of B's choice",
                     "--theta THETA salience of period 2 (both states)",
                     "--thetaA THETAA salience of period 2 for A (overrides --theta)",
                     "--thetaB THETAB salience of period 2 for B (overrides --theta)"):
        assert fragment in out


@pytest.mark.parametrize("args, salience", [
    ([], (1.0, 1.0)),
    (["--theta", "0.7"], (0.7, 0.7)),
    (["--theta", "0.7", "--thetaB", "2"], (0.7, 2.0)),
    (["--thetaA", "0.5"], (0.5, 1.0)),
], ids=["default", "theta", "theta-and-thetaB", "thetaA-only"])
def test_salience_options(args, salience, capsys):
    code, out, _ = run(["solve", "--pure-only", "--json", *args], capsys)
    d = json.loads(out)["params"]
    assert code == 0 and (d["thetaA"], d["thetaB"]) == salience


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
    assert list(d) == ["params", "threshold", "equilibria", "families"]
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
        (["solve", "--dominance", "ex-ante"], "invalid choice: 'ex-ante'"),
        (["map", "--x", "q", "--out", "x.png"], "axis parameter must be one of"),
        (["map", "--n", "1", "--out", "x.png"], "--n must be at least 2 (got 1)"),
        ([], "choose a command"),
        (["solve", "--unknown"], "unrecognized arguments: --unknown"),
    ],
    ids=["H", "L", "k", "pA", "betaB", "theta", "nan", "not-a-number", "refine-choice",
         "dominance-ex-ante", "map-axis", "map-n", "no-command", "unknown-option"],
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


@pytest.fixture(scope="module")
def figure_runs(tmp_path_factory):
    """Two runs of ``trustgame figures --n 60`` into two directories, and
    their exit statuses."""
    dirs = tmp_path_factory.mktemp("a"), tmp_path_factory.mktemp("b")
    codes = [main(["figures", "--out", str(d), "--n", "60"]) for d in dirs]
    return codes, dirs


@pytest.mark.parametrize("k", [1, 2, 3], ids=["figure-1", "figure-2", "figure-3"])
def test_figures_writes_three_deterministic_images(figure_runs, k):
    codes, (a, b) = figure_runs
    assert codes == [0, 0]
    fa, fb = a / f"figure{k}.png", b / f"figure{k}.png"
    assert fa.stat().st_size > 1000
    assert fa.read_bytes() == fb.read_bytes()


def test_version_flag(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert "trustgame" in capsys.readouterr().out
