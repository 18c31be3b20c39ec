"""The cases: the codebook that turns qualitative codings into parameter
intervals, the loaders of the case tables and timelines, and the
evaluation of a case's parameter box against the model.

Examples
--------
>>> from trustgame import cases
>>> sorted(cases.load_cases())
['cold-war', 'korea']
"""

from .cases import *  # noqa: F401,F403
from .cases import __all__  # noqa: F401
