"""Texts shared by the app and the brief: charts, waterfall steps, VAT, allocation keys.

The app merges them into its catalogues (``ui/i18n``); they live here so that the brief
(:mod:`simulator.report`) needs nothing from the app."""

SHARED: dict[str, str] = {
    "allocation.use": "By use (volume) — VAT-safe default",
    "allocation.standalone": "By each member's current cost",
    "allocation.equal": "Equal shares",
    "waterfall.baseline": "Today's cost",
    "waterfall.repricing": "Repricing of posts",
    "waterfall.scale_gains": "Scale gains",
    "waterfall.post_rounding": "Post-size rounding",
    "waterfall.management": "Service management staff",
    "waterfall.pay_harmonisation": "Pay harmonisation",
    "waterfall.reception_sharing": "Shared reception",
    "waterfall.purchasing_discounts": "Purchasing discounts",
    "waterfall.avoided_tenders": "Public tenders avoided",
    "waterfall.purchasing_central": "Purchasing central cost",
    "waterfall.shared_fixed": "Shared fixed costs",
    "waterfall.premises": "Premises",
    "waterfall.governance": "Governance",
    "waterfall.service_management": "Service management",
    "waterfall.pairwise": "Coordination between members",
    "waterfall.travel": "Travel",
    "waterfall.heterogeneity": "Heterogeneity",
    "waterfall.provider_margin": "Provider margin",
    "waterfall.vat": "VAT",
    "waterfall.setup_annualised": "Set-up (annualised)",
    "waterfall.exit_risk": "Exit risk",
    "waterfall.subsidies": "Subsidies",
    "waterfall.net_pooled_cost": "Net pooled cost",
    "vat.regime.cost_sharing": "Autonomous group of persons: exemption possible "
                              "(art. 44 §2bis)",
    "vat.regime.taxable": "Taxable service: 21 % VAT",
    "vat.regime.exempt": "Letting of premises: exempt",
    "vat.exempt": "The exemption holds: {regime}. No VAT on the pooled services.",
    "vat.not_exempt": "No exemption ({regime}): {amount} of VAT per year at {rate}, which "
                      "VAT-exempt non-profits cannot recover.",
    "vat.failed_title": "Conditions not met:",
    "vat.cond.vehicle_not_cost_sharing": "the vehicle is not an autonomous group of persons: "
                                         "its services carry VAT",
    "vat.cond.margin_charged": "the provider charges a margin: members do not reimburse "
                               "exactly their share of the joint costs",
    "vat.cond.member_not_exempt": "some members do not carry out exempt activities: {members}",
    "vat.cond.not_public_interest": "since the Aviva and DNB Banka rulings (2017) the "
                                    "exemption is limited to public-interest activities; not "
                                    "shown for: {members}",
    "vat.cond.allocation_not_cost_based": "the allocation key is not a split of actual costs",
    "vat.note.cost_sharing": "The model cannot check that the exemption does not distort "
                             "competition: ask a tax adviser.",
    "vat.note.exempt": "Letting of immovable property is exempt (art. 44 §3, 2° VAT code).",
    "chart.eur": "€",
    "chart.eur_per_year": "€ per year",
    "chart.cumulative_eur": "Cumulative net cash flow (€)",
    "chart.gain_eur_per_year": "Gain (€ per year)",
    "chart.net_cashflow": "Net cash flow of the year (€)",
    "chart.cumulative": "Cumulative (€)",
    "chart.year": "Year",
    "chart.break_even": "Payback: year {year}",
    "uncertainty.axis.npv": "Net present value (€)",
    "uncertainty.tornado.low": "Assumption at its P10",
    "uncertainty.tornado.high": "Assumption at its P90",
    "waterfall.cofunding_lost": "Job subsidies lost",
    "waterfall.staff_transition": "Staff transition (annualised)",
    "waterfall.site_purchase": "Site bought: financing (annualised)",
}
