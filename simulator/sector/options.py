"""Funding options as data: the YAML a funder writes to compare instruments (MODEL.md §3.7, §3.10).

An options file has two parts::

    sector:                      # how pools form — the same for every option
      vehicle: cost_sharing_association
      functions: [accounting, payroll_hr, it_support]
      pools: {rule: neighbours, same_subsector: true, size_cap: 6}
      participation: {threshold_eur: 1000, threshold_share: 0.05}
    options:
      - id: startup_grant
        label: "Start-up grant, 60 % of set-up"
        instruments:             # the scenario's funding block (simulator.scenario.Funding)
          startup_grant: {share: 0.6, cap_eur: 40000}
        eligibility: {vehicles: [cost_sharing_association], min_members: 3}
        budget: {cap_eur: 2000000, allocation: first_come}

Instruments are exactly a scenario's ``funding:`` block (start-up grant, coordination subsidy,
per-FTE subsidy, zero-interest loan, clawback and reinvestment shares), validated by the same
schema, so an unknown instrument is an error naming it. A ``no_funding`` option (no instrument)
is always added first: it is the counterfactual every other option is compared with.
Validation is strict: an unknown key, a negative budget, an unknown rule, vehicle or function is
an :class:`~simulator.errors.InputError` naming the field.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from simulator import safe_yaml
from simulator.catalogue import functions, vehicles
from simulator.errors import InputError, InputErrors
from simulator.messages import Message, did_you_mean, msg
from simulator.scenario import Funding, _loc, _submodel
from simulator.schema_errors import schema_message

NO_FUNDING = "no_funding"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PoolRule(_Strict):
    """How candidate pools form (:mod:`simulator.sector.pools`).

    ``rule``: ``commune`` (members in the same commune) or ``neighbours`` (a seed organisation's
    commune and the communes bordering it); ``same_subsector``: members of one sub-sector only;
    ``size_cap``: at most that many members; ``min_members``: fewer survivors and no pool forms.
    """

    rule: Literal["commune", "neighbours"] = "neighbours"
    same_subsector: bool = True
    size_cap: int = Field(default=6, ge=2, le=50)
    min_members: int = Field(default=2, ge=2, le=50)

    @model_validator(mode="after")
    def _sizes(self) -> PoolRule:
        if self.min_members > self.size_cap:
            raise ValueError(msg("funding.min_above_cap", "min_members ({min}) exceeds size_cap ({cap})",
                                  min=self.min_members, cap=self.size_cap))
        return self


class Participation(_Strict):
    """A member joins only if its expected annual gain ≥ threshold_eur + threshold_share × its
    standalone cost of the pooled functions: the threshold stands for autonomy and trust costs
    (MODEL.md §3.10) [G]."""

    threshold_eur: float = Field(default=1000.0, ge=0)
    threshold_share: float = Field(default=0.05, ge=0, le=1)


class Sector(_Strict):
    """What every option shares: the vehicle and functions pools would use, how they form."""

    vehicle: str = "cost_sharing_association"
    functions: list[str] = Field(default_factory=lambda: ["accounting", "payroll_hr", "it_support"], min_length=1)
    allocation: Literal["use", "standalone", "equal"] = "use"
    horizon_years: int = Field(default=10, ge=1, le=50)
    pools: PoolRule = Field(default_factory=PoolRule)
    participation: Participation = Field(default_factory=Participation)

    @field_validator("vehicle")
    @classmethod
    def _vehicle(cls, v: str) -> str:
        if v not in vehicles():
            raise ValueError(msg("funding.unknown_vehicle", "unknown vehicle '{value}'{hint}", value=str(v),
                                 hint=did_you_mean(str(v), list(vehicles()))))
        return v

    @field_validator("functions")
    @classmethod
    def _functions(cls, v: list[str]) -> list[str]:
        for f in v:
            if f not in functions():
                raise ValueError(msg("funding.unknown_function", "unknown function '{value}'{hint}", value=str(f),
                                     hint=did_you_mean(str(f), list(functions()))))
            if functions()[f].kind != "labour":
                raise ValueError(msg("funding.not_labour", "'{value}' is not a labour function: sector pools "
                                     "share support staff (reception, premises and purchasing need sites and "
                                     "are not simulated here)", value=str(f)))
        return v


class Eligibility(_Strict):
    """Which pools an option funds: vehicle, minimum members, functions (at least one pooled)."""

    vehicles: list[str] | None = None
    min_members: int = Field(default=2, ge=2, le=50)
    functions: list[str] | None = None

    @field_validator("vehicles")
    @classmethod
    def _vehicles(cls, v: list[str] | None) -> list[str] | None:
        for x in v or []:
            if x not in vehicles():
                raise ValueError(msg("funding.unknown_vehicle", "unknown vehicle '{value}'{hint}", value=str(x),
                                     hint=did_you_mean(str(x), list(vehicles()))))
        return v

    @field_validator("functions")
    @classmethod
    def _functions(cls, v: list[str] | None) -> list[str] | None:
        for x in v or []:
            if x not in functions():
                raise ValueError(msg("funding.unknown_function", "unknown function '{value}'{hint}", value=str(x),
                                     hint=did_you_mean(str(x), list(functions()))))
        return v


class Budget(_Strict):
    """Public budget cap: nominal public outlay committed (grants + subsidies + loans lent, before
    repayments and clawback). ``first_come``: pools in order of application; ``leverage``: pools
    with the most members' net benefit per public euro first. No cap = unlimited."""

    cap_eur: float | None = Field(default=None, ge=0)
    allocation: Literal["first_come", "leverage"] = "first_come"


class FundingOption(_Strict):
    """One funding option: instruments, who is eligible, the budget."""

    id: str = Field(min_length=1, pattern=r"^[a-z0-9_\-]+$")
    label: str = ""
    description: str = ""
    instruments: Funding = Field(default_factory=Funding)
    eligibility: Eligibility = Field(default_factory=Eligibility)
    budget: Budget = Field(default_factory=Budget)

    @property
    def funds_nothing(self) -> bool:
        """No instrument and no funder behaviour: the counterfactual."""
        return self.instruments == Funding()


class FundingOptions(_Strict):
    """A validated options file; ``options[0]`` is always the ``no_funding`` counterfactual."""

    sector: Sector = Field(default_factory=Sector)
    options: list[FundingOption] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_and_counterfactual(self) -> FundingOptions:
        seen: set[str] = set()
        for k, o in enumerate(self.options):
            if o.id in seen:
                raise ValueError(msg("funding.option_twice", "option '{id}' is defined twice", id=o.id,
                                     field=f"options[{k}].id"))
            seen.add(o.id)
            if o.id == NO_FUNDING and not o.funds_nothing:
                raise ValueError(msg("funding.counterfactual", "'{id}' is the counterfactual and cannot have "
                                     "instruments", id=NO_FUNDING, field=f"options[{k}]"))
        if NO_FUNDING not in seen:
            object.__setattr__(self, "options", [FundingOption(id=NO_FUNDING, label="No funding"), *self.options])
        else:
            object.__setattr__(self, "options", sorted(self.options, key=lambda o: o.id != NO_FUNDING))
        return self

    @classmethod
    def from_dict(cls, data: Any, source: str | None = None) -> FundingOptions:
        """Validate a mapping, or raise InputError(s) naming the field."""
        if not isinstance(data, dict):
            raise InputError("(file)", msg("funding.not_a_mapping", "a funding options file must be a mapping with "
                                           "options:"), source)
        try:
            return cls.model_validate(data)
        except ValidationError as exc:
            raise _input_errors(exc, source) from None

    def option(self, option_id: str) -> FundingOption:
        for o in self.options:
            if o.id == option_id:
                return o
        raise InputError("option", msg("funding.no_option", "no option '{id}'{hint}", id=str(option_id),
                                       hint=did_you_mean(str(option_id), [o.id for o in self.options])))


def load_funding_options(path: str | Path) -> FundingOptions:
    """Read and validate a funding options YAML file."""
    path = Path(path)
    if not path.is_file():
        raise InputError("(file)", msg("funding.no_file", "no funding options file '{name}'", name=path.name))
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise InputError("(file)", msg("file.not_utf8", "the file is not UTF-8 text"), path.name) from None
    data = safe_yaml.load(text, path.name)  # bounded: aliases, depth, size
    if data is None:
        raise InputError("(file)", msg("funding.empty_file", "the funding options file is empty"), path.name)
    return FundingOptions.from_dict(data, path.name)


def _input_errors(exc: ValidationError, source: str | None) -> InputError:
    """Pydantic errors → InputError(s) naming the field, in the catalogue's words; an unknown key
    suggests the allowed ones."""
    errs: list[InputError] = []
    for e in exc.errors():
        field = _loc(e["loc"])
        text = schema_message(e, _keys_at)
        if isinstance(text, Message) and "field" in text.params:  # a model-level message naming its field
            field = str(text.params["field"])
        err = InputError(field, text, source)
        if all((x.field, str(x.message)) != (err.field, str(err.message)) for x in errs):
            errs.append(err)
    return errs[0] if len(errs) == 1 else InputErrors(errs, source)


def _keys_at(loc: tuple[Any, ...]) -> list[str]:
    """Keys allowed where ``loc`` points, from FundingOptions down (for "did you mean")."""
    model: type[BaseModel] = FundingOptions
    for part in loc:
        info = model.model_fields.get(part) if isinstance(part, str) else None
        if info is None:
            continue
        sub = _submodel(info.annotation)
        if sub is None:
            break
        model = sub
    return list(model.model_fields)
