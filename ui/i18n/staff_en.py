"""Staff transition and co-funded posts (MODEL.md §8.3), in English."""

STAFF: dict[str, str] = {
    "column.cofunded_share": "co-funded share",
    "waterfall.cofunding_lost": "Job subsidies lost",
    "waterfall.staff_transition": "Staff transition (annualised)",
    "honest.cf.staff_transition_eur": "Staff transition (kept, redeployed, dismissed)",
    "honest.col.transition": "Staff transition (€/yr)",
    "staff.title": "Staff the pool no longer needs",
    "staff.help": "When the pool needs fewer support posts than the members employ today, the "
                  "difference leaves by redeployment to frontline work, dismissal with notice, or stays "
                  "in place until people leave on their own.",
    "staff.redeployment": "Share redeployed to frontline work",
    "staff.redeployment.help": "They are retrained and fill the frontline posts that departures open; "
                               "until then they are paid on top of the team and count as frontline FTE.",
    "staff.dismissal": "Share dismissed with notice",
    "staff.dismissal.help": "Notice by seniority under the single-status law, paid in the first year. "
                            "The rest stays in its support role until it leaves (attrition).",
    "staff.attrition": "Left to attrition: {share}",
    "staff.cofunding": "Job subsidies follow the worker to the pool",
    "staff.cofunding.help": "Maribel social, Actiris ACS posts… are often tied to the employer: moving the "
                            "work to the pool loses them (default). Switch on only if the funder confirmed "
                            "in writing that the subsidy follows the worker.",
    # premises lease commitments (MODEL.md §8.6)
    "column.lease_months_left": "months of current lease left",
}
