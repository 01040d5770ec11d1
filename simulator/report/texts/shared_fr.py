"""Textes partagés par l'application et la note : graphiques, étapes du waterfall, TVA, clés de répartition.

The app merges them into its catalogues (``ui/i18n``); they live here so that the brief
(:mod:`simulator.report`) needs nothing from the app."""

SHARED: dict[str, str] = {
    "allocation.use": "Selon l'usage (volume) — défaut compatible TVA",
    "allocation.standalone": "Selon le coût actuel de chacun",
    "allocation.equal": "Parts égales",
    "waterfall.baseline": "Coût actuel",
    "waterfall.repricing": "Revalorisation des postes",
    "waterfall.scale_gains": "Économies d'échelle",
    "waterfall.post_rounding": "Arrondi des postes",
    "waterfall.management": "Encadrement du service",
    "waterfall.pay_harmonisation": "Harmonisation salariale",
    "waterfall.reception_sharing": "Accueil partagé",
    "waterfall.purchasing_discounts": "Remises sur achats",
    "waterfall.avoided_tenders": "Marchés publics évités",
    "waterfall.purchasing_central": "Coût de la centrale d'achats",
    "waterfall.shared_fixed": "Coûts fixes partagés",
    "waterfall.premises": "Locaux",
    "waterfall.governance": "Gouvernance",
    "waterfall.service_management": "Gestion du service",
    "waterfall.pairwise": "Coordination entre membres",
    "waterfall.travel": "Déplacements",
    "waterfall.heterogeneity": "Hétérogénéité",
    "waterfall.provider_margin": "Marge du prestataire",
    "waterfall.vat": "TVA",
    "waterfall.setup_annualised": "Mise en place (annualisée)",
    "waterfall.exit_risk": "Risque de départ",
    "waterfall.subsidies": "Subsides",
    "waterfall.net_pooled_cost": "Coût mutualisé net",
    "vat.regime.cost_sharing": "Groupement autonome de personnes : exonération possible "
                              "(art. 44 §2bis)",
    "vat.regime.taxable": "Prestation taxable : 21 % de TVA",
    "vat.regime.exempt": "Location immobilière : exonérée",
    "vat.exempt": "L'exonération tient : {regime}. Pas de TVA sur les services mutualisés.",
    "vat.not_exempt": "Pas d'exonération ({regime}) : {amount} de TVA par an au taux de "
                      "{rate}, non récupérable par des ASBL exonérées.",
    "vat.failed_title": "Conditions non remplies :",
    "vat.cond.vehicle_not_cost_sharing": "le véhicule n'est pas un groupement autonome de "
                                         "personnes : ses services sont soumis à la TVA",
    "vat.cond.margin_charged": "le prestataire prend une marge : les membres ne remboursent "
                               "pas exactement leur part des coûts communs",
    "vat.cond.member_not_exempt": "certains membres n'exercent pas d'activités exonérées : "
                                  "{members}",
    "vat.cond.not_public_interest": "depuis les arrêts Aviva et DNB Banka (2017), "
                                    "l'exonération est réservée aux activités d'intérêt "
                                    "général ; non démontré pour : {members}",
    "vat.cond.allocation_not_cost_based": "la clé de répartition n'est pas un partage des "
                                          "coûts réels",
    "vat.note.cost_sharing": "Le modèle ne peut pas vérifier que l'exonération ne fausse pas "
                             "la concurrence : demandez l'avis d'un conseiller fiscal.",
    "vat.note.exempt": "La location d'immeubles est exonérée (art. 44 §3, 2° du Code TVA).",
    "chart.eur": "€",
    "chart.eur_per_year": "€ par an",
    "chart.cumulative_eur": "Flux net cumulé (€)",
    "chart.gain_eur_per_year": "Gain (€ par an)",
    "chart.net_cashflow": "Flux net de l'année (€)",
    "chart.cumulative": "Cumul (€)",
    "chart.year": "Année",
    "chart.break_even": "Retour : année {year}",
    "uncertainty.axis.npv": "Valeur actuelle nette (€)",
    "uncertainty.tornado.low": "Hypothèse à son P10",
    "uncertainty.tornado.high": "Hypothèse à son P90",
    "waterfall.cofunding_lost": "Aides à l'emploi perdues",
    "waterfall.staff_transition": "Transition du personnel (annualisée)",
    "waterfall.site_purchase": "Site acheté : financement (annualisé)",
}
