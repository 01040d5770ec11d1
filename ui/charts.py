"""Plotly figures for the result frames, labelled with units, in the session's language.

The result figures themselves are built in :mod:`simulator.report.figures` (no Streamlit), so the
board brief prints exactly what the app shows; this module binds them to the session's language.
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

from simulator.report import figures
from ui.formatting import MISSING, money
from ui.i18n import current_language, t

#: Calm palette: saving, cost, neutral, highlight (shared with the board brief).
GREEN, RED, BLUE, GREY, SERIES = figures.GREEN, figures.RED, figures.BLUE, figures.GREY, figures.SERIES


def csv_bytes(frame: pd.DataFrame, index: bool = True) -> bytes:
    """A frame as Belgian-Excel CSV bytes (``;``, decimal comma, UTF-8 BOM); text cells that a
    spreadsheet would read as a formula are neutralised (:func:`simulator.export.neutralise`)."""
    from simulator.export import neutralise_frame

    return neutralise_frame(frame).to_csv(sep=";", decimal=",", index=index).encode("utf-8-sig")


def slug(text: str) -> str:
    """A safe file-name stem from a title."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "data"


def _layout(fig: go.Figure, y_title: str, x_title: str = "", height: int = 420) -> go.Figure:
    return figures.layout(fig, current_language(), y_title, x_title, height)


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
    """Waterfall from today's cost to the pooled cost (see :func:`simulator.report.figures.waterfall`)."""
    return figures.waterfall(frame, labels, measures, current_language())


def member_gains(names: list[str], gains: list[float], rational: list[bool]) -> go.Figure:
    """Each member's annual gain, losers in red (see :func:`simulator.report.figures.member_gains`)."""
    return figures.member_gains(names, gains, rational, current_language())


def cashflows(years: list[int], yearly: list[float], cumulative: list[float],
              payback_year: Any) -> go.Figure:
    """Yearly and cumulative net cash flow (see :func:`simulator.report.figures.cashflows`)."""
    return figures.cashflows(years, yearly, cumulative, payback_year, current_language())


def compare_bars(frame: pd.DataFrame, y_title: str, title: str = "") -> go.Figure:
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
    return _titled(_layout(fig, y_title), title)


def compare_lines(frame: pd.DataFrame, y_title: str, title: str = "") -> go.Figure:
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
    return _titled(fig, title)


def _titled(fig: go.Figure, title: str) -> go.Figure:
    """A chart with its title on top (the legend moves below it)."""
    if title:
        fig.update_layout(title={"text": title, "x": 0, "xanchor": "left", "y": 0.98, "yanchor": "top",
                                 "font": {"size": 16}},
                          margin={"t": 110}, legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0})
    return fig
