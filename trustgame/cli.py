"""Command line: ``trustgame solve | map | figures``.

Examples
--------
::

    trustgame solve --H 1.5 --L -0.1 --k 0.9 --pA 0.35 --pB 0.35 --betaA 0 --betaB 0
    trustgame solve --pA 0.2 --pB 0.2 --betaA 0.6 --betaB 0.7 --json
    trustgame map --x betaA --y pB --pA 0.5 --betaB 0.7 --out fig3.png
    trustgame figures --out figures/

Bad arguments print one line on stderr and exit with status 2.
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
        raise _UsageError(message)


class _UsageError(Exception):
    pass


#: Help of the ``--theta`` option, which sets both states' salience.
_THETA_HELP = "salience of period 2 (both states)"


def _param_args(p: argparse.ArgumentParser):
    """The parameter options; defaults and help come from the parameter
    domain (:data:`trustgame.core.domain.DOMAIN`)."""
    g = p.add_argument_group("parameters (defaults: the paper's figure values)")
    for name in ("H", "L", "k", "pA", "pB", "betaA", "betaB"):
        d = DOMAIN[name]
        g.add_argument(f"--{name}", type=float, default=d.default, help=d.help)
    g.add_argument("--theta", type=float, default=None, help=_THETA_HELP)
    for name in ("thetaA", "thetaB"):
        g.add_argument(f"--{name}", type=float, default=None,
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
    m.add_argument("--xlim", type=float, nargs=2, default=(0.0, 1.0), metavar=("LO", "HI"))
    m.add_argument("--ylim", type=float, nargs=2, default=(0.0, 1.0), metavar=("LO", "HI"))
    m.add_argument("--n", type=int, default=500, help="cells per axis")
    m.add_argument("--all-pbe", action="store_true", help="draw all PBE, not only PBE-ER")
    m.add_argument("--out", required=True, help="output image (.png, .pdf or .svg)")

    f = sub.add_parser("figures", help="write Figures 1-3 of the paper")
    f.add_argument("--out", required=True, help="output directory")
    f.add_argument("--n", type=int, default=500, help="cells per axis")
    _dominance_arg(f)
    f.add_argument("--theta", type=float, default=None, help=_THETA_HELP)
    return parser


def _salience(a, name: str) -> float:
    """``--thetaA`` / ``--thetaB``, else ``--theta``, else the domain default."""
    own = getattr(a, name)
    if own is not None:
        return own
    return DOMAIN[name].default if a.theta is None else a.theta


def _params(a) -> Params:
    return Params(H=a.H, L=a.L, k=a.k, pA=a.pA, pB=a.pB, betaA=a.betaA, betaB=a.betaB,
                  thetaA=_salience(a, "thetaA"), thetaB=_salience(a, "thetaB"))


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
        f"{len(sol.equilibria)} equilibria, {sum(sol.efficient)} survive the refinement",
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
    lines.append("")
    lines.append("P1/P2: probability of cooperating in period 1 / in period 2 after each "
                 "on-path history (A's action first); * marks PBE-ER.")
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
    from .analysis.maps import region_map
    from .viz import plot_map

    if a.n < 2:
        raise _UsageError(f"--n must be at least 2 (got {a.n})")
    m = region_map(_params(a), a.x, a.y, xlim=a.xlim, ylim=a.ylim, n=a.n, dominance=a.dominance)
    fig = plot_map(m, efficient=not a.all_pbe,
                   title=f"{'PBE' if a.all_pbe else 'PBE-ER'} over {a.x} and {a.y}")
    out = Path(a.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(out, dpi=150, metadata=_metadata(out))
    print(f"wrote {out}")
    return 0


def _metadata(path: Path) -> dict:
    """Metadata that keeps image files byte-identical between runs."""
    suffix = path.suffix.lower()
    if suffix == ".png":
        return {"Software": None}
    if suffix == ".pdf":
        return {"Creator": None, "Producer": None, "CreationDate": None}
    if suffix == ".svg":
        return {"Date": None, "Creator": None}
    return {}


def _figures(a) -> int:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from .viz import plot_figure

    if a.n < 2:
        raise _UsageError(f"--n must be at least 2 (got {a.n})")
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    for k in (1, 2, 3):
        fig = plot_figure(k, n=a.n, dominance=a.dominance, theta=a.theta)
        path = out / f"figure{k}.png"
        fig.savefig(path, dpi=150, metadata=_metadata(path))
        plt.close(fig)
        print(f"wrote {path}")
    return 0


def main(argv=None) -> int:
    """Entry point; returns the exit status."""
    parser = build_parser()
    try:
        a = parser.parse_args(argv)
        if a.command is None:
            raise _UsageError("choose a command: solve, map or figures (see --help)")
        return {"solve": _solve, "map": _map, "figures": _figures}[a.command](a)
    except _UsageError as exc:
        print(f"trustgame: error: {exc}", file=sys.stderr)
        return 2
    except (ParameterError, ValueError) as exc:
        print(f"trustgame: error: {exc}", file=sys.stderr)
        return 2


def _entry():  # console script
    sys.exit(main())


if __name__ == "__main__":
    _entry()
