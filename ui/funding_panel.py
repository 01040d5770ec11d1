"""Funding of one pool: the builder's panel (every instrument, clawback, reinvestment) and the
funder's view on Results (public cost, NPV with and without funding, capacity freed, leverage).

The panel edits the scenario's ``funding`` block through :func:`ui.state.update`, so the engine
validates it like a file. An instrument is switched on with a toggle (it then gets modest
defaults to edit) and off again (the key is removed); shares are shown in percent. No economics
here: the figures come from the engine's summary (:mod:`simulator.funding_metrics`).
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from ui import state
from ui.formatting import money, number
from ui.i18n import current_language, has, t
from ui.widgets import bound

#: Instrument -> (defaults when switched on, [(field, message key, kind, max)]).
INSTRUMENTS: dict[str, tuple[dict[str, float], list[tuple[str, str, str, float | None]]]] = {
    "startup_grant": ({"share": 0.5}, [("share", "fpanel.share", "percent", 100.0),
                                       ("cap_eur", "fpanel.cap", "cap", None)]),
    "coordination_subsidy": ({"eur_per_year": 10_000, "years": 3},
                             [("eur_per_year", "fpanel.eur_per_year", "eur", None),
                              ("years", "fpanel.years", "years", 100)]),
    "fte_subsidy": ({"eur_per_fte": 5_000, "years": 3}, [("eur_per_fte", "fpanel.eur_per_fte", "eur", None),
                                                         ("years", "fpanel.years", "years", 100)]),
    "loan": ({"amount_eur": 20_000, "years": 5}, [("amount_eur", "fpanel.amount", "eur", None),
                                                  ("years", "fpanel.loan_years", "years", 100)]),
}


def funding_dict() -> dict[str, Any]:
    """The scenario's funding block (empty when absent or malformed)."""
    value = state.scenario_dict().get("funding")
    return value if isinstance(value, dict) else {}


def _toggle(name: str) -> None:
    """Switch an instrument on (with its defaults) or off (key removed)."""
    on = st.session_state[f"{state.WIDGET_PREFIX}fpanel:{name}"]
    state.update(f"funding.{name}", dict(INSTRUMENTS[name][0]) if on else None)
    for field, *_ in INSTRUMENTS[name][1]:  # the fields re-read the scenario
        st.session_state.pop(f"{state.WIDGET_PREFIX}funding.{name}.{field}", None)


def _field(name: str, field: str, key: str, kind: str, top: float | None) -> None:
    path = f"funding.{name}.{field}"
    if kind == "percent":
        bound(st.number_input, path, t(key), min_value=0.0, max_value=top, step=5.0, format="%.0f",
              from_state=lambda v: float(v or 0) * 100, to_state=lambda v: (v or 0) / 100)
    elif kind == "cap":  # no cap = key absent (infinite); 0 in the widget means no cap
        bound(st.number_input, path, t(key), min_value=0.0, step=1000.0, format="%.0f", help=t("fpanel.cap.help"),
              from_state=lambda v: 0.0 if v in (None, float("inf")) else float(v),
              to_state=lambda v: None if not v else float(v))
    elif kind == "years":
        bound(st.number_input, path, t(key), min_value=1, max_value=int(top or 100), step=1,
              from_state=lambda v: int(v or 1), to_state=int)
    else:
        bound(st.number_input, path, t(key), min_value=0.0, step=500.0, format="%.0f",
              from_state=lambda v: float(v or 0), to_state=float)


def render() -> None:
    """The builder's funding panel (a tab of the pool page)."""
    st.caption(t("fpanel.intro"))
    current = funding_dict()
    for name, (_, fields) in INSTRUMENTS.items():
        key = f"{state.WIDGET_PREFIX}fpanel:{name}"
        st.session_state.setdefault(key, isinstance(current.get(name), dict))
        st.toggle(t(f"fpanel.{name}"), key=key, on_change=_toggle, args=(name,), help=t(f"fpanel.{name}.help"))
        if isinstance(current.get(name), dict):
            cols = st.columns(len(fields))
            for col, (field, label_key, kind, top) in zip(cols, fields, strict=True):
                with col:
                    _field(name, field, label_key, kind, top)
    st.markdown(f"**{t('fpanel.behaviour')}**")
    cols = st.columns(2)
    for col, (field, key) in zip(cols, (("clawback_share", "fpanel.clawback"),
                                        ("reinvestment_share", "fpanel.reinvestment")), strict=True):
        with col:
            bound(st.slider, f"funding.{field}", t(key), min_value=0, max_value=100, step=5,
                  help=t(f"{key}.help"), from_state=lambda v: round(float(v or 0) * 100),
                  to_state=lambda v: (v or 0) / 100)
    if not any(isinstance(current.get(n), dict) for n in INSTRUMENTS):
        st.info(t("fpanel.none"), icon=":material/info:")


def public_view(summary: dict[str, Any]) -> None:
    """The funder's figures of the pool (Results page), as a small table with what each means."""
    lang = current_language()
    public = summary.get("public_cost_eur") or 0.0
    rows = [("fview.public_cost", money(public, lang)),
            ("fview.npv_with", money(summary.get("npv_eur"), lang)),
            ("fview.npv_without", money(summary.get("npv_without_funding_eur"), lang)),
            ("fview.frontline_net", number(summary.get("frontline_fte_freed_net"), lang, 2)),
            ("fview.per_fte", money(summary.get("public_eur_per_frontline_fte"), lang)),
            ("fview.leverage", number(summary.get("leverage"), lang, 2))]
    with st.expander(t("fview.title"), expanded=public != 0, icon=":material/account_balance:"):
        lines = ["| | | |", "|---|---:|---|"]
        lines += [f"| {t(k)} | {v} | {t(f'{k}.help') if has(f'{k}.help') else ''} |" for k, v in rows]
        st.markdown("\n".join(lines))
        if public == 0:
            st.caption(t("fview.no_public"))
