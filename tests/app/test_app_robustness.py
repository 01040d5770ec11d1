"""Whatever is typed, the app shows a calm message and never a traceback, on every page."""

from __future__ import annotations

import copy
import re

import pytest
from app_harness import goto, new_app, no_failure, scenario

from ui.pages import available_pages

#: Ways a scenario can be wrong or half-edited (name -> change applied to the dict).
BROKEN = {
    "no members": lambda d: d.update(members=[]),
    "unknown member": lambda d: d.update(members=[*d["members"], "nobody"]),
    "members not a list": lambda d: d.update(members="abc"),
    "nothing pooled": lambda d: d.update(pooling={}),
    "unknown function": lambda d: d.update(pooling={"teleport": "all"}),
    "pooling missing": lambda d: d.update(pooling=None),
    "no vehicle": lambda d: d.update(vehicle=None),
    "horizon in words": lambda d: d.update(horizon_years="ten"),
    "parameter in words": lambda d: d.update(parameters={"finance.discount_rate": "abc"}),
    "misspelled parameter": lambda d: d.update(parameters={"finance.discount": 0.1}),
    "empty site": lambda d: d.update(sites=[{"id": "", "members": []}]),
    "unknown key": lambda d: d.update(rocket=1),
    "empty name": lambda d: d.update(name=""),
    "ramp-up above 100 %": lambda d: d.update(ramp_up=[2.0]),
    "member table path": lambda d: d.update(organisations="../../etc/passwd"),
    "premises without a site": lambda d: d["pooling"].update(premises="all"),
}


@pytest.mark.parametrize("case", list(BROKEN))
def test_every_page_survives_a_broken_scenario(case):
    at = new_app()
    data = copy.deepcopy(scenario(at))
    BROKEN[case](data)
    at.session_state["scenario"] = data
    for spec in available_pages():
        goto(at, spec.module)
        no_failure(at)
        assert at.title, spec.module


def test_the_pool_page_names_the_problem():
    at = new_app()
    at.text_input(key="w:name").set_value("").run()
    no_failure(at)
    assert at.error and "Nom du scénario" in at.error[0].value


def test_clearing_all_members_is_an_inline_message():
    at = new_app()
    at.multiselect(key="w:members").set_value([]).run()
    no_failure(at)
    assert at.error and "Membres" in at.error[0].value
    assert any("Choisissez d'abord des membres" in i.value for i in at.info)


def test_unexpected_failures_are_calm_and_details_only_in_debug(monkeypatch):
    from ui import engine

    def boom(*args, **kwargs):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(engine, "_engine_result", boom)
    engine._simulate_cached.clear()
    at = new_app()
    data = copy.deepcopy(scenario(at))
    data["horizon_years"] = 11  # a scenario not in the cache
    at.session_state["scenario"] = data
    goto(at, "results")
    assert not at.exception
    text = "\n".join(e.value for e in at.error)
    assert "mal passé" in text and "secret internals" not in text
    assert not at.expander
    engine._simulate_cached.clear()


#: Common English words that never appear in a French or Dutch sentence of the app.
ENGLISH = re.compile(r"\b(the|is|are|must|should|expected|unknown|valid|input|got|found|needs|least|"
                     r"item|items|character|field|required|value|members?|column|row)\b", re.IGNORECASE)
#: An internal code: snake_case or a dotted parameter name.
CODE = re.compile(r"\b[a-z]+_[a-z_]+\b")


@pytest.mark.parametrize("lang", ["fr", "nl"])
@pytest.mark.parametrize("case", [c for c in BROKEN if c != "member table path"])
def test_errors_speak_the_users_language(case, lang):
    """What goes wrong is said in French or Dutch, naming the field in words, with no code."""
    at = new_app(lang)
    data = copy.deepcopy(scenario(at))
    BROKEN[case](data)
    at.session_state["scenario"] = data
    goto(at, "results")
    no_failure(at)
    texts = [e.value for e in at.error]
    assert texts, case
    for text in texts:
        assert not ENGLISH.search(text), (case, text)
        if case != "misspelled parameter":  # the suggestions are the names to type in the file
            assert not CODE.search(text), (case, text)
