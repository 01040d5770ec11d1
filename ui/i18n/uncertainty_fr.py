"""Page « Incertitude » en français (mêmes clés que ``uncertainty_nl.py`` et ``uncertainty_en.py``)."""

UNCERTAINTY: dict[str, str] = {
    "uncertainty.title": "Incertitude",
    "uncertainty.intro": "Chaque hypothèse incertaine est tirée au hasard dans sa fourchette (page "
                         "Hypothèses) et le modèle est recalculé pour chaque tirage. Les valeurs "
                         "que vous avez fixées vous-même restent fixes.",
    "uncertainty.settings": "Réglages de la simulation",
    "uncertainty.draws": "Nombre de tirages",
    "uncertainty.draws.help": "Plus de tirages : des probabilités plus précises, un calcul plus "
                              "long (100 000 au plus).",
    "uncertainty.seed": "Graine du hasard",
    "uncertainty.seed.help": "Mêmes réglages et même graine : exactement les mêmes chiffres.",
    "uncertainty.run": "Lancer la simulation",
    "uncertainty.running": "Simulation de {draws} tirages…",
    "uncertainty.run_caption": "{draws} tirages · graine {seed} · {n} hypothèses incertaines",
    "uncertainty.headline.other": "Il y a {p} de chances que le pool soit rentable en {years} ans.",
    "uncertainty.headline.one": "Il y a {p} de chances que le pool soit rentable en 1 an.",
    "uncertainty.within": "Rentable en combien d'années ?",
    "uncertainty.p_npv_positive": "Chance d'une VAN positive",
    "uncertainty.p_npv_positive.help": "Part des tirages où la valeur actuelle nette sur "
                                       "l'horizon est positive.",
    "uncertainty.npv_p50": "VAN médiane",
    "uncertainty.npv_p50.help": "Une chance sur deux de faire mieux. 8 chances sur 10 d'être "
                                "entre {p10} et {p90}.",
    "uncertainty.saving_p50": "Économie nette annuelle médiane",
    "uncertainty.saving_p50.help": "8 chances sur 10 d'être entre {p10} et {p90} par an.",
    "uncertainty.payback_p50": "Retour médian",
    "uncertainty.payback_p50.help": "Année où le cumul des flux devient positif dans la moitié "
                                    "des tirages. Retour dans l'horizon : {p}.",
    "uncertainty.central": "Sans incertitude (toutes les hypothèses à leur valeur centrale), la "
                           "VAN serait de {npv}.",
    "uncertainty.converged": "Stable : avec {draws} tirages, la probabilité est connue à ±{hw} "
                             "points près ; davantage de tirages ne la changeraient pas.",
    "uncertainty.converged_tight": "Stable : avec {draws} tirages, la probabilité est connue à "
                                   "moins de 0,1 point près ; davantage de tirages ne la "
                                   "changeraient pas.",
    "uncertainty.not_converged": "Pas encore stable avec {draws} tirages : relancez avec environ "
                                 "{suggested} tirages pour des chiffres fiables.",
    "uncertainty.no_uncertainty": "Aucune hypothèse n'est incertaine dans ce scénario : chaque "
                                  "tirage donne le même résultat.",
    "uncertainty.histogram": "Distribution de la valeur actuelle nette",
    "uncertainty.histogram.help": "Chaque barre : la part des tirages dont la VAN tombe dans cet "
                                  "intervalle. À droite de zéro, le pool est rentable.",
    "uncertainty.axis.share": "Part des tirages (%)",
    "uncertainty.marker.zero": "Seuil de rentabilité",
    "uncertainty.marker.central": "Valeur centrale",
    "uncertainty.fan": "Flux net cumulé : la fourchette des possibles",
    "uncertainty.fan.help": "Bande claire : 8 chances sur 10 ; bande foncée : 1 chance sur 2 ; "
                            "trait : la médiane.",
    "uncertainty.band.p10_p90": "P10–P90",
    "uncertainty.band.p25_p75": "P25–P75",
    "uncertainty.median": "Médiane",
    "uncertainty.tornado": "Quelles hypothèses pèsent le plus ?",
    "uncertainty.tornado.help": "Chaque hypothèse seule à son P10 puis à son P90, les autres à "
                                "leur valeur centrale : effet sur la VAN. Les plus grandes barres "
                                "méritent les meilleures données.",
    "uncertainty.members": "Chaque membre est-il gagnant ?",
    "uncertainty.members.help": "Probabilité que le membre paie moins dans le pool que seul "
                                "(mise en place et risques de départ compris).",
    "uncertainty.axis.p_better": "Chance d'être gagnant (%)",
    "uncertainty.col.member": "Membre",
    "uncertainty.col.p_better": "Chance d'être gagnant",
    "uncertainty.col.p_worse": "Risque d'être perdant",
    "uncertainty.col.gain_p10": "Gain annuel P10",
    "uncertainty.col.gain_p50": "Gain annuel médian",
    "uncertainty.col.gain_p90": "Gain annuel P90",
    "uncertainty.distributions": "Hypothèses incertaines et leurs fourchettes",
    "uncertainty.col.parameter": "Hypothèse",
    "uncertainty.col.dist": "Loi",
    "uncertainty.col.p10": "P10",
    "uncertainty.col.base": "Valeur centrale",
    "uncertainty.col.p90": "P90",
    "uncertainty.col.unit": "Unité",
    "uncertainty.col.source": "Origine",
    "uncertainty.source.catalogue": "catalogue",
    "uncertainty.source.scenario": "scénario",
    "uncertainty.source.fixed": "fixée",
    "uncertainty.dist.fixed": "fixe",
    "uncertainty.dist.uniform": "uniforme",
    "uncertainty.dist.triangular": "triangulaire",
    "uncertainty.dist.pert": "PERT",
    "uncertainty.dist.truncnormal": "normale tronquée",
    "uncertainty.dist.lognormal": "lognormale",
    "field.uncertainty": "Incertitude",
    "field.correlations": "Corrélations",
}
