"""Overgang van het personeel en gesubsidieerde posten (MODEL.md §8.3), in het Nederlands."""

STAFF: dict[str, str] = {
    "column.cofunded_share": "gesubsidieerd deel",
    "waterfall.cofunding_lost": "Verloren tewerkstellingssubsidies",
    "waterfall.staff_transition": "Overgang van het personeel (per jaar)",
    "honest.cf.staff_transition_eur": "Overgang van het personeel (behouden, herplaatst, ontslagen)",
    "honest.col.transition": "Overgang personeel (€/jaar)",
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
}
