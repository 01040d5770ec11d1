"""The Method page's evidence section: how the model fares against documented pooling cases.

Shows the plain sentence ("of N reported outcomes, the model's 80 % band contained M"), a chart
of each reported value against the model's P10–P90 band (one row per case and outcome, each on
its own scale: shares, euros and ratios do not share an axis), and the table with sources. The
numbers come from :func:`ui.engine.backtest_evidence` (the engine's ``simulator.backtest``).
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import streamlit as st
from plotly.subplots import make_subplots

from ui import engine
from ui.charts import BLUE, GREEN, GREY, RED, show
from ui.formatting import money, number, percent, plotly_separators
from ui.i18n import current_language, t

TICK_FORMAT = {"share": ".0%", "EUR/year": ",.0f", "ratio": ".2f", "year": "d"}


def value_text(value: float | None, unit: str, lang: str) -> str:
    """A reported or model value in the unit's Belgian format (1 234 €, 5,2 %, 1,56)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    if math.isinf(value):
        return t("evidence.never")
    if unit == "share":
        return percent(value, lang)
    if unit == "EUR/year":
        return money(value, lang)
    return number(value, lang, decimals=0 if unit == "year" else 2)


def outcome_label(record: dict[str, Any]) -> str:
    """What was reported, in words: the metric, with its function or year."""
    text = t(f"evidence.metric.{record['metric']}")
    if record.get("function"):
        from simulator.catalogue import functions

        label = functions()[record["function"]].label.get(current_language(), record["function"])
        text += t("evidence.function_suffix", function=label)
    if record.get("year"):
        text += t("evidence.year_suffix", year=record["year"])
    return text


def case_title(record: dict[str, Any]) -> str:
    return record.get("titles", {}).get(current_language(), record["title"])


def evidence_table(records: list[dict[str, Any]]) -> pd.DataFrame:
    """One row per case and outcome, formatted for reading (sources in full)."""
    lang = current_language()
    return pd.DataFrame({
        t("evidence.col.case"): [case_title(r) for r in records],
        t("evidence.col.metric"): [outcome_label(r) for r in records],
        t("evidence.col.reported"): [value_text(r["reported"], r["unit"], lang) for r in records],
        t("evidence.col.p10"): [value_text(r["p10"], r["unit"], lang) for r in records],
        t("evidence.col.p50"): [value_text(r["p50"], r["unit"], lang) for r in records],
        t("evidence.col.p90"): [value_text(r["p90"], r["unit"], lang) for r in records],
        t("evidence.col.percentile"): [number(r["reported_percentile"], lang) for r in records],
        t("evidence.col.inside"): [t("evidence.yes") if r["inside_band"] else t("evidence.no")
                                   for r in records],
        t("evidence.col.reliability"): [t(f"evidence.reliability.{r['reliability']}") for r in records],
        t("evidence.col.source"): [r["source"] for r in records],
    })


def evidence_figure(records: list[dict[str, Any]]) -> go.Figure:
    """Each reported value (diamond: green inside, red outside) against the model's band."""
    n = len(records)
    fig = make_subplots(rows=n, cols=1, vertical_spacing=min(0.6 / max(n, 1), 0.08),
                        subplot_titles=[f"{case_title(r)} — {outcome_label(r)}" for r in records])
    shown: set[str] = set()

    def legend(name: str) -> dict[str, Any]:
        first = name not in shown
        shown.add(name)
        return {"name": name, "legendgroup": name, "showlegend": first}

    for row, r in enumerate(records, start=1):
        finite = [v for v in (r["p10"], r["p50"], r["p90"], r["reported"]) if math.isfinite(v)]
        fig.add_scatter(x=[r["p10"], r["p90"]], y=[0, 0], mode="lines", line={"color": BLUE, "width": 14},
                        opacity=0.35, hoverinfo="skip", row=row, col=1, **legend(t("evidence.chart.band")))
        fig.add_scatter(x=[r["p50"]], y=[0], mode="markers", hoverinfo="skip",
                        marker={"symbol": "line-ns-open", "size": 22, "color": BLUE, "line": {"width": 3}},
                        row=row, col=1, **legend(t("evidence.chart.median")))
        inside = r["inside_band"]
        fig.add_scatter(x=[r["reported"]], y=[0], mode="markers",
                        marker={"symbol": "diamond", "size": 14, "color": GREEN if inside else RED},
                        hovertemplate=value_text(r["reported"], r["unit"], current_language())
                        + "<extra></extra>", row=row, col=1,
                        **legend(t("evidence.chart.inside" if inside else "evidence.chart.outside")))
        lo, hi = min(finite), max(finite)
        pad = 0.08 * (hi - lo) if hi > lo else max(abs(hi), 1.0) * 0.1
        fine = r["unit"] == "share" and hi - lo < 0.05  # shares of a budget: a tenth of a percent matters
        fig.update_xaxes(range=[lo - pad, hi + pad], tickformat=".1%" if fine else TICK_FORMAT.get(r["unit"], ""),
                         gridcolor="#e6e9ef", zerolinecolor=GREY, row=row, col=1)
        fig.update_yaxes(visible=False, range=[-1, 1], row=row, col=1)
    fig.update_annotations(font={"size": 12}, xanchor="left", x=0)
    fig.update_layout(height=110 * n + 80, plot_bgcolor="white", separators=plotly_separators(current_language()),
                      margin={"l": 10, "r": 10, "t": 60, "b": 10},
                      legend={"orientation": "h", "yanchor": "bottom", "y": 1.0 + 30 / (110 * n + 80), "x": 0})
    return fig


def render_evidence() -> None:
    """The evidence section: plain sentence, chart, table, what the evidence changed."""
    lang = current_language()
    st.subheader(t("evidence.title"))
    draws = number(engine.EVIDENCE_DRAWS, lang)
    st.markdown(t("evidence.intro", draws=draws))
    with st.spinner(t("evidence.running", draws=draws)):
        result = engine.backtest_evidence()
    s, records = result["summary"], result["records"]
    st.info(t("evidence.sentence", n=s["outcomes"], cases=s["cases"], m=s["outcomes_inside"]),
            icon=":material/fact_check:")
    st.markdown(t("evidence.expected", se=percent(s["coverage_se_if_calibrated"], lang, 0),
                  below=s["below_band"], above=s["above_band"]))
    table = evidence_table(records)
    show(evidence_figure(records), table, t("evidence.chart_title"), key="evidence", index=False)
    st.dataframe(table, hide_index=True, key="evidence_table")
    st.markdown(t("evidence.reading"))
    st.markdown(t("evidence.calibration"))
