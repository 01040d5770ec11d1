"""Headline cards fit a seven-digit amount on a 1,366-pixel screen (issue 13): nothing is cut
with an ellipsis, the card shows the compact amount and its help the exact one."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from browser_env import ROOT, WAIT_MS

pytestmark = pytest.mark.browser

#: For each card's amount and P10–P90 band: is its text wider than its box (cut with an ellipsis)?
CUT = """els => els.map(e => {
  const boxes = [e, ...e.querySelectorAll('div, p')];
  return {text: e.innerText.trim(), cut: boxes.some(b => b.scrollWidth > b.clientWidth + 1)};
})"""
CARDS = '[data-testid="stMetricValue"], [data-testid="stMetricDelta"]'



def example(stem: str) -> dict:
    from simulator import load_scenario

    return json.loads(load_scenario(Path(ROOT) / "scenarios" / f"{stem}.yaml").canonical_json())


@pytest.mark.parametrize(("lang", "width"), [("fr", 1366), ("nl", 1366), ("en", 1366), ("fr", 1280)])
def test_a_seven_digit_median_npv_fits_its_card(browser, app_url, lang, width):
    from simulator.headline import headline
    from ui import share
    from ui.formatting import money_card

    data = example("b_shared_house")  # median NPV about −1,05 million euro
    head = headline(Path(ROOT) / "scenarios" / "b_shared_house.yaml").as_dict()
    assert abs(head["npv_p50_eur"]) >= 1_000_000, "the example no longer has a seven-digit NPV"
    expected = money_card(head["npv_p50_eur"], lang)
    context = browser.new_context(viewport={"width": width, "height": 900})
    tab = context.new_page()
    tab.set_default_timeout(WAIT_MS)
    try:
        tab.goto(f"{app_url}/results?s={share.encode(data)}&lang={lang}")
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:  # the page reruns and restyles: wait for a settled layout
            shown = tab.locator(CARDS).evaluate_all(CUT)
            if shown and shown[0]["text"] == expected and not any(s["cut"] for s in shown):
                break
            tab.wait_for_timeout(250)
        assert shown and shown[0]["text"] == expected, shown
        cut = [s["text"] for s in shown if s["cut"]]
        assert not cut, f"cards cut short at {width} px ({lang}): {cut}"
    finally:
        context.close()
