"""Fair split: who pays what under every method, is the split stable, is it VAT-safe, and which
candidate organisations should pool together.

Every figure comes from :func:`simulator.games.fair_split` (the pool's cost game
through the engine's kernel) and :func:`simulator.games.candidates.partition_candidates`, cached
with ``st.cache_data`` keyed by the scenario's canonical JSON, the member table's key and the
options; this page only labels, formats and draws them. Above 20 members the exact methods are
out of reach: the page says so and estimates the Shapley value by sampling.
"""

from __future__ import annotations

import json
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from simulator.communes import commune_label
from simulator.games import EXACT_LIMIT, NUCLEOLUS_LIMIT
from ui import charts, engine, state
from ui.formatting import money, number, percent, plotly_separators
from ui.i18n import current_language, has, t
from ui.widgets import function_kinds, function_label

DEFAULT_SAMPLES = 2_000
MAX_SAMPLES = 50_000
SAMPLING = "fair_split_sampling"  # session key: (samples, seed) for pools above 20 members
POOLS = "fair_split_pools"  # session key: the options of the last "suggest pools" run
#: Cost kinds offered for the pool search; premises and reception need the shared-site box.
SEARCH_KINDS = ("labour", "purchasing", "fixed_shared", "premises", "coverage")
SITE_KINDS = ("premises", "coverage")
RED = "color: #c0392b; font-weight: 600"
#: One colour per method (the app's palette, extended).
COLOURS = (*charts.SERIES, "#a05a7a", "#5a9aa0")


@st.cache_data(show_spinner=False, max_entries=16)
def run_fair_split(scenario_json: str, orgs_key: str, _orgs_csv: str | None,
                   samples: int | None, seed: int) -> pd.DataFrame:
    """Every method side by side for one (scenario, member table, sampling) — one engine call."""
    from simulator import Scenario
    from simulator.games.scenario_split import fair_split

    scenario = Scenario.from_dict(json.loads(scenario_json))
    return fair_split(scenario, samples=samples, seed=seed,
                      organisations=engine.run_organisations(scenario, orgs_key, _orgs_csv))


@st.cache_data(show_spinner=False, max_entries=16)
def run_partition(orgs_key: str, _orgs_csv: str | None, functions: tuple[str, ...],
                  max_size: int, same: tuple[str, ...], shared_site: bool) -> Any:
    """Proposed pools among the session's candidate table for one set of options."""
    from simulator.games.candidates import partition_candidates

    organisations = "sample" if _orgs_csv is None else engine.organisations_from_csv(orgs_key,
                                                                                     _orgs_csv)
    return partition_candidates(organisations, functions, max_size=max_size, same=list(same),
                                sites="shared" if shared_site else None)


def method_label(method: str) -> str:
    """A method's short name in the current language."""
    return t(f"fair.method.{method}")


# --- the pool's split ----------------------------------------------------------------------------

def sampling_settings(n: int) -> tuple[int | None, int]:
    """(samples, seed): None up to 20 members (exact); above, a form to choose them."""
    if n <= EXACT_LIMIT:
        return None, 0
    st.warning(t("fair.too_many", n=n, limit=EXACT_LIMIT), icon=":material/info:")
    current = st.session_state.setdefault(SAMPLING, {"samples": DEFAULT_SAMPLES, "seed": 0})
    with st.form("fair_split_sampling_form"):
        cols = st.columns([2, 2, 2], vertical_alignment="bottom")
        samples = cols[0].number_input(t("fair.samples"), min_value=10, max_value=MAX_SAMPLES,
                                       value=current["samples"], step=500,
                                       help=t("fair.samples.help"), key="fair_samples")
        seed = cols[1].number_input(t("fair.seed"), min_value=0, value=current["seed"], step=1,
                                    key="fair_seed")
        if cols[2].form_submit_button(t("fair.run"), icon=":material/play_arrow:",
                                      key="fair_run"):
            current = {"samples": int(samples), "seed": int(seed)}
            st.session_state[SAMPLING] = current
    return current["samples"], current["seed"]


def methods_of(report: pd.DataFrame) -> list[str]:
    """The report's methods, in its order."""
    return list(dict.fromkeys(report["method"]))


def split_table(report: pd.DataFrame, measure: str = "pays") -> pd.DataFrame:
    """Members × methods, one measure at a time (``pays`` or ``gain``): formatted, translated.

    One column per method (plus the member and what it pays alone) keeps the table within a
    1,366-pixel screen; the measure is picked above it.
    """
    lang = current_language()
    methods = methods_of(report)
    first = report[report.method == methods[0]]
    shown = pd.DataFrame({t("fair.col.member"): first["name"].tolist(),
                          t("fair.col.standalone"): [money(v, lang) for v in first["standalone"]]})
    for m in methods:
        rows = report[report.method == m]
        shown[method_label(m)] = [money(v, lang) for v in rows[measure]]
    return shown


def _red_when_losing(report: pd.DataFrame, shown: pd.DataFrame) -> pd.DataFrame:
    """A style frame: each method's cell in red for the members worse off than alone."""
    styles = pd.DataFrame("", index=shown.index, columns=shown.columns)
    for m in methods_of(report):
        losing = ~report.loc[report.method == m, "individually_rational"].to_numpy(dtype=bool)
        styles.loc[losing, method_label(m)] = RED
    return styles


def table_section(report: pd.DataFrame) -> None:
    """Methods side by side (what each member pays, or gains), then what each method means."""
    lang = current_language()  # bound now: format_func may be called outside the page run
    measure = st.radio(t("fair.table.measure"), ("pays", "gain"), horizontal=True,
                       format_func=lambda code: t(f"fair.table.measure.{code}", lang=lang),
                       key="fair_table_measure")
    st.caption(t("fair.table.help"))
    shown = split_table(report, measure)
    st.dataframe(shown.style.apply(lambda _: _red_when_losing(report, shown), axis=None),
                 hide_index=True, key="fair_split_table")
    rule = _scenario_rule()
    for m in methods_of(report):
        st.caption(t(f"fair.explain.{m}", rule=rule))


# --- the director's view: one recommended split, in sentences -------------------------------------

def recommended_table(report: pd.DataFrame, method: str) -> pd.DataFrame:
    """Who pays what under the recommended split: alone, in the pool, gain, verdict."""
    from simulator.games.recommend import members_of

    lang = current_language()
    rows = members_of(report, method)
    verdict = [t("fair.rec.col.wins") if ok else t("fair.rec.col.loses", amount=money(extra, lang))
               for ok, extra in zip(rows["individually_rational"], rows["extra_cost"], strict=True)]
    return pd.DataFrame({t("fair.col.member"): rows["name"].astype(str).tolist(),
                         t("fair.col.standalone"): [money(v, lang) for v in rows["standalone"]],
                         t("fair.rec.col.pays"): [money(v, lang) for v in rows["pays"]],
                         t("fair.rec.col.gain"): [money(v, lang) for v in rows["gain"]],
                         t("fair.rec.col.verdict"): verdict})


def walk_away_sentences(report: pd.DataFrame, method: str) -> list[str]:
    """Who would walk away under the recommended split and why, one sentence each."""
    from simulator.games import allocation_summary
    from simulator.games.recommend import members_of

    lang = current_language()
    rows = members_of(report, method)
    out = [t("fair.rec.loser", name=row["name"], amount=money(row["extra_cost"], lang))
           for _, row in rows.iterrows() if not row["individually_rational"]]
    summary = allocation_summary(report).loc[method]
    names = dict(zip(rows.index, rows["name"].astype(str), strict=True))
    group = [] if pd.isna(summary["in_core"]) or bool(summary["in_core"]) \
        else str(summary["blocking_coalition"]).split(" + ")
    if len(group) > 1:  # a single member leaving is already said above
        out.append(t("fair.rec.group", group=", ".join(names.get(m, m) for m in group),
                     amount=money(summary["blocking_amount"], lang)))
    return out


def director_section(report: pd.DataFrame) -> None:
    """The recommended split first: who pays what, who would walk away and why, in sentences."""
    from simulator.games.recommend import members_of, recommend_split

    rec = recommend_split(report)
    label = method_label(rec.method)
    st.subheader(t("fair.rec.title", method=label))
    sentence = t(f"fair.rec.reason.{rec.reason}", method=label)
    (st.success if rec.reason == "stable_safe" else st.warning if rec.reason == "stable_documented"
     else st.error)(sentence, icon=":material/balance:")
    shown = recommended_table(report, rec.method)
    losing = ~members_of(report, rec.method)["individually_rational"].to_numpy(dtype=bool)
    st.dataframe(shown.style.apply(lambda _: _red_rows(shown, losing), axis=None), hide_index=True,
                 key="fair_recommended_table")
    for text in walk_away_sentences(report, rec.method):
        st.markdown("- " + text)
    st.caption(t(f"fair.explain.{rec.method}", rule=_scenario_rule()))


def _red_rows(shown: pd.DataFrame, losing: np.ndarray) -> pd.DataFrame:
    styles = pd.DataFrame("", index=shown.index, columns=shown.columns)
    styles.loc[losing, :] = RED
    return styles


def _scenario_rule() -> str:
    scenario_key = json.loads(engine.canonical(state.scenario_dict())).get("allocation", "use")
    return t(f"allocation.{scenario_key}") if has(f"allocation.{scenario_key}") else scenario_key


def chart_data(report: pd.DataFrame) -> pd.DataFrame:
    """What the chart draws: € per year each member pays, by method, and alone."""
    methods = methods_of(report)
    first = report[report.method == methods[0]]
    data = pd.DataFrame({"member": first["member"].tolist(), "name": first["name"].tolist(),
                         "standalone_eur": first["standalone"].to_numpy()})
    for m in methods:
        data[f"{m}_eur"] = report.loc[report.method == m, "pays"].to_numpy()
    return data


def chart_section(report: pd.DataFrame) -> None:
    """Grouped bars: what each member pays under each method; diamonds: what it pays alone."""
    st.subheader(t("fair.chart.title"))
    st.caption(t("fair.chart.help"))
    data = chart_data(report)
    names = data["name"].astype(str).tolist()
    fig = go.Figure()
    for k, m in enumerate(methods_of(report)):
        fig.add_bar(x=names, y=data[f"{m}_eur"].tolist(), name=method_label(m),
                    marker_color=COLOURS[k % len(COLOURS)],
                    hovertemplate="%{x}: %{y:,.0f} €<extra></extra>")
    fig.add_scatter(x=names, y=data["standalone_eur"].tolist(), mode="markers",
                    name=t("fair.chart.standalone"),
                    marker={"symbol": "diamond", "size": 11, "color": "#222"},
                    hovertemplate="%{x}: %{y:,.0f} €<extra></extra>")
    fig.update_layout(barmode="group", separators=plotly_separators(current_language()),
                      height=440, plot_bgcolor="white",
                      margin={"l": 10, "r": 10, "t": 40, "b": 10},
                      legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0},
                      yaxis_title=t("fair.chart.axis"))
    fig.update_yaxes(gridcolor="#e6e9ef", tickformat=",.0f")
    charts.show(fig, data, t("fair.chart.title"), "fair_split_pays", index=False)


def core_sentence(row: pd.Series, names: dict[str, str], n: int) -> str:
    """The core check of one method in plain words (a row of ``allocation_summary``)."""
    label = method_label(str(row.name))
    if pd.isna(row["in_core"]):
        return t("fair.core.unchecked", method=label, limit=EXACT_LIMIT)
    if bool(row["in_core"]):
        return t("fair.core.in", method=label)
    group = str(row["blocking_coalition"]).split(" + ")
    amount = money(row["blocking_amount"], current_language())
    if 2 * len(group) > n:
        others = [names[m] for m in names if m not in group]
        return t("fair.core.out_all_but", method=label, group=", ".join(others), amount=amount)
    key = "fair.core.out_one" if len(group) == 1 else "fair.core.out_group"
    return t(key, method=label, group=", ".join(names.get(m, m) for m in group), amount=amount)


def core_section(report: pd.DataFrame) -> None:
    """Is each split stable? In plain words, naming the group that would walk away."""
    from simulator.games import allocation_summary

    st.caption(t("fair.core.help"))
    empty = report.attrs.get("core_empty")
    if empty is True:
        st.error(t("fair.core.empty"), icon=":material/block:")
    elif empty is False:
        st.info(t("fair.core.exists"), icon=":material/handshake:")
    first = report[report.method == methods_of(report)[0]]
    names = dict(zip(first["member"], first["name"].astype(str), strict=True))
    for _, row in allocation_summary(report).iterrows():
        text = core_sentence(row, names, len(names))
        worse = int(row["members_worse_off"])
        if worse:
            text += " " + t("fair.core.worse_off", n=worse)
        if pd.isna(row["in_core"]):
            st.info(text, icon=":material/help:")
        elif bool(row["in_core"]):
            st.success(text, icon=":material/check_circle:")
        else:
            st.warning(text, icon=":material/group_remove:")


def vat_section(report: pd.DataFrame) -> None:
    """Which methods keep the cost-sharing exemption beyond discussion."""
    st.caption(t("fair.vat.help"))
    regime = report.attrs.get("vat_regime")
    status = report.groupby("method", sort=False)["vat_status"].first()
    if regime in ("taxable", "exempt"):
        st.info(t(f"fair.vat.context.{regime}"), icon=":material/receipt_long:")
    elif (status == "unsafe").all():
        st.warning(t("fair.vat.context.unsafe"), icon=":material/receipt_long:")
    rows = []
    for m, s in status.items():
        code = str(s).replace(" ", "_")
        rows.append({t("fair.vat.col.method"): method_label(m),
                     t("fair.vat.col.status"): t(f"fair.vat.status.{code}"),
                     t("fair.vat.col.why"): t(f"fair.vat.why.{code}") if has(f"fair.vat.why.{code}")
                     else ""})
    st.dataframe(pd.DataFrame(rows), hide_index=True, key="fair_split_vat")
    st.caption(t("common.disclaimer"))


# --- suggest pools -----------------------------------------------------------------------------

def pool_options(candidates: Any) -> dict[str, Any] | None:
    """The search form; returns the options of the last run (None before the first)."""
    from simulator.games.candidates import DEFAULT_FUNCTIONS

    kinds = function_kinds()
    offered = [f for f, kind in kinds.items() if kind in SEARCH_KINDS]
    current = st.session_state.get(POOLS)
    defaults = current or {"functions": list(DEFAULT_FUNCTIONS), "max_size": 6, "same": [],
                           "shared_site": False}
    # options are ids shown through translated labels; state.keep_codes re-labels them after a
    # change of language (the browser would otherwise send back the old language's labels)
    groupings = {g: t(f"fair.pools.same.{g}") for g in ("commune", "subsector")}
    state.keep_codes("fair_pools_functions", list(offered), function_label)
    state.keep_codes("fair_pools_same", list(groupings), lambda g: t(f"fair.pools.same.{g}"))
    with st.form("fair_split_pools_form"):
        functions = st.multiselect(
            t("fair.pools.functions"), list(offered), format_func=function_label,
            default=[f for f in defaults["functions"] if f in offered],
            help=t("fair.pools.functions.help"), key="fair_pools_functions", placeholder=t("common.choose"))
        cols = st.columns([1, 2])
        max_size = cols[0].number_input(t("fair.pools.max_size"), min_value=2, max_value=12,
                                        value=int(defaults["max_size"]), step=1,
                                        key="fair_pools_max_size")
        same = cols[1].multiselect(t("fair.pools.same"), list(groupings),
                                   format_func=groupings.__getitem__,
                                   default=list(defaults["same"]),
                                   placeholder=t("fair.pools.same.none"), key="fair_pools_same")
        shared = st.checkbox(t("fair.pools.shared_site"), value=defaults["shared_site"],
                             help=t("fair.pools.functions.help"), key="fair_pools_shared")
        if st.form_submit_button(t("fair.pools.run"), icon=":material/join:", type="primary",
                                 key="fair_pools_run"):
            current = {"functions": [f for f in functions if f in offered],
                       "max_size": int(max_size),
                       "same": [g for g in same if g in groupings],
                       "shared_site": bool(shared)}
            st.session_state[POOLS] = current
    st.caption(t("fair.pools.candidates", n=number(len(candidates), current_language()),
                 source=t("fair.pools.source.custom" if state.custom_organisations()
                          else "fair.pools.source.sample")))
    return current


def bound_text(result: Any) -> str:
    """How far the proposal may be from the best split: proven, a gap, or no bound."""
    lang = current_language()
    if result.upper_bound is None:
        return t("fair.pools.no_bound")
    if result.gap is not None and result.gap <= 1e-6 * max(1.0, result.upper_bound):
        return t("fair.pools.optimal")
    return t("fair.pools.gap", gap=money(result.gap, lang), pct=percent(result.relative_gap, lang),
             bound=money(result.upper_bound, lang))


def pools_table(result: Any, pool: tuple[str, ...]) -> pd.DataFrame:
    """One proposed pool: its members, where they are, what they pay and gain."""
    lang = current_language()
    rows = result.members.loc[list(pool)]
    return pd.DataFrame({
        t("fair.pools.col.member"): rows["name"].tolist(),
        t("fair.pools.col.commune"): [commune_label(str(c), lang) for c in rows["commune"]],
        t("fair.pools.col.subsector"): [t(f"subsector.{s}") if has(f"subsector.{s}") else s
                                        for s in rows["subsector"]],
        t("fair.pools.col.standalone"): [money(v, lang) for v in rows["standalone"]],
        t("fair.pools.col.pays"): [money(v, lang) for v in rows["pays"]],
        t("fair.pools.col.gain"): [money(v, lang) for v in rows["gain"]],
    })


def pools_section() -> None:
    """Suggest pools among the candidate table (the sample or the uploaded one)."""
    st.caption(t("fair.pools.intro"))
    orgs_key, orgs_csv = engine._table_for(state.scenario_dict())
    candidates = engine.active_organisations() if orgs_csv is not None else engine.sample_table()
    options = pool_options(candidates)
    if options is None:
        return
    kinds = function_kinds()
    if not options["functions"]:
        st.error(t("fair.pools.no_functions"), icon=":material/error:")
        return
    if not options["shared_site"] and any(kinds.get(f) in SITE_KINDS for f in options["functions"]):
        st.error(t("fair.pools.needs_site"), icon=":material/error:")
        return
    lang = current_language()
    with st.spinner(t("fair.pools.running")):
        result = run_partition(orgs_key, orgs_csv, tuple(options["functions"]),
                               options["max_size"], tuple(options["same"]),
                               options["shared_site"])
    cols = st.columns(3)
    cols[0].metric(t("fair.pools.total"), money(result.total_benefit, lang), border=True)
    cols[1].metric(t("fair.pools.count"), number(len(result.pools), lang), border=True)
    cols[2].metric(t("fair.pools.alone"), number(len(result.alone), lang), border=True)
    st.caption(bound_text(result))
    if not result.pools:
        st.info(t("fair.pools.none"), icon=":material/info:")
        return
    for number_, row in result.pool_table.iterrows():
        head = st.columns([4, 2], vertical_alignment="center")
        head[0].markdown("**" + t("fair.pools.pool", k=number_, n=row["size"],
                                  benefit=money(row["benefit"], lang)) + "**")
        if head[1].button(t("fair.pools.open"), key=f"fair_pool_open_{number_}",
                          icon=":material/open_in_new:", help=t("fair.pools.open.help")):
            open_in_builder(proposed_scenario(result, tuple(row["members"]), options, number_))
        st.dataframe(pools_table(result, row["members"]), hide_index=True,
                     key=f"fair_pool_{number_}")
    st.caption(t("fair.pools.split"))
    st.download_button(t("common.table_data"), charts.csv_bytes(result.members), "pools.csv",
                       mime="text/csv", key="csv:fair_pools", icon=":material/download:",
                       type="tertiary")


def proposed_scenario(result: Any, pool: tuple[str, ...], options: dict[str, Any], k: int) -> dict[str, Any]:
    """A proposed pool as a scenario the builder can open: the pool's members and functions, the
    vehicle and split the search used (cost-sharing association, proportional to standalone
    cost), a shared building when the search assumed one, no funding and no description carried
    over from the scenario being edited."""
    from simulator import Scenario

    current = state.scenario_dict()
    data: dict[str, Any] = {
        "name": t("fair.pools.open.name", k=k), "description": "",
        "organisations": current.get("organisations", state.SAMPLE), "members": list(pool),
        "pooling": {f: "all" for f in options["functions"]}, "vehicle": "cost_sharing_association",
        "allocation": "standalone", "horizon_years": 10,
    }
    if options["shared_site"]:
        communes = result.members.loc[list(pool), "commune"].astype(str)
        data["sites"] = [{"id": f"pool_{k}", "members": list(pool), "commune": communes.mode().iloc[0]}]
    return Scenario.from_dict(data).to_dict()


def open_in_builder(data: dict[str, Any]) -> None:
    """Make ``data`` the scenario being edited and go to the pool builder."""
    from ui.pages import PAGE_OBJECTS

    state.set_scenario(data, origin="pools")
    page = PAGE_OBJECTS.get("pool")
    if page is not None:
        st.switch_page(page)
    st.rerun()


# --- the page ------------------------------------------------------------------------------------

def render() -> None:
    """The Fair split page."""
    st.title(t("fair.title"))
    st.caption(t("fair.intro"))
    data = state.scenario_dict()
    scenario_json = engine.canonical(data)
    orgs_key, orgs_csv = engine._table_for(data)
    n = len(json.loads(scenario_json)["members"])
    samples, seed = sampling_settings(n)
    lang = current_language()
    with st.spinner(t("fair.running")):
        report = run_fair_split(scenario_json, orgs_key, orgs_csv, samples, seed)
    st.markdown(t("fair.summary", cost=money(report.attrs["grand_cost"], lang),
                  standalone=money(report.attrs["standalone_total"], lang)))
    if samples is not None:
        errors = report.attrs.get("shapley_std_error") or {}
        st.caption(t("fair.sampled", samples=number(samples, lang), seed=seed,
                     se=money(max(errors.values(), default=np.nan), lang)))
    if "nucleolus" not in methods_of(report):
        st.caption(t("fair.nucleolus_skipped", limit=NUCLEOLUS_LIMIT))
    director_section(report)
    if st.toggle(t("fair.details"), key="fair_details", help=t("fair.details.help")):
        tabs = st.tabs([t("fair.tab.table"), t("fair.tab.chart"), t("fair.tab.core"),
                        t("fair.tab.vat")])
        with tabs[0]:
            table_section(report)
        with tabs[1]:
            chart_section(report)
        with tabs[2]:
            core_section(report)
        with tabs[3]:
            vat_section(report)
    st.divider()
    st.subheader(t("fair.tab.pools"))
    pools_section()
