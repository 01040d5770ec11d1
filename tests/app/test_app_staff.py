"""Pool set-up: the staff-transition shares and the co-funding switch (MODEL.md §8.3)."""

from __future__ import annotations

from app_harness import expected_headline, metrics, new_app, no_failure, scenario


def test_transition_sliders_and_cofunding_switch_write_the_scenario():
    at = new_app()
    at.slider(key="w:staff_transition.redeployment").set_value(0.5).run()
    at.slider(key="w:staff_transition.dismissal").set_value(0.25).run()
    at.toggle(key="w:cofunding_follows_worker").set_value(True).run()
    no_failure(at)
    data = scenario(at)
    assert data["staff_transition"] == {"redeployment": 0.5, "dismissal": 0.25}
    assert data["cofunding_follows_worker"] is True
    assert metrics(at) == list(expected_headline(data).values())
    # the rest of the surplus is left to attrition, said in the user's language
    assert any("Laissé aux départs naturels : 25" in c.value for c in at.caption)


def test_shares_over_one_are_refused_in_plain_french():
    at = new_app()
    at.slider(key="w:staff_transition.redeployment").set_value(0.8).run()
    at.slider(key="w:staff_transition.dismissal").set_value(0.5).run()
    no_failure(at)
    assert any("ensemble au plus 1" in e.value for e in at.error), [e.value for e in at.error]


def test_a_bought_site_is_compared_with_renting_on_the_results_page():
    from app_harness import engine_result, goto

    at = new_app()
    at.selectbox(key="_example_choice").set_value("b_shared_house").run()
    at.button[0].click().run()
    data = scenario(at)
    data["sites"][0]["purchase"] = {"price_eur": 2_500_000.0, "loan_share": 0.8, "loan_years": 20}
    at.session_state["scenario"] = data
    at = goto(at, "results")
    no_failure(at)
    cmp = engine_result(scenario(at)).summary["buy_vs_rent"]
    infos = [i.value for i in at.info if "Acheter le site" in i.value]
    assert len(infos) == 1 and ("de mieux" in infos[0]) == (cmp["buy_minus_rent_eur"] >= 0)
    # how sure: the P10–P90 of buy − rent over the headline's draws, in Belgian format
    from simulator.headline import headline
    from ui.formatting import money

    band = headline(scenario_model(scenario(at))).buy_vs_rent
    assert f"entre {money(band['p10_eur'], 'fr')} et {money(band['p90_eur'], 'fr')} (P10–P90)" in infos[0]
    assert "l'achat l'emporte dans" in infos[0] and "Un seul calcul" not in infos[0]
    assert scenario(at)["sites"][0]["purchase"]["price_eur"] == 2_500_000.0  # the pool page kept it


def _purchase_editor_key(at) -> str:
    keys = [e.key for e in at.data_editor if e.key and e.key.startswith("w:purchase")]
    assert len(keys) == 1, [e.key for e in at.data_editor]
    return keys[0]


def test_the_purchase_table_buys_a_site_and_an_emptied_price_rents_it_again():
    at = new_app()
    at.selectbox(key="_example_choice").set_value("b_shared_house").run()
    at.button[0].click().run()
    key = _purchase_editor_key(at)
    at.session_state[key] = {"edited_rows": {"0": {"price": 1_800_000.0, "loan_share": 60.0, "loan_years": 25}},
                             "added_rows": [], "deleted_rows": []}
    at.run()
    no_failure(at)
    data = scenario(at)
    # percent in the table, a share in the scenario; whole years stay whole
    assert data["sites"][0]["purchase"] == {"price_eur": 1_800_000.0, "loan_share": 0.6, "loan_years": 25}
    assert metrics(at) == list(expected_headline(data).values())
    # a price alone takes the table's defaults for the loan (80 %, 20 years)
    at.session_state[_purchase_editor_key(at)] = {"edited_rows": {"0": {"loan_share": None, "loan_years": None}},
                                                  "added_rows": [], "deleted_rows": []}
    at.run()
    assert scenario(at)["sites"][0]["purchase"] == {"price_eur": 1_800_000.0, "loan_share": 0.8, "loan_years": 20}
    # emptying the price rents the site again: no purchase left in the scenario
    at.session_state[_purchase_editor_key(at)] = {"edited_rows": {"0": {"price": None}},
                                                  "added_rows": [], "deleted_rows": []}
    at.run()
    no_failure(at)
    assert "purchase" not in scenario(at)["sites"][0]
    assert metrics(at) == list(expected_headline(scenario(at)).values())


def scenario_model(data):
    from simulator.model import compile_scenario
    from simulator.scenario import Scenario

    return compile_scenario(Scenario.from_dict(data))


def test_a_bought_site_survives_a_language_switch_and_is_told_in_dutch():
    from app_harness import goto, set_language

    at = new_app()
    at.selectbox(key="_example_choice").set_value("b_shared_house").run()
    at.button[0].click().run()
    at.session_state[_purchase_editor_key(at)] = {"edited_rows": {"0": {"price": 1_800_000.0}},
                                                  "added_rows": [], "deleted_rows": []}
    at.run()
    bought = scenario(at)["sites"][0]["purchase"]
    set_language(at, "nl")
    no_failure(at)
    assert scenario(at)["sites"][0]["purchase"] == bought  # the switch lost nothing
    at = goto(at, "results")
    no_failure(at)
    infos = [i.value for i in at.info if "De site kopen" in i.value]
    assert len(infos) == 1 and "(P10–P90)" in infos[0] and "kopen wint in" in infos[0], infos
    assert "buy_minus_rent" not in infos[0] and "purchase." not in infos[0]  # no internal code shows
