"""The Results page offers the board brief (PDF and HTML) in the session's language."""

from __future__ import annotations

import pytest
from app_harness import goto, new_app, no_failure

from ui.i18n import t


@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_results_page_offers_the_brief(lang):
    at = goto(new_app(lang), "results")
    no_failure(at)
    labels = [b.proto.label for b in at.get("download_button")]
    assert t("brief.button", lang=lang) in labels
    assert t("brief.button.html", lang=lang) in labels
    if lang == "fr":
        assert "Télécharger la note" in labels


def test_brief_download_builds_the_note_of_the_scenario_on_screen():
    """The button's callback returns the brief of exactly the result the page shows."""
    from simulator import load_scenario
    from ui import engine

    data = load_scenario("scenarios/d_tiny_commercial_provider.yaml").to_dict()
    view = engine._simulate_cached(engine.canonical(data), "sample", None)
    html = engine.brief_download(view, "nl", "html", "d.yaml")().decode("utf-8")
    from markupsafe import escape

    from simulator.examples import title_for

    assert str(escape(title_for(data["name"], "nl"))) in html and "<svg" in html  # the example's Dutch title
    assert "mutualise brief d.yaml --out brief.pdf --lang nl --draws 10000 --seed 1" in html
