"""Splitting the pool's cost among members — simple keys (MODEL.md §3.8).

Each pooled function's cost (with its VAT and margin) is split by a key among the members that
pool it; each member then bears its own governance and service-management time, and a share of
the pool-wide coordination costs (pairwise, travel, heterogeneity) and of the set-up in
proportion to its share of the pooled costs. Keys:

- ``use`` — proportional to use: the function's volume driver (``<function>.volume`` when every
  pooling member gives one; else the work done today in FTE for labour, opening hours for
  reception, spend for purchasing, users for licences, m² for premises). A cost-based key: the
  VAT-safe default under art. 44 §2bis.
- ``standalone`` — proportional to what each member pays for the function today.
- ``equal`` — equal shares among the members pooling the function.

Shares of every function sum to one over its pooling members, so the allocations sum exactly to
the cost they split. Game-theoretic splits (Shapley, nucleolus…) live in :mod:`simulator.games`.
"""

from __future__ import annotations

import numpy as np

from simulator.mechanisms import batch_first, masked_sum, per_row

KEYS = ("use", "standalone", "equal")


def weights(key: str, emask, standalone, workload, model) -> np.ndarray:
    """Raw allocation weights ``(B, n, F)`` for key ``key`` (zero outside pooled cells)."""
    if key == "equal":
        w = np.ones_like(standalone)
    elif key == "standalone":
        w = standalone
    elif key == "use":
        declared_all = volume_declared_by_all(emask, model)[:, None, :]
        w = np.where(declared_all, np.nan_to_num(model.data["volume"]), workload) if declared_all.any() else workload
    else:
        raise ValueError(f"unknown allocation key {key!r}; known: {', '.join(KEYS)}")
    return np.where(emask, w, 0.0)


def volume_declared_by_all(emask, model) -> np.ndarray:
    """``(B, F)``: every member pooling the function declared a positive volume driver.

    The ``use`` key splits by ``<function>.volume`` only then; otherwise by the work done today.
    """
    declared = (np.nan_to_num(model.data["volume"], nan=-1.0) > 0).astype(float)
    return masked_sum(emask, declared) == masked_sum(emask, np.ones(emask.shape[-2:]))  # == members pooling f


def shares(w, emask) -> np.ndarray:
    """Normalise weights to shares summing to 1 over each function's pooling members.

    Where all weights of a pooled function are zero, members share equally. The equal split is
    built only when some column needs it (in a Monte Carlo every pooled column has weight, and
    unpooled columns are all zero either way): one ``(B, n, F)`` division, not five passes.
    """
    total = w.sum(axis=-2, keepdims=True)
    weighted = total > 0
    out = w / np.where(weighted, total, 1.0)
    if weighted.all():
        return out
    empty = ~weighted & per_row(lambda m: m.any(axis=-2, keepdims=True), emask)  # pooled, no weight
    equal = np.where(emask, 1.0 / np.maximum(emask.sum(axis=-2, keepdims=True), 1), 0.0) if empty.any() else 0.0
    return np.where(weighted, out, equal)


def member_weights(pool_part, part) -> np.ndarray:
    """σ_i: each member's share of the pooled costs ``(B, n)``; equal among participants if zero."""
    total = pool_part.sum(axis=-1, keepdims=True)
    count = part.sum(axis=-1, keepdims=True)
    equal = np.where(part, 1.0 / np.maximum(count, 1), 0.0)
    return np.where(total > 0, pool_part / np.where(total > 0, total, 1.0), equal)


def weighted_share(key: str, emask, standalone, workload, model, flag) -> np.ndarray:
    """Σ_i share_if · flag_i for each function ``(B, F)``, without building the ``(B, n, F)`` shares.

    The same number as ``(shares(weights(...)) * flag[:, None]).sum(axis=-2)`` — e.g. the share of
    each pooled function billed to VAT-exempt members — computed with masked sums, for the cost
    game's million coalitions.
    """
    flag = np.asarray(flag, dtype=float)[..., None]
    count = masked_sum(emask, np.ones(emask.shape[-2:]))  # members pooling each function
    equal = masked_sum(emask, np.broadcast_to(flag, emask.shape[3 - flag.ndim:])) / np.maximum(count, 1)

    def ratio(w):
        w = np.asarray(w, dtype=float)
        total = masked_sum(emask, w)
        part = masked_sum(emask, w * flag)
        return np.where(total > 0, part / np.where(total > 0, total, 1.0), equal)

    if key == "equal":
        return equal
    if key == "standalone":
        return ratio(standalone)
    if key == "use":  # by declared volume where every pooling member declared one, else by work done
        declared_all, by_work = volume_declared_by_all(emask, model), ratio(workload)
        if not declared_all.any():
            return by_work
        return np.where(declared_all, ratio(batch_first(np.nan_to_num(model.data["volume"]))), by_work)
    raise ValueError(f"unknown allocation key {key!r}; known: {', '.join(KEYS)}")
