"""The app never corrupts or loses a pool (issue 12, classes 8–11): widgets hold codes in every
language, a change sent before the first drawing finished is not taken for the user's, the URL
always holds the scenario (F5 restores it), and a new pool starts clean."""

from __future__ import annotations

from app_harness import goto, new_app, no_failure, scenario, set_language

from ui import share, state
from ui.i18n import t


def test_switching_language_then_touching_a_widget_keeps_codes():
    """AppTest, like a browser, sends back the label it drew; it must never become the value."""
    at = new_app()
    before = scenario(at)
    for lang in ("nl", "en", "fr"):
        set_language(at, lang)
        at.slider(key="w:horizon_years").set_value(7).run()  # touch another widget
        no_failure(at)
        after = scenario(at)
        assert (after["vehicle"], after["allocation"]) == (before["vehicle"], before["allocation"])
        assert after["members"] == before["members"] and after["horizon_years"] == 7
        assert not at.error, [e.value for e in at.error]
        at.slider(key="w:horizon_years").set_value(before["horizon_years"]).run()


def test_every_choice_widget_on_every_page_holds_codes_after_a_switch():
    for page in ("pool", "compare", "fair_split", "assumptions"):
        at = goto(new_app(), page)
        set_language(at, "nl")
        no_failure(at)
        labels = {w.key: w.value for w in [*at.selectbox, *at.multiselect, *at.radio]
                  if w.key and w.key != "_lang_selector"}
        for key, value in labels.items():
            values = value if isinstance(value, list) else [value]
            for v in values:
                assert v is None or " " not in str(v) or key == "_example_choice", (page, key, v)


def test_a_change_from_an_unfinished_first_drawing_is_ignored():
    """A click before the first page finished drawing sends the widgets' blank defaults
    (horizon 1, exit risk off, empty name): they must not overwrite the scenario."""
    at = new_app()
    before = scenario(at)
    at.session_state[state.PENDING] = {"w:horizon_years", "w:exit_risk", "w:name"}
    at.slider(key="w:horizon_years").set_value(1)
    at.toggle(key="w:exit_risk").set_value(False)
    at.text_input(key="w:name").set_value("")
    at.run()
    no_failure(at)
    after = scenario(at)
    assert (after["horizon_years"], after["exit_risk"], after["name"]) == \
        (before["horizon_years"], before["exit_risk"], before["name"])
    assert at.slider(key="w:horizon_years").value == before["horizon_years"]
    # once the page has finished drawing, the same change is the user's
    at.slider(key="w:horizon_years").set_value(3).run()
    assert scenario(at)["horizon_years"] == 3


def test_the_url_always_holds_the_scenario_and_a_reload_restores_it():
    at = new_app()
    assert share.decode(at.query_params["s"]) == scenario(at)
    at.slider(key="w:horizon_years").set_value(4).run()
    at.text_input(key="w:name").set_value("Notre pool").run()
    edited = scenario(at)
    token = at.query_params["s"]
    assert share.decode(token) == edited  # no button needed
    # F5: a new session opened on the same URL
    again = new_app(query={"s": token, "lang": "fr"})
    no_failure(again)
    assert scenario(again) == edited
    assert again.slider(key="w:horizon_years").value == 4


def test_the_url_follows_the_language():
    at = new_app("nl")
    assert at.query_params["lang"] == "nl"


def test_a_new_pool_starts_clean():
    at = new_app()
    data = scenario(at)
    assert data.get("funding") and data.get("description")  # the first example has both
    at.button(key="_new_pool").click().run()
    no_failure(at)
    clean = scenario(at)
    assert clean["funding"] == {} and clean["description"] == "" and clean["parameters"] == {}
    assert clean["name"] == t("pool.new_name", lang="fr")
    assert (clean["members"], clean["vehicle"]) == (data["members"], data["vehicle"])
    assert not any(i.value.startswith(t("pool.carried", lang="fr", items="")[:20]) for i in at.info)


def test_what_carries_over_is_visible_and_removable():
    at = new_app()
    data = scenario(at)
    assert data["funding"]
    shown = [i.value for i in at.info if i.value.startswith(t("pool.carried", lang="fr", items="")[:20])]
    assert shown and t("pool.carried.funding", lang="fr") in shown[0]
    at.button(key="_remove_funding").click().run()
    no_failure(at)
    assert scenario(at)["funding"] == {}
    assert scenario(at)["members"] == data["members"]
