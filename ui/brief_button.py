"""The "Télécharger la note" buttons: the board brief (PDF, and HTML) of the scenario on screen
(Results page) and the funder's brief of the sector study on screen (Funding page).

The note is built only when a button is clicked (a few seconds: Monte Carlo, tornado, charts,
PDF), by the same code as ``mutualise brief``, in the session's language. When kaleido or
chromium is missing the section says so and points to the command line instead of failing.
"""

from __future__ import annotations

import importlib.util
from functools import cache
from typing import Any

import streamlit as st

from ui import charts, engine, state
from ui.i18n import current_language, t


@cache
def available() -> bool:
    """Whether this machine can print a brief (kaleido, Jinja2 and a chromium executable)."""
    if importlib.util.find_spec("kaleido") is None or importlib.util.find_spec("jinja2") is None:
        return False
    from simulator.errors import InputError
    from simulator.report.pdf import browser

    try:
        browser()
    except InputError:
        return False
    return True


def render(result: Any) -> None:
    """Two download buttons (PDF, HTML) for the brief of ``result`` (an ``engine`` ResultView)."""
    st.markdown(f"**{t('brief.section')}**")
    if not available():
        st.info(t("brief.button.unavailable"), icon=":material/info:")
        return
    lang = current_language()
    name = charts.slug(state.scenario_dict().get("name", "scenario"))
    source = f"{name}.yaml"
    cols = st.columns([1, 1, 2])
    cols[0].download_button(t("brief.button"), engine.brief_download(result, lang, "pdf", source),
                            f"{name}_note_{lang}.pdf", "application/pdf", key="dl_brief_pdf",
                            icon=":material/picture_as_pdf:", help=t("brief.button.help"),
                            type="primary")
    cols[1].download_button(t("brief.button.html"), engine.brief_download(result, lang, "html", source),
                            f"{name}_note_{lang}.html", "text/html", key="dl_brief_html",
                            icon=":material/article:")


def render_sector(view: Any, settings: dict[str, Any]) -> None:
    """Two download buttons (PDF, HTML) for the funder's brief of the Funding page's comparison."""
    st.markdown(f"**{t('brief.section.sector')}**")
    if not available():
        st.info(t("brief.button.unavailable"), icon=":material/info:")
        return
    lang = current_language()
    name = charts.slug(str(settings.get("file", "funding")))
    cols = st.columns([1, 1, 2])
    cols[0].download_button(t("brief.button"), engine.sector_brief_download(view, settings, lang, "pdf"),
                            f"{name}_note_{lang}.pdf", "application/pdf", key="dl_sector_brief_pdf",
                            icon=":material/picture_as_pdf:", help=t("sector.button.help"), type="primary")
    cols[1].download_button(t("brief.button.html"), engine.sector_brief_download(view, settings, lang, "html"),
                            f"{name}_note_{lang}.html", "text/html", key="dl_sector_brief_html",
                            icon=":material/article:")
