"""Overgang van het personeel en gesubsidieerde posten (MODEL.md §8.3), in het Nederlands."""

STAFF: dict[str, str] = {
    "column.cofunded_share": "gesubsidieerd deel",
    "staff.title": "Personeel dat de pool niet meer nodig heeft",
    "staff.help": "Als de pool minder ondersteunende posten nodig heeft dan de leden vandaag tewerkstellen, "
                  "vertrekt het verschil via herplaatsing naar het terrein, ontslag met opzegging, of blijft het "
                  "tot mensen vanzelf vertrekken.",
    "staff.redeployment": "Deel herplaatst naar terreinwerk",
    "staff.redeployment.help": "Zij worden bijgeschoold en nemen de terreinposten in die vrijkomen door vertrek; "
                               "tot dan worden ze bovenop het team betaald en tellen ze als VTE op het terrein.",
    "staff.dismissal": "Deel ontslagen met opzegging",
    "staff.dismissal.help": "Opzeggingstermijn volgens anciënniteit (eenheidsstatuut), betaald in het eerste jaar. "
                            "De rest blijft in zijn ondersteunende functie tot hij vertrekt (natuurlijk verloop).",
    "staff.attrition": "Aan natuurlijk verloop overgelaten: {share}",
    "staff.cofunding": "Tewerkstellingssubsidies volgen de werknemer naar de pool",
    "staff.cofunding.help": "Sociale Maribel, GECO-posten van Actiris… zijn vaak aan de werkgever gebonden: het werk "
                            "aan de pool toevertrouwen doet ze verliezen (standaard). Zet dit enkel aan als de "
                            "subsidiërende overheid schriftelijk bevestigde dat de subsidie de werknemer volgt.",
    # huurverbintenissen van de huisvesting (MODEL.md §8.6)
    "column.lease_months_left": "resterende maanden huidige huur",
    # aankoop van de gedeelde site (MODEL.md §8.6)
    "purchase.help": "Een gedeelde site kopen in plaats van huren: geef de prijs (leeg = gehuurd). De rentevoet, "
                     "aankoopkosten, eigenaarskosten en eindwaarde van het gebouw staan op de pagina Aannames.",
    "purchase.price": "Aankoopprijs (€)",
    "purchase.price.help": "Prijs van het gebouw, zonder registratierechten en notaris (toegevoegd vanuit de "
                           "aannames).",
    "purchase.loan_share": "Geleend (%)",
    "purchase.loan_years": "Lening (jaar)",
    "purchase.better": "De site kopen: NCW {buy}, tegenover {rent} bij huur — kopen is {diff} beter over de "
                       "horizon, bij centrale aannames.",
    "purchase.worse": "De site kopen: NCW {buy}, tegenover {rent} bij huur — kopen is {diff} slechter over de "
                      "horizon, bij centrale aannames.",
    "purchase.band": "Over {draws} Monte Carlo-trekkingen, kopen en huren berekend met dezelfde waarden "
                     "(leningsrente, waarde van het gebouw, eigenaarskosten, huurprijzen…): NCW van kopen min NCW "
                     "van huren tussen {p10} en {p90} (P10–P90), mediaan {p50}; kopen wint in {share} van de "
                     "trekkingen.",
    "purchase.no_band": "Eén berekening: de leningsrente, de waarde van het gebouw en de eigenaarskosten zijn "
                        "onzeker; zie de pagina Onzekerheid.",
}
