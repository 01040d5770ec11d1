"""La page « Lots de simulations » en français (mêmes clés que ``batch_nl.py`` et ``batch_en.py``)."""

BATCH: dict[str, str] = {
    "nav.batch": "Lots de simulations",
    "batch.title": "Lots de simulations",
    "batch.intro": "Ouvrez le dossier d'un lot lancé avec « mutualise batch » (des milliers de variantes d'un "
                   "scénario ou d'une étude sectorielle de financement) et comparez ses résultats selon un "
                   "facteur.",
    "batch.folder": "Dossier du lot",
    "batch.folder.help": "Le dossier donné à --out, sur la machine qui fait tourner l'application.",
    "batch.empty": "Indiquez le dossier d'un lot pour voir ses résultats.",
    "batch.no_folder": "Aucun dossier « {folder} » sur cette machine.",
    "batch.not_a_run": "Le dossier « {folder} » ne contient pas de lot de simulations (manifest.json absent "
                       "ou illisible).",
    "batch.status": "**{name}** — {experiments} variantes, {draws} tirages chacune · {done}/{parts} parties "
                    "terminées · graine {seed} · modèle {version}",
    "batch.status.central": "**{name}** — {experiments} variantes aux valeurs centrales (sans tirage) · "
                            "{done}/{parts} parties terminées · graine {seed} · modèle {version}",
    "batch.incomplete": "Ce lot n'est pas terminé : seules les parties finies sont montrées. Reprenez-le avec "
                        "« mutualise batch … --resume ».",
    "batch.no_factor": "Ce lot n'a aucun facteur : une seule variante.",
    "batch.metric": "Résultat",
    "batch.x": "Facteur en abscisse",
    "batch.colour": "Séparer selon",
    "batch.colour.none": "(rien)",
    "batch.chart_caption": "Une boîte par valeur du facteur : la dispersion vient des autres facteurs "
                           "({n} variantes).",
    "batch.chart_caption.mc": "Médiane (P50) de chaque variante sur ses tirages ; une boîte par valeur du "
                              "facteur ({n} variantes).",
    "batch.top": "Les {n} meilleures variantes",
    "batch.col.experiment": "Variante",
    "batch.col.value": "Valeur",
    "batch.col.p50": "Médiane (P50)",
    "batch.col.p10": "P10",
    "batch.col.p90": "P90",
    "batch.col.p_positive": "Probabilité > 0",
    "batch.metric.npv": "Valeur actuelle nette (€)",
    "batch.metric.net_saving": "Économie nette annuelle (€/an)",
    "batch.metric.net_result": "Résultat net annuel (€/an)",
    "batch.metric.payback_year": "Année de retour sur investissement",
    "batch.metric.baseline_total": "Coût actuel de ce qui est mutualisé (€/an)",
    "batch.metric.pooled_total": "Coût mutualisé (€/an)",
    "batch.metric.setup": "Coût de mise en place (€)",
    "batch.metric.public_cost": "Coût public actualisé (€)",
    "batch.metric.npv_without_funding": "VAN sans financement public (€)",
    "batch.metric.pooled_fte": "ETP du service mutualisé",
    "batch.metric.irr": "Taux de rendement interne",
    "batch.option": "Option de financement",
    "batch.study": "Une étude sectorielle de financement : chaque variante compare les options de financement "
                   "({options}) ; chaque résultat est donné par variante et par option.",
    "batch.metric.public_cost_npv_eur": "Coût public, valeur actuelle (€)",
    "batch.metric.annualised_public_cost_eur": "Coût public par an, annualisé (€/an)",
    "batch.metric.budget_used_eur": "Budget engagé (€)",
    "batch.metric.sector_net_benefit_npv_eur": "Bénéfice net des membres, VAN (€)",
    "batch.metric.additional_net_benefit_npv_eur": "Bénéfice net ajouté par l'option, VAN (€)",
    "batch.metric.frontline_fte_freed": "ETP de première ligne libérés",
    "batch.metric.additional_frontline_fte": "ETP de première ligne ajoutés par l'option",
    "batch.metric.frontline_fte_per_100k_eur": "ETP de première ligne libérés par 100 k€ d'argent public par an",
    "batch.metric.additional_fte_per_100k_eur": "ETP de première ligne supplémentaires par 100 k€ d'argent public"
                                                " par an",
    "batch.metric.public_eur_per_frontline_fte": "Argent public par ETP de première ligne libéré (€/an)",
    "batch.metric.leverage": "Effet de levier (bénéfice net des membres par euro public)",
    "batch.metric.deadweight_eur": "Effet d'aubaine : argent public versé à des pools qui se forment de toute "
                                   "façon (€)",
    "batch.metric.pools_formed": "Pools formés",
    "batch.metric.members_pooled": "Membres mutualisés",
    "batch.metric.funded_pools": "Pools financés",
    "batch.metric.additional_pools": "Pools supplémentaires (viables seulement avec l'option)",
}
