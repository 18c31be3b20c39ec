"""Numerical tolerances, in one place.

Every predicate of the package that compares floating-point numbers takes
``tol=None`` and falls back to :data:`DEFAULT_TOL` through
:func:`resolve_tol`; exact arithmetic (``Params.exact()``) uses ``tol = 0``.
The other constants below name the few tolerances that serve a different
purpose (display, the independent checks, Gambit's residuals); no module
writes a tolerance as a literal.

Examples
--------
>>> resolve_tol(None)
1e-09
>>> resolve_tol(None, exact=True)
0
"""

from __future__ import annotations

from typing import Any

__all__ = ["DEFAULT_TOL", "DISPLAY_TOL", "ZERO_TOL", "RANK_TOL", "PIVOT_TOL", "TINY", "MIX_MARGIN",
           "MIXED_TOL", "REACH_TOL", "CHECK_TOL", "QRE_TOL", "REGRET_TOL", "BISECT_TOL",
           "VERIFY_MARGIN", "PART_TOL", "SCREEN_TOL", "resolve_tol"]

#: Default numerical tolerance for every weak inequality in the package.
#: An incentive constraint ``x >= y`` is accepted when ``x >= y - tol``; a
#: posterior counts as reaching a cooperation threshold when it is within
#: ``tol`` of it.  Exact arithmetic (``Params.exact()``) uses ``tol = 0``.
DEFAULT_TOL = 1e-9

#: A probability within this distance of 0 or 1 is printed as a pure
#: action (strategy tables, the command line's table).
DISPLAY_TOL = 1e-9


#: Below this magnitude a coefficient, pivot or determinant of the
#: semi-separating search's linear algebra counts as zero, and two floats
#: count as equal in an integer-valued or monotonicity comparison.
ZERO_TOL = 1e-12

#: Singular values below this count as zero when the rank of an indifference
#: system is computed.
RANK_TOL = 1e-10

#: A determinant whose magnitude exceeds this makes an indifference system
#: of the semi-separating search solvable by Cramer's rule.
PIVOT_TOL = 1e-9

#: A positive floor for divisors that may be zero (a probability of an
#: action that is never taken).
TINY = 1e-300

#: Period-1 mixing probabilities are kept in ``[MIX_MARGIN, 1 - MIX_MARGIN]``;
#: mixtures closer to a pure action are pure equilibria, found separately.
MIX_MARGIN = 1e-7

#: Tolerance for equilibria with period-1 mixing, whose mixing probabilities
#: solve a linear system numerically: their deviation check, and the test
#: of whether two of them are the same equilibrium.
MIXED_TOL = 1e-6

#: A history is reached (or a probability is positive) in a computed
#: profile when its probability exceeds this.
REACH_TOL = 1e-6

#: The independent deviation check (:func:`trustgame.core.verify.violations`)
#: allows this multiple of the solver's tolerance, so that a payoff gap the
#: solver accepts at exactly its tolerance (H - 1 = 1e-9, say) does not fail
#: the check on the last bit of rounding.
VERIFY_MARGIN = 2.0

#: Shortest part of a family (in its parameter ``t`` in [0, 1]) that the
#: refinement reports as surviving; gaps narrower than this between
#: dominated parts are closed.
PART_TOL = 1e-9

#: Relaxation (relative to the size of the numbers) of a floating-point
#: feasibility test that screens exact vertex enumeration
#: (:func:`trustgame.core.rational.polytope_vertices`): a system that is
#: infeasible even relaxed by this much has no exact solution, so only the
#: others are enumerated in Fractions.
SCREEN_TOL = 1e-6

#: Tolerance of the independent brute-force deviation check, whose grid of
#: deviations is coarser than the solver's closed forms.
CHECK_TOL = 1e-7

#: Largest difference in behaviour at which Gambit's logit quantal-response
#: limit matches a reported equilibrium.
QRE_TOL = 1e-3

#: Gambit's residual regret above which its traced profile did not converge.
REGRET_TOL = 1e-6


#: Width of the bracket at which a bisection stops (the correlation
#: chapter's search for the smallest correlation): a precision of a search,
#: not a comparison tolerance.
BISECT_TOL = 1e-6


def resolve_tol(tol: Any, exact: bool = False):
    """Return ``tol`` or the module default (``0`` in exact mode).

    Examples
    --------
    >>> resolve_tol(1e-6)
    1e-06
    """
    if tol is None:
        return 0 if exact else DEFAULT_TOL
    import math
    from numbers import Real

    from .errors import ParameterError

    if not isinstance(tol, Real) or isinstance(tol, bool):
        raise ParameterError(f"tol must be a real number (got {tol!r})")
    try:
        finite = math.isfinite(float(tol))
    except OverflowError:
        finite = True
    if not finite:
        raise ParameterError(f"tol must be finite (got {tol!r})")
    if tol < 0:
        raise ParameterError(f"tol must be at least 0 (got {tol!r})")
    return tol
