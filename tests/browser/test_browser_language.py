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

#: The page's text as a person reads it: without the names of Material icons (drawn from
#: ligatures such as "compare_arrows") and without text shrunk to nothing.
TEXT_WITHOUT_ICONS = """el => {
  const copy = el.cloneNode(true);
  // text shrunk to nothing (Streamlit's English under our translated ::after) is not read
  const hidden = Array.from(el.querySelectorAll('*')).map(e => getComputedStyle(e).fontSize === '0px');
  Array.from(copy.querySelectorAll('*')).forEach((e, k) => { if (hidden[k]) e.textContent = ''; });
  copy.querySelectorAll('[aria-hidden="true"][translate="no"]').forEach(i => i.remove());
  document.body.appendChild(copy);
  const text = copy.innerText;
  copy.remove();
  return text;
}"""

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


@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_every_page_in_the_browser_speaks_the_language(browser, app_url, lang):
    """Each page as a person sees it (sidebar, text, charts): no English word on a French or Dutch
    page, no internal code on any (tables are drawn on a canvas and checked by the AppTest suite)."""
    import re

    from language_words import ENGLISH_WORDS, INTERNAL_CODE

    from ui.pages import available_pages

    context = browser.new_context(viewport={"width": 1366, "height": 900})
    tab = context.new_page()
    tab.set_default_timeout(WAIT_MS)
    try:
        for spec in available_pages():
            path = "" if spec.default else spec.url_path
            tab.goto(f"{app_url}/{path}?lang={lang}")
            tab.get_by_role("heading", name=t(spec.title_key, lang=lang)).first.wait_for()
            tab.wait_for_timeout(1500)  # charts and late widgets
            text = tab.get_by_test_id("stApp").evaluate(TEXT_WITHOUT_ICONS)
            text = re.sub(r"\?s=\S+", "", text)  # a share link is a token, not words
            for line in text.splitlines():
                if lang != "en":
                    assert not ENGLISH_WORDS.search(line), (spec.module, line)
                assert not INTERNAL_CODE.search(line), (spec.module, line)
    finally:
        context.close()
