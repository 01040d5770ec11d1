"""Evaluate one chunk of experiments: vectorised kernel calls → tidy Arrow tables → Parquet bytes.

A chunk is the experiments ``[start, stop)`` of a plan. They are grouped by their structural
factors (one compiled model per group, cached in the process); inside a group every
(experiment, draw) pair is one row of the kernel's batch axis, up to :data:`ROWS_PER_CALL` rows
per call, so memory is bounded by the call size, not by the number of experiments or draws.

Row r of a kernel call is independent of the other rows, experiment e's parameter factors are
its own values, and its Monte Carlo draws depend only on its seed (see
:mod:`simulator.batch.experiment`): so a chunk's numbers do not depend on the chunk size or on
which process computes it, bit for bit.

Tables (long, "tidy"):

* ``results`` — experiment, draw, metric, value, one column per factor;
* ``members`` — experiment, draw, member, metric, value;
* ``experiments`` — experiment, seed, one column per factor.
"""

from __future__ import annotations

import io
from collections import OrderedDict
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from simulator.batch.plan import MEMBER_METRICS, METRICS, Plan, structures

#: Kernel rows (experiment × draw) per call: keeps a call's arrays within a few hundred MB.
ROWS_PER_CALL = 8_192
TABLES = ("results", "members", "experiments")
#: Scenario keys the kernel reads from ``model.scenario`` itself, never compiled into the model's
#: arrays: variants differing only in them share one compilation (compiling costs ~70 ms).
KERNEL_READS = ("funding", "exit_risk", "name", "description")
_CACHE_SIZE = 256
_groups: OrderedDict[tuple[str, tuple[tuple[str, float], ...]], _Group] = OrderedDict()


@dataclass(frozen=True)
class _Group:
    """A compiled structural combination: the model, base values, what varies."""

    model: Any
    base: dict[str, float]
    uncertain: dict[str, Any]
    correlation: Any


def _group(plan: Plan, structure: tuple[float, ...]) -> _Group:
    """Compiled model of one structural combination, cached per process (LRU).

    The cache key leaves out the factors in :data:`KERNEL_READS`: a cached compilation is reused
    with the variant's scenario swapped in (``dataclasses.replace``), which is exactly what a fresh
    compilation would give (tested against ``simulate`` of the variant).
    """
    scenario = plan.scenario_for(structure)
    key = (plan.digest(), tuple((k, p) for k, p in zip(plan.structural_factors, structure, strict=True)
                                if k.split(".")[0] not in KERNEL_READS))
    if key in _groups:
        _groups.move_to_end(key)
        cached = _groups[key]
        return replace(cached, model=replace(cached.model, scenario=scenario))
    if plan.definition.draws:
        from simulator.uncertainty.model_mc import prepare
        from simulator.uncertainty.scenario_inputs import scenario_correlation

        problem = prepare(scenario, vary=plan.definition.vary)
        uncertain = problem.uncertain
        group = _Group(problem.model, problem.base, uncertain,
                       scenario_correlation(problem.model.scenario, list(uncertain)))
    else:
        from simulator.model import compile_scenario

        model = compile_scenario(scenario)
        group = _Group(model, dict(model.params), {}, None)
    _groups[key] = group
    while len(_groups) > _CACHE_SIZE:
        _groups.popitem(last=False)
    return group


class _Rows:
    """Accumulates kernel outputs of one chunk: per row its experiment, draw and values."""

    def __init__(self, plan: Plan):
        self.plan = plan
        self.experiment: list[np.ndarray] = []
        self.draw: list[np.ndarray] = []
        self.values: list[np.ndarray] = []  # (R, M)
        self.members: list[tuple[np.ndarray, np.ndarray, tuple[str, ...], np.ndarray]] = []

    def add(self, out, experiment: np.ndarray, draw: np.ndarray, member_ids: tuple[str, ...]) -> None:
        R = len(experiment)
        cols = [_rows(getattr(out, METRICS[m]), R) for m in self.plan.metrics]
        self.experiment.append(experiment)
        self.draw.append(draw)
        self.values.append(np.stack(cols, axis=1) if cols else np.zeros((R, 0)))
        if self.plan.member_metrics:
            wide = np.stack([_rows(getattr(out, MEMBER_METRICS[m]), R) for m in self.plan.member_metrics],
                            axis=2)  # (R, n, K)
            self.members.append((experiment, draw, member_ids, wide))


def _rows(a: np.ndarray, R: int) -> np.ndarray:
    a = np.asarray(a, dtype=float)
    return np.broadcast_to(a, (R, *a.shape[1:])) if a.shape[0] != R else a


def evaluate_chunk(plan: Plan, index: int) -> dict[str, Any]:
    """The Arrow tables of chunk ``index`` (see module docstring; a study's:
    :mod:`simulator.batch.study_chunk`)."""
    if not isinstance(plan, Plan):
        from simulator.batch.study_chunk import evaluate_study_chunk

        return evaluate_study_chunk(plan, index)
    start, stop = plan.chunk_bounds(index)
    experiments = np.arange(start, stop, dtype=np.int64)
    positions = plan.definition.positions(experiments)
    draws = plan.definition.draws
    seeds = plan.definition.seeds(experiments) if draws else np.zeros(len(experiments), dtype=np.uint64)
    fixed = {k.removeprefix("parameters."): plan.parameter_column(k, positions[k]) for k in plan.parameter_factors}
    combos, group_of = structures(plan, experiments)
    rows = _Rows(plan)
    for g, combo in enumerate(combos):
        sel = np.flatnonzero(group_of == g)
        group = _group(plan, tuple(float(x) for x in combo))
        values = {name: col[sel] for name, col in fixed.items()}
        if draws:
            _monte_carlo(plan, group, experiments[sel], seeds[sel], values, rows)
        else:
            _deterministic(plan, group, experiments[sel], values, rows)
    return _tables(plan, rows, experiments, positions, seeds)


def _deterministic(plan: Plan, group: _Group, experiments: np.ndarray, values: dict[str, np.ndarray],
                   rows: _Rows) -> None:
    from simulator.kernel import run_kernel
    from simulator.params import ParamArrays

    with_irr = "irr" in plan.metrics
    for a in range(0, len(experiments), ROWS_PER_CALL):
        b = min(a + ROWS_PER_CALL, len(experiments))
        out = run_kernel(group.model, ParamArrays(group.base, {n: v[a:b] for n, v in values.items()}),
                         with_irr=with_irr)
        rows.add(out, experiments[a:b], np.zeros(b - a, dtype=np.int64), group.model.member_ids)


def _monte_carlo(plan: Plan, group: _Group, experiments: np.ndarray, seeds: np.ndarray,
                 values: dict[str, np.ndarray], rows: _Rows) -> None:
    """Draws of each experiment (its own seed), factor parameters fixed at the experiment's value,
    packed into kernel calls of at most ROWS_PER_CALL rows."""
    from simulator.kernel import run_kernel
    from simulator.params import ParamArrays
    from simulator.uncertainty.sampling import UniformStream, to_parameters

    D = plan.definition.draws
    names = tuple(group.uncertain)
    pending: list[tuple[dict[str, np.ndarray], np.ndarray, np.ndarray]] = []
    size = 0

    def flush() -> None:
        nonlocal pending, size
        if not pending:
            return
        keys = pending[0][0].keys()
        params = {k: np.concatenate([p[k] for p, _, _ in pending]) for k in keys}
        out = run_kernel(group.model, ParamArrays(group.base, params), with_irr=False)  # nothing varies: B = 1
        rows.add(out, np.concatenate([e for _, e, _ in pending]), np.concatenate([d for _, _, d in pending]),
                 group.model.member_ids)
        pending, size = [], 0

    for i, e in enumerate(experiments):
        stream = UniformStream(names, int(seeds[i]), group.correlation, "gaussian_copula")
        for s in range(0, D, ROWS_PER_CALL):
            t = min(s + ROWS_PER_CALL, D)
            params = to_parameters(group.uncertain, names, stream.rows(s, t)) if names else {}
            for name, col in values.items():
                params[name] = np.full(t - s, col[i])
            if size + (t - s) > ROWS_PER_CALL:
                flush()
            pending.append((params, np.full(t - s, e, dtype=np.int64), np.arange(s, t, dtype=np.int64)))
            size += t - s
    flush()


def _tables(plan: Plan, rows: _Rows, experiments: np.ndarray, positions: dict[str, np.ndarray],
            seeds: np.ndarray) -> dict[str, Any]:
    import pyarrow as pa

    exp = np.concatenate(rows.experiment)
    draw = np.concatenate(rows.draw)
    wide = np.concatenate(rows.values)
    order = np.lexsort((draw, exp))  # experiment-major, then draw: independent of grouping
    exp, draw, wide = exp[order], draw[order], wide[order]
    M = len(plan.metrics)
    local = exp - experiments[0]  # position of each row's experiment in this chunk
    results = {
        "experiment": pa.array(np.repeat(exp, M)),
        "draw": pa.array(np.repeat(draw, M).astype(np.int32)),
        "metric": _labels(np.tile(np.arange(M), len(exp)), list(plan.metrics)),
        "value": pa.array(wide.reshape(-1)),
    }
    factors = {k: _factor_column(plan, k, positions[k]) for k in plan.definition.factor_names}
    for k, (values, labels) in factors.items():
        idx = np.repeat(local, M)
        results[k] = pa.array(values[idx]) if labels is None else _labels(values[idx], labels)
    tables = {"results": pa.table(results), "members": _members_table(plan, rows)}
    experiment_cols: dict[str, Any] = {"experiment": pa.array(experiments), "seed": pa.array(seeds)}
    for k, (values, labels) in factors.items():
        experiment_cols[k] = pa.array(values) if labels is None else _labels(values, labels)
    tables["experiments"] = pa.table(experiment_cols)
    return tables


def _factor_column(plan: Plan, key: str, position: np.ndarray) -> tuple[np.ndarray, list[str] | None]:
    """Numeric factors → (float values, None); others → (value indices, labels)."""
    if key in plan.parameter_values:
        return plan.parameter_column(key, position), None
    if key in plan.numeric_factors:
        spec = plan.definition.factors[key]
        if isinstance(spec, list):
            return np.asarray(spec, dtype=float)[position], None
        return np.asarray(position, dtype=float), None
    return np.asarray(position, dtype=np.int32), plan.factor_labels(key)


def _labels(indices: np.ndarray, labels: list[str]):
    import pyarrow as pa

    return pa.DictionaryArray.from_arrays(pa.array(np.asarray(indices, dtype=np.int32)), pa.array(labels))


def _members_table(plan: Plan, rows: _Rows):
    import pyarrow as pa

    K = len(plan.member_metrics)
    parts = []
    for exp, draw, member_ids, wide in rows.members:
        R, n = wide.shape[0], wide.shape[1]
        parts.append((np.repeat(exp, n * K), np.repeat(draw, n * K),
                      np.asarray(member_ids, dtype=object)[np.tile(np.repeat(np.arange(n), K), R)],
                      np.tile(np.arange(K), R * n), wide.reshape(-1)))
    if not parts:
        return pa.table({"experiment": pa.array([], pa.int64()), "draw": pa.array([], pa.int32()),
                         "member": pa.array([], pa.string()), "metric": pa.array([], pa.string()),
                         "value": pa.array([], pa.float64())})
    exp, draw, member, metric, value = (np.concatenate(c) for c in zip(*parts, strict=True))
    order = np.lexsort((draw, exp))  # stable: members and metrics keep their order within a row
    member = member[order]
    labels, codes = np.unique(member.astype(str), return_inverse=True)
    return pa.table({
        "experiment": pa.array(exp[order]),
        "draw": pa.array(draw[order].astype(np.int32)),
        "member": _labels(codes.reshape(-1), labels.tolist()),
        "metric": _labels(metric[order], list(plan.member_metrics)),
        "value": pa.array(value[order]),
    })


def chunk_parquet(plan: Plan, index: int) -> dict[str, bytes]:
    """Chunk ``index`` as Parquet files in memory (what a worker sends back: compact, no pickling
    of arrays)."""
    import pyarrow.parquet as pq

    out = {}
    for name, table in evaluate_chunk(plan, index).items():
        sink = io.BytesIO()
        pq.write_table(table, sink, compression="zstd")
        out[name] = sink.getvalue()
    return out
