"""The strategy tables of the panels (b) of Figures 1-3.

:func:`strategy_table` lists, for every equilibrium that survives the
refinement somewhere on a figure's map (:func:`~trustgame.paper.figure_map`),
the period-1 action of each type and its period-2 action after each
period-1 history.  Equilibria of the catalogue are printed as the paper
prints them (:attr:`~trustgame.paper.Entry.paper_table`); an equilibrium
the paper does not name is printed from the solver's representative
equilibrium at a point of the map where it survives, with the actions
after off-path histories in parentheses.

The result, a :class:`StrategyTable`, shows as an HTML table in a notebook
and as aligned text otherwise.

Examples
--------
>>> t = strategy_table(1, n=40)
>>> t.names
('trust-building', 'suckers', 'tragic')
>>> t.rows[0]
('trust-building', 'A and B', 'security-seeker', 'C', 'C', 'D', 'D', 'D')
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import numpy as np

from ..core.model import HISTORIES
from ..core.naming import book_name
from ..core.solution import solve
from .catalogue import CATALOGUE, strategy_rows
from .figures import FIGURES, figure_map

__all__ = ["StrategyTable", "strategy_table", "STRATEGY_COLUMNS", "equilibrium_title"]

#: Column headers of a strategy table.
STRATEGY_COLUMNS = ("Equilibrium", "State", "Type", "Period 1",
                    *(f"Period 2 after {h}" for h in HISTORIES))

_TYPES = {"security": "security-seeker", "greedy": "greedy"}


def equilibrium_title(key: str) -> str:
    """The name of an equilibrium as a table row prints it.

    Examples
    --------
    >>> equilibrium_title("asymmetric-semi-tragic[B]")
    'asymmetric semi-tragic (B leads)'
    >>> equilibrium_title("pool-D/pool-D:CC")
    'pool-D/pool-D:CC'
    """
    return book_name(key) or key


@dataclass(frozen=True)
class StrategyTable:
    """A figure's strategy table.

    Attributes
    ----------
    number : int
        The figure (1, 2 or 3).
    names : tuple of str
        Keys of the equilibria listed, in the table's order.
    rows : tuple of tuple of str
        One row per state and type, cells in the order of
        :data:`STRATEGY_COLUMNS`; a type's row serves both states
        ("A and B") when their strategies are the same.
    notes : tuple of str
        Sentences that explain the notation, printed under the table.
    columns : tuple of str
        The headers.

    Examples
    --------
    >>> t = strategy_table(1, n=40)
    >>> t.columns[3], len(t.rows)
    ('Period 1', 6)
    """

    number: int
    names: tuple
    rows: tuple
    notes: tuple
    columns: tuple = STRATEGY_COLUMNS

    def to_text(self) -> str:
        """The table as aligned plain text (also its ``repr``).

        Examples
        --------
        >>> print(strategy_table(1, n=40).to_text().splitlines()[0].split("  ")[0])
        Equilibrium
        """
        shown = [self._shown(r, i) for i, r in enumerate(self.rows)]
        widths = [max(len(c), *(len(r[k]) for r in shown)) for k, c in enumerate(self.columns)]
        line = "  ".join("-" * w for w in widths)
        out = ["  ".join(c.ljust(w) for c, w in zip(self.columns, widths)).rstrip(), line]
        out += ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in shown]
        return "\n".join(out + [""] + list(self.notes))

    def __repr__(self) -> str:
        return self.to_text()

    def _shown(self, row, i):
        """A row with the equilibrium's name only on its first line."""
        if i and self.rows[i - 1][0] == row[0]:
            return ("",) + tuple(row[1:])
        return tuple(row)

    def _repr_html_(self) -> str:
        esc = html.escape
        left = 'style="text-align:left"'
        first = "".join(f'<th rowspan="2" {left}>{esc(c)}</th>' for c in self.columns[:3])
        first += f'<th rowspan="2" style="text-align:center">{esc(self.columns[3])}</th>'
        later = [c.removeprefix("Period 2 after ") for c in self.columns[4:]]
        head = (f'{first}<th colspan="{len(later)}" style="text-align:center">'
                f"Period 2, after the period-1 history</th></tr><tr>"
                + "".join(f"<th>{esc(c)}</th>" for c in later))
        body = []
        for i, row in enumerate(self.rows):
            cells = []
            if not i or self.rows[i - 1][0] != row[0]:
                span = sum(1 for r in self.rows if r[0] == row[0])
                cells.append(f'<th scope="rowgroup" rowspan="{span}" '
                             f'style="text-align:left;vertical-align:top">{esc(row[0])}</th>')
            cells += [f"<td>{esc(c)}</td>" for c in row[1:3]]
            cells += [f'<td style="text-align:center">{esc(c)}</td>' for c in row[3:]]
            body.append("<tr>" + "".join(cells) + "</tr>")
        notes = "".join(f"<p>{_html_note(n)}</p>" for n in self.notes)
        return (f'<table class="dataframe trustgame-strategy-table">'
                f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
                f'<div class="trustgame-strategy-notes">{notes}</div>')


_SYMBOLS = {"pA": "<i>p</i><sub>A</sub>", "pB": "<i>p</i><sub>B</sub>",
            "betaA": "<i>&beta;</i><sub>A</sub>", "betaB": "<i>&beta;</i><sub>B</sub>"}


def _html_note(note: str) -> str:
    """A note in HTML, parameter names as symbols."""
    import re

    return re.sub(r"\b(pA|pB|betaA|betaB)\b", lambda mt: _SYMBOLS[mt.group(1)],
                  html.escape(note))


def _rows(key, table):
    """Rows of one equilibrium from ``{(state, type): cells}``: per type,
    one row for both states when their cells agree."""
    out = []
    if all(table[("A", t)] == table[("B", t)] for t in _TYPES):
        for t, label in _TYPES.items():
            out.append((equilibrium_title(key), "A and B", label, *table[("A", t)]))
        return out
    for s in "AB":
        for t, label in _TYPES.items():
            out.append((equilibrium_title(key), s, label, *table[(s, t)]))
    return out


def _example(m, key):
    """The solver's equilibrium ``key`` at the middle cell of its region."""
    cells = np.argwhere(m.mask(key))
    i, j = map(int, cells[len(cells) // 2])
    p = m.params_at(i, j)
    base, _, rest = key.partition("[")
    return p, solve(p, scope="pure").by_name(base, rest.rstrip("]") or None)


def strategy_table(number: int, theta=1.0, dominance: str = "weak", n=200) -> StrategyTable:
    """The strategy table of Figure ``number``'s panel (b).

    One block of rows for every equilibrium that is a PBE-ER somewhere on
    the figure's map (:func:`~trustgame.paper.figure_map` with the same
    arguments, pure period-1 play), the paper's named equilibria first in
    the order of its figure notes.  A catalogued equilibrium is printed
    from the paper's table; any other one from the solver's
    representative equilibrium at the middle cell of its region, with the
    actions after off-path histories in parentheses.

    Parameters
    ----------
    number : int
        1, 2 or 3.
    theta : float
        Salience of period 2 for both states.
    dominance : {"weak", "strict", "none", "ex-ante"}
        Refinement of the map.
    n : int
        Cells per axis of the map.

    Returns
    -------
    StrategyTable

    Examples
    --------
    >>> t = strategy_table(3, theta=0.7, n=40)
    >>> "asymmetric trust-building (B leads)" in {r[0] for r in t.rows}
    True
    >>> [r[1:4] for r in t.rows if r[0] == "asymmetric trust-building (B leads)"][:2]
    [('A', 'security-seeker', 'D'), ('A', 'greedy', 'D')]
    """
    m = figure_map(number, theta=theta, dominance=dominance, n=n)
    present = m.present()
    order = [k for k in FIGURES[number]["paper_names"] if k in present]
    order += [k for k in present if k not in order]
    catalogue = {e.key: e for e in CATALOGUE}
    rows, unnamed = [], []
    for key in order:
        if key in catalogue:
            rows += _rows(key, catalogue[key].paper_table)
        else:
            p, eq = _example(m, key)
            rows += _rows(key, strategy_rows(eq))
            d = p.as_dict()
            unnamed.append(f"{equilibrium_title(key)} (the solver's equilibrium at "
                           f"{m.x} = {d[m.x]:.3g}, {m.y} = {d[m.y]:.3g})")
    notes = ["C: cooperate; D: defect; C/D: mix. A period-2 column gives the action after "
             "that period-1 history, A's action first."]
    if unnamed:
        notes.append("Not named in the paper: " + "; ".join(unnamed) + ". In parentheses: "
                     "the actions after histories off the equilibrium path.")
    return StrategyTable(number, tuple(order), tuple(rows), tuple(notes))
