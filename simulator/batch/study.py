"""A sector funding study as the base of an experiment: factors over the study's fields.

An experiment whose base is a study (``docs/FUNDING.md``, :mod:`simulator.sector`) reads::

    base:
      study: ../scenarios/funding/funding_options.yaml     # the funding options file
      population: {generate: 1000, seed: 1}                # or {file: my_asbls.csv}
    factors:
      options.coordination_subsidy.instruments.coordination_subsidy.eur_per_year: [10000, 15000, 20000]
      sector.participation.threshold_eur: [250, 500, 1000]
      population.seed: [1, 2, 3]
    draws: 200                       # parameter draws per experiment (0: central values only)

Each experiment is the study with its factor values applied, run by
:func:`simulator.sector.compare_funding` (pools formed at central values, outcomes over
``draws`` parameter draws paired across options) with the experiment's seed
(``SeedSequence(seed, spawn_key=(e,))``, or the master seed for every experiment with
``common_random_numbers: true`` — then differences between experiments are paired too).

**The study's fields** (dotted keys of a factor):

* ``sector.<field>…`` — how pools form, shared by every option: ``sector.vehicle``,
  ``sector.functions``, ``sector.pools.size_cap``, ``sector.participation.threshold_eur`` …;
* ``options.<option id>.<field>…`` — one option of the file: its instruments (a scenario's
  ``funding:`` block), eligibility and budget, e.g. ``options.startup_grant.budget.cap_eur``;
* ``population.generate`` (size of the generated population), ``population.seed``.

Every key is checked against the study's schema before anything runs (an unknown field is one
line naming it, with a suggestion); every value, and every distinct combination of values (up to
:data:`~simulator.batch.plan.CHECK_STRUCTURES`), is validated as a whole options file.
Evaluation and its tables: :mod:`simulator.batch.study_chunk`.
"""

from __future__ import annotations

import copy
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from pydantic import BaseModel, ValidationError

from simulator.batch.experiment import ExperimentDefinition, PopulationSpec, Range, StudyBase
from simulator.batch.plan import CHECK_STRUCTURES, GridPlan, each_factor_value, structures
from simulator.errors import InputError, InputErrors
from simulator.messages import did_you_mean, msg
from simulator.schema_errors import schema_message

#: Results per option, experiment and draw (``mutualise funding -f json``'s names). Metrics marked
#: ``True`` vary over the draws; the others are decided once, at central values (which pools form,
#: which are funded, the budget committed) and repeat in every draw.
STUDY_METRICS: dict[str, bool] = {
    "public_cost_npv_eur": True, "annualised_public_cost_eur": True, "budget_used_eur": False,
    "sector_net_benefit_npv_eur": True, "additional_net_benefit_npv_eur": True,
    "frontline_fte_freed": True, "additional_frontline_fte": True,
    "frontline_fte_per_100k_eur": True, "additional_fte_per_100k_eur": True,
    "public_eur_per_frontline_fte": True, "leverage": True, "deadweight_eur": True,
    "pools_formed": False, "members_pooled": False, "funded_pools": False, "additional_pools": False,
}
#: Top-level fields of a study a factor may vary.
STUDY_FIELDS = ("sector", "options", "population")
POPULATION_FIELDS = ("generate", "seed")
#: Experiments per chunk by default: one takes about a second (1,000 ASBLs, 200 draws).
STUDY_CHUNK = 4


@dataclass(frozen=True, eq=False)
class StudyPlan(GridPlan):
    """A validated experiment on a sector funding study."""

    definition: ExperimentDefinition
    study: dict[str, Any]  # the options file as read (sector:, options:), checked
    population: dict[str, Any]  # generate/seed or file (absolute path)
    base_source: str
    chunk_size: int
    option_ids: tuple[str, ...]  # no_funding first, as compare_funding reports them

    @property
    def parameter_values(self) -> dict[str, tuple[float, ...] | Range]:
        return {}  # every factor changes the study itself

    @property
    def metrics(self) -> tuple[str, ...]:
        return tuple(self.definition.metrics or STUDY_METRICS)

    @property
    def member_metrics(self) -> tuple[str, ...]:
        return ()

    def study_for(self, structure: tuple[float, ...]) -> tuple[dict[str, Any], dict[str, Any]]:
        """The options mapping and the population spec with one combination of factor values."""
        return apply_fields(self.study, self.population, self.overrides_for(structure))

    def base_identity(self) -> dict[str, Any]:
        """The study and its population (a population file by its hash, not its path)."""
        population = dict(self.population)
        if population.get("file"):
            population["file"] = "sha256:" + hashlib.sha256(Path(population["file"]).read_bytes()).hexdigest()[:16]
        return {"study": self.study, "population": population}


def make_study_plan(definition: ExperimentDefinition, root: str | Path = ".",
                    chunk_size: int | None = None) -> StudyPlan:
    """Read the study, check every factor key and value; raise InputError naming the field."""
    from simulator import safe_yaml
    from simulator.sector import load_funding_options
    from simulator.sector.outcomes import MAX_DRAWS

    base = definition.base
    assert isinstance(base, StudyBase)
    path = _resolve(base.study, root)
    if not path.is_file():
        raise InputError("base.study", msg("batch.no_study_file", "no funding options file '{path}'", path=str(path)))
    options = load_funding_options(path)  # validated: errors name the file and field
    study = safe_yaml.load(path.read_text(encoding="utf-8"), path.name)
    population = base.population.model_dump()
    if population["file"] is not None:
        pop_path = _resolve(population["file"], root)
        if not pop_path.is_file():
            raise InputError("base.population.file", msg("batch.no_population_file", "no organisation file "
                                                         "'{path}'", path=str(pop_path)))
        population["file"] = str(pop_path.resolve())
    if definition.draws > MAX_DRAWS:
        raise InputError("draws", msg("batch.study_draws", "a sector study takes at most {limit} draws, got {got}",
                                      limit=MAX_DRAWS, got=definition.draws))
    if definition.vary != "all":
        raise InputError("vary", msg("batch.study_vary", "a sector study draws every uncertain catalogue "
                                     "parameter: vary: is only for a scenario base"))
    if definition.member_metrics:
        raise InputError("member_metrics", msg("batch.study_member_metrics", "a sector study records results "
                                               "per funding option, not per member: remove member_metrics"))
    for i, m in enumerate(definition.metrics or []):
        if m not in STUDY_METRICS:
            raise InputError(f"metrics[{i}]", msg("batch.unknown_metric", "unknown metric '{name}'{hint}; "
                                                  "known: {known}", name=m, hint=did_you_mean(m, STUDY_METRICS),
                                                  known=list(STUDY_METRICS)))
    ids = tuple(o.id for o in options.options)
    for key in definition.factor_names:
        check_field(key, study, population, ids)
    plan = StudyPlan(definition, study, population, str(path.resolve()),
                     int(chunk_size or definition.chunk_size or STUDY_CHUNK), ids)
    _check_values(plan)
    return plan


def _resolve(name: str, root: str | Path) -> Path:
    path = Path(name)
    return path if path.is_absolute() else Path(root) / path


# --- the study's fields -------------------------------------------------------------------------------

def check_field(key: str, study: dict[str, Any], population: dict[str, Any], option_ids: tuple[str, ...]) -> None:
    """A factor key must name a field of the study's schema (module docstring)."""
    from simulator.scenario import _submodel
    from simulator.sector.options import NO_FUNDING, FundingOption, FundingOptions

    field = f"factors.{key}"
    parts = key.split(".")
    head = parts[0]
    if head not in STUDY_FIELDS:
        raise _unknown(field, key, head, STUDY_FIELDS)
    if head == "population":
        if len(parts) != 2 or parts[1] not in POPULATION_FIELDS:
            raise _unknown(field, key, ".".join(parts[1:]), POPULATION_FIELDS)
        if population.get("file") is not None:
            raise InputError(field, msg("batch.population_from_file", "the population is read from a file: "
                                        "only a generated population (base.population.generate) can vary"))
        return
    model: type[BaseModel] = FundingOptions
    rest = parts[1:]
    if head == "options":
        if not rest:
            raise InputError(field, msg("batch.option_needed", "name an option and its field: "
                                        "options.<option id>.<field>"))
        option = rest[0]
        if option == NO_FUNDING:
            raise InputError(field, msg("batch.no_funding_fixed", "the no_funding option is the "
                                        "counterfactual: it has nothing to vary"))
        if option not in option_ids:
            raise InputError(field, msg("batch.unknown_option", "no funding option '{option}' in the study{hint}; "
                                        "its options: {options}", option=option,
                                        hint=did_you_mean(option, option_ids), options=list(option_ids[1:])))
        model, rest = FundingOption, rest[1:]
    else:
        model = _submodel(FundingOptions.model_fields["sector"].annotation)  # type: ignore[assignment]
    if not rest:
        raise InputError(field, msg("batch.field_needed", "name a field of {head}: e.g. {example}",
                                    head=key, example=f"{key}.{next(iter(model.model_fields))}"))
    for i, part in enumerate(rest):
        info = model.model_fields.get(part)
        if info is None or part == "id":
            raise _unknown(field, key, part, [f for f in model.model_fields if f != "id"])
        if i == len(rest) - 1:
            return
        sub = _submodel(info.annotation)
        if sub is None:
            raise InputError(field, msg("batch.field_is_value", "'{name}' is a value, it has no field '{next}'",
                                        name=part, next=rest[i + 1]))
        model = sub


def _unknown(field: str, key: str, name: str, known: Any) -> InputError:
    return InputError(field, msg("batch.unknown_study_field", "unknown study field '{name}' in factor key '{key}'"
                                 "{hint}; a study's fields are sector.…, options.<option id>.…, "
                                 "population.generate and population.seed", name=name, key=key,
                                 hint=did_you_mean(name, list(known))))


def apply_fields(study: dict[str, Any], population: dict[str, Any],
                 overrides: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Copies of the options mapping and population spec with the dotted ``overrides`` set
    (keys already checked by :func:`check_field`); the inputs are not changed."""
    study, population = copy.deepcopy(study), dict(population)
    for key, value in overrides.items():
        parts = key.split(".")
        if parts[0] == "population":
            population[parts[1]] = value
            continue
        if parts[0] == "sector":
            node, rest = _child(study, "sector"), parts[1:]
        else:
            node = next(o for o in study.get("options") or [] if isinstance(o, dict) and o.get("id") == parts[1])
            rest = parts[2:]
        for part in rest[:-1]:
            node = _child(node, part)
        node[rest[-1]] = copy.deepcopy(value)
    return study, population


def _child(node: dict[str, Any], key: str) -> dict[str, Any]:
    if not isinstance(node.get(key), dict):
        node[key] = {}
    return node[key]


def _check_values(plan: StudyPlan) -> None:
    """Each value alone, then every distinct combination (up to CHECK_STRUCTURES), as a whole study."""
    keys = plan.structural_factors
    for key, where, value in each_factor_value(plan.definition, keys):
        _validate(plan, *apply_fields(plan.study, plan.population, {key: value}), where)
    if not keys or any(isinstance(plan.definition.factors[k], Range) for k in keys):
        return
    combos = structures(plan, np.arange(min(plan.n_experiments, 200_000)))[0]
    for combo in combos[:CHECK_STRUCTURES]:
        overrides = plan.overrides_for(tuple(combo))
        _validate(plan, *apply_fields(plan.study, plan.population, overrides), "factors")


def _validate(plan: StudyPlan, study: dict[str, Any], population: dict[str, Any], where: str) -> None:
    from simulator.sector.options import FundingOptions

    try:
        FundingOptions.from_dict(study)
        PopulationSpec.model_validate({k: v for k, v in population.items() if k != "file" or v is not None})
    except InputError as exc:
        first = exc.errors[0] if isinstance(exc, InputErrors) else exc
        raise InputError(where, msg("batch.study_invalid", "the study is not valid with this value: "
                                    "{field}: {problem}", field=first.field, problem=first.message)) from None
    except ValidationError as exc:  # the population spec
        err = exc.errors()[0]
        raise InputError(where, msg("batch.study_population_invalid", "not a valid population: {field}: {problem}",
                                    field=".".join(map(str, err["loc"])) or "population",
                                    problem=schema_message(err))) from None
