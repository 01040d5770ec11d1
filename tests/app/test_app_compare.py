"""Comparing two to four scenarios: the table shows each scenario's engine figures."""

from __future__ import annotations

import pytest
from app_harness import (
    engine_headline,
    engine_result,
    example,
    goto,
    new_app,
    no_failure,
    plotly_array,
    plotly_figures,
    scenario,
)

from ui.formatting import money, percent
from ui.i18n import t


def compare_page():
    return goto(new_app(), "compare")


def test_opens_on_the_current_scenario_and_its_example_variants():
    at = compare_page()
    no_failure(at)
    picked = at.multiselect(key="compare_pick").value
    assert picked[0] == "__current__" and len(picked) >= 2
    assert all(example(k.removeprefix("example:"))["members"] == scenario(at)["members"]
               for k in picked[1:])
    assert at.dataframe


def test_asks_for_two_scenarios():
    at = compare_page()
    at.multiselect(key="compare_pick").set_value(["__current__"]).run()
    no_failure(at)
    assert any("au moins deux" in i.value for i in at.info)


def expected_first_rows(data):
    """Monte Carlo first: median NPV, P(NPV > 0), median net result, then the central NPV."""
    head, summary = engine_headline(data), engine_result(data).summary
    return [money(head["npv_p50_eur"]), percent(head["p_npv_positive"], "fr", 1),
            money(head["net_result_p50_eur"]), money(summary["npv_eur"])]


def test_current_versus_two_examples():
    at = compare_page()
    picks = ["__current__", "example:a_variant_commercial_provider", "example:b_shared_house"]
    at.multiselect(key="compare_pick").set_value(picks).run()
    no_failure(at)
    table = at.dataframe[0].value
    datasets = [scenario(at), example("a_variant_commercial_provider"), example("b_shared_house")]
    from ui.pages.compare import short_names

    assert list(table.columns) == short_names([d["name"] for d in datasets])
    for column, data in zip(table.columns, datasets, strict=True):
        assert table[column].iloc[:4].tolist() == expected_first_rows(data)
    bars, lines = plotly_figures(at)
    assert len(bars["data"]) == len(lines["data"]) == 3
    first = engine_result(datasets[0]).cashflows["cumulative_eur"].tolist()
    assert plotly_array(lines["data"][0]["y"])[: len(first)] == pytest.approx(first)


def test_save_a_vehicle_variant_and_compare_it():
    at = compare_page()
    at.selectbox(key="compare_other_vehicle").set_value("commercial_provider")
    next(b for b in at.button if b.label == "Ajouter cette variante").click().run()
    no_failure(at)
    saved = at.session_state["saved_scenarios"]
    assert len(saved) == 1
    variant = next(iter(saved.values()))
    assert variant["vehicle"] == "commercial_provider"
    # the saved variant joins the comparison
    table = at.dataframe[0].value
    column = table.columns[-1]  # named by its distinguishing end
    assert variant["name"].endswith(column.removeprefix("…")) and column.endswith("Prestataire commercial")
    assert table[column].iloc[:4].tolist() == expected_first_rows(variant)


def test_no_premises_variant():
    at = new_app()
    at.selectbox(key="_example_choice").set_value("b_shared_house").run()
    at.button[0].click().run()
    goto(at, "compare")
    next(b for b in at.button if b.label == "Ajouter la variante sans locaux partagés").click().run()
    no_failure(at)
    variant = next(iter(at.session_state["saved_scenarios"].values()))
    assert "premises" not in variant["pooling"]
    assert at.dataframe


def test_at_most_four():
    at = compare_page()
    assert at.multiselect(key="compare_pick").max_selections == 4


def test_four_scenarios_fit_and_charts_have_titles():
    from ui.pages.compare import TABLE_WIDTH, short_names

    # the shared "Pool — " is dropped; a long rest keeps its end, where variants differ
    assert short_names(["Pool — a very long description of the first variant that goes on", "Pool — b"]) == \
        ["…ription of the first variant that goes on", "b"]
    assert short_names(["A — x — Employer group", "A — x — Commercial provider", "A — y"]) == \
        ["x — Employer group", "x — Commercial provider", "y"]
    assert short_names(["Same", "Same"]) == ["Same", "Same·"]
    at = goto(new_app(), "compare")
    figures = plotly_figures(at)
    assert [f["layout"]["title"]["text"] for f in figures] == [t("compare.chart_bars"), t("compare.chart_cumulative")]
    assert TABLE_WIDTH // 4 >= 140
