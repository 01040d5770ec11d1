"""De pagina "Simulatiereeksen" in het Nederlands (zelfde sleutels als ``batch_fr.py``)."""

BATCH: dict[str, str] = {
    "nav.batch": "Simulatiereeksen",
    "batch.title": "Simulatiereeksen",
    "batch.intro": "Open de map van een reeks gestart met \"mutualise batch\" (duizenden varianten van "
                   "een scenario) en vergelijk de resultaten volgens een factor.",
    "batch.folder": "Map van de reeks",
    "batch.folder.help": "De map die aan --out werd gegeven, op de machine waarop de toepassing draait.",
    "batch.empty": "Geef de map van een reeks op om de resultaten te zien.",
    "batch.no_folder": "Geen map \"{folder}\" op deze machine.",
    "batch.not_a_run": "De map \"{folder}\" bevat geen simulatiereeks (manifest.json ontbreekt of is "
                       "onleesbaar).",
    "batch.status": "**{name}** — {experiments} varianten, elk {draws} trekkingen · {done}/{parts} delen "
                    "klaar · seed {seed} · model {version}",
    "batch.incomplete": "Deze reeks is niet af: alleen de afgewerkte delen worden getoond. Hervat met "
                        "\"mutualise batch … --resume\".",
    "batch.no_factor": "Deze reeks heeft geen factor: één enkele variant.",
    "batch.metric": "Resultaat",
    "batch.x": "Factor op de x-as",
    "batch.colour": "Opsplitsen volgens",
    "batch.colour.none": "(niets)",
    "batch.chart_caption": "Eén doos per waarde van de factor: de spreiding komt van de andere factoren "
                           "({n} varianten).",
    "batch.chart_caption.mc": "Mediaan (P50) van elke variant over haar trekkingen; één doos per waarde van "
                              "de factor ({n} varianten).",
    "batch.top": "De {n} beste varianten",
    "batch.col.experiment": "Variant",
    "batch.col.value": "Waarde",
    "batch.col.p50": "Mediaan (P50)",
    "batch.col.p10": "P10",
    "batch.col.p90": "P90",
    "batch.col.p_positive": "Kans > 0",
    "batch.metric.npv": "Netto contante waarde (€)",
    "batch.metric.net_saving": "Netto jaarlijkse besparing (€/jaar)",
    "batch.metric.net_result": "Netto jaarresultaat (€/jaar)",
    "batch.metric.payback_year": "Terugverdienjaar",
    "batch.metric.baseline_total": "Huidige kost van wat gedeeld wordt (€/jaar)",
    "batch.metric.pooled_total": "Gedeelde kost (€/jaar)",
    "batch.metric.setup": "Opstartkost (€)",
    "batch.metric.public_cost": "Geactualiseerde overheidskost (€)",
    "batch.metric.npv_without_funding": "NCW zonder overheidsfinanciering (€)",
    "batch.metric.pooled_fte": "VTE van de gedeelde dienst",
    "batch.metric.irr": "Interne rentabiliteit",
}
