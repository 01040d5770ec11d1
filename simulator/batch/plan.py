"""A checked experiment: the definition, its resolved base scenario and parsed factor values.

A :class:`Plan` is what every worker receives (small and picklable: no arrays, no compiled
model). Everything the user wrote is checked here, before any work starts:

* a factor key ``parameters.<name>`` must name a catalogue parameter, and each of its values must
  parse in the parameter's unit and bounds (``"3 %"`` is 0.03);
* any other key is a dotted override of the scenario (``vehicle``, ``members``,
  ``funding.startup_grant.share`` …); each value is applied to the base and validated, and every
  distinct combination of these *structural* factors (up to :data:`CHECK_STRUCTURES`) is
  compiled against the organisation table, so a bad combination fails now, not after an hour.

Parameter factors are kernel inputs: experiments that differ only in them share one compiled
model and run as rows of one kernel call. Structural factors change the model: experiments are
grouped by them, and each group is compiled once per process.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np

from simulator.batch.experiment import (
    PARAMETER_PREFIX,
    ExperimentDefinition,
    Range,
    is_parameter_factor,
)
from simulator.catalogue import ParameterSet, parameters
from simulator.errors import InputError, InputErrors
from simulator.messages import Message, did_you_mean, msg
from simulator.scenario import Scenario

#: Compile at most this many distinct structural combinations while checking a plan.
CHECK_STRUCTURES = 500

#: Scenario-level results, one value per experiment and draw (name → kernel output field).
METRICS = {
    "npv": "npv", "net_saving": "net_saving", "net_result": "net_result",
    "payback_year": "payback_year", "baseline_total": "baseline_total",
    "pooled_total": "pooled_total", "setup": "setup", "public_cost": "public_cost",
    "npv_without_funding": "npv_without_funding", "pooled_fte": "pooled_fte", "irr": "irr",
}
DEFAULT_METRICS = ("npv", "net_saving", "net_result", "payback_year", "baseline_total",
                   "pooled_total", "setup", "public_cost", "pooled_fte")
#: Member-level results, one value per experiment, draw and member.
MEMBER_METRICS = {"gain": "member_gain", "pays": "allocated", "standalone": "member_standalone"}
DEFAULT_MEMBER_METRICS = ("gain",)


class GridPlan:
    """What every checked experiment shares, whatever its base: the grid's shape and chunks, and
    the factor values as they are written to the results (subclasses set ``definition``,
    ``chunk_size`` and ``parameter_values``)."""

    definition: ExperimentDefinition
    chunk_size: int
    parameter_values: dict[str, tuple[float, ...] | Range]

    # --- shape ----------------------------------------------------------------------------------
    @property
    def n_experiments(self) -> int:
        return self.definition.n_experiments

    @property
    def n_chunks(self) -> int:
        return -(-self.n_experiments // self.chunk_size)

    def chunk_bounds(self, index: int) -> tuple[int, int]:
        start = index * self.chunk_size
        return start, min(start + self.chunk_size, self.n_experiments)

    @property
    def structural_factors(self) -> tuple[str, ...]:
        return tuple(k for k in self.definition.factor_names if k not in self.parameter_values)

    @property
    def parameter_factors(self) -> tuple[str, ...]:
        return tuple(k for k in self.definition.factor_names if k in self.parameter_values)

    # --- values -----------------------------------------------------------------------------------
    def parameter_column(self, key: str, position: np.ndarray) -> np.ndarray:
        """Values of a parameter factor for experiments at ``position`` (indices or range values)."""
        spec = self.parameter_values[key]
        if isinstance(spec, Range):
            return np.asarray(position, dtype=float)
        return np.asarray(spec, dtype=float)[position]

    def structural_value(self, key: str, position: float) -> Any:
        """The override value of a structural factor at one position."""
        spec = self.definition.factors[key]
        if isinstance(spec, Range):
            return float(position)
        return spec[int(position)]

    def overrides_for(self, structure: tuple[float, ...]) -> dict[str, Any]:
        """The dotted overrides of one combination of structural factor positions."""
        return {k: self.structural_value(k, p) for k, p in zip(self.structural_factors, structure, strict=True)}

    @cached_property
    def numeric_factors(self) -> frozenset[str]:
        """Factors whose values are all numbers (a float column in the results; others are text)."""
        out = set(self.parameter_values)
        for k, spec in self.definition.factors.items():
            if isinstance(spec, Range) or all(_is_number(v) for v in spec):
                out.add(k)
        return frozenset(out)

    def factor_labels(self, key: str) -> list[str]:
        """Text of each value of a non-numeric factor (JSON for lists and mappings)."""
        spec = self.definition.factors[key]
        assert isinstance(spec, list)
        return [v if isinstance(v, str) else json.dumps(v, sort_keys=True, ensure_ascii=False) for v in spec]

    def digest(self) -> str:
        """Identity of the work: definition, resolved base and chunking."""
        return self._digest

    @cached_property
    def _digest(self) -> str:
        blob = json.dumps({"definition": self.definition.model_dump(mode="json"),
                           "base": self.base_identity(), "chunk_size": self.chunk_size},
                          sort_keys=True, separators=(",", ":"), default=str)
        return hashlib.sha256(blob.encode()).hexdigest()[:16]

    def base_identity(self) -> dict[str, Any]:
        raise NotImplementedError


@dataclass(frozen=True, eq=False)
class Plan(GridPlan):
    """A validated experiment on a base scenario, ready to be cut into chunks."""

    definition: ExperimentDefinition
    base: Scenario
    base_source: str
    parameter_values: dict[str, tuple[float, ...] | Range]  # factor key → parsed values
    chunk_size: int

    @property
    def metrics(self) -> tuple[str, ...]:
        return tuple(self.definition.metrics or DEFAULT_METRICS)

    @property
    def member_metrics(self) -> tuple[str, ...]:
        chosen = self.definition.member_metrics
        return tuple(DEFAULT_MEMBER_METRICS if chosen is None else chosen)

    def scenario_for(self, structure: tuple[float, ...]) -> Scenario:
        """The base scenario with one combination of structural factor values applied."""
        if not structure:
            return self.base
        return self.base.with_overrides(self.overrides_for(structure))

    def base_identity(self) -> dict[str, Any]:
        """The resolved base scenario (the plan's identity; the manifest hashes its table)."""
        return self.base.to_dict()


def _is_number(v: Any) -> bool:
    return isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v)


def default_chunk_size(draws: int) -> int:
    """Experiments per chunk: ~50,000 kernel rows per task (2,000 experiments without Monte Carlo):
    a task takes seconds, far above a scheduler's few milliseconds, a part file stays a few MB,
    and a 1,000 × 1,000 study still gives 20 tasks to share among workers."""
    return 2_000 if draws == 0 else max(1, 50_000 // draws)


def make_plan(definition: ExperimentDefinition, root: str | Path = ".",
              chunk_size: int | None = None) -> GridPlan:
    """Resolve the base (a scenario, or a sector funding study: :mod:`simulator.batch.study`),
    check every factor and value; raise InputError naming the field."""
    if definition.is_study:
        from simulator.batch.study import make_study_plan

        return make_study_plan(definition, root, chunk_size)
    from simulator.api import load_scenario

    path = Path(definition.base.scenario)
    path = path if path.is_absolute() else Path(root) / path
    if not path.is_file():
        raise InputError("base.scenario", msg("batch.no_scenario_file", "no scenario file '{path}'", path=str(path)))
    base = load_scenario(path)
    _check_metrics(definition)
    params = _check_parameter_factors(definition)
    size = chunk_size or definition.chunk_size or default_chunk_size(definition.draws)
    plan = Plan(definition, base, str(path.resolve()), params, int(size))
    _check_structural_factors(plan)
    return plan


def _check_metrics(definition: ExperimentDefinition) -> None:
    for field, chosen, known in (("metrics", definition.metrics, METRICS),
                                 ("member_metrics", definition.member_metrics, MEMBER_METRICS)):
        for i, m in enumerate(chosen or []):
            if m not in known:
                raise InputError(f"{field}[{i}]", msg("batch.unknown_metric", "unknown metric '{name}'{hint}; "
                                                      "known: {known}", name=m, hint=did_you_mean(m, list(known)),
                                                      known=list(known)))
    if definition.draws and "irr" in (definition.metrics or []):
        raise InputError("metrics", msg("batch.irr_draws", "irr is only computed without Monte Carlo (draws: 0)"))


def _check_parameter_factors(definition: ExperimentDefinition) -> dict[str, tuple[float, ...] | Range]:
    cat = parameters()
    out: dict[str, tuple[float, ...] | Range] = {}
    for key, spec in definition.factors.items():
        if not is_parameter_factor(key):
            continue
        name = key.removeprefix(PARAMETER_PREFIX)
        if name not in cat:
            raise InputError(f"factors.{key}", msg("batch.unknown_parameter", "unknown factor key: no parameter "
                                                   "'{name}'{hint}", name=name, hint=did_you_mean(name, list(cat))))
        if isinstance(spec, Range):
            for end in (spec.low, spec.high):
                _parse_parameter(name, end, f"factors.{key}")
            out[key] = spec
        else:
            out[key] = tuple(_parse_parameter(name, v, f"factors.{key}[{i}]") for i, v in enumerate(spec))
    return out


def _parse_parameter(name: str, raw: Any, field: str) -> float:
    try:
        return float(ParameterSet.defaults().override({name: raw})[name])
    except InputError as exc:
        raise InputError(field, exc.message) from None


def each_factor_value(definition: ExperimentDefinition, keys: Sequence[str]) -> Iterator[tuple[str, str, Any]]:
    """``(key, field, value)`` for every value of the factors ``keys`` (a range: its two ends),
    ``field`` naming it in an error (``factors.<key>[i]``, or ``factors.<key>`` for a range)."""
    for key in keys:
        spec = definition.factors[key]
        values = [spec.low, spec.high] if isinstance(spec, Range) else spec
        for i, value in enumerate(values):
            yield key, f"factors.{key}" + ("" if isinstance(spec, Range) else f"[{i}]"), value


def _check_structural_factors(plan: Plan) -> None:
    """Each value alone, then every distinct combination (up to CHECK_STRUCTURES) is compiled."""
    from simulator.model import compile_scenario

    keys = plan.structural_factors
    for key, field, value in each_factor_value(plan.definition, keys):
        try:
            plan.base.with_overrides({key: value})
        except InputError as exc:
            raise _factor_error(field, key, exc) from None
    if not keys or any(isinstance(plan.definition.factors[k], Range) for k in keys):
        return
    combos = structures(plan, np.arange(min(plan.n_experiments, 200_000)))[0]
    for combo in combos[:CHECK_STRUCTURES]:
        values = {k: plan.structural_value(k, p) for k, p in zip(keys, combo, strict=True)}
        try:
            compile_scenario(plan.scenario_for(tuple(combo)))
        except InputError as exc:
            shown = ", ".join(f"{k}={json.dumps(v, ensure_ascii=False)}" for k, v in values.items())
            raise InputError("factors", msg("batch.bad_combination", "the combination {values} is not a valid "
                                            "scenario: {problem}", values=shown, problem=_first(exc))) from None


def _factor_error(field: str, key: str, exc: InputError) -> InputError:
    errors = exc.errors if isinstance(exc, InputErrors) else [exc]
    if any(e.message.startswith("unknown key") for e in errors):
        first = next(e for e in errors if e.message.startswith("unknown key"))
        return InputError(field, msg("batch.unknown_factor", "unknown factor key '{key}' ({field}: {problem})",
                                     key=key, field=first.field, problem=first.message))
    return InputError(field, _first(exc))


def _first(exc: InputError) -> Message:
    """The first problem of ``exc`` as one message (translated with it), and how many others."""
    errors = exc.errors if isinstance(exc, InputErrors) else [exc]
    first = msg("batch.problem", "{field}: {problem}", field=errors[0].field, problem=errors[0].message)
    if len(errors) == 1:
        return first
    return msg("batch.problem_and_more", "{first} (and {n} more)", first=first, n=len(errors) - 1)


def structures(plan: Plan, experiments: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Distinct structural combinations among ``experiments`` and, for each experiment, the index
    of its combination: ``(combos (G, k), group (m,))``. Without structural factors: one empty
    combination."""
    keys = plan.structural_factors
    if not keys:
        return np.zeros((1, 0)), np.zeros(len(experiments), dtype=np.int64)
    pos = plan.definition.positions(experiments)
    table = np.stack([np.asarray(pos[k], dtype=float) for k in keys], axis=1)
    combos, group = np.unique(table, axis=0, return_inverse=True)
    return combos, group.reshape(-1)
