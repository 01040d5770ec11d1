"""Knoppen van de app voor de Excel-werkmap om te lezen en de ruwe gegevens, in het Nederlands
(de teksten van de werkmap zelf staan in :mod:`simulator.report.texts`)."""

WORKBOOK: dict[str, str] = {
    "results.download_xlsx.help": "Een werkmap om te lezen en door te sturen: Nederlandse kolomkoppen, afgeronde "
                                  "bedragen in euro, een tabblad dat het scenario en zijn hoofdcijfer beschrijft, een"
                                  " tabblad met de aannames (gewijzigde bovenaan).",
    "results.download_data_csv": "Ruwe gegevens (CSV, zip)",
    "results.download_data_xlsx": "Ruwe gegevens (Excel)",
    "results.download_data.help": "Voor analisten: de tabellen van het model met hun technische namen en volledige "
                                  "precisie, één rij per waarde.",
}
