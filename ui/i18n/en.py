"""Messages in English. Same keys as ``fr.py`` (the reference) and ``nl.py``."""

from ui.i18n.batch_en import BATCH
from ui.i18n.brief_en import BRIEF
from ui.i18n.cards_en import CARDS
from ui.i18n.evidence_en import EVIDENCE
from ui.i18n.fair_split_en import FAIR_SPLIT
from ui.i18n.funding_en import FUNDING
from ui.i18n.honest_en import HONEST
from ui.i18n.method_en import METHOD
from ui.i18n.model_v2_en import MODEL_V2
from ui.i18n.pool_state_en import POOL_STATE
from ui.i18n.staff_en import STAFF
from ui.i18n.uncertainty_en import UNCERTAINTY
from ui.i18n.workbook_en import WORKBOOK

MESSAGES: dict[str, str] = {
    # --- navigation & sidebar -------------------------------------------------------------------
    "nav.section.pool": "Pooling",
    "nav.section.analysis": "Analysis",
    "nav.section.share": "Share and understand",
    "nav.pool": "Build the pool",
    "nav.results": "Results",
    "nav.compare": "Compare",
    "nav.assumptions": "Assumptions",
    "nav.uncertainty": "Uncertainty",
    "nav.fair_split": "Fair split",
    "nav.funding": "Funding",
    "nav.share": "Save and share",
    "nav.method": "Method",
    "sidebar.language": "Language",
    "sidebar.current": "Scenario: {name}",
    "sidebar.disclaimer": "A simulation, not legal or tax advice.",
    # --- common ---------------------------------------------------------------------------------
    "common.no": "No",
    "common.chart_data": "Chart data (CSV)",
    "common.table_data": "Table data (CSV)",
    # --- errors ---------------------------------------------------------------------------------
    "error.input_title": "Something in the input needs fixing:",
    "error.input_line": "**{field}** — {message}",
    "error.more.one": "… and {n} more problem.",
    "error.more.other": "… and {n} more problems.",
    "error.unexpected": "Something went wrong during the calculation. Your data are safe: "
                        "change the last entry or reload the page.",
    "error.details": "Technical details",
    "error.share_link": "This share link cannot be read (cut off or altered): the default "
                        "scenario is shown.",
    "error.share_invalid": "The scenario in the share link is not valid; the default scenario "
                           "is shown:",
    "error.scenario_invalid": "The scenario cannot be computed yet:",
    "error.needs_table": "this scenario uses its own member table ({name}): upload it in "
                         "'Build the pool › Members'.",
    "common.choose": "Choose…",
    "upload.button": "Choose a file",
    "upload.hint": "{mb} MB at most · {types}",
    "error.too_large": "the file is larger than {mb} MB.",
    "error.not_utf8": "the file is not UTF-8 text.",
    "error.no_examples": "no example scenario was found.",
    # --- fields (error paths) -------------------------------------------------------------------
    "field.line": "line {line}, column {column}",
    "field.cell": "row {row}, column '{column}'",
    "field.column": "column '{column}'",
    "field.members": "Members",
    "field.pooling": "Functions pooled",
    "field.vehicle": "Vehicle",
    "field.sites": "Sites",
    "field.allocation": "Allocation key",
    "field.horizon_years": "Horizon",
    "field.parameters": "Assumptions",
    "field.organisations": "Member table",
    "field.ramp_up": "Ramp-up",
    "field.funding": "Funding",
    "field.id": "id",
    "field.commune": "commune",
    "field.rent_eur_m2": "rent (€/m²/year)",
    "field.description": "Description",
    "field.exit_risk": "Exit risk",
    "field.uncertainty": "Uncertainty",
    "field.correlations": "Correlations",
    "field.startup_grant": "start-up grant",
    "field.coordination_subsidy": "coordination subsidy",
    "field.fte_subsidy": "subsidy per FTE",
    "field.loan": "zero-interest loan",
    "field.share": "share",
    "field.cap_eur": "cap (€)",
    "field.eur_per_year": "€ per year",
    "field.years": "years",
    "field.eur_per_fte": "€ per FTE",
    "field.amount_eur": "amount (€)",
    "field.clawback_share": "share clawed back by the funder",
    "field.reinvestment_share": "share reinvested in frontline work",
    "field.name": "Scenario name",
    # --- headline -------------------------------------------------------------------------------
    "headline.net_annual_saving_eur": "Net annual saving",
    "headline.net_annual_saving_eur.help": "Today's cost of the pooled functions minus the "
                                           "pooled cost, at steady state (fully ramped up, "
                                           "before set-up and funding).",
    "headline.npv_eur": "Net present value",
    "headline.npv_eur.help": "Discounted sum of net cash flows over the horizon, set-up and "
                             "funding included.",
    "headline.payback_year": "Payback",
    "headline.payback_year.help": "First year in which cumulative net cash flow turns "
                                  "positive.",
    "headline.frontline_fte_freed": "Frontline FTE freed",
    "headline.frontline_fte_freed.help": "Net annual saving divided by the loaded cost of a "
                                         "frontline worker.",
    "headline.payback_value": "Year {year}",
    "headline.payback_never": "Never",
    # --- pool page ------------------------------------------------------------------------------
    "pool.title": "Build the pool",
    "pool.intro": "Choose the members, tick what each one pools, then the vehicle, the site, "
                  "the horizon and the allocation key. The figures update with every change.",
    "pool.example": "Start from an example",
    "pool.example.help": "The examples use fictitious non-profits from the bundled sample.",
    "pool.example.placeholder": "Choose an example…",
    "pool.example.load": "Load",
    "pool.members_count": "{n} members",
    "pool.see_results": "See the detailed results",
    "pool.tab.members": "1. Members",
    "pool.tab.functions": "2. Functions pooled",
    "pool.tab.vehicle": "3. Vehicle and site",
    "pool.tab.horizon": "4. Horizon and split",
    # --- members --------------------------------------------------------------------------------
    "members.source": "Where do the members come from?",
    "members.source.sample": "Bundled sample",
    "members.source.upload": "Upload my table",
    "members.source.type": "Type them in",
    "members.sample": "bundled sample (fictitious non-profits)",
    "members.table_in_use": "Table in use: {name} — {n} organisations.",
    "members.back_to_sample": "Back to the bundled sample",
    "members.template_csv": "CSV template (commas)",
    "members.template_be": "CSV template for Belgian Excel (;)",
    "members.upload": "Member table (CSV or Excel .xlsx, 5 MB at most)",
    "members.upload.help": "One row per organisation. CSV with commas or in Belgian Excel "
                           "format (semicolons, decimal comma), or an .xlsx file. Start from a "
                           "template above.",
    "members.upload_failed": "The table could not be read — fix these cells and upload it "
                             "again:",
    "members.type.help": "Edit cells or add rows (spreadsheet row 2 is the first row), then "
                         "click 'Use this table'.",
    "members.type.use": "Use this table",
    "members.type.failed": "The table you typed has errors:",
    "members.pick": "Members of the pool",
    "members.pick.help": "The organisations taking part in the pool.",
    "members.option": "{name} — {subsector}, {commune}, {fte} FTE",
    "members.missing": "Not in the table in use: {ids}.",
    # --- member table columns -------------------------------------------------------------------
    "column.id": "Identifier",
    "column.name": "Name",
    "column.subsector": "Sub-sector",
    "column.commune": "Commune",
    "column.fte_total": "Total FTE",
    "column.budget_eur": "Budget (€/yr)",
    "column.vat_exempt": "VAT-exempt",
    "column.contracting_authority": "Contracting authority",
    "column.joint_committee": "Joint committee",
    "column.fte": "FTE",
    "column.cost_eur": "cost (€/yr)",
    "column.external_eur": "external (€/yr)",
    "column.hidden_hours_week": "hidden hours/week",
    "column.hidden_hourly_eur": "hidden hourly cost (€/h)",
    "column.volume": "volume",
    "column.hours_week": "hours/week",
    "column.visitors_week": "visitors/week",
    "column.spend_eur": "spend (€/yr)",
    "column.users": "users",
    "column.private_m2": "private m²",
    "column.common_m2": "common m²",
    "column.rent_eur_m2": "rent (€/m²/yr)",
    "subsector.medical_centre": "medical centre",
    "subsector.mental_health": "mental health",
    "subsector.home_care": "home care",
    "subsector.homelessness": "homelessness",
    "subsector.family_planning": "family planning",
    "subsector.addiction": "addiction",
    "subsector.social_service": "social service",
    "subsector.youth": "youth",
    "subsector.disability": "disability",
    "subsector.other": "other",
    # --- matrix and set-up ----------------------------------------------------------------------
    "matrix.help": "Tick, for each member, the functions it pools. A function must be ticked "
                   "by at least two members.",
    "matrix.no_members": "Choose members first (tab '1. Members').",
    "matrix.member": "Member",
    "matrix.blocked": "Greyed-out columns: the vehicle '{vehicle}' cannot carry {functions}.",
    "kind.labour": "Staff function: pooled workload grows more slowly than volume.",
    "kind.coverage": "Reception: cost follows opening hours; a gain only with co-location.",
    "kind.purchasing": "Purchasing: unit price falls with pooled volume.",
    "kind.fixed_shared": "Shared fixed costs: one licence or piece of equipment for all.",
    "kind.premises": "Premises: common rooms are shared on a common site.",
    "setup.vehicle": "Legal vehicle",
    "setup.vehicle.help": "The form of the pool: it decides VAT, which functions it can carry "
                          "and the cost of creating it.",
    "setup.name": "Scenario name",
    "setup.description": "Description",
    "setup.horizon": "Horizon (years)",
    "setup.horizon.help": "Period over which the NPV and the payback are computed.",
    "setup.exit_risk": "Allow for members leaving",
    "setup.exit_risk.help": "Each year a member may leave; the others carry the fixed part of "
                            "its cost until the pool is resized.",
    "setup.allocation": "Cost allocation key",
    "setup.allocation.help": "How the shared cost is split among members.",
    "sites.title": "Sites",
    "sites.help": "Give the same site name to members who move in together; leave it empty "
                  "for those who stay where they are. Premises and reception can only be "
                  "shared on a common site.",
    "sites.site": "Shared site",
    "sites.site.help": "Site name (same name = same building).",
    "sites.rent": "Site rent (€/m²/yr)",
    "sites.rent.help": "Empty: the default rent from the assumptions.",
    # --- results --------------------------------------------------------------------------------
    "results.title": "Results",
    "results.intro": "Scenario '{name}'. Amounts in euro per year at steady state, except the "
                     "cash flows.",
    "results.waterfall": "From today's cost to the net pooled cost (central assumptions)",
    "results.waterfall.help": "Each bar is a change in annual cost: green = down, red = up. "
                              "The last bar is the net pooled cost, everything counted; its gap "
                              "to today's cost is the net result per year.",
    "results.members": "Who gains, who loses",
    "results.members.help": "Each member's annual gain: what it would pay alone minus what it "
                            "pays in the pool (annualised set-up, exit risk and funding included). In "
                            "red: members who lose.",
    "results.losers": "These members pay more than alone (individual rationality fails): "
                      "{names}. A member who loses eventually leaves.",
    "results.no_losers": "Every member is better off in the pool (individual rationality "
                         "holds).",
    "results.cashflows": "Cash flows",
    "results.cashflows.help": "Members' yearly net cash flows (year 0 = set-up) and their "
                              "running total; the dashed line marks the payback year.",
    "results.vat": "VAT",
    "results.downloads": "Download the results",
    "results.download_csv": "Results (CSV, zip)",
    "results.download_xlsx": "Results (Excel)",
    "results.download_unavailable": "Export unavailable for this scenario.",
    # waterfall, VAT, charts and allocation keys: simulator/report/texts (shared with the brief)
    # --- compare --------------------------------------------------------------------------------
    "compare.title": "Compare scenarios",
    "compare.intro": "Choose two to four scenarios: the current one, your saved variants or "
                     "the examples.",
    "compare.make_variants": "Make variants of the current scenario",
    "compare.variant_name": "Variant name",
    "compare.variant_default": "Variant {n}",
    "compare.save": "Save",
    "compare.other_vehicle": "Same pool with another vehicle",
    "compare.add_vehicle_variant": "Add this variant",
    "compare.add_no_premises": "Add the variant without shared premises",
    "compare.no_premises": "without premises",
    "compare.pick": "Scenarios to compare (2 to 4)",
    "compare.current": "Current: {name}",
    "compare.saved": "Variant: {name}",
    "compare.example": "Example: {name}",
    "compare.need_two": "Choose at least two scenarios.",
    "compare.chart_bars": "Net result, NPV and set-up",
    "compare.chart_cumulative": "Cumulative net cash flows",
    "compare.fte_note": "Frontline FTE freed — {values}.",
    "compare.metric.net_annual_saving_eur": "Net annual saving",
    "compare.metric.npv_eur": "NPV (central assumptions)",
    "compare.metric.payback_year": "Payback",
    "compare.metric.frontline_fte_freed": "Frontline FTE freed",
    "compare.metric.baseline_annual_cost_eur": "Today's cost (€/yr)",
    "compare.metric.pooled_annual_cost_eur": "Pooled cost (€/yr)",
    "compare.metric.setup_cost_eur": "Set-up cost",
    "compare.metric.irr": "Internal rate of return",
    "compare.metric.vat_exempt": "VAT exemption",
    "compare.metric.members_count": "Number of members",
    # --- assumptions ----------------------------------------------------------------------------
    "assumptions.title": "Assumptions",
    "assumptions.intro": "Every assumption of the model, with unit, plausible range, source "
                         "and evidence grade. Change a value in the 'Value' column: it applies "
                         "to the current scenario.",
    "assumptions.none_changed": "No assumption changed: defaults everywhere.",
    "assumptions.changed_title.one": "**{n} assumption changed**",
    "assumptions.changed_title.other": "**{n} assumptions changed**",
    "assumptions.changed_line": "✏️ {description}: **{value}** {unit} (default {default})",
    "assumptions.reset_one": "Reset",
    "assumptions.reset_all": "Reset all",
    "assumptions.filter_grade": "Evidence grade",
    "assumptions.not_a_number": "this is not a number: '{value}'. Example: 1,234.5",
    "assumptions.refused": "Value refused (the previous one is kept):",
    "assumptions.col.changed": "Changed",
    "assumptions.col.group": "Group",
    "assumptions.col.description": "Assumption",
    "assumptions.col.value": "Value",
    "assumptions.col.value.help": "Editable. Shares and rates in %: type 3 for 3 %.",
    "assumptions.col.unit": "Unit",
    "assumptions.col.default": "Default",
    "assumptions.col.range": "Plausible range",
    "assumptions.col.grade": "Evidence",
    "assumptions.col.source": "Source",
    "assumptions.grades_note": "[B] Belgian source · [F] foreign proxy · [D] derived · "
                               "[G] estimate — estimates deserve a check against your own "
                               "figures.",
    "grade.B": "Belgian source",
    "grade.F": "foreign proxy",
    "grade.D": "derived",
    "grade.G": "estimate",
    # --- share ----------------------------------------------------------------------------------
    "share.title": "Save and share",
    "share.intro": "Download the scenario as YAML to reopen it later, share a link, or export "
                   "the results.",
    "share.yaml": "Scenario file (YAML)",
    "share.download_yaml": "Download the scenario (YAML)",
    "share.download_table": "Download the member table (CSV)",
    "share.own_table": "This scenario uses your member table '{name}': keep it with the YAML "
                       "file and upload it along with it.",
    "share.upload_yaml": "Open a scenario (YAML, 5 MB at most)",
    "share.upload_yaml.help": "A file downloaded from this page or written by hand (see the "
                              "scenarios/ folder).",
    "share.upload_failed": "The scenario could not be opened:",
    "share.loaded": "Scenario '{name}' opened.",
    "share.link": "Share link",
    "share.link.help": "This link reopens the same scenario ({chars} characters). It carries "
                       "the scenario itself: nothing is stored on the server.",
    "share.put_in_address_bar": "Put the link in the address bar",
    "share.link.own_table": "The link does not carry your member table: whoever opens it will "
                            "have to upload it.",
    # --- vehicles and engine warnings ------------------------------------------------------------
    "vehicle.desc.employer_group": "A non-profit whose sole object is making workers available "
                                   "to its members (law of 12 August 2000): at least 3 members, "
                                   "ministerial authorisation (~40 days), at most 50 workers, "
                                   "members jointly liable.",
    "vehicle.desc.cost_sharing_association": "Autonomous group of persons (art. 44 §2bis VAT "
                                             "code): exemption possible for public-interest "
                                             "activities (Aviva and DNB Banka rulings, 2017).",
    "vehicle.desc.commercial_provider": "Services bought from a company: 21 % VAT and the "
                                        "provider's margin.",
    "vehicle.desc.lead_member": "One member provides the service to the others and bills them.",
    "vehicle.desc.colocation_lease": "A joint lease for shared premises: letting of immovable "
                                     "property is VAT-exempt (art. 44 §3, 2°).",
    "vehicle.desc.purchasing_central": "Central purchasing body (law of 17 June 2016 on public "
                                       "procurement, art. 2 and 47).",
    "vehicle.warning.lead_member": "Making staff available is prohibited in principle (law of "
                                   "24 July 1987) except for short, notified periods: not a "
                                   "durable vehicle.",
    "warning.staff_cap": "The pool needs {fte} FTE but the vehicle '{vehicle}' is capped at {cap} "
                         "workers.",
    "warning.estimates.one": "{n} of today's costs is an estimate (no declared cost): declared "
                             "actual costs are more reliable.",
    "warning.estimates.other": "{n} of today's costs are estimates (no declared cost): declared "
                               "actual costs are more reliable.",
    # --- method ---------------------------------------------------------------------------------
    "method.title": "The method in a few words",
    **METHOD,
    **EVIDENCE,
    **UNCERTAINTY,
    **FUNDING,
    **BRIEF,
    **FAIR_SPLIT,
    **BATCH,
    **HONEST,
    **MODEL_V2,
    **STAFF,
    **POOL_STATE,
    **WORKBOOK,
    **CARDS,
}
