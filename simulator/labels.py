"""Names of units and cost kinds as people read them (English here; French and Dutch in the
message catalogues ``simulator/locale``). A unit of the parameter catalogue without an entry here
is shown as the catalogue writes it, and ``tests/test_messages.py`` fails on the gap."""

from __future__ import annotations

from simulator.messages import N_

#: Catalogue unit -> (code, English label).
UNIT_LABELS: dict[str, tuple[str, str]] = {
    "fraction": N_("unit.fraction", "%"),
    "1/year": N_("unit.1/year", "% per year"),
    "EUR": N_("unit.EUR", "€"),
    "EUR/FTE": N_("unit.EUR/FTE", "€/FTE"),
    "EUR/h": N_("unit.EUR/h", "€/h"),
    "EUR/m2": N_("unit.EUR/m2", "€/m²"),
    "EUR/m2/year": N_("unit.EUR/m2/year", "€/m²/year"),
    "EUR/month": N_("unit.EUR/month", "€/month"),
    "EUR/procedure": N_("unit.EUR/procedure", "€/procedure"),
    "EUR/user/year": N_("unit.EUR/user/year", "€/user/year"),
    "EUR/year": N_("unit.EUR/year", "€/year"),
    "FTE": N_("unit.FTE", "FTE"),
    "FTE per 100 visitors/week": N_("unit.FTE per 100 visitors/week", "FTE per 100 visitors/week"),
    "FTE per M EUR": N_("unit.FTE per M EUR", "FTE per € million"),
    "FTE per coordinator FTE": N_("unit.FTE per coordinator FTE", "FTE per coordinator FTE"),
    "exponent": N_("unit.exponent", "exponent"),
    "factor": N_("unit.factor", "factor"),
    "h/member/function/year": N_("unit.h/member/function/year", "h/member/function/year"),
    "h/member/month": N_("unit.h/member/month", "h/member/month"),
    "h/pair/year": N_("unit.h/pair/year", "h/pair of members/year"),
    "h/site/week": N_("unit.h/site/week", "h/site/week"),
    "h/week": N_("unit.h/week", "h/week"),
    "m2/FTE": N_("unit.m2/FTE", "m²/FTE"),
    "months": N_("unit.months", "months"),
    "months of rent": N_("unit.months of rent", "months of rent"),
    "procedures per category per year": N_("unit.procedures per category per year",
                                           "procedures per category per year"),
    "users": N_("unit.users", "users"),
    "visitors/week": N_("unit.visitors/week", "visitors/week"),
    "weeks/year": N_("unit.weeks/year", "weeks/year"),
    "years": N_("unit.years", "years"),
}

#: Cost kind -> (code, English label).
KIND_LABELS: dict[str, tuple[str, str]] = {
    "labour": N_("kind.labour", "staff work"),
    "coverage": N_("kind.coverage", "reception cover"),
    "purchasing": N_("kind.purchasing", "purchasing"),
    "fixed_shared": N_("kind.fixed_shared", "licences and equipment"),
    "premises": N_("kind.premises", "premises"),
}
