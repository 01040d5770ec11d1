"""Build a pool: start from an example, choose members and functions, vehicle, site, horizon, key.

The headline figures are recomputed (cached) on every change so the director sees the answer at
once; the detailed results are one click away on the Results page.
"""

from __future__ import annotations

import streamlit as st

from simulator.errors import InputError
from simulator.examples import example_text, stored_name
from ui import builder, engine, funding_panel, staff_options, state
from ui import headline as honest
from ui.guard import show_input_error
from ui.i18n import current_language, t
from ui.members import render_members
from ui.pages import link
from ui.widgets import warnings

EXAMPLE_KEY = "_example_choice"


def example_picker() -> None:
    """Start from any example scenario file."""
    examples = state.example_paths()
    if not examples:
        return
    lang = current_language()
    names = {}
    for stem in examples:
        text = example_text(stem, lang)
        if text is not None:
            names[stem] = text[0]
            continue
        try:
            names[stem] = state.example_dict(stem).get("name", stem)
        except InputError:
            names[stem] = stem
    cols = st.columns([4, 1], vertical_alignment="bottom")
    origin = st.session_state.get(state.ORIGIN)
    options = list(examples)
    index = options.index(origin) if origin in options else None
    choice = cols[0].selectbox(t("pool.example"), options, index=index,
                               format_func=names.__getitem__, key=EXAMPLE_KEY,
                               placeholder=t("pool.example.placeholder"),
                               help=t("pool.example.help"))
    if cols[1].button(t("pool.example.load"), icon=":material/upload_file:",
                      width="stretch") and choice is not None:
        builder.load_example(choice)
        st.rerun()
    described = example_text(origin, lang) if origin in examples else None
    if described and described[1] and state.scenario_dict().get("name") == stored_name(described[0]):
        st.caption(described[1])
    st.button(t("pool.new"), icon=":material/add_circle:", help=t("pool.new.help"),
              on_click=builder.new_pool, key="_new_pool")
    builder.carried_over()


def answer() -> None:
    """Headline figures of the current scenario (or the reason it cannot be computed)."""
    if not builder.validation_message():
        return
    try:
        result = engine.current_result()
    except InputError as exc:
        show_input_error(exc)
        return
    honest.render(result)
    warnings(result.warnings)
    link("results", t("pool.see_results"), ":material/monitoring:")


def render() -> None:
    """The pool-builder page."""
    st.title(t("pool.title"))
    st.caption(t("pool.intro"))
    example_picker()
    answer_box = st.container()
    tabs = st.tabs([t("pool.tab.members"), t("pool.tab.functions"), t("pool.tab.vehicle"),
                    t("pool.tab.horizon"), t("pool.tab.funding")])
    with tabs[0]:
        render_members()
    with tabs[1]:
        st.caption(t("matrix.help"))
        builder.matrix_editor()
    with tabs[2]:
        builder.vehicle_picker()
        st.subheader(t("sites.title"))
        st.caption(t("sites.help"))
        builder.sites_editor()
    with tabs[3]:
        builder.name_field()
        builder.horizon_and_key()
        staff_options.render()
    with tabs[4]:
        funding_panel.render()
    with answer_box:
        answer()
