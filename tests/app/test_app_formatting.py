"""Belgian number formats and the page registry."""

from __future__ import annotations

import math

import pytest

from ui import formatting as fmt
from ui.pages import PAGES, available_pages

NNBSP, NBSP = "\u202f", "\u00a0"


@pytest.mark.parametrize("lang,expected", [
    ("fr", f"1{NNBSP}234,56{NBSP}€"),
    ("nl", f"€{NBSP}1.234,56"),
    ("en", f"1.234,56{NBSP}€"),
])
def test_money_is_belgian_in_every_language(lang, expected):
    assert fmt.money(1234.56, lang, decimals=2) == expected


def test_money_rounds_to_whole_euros_by_default_and_keeps_the_sign():
    assert fmt.money(-38611.4, "fr") == f"-38{NNBSP}611{NBSP}€"
    assert fmt.money(0.4, "fr") == f"0{NBSP}€"


@pytest.mark.parametrize("value", [None, math.nan, math.inf, "abc"])
def test_missing_values_show_a_dash(value):
    assert fmt.money(value) == fmt.MISSING
    assert fmt.number(value) == fmt.MISSING
    assert fmt.percent(value) == fmt.MISSING


def test_numbers_percent_and_fte():
    assert fmt.number(12345.67, "nl", 1) == "12.345,7"
    assert fmt.percent(0.052, "fr") == f"5,2{NBSP}%"
    assert fmt.fte(2.35, "en") == "2,4" or fmt.fte(2.35, "en") == "2,3"
    assert fmt.locale_for("xx") == "fr_BE"


def test_plotly_separators_use_the_decimal_comma():
    assert fmt.plotly_separators("fr") == ", "
    assert fmt.plotly_separators("nl") == ",."


def test_registry_has_slots_for_later_pages():
    modules = [spec.module for spec in PAGES]
    for slot in ("uncertainty", "fair_split", "funding"):
        assert slot in modules
        spec = PAGES[modules.index(slot)]
        assert spec.optional and spec.title_key == f"nav.{slot}"
    shown = [spec.module for spec in available_pages()]
    assert shown[0] == "pool" and "results" in shown and "method" in shown
    assert sum(spec.default for spec in PAGES) == 1
    assert len({spec.url_path for spec in PAGES}) == len(PAGES)
