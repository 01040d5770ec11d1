"""One helper for a parameter value shown to people (:func:`simulator.formatting.parameter_value`):
exact to three decimals where people edit it (Assumptions page), about four significant digits
where they read it in print (the brief)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from simulator.formatting import MISSING, parameter_value
from simulator.numbers import number_from_text


@pytest.mark.parametrize(("value", "unit", "lang", "shown"), [
    (0.324, "fraction", "fr", "32,4"),             # a share, shown in %
    (0.32400000000000006, "fraction", "fr", "32,4"),  # no float noise
    (3400, "EUR/month", "fr", "3\u202f400"),        # Belgian grouping (narrow no-break space)
    (3400, "EUR/month", "nl", "3.400"),
    (13.925, "EUR", "en", "13,925"),               # every decimal up to three
    (0.00049, "EUR", "fr", "0"),                   # rounded to three decimals, never "-0"
    (-0.0001, "EUR", "fr", "0"),
    (12.0, "years", "fr", "12"),                   # no trailing zero
])
def test_exact_for_editing(value, unit, lang, shown):
    assert parameter_value(value, lang, unit) == shown


@pytest.mark.parametrize(("value", "unit", "shown"), [
    (1234.5, None, "1\u202f234"),        # 4 digits before the comma: no decimal (rounds half to even)
    (123.45, None, "123,5"),             # 3 + 1
    (12.345, None, "12,35"),             # 2 + 2
    (1.23456, None, "1,235"),            # 1 + 3
    (0.085172, None, "0,085"),           # below one: at most three decimals
    (0.05, "fraction", "5"),             # 5 %
    (0.0325, "1/year", "3,25"),
    (55_000.0, "EUR/year", "55\u202f000"),
])
def test_four_significant_digits_for_print(value, unit, shown):
    assert parameter_value(value, "fr", unit, significant=4) == shown


def test_missing_values_show_a_dash():
    assert parameter_value(None, "fr") == MISSING
    assert parameter_value(float("nan"), "nl", "EUR", significant=4) == MISSING


def test_the_assumptions_page_and_the_brief_use_the_one_helper():
    from simulator.report.render import value
    from ui.pages.assumptions import shown_value

    assert shown_value(0.324, "fraction", "fr") == parameter_value(0.324, "fr", "fraction")
    assert value(123.45, "fr") == parameter_value(123.45, "fr", significant=4) == "123,5"
    assert shown_value(123.456, "EUR", "fr") == "123,456" != value(123.456, "fr")


@given(st.floats(min_value=-1e7, max_value=1e7, allow_nan=False), st.sampled_from(["fr", "nl", "en"]),
       st.sampled_from(["EUR", "fraction", "FTE"]))
def test_what_is_shown_for_editing_reads_back_within_half_a_thousandth(value, lang, unit):
    scale = 100.0 if unit == "fraction" else 1.0
    shown = parameter_value(value, lang, unit)
    assert number_from_text(shown, decimal_comma=True) == pytest.approx(value * scale, abs=5e-4 + 1e-9)


@given(st.floats(min_value=1e-3, max_value=1e6, allow_nan=False), st.integers(min_value=2, max_value=6))
def test_print_keeps_the_significant_digits_asked_for(value, significant):
    """Relative error at most half a unit of the last digit kept (or of the third decimal)."""
    shown = number_from_text(parameter_value(value, "en", significant=significant), decimal_comma=True)
    whole = len(str(int(round(value, 3)))) if value >= 1 else 1
    decimals = min(3, max(0, significant - whole))
    assert abs(shown - value) <= 0.5 * 10 ** -decimals + 1e-9
