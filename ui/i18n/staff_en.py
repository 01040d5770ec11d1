"""Staff transition and co-funded posts (MODEL.md §8.3), in English."""

STAFF: dict[str, str] = {
    "column.cofunded_share": "co-funded share",
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
    # buying the shared site (MODEL.md §8.6)
    "purchase.help": "Buy a shared site instead of renting it: give its price (empty = rented). The loan rate, "
                     "purchase costs, owner costs and the building's final value are on the Assumptions page.",
    "purchase.price": "Purchase price (€)",
    "purchase.price.help": "Price of the building, excluding registration duty and notary (added from the "
                           "assumptions).",
    "purchase.loan_share": "Borrowed (%)",
    "purchase.loan_years": "Loan (years)",
    "purchase.better": "Buying the site: NPV {buy}, against {rent} renting it — buying is {diff} better over the "
                       "horizon, at central assumptions.",
    "purchase.worse": "Buying the site: NPV {buy}, against {rent} renting it — buying is {diff} worse over the "
                      "horizon, at central assumptions.",
    "purchase.band": "Over {draws} Monte Carlo draws, buying and renting computed at the same values (loan "
                     "rate, building value, owner costs, rents…): NPV of buying minus NPV of renting between "
                     "{p10} and {p90} (P10–P90), median {p50}; buying wins in {share} of the draws.",
    "purchase.no_band": "A single run: the loan rate, building value and owner costs are uncertain; see the "
                        "Uncertainty page.",
}
