"""Compile a validated scenario and its organisation table into arrays for the kernel.

The :class:`Model` is the boundary between typed inputs and arrays: after it, the engine sees
only numpy arrays indexed ``[member, function]`` (``n × F``, functions = those the scenario
pools, in catalogue order) and the vehicle's rules. Nothing here depends on parameter values,
so one Model serves a single run, Monte Carlo draws and every coalition of the cost game.
"""

from __future__ import annotations

import threading
import weakref
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import numpy as np

from simulator.catalogue import Function, ParameterSet, Vehicle, functions, vehicles
from simulator.errors import InputError, InputErrors
from simulator.kinds import KINDS
from simulator.mechanisms.vat import VatAssessment, assess
from simulator.messages import msg
from simulator.org_cache import cached_organisations, is_shared
from simulator.organisations import SAMPLE_FILE, Organisations
from simulator.scenario import Scenario

#: Organisation-table fields the kernel reads, per cost kind (column = "<function>.<field>").
FIELDS = {name: kind.field_names for name, kind in KINDS.items()}


@dataclass(frozen=True)
class Model:
    """A scenario as arrays. ``data[field]`` is ``(n, F)`` float with NaN where not given."""

    scenario: Scenario
    organisations: Organisations
    params: ParameterSet
    vehicle: Vehicle
    member_ids: tuple[str, ...]
    member_names: tuple[str, ...]
    function_ids: tuple[str, ...]
    kinds: tuple[str, ...]
    mask: np.ndarray  # (n, F) bool: who pools what
    data: dict[str, np.ndarray]
    site_of: np.ndarray  # (n,) int, -1 = no shared site
    site_ids: tuple[str, ...]
    site_rent: np.ndarray  # (S,) float, NaN = default rent parameter
    fte_total: np.ndarray  # (n,)
    vat_exempt: np.ndarray  # (n,) bool
    contracting_authority: np.ndarray  # (n,) bool
    subsector_onehot: np.ndarray  # (n, K) float
    committee_onehot: np.ndarray  # (n, J) float
    estimated: np.ndarray  # (n, F) bool: standalone cost is an estimate (nothing declared)
    ramp: np.ndarray  # (T+1,) share of gross saving realised each year (year 0 = 0)
    vat_assessment: VatAssessment  # art. 44 §2bis conditions the model can see

    @property
    def n(self) -> int:
        return len(self.member_ids)

    @property
    def pooling_members(self) -> int:
        """Members of the scenario that pool something (the grand pool a funder's rule scales by)."""
        return int(self.mask.any(axis=-1).sum())

    @property
    def horizon(self) -> int:
        return self.scenario.horizon_years

    def kind_index(self, kind: str) -> np.ndarray:
        """Column indices of the functions of one cost kind."""
        return np.array([j for j, k in enumerate(self.kinds) if k == kind], dtype=int)

    def function(self, fid: str) -> Function:
        return functions()[fid]


def load_organisations_for(scenario: Scenario) -> Organisations:
    """The organisation table a scenario points to (``sample`` = the bundled sample), parsed once
    per file and content (:mod:`simulator.org_cache`); shared, so only read (compile takes a subset)."""
    if scenario.organisations == "sample":
        return cached_organisations(SAMPLE_FILE, name=SAMPLE_FILE.name, copy=False)
    path = Path(scenario.organisations)
    if not path.is_file():
        raise InputError("organisations", msg("model.no_table", "no organisation table named '{name}'",
                                              name=path.name))
    return cached_organisations(path, copy=False)


def compile_scenario(scenario: Scenario, organisations: Organisations | None = None) -> Model:
    """Check the scenario against the organisation table and build the arrays.

    Raises InputError(s) naming the field: a member missing from the table, a pooled member that
    has no data for the function it pools, a premises or reception pooling without a shared site.
    """
    orgs = organisations if organisations is not None else load_organisations_for(scenario)
    errors: list[InputError] = []
    known = set(orgs.ids)
    for i, m in enumerate(scenario.members):
        if m not in known:
            try:
                orgs.subset([m])
            except InputError as exc:
                errors.append(InputError(f"members[{i}]", exc.message))
    if errors:
        raise InputErrors(errors)
    cat = functions()
    fids = tuple(f for f in cat if f in scenario.pooling)
    kinds = tuple(cat[f].kind for f in fids)
    rows = member_arrays(orgs, tuple(scenario.members), fids)
    orgs, data, estimated = rows.organisations, dict(rows.data), rows.estimated
    n, F = len(scenario.members), len(fids)
    index = {m: i for i, m in enumerate(scenario.members)}

    mask = np.zeros((n, F), dtype=bool)
    for j, f in enumerate(fids):
        for m in scenario.pooled_members(f):
            mask[index[m], j] = True

    _check_pooled_data(scenario, fids, kinds, mask, data, errors)

    site_of = np.full(n, -1, dtype=int)
    for s, site in enumerate(scenario.sites):
        for m in site.members:
            site_of[index[m]] = s
    for j, f in enumerate(fids):
        if KINDS[kinds[j]].site_bound and mask[:, j].any() and not scenario.sites:
            errors.append(InputError(f"pooling.{f}", msg(
                "model.needs_site", "sharing premises or a reception desk needs a shared site: add sites:")))
    if errors:
        raise InputErrors(errors)

    ramp = np.ones(scenario.horizon_years + 1)
    ramp[0] = 0.0
    steps = np.asarray(scenario.ramp_up, dtype=float)
    k = min(len(steps), scenario.horizon_years)
    ramp[1 : k + 1] = steps[:k]
    ramp[k + 1 :] = steps[-1]
    return Model(
        scenario=scenario,
        organisations=orgs,
        params=scenario.parameter_set(),
        vehicle=vehicles()[scenario.vehicle],
        member_ids=tuple(scenario.members),
        member_names=rows.names,
        function_ids=fids,
        kinds=kinds,
        mask=mask,
        data=data,
        site_of=site_of,
        site_ids=tuple(s.id for s in scenario.sites),
        site_rent=np.array([np.nan if s.rent_eur_m2 is None else s.rent_eur_m2 for s in scenario.sites]),
        fte_total=rows.fte_total,
        vat_exempt=rows.vat_exempt,
        contracting_authority=rows.contracting_authority,
        subsector_onehot=rows.subsector_onehot,
        committee_onehot=rows.committee_onehot,
        estimated=estimated,
        ramp=ramp,
        vat_assessment=assess(vehicles()[scenario.vehicle], tuple(scenario.members),
                              rows.vat_exempt, list(rows.subsectors),
                              scenario.allocation),
    )


class MemberArrays(NamedTuple):
    """What a compiled model takes from the organisation table: depends only on the table, the
    members and the pooled functions — not on the vehicle, sites, parameters or who pools what."""

    organisations: Organisations  # the members' rows, in scenario order
    data: dict[str, np.ndarray]  # field → (n, F) float, NaN where not given
    estimated: np.ndarray  # (n, F) bool: no declared cost (purchasing never estimated)
    names: tuple[str, ...]
    fte_total: np.ndarray
    vat_exempt: np.ndarray
    contracting_authority: np.ndarray
    subsectors: tuple[str, ...]
    subsector_onehot: np.ndarray
    committee_onehot: np.ndarray


#: Member arrays already built, per organisation table object (forgotten with the table).
_member_cache: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_MEMBER_CACHE_PER_TABLE = 64
_member_lock = threading.Lock()  # the app compiles from several threads


def member_arrays(orgs: Organisations, members: tuple[str, ...], fids: tuple[str, ...]) -> MemberArrays:
    """The member × function arrays of ``members`` pooling ``fids``, reused while the table and
    the members are the same (a variant that changes the vehicle, a parameter or who pools what
    recompiles in a fraction of the time). Only tables read through :mod:`simulator.org_cache`
    (never modified, kept alive by it) are reused: a table the caller holds may be edited in place.
    Arrays are read-only: they may be shared between models."""
    if not is_shared(orgs):
        return _build_member_arrays(orgs, members, fids)
    key = (members, fids)
    with _member_lock:
        hit = _member_cache.setdefault(orgs, {}).get(key)
    if hit is None:
        hit = _build_member_arrays(orgs, members, fids)
        with _member_lock:
            per_table = _member_cache.setdefault(orgs, {})
            if len(per_table) >= _MEMBER_CACHE_PER_TABLE:
                per_table.pop(next(iter(per_table)))
            per_table[key] = hit
    return hit


def _build_member_arrays(orgs: Organisations, members: tuple[str, ...], fids: tuple[str, ...]) -> MemberArrays:
    cat = functions()
    kinds = [cat[f].kind for f in fids]
    sub_orgs = orgs.subset(members)
    columns = set(sub_orgs.column_names)  # read column by column: no pandas on this path (issue 15)
    n, F = len(members), len(fids)
    data: dict[str, np.ndarray] = {}
    for fld in sorted({fld for fs in FIELDS.values() for fld in fs}):
        arr = np.full((n, F), np.nan)
        for j, f in enumerate(fids):
            col = f"{f}.{fld}"
            if fld in FIELDS[kinds[j]] and col in columns:
                arr[:, j] = np.asarray(sub_orgs.column(col), dtype=float)
        data[fld] = arr
    estimated = np.isnan(data["cost_eur"])
    estimated[:, [j for j, kind in enumerate(kinds) if not KINDS[kind].declared_cost]] = False
    sub = np.array([str(v) for v in sub_orgs.column("subsector")], dtype=str)
    jc = np.array(["" if v is None or v != v else str(v) for v in sub_orgs.column("joint_committee")], dtype=str)
    rows = MemberArrays(
        organisations=sub_orgs, data=data, estimated=estimated,
        names=tuple(str(v) for v in sub_orgs.column("name")),
        fte_total=np.array(sub_orgs.column("fte_total"), dtype=float),
        vat_exempt=np.array(sub_orgs.column("vat_exempt"), dtype=bool),
        contracting_authority=np.array(sub_orgs.column("contracting_authority"), dtype=bool),
        subsectors=tuple(str(s) for s in sub),
        subsector_onehot=_onehot(sub), committee_onehot=_onehot(jc),
    )
    for arr in (*data.values(), *(a for a in rows if isinstance(a, np.ndarray))):
        arr.setflags(write=False)
    return rows


def _onehot(values: np.ndarray) -> np.ndarray:
    _, codes = np.unique(values, return_inverse=True)
    out = np.zeros((len(values), codes.max() + 1 if len(values) else 0))
    out[np.arange(len(values)), codes] = 1.0
    return out


def _check_pooled_data(scenario, fids, kinds, mask, data, errors) -> None:
    """A member pooling a function must bring something to pool (else the row is probably wrong)."""
    need = {name: kind.needs for name, kind in KINDS.items()}
    for j, f in enumerate(fids):
        has = np.zeros(mask.shape[0], dtype=bool)
        for fld in need[kinds[j]]:
            has |= np.nan_to_num(data[fld][:, j]) > 0
        for i in np.flatnonzero(mask[:, j] & ~has):
            errors.append(InputError(f"pooling.{f}", msg(
                "model.no_data", "member '{member}' pools {function} but its organisation row has no {columns}",
                member=scenario.members[i], function=f, columns=" / ".join(f"{f}.{x}" for x in need[kinds[j]]))))
