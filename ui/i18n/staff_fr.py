"""Transition du personnel et postes cofinancés (MODEL.md §8.3), en français."""

STAFF: dict[str, str] = {
    "column.cofunded_share": "part cofinancée",
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
    # achat du site partagé (MODEL.md §8.6)
    "purchase.help": "Acheter un site partagé au lieu de le louer : indiquez son prix (vide = loué). Le taux "
                     "d'emprunt, les frais d'achat, les charges de propriétaire et la valeur finale du bâtiment "
                     "sont dans la page Hypothèses.",
    "purchase.price": "Prix d'achat (€)",
    "purchase.price.help": "Prix du bâtiment, hors droits d'enregistrement et notaire (ajoutés depuis les "
                           "hypothèses).",
    "purchase.loan_share": "Emprunté (%)",
    "purchase.loan_years": "Emprunt (années)",
    "purchase.better": "Acheter le site : VAN {buy}, contre {rent} en le louant — l'achat fait {diff} de mieux sur "
                       "l'horizon, aux hypothèses centrales.",
    "purchase.worse": "Acheter le site : VAN {buy}, contre {rent} en le louant — l'achat fait {diff} de moins bien "
                      "sur l'horizon, aux hypothèses centrales.",
    "purchase.band": "Sur {draws} tirages Monte Carlo, achat et location calculés aux mêmes valeurs (taux "
                     "d'emprunt, valeur du bâtiment, frais de propriétaire, loyers…) : VAN de l'achat moins VAN "
                     "de la location entre {p10} et {p90} (P10–P90), médiane {p50} ; l'achat l'emporte dans "
                     "{share} des tirages.",
    "purchase.no_band": "Un seul calcul : le taux d'emprunt, la valeur du bâtiment et les frais de propriétaire "
                        "sont incertains ; voir la page Incertitude.",
}
