"""The app's download buttons for the Excel workbook for people and the raw data, in French (the
workbook's own texts live in :mod:`simulator.report.texts`)."""

WORKBOOK: dict[str, str] = {
    "results.download_xlsx.help": "Un classeur à lire et à transmettre : en-têtes en français, montants en euros "
                                  "arrondis, un onglet qui décrit le scénario et son chiffre d'en-tête, un onglet des"
                                  " hypothèses (modifiées en tête).",
    "results.download_data_csv": "Données brutes (CSV, zip)",
    "results.download_data_xlsx": "Données brutes (Excel)",
    "results.download_data.help": "Pour les analystes : les tables du moteur avec leurs noms techniques et toute leur"
                                  " précision, une ligne par valeur.",
}
