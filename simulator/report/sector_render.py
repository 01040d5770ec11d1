"""A :class:`~simulator.report.sector.SectorBrief` as self-contained HTML (and, through chromium, PDF).

Same machinery as the pool brief (:mod:`simulator.report.render`): a Jinja2 template
(``templates/sector.html.j2``) sharing the brief's stylesheet, charts inlined as SVG, numbers
formatted by :mod:`simulator.formatting` and sentences from the report catalogue
(``simulator/report/texts/sector_*.py``). The charts are the Funding page's own
(:func:`simulator.report.figures.option_bands`).
"""

from __future__ import annotations

from typing import Any

from simulator.formatting import MISSING, money, number, percent
from simulator.report import figures
from simulator.report.render import TEMPLATES, _date, _environment, _join, _translator
from simulator.report.sector import SectorBrief
from simulator.report.texts import pick, t

#: Figures drawn with their P10–P90 band: record key -> catalogue key of the y axis.
CHARTS = {"frontline_fte_freed": "sector.chart.frontline", "public_cost_npv_eur": "sector.chart.public_cost"}
#: A runner-up at this share of the leader's FTE per public 100 k€ or more is "not clearly apart".
CLOSE = 0.95
#: Study settings printed when they differ from the schema's defaults: path -> grade.
SETTINGS = {"participation.threshold_eur": "G", "participation.threshold_share": "G", "pools.rule": "",
            "pools.same_subsector": "", "pools.size_cap": "", "pools.min_members": "", "functions": "",
            "vehicle": "", "allocation": "", "horizon_years": ""}


def fte(x: Any, lang: str) -> str:
    """Frontline FTE with two decimals (``1,25``)."""
    return number(x, lang, 2)


def band(record: dict[str, Any], key: str, lang: str, kind: str = "money") -> str:
    """``P10–P90 : a – b`` of a record's figure, or an empty string without draws."""
    lo, hi = record.get(f"{key}_p10"), record.get(f"{key}_p90")
    if lo is None or hi is None:
        return ""
    show = money if kind == "money" else fte
    return t("sector.band", lang, p10=show(lo, lang), p90=show(hi, lang))


def option_label(brief: SectorBrief, record: dict[str, Any]) -> str:
    """An option's label (the counterfactual in the brief's language)."""
    if record["option"] == "no_funding":
        return t("sector.no_funding", brief.lang)
    return str(record.get("label") or record["option"])


def option_rows(brief: SectorBrief) -> list[dict[str, Any]]:
    """The options table: one row per option, central value and P10–P90 band per figure."""
    lang, rows = brief.lang, []
    for r in brief.records:
        per100k = brief.fte_per_public_100k(r)
        rows.append({
            "label": option_label(brief, r), "counterfactual": r["option"] == "no_funding",
            "public": money(r["public_cost_npv_eur"], lang), "public_band": band(r, "public_cost_npv_eur", lang),
            "fte": fte(r["frontline_fte_freed"], lang), "fte_band": band(r, "frontline_fte_freed", lang, "fte"),
            "extra": fte(r["additional_frontline_fte"], lang),
            "extra_band": band(r, "additional_frontline_fte", lang, "fte"),
            "per100k": MISSING if per100k is None else fte(per100k, lang),
            "net": money(r["sector_net_benefit_npv_eur"], lang),
            "net_band": band(r, "sector_net_benefit_npv_eur", lang),
            "pools": t("sector.pools_cell", lang, pools=number(r["pools_formed"], lang),
                       additional=number(r["additional_pools"], lang)),
            "participation": percent(brief.participation(r), lang, 1),
            "members": number(r["members_pooled"], lang),
        })
    return rows


def option_list(brief: SectorBrief) -> list[str]:
    """The options compared, in words: label, description, budget."""
    lang, out = brief.lang, []
    for opt in brief.options.options:
        if opt.id == "no_funding":
            out.append(t("sector.option.counterfactual", lang))
            continue
        cap = opt.budget.cap_eur
        budget = (t("sector.budget.none", lang) if cap is None
                  else t("sector.budget.cap", lang, cap=money(cap, lang),
                         allocation=t(f"sector.budget.{opt.budget.allocation}", lang)))
        line = t("sector.option.line", lang, label=opt.label or opt.id, description=opt.description or "",
                 budget=budget)
        out.append(" ".join(line.split()))  # no double space when the option has no description
    return out


def verdict(brief: SectorBrief) -> dict[str, Any]:
    """The leading option in plain words, the runner-up, the benchmark and the caveats."""
    lang, lead = brief.lang, brief.leading
    per = money(100_000, lang)
    direct = brief.direct_fte_per_public_100k
    benchmark = t("sector.benchmark", lang, direct=fte(direct, lang), per=per, cost=money(brief.frontline_cost, lang))
    if lead is None:
        return {"lead": t("sector.lead.none", lang), "next": "", "benchmark": benchmark,
                "caveats": [t("sector.caveat.central", lang)]}
    ranked = brief.ranking()
    best = float(brief.fte_per_public_100k(lead) or 0.0)
    text = t("sector.lead", lang, option=option_label(brief, lead), per100k=fte(best, lang), per=per,
             extra=fte(lead["additional_frontline_fte"], lang), public=money(lead["public_cost_npv_eur"], lang),
             per_fte=money(lead["public_eur_per_additional_frontline_fte"], lang))
    runner = (t("sector.lead.next", lang, option=option_label(brief, ranked[1]), per=per,
                per100k=fte(brief.fte_per_public_100k(ranked[1]), lang)) if len(ranked) > 1 else "")
    caveats = []
    if len(ranked) > 1 and float(brief.fte_per_public_100k(ranked[1]) or 0.0) >= CLOSE * best:
        caveats.append(t("sector.caveat.close", lang, option=option_label(brief, ranked[1])))
    if best <= direct * (1 + 1e-9):
        caveats.append(t("sector.caveat.no_better", lang))
    share = brief.deadweight_share(lead)
    if share:
        caveats.append(t("sector.caveat.deadweight", lang, share=percent(share, lang, 0),
                         amount=money(lead["deadweight_eur"], lang)))
    caveats.append(t("sector.caveat.additional", lang, n=number(lead["additional_pools"], lang),
                     total=number(lead["pools_formed"], lang)))
    p10 = lead.get("additional_frontline_fte_p10")
    if p10 is not None:
        key = "sector.caveat.unsure" if p10 <= 0 else "sector.caveat.sure"
        caveats.append(t(key, lang, p10=fte(p10, lang)))
    else:
        caveats.append(t("sector.caveat.no_draws", lang))
    if brief.budget_binds(lead):
        caveats.append(t("sector.caveat.budget", lang, used=money(lead["budget_used_eur"], lang),
                         cap=money(lead["budget_cap_eur"], lang)))
    caveats.append(t("sector.caveat.central", lang))
    return {"lead": text, "next": runner, "benchmark": benchmark, "caveats": caveats}


def _setting(sector: Any, path: str) -> Any:
    value = sector
    for part in path.split("."):
        value = getattr(value, part)
    return value


def setting_text(path: str, value: Any, lang: str) -> str:
    """A study setting's value in words (``same or bordering commune``, ``2 %``, ``500 €``)."""
    from simulator.messages import label

    if path == "participation.threshold_eur":
        return money(value, lang)
    if path == "participation.threshold_share":
        return percent(value, lang, 1)
    if path == "pools.rule":
        return t(f"sector.rule.{value}", lang)
    if path == "pools.same_subsector":
        return t("brief.yes" if value else "sector.no", lang)
    if path == "functions":
        return _join([label("function", f, lang) for f in value], lang)
    if path == "vehicle":
        return label("vehicle", value, lang)
    if path == "allocation":
        return t(f"allocation.{value}", lang)
    return number(value, lang)


def changed_settings(brief: SectorBrief) -> list[dict[str, str]]:
    """Study settings that differ from the defaults, with grade and source."""
    from simulator.sector.options import Sector

    lang, default, out = brief.lang, Sector(), []
    for path, grade in SETTINGS.items():
        value, base = _setting(brief.options.sector, path), _setting(default, path)
        if value == base:
            continue
        out.append({"label": t(f"sector.setting.{path}", lang), "value": setting_text(path, value, lang),
                    "default": setting_text(path, base, lang), "grade": f"[{grade}]" if grade else "—",
                    "source": t("sector.source.participation" if grade else "sector.source.choice", lang)})
    return out


def population_lines(brief: SectorBrief) -> list[dict[str, str]]:
    """The generated population's calibration targets with their grade and source (none for a table)."""
    if brief.origin.kind != "generated":
        return []
    from simulator.sector.population import population_data

    data, lang = population_data(), brief.lang
    emp, cost = data["employment"], data["cost_per_job"]
    rows = [("sector.pop.reference", number(data["reference_size"]["value"], lang), data["reference_size"]),
            ("sector.pop.jobs", number(emp["sector_jobs"]["value"], lang), emp["sector_jobs"]),
            ("sector.pop.share", percent(emp["share_in_population"]["value"], lang, 0), emp["share_in_population"]),
            ("sector.pop.cost_per_job", money(cost["value"], lang), cost),
            ("sector.pop.sizes", t("sector.pop.sizes_value", lang), data["median_fte"])]
    return [{"label": t(key, lang), "value": value, "grade": f"[{entry['grade']}]",
             "source": " ".join(str(entry.get("source", "")).split())} for key, value, entry in rows]


def chart_svgs(brief: SectorBrief) -> dict[str, str]:
    """The Funding page's banded bars (median, P10–P90 whiskers) as inline SVG; none without draws."""
    if not brief.has_draws:
        return {}
    from simulator.report.images import svg

    labels = [option_label(brief, r) for r in brief.records]
    out = {}
    for key, axis in CHARTS.items():
        fig = figures.option_bands(labels, [r[f"{key}_p10"] for r in brief.records],
                                   [r[f"{key}_p50"] for r in brief.records],
                                   [r[f"{key}_p90"] for r in brief.records], t(axis, brief.lang), brief.lang)
        out[key] = svg(fig, height=330)
    return out


def context(brief: SectorBrief, charts: dict[str, str] | None) -> dict[str, Any]:
    """Everything the sector template prints, already formatted."""
    from simulator.catalogue import functions, vehicles

    lang, s = brief.lang, brief.options.sector
    tr = _translator(lang)
    prepared = _date(brief, lang)
    origin = (tr("sector.origin.generated", seed=brief.origin.seed) if brief.origin.kind == "generated"
              else tr("sector.origin.table", name=brief.origin.name))
    rule = tr(f"sector.rule.{s.pools.rule}") + (tr("sector.rule.same_subsector") if s.pools.same_subsector else "")
    return {
        "lang": lang, "t": tr, "charts": charts or {}, "title": tr("sector.title"),
        "generated": tr("brief.generated", date=prepared, version=brief.model_version),
        "study": tr("sector.study", source=brief.source),
        "question": tr("sector.question"),
        "population": tr("sector.population", n=number(brief.organisations, lang), origin=origin,
                         candidates=number(brief.candidates, lang), rule=rule, cap=number(s.pools.size_cap, lang),
                         min=number(s.pools.min_members, lang),
                         functions=_join([pick(functions()[f].label, lang) for f in s.functions], lang),
                         vehicle=pick(vehicles()[s.vehicle].label, lang),
                         allocation=tr(f"allocation.{s.allocation}"), years=number(s.horizon_years, lang)),
        "participation": tr("sector.participation", eur=money(s.participation.threshold_eur, lang),
                            share=percent(s.participation.threshold_share, lang, 1)),
        "options": option_list(brief), "rows": option_rows(brief), "has_draws": brief.has_draws,
        "table_caption": tr("sector.table.caption", n=number(brief.organisations, lang),
                            per=money(100_000, lang))
        + " " + (tr("sector.table.draws", draws=number(brief.draws, lang)) if brief.has_draws
                 else tr("sector.table.no_draws")),
        "verdict": verdict(brief), "settings": changed_settings(brief), "population_rows": population_lines(brief),
        "limits": [tr("brief.limit.simulation")]
        + ([tr("sector.limit.synthetic")] if brief.origin.kind == "generated" else [])
        + [tr("sector.limit.rule"), tr("sector.limit.sites"), tr("sector.limit.threshold"),
           tr("sector.limit.central")],
        "command": brief.command("pdf"),
        "provenance": tr("sector.provenance", version=brief.model_version, hash=brief.hash, seed=brief.seed,
                         draws=number(brief.draws, lang), date=prepared),
        "css": (TEMPLATES / "brief.css").read_text(encoding="utf-8"),
    }


def render_html(brief: SectorBrief, charts: dict[str, str] | None = None) -> str:
    """The funder's brief as one self-contained HTML page (``charts={}``: text only)."""
    if charts is None:
        charts = chart_svgs(brief)
    return _environment().get_template("sector.html.j2").render(**context(brief, charts))
