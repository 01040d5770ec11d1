"""The pool builder: set widgets, run, and the headline equals what the engine returns."""

from __future__ import annotations

import copy

import pytest
from app_harness import (
    engine_result,
    example,
    expected_headline,
    metrics,
    new_app,
    no_failure,
    scenario,
)

from ui import state


def first_example() -> str:
    return next(iter(state.example_paths()))


def test_opens_on_the_first_example_with_the_engine_figures():
    at = new_app()
    no_failure(at)
    assert scenario(at) == example(first_example())
    assert metrics(at) == list(expected_headline(example(first_example())).values())


@pytest.mark.parametrize("stem", list(state.example_paths()))
def test_start_from_any_example(stem):
    at = new_app()
    at.selectbox(key="_example_choice").set_value(stem).run()
    at.button[0].click().run()
    no_failure(at)
    assert scenario(at) == example(stem)
    assert metrics(at) == list(expected_headline(example(stem)).values())


def test_horizon_slider_changes_the_figures_like_the_engine():
    at = new_app()
    at.slider(key="w:horizon_years").set_value(5).run()
    no_failure(at)
    data = scenario(at)
    assert data["horizon_years"] == 5
    assert metrics(at) == list(expected_headline(data).values())


def test_vehicle_and_allocation_widgets():
    at = new_app()
    at.selectbox(key="w:vehicle").set_value("commercial_provider").run()
    at.radio(key="w:allocation").set_value("equal").run()
    no_failure(at)
    data = scenario(at)
    assert (data["vehicle"], data["allocation"]) == ("commercial_provider", "equal")
    assert metrics(at) == list(expected_headline(data).values())


def test_exit_risk_toggle():
    at = new_app()
    at.toggle(key="w:exit_risk").set_value(False).run()
    assert scenario(at)["exit_risk"] is False
    assert metrics(at) == list(expected_headline(scenario(at)).values())


def test_member_picker_drops_a_member_everywhere():
    at = new_app()
    before = scenario(at)["members"]
    at.multiselect(key="w:members").set_value(before[:3]).run()
    no_failure(at)
    data = scenario(at)
    assert data["members"] == before[:3]
    assert metrics(at) == list(expected_headline(data).values())


def test_member_picker_adds_a_member_from_the_sample():
    at = new_app()
    at.selectbox(key="_example_choice").set_value("b_shared_house").run()
    at.button[0].click().run()
    before = scenario(at)["members"]
    at.multiselect(key="w:members").set_value(before[:-1]).run()
    at.multiselect(key="w:members").set_value(before).run()
    data = scenario(at)
    assert data["members"] == before
    assert metrics(at) == list(expected_headline(data).values())


def _editor_key(at, prefix: str) -> str:
    keys = [e.key for e in at.data_editor if e.key and e.key.startswith(prefix)]
    assert keys, [e.key for e in at.data_editor]
    return keys[0]


def test_matrix_ticks_set_who_pools_what():
    at = new_app()
    key = _editor_key(at, "w:matrix")
    members = scenario(at)["members"]
    # untick payroll for the last member: pooling becomes an explicit list
    at.session_state[key] = {"edited_rows": {str(len(members) - 1): {"payroll_hr": False}},
                             "added_rows": [], "deleted_rows": []}
    at.run()
    no_failure(at)
    data = scenario(at)
    assert data["pooling"]["payroll_hr"] == members[:-1]
    assert data["pooling"]["accounting"] == "all"
    assert metrics(at) == list(expected_headline(data).values())


def test_a_function_ticked_by_one_member_is_an_inline_error_not_a_crash():
    at = new_app()
    data = copy.deepcopy(scenario(at))
    data["pooling"]["payroll_hr"] = data["members"][:1]
    at.session_state["scenario"] = data
    at.run()
    no_failure(at)
    assert at.error, "an inline error was expected"
    text = at.error[0].value
    assert "Fonctions mutualisées" in text and "Paie" in text
    assert not at.metric


def test_sites_editor_puts_members_on_a_shared_site():
    at = new_app()
    at.selectbox(key="_example_choice").set_value("b_shared_house").run()
    at.button[0].click().run()
    key = _editor_key(at, "w:sites")
    at.session_state[key] = {"edited_rows": {"0": {"site": "autre_maison"}},
                             "added_rows": [], "deleted_rows": []}
    at.run()
    no_failure(at)
    data = scenario(at)
    sites = {s["id"]: s["members"] for s in data["sites"]}
    assert sites["autre_maison"] == [data["members"][0]]
    assert data["members"][0] not in sites["maison_saint_gilles"]
    if at.metric:
        assert metrics(at) == list(expected_headline(data).values())


def test_engine_figures_equal_for_a_modified_scenario_in_dutch():
    at = new_app("nl")
    at.slider(key="w:horizon_years").set_value(12).run()
    assert metrics(at) == list(expected_headline(scenario(at), "nl").values())
    assert engine_result(scenario(at)).summary["horizon_years"] == 12
