"""Funding: the policymaker's page — funding options compared across a population of ASBLs.

Options come from a file under ``scenarios/funding/`` or an uploaded YAML; the population is the
synthetic Brussels one (size and seed) or the member table in use. Every figure comes from
:func:`simulator.sector.compare_funding` through :func:`ui.engine.compare_funding` (cached on the
options text, the population, the draws and the seed). The run starts on a click: a thousand
ASBLs over 200 draws take a few seconds.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from simulator.errors import InputError
from simulator.report import figures
from simulator.tabular import MAX_UPLOAD_BYTES
from ui import brief_button, charts, engine, state
from ui.formatting import MISSING, money, number
from ui.guard import show_input_error
from ui.i18n import current_language, t
from ui.uploader import file_uploader

SETTINGS = "funding_settings"
UPLOAD = "(upload)"
DEFAULT = {"file": "funding_options", "population": "generated", "size": 1000, "seed": 1, "draws": 200}
#: Table columns: record key -> (message key, kind).
COLUMNS = {
    "public_cost_npv_eur": ("funding.col.public_cost", "money"),
    "budget_used_eur": ("funding.col.budget_used", "money"),
    "sector_net_benefit_npv_eur": ("funding.col.net_benefit", "money"),
    "frontline_fte_freed": ("funding.col.frontline", "fte"),
    "additional_frontline_fte": ("funding.col.extra_frontline", "fte"),
    "leverage": ("funding.col.leverage", "ratio"),
    "public_eur_per_additional_frontline_fte": ("funding.col.per_fte", "money"),
    "pools_formed": ("funding.col.pools", "count"),
    "additional_pools": ("funding.col.additional", "count"),
    "members_pooled": ("funding.col.members", "count"),
    "deadweight_eur": ("funding.col.deadweight", "money"),
}
#: Figures drawn as bars with their P10–P90 band.
BANDED = ("public_cost_npv_eur", "sector_net_benefit_npv_eur", "additional_net_benefit_npv_eur",
          "frontline_fte_freed", "additional_frontline_fte", "deadweight_eur")


def option_files() -> dict[str, Any]:
    """Options files shipped under ``scenarios/funding/``, by stem."""
    folder = engine.FUNDING_DIR
    return {p.stem: p for p in sorted(folder.glob("*.yaml"))} if folder.is_dir() else {}


def settings() -> dict[str, Any] | None:
    """The settings form; returns the settings of the run to show (None before the first run)."""
    files = option_files()
    current = st.session_state.get(SETTINGS) or DEFAULT
    with st.form("funding_form"):
        st.markdown(f"**{t('funding.settings')}**")
        choices = [*files, UPLOAD]
        cols = st.columns(2)
        names = {c: t("funding.upload") if c == UPLOAD else f"{c}.yaml" for c in choices}
        chosen = cols[0].selectbox(t("funding.options_file"), choices,
                                   index=choices.index(current["file"]) if current["file"] in choices else 0,
                                   format_func=names.__getitem__,
                                   help=t("funding.options_file.help"), key="funding_file")
        upload = file_uploader(t("funding.upload"), ("yaml", "yml"), key="funding_upload", container=cols[1])
        kinds = {"generated": t("funding.population.generated"), "members": t("funding.population.members")}
        population = st.radio(t("funding.population"), list(kinds), format_func=kinds.__getitem__,
                              index=list(kinds).index(current["population"]), horizontal=True,
                              key="funding_population")
        cols = st.columns(4, vertical_alignment="bottom")
        size = cols[0].number_input(t("funding.size"), min_value=2, max_value=20_000, value=current["size"],
                                    step=100, key="funding_size")
        seed = cols[1].number_input(t("funding.seed"), min_value=0, value=current["seed"], step=1,
                                    key="funding_seed")
        draws = cols[2].number_input(t("funding.draws"), min_value=0, max_value=2_000, value=current["draws"],
                                     step=50, help=t("funding.draws.help"), key="funding_draws")
        if cols[3].form_submit_button(t("funding.run"), icon=":material/play_arrow:", type="primary",
                                      key="funding_run"):
            text, name = _options_text(chosen, upload, files)
            current = {"file": chosen, "population": population, "size": int(size), "seed": int(seed),
                       "draws": int(draws), "text": text, "name": name}
            st.session_state[SETTINGS] = current
    return st.session_state.get(SETTINGS)


def _options_text(chosen: str, upload: Any, files: dict[str, Any]) -> tuple[str | None, str]:
    if chosen == UPLOAD:
        if upload is None:
            return None, "(upload)"
        raw = upload.getvalue()
        if len(raw) > MAX_UPLOAD_BYTES:
            raise InputError(upload.name, t("error.too_large", mb=MAX_UPLOAD_BYTES // 2**20))
        try:
            return raw.decode("utf-8"), upload.name
        except UnicodeDecodeError:
            return None, upload.name
    return files[chosen].read_text(encoding="utf-8"), files[chosen].name


def run(s: dict[str, Any]) -> engine.FundingView:
    if s.get("text") is None:
        raise InputError(t("funding.upload"), t("funding.need_upload"))
    if s["population"] == "members":
        custom = state.custom_organisations()
        key, csv = (custom["hash"], custom["csv"]) if custom else (state.SAMPLE, None)
    else:
        key, csv = "generated", None
    with st.spinner(t("funding.running")):
        return engine.compare_funding(s["text"], s["name"], key, csv, s["size"], s["seed"], s["draws"])


def _format(value: Any, kind: str, lang: str) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return MISSING
    if kind == "money":
        return money(value, lang)
    if kind == "count":
        return str(int(value))
    return number(value, lang, 2)


def options_table(view: engine.FundingView) -> None:
    lang = current_language()
    st.subheader(t("funding.table"))
    raw = pd.DataFrame(view.records).set_index("option")
    shown = pd.DataFrame(index=[view.labels.get(o, o) for o in raw.index])
    for key, (label, kind) in COLUMNS.items():
        shown[t(label)] = [_format(v, kind, lang) for v in raw[key]]
    st.dataframe(shown, key="funding_table")
    st.download_button(t("common.table_data"), charts.csv_bytes(raw), "funding_options.csv", "text/csv",
                       icon=":material/download:", type="tertiary", key="csv:funding_table")


def banded_bars(view: engine.FundingView) -> None:
    raw = pd.DataFrame(view.records).set_index("option")
    if f"{BANDED[0]}_p10" not in raw:
        return  # central values only (0 draws)
    st.subheader(t("funding.bars"))
    names = {m: t(COLUMNS[m][0]) if m in COLUMNS else m for m in BANDED}
    names["additional_net_benefit_npv_eur"] = t("funding.col.net_benefit") + " (Δ)"
    metric = st.selectbox(t("funding.metric"), list(BANDED), format_func=names.__getitem__, key="funding_metric")
    data = pd.DataFrame({"option": [view.labels.get(o, o) for o in raw.index],
                         "p10": raw[f"{metric}_p10"].to_numpy(), "p50": raw[f"{metric}_p50"].to_numpy(),
                         "p90": raw[f"{metric}_p90"].to_numpy()})
    fig = figures.option_bands(data["option"].tolist(), data["p10"].tolist(), data["p50"].tolist(),
                               data["p90"].tolist(), names[metric], current_language())
    charts.show(fig, data, f"funding-{metric}", "funding_bars", index=False)


def by_group_chart(view: engine.FundingView) -> None:
    groups = {b: t(f"funding.by.{b}") for b in ("commune", "subsector")}
    by = st.radio(t("funding.by"), list(groups), format_func=groups.__getitem__, horizontal=True, key="funding_by")
    frame = view.by_commune if by == "commune" else view.by_subsector
    wide = frame.pivot_table(index=by, columns="option", values="members_pooled", aggfunc="sum", sort=False)
    wide = wide[[o for o in view.labels if o in wide.columns]]
    wide.columns = [view.labels[o] for o in wide.columns]
    if by == "commune":
        from simulator.communes import commune_label

        wide.index = [commune_label(c, current_language() if current_language() != "en" else "fr")
                      for c in wide.index]
    label = t("funding.by_chart", by=groups[by].lower())
    fig = go.Figure()
    for k, column in enumerate(wide.columns):
        fig.add_bar(x=list(wide.index), y=wide[column].tolist(), name=column,
                    marker_color=charts.SERIES[k % len(charts.SERIES)])
    fig.update_layout(barmode="group")
    charts.show(charts._layout(fig, label), frame, f"funding-by-{by}", "funding_by", index=False)


def pools_list(view: engine.FundingView) -> None:
    st.subheader(t("funding.pools"))
    option = st.selectbox(t("funding.pool_option"), list(view.labels), format_func=view.labels.__getitem__,
                          key="funding_pool_option")
    pools = view.pools[view.pools["option"] == option].drop(columns="option")
    if pools.empty:
        st.info(t("funding.no_pools"), icon=":material/info:")
        return
    st.dataframe(pools, hide_index=True, key="funding_pools")
    st.download_button(t("common.table_data"), charts.csv_bytes(pools, index=False), f"pools-{option}.csv",
                       "text/csv", icon=":material/download:", type="tertiary", key="csv:funding_pools")


def render() -> None:
    """The Funding page."""
    st.title(t("funding.title"))
    st.caption(t("funding.intro"))
    s = settings()
    if s is None:
        return
    try:
        view = run(s)
    except InputError as exc:
        show_input_error(exc, "funding.error")
        return
    st.caption(t("funding.caption", orgs=view.organisations, candidates=view.candidates, draws=s["draws"],
                 seed=s["seed"]))
    options_table(view)
    banded_bars(view)
    by_group_chart(view)
    pools_list(view)
    st.caption(t("funding.notes"))
    brief_button.render_sector(view, s)
