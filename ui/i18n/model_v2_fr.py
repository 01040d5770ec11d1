"""Messages du modèle v2 (MODEL.md §8) : colonnes et avertissements, en français."""

MODEL_V2: dict[str, str] = {
    "column.opens_at": "ouverture (h)",
    "column.closes_at": "fermeture (h)",
    "column.days_week": "jours/sem.",
    "warning.reception_schedule": "{n} membre(s) partagent un accueil sans horaire hebdomadaire : "
                                  "l'union des heures d'ouverture est approchée par la plus longue.",
    "warning.cheap_site": "Site {site} : son loyer est inférieur au loyer actuel de chaque "
                          "membre — vérifiez qu'il s'agit d'une offre réelle.",
}
