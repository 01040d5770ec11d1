"""Teksten die de app en de nota delen: grafieken, stappen van de waterval, btw, verdeelsleutels.

The app merges them into its catalogues (``ui/i18n``); they live here so that the brief
(:mod:`simulator.report`) needs nothing from the app."""

SHARED: dict[str, str] = {
    "allocation.use": "Volgens gebruik (volume) — standaard, btw-veilig",
    "allocation.standalone": "Volgens de huidige kost van elk lid",
    "allocation.equal": "Gelijke delen",
    "waterfall.baseline": "Huidige kost",
    "waterfall.repricing": "Herwaardering van functies",
    "waterfall.scale_gains": "Schaalvoordelen",
    "waterfall.post_rounding": "Afronding van functies",
    "waterfall.management": "Leiding van de dienst",
    "waterfall.pay_harmonisation": "Loonharmonisering",
    "waterfall.reception_sharing": "Gedeeld onthaal",
    "waterfall.purchasing_discounts": "Aankoopkortingen",
    "waterfall.avoided_tenders": "Vermeden overheidsopdrachten",
    "waterfall.purchasing_central": "Kost van de aankoopcentrale",
    "waterfall.shared_fixed": "Gedeelde vaste kosten",
    "waterfall.premises": "Huisvesting",
    "waterfall.governance": "Bestuur",
    "waterfall.service_management": "Beheer van de dienst",
    "waterfall.pairwise": "Afstemming tussen leden",
    "waterfall.travel": "Verplaatsingen",
    "waterfall.heterogeneity": "Heterogeniteit",
    "waterfall.provider_margin": "Marge van de dienstverlener",
    "waterfall.vat": "Btw",
    "waterfall.setup_annualised": "Opstart (geannualiseerd)",
    "waterfall.exit_risk": "Uittredingsrisico",
    "waterfall.subsidies": "Subsidies",
    "waterfall.net_pooled_cost": "Netto gedeelde kost",
    "vat.regime.cost_sharing": "Zelfstandige groepering van personen: vrijstelling mogelijk "
                              "(art. 44 §2bis)",
    "vat.regime.taxable": "Belaste dienst: 21 % btw",
    "vat.regime.exempt": "Verhuur van onroerend goed: vrijgesteld",
    "vat.exempt": "De vrijstelling geldt: {regime}. Geen btw op de gedeelde diensten.",
    "vat.not_exempt": "Geen vrijstelling ({regime}): {amount} btw per jaar aan {rate}, die "
                      "vrijgestelde vzw's niet kunnen recupereren.",
    "vat.failed_title": "Niet vervulde voorwaarden:",
    "vat.cond.vehicle_not_cost_sharing": "de structuur is geen zelfstandige groepering van "
                                         "personen: haar diensten zijn btw-plichtig",
    "vat.cond.margin_charged": "de dienstverlener rekent een marge aan: de leden betalen niet "
                               "precies hun deel van de gemeenschappelijke kosten terug",
    "vat.cond.member_not_exempt": "sommige leden oefenen geen vrijgestelde activiteiten uit: "
                                  "{members}",
    "vat.cond.not_public_interest": "sinds de arresten Aviva en DNB Banka (2017) is de "
                                    "vrijstelling beperkt tot activiteiten van algemeen "
                                    "belang; niet aangetoond voor: {members}",
    "vat.cond.allocation_not_cost_based": "de verdeelsleutel is geen verdeling van de "
                                          "werkelijke kosten",
    "vat.note.cost_sharing": "Het model kan niet nagaan of de vrijstelling de concurrentie "
                             "verstoort: vraag raad aan een fiscaal adviseur.",
    "vat.note.exempt": "Verhuur van onroerend goed is vrijgesteld (art. 44 §3, 2° Btw-wetboek).",
    "chart.eur": "€",
    "chart.eur_per_year": "€ per jaar",
    "chart.cumulative_eur": "Gecumuleerde netto kasstroom (€)",
    "chart.gain_eur_per_year": "Winst (€ per jaar)",
    "chart.net_cashflow": "Netto kasstroom van het jaar (€)",
    "chart.cumulative": "Cumul (€)",
    "chart.year": "Jaar",
    "chart.break_even": "Terugverdiend: jaar {year}",
    "uncertainty.axis.npv": "Netto contante waarde (€)",
    "uncertainty.tornado.low": "Aanname op haar P10",
    "uncertainty.tornado.high": "Aanname op haar P90",
    "waterfall.cofunding_lost": "Verloren tewerkstellingssubsidies",
    "waterfall.staff_transition": "Overgang van het personeel (per jaar)",
    "waterfall.site_purchase": "Gekochte site: financiering (per jaar)",
}
