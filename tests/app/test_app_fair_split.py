"""The Fair split page shows exactly what ``simulator.games.fair_split`` returns for the scenario
being edited (table, chart, core sentences, VAT verdicts) in every language, suggests pools as
``partition_candidates`` does, and survives one pooled function or more than 20 members."""

from __future__ import annotations

import copy
import re

import pytest
from app_harness import (
    all_text,
    example,
    goto,
    new_app,
    no_failure,
    plotly_array,
    plotly_figures,
    scenario,
)

from ui.formatting import money, number
from ui.i18n import t


def engine_split(data, samples=None, seed=0):
    from simulator import Scenario
    from simulator.games.scenario_split import fair_split

    return fair_split(Scenario.from_dict(data), samples=samples, seed=seed)


def open_page(lang: str = "fr", data=None):
    at = new_app(lang)
    if data is not None:
        at.session_state["scenario"] = data
    return goto(at, "fair_split")


def label(method, lang):
    return t(f"fair.method.{method}", lang=lang)


@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_table_shows_the_engine_split(lang):
    at = open_page(lang)
    no_failure(at)
    report = engine_split(scenario(at))
    assert at.title[0].value == t("fair.title", lang=lang)
    table = at.dataframe[0].value
    methods = list(dict.fromkeys(report["method"]))
    assert methods == ["shapley", "nucleolus", "scrb", "proportional", "equal"]
    first = report[report.method == methods[0]]
    assert table[t("fair.col.member", lang=lang)].tolist() == first["name"].tolist()
    assert table[t("fair.col.standalone", lang=lang)].tolist() == \
        [money(v, lang) for v in first["standalone"]]
    for m in methods:
        rows = report[report.method == m]
        pays = table[t("fair.col.pays", lang=lang, method=label(m, lang))].tolist()
        gain = table[t("fair.col.gain", lang=lang, method=label(m, lang))].tolist()
        ok = table[t("fair.col.rational", lang=lang, method=label(m, lang))].tolist()
        assert pays == [money(v, lang) for v in rows["pays"]], m
        assert gain == [money(v, lang) for v in rows["gain"]], m
        assert ok == [t("common.yes", lang=lang) if r else t("common.no_loses", lang=lang)
                      for r in rows["individually_rational"]], m
    summary = t("fair.summary", lang=lang, cost=money(report.attrs["grand_cost"], lang),
                standalone=money(report.attrs["standalone_total"], lang))
    assert summary in [m.value for m in at.markdown]
    assert "[fair." not in all_text(at)


def test_losers_are_red():
    """Exactly the cells (pays, gain, gains?) of members worse off than alone are red."""
    at = open_page()
    report = engine_split(scenario(at))
    styles = at.dataframe[0].proto.arrow_data.styler.styles
    assert "#c0392b" in styles
    red = {(int(r), int(c)) for r, c in re.findall(r"_row(\d+)_col(\d+)", styles)}
    expected = set()
    for k, m in enumerate(dict.fromkeys(report["method"])):
        rational = report.loc[report.method == m, "individually_rational"].tolist()
        expected |= {(r, 2 + 3 * k + j) for r, ok in enumerate(rational) if not ok for j in range(3)}
    assert red == expected


def test_chart_draws_what_each_member_pays():
    at = open_page("en")
    report = engine_split(scenario(at))
    figure = plotly_figures(at)[0]
    bars = [tr for tr in figure["data"] if tr["type"] == "bar"]
    methods = list(dict.fromkeys(report["method"]))
    assert [b["name"] for b in bars] == [label(m, "en") for m in methods]
    for bar, m in zip(bars, methods, strict=True):
        assert plotly_array(bar["y"]) == pytest.approx(report.loc[report.method == m, "pays"].tolist())
    alone = next(tr for tr in figure["data"] if tr["type"] == "scatter")
    assert plotly_array(alone["y"]) == pytest.approx(
        report.loc[report.method == "shapley", "standalone"].tolist())
    assert "€" in figure["layout"]["yaxis"]["title"]["text"]
    assert t("common.chart_data", lang="en") in [d.proto.label for d in at.get("download_button")]


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_core_sentences_and_vat_verdicts(lang):
    from simulator.games import allocation_summary

    at = open_page(lang)
    report = engine_split(scenario(at))
    summary = allocation_summary(report)
    names = dict(zip(report["member"], report["name"], strict=False))
    texts = [w.value for w in at.warning] + [s.value for s in at.success]
    for method, row in summary.iterrows():
        group = ", ".join(names[m] for m in str(row["blocking_coalition"]).split(" + "))
        key = "fair.core.out_one" if " + " not in str(row["blocking_coalition"]) else "fair.core.out_group"
        expected = t(key, lang=lang, method=label(method, lang), group=group,
                     amount=money(row["blocking_amount"], lang))
        assert any(text.startswith(expected) for text in texts), expected
    vat = at.dataframe[1].value
    status = dict(zip(vat.iloc[:, 0], vat.iloc[:, 1], strict=True))
    assert status[label("proportional", lang)] == t("fair.vat.status.safe", lang=lang)
    assert status[label("shapley", lang)] == t("fair.vat.status.to_document", lang=lang)


def test_taxable_vehicle_says_vat_does_not_depend_on_the_key():
    at = open_page("en", example("a_variant_commercial_provider"))
    no_failure(at)
    assert t("fair.vat.context.taxable", lang="en") in [i.value for i in at.info]


def test_one_pooled_function():
    data = copy.deepcopy(example("b_variant_it_only"))
    data["pooling"] = {"it_support": "all"}
    at = open_page("fr", data)
    no_failure(at)
    report = engine_split(scenario(at))
    table = at.dataframe[0].value
    assert table[t("fair.col.pays", lang="fr", method="Shapley")].tolist() == \
        [money(v, "fr") for v in report.loc[report.method == "shapley", "pays"]]


def test_many_members_use_sampled_shapley():
    from simulator.organisations import sample_organisations

    data = copy.deepcopy(example("a_medical_centres_employer_group"))
    data["members"] = list(sample_organisations().ids)[:24]
    data["pooling"] = {"accounting": "all"}
    data["vehicle"] = "cost_sharing_association"
    at = open_page("nl", data)
    no_failure(at)
    assert t("fair.too_many", lang="nl", n=24, limit=20) in [w.value for w in at.warning]
    report = engine_split(scenario(at), samples=2000, seed=0)
    table = at.dataframe[0].value
    assert table[t("fair.col.pays", lang="nl", method="Shapley")].tolist() == \
        [money(v, "nl") for v in report.loc[report.method == "shapley", "pays"]]
    assert "nucleolus" not in set(report["method"])
    unchecked = t("fair.core.unchecked", lang="nl", method="Shapley", limit=20)
    assert any(i.value.startswith(unchecked) for i in at.info)
    at.number_input(key="fair_samples").set_value(500)
    at.button(key="fair_run").click().run()
    no_failure(at)
    report = engine_split(scenario(at), samples=500, seed=0)
    assert at.dataframe[0].value[t("fair.col.pays", lang="nl", method="Shapley")].tolist() == \
        [money(v, "nl") for v in report.loc[report.method == "shapley", "pays"]]


def test_suggest_pools_shows_the_engine_partition():
    from simulator.games.candidates import partition_candidates

    at = open_page("en")
    at.multiselect(key="fair_pools_same").set_value(["subsector"])  # codes, not labels
    at.number_input(key="fair_pools_max_size").set_value(5)
    at.button(key="fair_pools_run").click().run()
    no_failure(at)
    result = partition_candidates(max_size=5, same=["subsector"])
    values = [m.value for m in at.metric]
    assert values == [money(result.total_benefit, "en"), number(len(result.pools), "en"),
                      number(len(result.alone), "en")]
    assert t("fair.pools.optimal", lang="en") in [c.value for c in at.caption]
    pool = at.dataframe[2].value
    first = result.pool_table.iloc[0]
    assert pool[t("fair.pools.col.member", lang="en")].tolist() == \
        result.members.loc[list(first["members"]), "name"].tolist()
    assert pool[t("fair.pools.col.gain", lang="en")].tolist() == \
        [money(v, "en") for v in result.members.loc[list(first["members"]), "gain"]]


def test_premises_without_a_shared_building_is_explained():
    at = open_page("fr")
    at.multiselect(key="fair_pools_functions").set_value(["premises", "accounting"])  # codes, not labels
    at.button(key="fair_pools_run").click().run()
    no_failure(at)
    assert t("fair.pools.needs_site", lang="fr") in [e.value for e in at.error]


def test_a_stable_pool_is_said_to_be_stable():
    data = {"name": "six ASBLs", "vehicle": "cost_sharing_association",
            "members": ["mm_colibri", "parole_exil", "aide_domicile_iris",
                        "thuiszorg_zonnewijzer", "grand_refuge", "la_clairiere"],
            "pooling": {"accounting": "all", "payroll_hr": "all", "it_support": "all",
                        "software": "all"}}
    at = new_app("en")
    at.session_state["scenario"] = {**scenario(at), **data}
    goto(at, "fair_split")
    no_failure(at)
    assert t("fair.core.exists", lang="en") in [i.value for i in at.info]
    assert t("fair.core.in", lang="en", method="Shapley") in [s.value for s in at.success]


def test_an_unstable_pool_is_said_to_be_unstable():
    at = open_page("nl")
    assert t("fair.core.empty", lang="nl") in [e.value for e in at.error]
