"""Pool set-up widgets: the member × function matrix, vehicle, sites, horizon and allocation key.

Each widget edits the scenario dict (see :mod:`ui.state`); the engine validates the result and
its errors are shown where the user is (see :func:`validation_message`).
"""

from __future__ import annotations

import copy
import hashlib
from typing import Any

import pandas as pd
import streamlit as st

from simulator.errors import InputError
from ui import engine, site_purchase, state
from ui.guard import show_input_error
from ui.i18n import current_language, has, label, t
from ui.widgets import (
    bound,
    function_kinds,
    function_label,
    function_labels,
    translate_warning,
    vehicle_info,
    vehicle_label,
)

ALLOCATIONS = ("use", "standalone", "equal")
NO_SITE = ""


def view(data: dict[str, Any]) -> dict[str, Any]:
    """The scenario's fields the widgets read, with safe shapes.

    The engine validates the real scenario; widgets must still draw when it is half-edited or
    malformed (so the user can fix it where it is wrong).
    """
    members = data.get("members")
    pooling = data.get("pooling")
    sites = data.get("sites")
    return {
        "members": [str(m) for m in members] if isinstance(members, list) else [],
        "pooling": pooling if isinstance(pooling, dict) else {},
        "vehicle": data.get("vehicle") if isinstance(data.get("vehicle"), str) else "",
        "sites": [s for s in sites if isinstance(s, dict)] if isinstance(sites, list) else [],
    }


def _names() -> dict[str, str]:
    table = engine.active_organisations().table
    return {mid: str(table.loc[mid, "name"]) if mid in table.index else mid
            for mid in view(state.scenario_dict())["members"]}


def pooling_matrix(data: dict[str, Any]) -> pd.DataFrame:
    """Member × function booleans from the scenario's ``pooling`` mapping."""
    data = view(data)
    members = data["members"]
    matrix = pd.DataFrame(False, index=members, columns=list(function_labels()))
    for fid, who in data["pooling"].items():
        if fid in matrix.columns:
            listed = who if isinstance(who, list) else []
            rows = members if who == "all" else [m for m in listed if m in matrix.index]
            matrix.loc[rows, fid] = True
    return matrix


def pooling_from_matrix(matrix: pd.DataFrame) -> dict[str, Any]:
    """The ``pooling`` mapping: ``all`` when every member ticks a function, else the list."""
    pooling: dict[str, Any] = {}
    for fid in matrix.columns:
        ticked = [m for m in matrix.index if bool(matrix.loc[m, fid])]
        if ticked:
            pooling[fid] = "all" if len(ticked) == len(matrix.index) else ticked
    return pooling


def matrix_editor() -> None:
    """Tick which member pools which function; columns the vehicle cannot carry are greyed."""
    data = view(state.scenario_dict())
    if not data["members"]:
        st.info(t("matrix.no_members"), icon=":material/info:")
        return
    vehicle = vehicle_info().get(data["vehicle"], {})
    carried = set(vehicle.get("kinds", []))
    kinds = function_kinds()
    matrix = pooling_matrix(data)
    names = _names()
    shown = matrix.copy()
    shown.insert(0, "member", [names.get(m, m) for m in shown.index])
    blocked = [fid for fid in matrix.columns if kinds[fid] not in carried and not matrix[fid].any()]
    config: dict[str, Any] = {"member": st.column_config.TextColumn(t("matrix.member"))}
    for fid in matrix.columns:
        config[fid] = st.column_config.CheckboxColumn(function_label(fid),
                                                      help=t(f"kind.{kinds[fid]}"))
    signature = hashlib.sha1(("|".join(matrix.index) + data["vehicle"]).encode())
    key = f"{state.WIDGET_PREFIX}matrix:{state.generation()}:{signature.hexdigest()[:8]}"
    edited = st.data_editor(shown, key=key, hide_index=True, column_config=config,
                            disabled=["member", *blocked])
    if blocked:
        st.caption(t("matrix.blocked", vehicle=label(vehicle.get("label")),
                     functions=", ".join(function_label(f) for f in blocked)))
    new = pooling_from_matrix(edited.drop(columns="member"))
    if new != data["pooling"]:
        state.update("pooling", new)
        st.rerun()


def vehicle_picker() -> None:
    """The legal vehicle, with its VAT regime and any warning from the catalogue."""
    info = vehicle_info()
    names = {v: label(info[v]["label"]) for v in info}
    bound(st.selectbox, "vehicle", t("setup.vehicle"), options=list(info),
          format_func=names.__getitem__, label_of=vehicle_label, help=t("setup.vehicle.help"))
    vid = view(state.scenario_dict())["vehicle"]
    chosen = info.get(vid)
    if chosen:
        desc = f"vehicle.desc.{vid}"
        st.caption(t(f"vat.regime.{chosen['vat']}") + " · "
                   + (t(desc) if has(desc) else chosen["source"]))
        if chosen.get("warning"):
            st.warning(translate_warning(chosen["warning"]), icon=":material/gavel:")


def sites_editor() -> None:
    """Which members share a site (same name = same building); optional rent per site."""
    data = view(state.scenario_dict())
    names = _names()
    if not names:
        st.info(t("matrix.no_members"), icon=":material/info:")
        return
    site_of = {m: str(s.get("id", "")) for s in data["sites"]
               for m in (s.get("members") if isinstance(s.get("members"), list) else [])}
    frame = pd.DataFrame({"member": [names[m] for m in names],
                          "site": [site_of.get(m, NO_SITE) for m in names]},
                         index=list(names)).astype({"site": "string"})
    key = f"{state.WIDGET_PREFIX}sites:{state.generation()}:{len(names)}:{'|'.join(names)}"
    edited = st.data_editor(
        frame, key=key, hide_index=True, disabled=["member"],
        column_config={"member": st.column_config.TextColumn(t("matrix.member")),
                       "site": st.column_config.TextColumn(t("sites.site"),
                                                           help=t("sites.site.help"))})
    rents = {s.get("id"): s.get("rent_eur_m2") for s in data["sites"]}
    communes = {s.get("id"): s.get("commune") for s in data["sites"]}
    purchases = {s.get("id"): s.get("purchase") for s in data["sites"]}
    sites: dict[str, list[str]] = {}
    for mid, value in zip(edited.index, edited["site"], strict=True):
        text = "" if value is None or pd.isna(value) else str(value).strip()
        if text:
            sites.setdefault(text, []).append(mid)
    new_sites = [{"id": sid, "members": who,
                  **({"rent_eur_m2": rents[sid]} if rents.get(sid) is not None else {}),
                  **({"commune": communes[sid]} if communes.get(sid) else {}),
                  **({"purchase": purchases[sid]} if purchases.get(sid) else {})}
                 for sid, who in sites.items()]
    if sites:
        rent_frame = pd.DataFrame({"site": list(sites),
                                   "rent": [rents.get(s) for s in sites]}).set_index("site")
        rent_key = f"{state.WIDGET_PREFIX}rents:{state.generation()}:{'|'.join(sites)}"
        rent_edit = st.data_editor(
            rent_frame, key=rent_key,
            column_config={"rent": st.column_config.NumberColumn(
                t("sites.rent"), help=t("sites.rent.help"), min_value=0.0, format="%.0f")})
        for site in new_sites:
            value = rent_edit.loc[site["id"], "rent"]
            if value is None or pd.isna(value):
                site.pop("rent_eur_m2", None)
            else:
                site["rent_eur_m2"] = float(value)
        site_purchase.editor(new_sites, purchases)
    if new_sites != state.scenario_dict().get("sites", []):
        state.update("sites", new_sites)
        st.rerun()


def horizon_and_key() -> None:
    """Horizon (years), allocation key and the exit-risk switch."""
    cols = st.columns([2, 3])
    with cols[0]:
        bound(st.slider, "horizon_years", t("setup.horizon"), min_value=1, max_value=30,
              help=t("setup.horizon.help"), default=10)
        bound(st.toggle, "exit_risk", t("setup.exit_risk"), help=t("setup.exit_risk.help"),
              default=True)
    with cols[1]:
        keys = {k: t(f"allocation.{k}") for k in ALLOCATIONS}
        bound(st.radio, "allocation", t("setup.allocation"), options=list(ALLOCATIONS),
              format_func=keys.__getitem__, label_of=lambda k: t(f"allocation.{k}"), help=t("setup.allocation.help"),
              default="use")


#: Widgets that show an example's words in the session's language (reseeded on a language change).
TRANSLATED_FIELDS = ("name", "description")


def name_field() -> None:
    """The scenario's name and description: an example's own title and description are shown in
    the session's language (:mod:`simulator.examples`) and stored as the file has them, so the
    scenario stays the same whatever language it was built in; the user's own words are kept."""
    from simulator.examples import description_for, stored_name, title_for

    lang = current_language()
    name = str(state.scenario_dict().get("name", ""))
    original = str(state.scenario_dict().get("description", "") or "")
    shown = description_for(name, original, lang)
    bound(st.text_input, "name", t("setup.name"), max_chars=120, from_state=lambda v: title_for(v, lang),
          to_state=stored_name)
    bound(st.text_area, "description", t("setup.description"), height=68, default="",
          from_state=lambda v: description_for(name, v or "", lang),
          to_state=lambda v: original if v == shown else v)


def validation_message() -> bool:
    """Validate the scenario with the engine; show problems inline. True when valid."""
    try:
        engine.canonical(state.scenario_dict())
    except InputError as exc:
        show_input_error(exc, "error.scenario_invalid")
        return False
    return True


def load_example(stem: str) -> None:
    """Replace the scenario by an example file (member table back to the sample if it uses it)."""
    data = copy.deepcopy(state.example_dict(stem))
    if data.get("organisations") == state.SAMPLE:
        state.set_custom_organisations(None, None)
    state.set_scenario(data, origin=stem)


def new_pool() -> None:
    """Start a clean pool: current members, functions, vehicle, horizon and key (all visible in
    the builder); no funding, no description, no changed assumptions, no example name."""
    state.set_scenario(state.clean_pool(state.scenario_dict(), t("pool.new_name")), origin="new")


#: Scenario parts that can silently carry over from an example, and their "empty" value.
CARRIED = {"funding": {}, "parameters": {}, "uncertainty": {}}


def carried_over() -> None:
    """Say what the pool still carries from a previous scenario, each with a button to remove it."""
    data = state.scenario_dict()
    present = [part for part in CARRIED if data.get(part)]
    if not present:
        return
    labels = {part: t(f"pool.carried.{part}", n=len(data.get(part) or {})) for part in present}
    st.info(t("pool.carried", items=", ".join(labels.values())), icon=":material/history:")
    cols = st.columns(len(present))
    for col, part in zip(cols, present, strict=True):
        col.button(t("pool.carried.remove", item=labels[part]), key=f"_remove_{part}",
                   on_click=_remove, args=(part,), icon=":material/close:")


def _remove(part: str) -> None:
    data = copy.deepcopy(state.scenario_dict())
    data[part] = copy.deepcopy(CARRIED[part])
    if part == "uncertainty":
        data["correlations"] = None
    state.set_scenario(data)
