"""De eerlijke kerncijfers (eerst Monte Carlo) en één woordenschat, in het Nederlands.

Woordenschat (MODEL.md §8.1): brutobesparing (vóór coördinatie) → nettobesparing (na alle
terugkerende kosten) → nettoresultaat (na geannualiseerde opstart, uittredingsrisico en
financiering). Een negatief bedrag heet nooit "besparing": het is een meerkost of een verlies.
"""

HONEST: dict[str, str] = {
    "honest.mc_title": "Wat het meest waarschijnlijk gebeurt ({draws} Monte Carlo-trekkingen)",
    "honest.npv_p50": "Mediane NCW",
    "honest.npv_p50.help": "Mediaan van {draws} trekkingen (seed {seed}), alle aannames binnen "
                           "hun marges: 8 kansen op 10 tussen {p10} en {p90}. Geactualiseerde "
                           "som van de netto kasstromen, opstart, uittredingen en subsidies "
                           "inbegrepen.",
    "honest.result_p50": "Mediaan nettoresultaat per jaar",
    "honest.result_p50.help": "Huidige kost min netto gedeelde kost (terugkerende kosten, "
                              "geannualiseerde opstart, uittredingsrisico en subsidies "
                              "inbegrepen), op kruissnelheid: 8 kansen op 10 tussen {p10} en "
                              "{p90} per jaar.",
    "honest.p_npv_positive": "Kans op een positieve NCW",
    "honest.p_npv_positive.help": "Aandeel van de trekkingen waarin de samenwerking over de "
                                  "horizon meer opbrengt dan ze kost.",
    "honest.payback_p50": "Mediane terugverdientijd",
    "honest.payback_p50.help": "Eerste jaar waarin de gecumuleerde netto kasstroom positief "
                               "wordt, mediaan van de trekkingen.",
    "honest.band": "P10–P90: {p10} tot {p90}",
    "honest.central_title": "Centrale aannames (meest waarschijnlijke waarden van de catalogus): "
                            "de NCW valt op percentiel {pct} van de simulatie.",
    "honest.central_npv": "NCW, centrale aannames",
    "honest.central_result": "Nettoresultaat per jaar, centrale aannames",
    "honest.net_pooled_cost": "Netto gedeelde kost per jaar",
    "honest.net_pooled_cost.help": "Wat de samenwerking de leden elk jaar kost, alles inbegrepen "
                                   "(centrale aannames); huidige kost: {baseline}. Dit is de "
                                   "laatste balk van de waterval.",
    "honest.no_mc": "De Monte Carlo-simulatie kon niet lopen ({reason}): enkel de cijfers bij "
                    "centrale aannames worden getoond.",
    "honest.gap.close": "De centrale aannames geven een NCW dicht bij de mediaan.",
    "honest.gap.optimistic": "De centrale aannames zijn gunstiger dan de mediaan ({central} "
                             "tegenover {median}) omdat de marges van {names} verder reiken aan "
                             "de ongunstige dan aan de gunstige kant.",
    "honest.gap.pessimistic": "De centrale aannames zijn ongunstiger dan de mediaan ({central} "
                              "tegenover {median}) omdat de marges van {names} verder reiken aan "
                              "de gunstige dan aan de ongunstige kant.",
    "honest.gap.skewed": "De centrale aannames wijken af van de mediaan ({central} tegenover "
                         "{median}): de marges van de aannames zijn asymmetrisch.",
    "honest.and": " en ",
    # --- één woordenschat -----------------------------------------------------------------------------
    "honest.gross_saving": "Brutobesparing",
    "honest.gross_extra": "Brutomeerkost",
    "honest.net_saving": "Nettobesparing",
    "honest.net_extra": "Nettomeerkost",
    "honest.net_result": "Nettoresultaat",
    "honest.net_extra_p50": "Mediane jaarlijkse nettomeerkost",
    "honest.chain": "Centrale aannames, per jaar: huidige kost {baseline} · {gross_label} "
                    "{gross} (vóór coördinatie) · {net_label} {net} (na alle terugkerende "
                    "kosten) · nettoresultaat {result} (na geannualiseerde opstart, uittredingen "
                    "en subsidies) · opstart {setup} (jaar 0) · IRR {irr} · horizon {years} jaar.",
    # --- tabellen die optellen ------------------------------------------------------------------------
    "honest.members.identity": "Elke rij telt op: winst = kost alleen − betaalt in de "
                               "samenwerking − opstart (geannualiseerd over de horizon) − "
                               "uittredingsrisico + subsidies.",
    "honest.cashflow_table": "Stromen per jaar (€) — van brutobesparing tot netto kasstroom "
                             "tellen de rijen op",
    # --- compare: the Monte Carlo first ---
    "compare.metric.npv_p50_eur": "Mediane NCW (Monte Carlo)",
    "compare.metric.p_npv_positive": "Kans op een positieve NCW",
    "compare.metric.net_result_p50_eur": "Mediaan nettoresultaat per jaar",
    "compare.metric.net_annual_result_eur": "Nettoresultaat per jaar (centrale aannames)",
    "compare.metric.net_pooled_annual_cost_eur": "Netto gedeelde kost (€/jaar)",
}
