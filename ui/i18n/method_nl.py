"""Pagina 'Methode' in het Nederlands (Markdown-tekst)."""

METHOD: dict[str, str] = {
    "method.what.title": "Wat het model doet",
    "method.what.body": (
        "Mutualise vergelijkt voor elk lid wat zijn ondersteunende functies (boekhouding, "
        "loonadministratie, IT, onthaal, huisvesting, aankopen…) **vandaag** kosten met wat het "
        "zou betalen **in een samenwerkingsverband** met andere vzw's. Het toont de winst, maar "
        "ook alles wat die winst opeet, per lid en per jaar.\n\n"
        "Door de leden opgegeven kosten gaan altijd voor; ontbreekt een kost, dan wordt die "
        "geschat (VTE × kost van een functie) en als schatting gemarkeerd. Uren die een "
        "directeur of maatschappelijk werker aan boekhouding besteedt, tellen ook mee: die "
        "vrijmaken is vaak de echte winst."),
    "method.costs.title": "Waar de besparingen vandaan komen",
    "method.costs.body": (
        "- **Personeel** (boekhouding, loonadministratie, IT…): de werklast groeit minder snel "
        "dan het volume; een gedeelde dienst heeft minder VTE nodig dan de som van de kleine "
        "deeltijdse functies. Functies worden één keer afgerond in plaats van per vzw.\n"
        "- **Onthaal**: een balie kost openingsuren, ongeacht het aantal bezoekers; delen kan "
        "alleen op een gemeenschappelijke site.\n"
        "- **Aankopen**: de eenheidsprijs daalt wat met het volume (begrensd), en een "
        "aankoopcentrale bespaart overheidsopdrachten.\n"
        "- **Vaste kosten** (software, uitrusting): één licentie voor allen in plaats van één "
        "per lid.\n"
        "- **Huisvesting**: ieder houdt zijn eigen kantoren; gemeenschappelijke ruimten "
        "(vergaderzalen, keuken, opslag) worden gedeeld."),
    "method.eats.title": "Wat de winst opeet",
    "method.eats.body": (
        "- **Opstart** (jaar 0): oprichting van de structuur, harmonisering van procedures, "
        "IT-migratie, verhuis — vermenigvuldigd met een overschrijdingsfactor (projecten voor "
        "gedeelde diensten overschrijden vaak hun budget).\n"
        "- **Coördinatie** elk jaar: bestuur (algemene vergaderingen, stuurgroepen), beheer van "
        "de dienst, onderlinge afstemming die groeit met het aantal paren, verplaatsingen, "
        "heterogeniteit (verschillende sectoren, software, paritaire comités).\n"
        "- **Btw**: de meeste sociale en gezondheids-vzw's zijn vrijgesteld en kunnen geen btw "
        "recupereren. Een dienst gefactureerd door een gemeenschappelijke entiteit draagt 21 % "
        "btw, tenzij de vrijstelling voor zelfstandige groeperingen (art. 44 §2bis) geldt. "
        "Zonder die vrijstelling moet je al 17,4 % besparen om quitte te spelen.\n"
        "- **Uittredingen**: elk jaar kan een lid vertrekken; de anderen dragen het vaste deel "
        "van zijn kost tot de dienst is bijgesteld."),
    "method.time.title": "In de tijd",
    "method.time.body": (
        "Jaar 0 draagt de opstart; de besparingen groeien geleidelijk (bijvoorbeeld 0 %, 50 %, "
        "dan 100 %). Lonen en huren worden geïndexeerd. De stromen worden geactualiseerd tot de "
        "**netto contante waarde**, het **terugverdienjaar** en het **interne rendement**. De "
        "nettobesparing wordt ook uitgedrukt in **vrijgemaakte VTE op het terrein**: de sector "
        "denkt in capaciteit, niet in euro. Subsidies (opstartsteun, coördinatiesubsidie…) komen "
        "bij de stromen van de leden."),
    "method.split.title": "Wie betaalt wat",
    "method.split.body": (
        "De gemeenschappelijke kost wordt verdeeld volgens een sleutel: het **gebruik** (volume "
        "van elk lid, de standaard die past bij de btw-vrijstelling), de **huidige kost** van "
        "elk lid, of **gelijke delen**. Per lid controleert het model de **individuele "
        "rationaliteit**: betaalt het meer dan alleen? Een lid dat verliest, vertrekt vroeg of "
        "laat — daarom staat het in het rood."),
    "method.numbers.title": "De aannames",
    "method.numbers.body": (
        "Elk gebruikt getal is zichtbaar en aanpasbaar op de pagina **Aannames**, met eenheid, "
        "plausibel bereik, bron en bewijsniveau: [B] Belgische bron, [F] buitenlandse proxy, "
        "[D] afgeleid, [G] schatting. Bedragen staan in Belgisch formaat: in het Nederlands "
        "volgens Vlaams gebruik (€ 1.234,56), in het Frans 1 234,56 €."),
    "method.limits.title": "De grenzen",
    "method.limits.body": (
        "- Dit is **een simulatie, geen juridisch of fiscaal advies**. Het model controleert de "
        "voorwaarden van de btw-vrijstelling die het kan zien (structuur, marge, activiteiten "
        "van de leden, verdeelsleutel), maar bijvoorbeeld niet de concurrentieverstoring.\n"
        "- De vzw's in de steekproef zijn **fictief**; hun cijfers zijn plausibel, niet echt.\n"
        "- Veel aannames zijn schattingen [G]: test ze (pagina Aannames) en vergelijk varianten "
        "voor u beslist.\n"
        "- Het model meet niet de kwaliteit van de dienst, het vertrouwen tussen de leden of de "
        "kost van verloren autonomie — bespreek dat samen."),
}
