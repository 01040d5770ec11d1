"""Belgian number formats for the app: the helpers live in :mod:`simulator.formatting` (shared
with the printed brief, which must not import the app) and are re-exported here unchanged."""

from simulator.formatting import (
    COMPACT_FROM,
    LOCALES,
    MISSING,
    fte,
    is_compact,
    locale_for,
    money,
    money_card,
    number,
    parameter_value,
    percent,
    plotly_separators,
)

__all__ = ["COMPACT_FROM", "LOCALES", "MISSING", "fte", "is_compact", "locale_for", "money", "money_card",
           "number", "parameter_value", "percent", "plotly_separators"]
