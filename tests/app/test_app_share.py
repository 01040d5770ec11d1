"""Save and share: YAML round trip, shareable link, downloads; bad input never crashes the app."""

from __future__ import annotations

import copy

import pytest
from app_harness import example, expected_headline, goto, metrics, new_app, no_failure, scenario

from simulator import Scenario
from ui import engine, share, state


def share_page(at=None):
    return goto(at or new_app(), "share")


def test_share_page_offers_yaml_link_and_result_downloads():
    at = share_page()
    no_failure(at)
    labels = [d.proto.label for d in at.get("download_button")]
    assert "Télécharger le scénario (YAML)" in labels
    assert {"Résultats (Excel)", "Données brutes (CSV, zip)", "Données brutes (Excel)"} <= set(labels)
    link = at.code[0].value
    assert "?s=" in link and "lang=fr" in link
    token = link.split("?s=", 1)[1].split("&", 1)[0]
    assert share.decode(token) == scenario(at)


def test_yaml_round_trip_is_exact():
    at = new_app()
    at.slider(key="w:horizon_years").set_value(7).run()
    at.radio(key="w:allocation").set_value("standalone").run()
    edited = scenario(at)
    text = engine.scenario_yaml(edited)
    assert Scenario.from_yaml(text).to_dict() == Scenario.from_dict(edited).to_dict()
    # load another example, then upload the YAML: same scenario, same figures
    at.selectbox(key="_example_choice").set_value("b_shared_house").run()
    at.button[0].click().run()
    share_page(at)
    at.get("file_uploader")[0].set_value(("mine.yaml", text.encode(), "application/x-yaml"))
    at.run()
    no_failure(at)
    assert any("ouvert" in s.value for s in at.success)
    assert scenario(at) == Scenario.from_dict(edited).to_dict()
    goto(at, "pool")
    assert metrics(at) == list(expected_headline(edited).values())


def test_every_example_round_trips_through_yaml():
    for stem in state.example_paths():
        data = example(stem)
        assert Scenario.from_yaml(engine.scenario_yaml(data)).to_dict() == data, stem


def test_a_shared_link_reopens_the_same_scenario():
    data = copy.deepcopy(example("b_shared_house"))
    data["horizon_years"] = 8
    at = new_app(query={"s": share.encode(data), "lang": "en"})
    no_failure(at)
    assert scenario(at) == Scenario.from_dict(data).to_dict()
    assert at.session_state["lang"] == "en"
    assert metrics(at) == list(expected_headline(data, "en").values())


@pytest.mark.parametrize("token", ["garbage", "A" * 70_000, share.encode({"a": 1})[:-5],
                                   "eJwDAAAAAAE", share.encode([1, 2, 3])])
def test_a_broken_link_shows_a_message_and_the_default_scenario(token):
    at = new_app(query={"s": token})
    no_failure(at)
    assert at.error
    assert scenario(at) == example(next(iter(state.example_paths())))
    assert at.metric


def test_a_link_with_an_invalid_scenario_names_the_field():
    bad = copy.deepcopy(example("b_shared_house"))
    bad["horizon_years"] = 500
    at = new_app(query={"s": share.encode(bad)})
    no_failure(at)
    assert at.error and "Horizon" in at.error[0].value and "50" in at.error[0].value


def test_share_codec_round_trip_and_limits():
    data = example("c_purchasing_central")
    token = share.encode(data)
    assert share.decode(token) == data
    assert len(token) < 2000
    import zlib

    bomb = __import__("base64").urlsafe_b64encode(zlib.compress(b"[" * 5_000_000)).decode()
    with pytest.raises(share.ShareError):
        share.decode(bomb.rstrip("="))
