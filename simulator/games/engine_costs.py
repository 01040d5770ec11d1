"""The engine's kernel as a coalition cost function ``c(S)`` for the games and the pool search.

``c(S) = simulator.kernel.coalition_costs(model, S)``: the members' yearly cost of what they pool
when only the members of S pool (standalone cost of their pooled functions minus the net annual
result of S pooling alone: set-up annualised, exit risk and funding included). ``c({i})`` is member
i's standalone cost.

VAT, coalition by coalition. A compiled model judges the art. 44 §2bis conditions once, for all
its members; the condition "members carry out public-interest activities" (Aviva and DNB Banka,
2017) depends on *who* is in the pool. When that is the only failing condition, a coalition
without the members outside public-interest activities is costed with the exemption (as a
scenario of just those members would be), and a coalition with one of them without it. The
conditions that hold or fail for every coalition alike (the vehicle, a provider's margin) need no
correction.

Speed. A kernel row costs in proportion to the model's members, whoever is in the coalition:
about 2 µs for 12 members, 21 µs for 200. So a pool of at most half the members is costed on its
own members only: pools of one size ``k`` are gathered into ``(C, k)`` rows of a member-batched
model (:mod:`simulator.games.pool_batch`, the same kernel), a pool of 8 among 200 candidates
then costing like a row of 8. :meth:`KernelCosts.restrict` gives the same costs for coalitions
drawn from a few members only (a commune, a search window) on a model cut down to those members
(:func:`restrict_model`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from simulator.errors import InputError
from simulator.messages import msg

__all__ = ["KernelCosts", "outside_public_interest", "restrict_model", "scenario_model"]

#: Model fields indexed by member (cut by :func:`restrict_model`) and fields shared by all.
_PER_MEMBER = ("member_ids", "member_names", "mask", "data", "site_of", "fte_total", "vat_exempt",
               "contracting_authority", "subsector_onehot", "committee_onehot", "estimated",
               "organisations")
#: A pool of k members is costed on its own members when k × this ≤ the model's members: gathering
#: its rows costs about as much as a kernel row of twice its width.
POOL_ROW_SHARE = 2
#: Fewest members for which pools are costed on their own members: below, full rows are narrow and
#: one kernel call over all rows beats one per pool width (measured: 25 % more CPU at 16 members).
POOL_ROWS_FROM = 32
_SHARED = ("scenario", "params", "vehicle", "function_ids", "kinds", "site_ids", "site_rent",
           "ramp", "vat_assessment")


def scenario_model(scenario: Any, organisations: Any = None) -> Any:
    """The compiled ``Model`` of a Scenario, a scenario file path, or a Model (returned as is)."""
    if hasattr(scenario, "member_ids") and hasattr(scenario, "mask"):
        return scenario
    from simulator.api import load_scenario
    from simulator.model import compile_scenario
    from simulator.scenario import Scenario

    if isinstance(scenario, str | Path):
        scenario = load_scenario(scenario, organisations)
    if not isinstance(scenario, Scenario):
        raise InputError("scenario", msg("game.scenario_input",
                                         "expected a Scenario, a scenario file path or a compiled model."))
    return compile_scenario(scenario, organisations)


def outside_public_interest(model: Any) -> np.ndarray:
    """``(n,)`` bool: members whose sub-sector is not a public-interest activity (VAT §2bis)."""
    from simulator.mechanisms.vat import PUBLIC_INTEREST_SUBSECTORS

    subsectors = model.organisations.table["subsector"].astype(str).to_numpy()
    return ~np.isin(subsectors, sorted(PUBLIC_INTEREST_SUBSECTORS))


def restrict_model(model: Any, cols: Sequence[int] | np.ndarray, *, table: bool = True) -> Any | None:
    """The model cut down to the members at positions ``cols`` (same parameters, vehicle, sites).

    Every kernel row of the cut model costs the same as the row of the full model with the same
    members (the cut model remembers the whole pool's size, by which a funder's ``per_member``
    rule scales fixed amounts). Returns None when the model has fields this function does not know (a newer
    ``Model``): cutting it could then silently drop something, so the caller keeps the full one.

    ``table=False`` keeps the whole organisation table instead of cutting it: the kernel never
    reads it (member data are in ``data``), and cutting it in pandas is four fifths of the time of
    a cut — a model cut only to cost coalitions (:meth:`KernelCosts.restrict`, a thousand search
    windows) skips it, as member-batched pool rows do.
    """
    from .pool_batch import PoolModel

    if {f.name for f in dataclasses.fields(model)} - {"grand_pool"} != set(_PER_MEMBER) | set(_SHARED):
        return None
    cols = np.asarray(cols, dtype=np.int64)
    ids = tuple(model.member_ids[i] for i in cols)
    cut = dict(
        member_ids=ids,
        member_names=tuple(model.member_names[i] for i in cols),
        mask=model.mask[cols],
        data={k: v[cols] for k, v in model.data.items()},
        site_of=model.site_of[cols],
        fte_total=model.fte_total[cols],
        vat_exempt=model.vat_exempt[cols],
        contracting_authority=model.contracting_authority[cols],
        subsector_onehot=model.subsector_onehot[cols],
        committee_onehot=model.committee_onehot[cols],
        estimated=model.estimated[cols],
        organisations=_cut_table(model, cols, ids) if table else model.organisations,
    )
    shared = {name: getattr(model, name) for name in _SHARED}
    # a funder's per-member rule scales fixed amounts by the whole pool, not by the cut
    return PoolModel(**shared, **cut, grand_pool=model.pooling_members)


def _cut_table(model: Any, cols: np.ndarray, ids: tuple) -> Any:
    """The organisation rows of ``cols``: by position when the table is in member order (a
    partition search cuts thousands of windows; looking every id up costs ~30× more), else by id."""
    orgs = model.organisations
    if len(orgs) == len(model.member_ids):
        known = orgs.ids
        if tuple(known[c] for c in cols) == tuple(ids):
            return orgs.take(cols)
    return orgs.subset(ids)


class KernelCosts:
    """Vectorised ``cost((C, n) bool) -> (C,)`` over a model's members (module docstring).

    Parameters
    ----------
    model
        The compiled model whose members are the players (or candidates).
    params
        Parameter values for the kernel (default: the model's).
    pool_rows
        Cost pools of at most ``n / POOL_ROW_SHARE`` members (``n`` ≥ ``POOL_ROWS_FROM``) on their own members
        (:func:`~simulator.games.pool_batch.pool_costs`, rows ``k`` wide instead of ``n``); False:
        every coalition as a full row of the model (the two agree to float rounding).
    """

    def __init__(self, model: Any, params: Any = None, *, pool_rows: bool = True, _exempt: Any = None,
                 _outside=None):
        self.model, self.params = model, params
        self.pool_rows = bool(pool_rows)
        self._rows = None
        if _outside is None:
            _exempt, _outside = _exempt_variant(model)
        self._exempt, self._outside = _exempt, _outside

    @property
    def n(self) -> int:
        """Number of members (columns of the masks)."""
        return self.model.n

    def __call__(self, masks: np.ndarray) -> np.ndarray:
        masks = np.asarray(masks, dtype=bool)
        if self._exempt is None:
            return self._costs(self.model, masks)
        out = np.empty(masks.shape[0])
        taxed = masks[:, self._outside].any(axis=1)
        if taxed.any():
            out[taxed] = self._costs(self.model, masks[taxed])
        if not taxed.all():
            out[~taxed] = self._costs(self._exempt, masks[~taxed])
        return out

    def _costs(self, model: Any, masks: np.ndarray) -> np.ndarray:
        """Pools of at most half the members on their own members (:mod:`~simulator.games.pool_batch`),
        larger coalitions as full rows of the model (:func:`simulator.kernel.coalition_costs`)."""
        from simulator.kernel import coalition_costs

        rows = self._pool_rows()
        if rows is None or masks.shape[0] == 0:
            return coalition_costs(model, masks, self.params)
        if masks.shape[1] < POOL_ROWS_FROM:  # narrow rows already: a few kernel calls cost more
            return coalition_costs(model, masks, self.params)
        small = np.count_nonzero(masks, axis=1) * POOL_ROW_SHARE <= masks.shape[1]
        if small.all():
            return rows.costs(masks, model)
        out = np.empty(masks.shape[0])
        out[small] = rows.costs(masks[small], model)
        out[~small] = coalition_costs(model, masks[~small], self.params)
        return out

    def _pool_rows(self) -> Any:
        """The model's :class:`~simulator.games.pool_batch.PoolRows`, built on first use (None: off)."""
        if not self.pool_rows:
            return None
        if self._rows is None:
            from .pool_batch import PoolRows

            self._rows = PoolRows(self.model, self.params)
        return self._rows if self._rows.usable else None

    def restrict(self, cols: Sequence[int] | np.ndarray) -> KernelCosts | None:
        """The same costs for coalitions of the members at ``cols`` only, on a cut-down model
        (masks then have one column per member of ``cols``); None if the model cannot be cut."""
        model = restrict_model(self.model, cols, table=False)
        if model is None:
            return None
        exempt = None if self._exempt is None else restrict_model(self._exempt, cols, table=False)
        outside = False if self._exempt is None else self._outside[np.asarray(cols)]
        return KernelCosts(model, self.params, pool_rows=self.pool_rows, _exempt=exempt, _outside=outside)


def _exempt_variant(model: Any) -> tuple[Any, np.ndarray | bool]:
    """The model with the exemption granted (for coalitions inside public interest) and who is
    outside; ``(None, False)`` when no coalition's VAT depends on its members."""
    from simulator.mechanisms.vat import assess

    outside = outside_public_interest(model)
    if set(model.vat_assessment.failed_codes) != {"not_public_interest"} or outside.all():
        return None, False
    inside = ~outside
    table = model.organisations.table
    assessment = assess(model.vehicle, tuple(np.asarray(model.member_ids)[inside]),
                        table["vat_exempt"].to_numpy(dtype=bool)[inside],
                        [str(s) for s in table["subsector"].to_numpy()[inside]],
                        model.scenario.allocation)
    return dataclasses.replace(model, vat_assessment=assessment), outside
