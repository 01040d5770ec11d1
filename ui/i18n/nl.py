"""Berichten in het Nederlands. Dezelfde sleutels als ``fr.py`` (de referentie) en ``en.py``."""

from ui.i18n.batch_nl import BATCH
from ui.i18n.brief_nl import BRIEF
from ui.i18n.cards_nl import CARDS
from ui.i18n.evidence_nl import EVIDENCE
from ui.i18n.fair_split_nl import FAIR_SPLIT
from ui.i18n.funding_nl import FUNDING
from ui.i18n.honest_nl import HONEST
from ui.i18n.method_nl import METHOD
from ui.i18n.model_v2_nl import MODEL_V2
from ui.i18n.pool_state_nl import POOL_STATE
from ui.i18n.staff_nl import STAFF
from ui.i18n.uncertainty_nl import UNCERTAINTY
from ui.i18n.workbook_nl import WORKBOOK

MESSAGES: dict[str, str] = {
    # --- navigatie & zijbalk --------------------------------------------------------------------
    "nav.section.pool": "Samenwerking",
    "nav.section.analysis": "Analyse",
    "nav.section.share": "Delen en begrijpen",
    "nav.pool": "Samenwerking opbouwen",
    "nav.results": "Resultaten",
    "nav.compare": "Vergelijken",
    "nav.assumptions": "Aannames",
    "nav.uncertainty": "Onzekerheid",
    "nav.fair_split": "Billijke verdeling",
    "nav.funding": "Financiering",
    "nav.share": "Bewaren en delen",
    "nav.method": "Methode",
    "sidebar.language": "Taal",
    "sidebar.current": "Scenario: {name}",
    "sidebar.disclaimer": "Een simulatie, geen juridisch of fiscaal advies.",
    # --- algemeen -------------------------------------------------------------------------------
    "common.no": "Nee",
    "common.chart_data": "Gegevens van de grafiek (CSV)",
    "common.table_data": "Gegevens van de tabel (CSV)",
    # --- fouten ---------------------------------------------------------------------------------
    "error.input_title": "Een gegeven moet verbeterd worden:",
    "error.input_line": "**{field}** — {message}",
    "error.more.one": "… en nog {n} probleem.",
    "error.more.other": "… en nog {n} problemen.",
    "error.unexpected": "Er liep iets mis tijdens de berekening. Uw gegevens zijn veilig: "
                        "wijzig de laatste invoer of herlaad de pagina.",
    "error.details": "Technische details",
    "error.share_link": "Deze deellink is onleesbaar (afgekapt of gewijzigd): het "
                        "standaardscenario wordt getoond.",
    "error.share_invalid": "Het scenario in de deellink is niet geldig; het standaardscenario "
                           "wordt getoond:",
    "error.scenario_invalid": "Het scenario kan nog niet berekend worden:",
    "error.needs_table": "dit scenario gebruikt een eigen ledentabel ({name}): laad die op via "
                         "'Samenwerking opbouwen › Leden'.",
    "common.choose": "Kiezen…",
    "upload.button": "Bestand kiezen",
    "upload.hint": "hoogstens {mb} MB · {types}",
    "error.too_large": "het bestand is groter dan {mb} MB.",
    "error.not_utf8": "het bestand is geen UTF-8-tekst.",
    "error.no_examples": "er werd geen voorbeeldscenario gevonden.",
    # --- velden (foutpaden) ---------------------------------------------------------------------
    "field.line": "regel {line}, kolom {column}",
    "field.cell": "rij {row}, kolom '{column}'",
    "field.column": "kolom '{column}'",
    "field.members": "Leden",
    "field.pooling": "Gedeelde functies",
    "field.vehicle": "Structuur",
    "field.sites": "Sites",
    "field.allocation": "Verdeelsleutel",
    "field.horizon_years": "Horizon",
    "field.parameters": "Aannames",
    "field.organisations": "Ledentabel",
    "field.ramp_up": "Opbouw",
    "field.funding": "Financiering",
    "field.id": "id",
    "field.commune": "gemeente",
    "field.rent_eur_m2": "huur (€/m²/jaar)",
    "field.description": "Beschrijving",
    "field.exit_risk": "Uittredingsrisico",
    "field.uncertainty": "Onzekerheid",
    "field.correlations": "Correlaties",
    "field.startup_grant": "opstartsubsidie",
    "field.coordination_subsidy": "coördinatiesubsidie",
    "field.fte_subsidy": "subsidie per VTE",
    "field.loan": "renteloze lening",
    "field.share": "aandeel",
    "field.cap_eur": "plafond (€)",
    "field.eur_per_year": "€ per jaar",
    "field.years": "jaren",
    "field.eur_per_fte": "€ per VTE",
    "field.amount_eur": "bedrag (€)",
    "field.clawback_share": "aandeel teruggevorderd door de subsidiegever",
    "field.reinvestment_share": "aandeel geherinvesteerd in het terrein",
    "field.name": "Naam van het scenario",
    # --- kerncijfers ----------------------------------------------------------------------------
    "headline.net_annual_saving_eur": "Nettobesparing per jaar",
    "headline.net_annual_saving_eur.help": "Huidige kost van de gedeelde functies min de "
                                           "gedeelde kost, op kruissnelheid (volledig "
                                           "opgebouwd, vóór opstart en subsidies).",
    "headline.npv_eur": "Netto contante waarde",
    "headline.npv_eur.help": "Geactualiseerde som van de netto kasstromen over de horizon, "
                             "opstart en subsidies inbegrepen.",
    "headline.payback_year": "Terugverdientijd",
    "headline.payback_year.help": "Eerste jaar waarin de gecumuleerde netto kasstroom positief "
                                  "wordt.",
    "headline.frontline_fte_freed": "Vrijgemaakte terrein-VTE",
    "headline.frontline_fte_freed.help": "Jaarlijkse nettobesparing gedeeld door de "
                                         "loonkost van een terreinwerker.",
    "headline.payback_value": "Jaar {year}",
    "headline.payback_never": "Nooit",
    # --- pagina samenwerking --------------------------------------------------------------------
    "pool.title": "Samenwerking opbouwen",
    "pool.intro": "Kies de leden, vink aan wat elk lid deelt, en kies dan de structuur, de "
                  "site, de horizon en de verdeelsleutel. De cijfers worden bij elke wijziging "
                  "bijgewerkt.",
    "pool.example": "Vertrekken van een voorbeeld",
    "pool.example.help": "De voorbeelden gebruiken fictieve vzw's uit de meegeleverde "
                         "steekproef.",
    "pool.example.placeholder": "Kies een voorbeeld…",
    "pool.example.load": "Laden",
    "pool.members_count": "{n} leden",
    "pool.see_results": "Gedetailleerde resultaten bekijken",
    "pool.tab.members": "1. Leden",
    "pool.tab.functions": "2. Gedeelde functies",
    "pool.tab.vehicle": "3. Structuur en site",
    "pool.tab.horizon": "4. Horizon en verdeling",
    # --- leden ----------------------------------------------------------------------------------
    "members.source": "Waar komen de leden vandaan?",
    "members.source.sample": "Meegeleverde steekproef",
    "members.source.upload": "Mijn tabel opladen",
    "members.source.type": "In een tabel invullen",
    "members.sample": "meegeleverde steekproef (fictieve vzw's)",
    "members.table_in_use": "Gebruikte tabel: {name} — {n} organisaties.",
    "members.back_to_sample": "Terug naar de meegeleverde steekproef",
    "members.template_csv": "CSV-sjabloon (komma's)",
    "members.template_be": "CSV-sjabloon voor Belgische Excel (;)",
    "members.upload": "Ledentabel (CSV of Excel .xlsx, hoogstens 5 MB)",
    "members.upload.help": "Eén rij per vzw. CSV met komma's of in Belgisch Excel-formaat "
                           "(puntkomma's, decimale komma), of een .xlsx-bestand. Vertrek van "
                           "een sjabloon hierboven.",
    "members.upload_failed": "De tabel kon niet gelezen worden — verbeter deze cellen en laad "
                             "haar opnieuw op:",
    "members.type.help": "Wijzig cellen of voeg rijen toe (rij 2 van het rekenblad is de "
                         "eerste rij) en klik dan op 'Deze tabel gebruiken'.",
    "members.type.use": "Deze tabel gebruiken",
    "members.type.failed": "De ingevulde tabel bevat fouten:",
    "members.pick": "Leden van de samenwerking",
    "members.pick.help": "De organisaties die deelnemen aan de samenwerking.",
    "members.option": "{name} — {subsector}, {commune}, {fte} VTE",
    "members.missing": "Niet in de gebruikte tabel: {ids}.",
    # --- kolommen van de ledentabel -------------------------------------------------------------
    "column.id": "Identificatie",
    "column.name": "Naam",
    "column.subsector": "Subsector",
    "column.commune": "Gemeente",
    "column.fte_total": "Totaal VTE",
    "column.budget_eur": "Budget (€/jaar)",
    "column.vat_exempt": "Btw-vrijgesteld",
    "column.contracting_authority": "Aanbestedende overheid",
    "column.joint_committee": "Paritair comité",
    "column.fte": "VTE",
    "column.cost_eur": "kost (€/jaar)",
    "column.external_eur": "extern (€/jaar)",
    "column.hidden_hours_week": "verborgen uren/week",
    "column.hidden_hourly_eur": "verborgen uurkost (€/u)",
    "column.volume": "volume",
    "column.hours_week": "uren/week",
    "column.visitors_week": "bezoekers/week",
    "column.spend_eur": "uitgaven (€/jaar)",
    "column.users": "gebruikers",
    "column.private_m2": "private m²",
    "column.common_m2": "gemeenschappelijke m²",
    "column.rent_eur_m2": "huur (€/m²/jaar)",
    "subsector.medical_centre": "wijkgezondheidscentrum",
    "subsector.mental_health": "geestelijke gezondheid",
    "subsector.home_care": "thuiszorg",
    "subsector.homelessness": "daklozenzorg",
    "subsector.family_planning": "gezinsplanning",
    "subsector.addiction": "verslavingszorg",
    "subsector.social_service": "sociale dienst",
    "subsector.youth": "jeugd",
    "subsector.disability": "handicap",
    "subsector.other": "andere",
    # --- matrix en instellingen -----------------------------------------------------------------
    "matrix.help": "Vink per lid de functies aan die het deelt. Een functie moet door minstens "
                   "twee leden aangevinkt worden.",
    "matrix.no_members": "Kies eerst leden (tabblad '1. Leden').",
    "matrix.member": "Lid",
    "matrix.blocked": "Grijze kolommen: het voertuig '{vehicle}' kan {functions} niet dragen.",
    "kind.labour": "Personeelsfunctie: de gedeelde werklast groeit minder snel dan het volume.",
    "kind.coverage": "Onthaal: de kost volgt de openingsuren; winst alleen bij samenhuizen.",
    "kind.purchasing": "Aankopen: de eenheidsprijs daalt met het gebundelde volume.",
    "kind.fixed_shared": "Gedeelde vaste kosten: één licentie of uitrusting voor allen.",
    "kind.premises": "Huisvesting: gemeenschappelijke ruimten worden gedeeld op een "
                     "gemeenschappelijke site.",
    "setup.vehicle": "Juridische structuur",
    "setup.vehicle.help": "De vorm van de samenwerking: die bepaalt de btw, welke functies "
                          "mogelijk zijn en de oprichtingskosten.",
    "setup.name": "Naam van het scenario",
    "setup.description": "Beschrijving",
    "setup.horizon": "Horizon (jaren)",
    "setup.horizon.help": "Periode waarover de netto contante waarde en de terugverdientijd "
                          "berekend worden.",
    "setup.exit_risk": "Rekening houden met uittredende leden",
    "setup.exit_risk.help": "Elk jaar kan een lid vertrekken; de anderen dragen het vaste deel "
                            "van zijn kost tot de dienst is bijgesteld.",
    "setup.allocation": "Verdeelsleutel van de kosten",
    "setup.allocation.help": "Hoe de gemeenschappelijke kost over de leden verdeeld wordt.",
    "sites.title": "Sites",
    "sites.help": "Geef leden die samen intrekken dezelfde sitenaam; laat leeg voor wie blijft "
                  "waar hij is. Huisvesting en onthaal kunnen alleen op een gemeenschappelijke "
                  "site gedeeld worden.",
    "sites.site": "Gemeenschappelijke site",
    "sites.site.help": "Naam van de site (zelfde naam = zelfde gebouw).",
    "sites.rent": "Huur van de site (€/m²/jaar)",
    "sites.rent.help": "Leeg: de standaardhuur uit de aannames.",
    # --- resultaten -----------------------------------------------------------------------------
    "results.title": "Resultaten",
    "results.intro": "Scenario '{name}'. Bedragen in euro per jaar op kruissnelheid, behalve "
                     "de kasstromen.",
    "results.waterfall": "Van de huidige kost naar de netto gedeelde kost (centrale aannames)",
    "results.waterfall.help": "Elke balk is een wijziging van de jaarlijkse kost: groen = "
                              "daling, rood = stijging. De laatste balk is de netto gedeelde kost, "
                              "alles inbegrepen; het verschil met de huidige kost is het "
                              "nettoresultaat per jaar.",
    "results.members": "Wie wint, wie verliest",
    "results.members.help": "Jaarlijkse winst van elk lid: wat het alleen zou betalen min wat "
                            "het in de samenwerking betaalt (geannualiseerde opstart, "
                            "uittredingsrisico en subsidies inbegrepen). In het rood: leden die verliezen.",
    "results.losers": "Deze leden betalen meer dan alleen (individuele rationaliteit niet "
                      "gehaald): {names}. Een lid dat verliest, vertrekt vroeg of laat.",
    "results.no_losers": "Elk lid wint bij deelname (individuele rationaliteit gehaald).",
    "results.cashflows": "Kasstromen",
    "results.cashflows.help": "Jaarlijkse netto kasstromen van de leden (jaar 0 = opstart) en "
                              "hun cumul; de stippellijn markeert het terugverdienjaar.",
    "results.vat": "Btw",
    "results.downloads": "Resultaten downloaden",
    "results.download_csv": "Resultaten (CSV, zip)",
    "results.download_xlsx": "Resultaten (Excel)",
    "results.download_unavailable": "Export niet beschikbaar voor dit scenario.",
    # waterfall, VAT, charts and allocation keys: simulator/report/texts (shared with the brief)
    # --- vergelijken ----------------------------------------------------------------------------
    "compare.title": "Scenario's vergelijken",
    "compare.intro": "Kies twee tot vier scenario's: het huidige, uw bewaarde varianten of de "
                     "voorbeelden.",
    "compare.make_variants": "Varianten van het huidige scenario maken",
    "compare.variant_name": "Naam van de variant",
    "compare.variant_default": "Variant {n}",
    "compare.save": "Bewaren",
    "compare.other_vehicle": "Zelfde samenwerking met een andere structuur",
    "compare.add_vehicle_variant": "Deze variant toevoegen",
    "compare.add_no_premises": "Variant zonder gedeelde huisvesting toevoegen",
    "compare.no_premises": "zonder huisvesting",
    "compare.pick": "Te vergelijken scenario's (2 tot 4)",
    "compare.current": "Huidig: {name}",
    "compare.saved": "Variant: {name}",
    "compare.example": "Voorbeeld: {name}",
    "compare.need_two": "Kies minstens twee scenario's.",
    "compare.chart_bars": "Nettoresultaat, NCW en opstart",
    "compare.chart_cumulative": "Gecumuleerde netto kasstromen",
    "compare.fte_note": "Vrijgemaakte VTE op het terrein — {values}.",
    "compare.metric.net_annual_saving_eur": "Jaarlijkse nettobesparing",
    "compare.metric.npv_eur": "NCW (centrale aannames)",
    "compare.metric.payback_year": "Terugverdientijd",
    "compare.metric.frontline_fte_freed": "Vrijgemaakte VTE op het terrein",
    "compare.metric.baseline_annual_cost_eur": "Huidige kost (€/jaar)",
    "compare.metric.pooled_annual_cost_eur": "Gedeelde kost (€/jaar)",
    "compare.metric.setup_cost_eur": "Opstartkost",
    "compare.metric.irr": "Intern rendement",
    "compare.metric.vat_exempt": "Btw-vrijstelling",
    "compare.metric.members_count": "Aantal leden",
    # --- aannames -------------------------------------------------------------------------------
    "assumptions.title": "Aannames",
    "assumptions.intro": "Alle aannames van het model, met eenheid, plausibel bereik, bron en "
                         "bewijsniveau. Wijzig een waarde in de kolom 'Waarde': ze geldt voor "
                         "het huidige scenario.",
    "assumptions.none_changed": "Geen aanname gewijzigd: overal standaardwaarden.",
    "assumptions.changed_title.one": "**{n} aanname gewijzigd**",
    "assumptions.changed_title.other": "**{n} aannames gewijzigd**",
    "assumptions.changed_line": "✏️ {description}: **{value}** {unit} (standaard {default})",
    "assumptions.reset_one": "Herstellen",
    "assumptions.reset_all": "Alles herstellen",
    "assumptions.filter_grade": "Bewijsniveau",
    "assumptions.not_a_number": "dit is geen getal: '{value}'. Voorbeeld: 1.234,5",
    "assumptions.refused": "Waarde geweigerd (de vorige blijft behouden):",
    "assumptions.col.changed": "Gewijzigd",
    "assumptions.col.group": "Groep",
    "assumptions.col.description": "Aanname",
    "assumptions.col.value": "Waarde",
    "assumptions.col.value.help": "Aanpasbaar. Aandelen en percentages in %: typ 3 voor "
                                  "3 %. Decimale komma: 0,5.",
    "assumptions.col.unit": "Eenheid",
    "assumptions.col.default": "Standaard",
    "assumptions.col.range": "Plausibel bereik",
    "assumptions.col.grade": "Bewijs",
    "assumptions.col.source": "Bron",
    "assumptions.grades_note": "[B] Belgische bron · [F] buitenlandse proxy · [D] afgeleid · "
                               "[G] schatting — schattingen verdienen een controle met uw eigen "
                               "cijfers.",
    "grade.B": "Belgische bron",
    "grade.F": "buitenlandse proxy",
    "grade.D": "afgeleid",
    "grade.G": "schatting",
    # --- delen ----------------------------------------------------------------------------------
    "share.title": "Bewaren en delen",
    "share.intro": "Download het scenario als YAML om het later opnieuw te openen, deel een "
                   "link of exporteer de resultaten.",
    "share.yaml": "Scenariobestand (YAML)",
    "share.download_yaml": "Scenario downloaden (YAML)",
    "share.download_table": "Ledentabel downloaden (CSV)",
    "share.own_table": "Dit scenario gebruikt uw ledentabel '{name}': bewaar ze bij het "
                       "YAML-bestand en laad ze samen op.",
    "share.upload_yaml": "Een scenario openen (YAML, hoogstens 5 MB)",
    "share.upload_yaml.help": "Een bestand dat u via deze pagina downloadde of met de hand "
                              "schreef (zie de map scenarios/).",
    "share.upload_failed": "Het scenario kon niet geopend worden:",
    "share.loaded": "Scenario '{name}' geopend.",
    "share.link": "Deellink",
    "share.link.help": "Deze link opent hetzelfde scenario opnieuw ({chars} tekens). Hij bevat "
                       "het scenario zelf: er wordt niets op de server bewaard.",
    "share.put_in_address_bar": "De link in de adresbalk zetten",
    "share.link.own_table": "De link bevat uw ledentabel niet: wie hem opent, moet die "
                            "opladen.",
    # --- structuren en waarschuwingen van het model ---------------------------------------------
    "vehicle.desc.employer_group": "Vzw met als enig doel werknemers ter beschikking te stellen "
                                   "van haar leden (wet van 12 augustus 2000): minstens 3 "
                                   "leden, ministeriële toelating (~40 dagen), hoogstens 50 "
                                   "werknemers, leden hoofdelijk aansprakelijk.",
    "vehicle.desc.cost_sharing_association": "Zelfstandige groepering van personen (art. 44 "
                                             "§2bis Btw-wetboek): vrijstelling mogelijk voor "
                                             "activiteiten van algemeen belang (arresten Aviva "
                                             "en DNB Banka, 2017).",
    "vehicle.desc.commercial_provider": "Diensten aangekocht bij een bedrijf: 21 % btw en de "
                                        "marge van de dienstverlener.",
    "vehicle.desc.lead_member": "Eén lid levert de dienst aan de anderen en factureert hem.",
    "vehicle.desc.colocation_lease": "Gemeenschappelijke huurovereenkomst voor gedeelde "
                                     "ruimten: verhuur van onroerend goed is btw-vrijgesteld "
                                     "(art. 44 §3, 2°).",
    "vehicle.desc.purchasing_central": "Aankoopcentrale (wet van 17 juni 2016 inzake "
                                       "overheidsopdrachten, art. 2 en 47).",
    "vehicle.warning.lead_member": "Terbeschikkingstelling van personeel is in principe "
                                   "verboden (wet van 24 juli 1987), behalve voor korte, "
                                   "gemelde periodes: geen duurzame structuur.",
    "warning.staff_cap": "De pool heeft {fte} VTE nodig, maar het voertuig '{vehicle}' is "
                         "beperkt tot {cap} werknemers.",
    "warning.estimates.one": "{n} huidige kost is een schatting (geen opgegeven kost): "
                             "werkelijk opgegeven kosten zijn betrouwbaarder.",
    "warning.estimates.other": "{n} huidige kosten zijn schattingen (geen opgegeven kost): "
                               "werkelijk opgegeven kosten zijn betrouwbaarder.",
    # --- methode --------------------------------------------------------------------------------
    "method.title": "De methode in een paar woorden",
    **METHOD,
    **EVIDENCE,
    **UNCERTAINTY,
    **FUNDING,
    **BRIEF,
    **FAIR_SPLIT,
    **BATCH,
    **HONEST,
    **MODEL_V2,
    **STAFF,
    **POOL_STATE,
    **WORKBOOK,
    **CARDS,
}
