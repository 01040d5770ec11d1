"""The funder in the app: the pool builder's funding panel, the public view on Results, the
Funding page (options side by side, P10–P90 bars, chart by commune, pools list, CSV)."""

from __future__ import annotations

from pathlib import Path

from app_harness import all_text, goto, new_app, no_failure, plotly_figures, scenario

from simulator import Scenario, simulate
from simulator.sector import compare_funding, generate_population, load_funding_options
from ui.formatting import money

OPTIONS = Path(__file__).resolve().parents[2] / "scenarios" / "funding" / "funding_options.yaml"


def test_funding_page_compares_the_options_the_engine_compares():
    at = new_app("en")
    goto(at, "funding")
    no_failure(at)
    assert "Funding options across the sector" in all_text(at)
    assert not at.get("plotly_chart")  # nothing runs before the click
    at.number_input(key="funding_size").set_value(150)
    at.number_input(key="funding_seed").set_value(1)
    at.number_input(key="funding_draws").set_value(20)
    at.button(key="funding_run").click().run()
    no_failure(at)
    expected = compare_funding(load_funding_options(OPTIONS), generate_population(150, 1), draws=20, seed=1)
    table = at.dataframe[0].value
    assert len(table) == len(expected.records)
    first = expected.records[1]
    assert table.iloc[1]["Public cost (PV)"] == money(first["public_cost_npv_eur"], "en")
    assert table.iloc[1]["Pools formed"] == str(first["pools_formed"])
    assert len(plotly_figures(at)) == 2  # banded bars and the chart by commune
    labels = [d.proto.label for d in at.get("download_button")]
    assert len(labels) >= 3  # table, each chart (and the pools list when pools form)
    at.session_state["funding_by"] = "subsector"
    at.run()
    no_failure(at)


def test_funding_panel_is_empty_for_a_pool_without_funding_and_edits_the_scenario():
    at = new_app("en")
    data = scenario(at)
    at.session_state["scenario"] = {**data, "funding": {}}
    at.run()
    no_failure(at)
    assert "No public funding" in all_text(at)
    at.toggle(key="w:fpanel:coordination_subsidy").set_value(True).run()
    no_failure(at)
    assert scenario(at)["funding"]["coordination_subsidy"] == {"eur_per_year": 10_000, "years": 3}
    at.number_input(key="w:funding.coordination_subsidy.eur_per_year").set_value(12_000).run()
    assert scenario(at)["funding"]["coordination_subsidy"]["eur_per_year"] == 12_000
    at.slider(key="w:funding.clawback_share").set_value(20).run()
    assert scenario(at)["funding"]["clawback_share"] == 0.2
    at.toggle(key="w:fpanel:coordination_subsidy").set_value(False).run()
    assert "coordination_subsidy" not in scenario(at)["funding"]


def test_results_show_the_funders_view_from_the_engine():
    at = new_app("en")
    goto(at, "results")
    no_failure(at)
    summary = simulate(Scenario.from_dict(scenario(at))).summary
    text = all_text(at)
    for label, key in (("Public cost (present value)", "public_cost_eur"), ("NPV with funding", "npv_eur"),
                       ("NPV without funding", "npv_without_funding_eur")):
        assert f"| {label} | {money(summary[key], 'en')} |" in text
    assert at.expander and at.expander[0].label == "The funder's view"


def test_a_pool_of_ones_own_members_does_not_inherit_the_examples_grant():
    from test_app_uploads import csv_comma, open_upload

    at = new_app()
    assert scenario(at).get("funding", {}).get("startup_grant")  # the default example has a grant
    open_upload(at).set_value(("members.csv", csv_comma(), "text/csv"))
    at.run()
    no_failure(at)
    assert not scenario(at).get("funding")
    assert simulate(Scenario.from_dict(scenario(at)), organisations=_orgs()).summary[
        "public_cost_eur"] == 0


def _orgs():
    from test_app_uploads import csv_comma

    from simulator.organisations import read_organisations

    return read_organisations(csv_comma(), name="members.csv")


def test_a_bad_options_upload_names_the_field_and_shows_no_traceback():
    at = new_app("en")
    goto(at, "funding")
    at.selectbox(key="funding_file").set_value("(upload)")
    at.get("file_uploader")[0].set_value(("mine.yaml", b"options:\n  - id: a\n    budget: {cap_eur: -5}\n",
                                          "application/x-yaml"))
    at.button(key="funding_run").click().run()
    no_failure(at)
    text = all_text(at)
    assert "cap_eur" in text and "must be at least 0" in text
    assert not at.get("plotly_chart")
