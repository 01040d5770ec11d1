"""Belgian number formats for people (the app and the printed brief), through Babel (CLDR), one
locale per interface language.

Decision (documented in the method page and the README): every language uses a **Belgian** locale,
so the decimal separator is always a comma, as on every Belgian invoice and budget:

=========  ===========  ======================  ==========================================
language   locale       1234.56 euro            note
=========  ===========  ======================  ==========================================
fr         ``fr_BE``    ``1 234,56 €``          thin no-break space groups thousands
nl         ``nl_BE``    ``€ 1.234,56``          CLDR's Flemish usage: sign first, dot groups
en         ``en_BE``    ``1.234,56 €``          English words, Belgian numbers
=========  ===========  ======================  ==========================================

Missing values (``None`` or NaN) show as an em dash. These helpers only *present* numbers that
the engine computed; they never round anything that is fed back into a calculation. They live
in the engine package so that the brief (:mod:`simulator.report`) prints numbers exactly as the
app shows them without importing the app; :mod:`ui.formatting` re-exports them.
"""

from __future__ import annotations

import math
from numbers import Real

from babel import Locale
from babel.numbers import format_currency, format_decimal, format_percent

#: Interface language -> Babel locale.
LOCALES: dict[str, str] = {"fr": "fr_BE", "nl": "nl_BE", "en": "en_BE"}

#: What is shown for a missing value.
MISSING = "—"


def locale_for(lang: str) -> str:
    """The Babel locale of an interface language (French-Belgian when unknown)."""
    return LOCALES.get(lang, LOCALES["fr"])


def _missing(value: object) -> bool:
    """True for ``None``, NaN and non-numbers."""
    if value is None or isinstance(value, bool):
        return value is None
    if not isinstance(value, Real):
        try:
            value = float(value)  # numpy scalars
        except (TypeError, ValueError):
            return True
    return math.isnan(float(value)) or math.isinf(float(value))


def _no_negative_zero(value: object, decimals: int) -> float:
    """``-0.02`` shown with no decimal is ``0``, not ``-0``."""
    number = float(value)  # type: ignore[arg-type]
    return 0.0 if round(number, decimals) == 0 else number


def money(value: object, lang: str = "fr", decimals: int = 0) -> str:
    """An amount in euro, e.g. ``1 234 €`` (fr) — whole euros by default.

    Parameters
    ----------
    value
        Amount in euro (a float from the engine).
    lang
        Interface language (``fr``, ``nl``, ``en``).
    decimals
        Digits after the comma (0 for headline figures, 2 for unit prices).
    """
    if _missing(value):
        return MISSING
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    loc = locale_for(lang)
    # Babel's currency patterns put the sign and symbol where the locale wants them; we only
    # change the number of decimals.
    base = Locale.parse(loc).currency_formats["standard"].pattern
    return format_currency(_no_negative_zero(value, decimals), "EUR",
                           format=base.replace("#,##0.00", pattern), locale=loc,
                           currency_digits=False)


#: From this size on, an amount on a metric card is shown compactly (``-1,04 M €``): a
#: seven-digit figure in whole euros does not fit a quarter of a 1,366-pixel screen.
COMPACT_FROM = 1_000_000


def money_card(value: object, lang: str = "fr") -> str:
    """An amount for a metric card: whole euros below :data:`COMPACT_FROM`, else millions with
    two decimals in the locale's short form, the sign and € placed as :func:`money` places them
    (``-1,04 M €`` fr, ``€ -1,04 mln.`` nl, ``-1,04M €`` en). The card's help then gives the exact
    amount (:func:`is_compact`)."""
    if _missing(value):
        return MISSING
    if not is_compact(value):
        return money(value, lang)
    from babel.numbers import format_compact_decimal

    amount = float(value)  # type: ignore[arg-type]
    short = format_compact_decimal(abs(amount), locale=locale_for(lang), format_type="short", fraction_digits=2)
    return money(-1 if amount < 0 else 1, lang).replace("1", short, 1)


def is_compact(value: object) -> bool:
    """Whether :func:`money_card` shows ``value`` compactly (and so rounded)."""
    return not _missing(value) and abs(float(value)) >= COMPACT_FROM  # type: ignore[arg-type]


def number(value: object, lang: str = "fr", decimals: int = 0) -> str:
    """A plain number with Belgian grouping, e.g. ``12 345,6``."""
    if _missing(value):
        return MISSING
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(_no_negative_zero(value, decimals), format=pattern,
                          locale=locale_for(lang))


def percent(value: object, lang: str = "fr", decimals: int = 1) -> str:
    """A share given as a fraction (0.052 -> ``5,2 %``)."""
    if _missing(value):
        return MISSING
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "") + "\u00a0%"
    return format_percent(_no_negative_zero(value, decimals + 2), format=pattern,
                          locale=locale_for(lang))


def parameter_value(value: object, lang: str = "fr", unit: str | None = None,
                    significant: int | None = None, max_decimals: int = 3) -> str:
    """An assumption's value as people read it: shares and rates in %, Belgian digits.

    The catalogue stores shares and rates as fractions; a ``unit`` in
    :data:`simulator.catalogue.PERCENT_UNITS` is shown × 100 (``0.324`` → ``32,4``). Decimals
    are shown only when needed (no float noise: ``32.400000000000006`` → ``32,4``), at most
    ``max_decimals``.

    ``significant=None`` keeps every decimal up to ``max_decimals`` — exact enough to edit
    (the Assumptions page: ``13,925``). ``significant=n`` keeps about ``n`` significant digits
    for print (the brief): decimals = max(0, n − digits before the comma), so ``1234,5`` →
    ``1 235``, ``123,45`` → ``123,5``, ``0,08517`` → ``0,085`` (never more than
    ``max_decimals``).
    """
    if _missing(value):
        return MISSING
    from simulator.catalogue import PERCENT_UNITS

    scaled = float(value) * (100.0 if unit in PERCENT_UNITS else 1.0)  # type: ignore[arg-type]
    decimals = max_decimals
    if significant is not None:
        whole = len(str(int(abs(round(scaled, max_decimals))))) if abs(scaled) >= 1 else 1
        decimals = min(max_decimals, max(0, significant - whole))
    pattern = "#,##0" + ("." + "#" * decimals if decimals else "")
    shown = round(_no_negative_zero(scaled, decimals), decimals)
    return format_decimal(0.0 if shown == 0 else shown, format=pattern, locale=locale_for(lang))


def fte(value: object, lang: str = "fr") -> str:
    """Full-time equivalents with one decimal (``2,4``)."""
    return number(value, lang, decimals=1)


def plotly_separators(lang: str) -> str:
    """Plotly's ``layout.separators`` (decimal then thousands) for a language's locale."""
    from babel.numbers import get_decimal_symbol, get_group_symbol

    loc = locale_for(lang)
    group = get_group_symbol(loc)
    # Plotly wants a single plain character; a narrow no-break space renders poorly in SVG text.
    if group in ("\u202f", "\u00a0"):
        group = " "
    return get_decimal_symbol(loc) + group
