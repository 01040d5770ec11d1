"""Textes de la note au financeur d'une étude sectorielle de financement (``simulator.report.sector_render``)."""

SECTOR: dict[str, str] = {
    "sector.kicker": "Note au financeur · étude sectorielle de financement",
    "sector.title": "Quelle option de financement libère le plus de capacité de première ligne par euro public ?",
    "sector.study": "étude {source}",
    "sector.s.question": "1. La question et la population",
    "sector.question": "À budget public égal, quel instrument libère le plus de capacité de première ligne "
                       "(du temps de personnel rendu aux patients et usagers), et combien de pools "
                       "n'existent que parce que le financeur a payé ?",
    "sector.population": "Population : {n} organisations ({origin}). {candidates} pools candidats formés "
                         "par règle ({rule}, {cap} membres au plus, {min} au moins pour se former) "
                         "partageraient {functions} dans un véhicule « {vehicle} », clé de répartition "
                         "« {allocation} », sur {years} ans.",
    "sector.origin.generated": "population bruxelloise synthétique calibrée sur des agrégats publics, "
                               "graine {seed}",
    "sector.origin.table": "tableau d'organisations {name}",
    "sector.rule.commune": "même commune",
    "sector.rule.neighbours": "même commune ou commune voisine",
    "sector.rule.same_subsector": ", même sous-secteur",
    "sector.participation": "Un membre ne participe que si son gain annuel attendu atteint {eur} plus {share} "
                            "de son coût actuel des fonctions mutualisées (autonomie et confiance) [G].",
    "sector.s.options": "2. Les options comparées",
    "sector.option.counterfactual": "Sans financement : le contrefactuel auquel chaque option est comparée.",
    "sector.option.line": "{label} — {description} {budget}",
    "sector.budget.none": "Pas de plafond budgétaire.",
    "sector.budget.cap": "Budget : {cap}, {allocation}.",
    "sector.budget.first_come": "premier arrivé, premier servi",
    "sector.budget.leverage": "les pools au plus fort bénéfice par euro public d'abord",
    "sector.no_funding": "Sans financement",
    "sector.s.table": "3. Les options côte à côte",
    "sector.col.option": "Option",
    "sector.col.public": "Coût public (VA)",
    "sector.col.fte": "ETP de première ligne libérés",
    "sector.col.extra": "ETP additionnels",
    "sector.col.per100k": "ETP par 100 k€ publics/an",
    "sector.col.net": "Résultat net des membres (VAN)",
    "sector.col.pools": "Pools (additionnels)",
    "sector.col.participation": "Participation (membres)",
    "sector.band": "{p10} – {p90}",
    "sector.pools_cell": "{pools} ({additional})",
    "sector.table.caption": "Coût public : valeur actuelle des subsides, primes et prêts, nette des "
                            "remboursements et de la récupération. Additionnel : au-delà de ce qui se forme "
                            "sans financement. ETP par {per} publics/an : ETP de première ligne additionnels "
                            "par {per} d'argent public par an (coût public annualisé). Participation : "
                            "organisations qui mutualisent, sur {n}.",
    "sector.table.draws": "Valeurs centrales ; en dessous, P10–P90 sur {draws} tirages des hypothèses du "
                          "modèle (les mêmes tirages pour chaque option : les écarts sont appariés).",
    "sector.table.no_draws": "Valeurs centrales seulement (aucun tirage) : pas de fourchette d'incertitude.",
    "sector.s.chart": "4. Capacité de première ligne et coût public, avec leur incertitude",
    "sector.chart.frontline": "ETP de première ligne libérés",
    "sector.chart.public_cost": "Coût public, valeur actuelle (€)",
    "sector.chart.frontline.caption": "ETP de première ligne libérés par option : médiane des tirages, "
                                      "moustaches P10–P90 (comme sur la page Financement).",
    "sector.chart.public_cost.caption": "Coût public par option (valeur actuelle) : médiane, moustaches P10–P90.",
    "sector.chart.none": "L'étude a été calculée sans tirages : pas de graphique de l'incertitude.",
    "sector.s.verdict": "5. L'option en tête",
    "sector.lead": "{option} libère le plus de capacité de première ligne par euro public : {per100k} ETP "
                   "de première ligne additionnels par {per} d'argent public par an ({extra} ETP "
                   "au-delà de l'absence de financement, {per_fte} par an et par ETP additionnel ; coût "
                   "public {public} en valeur actuelle).",
    "sector.lead.next": "Ensuite : {option}, {per100k} ETP par {per} par an.",
    "sector.lead.none": "Aucune option ne libère de capacité de première ligne au-delà de ce qui se forme "
                        "sans financement : sous ces hypothèses, l'argent public va à des pools qui se "
                        "formeraient de toute façon, ou à aucun.",
    "sector.benchmark": "Pour comparaison : le même argent versé directement à du personnel de première ligne "
                        "paie {direct} ETP par {per} par an ({per} ÷ {cost}, coût chargé d'un travailleur "
                        "de première ligne [G]). Un financement qui ne fait qu'ajouter de l'argent à des "
                        "pools qui se forment de toute façon achète exactement cela ; une option ne fait "
                        "mieux que par les pools qu'elle rend viables ou qu'elle maintient.",
    "sector.caveat.close": "{option} fait presque aussi bien (à 5 % près) : les deux ne sont pas clairement "
                            "départagées.",
    "sector.caveat.no_better": "Elle ne fait pas mieux que de payer directement du personnel de première "
                                "ligne : l'argent s'ajoute surtout à des pools qui se forment de toute façon.",
    "sector.caveats": "Réserves :",
    "sector.caveat.deadweight": "{share} de son coût public ({amount}) va à des pools qui se formeraient de "
                                "toute façon (effet d'aubaine).",
    "sector.caveat.additional": "{n} de ses {total} pools ne se forment que grâce au financement.",
    "sector.caveat.unsure": "Dans au moins un tirage sur dix, elle ne libère aucune capacité additionnelle "
                            "(P10 des ETP additionnels : {p10}).",
    "sector.caveat.sure": "Sa capacité additionnelle reste positive dans au moins 9 tirages sur 10 (P10 : "
                          "{p10} ETP).",
    "sector.caveat.no_draws": "Valeurs centrales seulement : la solidité de ce résultat n'a pas été mesurée "
                              "(relancer avec des tirages).",
    "sector.caveat.budget": "Elle utilise {used} de son budget de {cap} : le plafond est atteint, et d'autres "
                            "pools auraient pu demander avec un budget plus grand.",
    "sector.caveat.central": "Qui se mutualise est décidé aux valeurs centrales ; seuls les résultats des "
                             "pools varient d'un tirage à l'autre.",
    "sector.s.assumptions": "6. Hypothèses de l'étude",
    "sector.col.setting": "Réglage",
    "sector.col.source": "Source",
    "sector.col.target": "Cible de la population",
    "sector.col.source_en": "Source (fichier de données, en anglais)",
    "sector.settings.none": "Tous les réglages de l'étude sont ceux par défaut (docs/FUNDING.md).",
    "sector.setting.participation.threshold_eur": "Seuil de participation, partie fixe",
    "sector.setting.participation.threshold_share": "Seuil de participation, part du coût actuel",
    "sector.setting.pools.rule": "Qui peut se mutualiser ensemble",
    "sector.setting.pools.same_subsector": "Même sous-secteur uniquement",
    "sector.setting.pools.size_cap": "Membres au plus par pool",
    "sector.setting.pools.min_members": "Membres au moins pour qu'un pool se forme",
    "sector.setting.functions": "Fonctions mutualisées",
    "sector.setting.vehicle": "Véhicule juridique",
    "sector.setting.allocation": "Clé de répartition",
    "sector.setting.horizon_years": "Horizon (années)",
    "sector.source.participation": "Coût d'autonomie et de confiance à l'adhésion : estimation (MODEL.md §3.10)",
    "sector.source.choice": "Choix de l'étude",
    "sector.no": "Non",
    "sector.pop.title": "La population synthétique est calibrée sur ces agrégats :",
    "sector.pop.reference": "ASBL employeuses de référence",
    "sector.pop.jobs": "Emplois dans l'action sociale et la santé à Bruxelles",
    "sector.pop.share": "Part de ces emplois dans cette population",
    "sector.pop.cost_per_job": "Coût par emploi (€/an)",
    "sector.pop.sizes": "Tailles par sous-secteur",
    "sector.pop.sizes_value": "ETP médians",
    "sector.parameters": "Toutes les hypothèses du modèle (salaires, coordination, mise en place…) sont "
                         "celles du catalogue ; les tirages les font varier dans leurs fourchettes "
                         "(« mutualise params »).",
    "sector.s.limits": "7. Limites",
    "sector.limit.synthetic": "La population est synthétique : de vraies organisations, au format des "
                              "organisations, la remplacent (--population FICHIER).",
    "sector.limit.rule": "Les pools candidats viennent de la seule règle, pas d'une recherche de la "
                         "meilleure partition.",
    "sector.limit.sites": "L'accueil, les locaux et les achats ne sont pas mutualisés dans la vue "
                          "sectorielle : ils demandent des sites.",
    "sector.limit.threshold": "Le seuil de participation est une estimation [G] de l'autonomie et de la "
                              "confiance.",
    "sector.limit.central": "Les pools qui se forment sont décidés aux valeurs centrales ; la fourchette ne "
                            "couvre que les incertitudes décrites dans le catalogue.",
    "sector.provenance": "Modèle {version} · empreinte de l'étude {hash} · graine {seed} · {draws} tirages · "
                         "{date}",
    "sector.button.help": "Une note de deux à quatre pages pour le financeur : les options comparées, la "
                          "capacité de première ligne par euro public, l'option en tête et ses réserves.",
}
