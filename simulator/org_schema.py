"""The organisation table's schema: identity columns and, per function, the fields of its cost kind.

Columns follow from the function catalogue (``data/functions.yaml``): adding a function adds its
``<function>.<field>`` columns, with the fields of its cost kind (:data:`KIND_FIELDS`).
:func:`schema_table` documents every column for the README and the app.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from simulator.bundled_yaml import load_bundled
from simulator.kinds import KIND_FIELDS as _KIND_FIELDS
from simulator.kinds import FieldSpec

if TYPE_CHECKING:
    import pandas as pd

DATA_DIR = Path(__file__).parent / "data"

SUBSECTORS = ("medical_centre", "mental_health", "home_care", "homelessness", "family_planning",
              "addiction", "social_service", "youth", "disability", "other")
COMMUNES = ("anderlecht", "auderghem", "berchem_sainte_agathe", "bruxelles", "etterbeek", "evere",
            "forest", "ganshoren", "ixelles", "jette", "koekelberg", "molenbeek", "saint_gilles",
            "saint_josse", "schaerbeek", "uccle", "watermael_boitsfort", "woluwe_saint_lambert",
            "woluwe_saint_pierre")
#: Dutch and long French names of the 19 communes (after :func:`_key` normalisation).
COMMUNE_ALIASES = {
    "oudergem": "auderghem", "sint_agatha_berchem": "berchem_sainte_agathe",
    "berchem": "berchem_sainte_agathe", "brussel": "bruxelles", "brussels": "bruxelles",
    "ville_de_bruxelles": "bruxelles", "stad_brussel": "bruxelles", "vorst": "forest",
    "elsene": "ixelles", "molenbeek_saint_jean": "molenbeek", "sint_jans_molenbeek": "molenbeek",
    "sint_gillis": "saint_gilles", "saint_josse_ten_noode": "saint_josse",
    "sint_joost_ten_node": "saint_josse", "schaarbeek": "schaerbeek", "ukkel": "uccle",
    "watermaal_bosvoorde": "watermael_boitsfort", "sint_lambrechts_woluwe": "woluwe_saint_lambert",
    "sint_pieters_woluwe": "woluwe_saint_pierre",
}


#: French, Dutch and English names (after :func:`_key` normalisation) that directors type for
#: the sub-sectors, so "Maison médicale" or "thuiszorg" reads as the code.
SUBSECTOR_ALIASES = {
    "maison_medicale": "medical_centre", "maisons_medicales": "medical_centre",
    "wijkgezondheidscentrum": "medical_centre", "medisch_huis": "medical_centre",
    "medical_center": "medical_centre", "centre_medical": "medical_centre",
    "sante_mentale": "mental_health", "service_de_sante_mentale": "mental_health",
    "ssm": "mental_health", "geestelijke_gezondheid": "mental_health",
    "geestelijke_gezondheidszorg": "mental_health", "cggz": "mental_health",
    "aide_et_soins_a_domicile": "home_care", "aide_a_domicile": "home_care",
    "soins_a_domicile": "home_care", "thuiszorg": "home_care", "gezinszorg": "home_care",
    "sans_abrisme": "homelessness", "sans_abri": "homelessness", "aide_aux_sans_abri": "homelessness",
    "daklozenzorg": "homelessness", "daklozen": "homelessness", "homeless": "homelessness",
    "planning_familial": "family_planning", "centre_de_planning_familial": "family_planning",
    "gezinsplanning": "family_planning", "centrum_voor_gezinsplanning": "family_planning",
    "assuetudes": "addiction", "toxicomanie": "addiction", "verslavingszorg": "addiction",
    "service_social": "social_service", "sociale_dienst": "social_service",
    "jeunesse": "youth", "aide_a_la_jeunesse": "youth", "jeugd": "youth", "jeugdhulp": "youth",
    "personnes_handicapees": "disability", "beperking": "disability", "handicap": "disability",
    "autre": "other", "andere": "other",
}


#: Fields each cost kind reads (MODEL.md §3.1–3.5), declared by the kind's module in
#: :mod:`simulator.kinds`. All optional: an empty cell means "not applicable" (0) for quantities
#: and "not declared, estimate it" for costs.
KIND_FIELDS: dict[str, tuple[FieldSpec, ...]] = _KIND_FIELDS


class ColumnSpec(NamedTuple):
    """One column of the organisation table."""

    column: str
    kind: str  # "identity" or the function's cost kind
    dtype: str  # "slug", "text", "choice", "number", "bool" or "joint_committee"
    unit: str
    required: bool
    description: str
    minimum: float | None = None
    strict: bool = False  # True: the minimum itself is refused (> rather than ≥)
    maximum: float | None = None
    default: Any = None
    function: str | None = None
    field: str | None = None


IDENTITY_COLUMNS: tuple[ColumnSpec, ...] = (
    ColumnSpec("id", "identity", "slug", "", True, "Unique short identifier: lowercase letters, "
               "digits, '_' or '-'."),
    ColumnSpec("name", "identity", "text", "", True, "Name of the organisation."),
    ColumnSpec("subsector", "identity", "choice", "", True, "Sub-sector: " + ", ".join(SUBSECTORS)),
    ColumnSpec("commune", "identity", "choice", "", True, "Brussels commune of the main site."),
    ColumnSpec("fte_total", "identity", "number", "FTE", True, "Total staff (full-time "
               "equivalents).", minimum=0.0, strict=True),
    ColumnSpec("budget_eur", "identity", "number", "€/yr", True, "Annual budget (total expenses).",
               minimum=0.0, strict=True),
    ColumnSpec("vat_exempt", "identity", "bool", "", False, "Activities VAT-exempt (art. 44 VAT "
               "code), so VAT paid cannot be recovered. Default: yes.", default=True),
    ColumnSpec("contracting_authority", "identity", "bool", "", False, "Subject to public "
               "procurement law (must tender its purchases). Default: no.", default=False),
    ColumnSpec("joint_committee", "identity", "joint_committee", "", False, "Joint committee "
               "(commission paritaire) of its staff, e.g. 330, 319.02, 332."),
)


@lru_cache(maxsize=1)
def load_function_catalogue() -> dict[str, dict[str, Any]]:
    """Function id → catalogue entry (kind, grade, labels) from ``data/functions.yaml``."""
    return load_bundled(DATA_DIR / "functions.yaml")


def column_specs(
    functions: Mapping[str, Mapping[str, Any]] | None = None,
) -> tuple[ColumnSpec, ...]:
    """All columns in canonical order: identity, then per function the fields of its kind.

    Parameters
    ----------
    functions
        A function catalogue (id → entry with ``kind``, ``label``, ``driver``); default: the
        bundled ``functions.yaml``.
    """
    return _default_specs() if functions is None else _specs_for(functions)


@lru_cache(maxsize=1)
def _default_specs() -> tuple[ColumnSpec, ...]:
    return _specs_for(load_function_catalogue())


def _specs_for(functions: Mapping[str, Mapping[str, Any]]) -> tuple[ColumnSpec, ...]:
    specs = list(IDENTITY_COLUMNS)
    for function_id, entry in functions.items():
        if entry["kind"] not in KIND_FIELDS:
            raise ValueError(f"functions.yaml: {function_id}: unknown cost kind '{entry['kind']}'")
        words = {"label": entry.get("label", {}).get("en", function_id),
                 "driver": entry.get("driver", {}).get("en", "units")}
        specs += [ColumnSpec(f"{function_id}.{f.name}", entry["kind"], "number",
                             f.unit.format(**words), f.required, f.description.format(**words),
                             f.minimum, False, f.maximum, None, function_id, f.name)
                  for f in KIND_FIELDS[entry["kind"]]]
    return tuple(specs)


def schema_table() -> pd.DataFrame:
    """The organisation columns (column, kind, unit, required, description…) for docs and app."""
    import pandas as pd

    frame = pd.DataFrame([spec._asdict() for spec in column_specs()])
    return frame[["column", "function", "field", "kind", "dtype", "unit", "required", "minimum",
                  "maximum", "default", "description"]]


ORG_COLUMNS: tuple[str, ...] = tuple(spec.column for spec in column_specs())
