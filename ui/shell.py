"""The app shell: page config, language selector, navigation built from the page registry.

``app.py`` only calls :func:`main`. Every page body runs inside :func:`ui.guard.page_guard`, so a
bad input is shown inline and no traceback ever reaches the browser.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from ui import state
from ui.builder import TRANSLATED_FIELDS
from ui.guard import page_guard, show_input_error
from ui.i18n import LANGUAGE_NAMES, LANGUAGES, SESSION_KEY, t
from ui.pages import PAGE_OBJECTS, PageSpec, available_pages

#: Widget key of the language selector (the language itself lives in ``st.session_state["lang"]``).
LANG_WIDGET = "_lang_selector"


def _on_language_change() -> None:
    chosen = st.session_state.get(LANG_WIDGET)
    if chosen in LANGUAGES:
        st.session_state[SESSION_KEY] = chosen
        for field in TRANSLATED_FIELDS:  # an example's title and description, shown anew in this language
            st.session_state.pop(f"{state.WIDGET_PREFIX}{field}", None)


def language_selector() -> None:
    """Sidebar language selector (French default); ``?lang=nl`` in the URL preselects one."""
    st.session_state[LANG_WIDGET] = st.session_state.get(SESSION_KEY, LANGUAGES[0])
    st.sidebar.selectbox(
        t("sidebar.language"),
        options=list(LANGUAGES),
        format_func=lambda code: LANGUAGE_NAMES[code],
        key=LANG_WIDGET,
        on_change=_on_language_change,
    )


def _page_runner(spec: PageSpec) -> Callable[[], None]:
    def run() -> None:
        with page_guard():
            spec.loader()()

    run.__name__ = f"page_{spec.module}"
    return run


def navigation_pages() -> dict[str, list[st.Page]]:
    """``st.navigation`` sections from the registry, titles in the current language."""
    sections: dict[str, list[st.Page]] = {}
    for spec in available_pages():
        page = st.Page(
            _page_runner(spec),
            title=t(spec.title_key),
            icon=spec.icon,
            url_path=spec.url_path,
            default=spec.default,
        )
        PAGE_OBJECTS[spec.module] = page
        sections.setdefault(t(spec.section), []).append(page)
    return sections


#: Small style touches: metric labels and the P10–P90 band under a card wrap instead of being cut
#: with an ellipsis (the card's amount itself is compact from a million on: ui.formatting.money_card).
CSS = """
<style>
[data-testid="stMetricLabel"] p { white-space: normal; overflow: visible; text-overflow: clip; }
[data-testid="stMetricDelta"] div, [data-testid="stMetricDelta"] p {
  white-space: normal; overflow: visible; text-overflow: clip; }
</style>
"""


def sidebar_footer() -> None:
    """Current scenario name and the standing disclaimer."""
    name = state.scenario_dict().get("name", "")
    if name:
        from simulator.examples import title_for
        from ui.i18n import current_language

        st.sidebar.caption(t("sidebar.current", name=title_for(str(name), current_language())))
    st.sidebar.caption(t("sidebar.disclaimer"))


def main() -> None:
    """Entry point called by ``app.py``."""
    st.set_page_config(
        page_title="Mutualise",
        page_icon=":material/hub:",
        layout="wide",
        initial_sidebar_state="expanded",
    )
    st.html(CSS)
    with page_guard():
        problem = state.init_session()
        language_selector()
        if problem is not None:
            show_input_error(problem, "error.share_invalid")
        nav = st.navigation(navigation_pages())
        sidebar_footer()
        nav.run()
        state.run_finished()  # every widget drawn: trust their changes; URL holds the scenario
