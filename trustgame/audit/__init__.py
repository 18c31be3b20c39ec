"""The replication audit: the registry of the paper's claims, the checks
that decide each verdict, and the independent cross-checks (a brute-force
enumerator and Gambit).

Examples
--------
>>> from trustgame import audit
>>> audit.run_check("threshold_value").status
'reproduced'
"""

from .claims import *  # noqa: F401,F403
from .claims import __all__  # noqa: F401
