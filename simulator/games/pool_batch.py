"""Costing small pools on their own members: a batch of pools of one size ``k`` as ``(C, k)`` rows.

The cost game and the partition search ask for ``c(S)`` of many pools. Costed as coalition rows
of the whole model (:func:`simulator.kernel.coalition_costs`), a pool of 3 members among 200
candidates pays for 200 member columns: every ``(B, n, F)`` array of the kernel is 200 wide.
Here pools are gathered into a *member-batched* model whose per-member arrays carry the batch
axis, ``data[field]`` ``(C, w, F)`` (row ``c`` = the members of pool ``c``), so each row is ``w``
wide: the kernel's work per pool falls from ``n`` to ``w`` columns. Pools are batched by size,
``w`` the size itself (a size with fewer than :data:`FEWEST_PER_WIDTH` pools joins the next larger
one); a smaller pool in a batch is padded with empty slots (position −1: a member row that pools
nothing, so it adds nothing to any sum, count or share). A call with few pools makes one batch of
the widest: the kernel's fixed cost per call (about a millisecond) then outweighs the width.
(Batches by the next power of two of the size, until issue 15's second round, cost pools of 5 to
7 about 20 % more per row: three empty slots in a row of 8.)

Nothing of the economics is copied: the same :func:`simulator.kernel.run_kernel` evaluates the
batch (``totals_only``), the model's inputs are only gathered. Two things a pool's row cannot see
on its own are carried over from the whole model:

- the grand pool's size, by which a funder's ``per_member`` rule scales fixed amounts
  (:attr:`PoolModel.grand_pool`, :func:`simulator.mechanisms.funding.coalition_scale`);
- the VAT assessment (the caller picks the model with or without the exemption, as
  :class:`~simulator.games.engine_costs.KernelCosts` does for full rows).

``c(S) = Σ_{i∈S} standalone cost of i's pooled functions − net annual result of S`` — the same
number as the full-row costing, to float rounding (``tests/test_pool_batch.py`` compares both).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from concurrent.futures import Executor
from typing import Literal

import numpy as np

from simulator.model import Model
from simulator.params import ParamArrays

__all__ = ["GatheredData", "PoolModel", "PoolRows", "pool_members"]

#: Model fields indexed by member: gathered into ``(C, w, …)`` by :class:`PoolRows`.
PER_MEMBER = ("mask", "data", "site_of", "fte_total", "vat_exempt", "contracting_authority",
              "subsector_onehot", "committee_onehot", "estimated")
#: Fields a pool's row does not read per member (ids and names stay those of the whole model).
WHOLE = ("scenario", "organisations", "params", "vehicle", "member_ids", "member_names",
         "function_ids", "kinds", "site_ids", "site_rent", "ramp", "vat_assessment")
#: Below this many pools a call makes one batch (padded to the widest pool) instead of one per width.
ONE_BATCH_BELOW = 512
#: Fewest pools of one size costed as a batch of that width; fewer join the next larger size's batch.
FEWEST_PER_WIDTH = 128


@dataclasses.dataclass(frozen=True)
class PoolModel(Model):
    """A model of some of a scenario's members that remembers the whole scenario's pool.

    Either cut down to a few members (:func:`~simulator.games.engine_costs.restrict_model`) or
    member-batched, its per-member arrays ``(C, w, …)`` (row ``c`` holds the members of pool
    ``c``; then only for ``run_kernel(..., totals_only=True)``: no per-member split is built).
    """

    grand_pool: int = 0

    @property
    def pooling_members(self) -> int:
        """Members of the whole scenario that pool something (not of the batch)."""
        return self.grand_pool


class PoolRows:
    """``c(S)`` of pools costed on their own members, for one compiled model (module docstring).

    :attr:`usable` is False when the model has fields this class does not know (a newer
    ``Model``): gathering it could silently drop a per-member input, so the caller keeps full rows.
    """

    def __init__(self, model: Model, params: Mapping[str, float] | None = None, chunk: int = 4096):
        self.model, self.chunk = model, chunk
        self.usable = {f.name for f in dataclasses.fields(model)} - {"grand_pool"} == set(PER_MEMBER) | set(WHOLE)
        if not self.usable:
            return
        self.params = ParamArrays(params or model.params)

    def costs(self, masks: np.ndarray, vat_model: Model | None = None,
              executor: Executor | Literal["shared"] | None = None) -> np.ndarray:
        """``c(S)`` of coalition rows ``masks`` ``(C, n)``, each of at most half the model's members.

        ``vat_model``: the same model with another VAT assessment (the exemption granted).
        ``executor``: where the batches' kernel calls run when there are two or more (default
        None: in this thread; ``"shared"``: the process-wide pool of
        :func:`simulator.threads.shared_executor`, None under ``MUTUALISE_THREADS=1``). The
        batches are the same whatever runs them, each writes its own rows, so the costs do not
        depend on the thread count. Why not the pool by default: a call of the partition search
        usually costs one or two pool sizes, whose small kernel arrays hold the GIL between
        operations — measured on 200 candidates (docs/PERFORMANCE.md), two threads gave no wall
        time (7.8–7.9 s against 7.6–7.7 s) for 5–8 % more CPU.
        """
        from simulator.threads import run_each

        masks = np.asarray(masks, dtype=bool)
        out = np.zeros(masks.shape[0])

        def one(batch: tuple[np.ndarray, np.ndarray]) -> None:
            rows, members = batch
            out[rows] = self._batch_costs(members, vat_model)

        run_each(one, list(_batches(masks, self.chunk)), executor)
        return out

    def _batch_costs(self, members: np.ndarray, vat_model: Model | None) -> np.ndarray:
        """``c(S)`` of the pools ``members`` ``(C, w)`` (−1 = empty slot): one kernel call."""
        from simulator.kernel import run_kernel

        batch = self._gather(members, vat_model)
        k = run_kernel(batch, self.params, batch.mask, with_irr=False, totals_only=True)
        # every function a member of S pools counts at its standalone cost, pooled or not (as
        # for full rows)
        standalone = np.where(batch.mask, k.standalone, 0.0).sum(axis=(-2, -1))
        return standalone - k.net_result

    def _gather(self, members: np.ndarray, vat_model: Model | None) -> PoolModel:
        """The member-batched model of ``members`` ``(C, w)`` (−1 = empty slot).

        Each per-member array is gathered on its own, contiguous ``(C, w, …)``, and the data
        fields only when the kernel reads them (:class:`GatheredData`): a model carries some twenty
        fields of which a pool of labour functions reads six. (One stacked table gathered at once
        gave strided views that every later read paid for: 10–20 % more per row.)
        """
        model = self.model if vat_model is None else vat_model
        slot = members >= 0
        idx = np.where(slot, members, 0)
        m = self.model
        gathered = dict(
            mask=m.mask[idx] & slot[..., None], site_of=m.site_of[idx], fte_total=m.fte_total[idx],
            subsector_onehot=m.subsector_onehot[idx], committee_onehot=m.committee_onehot[idx],
            vat_exempt=m.vat_exempt[idx], contracting_authority=m.contracting_authority[idx],
            estimated=m.estimated[idx], data=GatheredData(m.data, idx))
        whole = {name: getattr(model, name) for name in WHOLE}
        return PoolModel(**whole, **gathered, grand_pool=model.pooling_members)


class GatheredData(Mapping):
    """The member data fields ``(n, F)`` of a model, gathered for pools ``idx`` ``(C, w)`` into
    ``(C, w, F)`` when first read (and kept): a read-only mapping like ``Model.data``."""

    def __init__(self, data: Mapping[str, np.ndarray], idx: np.ndarray):
        self._data, self._idx, self._done = data, idx, {}

    def __getitem__(self, name: str) -> np.ndarray:
        field = self._done.get(name)
        if field is None:
            field = self._done[name] = self._data[name][self._idx]
        return field

    def __iter__(self):
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)


def pool_members(masks: np.ndarray, width: int) -> np.ndarray:
    """Positions of the members of each row of ``masks`` ``(C, n)`` in increasing order,
    ``(C, width)``, padded with −1 (every row has at most ``width`` members)."""
    # flat positions split into (row, column): a third of the time of a 2-D nonzero on wide rows
    rows, cols = np.divmod(np.flatnonzero(masks), max(masks.shape[1], 1))
    counts = np.bincount(rows, minlength=masks.shape[0])
    starts = np.cumsum(counts) - counts
    out = np.full((masks.shape[0], width), -1, dtype=np.int64)
    out[rows, np.arange(rows.size) - starts[rows]] = cols
    return out


def _batches(masks: np.ndarray, chunk: int):
    """``(rows, members (C_b, w))`` batches: one per pool size (a size with fewer than
    :data:`FEWEST_PER_WIDTH` rows padded into the next larger one), or one batch of the widest when
    there are few rows; at most ``chunk`` rows each."""
    sizes = np.maximum(np.count_nonzero(masks, axis=1), 1)
    if masks.shape[0] < ONE_BATCH_BELOW:
        width = np.full(sizes.shape, sizes.max(initial=1))
    else:
        width = _widths(sizes)
    for w in np.unique(width).tolist():
        rows = np.flatnonzero(width == w)
        for lo in range(0, rows.size, chunk):
            part = rows[lo:lo + chunk]
            yield part, pool_members(masks[part], w)


def _widths(sizes: np.ndarray) -> np.ndarray:
    """Width of each row's batch: its own size, unless fewer than :data:`FEWEST_PER_WIDTH` rows
    share that size — then the width of the next larger size's batch (a kernel call costs about a
    millisecond whatever its rows; an empty slot costs about a tenth of a pool's row)."""
    present, counts = np.unique(sizes, return_counts=True)
    target = present.copy()
    for k in range(present.size - 2, -1, -1):  # widest first: a small size joins the batch above
        if counts[k] < FEWEST_PER_WIDTH:
            target[k] = target[k + 1]
    return target[np.searchsorted(present, sizes)]
