"""Page « Méthode » en français (texte Markdown)."""

METHOD: dict[str, str] = {
    "method.what.title": "Ce que fait le modèle",
    "method.what.body": (
        "Mutualise compare, pour chaque membre, ce que lui coûtent **aujourd'hui** ses fonctions "
        "de support (comptabilité, paie, informatique, accueil, locaux, achats…) et ce qu'il "
        "paierait **dans un pool** avec d'autres ASBL. Il montre le gain, mais aussi tout ce qui "
        "le mange, membre par membre et année par année.\n\n"
        "Les coûts déclarés par les membres priment toujours ; quand un coût manque, il est "
        "estimé (ETP × coût d'un poste) et signalé comme estimation. Les heures qu'une direction "
        "ou un travailleur social passe à faire de la comptabilité « faisant fonction » comptent "
        "aussi : les libérer est souvent le vrai gain."),
    "method.costs.title": "D'où viennent les économies",
    "method.costs.body": (
        "- **Personnel** (comptabilité, paie, informatique…) : la charge de travail croît moins "
        "vite que le volume ; un service commun a besoin de moins d'ETP que la somme des petits "
        "bouts de poste. Les postes s'arrondissent une seule fois au lieu d'une fois par ASBL.\n"
        "- **Accueil** : un guichet coûte des heures d'ouverture, quel que soit le nombre de "
        "visiteurs ; il ne se partage que sur un site commun.\n"
        "- **Achats** : le prix unitaire baisse un peu avec le volume (plafonné), et une centrale "
        "d'achats évite des procédures de marchés publics.\n"
        "- **Coûts fixes** (logiciels, équipements) : une licence pour tous au lieu d'une par "
        "membre.\n"
        "- **Locaux** : chacun garde ses bureaux ; les espaces communs (salles de réunion, "
        "cuisine, stockage) se partagent."),
    "method.eats.title": "Ce qui mange le gain",
    "method.eats.body": (
        "- **Mise en place** (année 0) : création du véhicule, harmonisation des procédures, "
        "migration informatique, déménagement — multipliée par un facteur de dépassement (les "
        "projets de services partagés dépassent souvent leur budget).\n"
        "- **Coordination** chaque année : gouvernance (assemblées, comités), gestion du "
        "service, coordination entre membres qui croît avec le nombre de paires, déplacements, "
        "hétérogénéité (secteurs, logiciels, commissions paritaires différents).\n"
        "- **TVA** : la plupart des ASBL sociales et de santé sont exonérées et ne récupèrent "
        "pas la TVA. Un service facturé par une entité commune porte 21 % de TVA, sauf si "
        "l'exonération des groupements autonomes (art. 44 §2bis) s'applique. Sans elle, il faut "
        "économiser au moins 17,4 % rien que pour rester à l'équilibre.\n"
        "- **Départs** : chaque année un membre peut partir ; les autres portent la part fixe "
        "de son coût jusqu'au redimensionnement."),
    "method.time.title": "Dans le temps",
    "method.time.body": (
        "L'année 0 porte la mise en place ; les économies montent en charge (par exemple 0 %, "
        "50 %, puis 100 %). Salaires et loyers sont indexés. Les flux sont actualisés pour "
        "calculer la **valeur actuelle nette**, l'**année de retour** et le **taux de rendement "
        "interne**. L'économie nette est aussi exprimée en **ETP de terrain libérés** : le "
        "secteur pense en capacité, pas en euros. Les subsides (aide au démarrage, subside de "
        "coordination…) s'ajoutent aux flux des membres."),
    "method.split.title": "Qui paie quoi",
    "method.split.body": (
        "Le coût commun est réparti selon une clé : l'**usage** (volume de chaque membre, le "
        "défaut compatible avec l'exonération de TVA), le **coût actuel** de chacun, ou des "
        "**parts égales**. Pour chaque membre, le modèle vérifie la **rationalité "
        "individuelle** : paie-t-il plus que seul ? Un membre qui perd finit par partir — c'est "
        "pourquoi il est signalé en rouge."),
    "method.numbers.title": "Les hypothèses",
    "method.numbers.body": (
        "Chaque nombre utilisé est visible et modifiable sur la page **Hypothèses**, avec son "
        "unité, sa fourchette plausible, sa source et son niveau de preuve : [B] source belge, "
        "[F] proxy étranger, [D] dérivé, [G] estimation. Les montants sont affichés au format "
        "belge (1 234,56 €) ; en néerlandais selon l'usage flamand (€ 1.234,56)."),
    "method.limits.title": "Les limites",
    "method.limits.body": (
        "- C'est **une simulation, pas un avis juridique ou fiscal**. Le modèle vérifie les "
        "conditions de l'exonération de TVA qu'il peut voir (véhicule, marge, activités des "
        "membres, clé de répartition) mais pas, par exemple, la distorsion de concurrence.\n"
        "- Les ASBL de l'échantillon sont **fictives** ; leurs chiffres sont plausibles, pas "
        "réels.\n"
        "- Beaucoup d'hypothèses sont des estimations [G] : testez-les (page Hypothèses) et "
        "comparez des variantes avant de décider.\n"
        "- Le modèle ne mesure pas la qualité du service, la confiance entre membres ni le coût "
        "de l'autonomie perdue — à discuter autour de la table."),
}
