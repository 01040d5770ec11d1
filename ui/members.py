"""Who is in the pool: pick from the sample, upload a table, or type it in.

Three ways to get a member table — the bundled sample, an upload (CSV with ``,`` or Belgian
Excel ``;``, or ``.xlsx``; at most 5 MB) or a table typed in the browser — and one multiselect to
choose the members. Every table goes through the engine's reader
(:func:`simulator.organisations.read_organisations`), whose errors name the row and column; they
are shown inline, never as a traceback.
"""

from __future__ import annotations

import copy
from typing import Any

import pandas as pd
import streamlit as st

from simulator.communes import commune_label
from simulator.errors import InputError
from ui import engine, state
from ui.formatting import number
from ui.guard import show_input_error
from ui.i18n import current_language, t
from ui.uploader import file_uploader
from ui.widgets import column_label

SOURCE_KEY = f"{state.WIDGET_PREFIX}_members_source"
UPLOAD_SEEN = "_members_upload_seen"
#: How many sample members a fresh pool starts with when switching back to the sample.
DEFAULT_PICK = 5
TYPED_NAME = "members_typed.csv"


def with_members(data: dict[str, Any], members: list[str]) -> dict[str, Any]:
    """The scenario with a new member list; pooling lists and sites drop members who left."""
    out = copy.deepcopy(data)
    out["members"] = list(members)
    keep = set(members)
    pooling = out.get("pooling") if isinstance(out.get("pooling"), dict) else {}
    for fid, who in list(pooling.items()):
        if isinstance(who, list):
            pooling[fid] = [m for m in who if m in keep]
    out["pooling"] = pooling
    sites = []
    for site in out.get("sites") if isinstance(out.get("sites"), list) else []:
        if not isinstance(site, dict):
            continue
        listed = site.get("members") if isinstance(site.get("members"), list) else []
        site = dict(site, members=[m for m in listed if m in keep])
        if site["members"]:
            sites.append(site)
    out["sites"] = sites
    return out


def _member_list() -> list[str]:
    """The scenario's members as a list of ids (empty if malformed)."""
    members = state.scenario_dict().get("members")
    return [str(m) for m in members] if isinstance(members, list) else []


def member_caption(table: pd.DataFrame, mid: str) -> str:
    """``Name — sub-sector, commune, 12.5 FTE`` for the member picker."""
    if mid not in table.index:
        return mid
    row = table.loc[mid]
    return t("members.option", name=row["name"], subsector=t(f"subsector.{row['subsector']}"),
             commune=commune_label(str(row["commune"]), current_language()),
             fte=number(row["fte_total"], current_language(), 1 if row["fte_total"] % 1 else 0))


def _use_table(name: str, organisations: Any) -> None:
    """Adopt a new member table: all its organisations become members (then untick freely)."""
    csv_text = organisations.to_csv()
    state.set_custom_organisations(name, csv_text)
    data = with_members(state.scenario_dict(), list(organisations.ids))
    data["organisations"] = name
    state.set_scenario(state.clean_pool(data, t("pool.new_name")))  # a new table: a new pool


def _use_sample() -> None:
    state.set_custom_organisations(None, None)
    sample_ids = list(engine.sample_table().ids)
    current = [m for m in _member_list() if m in sample_ids]
    data = with_members(state.scenario_dict(), current or sample_ids[:DEFAULT_PICK])
    data["organisations"] = state.SAMPLE
    state.set_scenario(data)


def source_panel() -> None:
    """The three ways to provide a member table."""
    custom = state.custom_organisations()
    sources = {s: t(f"members.source.{s}") for s in ("sample", "upload", "type")}
    state.keep_codes(SOURCE_KEY, list(sources), lambda s: t(f"members.source.{s}"))
    if SOURCE_KEY not in st.session_state:
        st.session_state[SOURCE_KEY] = "upload" if custom else "sample"
    source = st.radio(t("members.source"), list(sources), horizontal=True,
                      format_func=sources.__getitem__, key=SOURCE_KEY)
    table = engine.active_organisations()
    st.caption(t("members.table_in_use", name=custom["name"] if custom else t("members.sample"),
                 n=len(table)))
    if source == "sample":
        if custom:
            st.button(t("members.back_to_sample"), on_click=_use_sample)
    elif source == "upload":
        upload_panel()
    else:
        typing_panel(table.table)


def upload_panel() -> None:
    """File uploader with templates; errors are shown inline with row and column."""
    sample = engine.sample_table()
    cols = st.columns(2)
    cols[0].download_button(t("members.template_csv"), sample.to_csv(), "members_template.csv",
                            "text/csv", icon=":material/download:")
    cols[1].download_button(t("members.template_be"),
                            sample.to_csv(belgian=True).encode("utf-8-sig"),
                            "members_template_excel_be.csv", "text/csv",
                            icon=":material/download:")
    upload = file_uploader(t("members.upload"), ("csv", "xlsx", "txt"), help=t("members.upload.help"),
                           key=f"{state.WIDGET_PREFIX}_members_upload")
    if upload is None:
        return
    seen = st.session_state.get(UPLOAD_SEEN)
    if seen == upload.file_id:
        return
    try:
        raw = upload.getvalue()
        organisations = engine.read_table_upload(raw, upload.name)
    except InputError as exc:
        show_input_error(exc, "members.upload_failed")
        return
    st.session_state[UPLOAD_SEEN] = upload.file_id
    _use_table(_safe_name(upload.name), organisations)
    st.rerun()


def _safe_name(name: str) -> str:
    """A plain file name (no directories) for the uploaded table."""
    stem = name.replace("\\", "/").rsplit("/", 1)[-1].strip() or "members.csv"
    return stem if stem.lower().endswith((".csv", ".xlsx", ".txt")) else stem + ".csv"


def typing_panel(table: pd.DataFrame) -> None:
    """An editable table (rows can be added); 'Use this table' validates it with the engine."""
    st.caption(t("members.type.help"))
    members = [m for m in _member_list() if m in table.index]
    start = table.loc[members] if members else table.head(DEFAULT_PICK)
    start = start.reset_index()
    edited = st.data_editor(start, num_rows="dynamic", hide_index=True, column_config=editor_columns(start),
                            placeholder="", key=f"{state.WIDGET_PREFIX}_members_editor:{state.generation()}")
    if st.button(t("members.type.use"), type="primary"):
        try:
            organisations = engine.read_table_upload(edited, TYPED_NAME)
        except InputError as exc:
            show_input_error(exc, "members.type.failed")
            return
        _use_table(TYPED_NAME, organisations)
        st.rerun()


def editor_columns(table: pd.DataFrame) -> dict[str, Any]:
    """Column settings of the type-in table: translated headers, sub-sector and commune picked by
    their names (the cell keeps the code the engine reads), numbers grouped as the browser's
    locale does (``973 000`` in a Belgian French browser), empty cells left blank."""
    from simulator.org_schema import COMMUNES, SUBSECTORS

    lang = current_language()  # bound now: format_func runs when the table is drawn
    config: dict[str, Any] = {}
    for column in table.columns:
        title = column_label(column)
        if column == "subsector":
            config[column] = st.column_config.SelectboxColumn(
                title, options=list(SUBSECTORS), format_func=lambda c: t(f"subsector.{c}", lang=lang))
        elif column == "commune":
            config[column] = st.column_config.SelectboxColumn(
                title, options=list(COMMUNES), format_func=lambda c: commune_label(c, lang))
        elif pd.api.types.is_float_dtype(table[column]):
            config[column] = st.column_config.NumberColumn(title, format="localized")
        else:
            config[column] = st.column_config.Column(title)
    return config


def member_picker() -> None:
    """Multiselect of the pool's members among the active table."""
    table = engine.active_organisations().table
    key = f"{state.WIDGET_PREFIX}members"
    current = [m for m in _member_list() if m in table.index]
    captions = {mid: member_caption(table, mid) for mid in table.index}
    state.keep_codes(key, list(table.index), captions.__getitem__)
    if key not in st.session_state:
        st.session_state[key] = current
        state.mark_seeded(key)

    def write_back() -> None:
        chosen = state.to_codes(key, st.session_state[key], list(table.index))  # codes, never labels
        if state.seeded_in_unfinished_run(key) or len(chosen) != len(st.session_state[key]):
            st.session_state[key] = [m for m in _member_list() if m in table.index]
            return
        st.session_state[state.SCENARIO] = with_members(state.scenario_dict(), chosen)

    st.multiselect(t("members.pick"), options=list(table.index),
                   format_func=captions.__getitem__, key=key, placeholder=t("common.choose"),
                   on_change=write_back, help=t("members.pick.help"))
    missing = [m for m in _member_list() if m not in table.index]
    if missing:
        st.warning(t("members.missing", ids=", ".join(missing)))


def render_members() -> None:
    """The whole 'Members' section of the pool page."""
    source_panel()
    member_picker()
