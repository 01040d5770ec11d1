"""Texts of the funder's brief of a sector funding study (``simulator.report.sector_render``)."""

SECTOR: dict[str, str] = {
    "sector.kicker": "Brief for the funder · sector funding study",
    "sector.title": "Which funding option frees the most frontline capacity per public euro?",
    "sector.study": "study {source}",
    "sector.s.question": "1. The question and the population",
    "sector.question": "With the same public budget, which instrument frees the most frontline capacity "
                       "(staff time back to patients and users), and how many pools exist only because "
                       "the funder paid?",
    "sector.population": "Population: {n} organisations ({origin}). {candidates} candidate pools formed by "
                         "rule ({rule}, at most {cap} members, at least {min} to form) would share {functions} "
                         "in a {vehicle}, cost-allocation key “{allocation}”, over {years} years.",
    "sector.origin.generated": "synthetic Brussels population calibrated to public aggregates, seed {seed}",
    "sector.origin.table": "organisation table {name}",
    "sector.rule.commune": "same commune",
    "sector.rule.neighbours": "same or bordering commune",
    "sector.rule.same_subsector": ", same sub-sector",
    "sector.participation": "A member joins only if its expected annual gain reaches {eur} plus {share} of "
                            "its current cost of the pooled functions (autonomy and trust) [G].",
    "sector.s.options": "2. The options compared",
    "sector.option.counterfactual": "No funding: the counterfactual every option is compared with.",
    "sector.option.line": "{label} — {description} {budget}",
    "sector.budget.none": "No budget cap.",
    "sector.budget.cap": "Budget: {cap}, {allocation}.",
    "sector.budget.first_come": "first come, first served",
    "sector.budget.leverage": "pools with the most benefit per public euro first",
    "sector.no_funding": "No funding",
    "sector.s.table": "3. The options side by side",
    "sector.col.option": "Option",
    "sector.col.public": "Public cost (PV)",
    "sector.col.fte": "Frontline FTE freed",
    "sector.col.extra": "Additional FTE",
    "sector.col.per100k": "FTE per public 100 k€/yr",
    "sector.col.net": "Members' net result (NPV)",
    "sector.col.pools": "Pools (additional)",
    "sector.col.participation": "Participation (members)",
    "sector.band": "{p10} – {p90}",
    "sector.pools_cell": "{pools} ({additional})",
    "sector.table.caption": "Public cost: present value of grants, subsidies and loans, net of repayments "
                            "and clawback. Additional: beyond what forms without funding. FTE per public "
                            "{per}/yr: additional frontline FTE per {per} of public money a year "
                            "(annualised public cost). Participation: organisations that pool, of {n}.",
    "sector.table.draws": "Central values; under each, P10–P90 over {draws} draws of the model's assumptions "
                          "(the same draws for every option, so differences are paired).",
    "sector.table.no_draws": "Central values only (no draws): no uncertainty band.",
    "sector.s.chart": "4. Frontline capacity and public cost, with their uncertainty",
    "sector.chart.frontline": "Frontline FTE freed",
    "sector.chart.public_cost": "Public cost, present value (€)",
    "sector.chart.frontline.caption": "Frontline FTE freed per option: median of the draws, whiskers P10–P90 "
                                      "(as on the Funding page).",
    "sector.chart.public_cost.caption": "Public cost per option (present value): median, whiskers P10–P90.",
    "sector.chart.none": "The study was run without draws: no chart of the uncertainty.",
    "sector.s.verdict": "5. The leading option",
    "sector.lead": "{option} frees the most frontline capacity per public euro: {per100k} additional "
                   "frontline FTE per {per} of public money a year ({extra} FTE beyond no funding, "
                   "{per_fte} a year per additional FTE; public cost {public} in present value).",
    "sector.lead.next": "Next: {option}, {per100k} FTE per {per} a year.",
    "sector.lead.none": "No option frees frontline capacity beyond what forms without funding: under these "
                        "assumptions, public money here goes to pools that would form anyway, or to none.",
    "sector.benchmark": "For comparison: the same money paid to frontline staff directly buys {direct} FTE per {per} "
                        "a year ({per} ÷ {cost}, the loaded cost of a frontline worker [G]). Funding that only "
                        "adds money to pools that form anyway buys exactly that; an option does better only "
                        "through the pools it makes viable or keeps together.",
    "sector.caveat.close": "{option} does almost as well (within 5 %): the two are not clearly apart.",
    "sector.caveat.no_better": "It does no better than paying frontline staff directly: the money mostly "
                                "adds to pools that form anyway.",
    "sector.caveats": "Caveats:",
    "sector.caveat.deadweight": "{share} of its public cost ({amount}) goes to pools that would form anyway "
                                "(deadweight).",
    "sector.caveat.additional": "{n} of its {total} pools form only because of the funding.",
    "sector.caveat.unsure": "In at least one draw in ten it frees no additional frontline capacity (P10 of "
                            "the additional FTE: {p10}).",
    "sector.caveat.sure": "Its additional frontline capacity stays positive in at least 9 draws in 10 (P10: "
                          "{p10} FTE).",
    "sector.caveat.no_draws": "Central values only: how sure this is was not measured (run with draws).",
    "sector.caveat.budget": "It uses {used} of its {cap} budget: the cap binds, and more pools might have "
                            "applied with a larger budget.",
    "sector.caveat.central": "Who pools is decided at central values; only the pools' outcomes vary over the "
                             "draws.",
    "sector.s.assumptions": "6. Assumptions of the study",
    "sector.col.setting": "Setting",
    "sector.col.source": "Source",
    "sector.col.target": "Population target",
    "sector.col.source_en": "Source (data file, in English)",
    "sector.settings.none": "Every study setting is the default (docs/FUNDING.md).",
    "sector.setting.participation.threshold_eur": "Participation threshold, fixed part",
    "sector.setting.participation.threshold_share": "Participation threshold, share of current cost",
    "sector.setting.pools.rule": "Who may pool together",
    "sector.setting.pools.same_subsector": "Same sub-sector only",
    "sector.setting.pools.size_cap": "Most members per pool",
    "sector.setting.pools.min_members": "Fewest members for a pool to form",
    "sector.setting.functions": "Functions pooled",
    "sector.setting.vehicle": "Legal vehicle",
    "sector.setting.allocation": "Cost-allocation key",
    "sector.setting.horizon_years": "Horizon (years)",
    "sector.source.participation": "Autonomy and trust cost of joining: estimate (MODEL.md §3.10)",
    "sector.source.choice": "Choice of the study",
    "sector.no": "No",
    "sector.pop.title": "The synthetic population is calibrated to these aggregates:",
    "sector.pop.reference": "Employer ASBLs of reference",
    "sector.pop.jobs": "Jobs in Brussels health and social action",
    "sector.pop.share": "Share of those jobs in this population",
    "sector.pop.cost_per_job": "Cost per job (€/year)",
    "sector.pop.sizes": "Sizes by sub-sector",
    "sector.pop.sizes_value": "median FTE",
    "sector.parameters": "Every model assumption (salaries, coordination, set-up…) is the catalogue's "
                         "default; the draws vary them within their ranges (“mutualise params”).",
    "sector.s.limits": "7. Limits",
    "sector.limit.synthetic": "The population is synthetic: real organisations, in the organisation format, "
                              "replace it (--population FILE).",
    "sector.limit.rule": "Candidate pools come from the rule only, not from a search for the best partition.",
    "sector.limit.sites": "Reception, premises and purchasing are not pooled in the sector view: they need "
                          "sites.",
    "sector.limit.threshold": "The participation threshold is an estimate [G] standing for autonomy and trust.",
    "sector.limit.central": "Which pools form is decided at central values; the band covers only the "
                            "uncertainties described in the catalogue.",
    "sector.provenance": "Model {version} · study hash {hash} · seed {seed} · {draws} draws · {date}",
    "sector.button.help": "A two-to-four-page brief for the funder: the options compared, frontline "
                          "capacity per public euro, the leading option and its caveats.",
}
