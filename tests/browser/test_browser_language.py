"""Streamlit's own words in the user's language, checked in a real browser (issue 13).

The uploader's button and hint are Streamlit's, in English; ``ui/uploader.py`` rewrites them
with a scoped style. What a person sees is the style's ``::after`` content, the English text
being shrunk to nothing — so this reads the computed style, not the DOM text.
"""

from __future__ import annotations

import pytest
from browser_env import WAIT_MS

from ui.i18n import t

pytestmark = pytest.mark.browser

SHOWN = """el => {
  const after = getComputedStyle(el, '::after');
  return {size: getComputedStyle(el).fontSize, after: after.content, afterSize: after.fontSize};
}"""


@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_uploader_button_and_hint_in_the_users_language(browser, app_url, lang):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.set_default_timeout(WAIT_MS)
    try:
        tab.goto(f"{app_url}/share?lang={lang}")
        zone = tab.get_by_test_id("stFileUploaderDropzone").first
        zone.wait_for()
        button = zone.locator('button [data-testid="stMarkdownContainer"] p').first
        hint = tab.get_by_test_id("stFileUploaderDropzoneInstructions").locator("span").first
        for element, expected in ((button, t("upload.button", lang=lang)),
                                  (hint, t("upload.hint", lang=lang, mb=5, types="YAML, YML"))):
            shown = element.evaluate(SHOWN)
            assert shown["size"] == "0px", shown  # Streamlit's English text takes no room
            assert shown["after"] == f'"{expected}"', shown
            assert shown["afterSize"] != "0px"
    finally:
        context.close()
