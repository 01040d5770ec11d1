"""One translation layer: every key exists in every language, and every page renders without a gap."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest
from app_harness import all_text, goto, new_app, no_failure

from ui.i18n import CATALOGUES, LANGUAGES, t
from ui.pages import PAGES, available_pages

UI = Path(__file__).resolve().parents[2] / "ui"
LITERAL_KEY = re.compile(r"""\bt\(\s*["']([a-z_][a-z0-9_.]*)["']""")


def placeholders(text: str) -> set[str]:
    """Names of the ``{placeholders}`` of a message."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_french_is_the_default_and_languages_are_fr_nl_en():
    assert LANGUAGES == ("fr", "nl", "en")
    assert t("nav.pool") == CATALOGUES["fr"]["nav.pool"]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_key_exists_in_every_language(lang):
    reference = set(CATALOGUES["fr"])
    other = set(CATALOGUES[lang])
    assert sorted(reference - other) == [], f"missing in {lang}"
    assert sorted(other - reference) == [], f"only in {lang}"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_placeholders_match_across_languages(lang):
    for key, text in CATALOGUES["fr"].items():
        assert placeholders(CATALOGUES[lang][key]) == placeholders(text), key


def test_no_empty_message():
    for lang, messages in CATALOGUES.items():
        assert [k for k, v in messages.items() if not v.strip()] == [], lang


def test_every_literal_key_used_in_the_code_exists():
    used = set()
    for path in UI.rglob("*.py"):
        used |= set(LITERAL_KEY.findall(path.read_text(encoding="utf-8")))
    assert used, "the scan found no key at all"
    missing = sorted(k for k in used if k not in CATALOGUES["fr"])
    assert missing == []


def test_generated_keys_cover_the_engine_catalogues():
    """Keys built from engine data (components, codes, vehicles…) exist for what the engine has."""
    from simulator.catalogue import COST_KINDS, GRADES, vehicles
    from simulator.kernel import WATERFALL
    from simulator.organisations import IDENTITY_COLUMNS, KIND_FIELDS, SUBSECTORS

    keys = [f"waterfall.{c}" for c in ("baseline", *WATERFALL, "net_pooled_cost")]
    keys += [f"kind.{k}" for k in COST_KINDS] + [f"grade.{g}" for g in GRADES]
    keys += [f"subsector.{s}" for s in SUBSECTORS]
    keys += [f"vehicle.desc.{v}" for v in vehicles()]
    keys += [f"vat.regime.{v.vat}" for v in vehicles().values()]
    keys += [f"column.{c.column}" for c in IDENTITY_COLUMNS]
    keys += [f"column.{f.name}" for fields in KIND_FIELDS.values() for f in fields]
    keys += [f"vat.cond.{c}" for c in ("vehicle_not_cost_sharing", "margin_charged",
                                       "member_not_exempt", "not_public_interest",
                                       "allocation_not_cost_based")]
    keys += [spec.title_key for spec in PAGES] + [spec.section for spec in PAGES]
    assert sorted(k for k in keys if k not in CATALOGUES["fr"]) == []


def test_missing_key_is_visible_not_a_crash():
    assert t("no.such.key") == "[no.such.key]"
    assert t("headline.payback_value", lang="nl", year=3) == "Jaar 3"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_renders_without_missing_keys(lang):
    at = new_app(lang)
    assert at.session_state["lang"] == lang
    for spec in available_pages():
        goto(at, spec.module)
        no_failure(at)
        text = all_text(at)
        assert text.strip(), spec.module
        gaps = re.findall(r"\[[a-z_]+(?:\.[a-z_0-9]+)+\]", text)
        assert gaps == [], f"{spec.module} ({lang}): {gaps}"
        assert at.title, spec.module


def test_language_from_the_url():
    at = new_app(query={"lang": "nl"})
    assert at.session_state["lang"] == "nl"
    assert at.title[0].value == CATALOGUES["nl"]["pool.title"]


def test_switching_language_relabels_the_page():
    at = new_app()
    assert at.title[0].value == "Construire le pool"
    at.selectbox(key="_lang_selector").set_value("en").run()
    assert at.title[0].value == "Build the pool"
    assert next(m.label for m in at.metric) == "Median NPV"


def test_every_parameter_and_group_is_named_in_french_and_dutch():
    from simulator.catalogue import parameter_catalogue
    from simulator.translations.params import DESCRIPTIONS, GROUPS

    names = parameter_catalogue()["name"].tolist()
    assert sorted(n for n in names if set(DESCRIPTIONS.get(n, {})) != {"fr", "nl"}) == []
    groups = {n.split(".", 1)[0] for n in names}
    assert sorted(g for g in groups if set(GROUPS.get(g, {})) != set(LANGUAGES)) == []
