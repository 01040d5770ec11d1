"""Pool set-up: buying a shared site instead of renting it (MODEL.md §8.6).

One row per shared site: purchase price (empty = rented), share borrowed and loan years. The
loan rate, purchase costs, owner costs and the building's final value are catalogue assumptions
(Assumptions page). The results page then compares buying and renting in NPV.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from ui import state
from ui.formatting import money, number, percent
from ui.i18n import current_language, t

DEFAULT_LOAN_SHARE = 0.8
DEFAULT_LOAN_YEARS = 20


def editor(sites: list[dict[str, Any]], purchases: dict[str, Any]) -> None:
    """Edit each site's ``purchase`` in place in ``sites`` (the caller writes the scenario back)."""
    ids = [site["id"] for site in sites]
    frame = pd.DataFrame({
        "price": [(purchases.get(i) or {}).get("price_eur") for i in ids],
        "loan_share": [100 * (purchases.get(i) or {}).get("loan_share", DEFAULT_LOAN_SHARE) for i in ids],
        "loan_years": [(purchases.get(i) or {}).get("loan_years", DEFAULT_LOAN_YEARS) for i in ids],
    }, index=pd.Index(ids, name="site")).astype({"price": "float", "loan_share": "float", "loan_years": "Int64"})
    st.caption(t("purchase.help"))
    key = f"{state.WIDGET_PREFIX}purchase:{state.generation()}:{'|'.join(ids)}"
    edited = st.data_editor(frame, key=key, column_config={
        "price": st.column_config.NumberColumn(t("purchase.price"), help=t("purchase.price.help"), min_value=0.0,
                                               format="%.0f"),
        "loan_share": st.column_config.NumberColumn(t("purchase.loan_share"), min_value=0.0, max_value=100.0,
                                                    format="%.0f"),
        "loan_years": st.column_config.NumberColumn(t("purchase.loan_years"), min_value=1, max_value=50,
                                                    step=1)})
    for site in sites:
        row = edited.loc[site["id"]]
        if row["price"] is None or pd.isna(row["price"]) or float(row["price"]) <= 0:
            site.pop("purchase", None)
            continue
        share = DEFAULT_LOAN_SHARE if pd.isna(row["loan_share"]) else float(row["loan_share"]) / 100
        years = DEFAULT_LOAN_YEARS if pd.isna(row["loan_years"]) else int(row["loan_years"])
        site["purchase"] = {"price_eur": float(row["price"]), "loan_share": share, "loan_years": years}


def comparison(summary: dict[str, Any], headline: dict[str, Any] | None = None) -> None:
    """NPV buying against renting on the results page, when a site is bought: the central run, then
    how sure it is — the P10–P90 of the difference over the headline's Monte Carlo draws (both
    computed at the same draws) and the share of draws where buying wins."""
    cmp = summary.get("buy_vs_rent")
    if not cmp:
        return
    lang = current_language()
    key = "purchase.better" if cmp["buy_minus_rent_eur"] >= 0 else "purchase.worse"
    text = t(key, buy=money(cmp["npv_buy_eur"], lang), rent=money(cmp["npv_rent_eur"], lang),
             diff=money(abs(cmp["buy_minus_rent_eur"]), lang))
    band = (headline or {}).get("buy_vs_rent")
    if band:
        text += " " + t("purchase.band", draws=number(headline["headline_draws"], lang),
                        p10=money(band["p10_eur"], lang), p50=money(band["p50_eur"], lang),
                        p90=money(band["p90_eur"], lang), share=percent(band["p_buy_better"], lang, 0))
    else:
        text += " " + t("purchase.no_band")
    st.info(text, icon=":material/home_work:")
