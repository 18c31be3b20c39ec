"""The strategy tables of Figures 1-3 list what the figure draws, print
the paper's tables for its named equilibria and render as HTML and text."""

from __future__ import annotations

import pytest

from trustgame.paper import CATALOGUE, STRATEGY_COLUMNS, StrategyTable, entry, figure_map, strategy_table


@pytest.mark.parametrize("number", [1, 2, 3], ids=["figure1", "figure2", "figure3"])
def test_lists_every_equilibrium_the_map_draws(number):
    t = strategy_table(number, n=60)
    assert set(t.names) == set(figure_map(number, n=60).present())


@pytest.mark.parametrize("number", [1, 2, 3], ids=["figure1", "figure2", "figure3"])
def test_rows_have_one_cell_per_column(number):
    t = strategy_table(number, n=60)
    assert all(len(r) == len(STRATEGY_COLUMNS) for r in t.rows)


def test_figure1_prints_the_paper_s_tables():
    t = strategy_table(1, n=60)
    assert t.names == ("trust-building", "suckers", "tragic")
    for name in t.names:
        mine = [r for r in t.rows if r[0] == name]
        assert [r[1] for r in mine] == ["A and B", "A and B"]
        e = entry(name)
        assert mine[0][3:] == e.paper_table[("A", "security")]
        assert mine[1][3:] == e.paper_table[("A", "greedy")]


def test_asymmetric_equilibria_get_a_row_per_state():
    t = strategy_table(3, theta=0.7, n=60)
    rows = [r for r in t.rows if r[0] == "asymmetric trust-building (B leads)"]
    assert [r[1] for r in rows] == ["A", "A", "B", "B"]
    assert rows[2][3:] == entry("asymmetric-trust-building", "B").paper_table[("B", "security")]


def test_unnamed_equilibria_come_from_the_solver_with_off_path_marks():
    t = strategy_table(2, n=60)
    named = {e.key for e in CATALOGUE}
    unnamed = [k for k in t.names if k not in named]
    assert unnamed, "Figure 2's map draws an equilibrium the paper does not name"
    assert any("(" in c for r in t.rows if r[0] == unnamed[0] for c in r[4:])
    assert any("Not named in the paper" in n for n in t.notes)


def test_paper_names_come_first_in_the_figure_notes_order():
    t = strategy_table(2, n=60)
    assert t.names[:3] == ("trust-building", "suckers", "semi-tragic")


@pytest.mark.parametrize("number", [1, 3], ids=["figure1", "figure3"])
def test_html_has_plain_headers_and_no_index(number):
    t = strategy_table(number, n=60)
    h = t._repr_html_()
    assert h.startswith("<table") and "Period 2, after the period-1 history" in h
    assert "Equilibrium" in h and "<th></th>" not in h
    assert h.count("<tr>") == len(t.rows) + 2


def test_text_repr_is_an_aligned_table():
    t = strategy_table(1, n=60)
    lines = repr(t).splitlines()
    assert lines[0].split()[:2] == ["Equilibrium", "State"]
    assert set(lines[1]) <= {"-", " "}
    assert lines[2].startswith("trust-building")
    assert lines[3].startswith(" ")  # the name once per equilibrium
    assert isinstance(t, StrategyTable)


def test_is_the_same_object_content_between_calls():
    assert strategy_table(1, n=60) == strategy_table(1, n=60)


def test_rejects_another_figure_number():
    with pytest.raises(Exception, match="figure must be 1, 2 or 3"):
        strategy_table(4)
