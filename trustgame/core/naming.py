"""Names of equilibrium classes, in both directions.

An equilibrium with pure period-1 play in the two-type game belongs to a
*class*: the period-1 pattern of each state and the period-2 regime after
the one history at which both posteriors put weight on a security-seeker.

* A period-1 pattern is one state's (security-seeker's, greedy type's)
  action: ``separating`` = (C, D), ``pool-C`` = (C, C), ``pool-D`` =
  (D, D), ``reverse`` = (D, C).
* A regime is ``CC``, ``mixed`` or ``DD``.

There are 4 x 4 x 3 = 48 classes.  Nine of them carry a name from the paper
(:data:`NAMED_CLASSES`); the others are named descriptively,
``"<A pattern>/<B pattern>:<regime>"``.  A class *key* is the name with the
leader for asymmetric ones (``"asymmetric-trust-building[B]"``): maps,
conditions and case tables all index classes by it.  This module is the
only place where names are built or read back.

Examples
--------
>>> class_key(("separating", "separating", "CC"))
'trust-building'
>>> class_key(("pool-C", "separating", "DD"))
'pool-C/separating:DD'
>>> class_of("asymmetric-trust-building[B]")
('pool-D', 'separating', 'CC')
>>> len(CLASS_KEYS)
48
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .model import HISTORIES

__all__ = ["PATTERNS", "REGIMES", "CLASSES", "CLASS_KEYS", "NamedClass", "NAMED_CLASSES",
           "class_key", "class_of", "named_class", "pattern", "informative_history",
           "name_equilibrium", "BOOK_NAMES", "book_name"]

#: Period-1 pattern names for the two-type game, keyed by (x_security,
#: x_greedy) probabilities of C.
PATTERNS = {(1, 0): "separating", (1, 1): "pool-C", (0, 0): "pool-D", (0, 1): "reverse"}

#: Period-2 regimes after the informative history.
REGIMES = ("CC", "mixed", "DD")

#: Every class of PBE with pure period-1 play, as (A pattern, B pattern,
#: regime), in a fixed order (A's pattern slowest).
CLASSES = tuple((a, b, r) for a in PATTERNS.values() for b in PATTERNS.values() for r in REGIMES)


@dataclass(frozen=True)
class NamedClass:
    """A class of equilibria that the paper names.

    Attributes
    ----------
    name : str
        The paper's name (slug).
    leader : str or None
        The state that cooperates first in an asymmetric equilibrium.
    patterns : tuple
        Period-1 patterns of A and B.
    regime : str
        Period-2 play after the informative history.

    Examples
    --------
    >>> named_class("tragic").patterns
    ('pool-D', 'pool-D')
    """

    name: str
    leader: str | None
    patterns: tuple
    regime: str

    @property
    def key(self) -> str:
        """Unique key: the name, with the leader for asymmetric ones."""
        return self.name if self.leader is None else f"{self.name}[{self.leader}]"

    @property
    def triple(self) -> tuple:
        """(A pattern, B pattern, regime)."""
        return (*self.patterns, self.regime)


#: The nine classes the paper names, in the paper's order.
NAMED_CLASSES: tuple[NamedClass, ...] = (
    NamedClass("trust-building", None, ("separating", "separating"), "CC"),
    NamedClass("suckers", None, ("pool-C", "pool-C"), "CC"),
    NamedClass("tragic", None, ("pool-D", "pool-D"), "DD"),
    NamedClass("mixed-trust-building", None, ("separating", "separating"), "mixed"),
    NamedClass("semi-tragic", None, ("separating", "separating"), "DD"),
    NamedClass("asymmetric-trust-building", "B", ("pool-D", "separating"), "CC"),
    NamedClass("asymmetric-trust-building", "A", ("separating", "pool-D"), "CC"),
    NamedClass("asymmetric-semi-tragic", "B", ("pool-D", "separating"), "DD"),
    NamedClass("asymmetric-semi-tragic", "A", ("separating", "pool-D"), "DD"),
)

_BY_TRIPLE = {c.triple: c for c in NAMED_CLASSES}

#: How the book writes the name of each class the paper names (slug -> words).
BOOK_NAMES = {c.name: ("mixed-strategy trust-building" if c.name == "mixed-trust-building"
                       else c.name.replace("asymmetric-", "asymmetric "))
              for c in NAMED_CLASSES}


def book_name(key: str) -> str | None:
    """The book's words for a named equilibrium id (``name[leader]``
    allowed), or None for a class the paper does not name.

    Examples
    --------
    >>> book_name("asymmetric-semi-tragic[B]")
    'asymmetric semi-tragic (B leads)'
    >>> book_name("mixed-trust-building")
    'mixed-strategy trust-building'
    >>> book_name("pool-D/pool-D:CC") is None
    True
    """
    base, _, rest = key.partition("[")
    if base not in BOOK_NAMES:
        return None
    return BOOK_NAMES[base] + (f" ({rest.rstrip(']')} leads)" if rest else "")


def class_key(triple) -> str:
    """The key of the class ``(pattern_A, pattern_B, regime)``."""
    c = _BY_TRIPLE.get(tuple(triple))
    return c.key if c is not None else f"{triple[0]}/{triple[1]}:{triple[2]}"


#: Keys of the 48 classes, in the order of :data:`CLASSES`.
CLASS_KEYS = tuple(class_key(t) for t in CLASSES)

_BY_KEY = dict(zip(CLASS_KEYS, CLASSES))


def class_of(key: str) -> tuple:
    """The class ``(pattern_A, pattern_B, regime)`` with key ``key``.

    Raises
    ------
    KeyError
        If ``key`` names no class of pure period-1 play.
    """
    try:
        return _BY_KEY[key]
    except KeyError:
        raise KeyError(f"no equilibrium class with key {key!r}") from None


def named_class(name: str, leader: str | None = None) -> NamedClass:
    """The named class ``name`` (with ``leader`` for asymmetric ones)."""
    for c in NAMED_CLASSES:
        if c.name == name and c.leader == leader:
            return c
    raise KeyError(f"no catalogue entry {name!r} with leader {leader!r}")


def pattern(period1_state) -> str | None:
    """Pattern name of one state's pure period-1 play in a two-type game
    (None for other type spaces or mixed play)."""
    key = tuple(period1_state)
    return PATTERNS.get(key) if len(key) == 2 else None


def informative_history(eq) -> str | None:
    """The on-path history after which both posteriors put positive weight
    on a period-2 security type (None if there is none)."""
    for h in HISTORIES:
        if not eq.on_path(h):
            continue
        if eq.security_belief(h, "A") > 0 and eq.security_belief(h, "B") > 0:
            return h
    return None


def _regime(eq) -> tuple[str | None, str]:
    h = informative_history(eq)
    if h is None:
        return None, "DD"
    return h, eq.period2[HISTORIES.index(h)].kind


def _act(x):
    if x == 1:
        return "C"
    if x == 0:
        return "D"
    return "m"


def name_equilibrium(eq):
    """Return ``eq`` with its name and leader set.

    Two-type games with pure period-1 play get the paper's name when the
    on-path play matches a named class, and otherwise a descriptive
    name ``"<A pattern>/<B pattern>:<regime>"``.  Equilibria with period-1
    mixing are named ``"semi-separating A[..]/B[..] <history>:<play> ..."``
    where the brackets give each type's period-1 action (``C``, ``D`` or
    ``m`` for mixing, security type first) and the list gives period-2
    play after every on-path history at which someone may cooperate.
    Other type spaces get a name built from each type's period-1 action.
    """
    pats = tuple(pattern(p) for p in eq.period1)
    h, regime = _regime(eq)
    if None not in pats:
        c = _BY_TRIPLE.get((*pats, regime))
        if c is not None:
            return replace(eq, name=c.name, leader=c.leader)
        return replace(eq, name=f"{pats[0]}/{pats[1]}:{regime}", leader=None)
    acts = ["".join(_act(x) for x in p) for p in eq.period1]
    if eq.method == "semi-separating":
        play = " ".join(f"{hh}:{eq.period2[HISTORIES.index(hh)].kind}" for hh in HISTORIES
                        if eq.on_path(hh) and eq.period2[HISTORIES.index(hh)].kind != "DD")
        return replace(eq, name=f"semi-separating A[{acts[0]}]/B[{acts[1]}] {play or 'DD'}",
                       leader=None)
    suffix = f":{regime}" + (f"@{h}" if h else "")
    return replace(eq, name=f"A[{acts[0]}]/B[{acts[1]}]{suffix}", leader=None)
