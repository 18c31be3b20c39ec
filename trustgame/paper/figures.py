"""Parameter values stated in the paper's main text, in one place.

Figures 1-3 fix ``H = 1.5, L = -0.1, k = 0.9`` (figure notes).  The notes
do not state the salience ``theta``; the model's default ``theta = 1``
("equally important") is used, and the replication notes show what other
values do.

Examples
--------
>>> FIGURES[2]["base"].betaB
0.7
>>> round(float(FIGURE_PARAMS.threshold), 10)
0.45
"""

from __future__ import annotations

from ..core.model import Params

__all__ = ["FIGURE_PARAMS", "FIGURES", "figure_params"]

#: H, L, k of Figures 1-3 (priors, independence and salience at defaults).
FIGURE_PARAMS = Params(H=1.5, L=-0.1, k=0.9)

#: The three figures: base parameters, axes and the paper's caption.
FIGURES = {
    1: {
        "base": FIGURE_PARAMS.replace(betaA=0.0, betaB=0.0),
        "x": "pA",
        "y": "pB",
        "title": "Figure 1: equilibria that survive refinement in the standard game",
        "paper_names": ("trust-building", "suckers", "tragic"),
    },
    2: {
        "base": FIGURE_PARAMS.replace(betaA=0.6, betaB=0.7),
        "x": "pA",
        "y": "pB",
        "title": "Figure 2: PBE-ER with two-sided independence",
        "paper_names": ("trust-building", "suckers", "mixed-trust-building", "semi-tragic"),
    },
    3: {
        "base": FIGURE_PARAMS.replace(betaB=0.7, pA=0.5),
        "x": "betaA",
        "y": "pB",
        "title": "Figure 3: PBE-ER as A's independence varies",
        "paper_names": ("trust-building", "mixed-trust-building", "suckers",
                        "asymmetric-trust-building[B]", "asymmetric-semi-tragic[B]"),
    },
}


def figure_params(number: int, theta=None) -> dict:
    """Base parameters and axes of Figure ``number`` (1, 2 or 3).

    Parameters
    ----------
    number : int
    theta : float, optional
        Salience for both states (default: the model default, 1).
    """
    if number not in FIGURES:
        raise ValueError(f"figure must be 1, 2 or 3 (got {number!r})")
    spec = dict(FIGURES[number])
    if theta is not None:
        spec["base"] = spec["base"].replace(thetaA=theta, thetaB=theta)
    return spec
