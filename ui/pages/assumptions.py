"""Every assumption, visible and editable: value, unit, range, source and evidence grade.

The table is the engine's parameter catalogue (:func:`simulator.catalogue.parameter_catalogue`)
with the scenario's overrides applied. Editing a value stores an override in the scenario's
``parameters`` mapping, after the engine has checked it (hard bounds, unit); changed values are
marked and can be reset one by one or all at once.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from simulator.errors import InputError
from ui import state
from ui.formatting import number
from ui.guard import show_input_error
from ui.i18n import current_language, t
from ui.i18n.params import DESCRIPTIONS, GROUPS

GRADES = ("B", "F", "D", "G")


@st.cache_data(show_spinner=False)
def catalogue() -> pd.DataFrame:
    """The parameter catalogue (name, value, unit, low, high, min, max, grade, source…)."""
    from simulator.catalogue import parameter_catalogue

    return parameter_catalogue().set_index("name")


def current_values(overrides: dict[str, Any]) -> dict[str, float]:
    """Catalogue defaults with the scenario's overrides, as the engine reads them."""
    from simulator.catalogue import ParameterSet

    return dict(ParameterSet.defaults().override(overrides))


def description(name: str, fallback: str) -> str:
    """Translated parameter description when there is one, else the catalogue's (English)."""
    return DESCRIPTIONS.get(name, {}).get(current_language()) or fallback


def group_label(name: str) -> str:
    """Translated group (the part of the name before the first dot)."""
    group = name.split(".", 1)[0]
    return GROUPS.get(group, {}).get(current_language()) or group


def table(overrides: dict[str, Any]) -> pd.DataFrame:
    """The editable table shown on the page."""
    cat = catalogue()
    values = current_values(overrides)
    lang = current_language()
    return pd.DataFrame({
        "changed": [name in overrides for name in cat.index],
        "group": [group_label(n) for n in cat.index],
        "description": [description(n, cat.loc[n, "description"]) for n in cat.index],
        "value": [values[n] for n in cat.index],
        "unit": cat["unit"].tolist(),
        "default": cat["value"].tolist(),
        "range": [f"{number(lo, lang, _decimals(lo))} – {number(hi, lang, _decimals(hi))}"
                  for lo, hi in zip(cat["low"], cat["high"], strict=True)],
        "grade": [f"[{g}] {t(f'grade.{g}')}" for g in cat["grade"]],
        "source": cat["source"].tolist(),
    }, index=cat.index)


def _decimals(value: float) -> int:
    text = f"{value:g}"
    return len(text.split(".", 1)[1]) if "." in text and "e" not in text else 0


def apply_edits(edited: pd.DataFrame, overrides: dict[str, Any]) -> dict[str, Any] | None:
    """New overrides from the edited table, checked by the engine (None if unchanged)."""
    from simulator.catalogue import ParameterSet

    cat = catalogue()
    values = current_values(overrides)
    new = dict(overrides)
    for name, value in edited["value"].items():
        if value is None or pd.isna(value):
            continue
        if float(value) != values[name]:
            new[name] = float(value)
            if float(value) == float(cat.loc[name, "value"]):
                new.pop(name)
    if new == overrides:
        return None
    ParameterSet.defaults().override(new)  # raises InputError naming the parameter
    return new


def reset(names: list[str] | None = None) -> None:
    """Reset some (or all) changed parameters to the catalogue default."""
    overrides = dict(state.scenario_dict().get("parameters", {}))
    for name in list(overrides) if names is None else names:
        overrides.pop(name, None)
    state.update("parameters", overrides)
    state.reset_widgets()


def changed_panel(overrides: dict[str, Any]) -> None:
    """List of changed parameters, each with a reset button."""
    if not overrides:
        st.caption(t("assumptions.none_changed"))
        return
    cat = catalogue()
    lang = current_language()
    st.markdown(t("assumptions.changed_title", n=len(overrides)))
    for name in sorted(overrides):
        value = current_values({name: overrides[name]})[name]
        cols = st.columns([6, 1], vertical_alignment="center")
        cols[0].markdown(t("assumptions.changed_line",
                           description=description(name, cat.loc[name, "description"]),
                           value=number(value, lang, _decimals(value)),
                           default=number(cat.loc[name, "value"], lang,
                                          _decimals(cat.loc[name, "value"])),
                           unit=cat.loc[name, "unit"]))
        cols[1].button(t("assumptions.reset_one"), key=f"reset:{name}", on_click=reset,
                       args=([name],), icon=":material/undo:")
    st.button(t("assumptions.reset_all"), on_click=reset, icon=":material/restart_alt:",
              key="reset_all")


def render() -> None:
    """The assumptions page."""
    st.title(t("assumptions.title"))
    st.caption(t("assumptions.intro"))
    overrides = dict(state.scenario_dict().get("parameters", {}))
    try:
        current_values(overrides)
    except InputError as exc:
        show_input_error(exc)
        if st.button(t("assumptions.reset_all"), key="reset_all_bad"):
            reset()
            st.rerun()
        return
    changed_panel(overrides)
    grade_names = {g: f"[{g}] {t(f'grade.{g}')}" for g in GRADES}
    state.keep_codes("assumptions_grades", list(GRADES), lambda g: f"[{g}] {t(f'grade.{g}')}")
    grades = st.multiselect(t("assumptions.filter_grade"), list(GRADES), default=list(GRADES),
                            format_func=grade_names.__getitem__,
                            key="assumptions_grades")
    shown = table(overrides)
    shown = shown[[g in [f"[{x}]" for x in grades] for g in shown["grade"].str[:3]]]
    config = {
        "changed": st.column_config.CheckboxColumn(t("assumptions.col.changed"), width="small"),
        "group": st.column_config.TextColumn(t("assumptions.col.group")),
        "description": st.column_config.TextColumn(t("assumptions.col.description"),
                                                   width="large"),
        "value": st.column_config.NumberColumn(t("assumptions.col.value"), format="%g",
                                               help=t("assumptions.col.value.help")),
        "unit": st.column_config.TextColumn(t("assumptions.col.unit")),
        "default": st.column_config.NumberColumn(t("assumptions.col.default"), format="%g"),
        "range": st.column_config.TextColumn(t("assumptions.col.range")),
        "grade": st.column_config.TextColumn(t("assumptions.col.grade")),
        "source": st.column_config.TextColumn(t("assumptions.col.source"), width="large"),
    }
    key = f"{state.WIDGET_PREFIX}params:{state.generation()}:{len(overrides)}:{','.join(grades)}"
    edited = st.data_editor(
        shown, key=key, column_config=config, hide_index=True, height=520,
        disabled=[c for c in shown.columns if c != "value"])
    try:
        new = apply_edits(edited, overrides)
    except InputError as exc:
        show_input_error(exc, "assumptions.refused")
        return
    if new is not None:
        state.update("parameters", new)
        st.rerun()
    st.caption(t("assumptions.grades_note"))
