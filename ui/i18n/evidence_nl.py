"""Het deel 'Wat de gedocumenteerde gevallen zeggen' van de pagina Methode (back-test), in het Nederlands."""

EVIDENCE: dict[str, str] = {
    "evidence.title": "Wat de gedocumenteerde gevallen zeggen",
    "evidence.intro": (
        "Een model waarop financiers steunen, moet tonen hoe het zich verhoudt tot wat er echt "
        "gebeurd is. We hebben gedocumenteerde samenwerkingsgevallen (vakpers, evaluaties, "
        "openbare audits) nagebouwd als scenario's en bij elk gepubliceerd cijfer gevraagd: zou "
        "de vork van het model — van zijn pessimistische P10 tot zijn optimistische P90, over "
        "{draws} trekkingen — het bevat hebben?"),
    "evidence.sentence": (
        "Van **{n}** gepubliceerde resultaten uit **{cases}** gedocumenteerde gevallen bevatte de "
        "80 %-band van het model er **{m}**."),
    "evidence.expected": (
        "Een goed gekalibreerd model zou er ongeveer 80 % bevatten (± {se} met zo weinig "
        "gevallen). {below} lagen onder de band (het model was te optimistisch), {above} erboven "
        "(het model was te voorzichtig)."),
    "evidence.reading": (
        "**Hoe lees je dit.** Openbare audits (Britse Rekenkamer) vonden opstartkosten en "
        "tekorten die slechter waren dan de band van het model; enkele zelfgerapporteerde "
        "successen van vzw's melden grotere besparingen dan de schaaleffecten van het model "
        "verklaren (procesveranderingen die het niet modelleert). De leden van elk geval zijn "
        "benaderingen (grootte, personeelsratio's — elke aanname staat in de bestanden van het "
        "geval), de meeste gevallen zijn buitenlands en groter dan een Brusselse samenwerking, en "
        "veel cijfers zijn zelfgerapporteerd: een grootteorde, geen oordeel."),
    "evidence.calibration": (
        "**Wat de feiten veranderden.** Overschrijdingen van de opstartkosten gaan nu tot ×2,0 "
        "(Britse audit: gemiddeld ×1,56 over vijf centra), en een parameter *realisatie van de "
        "baten* (40 % tot 120 % van de geplande besparing, 100 % het waarschijnlijkst) laat de "
        "kasstromen achterblijven op het plan, zoals audits telkens vaststellen. Details in "
        "docs/CALIBRATION.md."),
    "evidence.running": "Back-test van de gedocumenteerde gevallen ({draws} trekkingen elk)…",
    "evidence.chart_title": "Gepubliceerde waarde tegenover de band van het model, geval per geval",
    "evidence.chart.band": "P10–P90-band van het model",
    "evidence.chart.median": "Mediaan van het model",
    "evidence.chart.inside": "Gepubliceerd — binnen de band",
    "evidence.chart.outside": "Gepubliceerd — buiten de band",
    "evidence.col.case": "Geval",
    "evidence.col.metric": "Wat gepubliceerd werd",
    "evidence.col.reported": "Gepubliceerd",
    "evidence.col.p10": "Model P10",
    "evidence.col.p50": "Model P50",
    "evidence.col.p90": "Model P90",
    "evidence.col.percentile": "Percentiel van de gepubliceerde waarde",
    "evidence.col.inside": "Binnen de band",
    "evidence.col.reliability": "Betrouwbaarheid",
    "evidence.col.source": "Bron",
    "evidence.yes": "ja",
    "evidence.no": "nee",
    "evidence.never": "nooit",
    "evidence.year_suffix": " (tegen jaar {year})",
    "evidence.function_suffix": " ({function})",
    "evidence.metric.net_saving_share_of_pooled_cost": (
        "Jaarlijkse nettobesparing, "
        "deel van de kosten van de gedeelde functies"),
    "evidence.metric.function_saving_share": "Besparing op één functie, deel van haar kosten",
    "evidence.metric.net_result_share_of_budgets": "Jaarlijks nettoresultaat, deel van de budgetten van de leden",
    "evidence.metric.net_saving_eur": "Jaarlijkse nettobesparing (€)",
    "evidence.metric.setup_overrun_ratio": "Opstartkosten, werkelijk ÷ gepland",
    "evidence.metric.realised_vs_forecast_saving": "Nettobesparing, gerealiseerd ÷ voorspeld",
    "evidence.metric.savings_to_setup_ratio": "Besparingen tot dan ÷ opstartkosten",
    "evidence.metric.payback_year": "Jaren tot terugverdiend",
    "evidence.metric.exit_share": "Deel van de leden vertrokken",
    "evidence.reliability.audit": "openbare audit",
    "evidence.reliability.evaluation": "evaluatie",
    "evidence.reliability.self-reported": "zelfgerapporteerd",
    "evidence.reliability.press": "pers",
}
