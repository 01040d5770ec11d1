"""Example names and descriptions on the pages in the reader's language; the scenario itself keeps
the file's name whatever the language it was built in."""

from __future__ import annotations

import pytest

from simulator.examples import example_text
from tests.app.app_harness import goto, new_app, no_failure, scenario, set_language


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_example_picker_and_name_field_speak_the_readers_language(lang):
    at = new_app(lang)
    no_failure(at)
    picker = at.selectbox(key="_example_choice")
    shown = list(picker.options)  # AppTest gives the options as shown (formatted)
    titles = {example_text(stem, lang)[0] for stem in ("b_shared_house", "d_tiny_commercial_provider")}
    assert titles <= set(shown), shown
    french = example_text("b_shared_house", "fr")[0]
    assert french not in shown
    data = scenario(at)
    title, description = example_text(_stem(data["name"]), lang)
    assert at.text_input(key="w:name").value == title
    assert at.text_area(key="w:description").value == description
    assert any(description == c.value for c in at.caption)


def test_switching_language_translates_the_name_field_and_keeps_the_scenario():
    at = new_app()
    before = dict(scenario(at))
    stem = _stem(before["name"])
    assert at.text_input(key="w:name").value == example_text(stem, "fr")[0]
    set_language(at, "nl")
    assert at.text_input(key="w:name").value == example_text(stem, "nl")[0]
    assert scenario(at) == before  # shown in Dutch, stored as the file has it
    at.text_input(key="w:name").input("Onze eigen pool").run()
    assert scenario(at)["name"] == "Onze eigen pool"


def test_results_intro_names_the_example_in_the_readers_language():
    at = goto(new_app("nl"), "results")
    no_failure(at)
    stem = _stem(scenario(at)["name"])
    assert any(example_text(stem, "nl")[0] in c.value for c in at.caption)


def _stem(name: str) -> str:
    from simulator.examples import examples

    return next(s for s, e in examples().items() if e.title["fr"] == name)
