"""The 19 Brussels communes and their borders: who is a neighbour of whom.

Candidate pools are often formed "in the same or a neighbouring commune" (MODEL.md §3.10): staff
and members travel less, and a shared desk or building stays reachable. The borders are data
(``data/communes.yaml``), read once.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy as np
import yaml

from simulator.org_schema import COMMUNES

DATA_FILE = Path(__file__).parent / "data" / "communes.yaml"


@lru_cache(maxsize=1)
def _catalogue() -> dict[str, dict]:
    with DATA_FILE.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def commune_label(code: str, lang: str = "fr") -> str:
    """Official name of a commune in French or Dutch (English uses the French name)."""
    entry = _catalogue().get(code)
    if entry is None:
        return code
    return str(entry.get(lang) or entry["fr"])


def neighbours(code: str) -> frozenset[str]:
    """Communes that share a border with ``code`` (not ``code`` itself); empty if unknown."""
    entry = _catalogue().get(code)
    return frozenset(entry["neighbours"]) if entry else frozenset()


@lru_cache(maxsize=1)
def adjacency() -> np.ndarray:
    """``(19, 19)`` bool matrix in :data:`~simulator.org_schema.COMMUNES` order; True on the diagonal.

    ``adjacency()[i, j]`` is True when communes i and j are the same or share a border, so
    "same or neighbouring commune" for members with commune indices ``a`` and ``b`` is
    ``adjacency()[a, b]``.
    """
    index = {c: k for k, c in enumerate(COMMUNES)}
    out = np.eye(len(COMMUNES), dtype=bool)
    for code, entry in _catalogue().items():
        for other in entry["neighbours"]:
            out[index[code], index[other]] = True
    out.setflags(write=False)
    return out
