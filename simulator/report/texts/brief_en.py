"""Texts of the board brief (``simulator.report``) and of its download button."""

BRIEF: dict[str, str] = {
    "brief.kicker": "Brief for the board and the general assembly",
    "brief.generated": "Prepared on {date} · Mutualise, model {version}",
    "brief.s.question": "1. The question and the members",
    "brief.question": "Should {n} members pool {functions} in a {vehicle}, over {years} years? "
                      "Cost-allocation key: {allocation}.",
    "brief.col.function": "Function",
    "brief.col.members_pooling": "Members pooling it",
    "brief.members_list": "Members: {names}.",
    "brief.s.headline": "2. The result, with its uncertainty",
    "brief.headline.npv": "Net present value over {years} years",
    "brief.headline.saving": "Net saving per year (steady state)",
    "brief.headline.p_positive": "Probability of a positive NPV",
    "brief.headline.median": "median",
    "brief.headline.band": "8 cases in 10 between {p10} and {p90} (P10–P90)",
    "brief.headline.draws": "over {draws} Monte Carlo draws",
    "brief.headline.central": "Central assumptions (each assumption at its most likely value): "
                              "NPV {npv}, net saving {saving} per year, payback {payback}. "
                              "This run falls at percentile {pct} of the draws.",
    "brief.headline.payback_mc": "Payback year, median of the draws: {median}; paid back within "
                                 "the horizon in {share} of the draws.",
    "brief.payback_year": "year {year}",
    "brief.payback_never": "not within the horizon",
    "brief.s.waterfall": "3. From today's cost to the pooled cost",
    "brief.waterfall.caption": "Central assumptions, € per year at steady state. Green: saving; "
                               "red: added cost; blue: total.",
    "brief.s.members": "4. Who pays what, who gains",
    "brief.members.caption": "Central assumptions, € per year; “chance of gaining”: share of the "
                             "Monte Carlo draws in which the member pays less than alone.",
    "brief.col.name": "Member",
    "brief.col.standalone": "Cost alone (€/yr)",
    "brief.col.allocated": "Pays in the pool (€/yr)",
    "brief.col.gain": "Gain (€/yr)",
    "brief.col.gain_pct": "Gain (%)",
    "brief.col.rational": "Better off in the pool?",
    "brief.yes": "Yes",
    "brief.no_loses": "No — loses",
    "brief.col.p_better": "Chance of gaining",
    "brief.col.other": "Set-up, exits and funding (€/year)",
    "brief.fair.ok": "Fairness check: with the {allocation} key, no member pays more than it "
                     "would alone.",
    "brief.fair.losers": "Fairness check: with the {allocation} key, {names} would pay more than "
                         "alone — a member who loses is likely to leave. See the “Fair split” "
                         "page or “mutualise allocate”.",
    "brief.total": "Total",
    "brief.s.cashflows": "5. Cash flows and break-even",
    "brief.cashflows.caption": "Central assumptions: net cash flow of each year (set-up in year 0) "
                               "and cumulative. Payback: {payback}.",
    "brief.s.drivers": "6. The three assumptions that drive the result",
    "brief.drivers.caption": "Each assumption alone at its P10 then its P90, the others at their "
                             "central value (central NPV: {base}).",
    "brief.driver": "{label}: from {low} to {high} {unit} → NPV from {out_low} to {out_high}.",
    "brief.drivers.none": "No uncertain assumption in this scenario.",
    "brief.s.vat": "7. VAT and legal vehicle",
    "brief.vehicle": "Vehicle: {vehicle}. Legal basis: {source}.",
    "brief.s.assumptions": "8. Assumptions changed from the defaults",
    "brief.col.assumption": "Assumption",
    "brief.col.value": "Value used",
    "brief.col.default": "Default",
    "brief.col.unit": "Unit",
    "brief.col.source": "Source of the default",
    "brief.col.grade": "Grade",
    "brief.assumptions.none": "None: every assumption is the catalogue's (see “mutualise params”).",
    "brief.assumptions.range": "range {dist} {low} – {high}",
    "brief.assumptions.set_by": "Values chosen by the scenario; the other assumptions vary in the "
                                "draws within the catalogue's range.",
    "brief.grades": "Grade: [B] Belgian source · [F] foreign proxy · [D] derived · "
                    "[G] estimate to be confirmed.",
    "brief.s.limits": "9. Limits of the model",
    "brief.limit.simulation": "A simulation, not legal or tax advice: have the set-up (VAT, "
                              "statutes, contracts) checked by an adviser.",
    "brief.limit.grades": "Assumptions graded [G] are estimates awaiting Belgian data; the "
                          "P10–P90 band covers only the uncertainties described.",
    "brief.limit.estimates": "{n} of today's costs are estimates (no declared cost): the members' "
                             "declared actual costs are more reliable.",
    "brief.limit.vat": "The model cannot judge whether the VAT exemption distorts competition.",
    "brief.limit.exit": "Exit risk is a first-order expected value; the pooled reception assumes "
                        "nested opening hours.",
    "brief.warnings": "Warnings from the calculation:",
    "brief.reproduce": "To reproduce this brief:",
    "brief.provenance": "Model {version} · scenario hash {scenario_hash} · parameter hash "
                        "{parameter_hash} · seed {seed} · {draws} draws · {date}",
    "brief.figure": "Figure {n}",
    "brief.page": "page",
    # --- app button ----------------------------------------------------------------------------
    "brief.button": "Download the brief",
    "brief.button.help": "A two-to-four-page brief for the board: median result and its range, "
                         "split, cash flows, VAT, assumptions.",
    "brief.button.html": "Brief (HTML)",
    "brief.button.unavailable": "The PDF brief needs Chromium and kaleido (the “report” extra); "
                                "use the command line “mutualise brief”.",
    "brief.section.sector": "Brief for the funder",
    "brief.section": "Brief for the board",
}
