"""Solve the game at random points drawn from the extremes of the parameter
domain and check every reported equilibrium with the independent deviation
check (:func:`trustgame.violations`).

Usage: python scripts/sweep_extremes.py [POINTS] [SEED]   (default 200 points, seed 12)

Each point draws H, L, k, the priors, the betas and the saliences from
their extremes (H just above 1 up to 1e6; L from -1e6 to just below 1; k
from 1e-12 to 1e6 and theta from 1e-9 to 1e9 on a log scale; priors and
betas at 0, 1 or uniform) and solves with period-1 mixing.  It prints every
point that crashes, has no PBE or no PBE-ER, or reports an equilibrium that
fails the check, then one summary line.  Exit status 1 if any did.
"""

from __future__ import annotations

import random
import sys

from trustgame import Params, solve, violations


def draw(rng: random.Random) -> dict:
    def log(a, b):
        return 10.0 ** rng.uniform(a, b)

    return dict(H=rng.choice([1 + 1e-9, 1 + 1e-6, 1.5, 1 + log(0, 6)]),
                L=rng.choice([-1e6, -log(-3, 6), 1 - 1e-9, rng.uniform(-1, 1)]),
                k=log(-12, 6),
                pA=rng.choice([0.0, 1.0, rng.random()]), pB=rng.choice([0.0, 1.0, rng.random()]),
                betaA=rng.choice([0.0, 1.0, rng.random()]), betaB=rng.choice([0.0, 1.0, rng.random()]),
                thetaA=log(-9, 9), thetaB=log(-9, 9))


def main(argv: list[str]) -> int:
    points = int(argv[0]) if argv else 200
    rng = random.Random(int(argv[1]) if len(argv) > 1 else 12)
    failed = n_eq = 0
    for _ in range(points):
        kw = draw(rng)
        try:
            sol = solve(Params(**kw))
        except Exception as exc:  # noqa: BLE001 (the sweep reports every failure)
            print("crash", kw, type(exc).__name__, exc)
            failed += 1
            continue
        n_eq += len(sol.equilibria)
        bad = [(e.key, violations(e)) for e in sol.equilibria if violations(e)]
        if not sol.equilibria or not any(sol.efficient) or bad:
            print("fails", kw, bad[:1] or "no PBE or no PBE-ER")
            failed += 1
    print(f"{points} points, {n_eq} equilibria, {failed} points failing")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
