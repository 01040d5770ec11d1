"""Compare two to four scenarios side by side (table and charts).

Candidates are the scenario being edited, the variants saved in this session and the example
files. Quick variants (same pool with another vehicle, same pool without premises) are saved
with one click. Every figure comes from the engine, one cached call per scenario.
"""

from __future__ import annotations

import copy
from typing import Any

import pandas as pd
import streamlit as st

from simulator.errors import InputError
from simulator.examples import title_for
from ui import charts, engine, state
from ui.formatting import MISSING, fte, money, number, percent
from ui.guard import show_input_error
from ui.i18n import current_language, t
from ui.widgets import headline_values, vehicle_info, vehicle_label

CURRENT = "__current__"
PICK_KEY = "compare_pick"
NAME_KEY = "compare_variant_name"
VEHICLE_KEY = "compare_other_vehicle"
MAX_CHOSEN = 4
#: Pixels shared by the scenario columns of the table (four fit beside the metric names on a
#: 1,366-pixel screen).
TABLE_WIDTH = 600
#: Figures compared, in table order: the Monte Carlo headline first (``HEADLINE_METRICS``, from
#: the seeded headline run), then the central run (money unless listed in ``NON_MONEY``), then the
#: funder's rows (:mod:`simulator.funding_metrics`).
HEADLINE_METRICS = ("npv_p50_eur", "p_npv_positive", "net_result_p50_eur")
METRICS = (*HEADLINE_METRICS, "npv_eur", "net_annual_result_eur", "net_pooled_annual_cost_eur",
           "baseline_annual_cost_eur", "payback_year", "frontline_fte_freed", "setup_cost_eur", "irr",
           "vat_exempt", "members_count",
           "public_cost_eur", "npv_without_funding_eur", "frontline_fte_freed_net",
           "public_eur_per_frontline_fte", "leverage")
NON_MONEY = ("p_npv_positive", "payback_year", "frontline_fte_freed", "irr", "vat_exempt", "members_count",
             "frontline_fte_freed_net", "leverage")


def candidates() -> dict[str, dict[str, Any]]:
    """Choosable scenarios: the current one, saved variants, examples (key -> scenario dict)."""
    out: dict[str, dict[str, Any]] = {CURRENT: state.scenario_dict()}
    for name, data in state.saved().items():
        out[f"saved:{name}"] = data
    for stem in state.example_paths():
        try:
            out[f"example:{stem}"] = state.example_dict(stem)
        except InputError:
            continue
    return out


def default_pick(options: dict[str, dict[str, Any]]) -> list[str]:
    """First view: the current scenario, saved variants, else the examples that vary it."""
    current = options[CURRENT]
    saved = [k for k in options if k.startswith("saved:")]
    if saved:
        return [CURRENT, *saved][:MAX_CHOSEN]
    same_members = [k for k, d in options.items() if k.startswith("example:")
                    and d.get("members") == current.get("members") and d != current]
    others = [k for k in options if k.startswith("example:")
              and options[k].get("name") != current.get("name")]
    return [CURRENT, *(same_members or others[:1])][:MAX_CHOSEN]


def caption(key: str, data: dict[str, Any]) -> str:
    """How a candidate is named in the picker."""
    name = title_for(str(data.get("name", key)), current_language())
    if key == CURRENT:
        return t("compare.current", name=name)
    if key.startswith("saved:"):
        return t("compare.saved", name=name)
    return t("compare.example", name=name)


def _keep(name: str, data: dict[str, Any]) -> None:
    """Save a variant and add it to the scenarios being compared (callback)."""
    state.saved()[name] = dict(copy.deepcopy(data), name=name)
    picked = list(st.session_state.get(PICK_KEY, [CURRENT]))
    key = f"saved:{name}"
    if key not in picked:
        if len(picked) >= MAX_CHOSEN:  # a variant just saved always joins: it replaces the last pick
            picked = picked[: MAX_CHOSEN - 1]
        picked.append(key)
    st.session_state[PICK_KEY] = picked


def _save_named() -> None:
    name = str(st.session_state.get(NAME_KEY, "")).strip()
    _keep(name or t("compare.variant_default", n=len(state.saved()) + 1), state.scenario_dict())


def _save_vehicle_variant() -> None:
    base = state.scenario_dict()
    other = st.session_state.get(VEHICLE_KEY)
    if other:
        _keep(f"{base.get('name', '')} — {vehicle_label(other)}", dict(base, vehicle=other))


def _save_without_premises() -> None:
    base = copy.deepcopy(state.scenario_dict())
    (base.get("pooling") or {}).pop("premises", None)
    _keep(f"{base.get('name', '')} — {t('compare.no_premises')}", base)


def quick_variants() -> None:
    """Save the current pool under a name, or as a one-click variant."""
    with st.expander(t("compare.make_variants"), expanded=False):
        cols = st.columns([3, 1], vertical_alignment="bottom")
        cols[0].text_input(t("compare.variant_name"), key=NAME_KEY,
                           placeholder=t("compare.variant_default", n=len(state.saved()) + 1))
        cols[1].button(t("compare.save"), icon=":material/bookmark_add:", on_click=_save_named)
        base = state.scenario_dict()
        names = {v: vehicle_label(v) for v in vehicle_info() if v != base.get("vehicle")}
        cols = st.columns(2, vertical_alignment="bottom")
        state.keep_codes(VEHICLE_KEY, list(names), vehicle_label)
        cols[0].selectbox(t("compare.other_vehicle"), list(names), key=VEHICLE_KEY,
                          format_func=names.__getitem__)
        cols[1].button(t("compare.add_vehicle_variant"), icon=":material/swap_horiz:",
                       on_click=_save_vehicle_variant)
        if "premises" in (base.get("pooling") or {}):
            st.button(t("compare.add_no_premises"), icon=":material/domain_disabled:",
                      on_click=_save_without_premises)


def comparison_frames(results: dict[str, Any]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Raw figures (metrics × scenarios) and formatted table for display."""
    lang = current_language()
    raw = pd.DataFrame({name: {m: figure(res, m) for m in METRICS} for name, res in results.items()})
    shown = pd.DataFrame(index=[t(f"compare.metric.{m}") for m in METRICS])
    for name, res in results.items():
        s = res.summary
        heads = headline_values(s, lang)
        column = []
        for m in METRICS:
            if m == "p_npv_positive":
                column.append(percent(figure(res, m), lang, 1) if figure(res, m) is not None else MISSING)
            elif m in HEADLINE_METRICS:
                column.append(money(figure(res, m), lang))
            elif m in heads:
                column.append(heads[m])
            elif m == "irr":
                column.append(percent(s.get("irr"), lang) if s.get("irr") is not None else MISSING)
            elif m == "vat_exempt":
                column.append(t("common.yes") if s.get("vat_exempt") else t("common.no"))
            elif m == "members_count":
                column.append(str(s.get("members_count", MISSING)))
            elif m in ("frontline_fte_freed_net", "leverage"):
                column.append(number(s.get(m), lang, 2))
            else:
                column.append(money(s.get(m), lang))
        shown[name] = column
    return raw, shown


def short_names(names: list[str], limit: int = 42) -> list[str]:
    """Column names that fit four to a screen: the shared leading "Name — " parts dropped, then
    cut to ``limit`` characters keeping the end, where variants differ (the picker above shows the
    full names)."""
    parts = [n.split(" — ") for n in names]
    shared = 0
    if len(names) > 1:
        while all(len(p) > shared + 1 for p in parts) and len({p[shared] for p in parts}) == 1:
            shared += 1
    out = []
    for p in parts:
        rest = " — ".join(p[shared:])
        short = rest if len(rest) <= limit else "…" + rest[-(limit - 1):].lstrip()
        while short in out:  # keep columns distinct
            short += "·"
        out.append(short)
    return out


def figure(res: Any, metric: str) -> Any:
    """A compared figure: from the Monte Carlo headline for its keys, else the central summary."""
    if metric in HEADLINE_METRICS:
        return (res.headline or {}).get(metric)
    return res.summary.get(metric)


def render() -> None:
    """The comparison page."""
    st.title(t("compare.title"))
    st.caption(t("compare.intro"))
    quick_variants()
    options = candidates()
    if PICK_KEY not in st.session_state:
        st.session_state[PICK_KEY] = default_pick(options)
    st.session_state[PICK_KEY] = [k for k in st.session_state[PICK_KEY] if k in options]
    captions = {k: caption(k, options[k]) for k in options}
    chosen = st.multiselect(t("compare.pick"), list(options), format_func=captions.__getitem__,
                            placeholder=t("common.choose"),
                            max_selections=MAX_CHOSEN, key=PICK_KEY)
    if len(chosen) < 2:
        st.info(t("compare.need_two"), icon=":material/info:")
        return
    results: dict[str, Any] = {}
    for key in chosen:
        data = options[key]
        label = title_for(str(data.get("name", key)), current_language())
        if label in results:
            label = f"{label} ({len(results) + 1})"
        try:
            results[label] = engine.simulate_dict(data)
        except InputError as exc:
            st.markdown(f"**{label}**")
            show_input_error(exc)
    if len(results) < 2:
        return
    results = dict(zip(short_names(list(results)), results.values(), strict=True))
    raw, shown = comparison_frames(results)
    st.dataframe(shown, key="compare_table", height=35 * (len(shown) + 1) + 3,
                 column_config={name: st.column_config.TextColumn(name, width=TABLE_WIDTH // len(shown.columns))
                                for name in shown.columns})
    st.download_button(t("common.table_data"), charts.csv_bytes(raw), "comparison.csv",
                       "text/csv", icon=":material/download:", type="tertiary")
    money_rows = ["net_result_p50_eur", "npv_p50_eur", "setup_cost_eur"]
    bars = raw.loc[money_rows].astype(float)
    bars.index = [t(f"compare.metric.{m}") for m in money_rows]
    charts.show(charts.compare_bars(bars, t("chart.eur"), t("compare.chart_bars")), bars, t("compare.chart_bars"),
                "compare_bars")
    cumulative = pd.DataFrame({name: res.cashflows["cumulative_eur"]
                               for name, res in results.items()})
    charts.show(charts.compare_lines(cumulative, t("chart.cumulative_eur"), t("compare.chart_cumulative")),
                cumulative, t("compare.chart_cumulative"), "compare_lines")
    st.caption(t("compare.fte_note", values=", ".join(
        f"{name}: {fte(res.summary.get('frontline_fte_freed'), current_language())}"
        for name, res in results.items())))
