"""Batch results: open a finished (or running) ``mutualise batch`` folder and chart it.

The page reads the folder's manifest and its Parquet parts through :mod:`simulator.batch`
(finished parts only; nothing is computed here), summarises one metric per experiment
(:func:`simulator.batch.summarise`: mean, P10, P50, P90 and P(> 0) over the draws) and draws it
against one factor, optionally split by a second. A sector funding study's run has one result
per variant *and funding option*: the option is then one more factor to chart against or split
by (split by it by default). Reading is cached by folder, metric and the
folder's finished parts, so a batch still running shows its new parts on the next visit.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from simulator.errors import InputError
from ui import charts
from ui.formatting import money, number, percent
from ui.i18n import current_language, has, t

FOLDER = "batch_folder"  # session key: the folder typed last
TOP_ROWS = 20
MONEY_METRICS = ("npv", "net_saving", "net_result", "baseline_total", "pooled_total", "setup", "public_cost",
                 "npv_without_funding", "public_cost_npv_eur", "annualised_public_cost_eur", "budget_used_eur",
                 "sector_net_benefit_npv_eur", "additional_net_benefit_npv_eur", "public_eur_per_frontline_fte",
                 "deadweight_eur")
#: The pseudo-factor of a sector study's results: the funding option.
OPTION = "option"


@st.cache_data(show_spinner=False, max_entries=16)
def load_summary(folder: str, metric: str, parts: int) -> pd.DataFrame:
    """Per experiment: factor values and the metric's summary (``parts`` keys the cache)."""
    from simulator.batch import summarise

    return summarise(folder, metric)


def folder_status(folder: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """The manifest and progress of a batch folder (InputError if it is not one)."""
    from simulator.batch import read_manifest, status

    if not folder or not Path(folder).is_dir():
        raise InputError("folder", t("batch.no_folder", folder=folder))
    return read_manifest(folder), status(folder)


def _value(metric: str, value: float, lang: str) -> str:
    if metric in MONEY_METRICS:
        return money(value, lang)
    return number(value, lang, 2)


def chart(frame: pd.DataFrame, metric: str, x: str, colour: str | None, draws: int) -> go.Figure:
    """Each experiment's P50 (Monte Carlo) or value against factor ``x``; one series per value of
    ``colour``; a box per x value when other factors vary too."""
    y = "p50" if draws else "mean"
    fig = go.Figure()
    groups = [(None, frame)] if colour is None else list(frame.groupby(colour, observed=True, sort=True))
    for i, (label, part) in enumerate(groups):
        fig.add_trace(go.Box(x=part[x].astype(str), y=part[y], name=str(label) if label is not None else metric,
                             boxpoints="all" if len(part) <= 200 else "outliers", jitter=0.3,
                             marker_color=charts.SERIES[i % len(charts.SERIES)]))
    fig.update_layout(boxmode="group")
    return charts._layout(fig, metric_label(metric), x)


def metric_label(metric: str) -> str:
    return t(f"batch.metric.{metric}") if has(f"batch.metric.{metric}") else metric


def factor_label(factor: str | None) -> str:
    if factor is None:
        return t("batch.colour.none")
    return t("batch.option") if factor == OPTION else factor


def render() -> None:
    lang = current_language()
    st.title(t("batch.title"))
    st.caption(t("batch.intro"))
    folder = st.text_input(t("batch.folder"), value=st.session_state.get(FOLDER, ""), key="batch_folder_input",
                           help=t("batch.folder.help"), placeholder="runs/grid")
    st.session_state[FOLDER] = folder
    if not folder:
        st.info(t("batch.empty"))
        return
    try:
        manifest, status = folder_status(folder)
    except InputError as exc:
        st.warning(exc.message if exc.field == "folder" else t("batch.not_a_run", folder=folder))
        return
    status_key = "batch.status" if manifest["draws"] else "batch.status.central"  # no "0 draws each"
    st.markdown(t(status_key, name=manifest["name"], experiments=number(manifest["n_experiments"], lang),
                  draws=number(manifest["draws"], lang), done=status["chunks_done"], parts=status["n_chunks"],
                  seed=manifest["master_seed"], version=manifest["model_version"]))
    if not status["complete"]:
        st.warning(t("batch.incomplete"))
    if status["chunks_done"] == 0:
        return
    study = manifest.get("base_kind") == "study"
    factors = list(manifest["experiment"]["factors"]) + ([OPTION] if study else [])
    if study:
        st.caption(t("batch.study", options=", ".join(manifest.get("options") or [])))
    cols = st.columns(3)
    metric = cols[0].selectbox(t("batch.metric"), manifest["metrics"], key="batch_metric", format_func=metric_label)
    if not factors:
        st.info(t("batch.no_factor"))
        return
    x = cols[1].selectbox(t("batch.x"), factors, key="batch_x", format_func=factor_label)
    others = [f for f in factors if f != x]
    colour = cols[2].selectbox(t("batch.colour"), [None, *others], key="batch_colour", format_func=factor_label,
                               index=others.index(OPTION) + 1 if OPTION in others else 0)
    frame = load_summary(folder, metric, status["chunks_done"])
    draws = int(manifest["draws"])
    shown = frame[["experiment", *factors, "mean", "p10", "p50", "p90", "p_positive"]]  # option among factors
    charts.show(chart(frame, metric, x, colour, draws), shown, f"batch-{metric}", key=f"batch:{metric}",
                index=False)
    st.caption(t("batch.chart_caption.mc" if draws else "batch.chart_caption", n=number(len(frame), lang)))
    best = frame.sort_values("p50" if draws else "mean", ascending=False).head(TOP_ROWS)
    st.subheader(t("batch.top", n=min(TOP_ROWS, len(frame))))
    table = pd.DataFrame({
        t("batch.col.experiment"): best["experiment"].to_numpy(),
        **{factor_label(f): best[f].astype(str).to_numpy() for f in factors},
        t("batch.col.p50" if draws else "batch.col.value"): [_value(metric, v, lang) for v in best["p50"]],
    })
    if draws:
        table[t("batch.col.p10")] = [_value(metric, v, lang) for v in best["p10"]]
        table[t("batch.col.p90")] = [_value(metric, v, lang) for v in best["p90"]]
        table[t("batch.col.p_positive")] = [percent(v, lang) for v in best["p_positive"]]
    st.dataframe(table, hide_index=True, width="stretch")
