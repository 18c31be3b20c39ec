"""The replication audit: the paper's formal claims, one check each, verdicts.

The registry ``data/claims.yml`` lists every formal claim of the main text
of Goldfien, Joseph and McManus (2026): an id, the section it comes from, a
paraphrase in our words (or a short quote), the name of the check in
:data:`CHECKS` and the verdict we recorded.  Each check evaluates its claim
with the solver at stated parameter points or over a stated grid and
returns a :class:`Verdict`:

``reproduced``
    the claim holds under the main-text specification;
``not reproduced``
    it fails, with a :class:`Witness` (a parameter point, the equilibria
    found there with their payoffs, and the violated condition);
``reproduced only under``
    it fails under the main-text specification but holds under a stated
    alternative assumption (:attr:`Verdict.alternative`).

The *main-text specification* is the one the figure notes state (``H =
1.5, L = -0.1, k = 0.9``) plus the choices the main text leaves open, set
as the solver's defaults: salience ``theta = 1``, weak Pareto dominance
judged type by type (interim), free off-path beliefs (the definition of a
PBE), and PBE with pure period-1 play (the scope of every equilibrium the
paper names).  The alternatives searched are the ones the replication-notes
chapter discusses: strict dominance, an *ex-ante* reading of the
refinement (:func:`exante_efficient`, :func:`exante_map`), other salience
values, the off-path conventions of :mod:`trustgame.core.equilibria`, comparing
only the paper's named equilibria, the scope with period-1 mixing, and
another sign of ``L``.

``tests/test_claims.py`` runs every check and fails when a verdict differs
from the recorded one.

Examples
--------
>>> v = run_check("threshold_value")
>>> v.status
'reproduced'
>>> v.numbers["threshold"]
0.45
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from fractions import Fraction
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

import numpy as np
import sympy as sp
import yaml

from ..analysis.conditions import CLASSES, SYMBOLS, class_info, compile_class, evaluate
from ..analysis.maps import RegionMap, axis_parameters, grid_args, refine_arrays, region_map
from ..core.model import C, D, Params, independence_threshold, period2_payoff, stage_payoff
from ..paper.figures import FIGURE_PARAMS, FIGURES
from ..core.errors import ClaimsError
from ..core.refinement import dominates
from ..core.solution import Solution, solve

__all__ = [
    "STATUSES",
    "REPRODUCED",
    "NOT_REPRODUCED",
    "ONLY_UNDER",
    "Witness",
    "Verdict",
    "Claim",
    "ClaimsError",
    "CHECKS",
    "CLAIMS_FILE",
    "load_claims",
    "run_check",
    "run_all",
    "exante_vector",
    "class_info_of",
    "tragic_break_even",
    "qre_match",
    "verdict_frame",
    "witness_frame",
    "exante_efficient",
    "exante_map",
    "failing_conditions",
    "payoff_gap",
    "figure_base",
    "figure_map",
    "theta_bounds_fig3",
    "theta_scan_fig3",
    "full_scope_solution",
    "full_scope_map",
    "alternative_table",
    "mark_multiple",
    "SYMMETRIC_NAMES",
    "VERIFICATION_SAMPLES",
    "TRUST_BUILDING_NAMES",
]

REPRODUCED = "reproduced"
NOT_REPRODUCED = "not reproduced"
ONLY_UNDER = "reproduced only under"
#: The three verdicts.
STATUSES = (REPRODUCED, NOT_REPRODUCED, ONLY_UNDER)

#: Where the registry lives (built from this file's location).
CLAIMS_FILE = Path(__file__).resolve().parents[2] / "data" / "claims.yml"

#: The paper's symmetric equilibria (Figures 1 and 2).
SYMMETRIC_NAMES = ("trust-building", "suckers", "tragic", "mixed-trust-building", "semi-tragic")
#: Equilibria in which a security-seeker conditions period-2 cooperation on
#: what it learned in period 1 (the paper's "trust-building" family).
TRUST_BUILDING_NAMES = ("trust-building", "mixed-trust-building",
                        "asymmetric-trust-building[A]", "asymmetric-trust-building[B]")

_GRID = 200          # cells per axis of the audit's maps

#: Sample sizes of the independent verification in the test suite
#: (``tests/test_bruteforce.py`` and ``tests/test_gambit_audit.py``), kept
#: here so that the book can cite them.
VERIFICATION_SAMPLES = {"bruteforce_random": 1000, "bruteforce_grid": 16, "gambit_pure": 200,
                        "gambit_semi_separating": 30, "gambit_qre": 20}
_TOL = 1e-9
_TYPES = (("A", "security"), ("A", "greedy"), ("B", "security"), ("B", "greedy"))


# ---------------------------------------------------------------------------
# Verdicts and the registry
# ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Witness:
    """Evidence that a claim fails at one parameter point.

    Attributes
    ----------
    params : dict
        The parameter point.
    equilibria : tuple of dict
        Every equilibrium found there: ``name``, ``efficient`` and
        ``payoffs`` (``"A/security"`` etc. to float).
    violated : str
        The statement that fails, in words.
    condition : sympy expression or None
        The violated condition as an expression that the claim needs to be
        non-negative (derived from :mod:`trustgame.analysis.conditions`).
    value : float or None
        Its value at the point.
    scope : str
        ``"pure"`` or ``"all"`` (with period-1 mixing).
    """

    params: dict
    equilibria: tuple
    violated: str
    condition: Any = None
    value: float | None = None
    scope: str = "pure"


@dataclass(frozen=True)
class Verdict:
    """The outcome of one check.

    Attributes
    ----------
    status : str
        One of :data:`STATUSES`.
    evidence : str
        What was computed, in a few sentences with the numbers.
    witness : Witness or None
        For a claim that fails under the main-text specification.
    alternative : str or None
        The assumption under which the claim is reproduced (for
        ``"reproduced only under"``), or the closest alternative found.
    numbers : dict
        Key numbers, for the book to glue.
    """

    status: str
    evidence: str
    witness: Witness | None = None
    alternative: str | None = None
    numbers: dict = field(default_factory=dict)

    def __post_init__(self):
        if self.status not in STATUSES:
            raise ValueError(f"status must be one of {', '.join(STATUSES)} (got {self.status!r})")


@dataclass(frozen=True)
class Claim:
    """One row of ``data/claims.yml``.

    Attributes
    ----------
    id, section, claim, check, verdict : str
    quote : str or None
        A short quotation of the paper, when the paraphrase is not enough.
    row : int
        1-based position in the file.
    """

    id: str
    section: str
    claim: str
    check: str
    verdict: str
    quote: str | None = None
    row: int = 0


_FIELDS = ("id", "section", "claim", "check", "verdict")


def load_claims(path=None) -> list[Claim]:
    """Read and validate the claims registry.

    Parameters
    ----------
    path : path-like, optional
        Default :data:`CLAIMS_FILE`.

    Returns
    -------
    list of Claim

    Raises
    ------
    ClaimsError
        When the file is not a list of mappings, a field is missing or
        empty, an id repeats, the check is unknown or the verdict is not one
        of :data:`STATUSES`; the message names the file, the row and the
        rule.

    Examples
    --------
    >>> claims = load_claims()
    >>> claims[0].id
    'threshold-definition'
    """
    path = Path(path) if path is not None else CLAIMS_FILE
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as err:
        raise ClaimsError(f"{path}: not valid YAML ({err})") from err
    if not isinstance(data, list):
        raise ClaimsError(f"{path}: the registry must be a list of claims")
    out, seen = [], set()
    for i, row in enumerate(data, start=1):
        where = f"{path}, claim {i}"
        if not isinstance(row, dict):
            raise ClaimsError(f"{where}: each claim must be a mapping")
        for f in _FIELDS:
            if not isinstance(row.get(f), str) or not row[f].strip():
                raise ClaimsError(f"{where}: field {f!r} is required and must be a "
                                  "non-empty string")
        unknown = set(row) - set(_FIELDS) - {"quote"}
        if unknown:
            raise ClaimsError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
        if row["id"] in seen:
            raise ClaimsError(f"{where}: id {row['id']!r} repeats an earlier claim")
        seen.add(row["id"])
        if row["check"] not in CHECKS:
            raise ClaimsError(f"{where}: check {row['check']!r} is not in trustgame.audit.CHECKS")
        if row["verdict"] not in STATUSES:
            raise ClaimsError(f"{where}: verdict must be one of {', '.join(STATUSES)} "
                              f"(got {row['verdict']!r})")
        out.append(Claim(row["id"].strip(), row["section"].strip(), " ".join(row["claim"].split()),
                         row["check"].strip(), row["verdict"].strip(),
                         " ".join(row["quote"].split()) if row.get("quote") else None, i))
    return out


#: Check name -> function returning a :class:`Verdict`.
CHECKS: dict[str, Callable[[], Verdict]] = {}


def _check(name):
    def deco(fn):
        CHECKS[name] = fn
        return fn
    return deco


@lru_cache(maxsize=None)
def run_check(name: str) -> Verdict:
    """Run one check (cached: a check runs once per process).

    Raises
    ------
    KeyError
        If ``name`` is not a registered check.
    """
    if name not in CHECKS:
        raise KeyError(f"no audit check named {name!r}")
    return CHECKS[name]()


def run_all(claims=None) -> list[tuple[Claim, Verdict]]:
    """Every claim with its verdict, in registry order."""
    claims = load_claims() if claims is None else claims
    return [(c, run_check(c.check)) for c in claims]


# ---------------------------------------------------------------------------
# Helpers: figures, maps, solutions, witnesses
# ---------------------------------------------------------------------------

def figure_base(number: int, theta=1.0, **kw) -> Params:
    """Base parameters of Figure ``number`` with salience ``theta`` (both
    states) and any other values replaced.

    Examples
    --------
    >>> figure_base(3, theta=0.7).thetaB, figure_base(3).betaB
    (0.7, 0.7)
    """
    return FIGURES[number]["base"].replace(thetaA=theta, thetaB=theta, **kw)


@lru_cache(maxsize=256)
def figure_map(number: int, theta=1.0, dominance: str = "weak", offpath: str = "free",
               n: int = _GRID, restrict_to=None, ylim=(0, 1), xlim=(0, 1), **kw) -> RegionMap:
    """Region map of Figure ``number`` under a specification (cached).

    ``dominance`` may also be ``"ex-ante"`` (:func:`exante_map`);
    ``restrict`` is a tuple of names to compare (``restrict_to``); extra
    keywords replace base parameters (e.g. ``L=0.05``).
    """
    spec = FIGURES[number]
    base = figure_base(number, theta, **kw)
    if dominance == "ex-ante":
        return exante_map(base, spec["x"], spec["y"], xlim, ylim, n, offpath=offpath,
                          restrict_to=restrict_to)
    return region_map(base, spec["x"], spec["y"], xlim, ylim, n, dominance, offpath=offpath,
                      restrict_to=restrict_to)


@lru_cache(maxsize=256)
def _solve(p: Params, scope: str = "pure", dominance: str = "weak") -> Solution:
    return solve(p, dominance=dominance, scope=scope)


def full_scope_solution(p: Params, dominance: str = "weak") -> Solution:
    """All PBE at ``p`` including period-1 mixing (cached; ~1-4 s)."""
    return _solve(p, "all", dominance)


def _params_dict(p: Params) -> dict:
    return {k: round(v, 6) for k, v in p.as_dict().items()}


def _eq_rows(sol: Solution, efficient=None) -> tuple:
    eff = sol.efficient if efficient is None else efficient
    rows = []
    for e, f in zip(sol.equilibria, eff):
        rows.append({"name": e.key, "efficient": bool(f),
                     "payoffs": {f"{s}/{t}": round(float(e.payoff(s, t)), 6) for s, t in _TYPES}})
    return tuple(rows)


def _witness(p: Params, violated: str, condition=None, semi=False, exante=False) -> Witness:
    sol = _solve(p, "all" if semi else "pure")
    eff = exante_efficient(sol) if exante else None
    value = None
    if condition is not None:
        value = float(_value(condition, p))
    return Witness(_params_dict(p), _eq_rows(sol, eff), violated, condition, value,
                   "all" if semi else "pure")


def _value(expr, p: Params):
    subs = {SYMBOLS[k]: v for k, v in p.as_dict().items()}
    return float(sp.sympify(expr).subs(subs))


def _first_cell(mask):
    idx = np.argwhere(mask)
    return None if len(idx) == 0 else tuple(int(v) for v in idx[len(idx) // 2])


def _multi_cells(m: RegionMap):
    return m.count() > 1


def exante_vector(eq) -> tuple:
    """Each state's expected payoff before it learns its type: ``(UA, UB)``
    with ``UA = pA * uA(security) + (1 - pA) * uA(greedy)``.

    Examples
    --------
    >>> sol = solve(Params(pA=0.35, pB=0.35), scope="pure")
    >>> [round(v, 4) for v in exante_vector(sol.by_name("trust-building"))]
    [0.3815, 0.3815]
    """
    out = []
    for s in (0, 1):
        ts = eq.game.types[s]
        out.append(float(sum(t.prior * u for t, u in zip(ts, eq.payoffs[s]))))
    return tuple(out)


def exante_efficient(sol: Solution, tol=_TOL) -> list[bool]:
    """The ex-ante reading of the refinement: drop an equilibrium when
    another gives *each state* at least as much expected payoff before it
    learns its type, and one state more (weak Pareto on ``(UA, UB)``)."""
    vecs = [exante_vector(e) for e in sol.equilibria]
    return [not any(dominates(w, v, "weak", tol) for j, w in enumerate(vecs) if j != i)
            for i, v in enumerate(vecs)]


def _class_keys(offpath="free"):
    return {class_info(*k, offpath).name: k for k in CLASSES}


def class_info_of(name: str, offpath: str = "free"):
    """The :class:`trustgame.analysis.conditions.ClassInfo` of an equilibrium given
    by name (``name[leader]`` for asymmetric ones, or a descriptive name).

    Examples
    --------
    >>> class_info_of("asymmetric-trust-building[B]").key
    ('pool-D', 'separating', 'CC')
    """
    return class_info(*_class_keys(offpath)[name], offpath)


def exante_map(base: Params, x: str = "pA", y: str = "pB", xlim=(0, 1), ylim=(0, 1),
               n=_GRID, tol=_TOL, offpath: str = "free", restrict_to=None) -> RegionMap:
    """A region map refined by the ex-ante reading (see
    :func:`exante_efficient`), from the same closed forms as
    :func:`trustgame.analysis.maps.region_map`.

    Examples
    --------
    >>> m = exante_map(Params(), n=40)
    >>> int(m.count().max())
    1
    """
    m = region_map(base, x, y, xlim, ylim, n, "none", tol, offpath, restrict_to)
    args = grid_args(base, x, y, m.xs, m.ys)
    shape = (len(m.ys), len(m.xs))
    pA = np.broadcast_to(np.asarray(args[3], dtype=float), shape)
    pB = np.broadcast_to(np.asarray(args[4], dtype=float), shape)
    keys = _class_keys(offpath)

    def exante_payoff(pay, state, p):
        # evaluated only for classes that exist somewhere (refine_arrays)
        return lambda *a: (p * pay[(state, "security")](*a)
                           + (1 - p) * pay[(state, "greedy")](*a))

    exante = []
    for name in m.names:
        _, pay = compile_class(keys[name], offpath)
        exante.append({"A": exante_payoff(pay, "A", pA), "B": exante_payoff(pay, "B", pB)})
    eff = refine_arrays(m.exists, exante, args, shape, "weak", tol)
    return RegionMap(m.base, m.x, m.y, m.xs, m.ys, m.names, m.exists, eff, "ex-ante",
                     "pure", offpath)


def failing_conditions(name: str, p: Params, offpath: str = "free") -> list[tuple]:
    """The existence conditions of a class that fail at ``p``.

    Returns
    -------
    list of (label, condition, holds)
        ``label`` is ``"beliefs"`` or ``"(state, type)"``; only failing
        ones are returned.

    Examples
    --------
    >>> [lab for lab, _, _ in failing_conditions("trust-building", Params(pA=0.1, pB=0.1))]
    ["('A', 'security')", "('B', 'security')"]
    """
    info = class_info(*_class_keys(offpath)[name], offpath)
    vals = {k: v for k, v in p.as_dict().items()}
    out = []
    if not bool(evaluate(info.beliefs, **vals)):
        out.append(("beliefs", info.beliefs, False))
    for kt, cond in info.incentives.items():
        if not bool(evaluate(cond, **vals)):
            out.append((str(kt), cond, False))
    return out


def payoff_gap(name1: str, name2: str, state: str, type_name: str):
    """Symbolic payoff of one type in ``name1`` minus its payoff in
    ``name2`` (simplified), from :mod:`trustgame.analysis.conditions`.

    Examples
    --------
    >>> payoff_gap("mixed-trust-building", "semi-tragic", "A", "greedy")
    0
    """
    keys = _class_keys()
    a = class_info(*keys[name1]).payoffs[(state, type_name)]
    b = class_info(*keys[name2]).payoffs[(state, type_name)]
    return sp.factor(sp.simplify(a - b))


def _cell_witness(m: RegionMap, cell, violated, condition=None, exante=False) -> Witness:
    return _witness(m.params_at(*cell), violated, condition, exante=exante)


def _unique(m: RegionMap) -> bool:
    return bool((m.count() == 1).all())


# ---------------------------------------------------------------------------
# Closed-form quantities used by several checks
# ---------------------------------------------------------------------------

_H, _L, _k = SYMBOLS["H"], SYMBOLS["L"], SYMBOLS["k"]
_pA, _pB = SYMBOLS["pA"], SYMBOLS["pB"]
_bA, _bB = SYMBOLS["betaA"], SYMBOLS["betaB"]
_tA, _tB = SYMBOLS["thetaA"], SYMBOLS["thetaB"]


def _lhs(cond):
    """Left-hand side of a single ``expr >= 0`` condition."""
    return cond.lhs - cond.rhs


def _fig_subs(number, **kw):
    p = figure_base(number, **kw).exact()
    return {SYMBOLS[k]: getattr(p, k) for k in SYMBOLS}


@lru_cache(maxsize=None)
def theta_bounds_fig3() -> dict:
    """Salience bounds for the paper's named equilibria in Figure 3.

    With ``pA = 1/2`` and ``betaB = 7/10`` fixed, greedy B's period-1
    incentive constraint in trust-building and in asymmetric
    trust-building (B leads) each cap the salience ``theta`` (both states'
    salience equal).  Solved exactly with sympy from
    :mod:`trustgame.analysis.conditions`.

    Returns
    -------
    dict
        ``{"trust-building": Fraction, "asymmetric-trust-building[B]": Fraction}``

    Examples
    --------
    >>> {k: round(float(v), 4) for k, v in theta_bounds_fig3().items()}
    {'trust-building': 0.7467, 'asymmetric-trust-building[B]': 0.8267}
    """
    th = sp.Symbol("theta", positive=True)
    subs = {k: v for k, v in _fig_subs(3).items() if k not in (_tA, _tB, _bA, _pB)}
    out = {}
    for name in ("trust-building", "asymmetric-trust-building[B]"):
        cond = class_info(*_class_keys()[name]).incentives[("B", "greedy")]
        expr = sp.expand(_lhs(cond).subs(subs).subs({_tA: th, _tB: th}))
        assert not (expr.free_symbols - {th}), expr
        root = sp.solve(sp.Eq(expr, 0), th)
        out[name] = Fraction(str(sp.nsimplify(root[0])))
    return out


# ---------------------------------------------------------------------------
# Checks: the independence threshold
# ---------------------------------------------------------------------------

@_check("threshold_definition")
def _threshold_definition() -> Verdict:
    """Result 1b and footnote 22: the threshold is where a security-seeker
    who expects defection is indifferent between C and D in period 1."""
    beta = sp.Symbol("beta", nonnegative=True)
    gain = sp.expand(stage_payoff(C, D, _L, beta, _k) - stage_payoff(D, D, _L, beta, _k))
    root = sp.solve(sp.Eq(gain, 0), beta)
    ok = len(root) == 1 and sp.simplify(root[0] - independence_threshold(_L, _k)) == 0
    slope = sp.diff(gain, beta)
    m, kp = sp.symbols("m k_p", positive=True)  # 1 - L > 0, k > 0
    ok_slope = bool(sp.simplify(slope.subs({_L: 1 - m, _k: kp})).is_positive)
    status = REPRODUCED if ok and ok_slope else NOT_REPRODUCED
    return Verdict(status,
                   f"Cooperating against certain defection pays {sp.sstr(gain)} more than "
                   f"defecting; this is zero at beta = {sp.sstr(root[0])} and increasing in beta "
                   f"(slope {sp.sstr(slope)} > 0 because L < 1).",
                   numbers={"gain": sp.latex(gain), "root": sp.latex(root[0]),
                            "slope": sp.latex(slope)})


@_check("threshold_value")
def _threshold_value() -> Verdict:
    """Figure notes: at H = 1.5, L = -0.1, k = 0.9 the threshold is 0.45,
    below beta_A = 0.6 and beta_B = 0.7 of Figure 2."""
    t = independence_threshold(Fraction(-1, 10), Fraction(9, 10))
    b2 = figure_base(2).exact()
    ok = t == Fraction(9, 20) and b2.betaA > t and b2.betaB > t
    return Verdict(REPRODUCED if ok else NOT_REPRODUCED,
                   f"k / (1 + k - L) = {t} exactly; Figure 2 uses beta_A = {float(b2.betaA)} and "
                   f"beta_B = {float(b2.betaB)}, both above it.",
                   numbers={"threshold": float(t)})


@_check("threshold_fig3")
def _threshold_fig3() -> Verdict:
    """Figure 3 text: A reaches the threshold at beta_A = 0.45."""
    p = figure_base(3).exact()
    t = independence_threshold(p.L, p.k)

    def gain(b):
        return stage_payoff(C, D, p.L, b, p.k) - stage_payoff(D, D, p.L, b, p.k)

    eps = Fraction(1, 10**6)
    ok = t == Fraction(9, 20) and gain(t) == 0 and gain(t - eps) < 0 < gain(t + eps)
    return Verdict(REPRODUCED if ok else NOT_REPRODUCED,
                   f"With Figure 3's H, L, k, A's security-seeker facing certain defection gains "
                   f"{float(gain(t + eps)):.2e} from C at beta_A = 0.45 + 1e-6, loses "
                   f"{float(-gain(t - eps)):.2e} at 0.45 - 1e-6 and is exactly indifferent at "
                   f"beta_A = {t} (exact arithmetic).",
                   numbers={"threshold": float(t)})


@_check("threshold_comparative_statics")
def _threshold_comparative_statics() -> Verdict:
    """'The threshold is decreasing in ... k and ... L.'"""
    t = independence_threshold(_L, _k)
    m, kp = sp.symbols("m k_p", positive=True)
    pos = {_L: 1 - m, _k: kp}
    dk, dL = sp.factor(sp.diff(t, _k)), sp.factor(sp.diff(t, _L))
    sign = {n: sp.simplify(d.subs(pos)).is_positive for n, d in (("k", dk), ("L", dL))}
    dep = 1 - t
    ddk, ddL = sp.factor(sp.diff(dep, _k)), sp.factor(sp.diff(dep, _L))
    dep_neg = all(sp.simplify(d.subs(pos)).is_negative for d in (ddk, ddL))
    f = lambda L_, k_: float(independence_threshold(L_, k_))  # noqa: E731
    nums = {"dt_dk": sp.latex(dk), "dt_dL": sp.latex(dL), "t_base": f(-0.1, 0.9),
            "t_k1": f(-0.1, 1.0), "t_L0": f(0.0, 0.9), "dep_dk": sp.latex(ddk),
            "dep_dL": sp.latex(ddL)}
    w = Witness(_params_dict(FIGURE_PARAMS), (), "dt/dk <= 0 and dt/dL <= 0",
                dk, float(dk.subs({_L: -0.1, _k: 0.9})))
    if not (sign["k"] and sign["L"]):
        return Verdict(REPRODUCED, "The derivatives are not both positive.", numbers=nums)
    status = ONLY_UNDER if dep_neg else NOT_REPRODUCED
    return Verdict(status,
                   f"dt/dk = {sp.sstr(dk)} and dt/dL = {sp.sstr(dL)} are both positive (k > 0, "
                   f"L < 1): the threshold rises with k and with L (0.9 -> 1.0 moves it from "
                   f"{nums['t_base']:.4f} to {nums['t_k1']:.4f}; L from -0.1 to 0 moves it to "
                   f"{nums['t_L0']:.4f}). The dependence a security-seeker can tolerate, "
                   f"1 - t = {sp.sstr(sp.simplify(dep))}, does fall in both.",
                   w, "reading the threshold as the largest tolerable dependence 1 - beta",
                   nums)


# ---------------------------------------------------------------------------
# Checks: the baseline model (Figure 1)
# ---------------------------------------------------------------------------

def _tb_lower_bound_formula():
    """Security A's trust-building constraint at beta_A = 0, solved for p_B."""
    cond = class_info(*_class_keys()["trust-building"]).incentives[("A", "security")]
    expr = _lhs(cond).subs(_bA, 0)
    return sp.simplify(sp.solve(sp.Eq(expr, 0), _pB)[0])


@_check("fig1_tb_lower_bound")
def _fig1_tb_lower_bound() -> Verdict:
    """Figure 1: a minimal level of trust is needed for trust-building."""
    bound = _tb_lower_bound_formula()
    p1 = figure_base(1).exact()
    b = Fraction(str(sp.nsimplify(bound.subs({_L: p1.L, _k: p1.k, _tA: 1}))))
    m = figure_map(1, dominance="none")
    tb = m.mask("trust-building", efficient=False)
    lo = np.minimum(m.ys[:, None], m.xs[None, :])
    below = tb & (lo < float(b))
    at = solve(p1.replace(pA=b, pB=b), scope="pure").has("trust-building")
    under = solve(p1.replace(pA=b, pB=b - Fraction(1, 10**6)),
                  scope="pure").has("trust-building")
    ok = (not below.any()) and tb.any() and at and not under
    return Verdict(REPRODUCED if ok else NOT_REPRODUCED,
                   f"Trust-building needs p_A, p_B >= {sp.sstr(bound)} = {float(b):.3f} at "
                   f"theta = 1; on the {m.xs.size}x{m.ys.size} grid no cell below it has "
                   f"trust-building, and exactly at the bound it exists while 1e-6 below it "
                   f"does not (exact arithmetic).",
                   numbers={"bound": float(b), "bound_expr": sp.latex(bound)})


@_check("fig1_lower_bound_refinement")
def _fig1_lower_bound_refinement() -> Verdict:
    """Figure 1: the lower bound of trust-building is not a function of
    the refinement."""
    res = {}
    for dom in ("none", "weak", "strict"):
        m = figure_map(1, dominance=dom)
        tb = m.mask("trust-building", efficient=(dom != "none"))
        res[dom] = (float(m.ys[tb.any(axis=1)].min()), float(m.xs[tb.any(axis=0)].min()))
    ok = len(set(res.values())) == 1
    return Verdict(REPRODUCED if ok else NOT_REPRODUCED,
                   "Lowest p_B and p_A at which trust-building appears, without refinement, "
                   "under weak and under strict dominance: "
                   + "; ".join(f"{k}: {v[0]:.4f}, {v[1]:.4f}" for k, v in res.items()) + ".",
                   numbers={"lowest": res["none"][0]})


_LOW_TRUST_POINTS = ((0.1, 0.1), (0.2, 0.9))


@_check("fig1_low_trust_tragic")
def _fig1_low_trust_tragic() -> Verdict:
    """Figure 1 text: with low initial trust no PBE has period-1
    cooperation; the unique PBE is mutual defection."""
    bound = run_check("fig1_tb_lower_bound").numbers["bound"]
    m = figure_map(1, dominance="none")
    low = np.minimum(m.ys[:, None], m.xs[None, :]) < bound
    other = (m.exists.sum(axis=0) > 1) | ~m.mask("tragic", efficient=False)
    pure_ok = not (low & other).any()
    wit = None
    for pa, pb in _LOW_TRUST_POINTS:
        p = figure_base(1, pA=pa, pB=pb)
        sol = full_scope_solution(p)
        coop = [e for e in sol.equilibria if any(x > 0 for xs in e.period1 for x in xs)]
        if coop:
            e = coop[0]
            wit = _witness(p, f"a PBE in which some type cooperates in period 1 exists at "
                              f"min(p_A, p_B) = {min(pa, pb)} < {bound:.2f}: {e.key}",
                           semi=True)
            break
    nums = {"bound": bound, "points": len(_LOW_TRUST_POINTS)}
    if pure_ok and wit is None:
        return Verdict(REPRODUCED, "Only the tragic equilibrium exists below the bound, in "
                       "both scopes.", numbers=nums)
    if pure_ok:
        nums["witness"] = wit.params
        return Verdict(ONLY_UNDER,
                       f"Among PBE with pure period-1 play, every cell of Figure 1 with "
                       f"min(p_A, p_B) < {bound:.2f} has the tragic equilibrium and nothing "
                       f"else. With period-1 mixing, at p_A = {wit.params['pA']}, p_B = "
                       f"{wit.params['pB']} there are PBE in which security-seekers cooperate "
                       f"in period 1 and greedy types mix (checked by trustgame.core.verify and "
                       f"Gambit in the tests).",
                       wit, "PBE with pure period-1 play (the scope of the named equilibria)",
                       nums)
    cell = _first_cell(low & other)
    return Verdict(NOT_REPRODUCED, "Another pure PBE exists at low trust.",
                   _cell_witness(m, cell, "only tragic at low trust"), numbers=nums)


def _sliver_condition():
    """Security A's trust-building payoff minus its tragic payoff (0)."""
    return class_info(*_class_keys()["trust-building"]).payoffs[("A", "security")]


@_check("fig1_unique")
def _fig1_unique() -> Verdict:
    """Figure 1 note: the plotted equilibria uniquely survive the
    refinement in their ranges."""
    m = figure_map(1)
    multi = _multi_cells(m)
    if not multi.any():
        return Verdict(REPRODUCED, "One PBE-ER in every cell.")
    cell = _first_cell(multi)
    cond = _sliver_condition()
    wit = _cell_witness(m, cell, "the security-seeker's trust-building payoff is at least its "
                                 "tragic payoff (0), so that trust-building dominates tragic",
                        cond)
    p = m.params_at(*cell)
    lo = float(_tb_lower_bound_at(1.0))
    hi = float(sp.solve(sp.Eq(cond.subs({_bA: 0, _L: p.L, _k: p.k, _tA: 1}), 0), _pB)[0])
    alts = {
        "strict": figure_map(1, dominance="strict"),
        "grim": figure_map(1, offpath="grim"),
        "passive": figure_map(1, offpath="passive"),
        "named": figure_map(1, restrict_to=_paper_keys(1)),
        "theta2": figure_map(1, theta=2.0),
        "exante": figure_map(1, dominance="ex-ante"),
        "L0": figure_map(1, L=0.0),
    }
    uniq = {k: _unique(v) for k, v in alts.items()}
    same = set(figure_map(1, dominance="ex-ante").present()) == set(FIGURES[1]["paper_names"])
    nums = {"cells": int(multi.sum()), "share": float(multi.mean()), "sliver_lo": lo,
            "sliver_hi": hi, "unique_under": [k for k, v in uniq.items() if v],
            "exante_matches": same}
    ev = (f"{int(multi.sum())} of {multi.size} cells have two PBE-ER (trust-building and "
          f"tragic) for p_B (or p_A) in [{lo:.4f}, {hi:.4f}): there trust-building exists but "
          f"gives the security-seeker less than 0, its tragic payoff, while greedy types prefer "
          f"trust-building. Uniqueness holds under: {', '.join(nums['unique_under']) or 'none'}.")
    if uniq["exante"] and same:
        return Verdict(ONLY_UNDER, ev, wit,
                       "the ex-ante reading of the refinement (each state's expected payoff "
                       "before it learns its type); L = 0, against the stated L, also does", nums)
    return Verdict(NOT_REPRODUCED, ev, wit, None, nums)


def _tb_lower_bound_at(theta=1.0):
    """Lower bound on p for trust-building at beta = 0 (Figure 1 values)."""
    p = figure_base(1).exact()
    return _tb_lower_bound_formula().subs({_L: p.L, _k: p.k, _tA: theta})


def _paper_keys(number):
    return tuple(FIGURES[number]["paper_names"])


def _scope_points(number):
    """A few points per figure at which the full scope is solved."""
    return {1: ((0.2, 0.2), (0.42, 0.42)),
            2: ((0.05, 0.05), (0.15, 0.15), (0.38, 0.38), (0.6, 0.6)),
            3: ((0.05, 0.05), (0.3, 0.2), (0.7, 0.1), (0.5, 0.8))}[number]


def _full_vs_pure(number, theta=1.0):
    """At the scope points: (params, pure PBE-ER names, full-scope names)."""
    spec = FIGURES[number]
    out = []
    for xv, yv in _scope_points(number):
        kw = {n: xv for n in axis_parameters(spec["x"])}
        kw.update({n: yv for n in axis_parameters(spec["y"])})
        p = figure_base(number, theta, **kw)
        out.append((p, _solve(p).efficient_names(), full_scope_solution(p).efficient_names()))
    return out


@_check("fig1_regions")
def _fig1_regions() -> Verdict:
    """Figure 1: trust-building, suckers and tragic are the PBE-ER."""
    m = figure_map(1)
    pure_ok = set(m.present()) == set(FIGURES[1]["paper_names"])
    diff = [(p, a, b) for p, a, b in _full_vs_pure(1) if a != b]
    nums = {"present": m.present(), "scope_points": len(_scope_points(1)),
            "scope_differs": len(diff)}
    if not pure_ok:
        return Verdict(NOT_REPRODUCED, f"PBE-ER present: {m.present()}.",
                       numbers=nums)
    if not diff:
        return Verdict(REPRODUCED, f"PBE-ER present: {', '.join(m.present())}, in both scopes "
                       f"at the sampled points.", numbers=nums)
    p, a, b = diff[0]
    wit = _witness(p, f"with period-1 mixing the PBE-ER are {b}, not {a}", semi=True)
    nums["witness"] = _params_dict(p)
    return Verdict(ONLY_UNDER,
                   f"Among PBE with pure period-1 play the PBE-ER are exactly "
                   f"{', '.join(m.present())}. With period-1 mixing the PBE-ER differ at "
                   f"{len(diff)} of {len(_scope_points(1))} sampled points: at p_A = p_B = "
                   f"{p.pA} the PBE-ER is {b[0]}, an equilibrium in which greedy types mix in "
                   f"period 1 and every type earns more than under {a[0]}.",
                   wit, "PBE with pure period-1 play", nums)


@_check("fig1_symmetric_pure")
def _fig1_symmetric_pure() -> Verdict:
    """Figure 1 text: all PBE-ER are symmetric, pure-strategy equilibria."""
    m = figure_map(1)
    pure_ok = all(n in ("trust-building", "suckers", "tragic") for n in m.present())
    p = figure_base(1, pA=0.9, pB=0.9)
    sol = full_scope_solution(p)
    mixed = [e.key for e, f in zip(sol.equilibria, sol.efficient)
             if f and e.method != "pure"]
    nums = {"full_scope_efficient": len(sol.efficient_names()), "mixed_efficient": len(mixed)}
    if pure_ok and not mixed:
        return Verdict(REPRODUCED, "Symmetric pure PBE-ER only.", numbers=nums)
    if pure_ok:
        wit = _witness(p, "every PBE-ER has pure period-1 play and is symmetric", semi=True)
        return Verdict(ONLY_UNDER,
                       f"Among PBE with pure period-1 play, the PBE-ER of Figure 1 are the "
                       f"symmetric pure trust-building, suckers and tragic equilibria. At "
                       f"p_A = p_B = 0.9 the search with period-1 mixing finds {len(mixed)} "
                       f"PBE-ER with mixing beside suckers, some of them asymmetric.",
                       wit, "PBE with pure period-1 play", nums)
    return Verdict(NOT_REPRODUCED, f"PBE-ER present: {m.present()}.", numbers=nums)


@_check("fig1_only_tb")
def _fig1_only_tb() -> Verdict:
    """Footnote 3: the symmetric equilibrium is the only trust-building
    PBE-ER in the baseline."""
    m = figure_map(1)
    tbs = [n for n in m.present() if n in TRUST_BUILDING_NAMES]
    ok = tbs == ["trust-building"]
    return Verdict(REPRODUCED if ok else NOT_REPRODUCED,
                   f"Trust-building-type PBE-ER present in Figure 1: {tbs} (mixed and "
                   f"asymmetric trust-building never survive at beta = 0).",
                   numbers={"present": tbs})


# ---------------------------------------------------------------------------
# Checks: independence (Results 1a, 1b; Table 5)
# ---------------------------------------------------------------------------

def _diag_min(m: RegionMap, name, efficient=False):
    d = np.diag(m.mask(name, efficient))
    return float(m.xs[d].min()) if d.any() else math.inf


def _diag_max(m: RegionMap, name, efficient=False):
    d = np.diag(m.mask(name, efficient))
    return float(m.xs[d].max()) if d.any() else -math.inf


_BETAS = tuple(round(0.05 * i, 2) for i in range(21))


@lru_cache(maxsize=None)
def _beta_sweep(name: str) -> tuple:
    """Lowest symmetric p at which ``name`` exists, for each symmetric beta."""
    out = []
    for b in _BETAS:
        m = region_map(figure_base(1, betaA=b, betaB=b), n=_GRID, dominance="none")
        out.append(_diag_min(m, name))
    return tuple(out)


@_check("result_1a")
def _result_1a() -> Verdict:
    """Result 1a: raising independence lowers the trust needed."""
    mins = _beta_sweep("trust-building")
    mono = all(b <= a + 1e-12 for a, b in zip(mins, mins[1:]))
    # one-sided: beta_B = 0, p_A = 0.4; lowest p_B with trust-building per beta_A
    m = region_map(figure_base(1, pA=0.4), x="betaA", y="pB", n=_GRID, dominance="none")
    tb = m.mask("trust-building", efficient=False)
    lows = [float(m.ys[tb[:, j]].min()) for j in range(len(m.xs)) if tb[:, j].any()]
    mono1 = len(lows) == len(m.xs) and all(b <= a + 1e-12 for a, b in zip(lows, lows[1:]))
    ok = mono and mono1 and mins[-1] < mins[0]
    return Verdict(REPRODUCED if ok else NOT_REPRODUCED,
                   f"Lowest symmetric p with trust-building falls from {mins[0]:.4f} at beta = 0 "
                   f"to {mins[-1]:.4f} at beta = 1 and never rises along beta = 0, 0.05, ..., 1; "
                   f"with beta_B = 0 and p_A = 0.4 the lowest p_B falls from {lows[0]:.4f} to "
                   f"{lows[-1]:.4f} as beta_A rises.",
                   numbers={"min_beta0": mins[0], "min_beta1": mins[-1],
                            "one_sided_first": lows[0], "one_sided_last": lows[-1]})


@_check("result_1b")
def _result_1b() -> Verdict:
    """Result 1b: above the threshold, trust-building exists as p -> 0."""
    t = 0.45
    betas = np.linspace(t + 0.01, 1.0, 8)
    p_low = 1e-4
    above = all(_solve(figure_base(1, pA=p_low, pB=p_low, betaA=float(a), betaB=float(b)))
                .has("trust-building") for a in betas for b in betas)
    below = not _solve(figure_base(1, pA=p_low, pB=p_low, betaA=t - 0.01, betaB=t - 0.01)
                       ).has("trust-building")
    rng = np.random.default_rng(20260401)
    n_rand, fails = 200, 0
    for _ in range(n_rand):
        H, L, k = rng.uniform(1.01, 4), rng.uniform(-2, 0.99), rng.uniform(0.05, 3)
        tt = k / (1 + k - L)
        p = Params(H=H, L=L, k=k, pA=p_low, pB=p_low, betaA=float(rng.uniform(tt, 1)),
                   betaB=float(rng.uniform(tt, 1)), thetaA=float(rng.uniform(0.1, 3)),
                   thetaB=float(rng.uniform(0.1, 3)))
        if min(p.betaA, p.betaB) <= tt + 1e-6:
            continue
        fails += not solve(p, scope="pure").has("trust-building")
    ok = above and below and fails == 0
    return Verdict(REPRODUCED if ok else NOT_REPRODUCED,
                   f"At p_A = p_B = {p_low}, trust-building exists at all 64 points of an 8x8 "
                   f"grid of beta_A, beta_B in (0.45, 1] (Figure 1 values), not at beta = 0.44, "
                   f"and at {n_rand - fails} of {n_rand} random parameter points with both "
                   f"betas above their threshold.",
                   numbers={"p_low": p_low, "random": n_rand, "fails": fails})


@_check("table5_trust_building")
def _table5_trust_building() -> Verdict:
    """Table 5, trust-building row."""
    m1, m2 = figure_map(1, dominance="none"), figure_map(2, dominance="none")
    lo1 = _diag_min(m1, "trust-building")
    lo2 = _diag_min(m2, "trust-building")
    ok = lo2 < lo1 and lo2 == float(m2.xs[0])
    ok = ok and run_check("result_1a").status == REPRODUCED
    return Verdict(REPRODUCED if ok else NOT_REPRODUCED,
                   f"Along p_A = p_B, trust-building starts at {lo1:.4f} in Figure 1 and at the "
                   f"lowest grid cell, {lo2:.4f}, in Figure 2; the lower bound falls "
                   f"monotonically with beta (Result 1a check).",
                   numbers={"fig1": lo1, "fig2": lo2})


@_check("table5_suckers")
def _table5_suckers() -> Verdict:
    """Table 5: suckers, no change."""
    cond = class_info(*_class_keys()["suckers"]).condition
    free = {str(s) for s in cond.free_symbols}
    no_beta = not ({"beta_A", "beta_B"} & free)
    same_e = (figure_map(1, dominance="none").mask("suckers", False)
              == figure_map(2, dominance="none").mask("suckers", False)).all()
    same_r = (figure_map(1).mask("suckers") == figure_map(2).mask("suckers")).all()
    ok = no_beta and same_e and same_r
    return Verdict(REPRODUCED if ok else NOT_REPRODUCED,
                   "The suckers existence condition contains no beta (every type cooperates, so "
                   "only the Table 4 cells with mutual cooperation and with the deviator "
                   "cheating, which do not depend on beta, are reached); its PBE and PBE-ER "
                   "regions in Figures 1 and 2 are identical cell by cell.",
                   numbers={"symbols": sorted(free)})


def _random_values(rng, n):
    return {"H": rng.uniform(1.01, 4, n), "L": rng.uniform(-2, 0.99, n),
            "k": rng.uniform(0.05, 3, n), "pA": rng.uniform(0.01, 0.99, n),
            "pB": rng.uniform(0.01, 0.99, n), "betaA": rng.uniform(0, 1, n),
            "betaB": rng.uniform(0, 1, n), "thetaA": rng.uniform(0.1, 3, n),
            "thetaB": rng.uniform(0.1, 3, n)}


def tragic_break_even():
    """Lowest beta at which a security-seeker leaves the tragic equilibrium
    when the deviation is answered by the mixed period-2 equilibrium (the
    harshest answer available when the deviator may be believed a
    security-seeker): its period-1 gain plus theta times its mixed payoff.

    Returns
    -------
    (root, punishment, theta)
        The break-even beta, the security-seeker's mixed period-2 payoff
        ``t L`` and the salience symbol used.

    Examples
    --------
    >>> root, punish, theta = tragic_break_even()
    >>> root.subs({SYMBOLS["L"]: sp.Rational(-1, 10), SYMBOLS["k"]: sp.Rational(9, 10), theta: 1})
    189/400
    """
    beta = sp.Symbol("beta", nonnegative=True)
    th = sp.Symbol("theta", positive=True)
    t = independence_threshold(_L, _k)
    gain = stage_payoff(C, D, _L, beta, _k) - stage_payoff(D, D, _L, beta, _k)
    punish = period2_payoff(1, t, _L, _k)  # indifferent, so any x gives t * L
    root = sp.solve(sp.Eq(sp.expand(gain + th * punish), 0), beta)[0]
    return sp.simplify(root), sp.simplify(punish), th


@_check("table5_tragic")
def _table5_tragic() -> Verdict:
    """Table 5: once either side meets the threshold, tragic is no PBE."""
    rng = np.random.default_rng(7)
    n = 20000
    vals = _random_values(rng, n)
    t = vals["k"] / (1 + vals["k"] - vals["L"])
    above = np.maximum(vals["betaA"], vals["betaB"]) > t + 1e-6
    res = {}
    for off in ("free", "grim", "passive"):
        cond = class_info(*_class_keys()["tragic"], off).condition
        res[off] = int((np.asarray(evaluate(cond, **vals)) & above).sum())
    root, punish, th = tragic_break_even()
    p0 = figure_base(1).exact()
    b_star = float(root.subs({_L: p0.L, _k: p0.k, th: 1}))
    p = figure_base(1, betaA=0.46, betaB=0.46, pA=0.6, pB=0.6)
    wit = _witness(p, "no tragic equilibrium when beta exceeds k/(1+k-L) = 0.45")
    names = [r["name"] for r in wit.equilibria]
    nums = {"points": n, "above": int(above.sum()), "free": res["free"], "grim": res["grim"],
            "passive": res["passive"], "beta_star": b_star, "beta_star_expr": sp.latex(root),
            "punish": sp.latex(punish)}
    ev = (f"Of {n} random parameter points, {int(above.sum())} have a beta above its threshold; "
          f"the tragic equilibrium is a PBE at {res['free']} of them with free off-path beliefs, "
          f"{res['passive']} with passive beliefs and {res['grim']} when a deviator is believed "
          f"greedy. A security-seeker's switch to period-1 cooperation gains "
          f"beta (1 + k - L) - k > 0, but if the switch is answered by the mixed period-2 "
          f"equilibrium (available when the deviator is believed a security-seeker and the "
          f"other's prior exceeds the threshold) it earns theta {sp.sstr(punish)} < 0 in period "
          f"2: tragic survives up to beta = {sp.sstr(root)}, {b_star:.4f} at Figure 1's values "
          f"(e.g. beta = 0.46, p = 0.6: {', '.join(names)}).")
    if res["free"] == 0:
        return Verdict(REPRODUCED, ev, numbers=nums)
    if res["grim"] == 0:
        return Verdict(ONLY_UNDER, ev, wit, "off-path beliefs that treat a deviator as greedy "
                       "(or, near the threshold, a more independent choice than it states)", nums)
    return Verdict(NOT_REPRODUCED, ev, wit, None, nums)


@_check("table5_mixed_tb_beta0")
def _table5_mixed_tb_beta0() -> Verdict:
    """Table 5: at beta = 0, mixed trust-building is dominated by suckers."""
    base = figure_base(1)
    m = region_map(base, n=100, dominance="none")
    mx = m.mask("mixed-trust-building", efficient=False)
    su = m.mask("suckers", efficient=False)
    args = grid_args(base, "pA", "pB", m.xs, m.ys)
    keys = _class_keys()
    pm = compile_class(keys["mixed-trust-building"])[1]
    ps = compile_class(keys["suckers"])[1]
    shape = mx.shape
    ge = np.ones(shape, bool)
    gt = np.zeros(shape, bool)
    for kt in pm:
        a = np.broadcast_to(np.asarray(ps[kt](*args), float), shape)
        b = np.broadcast_to(np.asarray(pm[kt](*args), float), shape)
        ge &= a >= b - _TOL
        gt |= a > b + _TOL
    dom = su & ge & gt
    ok = mx.any() and bool(dom[mx].all())
    return Verdict(REPRODUCED if ok else NOT_REPRODUCED,
                   f"At beta = 0 mixed trust-building exists on {mx.mean():.1%} of a 100x100 grid "
                   f"of Figure 1; suckers exists in every one of those cells and gives every type "
                   f"at least as much, some type more.",
                   numbers={"share": float(mx.mean())})


@_check("table5_mixed_tb_expands")
def _table5_mixed_tb_expands() -> Verdict:
    """Table 5: as independence rises, mixed trust-building expands into
    low trust."""
    mins = _beta_sweep("mixed-trust-building")
    mono = all(b <= a + 1e-12 for a, b in zip(mins, mins[1:]))
    ok = mono and mins[-1] < mins[0]
    return Verdict(REPRODUCED if ok else NOT_REPRODUCED,
                   f"Lowest symmetric p at which mixed trust-building exists: {mins[0]:.4f} at "
                   f"beta = 0, {mins[len(mins) // 2]:.4f} at beta = 0.5, {mins[-1]:.4f} at "
                   f"beta = 1, never rising.",
                   numbers={"min_beta0": mins[0], "min_beta1": mins[-1]})


@_check("table5_mixed_tb_higher_p")
def _table5_mixed_tb_higher_p() -> Verdict:
    """Table 5: mixed trust-building survives for higher p than pure
    trust-building."""
    mw = figure_map(2)
    me = figure_map(2, dominance="none")
    ms = figure_map(2, dominance="strict")
    ex_mixed, ex_tb = _diag_max(me, "mixed-trust-building"), _diag_max(me, "trust-building")
    st_mixed = _diag_max(ms, "mixed-trust-building", True)
    st_tb = _diag_max(ms, "trust-building", True)
    survives_weak = mw.mask("mixed-trust-building").any()
    gap = payoff_gap("mixed-trust-building", "semi-tragic", "A", "security")
    cell = _first_cell(me.mask("mixed-trust-building", False) & ~me.mask("trust-building", False))
    wit = _cell_witness(me, cell, "the security-seeker's payoff in mixed trust-building is at "
                                  "least its semi-tragic payoff", gap)
    nums = {"exist_mixed": ex_mixed, "exist_tb": ex_tb, "strict_mixed": st_mixed,
            "strict_tb": st_tb, "gap": sp.latex(gap), "gap_value": wit.value}
    ev = (f"Mixed trust-building exists in Figure 2 up to p = {ex_mixed:.4f} on the diagonal "
          f"(pure trust-building up to {ex_tb:.4f}), but under weak dominance it survives "
          f"nowhere: semi-tragic has the same period-1 play, greedy types earn the same, and the "
          f"security-seeker's payoff differs by {sp.sstr(gap)} < 0 (L < 0). Under strict dominance "
          f"it survives up to p = {st_mixed:.4f}, beyond trust-building's {st_tb:.4f}, always "
          f"beside semi-tragic.")
    if survives_weak and ex_mixed > ex_tb:
        return Verdict(REPRODUCED, ev, numbers=nums)
    if st_mixed > st_tb:
        return Verdict(ONLY_UNDER, ev, wit, "strict Pareto dominance (then it shares every "
                       "cell with semi-tragic)", nums)
    return Verdict(NOT_REPRODUCED, ev, wit, None, nums)


@_check("table5_semi_tragic")
def _table5_semi_tragic() -> Verdict:
    """Table 5: semi-tragic replaces tragic as the fallback."""
    m2 = figure_map(2, dominance="none")
    every = bool(m2.mask("semi-tragic", False).all())
    no_tragic = not m2.mask("tragic", False).any()
    not_in_fig1 = not figure_map(1).mask("semi-tragic").any()
    cond = class_info(*_class_keys()["semi-tragic"]).condition
    rng = np.random.default_rng(11)
    n = 20000
    vals = {"H": rng.uniform(1.01, 4, n), "L": rng.uniform(-2, 0.99, n),
            "k": rng.uniform(0.05, 3, n), "pA": rng.uniform(0.01, 0.99, n),
            "pB": rng.uniform(0.01, 0.99, n), "thetaA": rng.uniform(0.1, 3, n),
            "thetaB": rng.uniform(0.1, 3, n)}
    t = vals["k"] / (1 + vals["k"] - vals["L"])
    vals["betaA"] = t + (1 - t) * rng.uniform(0.001, 1, n)
    vals["betaB"] = t + (1 - t) * rng.uniform(0.001, 1, n)
    everywhere = bool(np.asarray(evaluate(cond, **vals)).all())
    # nuance: is it also the worst equilibrium for every type?
    lower = 0
    total = 0
    for pa in np.linspace(0.05, 0.95, 10):
        for pb in np.linspace(0.05, 0.95, 10):
            sol = _solve(figure_base(2, pA=float(pa), pB=float(pb)))
            st = sol.by_name("semi-tragic").payoff_vector()
            total += 1
            lower += any(any(a < b - _TOL for a, b in zip(e.payoff_vector(), st))
                         for e in sol.equilibria)
    ok = every and no_tragic and not_in_fig1 and everywhere
    return Verdict(REPRODUCED if ok else NOT_REPRODUCED,
                   f"Semi-tragic exists in every cell of Figure 2 and at all {n} random points "
                   f"with both betas above the threshold; tragic exists in none; semi-tragic is "
                   f"never a PBE-ER in Figure 1. It is the equilibrium that is always there, as "
                   f"tragic was; but it is not the worst one for every type: at {lower} of "
                   f"{total} points of a 10x10 grid another PBE (mixed trust-building, for one) "
                   f"gives some type less.",
                   numbers={"points": n, "lower": lower, "total": total})


# ---------------------------------------------------------------------------
# Checks: asymmetric equilibria (Table 5, Result 1c, Figure 3)
# ---------------------------------------------------------------------------

_HIGH_TRUST_BETAS = ((0.1, 0.8), (0.0, 0.7), (0.2, 1.0), (0.3, 0.6))


@_check("table5_asymmetric_high_trust")
def _table5_asymmetric_high_trust() -> Verdict:
    """Table 5: with lopsided independence and jointly high trust, only the
    asymmetric semi-tragic equilibrium is supported (not asymmetric
    trust-building)."""
    shares = {}
    for ba, bb in _HIGH_TRUST_BETAS:
        for th in (0.5, 1.0, 2.0):
            m = region_map(FIGURE_PARAMS.replace(betaA=ba, betaB=bb, thetaA=th, thetaB=th),
                           n=100, xlim=(0.5, 1), ylim=(0.5, 1), dominance="none")
            shares[(ba, bb, th)] = (m.share("asymmetric-semi-tragic[B]", False),
                                    m.share("asymmetric-trust-building[B]", False))
    ast = max(v[0] for v in shares.values())
    atb = max(v[1] for k, v in shares.items() if k[2] == 1.0)
    p = FIGURE_PARAMS.replace(pA=0.8, pB=0.8, betaA=0.1, betaB=0.8)
    fails = failing_conditions("asymmetric-semi-tragic[B]", p)
    lab, cond, _ = fails[0] if fails else ("", None, None)
    wit = _witness(p, f"asymmetric semi-tragic (B leads) is a PBE; its condition {lab} fails "
                      f"(A's security-seeker would rather cooperate in period 1)")
    nums = {"ast_max": ast, "atb_max_theta1": atb, "settings": len(shares)}
    ev = (f"With p_A, p_B in [0.5, 1], beta_A low and beta_B high ({len(_HIGH_TRUST_BETAS)} "
          f"pairs) and theta = 0.5, 1, 2, asymmetric semi-tragic is a PBE in at most {ast:.1%} of "
          f"cells, and asymmetric trust-building in at most {atb:.1%} at theta = 1: neither "
          f"asymmetric equilibrium is supported. A's security-seeker, trusting B, would "
          f"cooperate in period 1 rather than pool on defection.")
    if ast > 0.5:
        return Verdict(REPRODUCED, ev, numbers=nums)
    return Verdict(NOT_REPRODUCED, ev, wit, None, nums)


@_check("table5_asymmetric_overlap")
def _table5_asymmetric_overlap() -> Verdict:
    """Table 5: asymmetric equilibria can be PBE-ER where symmetric ones are."""
    rng = np.random.default_rng(20260402)
    tried = 0
    for _ in range(3000):
        tried += 1
        p = Params(H=float(rng.uniform(1.01, 4)), L=float(rng.uniform(-2, 0.99)),
                   k=float(rng.uniform(0.05, 3)), pA=float(rng.uniform(0.01, 0.99)),
                   pB=float(rng.uniform(0.01, 0.99)), betaA=float(rng.uniform(0, 1)),
                   betaB=float(rng.uniform(0, 1)))
        names = solve(p, scope="pure").efficient_names()
        if any(n.startswith("asymmetric") for n in names) and any(n in SYMMETRIC_NAMES
                                                                  for n in names):
            return Verdict(REPRODUCED,
                           f"After {tried} random points (theta = 1) the first with both an "
                           f"asymmetric and a symmetric PBE-ER: {names} at "
                           f"{_params_dict(p)}.",
                           numbers={"tried": tried, "names": names, "params": _params_dict(p)})
    return Verdict(NOT_REPRODUCED, f"No overlap in {tried} random points.")


@_check("result_1c_existence")
def _result_1c_existence() -> Verdict:
    """Result 1c: with lopsided trust and independence, asymmetric
    trust-building can be sustained."""
    base = figure_base(1, pB=0.01, betaA=0.01)
    m = region_map(base, x="pA", y="betaB", n=_GRID, dominance="none")
    ex = m.mask("asymmetric-trust-building[B]", False)
    cell = _first_cell(ex)
    nums = {"share": float(ex.mean())}
    if cell is None:
        return Verdict(NOT_REPRODUCED, "No asymmetric trust-building at theta = 1.",
                       numbers=nums)
    p = m.params_at(*cell)
    nums.update(pA=round(p.pA, 4), betaB=round(p.betaB, 4))
    return Verdict(REPRODUCED,
                   f"With Figure 1's H, L, k, theta = 1 and beta_A = p_B = 0.01, asymmetric "
                   f"trust-building (B leads) exists on {ex.mean():.2%} of the (p_A, beta_B) "
                   f"square, e.g. at p_A = {p.pA:.3f}, beta_B = {p.betaB:.3f}.", numbers=nums)


@_check("result_1c_unique")
def _result_1c_unique() -> Verdict:
    """Result 1c: as beta_A, p_B -> 0 asymmetric trust-building is unique
    (Figure 3's lower-left corner)."""
    bounds = theta_bounds_fig3()
    th_atb = float(bounds["asymmetric-trust-building[B]"])
    corner = {}
    for th in (1.0, round(th_atb - 0.03, 2), 0.7):
        p = figure_base(3, th, betaA=0.001, pB=0.001)
        corner[th] = _solve(p).efficient_names()
    ok1 = corner[1.0] == ["asymmetric-trust-building[B]"]
    ok_alt = all(v == ["asymmetric-trust-building[B]"] for t, v in corner.items() if t < th_atb)
    # the general statement: wherever it exists at the extreme, is it unique?
    m = region_map(figure_base(1, pB=0.001, betaA=0.001), x="pA", y="betaB", n=_GRID)
    ex = m.mask("asymmetric-trust-building[B]")
    uniq = ex & (m.count() == 1)
    p = figure_base(3, betaA=0.001, pB=0.001)
    fails = failing_conditions("asymmetric-trust-building[B]", p)
    lab, cond, _ = fails[0]
    expr = _lhs(cond) if isinstance(cond, sp.GreaterThan) else None
    wit = _witness(p, f"asymmetric trust-building exists in Figure 3's corner (fails: {lab})",
                   expr)
    nums = {"theta_atb": th_atb, "corner_theta1": corner[1.0], "extreme_cells": int(ex.sum()),
            "extreme_unique": int(uniq.sum()), "kk": float(0.9 / 1.9)}
    ev = (f"In Figure 3's corner (beta_A = p_B = 0.001) at theta = 1 the unique PBE-ER is "
          f"{corner[1.0]}: greedy B would mimic, because asymmetric trust-building needs "
          f"theta <= {th_atb:.4f} at p_A = 0.5, beta_B = 0.7. Below that bound the corner's "
          f"unique PBE-ER is asymmetric trust-building. Elsewhere at theta = 1 "
          f"(beta_A = p_B = 0.001, p_A and beta_B free) it is a PBE-ER on {int(ex.sum())} "
          f"cells of a {_GRID}x{_GRID} grid and the only one on {int(uniq.sum())}: where "
          f"p_A < k/(1+k) the leader's security-seeker prefers asymmetric semi-tragic.")
    if ok1:
        return Verdict(REPRODUCED, ev, numbers=nums)
    if ok_alt:
        return Verdict(ONLY_UNDER, ev, wit, f"salience theta <= {th_atb:.4f} (period 2 "
                       "weighted less than period 1)", nums)
    return Verdict(NOT_REPRODUCED, ev, wit, None, nums)


def _lowest_tb_by_column(m: RegionMap):
    tb = m.mask("trust-building")
    return [float(m.ys[tb[:, j]].min()) if tb[:, j].any() else math.inf
            for j in range(len(m.xs))]


def _fig3_tb_ok(theta):
    m = figure_map(3, theta=theta)
    lows = _lowest_tb_by_column(m)
    if not np.isfinite(lows).any():
        return False, lows
    fin = [v for v in lows if np.isfinite(v)]
    mono = all(b <= a + 1e-12 for a, b in zip(lows, lows[1:]))
    beyond = all(v == float(m.ys[0]) for x, v in zip(m.xs, lows) if x > 0.45)
    return bool(mono and beyond and lows[0] > fin[-1] and np.isfinite(lows[0])), lows


@_check("fig3_tb_lower_bound")
def _fig3_tb_lower_bound() -> Verdict:
    """Figure 3 text: trust-building's lower bound falls with beta_A and
    reaches the lowest trust from beta_A = 0.45 on."""
    th_tb = float(theta_bounds_fig3()["trust-building"])
    ok1, lows1 = _fig3_tb_ok(1.0)
    ok7, lows7 = _fig3_tb_ok(0.7)
    p = figure_base(3, betaA=0.6, pB=0.2)
    cond = class_info(*_class_keys()["trust-building"]).incentives[("B", "greedy")]
    wit = _witness(p, "greedy B does not mimic the security-seeker in period 1 (trust-building)",
                   _lhs(cond))
    nums = {"theta_tb": th_tb, "low_left_07": lows7[0]}
    ev = (f"At theta = 1 trust-building exists nowhere in Figure 3: with p_A = 0.5 greedy B "
          f"prefers to mimic, since its constraint needs theta <= {th_tb:.4f}. At theta = 0.7 the "
          f"lowest p_B with trust-building is {lows7[0]:.4f} at beta_A = 0 and falls with beta_A "
          f"to the lowest cell for every beta_A > 0.45.")
    if ok1:
        return Verdict(REPRODUCED, ev, numbers=nums)
    if ok7:
        return Verdict(ONLY_UNDER, ev, wit, f"salience theta <= {th_tb:.4f}", nums)
    return Verdict(NOT_REPRODUCED, ev, wit, None, nums)


def _overlap_cells(m: RegionMap):
    eff = m.efficient
    asym = np.zeros(eff.shape[1:], bool)
    sym = np.zeros(eff.shape[1:], bool)
    for c, n in enumerate(m.names):
        if n.startswith("asymmetric"):
            asym |= eff[c]
        elif n in SYMMETRIC_NAMES:
            sym |= eff[c]
    return asym & sym


@_check("fig3_overlaps")
def _fig3_overlaps() -> Verdict:
    """Figure 3: asymmetric and symmetric PBE-ER overlap."""
    th_tb = float(theta_bounds_fig3()["trust-building"])
    ov1 = _overlap_cells(figure_map(3))
    ov7 = _overlap_cells(figure_map(3, theta=0.7))
    nums = {"cells_theta1": int(ov1.sum()), "cells_theta07": int(ov7.sum())}
    ev = (f"Cells of Figure 3 with an asymmetric and a symmetric PBE-ER: {int(ov1.sum())} at "
          f"theta = 1, {int(ov7.sum())} at theta = 0.7 (trust-building beside asymmetric "
          f"trust-building).")
    if ov1.any():
        return Verdict(REPRODUCED, ev, numbers=nums)
    wit = _witness(figure_base(3, betaA=0.2, pB=0.2), "an asymmetric and a symmetric PBE-ER "
                   "share a cell")
    if ov7.any():
        return Verdict(ONLY_UNDER, ev, wit, f"salience theta <= {th_tb:.4f}", nums)
    return Verdict(NOT_REPRODUCED, ev, wit, None, nums)


@_check("fig3_overlap_preferences")
def _fig3_overlap_preferences() -> Verdict:
    """Figure 3 text: the exploiter prefers the asymmetric equilibrium,
    the exploited the symmetric one."""
    m = figure_map(3, theta=0.7, n=40)
    ov = m.mask("trust-building") & m.mask("asymmetric-trust-building[B]")
    interim_ok = exante_ok = True
    bad = None
    for i, j in np.argwhere(ov):
        p = m.params_at(int(i), int(j))
        sol = _solve(p)
        a, t = sol.by_name("asymmetric-trust-building", "B"), sol.by_name("trust-building")
        dA = [a.payoff("A", ty) - t.payoff("A", ty) for ty in ("security", "greedy")]
        dB = [a.payoff("B", ty) - t.payoff("B", ty) for ty in ("security", "greedy")]
        if not (min(dA) >= -_TOL and max(dB) <= _TOL):
            interim_ok = False
            bad = bad or p
        ea, et = exante_vector(a), exante_vector(t)
        if not (ea[0] >= et[0] - _TOL and ea[1] <= et[1] + _TOL):
            exante_ok = False
    nums = {"cells": int(ov.sum())}
    ev = (f"In the {int(ov.sum())} overlap cells of a 40x40 Figure 3 at theta = 0.7, B (the "
          f"exploited leader) prefers trust-building in both types; A's greedy type prefers the "
          f"asymmetric equilibrium, ")
    if interim_ok:
        return Verdict(REPRODUCED, ev + "and so does A's security-seeker.", numbers=nums)
    gap = payoff_gap("asymmetric-trust-building[B]", "trust-building", "A", "security")
    wit = _witness(bad, "A's security-seeker prefers the asymmetric equilibrium", gap)
    ev += "but A's security-seeker prefers trust-building at some of them"
    if exante_ok:
        return Verdict(ONLY_UNDER, ev + "; comparing each state's ex-ante payoff, A always "
                       "prefers the asymmetric one.", wit,
                       "the ex-ante reading (each state's expected payoff before it learns its "
                       "type)", nums)
    return Verdict(NOT_REPRODUCED, ev + ".", wit, None, nums)


_FIG3_PAPER = ("trust-building", "suckers", "asymmetric-trust-building[B]",
               "asymmetric-semi-tragic[B]")
_THETAS = tuple(round(0.3 + 0.05 * i, 2) for i in range(25))


def theta_scan_fig3(thetas=_THETAS, dominance="weak", n=100) -> list[dict]:
    """Which of the paper's Figure 3 features appear, salience by salience.

    Returns
    -------
    list of dict
        ``theta``, ``present`` (PBE-ER names), and booleans ``tb``
        (trust-building present), ``atb`` (asymmetric trust-building in the
        lower-left corner), ``ast`` (asymmetric semi-tragic present),
        ``overlap`` (an asymmetric and a symmetric PBE-ER share a cell),
        ``same`` (present names equal the paper's set).
    """
    rows = []
    for th in thetas:
        m = figure_map(3, theta=th, dominance=dominance, n=n)
        pres = m.present()
        rows.append({"theta": th, "present": pres,
                     "tb": "trust-building" in pres,
                     "atb": m.cell_names(0, 0) == ["asymmetric-trust-building[B]"],
                     "ast": "asymmetric-semi-tragic[B]" in pres,
                     "overlap": bool(_overlap_cells(m).any()),
                     "same": set(pres) == set(_FIG3_PAPER)})
    return rows


@_check("fig3_regions")
def _fig3_regions() -> Verdict:
    """Figure 3: its PBE-ER are trust-building, suckers, asymmetric
    trust-building and asymmetric semi-tragic."""
    m = figure_map(3)
    rows = theta_scan_fig3() + theta_scan_fig3(dominance="ex-ante")
    hits = [r["theta"] for r in rows if r["same"]]
    nums = {"present": m.present(), "thetas": len(_THETAS), "hits": hits}
    ev = (f"At theta = 1 the PBE-ER are {', '.join(m.present())}. Scanning theta from "
          f"{_THETAS[0]} to {_THETAS[-1]} (weak and ex-ante readings), no value gives the paper's "
          f"four: trust-building and asymmetric trust-building need theta below "
          f"{float(theta_bounds_fig3()['asymmetric-trust-building[B]']):.3f}, and asymmetric "
          f"semi-tragic survives only above it.")
    if set(m.present()) == set(_FIG3_PAPER):
        return Verdict(REPRODUCED, ev, numbers=nums)
    wit = _witness(figure_base(3, betaA=0.1, pB=0.1), "trust-building, asymmetric trust-building "
                   "and asymmetric semi-tragic all appear in the figure")
    if hits:
        return Verdict(ONLY_UNDER, ev, wit, f"theta in {hits}", nums)
    return Verdict(NOT_REPRODUCED, ev, wit, "theta = 0.7 gives trust-building, suckers and "
                   "asymmetric trust-building (no asymmetric semi-tragic)", nums)


# ---------------------------------------------------------------------------
# Checks: Figure 2 and low trust
# ---------------------------------------------------------------------------

@_check("fig2_regions")
def _fig2_regions() -> Verdict:
    """Figure 2: trust-building, mixed trust-building, semi-tragic and
    suckers are the PBE-ER."""
    paper = set(FIGURES[2]["paper_names"])
    specs = {"main": figure_map(2), "strict": figure_map(2, dominance="strict"),
             "ex-ante": figure_map(2, dominance="ex-ante"),
             "named": figure_map(2, restrict_to=_paper_keys(2)),
             "passive-efficient": figure_map(2, offpath="passive-efficient"),
             "theta0.7": figure_map(2, theta=0.7),
             "L0.05 ex-ante": figure_map(2, dominance="ex-ante", L=0.05)}
    res = {k: (sorted(set(v.present()) - paper), sorted(paper - set(v.present())), _unique(v))
           for k, v in specs.items()}
    m = specs["main"]
    cell = _first_cell(m.mask("pool-D/pool-D:CC"))
    wit = _cell_witness(m, cell, "only the paper's four equilibria survive (here "
                                 "pool-D/pool-D:CC, not in the paper, survives beside suckers)")
    nums = {"extra": res["main"][0], "missing": res["main"][1],
            "matches": [k for k, v in res.items() if not v[0] and not v[1]]}
    ev = ("Extra and missing PBE-ER against the paper's four, by specification: "
          + "; ".join(f"{k}: extra {v[0]}, missing {v[1]}{', unique' if v[2] else ''}"
                      for k, v in res.items()) + ".")
    if not res["main"][0] and not res["main"][1]:
        return Verdict(REPRODUCED, ev, numbers=nums)
    return Verdict(NOT_REPRODUCED, ev, wit,
                   "with L = 0.05 > 0 (against the stated L = -0.1) and the ex-ante reading the "
                   "four regions appear and are unique", nums)


@_check("fig2_unique")
def _fig2_unique() -> Verdict:
    """Figure 2 note: the PBE-ER are unique in the plotted ranges."""
    m = figure_map(2)
    multi = _multi_cells(m)
    if not multi.any():
        return Verdict(REPRODUCED, "One PBE-ER per cell.")
    cell = _first_cell(multi)
    p = m.params_at(*cell)
    gaps = {ty: payoff_gap("suckers", "pool-D/pool-D:CC", "A", ty) for ty in ("security", "greedy")}
    vals = {ty: _value(g, p) for ty, g in gaps.items()}
    worse = min(vals, key=vals.get)
    wit = _witness(p, f"suckers gives A's {worse} type at least its pool-D/pool-D:CC payoff",
                   gaps[worse])
    uniq = {"strict": _unique(figure_map(2, dominance="strict")),
            "ex-ante": _unique(figure_map(2, dominance="ex-ante")),
            "named": _unique(figure_map(2, restrict_to=_paper_keys(2))),
            "grim": _unique(figure_map(2, offpath="grim")),
            "passive-efficient": _unique(figure_map(2, offpath="passive-efficient"))}
    nums = {"cells": int(multi.sum()), "share": float(multi.mean()),
            "unique_under": [k for k, v in uniq.items() if v],
            "gap_security": sp.latex(gaps["security"]), "gap_greedy": sp.latex(gaps["greedy"])}
    ev = (f"{int(multi.sum())} cells ({multi.mean():.1%}) of Figure 2 have two PBE-ER, suckers and "
          f"pool-D/pool-D:CC (everyone defects in period 1, security-seekers cooperate in period "
          f"2), in the top-right corner: greedy types prefer suckers, security-seekers the other. "
          f"Uniqueness is restored under: {', '.join(nums['unique_under'])}.")
    if uniq["ex-ante"]:
        return Verdict(ONLY_UNDER, ev, wit, "the ex-ante reading of the refinement (or comparing "
                       "only the paper's named equilibria)", nums)
    return Verdict(NOT_REPRODUCED, ev, wit, None, nums)


@_check("fig2_high_trust_no_tb")
def _fig2_high_trust_no_tb() -> Verdict:
    """Figure 2 text: at the highest trust no trust-building."""
    m = figure_map(2, dominance="none")
    hi = (m.ys[:, None] >= 0.8) & (m.xs[None, :] >= 0.8)
    tb = m.mask("trust-building", False)
    top = _diag_max(m, "trust-building")
    ok = not (tb & hi).any()
    return Verdict(REPRODUCED if ok else NOT_REPRODUCED,
                   f"Trust-building exists nowhere with p_A, p_B >= 0.8 in Figure 2; along the "
                   f"diagonal it stops at p = {top:.4f}, where greedy types start to mimic.",
                   numbers={"top": top})


@_check("low_trust_only_tb")
def _low_trust_only_tb() -> Verdict:
    """Sections on independence: with moderately independent choices on
    both sides and low trust, only trust-building survives."""
    m = figure_map(2)
    low = (m.ys[:, None] < 0.2) & (m.xs[None, :] < 0.2)
    only = m.mask("trust-building") & (m.count() == 1)
    pure_ok = bool(only[low].all())
    full = [(pa, pb, full_scope_solution(figure_base(2, pA=pa, pB=pb)).efficient_names())
            for pa, pb in ((0.05, 0.05), (0.15, 0.15))]
    full_ok = all(v == ["trust-building"] for _, _, v in full)
    rng = np.random.default_rng(5)
    fails = 0
    n = 200
    for _ in range(n):
        H, L, k = rng.uniform(1.01, 4), rng.uniform(-2, 0.99), rng.uniform(0.05, 3)
        t = k / (1 + k - L)
        p = Params(H=H, L=L, k=k, pA=0.01, pB=0.01, betaA=float(t + (1 - t) * rng.uniform(0.01, 1)),
                   betaB=float(t + (1 - t) * rng.uniform(0.01, 1)))
        fails += solve(p, scope="pure").efficient_names() != ["trust-building"]
    ok = pure_ok and full_ok and fails == 0
    return Verdict(REPRODUCED if ok else NOT_REPRODUCED,
                   f"In Figure 2 every cell with p_A, p_B < 0.2 has trust-building as its only "
                   f"PBE-ER; so do p_A = p_B = 0.05 and 0.15 with period-1 mixing searched, and "
                   f"{n - fails} of {n} random points with p = 0.01 and both betas above the "
                   f"threshold (theta = 1).",
                   numbers={"random": n, "fails": fails})


@_check("lopsided_low_trust")
def _lopsided_low_trust() -> Verdict:
    """Section before Result 2 and footnote 23: with lopsided choices and
    low trust, no non-trust-building equilibrium survives."""
    th_tb = float(theta_bounds_fig3()["trust-building"])

    def non_tb(theta):
        m = figure_map(3, theta=theta, ylim=(0, 0.2), n=100)
        return [n for n in m.present() if n not in TRUST_BUILDING_NAMES], m

    res = {th: non_tb(th)[0] for th in (1.0, round(th_tb + 0.01, 2), round(th_tb - 0.01, 2), 0.5)}
    m1 = non_tb(1.0)[1]
    cell = _first_cell(m1.mask("asymmetric-semi-tragic[B]"))
    wit = _cell_witness(m1, cell, "only trust-building equilibria survive at low p_B")
    nums = {"theta_tb": th_tb, "non_tb_theta1": res[1.0]}
    ev = (f"Figure 3 with p_B < 0.2: non-trust-building PBE-ER at theta = "
          + "; ".join(f"{k}: {v or 'none'}" for k, v in res.items())
          + f". Footnote 23's 'only other equilibrium' (semi-tragic) is not the only one at "
            f"theta = 1: asymmetric semi-tragic also survives.")
    if not res[1.0]:
        return Verdict(REPRODUCED, ev, numbers=nums)
    below = [v for k, v in res.items() if k < th_tb]
    if below and all(not v for v in below):
        return Verdict(ONLY_UNDER, ev, wit, f"salience theta <= {th_tb:.4f}", nums)
    return Verdict(NOT_REPRODUCED, ev, wit, None, nums)


# ---------------------------------------------------------------------------
# Checks: salience (Result 2)
# ---------------------------------------------------------------------------

@_check("result_2")
def _result_2() -> Verdict:
    """Result 2: above the threshold there is no upper bound on the
    salience of the period-1 choice."""
    cond = class_info(*_class_keys()["trust-building"]).incentives[("A", "security")]
    expr = sp.expand(_lhs(cond))
    coef = sp.expand(expr.coeff(_tA, 1))
    rest = sp.expand(expr - coef * _tA)
    # the theta-free part at beta = threshold + d (d >= 0) with p_B -> 0
    t = independence_threshold(_L, _k)
    at0 = sp.simplify(rest.subs(_pB, 0).subs(_bA, t))
    thetas = np.logspace(-3, 0, 13)
    high = all(_solve(figure_base(2, theta=float(th), pA=0.1, pB=0.1)).has("trust-building")
               for th in thetas)
    low_fail = [float(th) for th in thetas
                if not _solve(figure_base(1, theta=float(th), pA=0.35, pB=0.35))
                .has("trust-building")]
    ok = sp.simplify(coef - _pB) == 0 and at0 == 0 and high and low_fail
    return Verdict(REPRODUCED if ok else NOT_REPRODUCED,
                   f"The security-seeker's trust-building constraint is "
                   f"{sp.sstr(rest)} + {sp.sstr(coef)} theta_A >= 0: theta enters with weight p_B "
                   f">= 0 and the theta-free part is non-negative once beta_A >= k/(1+k-L) (it "
                   f"equals 0 at p_B = 0, beta_A = k/(1+k-L)), so no small theta (a salient "
                   f"period-1 choice) deters it. At Figure 2's betas and p = 0.1 trust-building "
                   f"exists for all {len(thetas)} theta from 0.001 to 1; at beta = 0 and p = 0.35 "
                   f"it fails for theta <= {max(low_fail) if low_fail else float('nan'):.3f}.",
                   numbers={"coef": sp.latex(coef), "rest": sp.latex(rest),
                            "baseline_fail_max": max(low_fail) if low_fail else None})


# ---------------------------------------------------------------------------
# Checks: the cases (need trustgame.cases)
# ---------------------------------------------------------------------------

def _cases():
    try:
        from ..cases import cases as cases
    except ImportError as err:  # pragma: no cover - the module ships with the package
        raise RuntimeError("trustgame.cases is not available: the case claims cannot be "
                           "checked") from err
    return cases


@_check("case_cold_war")
def _case_cold_war() -> Verdict:
    """Cold War: the coded initial conditions fit symmetric trust-building."""
    cs = _cases()
    case = cs.load_cases()["cold-war"]
    share = cs.prediction_share(case, "trust-building")
    uniq = cs.prediction_share(case, "trust-building", unique=True)
    share1 = cs.prediction_share(case, "trust-building", theta=1.0)
    nums = {"share": share, "unique": uniq, "share_theta1": share1, "box": cs.case_box(case)}
    ev = (f"Symmetric trust-building is a PBE-ER at {share:.1%} of the coded Cold War box "
          f"(the only one at {uniq:.1%}); with theta = 1 for both states, {share1:.1%}.")
    if share == 1.0:
        return Verdict(REPRODUCED, ev, numbers=nums)
    return Verdict(NOT_REPRODUCED, ev, numbers=nums)


@_check("case_korea")
def _case_korea() -> Verdict:
    """Korea: the coded initial conditions fit asymmetric trust-building."""
    cs = _cases()
    case = cs.load_cases()["korea"]
    name = "asymmetric-trust-building[B]"
    share = cs.prediction_share(case, name)
    uniq = cs.prediction_share(case, name, unique=True)
    share1 = cs.prediction_share(case, name, theta=1.0)
    nums = {"share": share, "unique": uniq, "share_theta1": share1, "box": cs.case_box(case)}
    ev = (f"Asymmetric trust-building with South Korea leading is a PBE-ER at {share:.1%} of the "
          f"coded Korea box (the only one at {uniq:.1%}), with the coded salience (period 2 "
          f"weighted less than period 1); with theta = 1 for both states, {share1:.1%}.")
    if share == 1.0:
        return Verdict(REPRODUCED, ev, numbers=nums)
    if share > 0 and share1 == 0:
        box = cs.case_box(case)
        wit = _witness(Params(**{k: float(np.mean(v)) for k, v in box.items()})
                       .replace(thetaA=1.0, thetaB=1.0),
                       "asymmetric trust-building is a PBE-ER at the box centre with theta = 1")
        return Verdict(ONLY_UNDER, ev, wit, "the coded salience theta < 1, and then on part of "
                       "the box", nums)
    return Verdict(NOT_REPRODUCED, ev, numbers=nums)


@_check("case_dependent")
def _case_dependent() -> Verdict:
    """Cold War: with only dependent choices (beta = 0) trust-building is
    not available at the coded trust."""
    cs = _cases()
    out = {}
    for key in ("cold-war", "korea"):
        case = cs.load_cases()[key]
        out[key] = (cs.counterfactual_share(case, "trust-building", beta=0.0),
                    cs.counterfactual_share(case, None if key == "cold-war" else
                                            "asymmetric-trust-building[B]", beta=0.0))
    ok = out["cold-war"][0] == 0.0
    return Verdict(REPRODUCED if ok else NOT_REPRODUCED,
                   f"With both betas set to 0 inside the coded boxes, trust-building is a PBE-ER "
                   f"at {out['cold-war'][0]:.1%} of the Cold War box and the predicted "
                   f"asymmetric trust-building at {out['korea'][1]:.1%} of the Korea box.",
                   numbers={"cold_war": out["cold-war"][0], "korea_atb": out["korea"][1]})


# ---------------------------------------------------------------------------
# Alternatives and the full scope, for the book
# ---------------------------------------------------------------------------

def alternative_table(number: int) -> list[dict]:
    """For Figure ``number``: each alternative specification with the
    PBE-ER it shows, those beyond and short of the paper's, and whether
    every cell has exactly one PBE-ER."""
    paper = set(FIGURES[number]["paper_names"])
    if number == 3:
        paper = set(_FIG3_PAPER)
    specs = [("main text (weak, interim, theta = 1)", {}),
             ("strict dominance", {"dominance": "strict"}),
             ("ex-ante dominance", {"dominance": "ex-ante"}),
             ("only the paper's named equilibria compared", {"restrict": tuple(sorted(paper))}),
             ("off-path: grim", {"offpath": "grim"}),
             ("off-path: passive", {"offpath": "passive"}),
             ("off-path: passive-efficient", {"offpath": "passive-efficient"}),
             ("theta = 0.7", {"theta": 0.7}),
             ("theta = 2", {"theta": 2.0}),
             ("L = 0 (against the stated -0.1)", {"L": 0.0}),
             ("L = 0.05 (against the stated -0.1)", {"L": 0.05}),
             ("L = 0.05 and ex-ante", {"L": 0.05, "dominance": "ex-ante"})]
    rows = []
    for label, kw in specs:
        m = figure_map(number, **kw)
        pres = set(m.present())
        rows.append({"specification": label, "extra": sorted(pres - paper),
                     "missing": sorted(paper - pres), "unique": _unique(m),
                     "empty_cells": int((m.count() == 0).sum())})
    return rows


def full_scope_map(number: int, n: int = 12, theta=1.0, dominance: str = "weak") -> RegionMap:
    """Figure ``number`` on an ``n`` x ``n`` grid with period-1 mixing
    searched (:func:`trustgame.analysis.maps.region_map` with ``scope="all"``, the
    vectorised search; it agrees cell by cell with
    :func:`trustgame.analysis.maps.region_map_pointwise`).
    """
    from ..analysis.maps import region_map

    spec = FIGURES[number]
    return region_map(figure_base(number, theta), spec["x"], spec["y"], n=n,
                      dominance=dominance, scope="all")


# ---------------------------------------------------------------------------
# Gambit's logit quantal-response tracing (an independent equilibrium pick)
# ---------------------------------------------------------------------------

def qre_match(p: Params, tol: float = 1e-3, scope: str | None = None) -> dict:
    """Trace Gambit's logit QRE to its limit and find it among the solver's
    equilibria.

    The principal branch of the logit correspondence ends at one Nash
    equilibrium of the extensive game (McKelvey and Palfrey 1995).  It is
    compared with each equilibrium the solver reports at ``p`` on the path
    only: every type's period-1 probability of C, and its period-2
    probability after every history that the type itself reaches with
    positive probability.  Off-path play is not compared.

    Parameters
    ----------
    p : Params
    tol : float
        Largest absolute difference in behaviour accepted as a match.
    scope : {"all", "pure"}, optional
        ``"all"`` also searches equilibria with period-1 mixing, ``"pure"``
        never does; by default they are searched only when no pure one
        matches.

    Returns
    -------
    dict
        ``status``: ``"match"`` (within ``tol`` of a reported equilibrium),
        ``"near"`` (the trace stopped before converging, Gambit's regret
        above 1e-6, and the closest reported equilibrium is within
        ``10 * tol``: this happens when a type is almost indifferent) or
        ``"miss"``; ``matched`` (name or None), ``closest``, ``distance``,
        ``regret`` (Gambit's regret of the traced profile), ``method``.
    """
    import pygambit as gbt

    from .crosscheck import gambit_game

    g, infosets = gambit_game(p)
    res = gbt.nash.logit_solve(g)
    prof = res.equilibria[0]
    q = {key: float(prof[iset.actions["C"]]) for key, iset in infosets.items()}
    pA, pB = float(p.pA), float(p.pB)

    def reach(state, tname, h):
        """Probability that a type of ``state`` reaches ``h``."""
        s = "AB".index(state)
        o = "BA"[s]
        own = q[(state, tname, "P1")] if h[s] == "C" else 1 - q[(state, tname, "P1")]
        other = sum(pr * (q[(o, t, "P1")] if h[1 - s] == "C" else 1 - q[(o, t, "P1")])
                    for t, pr in (("security", pB if o == "B" else pA),
                                  ("greedy", 1 - (pB if o == "B" else pA))))
        return own * other

    def distance(eq):
        d = 0.0
        for state, tname in _TYPES:
            d = max(d, abs(q[(state, tname, "P1")] - float(eq.strategy(state, tname))))
            for h in ("CC", "CD", "DC", "DD"):
                if reach(state, tname, h) > 1e-6:
                    d = max(d, abs(q[(state, tname, h)] - float(eq.strategy(state, tname, h))))
        return d

    best = (math.inf, None, "pure")
    for e in _solve(p).equilibria:
        best = min(best, (distance(e), e.key, "pure"), key=lambda r: r[0])
    if best[0] > tol and scope != "pure":
        for e in full_scope_solution(p).equilibria:
            if e.method == "pure":
                continue
            best = min(best, (distance(e), e.key, "semi-separating"), key=lambda r: r[0])
    regret = float(prof.max_regret())
    if best[0] <= tol:
        status = "match"
    elif regret > 1e-6 and best[0] <= 10 * tol:
        status = "near"  # the trace stopped short of its limit (a near-indifferent type)
    else:
        status = "miss"
    return {"status": status, "matched": best[1] if status == "match" else None,
            "distance": best[0], "closest": best[1], "regret": regret, "method": best[2],
            "behaviour": q}


# ---------------------------------------------------------------------------
# Tables for the book
# ---------------------------------------------------------------------------

def verdict_frame(pairs=None):
    """The summary table: one row per claim (a pandas DataFrame).

    Columns: claim id, section, claim, recorded verdict, computed verdict,
    and the alternative under which it is reproduced (if any).
    """
    import pandas as pd

    pairs = run_all() if pairs is None else pairs
    rows = []
    for c, v in pairs:
        rows.append({"claim": c.id, "section": c.section, "what the paper says": c.claim,
                     "verdict": v.status,
                     "only under": v.alternative if v.status == ONLY_UNDER else ""})
    return pd.DataFrame(rows)


def witness_frame(w: Witness):
    """A witness's equilibria and payoffs as a DataFrame (one row per
    equilibrium, one column per type)."""
    import pandas as pd

    rows = []
    for e in w.equilibria:
        row = {"equilibrium": e["name"], "PBE-ER": "yes" if e["efficient"] else "no"}
        row.update(e["payoffs"])
        rows.append(row)
    return pd.DataFrame(rows)


def mark_multiple(m: RegionMap, ax, color: str = "gold", label: str = "two or more PBE-ER"):
    """Paint the cells of a map that have more than one PBE-ER (on top of
    :func:`trustgame.viz.plotting.plot_map`) and add them to the legend.

    Returns the number of such cells.
    """
    from matplotlib.patches import Patch

    multi = m.count() > 1
    if multi.any():
        ax.contourf(m.xs, m.ys, multi.astype(float), levels=[0.5, 1.5], colors=[color],
                    alpha=0.9, zorder=5)
    leg = ax.get_legend()
    handles = list(leg.legend_handles) if leg else []
    labels = [t.get_text() for t in leg.get_texts()] if leg else []
    handles.append(Patch(facecolor=color, edgecolor="none"))
    labels.append(f"{label} ({int(multi.sum())} cells)")
    ax.legend(handles=handles, labels=labels, loc="upper center", bbox_to_anchor=(0.5, -0.13),
              ncol=2, fontsize="small", frameon=False)
    return int(multi.sum())
