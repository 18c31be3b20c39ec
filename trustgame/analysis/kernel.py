"""The map kernel: every class of pure period-1 PBE evaluated at any array
of parameter points, with the refinement.

One function, :func:`evaluate_classes`, serves the region maps
(:func:`trustgame.analysis.maps.region_map`, points on a grid), the case
boxes (points drawn in a box) and the ex-ante map (``dominance="ex-ante"``).
It evaluates the closed-form existence condition of each of the 48
classes (:func:`trustgame.analysis.conditions.compile_class`) with numpy
broadcasting, then applies :func:`trustgame.core.refinement.refine_arrays`
to the classes' interim payoffs.  A parameter given as a number, or as an
array that varies along one axis only, is used as given, so a condition
that depends on one axis of a grid is computed once per row or column.

The scope is the PBE with pure period-1 play, and the priors must lie
strictly between 0 and 1 (the class description assumes both types
occur); the caller checks the parameter values.

Examples
--------
>>> import numpy as np
>>> names, exists, efficient = evaluate_classes(dict(
...     H=1.5, L=-0.1, k=0.9, pA=np.array([0.2, 0.35]), pB=np.array([0.2, 0.35]),
...     betaA=0.0, betaB=0.0, thetaA=1.0, thetaB=1.0))
>>> exists.shape
(48, 2)
>>> [[n for c, n in enumerate(names) if efficient[c, i]] for i in range(2)]
[['tragic'], ['trust-building']]
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..core.naming import class_key
from ..core.refinement import check_dominance, refine_arrays
from ..core.tolerances import resolve_tol
from .conditions import CLASSES, SYMBOLS, compile_class

__all__ = ["ClassArrays", "class_arrays", "evaluate_classes", "exante_priors"]


@dataclass(frozen=True)
class ClassArrays:
    """Existence of each class at an array of points, before refinement.

    Attributes
    ----------
    names : tuple of str
        Class keys (``name[leader]`` for asymmetric ones), in the order of
        :data:`trustgame.core.naming.CLASSES`.
    exists : numpy.ndarray of bool
        ``exists[c, ...]``: class ``names[c]`` is a PBE at each point.
    pays : list of dict
        For each class, ``{(state, type): f}``; ``f(*args)`` is that
        type's interim payoff at the points.
    args : tuple
        The parameter values in the order of
        :data:`trustgame.analysis.conditions.SYMBOLS`, as given.
    shape : tuple
        Broadcast shape of the points.
    """

    names: tuple
    exists: np.ndarray
    pays: list
    args: tuple
    shape: tuple


def class_arrays(values: dict, tol=None, offpath: str = "free",
                 restrict_to=None) -> ClassArrays:
    """Existence of every class at the points, without the refinement.

    Parameters are those of :func:`evaluate_classes` (less ``dominance``).

    Returns
    -------
    ClassArrays

    Examples
    --------
    >>> ca = class_arrays(dict(H=1.5, L=-0.1, k=0.9, pA=0.35, pB=0.35, betaA=0.0,
    ...                        betaB=0.0, thetaA=1.0, thetaB=1.0))
    >>> [n for n, e in zip(ca.names, ca.exists) if e]
    ['trust-building', 'tragic']
    """
    tol = resolve_tol(tol)
    args = tuple(values[name] for name in SYMBOLS)
    shape = tuple(np.broadcast_shapes(*(np.shape(a) for a in args)))
    keep = None if restrict_to is None else set(restrict_to)
    names, exists, pays = [], [], []
    for key in CLASSES:
        name = class_key(key)
        if keep is not None and name not in keep:
            continue
        cond, payfns = compile_class(key, offpath)
        names.append(name)
        exists.append(np.broadcast_to(cond(args, tol), shape))
        pays.append(payfns)
    exists = np.array(exists, dtype=bool).reshape((len(names),) + shape)
    return ClassArrays(tuple(names), exists, pays, args, shape)


def exante_priors(values: dict) -> dict:
    """Each type's prior, ``{(state, type): prior}``, the weights of the
    ex-ante refinement (security-seekers ``pA``, ``pB``; greedy types
    ``1 - pA``, ``1 - pB``).

    Examples
    --------
    >>> exante_priors(dict(pA=0.25, pB=0.5))[("A", "greedy")]
    0.75
    """
    out = {}
    for state in ("A", "B"):
        p = values[f"p{state}"]
        out[(state, "security")] = p
        out[(state, "greedy")] = 1 - p
    return out


def evaluate_classes(values: dict, dominance: str = "weak", tol=None, offpath: str = "free",
                     restrict_to=None) -> tuple:
    """Which classes of pure period-1 PBE exist, and which survive the
    refinement, at each point.

    Parameters
    ----------
    values : dict
        Each of ``H, L, k, pA, pB, betaA, betaB, thetaA, thetaB`` (the keys
        of :data:`trustgame.analysis.conditions.SYMBOLS`) -> a number or a
        numpy array of floats.  Arrays of any shapes that broadcast
        together (e.g. a row ``(1, nx)`` and a column ``(ny, 1)`` for a
        grid, or 1-d arrays of equal length for a cloud of points); the
        result has their broadcast shape.  Values are used as given (not
        copied or converted), and are not validated.
    dominance : {"weak", "strict", "none", "ex-ante"}
        Refinement (see :mod:`trustgame.core.refinement`).
    tol : float, optional
        Tolerance for weak inequalities and payoff ties (default
        :data:`trustgame.core.tolerances.DEFAULT_TOL`).
    offpath : str
        Off-path convention (see
        :func:`trustgame.analysis.conditions.class_info`).
    restrict_to : iterable of str, optional
        Keep only these class names before refining.

    Returns
    -------
    names : tuple of str
        Class names (``name[leader]`` for asymmetric ones, descriptive
        ``"pattern_A/pattern_B:regime"`` for unnamed classes).
    exists, efficient : numpy.ndarray of bool
        Shape ``(len(names),) + shape``: ``exists[c, ...]`` class ``c`` is
        a PBE at each point, ``efficient[c, ...]`` it also survives the
        refinement.

    Raises
    ------
    ParameterError
        For an unknown ``dominance``.
    """
    check_dominance(dominance)
    tol = resolve_tol(tol)
    ca = class_arrays(values, tol, offpath, restrict_to)
    priors = exante_priors(values) if dominance == "ex-ante" else None
    efficient = refine_arrays(ca.exists, ca.pays, ca.args, ca.shape, dominance, tol, priors)
    return ca.names, ca.exists, efficient
