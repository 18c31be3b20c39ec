"""Closed forms and maps: sympy existence conditions of every class of
pure period-1 play, the bounds and thresholds derived from them, the
salience and correlation extensions, and region maps over two parameters.

Builds on :mod:`trustgame.core` only.
"""
