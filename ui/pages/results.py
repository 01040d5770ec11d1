"""Results: headline, waterfall, who gains and who loses, cash flows, VAT, downloads.

Everything drawn here is read from the engine's :class:`SimulationResult` for the current
scenario; this page only labels, formats and plots it.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from simulator.examples import title_for
from simulator.report import figures
from simulator.results import CASHFLOW_TERMS
from ui import brief_button, charts, engine, funding_panel, site_purchase, state
from ui import headline as honest
from ui.formatting import money, percent
from ui.i18n import current_language, has, t
from ui.widgets import warnings


#: Waterfall rows the engine marks as start / end bars (anything else is a step).
def waterfall_section(result: Any) -> None:
    """From today's cost to the pooled cost, component by component."""
    st.subheader(t("results.waterfall"))
    st.caption(t("results.waterfall.help"))
    frame = figures.drawn_waterfall(result.waterfall)  # the brief draws the same bars
    labels, measures = figures.waterfall_labels(frame, current_language())
    fig = charts.waterfall(frame, labels, measures)
    data = frame.assign(label=labels)
    charts.show(fig, data, t("results.waterfall"), "waterfall", index=False)


def members_table(result: Any) -> pd.DataFrame:
    """The per-member frame with translated headers and Belgian-formatted amounts."""
    lang = current_language()
    frame = result.members
    shown = pd.DataFrame({
        t("members.col.name"): frame["name"],
        t("members.col.standalone"): [money(v, lang) for v in frame["standalone_cost_eur"]],
        t("members.col.allocated"): [money(v, lang) for v in frame["allocated_cost_eur"]],
        t("honest.col.setup"): [money(v, lang) for v in frame["setup_annualised_eur"]],
        t("honest.col.exit"): [money(v, lang) for v in frame["exit_risk_eur"]],
        **({t("honest.col.transition"): [money(v, lang) for v in frame["staff_transition_eur"]]}
           if frame.get("staff_transition_eur", pd.Series(dtype=float)).abs().gt(0).any() else {}),
        **({t("honest.col.site_purchase"): [money(v, lang) for v in frame["site_purchase_eur"]]}
           if frame.get("site_purchase_eur", pd.Series(dtype=float)).abs().gt(0).any() else {}),
        t("honest.col.subsidy"): [money(v, lang) for v in frame["subsidy_eur"]],
        t("members.col.gain"): [money(v, lang) for v in frame["gain_eur"]],
        t("members.col.gain_pct"): [percent(v, lang) for v in frame["gain_pct"]],
        t("members.col.rational"): [t("common.yes") if ok else t("common.no_loses")
                                    for ok in frame["individually_rational"]],
    }, index=frame.index)
    if "estimated" in frame:
        shown[t("members.col.estimated")] = [t("common.estimate") if e else t("common.declared")
                                             for e in frame["estimated"]]
    return shown


def _red_losers(row: pd.Series, rational: pd.Series) -> list[str]:
    style = "" if rational.loc[row.name] else "color: #c0392b; font-weight: 600"
    return [style] * len(row)


def members_section(result: Any) -> None:
    """Who gains and who loses: table (losers in red) and bar chart."""
    st.subheader(t("results.members"))
    st.caption(t("results.members.help"))
    frame = result.members
    rational = frame["individually_rational"].astype(bool)
    losers = frame.loc[~rational, "name"].tolist()
    if losers:
        st.error(t("results.losers", names=", ".join(map(str, losers))), icon=":material/warning:")
    else:
        st.success(t("results.no_losers"), icon=":material/check_circle:")
    shown = members_table(result)
    st.dataframe(shown.style.apply(_red_losers, rational=rational, axis=1), hide_index=True,
                 key="members_table")
    st.caption(t("honest.members.identity"))
    fig = charts.member_gains(frame["name"].astype(str).tolist(),
                              frame["gain_eur"].astype(float).tolist(), rational.tolist())
    charts.show(fig, frame, t("results.members"), "members")


def cashflow_section(result: Any) -> None:
    """Yearly and cumulative cash flows, break-even year marked."""
    st.subheader(t("results.cashflows"))
    st.caption(t("results.cashflows.help"))
    flows = result.cashflows
    payback = result.summary.get("payback_year")
    fig = charts.cashflows([int(y) for y in flows.index],
                           flows["net_cashflow_eur"].astype(float).tolist(),
                           flows["cumulative_eur"].astype(float).tolist(), payback)
    charts.show(fig, flows, t("results.cashflows"), "cashflows")
    st.markdown(f"**{t('honest.cashflow_table')}**")
    st.dataframe(cashflow_table(flows), key="cashflow_table")


def cashflow_table(flows: pd.DataFrame) -> pd.DataFrame:
    """Rows by year, in the order that adds up: baseline and pooled cost (context), then the terms
    of :data:`simulator.results.CASHFLOW_TERMS` (funding instruments that are zero every year left
    out) and the net flow, which is their sum. Amounts formatted for the session's language."""
    lang = current_language()
    optional = ("funding_", "staff_transition_", "site_purchase_")  # shown when not zero every year
    terms = [c for c in CASHFLOW_TERMS if not (c.startswith(optional) and not flows[c].abs().gt(0).any())]
    rows = ["baseline_eur", "pooled_eur", *terms, "net_cashflow_eur"]
    table = flows[rows].T
    shown = table.map(lambda v: money(v, lang))
    shown.index = [t(f"honest.cf.{r}") for r in rows]
    shown.columns = [str(int(y)) for y in table.columns]
    return shown


def vat_condition(item: Any, members: pd.DataFrame) -> str:
    """A failed VAT condition in the current language (member ids shown by name)."""
    code = item.get("code", "") if isinstance(item, dict) else str(item)
    message = item.get("message", "") if isinstance(item, dict) else ""
    key = f"vat.cond.{code}"
    if not has(key):
        return message or code
    names = ""
    if "{members}" in t(key) and ": " in message:
        ids = [m.strip() for m in message.rsplit(": ", 1)[1].split(",")]
        names = ", ".join(str(members["name"].get(m, m)) for m in ids)
    return t(key, members=names)


def vat_section(result: Any) -> None:
    """Does the cost-sharing exemption hold, and if not, which condition fails."""
    st.subheader(t("results.vat"))
    vat = result.vat or {}
    lang = current_language()
    regime = str(vat.get("regime", ""))
    regime_text = t(f"vat.regime.{regime}") if has(f"vat.regime.{regime}") else regime
    if vat.get("exempt"):
        st.success(t("vat.exempt", regime=regime_text), icon=":material/verified:")
    else:
        st.warning(t("vat.not_exempt", regime=regime_text,
                     amount=money(vat.get("amount_eur"), lang),
                     rate=percent(vat.get("rate"), lang, 0)), icon=":material/receipt_long:")
    failed = vat.get("failed") or []
    if failed:
        st.markdown(t("vat.failed_title"))
        for item in failed:
            st.markdown(f"- {vat_condition(item, result.members)}")
    note = f"vat.note.{regime}"
    if has(note):
        st.caption(t(note))
    st.caption(t("common.disclaimer"))


def downloads(result: Any) -> None:
    """The workbook for people (translated, formatted, with the scenario and its assumptions)
    first; the data export with the engine's machine names (CSV zip, Excel) for analysts."""
    st.subheader(t("results.downloads"))
    download_buttons(result, "dl_results")


def download_buttons(result: Any, key: str) -> None:
    """The three result downloads (also on the Share page): people's workbook, data CSV, data Excel."""
    name = charts.slug(state.scenario_dict().get("name", "scenario"))
    xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    cols = st.columns(3)
    try:
        cols[0].download_button(t("results.download_xlsx"), engine.results_workbook(result, current_language()),
                                f"{name}_{current_language()}.xlsx", xlsx, icon=":material/grid_on:",
                                key=f"{key}_xlsx", help=t("results.download_xlsx.help"), type="primary")
        cols[1].download_button(t("results.download_data_csv"), engine.results_csv_zip(result),
                                f"{name}_data_csv.zip", "application/zip", icon=":material/table:",
                                key=f"{key}_csv", help=t("results.download_data.help"))
        cols[2].download_button(t("results.download_data_xlsx"), engine.results_excel(result),
                                f"{name}_data.xlsx", xlsx, icon=":material/dataset:",
                                key=f"{key}_data_xlsx", help=t("results.download_data.help"))
    except (OSError, ValueError, ImportError):
        st.info(t("results.download_unavailable"))


def render() -> None:
    """The results page."""
    st.title(t("results.title"))
    result = engine.current_result()
    st.caption(t("results.intro", name=title_for(str(result.summary.get("scenario", "")), current_language())))
    honest.render(result)
    warnings(result.warnings)
    funding_panel.public_view(result.summary)
    site_purchase.comparison(result.summary, result.headline)
    brief_button.render(result)
    tabs = st.tabs([t("results.waterfall"), t("results.members"), t("results.cashflows"),
                    t("results.vat"), t("results.downloads")])
    with tabs[0]:
        waterfall_section(result)
    with tabs[1]:
        members_section(result)
    with tabs[2]:
        cashflow_section(result)
    with tabs[3]:
        vat_section(result)
    with tabs[4]:
        downloads(result)
