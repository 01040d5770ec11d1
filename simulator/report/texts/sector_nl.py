"""Teksten van de nota voor de financier van een sectorale financieringsstudie (``simulator.report.sector_render``)."""

SECTOR: dict[str, str] = {
    "sector.kicker": "Nota voor de financier · sectorale financieringsstudie",
    "sector.title": "Welke financieringsoptie maakt per euro overheidsgeld de meeste eerstelijnscapaciteit vrij?",
    "sector.study": "studie {source}",
    "sector.s.question": "1. De vraag en de populatie",
    "sector.question": "Met hetzelfde overheidsbudget: welk instrument maakt de meeste eerstelijnscapaciteit "
                       "vrij (personeelstijd terug naar patiënten en gebruikers), en hoeveel "
                       "samenwerkingsverbanden bestaan alleen omdat de financier betaalde?",
    "sector.population": "Populatie: {n} organisaties ({origin}). {candidates} kandidaat-pools, gevormd "
                         "volgens regel ({rule}, hoogstens {cap} leden, minstens {min} om te ontstaan), "
                         "zouden {functions} delen in een „{vehicle}”, verdeelsleutel „{allocation}”, "
                         "over {years} jaar.",
    "sector.origin.generated": "synthetische Brusselse populatie, gekalibreerd op publieke totalen, "
                               "seed {seed}",
    "sector.origin.table": "organisatietabel {name}",
    "sector.rule.commune": "dezelfde gemeente",
    "sector.rule.neighbours": "dezelfde of een aangrenzende gemeente",
    "sector.rule.same_subsector": ", dezelfde deelsector",
    "sector.participation": "Een lid doet alleen mee als zijn verwachte jaarlijkse winst {eur} plus {share} "
                            "van zijn huidige kost van de gedeelde functies bereikt (autonomie en "
                            "vertrouwen) [G].",
    "sector.s.options": "2. De vergeleken opties",
    "sector.option.counterfactual": "Geen financiering: het contrafeitelijke scenario waarmee elke optie "
                                    "vergeleken wordt.",
    "sector.option.line": "{label} — {description} {budget}",
    "sector.budget.none": "Geen budgetplafond.",
    "sector.budget.cap": "Budget: {cap}, {allocation}.",
    "sector.budget.first_come": "wie eerst komt, eerst maalt",
    "sector.budget.leverage": "pools met de meeste baat per euro overheidsgeld eerst",
    "sector.no_funding": "Geen financiering",
    "sector.s.table": "3. De opties naast elkaar",
    "sector.col.option": "Optie",
    "sector.col.public": "Overheidskost (CW)",
    "sector.col.fte": "Vrijgemaakte eerstelijns-VTE",
    "sector.col.extra": "Bijkomende VTE",
    "sector.col.per100k": "VTE per 100 k€ overheid/jaar",
    "sector.col.net": "Nettoresultaat leden (NCW)",
    "sector.col.pools": "Pools (bijkomend)",
    "sector.col.participation": "Deelname (leden)",
    "sector.band": "{p10} – {p90}",
    "sector.pools_cell": "{pools} ({additional})",
    "sector.table.caption": "Overheidskost: contante waarde van subsidies, premies en leningen, na "
                            "terugbetalingen en terugvordering. Bijkomend: bovenop wat zonder financiering "
                            "ontstaat. VTE per {per} overheid/jaar: bijkomende eerstelijns-VTE per {per} "
                            "overheidsgeld per jaar (geannualiseerde overheidskost). Deelname: organisaties "
                            "die samenwerken, van de {n}.",
    "sector.table.draws": "Centrale waarden; eronder P10–P90 over {draws} trekkingen van de aannames van het "
                          "model (dezelfde trekkingen voor elke optie: verschillen zijn gepaard).",
    "sector.table.no_draws": "Alleen centrale waarden (geen trekkingen): geen onzekerheidsmarge.",
    "sector.s.chart": "4. Eerstelijnscapaciteit en overheidskost, met hun onzekerheid",
    "sector.chart.frontline": "Vrijgemaakte eerstelijns-VTE",
    "sector.chart.public_cost": "Overheidskost, contante waarde (€)",
    "sector.chart.frontline.caption": "Vrijgemaakte eerstelijns-VTE per optie: mediaan van de trekkingen, "
                                      "snorharen P10–P90 (zoals op de pagina Financiering).",
    "sector.chart.public_cost.caption": "Overheidskost per optie (contante waarde): mediaan, snorharen P10–P90.",
    "sector.chart.none": "De studie werd zonder trekkingen berekend: geen grafiek van de onzekerheid.",
    "sector.s.verdict": "5. De beste optie",
    "sector.lead": "{option} maakt per euro overheidsgeld de meeste eerstelijnscapaciteit vrij: {per100k} "
                   "bijkomende eerstelijns-VTE per {per} overheidsgeld per jaar ({extra} VTE bovenop "
                   "geen financiering, {per_fte} per jaar per bijkomende VTE; overheidskost {public} in "
                   "contante waarde).",
    "sector.lead.next": "Daarna: {option}, {per100k} VTE per {per} per jaar.",
    "sector.lead.none": "Geen enkele optie maakt eerstelijnscapaciteit vrij bovenop wat zonder financiering "
                        "ontstaat: onder deze aannames gaat het overheidsgeld naar pools die toch zouden "
                        "ontstaan, of naar geen enkele.",
    "sector.benchmark": "Ter vergelijking: hetzelfde geld rechtstreeks aan eerstelijnspersoneel betaald, levert "
                        "{direct} VTE per {per} per jaar op ({per} ÷ {cost}, de geladen kost van een "
                        "eerstelijnswerker [G]). Financiering die alleen geld toevoegt aan pools die toch "
                        "ontstaan, koopt precies dat; een optie doet beter alleen via de pools die ze "
                        "levensvatbaar maakt of bijeenhoudt.",
    "sector.caveat.close": "{option} doet bijna even goed (binnen 5 %): de twee zijn niet duidelijk te "
                            "onderscheiden.",
    "sector.caveat.no_better": "Ze doet niet beter dan rechtstreeks eerstelijnspersoneel betalen: het geld "
                                "gaat vooral naar pools die toch ontstaan.",
    "sector.caveats": "Kanttekeningen:",
    "sector.caveat.deadweight": "{share} van haar overheidskost ({amount}) gaat naar pools die toch zouden "
                                "ontstaan (meeneemeffect).",
    "sector.caveat.additional": "{n} van haar {total} pools ontstaan alleen dankzij de financiering.",
    "sector.caveat.unsure": "In minstens één op tien trekkingen maakt ze geen bijkomende capaciteit vrij "
                            "(P10 van de bijkomende VTE: {p10}).",
    "sector.caveat.sure": "Haar bijkomende capaciteit blijft positief in minstens 9 op 10 trekkingen (P10: "
                          "{p10} VTE).",
    "sector.caveat.no_draws": "Alleen centrale waarden: hoe zeker dit is, werd niet gemeten (herbereken met "
                              "trekkingen).",
    "sector.caveat.budget": "Ze gebruikt {used} van haar budget van {cap}: het plafond is bereikt, en met "
                            "een groter budget hadden meer pools kunnen aanvragen.",
    "sector.caveat.central": "Wie samenwerkt, wordt bij centrale waarden beslist; alleen de resultaten van "
                             "de pools variëren over de trekkingen.",
    "sector.s.assumptions": "6. Aannames van de studie",
    "sector.col.setting": "Instelling",
    "sector.col.source": "Bron",
    "sector.col.target": "Doel van de populatie",
    "sector.col.source_en": "Bron (gegevensbestand, in het Engels)",
    "sector.settings.none": "Alle instellingen van de studie zijn de standaardwaarden (docs/FUNDING.md).",
    "sector.setting.participation.threshold_eur": "Deelnamedrempel, vast deel",
    "sector.setting.participation.threshold_share": "Deelnamedrempel, deel van de huidige kost",
    "sector.setting.pools.rule": "Wie kan samen een pool vormen",
    "sector.setting.pools.same_subsector": "Alleen dezelfde deelsector",
    "sector.setting.pools.size_cap": "Hoogstens leden per pool",
    "sector.setting.pools.min_members": "Minstens leden om een pool te vormen",
    "sector.setting.functions": "Gedeelde functies",
    "sector.setting.vehicle": "Juridische vorm",
    "sector.setting.allocation": "Verdeelsleutel",
    "sector.setting.horizon_years": "Horizon (jaren)",
    "sector.source.participation": "Kost van autonomie en vertrouwen bij toetreding: schatting (MODEL.md §3.10)",
    "sector.source.choice": "Keuze van de studie",
    "sector.no": "Nee",
    "sector.pop.title": "De synthetische populatie is gekalibreerd op deze totalen:",
    "sector.pop.reference": "Werkgevende vzw's als referentie",
    "sector.pop.jobs": "Banen in Brusselse gezondheidszorg en sociale actie",
    "sector.pop.share": "Aandeel van die banen in deze populatie",
    "sector.pop.cost_per_job": "Kost per baan (€/jaar)",
    "sector.pop.sizes": "Grootte per deelsector",
    "sector.pop.sizes_value": "mediane VTE",
    "sector.parameters": "Alle aannames van het model (lonen, coördinatie, opstart…) zijn die van de "
                         "catalogus; de trekkingen laten ze variëren binnen hun marges (“mutualise params”).",
    "sector.s.limits": "7. Beperkingen",
    "sector.limit.synthetic": "De populatie is synthetisch: echte organisaties, in het organisatieformaat, "
                              "vervangen haar (--population BESTAND).",
    "sector.limit.rule": "Kandidaat-pools komen alleen uit de regel, niet uit een zoektocht naar de beste "
                         "indeling.",
    "sector.limit.sites": "Onthaal, huisvesting en aankoop worden in de sectorweergave niet gedeeld: ze "
                          "vragen vestigingen.",
    "sector.limit.threshold": "De deelnamedrempel is een schatting [G] van autonomie en vertrouwen.",
    "sector.limit.central": "Welke pools ontstaan, wordt bij centrale waarden beslist; de marge dekt alleen de "
                            "onzekerheden die de catalogus beschrijft.",
    "sector.provenance": "Model {version} · hash van de studie {hash} · seed {seed} · {draws} trekkingen · "
                         "{date}",
    "sector.button.help": "Een nota van twee tot vier pagina's voor de financier: de vergeleken opties, "
                          "eerstelijnscapaciteit per euro overheidsgeld, de beste optie en haar kanttekeningen.",
}
