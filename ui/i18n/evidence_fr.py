"""La section « Ce que disent les cas documentés » de la page Méthode (back-test), en français."""

EVIDENCE: dict[str, str] = {
    "evidence.title": "Ce que disent les cas documentés",
    "evidence.intro": (
        "Un modèle sur lequel des financeurs s'appuient doit montrer comment il se comporte face à "
        "ce qui s'est réellement passé. Nous avons reconstruit des cas de mutualisation documentés "
        "(presse spécialisée, évaluations, audits publics) sous forme de scénarios et posé, pour "
        "chaque chiffre publié, la question : la fourchette du modèle — de son P10 pessimiste à son "
        "P90 optimiste, sur {draws} tirages — l'aurait-elle contenu ?"),
    "evidence.sentence": (
        "Sur **{n}** résultats publiés issus de **{cases}** cas documentés, la bande à 80 % du "
        "modèle en contenait **{m}**."),
    "evidence.expected": (
        "Un modèle bien calibré en contiendrait environ 80 % (± {se} avec si peu de cas). "
        "{below} sont sous la bande (le modèle était trop optimiste), {above} au-dessus (le modèle "
        "était trop prudent)."),
    "evidence.reading": (
        "**Comment lire ceci.** Les audits publics (Cour des comptes britannique) ont trouvé des "
        "coûts de démarrage et des manques à gagner pires que la bande du modèle ; quelques "
        "succès associatifs auto-déclarés annoncent des économies plus fortes que ce "
        "qu'expliquent les effets d'échelle du modèle (des changements de processus qu'il ne "
        "modélise pas). Les membres de chaque cas sont des approximations (tailles, ratios de "
        "personnel — chaque hypothèse est écrite dans les fichiers du cas), la plupart des cas "
        "sont étrangers et plus grands qu'un pool bruxellois, et beaucoup de chiffres sont "
        "auto-déclarés : c'est un ordre de grandeur, pas un verdict."),
    "evidence.calibration": (
        "**Ce que les faits ont changé.** Les dépassements du coût de démarrage vont désormais "
        "jusqu'à ×2,0 (audit britannique : ×1,56 en moyenne sur cinq centres), et un paramètre de "
        "*réalisation des bénéfices* (de 40 % à 120 % de l'économie prévue, 100 % le plus "
        "probable) permet aux flux de trésorerie de rester en deçà du plan, comme les audits le "
        "constatent. Détails dans docs/CALIBRATION.md."),
    "evidence.running": "Back-test des cas documentés ({draws} tirages chacun)…",
    "evidence.chart_title": "Valeur publiée face à la bande du modèle, cas par cas",
    "evidence.chart.band": "Bande P10–P90 du modèle",
    "evidence.chart.median": "Médiane du modèle",
    "evidence.chart.inside": "Publié — dans la bande",
    "evidence.chart.outside": "Publié — hors de la bande",
    "evidence.col.case": "Cas",
    "evidence.col.metric": "Ce qui a été publié",
    "evidence.col.reported": "Publié",
    "evidence.col.p10": "Modèle P10",
    "evidence.col.p50": "Modèle P50",
    "evidence.col.p90": "Modèle P90",
    "evidence.col.percentile": "Percentile de la valeur publiée",
    "evidence.col.inside": "Dans la bande",
    "evidence.col.reliability": "Fiabilité",
    "evidence.col.source": "Source",
    "evidence.yes": "oui",
    "evidence.no": "non",
    "evidence.never": "jamais",
    "evidence.year_suffix": " (à l'année {year})",
    "evidence.function_suffix": " ({function})",
    "evidence.metric.net_saving_share_of_pooled_cost": (
        "Économie nette annuelle, "
        "part du coût des fonctions mutualisées"),
    "evidence.metric.function_saving_share": "Économie sur une fonction, part de son coût",
    "evidence.metric.net_result_share_of_budgets": "Résultat net annuel, part des budgets des membres",
    "evidence.metric.net_saving_eur": "Économie nette annuelle (€)",
    "evidence.metric.setup_overrun_ratio": "Coût de démarrage, réel ÷ prévu",
    "evidence.metric.realised_vs_forecast_saving": "Économie nette, réalisée ÷ prévue",
    "evidence.metric.savings_to_setup_ratio": "Économies cumulées ÷ coût de démarrage",
    "evidence.metric.payback_year": "Années avant le retour sur investissement",
    "evidence.metric.exit_share": "Part des membres partis",
    "evidence.reliability.audit": "audit public",
    "evidence.reliability.evaluation": "évaluation",
    "evidence.reliability.self-reported": "auto-déclaré",
    "evidence.reliability.press": "presse",
}
