"""The Uncertainty page shows exactly what ``simulator.monte_carlo`` returns for the same
scenario, draws and seed: probability sentence, metrics, histogram, fan chart, tornado, members."""

from __future__ import annotations

import pytest
from app_harness import goto, metrics, new_app, no_failure, plotly_array, plotly_figures, scenario

from ui.formatting import money, money_card, number, percent
from ui.i18n import t
from ui.pages.uncertainty import DEFAULT_DRAWS, DEFAULT_SEED


def engine_mc(data, draws=DEFAULT_DRAWS, seed=DEFAULT_SEED):
    from simulator import Scenario, monte_carlo

    return monte_carlo(Scenario.from_dict(data), draws, seed)


def open_page(lang: str = "fr", stem: str | None = None):
    at = new_app(lang)
    if stem:
        at.selectbox(key="_example_choice").set_value(stem).run()
        at.button[0].click().run()
    return goto(at, "uncertainty")


def expected_metrics(summary, lang="fr"):
    payback = summary["payback_p50"]
    return [percent(summary["p_npv_positive"], lang, 1), money_card(summary["npv_p50"], lang),  # −1,03 M €
            money(abs(summary["saving_p50"]), lang),  # an extra cost is shown as such, unsigned
            t("headline.payback_value", lang=lang, year=int(payback)) if payback is not None
            else t("headline.payback_never", lang=lang)]


def test_default_run_shows_the_engine_figures():
    at = open_page()
    no_failure(at)
    mc = engine_mc(scenario(at))
    assert metrics(at) == expected_metrics(mc.summary)
    p = percent(mc.p_payback_within(4), "fr", 0)
    assert at.subheader[0].value == t("uncertainty.headline.other", lang="fr", p=p, years=4)
    assert f"{number(DEFAULT_DRAWS, 'fr')} tirages · graine {DEFAULT_SEED}" in at.caption[1].value


def test_new_draws_and_seed_rerun_the_engine():
    at = open_page("en", stem="c_purchasing_central")
    at.number_input(key="uncertainty_draws").set_value(3000)
    at.number_input(key="uncertainty_seed").set_value(7)
    at.button(key="uncertainty_run").click().run()
    no_failure(at)
    mc = engine_mc(scenario(at), 3000, 7)
    assert metrics(at) == expected_metrics(mc.summary, "en")
    at.select_slider(key="uncertainty_years").set_value(2).run()
    p = percent(mc.summary["p_payback_by_year"][2], "en", 0)
    assert at.subheader[0].value == t("uncertainty.headline.other", lang="en", p=p, years=2)


def test_charts_draw_the_engine_arrays_and_offer_their_data():
    at = open_page()
    mc = engine_mc(scenario(at))
    figures = plotly_figures(at)
    assert len(figures) == 4
    histogram, fan, tornado, members = figures
    shares = plotly_array(histogram["data"][0]["y"])
    assert sum(shares) == pytest.approx(100.0)
    assert "€" in histogram["layout"]["xaxis"]["title"]["text"]
    median = next(tr for tr in fan["data"] if tr.get("name") == t("uncertainty.median", lang="fr"))
    assert plotly_array(median["y"]) == pytest.approx(mc.fan["p50"].tolist())
    assert len(tornado["data"]) == 2 and tornado["data"][0]["orientation"] == "h"
    assert plotly_array(members["data"][0]["x"]) == pytest.approx(
        (100 * mc.member_probabilities["p_better_off"]).tolist())
    labels = [d.proto.label for d in at.get("download_button")]
    assert labels.count(t("common.chart_data", lang="fr")) == 4
    table = at.dataframe[0].value
    assert table.iloc[:, 0].tolist() == mc.member_probabilities["name"].tolist()


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_page_in_every_language(lang):
    at = open_page(lang)
    no_failure(at)
    assert at.title[0].value == t("uncertainty.title", lang=lang)
    assert at.metric[0].label == t("uncertainty.p_npv_positive", lang=lang)
    assert metrics(at) == expected_metrics(engine_mc(scenario(at)).summary, lang)


def test_scenario_with_shared_premises():
    at = open_page(stem="b_shared_house")
    no_failure(at)
    assert metrics(at) == expected_metrics(engine_mc(scenario(at)).summary)
