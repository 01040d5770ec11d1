"""The Fair split page in English (same keys as ``fair_split_fr.py``)."""

FAIR_SPLIT: dict[str, str] = {
    "nav.fair_split": "Fair split",
    "fair.title": "Fair split",
    "fair.intro": "Who pays what in the pool? Every method splits the same total cost; they "
                  "differ in the share of the saving each member gets. A pool lasts only if no "
                  "member, and no group of members, would do better on its own.",
    "fair.summary": "The pool costs {cost} a year. On their own, the members would pay "
                    "{standalone} a year.",
    "fair.too_many": "This pool has {n} members. The exact methods (exact Shapley, nucleolus, "
                     "stability check) need at most {limit} members: the Shapley value is "
                     "estimated from random orders of arrival.",
    "fair.samples": "Random orders",
    "fair.samples.help": "More orders: a more precise estimate, a longer run.",
    "fair.seed": "Random seed",
    "fair.run": "Recompute",
    "fair.sampled": "Shapley estimated from {samples} orders (seed {seed}); largest standard "
                    "error: {se}.",
    "fair.nucleolus_skipped": "The nucleolus is not computed above {limit} members.",
    "fair.running": "Costing every sub-group of the pool…",
    "fair.tab.table": "Methods side by side",
    "fair.tab.chart": "Who pays what",
    "fair.tab.core": "Stability",
    "fair.tab.vat": "VAT",
    "fair.tab.pools": "Suggest pools",
    "fair.col.member": "Member",
    "fair.col.standalone": "Alone (€/yr)",
    "fair.method.proportional": "Scenario key",
    "fair.method.equal": "Equal shares",
    "fair.explain.proportional": "Scenario key: the split of the Results page ({rule}).",
    "fair.explain.equal": "Equal shares: the pool's cost divided by the number of members.",
    "fair.chart.title": "Who pays what, by method",
    "fair.chart.help": "Each bar: what a member pays per year under one method. The black "
                       "diamond: what it would pay on its own. A bar above the diamond: the "
                       "member loses by taking part.",
    "fair.chart.standalone": "Alone",
    "fair.chart.axis": "€ per year",
    "fair.core.help": "A split is stable (in the \"core\") when no member and no group of "
                      "members would pay less by pooling on their own.",
    "fair.core.empty": "No split can be stable: whatever the key, some member or group would "
                       "pay less on its own. Revisit the scope (members, functions) or the "
                       "funding.",
    "fair.core.exists": "A stable split exists: the nucleolus is one.",
    "fair.core.in": "**{method}**: stable — no member or group would pay less on its own.",
    "fair.core.out_one": "**{method}**: not stable — {group} would pay {amount} less a year on "
                         "its own.",
    "fair.core.out_group": "**{method}**: not stable — the group {group} would pay {amount} "
                           "less a year by pooling on its own.",
    "fair.core.out_all_but": "**{method}**: not stable — all members but {group} would "
                             "together pay {amount} less a year.",
    "fair.core.unchecked": "**{method}**: stability not checked (more than {limit} members: not "
                           "every sub-group can be costed).",
    "fair.vat.help": "The VAT exemption of cost-sharing associations (art. 44 §2bis) requires "
                     "each member to reimburse exactly its share of the joint costs. Which "
                     "methods show that beyond discussion?",
    "fair.vat.col.method": "Method",
    "fair.vat.col.status": "VAT exemption",
    "fair.vat.col.why": "Why",
    "fair.vat.status.safe": "Safe",
    "fair.vat.status.to_document": "To document",
    "fair.vat.status.unsafe": "At risk",
    "fair.vat.status.not_applicable": "Not applicable",
    "fair.vat.why.safe": "A cost-based key with no margin: each member reimburses its share of "
                         "the joint costs.",
    "fair.vat.why.to_document": "Redistributes the saving by each member's alternatives: write "
                                "the key into the agreement and have it validated.",
    "fair.vat.why.unsafe": "The shares do not match the joint costs.",
    "fair.vat.context.taxable": "With this vehicle, services are billed with VAT whatever the "
                                "key: the exemption is not available.",
    "fair.vat.context.exempt": "With this vehicle (a lease), no VAT applies, whatever the key.",
    "fair.vat.context.unsafe": "A condition of the exemption fails whatever the key (see "
                               "Results › VAT).",
    "fair.pools.intro": "Among candidate organisations, which pools bring the most, every member "
                        "better off than alone? Exact up to 16 candidates per group, heuristic "
                        "beyond.",
    "fair.pools.candidates": "Candidates: {n} organisations ({source}).",
    "fair.pools.source.sample": "the bundled sample",
    "fair.pools.source.custom": "your table",
    "fair.pools.functions": "Functions to pool",
    "fair.pools.functions.help": "Premises and reception need a shared building (box below).",
    "fair.pools.max_size": "Largest pool",
    "fair.pools.same": "Only between organisations of the same…",
    "fair.pools.same.none": "no constraint",
    "fair.pools.same.commune": "commune",
    "fair.pools.same.subsector": "sub-sector",
    "fair.pools.shared_site": "Each pool moves into one shared building",
    "fair.pools.no_functions": "Choose at least one function.",
    "fair.pools.needs_site": "Premises and reception are shared only in one building: tick \"Each "
                             "pool moves into one shared building\" or remove them.",
    "fair.pools.run": "Suggest pools",
    "fair.pools.running": "Searching for the best pools…",
    "fair.pools.total": "Total net benefit (€/yr)",
    "fair.pools.count": "Pools proposed",
    "fair.pools.alone": "Left alone",
    "fair.pools.optimal": "The best possible split (proven).",
    "fair.pools.none": "No pool pays enough: every candidate does better alone with these "
                       "settings.",
    "fair.pools.pool": "Pool {k}: {n} members, benefit {benefit} a year",
    "fair.pools.col.member": "Member",
    "fair.pools.col.commune": "Commune",
    "fair.pools.col.subsector": "Sub-sector",
    "fair.pools.col.standalone": "Alone (€/yr)",
    "fair.pools.col.pays": "In the pool (€/yr)",
    "fair.pools.col.gain": "Gain (€/yr)",
    "fair.pools.split": "Gains computed by sharing each pool's cost in proportion to standalone "
                        "costs.",
    "fair.method.shapley": "Average contribution",
    "fair.method.nucleolus": "Most stable",
    "fair.method.scrb": "Own costs first",
    "fair.method.standalone": "Pro rata today's cost",
    "fair.explain.shapley": "Average contribution (Shapley value): each pays the average extra cost it "
                            "brings to the pool, over every order in which members could join.",
    "fair.explain.nucleolus": "Most stable (nucleolus): makes the group most tempted to leave as little "
                              "tempted as possible.",
    "fair.explain.scrb": "Own costs first (SCRB method): each pays the costs it alone adds, then the rest in"
                         " proportion to what it saves.",
    "fair.explain.standalone": "Pro rata today's cost: the pool's cost shared by what each pays today.",
    "fair.table.measure": "Show",
    "fair.table.measure.pays": "what each pays",
    "fair.table.measure.gain": "what each gains",
    "fair.table.help": "For each member: what it pays today outside the pool, then, for each method, what it"
                       " pays in the pool or gains (€ per year). In red: a member that would pay more than "
                       "outside the pool.",
    "fair.core.worse_off": "Members who would pay more than outside the pool: {n}.",
    "fair.rec.title": "Recommended split: {method}",
    "fair.rec.reason.stable_safe": "No member and no group of members would pay less by leaving, and the key"
                                   " follows costs: the cost-sharing VAT exemption is not put at risk.",
    "fair.rec.reason.stable_documented": "This is the only split in which nobody gains by leaving. It "
                                         "redistributes the saving: write it into the agreement and have it "
                                         "validated for the VAT exemption.",
    "fair.rec.reason.unstable": "No split keeps everybody: whatever the key, a member or a group would pay "
                                "less outside the pool. This one loses the fewest. Review the members, the "
                                "functions or the funding.",
    "fair.rec.col.pays": "Pays in the pool (€/yr)",
    "fair.rec.col.gain": "Gain (€/yr)",
    "fair.rec.col.verdict": "Verdict",
    "fair.rec.col.wins": "gains",
    "fair.rec.col.loses": "loses {amount} a year",
    "fair.rec.loser": "**{name}** would pay {amount} a year more than outside the pool: this member may "
                      "leave.",
    "fair.rec.group": "The group **{group}** would save {amount} a year by pooling on its own.",
    "fair.details": "Show every method",
    "fair.details.help": "The six ways of sharing the cost, side by side, with their stability and VAT "
                         "treatment.",
    "fair.pools.gap": "At most {gap} a year ({pct}) below the best possible split (which would bring at most"
                      " {bound}).",
    "fair.pools.no_bound": "Approximate search: too many possible pools to guarantee the best result; the "
                           "proposal is good but not proven optimal.",
    "fair.pools.open": "Open in the builder",
    "fair.pools.open.help": "Replaces the pool being edited by this one (cost-sharing association, cost "
                            "shared pro rata today's cost, no funding).",
    "fair.pools.open.name": "Proposed pool no. {k}",
}
