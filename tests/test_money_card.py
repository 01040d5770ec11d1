"""Amounts on metric cards: whole euros below a million, the locale's short form from a million on,
with the sign and € where every other amount of that language has them (hand-checked strings)."""

import pytest

from ui.formatting import MISSING, is_compact, money, money_card

NBSP, NNBSP = "\u00a0", "\u202f"


@pytest.mark.parametrize(("value", "lang", "shown"), [
    (-1_044_235.7, "fr", f"-1,04{NBSP}M{NBSP}€"),
    (-1_044_235.7, "nl", f"€{NBSP}-1,04{NBSP}mln."),
    (-1_044_235.7, "en", f"-1,04M{NBSP}€"),
    (2_500_000, "fr", f"2,5{NBSP}M{NBSP}€"),
    (12_345_678, "nl", f"€{NBSP}12,35{NBSP}mln."),
    (-999_999, "fr", f"-999{NNBSP}999{NBSP}€"),
    (None, "fr", MISSING),
])
def test_money_card(value, lang, shown):
    assert money_card(value, lang) == shown


def test_below_a_million_the_card_shows_what_money_shows():
    for lang in ("fr", "nl", "en"):
        assert money_card(-601_540.4, lang) == money(-601_540.4, lang)
    assert not is_compact(999_999.4) and is_compact(-1_000_000) and not is_compact(float("nan"))
