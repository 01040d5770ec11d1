"""Wording: no "(s)" or "un(e)" shortcuts, plurals by the language's own rule, nothing like
"1 ans" or "±0,0 points" (issue 13)."""

from __future__ import annotations

import re

import pytest
from language_words import ENGLISH_WORDS, INTERNAL_CODE

from ui.i18n import CATALOGUES, t, tn

#: Shortcuts a careful writer does not use: agree the article, choose the plural.
SHORTCUTS = re.compile(r"\w\((s|e|es|en|n)\)|\b(un|une|le|la)\(e\)|\w/(leden|problemen|en)\b|\blid/")


@pytest.mark.parametrize("lang", sorted(CATALOGUES))
def test_no_gender_or_plural_shortcuts(lang):
    bad = {k: v for k, v in CATALOGUES[lang].items() if SHORTCUTS.search(v)}
    assert not bad, bad


@pytest.mark.parametrize("lang", sorted(CATALOGUES))
def test_every_count_message_has_both_forms(lang):
    keys = set(CATALOGUES[lang])
    ones = {k[: -len(".one")] for k in keys if k.endswith(".one")}
    others = {k[: -len(".other")] for k in keys if k.endswith(".other")}
    assert ones <= others, ones - others


@pytest.mark.parametrize(("lang", "n", "expected"), [
    ("fr", 0, "**0 hypothèse modifiée**"), ("fr", 1, "**1 hypothèse modifiée**"),
    ("fr", 2, "**2 hypothèses modifiées**"), ("nl", 0, "**0 aannames gewijzigd**"),
    ("nl", 1, "**1 aanname gewijzigd**"), ("en", 1, "**1 assumption changed**"),
    ("en", 3, "**3 assumptions changed**"),
])
def test_plural_follows_the_language(lang, n, expected):
    assert tn("assumptions.changed_title", n, lang=lang) == expected


def test_a_tiny_margin_is_not_shown_as_zero():
    for lang in CATALOGUES:
        assert "0,0" not in t("uncertainty.converged_tight", lang=lang, draws="10 000")
        assert "0.0 " not in t("uncertainty.converged_tight", lang=lang, draws="10,000")


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_every_multiselect_has_a_placeholder_in_the_language(lang):
    """Streamlit's default placeholder is English ("Choose options")."""
    from app_harness import goto, new_app

    at = new_app(lang)
    seen = 0
    for page in ("pool", "compare", "assumptions", "fair_split"):
        goto(at, page)
        for widget in at.multiselect:
            seen += 1
            assert widget.proto.placeholder and "Choose" not in widget.proto.placeholder, (page, widget.label)
    assert seen >= 4


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_every_page_speaks_the_language_without_codes(lang):
    """Every page of the app on the default example: no English word, no internal code."""
    from app_harness import all_text, goto, new_app, no_failure

    from ui.pages import available_pages

    at = new_app(lang)
    for spec in available_pages():
        goto(at, spec.module)
        no_failure(at)
        for line in all_text(at).splitlines():
            assert not ENGLISH_WORDS.search(line), (spec.module, line)
            assert not INTERNAL_CODE.search(line), (spec.module, line)
