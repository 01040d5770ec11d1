"""Shapley value of a cost game: exact by subset enumeration, or sampled over permutations.

The Shapley value charges each member its average marginal cost over all orders of joining:

    φ_i = Σ_{S ⊆ N∖{i}} |S|! (n − |S| − 1)! / n! · ( c(S ∪ {i}) − c(S) )

(Shapley 1953). It is the only split that is efficient (Σ φ_i = c(N)), symmetric, gives zero to a
null player and is additive over games. For a cost game it answers "what does each member add to
the bill, on average over the order in which members join".

Exact computation reads the whole table ``c`` (length ``2**n``, indexed by bitmask). For player
``i`` the table is reshaped to ``(2**(n-i-1), 2, 2**i)`` so that ``[:, 0, :]`` are the coalitions
without ``i`` and ``[:, 1, :]`` the same coalitions with ``i``: one vectorised pass per player,
``n · 2**n`` operations in all (about 0.2 s for 20 members), no loop over coalitions.

Above the exact limit the value is estimated by Monte Carlo over random orders (Castro, Gómez &
Tejada 2009): in each sampled permutation every member's marginal cost is one draw of φ_i, so with
``P`` permutations ``φ̂_i`` is a mean of ``P`` draws and its standard error is ``s_i / √P``. Every
sampled permutation telescopes to ``c(N)``, so the estimate stays exactly efficient.

References
----------
Shapley, L. S. (1953). A value for n-person games. *Contributions to the Theory of Games II*,
307–317.
Castro, J., Gómez, D. & Tejada, J. (2009). Polynomial calculation of the Shapley value based on
sampling. *Computers & Operations Research* 36(5), 1726–1730.
"""

from __future__ import annotations

from collections.abc import Callable
from math import comb

import numpy as np

from .coalitions import popcounts

__all__ = ["shapley_exact", "shapley_sampled"]

#: Boolean cells (permutations × prefixes × players) evaluated per call of the cost function.
SAMPLING_BATCH_CELLS = 1 << 22


def shapley_exact(costs: np.ndarray) -> np.ndarray:
    """Exact Shapley value from the full cost table.

    Parameters
    ----------
    costs
        ``c(S)`` for every coalition, float array of length ``2**n`` indexed by bitmask,
        ``c[0] = 0``.

    Returns
    -------
    numpy.ndarray
        ``φ`` of shape ``(n,)``; ``φ.sum() == c(N)`` up to rounding.
    """
    costs = np.asarray(costs, dtype=np.float64)
    n = costs.size.bit_length() - 1
    if n == 0:
        return np.zeros(0)
    # weight of joining coalition S (|S| = s, i ∉ S): s!(n-s-1)!/n! = 1 / (n · C(n-1, s))
    by_size = np.array([1.0 / (n * comb(n - 1, s)) for s in range(n)] + [0.0])
    weight = by_size[popcounts(n)]
    phi = np.empty(n)
    for i in range(n):
        table = costs.reshape(-1, 2, 1 << i)
        w = weight.reshape(-1, 2, 1 << i)[:, 0, :]
        phi[i] = np.einsum("ij,ij->", w, table[:, 1, :] - table[:, 0, :])
    return phi


def shapley_sampled(
    n: int,
    samples: int,
    rng: np.random.Generator,
    *,
    costs: np.ndarray | None = None,
    evaluate: Callable[[np.ndarray], np.ndarray] | None = None,
    grand_cost: float | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Monte Carlo Shapley value over ``samples`` random orders of joining.

    Parameters
    ----------
    n
        Number of players.
    samples
        Number of random permutations ``P`` (at least 2, for a standard error).
    rng
        Seeded generator (``numpy.random.default_rng(seed)``) — same seed, same estimate.
    costs
        The full table (length ``2**n``) when it exists: marginal costs are then table look-ups.
    evaluate
        Otherwise, a vectorised cost function ``(C, n) bool -> (C,)`` called on the prefixes of the
        permutations, in batches of at most :data:`SAMPLING_BATCH_CELLS` boolean cells.
    grand_cost
        ``c(N)``, needed with ``evaluate`` (the full prefix of every permutation).

    Returns
    -------
    (values, std_error)
        Both of shape ``(n,)``. ``std_error[i] = std(marginals_i, ddof=1) / √P``.
    """
    marginal_sum = np.zeros(n)
    marginal_sq = np.zeros(n)
    batch = max(1, min(samples, SAMPLING_BATCH_CELLS // max(1, (n + 1) * n)))
    done = 0
    while done < samples:
        size = min(batch, samples - done)
        perms = rng.permuted(np.tile(np.arange(n), (size, 1)), axis=1)
        prefix_costs = _prefix_costs(perms, costs, evaluate, grand_cost)
        step = np.diff(prefix_costs, axis=1)  # step[p, k]: marginal cost of player perms[p, k]
        by_player = np.empty_like(step)
        np.put_along_axis(by_player, perms, step, axis=1)
        marginal_sum += by_player.sum(axis=0)
        marginal_sq += np.square(by_player).sum(axis=0)
        done += size
    mean = marginal_sum / samples
    variance = np.maximum(marginal_sq - samples * mean**2, 0.0) / (samples - 1)
    return mean, np.sqrt(variance / samples)


def _prefix_costs(
    perms: np.ndarray,
    costs: np.ndarray | None,
    evaluate: Callable[[np.ndarray], np.ndarray] | None,
    grand_cost: float | None,
) -> np.ndarray:
    """``c`` of the first ``k`` players of each permutation, for k = 0 … n: shape ``(P, n + 1)``."""
    size, n = perms.shape
    if costs is not None:
        prefix = np.zeros((size, n + 1), dtype=np.int64)
        np.cumsum(np.left_shift(np.int64(1), perms.astype(np.int64)), axis=1, out=prefix[:, 1:])
        return costs[prefix]
    assert evaluate is not None and grand_cost is not None
    out = np.zeros((size, n + 1))
    out[:, n] = grand_cost
    if n > 1:
        rank = np.argsort(perms, axis=1)  # position of each player in each order
        joined = np.arange(1, n)  # proper, non-empty prefixes
        masks = rank[:, None, :] < joined[None, :, None]  # (P, n-1, n)
        out[:, 1:n] = np.asarray(evaluate(masks.reshape(-1, n))).reshape(size, n - 1)
    return out
