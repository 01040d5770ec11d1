"""Small shared pieces: headline figures, catalogue labels, bound widgets.

"Bound" widgets read their initial value from the scenario dict and write back on change
(see :mod:`ui.state`), so navigating between pages never loses an edit.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import streamlit as st

from ui import state
from ui.formatting import fte, money
from ui.i18n import current_language, label, t


def headline_values(summary: dict[str, Any], lang: str | None = None) -> dict[str, str]:
    """The central run's four figures (net annual saving, NPV, payback, frontline FTE), formatted
    as displayed: the Compare table and the tests use them."""
    lang = lang or current_language()
    payback = summary.get("payback_year")
    return {
        "net_annual_saving_eur": money(summary.get("net_annual_saving_eur"), lang),
        "npv_eur": money(summary.get("npv_eur"), lang),
        "payback_year": (t("headline.payback_value", lang=lang, year=int(payback))
                         if payback is not None else t("headline.payback_never", lang=lang)),
        "frontline_fte_freed": fte(summary.get("frontline_fte_freed"), lang),
    }


# --- catalogue labels ----------------------------------------------------------------------------

@st.cache_data(show_spinner=False)
def function_labels() -> dict[str, dict[str, str]]:
    """Function id -> its ``{fr, nl, en}`` label, from the engine's catalogue (catalogue order)."""
    from simulator.catalogue import functions

    return {fid: dict(f.label) for fid, f in functions().items()}


@st.cache_data(show_spinner=False)
def function_kinds() -> dict[str, str]:
    """Function id -> cost kind."""
    from simulator.catalogue import functions

    return {fid: f.kind for fid, f in functions().items()}


def function_label(fid: str) -> str:
    """A function's name in the current language."""
    return label(function_labels().get(fid, {}), None) or fid


@st.cache_data(show_spinner=False)
def vehicle_info() -> dict[str, dict[str, Any]]:
    """Vehicle id -> label, vat regime, kinds, minimum members, warning, source."""
    from simulator.catalogue import vehicles

    return {vid: {"label": dict(v.label), "vat": v.vat, "kinds": list(v.kinds),
                  "min_members": v.min_members, "warning": v.warning, "source": v.source,
                  "staff_cap": v.staff_cap}
            for vid, v in vehicles().items()}


def vehicle_label(vid: str) -> str:
    """A vehicle's name in the current language."""
    return label(vehicle_info().get(vid, {}).get("label"), None) or vid


# --- bound widgets -------------------------------------------------------------------------------

def _get(data: dict[str, Any], path: str, default: Any = None) -> Any:
    node: Any = data
    for part in path.split("."):
        if not isinstance(node, dict) or part not in node:
            return default
        node = node[part]
    return node


def bound(widget: Callable[..., Any], path: str, *args: Any, default: Any = None,
          to_state: Callable[[Any], Any] | None = None,
          from_state: Callable[[Any], Any] | None = None,
          label_of: Callable[[Any], str] | None = None, **kwargs: Any) -> Any:
    """A widget bound to a scenario field (dotted ``path``).

    The widget's key is ``w:<path>``; its first value comes from the scenario (through
    ``from_state``), and every change is written back (through ``to_state``). A choice widget
    (``options=``) holds codes only: ``label_of`` (default ``format_func``) names an option in
    the session's language, so a label sent back by the browser is turned into its code
    (:func:`ui.state.keep_codes`). A change that arrives before the run that drew the widget
    finished is not the user's (:func:`ui.state.seeded_in_unfinished_run`) and is ignored.
    """
    key = f"{state.WIDGET_PREFIX}{path}"
    options = kwargs.get("options")
    if options is not None:
        state.keep_codes(key, list(options), label_of or kwargs.get("format_func", str))

    def seed() -> None:
        value = _get(state.scenario_dict(), path, default)
        st.session_state[key] = from_state(value) if from_state else value

    if key not in st.session_state:
        seed()
        state.mark_seeded(key)

    def write_back() -> None:
        value = st.session_state[key]
        if options is not None:
            value = state.to_codes(key, value, list(options))  # a label sent back → its code
        if state.seeded_in_unfinished_run(key) or value is state.DROP:
            seed()  # not the user's choice: the scenario keeps its value, the widget shows it again
            return
        state.update(path, to_state(value) if to_state else value)

    return widget(*args, key=key, on_change=write_back, **kwargs)


_LINE = re.compile(r"^line (\d+), column (\d+)$")
_CELL = re.compile(r"^row (\d+), column '(.+)'$")
_COLUMN = re.compile(r"^column '(.+)'$")


def describe_field(field: str) -> str:
    """A field path made readable: ``pooling.energy`` -> ``Functions pooled › Energy``,
    ``row 3, column 'fte_total'`` -> ``ligne 3, colonne « fte_total »``."""
    line = _LINE.match(field)
    if line:
        return t("field.line", line=line.group(1), column=line.group(2))
    cell = _CELL.match(field)
    if cell:
        return t("field.cell", row=cell.group(1), column=column_label(cell.group(2)))
    column = _COLUMN.match(field)
    if column:
        return t("field.column", column=column_label(column.group(1)))
    head, _, rest = field.partition(".")
    head_key = f"field.{head.split('[')[0]}"
    if not _known(head_key):
        return field
    if head_key == "field.parameters" and rest:
        return f"{t(head_key)} › {parameter_label(rest)}"
    if not rest:
        return t(head_key)
    if head == "pooling":
        fid = rest.split("[")[0]
        return f"{t('field.pooling')} › {function_label(fid)}"
    words = [t(f"field.{part}") if _known(f"field.{part}") else part
             for part in (p.split("[")[0] for p in rest.split("."))]
    return " › ".join([t(head_key), *words])


def parameter_label(name: str) -> str:
    """A parameter's description in the current language; its name when the catalogue does not
    know it (a misspelled name in a file is shown as typed)."""
    from simulator.catalogue import parameters
    from simulator.translations.params import DESCRIPTIONS

    entry = parameters().get(name)
    if entry is None:
        return name
    return DESCRIPTIONS.get(name, {}).get(current_language()) or entry.description


def column_label(column: str) -> str:
    """An organisation-table column in words: ``accounting.fte`` -> ``Comptabilité · ETP``,
    ``fte_total`` -> ``ETP total`` (the column's own name when it is not a known column)."""
    if "." not in column:
        return t(f"column.{column}") if _known(f"column.{column}") else column
    fid, _, field = column.partition(".")
    label = function_label(fid)
    return f"{label} · {t(f'column.{field}')}" if _known(f"column.{field}") and label != fid else column


def _known(key: str) -> bool:
    from ui.i18n import has

    return has(key)


def translate_warning(text: str) -> str:
    """An engine warning in the current language (a catalogued message; other text as it is)."""
    from simulator.messages import render

    return render(text, current_language())


def warnings(items: list[str]) -> None:
    """The engine's warnings for this result, translated where possible."""
    for text in items or []:
        st.info(translate_warning(text), icon=":material/info:")
