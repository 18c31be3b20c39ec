"""The paper's Table 5: the predictions it states for each equilibrium class
under payoff independence, and the solver's verdict on each.

Table 5 of Goldfien, Joseph and McManus (2026) says, class by class, what
independence does to the equilibria of the baseline game.  Here each row
is checked on three region maps (pure period-1 play, weak dominance): the
baseline (Figure 1, no independence), Figure 2 (two-sided independence)
and Figure 3 (axes ``betaA`` and ``pB``), all at ``theta = 1``.

* :data:`TABLE5_PREDICTIONS` is our one-line summary of each row of the
  paper's table;
* :func:`table5_maps` computes the three maps;
* :func:`table5_checks` reads the facts each row depends on off the maps
  (booleans with plain-English names);
* :func:`table5_verdicts` turns those facts into a verdict per row;
* :func:`table5` puts it together as a :class:`Table5`, printed with
  :meth:`Table5.to_markdown`.

A verdict is ``"check"`` when the facts match none of the outcomes the
verdicts describe, so a change in the solver cannot silently keep an old
verdict.

Examples
--------
>>> t = table5(n=40)
>>> t.rows[1].label, t.rows[1].verdict
('suckers', 'agrees')
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from ..analysis.conditions import SYMBOLS, named_condition
from ..analysis.maps import RegionMap, region_map
from .figures import FIGURES
from .strategy_tables import equilibrium_title

__all__ = ["TABLE5_CLASSES", "TABLE5_MAPS", "TABLE5_PREDICTIONS", "Table5", "Table5Row",
           "table5", "table5_checks", "table5_maps", "table5_verdicts"]

#: The classes of the table, in its order (solver keys; "[B]": B leads).
TABLE5_CLASSES: tuple[str, ...] = (
    "trust-building", "suckers", "tragic", "mixed-trust-building", "semi-tragic",
    "asymmetric-trust-building[B]", "asymmetric-semi-tragic[B]", "pool-D/pool-D:CC")

#: The three maps: key, and the label of its column in the printed table.
TABLE5_MAPS: Mapping[str, str] = MappingProxyType({
    "baseline": r"Baseline, $\beta = 0$",
    "figure 2": "Figure 2",
    "figure 3": "Figure 3"})

#: What the paper's Table 5 predicts for each class (our summary of it).
TABLE5_PREDICTIONS: Mapping[str, str] = MappingProxyType({
    "trust-building": ("expands into low trust; possible at the lowest trust once the "
                       "threshold is met"),
    "suckers": "no change",
    "tragic": "cannot be supported, even as a PBE, once either side meets the threshold",
    "mixed-trust-building": (r"dominated by suckers at $\beta = 0$; with independence expands "
                             "into low trust and reaches higher trust than trust-building; "
                             "shown as PBE-ER in Figure 2"),
    "semi-tragic": "replaces tragic as the least players can assure themselves",
    "asymmetric-trust-building[B]": ("appears when independence and trust are lopsided "
                                     "(Figure 3)"),
    "asymmetric-semi-tragic[B]": ("appears when independence is lopsided; may overlap "
                                  "symmetric PBE-ER"),
    "pool-D/pool-D:CC": "not mentioned",
})

_LABELS = {"pool-D/pool-D:CC": "all defect, then cooperate (pool-D/pool-D:CC)"}


def table5_maps(n: int = 200) -> dict[str, RegionMap]:
    """The three maps Table 5 is checked on.

    Parameters
    ----------
    n : int
        Cells per axis.

    Returns
    -------
    dict of str to RegionMap
        Keyed as :data:`TABLE5_MAPS`: the baseline and Figure 2 over
        ``(pA, pB)``, Figure 3 over ``(betaA, pB)``; weak dominance,
        pure period-1 play, ``theta = 1``.

    Examples
    --------
    >>> maps = table5_maps(n=20)
    >>> list(maps), (maps["figure 3"].x, maps["figure 3"].y)
    (['baseline', 'figure 2', 'figure 3'], ('betaA', 'pB'))
    """
    return {"baseline": region_map(FIGURES[1]["base"], "pA", "pB", n=n),
            "figure 2": region_map(FIGURES[2]["base"], "pA", "pB", n=n),
            "figure 3": region_map(FIGURES[3]["base"], "betaA", "pB", n=n)}


def _low_end(m: RegionMap, name: str) -> float:
    """Lowest ``y`` of a row of the map in which ``name`` is a PBE."""
    return float(m.ys[m.mask(name, efficient=False).any(axis=1)].min())


def _high_end(m: RegionMap, name: str) -> float:
    """Highest ``y`` of a row of the map in which ``name`` is a PBE."""
    return float(m.ys[m.mask(name, efficient=False).any(axis=1)].max())


def table5_checks(maps: Mapping[str, RegionMap],
                  n_salience: int | None = None) -> dict[str, dict[str, bool]]:
    """The facts each row of Table 5 depends on, read off the maps.

    Parameters
    ----------
    maps : mapping of str to RegionMap
        As returned by :func:`table5_maps`.
    n_salience : int, optional
        Cells per axis of the one extra map, Figure 3 at
        ``theta_A = theta_B = 0.7``; half the cells of the Figure 3 map
        by default.

    Returns
    -------
    dict
        For each class of :data:`TABLE5_CLASSES`, a dict from the name of
        a fact (plain English) to whether it holds.

    Examples
    --------
    >>> checks = table5_checks(table5_maps(n=40))
    >>> checks["suckers"]["condition free of beta"]
    True
    """
    m0, m2, m3 = maps["baseline"], maps["figure 2"], maps["figure 3"]
    if n_salience is None:
        n_salience = max(len(m3.xs) // 2, 2)
    betas = {SYMBOLS["betaA"], SYMBOLS["betaB"]}
    lower_salience = region_map(FIGURES[3]["base"].replace(thetaA=0.7, thetaB=0.7),
                                "betaA", "pB", n=n_salience)
    mixed, pool = m2.mask("mixed-trust-building", False), m2.mask("pool-D/pool-D:CC")
    ast3 = m3.mask("asymmetric-semi-tragic[B]")
    symmetric3 = m3.mask("semi-tragic") | m3.mask("suckers") | m3.mask("trust-building")
    return {
        "trust-building": {
            "reaches lower trust": _low_end(m2, "trust-building") < _low_end(m0, "trust-building"),
            "exists at the lowest trust": bool(m2.mask("trust-building", False)[0, 0])},
        "suckers": {
            "same PBE region": bool((m0.mask("suckers", False)
                                     == m2.mask("suckers", False)).all()),
            "same PBE-ER region": bool((m0.mask("suckers") == m2.mask("suckers")).all()),
            "condition free of beta": not (betas & named_condition("suckers").free_symbols)},
        "tragic": {
            "no PBE in Figure 2": not m2.mask("tragic", False).any(),
            "no PBE in Figure 3": not m3.mask("tragic", False).any()},
        "mixed-trust-building": {
            "dominated by suckers at beta = 0": bool(
                m0.mask("suckers")[m0.mask("mixed-trust-building", False)].all()),
            "reaches lower trust": (_low_end(m2, "mixed-trust-building")
                                    < _low_end(m0, "mixed-trust-building")),
            "higher trust than trust-building": bool(
                mixed.any() and _high_end(m2, "mixed-trust-building")
                > _high_end(m2, "trust-building")),
            "PBE-ER somewhere": any(bool(m.mask("mixed-trust-building").any())
                                    for m in maps.values())},
        "semi-tragic": {
            "PBE-ER where neither trust-building nor suckers is a PBE in Figure 2": bool(
                (m2.mask("semi-tragic") == (~m2.mask("trust-building", False)
                                            & ~m2.mask("suckers", False))).all())},
        "asymmetric-trust-building[B]": {
            "PBE in Figure 3": bool(m3.mask("asymmetric-trust-building[B]", False).any()),
            "PBE-ER in Figure 3 at theta = 0.7": bool(
                lower_salience.mask("asymmetric-trust-building[B]").any())},
        "asymmetric-semi-tragic[B]": {
            "PBE-ER in Figure 3": bool(ast3.any()),
            "overlaps a symmetric PBE-ER": bool((ast3 & symmetric3).any())},
        "pool-D/pool-D:CC": {
            "PBE-ER beside suckers in Figure 2": bool(
                pool.any() and m2.mask("suckers")[pool].all())},
    }


def table5_verdicts(checks: Mapping[str, Mapping[str, bool]]) -> dict[str, str]:
    """The verdict on each row of Table 5, from its facts.

    Parameters
    ----------
    checks : mapping
        As returned by :func:`table5_checks`.

    Returns
    -------
    dict of str to str
        For each class of :data:`TABLE5_CLASSES`, "agrees", "differs",
        a sentence that says how far the computation agrees, or
        ``"check"`` when the facts fit none of these.

    Examples
    --------
    >>> facts = {"same PBE region": True, "same PBE-ER region": True,
    ...          "condition free of beta": True}
    >>> table5_verdicts({"suckers": facts})["suckers"]
    'agrees'
    """
    verdicts: dict[str, str] = {}
    c = checks
    if "trust-building" in c:
        tb = c["trust-building"]
        verdicts["trust-building"] = (
            ("agrees" if tb["reaches lower trust"] and tb["exists at the lowest trust"]
             else "differs") + "; the upper end also falls (Result 1a)")
    if "suckers" in c:
        verdicts["suckers"] = "agrees" if all(c["suckers"].values()) else "differs"
    if "tragic" in c:
        verdicts["tragic"] = ("agrees at these values; differs just above the threshold"
                              if all(c["tragic"].values()) else "differs")
    if "mixed-trust-building" in c:
        mt = c["mixed-trust-building"]
        ok = (mt["dominated by suckers at beta = 0"] and mt["reaches lower trust"]
              and mt["higher trust than trust-building"] and not mt["PBE-ER somewhere"])
        verdicts["mixed-trust-building"] = (
            "agrees as PBE; differs as PBE-ER: never survives the refinement" if ok else "check")
    if "semi-tragic" in c:
        verdicts["semi-tragic"] = "agrees" if all(c["semi-tragic"].values()) else "differs"
    if "asymmetric-trust-building[B]" in c:
        at = c["asymmetric-trust-building[B]"]
        verdicts["asymmetric-trust-building[B]"] = (
            r"differs at $\theta = 1$: absent; present at $\theta = 0.7$"
            if not at["PBE in Figure 3"] and at["PBE-ER in Figure 3 at theta = 0.7"]
            else "check")
    if "asymmetric-semi-tragic[B]" in c:
        ast = c["asymmetric-semi-tragic[B]"]
        verdicts["asymmetric-semi-tragic[B]"] = (
            r"agrees that it appears; no overlap with symmetric PBE-ER at $\theta = 1$"
            if ast["PBE-ER in Figure 3"] and not ast["overlaps a symmetric PBE-ER"] else "check")
    if "pool-D/pool-D:CC" in c:
        verdicts["pool-D/pool-D:CC"] = (
            "not in the paper; a PBE-ER beside suckers in Figure 2"
            if c["pool-D/pool-D:CC"]["PBE-ER beside suckers in Figure 2"] else "absent")
    return verdicts


@dataclass(frozen=True)
class Table5Row:
    """One row of Table 5.

    Attributes
    ----------
    key : str
        The class (solver key).
    label : str
        Its name in the printed table.
    prediction : str
        The paper's prediction (:data:`TABLE5_PREDICTIONS`).
    shares : dict of str to (float, float)
        Per map of :data:`TABLE5_MAPS`, the share of the map where the
        class is a PBE and where it is a PBE-ER.
    checks : dict of str to bool
        The facts of :func:`table5_checks`.
    verdict : str
        From :func:`table5_verdicts`.

    Examples
    --------
    >>> row = table5(n=40).rows[0]
    >>> row.key, row.shares["baseline"][0] < row.shares["figure 2"][0]
    ('trust-building', True)
    """

    key: str
    label: str
    prediction: str
    shares: dict = field(compare=False)
    checks: dict = field(compare=False)
    verdict: str


@dataclass(frozen=True)
class Table5:
    """Table 5, computed: one :class:`Table5Row` per class.

    Attributes
    ----------
    rows : tuple of Table5Row
        In the order of :data:`TABLE5_CLASSES`.
    n : int
        Cells per axis of the maps.

    Examples
    --------
    >>> t = table5(n=40)
    >>> print(t.to_markdown().splitlines()[0].split(" | ")[0])
    | Equilibrium
    """

    rows: tuple
    n: int

    @property
    def verdicts(self) -> dict[str, str]:
        """The verdict per class key.

        Examples
        --------
        >>> table5(n=40).verdicts["suckers"]
        'agrees'
        """
        return {r.key: r.verdict for r in self.rows}

    def columns(self) -> tuple[str, ...]:
        """Headers of the printed table: a map's column holds the shares
        of the map where the class is a PBE and a PBE-ER ("30% / 30%").

        Examples
        --------
        >>> table5(n=40).columns()[-1]
        'Verdict'
        """
        return ("Equilibrium", "The paper (our summary)", *TABLE5_MAPS.values(), "Verdict")

    def to_markdown(self) -> str:
        """The table in Markdown, shares in per cent, no index column.

        Examples
        --------
        >>> md = table5(n=40).to_markdown()
        >>> md.splitlines()[1].count("---")
        6
        """
        lines = ["| " + " | ".join(self.columns()) + " |",
                 "|" + "---|" * len(self.columns())]
        for r in self.rows:
            shares = [f"{r.shares[m][0]:.0%} / {r.shares[m][1]:.0%}" for m in TABLE5_MAPS]
            cells = [r.label, r.prediction, *shares, r.verdict]
            lines.append("| " + " | ".join(cells) + " |")
        return "\n".join(lines)


def table5(n: int = 200, n_salience: int | None = None) -> Table5:
    """The paper's Table 5 computed row by row.

    Parameters
    ----------
    n : int
        Cells per axis of the three maps (:func:`table5_maps`).
    n_salience : int, optional
        Cells per axis of the extra map at ``theta = 0.7``
        (:func:`table5_checks`).

    Returns
    -------
    Table5

    Examples
    --------
    >>> t = table5(n=40)
    >>> [r.label for r in t.rows][-2:]
    ['asymmetric semi-tragic (B leads)', 'all defect, then cooperate (pool-D/pool-D:CC)']
    """
    maps = table5_maps(n)
    checks = table5_checks(maps, n_salience=n_salience)
    verdicts = table5_verdicts(checks)
    rows = tuple(
        Table5Row(key=key, label=_LABELS.get(key, equilibrium_title(key)),
                  prediction=TABLE5_PREDICTIONS[key],
                  shares={label: (m.share(key, efficient=False), m.share(key))
                          for label, m in maps.items()},
                  checks=checks[key], verdict=verdicts[key])
        for key in TABLE5_CLASSES)
    return Table5(rows=rows, n=n)
