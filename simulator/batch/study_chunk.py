"""Evaluate one chunk of a study's experiments: compare_funding per experiment → tidy Arrow tables.

Each experiment is :func:`simulator.sector.compare_funding` on its study and population with its
seed; its per-option figures become rows of the ``results`` table::

    experiment, draw, option, metric, value, one column per factor

With ``draws: 0`` there is one row per (experiment, option, metric), ``draw`` 0, at central
values (exactly ``compare_funding(...).records``). With ``draws: D`` there are D rows per
(experiment, option, metric): the draw's figure for metrics that vary, the central figure for
those decided once (pools formed, members pooled, funded and additional pools, budget used).

Derived figures, per draw (``annual`` = annualised public cost, €/yr; ``fte`` = frontline FTE
freed; NaN where the denominator is not positive, as ``records`` gives None)::

    public_eur_per_frontline_fte = annual / fte                   (when public cost > 0 and fte > 0)
    frontline_fte_per_100k_eur   = fte × 100,000 / annual         (FTE a year per 100 k€ a year)
    additional_fte_per_100k_eur  = additional fte × 100,000 / annual

The numbers depend only on the experiment's study, population and seed: not on the chunk, the
process or the machine (generated populations and options are rebuilt from their specs).

Experiments that share a population and a sector (they differ only in the funding options, say)
share the kernel runs of their pool compositions (a :class:`~simulator.sector.formation.PoolBook`
per population and sector, a few kept per process): forming pools without funding, most of a
comparison's time, is then done once for all of them. Same figures, bit for bit (tested).
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

import numpy as np

from simulator.batch.chunk import _factor_column, _labels
from simulator.batch.study import STUDY_METRICS, StudyPlan

PER_100K = 100_000.0
_POPULATIONS: OrderedDict[tuple[Any, ...], Any] = OrderedDict()
_BOOKS: OrderedDict[tuple[Any, ...], Any] = OrderedDict()
_CACHE_SIZE = 8


def population_of(spec: dict[str, Any]) -> Any:
    """The population of a spec (generated or read), cached per process (a few at a time)."""
    from simulator.sector import generate_population, read_population

    key = (spec.get("file"), spec.get("generate"), spec.get("seed"))
    if key not in _POPULATIONS:
        _POPULATIONS[key] = (read_population(spec["file"]) if spec.get("file")
                             else generate_population(int(spec["generate"]), int(spec["seed"])))
        while len(_POPULATIONS) > _CACHE_SIZE:
            _POPULATIONS.popitem(last=False)
    _POPULATIONS.move_to_end(key)
    return _POPULATIONS[key]


def book_of(population_spec: dict[str, Any], population: Any, sector: Any) -> Any:
    """The PoolBook of a population and a sector, cached per process (a few at a time)."""
    import json

    from simulator.sector.formation import PoolBook

    key = (population_spec.get("file"), population_spec.get("generate"), population_spec.get("seed"),
           json.dumps(sector.model_dump(mode="json"), sort_keys=True))
    if key not in _BOOKS or _BOOKS[key].orgs is not population.organisations:
        _BOOKS[key] = PoolBook(population.organisations, sector)
        while len(_BOOKS) > _CACHE_SIZE:
            _BOOKS.popitem(last=False)
    _BOOKS.move_to_end(key)
    return _BOOKS[key]


def experiment_figures(plan: StudyPlan, structure: tuple[float, ...], seed: int) -> np.ndarray:
    """One experiment's figures: an array (options, draws or 1, metrics) in plan order."""
    from simulator.sector import compare_funding
    from simulator.sector.options import FundingOptions

    study, spec = plan.study_for(structure)
    options = FundingOptions.from_dict(study)
    population = population_of(spec)
    result = compare_funding(options, population, draws=plan.definition.draws, seed=seed,
                             book=book_of(spec, population, options.sector))
    return option_figures(result, plan.option_ids, plan.metrics, plan.definition.draws)


def option_figures(result: Any, option_ids: tuple[str, ...], metrics: tuple[str, ...], draws: int) -> np.ndarray:
    """``(len(option_ids), max(draws, 1), len(metrics))`` figures of a SectorComparison (module
    docstring: central values without draws, per draw otherwise)."""
    records = {r["option"]: r for r in result.records}
    pools = result.pools
    out = np.full((len(option_ids), max(draws, 1), len(metrics)), np.nan)
    for o, oid in enumerate(option_ids):
        rec = records[oid]
        annual = float(pools.loc[pools["option"] == oid, "annualised_public_cost_eur"].sum())
        central = {**rec, "annualised_public_cost_eur": annual}
        if draws:
            per_draw = dict(result.draws[oid])
            figures = {m: (np.asarray(per_draw[m], dtype=float) if varies and m in per_draw else None)
                       for m, varies in STUDY_METRICS.items()}
            figures.update(_ratios(per_draw["annualised_public_cost_eur"], per_draw["public_cost_npv_eur"],
                                   per_draw["frontline_fte_freed"], per_draw["additional_frontline_fte"]))
        else:
            figures = _ratios(np.array([annual]), np.array([rec["public_cost_npv_eur"]]),
                              np.array([rec["frontline_fte_freed"]]), np.array([rec["additional_frontline_fte"]]))
        for k, m in enumerate(metrics):
            value = figures.get(m)
            if value is None:
                value = central[m]
                value = np.nan if value is None else float(value)
            out[o, :, k] = value
    return out


def _ratios(annual: np.ndarray, public: np.ndarray, fte: np.ndarray, extra_fte: np.ndarray) -> dict[str, np.ndarray]:
    """The derived figures of the module docstring, NaN where undefined."""
    with np.errstate(divide="ignore", invalid="ignore"):
        paid = annual > 0
        return {
            "public_eur_per_frontline_fte": np.where((public > 0) & (fte > 0), annual / np.where(fte > 0, fte, 1.0),
                                                     np.nan),
            "frontline_fte_per_100k_eur": np.where(paid, fte * PER_100K / np.where(paid, annual, 1.0), np.nan),
            "additional_fte_per_100k_eur": np.where(paid, extra_fte * PER_100K / np.where(paid, annual, 1.0),
                                                    np.nan),
        }


def evaluate_study_chunk(plan: StudyPlan, index: int) -> dict[str, Any]:
    """The Arrow tables of chunk ``index`` (results, members — empty for a study — experiments)."""
    import pyarrow as pa

    from simulator.batch.plan import structures

    start, stop = plan.chunk_bounds(index)
    experiments = np.arange(start, stop, dtype=np.int64)
    positions = plan.definition.positions(experiments)
    seeds = plan.definition.seeds(experiments)
    combos, group_of = structures(plan, experiments)
    n_options, D, M = len(plan.option_ids), max(plan.definition.draws, 1), len(plan.metrics)
    values = np.empty((len(experiments), n_options, D, M))
    for i in range(len(experiments)):  # one sector comparison per experiment (vectorised over draws inside)
        structure = tuple(float(x) for x in combos[group_of[i]])
        values[i] = experiment_figures(plan, structure, int(seeds[i]))
    n = len(experiments)
    per_exp = n_options * D * M
    local = np.repeat(np.arange(n), per_exp)
    results: dict[str, Any] = {
        "experiment": pa.array(experiments[local]),
        "draw": pa.array(np.tile(np.repeat(np.arange(D, dtype=np.int32), M), n * n_options)),
        "option": _labels(np.tile(np.repeat(np.arange(n_options), D * M), n), list(plan.option_ids)),
        "metric": _labels(np.tile(np.arange(M), n * n_options * D), list(plan.metrics)),
        "value": pa.array(values.reshape(-1)),
    }
    factors = {k: _factor_column(plan, k, positions[k]) for k in plan.definition.factor_names}
    for k, (column, labels) in factors.items():
        results[k] = pa.array(column[local]) if labels is None else _labels(column[local], labels)
    experiment_cols: dict[str, Any] = {"experiment": pa.array(experiments), "seed": pa.array(seeds)}
    for k, (column, labels) in factors.items():
        experiment_cols[k] = pa.array(column) if labels is None else _labels(column, labels)
    members = pa.table({"experiment": pa.array([], pa.int64()), "draw": pa.array([], pa.int32()),
                        "member": pa.array([], pa.string()), "metric": pa.array([], pa.string()),
                        "value": pa.array([], pa.float64())})
    return {"results": pa.table(results), "members": members, "experiments": pa.table(experiment_cols)}
