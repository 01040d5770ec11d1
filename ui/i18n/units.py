"""Units of the engine's parameters in the user's language, and how they are shown.

The catalogue stores shares and rates as fractions (0.03); people read and type them as
percentages (3 %). :data:`PERCENT_UNITS` are shown and edited × 100 with a ``%`` unit. The
labels themselves live with the engine's messages (``simulator/labels.py`` in English, the
``simulator/locale`` catalogues in French and Dutch), so the app, the command line and the
engine's error messages name a unit the same way.
"""

from simulator.catalogue import PERCENT_UNITS

__all__ = ["PERCENT_UNITS", "unit_label", "unit_scale"]


def unit_label(unit: str, lang: str) -> str:
    """A catalogue unit in ``lang`` (the catalogue's own text when unknown)."""
    from simulator.messages import label

    return label("unit", unit, lang)


def unit_scale(unit: str) -> float:
    """Factor from the stored value to the shown value (100 for shares and rates, else 1)."""
    return 100.0 if unit in PERCENT_UNITS else 1.0
