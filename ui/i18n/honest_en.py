"""The honest headline (Monte Carlo first) and the one vocabulary, in English.

Vocabulary (MODEL.md §8.1): gross saving (before coordination) → net saving (after every
recurring cost) → net result (after set-up annualised, exit risk and funding). A negative amount
is never called a "saving": it is an extra cost or a loss.
"""

HONEST: dict[str, str] = {
    "honest.mc_title": "What will most likely happen ({draws} Monte Carlo draws)",
    "honest.npv_p50": "Median NPV",
    "honest.npv_p50.help": "Median of {draws} draws (seed {seed}), every assumption varying "
                           "within its range: 8 chances in 10 between {p10} and {p90}. Discounted "
                           "sum of net cash flows, set-up, leavers and subsidies included.",
    "honest.result_p50": "Median net result per year",
    "honest.result_p50.help": "Today's cost minus the net pooled cost (recurring costs, set-up "
                              "annualised, exit risk and subsidies included), at steady state: "
                              "8 chances in 10 between {p10} and {p90} a year.",
    "honest.p_npv_positive": "Chance of a positive NPV",
    "honest.p_npv_positive.help": "Share of draws in which the pool brings in more than it costs "
                                  "over the horizon.",
    "honest.payback_p50": "Median payback",
    "honest.payback_p50.help": "First year in which the cumulative net cash flow turns positive, "
                               "median over the draws.",
    "honest.band": "P10–P90: {p10} to {p90}",
    "honest.central_title": "Central assumptions (the catalogue's most likely values): the NPV "
                            "falls at percentile {pct} of the simulation.",
    "honest.central_npv": "NPV, central assumptions",
    "honest.central_result": "Net result per year, central assumptions",
    "honest.net_pooled_cost": "Net pooled cost per year",
    "honest.net_pooled_cost.help": "What the pool costs its members each year, everything "
                                   "counted (central assumptions); today's cost: {baseline}. "
                                   "It is the waterfall's last bar.",
    "honest.no_mc": "The Monte Carlo simulation could not run ({reason}): only the figures at "
                    "central assumptions are shown.",
    "honest.gap.close": "The central assumptions give an NPV close to the median.",
    "honest.gap.optimistic": "The central assumptions are more favourable than the median "
                             "({central} against {median}) because the ranges of {names} reach "
                             "further on the unfavourable side than on the favourable side.",
    "honest.gap.pessimistic": "The central assumptions are less favourable than the median "
                              "({central} against {median}) because the ranges of {names} reach "
                              "further on the favourable side than on the unfavourable side.",
    "honest.gap.skewed": "The central assumptions differ from the median ({central} against "
                         "{median}): the assumptions' ranges are lopsided.",
    "honest.and": " and ",
    # --- one vocabulary -------------------------------------------------------------------------------
    "honest.gross_saving": "Gross saving",
    "honest.gross_extra": "Gross extra cost",
    "honest.net_saving": "Net saving",
    "honest.net_extra": "Net extra cost",
    "honest.net_result": "Net result",
    "honest.net_extra_p50": "Median net annual extra cost",
    "honest.chain": "Central assumptions, per year: today's cost {baseline} · {gross_label} "
                    "{gross} (before coordination) · {net_label} {net} (after every recurring "
                    "cost) · net result {result} (after set-up annualised, leavers and "
                    "subsidies) · set-up {setup} (year 0) · IRR {irr} · horizon {years} years.",
    # --- tables that add up ---------------------------------------------------------------------------
    "honest.members.identity": "Every row adds up: gain = cost alone − pays in the pool − set-up "
                               "(annualised over the horizon) − exit risk + subsidies.",
    "honest.cashflow_table": "Flows by year (€) — from gross saving to net flow, the rows add up",
    # --- compare: the Monte Carlo first ---
    "compare.metric.npv_p50_eur": "Median NPV (Monte Carlo)",
    "compare.metric.p_npv_positive": "Chance of a positive NPV",
    "compare.metric.net_result_p50_eur": "Median net result per year",
    "compare.metric.net_annual_result_eur": "Net result per year (central assumptions)",
    "compare.metric.net_pooled_annual_cost_eur": "Net pooled cost (€/yr)",
}
