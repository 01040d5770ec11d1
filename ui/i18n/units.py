"""Units of the engine's parameters in the user's language, and how they are shown.

The catalogue stores shares and rates as fractions (0.03); people read and type them as
percentages (3 %). :data:`PERCENT_UNITS` are shown and edited × 100 with a ``%`` unit. A unit
missing here is shown as the catalogue writes it, and ``tests/app/test_app_assumptions.py``
fails on the gap.
"""

#: Units shown as a percentage of the stored value.
PERCENT_UNITS = ("fraction", "1/year")

#: Catalogue unit -> {language: unit as shown}.
UNITS: dict[str, dict[str, str]] = {
    "fraction": {"fr": "%", "nl": "%", "en": "%"},
    "1/year": {"fr": "% par an", "nl": "% per jaar", "en": "% per year"},
    "EUR": {"fr": "€", "nl": "€", "en": "€"},
    "EUR/FTE": {"fr": "€/ETP", "nl": "€/VTE", "en": "€/FTE"},
    "EUR/h": {"fr": "€/h", "nl": "€/u", "en": "€/h"},
    "EUR/m2": {"fr": "€/m²", "nl": "€/m²", "en": "€/m²"},
    "EUR/m2/year": {"fr": "€/m²/an", "nl": "€/m²/jaar", "en": "€/m²/year"},
    "EUR/month": {"fr": "€/mois", "nl": "€/maand", "en": "€/month"},
    "EUR/procedure": {"fr": "€/procédure", "nl": "€/procedure", "en": "€/procedure"},
    "EUR/user/year": {"fr": "€/utilisateur/an", "nl": "€/gebruiker/jaar", "en": "€/user/year"},
    "EUR/year": {"fr": "€/an", "nl": "€/jaar", "en": "€/year"},
    "FTE": {"fr": "ETP", "nl": "VTE", "en": "FTE"},
    "FTE per 100 visitors/week": {"fr": "ETP par 100 visiteurs/semaine",
                                  "nl": "VTE per 100 bezoekers/week",
                                  "en": "FTE per 100 visitors/week"},
    "FTE per M EUR": {"fr": "ETP par million €", "nl": "VTE per miljoen €", "en": "FTE per € million"},
    "FTE per coordinator FTE": {"fr": "ETP par ETP de coordination", "nl": "VTE per VTE coördinatie",
                                "en": "FTE per coordinator FTE"},
    "exponent": {"fr": "exposant", "nl": "exponent", "en": "exponent"},
    "factor": {"fr": "facteur", "nl": "factor", "en": "factor"},
    "h/member/function/year": {"fr": "h/membre/fonction/an", "nl": "u/lid/functie/jaar",
                               "en": "h/member/function/year"},
    "h/member/month": {"fr": "h/membre/mois", "nl": "u/lid/maand", "en": "h/member/month"},
    "h/pair/year": {"fr": "h/paire de membres/an", "nl": "u/paar leden/jaar", "en": "h/pair of members/year"},
    "h/site/week": {"fr": "h/site/semaine", "nl": "u/vestiging/week", "en": "h/site/week"},
    "h/week": {"fr": "h/semaine", "nl": "u/week", "en": "h/week"},
    "m2/FTE": {"fr": "m²/ETP", "nl": "m²/VTE", "en": "m²/FTE"},
    "months": {"fr": "mois", "nl": "maanden", "en": "months"},
    "months of rent": {"fr": "mois de loyer", "nl": "maanden huur", "en": "months of rent"},
    "procedures per category per year": {"fr": "procédures par catégorie par an",
                                         "nl": "procedures per categorie per jaar",
                                         "en": "procedures per category per year"},
    "users": {"fr": "utilisateurs", "nl": "gebruikers", "en": "users"},
    "visitors/week": {"fr": "visiteurs/semaine", "nl": "bezoekers/week", "en": "visitors/week"},
    "weeks/year": {"fr": "semaines/an", "nl": "weken/jaar", "en": "weeks/year"},
    "years": {"fr": "ans", "nl": "jaar", "en": "years"},
}


def unit_label(unit: str, lang: str) -> str:
    """A catalogue unit in ``lang`` (the catalogue's own text when unknown)."""
    return UNITS.get(unit, {}).get(lang, unit)


def unit_scale(unit: str) -> float:
    """Factor from the stored value to the shown value (100 for shares and rates, else 1)."""
    return 100.0 if unit in PERCENT_UNITS else 1.0
