"""Messages du modèle v2 (MODEL.md §8) : colonnes et avertissements, en français."""

MODEL_V2: dict[str, str] = {
    "column.opens_at": "ouverture (h)",
    "column.closes_at": "fermeture (h)",
    "column.days_week": "jours/sem.",
}
