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
from simulator.messages import did_you_mean, msg
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


@dataclass(frozen=True, eq=False)
class Plan:
    """A validated experiment, ready to be cut into chunks."""

    definition: ExperimentDefinition
    base: Scenario
    base_source: str
    parameter_values: dict[str, tuple[float, ...] | Range]  # factor key → parsed values
    chunk_size: int

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
    def metrics(self) -> tuple[str, ...]:
        return tuple(self.definition.metrics or DEFAULT_METRICS)

    @property
    def member_metrics(self) -> tuple[str, ...]:
        chosen = self.definition.member_metrics
        return tuple(DEFAULT_MEMBER_METRICS if chosen is None else chosen)

    @property
    def structural_factors(self) -> tuple[str, ...]:
        return tuple(k for k in self.definition.factor_names if not is_parameter_factor(k))

    @property
    def parameter_factors(self) -> tuple[str, ...]:
        return tuple(k for k in self.definition.factor_names if is_parameter_factor(k))

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

    def scenario_for(self, structure: tuple[float, ...]) -> Scenario:
        """The base scenario with one combination of structural factor values applied."""
        if not structure:
            return self.base
        overrides = {k: self.structural_value(k, p) for k, p in zip(self.structural_factors, structure,
                                                                     strict=True)}
        return self.base.with_overrides(overrides)

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
        """Identity of the work: definition, resolved base scenario and chunking."""
        return self._digest

    @cached_property
    def _digest(self) -> str:
        blob = json.dumps({"definition": self.definition.model_dump(mode="json"),
                           "base": self.base.to_dict(), "chunk_size": self.chunk_size},
                          sort_keys=True, separators=(",", ":"), default=str)
        return hashlib.sha256(blob.encode()).hexdigest()[:16]


def _is_number(v: Any) -> bool:
    return isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v)


def default_chunk_size(draws: int) -> int:
    """Experiments per chunk: ~50,000 kernel rows per task (2,000 experiments without Monte Carlo):
    a task takes seconds, far above a scheduler's few milliseconds, a part file stays a few MB,
    and a 1,000 × 1,000 study still gives 20 tasks to share among workers."""
    return 2_000 if draws == 0 else max(1, 50_000 // draws)


def make_plan(definition: ExperimentDefinition, root: str | Path = ".",
              chunk_size: int | None = None) -> Plan:
    """Resolve the base scenario, check every factor and value; raise InputError naming the field."""
    from simulator.api import load_scenario

    path = Path(definition.base.scenario)
    path = path if path.is_absolute() else Path(root) / path
    if not path.is_file():
        raise InputError("base.scenario", msg("batch.no_scenario", "no scenario file '{path}'", path=str(path)))
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
                raise InputError(f"{field}[{i}]", msg("batch.unknown_metric", "unknown metric '{metric}'; known: "
                                                     "{known}{hint}", metric=str(m), known=", ".join(known),
                                                     hint=did_you_mean(str(m), list(known))))
    if definition.draws and "irr" in (definition.metrics or []):
        raise InputError("metrics", msg("batch.irr_needs_no_mc", "irr is only computed without Monte Carlo (draws: 0)"))


def _check_parameter_factors(definition: ExperimentDefinition) -> dict[str, tuple[float, ...] | Range]:
    cat = parameters()
    out: dict[str, tuple[float, ...] | Range] = {}
    for key, spec in definition.factors.items():
        if not is_parameter_factor(key):
            continue
        name = key.removeprefix(PARAMETER_PREFIX)
        if name not in cat:
            raise InputError(f"factors.{key}", msg("batch.unknown_parameter",
                                                    "unknown factor key: no such parameter{hint}",
                                                    hint=did_you_mean(name, list(cat))))
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


def _check_structural_factors(plan: Plan) -> None:
    """Each value alone, then every distinct combination (up to CHECK_STRUCTURES) is compiled."""
    from simulator.model import compile_scenario

    keys = plan.structural_factors
    for key in keys:
        spec = plan.definition.factors[key]
        values = [spec.low, spec.high] if isinstance(spec, Range) else spec
        for i, value in enumerate(values):
            field = f"factors.{key}" + ("" if isinstance(spec, Range) else f"[{i}]")
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
            raise InputError("factors", msg("batch.bad_combination", "the combination {shown} is not a valid "
                                            "scenario: {problem}", shown=shown, problem=_one_line(exc))) from None


def _factor_error(field: str, key: str, exc: InputError) -> InputError:
    errors = exc.errors if isinstance(exc, InputErrors) else [exc]
    if any(e.message.startswith("unknown key") for e in errors):
        first = next(e for e in errors if e.message.startswith("unknown key"))
        return InputError(field, msg("batch.unknown_factor", "unknown factor key '{key}' ({where}: {problem})",
                                     key=key, where=first.field, problem=first.message))
    return InputError(field, _one_line(exc))


def _one_line(exc: InputError) -> str:
    errors = exc.errors if isinstance(exc, InputErrors) else [exc]
    text = "; ".join(f"{e.field}: {e.message}" for e in errors[:3])
    return text + (f" (and {len(errors) - 3} more)" if len(errors) > 3 else "")


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
