"""Costing small pools on their own members: a batch of pools of one size ``k`` as ``(C, k)`` rows.

The cost game and the partition search ask for ``c(S)`` of many pools. Costed as coalition rows
of the whole model (:func:`simulator.kernel.coalition_costs`), a pool of 3 members among 200
candidates pays for 200 member columns: every ``(B, n, F)`` array of the kernel is 200 wide.
Here pools are gathered into a *member-batched* model whose per-member arrays carry the batch
axis, ``data[field]`` ``(C, w, F)`` (row ``c`` = the members of pool ``c``), so each row is ``w``
wide: the kernel's work per pool falls from ``n`` to ``w`` columns. Pools are batched by size,
``w`` the next power of two (2, 4, 8…); a smaller pool in a batch is padded with empty slots
(position −1: a member row that pools nothing, so it adds nothing to any sum, count or
share). A call with few pools makes one batch of the widest: the kernel's fixed cost per call
(about a millisecond) then outweighs the width.

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

import numpy as np

from simulator.model import Model
from simulator.params import ParamArrays

__all__ = ["PoolModel", "PoolRows", "pool_members"]

#: Model fields indexed by member: gathered into ``(C, w, …)`` by :class:`PoolRows`.
PER_MEMBER = ("mask", "data", "site_of", "fte_total", "vat_exempt", "contracting_authority",
              "subsector_onehot", "committee_onehot", "estimated")
#: Fields a pool's row does not read per member (ids and names stay those of the whole model).
WHOLE = ("scenario", "organisations", "params", "vehicle", "member_ids", "member_names",
         "function_ids", "kinds", "site_ids", "site_rent", "ramp", "vat_assessment")
#: Below this many pools a call makes one batch (padded to the widest pool) instead of one per width.
ONE_BATCH_BELOW = 512


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

    The model's per-member arrays are stacked once (one float and one bool table), so gathering
    a batch is two fancy-indexing operations. :attr:`usable` is False when the model has fields
    this class does not know (a newer ``Model``): gathering it could silently drop a per-member
    input, so the caller keeps full rows.
    """

    def __init__(self, model: Model, params: Mapping[str, float] | None = None, chunk: int = 4096):
        self.model, self.chunk = model, chunk
        self.usable = {f.name for f in dataclasses.fields(model)} - {"grand_pool"} == set(PER_MEMBER) | set(WHOLE)
        if not self.usable:
            return
        self.params = ParamArrays(params or model.params)
        n = model.mask.shape[0]
        floats = {"site_of": model.site_of[:, None].astype(float), "fte_total": model.fte_total[:, None],
                  "subsector_onehot": model.subsector_onehot, "committee_onehot": model.committee_onehot,
                  **{f"data.{k}": v for k, v in model.data.items()}}
        bools = {"mask": model.mask, "vat_exempt": model.vat_exempt[:, None],
                 "contracting_authority": model.contracting_authority[:, None], "estimated": model.estimated}
        self._floats, self._float_cols = _stack(floats, float, n)
        self._bools, self._bool_cols = _stack(bools, bool, n)

    def costs(self, masks: np.ndarray, vat_model: Model | None = None) -> np.ndarray:
        """``c(S)`` of coalition rows ``masks`` ``(C, n)``, each of at most half the model's members.

        ``vat_model``: the same model with another VAT assessment (the exemption granted).
        """
        from simulator.kernel import run_kernel

        masks = np.asarray(masks, dtype=bool)
        out = np.zeros(masks.shape[0])
        for rows, members in _batches(masks, self.chunk):
            batch = self._gather(members, vat_model)
            k = run_kernel(batch, self.params, batch.mask, with_irr=False, totals_only=True)
            # every function a member of S pools counts at its standalone cost, pooled or not (as
            # for full rows)
            standalone = np.where(batch.mask, k.standalone, 0.0).sum(axis=(-2, -1))
            out[rows] = standalone - k.net_result
        return out

    def _gather(self, members: np.ndarray, vat_model: Model | None) -> PoolModel:
        """The member-batched model of ``members`` ``(C, w)`` (−1 = empty slot)."""
        model = self.model if vat_model is None else vat_model
        slot = members >= 0
        idx = np.where(slot, members, 0)
        f, b = self._floats[idx], self._bools[idx]
        fc, bc = self._float_cols, self._bool_cols
        mask = b[..., bc["mask"]] & slot[..., None]
        gathered = dict(
            mask=mask, site_of=f[..., fc["site_of"]][..., 0].astype(np.int64),
            fte_total=f[..., fc["fte_total"]][..., 0], subsector_onehot=f[..., fc["subsector_onehot"]],
            committee_onehot=f[..., fc["committee_onehot"]], vat_exempt=b[..., bc["vat_exempt"]][..., 0],
            contracting_authority=b[..., bc["contracting_authority"]][..., 0],
            estimated=b[..., bc["estimated"]],
            data={k[5:]: f[..., cols] for k, cols in fc.items() if k.startswith("data.")})
        whole = {name: getattr(model, name) for name in WHOLE}
        return PoolModel(**whole, **gathered, grand_pool=model.pooling_members)


def pool_members(masks: np.ndarray, width: int) -> np.ndarray:
    """Positions of the members of each row of ``masks`` ``(C, n)`` in increasing order,
    ``(C, width)``, padded with −1 (every row has at most ``width`` members)."""
    rows, cols = np.nonzero(masks)
    starts = np.concatenate(([0], np.cumsum(np.count_nonzero(masks, axis=1))[:-1]))
    out = np.full((masks.shape[0], width), -1, dtype=np.int64)
    out[rows, np.arange(rows.size) - starts[rows]] = cols
    return out


def _batches(masks: np.ndarray, chunk: int):
    """``(rows, members (C_b, w))`` batches: by width (next power of two of the size), or one batch
    of the widest when there are few rows; at most ``chunk`` rows each."""
    sizes = np.count_nonzero(masks, axis=1)
    width = np.where(sizes > 1, 2 ** np.ceil(np.log2(np.maximum(sizes, 1))), 1).astype(np.int64)
    if masks.shape[0] < ONE_BATCH_BELOW:
        width[:] = sizes.max(initial=1)
    for w in np.unique(width).tolist():
        rows = np.flatnonzero(width == w)
        for lo in range(0, rows.size, chunk):
            part = rows[lo:lo + chunk]
            yield part, pool_members(masks[part], max(w, 1))


def _stack(columns: dict[str, np.ndarray], dtype, n: int) -> tuple[np.ndarray, dict[str, slice]]:
    """One ``(n, W)`` table of the member arrays ``(n, ·)`` and the column slice of each."""
    table = np.concatenate([np.asarray(v, dtype=dtype).reshape(n, -1) for v in columns.values()], axis=1) \
        if columns else np.zeros((n, 0), dtype=dtype)
    cols, at = {}, 0
    for name, v in columns.items():
        width = int(np.prod(np.shape(v)[1:], dtype=np.int64))
        cols[name] = slice(at, at + width)
        at += width
    return table, cols
