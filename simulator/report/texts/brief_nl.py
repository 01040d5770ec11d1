"""Teksten van de nota voor de raad van bestuur (``simulator.report``) en van de knop."""

BRIEF: dict[str, str] = {
    "brief.kicker": "Nota voor de raad van bestuur en de algemene vergadering",
    "brief.generated": "Opgesteld op {date} · Mutualise, model {version}",
    "brief.s.question": "1. De vraag en de leden",
    "brief.question": "Moeten {n} leden {functions} bundelen in een {vehicle}, over {years} jaar? "
                      "Verdeelsleutel: {allocation}.",
    "brief.col.function": "Functie",
    "brief.col.members_pooling": "Leden die ze bundelen",
    "brief.members_list": "Leden: {names}.",
    "brief.s.headline": "2. Het resultaat, met zijn onzekerheid",
    "brief.headline.npv": "Netto contante waarde over {years} jaar",
    "brief.headline.saving": "Netto besparing per jaar (kruissnelheid)",
    "brief.headline.p_positive": "Kans op een positieve NCW",
    "brief.headline.median": "mediaan",
    "brief.headline.band": "8 op 10 gevallen tussen {p10} en {p90} (P10–P90)",
    "brief.headline.draws": "over {draws} Monte-Carlotrekkingen",
    "brief.headline.central": "Centrale aannames (meest waarschijnlijke waarde van elke aanname): "
                              "NCW {npv}, netto besparing {saving} per jaar, terugverdiend {payback}. "
                              "Deze berekening ligt op het {pct}e percentiel van de trekkingen.",
    "brief.headline.payback_mc": "Terugverdienjaar, mediaan van de trekkingen: {median}; "
                                 "terugverdiend binnen de horizon in {share} van de trekkingen.",
    "brief.payback_year": "jaar {year}",
    "brief.payback_never": "niet binnen de horizon",
    "brief.s.waterfall": "3. Van de huidige kost naar de gebundelde kost",
    "brief.waterfall.caption": "Centrale aannames, € per jaar op kruissnelheid. Groen: besparing; "
                               "rood: extra kost; blauw: totaal.",
    "brief.s.members": "4. Wie betaalt wat, wie wint",
    "brief.members.caption": "Centrale aannames, € per jaar; „kans om te winnen”: aandeel van de "
                             "Monte-Carlotrekkingen waarin het lid minder betaalt dan alleen.",
    "brief.col.name": "Lid",
    "brief.col.standalone": "Kost alleen (€/jaar)",
    "brief.col.allocated": "Betaalt in de samenwerking (€/jaar)",
    "brief.col.gain": "Winst (€/jaar)",
    "brief.col.gain_pct": "Winst (%)",
    "brief.col.rational": "Wint bij deelname?",
    "brief.yes": "Ja",
    "brief.no_loses": "Nee — verliest",
    "brief.col.p_better": "Kans om te winnen",
    "brief.col.other": "Opstart, vertrek en subsidies (€/jaar)",
    "brief.fair.ok": "Billijkheidstoets: met de sleutel {allocation} betaalt geen enkel lid meer "
                     "dan alleen.",
    "brief.fair.losers": "Billijkheidstoets: met de sleutel {allocation} zouden deze leden meer "
                         "betalen dan buiten de pool: {names} — een verliezend lid dreigt te "
                         "vertrekken. Zie de pagina „Billijke verdeling” of „mutualise allocate”.",
    "brief.total": "Totaal",
    "brief.s.cashflows": "5. Kasstromen en terugverdientijd",
    "brief.cashflows.caption": "Centrale aannames: netto kasstroom van elk jaar (opstart in jaar 0) "
                               "en cumulatief. Terugverdiend: {payback}.",
    "brief.s.drivers": "6. De drie aannames die het zwaarst wegen",
    "brief.drivers.caption": "Elke aanname alleen op haar P10 en dan op haar P90, de andere op hun "
                             "centrale waarde (centrale NCW: {base}).",
    "brief.driver": "{label}: van {low} tot {high} {unit} → NCW van {out_low} tot {out_high}.",
    "brief.drivers.none": "Geen onzekere aanname in dit scenario.",
    "brief.s.vat": "7. Btw en juridisch voertuig",
    "brief.vehicle": "Voertuig: {vehicle}. Rechtsgrond: {source}.",
    "brief.s.assumptions": "8. Aannames die afwijken van de standaardwaarden",
    "brief.col.assumption": "Aanname",
    "brief.col.value": "Gekozen waarde",
    "brief.col.default": "Standaard",
    "brief.col.unit": "Eenheid",
    "brief.col.source": "Bron van de standaard",
    "brief.col.grade": "Kwaliteit",
    "brief.assumptions.none": "Geen: alle aannames zijn die van de catalogus "
                              "(zie „mutualise params”).",
    "brief.assumptions.range": "vork {dist} {low} – {high}",
    "brief.assumptions.set_by": "Waarden gekozen door het scenario; de andere aannames variëren in "
                                "de trekkingen binnen de vork van de catalogus.",
    "brief.grades": "Kwaliteit: [B] Belgische bron · [F] buitenlandse referentie · [D] afgeleid · "
                    "[G] schatting, te bevestigen.",
    "brief.s.limits": "9. Grenzen van het model",
    "brief.limit.simulation": "Een simulatie, geen juridisch of fiscaal advies: laat de constructie "
                              "(btw, statuten, contracten) nakijken door een adviseur.",
    "brief.limit.grades": "Aannames met [G] zijn schattingen in afwachting van Belgische gegevens; "
                          "de P10–P90-vork dekt alleen de beschreven onzekerheden.",
    "brief.limit.estimates": "Huidige kosten die geschat zijn (geen opgegeven kost): {n}. De "
                             "werkelijke kosten van de leden zijn betrouwbaarder.",
    "brief.limit.vat": "Het model kan niet beoordelen of de btw-vrijstelling de concurrentie "
                       "verstoort.",
    "brief.limit.exit": "Het vertrekrisico is een verwachte waarde van eerste orde; het gedeelde "
                        "onthaal veronderstelt geneste openingsuren.",
    "brief.warnings": "Waarschuwingen van de berekening:",
    "brief.reproduce": "Om deze nota te reproduceren:",
    "brief.provenance": "Model {version} · vingerafdruk scenario {scenario_hash} · vingerafdruk "
                        "parameters {parameter_hash} · seed {seed} · {draws} trekkingen · {date}",
    "brief.figure": "Figuur {n}",
    "brief.page": "pagina",
    # --- knop in de toepassing ---------------------------------------------------------------
    "brief.button": "Nota downloaden",
    "brief.button.help": "Een nota van twee tot vier pagina's voor de raad van bestuur: mediaan "
                         "resultaat en vork, verdeling, kasstromen, btw, aannames.",
    "brief.button.html": "Nota (HTML)",
    "brief.button.unavailable": "De pdf-nota vereist Chromium en kaleido (extra „report”); "
                                "gebruik de opdrachtregel „mutualise brief”.",
    "brief.section.sector": "Nota voor de financier",
    "brief.section": "Nota voor de raad van bestuur",
}
