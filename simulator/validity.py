"""The model's validated range: pools far outside it get a warning with their figures.

The limits are catalogue data (``data/validated_range.yaml``: value, unit, source, grade), not
numbers in code. A 10 000-member pool computes, but its pairwise coordination term
(n(n−1)/2 pairs) dominates everything: the result says so instead of showing a bare NPV.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

from simulator.messages import msg

RANGE_FILE = Path(__file__).parent / "data" / "validated_range.yaml"


@cache
def validated_range() -> dict[str, dict[str, Any]]:
    """Each validated quantity → ``{max, unit, grade, source}``."""
    with RANGE_FILE.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def range_warnings(members: int, pooled_fte: float) -> list[str]:
    """Warnings for a pool of ``members`` members and ``pooled_fte`` pooled FTE outside the range."""
    limits = validated_range()
    out = []
    top = limits["members_per_pool"]["max"]
    if members > top:
        out.append(msg("warning.members_range", "the pool has {n} members; the model is validated for pools of at "
                       "most {max}: its coordination costs (one term per pair of members) are extrapolated",
                       n=members, max=top))
    top_fte = limits["pooled_fte"]["max"]
    if pooled_fte > top_fte:
        out.append(msg("warning.fte_range", "the pool needs {fte} pooled FTE; the model is validated up to "
                       "{max}: read its figures as an extrapolation", fte=round(pooled_fte), max=top_fte))
    return out
