"""The "Batch runs" page in English (same keys as ``batch_fr.py``)."""

BATCH: dict[str, str] = {
    "nav.batch": "Batch runs",
    "batch.title": "Batch runs",
    "batch.intro": "Open the folder of a run started with \"mutualise batch\" (thousands of variants of a "
                   "scenario) and compare its results along one factor.",
    "batch.folder": "Batch folder",
    "batch.folder.help": "The folder given to --out, on the machine running the app.",
    "batch.empty": "Enter a batch folder to see its results.",
    "batch.no_folder": "No folder \"{folder}\" on this machine.",
    "batch.not_a_run": "The folder \"{folder}\" holds no batch run (manifest.json missing or unreadable).",
    "batch.status": "**{name}** — {experiments} variants, {draws} draws each · {done}/{parts} parts "
                    "finished · seed {seed} · model {version}",
    "batch.incomplete": "This run is not finished: only its finished parts are shown. Continue it with "
                        "\"mutualise batch … --resume\".",
    "batch.no_factor": "This run has no factor: a single variant.",
    "batch.metric": "Result",
    "batch.x": "Factor on the x axis",
    "batch.colour": "Split by",
    "batch.colour.none": "(nothing)",
    "batch.chart_caption": "One box per value of the factor: the spread comes from the other factors "
                           "({n} variants).",
    "batch.chart_caption.mc": "Median (P50) of each variant over its draws; one box per value of the factor "
                              "({n} variants).",
    "batch.top": "The {n} best variants",
    "batch.col.experiment": "Variant",
    "batch.col.value": "Value",
    "batch.col.p50": "Median (P50)",
    "batch.col.p10": "P10",
    "batch.col.p90": "P90",
    "batch.col.p_positive": "Probability > 0",
    "batch.metric.npv": "Net present value (€)",
    "batch.metric.net_saving": "Net annual saving (€/year)",
    "batch.metric.net_result": "Net annual result (€/year)",
    "batch.metric.payback_year": "Payback year",
    "batch.metric.baseline_total": "Today's cost of what is pooled (€/year)",
    "batch.metric.pooled_total": "Pooled cost (€/year)",
    "batch.metric.setup": "Set-up cost (€)",
    "batch.metric.public_cost": "Present value of public funding (€)",
    "batch.metric.npv_without_funding": "NPV without public funding (€)",
    "batch.metric.pooled_fte": "FTE of the pooled service",
    "batch.metric.irr": "Internal rate of return",
}
