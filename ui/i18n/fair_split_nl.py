"""De pagina « Eerlijke verdeling » in het Nederlands (zelfde sleutels als ``fair_split_fr.py``)."""

FAIR_SPLIT: dict[str, str] = {
    "nav.fair_split": "Eerlijke verdeling",
    "fair.title": "Eerlijke verdeling",
    "fair.intro": "Wie betaalt wat in de pool? Elke methode verdeelt dezelfde totale kost; ze "
                  "verschillen in het deel van de besparing dat elk lid krijgt. Een pool houdt "
                  "alleen stand als geen enkel lid, en geen groep leden, alleen beter af is.",
    "fair.summary": "De pool kost {cost} per jaar. Elk apart zouden de leden {standalone} per "
                    "jaar betalen.",
    "fair.too_many": "Deze pool telt {n} leden. De exacte methoden (exacte Shapley, nucleolus, "
                     "stabiliteitstoets) vragen hoogstens {limit} leden: de Shapley-waarde wordt "
                     "geschat op basis van willekeurige volgordes van toetreding.",
    "fair.samples": "Aantal volgordes",
    "fair.samples.help": "Meer volgordes: een nauwkeurigere schatting, een langere berekening.",
    "fair.seed": "Toevalszaad",
    "fair.run": "Herberekenen",
    "fair.sampled": "Shapley geschat op {samples} volgordes (zaad {seed}); grootste "
                    "standaardfout: {se}.",
    "fair.nucleolus_skipped": "De nucleolus wordt niet berekend boven {limit} leden.",
    "fair.running": "Kost van elke deelgroep van de pool berekenen…",
    "fair.tab.table": "Methoden naast elkaar",
    "fair.tab.chart": "Wie betaalt wat",
    "fair.tab.core": "Stabiliteit",
    "fair.tab.vat": "Btw",
    "fair.tab.pools": "Pools voorstellen",
    "fair.col.member": "Lid",
    "fair.col.standalone": "Alleen (€/jaar)",
    "fair.method.proportional": "Sleutel van het scenario",
    "fair.method.equal": "Gelijke delen",
    "fair.explain.proportional": "Sleutel van het scenario: de verdeling van de pagina "
                                 "Resultaten ({rule}).",
    "fair.explain.equal": "Gelijke delen: de kost van de pool gedeeld door het aantal leden.",
    "fair.chart.title": "Wie betaalt wat, per methode",
    "fair.chart.help": "Elke staaf: wat een lid per jaar betaalt volgens een methode. De zwarte "
                       "ruit: wat het alleen zou betalen. Een staaf boven de ruit: het lid "
                       "verliest bij deelname.",
    "fair.chart.standalone": "Alleen",
    "fair.chart.axis": "€ per jaar",
    "fair.core.help": "Een verdeling is stabiel (in de \"kern\") als geen enkel lid en geen "
                      "groep leden minder zou betalen door apart een pool te vormen.",
    "fair.core.empty": "Geen enkele verdeling kan stabiel zijn: welke sleutel ook, een lid of "
                       "een groep zou alleen minder betalen. Herzie de omvang (leden, functies) "
                       "of de financiering.",
    "fair.core.exists": "Er bestaat een stabiele verdeling: de nucleolus is er een van.",
    "fair.core.in": "**{method}**: stabiel — geen lid of groep zou alleen minder betalen.",
    "fair.core.out_one": "**{method}**: niet stabiel — {group} zou alleen {amount} per jaar "
                         "minder betalen.",
    "fair.core.out_group": "**{method}**: niet stabiel — de groep {group} zou met een eigen "
                           "pool {amount} per jaar minder betalen.",
    "fair.core.out_all_but": "**{method}**: niet stabiel — alle leden behalve {group} zouden "
                             "samen {amount} per jaar minder betalen.",
    "fair.core.unchecked": "**{method}**: stabiliteit niet getoetst (meer dan {limit} leden: niet "
                           "elke deelgroep kan worden berekend).",
    "fair.vat.help": "De btw-vrijstelling van kostendelende verenigingen (art. 44 §2bis) vereist "
                     "dat elk lid precies zijn deel van de gemeenschappelijke kosten terugbetaalt. "
                     "Welke methoden tonen dat onbetwistbaar aan?",
    "fair.vat.col.method": "Methode",
    "fair.vat.col.status": "Btw-vrijstelling",
    "fair.vat.col.why": "Waarom",
    "fair.vat.status.safe": "Veilig",
    "fair.vat.status.to_document": "Te documenteren",
    "fair.vat.status.unsafe": "In gevaar",
    "fair.vat.status.not_applicable": "Niet van toepassing",
    "fair.vat.why.safe": "Een sleutel op basis van kosten, zonder marge: elk lid betaalt zijn "
                         "deel van de gemeenschappelijke kosten terug.",
    "fair.vat.why.to_document": "Herverdeelt de besparing volgens de alternatieven van elk lid: "
                                "neem de sleutel op in de overeenkomst en laat hem valideren.",
    "fair.vat.why.unsafe": "De delen komen niet overeen met de gemeenschappelijke kosten.",
    "fair.vat.context.taxable": "Met dit voertuig worden diensten met btw gefactureerd, welke "
                                "sleutel ook: de vrijstelling is niet beschikbaar.",
    "fair.vat.context.exempt": "Met dit voertuig (een huurovereenkomst) geldt geen btw, welke "
                               "sleutel ook.",
    "fair.vat.context.unsafe": "Een voorwaarde van de vrijstelling faalt, welke sleutel ook (zie "
                               "Resultaten › Btw).",
    "fair.pools.intro": "Welke pools brengen het meest op onder de kandidaat-organisaties, "
                        "waarbij elk lid beter af is dan alleen? Exact tot 16 kandidaten per "
                        "groep, heuristisch daarboven.",
    "fair.pools.candidates": "Kandidaten: {n} organisaties ({source}).",
    "fair.pools.source.sample": "de meegeleverde steekproef",
    "fair.pools.source.custom": "uw tabel",
    "fair.pools.functions": "Te delen functies",
    "fair.pools.functions.help": "Lokalen en onthaal vragen een gedeeld gebouw (vakje "
                                 "hieronder).",
    "fair.pools.max_size": "Grootste pool",
    "fair.pools.same": "Alleen tussen organisaties met dezelfde…",
    "fair.pools.same.none": "geen beperking",
    "fair.pools.same.commune": "gemeente",
    "fair.pools.same.subsector": "deelsector",
    "fair.pools.shared_site": "Elke pool trekt in één gedeeld gebouw",
    "fair.pools.no_functions": "Kies minstens één functie.",
    "fair.pools.needs_site": "Lokalen en onthaal worden alleen in eenzelfde gebouw gedeeld: vink « "
                             "Elke pool trekt in één gedeeld gebouw » aan of verwijder ze.",
    "fair.pools.run": "Pools voorstellen",
    "fair.pools.running": "Beste pools zoeken…",
    "fair.pools.total": "Totale nettowinst (€/jaar)",
    "fair.pools.count": "Voorgestelde pools",
    "fair.pools.alone": "Blijven alleen",
    "fair.pools.optimal": "De best mogelijke verdeling (bewezen).",
    "fair.pools.none": "Geen enkele pool brengt genoeg op: elke kandidaat is met deze "
                       "instellingen alleen beter af.",
    "fair.pools.pool": "Pool {k}: {n} leden, winst {benefit} per jaar",
    "fair.pools.col.member": "Lid",
    "fair.pools.col.commune": "Gemeente",
    "fair.pools.col.subsector": "Deelsector",
    "fair.pools.col.standalone": "Alleen (€/jaar)",
    "fair.pools.col.pays": "In de pool (€/jaar)",
    "fair.pools.col.gain": "Winst (€/jaar)",
    "fair.pools.split": "Winst berekend door de kost van elke pool te verdelen naar rato van de "
                        "eigen kosten.",
    "fair.method.shapley": "Gemiddelde bijdrage",
    "fair.method.nucleolus": "Maximale stabiliteit",
    "fair.method.scrb": "Eerst de eigen kosten",
    "fair.method.standalone": "Naar rato van de huidige kost",
    "fair.explain.shapley": "Gemiddelde bijdrage (Shapley-waarde): elk lid betaalt de gemiddelde meerkost "
                            "die het aan de pool toevoegt, over alle mogelijke volgordes van toetreding.",
    "fair.explain.nucleolus": "Maximale stabiliteit (nucleolus): maakt de groep die het meest geneigd is te "
                              "vertrekken zo weinig mogelijk geneigd.",
    "fair.explain.scrb": "Eerst de eigen kosten (SCRB-methode): elk lid betaalt de kosten die het alleen "
                         "toevoegt, dan de rest naar rato van wat het bespaart.",
    "fair.explain.standalone": "Naar rato van de huidige kost: de kost van de pool verdeeld volgens wat elk "
                               "lid vandaag betaalt.",
    "fair.table.measure": "Toon",
    "fair.table.measure.pays": "wat elk lid betaalt",
    "fair.table.measure.gain": "wat elk lid wint",
    "fair.table.help": "Per lid: wat het vandaag buiten de pool betaalt, dan per methode wat het in de pool "
                       "betaalt of wint (€ per jaar). In het rood: een lid dat meer zou betalen dan buiten "
                       "de pool.",
    "fair.core.worse_off": "Leden die meer zouden betalen dan buiten de pool: {n}.",
    "fair.rec.title": "Aanbevolen verdeling: {method}",
    "fair.rec.reason.stable_safe": "Geen enkel lid en geen groep leden zou minder betalen door te "
                                   "vertrekken, en de sleutel volgt de kosten: de btw-vrijstelling van "
                                   "kostendelende verenigingen komt niet in het gedrang.",
    "fair.rec.reason.stable_documented": "Dit is de enige verdeling waarin niemand baat heeft bij "
                                         "vertrekken. Ze herverdeelt de besparing: neem ze op in de "
                                         "overeenkomst en laat ze valideren voor de btw-vrijstelling.",
    "fair.rec.reason.unstable": "Geen enkele verdeling houdt iedereen aan boord: met elke sleutel zou een "
                                "lid of een groep minder betalen buiten de pool. Deze verliest er het minst."
                                " Herzie de leden, de functies of de financiering.",
    "fair.rec.col.pays": "Betaalt in de pool (€/jaar)",
    "fair.rec.col.gain": "Winst (€/jaar)",
    "fair.rec.col.verdict": "Oordeel",
    "fair.rec.col.wins": "wint erbij",
    "fair.rec.col.loses": "verliest {amount} per jaar",
    "fair.rec.loser": "**{name}** zou {amount} per jaar meer betalen dan buiten de pool: dit lid dreigt te "
                      "vertrekken.",
    "fair.rec.group": "De groep **{group}** zou {amount} per jaar besparen met een eigen pool.",
    "fair.details": "Alle methoden tonen",
    "fair.details.help": "De zes manieren om de kost te verdelen, naast elkaar, met hun stabiliteit en btw-"
                         "behandeling.",
    "fair.pools.gap": "Hoogstens {gap} per jaar ({pct}) onder de best mogelijke verdeling (die hoogstens "
                      "{bound} zou opleveren).",
    "fair.pools.no_bound": "Benaderende zoektocht: te veel mogelijke pools om het beste resultaat te "
                           "garanderen; het voorstel is goed maar niet bewezen optimaal.",
    "fair.pools.open": "Openen in de bouwer",
    "fair.pools.open.help": "Vervangt de huidige pool door deze (kostendelende vereniging, kost verdeeld "
                            "naar rato van de huidige kost, zonder financiering).",
    "fair.pools.open.name": "Voorgestelde pool nr. {k}",
}
