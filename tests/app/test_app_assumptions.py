"""Every assumption is visible and editable; changes are checked, marked and can be reset."""

from __future__ import annotations

import pytest
from app_harness import expected_headline, goto, metrics, new_app, no_failure, scenario

from simulator.catalogue import parameter_catalogue
from simulator.translations.param_sources import SOURCES
from ui.formatting import number
from ui.i18n import t
from ui.i18n.units import unit_label

NAME = "finance.discount_rate"


def position(name: str) -> int:
    return parameter_catalogue()["name"].tolist().index(name)


def assumptions_page(lang: str = "fr"):
    return goto(new_app(lang), "assumptions")


def editor_key(at) -> str:
    return next(e.key for e in at.data_editor if e.key and e.key.startswith("w:params"))


def edit(at, name: str, value: str):
    at.session_state[editor_key(at)] = {"edited_rows": {str(position(name)): {"value": value}},
                                        "added_rows": [], "deleted_rows": []}
    return at.run()


def test_the_table_lists_every_parameter_with_unit_range_source_and_grade():
    at = assumptions_page()
    no_failure(at)
    catalogue = parameter_catalogue()
    table = at.data_editor[0].value.set_index(catalogue["name"])
    assert len(table) == len(catalogue)
    assert table["unit"].tolist() == [unit_label(u, "fr") for u in catalogue["unit"]]
    assert table["source"].tolist() == [SOURCES[n]["fr"] for n in catalogue["name"]]
    assert table["grade"].str[:3].tolist() == [f"[{g}]" for g in catalogue["grade"]]
    assert not table["changed"].any()
    # Belgian digits, shares and rates in %, no float noise
    assert table.loc["salary.bookkeeper", "value"] == number(3400, "fr")
    assert table.loc["employer_cost.social_rate", "value"] == "32,4"
    assert table.loc["employer_cost.social_rate", "unit"] == "%"
    assert table.loc[NAME, "value"] == "3" and table.loc[NAME, "unit"] == "% par an"
    assert table.loc["employer_cost.months_per_year", "value"] == "13,92"
    assert table.loc["exit.hazard", "range"] == "2 – 15"


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_every_unit_and_source_is_translated(lang):
    catalogue = parameter_catalogue()
    from simulator.labels import UNIT_LABELS

    assert not [u for u in set(catalogue["unit"]) if u not in UNIT_LABELS]
    assert unit_label("EUR/month", lang) != "€/month"
    assert not [n for n in catalogue["name"] if lang not in SOURCES.get(n, {})]


def test_dutch_numbers_are_typed_and_shown_the_belgian_way():
    at = assumptions_page("nl")
    table = at.data_editor[0].value.set_index(parameter_catalogue()["name"])
    assert table.loc["salary.bookkeeper", "value"] == "3.400"
    at = edit(at, "salary.bookkeeper", "3.450,5")
    no_failure(at)
    assert scenario(at)["parameters"] == {"salary.bookkeeper": 3450.5}


def test_a_value_that_is_not_a_number_is_refused_in_words():
    at = edit(assumptions_page(), NAME, "trois")
    no_failure(at)
    assert at.error and t("assumptions.not_a_number", lang="fr", value="trois") in at.error[0].value
    assert scenario(at).get("parameters", {}) == {}


def test_a_changed_value_is_applied_marked_and_computed_by_the_engine():
    at = edit(assumptions_page(), NAME, "5")  # typed in %
    no_failure(at)
    assert scenario(at)["parameters"] == {NAME: pytest.approx(0.05)}
    table = at.data_editor[0].value
    assert table["changed"].tolist()[position(NAME)]
    assert any("1 hypothèse modifiée" in m.value for m in at.markdown)
    goto(at, "pool")
    assert metrics(at) == list(expected_headline(scenario(at)).values())


def test_an_out_of_range_value_is_refused_inline():
    at = edit(assumptions_page(), NAME, "-200")
    no_failure(at)
    text = at.error[0].value if at.error else ""
    from simulator.translations.params import DESCRIPTIONS

    assert DESCRIPTIONS[NAME]["fr"] in text and "-200 % est hors de la plage admise, -5 – 50 %" in text
    assert "finance.discount_rate" not in text
    assert scenario(at).get("parameters", {}) == {}


def test_reset_one_and_reset_all():
    at = edit(assumptions_page(), NAME, "5")
    edit(at, "setup.overrun_factor", "1,5")
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
    assert table["value"].tolist()[position("setup.overrun_factor")] == "1,55"


def test_grade_filter():
    at = assumptions_page()
    at.multiselect(key="assumptions_grades").set_value(["B"]).run()
    table = at.data_editor[0].value
    assert set(table["grade"].str[:3]) == {"[B]"}
