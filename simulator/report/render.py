"""A :class:`~simulator.report.content.Brief` as self-contained HTML (and, through chromium, PDF).

The page is a Jinja2 template (``templates/brief.html.j2``) with its stylesheet inlined and the
four charts inlined as SVG: no external URL, one file that opens anywhere and prints the same.
Jinja2 is used rather than string formatting because it escapes every scenario-supplied text
(names with ``&`` or ``<``) by default and keeps the layout readable by someone who does not read
Python.

Every number is formatted here, from the engine's values, by the helpers the app uses too
(:mod:`simulator.formatting`: Belgian locales, ``1 234 €`` in French, ``€ 1.234`` in Dutch), and
every sentence comes from the report catalogue (:mod:`simulator.report.texts`). Nothing here
imports the app (``ui``).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from simulator.examples import description_for, title_for
from simulator.formatting import locale_for, money, number, parameter_value, percent
from simulator.report import figures
from simulator.report.content import Brief
from simulator.report.texts import has, t
from simulator.report.texts import pick as label

TEMPLATES = Path(__file__).with_name("templates")


@lru_cache(maxsize=1)
def _environment() -> Any:
    from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

    return Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["j2", "html"]),
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)


def value(x: float | None, lang: str, unit: str | None = None) -> str:
    """A parameter value for print: about four significant digits (``1 200``, ``0,85``,
    ``12,5``), shares and rates in % (:func:`simulator.formatting.parameter_value`)."""
    return parameter_value(x, lang, unit, significant=4)


def unit_text(unit: str, lang: str) -> str:
    """A catalogue unit in ``lang`` (``EUR/month`` → ``€/mois``)."""
    from simulator.messages import label as catalogue_label

    return catalogue_label("unit", unit, lang)


def source_text(name: str, english: str, lang: str) -> str:
    """An assumption's source in ``lang`` (the catalogue's English otherwise)."""
    from simulator.translations.param_sources import SOURCES

    return SOURCES.get(name, {}).get(lang) or english


def parameter_label(name: str, lang: str) -> str:
    """An assumption's name in ``lang`` (the catalogue's English description otherwise)."""
    from simulator.catalogue import parameters
    from simulator.translations.params import DESCRIPTIONS

    return DESCRIPTIONS.get(name, {}).get(lang) or parameters()[name].description


def payback_text(year: Any, lang: str) -> str:
    """``année 3`` / ``pas dans l'horizon``."""
    if year is None or year != year:  # None or NaN
        return t("brief.payback_never", lang=lang)
    return t("brief.payback_year", lang=lang, year=number(year, lang, 0 if float(year).is_integer() else 1))


def vat_lines(brief: Brief) -> dict[str, Any]:
    """The VAT verdict, its failed conditions and notes, in the brief's language."""
    from simulator.catalogue import vehicles

    lang, vat = brief.lang, brief.result.vat or {}
    regime = str(vat.get("regime", ""))
    regime_text = t(f"vat.regime.{regime}", lang=lang) if has(f"vat.regime.{regime}", lang) else regime
    if vat.get("exempt"):
        verdict = t("vat.exempt", lang=lang, regime=regime_text)
    else:
        verdict = t("vat.not_exempt", lang=lang, regime=regime_text,
                    amount=money(vat.get("amount_eur"), lang), rate=percent(vat.get("rate"), lang, 0))
    names = brief.result.members["name"]
    failed = []
    for item in vat.get("failed") or []:
        code = item.get("code", "") if isinstance(item, dict) else str(item)
        message = item.get("message", "") if isinstance(item, dict) else ""
        key = f"vat.cond.{code}"
        if not has(key, lang):
            failed.append(message or code)
            continue
        who = ""
        if ": " in message:
            ids = [m.strip() for m in message.rsplit(": ", 1)[1].split(",")]
            who = ", ".join(str(names.get(m, m)) for m in ids)
        failed.append(t(key, lang=lang, members=who))
    vehicle = vehicles()[brief.scenario.vehicle]
    note = f"vat.note.{regime}"
    return {"verdict": verdict, "exempt": bool(vat.get("exempt")), "failed": failed,
            "failed_title": t("vat.failed_title", lang=lang),
            "note": t(note, lang=lang) if has(note, lang) else "",
            "vehicle": t("brief.vehicle", lang=lang, vehicle=label(vehicle.label, lang),
                         source=vehicle.source)}


def warning_lines(brief: Brief) -> list[str]:
    """The engine's warnings in the brief's language (the estimates one is a limit, below)."""
    from simulator.messages import render

    return [render(text, brief.lang) for text in brief.warnings
            if not str(getattr(text, "code", "")).startswith("warning.estimates")]


def limit_lines(brief: Brief) -> list[str]:
    """The model's limits, with the count of estimated costs when there are any."""
    lang = brief.lang
    lines = [t("brief.limit.simulation", lang=lang), t("brief.limit.grades", lang=lang)]
    estimated = int(brief.summary.get("estimated_costs") or 0)
    if estimated:
        lines.append(t("brief.limit.estimates", lang=lang, n=number(estimated, lang)))
    lines += [t("brief.limit.vat", lang=lang), t("brief.limit.exit", lang=lang)]
    return lines


def chart_svgs(brief: Brief) -> dict[str, str]:
    """The app's four figures for this brief, as inline SVG (waterfall, members, cash flows, drivers)."""
    from simulator.report.images import svg

    lang, res = brief.lang, brief.result
    frame = figures.drawn_waterfall(res.waterfall)
    labels, measures = figures.waterfall_labels(frame, lang)
    out = {"waterfall": svg(figures.waterfall(frame, labels, measures, lang),
                            height=22 * len(labels) + 70)}
    m = brief.members
    out["members"] = svg(figures.member_gains(m["name"].tolist(), m["gain_eur"].tolist(),
                                              m["individually_rational"].tolist(), lang),
                         height=min(20 * len(m) + 70, 420))
    flows = res.cashflows
    out["cashflows"] = svg(figures.cashflows([int(y) for y in flows.index],
                                             flows["net_cashflow_eur"].astype(float).tolist(),
                                             flows["cumulative_eur"].astype(float).tolist(),
                                             res.summary.get("payback_year"), lang), height=290)
    if len(brief.tornado):
        top = brief.tornado.head(len(brief.drivers))
        names = [parameter_label(p, lang) for p in top["parameter"]]
        out["drivers"] = svg(figures.tornado(top, names, lang, bars=len(top)), height=230)
    return out


def context(brief: Brief, charts: dict[str, str] | None) -> dict[str, Any]:
    """Everything the template prints, already formatted."""
    from simulator.catalogue import functions, vehicles

    lang, s, mcs = brief.lang, brief.summary, brief.mc_summary
    tr = _translator(lang)
    fcat = functions()
    pooled = brief.pooled_functions
    function_names = [label(fcat[f].label, lang) for f, _ in pooled]
    alloc_key = f"allocation.{brief.scenario.allocation}"
    allocation = t(alloc_key, lang=lang) if has(alloc_key, lang) else str(brief.scenario.allocation)
    m = brief.members
    members = [{"name": r.name, "standalone": money(r.standalone_cost_eur, lang),
                "pays": money(r.allocated_cost_eur, lang), "other": money(r.other_eur, lang),
                "gain": money(r.gain_eur, lang), "gain_pct": percent(r.gain_pct, lang),
                "p_better": percent(r.p_better_off, lang, 0), "ok": bool(r.individually_rational)}
               for r in m.itertuples()]
    totals = {"standalone": money(m["standalone_cost_eur"].sum(), lang),
              "pays": money(m["allocated_cost_eur"].sum(), lang),
              "other": money(m["other_eur"].sum(), lang), "gain": money(m["gain_eur"].sum(), lang)}
    drivers = [tr("brief.driver", label=parameter_label(d.parameter, lang),
                  low=value(d.value_low, lang, d.unit), high=value(d.value_high, lang, d.unit),
                  unit=unit_text(d.unit, lang),
                  out_low=money(d.output_low, lang), out_high=money(d.output_high, lang))
               for d in brief.drivers]
    changed = [{"label": parameter_label(c.parameter, lang), "name": c.parameter,
                "value": value(c.value, lang, c.unit) if c.spec is None else tr(
                    "brief.assumptions.range", dist=str(c.spec.get("dist", "")),
                    low=value(c.spec.get("low"), lang, c.unit), high=value(c.spec.get("high"), lang, c.unit)),
                "default": value(c.default, lang, c.unit), "unit": unit_text(c.unit, lang),
                "source": source_text(c.parameter, c.source, lang),
                "grade": f"[{c.grade}]"} for c in brief.changed_assumptions]
    manifest = brief.manifest
    prepared = _date(brief, lang)
    fair = (tr("brief.fair.ok", allocation=allocation) if not brief.losers
            else tr("brief.fair.losers", allocation=allocation, names=", ".join(brief.losers)))
    years = number(s.get("horizon_years"), lang)
    return {
        "lang": lang, "t": tr, "charts": charts or {}, "title": title_for(str(s.get("scenario", "")), lang),
        "description": description_for(brief.scenario.name, brief.scenario.description or "", lang),
        "generated": tr("brief.generated", date=prepared, version=manifest.get("model_version")),
        "question": tr("brief.question", functions=_join(function_names, lang),
                       n=number(len(m), lang), years=years, allocation=allocation,
                       vehicle=label(vehicles()[brief.scenario.vehicle].label, lang)),
        "functions": [{"name": name, "count": number(c, lang)}
                      for name, (_, c) in zip(function_names, pooled, strict=True)],
        "members_list": tr("brief.members_list", names=", ".join(m["name"])),
        "headline": {
            "npv_title": tr("brief.headline.npv", years=years),
            "npv": money(mcs["npv_p50"], lang),
            "npv_band": tr("brief.headline.band", p10=money(mcs["npv_p10"], lang),
                           p90=money(mcs["npv_p90"], lang)),
            "saving": money(mcs["saving_p50"], lang),
            "saving_band": tr("brief.headline.band", p10=money(mcs["saving_p10"], lang),
                              p90=money(mcs["saving_p90"], lang)),
            "p_positive": percent(mcs["p_npv_positive"], lang, 0),
            "draws": tr("brief.headline.draws", draws=number(brief.draws, lang)),
            "central": tr("brief.headline.central", npv=money(s["npv_eur"], lang),
                          saving=money(s["net_annual_saving_eur"], lang),
                          payback=payback_text(s.get("payback_year"), lang),
                          pct=number(brief.central_percentile, lang)),
            "payback": tr("brief.headline.payback_mc",
                          median=payback_text(mcs.get("payback_p50"), lang),
                          share=percent(mcs.get("p_payback_within_horizon"), lang, 0)),
        },
        "members": members, "totals": totals, "fair": fair, "fair_ok": not brief.losers,
        "cashflows_caption": tr("brief.cashflows.caption",
                                payback=payback_text(s.get("payback_year"), lang)),
        "drivers": drivers,
        "drivers_caption": tr("brief.drivers.caption", base=money(s["npv_eur"], lang)),
        "vat": vat_lines(brief), "changed": changed, "warnings": warning_lines(brief),
        "limits": limit_lines(brief), "command": brief.command("pdf"),
        "provenance": tr("brief.provenance", version=manifest.get("model_version"),
                         scenario_hash=manifest.get("scenario_hash"),
                         parameter_hash=manifest.get("parameter_hash"), seed=brief.seed,
                         draws=number(brief.draws, lang), date=prepared),
        "col": {k: t(f"brief.col.{k}", lang=lang) for k in ("name", "standalone", "allocated", "gain",
                                                             "gain_pct", "rational")},
        "yes": t("brief.yes", lang=lang), "no": t("brief.no_loses", lang=lang),
        "css": (TEMPLATES / "brief.css").read_text(encoding="utf-8"),
    }


def _translator(lang: str):
    def tr(key: str, **kwargs: object) -> str:
        return t(key, lang=lang, **kwargs)

    return tr


def _join(items: list[str], lang: str) -> str:
    """``a, b et c`` in the brief's language."""
    if len(items) <= 1:
        return "".join(items)
    word = {"fr": "et", "nl": "en", "en": "and"}[lang]
    return f"{', '.join(items[:-1])} {word} {items[-1]}"


def _date(brief: Brief, lang: str) -> str:
    from babel.dates import format_date

    return format_date(brief.prepared, format="long", locale=locale_for(lang))


def render_html(brief: Brief, charts: dict[str, str] | None = None) -> str:
    """The brief as one self-contained HTML page (inline CSS and SVG; no external URL).

    ``charts`` defaults to :func:`chart_svgs` (kaleido); pass ``{}`` for a text-only page.
    """
    if charts is None:
        charts = chart_svgs(brief)
    return _environment().get_template("brief.html.j2").render(**context(brief, charts))


def render_pdf(brief: Brief, html: str | None = None) -> bytes:
    """The brief as PDF bytes (the HTML page printed by headless chromium)."""
    from simulator.report.pdf import html_to_pdf

    return html_to_pdf(html if html is not None else render_html(brief))
