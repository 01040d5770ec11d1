"""Belgian number formats for the app: the helpers live in :mod:`simulator.formatting` (shared
with the printed brief, which must not import the app) and are re-exported here unchanged."""

from simulator.formatting import (
    LOCALES,
    MISSING,
    fte,
    locale_for,
    money,
    number,
    parameter_value,
    percent,
    plotly_separators,
)

__all__ = ["LOCALES", "MISSING", "fte", "locale_for", "money", "number", "parameter_value", "percent",
           "plotly_separators"]
