"""Scenario files: what a pool is, in YAML a non-programmer can read (MODEL.md §2.3).

A scenario names its members, **which member pools which function** (a member × function matrix
written function by function), the vehicle, the sites, the allocation key, the horizon, ramp-up,
funding instruments and parameter overrides. Validation is strict: an unknown key, a wrong unit or
a negative amount is an :class:`~simulator.errors.InputError` naming the field path.

Variants stay short: ``base: other.yaml`` inherits another scenario and the file's own keys
override it — nested mappings merge, and dotted keys (``funding.startup_grant.share: 0.5``,
``parameters.finance.discount_rate: 0.04``) override a single leaf. The whole chain is merged and
validated before anything is used; a ``base:`` cycle is an error.
"""

from __future__ import annotations

import copy
import json
import typing
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from simulator import safe_yaml
from simulator.catalogue import ParameterSet, functions, vehicles
from simulator.errors import InputError, InputErrors
from simulator.messages import Message, did_you_mean, msg
from simulator.schema_errors import schema_message

#: Mappings whose keys themselves contain dots: a dotted path stops there.
DOTTED_KEY_MAPS = ("parameters", "uncertainty")
MAX_BASE_DEPTH = 20
#: File name endings a ``base:`` may name (nothing else is opened).
SCENARIO_SUFFIXES = (".yaml", ".yml")


#: Largest money amount a scenario may state (10 billion €): far above any Brussels pool, far
#: below where floating-point sums lose cents. Infinite or NaN amounts are refused too.
MAX_EUR = 1e10

#: A money amount: finite, not negative, at most :data:`MAX_EUR`.
Eur = Annotated[float, Field(ge=0, le=MAX_EUR, allow_inf_nan=False)]


class _Strict(BaseModel):
    """Unknown keys refused; strict types: ``true`` is not a number, ``"3"`` is not a number,
    ``2.5`` is not a whole number of years (pydantic strict mode; an int is a valid float)."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class StartupGrant(_Strict):
    """Start-up grant: a share of the set-up cost, capped (year 0)."""

    share: float = Field(ge=0, le=1)
    cap_eur: float = Field(default=float("inf"), ge=0)  # inf: no cap


class CoordinationSubsidy(_Strict):
    """Yearly coordination subsidy for the first ``years`` years."""

    eur_per_year: Eur
    years: int = Field(ge=0, le=100)


class FteSubsidy(_Strict):
    """Subsidy per pooled FTE per year for the first ``years`` years."""

    eur_per_fte: Eur
    years: int = Field(ge=0, le=100)


class Loan(_Strict):
    """Zero-interest loan received in year 0, repaid in equal instalments over ``years``."""

    amount_eur: Eur
    years: int = Field(ge=1, le=100)


class Funding(_Strict):
    """Public funding instruments and the funder's behaviour (MODEL.md §3.7)."""

    startup_grant: StartupGrant | None = None
    coordination_subsidy: CoordinationSubsidy | None = None
    fte_subsidy: FteSubsidy | None = None
    loan: Loan | None = None
    clawback_share: float = Field(default=0.0, ge=0, le=1)
    reinvestment_share: float = Field(default=0.0, ge=0, le=1)
    #: How a sub-group of the pool (cost game, partition search) would be funded (MODEL.md §8.7):
    #: ``per_member`` — fixed amounts (grant cap, coordination subsidy, loan) in proportion to its
    #: members; ``lump`` — in full, but only for a pool of at least ``min_members``.
    rule: Literal["per_member", "lump"] = "per_member"
    min_members: int = Field(default=0, ge=0, le=10_000)


class StaffTransition(_Strict):
    """How support staff the pool no longer needs leave (MODEL.md §8.3): shares of the surplus.

    ``redeployment`` moves to frontline work (retraining, absorbed by natural departures),
    ``dismissal`` is dismissed with notice in year 1, the rest (1 − both) stays in its support
    role until it leaves by attrition. Default: everybody redeployed, nobody dismissed.
    """

    redeployment: float = Field(default=1.0, ge=0, le=1, allow_inf_nan=False)
    dismissal: float = Field(default=0.0, ge=0, le=1, allow_inf_nan=False)

    @model_validator(mode="after")
    def _shares(self) -> StaffTransition:
        if self.redeployment + self.dismissal > 1.0 + 1e-9:
            raise ValueError(msg("scenario.transition_shares",
                                 "redeployment ({redeployment}) and dismissal ({dismissal}) are shares of the "
                                 "surplus staff: together at most 1", redeployment=self.redeployment,
                                 dismissal=self.dismissal))
        return self

    @property
    def attrition(self) -> float:
        return max(1.0 - self.redeployment - self.dismissal, 0.0)


class SitePurchase(_Strict):
    """Buying the shared site instead of renting it (MODEL.md §8.6): price and its financing.

    The loan rate, purchase costs (registration duty, notary), owner costs and the value at the
    horizon's end are catalogue parameters (``premises.loan_rate`` …), uncertain like the others.
    """

    price_eur: float = Field(gt=0, le=MAX_EUR, allow_inf_nan=False)
    loan_share: float = Field(default=0.8, ge=0, le=1, allow_inf_nan=False)
    loan_years: int = Field(default=20, ge=1, le=50)


class Site(_Strict):
    """A shared site: members co-located there share premises and a reception desk."""

    id: str = Field(min_length=1)
    members: list[str] = Field(min_length=1)
    rent_eur_m2: float | None = Field(default=None, ge=0, le=10_000, allow_inf_nan=False)
    commune: str | None = None
    #: Bought instead of rented: no rent, owner costs, and the purchase's financing flows.
    purchase: SitePurchase | None = None


class Scenario(_Strict):
    """A pooling scenario, fully resolved (no ``base:`` left)."""

    name: str = Field(min_length=1)
    description: str = ""
    organisations: str = "sample"
    members: list[str] = Field(min_length=1)
    pooling: dict[str, Literal["all"] | list[str]] = Field(min_length=1)
    vehicle: str
    sites: list[Site] = Field(default_factory=list)
    allocation: Literal["use", "standalone", "equal"] = "use"
    horizon_years: int = Field(default=10, ge=1, le=50)
    ramp_up: list[float] = Field(default_factory=lambda: [0.0, 0.5, 1.0], min_length=1, max_length=50)
    exit_risk: bool = True
    #: Count freed "faisant fonction" hours as cash (MODEL.md §8.2); default: frontline hours only.
    value_hidden_hours: bool = False
    #: Job subsidies of pooled staff (organisation column ``<function>.cofunded_share``) follow the
    #: worker to the pool (MODEL.md §8.3); default: they are lost (ACS posts stay with the employer).
    cofunding_follows_worker: bool = False
    staff_transition: StaffTransition = Field(default_factory=StaffTransition)
    funding: Funding = Field(default_factory=Funding)
    parameters: dict[str, float | str] = Field(default_factory=dict)
    uncertainty: dict[str, Any] = Field(default_factory=dict)
    correlations: Any = None  # pairs [[a, b, rho], …] or {names: […], matrix: […]}

    # --- validation of what the schema alone cannot see -------------------------------------
    @field_validator("pooling", mode="before")
    @classmethod
    def _drop_unpooled(cls, v: Any) -> Any:
        """``function: null`` (e.g. in a variant) means the function is not pooled."""
        return {k: x for k, x in v.items() if x is not None} if isinstance(v, dict) else v

    @field_validator("members")
    @classmethod
    def _unique_members(cls, v: list[str]) -> list[str]:
        seen = set()
        for m in v:
            if m in seen:
                raise ValueError(msg("scenario.member_twice", "member '{member}' is listed twice", member=m))
            seen.add(m)
        return v

    @field_validator("ramp_up")
    @classmethod
    def _ramp_fractions(cls, v: list[float]) -> list[float]:
        for x in v:
            if not 0 <= x <= 1:
                raise ValueError(msg("scenario.ramp_fraction",
                                     "ramp-up values are fractions between 0 and 1, got {value}", value=x))
        return v

    @field_validator("vehicle")
    @classmethod
    def _known_vehicle(cls, v: str) -> str:
        if v not in vehicles():
            raise ValueError(msg("scenario.unknown_vehicle", "unknown vehicle '{value}'{hint}; known: {known}",
                                 value=v, hint=did_you_mean(v, list(vehicles())), known=list(vehicles())))
        return v

    @model_validator(mode="after")
    def _cross_checks(self) -> Scenario:
        errors: list[InputError] = []
        members = set(self.members)
        cat = functions()
        veh = vehicles()[self.vehicle]
        for fid, who in self.pooling.items():
            if fid not in cat:
                errors.append(InputError(f"pooling.{fid}", msg("scenario.unknown_function", "unknown function{hint}",
                                                                 hint=did_you_mean(fid, list(cat)))))
                continue
            if cat[fid].kind not in veh.kinds:
                errors.append(InputError(f"pooling.{fid}", msg(
                    "scenario.vehicle_kind", "the vehicle {vehicle} cannot carry {function} (it carries: {kinds})",
                    vehicle=self.vehicle, function=fid, kinds=list(veh.kinds))))
            if who != "all":
                for i, m in enumerate(who):
                    if m not in members:
                        errors.append(InputError(f"pooling.{fid}[{i}]", _not_a_member(m)))
                if len(set(who)) < 2:
                    errors.append(InputError(f"pooling.{fid}", msg(
                        "scenario.pool_of_one", "a function needs at least two members to be pooled")))
        need = max(2, veh.min_members)
        if len(members) < need:
            errors.append(InputError("members", msg(
                "scenario.too_few_members", "the vehicle {vehicle} needs at least {need} members; the pool has {got}",
                vehicle=self.vehicle, need=need, got=len(members))))
        site_ids, placed = set(), {}
        for k, site in enumerate(self.sites):
            if site.id in site_ids:
                errors.append(InputError(f"sites[{k}].id", msg("scenario.site_twice", "site '{site}' is defined twice",
                                                               site=site.id)))
            site_ids.add(site.id)
            for i, m in enumerate(site.members):
                if m not in members:
                    errors.append(InputError(f"sites[{k}].members[{i}]", _not_a_member(m)))
                elif m in placed:
                    errors.append(InputError(f"sites[{k}].members[{i}]", msg(
                        "scenario.member_two_sites", "'{member}' is already at site '{site}'",
                        member=m, site=placed[m])))
                placed[m] = site.id
        try:
            ParameterSet.defaults().override(self.parameters)
        except InputError as exc:
            errors.append(exc)
        if self.uncertainty or self.correlations is not None:  # imported only when used (slow)
            from simulator.uncertainty.scenario_inputs import validate_scenario_uncertainty

            errors += validate_scenario_uncertainty(self.uncertainty, self.correlations)
        if errors:
            raise InputErrors(errors)
        return self

    # --- helpers --------------------------------------------------------------------------------
    def pooled_members(self, function_id: str) -> list[str]:
        """Members pooling ``function_id`` (``[]`` if it is not pooled)."""
        who = self.pooling.get(function_id, [])
        return list(self.members) if who == "all" else list(who)

    def parameter_set(self) -> ParameterSet:
        """Catalogue defaults with this scenario's overrides applied."""
        return ParameterSet.defaults().override(self.parameters)

    def to_dict(self) -> dict[str, Any]:
        """Plain mapping (JSON-safe) that :meth:`from_dict` turns back into an equal scenario."""
        d = self.model_dump(mode="json", exclude_defaults=False)
        grant = d["funding"].get("startup_grant")
        if grant and grant.get("cap_eur") in (float("inf"), "Infinity", "inf"):
            grant.pop("cap_eur")
        for site in d.get("sites", []):  # a rented site says nothing about buying
            if site.get("purchase") is None:
                site.pop("purchase", None)
        return d

    def canonical_json(self) -> str:
        """Canonical JSON (sorted keys): equal scenarios give equal strings (cache key)."""
        return json.dumps(self.to_dict(), sort_keys=True, separators=(",", ":"), ensure_ascii=False)

    def to_yaml(self) -> str:
        """The resolved scenario as YAML; ``from_yaml`` of it gives an equal scenario."""
        return yaml.safe_dump(self.to_dict(), sort_keys=False, allow_unicode=True)

    @classmethod
    def from_dict(cls, data: dict[str, Any], source: str | None = None) -> Scenario:
        """Validate a mapping (no ``base:``) into a Scenario, or raise InputError(s) naming fields."""
        if not isinstance(data, dict):
            raise InputError("(file)", _not_a_mapping(), source)
        if "base" in data:
            raise InputError("base", msg("scenario.base_not_here",
                                         "base: is only allowed in scenario files (use load_scenario)"), source)
        try:
            return cls.model_validate(data)
        except ValidationError as exc:
            raise _to_input_errors(exc, source) from None
        except InputError as exc:
            _tag_source(exc, source)
            raise

    @classmethod
    def from_yaml(cls, text: str, source: str | None = None) -> Scenario:
        """Parse YAML text (safe loader only) and validate it."""
        return cls.from_dict(_parse_yaml(text, source or "(text)"), source)

    def with_overrides(self, overrides: dict[str, Any]) -> Scenario:
        """A new scenario with dotted-key overrides applied, validated as a whole."""
        data = self.to_dict()
        for key, value in overrides.items():
            _set_dotted(data, key, value, "(overrides)")
        return Scenario.from_dict(data)


# --- file loading with base: inheritance -----------------------------------------------------------

def _parse_yaml(text: str, source: str) -> Any:
    """Bounded safe YAML (see :mod:`simulator.safe_yaml`): a mapping, or an InputError."""
    data = safe_yaml.load(text, source)
    if data is None:
        raise InputError("(file)", msg("scenario.empty_file", "the scenario file is empty"), source)
    if not isinstance(data, dict):
        raise InputError("(file)", _not_a_mapping(), source)
    return data


def read_scenario_dict(path: str | Path, _chain: tuple[Path, ...] = ()) -> dict[str, Any]:
    """Read a scenario file and resolve its ``base:`` chain into one plain mapping."""
    given = Path(path)
    path = given.resolve()
    if path in _chain:
        cycle = " → ".join(p.name for p in (*_chain, path))
        raise InputError("base", msg("scenario.base_cycle", "base: cycle {cycle}", cycle=cycle), _chain[-1].name)
    if len(_chain) > MAX_BASE_DEPTH:
        raise InputError("base", msg("scenario.base_depth", "more than {max} levels of base:", max=MAX_BASE_DEPTH),
                         path.name)
    field, where = ("base", _chain[-1].name) if _chain else ("(file)", None)
    if not path.is_file():
        shown = path.name if _chain else str(given)  # as the user typed it (a base: by its name)
        raise InputError(field, msg("scenario.no_file", "no scenario file '{name}'", name=shown), where)
    if _chain and path.suffix.lower() not in SCENARIO_SUFFIXES:  # never open (nor quote) others
        raise InputError(field, msg("scenario.base_not_yaml", "base: must name a scenario file ending in .yaml, "
                                    "not '{name}'", name=path.name), where)
    if path.stat().st_size > safe_yaml.MAX_TEXT_CHARS * 4:
        raise InputError("(file)", msg("scenario.file_too_large", "the file is {size} MB; a scenario is a few "
                                       "kilobytes", size=round(path.stat().st_size / 1e6, 1)), path.name)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise InputError("(file)", msg("file.not_utf8", "the file is not UTF-8 text"), path.name) from None
    data = _parse_yaml(text, path.name)
    if not any(isinstance(k, str) and k.split(".")[0] in SCENARIO_KEYS for k in data):
        raise InputError(field, msg("scenario.not_a_scenario", "'{name}' is not a scenario file (none of its keys "
                                    "is a scenario key such as name, members or pooling)", name=path.name),
                         where or path.name)
    base = data.pop("base", None)
    if base is None:
        merged: dict[str, Any] = {}
    else:
        if not isinstance(base, str):
            raise InputError("base", msg("scenario.base_not_name", "base: must be a file name"), path.name)
        merged = read_scenario_dict(path.parent / base, (*_chain, path))
    for key, value in data.items():
        _set_dotted(merged, key, value, path.name)
    if "organisations" in data and data["organisations"] != "sample":
        org = Path(data["organisations"])
        merged["organisations"] = str(org if org.is_absolute() else (path.parent / org).resolve())
    return merged


#: Top-level keys of a scenario file (the schema's fields and ``base``).
SCENARIO_KEYS = frozenset((*Scenario.model_fields, "base"))


def load_scenario(path: str | Path) -> Scenario:
    """Load, merge (``base:``) and validate a scenario file.

    Raises :class:`InputError` naming the file and the field on any problem.
    """
    path = Path(path)
    data = read_scenario_dict(path)
    return Scenario.from_dict(data, source=path.name)


def _set_dotted(target: dict[str, Any], key: str, value: Any, source: str) -> None:
    """Apply ``key: value`` onto ``target``: dotted keys address a leaf, mappings deep-merge."""
    if not isinstance(key, str):
        raise InputError(str(key), msg("scenario.key_not_text", "keys must be text"), source)
    parts = key.split(".")
    node = target
    for i, part in enumerate(parts[:-1]):
        if part in DOTTED_KEY_MAPS:
            rest = ".".join(parts[i + 1:])
            node = node.setdefault(part, {})
            if not isinstance(node, dict):
                raise InputError(key, msg("scenario.not_a_mapping", "{key} is not a mapping", key=part), source)
            node[rest] = copy.deepcopy(value)
            return
        child = node.get(part)
        if child is None:
            child = node[part] = {}
        if not isinstance(child, dict):
            raise InputError(key, msg("scenario.cannot_set", "{parent} is not a mapping, cannot set {key}",
                                      parent=".".join(parts[: i + 1]), key=key), source)
        node = child
    leaf = parts[-1]
    if leaf in DOTTED_KEY_MAPS and isinstance(value, dict) and isinstance(node.get(leaf), dict):
        node[leaf].update(copy.deepcopy(value))  # keys are dotted names themselves: no recursion
    elif isinstance(value, dict) and isinstance(node.get(leaf), dict):
        for k, v in value.items():
            _set_dotted(node[leaf], k, v, source)
    else:
        node[leaf] = copy.deepcopy(value)


def _loc(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part in ("str", "list[str]", "literal['all']", "float", "int") or "[" in str(part):
            continue  # pydantic union-branch tags
        else:
            out += ("." if out else "") + str(part)
    return out or "(file)"


def _keys_at(loc: tuple[Any, ...]) -> list[str]:
    """Keys allowed where ``loc`` points (``("funding", "loan")`` → Loan's fields), for suggestions."""
    model: type[BaseModel] = Scenario
    for part in loc:
        info = model.model_fields.get(part) if isinstance(part, str) else None
        if info is None:
            continue  # list index or union-branch tag
        sub = _submodel(info.annotation)
        if sub is None:
            break
        model = sub
    return list(model.model_fields)


def _submodel(annotation: Any) -> type[BaseModel] | None:
    """The BaseModel inside ``X``, ``X | None`` or ``list[X]``, if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _submodel(arg)
        if found is not None:
            return found
    return None


#: What a strict type error expected, in words (``true`` is not a number, ``'10'`` is not a year).
def _to_input_errors(exc: ValidationError, source: str | None) -> InputError:
    """pydantic's errors as InputErrors naming the field, each a :class:`Message` with a code."""
    errs: list[InputError] = []
    seen = set()
    for e in exc.errors():
        ctx_err = (e.get("ctx") or {}).get("error")
        if isinstance(ctx_err, InputErrors):
            errs.extend(ctx_err.errors)
            continue
        if isinstance(ctx_err, InputError):
            errs.append(ctx_err)
            continue
        field = _loc(e["loc"])
        text = schema_message(e, _keys_at)
        if (field, str(text)) in seen or (field, "union") in seen:  # one line per field of a union
            continue
        seen.add((field, str(text)))
        if len(e["loc"]) > 1 and _loc(e["loc"][:-1]) == field:  # a union branch tag was dropped
            seen.add((field, "union"))
        errs.append(InputError(field, text))
    for err in errs:
        _tag_source(err, source)
    return errs[0] if len(errs) == 1 else InputErrors(errs, source)


def _not_a_member(member: Any) -> Message:
    return msg("scenario.not_a_member", "'{member}' is not in members", member=member)


def _not_a_mapping() -> Message:
    return msg("scenario.not_a_dict", "a scenario must be a mapping of keys to values")


def _tag_source(err: InputError, source: str | None) -> None:
    if source and not err.source:
        err.source = source
    for sub in getattr(err, "errors", []):
        _tag_source(sub, source)
