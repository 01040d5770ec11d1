"""The Method page's evidence section: the back-test of documented cases, in fr, nl and en.

What the page shows must be what the engine returns: the sentence's counts, one chart row and
one table row per reported outcome, each reported value against its band.
"""

from __future__ import annotations

import pytest
from app_harness import all_text, goto, new_app, no_failure, plotly_figures

from simulator.backtest import backtest
from ui import engine
from ui.formatting import percent
from ui.i18n import t


@pytest.fixture(scope="module")
def expected():
    return backtest(None, engine.EVIDENCE_DRAWS, 2024)


@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_method_page_states_how_many_cases_the_band_contained(expected, lang):
    at = goto(new_app(lang), "method")
    no_failure(at)
    s = expected.summary
    text = all_text(at)
    assert t("evidence.title", lang=lang) in text
    assert t("evidence.sentence", lang=lang, n=s["outcomes"], cases=s["cases"],
             m=s["outcomes_inside"]) in text
    assert t("evidence.expected", lang=lang, se=percent(s["coverage_se_if_calibrated"], lang, 0),
             below=s["below_band"], above=s["above_band"]) in text

    case_column = t("evidence.col.case", lang=lang)
    table = next(d.value for d in at.dataframe if case_column in d.value.columns)
    assert len(table) == len(expected.records)
    inside = table[t("evidence.col.inside", lang=lang)].tolist()
    assert inside == [t("evidence.yes" if r["inside_band"] else "evidence.no", lang=lang)
                      for r in expected.records]


def test_chart_puts_each_reported_value_against_its_band(expected):
    at = goto(new_app("en"), "method")
    fig = next(f for f in plotly_figures(at) if len(f["data"]) == 3 * len(expected.records))
    for k, r in enumerate(expected.records):
        band, median, reported = fig["data"][3 * k: 3 * k + 3]
        assert band["x"] == pytest.approx([r["p10"], r["p90"]])
        assert median["x"] == pytest.approx([r["p50"]])
        assert reported["x"] == pytest.approx([r["reported"]])
        colour = reported["marker"]["color"]
        assert (colour == "#2e7d5b") == r["inside_band"]
