"""Real-browser tests of the pool's state (issue 12): a language switch mid-edit, a click before
the first page finished drawing, and a reload (F5) never corrupt or lose the pool.

The scenario the app holds is read from the address bar (``?s=``, kept up to date at all times),
so every check compares codes the engine understands, not what a page happens to show.
"""

from __future__ import annotations

import time
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest
from test_browser_app import (  # noqa: F401  (fixtures and helpers of the browser suite)
    app_url,
    browser,
    choose,
    first_example,
    headline,
    page,
    wait_for_metrics,
)

from ui import share

pytestmark = pytest.mark.browser


def url_scenario(tab, timeout_s: float = 30) -> dict[str, Any]:
    """The scenario in the address bar (waits until there is one)."""
    deadline = time.monotonic() + timeout_s
    while True:
        token = parse_qs(urlparse(tab.evaluate("location.href")).query).get("s")  # tab.url misses replaceState
        if token:
            return share.decode(token[0])
        if time.monotonic() > deadline:
            raise AssertionError("no scenario in the URL")
        time.sleep(0.2)


def wait_for_url(tab, check, timeout_s: float = 30) -> dict[str, Any]:
    deadline = time.monotonic() + timeout_s
    while True:
        data = url_scenario(tab)
        if check(data) or time.monotonic() > deadline:
            return data
        time.sleep(0.2)


def nudge_horizon(tab, label: str) -> None:
    tab.get_by_role("tab", name=label).click()
    slider = tab.get_by_test_id("stSlider").get_by_role("slider").first
    slider.focus()
    slider.press("ArrowRight")


def test_language_switch_mid_edit_keeps_codes(page):
    tab = page
    start = url_scenario(tab)
    choose(tab, tab.get_by_test_id("stSidebar").get_by_test_id("stSelectbox"), "Nederlands")
    tab.get_by_role("heading", name="Samenwerking opbouwen").first.wait_for()
    nudge_horizon(tab, "4. Horizon en verdeling")  # touch any widget after the switch
    data = wait_for_url(tab, lambda d: d["horizon_years"] == start["horizon_years"] + 1)
    assert data["horizon_years"] == start["horizon_years"] + 1
    assert (data["vehicle"], data["allocation"], data["members"]) == \
        (start["vehicle"], start["allocation"], start["members"])
    assert not tab.get_by_test_id("stAlert").filter(has_text="onbekend").count()
    wait_for_metrics(tab, headline(data, "nl"))
    # and back to French, touching again
    choose(tab, tab.get_by_test_id("stSidebar").get_by_test_id("stSelectbox"), "Français")
    tab.get_by_role("heading", name="Construire le pool").first.wait_for()
    nudge_horizon(tab, "4. Horizon et répartition")
    data = wait_for_url(tab, lambda d: d["horizon_years"] == start["horizon_years"] + 2)
    assert (data["vehicle"], data["allocation"], data["members"]) == \
        (start["vehicle"], start["allocation"], start["members"])


def test_reload_keeps_the_pool(page):
    tab = page
    start = url_scenario(tab)
    nudge_horizon(tab, "4. Horizon et répartition")
    edited = wait_for_url(tab, lambda d: d["horizon_years"] == start["horizon_years"] + 1)
    tab.reload()  # F5
    tab.get_by_role("heading", name="Construire le pool").wait_for()
    wait_for_metrics(tab, headline(edited, "fr"))
    assert url_scenario(tab) == edited


def test_a_click_before_the_first_drawing_finished_resets_nothing(browser, app_url):
    context = browser.new_context(viewport={"width": 1280, "height": 1100}, locale="fr-BE")
    tab = context.new_page()
    try:
        tab.goto(app_url, wait_until="commit")
        # click the first widget that appears, as early as possible
        tab.get_by_role("tab", name="4. Horizon et répartition").click(timeout=60_000)
        slider = tab.get_by_test_id("stSlider").get_by_role("slider").first
        slider.focus()
        slider.press("ArrowRight")
        tab.get_by_test_id("stMetricValue").first.wait_for(timeout=60_000)
        time.sleep(1.5)
        data = url_scenario(tab)
        from simulator import load_scenario

        from ui.state import SCENARIO_DIR

        original = load_scenario(SCENARIO_DIR / f"{first_example()}.yaml").to_dict()
        assert data["horizon_years"] in (original["horizon_years"], original["horizon_years"] + 1)
        assert (data["name"], data["description"], data["exit_risk"]) == \
            (original["name"], original["description"], original["exit_risk"])
    finally:
        context.close()
