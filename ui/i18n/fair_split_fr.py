"""Page « Répartition équitable » en français (mêmes clés que ``fair_split_nl.py`` et ``fair_split_en.py``)."""

FAIR_SPLIT: dict[str, str] = {
    "nav.fair_split": "Répartition équitable",
    "fair.title": "Répartition équitable",
    "fair.intro": "Qui paie quoi dans le pool ? Chaque méthode partage le même coût total ; elles "
                  "diffèrent par la part de l'économie que reçoit chaque membre. Un pool ne dure "
                  "que si aucun membre, ni aucun groupe de membres, ne ferait mieux seul.",
    "fair.summary": "Coût du pool : {cost} par an. Chacun de son côté, les membres paieraient "
                    "{standalone} par an.",
    "fair.too_many": "Ce pool compte {n} membres. Les méthodes exactes (Shapley exact, nucléole, "
                     "test de stabilité) demandent au plus {limit} membres : la valeur de Shapley "
                     "est estimée à partir d'ordres d'arrivée tirés au hasard.",
    "fair.samples": "Nombre d'ordres tirés",
    "fair.samples.help": "Plus d'ordres : une estimation plus précise, un calcul plus long.",
    "fair.seed": "Graine du hasard",
    "fair.run": "Recalculer",
    "fair.sampled": "Shapley estimé sur {samples} ordres (graine {seed}) ; erreur type la plus "
                    "grande : {se}.",
    "fair.nucleolus_skipped": "Le nucléole n'est pas calculé au-delà de {limit} membres.",
    "fair.running": "Calcul du coût de chaque sous-groupe du pool…",
    "fair.tab.table": "Méthodes côte à côte",
    "fair.tab.chart": "Qui paie quoi",
    "fair.tab.core": "Stabilité",
    "fair.tab.vat": "TVA",
    "fair.tab.pools": "Proposer des pools",
    "fair.col.member": "Membre",
    "fair.col.standalone": "Seul (€/an)",
    "fair.method.proportional": "Clé du scénario",
    "fair.method.equal": "Parts égales",
    "fair.explain.proportional": "Clé du scénario : la répartition de la page Résultats ({rule}).",
    "fair.explain.equal": "Parts égales : le coût du pool divisé par le nombre de membres.",
    "fair.chart.title": "Qui paie quoi, selon chaque méthode",
    "fair.chart.help": "Chaque barre : ce qu'un membre paie par an selon une méthode. Le losange "
                       "noir : ce qu'il paierait seul. Une barre au-dessus du losange : le membre "
                       "perd à participer.",
    "fair.chart.standalone": "Seul",
    "fair.chart.axis": "€ par an",
    "fair.core.help": "Une répartition est stable (dans le « cœur ») si aucun membre ni aucun "
                      "groupe de membres ne paierait moins en faisant pool à part.",
    "fair.core.empty": "Aucune répartition ne peut être stable : quelle que soit la clé, un "
                       "membre ou un groupe paierait moins seul. Revoir le périmètre (membres, "
                       "fonctions) ou le financement.",
    "fair.core.exists": "Une répartition stable existe : le nucléole en fait partie.",
    "fair.core.in": "**{method}** : stable — aucun membre ni aucun groupe ne paierait moins seul.",
    "fair.core.out_one": "**{method}** : pas stable — {group} paierait {amount} de moins par an "
                         "seul.",
    "fair.core.out_group": "**{method}** : pas stable — le groupe {group} paierait {amount} de "
                           "moins par an en faisant pool à part.",
    "fair.core.out_all_but": "**{method}** : pas stable — tous les membres sauf {group} "
                             "paieraient ensemble {amount} de moins par an.",
    "fair.core.unchecked": "**{method}** : stabilité non vérifiée (plus de {limit} membres : "
                           "tous les sous-groupes ne peuvent pas être chiffrés).",
    "fair.vat.help": "L'exemption de TVA des associations de frais (art. 44 §2bis) exige que "
                     "chaque membre rembourse exactement sa part des frais communs. Quelles "
                     "méthodes le montrent sans discussion ?",
    "fair.vat.col.method": "Méthode",
    "fair.vat.col.status": "Exemption de TVA",
    "fair.vat.col.why": "Pourquoi",
    "fair.vat.status.safe": "Sûre",
    "fair.vat.status.to_document": "À documenter",
    "fair.vat.status.unsafe": "Compromise",
    "fair.vat.status.not_applicable": "Sans objet",
    "fair.vat.why.safe": "Clé fondée sur les coûts, sans marge : chacun rembourse sa part des "
                         "frais communs.",
    "fair.vat.why.to_document": "Redistribue l'économie selon les alternatives de chacun : "
                                "inscrivez la clé dans la convention et faites-la valider.",
    "fair.vat.why.unsafe": "Les parts ne correspondent pas aux frais communs.",
    "fair.vat.context.taxable": "Avec ce véhicule, les services sont facturés avec TVA quelle "
                                "que soit la clé : l'exemption n'est pas disponible.",
    "fair.vat.context.exempt": "Avec ce véhicule (bail), la TVA ne s'applique pas, quelle que "
                               "soit la clé.",
    "fair.vat.context.unsafe": "Une condition de l'exemption échoue quelle que soit la clé (voir "
                               "Résultats › TVA).",
    "fair.pools.intro": "Parmi les organisations candidates, quels pools rapportent le plus, "
                        "chaque membre y gagnant par rapport à rester seul ? Le calcul est exact "
                        "jusqu'à 16 candidats par groupe, heuristique au-delà.",
    "fair.pools.candidates": "Candidates : {n} organisations ({source}).",
    "fair.pools.source.sample": "l'échantillon fourni",
    "fair.pools.source.custom": "votre tableau",
    "fair.pools.functions": "Fonctions à mettre en commun",
    "fair.pools.functions.help": "Les locaux et l'accueil demandent un bâtiment partagé (case "
                                 "ci-dessous).",
    "fair.pools.max_size": "Taille maximale d'un pool",
    "fair.pools.same": "Seulement entre organisations de même…",
    "fair.pools.same.none": "aucune contrainte",
    "fair.pools.same.commune": "commune",
    "fair.pools.same.subsector": "sous-secteur",
    "fair.pools.shared_site": "Chaque pool s'installe dans un bâtiment commun",
    "fair.pools.no_functions": "Choisissez au moins une fonction.",
    "fair.pools.needs_site": "Les locaux et l'accueil ne se partagent que dans un même bâtiment : "
                             "cochez « Chaque pool s'installe dans un bâtiment commun » ou "
                             "retirez-les.",
    "fair.pools.run": "Proposer des pools",
    "fair.pools.running": "Recherche des meilleurs pools…",
    "fair.pools.total": "Bénéfice net total (€/an)",
    "fair.pools.count": "Pools proposés",
    "fair.pools.alone": "Restent seules",
    "fair.pools.optimal": "Meilleure répartition possible (prouvée).",
    "fair.pools.none": "Aucun pool ne rapporte assez : chaque candidate fait mieux seule avec ces "
                       "réglages.",
    "fair.pools.pool": "Pool {k} : {n} membres, bénéfice {benefit} par an",
    "fair.pools.col.member": "Membre",
    "fair.pools.col.commune": "Commune",
    "fair.pools.col.subsector": "Sous-secteur",
    "fair.pools.col.standalone": "Seule (€/an)",
    "fair.pools.col.pays": "Dans le pool (€/an)",
    "fair.pools.col.gain": "Gain (€/an)",
    "fair.pools.split": "Gains calculés en partageant le coût de chaque pool au prorata des coûts "
                        "seuls.",
    "fair.method.shapley": "Apport moyen",
    "fair.method.nucleolus": "Stabilité maximale",
    "fair.method.scrb": "Coûts propres d'abord",
    "fair.method.standalone": "Au prorata du coût actuel",
    "fair.explain.shapley": "Apport moyen (valeur de Shapley) : chacun paie le surcoût moyen qu'il apporte "
                            "au pool, sur tous les ordres d'arrivée possibles.",
    "fair.explain.nucleolus": "Stabilité maximale (nucléole) : rend le groupe le plus tenté de partir aussi "
                              "peu tenté que possible.",
    "fair.explain.scrb": "Coûts propres d'abord (méthode SCRB) : chacun paie les coûts qu'il ajoute à lui "
                         "seul, puis le reste au prorata de ce qu'il économise.",
    "fair.explain.standalone": "Au prorata du coût actuel : le coût du pool partagé selon ce que chacun paie"
                               " aujourd'hui.",
    "fair.table.measure": "Montrer",
    "fair.table.measure.pays": "ce que chacun paie",
    "fair.table.measure.gain": "ce que chacun gagne",
    "fair.table.help": "Pour chaque membre : ce qu'il paie aujourd'hui hors du pool, puis, pour chaque "
                       "méthode, ce qu'il paie dans le pool ou ce qu'il y gagne (€ par an). En rouge : un "
                       "membre qui paierait plus que hors du pool.",
    "fair.core.worse_off": "Membres qui paieraient plus que hors du pool : {n}.",
    "fair.rec.title": "Répartition conseillée : {method}",
    "fair.rec.reason.stable_safe": "Aucun membre ni aucun groupe de membres ne paierait moins en partant, et"
                                   " la clé est fondée sur les coûts : l'exemption de TVA des associations "
                                   "de frais n'est pas mise en cause.",
    "fair.rec.reason.stable_documented": "C'est la seule répartition où personne ne gagnerait à partir. Elle"
                                         " redistribue l'économie : inscrivez-la dans la convention et "
                                         "faites-la valider pour l'exemption de TVA.",
    "fair.rec.reason.unstable": "Aucune répartition ne retient tout le monde : quelle que soit la clé, un "
                                "membre ou un groupe paierait moins hors du pool. Celle-ci en perd le moins."
                                " Revoir les membres, les fonctions ou le financement.",
    "fair.rec.col.pays": "Paie dans le pool (€/an)",
    "fair.rec.col.gain": "Gain (€/an)",
    "fair.rec.col.verdict": "Verdict",
    "fair.rec.col.wins": "y gagne",
    "fair.rec.col.loses": "y perd {amount} par an",
    "fair.rec.loser": "**{name}** paierait {amount} par an de plus que hors du pool : ce membre risque de "
                      "partir.",
    "fair.rec.group": "Le groupe **{group}** économiserait {amount} par an en faisant pool à part.",
    "fair.details": "Voir toutes les méthodes",
    "fair.details.help": "Les six façons de partager le coût, côte à côte, avec leur stabilité et leur "
                         "traitement TVA.",
    "fair.pools.gap": "Au plus {gap} par an ({pct}) sous la meilleure répartition possible (qui rapporterait"
                      " au plus {bound}).",
    "fair.pools.no_bound": "Recherche approchée : trop de pools possibles pour garantir le meilleur résultat"
                           " ; la proposition est bonne mais pas prouvée optimale.",
    "fair.pools.open": "Ouvrir dans le constructeur",
    "fair.pools.open.help": "Remplace le pool en cours par celui-ci (association de frais, coût partagé au "
                            "prorata du coût actuel, sans financement).",
    "fair.pools.open.name": "Pool proposé n° {k}",
}
