"""Who may pool with whom, by rules: same or neighbouring commune, same sub-sector, a size cap.

A sector view (MODEL.md §3.10) looks for pools among about 1,000 Brussels ASBLs. Pools are
formed between organisations close to each other — staff and members travel less, a shared desk
stays reachable — and often within one sub-sector. These rules cut the search long before any
cost is computed:

- :func:`may_pool` — the ``(N, N)`` bool matrix of candidate pairs the rules allow: ``near`` =
  ``"commune"`` (same commune only), ``"neighbours"`` (same or bordering commune, borders from
  :func:`simulator.communes.adjacency`) or None (anywhere); ``same_subsector`` adds that rule.
- :func:`pools_allowed` — for candidate pools as ``(C, N)`` masks: every pair of members allowed
  and at most ``max_size`` members (vectorised, one matrix product).
- :func:`neighbourhood_windows` — small overlapping groups of candidates, one per commune (and
  sub-sector): the commune's candidates and those of its neighbours. **Every allowed pool lies
  inside at least one window** (take any member's commune: all others are in it or border it),
  so a search run window by window misses no allowed pool, and each window is costed on a model
  of its own few candidates. With 1,000 candidates over 19 communes a window holds about 50 × (1 +
  its neighbours) candidates, divided by the sub-sectors when ``same_subsector``.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from simulator.communes import adjacency
from simulator.errors import InputError
from simulator.messages import msg
from simulator.org_schema import COMMUNES

__all__ = ["NEAR_RULES", "may_pool", "neighbourhood_windows", "pools_allowed"]

NEAR_RULES = ("commune", "neighbours", None)


def _commune_index(communes: Sequence[str]) -> np.ndarray:
    index = {c: k for k, c in enumerate(COMMUNES)}
    unknown = sorted({str(c) for c in communes if c not in index})
    if unknown:
        raise InputError("commune", msg("neighbourhood.unknown_communes", "unknown commune(s) {names}; expected "
                                        "one of the 19 Brussels communes (e.g. 'ixelles', 'saint_gilles').",
                                        names=str(unknown[:5])))
    return np.array([index[c] for c in communes], dtype=np.int64)


def may_pool(communes: Sequence[str], subsectors: Sequence[str] | None = None, *,
             near: str | None = "neighbours", same_subsector: bool = False) -> np.ndarray:
    """``(N, N)`` bool: candidates i and j may be in one pool under the rules (True on the diagonal).

    ``allowed[i, j] = near_ok(i, j) ∧ (¬same_subsector ∨ subsector_i = subsector_j)`` with
    ``near_ok`` = same commune (``"commune"``), adjacency of the communes (``"neighbours"``) or
    always (None).
    """
    if near not in NEAR_RULES:
        raise InputError("near", msg("neighbourhood.near", "expected 'commune', 'neighbours' or None, got {value}.",
                                     value=repr(near)[:40]))
    n = len(communes)
    allowed = np.ones((n, n), dtype=bool)
    if near is not None:
        codes = _commune_index(communes)
        allowed &= adjacency()[codes[:, None], codes[None, :]] if near == "neighbours" \
            else codes[:, None] == codes[None, :]
    if same_subsector:
        if subsectors is None or len(subsectors) != n:
            raise InputError("subsector", msg("neighbourhood.subsector",
                                             "the same-sub-sector rule needs one sub-sector per candidate."))
        sub = np.asarray([str(s) for s in subsectors])
        allowed &= sub[:, None] == sub[None, :]
    return allowed


def pools_allowed(masks: np.ndarray, allowed: np.ndarray, max_size: int | None = None) -> np.ndarray:
    """``(C,)`` bool: pool rows ``(C, N)`` whose every pair of members is allowed (and size ≤ cap).

    A row S is allowed iff no member of S has a forbidden partner in S:
    ``¬∃ i ∈ S: (S · forbidden)_i > 0`` with ``forbidden = ¬allowed`` — one product for all rows.
    """
    masks = np.asarray(masks, dtype=bool)
    forbidden = (~np.asarray(allowed, dtype=bool)).astype(np.float64)
    clashes = (masks.astype(np.float64) @ forbidden) * masks
    ok = ~(clashes > 0).any(axis=1)
    if max_size is not None:
        ok &= masks.sum(axis=1) <= max_size
    return ok


def neighbourhood_windows(communes: Sequence[str], subsectors: Sequence[str] | None = None, *,
                          near: str | None = "neighbours", same_subsector: bool = False) -> list[np.ndarray]:
    """Candidate positions of each window: for each commune present (and sub-sector when
    ``same_subsector``), the candidates the rules allow next to that commune's candidates.

    Windows overlap (a candidate belongs to its commune's window and its neighbours'); windows
    with fewer than two candidates, or equal to another window, are dropped. Every pool allowed
    by :func:`may_pool` is a subset of at least one window (module docstring).
    """
    n = len(communes)
    if n == 0:
        return []
    if near is None:
        hubs = np.zeros((1, n), dtype=bool)
        reach = np.ones((1, n), dtype=bool)
    else:
        codes = _commune_index(communes)
        present = np.unique(codes)
        ring = adjacency() if near == "neighbours" else np.eye(len(COMMUNES), dtype=bool)
        hubs = codes[None, :] == present[:, None]  # (H, n): candidates of the hub commune
        reach = ring[present][:, codes]  # (H, n): candidates in the hub's neighbourhood
    if same_subsector:
        if subsectors is None or len(subsectors) != n:
            raise InputError("subsector", msg("neighbourhood.subsector",
                                             "the same-sub-sector rule needs one sub-sector per candidate."))
        sub = np.asarray([str(s) for s in subsectors])
        kinds = np.unique(sub)
        by_sub = sub[None, :] == kinds[:, None]  # (K, n)
        reach = (reach[:, None, :] & by_sub[None, :, :]).reshape(-1, n)
        hubs = (hubs[:, None, :] & by_sub[None, :, :]).reshape(-1, n)
    keep = (reach.sum(axis=1) >= 2) & (hubs.any(axis=1) | (near is None))
    windows = np.unique(reach[keep], axis=0)
    return [np.flatnonzero(w) for w in windows]
