"""Uncertainty: how sure is the saving, and which assumption drives it?

Every figure comes from :func:`simulator.monte_carlo` (and, for the tornado, from
:func:`simulator.uncertainty.model_sensitivity.sensitivity`) on the scenario being edited, cached
with ``st.cache_data`` keyed by the scenario's canonical JSON, the member table's key, the number
of draws and the seed. The page opens with 2,000 draws; the form changes draws and seed.
"""

from __future__ import annotations

import json
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from simulator.errors import InputError
from simulator.report import figures
from simulator.translations.params import DESCRIPTIONS
from ui import charts, engine, state
from ui import headline as honest
from ui.formatting import money, money_card, number, percent, plotly_separators
from ui.i18n import current_language, t, tn

DEFAULT_DRAWS = 2_000
MAX_DRAWS = 100_000
MIN_DRAWS = 100
DEFAULT_SEED = 1
SETTINGS = "uncertainty_settings"  # session key: the (draws, seed) of the run shown
TORNADO_BARS = 12
#: Memory for the per-draw rows kept in a cached result (see :func:`run_monte_carlo`).
STORE_BYTES = 16 * 2**20
LIGHT, DARK = "rgba(47, 93, 138, 0.18)", "rgba(47, 93, 138, 0.38)"


@st.cache_data(show_spinner=False, max_entries=8)
def run_monte_carlo(scenario_json: str, orgs_key: str, _orgs_csv: str | None, draws: int,
                    seed: int) -> Any:
    """One engine call per (scenario, member table, draws, seed).

    Per-draw NPV, saving, payback and the members' probabilities are kept for every draw; the
    per-draw rows behind the fan chart and the members' gain percentiles are kept within
    :data:`STORE_BYTES` (a systematic subsample above about 20,000 draws), so that a cached
    100,000-draw result stays small.
    """
    from simulator import Scenario, monte_carlo

    scenario = Scenario.from_dict(json.loads(scenario_json))
    return monte_carlo(scenario, draws, seed, store_bytes=STORE_BYTES,
                       organisations=engine.run_organisations(scenario, orgs_key, _orgs_csv))


@st.cache_data(show_spinner=False, max_entries=16)
def run_tornado(scenario_json: str, orgs_key: str, _orgs_csv: str | None) -> pd.DataFrame:
    """Tornado (each assumption at its P10 and P90) of the scenario's NPV."""
    from simulator import Scenario
    from simulator.uncertainty.model_sensitivity import sensitivity

    scenario = Scenario.from_dict(json.loads(scenario_json))
    return sensitivity(scenario, method="tornado",
                       organisations=engine.run_organisations(scenario, orgs_key, _orgs_csv))


def settings() -> tuple[int, int]:
    """Draws and seed of the run to show; the form below changes them."""
    current = st.session_state.setdefault(SETTINGS, {"draws": DEFAULT_DRAWS, "seed": DEFAULT_SEED})
    with st.form("uncertainty_form"):
        st.markdown(f"**{t('uncertainty.settings')}**")
        cols = st.columns([2, 2, 2], vertical_alignment="bottom")
        draws = cols[0].number_input(t("uncertainty.draws"), min_value=MIN_DRAWS,
                                     max_value=MAX_DRAWS, value=current["draws"], step=1_000,
                                     help=t("uncertainty.draws.help"), key="uncertainty_draws")
        seed = cols[1].number_input(t("uncertainty.seed"), min_value=0, value=current["seed"],
                                    step=1, help=t("uncertainty.seed.help"), key="uncertainty_seed")
        if cols[2].form_submit_button(t("uncertainty.run"), icon=":material/play_arrow:",
                                      type="primary", key="uncertainty_run"):
            current = {"draws": int(draws), "seed": int(seed)}
            st.session_state[SETTINGS] = current
    return current["draws"], current["seed"]


def parameter_label(name: str) -> str:
    """An assumption's name in the current language (catalogue description in English)."""
    from simulator.catalogue import parameters

    lang = current_language()
    return DESCRIPTIONS.get(name, {}).get(lang) or parameters()[name].description


def _style(fig: go.Figure, x_title: str, y_title: str, height: int = 400) -> go.Figure:
    fig.update_layout(separators=plotly_separators(current_language()), height=height,
                      plot_bgcolor="white", margin={"l": 10, "r": 10, "t": 40, "b": 10},
                      legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0},
                      xaxis_title=x_title, yaxis_title=y_title)
    fig.update_xaxes(gridcolor="#e6e9ef", zerolinecolor="#9aa3b2")
    fig.update_yaxes(gridcolor="#e6e9ef", zerolinecolor="#9aa3b2")
    return fig


def headline(mc: Any) -> None:
    """The probability sentence, four metrics, the central value and the convergence note."""
    lang, s = current_language(), mc.summary
    horizon = int(s["horizon_years"])
    years = st.select_slider(t("uncertainty.within"), options=list(range(1, horizon + 1)),
                             value=min(4, horizon), key="uncertainty_years")
    p = percent(s["p_payback_by_year"][years], lang, 0)
    sentence = tn("uncertainty.headline", years, p=p, years=years)
    st.subheader(sentence)
    payback = s["payback_p50"]
    cols = st.columns(4)
    cols[0].metric(t("uncertainty.p_npv_positive"), percent(s["p_npv_positive"], lang, 1),
                   help=t("uncertainty.p_npv_positive.help"), border=True)
    cols[1].metric(t("uncertainty.npv_p50"), money_card(s["npv_p50"], lang), border=True,
                   help=honest.exact(t("uncertainty.npv_p50.help", p10=money(s["npv_p10"], lang),
                                p90=money(s["npv_p90"], lang)), s["npv_p50"], lang=lang))
    if s["saving_p50"] is not None and s["saving_p50"] < 0:  # never call an extra cost a saving
        cols[2].metric(t("honest.net_extra_p50"), money(-s["saving_p50"], lang), border=True,
                       help=t("uncertainty.saving_p50.help", p10=money(-s["saving_p90"], lang),
                              p90=money(-s["saving_p10"], lang)))
    else:
        cols[2].metric(t("uncertainty.saving_p50"), money(s["saving_p50"], lang), border=True,
                       help=t("uncertainty.saving_p50.help", p10=money(s["saving_p10"], lang),
                              p90=money(s["saving_p90"], lang)))
    cols[3].metric(t("uncertainty.payback_p50"),
                   t("headline.payback_value", year=int(payback)) if payback is not None
                   else t("headline.payback_never"), border=True,
                   help=t("uncertainty.payback_p50.help",
                          p=percent(s["p_payback_within_horizon"], lang, 0)))
    st.caption(t("uncertainty.central", npv=money(s["npv_deterministic_eur"], lang)))
    if s["uncertain_parameters"] == 0:
        st.info(t("uncertainty.no_uncertainty"))
    elif s["converged"]:
        hw = 1.96 * s["p_npv_positive_std_error"] * 100
        key = "uncertainty.converged" if round(hw, 1) > 0 else "uncertainty.converged_tight"
        st.caption(t(key, draws=number(s["draws"], lang), hw=number(hw, lang, 1)))
    else:
        st.warning(t("uncertainty.not_converged", draws=number(s["draws"], lang),
                     suggested=number(min(s["draws_suggested"], MAX_DRAWS), lang)),
                   icon=":material/hourglass_top:")


def histogram_section(mc: Any) -> None:
    """Share of draws by NPV interval, with break-even, P10/P50/P90 and the central value."""
    st.subheader(t("uncertainty.histogram"))
    st.caption(t("uncertainty.histogram.help"))
    npv = mc.npv
    counts, edges = np.histogram(npv, bins=int(np.clip(np.sqrt(npv.size), 10, 60)))
    data = pd.DataFrame({"npv_from_eur": edges[:-1], "npv_to_eur": edges[1:], "draws": counts,
                         "share_pct": 100 * counts / npv.size})
    fig = go.Figure(go.Bar(x=0.5 * (edges[:-1] + edges[1:]), y=data["share_pct"],
                           width=np.diff(edges), marker_color=np.where(edges[1:] <= 0, charts.RED,
                                                                       charts.GREEN).tolist(),
                           hovertemplate="%{x:,.0f} €: %{y:.1f} %<extra></extra>"))
    s = mc.summary
    for q in ("p10", "p50", "p90"):
        fig.add_vline(x=s[f"npv_{q}"], line_dash="dot", line_color=charts.GREY,
                      annotation_text=q.upper(), annotation_position="top")
    fig.add_vline(x=0, line_color="#444", annotation_text=t("uncertainty.marker.zero"),
                  annotation_position="bottom right")
    fig.add_vline(x=s["npv_deterministic_eur"], line_color=charts.BLUE, line_dash="dash",
                  annotation_text=t("uncertainty.marker.central"), annotation_position="top left")
    fig = _style(fig, t("uncertainty.axis.npv"), t("uncertainty.axis.share"))
    fig.update_xaxes(tickformat=",.0f")
    fig.update_layout(showlegend=False, bargap=0.02)
    charts.show(fig, data, t("uncertainty.histogram"), "uncertainty_histogram", index=False)


def fan_section(mc: Any, central: pd.Series | None) -> None:
    """Cumulative net cash flow by year: P10–P90 and P25–P75 bands, median, central value."""
    st.subheader(t("uncertainty.fan"))
    st.caption(t("uncertainty.fan.help"))
    fan = mc.fan
    years = [int(y) for y in fan.index]
    fig = go.Figure()
    for lo, hi, colour, name in (("p10", "p90", LIGHT, t("uncertainty.band.p10_p90")),
                                 ("p25", "p75", DARK, t("uncertainty.band.p25_p75"))):
        fig.add_scatter(x=years, y=fan[lo].tolist(), mode="lines", line={"width": 0},
                        showlegend=False, hoverinfo="skip")
        fig.add_scatter(x=years, y=fan[hi].tolist(), mode="lines", line={"width": 0}, fill="tonexty",
                        fillcolor=colour, name=name, hoverinfo="skip")
    fig.add_scatter(x=years, y=fan["p50"].tolist(), mode="lines+markers", name=t("uncertainty.median"),
                    line={"color": charts.BLUE, "width": 3},
                    hovertemplate="%{x}: %{y:,.0f} €<extra></extra>")
    data = fan.copy()
    if central is not None:
        fig.add_scatter(x=years, y=central.tolist(), mode="lines", name=t("uncertainty.marker.central"),
                        line={"color": charts.GREY, "dash": "dash"},
                        hovertemplate="%{x}: %{y:,.0f} €<extra></extra>")
        data["central"] = central.to_numpy()
    fig.add_hline(y=0, line_color="#444")
    fig = _style(fig, t("chart.year"), t("chart.cumulative_eur"))
    fig.update_xaxes(dtick=1)
    fig.update_yaxes(tickformat=",.0f")
    charts.show(fig, data.add_suffix("_eur"), t("uncertainty.fan"), "uncertainty_fan")


def tornado_section(frame: pd.DataFrame) -> None:
    """Horizontal bars from the central NPV to the NPV with each assumption at its P10 / P90."""
    st.subheader(t("uncertainty.tornado"))
    st.caption(t("uncertainty.tornado.help"))
    labels = [parameter_label(p) for p in frame["parameter"]]
    fig = figures.tornado(frame, labels, current_language(), bars=TORNADO_BARS)
    data = frame.assign(label=labels)
    charts.show(fig, data, t("uncertainty.tornado"), "uncertainty_tornado", index=False)


def members_section(mc: Any) -> None:
    """Per member: probability of being better off than alone, and the spread of its gain."""
    st.subheader(t("uncertainty.members"))
    st.caption(t("uncertainty.members.help"))
    lang = current_language()
    frame = mc.member_probabilities
    names = frame["name"].astype(str).tolist()
    shown = pd.DataFrame({
        t("uncertainty.col.member"): names,
        t("uncertainty.col.p_better"): [percent(p, lang, 0) for p in frame["p_better_off"]],
        t("uncertainty.col.p_worse"): [percent(p, lang, 0) for p in frame["p_worse_off"]],
        t("uncertainty.col.gain_p10"): [money(v, lang) for v in frame["gain_p10"]],
        t("uncertainty.col.gain_p50"): [money(v, lang) for v in frame["gain_p50"]],
        t("uncertainty.col.gain_p90"): [money(v, lang) for v in frame["gain_p90"]],
    })
    st.dataframe(shown, hide_index=True, key="uncertainty_members_table")
    share = (100 * frame["p_better_off"]).tolist()
    fig = go.Figure(go.Bar(x=share, y=names, orientation="h",
                           marker_color=[charts.GREEN if v >= 50 else charts.RED for v in share],
                           text=[percent(p, lang, 0) for p in frame["p_better_off"]],
                           textposition="auto", hovertemplate="%{y}: %{x:.1f} %<extra></extra>"))
    fig = _style(fig, t("uncertainty.axis.p_better"), "", height=max(260, 34 * len(names) + 80))
    fig.update_xaxes(range=[0, 100])
    fig.update_yaxes(autorange="reversed")
    fig.update_layout(showlegend=False)
    charts.show(fig, frame, t("uncertainty.members"), "uncertainty_members", index=False)


def distributions_section(mc: Any) -> None:
    """Which assumptions varied, with their P10, central value and P90."""
    frame = mc.distributions
    if frame.empty:
        return
    lang = current_language()
    with st.expander(t("uncertainty.distributions")):
        st.dataframe(pd.DataFrame({
            t("uncertainty.col.parameter"): [parameter_label(p) for p in frame["parameter"]],
            t("uncertainty.col.dist"): [t(f"uncertainty.dist.{d}") for d in frame["dist"]],
            t("uncertainty.col.p10"): [number(v, lang, 3) for v in frame["p10"]],
            t("uncertainty.col.base"): [number(v, lang, 3) for v in frame["base"]],
            t("uncertainty.col.p90"): [number(v, lang, 3) for v in frame["p90"]],
            t("uncertainty.col.unit"): frame["unit"].tolist(),
            t("uncertainty.col.source"): [t(f"uncertainty.source.{s}") for s in frame["source"]],
        }), hide_index=True, key="uncertainty_distributions_table")


def gap_note(data: dict) -> None:
    """Why the central run and the median differ (the headline Monte Carlo's sentence, the same
    as on the Results page)."""
    try:
        view = engine.simulate_dict(data)
    except InputError:
        return
    if view.headline is not None:
        st.info(honest.gap_sentence(view.headline), icon=":material/insights:")


def render() -> None:
    """The Uncertainty page."""
    st.title(t("uncertainty.title"))
    st.caption(t("uncertainty.intro"))
    draws, seed = settings()
    data = state.scenario_dict()
    scenario_json = engine.canonical(data)
    orgs_key, orgs_csv = engine._table_for(data)
    lang = current_language()
    with st.spinner(t("uncertainty.running", draws=number(draws, lang))):
        mc = run_monte_carlo(scenario_json, orgs_key, orgs_csv, draws, seed)
        tornado = run_tornado(scenario_json, orgs_key, orgs_csv)
    st.caption(t("uncertainty.run_caption", draws=number(mc.draws, lang), seed=mc.seed,
                 n=mc.summary["uncertain_parameters"]))
    headline(mc)
    gap_note(data)
    try:
        central = engine.simulate_dict(data).cashflows["cumulative_eur"]
    except InputError:
        central = None
    tabs = st.tabs([t("uncertainty.histogram"), t("uncertainty.fan"), t("uncertainty.tornado"),
                    t("uncertainty.members")])
    with tabs[0]:
        histogram_section(mc)
    with tabs[1]:
        fan_section(mc, central)
    with tabs[2]:
        tornado_section(tornado)
    with tabs[3]:
        members_section(mc)
    distributions_section(mc)
    st.caption(t("common.disclaimer"))
