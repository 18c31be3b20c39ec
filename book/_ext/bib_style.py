"""The book's citation and bibliography styles (sphinxcontrib-bibtex plugins).

``bibtex_reference_style: author_year_three``
    The ``author_year`` referencing style, except that a work by up to three
    authors names them all ("Goldfien, Joseph, and McManus (2026)");
    ``author_year`` shortens three authors to "Goldfien et al.".  Four or more
    read "First et al.".  Years stand in parentheses, not brackets.

``bibtex_default_style: plain_titlecase``
    pybtex's ``plain`` style, except that titles keep the capitalisation of
    the ``.bib`` file.  ``plain`` sets article titles in sentence case and so
    lowercases every proper noun that is not braced ("end of the cold war").
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pybtex.plugin
from pybtex.style.formatting.plain import Style as PlainStyle
from pybtex.style.template import FieldIsMissing, first_of, node, optional, sentence, tag
from pybtex.style.template import field as bib_field
from sphinxcontrib.bibtex.plugin import register_plugin
from sphinxcontrib.bibtex.style.referencing import BracketStyle, PersonStyle
from sphinxcontrib.bibtex.style.referencing.author_year import AuthorYearReferenceStyle
from sphinxcontrib.bibtex.style.template import join

#: Most authors a citation names before it shortens to "First et al.".
MAX_NAMES = 3


@node
def names_upto(children, data, role, max_names=MAX_NAMES, other=None, **kwargs):
    """The persons of ``role``, all of them when there are at most ``max_names``."""
    assert not children
    try:
        persons = data["entry"].persons[role]
    except KeyError:
        raise FieldIsMissing(role, data["entry"]) from None
    style = data["style"]
    formatted = [style.person.style_plugin.format(p, style.person.abbreviate) for p in persons]
    if len(formatted) <= max_names:
        other = None
    return join(other=other, **kwargs)[formatted].format_data(data)


@node
def author_or_editor_or_title_upto(children, data, **kwargs):
    """The authors, else the editors, else the title (as in sphinxcontrib-bibtex)."""
    assert not children
    return first_of[
        optional[names_upto("author", **kwargs)],
        optional[names_upto("editor", **kwargs)],
        tag("em")[bib_field("title")],
    ].format_data(data)


@dataclass
class PersonStyleUpTo(PersonStyle):
    """Person names that list up to :data:`MAX_NAMES` authors in full."""

    def names(self, role, full):
        return names_upto(role=role, sep=self.sep, sep2=self.sep2, last_sep=self.last_sep,
                          other=None if full else self.other)

    def author_or_editor_or_title(self, full):
        return author_or_editor_or_title_upto(sep=self.sep, sep2=self.sep2,
                                              last_sep=self.last_sep,
                                              other=None if full else self.other)


def _round() -> BracketStyle:
    return BracketStyle(left="(", right=")")


@dataclass
class AuthorYearThreeStyle(AuthorYearReferenceStyle):
    """``author_year`` with up to three authors named, years in parentheses."""

    bracket_textual: BracketStyle = field(default_factory=_round)
    bracket_parenthetical: BracketStyle = field(default_factory=_round)
    bracket_author: BracketStyle = field(default_factory=_round)
    bracket_label: BracketStyle = field(default_factory=_round)
    bracket_year: BracketStyle = field(default_factory=_round)
    person: PersonStyle = field(default_factory=PersonStyleUpTo)


class PlainTitleCaseStyle(PlainStyle):
    """pybtex ``plain`` with titles as the ``.bib`` file writes them."""

    def format_title(self, e, which_field, as_sentence=True):
        title = bib_field(which_field)
        return sentence[title] if as_sentence else title


register_plugin("sphinxcontrib.bibtex.style.referencing", "author_year_three",
                AuthorYearThreeStyle)
pybtex.plugin.register_plugin("pybtex.style.formatting", "plain_titlecase", PlainTitleCaseStyle)


def setup(app):
    return {"parallel_read_safe": True, "parallel_write_safe": True}
