"""The Batch runs page opens a batch folder and shows exactly what ``simulator.batch.summarise``
returns: status line, one chart against a factor, the best variants; a wrong folder is a calm
warning, in every language."""

from __future__ import annotations

from pathlib import Path

import pytest
from app_harness import all_text, goto, new_app, no_failure, plotly_array, plotly_figures

from simulator import batch
from ui.formatting import money
from ui.i18n import t

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return batch.run({"name": "page grid", "base": str(ROOT / "scenarios" / "a_medical_centres_employer_group.yaml"),
                      "factors": {"parameters.finance.discount_rate": [0.03, 0.05],
                                  "vehicle": ["employer_group", "cost_sharing_association"]}},
                     tmp_path_factory.mktemp("batch") / "out")


def open_page(folder: Path | str, lang: str = "fr"):
    at = goto(new_app(lang), "batch")
    at.text_input(key="batch_folder_input").set_value(str(folder)).run()
    return at


@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_page_charts_the_folder_as_the_engine_summarises_it(folder, lang):
    at = open_page(folder, lang)
    no_failure(at)
    text = all_text(at)
    assert "page grid" in text and "1/1" in text
    summary = batch.summarise(folder, "npv")
    [figure] = plotly_figures(at)
    shown = sorted(v for trace in figure["data"] for v in plotly_array(trace["y"]))
    assert shown == sorted(summary["mean"].tolist())
    best = summary.sort_values("mean", ascending=False)
    table = at.dataframe[0].value
    assert table[t("batch.col.value", lang)].tolist() == [money(v, lang) for v in best["mean"]]


def test_split_by_a_second_factor_draws_one_series_per_value(folder):
    at = open_page(folder)
    at.selectbox(key="batch_colour").set_value("vehicle").run()
    no_failure(at)
    [figure] = plotly_figures(at)
    assert sorted(trace["name"] for trace in figure["data"]) == ["cost_sharing_association", "employer_group"]


@pytest.mark.parametrize("where", ["nowhere", "tmp"])
def test_a_wrong_folder_is_a_warning_not_a_traceback(tmp_path, where):
    at = open_page(tmp_path / "nowhere" if where == "nowhere" else tmp_path)
    no_failure(at)
    assert len(at.warning) == 1 and not at.exception
    assert not plotly_figures(at)


@pytest.fixture(scope="module")
def study_folder(tmp_path_factory):
    return batch.run({"name": "page study",
                      "base": {"study": str(ROOT / "scenarios" / "funding" / "funding_options.yaml"),
                               "population": {"generate": 200, "seed": 1}},
                      "factors": {"sector.participation.threshold_eur": [250, 1000]}},
                     tmp_path_factory.mktemp("batch") / "study")


@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_a_sector_study_is_charted_per_funding_option(study_folder, lang, monkeypatch):
    # AppTest formats widget options in the test's thread, outside the page's session: same language
    monkeypatch.setattr("ui.i18n.DEFAULT_LANGUAGE", lang)
    at = open_page(study_folder, lang)
    no_failure(at)
    assert at.selectbox(key="batch_colour").value == "option"  # split by funding option by default
    metrics = batch.read_manifest(study_folder)["metrics"]
    at.selectbox(key="batch_metric").select_index(metrics.index("frontline_fte_freed")).run()
    no_failure(at)
    text = all_text(at)
    assert "page study" in text and t("batch.study", lang, options="no_funding, startup_grant").split("(")[0] in text
    summary = batch.summarise(study_folder, "frontline_fte_freed")
    [figure] = plotly_figures(at)
    assert sorted(trace["name"] for trace in figure["data"]) == sorted(set(summary["option"]))
    shown = sorted(v for trace in figure["data"] for v in plotly_array(trace["y"]))
    assert shown == pytest.approx(sorted(summary["mean"].tolist()))
    table = at.dataframe[0].value
    assert t("batch.option", lang) in table.columns
