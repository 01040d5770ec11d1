"""The results page shows exactly the engine's figures: headline, waterfall, members, cash flows, VAT."""

from __future__ import annotations

import io
import zipfile

import pandas as pd
import pytest
from app_harness import (
    engine_result,
    example,
    expected_headline,
    goto,
    metrics,
    new_app,
    no_failure,
    plotly_array,
    plotly_figures,
    scenario,
)

from ui.formatting import money


def results_for(stem: str | None = None, lang: str = "fr"):
    at = new_app(lang)
    if stem:
        at.selectbox(key="_example_choice").set_value(stem).run()
        at.button[0].click().run()
    return goto(at, "results")


def test_headline_equals_the_engine():
    at = results_for()
    no_failure(at)
    assert metrics(at) == list(expected_headline(scenario(at)).values())


def test_waterfall_draws_the_engine_components():
    at = results_for("b_shared_house")
    result = engine_result(scenario(at))
    waterfall = next(f for f in plotly_figures(at) if f["data"][0]["type"] == "waterfall")
    drawn = plotly_array(waterfall["data"][0]["x"])
    engine = result.waterfall["value_eur"].astype(float).tolist()
    nonzero = [v for i, v in enumerate(engine) if i in (0, len(engine) - 1) or v != 0.0]
    assert drawn == pytest.approx(nonzero)
    measures = waterfall["data"][0]["measure"]
    assert measures[0] == "absolute" and measures[-1] == "total"
    assert "€" in waterfall["layout"]["xaxis"]["title"]["text"]
    assert waterfall["data"][0]["y"][0] == "Coût actuel"


def test_member_table_and_bars_show_who_gains_and_who_loses():
    at = results_for()
    members = engine_result(scenario(at)).members
    table = at.dataframe[0].value
    assert table.iloc[:, 0].tolist() == members["name"].tolist()
    assert table["Gain (€/an)"].tolist() == [money(v) for v in members["gain_eur"]]
    bars = next(f for f in plotly_figures(at) if f["data"][0]["type"] == "bar"
            and f["data"][0].get("orientation") == "h")
    assert plotly_array(bars["data"][0]["x"]) == pytest.approx(members["gain_eur"].tolist())
    colours = bars["data"][0]["marker"]["color"]
    for colour, ok in zip(colours, members["individually_rational"], strict=True):
        assert (colour == "#c0392b") == (not ok)
    losers = members.loc[~members["individually_rational"], "name"].tolist()
    if losers:
        assert any(all(name in e.value for name in losers) for e in at.error)


def test_cashflow_chart_marks_the_break_even_year():
    at = results_for("b_shared_house")
    result = engine_result(scenario(at))
    fig = next(f for f in plotly_figures(at) if len(f["data"]) == 2
           and f["data"][1]["type"] == "scatter")
    assert plotly_array(fig["data"][0]["y"]) == pytest.approx(
        result.cashflows["net_cashflow_eur"].tolist())
    assert plotly_array(fig["data"][1]["y"]) == pytest.approx(
        result.cashflows["cumulative_eur"].tolist())
    payback = result.summary["payback_year"]
    if payback is not None:
        assert any(s.get("x0") == payback for s in fig["layout"].get("shapes", []))
    assert fig["layout"]["xaxis"]["title"]["text"] == "Année"


def test_vat_panel_names_the_failed_conditions():
    at = results_for("a_variant_commercial_provider")
    no_failure(at)
    result = engine_result(scenario(at))
    assert not result.vat["exempt"]
    text = "\n".join(m.value for m in at.markdown)
    assert "prestataire prend une marge" in text
    assert "groupement autonome" in text
    assert any("Pas d'exonération" in w.value for w in at.warning)


def test_vat_panel_when_the_exemption_holds():
    at = results_for("b_shared_house")
    assert engine_result(scenario(at)).vat["exempt"]
    assert any("L'exonération tient" in s.value for s in at.success)


def test_every_chart_has_its_data_as_csv():
    at = results_for()
    labels = [d.proto.label for d in at.get("download_button")]
    assert labels.count("Données du graphique (CSV)") == len(at.get("plotly_chart")) == 3
    assert {"Résultats (Excel)", "Données brutes (CSV, zip)", "Données brutes (Excel)"} <= set(labels)


def test_result_exports_are_the_engine_exports():
    from ui import engine

    data = example("b_shared_house")
    view = engine._simulate_cached(engine.validate_json(
        __import__("json").dumps(data)), "sample", None)
    workbook = pd.read_excel(io.BytesIO(engine.results_excel(view)()), sheet_name=None)
    expected = engine_result(data).tables()
    assert set(workbook) == set(expected)
    assert workbook["members"]["gain_eur"].tolist() == pytest.approx(
        expected["members"]["gain_eur"].tolist())
    with zipfile.ZipFile(io.BytesIO(engine.results_csv_zip(view)())) as archive:
        assert {n.removesuffix(".csv") for n in archive.namelist()} == set(expected)


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_people_workbook_is_translated_and_carries_the_headline_on_screen(lang):
    from openpyxl import load_workbook

    from ui import engine
    from ui.i18n import t

    data = example("b_shared_house")
    view = engine._simulate_cached(engine.validate_json(
        __import__("json").dumps(data)), "sample", None)
    book = load_workbook(io.BytesIO(engine.results_workbook(view, lang)()))
    assert book.sheetnames[1] == t("workbook.sheet.members", lang=lang)
    members = book[book.sheetnames[1]]
    assert members["A1"].value == t("members.col.name", lang=lang)
    assert [c.value for c in members["A"][1:len(view.members) + 1]] == view.members["name"].tolist()
    items = {row[0].value: row[1].value for row in book[book.sheetnames[0]].iter_rows(min_row=2)}
    assert items[t("workbook.row.npv_p50", lang=lang)] == pytest.approx(view.headline["npv_p50_eur"], abs=0.005)


@pytest.mark.parametrize("lang,label", [("nl", "Mediane NCW"),
                                        ("en", "Median NPV")])
def test_results_in_other_languages(lang, label):
    at = results_for(lang=lang)
    no_failure(at)
    assert at.metric[0].label == label
    assert metrics(at) == list(expected_headline(scenario(at), lang).values())
