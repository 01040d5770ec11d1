"""Real-browser tests: Playwright driving Debian's chromium against ``streamlit run app.py``.

A director's journey: open the app, build a pool from the sample, check a headline figure and a
rendered chart, switch language, download the scenario YAML, upload it again and get the same
figures. Expected figures come from the engine in this process.

Chromium: ``bash .ci/install-chromium.sh`` (never ``playwright install``). Without
``/usr/bin/chromium`` these tests fail when ``CI`` is set and are skipped, loudly, otherwise.
Screenshots for the README are written to ``$MUTUALISE_SCREENSHOTS`` when it is set (e.g.
``MUTUALISE_SCREENSHOTS=docs/img``), else to a temporary folder.
"""

from __future__ import annotations

import copy
import os
import time
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest
from browser_env import ROOT, WAIT_MS

pytestmark = pytest.mark.browser


# --- expectations from the engine ----------------------------------------------------------------

def example(stem: str) -> dict[str, Any]:
    from simulator import load_scenario

    return load_scenario(ROOT / "scenarios" / f"{stem}.yaml").to_dict()


def headline(data: dict[str, Any], lang: str = "fr") -> list[str]:
    """The headline cards the app must show: Monte Carlo row, then central assumptions."""
    from types import SimpleNamespace

    from simulator import Scenario, simulate
    from simulator.headline import headline as mc_headline
    from ui.headline import headline_values

    scenario = Scenario.from_dict(data)
    view = SimpleNamespace(summary=simulate(scenario).summary, headline=mc_headline(scenario).as_dict())
    return list(headline_values(view, lang).values())


#: The text of the drawn waterfall's last bar (plotly keeps the figure on its div).
LAST_WATERFALL_BAR = """els => {
  const plots = els.map(e => e.querySelector('.js-plotly-plot')).filter(p => p && p.data);
  const w = plots.find(p => p.data[0].type === 'waterfall');
  return w ? w.data[0].text[w.data[0].text.length - 1] : null;
}"""


def first_example() -> str:
    return sorted(p.stem for p in (ROOT / "scenarios").glob("*.yaml"))[0]


def shown_metrics(tab) -> list[str]:
    return [m.inner_text().strip() for m in tab.get_by_test_id("stMetricValue").all()]


def wait_for_metrics(tab, expected: list[str], timeout_s: float = 30) -> None:
    """Wait until the four headline cards show ``expected`` (the app reruns asynchronously)."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if shown_metrics(tab) == expected:
            return
        tab.wait_for_timeout(250)
    assert shown_metrics(tab) == expected


def go(tab, title: str) -> None:
    """Click a page in the sidebar navigation and wait for its title."""
    tab.get_by_test_id("stSidebarNav").get_by_text(title, exact=True).click()
    tab.get_by_role("heading", name=title).first.wait_for()


def choose(tab, container, option: str) -> None:
    """Pick an option of a Streamlit selectbox."""
    container.click()
    tab.get_by_role("option", name=option, exact=True).click()


def screenshot_dir(tmp_path: Path) -> Path:
    target = os.environ.get("MUTUALISE_SCREENSHOTS")
    out = (ROOT / target) if target and not Path(target).is_absolute() else Path(target or tmp_path)
    out.mkdir(parents=True, exist_ok=True)
    return out


# --- tests ---------------------------------------------------------------------------------------

def test_director_journey(page, tmp_path):
    tab = page
    start = example(first_example())
    wait_for_metrics(tab, headline(start))

    # build a pool from the sample: one member leaves, another joins
    from simulator.organisations import sample_organisations

    names = sample_organisations().table["name"]
    leaving, joining = start["members"][-1], "mm_colibri"
    tab.get_by_role("button", name=f"Remove {names[leaving]}", exact=False).click()
    built = copy.deepcopy(start)
    built["members"] = start["members"][:-1]
    wait_for_metrics(tab, headline(built))
    picker = tab.get_by_test_id("stMultiSelect").first
    picker.locator("input").click()
    picker.locator("input").fill("Colibri")
    tab.get_by_role("option", name=names[joining], exact=False).first.click()
    tab.keyboard.press("Escape")
    built["members"] = [*built["members"], joining]
    expected_fr = headline(built)
    wait_for_metrics(tab, expected_fr)

    # the results page: same figures, a rendered waterfall
    go(tab, "Résultats")
    wait_for_metrics(tab, expected_fr)
    chart = tab.locator('[data-testid="stPlotlyChart"] .main-svg').first
    chart.wait_for()
    assert "Coût actuel" in tab.locator('[data-testid="stPlotlyChart"]').first.inner_text()
    # the waterfall ends on the figure the headline names: the net pooled cost card
    last_bar = tab.locator('[data-testid="stPlotlyChart"]').evaluate_all(LAST_WATERFALL_BAR)
    cards = dict(zip([m.inner_text().strip() for m in tab.get_by_test_id("stMetricLabel").all()],
                     shown_metrics(tab), strict=True))
    assert last_bar == cards["Coût mutualisé net par an"]
    assert last_bar in tab.locator('[data-testid="stPlotlyChart"]').first.inner_text()

    # results as Excel: the raw data are the engine's own tables; the workbook for people is
    # in French with the same figures
    import pandas as pd

    from simulator import Scenario, simulate

    tab.get_by_role("tab", name="Télécharger les résultats").click()
    with tab.expect_download() as excel_info:
        tab.get_by_role("button", name="Données brutes (Excel)").click()
    excel_path = tmp_path / "results.xlsx"
    excel_info.value.save_as(excel_path)
    sheets = pd.read_excel(excel_path, sheet_name=None)
    engine_members = simulate(Scenario.from_dict(built)).members
    assert sheets["members"]["gain_eur"].tolist() == pytest.approx(
        engine_members["gain_eur"].tolist())
    with tab.expect_download() as people_info:
        tab.get_by_role("button", name="Résultats (Excel)").click()
    people_path = tmp_path / "resultats.xlsx"
    people_info.value.save_as(people_path)
    people = pd.read_excel(people_path, sheet_name="Membres")
    assert people["Gain (€/an)"].tolist()[: len(engine_members)] == pytest.approx(
        engine_members["gain_eur"].tolist(), abs=0.005)

    # switch language
    choose(tab, tab.get_by_test_id("stSidebar").get_by_test_id("stSelectbox"), "English")
    tab.get_by_role("heading", name="Results").first.wait_for()
    wait_for_metrics(tab, headline(built, "en"))
    assert "Median NPV" in tab.get_by_test_id("stMetricLabel").first.inner_text()

    # download the scenario as YAML: exactly the pool built above
    go(tab, "Save and share")
    with tab.expect_download() as download_info:
        tab.get_by_role("button", name="Download the scenario (YAML)").click()
    yaml_path = tmp_path / "scenario.yaml"
    download_info.value.save_as(yaml_path)
    downloaded = Scenario.from_yaml(yaml_path.read_text(encoding="utf-8")).to_dict()
    assert downloaded == Scenario.from_dict(built).to_dict()

    # open another example, then upload the YAML again: same figures
    go(tab, "Build the pool")
    from simulator.examples import title_for  # the picker names examples in the reader's language

    choose(tab, tab.get_by_test_id("stSelectbox").filter(has_text="Start from an example"),
           title_for(example("b_shared_house")["name"], "en"))
    tab.get_by_test_id("stButton").get_by_role("button", name="Load").click()
    wait_for_metrics(tab, headline(example("b_shared_house"), "en"))
    go(tab, "Save and share")
    tab.get_by_test_id("stFileUploader").locator('input[type="file"]').set_input_files(yaml_path)
    tab.get_by_text("opened", exact=False).first.wait_for()
    go(tab, "Build the pool")
    wait_for_metrics(tab, headline(built, "en"))


def test_bad_upload_shows_an_error_without_traceback(page):
    tab = page
    tab.get_by_text("Importer mon tableau").click()
    bad = b"id,name,subsector,commune,fte_total,budget_eur\nx,X,medical_centre,paris,-1,10\n"
    tab.get_by_test_id("stFileUploader").locator('input[type="file"]').set_input_files(
        {"name": "bad.csv", "mimeType": "text/csv", "buffer": bad})
    alert = tab.get_by_test_id("stAlertContentError").first
    alert.wait_for()
    text = alert.inner_text()
    assert "ligne 2, colonne « ETP total »" in text
    body = tab.locator("body").inner_text()
    assert "Traceback" not in body and "File \"" not in body


def test_shared_link_reopens_the_scenario(browser, app_url):
    from ui import share

    data = example("b_shared_house")
    data["horizon_years"] = 9
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    tab = context.new_page()
    tab.set_default_timeout(WAIT_MS)
    tab.goto(f"{app_url}/?s={share.encode(data)}&lang=nl")
    tab.get_by_role("heading", name="Samenwerking opbouwen").wait_for()
    wait_for_metrics(tab, headline(data, "nl"))
    context.close()


def test_screenshots_for_the_readme(browser, app_url, tmp_path):
    out = screenshot_dir(tmp_path)
    from ui import share

    context = browser.new_context(viewport={"width": 1280, "height": 900}, device_scale_factor=1)
    tab = context.new_page()
    tab.set_default_timeout(WAIT_MS)
    shown = example("b_shared_house")
    tab.goto(f"{app_url}/?s={share.encode(shown)}&lang=fr")
    wait_for_metrics(tab, headline(shown))
    tab.wait_for_timeout(500)
    tab.screenshot(path=str(out / "pool.png"))
    go(tab, "Résultats")
    tab.locator('[data-testid="stPlotlyChart"] .main-svg').first.wait_for()
    tab.wait_for_timeout(800)
    tab.set_viewport_size({"width": 1280, "height": 1250})
    tab.screenshot(path=str(out / "results.png"))
    tab.get_by_role("tab", name="Qui gagne, qui perd").click()
    tab.get_by_text("rationalité individuelle", exact=False).first.wait_for()
    tab.wait_for_timeout(800)
    tab.screenshot(path=str(out / "members.png"))
    for title, name, ready in (("Incertitude", "uncertainty.png", '[data-testid="stPlotlyChart"] .main-svg'),
                               ("Répartition équitable", "fair_split.png", '[data-testid="stDataFrame"]')):
        go(tab, title)
        tab.locator(ready).first.wait_for()
        tab.wait_for_timeout(1000)
        tab.screenshot(path=str(out / name))
    context.close()
    for name in ("pool.png", "results.png", "members.png", "uncertainty.png", "fair_split.png"):
        shrink_png(out / name)
        assert (out / name).stat().st_size > 10_000


def shrink_png(path: Path) -> None:
    """Keep committed screenshots small: 256-colour palette (Pillow comes with Streamlit)."""
    from PIL import Image

    with Image.open(path) as image:
        small = image.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT)
    small.save(path, optimize=True)


def test_results_page_downloads_the_brief(page, tmp_path):
    """"Télécharger la note" delivers the brief of the pool on screen as a PDF whose headline is
    the engine's Monte Carlo median at the default draws and seed (issue 14)."""
    import io

    from pypdf import PdfReader

    from simulator import Scenario, monte_carlo
    from simulator.report import DEFAULT_DRAWS, DEFAULT_SEED
    from ui.formatting import money

    data = example(first_example())
    go(page, "Résultats")
    wait_for_metrics(page, headline(data))
    with page.expect_download(timeout=120_000) as info:
        page.get_by_role("button", name="Télécharger la note").click()
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    assert path.suffix == ".pdf" and path.read_bytes().startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    text = " ".join(p.extract_text() for p in reader.pages).replace("\u202f", " ").replace("\xa0", " ")
    assert 2 <= len(reader.pages) <= 4
    assert data["name"] in " ".join(text.split())
    median = monte_carlo(Scenario.from_dict(data), draws=DEFAULT_DRAWS, seed=DEFAULT_SEED).summary["npv_p50"]
    assert money(median, "fr").replace("\u202f", " ").replace("\xa0", " ") in text


# --- the pool's state (issue 12): a language switch mid-edit, an early click, a reload ----------
# The scenario the app holds is read from the address bar (``?s=``, kept up to date at all
# times), so every check compares codes the engine understands, not what a page happens to show.

def url_scenario(tab, timeout_s: float = 30) -> dict[str, Any]:
    """The scenario in the address bar (waits until there is one)."""
    deadline = time.monotonic() + timeout_s
    while True:
        token = parse_qs(urlparse(tab.evaluate("location.href")).query).get("s")  # not tab.url:
        if token:  # it misses history.replaceState
            from ui import share

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
