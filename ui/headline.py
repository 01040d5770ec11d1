"""The honest headline on screen: the Monte Carlo first, the central run beside it (MODEL.md §8.1).

The first row of figures is the seeded Monte Carlo of :mod:`simulator.headline` (median NPV,
median yearly net result, P(NPV > 0), median payback); the second is the run at central
assumptions, with the percentile its NPV falls at and the net pooled cost — the figure the
waterfall ends on. One sentence says why the central run and the median differ.

One vocabulary: gross saving → net saving → net result. A negative saving is shown as an extra
cost (its absolute value under the "extra cost" word), never as a saving.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from simulator.translations.params import DESCRIPTIONS
from ui.formatting import MISSING, fte, is_compact, money, money_card, number, percent
from ui.i18n import current_language, t

#: Words that name a saving, by language: never shown beside a negative amount.
SAVING_WORDS = {"fr": ("économie",), "nl": ("besparing",), "en": ("saving",)}


def saving_term(kind: str, value: float | None, lang: str | None = None) -> tuple[str, float | None]:
    """(label, amount to show) for a gross or net saving: an extra cost when negative.

    ``kind`` is ``"gross"`` or ``"net"``. A saving of −500 € is shown as an extra cost of 500 €.
    """
    if value is not None and value < 0:
        return t(f"honest.{kind}_extra", lang=lang), -value
    return t(f"honest.{kind}_saving", lang=lang), value


def parameter_label(name: str, lang: str | None = None) -> str:
    """An assumption's short name in the given language (catalogue description in English),
    cut before a colon or a bracket so that it reads inside a sentence."""
    from simulator.catalogue import parameters

    lang = lang or current_language()
    text = DESCRIPTIONS.get(name, {}).get(lang)
    if not text:
        cat = parameters()
        text = cat[name].description if name in cat else name
    for cut in (" : ", ": ", " ("):
        head = text.split(cut, 1)[0]
        if len(head) >= 12:
            text = head
    return text.strip().rstrip(".")


def gap_sentence(head: dict[str, Any], lang: str | None = None) -> str:
    """Why the central run and the median differ, in one plain sentence (from the tornado)."""
    lang = lang or current_language()
    central, median = money(head["central_npv_eur"], lang), money(head["npv_p50_eur"], lang)
    drivers = head.get("gap_drivers") or []
    gap = head["npv_p50_eur"] - head["central_npv_eur"]
    band = head["npv_p90_eur"] - head["npv_p10_eur"]
    if band <= 0 or abs(gap) < 0.1 * band:
        return t("honest.gap.close", lang=lang)
    if not drivers:
        return t("honest.gap.skewed", lang=lang, central=central, median=median)
    names = [f"« {parameter_label(d['parameter'], lang)} »" if lang == "fr"
             else f"‘{parameter_label(d['parameter'], lang)}’" for d in drivers]
    joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + t("honest.and", lang=lang) + names[-1]
    key = "honest.gap.optimistic" if gap < 0 else "honest.gap.pessimistic"
    return t(key, lang=lang, central=central, median=median, names=joined)


def headline_values(view: Any, lang: str | None = None) -> dict[str, str]:
    """Every headline figure as displayed, in order (the first is the first figure on screen)."""
    lang = lang or current_language()
    s, h = view.summary, view.headline
    out: dict[str, str] = {}
    if h is not None:
        payback = h.get("payback_p50_year")
        out["npv_p50_eur"] = money_card(h["npv_p50_eur"], lang)
        out["net_result_p50_eur"] = money_card(h["net_result_p50_eur"], lang)
        out["p_npv_positive"] = percent(h["p_npv_positive"], lang, 1)
        out["payback_p50_year"] = (t("headline.payback_value", lang=lang, year=int(payback))
                                   if payback is not None else t("headline.payback_never", lang=lang))
    out["npv_eur"] = money_card(s.get("npv_eur"), lang)
    out["net_annual_result_eur"] = money_card(s.get("net_annual_result_eur"), lang)
    out["net_pooled_annual_cost_eur"] = money_card(s.get("net_pooled_annual_cost_eur"), lang)
    out["frontline_fte_freed"] = fte(s.get("frontline_fte_freed"), lang)
    return out


def _band(h: dict[str, Any], key: str, lang: str) -> str:
    """``P10–P90 : a à b`` under a card, compact like the card (exact values in its help)."""
    return t("honest.band", lang=lang, p10=money_card(h[f"{key}_p10_eur"], lang),
             p90=money_card(h[f"{key}_p90_eur"], lang))


def exact(help_text: str, *values: Any, lang: str) -> str:
    """A card's help, followed by the exact amount when the card shows it compactly."""
    shown = [v for v in values if is_compact(v)]
    if not shown:
        return help_text
    return help_text + "\n\n" + t("cards.exact", lang=lang, value=money(shown[0], lang))


def render(view: Any) -> None:
    """Monte Carlo row, central-assumptions row, the gap sentence and the vocabulary chain."""
    lang = current_language()
    s, h = view.summary, view.headline
    values = headline_values(view, lang)
    if h is not None:
        draws = number(h["headline_draws"], lang)
        st.markdown(f"**{t('honest.mc_title', draws=draws)}**")
        cols = st.columns(4)
        cols[0].metric(t("honest.npv_p50"), values["npv_p50_eur"], _band(h, "npv", lang), delta_color="off",
                       delta_arrow="off", border=True,
                       help=exact(t("honest.npv_p50.help", draws=draws, seed=h["headline_seed"],
                                    p10=money(h["npv_p10_eur"], lang), p90=money(h["npv_p90_eur"], lang)),
                                  h["npv_p50_eur"], lang=lang))
        cols[1].metric(t("honest.result_p50"), values["net_result_p50_eur"], _band(h, "net_result", lang),
                       delta_color="off", delta_arrow="off", border=True,
                       help=exact(t("honest.result_p50.help", p10=money(h["net_result_p10_eur"], lang),
                                    p90=money(h["net_result_p90_eur"], lang)), h["net_result_p50_eur"], lang=lang))
        cols[2].metric(t("honest.p_npv_positive"), values["p_npv_positive"], border=True,
                       help=t("honest.p_npv_positive.help"))
        cols[3].metric(t("honest.payback_p50"), values["payback_p50_year"], border=True,
                       help=t("honest.payback_p50.help"))
        st.caption(t("honest.central_title", pct=number(h["central_npv_percentile"], lang)))
    else:
        st.warning(t("honest.no_mc", reason=view.headline_error or MISSING), icon=":material/warning:")
    cols = st.columns(4)
    cols[0].metric(t("honest.central_npv"), values["npv_eur"], border=True,
                   help=exact("", s.get("npv_eur"), lang=lang).strip() or None)
    cols[1].metric(t("honest.central_result"), values["net_annual_result_eur"], border=True,
                   help=exact("", s.get("net_annual_result_eur"), lang=lang).strip() or None)
    cols[2].metric(t("honest.net_pooled_cost"), values["net_pooled_annual_cost_eur"], border=True,
                   help=exact(t("honest.net_pooled_cost.help", baseline=money(s.get("baseline_annual_cost_eur"), lang)),
                              s.get("net_pooled_annual_cost_eur"), lang=lang))
    cols[3].metric(t("headline.frontline_fte_freed"), values["frontline_fte_freed"], border=True,
                   help=t("headline.frontline_fte_freed.help"))
    if h is not None:
        st.info(gap_sentence(h, lang), icon=":material/insights:")
    st.caption(chain(s, lang))


def chain(s: dict[str, Any], lang: str) -> str:
    """Today's cost → gross saving → net saving → net result, each under its honest name."""
    gross_label, gross = saving_term("gross", s.get("gross_annual_saving_eur"), lang)
    net_label, net = saving_term("net", s.get("net_annual_saving_eur"), lang)
    irr = s.get("irr")
    return t("honest.chain", lang=lang, baseline=money(s.get("baseline_annual_cost_eur"), lang),
             gross_label=gross_label.lower(), gross=money(gross, lang), net_label=net_label.lower(),
             net=money(net, lang), result=money(s.get("net_annual_result_eur"), lang),
             setup=money(s.get("setup_cost_eur"), lang),
             irr=percent(irr, lang) if irr is not None else MISSING,
             years=number(s.get("horizon_years"), lang))
