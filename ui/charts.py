"""Plotly figures for the result frames, labelled with units, in the session's language.

Each builder takes a frame the engine returned and only *draws* it (no arithmetic beyond what a
chart needs: a running total for a cumulative axis is read from the engine's own column). Every
chart is shown with :func:`show`, which adds a "data (CSV)" download of exactly what is drawn.

Chart CSVs are written for Belgian spreadsheets: UTF-8 with byte-order mark, ``;`` separator and
decimal comma, so a double-click opens them correctly in Excel set to fr-BE or nl-BE.
"""

from __future__ import annotations

import re
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from ui.formatting import MISSING, money, plotly_separators
from ui.i18n import current_language, t

#: Calm palette: saving, cost, neutral, highlight.
GREEN = "#2e7d5b"
RED = "#c0392b"
BLUE = "#2f5d8a"
GREY = "#8a94a6"
SERIES = ("#2f5d8a", "#2e7d5b", "#d08c2b", "#7a4e9a")


def csv_bytes(frame: pd.DataFrame, index: bool = True) -> bytes:
    """A frame as Belgian-Excel CSV bytes (``;``, decimal comma, UTF-8 BOM); text cells that a
    spreadsheet would read as a formula are neutralised (:func:`simulator.export.neutralise`)."""
    from simulator.export import neutralise_frame

    return neutralise_frame(frame).to_csv(sep=";", decimal=",", index=index).encode("utf-8-sig")


def slug(text: str) -> str:
    """A safe file-name stem from a title."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "data"


def _layout(fig: go.Figure, y_title: str, x_title: str = "", height: int = 420) -> go.Figure:
    fig.update_layout(
        separators=plotly_separators(current_language()),
        height=height,
        margin={"l": 10, "r": 10, "t": 40, "b": 10},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0},
        yaxis_title=y_title,
        xaxis_title=x_title,
        plot_bgcolor="white",
    )
    fig.update_yaxes(gridcolor="#e6e9ef", zerolinecolor="#9aa3b2", tickformat=",.0f")
    return fig


def show(fig: go.Figure, data: pd.DataFrame, name: str, key: str, index: bool = True) -> None:
    """Draw a chart and offer its data as CSV right below it."""
    st.plotly_chart(fig, key=f"chart:{key}", config={"displaylogo": False})
    st.download_button(
        t("common.chart_data"),
        data=csv_bytes(data, index=index),
        file_name=f"{slug(name)}.csv",
        mime="text/csv",
        key=f"csv:{key}",
        icon=":material/download:",
        type="tertiary",
    )


def waterfall(frame: pd.DataFrame, labels: list[str], measures: list[str]) -> go.Figure:
    """Waterfall from today's cost to the pooled cost (values in €/year).

    Parameters
    ----------
    frame
        The engine's waterfall frame (one row per bar, ``value_eur``).
    labels
        Translated bar labels, one per row.
    measures
        Plotly measures per row: ``absolute`` (start), ``relative`` (a step) or ``total`` (end).
    """
    lang = current_language()
    values = frame["value_eur"].astype(float).tolist()
    fig = go.Figure(go.Waterfall(
        orientation="h",
        y=labels,
        x=values,
        measure=measures,
        text=[money(v, lang) for v in values],
        textposition="outside",
        cliponaxis=False,
        increasing={"marker": {"color": RED}},
        decreasing={"marker": {"color": GREEN}},
        totals={"marker": {"color": BLUE}},
        connector={"line": {"color": GREY, "width": 1}},
        hovertemplate="%{y}: %{x:,.0f} €<extra></extra>",
    ))
    fig.update_layout(showlegend=False)
    fig = _layout(fig, "", height=max(360, 30 * len(labels) + 100))
    fig.update_yaxes(autorange="reversed", gridcolor="rgba(0,0,0,0)")
    fig.update_xaxes(title_text=t("chart.eur_per_year"), tickformat=",.0f", gridcolor="#e6e9ef")
    fig.update_layout(margin={"l": 10, "r": 90, "t": 20, "b": 10})
    return fig


def member_gains(names: list[str], gains: list[float], rational: list[bool]) -> go.Figure:
    """Horizontal bars of each member's annual gain; members worse off than alone in red."""
    lang = current_language()
    colours = [GREEN if ok else RED for ok in rational]
    fig = go.Figure(go.Bar(
        x=gains, y=names, orientation="h", marker_color=colours,
        text=[money(g, lang) for g in gains], textposition="auto",
        hovertemplate="%{y}: %{x:,.0f} €<extra></extra>",
    ))
    fig = _layout(fig, "", height=max(260, 34 * len(names) + 80))
    fig.update_yaxes(autorange="reversed", tickformat="")
    fig.update_xaxes(title_text=t("chart.gain_eur_per_year"), tickformat=",.0f",
                     zerolinecolor="#9aa3b2")
    fig.update_layout(showlegend=False)
    return fig


def cashflows(years: list[int], yearly: list[float], cumulative: list[float],
              payback_year: Any) -> go.Figure:
    """Yearly net cash flow (bars) and cumulative (line), break-even year marked."""
    fig = go.Figure()
    fig.add_bar(x=years, y=yearly, name=t("chart.net_cashflow"),
                marker_color=[GREEN if v >= 0 else RED for v in yearly],
                hovertemplate="%{x}: %{y:,.0f} €<extra></extra>")
    fig.add_scatter(x=years, y=cumulative, name=t("chart.cumulative"), mode="lines+markers",
                    line={"color": BLUE, "width": 3},
                    hovertemplate="%{x}: %{y:,.0f} €<extra></extra>")
    if payback_year is not None and not pd.isna(payback_year):
        fig.add_vline(x=float(payback_year), line_dash="dash", line_color=GREY)
        fig.add_annotation(x=float(payback_year), y=1, yref="paper", showarrow=False,
                           yanchor="bottom", text=t("chart.break_even", year=int(payback_year)))
    fig = _layout(fig, t("chart.eur"), t("chart.year"))
    fig.update_xaxes(dtick=1)
    return fig


def compare_bars(frame: pd.DataFrame, y_title: str) -> go.Figure:
    """Grouped bars: one group per metric (rows), one colour per scenario (columns)."""
    fig = go.Figure()
    lang = current_language()
    for k, column in enumerate(frame.columns):
        values = frame[column].astype(float).tolist()
        fig.add_bar(x=list(frame.index), y=values, name=str(column),
                    marker_color=SERIES[k % len(SERIES)],
                    text=[money(v, lang) if not pd.isna(v) else MISSING for v in values],
                    textposition="outside", hovertemplate="%{x}: %{y:,.0f} €<extra></extra>")
    fig.update_layout(barmode="group")
    return _layout(fig, y_title)


def compare_lines(frame: pd.DataFrame, y_title: str) -> go.Figure:
    """One line per scenario (columns) over the years (index)."""
    fig = go.Figure()
    for k, column in enumerate(frame.columns):
        fig.add_scatter(x=list(frame.index), y=frame[column].astype(float).tolist(),
                        name=str(column), mode="lines+markers",
                        line={"color": SERIES[k % len(SERIES)], "width": 3},
                        hovertemplate="%{x}: %{y:,.0f} €<extra></extra>")
    fig.add_hline(y=0, line_color=GREY)
    fig = _layout(fig, y_title, t("chart.year"))
    fig.update_xaxes(dtick=1)
    return fig
