"""Le chiffre d'en-tête honnête (Monte Carlo d'abord) et le vocabulaire unique, en français.

Vocabulaire (MODEL.md §8.1) : économie brute (avant coordination) → économie nette (après tous
les coûts récurrents) → résultat net (après mise en place annualisée, risque de départ et
financement). Un montant négatif n'est jamais appelé « économie » : c'est un surcoût ou une perte.
"""

HONEST: dict[str, str] = {
    "honest.mc_title": "Ce qui arrivera le plus probablement ({draws} tirages Monte Carlo)",
    "honest.npv_p50": "VAN médiane",
    "honest.npv_p50.help": "Médiane de {draws} tirages (graine {seed}), toutes les hypothèses "
                           "variant dans leurs fourchettes : 8 chances sur 10 entre {p10} et {p90}. "
                           "Somme actualisée des flux nets, mise en place, départs et subsides "
                           "compris.",
    "honest.result_p50": "Résultat net annuel médian",
    "honest.result_p50.help": "Coût actuel moins coût mutualisé net (coûts récurrents, mise en "
                              "place annualisée, risque de départ et subsides compris), en régime "
                              "de croisière : 8 chances sur 10 entre {p10} et {p90} par an.",
    "honest.p_npv_positive": "Probabilité d'une VAN positive",
    "honest.p_npv_positive.help": "Part des tirages où le pool rapporte plus qu'il ne coûte sur "
                                  "l'horizon.",
    "honest.payback_p50": "Année de retour médiane",
    "honest.payback_p50.help": "Première année où le cumul des flux nets devient positif, "
                               "médiane des tirages.",
    "honest.band": "P10–P90 : {p10} à {p90}",
    "honest.central_title": "Hypothèses centrales (valeurs les plus probables du catalogue) : la "
                            "VAN tombe au percentile {pct} de la simulation.",
    "honest.central_npv": "VAN, hypothèses centrales",
    "honest.central_result": "Résultat net annuel, hypothèses centrales",
    "honest.net_pooled_cost": "Coût mutualisé net par an",
    "honest.net_pooled_cost.help": "Ce que le pool coûte à ses membres chaque année, tout compris "
                                   "(hypothèses centrales) ; coût actuel : {baseline}. C'est la "
                                   "dernière barre de la cascade.",
    "honest.no_mc": "La simulation Monte Carlo n'a pas pu tourner ({reason}) : seuls les chiffres "
                    "aux hypothèses centrales sont affichés.",
    "honest.gap.close": "Les hypothèses centrales donnent une VAN proche de la médiane.",
    "honest.gap.optimistic": "Les hypothèses centrales sont plus favorables que la médiane "
                             "({central} contre {median}) parce que les fourchettes de {names} "
                             "s'étendent davantage du côté défavorable que du côté favorable.",
    "honest.gap.pessimistic": "Les hypothèses centrales sont moins favorables que la médiane "
                              "({central} contre {median}) parce que les fourchettes de {names} "
                              "s'étendent davantage du côté favorable que du côté défavorable.",
    "honest.gap.skewed": "Les hypothèses centrales s'écartent de la médiane ({central} contre "
                         "{median}) : les fourchettes des hypothèses sont asymétriques.",
    "honest.and": " et ",
    # --- un seul vocabulaire ------------------------------------------------------------------------
    "honest.gross_saving": "Économie brute",
    "honest.gross_extra": "Surcoût brut",
    "honest.net_saving": "Économie nette",
    "honest.net_extra": "Surcoût net",
    "honest.net_result": "Résultat net",
    "honest.net_extra_p50": "Surcoût net annuel médian",
    "honest.chain": "Hypothèses centrales, par an : coût actuel {baseline} · {gross_label} "
                    "{gross} (avant coordination) · {net_label} {net} (après tous les coûts "
                    "récurrents) · résultat net {result} (après mise en place annualisée, "
                    "départs et subsides) · mise en place {setup} (année 0) · TRI {irr} · "
                    "horizon {years} ans.",
    # --- tableaux qui s'additionnent ------------------------------------------------------------------
    "honest.members.identity": "Chaque ligne s'additionne : gain = coût seul − paie dans le pool "
                               "− mise en place (annualisée sur l'horizon) − risque de départ + "
                               "subsides.",
    "honest.cashflow_table": "Flux par année (€) — de l'économie brute au flux net, les lignes s'additionnent",
    # --- compare: the Monte Carlo first ---
    "compare.metric.npv_p50_eur": "VAN médiane (Monte Carlo)",
    "compare.metric.p_npv_positive": "Probabilité d'une VAN positive",
    "compare.metric.net_result_p50_eur": "Résultat net annuel médian",
    "compare.metric.net_annual_result_eur": "Résultat net annuel (hypothèses centrales)",
    "compare.metric.net_pooled_annual_cost_eur": "Coût mutualisé net (€/an)",
}
