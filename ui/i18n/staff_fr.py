"""Transition du personnel et postes cofinancés (MODEL.md §8.3), en français."""

STAFF: dict[str, str] = {
    "column.cofunded_share": "part cofinancée",
    "waterfall.cofunding_lost": "Aides à l'emploi perdues",
    "waterfall.staff_transition": "Transition du personnel (annualisée)",
    "honest.cf.staff_transition_eur": "Transition du personnel (maintenu, réaffecté, licencié)",
    "honest.col.transition": "Transition du personnel (€/an)",
    "staff.title": "Le personnel dont le pool n'a plus besoin",
    "staff.help": "Quand le pool a besoin de moins de postes de support que les membres n'en emploient "
                  "aujourd'hui, la différence part par réaffectation vers le terrain, par licenciement avec "
                  "préavis, ou reste en place jusqu'aux départs naturels.",
    "staff.redeployment": "Part réaffectée au travail de terrain",
    "staff.redeployment.help": "Ces personnes sont formées et occupent les postes de terrain que les départs "
                               "libèrent ; d'ici là, elles sont payées en plus de l'équipe et comptent comme "
                               "ETP de terrain.",
    "staff.dismissal": "Part licenciée avec préavis",
    "staff.dismissal.help": "Préavis selon l'ancienneté (statut unique), payé la première année. Le reste "
                            "garde son poste de support jusqu'à son départ (attrition).",
    "staff.attrition": "Laissé aux départs naturels : {share}",
    "staff.cofunding": "Les aides à l'emploi suivent le travailleur vers le pool",
    "staff.cofunding.help": "Maribel social, postes ACS d'Actiris… sont souvent liés à l'employeur : confier "
                            "le travail au pool les fait perdre (par défaut). N'activez que si le pouvoir "
                            "subsidiant a confirmé par écrit que l'aide suit le travailleur.",
    # engagements de bail des locaux (MODEL.md §8.6)
    "column.lease_months_left": "mois de bail actuel restants",
}
