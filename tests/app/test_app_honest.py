"""The honest headline in the app (issue 8): the Monte Carlo median first, and no screen, in any
language, calls a loss a saving."""

from __future__ import annotations

import json
import re

import pytest
from app_harness import SCENARIOS, engine_headline, goto, new_app, no_failure, scenario

from simulator.cli import main
from ui.formatting import money
from ui.headline import SAVING_WORDS

#: A negative euro amount as the app formats it (fr/en: 1 234 €, nl: 1.234 €; minus or dash).
NEGATIVE_EUR = re.compile(r"[-−]\s?\d[\d\u202f\u00a0 .,]*\s?€")
#: Characters before an amount read as "beside" it.
BESIDE = 40
PAGES = ("pool", "results", "compare", "uncertainty", "fair_split")


def open_example(stem: str, lang: str = "fr"):
    at = new_app(lang)
    at.selectbox(key="_example_choice").set_value(stem).run()
    at.button[0].click().run()
    return at


def test_first_figure_equals_the_json_median(capsys):
    stem = "a_medical_centres_employer_group"
    assert main(["run", str(SCENARIOS / f"{stem}.yaml"), "--format", "json"]) == 0
    npv_p50 = json.loads(capsys.readouterr().out)["npv_p50_eur"]
    at = goto(open_example(stem), "results")
    no_failure(at)
    assert at.metric[0].value == money(npv_p50)
    # and beside it, the central assumptions with the percentile they fall at
    head = engine_headline(scenario(at))
    assert at.metric[0].value == money(head["npv_p50_eur"])
    assert any(f"{head['central_npv_percentile']:.0f}" in c.value for c in at.caption)


def saving_beside_negative(at, lang: str) -> list[str]:
    """Texts on screen where a saving word names a negative amount."""
    words = SAVING_WORDS[lang]
    found = []
    for m in at.metric:
        if NEGATIVE_EUR.fullmatch(m.value.strip()) and any(w in m.label.lower() for w in words):
            found.append(f"metric {m.label!r} = {m.value}")
    texts = [*at.markdown, *at.caption, *at.info, *at.warning, *at.success, *at.subheader, *at.title]
    for element in texts:
        value = str(element.value)
        for hit in NEGATIVE_EUR.finditer(value):
            before = value[max(0, hit.start() - BESIDE):hit.start()].lower()
            if any(w in before for w in words):
                found.append(f"{value[max(0, hit.start() - BESIDE):hit.end()]!r}")
    return found


@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
@pytest.mark.parametrize("stem", ["a_medical_centres_employer_group", "d_tiny_commercial_provider"])
def test_no_screen_calls_a_loss_a_saving(lang, stem):
    at = open_example(stem, lang)
    for page in PAGES:
        goto(at, page)
        no_failure(at)
        assert saving_beside_negative(at, lang) == [], page


def test_the_detector_catches_a_saving_beside_a_loss():
    # the check above can fail: a page that says "Économie nette −500 €" is caught
    from types import SimpleNamespace

    fake = SimpleNamespace(metric=[SimpleNamespace(label="Économie nette par an", value="-500\u00a0€")],
                           markdown=[SimpleNamespace(value="Besparing: -1.234 €")], caption=[], info=[],
                           warning=[], success=[], subheader=[], title=[])
    assert len(saving_beside_negative(fake, "fr")) == 1
    assert len(saving_beside_negative(fake, "nl")) == 1
