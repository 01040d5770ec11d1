"""Every assumption is visible and editable; changes are checked, marked and can be reset."""

from __future__ import annotations

from app_harness import expected_headline, goto, metrics, new_app, no_failure, scenario

from simulator.catalogue import parameter_catalogue

NAME = "finance.discount_rate"


def position(name: str) -> int:
    return parameter_catalogue()["name"].tolist().index(name)


def assumptions_page():
    return goto(new_app(), "assumptions")


def editor_key(at) -> str:
    return next(e.key for e in at.data_editor if e.key and e.key.startswith("w:params"))


def edit(at, name: str, value: float):
    at.session_state[editor_key(at)] = {"edited_rows": {str(position(name)): {"value": value}},
                                        "added_rows": [], "deleted_rows": []}
    return at.run()


def test_the_table_lists_every_parameter_with_unit_range_source_and_grade():
    at = assumptions_page()
    no_failure(at)
    catalogue = parameter_catalogue()
    table = at.data_editor[0].value
    assert len(table) == len(catalogue)
    assert table["value"].tolist() == catalogue["value"].tolist()
    assert table["unit"].tolist() == catalogue["unit"].tolist()
    assert table["source"].tolist() == catalogue["source"].tolist()
    assert table["grade"].str[:3].tolist() == [f"[{g}]" for g in catalogue["grade"]]
    assert not table["changed"].any()


def test_a_changed_value_is_applied_marked_and_computed_by_the_engine():
    at = edit(assumptions_page(), NAME, 0.05)
    no_failure(at)
    assert scenario(at)["parameters"] == {NAME: 0.05}
    table = at.data_editor[0].value
    assert table["changed"].tolist()[position(NAME)]
    assert any("1 hypothèse(s) modifiée(s)" in m.value for m in at.markdown)
    goto(at, "pool")
    assert metrics(at) == list(expected_headline(scenario(at)).values())


def test_an_out_of_range_value_is_refused_inline():
    at = edit(assumptions_page(), NAME, -2.0)
    no_failure(at)
    assert at.error and "finance.discount_rate" in at.error[0].value
    assert scenario(at).get("parameters", {}) == {}


def test_reset_one_and_reset_all():
    at = edit(assumptions_page(), NAME, 0.05)
    edit(at, "setup.overrun_factor", 1.5)
    assert set(scenario(at)["parameters"]) == {NAME, "setup.overrun_factor"}
    at.button(key=f"reset:{NAME}").click().run()
    assert set(scenario(at)["parameters"]) == {"setup.overrun_factor"}
    at.button(key="reset_all").click().run()
    no_failure(at)
    assert scenario(at)["parameters"] == {}


def test_overrides_from_an_example_are_marked():
    at = new_app()
    at.selectbox(key="_example_choice").set_value("a_variant_no_grant").run()
    at.button[0].click().run()
    goto(at, "assumptions")
    table = at.data_editor[0].value
    assert table["changed"].tolist()[position("setup.overrun_factor")]
    assert table["value"].tolist()[position("setup.overrun_factor")] == 1.55


def test_grade_filter():
    at = assumptions_page()
    at.multiselect(key="assumptions_grades").set_value(["B"]).run()
    table = at.data_editor[0].value
    assert set(table["grade"].str[:3]) == {"[B]"}
