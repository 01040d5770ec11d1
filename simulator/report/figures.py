"""The plotly figures of a result, shared by the app (``ui/charts.py``) and the board brief.

One builder per chart, importable without Streamlit, so the brief prints exactly the figures
the app shows. Each builder takes the engine's numbers and an interface language and only
*draws* them: labels come from the report catalogue (:mod:`simulator.report.texts`, merged into
the app's), amounts are formatted by
:mod:`simulator.formatting` (Babel, Belgian locales). No arithmetic beyond what a chart needs (a
tornado bar is drawn from the central value to the value at P10 / P90).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from simulator.formatting import money, plotly_separators
from simulator.report.texts import has, t

#: Calm palette: saving, cost, neutral, highlight.
GREEN = "#2e7d5b"
RED = "#c0392b"
BLUE = "#2f5d8a"
GREY = "#8a94a6"
SERIES = ("#2f5d8a", "#2e7d5b", "#d08c2b", "#7a4e9a")

#: Waterfall rows the engine marks as start / end bars (anything else is a step).
START_KINDS = ("baseline", "start", "absolute")
END_KINDS = ("total", "end", "pooled", "net")


def layout(fig: go.Figure, lang: str, y_title: str, x_title: str = "", height: int = 420) -> go.Figure:
    """The house layout: Belgian separators, white plot, horizontal legend on top."""
    fig.update_layout(
        separators=plotly_separators(lang),
        height=height,
        margin={"l": 10, "r": 10, "t": 40, "b": 10},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0},
        yaxis_title=y_title,
        xaxis_title=x_title,
        plot_bgcolor="white",
    )
    fig.update_yaxes(gridcolor="#e6e9ef", zerolinecolor="#9aa3b2", tickformat=",.0f")
    return fig


def drawn_waterfall(frame: pd.DataFrame) -> pd.DataFrame:
    """The engine's waterfall without the steps that are exactly zero (start and end kept)."""
    frame = frame.reset_index(drop=True)
    last = len(frame) - 1
    keep = [i == 0 or i == last or abs(float(v)) > 0.0 for i, v in enumerate(frame["value_eur"])]
    return frame[keep].reset_index(drop=True)


def waterfall_labels(frame: pd.DataFrame, lang: str) -> tuple[list[str], list[str]]:
    """Translated bar labels and plotly measures (absolute / relative / total) for each row."""
    labels, measures = [], []
    kinds = frame["kind"] if "kind" in frame else pd.Series([""] * len(frame))
    for position, (component, kind) in enumerate(zip(frame["component"], kinds, strict=True)):
        key = f"waterfall.{component}"
        labels.append(t(key, lang=lang) if has(key, lang) else str(component).replace("_", " "))
        kind = str(kind)
        if position == 0 and kind in START_KINDS + END_KINDS:
            measures.append("absolute")  # the first bar starts from zero
        elif kind in END_KINDS:
            measures.append("total")
        else:
            measures.append("relative")
    return labels, measures


def waterfall(frame: pd.DataFrame, labels: list[str], measures: list[str], lang: str) -> go.Figure:
    """Waterfall from today's cost to the pooled cost (values in €/year).

    Parameters
    ----------
    frame
        The engine's waterfall frame (one row per bar, ``value_eur``).
    labels
        Translated bar labels, one per row.
    measures
        Plotly measures per row: ``absolute`` (start), ``relative`` (a step) or ``total`` (end).
    lang
        Interface language (labels and number formats).
    """
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
    fig = layout(fig, lang, "", height=max(360, 30 * len(labels) + 100))
    fig.update_yaxes(autorange="reversed", gridcolor="rgba(0,0,0,0)")
    fig.update_xaxes(title_text=t("chart.eur_per_year", lang=lang), tickformat=",.0f",
                     gridcolor="#e6e9ef")
    fig.update_layout(margin={"l": 10, "r": 90, "t": 20, "b": 10})
    return fig


def member_gains(names: list[str], gains: list[float], rational: list[bool], lang: str) -> go.Figure:
    """Horizontal bars of each member's annual gain; members worse off than alone in red."""
    colours = [GREEN if ok else RED for ok in rational]
    fig = go.Figure(go.Bar(
        x=gains, y=names, orientation="h", marker_color=colours,
        text=[money(g, lang) for g in gains], textposition="auto",
        hovertemplate="%{y}: %{x:,.0f} €<extra></extra>",
    ))
    fig = layout(fig, lang, "", height=max(260, 34 * len(names) + 80))
    fig.update_yaxes(autorange="reversed", tickformat="")
    fig.update_xaxes(title_text=t("chart.gain_eur_per_year", lang=lang), tickformat=",.0f",
                     zerolinecolor="#9aa3b2")
    fig.update_layout(showlegend=False)
    return fig


def cashflows(years: list[int], yearly: list[float], cumulative: list[float], payback_year: Any,
              lang: str) -> go.Figure:
    """Yearly net cash flow (bars) and cumulative (line), break-even year marked."""
    fig = go.Figure()
    fig.add_bar(x=years, y=yearly, name=t("chart.net_cashflow", lang=lang),
                marker_color=[GREEN if v >= 0 else RED for v in yearly],
                hovertemplate="%{x}: %{y:,.0f} €<extra></extra>")
    fig.add_scatter(x=years, y=cumulative, name=t("chart.cumulative", lang=lang),
                    mode="lines+markers", line={"color": BLUE, "width": 3},
                    hovertemplate="%{x}: %{y:,.0f} €<extra></extra>")
    if payback_year is not None and not pd.isna(payback_year):
        fig.add_vline(x=float(payback_year), line_dash="dash", line_color=GREY)
        fig.add_annotation(x=float(payback_year), y=1, yref="paper", showarrow=False,
                           yanchor="bottom",
                           text=t("chart.break_even", lang=lang, year=int(payback_year)))
    fig = layout(fig, lang, t("chart.eur", lang=lang), t("chart.year", lang=lang))
    fig.update_xaxes(dtick=1)
    return fig


def tornado(frame: pd.DataFrame, labels: list[str], lang: str, bars: int = 12) -> go.Figure:
    """Horizontal bars from the central NPV to the NPV with each assumption at its P10 / P90.

    Parameters
    ----------
    frame
        The engine's tornado frame (:func:`simulator.uncertainty.model_sensitivity.sensitivity`),
        largest swing first: ``value_low/high``, ``output_low/high``, ``output_base``.
    labels
        The parameters' names in ``lang``, one per row of ``frame``.
    bars
        How many of the largest swings to draw (largest on top).
    """
    top = frame.head(bars).iloc[::-1]
    shown = list(reversed(labels[:len(top)]))
    base = float(frame["output_base"].iloc[0]) if len(frame) else 0.0
    fig = go.Figure()
    for end, colour, key in (("low", SERIES[2], "uncertainty.tornado.low"),
                             ("high", SERIES[0], "uncertainty.tornado.high")):
        fig.add_bar(y=shown, x=(top[f"output_{end}"] - base).tolist(), base=base, orientation="h",
                    name=t(key, lang=lang), marker_color=colour,
                    customdata=np.stack([top[f"value_{end}"], top[f"output_{end}"]], axis=-1),
                    hovertemplate="%{y}<br>%{customdata[0]:,.4g} → %{customdata[1]:,.0f} €"
                                  "<extra></extra>")
    fig.add_vline(x=base, line_color="#444")
    fig.update_layout(separators=plotly_separators(lang), height=max(320, 32 * len(top) + 120),
                      plot_bgcolor="white", margin={"l": 10, "r": 10, "t": 40, "b": 10},
                      legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0},
                      xaxis_title=t("uncertainty.axis.npv", lang=lang), yaxis_title="",
                      barmode="overlay")
    fig.update_xaxes(gridcolor="#e6e9ef", zerolinecolor="#9aa3b2", tickformat=",.0f")
    fig.update_yaxes(gridcolor="#e6e9ef", zerolinecolor="#9aa3b2")
    return fig


def wrap(label: str, width: int = 15) -> str:
    """A long category label on several lines (plotly ``<br>``), cut between words."""
    import textwrap

    return "<br>".join(textwrap.wrap(str(label), width)) or str(label)


def option_bands(options: list[str], p10: list[float], p50: list[float], p90: list[float], title: str,
                 lang: str) -> go.Figure:
    """One bar per funding option at its median over the draws, whiskers from P10 to P90 (the
    Funding page and the funder's brief).

    Parameters
    ----------
    options
        The options' labels, in the study's order (no funding first).
    p10, p50, p90
        The figure's percentiles per option (``<metric>_p10/_p50/_p90`` of the sector records).
    title
        The y axis: what is drawn, in ``lang``.
    """
    mid = np.asarray(p50, dtype=float)
    fig = go.Figure(go.Bar(x=[wrap(o) for o in options], y=mid, marker_color=BLUE,
                           error_y={"type": "data", "symmetric": False, "color": GREY,
                                    "array": np.asarray(p90, dtype=float) - mid,
                                    "arrayminus": mid - np.asarray(p10, dtype=float)}))
    fig.update_xaxes(tickangle=0, tickfont={"size": 10})
    return layout(fig, lang, title)
