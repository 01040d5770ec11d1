"""Fixed-shared costs — software licences, equipment, subscriptions (MODEL.md §3.4).

Standalone each member pays F + v·users_i (or its declared cost). Pooled, one licence:

    F · (1 + step · max(⌈U/tier⌉ − 1, 0)) + v · U,     U = Σ users

the fixed part jumping by ``step`` at each licence tier of ``tier`` users.
"""

from __future__ import annotations

import numpy as np

from simulator.mechanisms import masked_sum, nan0, per_row


def standalone_cost(users, declared, *, fixed, per_user):
    """Declared cost, else F + v·users."""
    return np.where(np.isnan(declared), fixed + per_user * nan0(users), declared)


def pooled_fixed_shared(users, standalone, mask, *, fixed, per_user, tier_users, tier_step):
    """Pooled cost per function ``(B, K)`` and component ``shared_fixed`` (pooled − baseline)."""
    U = masked_sum(mask, nan0(users))
    f, v = fixed[..., 0, :], per_user[..., 0, :]
    jumps = np.maximum(np.ceil(U / tier_users[..., 0, :]) - 1.0, 0.0)
    any_pooled = per_row(lambda m: m.any(axis=-2), mask)
    pooled = np.where(any_pooled, f * (1.0 + tier_step[..., 0, :] * jumps) + v * U, 0.0)
    baseline = masked_sum(mask, standalone)
    return pooled, {"shared_fixed": pooled - baseline}
