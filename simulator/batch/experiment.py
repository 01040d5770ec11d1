"""Experiment definitions: a base plus factors, combined into numbered experiments.

An experiment file (YAML, or the same mapping in Python) reads::

    name: discount and grant
    base: ../scenarios/a_medical_centres_employer_group.yaml   # or {scenario: …}
    design: full_factorial          # full_factorial | zip | latin_hypercube
    factors:                        # dotted overrides of the base scenario, a list of values each
      parameters.finance.discount_rate: [0.03, 0.04, 0.05]
      funding.startup_grant.share: [0, 0.5, 1]
      vehicle: [employer_group, cost_sharing_association]
    draws: 0                        # Monte Carlo draws per experiment (0: the scenario's values)
    seed: 20260101                  # master seed
    chunk_size: 1000                # experiments per task and per Parquet part

Designs (``k`` factors with ``n_1 … n_k`` values):

* ``full_factorial`` — every combination, ``Π n_i`` experiments; experiment ``e`` takes value
  ``unravel_index(e, (n_1, …, n_k))`` (the last factor varies fastest, like nested loops);
* ``zip`` — the i-th value of every factor together; all lists have the same length;
* ``latin_hypercube`` — ``samples`` points of a Latin hypercube (McKay, Beckman & Conover 1979;
  scipy.stats.qmc) seeded from the master seed; a factor is a range ``{low, high}`` (uniform on
  it) or a list (value ``⌊u · n⌋``).

Seeds: experiment ``e`` draws its Monte Carlo inputs with
``SeedSequence(seed, spawn_key=(e,))`` — a function of the master seed and ``e`` only, so the
numbers never depend on how experiments are split into chunks, processes or machines. With
``common_random_numbers: true`` every experiment uses the same draws instead, which makes the
differences between experiments less noisy.

The base is a scenario file today; ``base`` is a tagged mapping so that another kind (a sector
funding study) can be added as a new key without changing existing files.
"""

from __future__ import annotations

import hashlib
import json
import math
from functools import cached_property
from pathlib import Path
from typing import Any, Literal

import numpy as np
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from simulator.errors import InputError
from simulator.messages import msg
from simulator.schema_errors import schema_message

DESIGNS = ("full_factorial", "zip", "latin_hypercube")
#: Most experiments one definition may describe (a design this large is a typo, not a study).
MAX_EXPERIMENTS = 100_000_000
#: ``spawn_key`` of the generator behind the Latin hypercube (distinct from every experiment's).
DESIGN_KEY = 2**63
PARAMETER_PREFIX = "parameters."


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Range(_Strict):
    """A continuous factor of a Latin hypercube: uniform between ``low`` and ``high``."""

    low: float
    high: float

    @model_validator(mode="after")
    def _ordered(self) -> Range:
        if not (math.isfinite(self.low) and math.isfinite(self.high)) or self.high < self.low:
            raise ValueError(msg("batch.range_order", "a range needs finite low ≤ high, got low={low}, high={high}",
                                  low=self.low, high=self.high))
        return self


class ScenarioBase(_Strict):
    """The base of the experiments: a scenario file (relative to the experiment file)."""

    scenario: str = Field(min_length=1)


class ExperimentDefinition(_Strict):
    """What to run: see the module docstring for the format."""

    name: str = Field(min_length=1)
    description: str = ""
    base: ScenarioBase
    design: Literal["full_factorial", "zip", "latin_hypercube"] = "full_factorial"
    factors: dict[str, list[Any] | Range] = Field(default_factory=dict)
    samples: int | None = Field(default=None, ge=1)
    draws: int = Field(default=0, ge=0, le=10_000_000)
    seed: int = Field(default=0, ge=0)
    common_random_numbers: bool = False
    vary: Literal["all", "scenario"] = "all"
    chunk_size: int | None = Field(default=None, ge=1, le=1_000_000)
    metrics: list[str] | None = None
    member_metrics: list[str] | None = None

    @field_validator("base", mode="before")
    @classmethod
    def _base_shorthand(cls, v: Any) -> Any:
        return {"scenario": v} if isinstance(v, str) else v

    @model_validator(mode="after")
    def _design_rules(self) -> ExperimentDefinition:
        for key, values in self.factors.items():
            if isinstance(values, list) and not values:
                raise InputError(f"factors.{key}", msg("batch.factor_empty",
                                                        "a factor needs at least one value (the grid is empty)"))
            if isinstance(values, Range) and self.design != "latin_hypercube":
                raise InputError(f"factors.{key}", msg("batch.range_needs_lhs", "a {{low, high}} range needs design: "
                                                        "latin_hypercube; give a list of values instead"))
        if self.design == "latin_hypercube":
            if self.samples is None:
                raise InputError("samples", msg("batch.lhs_samples",
                                                "design latin_hypercube needs samples: (how many points)"))
            if not self.factors:
                raise InputError("factors", msg("batch.lhs_factor", "design latin_hypercube needs at least one factor"))
        elif self.samples is not None:
            raise InputError("samples", msg("batch.samples_only_lhs", "samples: is only for design latin_hypercube, "
                                            "not {design}", design=self.design))
        if self.design == "zip":
            lengths = {k: len(v) for k, v in self.factors.items() if isinstance(v, list)}
            if len(set(lengths.values())) > 1:
                listed = ", ".join(f"{k}: {n}" for k, n in lengths.items())
                raise InputError("factors", msg("batch.zip_lengths",
                                                "design zip needs lists of equal length, got {listed}", listed=listed))
        return self

    # --- the design ------------------------------------------------------------------------------
    @property
    def factor_names(self) -> tuple[str, ...]:
        return tuple(self.factors)

    @property
    def n_experiments(self) -> int:
        """Number of experiments the design describes (1 when there is no factor)."""
        sizes = [len(v) for v in self.factors.values() if isinstance(v, list)]
        if self.design == "latin_hypercube":
            return int(self.samples or 0)
        if self.design == "zip":
            return sizes[0] if sizes else 1
        return math.prod(sizes)

    def seeds(self, experiments: np.ndarray) -> np.ndarray:
        """Seed of each experiment's Monte Carlo draws: ``SeedSequence(seed, spawn_key=(e,))``."""
        if self.common_random_numbers:
            return np.full(len(experiments), self.seed, dtype=np.uint64)
        return np.array([np.random.SeedSequence(self.seed, spawn_key=(int(e),)).generate_state(1, np.uint64)[0]
                         for e in experiments], dtype=np.uint64)

    def positions(self, experiments: np.ndarray) -> dict[str, np.ndarray]:
        """For each list factor, the index of its value in each experiment; for each range factor,
        the value itself (float)."""
        experiments = np.asarray(experiments, dtype=np.int64)
        names = self.factor_names
        if not names:
            return {}
        if self.design == "zip":
            return {k: experiments.copy() for k in names}
        if self.design == "full_factorial":
            shape = tuple(len(self.factors[k]) for k in names)
            return dict(zip(names, np.unravel_index(experiments, shape), strict=True))
        u = self._hypercube[experiments]
        out: dict[str, np.ndarray] = {}
        for col, k in enumerate(names):
            spec = self.factors[k]
            if isinstance(spec, Range):
                out[k] = spec.low + u[:, col] * (spec.high - spec.low)
            else:
                out[k] = np.minimum((u[:, col] * len(spec)).astype(np.int64), len(spec) - 1)
        return out

    @cached_property
    def _hypercube(self) -> np.ndarray:
        from scipy.stats import qmc

        rng = np.random.Generator(np.random.PCG64(np.random.SeedSequence(self.seed, spawn_key=(DESIGN_KEY,))))
        return qmc.LatinHypercube(d=len(self.factors), rng=rng).random(int(self.samples or 0))

    def digest(self) -> str:
        """Short SHA-256 of the canonical definition (the output folder's identity)."""
        blob = json.dumps(self.model_dump(mode="json"), sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(blob.encode()).hexdigest()[:16]


def is_parameter_factor(key: str) -> bool:
    """Parameter factors only change kernel inputs: they are vectorised on the batch axis."""
    return key.startswith(PARAMETER_PREFIX)


def parse_experiment(data: Any, source: str | None = None) -> ExperimentDefinition:
    """Validate a mapping into an :class:`ExperimentDefinition` (errors name the field)."""
    if not isinstance(data, dict):
        raise InputError("(file)", msg("batch.not_a_mapping", "an experiment must be a mapping of keys to values"),
                         source)
    try:
        definition = ExperimentDefinition.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        inner = (err.get("ctx") or {}).get("error")
        if isinstance(inner, InputError):
            inner.source = inner.source or source
            raise inner from None
        field = ".".join(str(p) for p in err["loc"] if p not in ("list[any]", "Range")) or "(file)"
        raise InputError(field, schema_message(err), source) from None
    if definition.n_experiments < 1:
        raise InputError("factors", msg("batch.grid_empty", "the grid is empty: no experiment to run"), source)
    if definition.n_experiments > MAX_EXPERIMENTS:
        raise InputError("factors", msg("batch.too_many", "{count} experiments is more than the limit of {limit}",
                                        count=int(definition.n_experiments), limit=MAX_EXPERIMENTS), source)
    return definition


def load_experiment(path: str | Path) -> tuple[ExperimentDefinition, Path]:
    """Read an experiment YAML file; returns the definition and the folder its paths are relative to."""
    path = Path(path)
    if not path.is_file():
        raise InputError("(file)", msg("batch.no_file", "no experiment file '{path}'", path=str(path)))
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        problem = " ".join(str(getattr(exc, "problem", None) or exc).split())
        raise InputError("(file)", msg("batch.not_yaml", "this is not valid YAML ({problem})", problem=problem),
                         path.name) from None
    return parse_experiment(data, path.name), path.parent.resolve()
