"""Command line: ``trustgame solve | map | figures``.

Examples
--------
::

    trustgame solve --H 1.5 --L -0.1 --k 0.9 --pA 0.35 --pB 0.35 --betaA 0 --betaB 0
    trustgame solve --pA 0.2 --pB 0.2 --betaA 0.6 --betaB 0.7 --json
    trustgame map --x betaA --y pB --pA 0.5 --betaB 0.7 --out fig3.png
    trustgame figures --out figures/
    trustgame figures --out figures/ --format svg

Bad arguments print one line on stderr (naming the option, the value and
the rule) and exit with status 2, before anything is computed or created.
``--n`` is at most :data:`MAX_N`; ``map --out`` must name a ``.png``,
``.pdf`` or ``.svg`` file in an existing writable directory, and an
existing file is overwritten only with ``--force``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .core.domain import DOMAIN
from .core.errors import ParameterError
from .core.model import HISTORIES, Params
from .core.tolerances import ZERO_TOL

__all__ = ["main", "build_parser"]


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line and exit status 2."""

    def error(self, message):  # noqa: D401 - argparse API
        raise _UsageError(" ".join(message.split()))


class _UsageError(Exception):
    pass


#: Largest ``--n`` (cells per axis) accepted, checked before any work.
MAX_N = 5000
#: Image formats ``--out`` may name.
FORMATS = (".png", ".pdf", ".svg")


def _number(text: str) -> float:
    """A finite float option value (argparse ``type``)."""
    try:
        v = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a number (got {text!r})") from None
    if v != v or v in (float("inf"), float("-inf")):
        raise argparse.ArgumentTypeError(f"must be finite (got {text!r})")
    return v


def _cells(text: str) -> int:
    """``--n``: an integer in ``[2, MAX_N]`` (argparse ``type``)."""
    try:
        v = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be an integer (got {text!r})") from None
    if not 2 <= v <= MAX_N:
        raise argparse.ArgumentTypeError(
            f"--n must be at least 2 (got {v})" if v < 2 else f"--n must be at most {MAX_N} (got {v})")
    return v


def _negatives(argv):
    """Join ``--opt -1e6`` into ``--opt=-1e6``: argparse reads a value such
    as ``-1e6`` (not matched by its negative-number pattern once the parser
    knows no option of that shape) as an option."""
    out, i = [], 0
    argv = list(argv)
    while i < len(argv):
        tok = argv[i]
        nxt = argv[i + 1] if i + 1 < len(argv) else None
        if (tok.startswith("--") and "=" not in tok and nxt is not None
                and nxt.startswith("-") and _is_number(nxt)):
            out.append(f"{tok}={nxt}")
            i += 2
            continue
        out.append(tok)
        i += 1
    return out


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


#: Help of the ``--theta`` option, which sets both states' salience.
_THETA_HELP = "salience of period 2 (both states)"


def _param_args(p: argparse.ArgumentParser):
    """The parameter options; defaults and help come from the parameter
    domain (:data:`trustgame.core.domain.DOMAIN`)."""
    g = p.add_argument_group("parameters (defaults: the paper's figure values)")
    for name in ("H", "L", "k", "pA", "pB", "betaA", "betaB"):
        d = DOMAIN[name]
        g.add_argument(f"--{name}", type=float, default=d.default, help=d.help)
    g.add_argument("--theta", type=_number, default=None, help=_THETA_HELP)
    for name in ("thetaA", "thetaB"):
        g.add_argument(f"--{name}", type=_number, default=None,
                       help=f"{DOMAIN[name].help} (overrides --theta)")
    _dominance_arg(p)


def _dominance_arg(p: argparse.ArgumentParser):
    """``--dominance`` (alias ``--refine``): the interim refinements that
    both :func:`~trustgame.core.solution.solve` and the maps accept."""
    p.add_argument("--dominance", "--refine", dest="dominance", choices=("weak", "strict", "none"),
                   default="weak",
                   help="Pareto dominance used by the efficiency refinement")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (exposed for the documentation)."""
    from .core import __version__

    parser = _Parser(prog="trustgame", description=(
        "Equilibria of the two-period trust game of Goldfien, Joseph and McManus (2026)."))
    parser.add_argument("--version", action="version", version=f"trustgame {__version__}")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    s = sub.add_parser("solve", help="every PBE at one parameter point")
    _param_args(s)
    s.add_argument("--json", action="store_true", help="print JSON instead of a table")
    s.add_argument("--pure-only", action="store_true",
                   help="skip the search for equilibria with period-1 mixing")

    m = sub.add_parser("map", help="write a region map image")
    _param_args(m)
    m.add_argument("--x", default="pA", help="parameter on the horizontal axis")
    m.add_argument("--y", default="pB", help="parameter on the vertical axis")
    m.add_argument("--xlim", type=_number, nargs=2, default=(0.0, 1.0), metavar=("LO", "HI"))
    m.add_argument("--ylim", type=_number, nargs=2, default=(0.0, 1.0), metavar=("LO", "HI"))
    m.add_argument("--n", type=_cells, default=500, help=f"cells per axis, 2 to {MAX_N}")
    m.add_argument("--all-pbe", action="store_true", help="draw all PBE, not only PBE-ER")
    m.add_argument("--out", required=True, help="output image file (.png, .pdf or .svg)")
    m.add_argument("--force", action="store_true", help="overwrite an existing --out file")

    f = sub.add_parser("figures", help="write Figures 1-3 of the paper")
    f.add_argument("--out", required=True, help="output directory")
    f.add_argument("--format", choices=("png", "svg", "pdf"), default="png",
                   help="file format of the figures (default png; svg and pdf are vector)")
    f.add_argument("--n", type=_cells, default=500, help=f"cells per axis, 2 to {MAX_N}")
    f.add_argument("--force", action="store_true", help="overwrite existing figure files")
    _dominance_arg(f)
    f.add_argument("--theta", type=_number, default=None, help=_THETA_HELP)
    return parser


def _salience(a, name: str) -> float:
    """``--thetaA`` / ``--thetaB``, else ``--theta``, else the domain default."""
    own = getattr(a, name)
    if own is not None:
        return own
    return DOMAIN[name].default if a.theta is None else a.theta


def _params(a) -> Params:
    if a.theta is not None:  # validated even when --thetaA and --thetaB override it
        _check_option("theta", a.theta, "thetaA")
    return Params(H=a.H, L=a.L, k=a.k, pA=a.pA, pB=a.pB, betaA=a.betaA, betaB=a.betaB,
                  thetaA=_salience(a, "thetaA"), thetaB=_salience(a, "thetaB"))


def _check_option(option: str, value, rule_of: str) -> None:
    from .core.domain import check_value

    try:
        check_value(rule_of, value)
    except ParameterError:
        raise _UsageError(f"--{option}: {rule_of} {DOMAIN[rule_of].rule} (got {value!r})") from None


def _writable_file(text: str, force: bool) -> Path:
    """``--out`` of ``map``: a file with a supported extension in an
    existing, writable directory; not an existing file unless ``force``."""
    import os

    out = Path(text)
    if not text or out.suffix.lower() not in FORMATS:
        raise _UsageError(f"--out must name a file ending in {', '.join(FORMATS)} (got {text!r})")
    if out.is_dir():
        raise _UsageError(f"--out must name a file, not a directory (got {text!r})")
    parent = out.parent
    if not parent.is_dir():
        raise _UsageError(f"--out must be in an existing directory (got {text!r})")
    if not os.access(parent, os.W_OK):
        raise _UsageError(f"--out must be in a writable directory (got {text!r})")
    if out.exists() and not force:
        raise _UsageError(f"--out names an existing file; pass --force to overwrite (got {text!r})")
    return out


def _writable_dir(text: str, force: bool, fmt: str = "png") -> Path:
    """``--out`` of ``figures``: a directory (created after validation)."""
    import os

    out = Path(text)
    if not text:
        raise _UsageError("--out must name a directory (got '')")
    if out.exists() and not out.is_dir():
        raise _UsageError(f"--out must name a directory, not a file (got {text!r})")
    base = out
    while not base.exists():
        base = base.parent
    if not base.is_dir() or not os.access(base, os.W_OK):
        raise _UsageError(f"--out must be in a writable directory (got {text!r})")
    if not force:
        for k in (1, 2, 3):
            if (out / f"figure{k}.{fmt}").exists():
                raise _UsageError(f"--out holds figure{k}.{fmt} already; pass --force to "
                                  f"overwrite (got {text!r})")
    return out


def _fmt(x) -> str:
    x = float(x)
    if abs(x - round(x)) < ZERO_TOL:
        return str(int(round(x)))
    return f"{x:.4g}"


def _table(sol) -> str:
    p = sol.params
    lines = [
        "parameters: " + ", ".join(f"{k}={_fmt(v)}" for k, v in p.as_dict().items()),
        f"independence threshold k/(1+k-L) = {float(p.threshold):.6g}",
        f"refinement: {sol.dominance} Pareto dominance; "
        f"{'with' if sol.scope == 'all' else 'without'} period-1 mixing",
        f"{len(sol.equilibria)} equilibria, {sum(sol.efficient)} survive the refinement"
        + (f"; {len(sol.families)} families (continua), "
           f"{sum(bool(q) for q in sol.family_parts)} with a surviving part"
           if sol.families else ""),
        "",
    ]
    for e, eff in zip(sol.equilibria, sol.efficient):
        head = e.name + (f" (leader {e.leader})" if e.leader else "")
        lines.append(("* " if eff else "  ") + head + ("   [PBE-ER]" if eff else ""))
        for s, st in enumerate(("A", "B")):
            for i, tname in enumerate(e.type_names(st)):
                p2 = " ".join(f"{h}:{_fmt(e.period2[j].x[s][i])}"
                              for j, h in enumerate(HISTORIES) if e.on_path(h))
                lines.append(f"      {st} {tname:<9} P1 C={_fmt(e.period1[s][i]):<6} "
                             f"P2 C after {p2:<30} payoff {float(e.payoffs[s][i]):.4f}")
    for f, parts in zip(sol.families, sol.family_parts):
        lines.append(("* " if parts else "  ") + f"family: {f.name}"
                     + ("   [part survives]" if parts else ""))
        lines.append(f"      dimension {f.dimension}, {len(f.vertices)} extreme points; "
                     f"payoffs (A sec, A gre, B sec, B gre) at them:")
        for v in f.payoff_vertices():
            lines.append("      " + ", ".join(f"{x:.4f}" for x in v))
    lines.append("")
    lines.append("P1/P2: probability of cooperating in period 1 / in period 2 after each "
                 "on-path history (A's action first); * marks PBE-ER"
                 + ("; a family's points are the convex combinations of its extreme points "
                    "(--json gives them whole)." if sol.families else "."))
    return "\n".join(lines)


def _solve(a) -> int:
    from .core.solution import solve

    sol = solve(_params(a), dominance=a.dominance, scope="pure" if a.pure_only else "all")
    if a.json:
        d = sol.to_dict()
        d.pop("dominance", None)
        print(json.dumps(d, indent=1))
    else:
        print(_table(sol))
    return 0


def _map(a) -> int:
    import matplotlib

    matplotlib.use("Agg")
    from .analysis.maps import axis_parameters, region_map
    from .viz import plot_map, save_figure

    params = _params(a)
    for opt in ("x", "y"):
        try:
            axis_parameters(getattr(a, opt))
        except ParameterError as exc:
            raise _UsageError(f"--{opt}: {exc}") from None
    for opt, name in (("xlim", a.x), ("ylim", a.y)):
        lo, hi = getattr(a, opt)
        if not lo < hi:
            raise _UsageError(f"--{opt} must be LO < HI (got {_fmt_lim(lo, hi)})")
        for v in (lo, hi):
            for p in axis_parameters(name):
                d = DOMAIN[p]
                if not d.admits(v):
                    raise _UsageError(f"--{opt} {_fmt_lim(lo, hi)}: {p} {d.rule} (got {v!r})")
    out = _writable_file(a.out, a.force)
    m = region_map(params, a.x, a.y, xlim=a.xlim, ylim=a.ylim, n=a.n, dominance=a.dominance)
    fig = plot_map(m, efficient=not a.all_pbe,
                   title=f"{'PBE' if a.all_pbe else 'PBE-ER'} over {a.x} and {a.y}")
    save_figure(fig, out)
    print(f"wrote {out}")
    return 0


def _fmt_lim(lo, hi) -> str:
    return f"{lo!r} {hi!r}"


def _figures(a) -> int:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from .viz import plot_figure, save_figure

    if a.theta is not None:
        _check_option("theta", a.theta, "thetaA")
    out = _writable_dir(a.out, a.force, a.format)
    out.mkdir(parents=True, exist_ok=True)
    for k in (1, 2, 3):
        fig = plot_figure(k, n=a.n, dominance=a.dominance, theta=a.theta, title=True)
        path = save_figure(fig, out / f"figure{k}.{a.format}")
        plt.close(fig)
        print(f"wrote {path}")
    return 0


def main(argv=None) -> int:
    """Entry point; returns the exit status."""
    parser = build_parser()
    try:
        a = parser.parse_args(_negatives(sys.argv[1:] if argv is None else argv))
        if a.command is None:
            raise _UsageError("choose a command: solve, map or figures (see --help)")
        return {"solve": _solve, "map": _map, "figures": _figures}[a.command](a)
    except _UsageError as exc:
        print(f"trustgame: error: {exc}", file=sys.stderr)
        return 2
    except (ParameterError, ValueError) as exc:
        print(f"trustgame: error: {_one_line(exc)}", file=sys.stderr)
        return 2
    except MemoryError:
        print("trustgame: error: out of memory (try a smaller --n)", file=sys.stderr)
        return 2
    except OSError as exc:
        where = f" ({exc.filename})" if getattr(exc, "filename", None) else ""
        print(f"trustgame: error: cannot write{where}: {exc.strerror or exc}", file=sys.stderr)
        return 2


def _one_line(exc) -> str:
    return " ".join(str(exc).split())


def _entry():  # console script
    sys.exit(main())


if __name__ == "__main__":
    _entry()
