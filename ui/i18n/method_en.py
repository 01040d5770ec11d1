"""The 'Method' page in English (Markdown text)."""

METHOD: dict[str, str] = {
    "method.what.title": "What the model does",
    "method.what.body": (
        "Mutualise compares, for each member, what its support functions (accounting, payroll, "
        "IT, reception, premises, purchasing…) cost **today** with what it would pay **in a "
        "pool** with other non-profits. It shows the gain, and everything that eats it, member "
        "by member and year by year.\n\n"
        "Costs declared by members always win; when a cost is missing it is estimated (FTE × "
        "cost of a post) and flagged as an estimate. Hours a director or a social worker spends "
        "doing accounting because nobody else does count too: freeing them is often the real "
        "prize."),
    "method.costs.title": "Where the savings come from",
    "method.costs.body": (
        "- **Staff functions** (accounting, payroll, IT…): workload grows more slowly than "
        "volume; a shared service needs fewer FTE than the sum of many small part-time posts. "
        "Posts are rounded once instead of once per organisation.\n"
        "- **Reception**: a desk costs opening hours whatever the number of visitors; it can only "
        "be shared on a common site.\n"
        "- **Purchasing**: unit prices fall a little with volume (capped), and a purchasing "
        "central spares public tenders.\n"
        "- **Fixed costs** (software, equipment): one licence for all instead of one per member.\n"
        "- **Premises**: each keeps its own offices; common rooms (meeting rooms, kitchen, "
        "storage) are shared."),
    "method.eats.title": "What eats the gain",
    "method.eats.body": (
        "- **Set-up** (year 0): creating the vehicle, harmonising procedures, IT migration, "
        "moving — multiplied by an overrun factor (shared-service projects often overrun).\n"
        "- **Coordination** every year: governance (general assemblies, steering committees), "
        "managing the service, coordination between members that grows with the number of "
        "pairs, travel, heterogeneity (different sub-sectors, software, joint committees).\n"
        "- **VAT**: most social-health non-profits are VAT-exempt and cannot recover VAT. A "
        "service billed by a shared entity carries 21 % VAT unless the cost-sharing exemption "
        "(art. 44 §2bis) applies. Without it, pooling must save at least 17.4 % just to break "
        "even.\n"
        "- **Exits**: each year a member may leave; the others carry the fixed part of its cost "
        "until the service is resized."),
    "method.time.title": "Over time",
    "method.time.body": (
        "Year 0 carries the set-up; savings ramp up (for example 0 %, 50 %, then 100 %). Wages "
        "and rents are indexed. Cash flows are discounted into the **net present value**, the "
        "**payback year** and the **internal rate of return**. Net savings are also expressed "
        "as **frontline FTE freed**: the sector thinks in capacity, not in euros. Funding "
        "(start-up grant, coordination subsidy…) is added to the members' cash flows."),
    "method.split.title": "Who pays what",
    "method.split.body": (
        "The shared cost is split with a key: **use** (each member's volume, the VAT-safe "
        "default), each member's **current cost**, or **equal shares**. For each member the "
        "model checks **individual rationality**: does it pay more than alone? A member who "
        "loses eventually leaves — which is why it is shown in red."),
    "method.numbers.title": "The assumptions",
    "method.numbers.body": (
        "Every number the model uses is visible and editable on the **Assumptions** page, with "
        "its unit, plausible range, source and evidence grade: [B] Belgian source, [F] foreign "
        "proxy, [D] derived, [G] estimate. Amounts use Belgian formats in every language "
        "(decimal comma: 1.234,56 € in English, 1 234,56 € in French, € 1.234,56 in Dutch)."),
    "method.limits.title": "The limits",
    "method.limits.body": (
        "- This is **a simulation, not legal or tax advice**. The model checks the VAT "
        "exemption conditions it can see (vehicle, margin, members' activities, allocation key) "
        "but not, for example, distortion of competition.\n"
        "- The sample organisations are **fictitious**; their figures are plausible, not real.\n"
        "- Many assumptions are estimates [G]: test them (Assumptions page) and compare variants "
        "before deciding.\n"
        "- The model does not measure service quality, trust between members or the cost of lost "
        "autonomy — discuss those around the table."),
}
