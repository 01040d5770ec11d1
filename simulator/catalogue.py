"""Catalogues of functions, parameters and vehicles — data, not code.

Every number the engine uses is a parameter in ``data/parameters.yaml`` with its unit, plausible
range, hard bounds, source and evidence grade (MODEL.md §5: B Belgian sourced, F foreign proxy,
D derived, G estimate). :class:`ParameterSet` holds one value per parameter and refuses names the
catalogue does not know, so a misspelled override is an error, never a silent no-op.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import math
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from simulator.bundled_yaml import load_bundled
from simulator.errors import InputError
from simulator.messages import did_you_mean, msg

if TYPE_CHECKING:  # pandas loads with the catalogue tables, not with the engine
    import pandas as pd
from simulator.kinds import KINDS

DATA_DIR = Path(__file__).parent / "data"
COST_KINDS = tuple(KINDS)  # declared in simulator/kinds/, one module per kind
GRADES = {"B": "Belgian, sourced", "F": "foreign proxy", "D": "derived", "G": "estimate"}


@dataclass(frozen=True)
class Parameter:
    """One catalogue entry: default value with unit, plausible range, hard bounds and source."""

    name: str
    value: float
    unit: str
    low: float
    high: float
    min: float
    max: float
    grade: str
    source: str
    description: str
    dist: Mapping[str, Any] | None = None

    def check(self, value: float, field_path: str | None = None) -> float:
        """Return ``value`` as float, or raise InputError if it is not a finite number in bounds."""
        where = field_path or self.name
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise InputError(where, msg("parameter.not_a_number", "expected a number in {unit}, got {value}",
                                        unit=self.unit, value=repr(value)[:40]))
        value = float(value)
        if not math.isfinite(value):
            raise InputError(where, msg("parameter.not_finite", "expected a finite number in {unit}, got {value}",
                                        unit=self.unit, value=str(value)))
        if not self.min <= value <= self.max:
            raise InputError(where, msg(
                "parameter.out_of_range", "{value} {unit} is outside the valid range {low} – {high} {unit}{hint}",
                value=_shown(self, value), low=_shown(self, self.min), high=_shown(self, self.max),
                unit="%" if self.unit in PERCENT_UNITS else self.unit, hint=_unit_hint(self, value)))
        return value


@dataclass(frozen=True)
class Function:
    """A support function of the catalogue (MODEL.md §2.2)."""

    id: str
    kind: str
    label: Mapping[str, str]
    driver: Mapping[str, str]
    grade: str | None = None


@dataclass(frozen=True)
class Vehicle:
    """A legal/organisational vehicle and the rules the engine applies to it (MODEL.md §3.6)."""

    id: str
    label: Mapping[str, str]
    vat: str
    kinds: tuple[str, ...]
    harmonises_pay: bool
    margin: bool
    min_members: int
    source: str
    staff_cap: float | None = None
    warning: str | None = None
    hub_and_spoke: bool = False  # members deal with the vehicle only: no pairwise term (§8.5)


#: Units of shares and rates, which people read as percentages (0.03 = 3 %).
PERCENT_UNITS = ("fraction", "1/year")


def _shown(p: Parameter, value: float) -> float:
    """A value as people read it: shares and rates in %, float noise rounded off."""
    return round(value * 100, 6) if p.unit in PERCENT_UNITS else value


def _unit_hint(p: Parameter, value: float) -> Any:
    if p.unit in PERCENT_UNITS and 1 < value <= 100:
        return msg("parameter.percent_hint", " — shares are written as decimals in a file: {percent} % is {decimal}",
                   percent=value, decimal=value / 100)
    return ""


def _load_yaml(name: str) -> dict[str, Any]:
    return load_bundled(DATA_DIR / name)  # libyaml when present: ~9× faster (issue 15)


@cache
def parameters() -> Mapping[str, Parameter]:
    """The parameter catalogue, by name (read once)."""
    out = {}
    for name, d in _load_yaml("parameters.yaml").items():
        p = Parameter(name=name, **d)
        if not (p.min <= p.low <= p.value <= p.high <= p.max):
            raise ValueError(f"parameters.yaml: {name}: need min ≤ low ≤ value ≤ high ≤ max")
        if p.grade not in GRADES:
            raise ValueError(f"parameters.yaml: {name}: unknown grade {p.grade}")
        out[name] = p
    return MappingProxyType(out)


@cache
def functions() -> Mapping[str, Function]:
    """The function catalogue, by id, in file order."""
    out = {}
    for fid, d in _load_yaml("functions.yaml").items():
        f = Function(id=fid, **d)
        if f.kind not in COST_KINDS:
            raise ValueError(f"functions.yaml: {fid}: unknown kind {f.kind}")
        if f.kind in ("labour", "coverage") and f"salary.{f.grade}" not in parameters():
            raise ValueError(f"functions.yaml: {fid}: no parameter salary.{f.grade}")
        if f.kind == "labour" and f"scale_exponent.{fid}" not in parameters():
            raise ValueError(f"functions.yaml: {fid}: no parameter scale_exponent.{fid}")
        if f.kind == "purchasing" and f"purchasing.negotiable_share.{fid}" not in parameters():
            raise ValueError(f"functions.yaml: {fid}: no parameter purchasing.negotiable_share.{fid}")
        out[fid] = f
    return MappingProxyType(out)


@cache
def vehicles() -> Mapping[str, Vehicle]:
    """The vehicle catalogue, by id."""
    out = {}
    for vid, d in _load_yaml("vehicles.yaml").items():
        d = dict(d)
        d["kinds"] = tuple(d["kinds"])
        if f"vehicle_creation.{vid}" not in parameters():
            raise ValueError(f"vehicles.yaml: {vid}: no parameter vehicle_creation.{vid}")
        out[vid] = Vehicle(id=vid, **d)
    return MappingProxyType(out)


def suggest(name: str, known: Iterator[str] | list[str]) -> str:
    """A ' — did you mean …?' hint for a misspelled name, or ''."""
    close = difflib.get_close_matches(name, list(known), n=3, cutoff=0.6)
    return f" — did you mean {', '.join(repr(c) for c in close)}?" if close else ""


_QUANTITY = re.compile(r"^\s*([-+]?\d[\d\s.,]*)\s*(%|[A-Za-z€/²0-9 .]+)?\s*$")


def parse_quantity(raw: Any, p: Parameter, field_path: str) -> float:
    """Accept a bare number in the catalogue unit, ``"3 %"`` for fractions, or ``"150 EUR/m2/year"``.

    A unit written next to the number must be the catalogue's unit: a wrong unit is an error
    naming the field and the unit expected.
    """
    if not isinstance(raw, str):
        return p.check(raw, field_path)
    m = _QUANTITY.match(raw)
    if not m:
        raise InputError(field_path, msg("parameter.not_a_number", "expected a number in {unit}, got {value}",
                                         unit=p.unit, value=repr(raw)[:40]))
    number = float(m.group(1).replace(" ", "").replace(",", "."))
    unit = (m.group(2) or "").strip()
    if unit == "%":
        if p.unit not in ("fraction", "1/year"):
            raise InputError(field_path, msg("parameter.not_a_percentage",
                                             "a percentage was given but the unit is {unit}", unit=p.unit))
        return p.check(number / 100, field_path)
    norm = unit.replace("€", "EUR").replace("²", "2").replace(" ", "").lower()
    if unit and norm != p.unit.replace(" ", "").lower():
        raise InputError(field_path, msg("parameter.wrong_unit", "wrong unit '{given}': expected {unit}",
                                         given=unit, unit=p.unit))
    return p.check(number, field_path)


@dataclass(frozen=True)
class ParameterSet(Mapping[str, float]):
    """Parameter values: catalogue defaults plus checked overrides.

    Unknown names are refused with a suggestion; out-of-bounds values are refused with the valid
    range. ``changed`` lists the names that differ from the catalogue default.
    """

    values: Mapping[str, float] = field(default_factory=dict)

    @classmethod
    def defaults(cls) -> ParameterSet:
        return cls(MappingProxyType({n: p.value for n, p in parameters().items()}))

    def override(self, overrides: Mapping[str, Any], prefix: str = "parameters") -> ParameterSet:
        """A new set with ``overrides`` applied; all are checked before any is applied."""
        cat = parameters()
        new = dict(self.values)
        for name, raw in overrides.items():
            path = f"{prefix}.{name}"
            if name not in cat:
                raise InputError(path, msg("parameter.unknown", "unknown parameter{hint}",
                                           hint=did_you_mean(name, list(cat))))
            new[name] = parse_quantity(raw, cat[name], path)
        return ParameterSet(MappingProxyType(new))

    def __getitem__(self, name: str) -> float:
        return self.values[name]

    def __iter__(self):
        return iter(self.values)

    def __len__(self) -> int:
        return len(self.values)

    @property
    def changed(self) -> dict[str, float]:
        cat = parameters()
        return {n: v for n, v in self.values.items() if v != cat[n].value}

    def digest(self) -> str:
        """Short SHA-256 of the values (stamped in results' manifest)."""
        blob = json.dumps(dict(sorted(self.values.items())), sort_keys=True).encode()
        return hashlib.sha256(blob).hexdigest()[:16]


def parameter_catalogue() -> pd.DataFrame:
    """The catalogue as a table (name, value, unit, low, high, min, max, grade, source, description)."""
    import pandas as pd

    rows = [
        {
            "name": p.name, "value": p.value, "unit": p.unit, "low": p.low, "high": p.high,
            "min": p.min, "max": p.max, "grade": p.grade, "source": p.source,
            "description": p.description,
        }
        for p in parameters().values()
    ]
    return pd.DataFrame(rows)


def function_catalogue() -> pd.DataFrame:
    """The function catalogue as a table (id, kind, grade, label_fr/nl/en)."""
    import pandas as pd

    return pd.DataFrame(
        [
            {"id": f.id, "kind": f.kind, "grade": f.grade, **{f"label_{k}": v for k, v in f.label.items()}}
            for f in functions().values()
        ]
    )


def vehicle_catalogue() -> pd.DataFrame:
    """The vehicle catalogue as a table."""
    import pandas as pd

    return pd.DataFrame(
        [
            {"id": v.id, "vat": v.vat, "kinds": ", ".join(v.kinds), "min_members": v.min_members,
             "creation_cost": parameters()[f"vehicle_creation.{v.id}"].value,
             **{f"label_{k}": s for k, s in v.label.items()}}
            for v in vehicles().values()
        ]
    )
