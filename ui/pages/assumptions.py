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
from simulator.translations.param_sources import SOURCES
from simulator.translations.params import DESCRIPTIONS, GROUPS
from ui import state
from ui.formatting import parameter_value
from ui.guard import show_input_error
from ui.i18n import current_language, t, tn
from ui.i18n.units import unit_label, unit_scale

GRADES = ("B", "F", "D", "G")
#: Most decimals a value is shown with (after scaling shares to %).
MAX_DECIMALS = 3


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


def source(name: str, fallback: str) -> str:
    """Translated source when there is one, else the catalogue's (English)."""
    return SOURCES.get(name, {}).get(current_language()) or fallback


def shown_value(value: float, unit: str, lang: str) -> str:
    """A value as people read and edit it: shares and rates in %, Belgian digits, no float
    noise, exact to :data:`MAX_DECIMALS` decimals (:func:`simulator.formatting.parameter_value`,
    which the brief uses at four significant digits).

    ``0.324`` (fraction) → ``32,4`` (fr); ``3400`` (€/month) → ``3 400``; ``13.92`` → ``13,92``.
    """
    return parameter_value(value, lang, unit, max_decimals=MAX_DECIMALS)


def typed_value(text: Any, unit: str, lang: str) -> float:
    """What a person typed in the value column, back in the catalogue's unit (``32,4`` % → 0.324).

    Raises ValueError when the text is not a number.
    """
    from simulator.numbers import number_from_text

    raw = str(text).replace("%", "")
    return number_from_text(raw, decimal_comma=lang != "en") / unit_scale(unit)


def group_label(name: str) -> str:
    """Translated group (the part of the name before the first dot)."""
    group = name.split(".", 1)[0]
    return GROUPS.get(group, {}).get(current_language()) or group


def table(overrides: dict[str, Any]) -> pd.DataFrame:
    """The editable table shown on the page: every number formatted the Belgian way, shares in %,
    units and sources in the user's language."""
    cat = catalogue()
    values = current_values(overrides)
    lang = current_language()
    units = cat["unit"].tolist()
    return pd.DataFrame({
        "changed": [name in overrides for name in cat.index],
        "group": [group_label(n) for n in cat.index],
        "description": [description(n, cat.loc[n, "description"]) for n in cat.index],
        "value": [shown_value(values[n], u, lang) for n, u in zip(cat.index, units, strict=True)],
        "unit": [unit_label(u, lang) for u in units],
        "default": [shown_value(v, u, lang) for v, u in zip(cat["value"], units, strict=True)],
        "range": [f"{shown_value(lo, u, lang)} – {shown_value(hi, u, lang)}"
                  for lo, hi, u in zip(cat["low"], cat["high"], units, strict=True)],
        "grade": [f"[{g}] {t(f'grade.{g}')}" for g in cat["grade"]],
        "source": [source(n, cat.loc[n, "source"]) for n in cat.index],
    }, index=cat.index)


def apply_edits(edited: pd.DataFrame, overrides: dict[str, Any]) -> dict[str, Any] | None:
    """New overrides from the edited table, checked by the engine (None if unchanged).

    Raises InputError naming the parameter when a typed value is not a number or is outside
    its valid range.
    """
    from simulator.catalogue import ParameterSet

    cat = catalogue()
    lang = current_language()
    shown = table(overrides)["value"]
    new = dict(overrides)
    for name, text in edited["value"].items():
        if text is None or (isinstance(text, float) and pd.isna(text)) or str(text).strip() == "":
            continue
        if str(text) == shown[name]:
            continue
        unit = cat.loc[name, "unit"]
        try:
            value = typed_value(text, unit, lang)
        except ValueError:
            raise InputError(description(name, cat.loc[name, "description"]),
                             t("assumptions.not_a_number", value=str(text).strip())) from None
        new[name] = value
        if shown_value(value, unit, lang) == shown_value(cat.loc[name, "value"], unit, lang):
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
    st.markdown(tn("assumptions.changed_title", len(overrides)))
    for name in sorted(overrides):
        value = current_values({name: overrides[name]})[name]
        unit = cat.loc[name, "unit"]
        cols = st.columns([6, 1], vertical_alignment="center")
        cols[0].markdown(t("assumptions.changed_line",
                           description=description(name, cat.loc[name, "description"]),
                           value=shown_value(value, unit, lang),
                           default=shown_value(cat.loc[name, "value"], unit, lang),
                           unit=unit_label(unit, lang)))
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
                            format_func=grade_names.__getitem__, placeholder=t("common.choose"),
                            key="assumptions_grades")
    shown = table(overrides)
    shown = shown[[g in [f"[{x}]" for x in grades] for g in shown["grade"].str[:3]]]
    config = {
        "changed": st.column_config.CheckboxColumn(t("assumptions.col.changed"), width="small"),
        "group": st.column_config.TextColumn(t("assumptions.col.group")),
        "description": st.column_config.TextColumn(t("assumptions.col.description"),
                                                   width="large"),
        "value": st.column_config.TextColumn(t("assumptions.col.value"),
                                             help=t("assumptions.col.value.help")),
        "unit": st.column_config.TextColumn(t("assumptions.col.unit")),
        "default": st.column_config.TextColumn(t("assumptions.col.default")),
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
