"""The 'Evidence' section of the Method page in English: the back-test against documented cases."""

EVIDENCE: dict[str, str] = {
    "evidence.title": "What documented cases say",
    "evidence.intro": (
        "A model that funders rely on should show how it fares against what really happened. We "
        "rebuilt documented pooling cases (trade press, evaluations, public audits) as scenarios "
        "and asked, for each figure they reported: would the model's range — from its pessimistic "
        "P10 to its optimistic P90, over {draws} draws — have contained it?"),
    "evidence.sentence": (
        "Of **{n}** reported outcomes from **{cases}** documented cases, the model's 80 % band "
        "contained **{m}**."),
    "evidence.expected": (
        "A well-calibrated model would contain about 80 % of them (± {se} with so few cases). "
        "{below} fell below the band (the model was too optimistic), {above} above it (the model "
        "was too cautious)."),
    "evidence.reading": (
        "**How to read this.** Public audits (UK National Audit Office) found set-up costs and "
        "shortfalls worse than the model's band; a few self-reported nonprofit successes found "
        "savings larger than the model's scale effects explain (process changes it does not "
        "model). The members of each case are approximations (sizes, staff ratios — every "
        "assumption is written in the case's files), most cases are foreign and larger than a "
        "Brussels pool, and many figures are self-reported: treat this as an order of magnitude, "
        "not a verdict."),
    "evidence.calibration": (
        "**What the evidence changed.** Set-up overruns now range up to ×2.0 (UK audit: ×1.56 on "
        "average over five centres), and a *benefit realisation* parameter (40 % to 120 % of the "
        "planned saving, 100 % most likely) lets the cash flows fall short of the plan, as "
        "audits keep finding. Details in docs/CALIBRATION.md."),
    "evidence.running": "Back-testing the documented cases ({draws} draws each)…",
    "evidence.chart_title": "Reported value against the model's band, case by case",
    "evidence.chart.band": "Model's P10–P90 band",
    "evidence.chart.median": "Model's median",
    "evidence.chart.inside": "Reported — inside the band",
    "evidence.chart.outside": "Reported — outside the band",
    "evidence.col.case": "Case",
    "evidence.col.metric": "What was reported",
    "evidence.col.reported": "Reported",
    "evidence.col.p10": "Model P10",
    "evidence.col.p50": "Model P50",
    "evidence.col.p90": "Model P90",
    "evidence.col.percentile": "Percentile of the reported value",
    "evidence.col.inside": "Inside the band",
    "evidence.col.reliability": "Reliability",
    "evidence.col.source": "Source",
    "evidence.yes": "yes",
    "evidence.no": "no",
    "evidence.never": "never",
    "evidence.year_suffix": " (by year {year})",
    "evidence.function_suffix": " ({function})",
    "evidence.metric.net_saving_share_of_pooled_cost": "Yearly net saving, share of the pooled functions' cost",
    "evidence.metric.function_saving_share": "Saving on one function, share of its cost",
    "evidence.metric.net_result_share_of_budgets": "Yearly net result, share of members' budgets",
    "evidence.metric.net_saving_eur": "Yearly net saving (€)",
    "evidence.metric.setup_overrun_ratio": "Set-up cost, actual ÷ planned",
    "evidence.metric.realised_vs_forecast_saving": "Net saving, realised ÷ forecast",
    "evidence.metric.savings_to_setup_ratio": "Savings so far ÷ set-up cost",
    "evidence.metric.payback_year": "Years to break even",
    "evidence.metric.exit_share": "Share of members gone",
    "evidence.reliability.audit": "public audit",
    "evidence.reliability.evaluation": "evaluation",
    "evidence.reliability.self-reported": "self-reported",
    "evidence.reliability.press": "press",
}
