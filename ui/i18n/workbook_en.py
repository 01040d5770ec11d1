"""The app's download buttons for the Excel workbook for people and the raw data, in English
(the workbook's own texts live in :mod:`simulator.report.texts`)."""

WORKBOOK: dict[str, str] = {
    "results.download_xlsx.help": "A workbook to read and forward: English headers, amounts rounded to the euro, a "
                                  "sheet describing the scenario and its headline, a sheet of the assumptions "
                                  "(changed ones first).",
    "results.download_data_csv": "Raw data (CSV, zip)",
    "results.download_data_xlsx": "Raw data (Excel)",
    "results.download_data.help": "For analysts: the engine's tables with their technical names and full precision, "
                                  "one row per value.",
}
