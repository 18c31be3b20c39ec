"""Parameter values stated in the paper's main text, in one place, and
the maps of its three figures.

Figures 1-3 fix ``H = 1.5, L = -0.1, k = 0.9`` (figure notes).  The notes
do not state the salience ``theta``; the model's default ``theta = 1``
("equally important") is used, and the replication notes show what other
values do.

:func:`figure_base` is the one way to build a figure's base parameters
(with other values replaced); :func:`figure_map` is the one way to
compute a figure's region map under a specification.

Examples
--------
>>> FIGURES[2]["base"].betaB
0.7
>>> round(float(FIGURE_PARAMS.threshold), 10)
0.45
>>> figure_base(2, pA=0.35).pA
0.35
"""

from __future__ import annotations

from functools import lru_cache

from ..analysis.maps import RegionMap, region_map
from ..core.errors import ParameterError
from ..core.model import Params

__all__ = ["FIGURE_PARAMS", "FIGURES", "figure_params", "figure_base", "figure_map"]

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


def _spec(number):
    if number not in FIGURES:
        raise ParameterError(f"figure must be 1, 2 or 3 (got {number!r})")
    return FIGURES[number]


def figure_params(number: int, theta=None) -> dict:
    """Base parameters and axes of Figure ``number`` (1, 2 or 3).

    Parameters
    ----------
    number : int
    theta : float, optional
        Salience for both states (default: the model default, 1).

    Returns
    -------
    dict
        A copy of ``FIGURES[number]`` with ``"base"`` replaced.

    Examples
    --------
    >>> figure_params(3, theta=0.7)["base"].thetaA
    0.7
    """
    spec = dict(_spec(number))
    if theta is not None:
        spec["base"] = spec["base"].replace(thetaA=theta, thetaB=theta)
    return spec


def figure_base(number: int, theta=1.0, **kw) -> Params:
    """Base parameters of Figure ``number`` with salience ``theta`` (both
    states) and any other values replaced.

    Parameters
    ----------
    number : int
        1, 2 or 3.
    theta : float
        Salience of period 2 for both states (the model default, 1).
    **kw
        Other parameter values to replace (``pA=0.3``, ``L=0.05``, ...).

    Returns
    -------
    Params

    Raises
    ------
    ParameterError
        For another figure number or an invalid parameter value.

    Examples
    --------
    >>> figure_base(3, theta=0.7).thetaB, figure_base(3).betaB
    (0.7, 0.7)
    """
    return _spec(number)["base"].replace(thetaA=theta, thetaB=theta, **kw)


@lru_cache(maxsize=256)
def figure_map(number: int, theta=1.0, dominance: str = "weak", offpath: str = "free",
               n=200, restrict_to=None, xlim=(0, 1), ylim=(0, 1), scope: str = "pure",
               **kw) -> RegionMap:
    """Region map of Figure ``number`` under a specification (cached).

    Parameters
    ----------
    number : int
        1, 2 or 3; the axes are the figure's.
    theta : float
        Salience for both states (see :func:`figure_base`).
    dominance : {"weak", "strict", "none", "ex-ante"}
        Refinement (see :mod:`trustgame.core.refinement`).
    offpath : str
        Off-path convention (see :func:`trustgame.analysis.maps.region_map`).
    n : int or (int, int)
        Cells per axis.
    restrict_to : tuple of str, optional
        Names to compare before refining.
    xlim, ylim : tuple
        Axis ranges.
    scope : {"pure", "all"}
        ``"all"`` adds the equilibria with period-1 mixing (slow).
    **kw
        Other parameter values to replace (e.g. ``L=0.05``).

    Every argument must be hashable (tuples, not lists): results are
    cached, so the same map is computed once per session.  The returned
    map is shared between callers; do not modify its arrays.

    Returns
    -------
    RegionMap

    Examples
    --------
    >>> m = figure_map(1, n=40)
    >>> m.x, m.y, m.exists.shape[1:]
    ('pA', 'pB', (40, 40))
    >>> figure_map(1, n=40) is m
    True
    """
    spec = _spec(number)
    base = figure_base(number, theta, **kw)
    return region_map(base, spec["x"], spec["y"], xlim, ylim, n, dominance, offpath=offpath,
                      restrict_to=restrict_to, scope=scope)
