"""Save and share: scenario YAML down and up (exact round trip), a link, results as CSV/Excel.

Uploads are capped at 5 MB and read with ``yaml.safe_load`` by the engine
(:meth:`simulator.Scenario.from_yaml`); nothing uploaded is ever executed, and a member-table path
inside an uploaded scenario is never read from the server's disk.
"""

from __future__ import annotations

import streamlit as st

from simulator.errors import InputError
from ui import charts, engine, state
from ui.guard import show_input_error
from ui.i18n import current_language, t
from ui.uploader import file_uploader

UPLOAD_SEEN = "_scenario_upload_seen"
FLASH = "_share_flash"


def download_yaml() -> None:
    """The scenario as YAML, exactly as the engine writes it."""
    data = state.scenario_dict()
    name = charts.slug(data.get("name", "scenario"))
    st.download_button(t("share.download_yaml"), engine.scenario_yaml(data).encode("utf-8"),
                       f"{name}.yaml", "application/x-yaml", icon=":material/download:",
                       type="primary", key="dl_yaml")
    custom = state.custom_organisations()
    if custom and data.get("organisations") != state.SAMPLE:
        st.info(t("share.own_table", name=custom["name"]), icon=":material/table:")
        st.download_button(t("share.download_table"), custom["csv"].encode("utf-8"),
                           data.get("organisations", custom["name"]), "text/csv",
                           icon=":material/download:", key="dl_table")


def upload_yaml() -> None:
    """Open a scenario YAML; problems are shown inline with the field."""
    upload = file_uploader(t("share.upload_yaml"), ("yaml", "yml"), help=t("share.upload_yaml.help"),
                           key="scenario_upload")
    if upload is None or st.session_state.get(UPLOAD_SEEN) == upload.file_id:
        return
    try:
        data = engine.read_scenario_upload(upload.getvalue(), upload.name)
    except InputError as exc:
        show_input_error(exc, "share.upload_failed")
        return
    st.session_state[UPLOAD_SEEN] = upload.file_id
    if data.get("organisations") == state.SAMPLE:
        state.set_custom_organisations(None, None)
    state.set_scenario(data, origin="upload")
    from simulator.examples import title_for

    st.session_state[FLASH] = t("share.loaded", name=title_for(str(data.get("name", "")), current_language()))
    st.rerun()


def app_root(url: str) -> str:
    """The app's root URL (the link opens the pool page), whatever page we are on."""
    from ui.pages import PAGES

    root = url.split("?", 1)[0].rstrip("/")
    for spec in PAGES:
        if root.endswith("/" + spec.url_path):
            root = root[: -len(spec.url_path) - 1]
            break
    return root + "/"


def share_link() -> None:
    """A link that reopens this scenario (and language) in any browser."""
    token = state.share_token()
    link = f"{app_root(st.context.url or '')}?s={token}&lang={current_language()}"
    st.code(link, language=None, wrap_lines=True)
    st.caption(t("share.link.help", chars=len(link)))
    if st.button(t("share.put_in_address_bar"), icon=":material/link:", key="share_to_url"):
        st.query_params["s"] = token
        st.query_params["lang"] = current_language()
        st.session_state[state.SHARE_SEEN] = token
    if state.custom_organisations() and state.scenario_dict().get("organisations") != state.SAMPLE:
        st.warning(t("share.link.own_table"), icon=":material/table:")


def results_downloads() -> None:
    """Results as CSV (zip of the engine's tables) and as an Excel workbook."""
    try:
        result = engine.current_result()
    except InputError as exc:
        show_input_error(exc)
        return
    from ui.pages.results import download_buttons

    download_buttons(result, "share_dl")


def render() -> None:
    """The save-and-share page."""
    st.title(t("share.title"))
    st.caption(t("share.intro"))
    flash = st.session_state.pop(FLASH, None)
    if flash:
        st.success(flash, icon=":material/check_circle:")
    st.subheader(t("share.yaml"))
    try:
        download_yaml()
    except InputError as exc:
        show_input_error(exc, "error.scenario_invalid")
    upload_yaml()
    st.subheader(t("share.link"))
    share_link()
    st.subheader(t("results.downloads"))
    results_downloads()
