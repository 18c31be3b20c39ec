"""The solver core: the model, the period-2 game, pure and mixed
period-1 equilibria, their names, the efficiency refinement and
:func:`solve`.

Nothing in this subpackage imports from the layers above it
(closed forms, maps, the paper, the audit, the cases, plotting, the CLI).
"""

__version__ = "0.1.0"
