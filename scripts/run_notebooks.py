"""Execute notebooks in place so that their stored outputs are current.

nbval (``make test``) re-executes every notebook and compares its text
outputs with the stored ones, so stored outputs must come from a clean run.

Usage: python scripts/run_notebooks.py [NOTEBOOK ...]   (default: book/*.ipynb)
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]


def run(path: Path, timeout: int = 1800) -> float:
    """Execute one notebook in its own directory and write it back."""
    nb = nbformat.read(path, as_version=4)
    start = time.perf_counter()
    NotebookClient(nb, timeout=timeout, kernel_name="python3",
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    nbformat.write(nb, path)
    return time.perf_counter() - start


def main(argv: list[str]) -> int:
    paths = [Path(a).resolve() for a in argv] or sorted((ROOT / "book").glob("*.ipynb"))
    for p in paths:
        secs = run(p)
        print(f"{p.relative_to(ROOT)}: executed in {secs:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
