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


@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_funding_page_offers_the_funders_brief(lang):
    """After a run, the Funding page offers the funder's note (PDF and HTML) in the session's language."""
    at = goto(new_app(lang), "funding")
    at.number_input(key="funding_size").set_value(150)
    at.number_input(key="funding_draws").set_value(10)
    at.button(key="funding_run").click().run()
    no_failure(at)
    buttons = {b.proto.label: b for b in at.get("download_button")}
    assert t("brief.button", lang=lang) in buttons
    assert t("brief.button.html", lang=lang) in buttons
    assert t("brief.section.sector", lang=lang) in " ".join(m.value for m in at.markdown)


def test_funders_brief_download_prints_the_comparison_on_screen():
    """The Funding page's callback prints the page's own comparison: same figures, its settings in
    the reproduce command."""
    from simulator.formatting import money
    from ui import engine

    path = engine.FUNDING_DIR / "funding_options.yaml"
    text = path.read_text(encoding="utf-8")
    settings = {"file": "funding_options", "population": "generated", "size": 150, "seed": 3, "draws": 10,
                "text": text, "name": path.name}
    view = engine.compare_funding(text, path.name, "generated", None, 150, 3, 10)
    html = engine.sector_brief_download(view, settings, "en", "html")().decode("utf-8")
    assert ("mutualise brief scenarios/funding/funding_options.yaml --out brief.pdf --lang en --draws 10 "
            "--seed 3 --generate 150") in html
    for record in view.records:
        assert money(record["public_cost_npv_eur"], "en") in html
    assert html.count("<svg") == 2
