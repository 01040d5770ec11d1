"""Pure array functions, one per mechanism of MODEL.md §3, composed by :mod:`simulator.kernel`.

Shapes: ``B`` batch (draws or coalitions), ``n`` members, ``K`` functions of the mechanism's kind.
Member data arrive as ``(n, K)`` (NaN = not given), masks as ``(B, n, K)``, parameters as
``(B, 1, 1)`` or ``(B, 1, K)`` arrays. Every function returns the standalone cost ``(B, n, K)``
(or ``(n, K)``), the pooled cost of each function ``(B, K)`` and named components ``(B, K)`` whose
sum is exactly pooled − baseline, so the waterfall always adds up.
"""

import numpy as np


def nan0(x) -> np.ndarray:
    """``x`` as floats with NaN (a value not given) read as 0.

    ``np.nan_to_num`` without its ±inf clipping (inputs are validated finite): about 5× cheaper on
    the small ``(n, K)`` arrays a run handles, and a run calls it some thirty times.
    """
    x = np.asarray(x, dtype=float)
    return np.where(np.isnan(x), 0.0, x)


def masked_sum(mask: np.ndarray, x) -> np.ndarray:
    """Σ_i over the member axis of ``x`` where ``mask``: ``(B, n, K)`` bool × ``(n, K)``/``(1|B, n, K)`` → ``(B, K)``.

    The same as ``np.where(mask, x, 0).sum(axis=-2)`` but through ``einsum`` on the boolean mask,
    several times faster for large batches (no temporary ``(B, n, K)`` float array when ``x``
    does not vary over the batch). Entries of ``x`` outside the mask must be finite.

    ``x`` is read in C order (a copy only when it is not): ``einsum`` adds in the order of memory,
    and numpy's broadcasting gives a computed ``(B, n, K)`` array a memory order that depends on
    ``B`` — without one fixed order, a draw's sum (and NPV) would move in its last bits with the
    Monte Carlo's chunk size. In C order every path below adds member after member, so a batch of
    one and a batch of thousands give each row the same bits.
    """
    x = np.asarray(x, dtype=float)
    if x.ndim == 3 and x.shape[0] != 1:
        return np.einsum("bnk,bnk->bk", mask, np.ascontiguousarray(x))
    x2 = np.ascontiguousarray(x.reshape(x.shape[-2:]))
    if not np.isfinite(x2).all():
        x2 = np.where(np.isfinite(x2), x2, 0.0)
    if same_rows(mask):  # one mask for every row (Monte Carlo draws): one row's sum, repeated
        return np.repeat(np.einsum("bnk,nk->bk", mask[:1], x2), mask.shape[0], axis=0)
    return np.einsum("bnk,nk->bk", mask, x2)


def same_rows(mask: np.ndarray) -> bool:
    """Whether a ``(B, …)`` array is one row broadcast over the batch (a stride-0 view).

    The kernel builds the effective mask once and broadcasts it when every draw pools the same
    cells (Monte Carlo, sensitivity), so member-data sums are computed on one row, not B.
    """
    return mask.ndim >= 2 and mask.shape[0] > 1 and mask.strides[0] == 0


def per_row(fn, mask: np.ndarray):
    """``fn(mask)`` for a function of the mask alone, computed on one row when rows are alike.

    E.g. who takes part, members per row: the same for every Monte Carlo draw. The result is
    repeated to the batch (a real array, so callers may write into it), exactly ``fn(mask)``.
    """
    if not same_rows(mask):
        return fn(mask)
    out = fn(mask[:1])
    if isinstance(out, tuple):
        return tuple(np.repeat(o, mask.shape[0], axis=0) for o in out)
    return np.repeat(out, mask.shape[0], axis=0)


def batch_columns(mask: np.ndarray, cols) -> np.ndarray:
    """``mask[..., cols]`` keeping a broadcast batch axis a view (no ``(B, n, K)`` copy)."""
    if same_rows(mask):
        return np.broadcast_to(mask[:1][..., cols], (mask.shape[0], *mask.shape[1:-1], len(cols)))
    return mask[..., cols]


def member_counts(part, onehot) -> np.ndarray:
    """Σ_i part_i · onehot_ik: participants per category ``(B, K)`` (sub-sector, committee, site).

    ``part`` ``(B, n)``; ``onehot`` ``(n, K)``, or ``(B, n, K)`` for a member-batched model (each row
    its own members, :func:`simulator.games.pool_batch.pool_model`).
    """
    if onehot.ndim == 2:
        return part.astype(float) @ onehot
    return np.einsum("bn,bnk->bk", part.astype(float), onehot)


def batch_first(x: np.ndarray) -> np.ndarray:
    """Member data with a leading batch axis: ``(n, K)`` → ``(1, n, K)``; ``(B, n, K)`` as is."""
    return x if x.ndim == 3 else x[None]
