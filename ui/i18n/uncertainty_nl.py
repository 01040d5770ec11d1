"""Pagina 'Onzekerheid' in het Nederlands (zelfde sleutels als ``uncertainty_fr.py``)."""

UNCERTAINTY: dict[str, str] = {
    "uncertainty.title": "Onzekerheid",
    "uncertainty.intro": "Elke onzekere aanname wordt willekeurig binnen haar vork getrokken "
                         "(pagina Aannames) en het model wordt voor elke trekking herberekend. "
                         "Waarden die u zelf hebt vastgelegd, blijven vast.",
    "uncertainty.settings": "Instellingen van de simulatie",
    "uncertainty.draws": "Aantal trekkingen",
    "uncertainty.draws.help": "Meer trekkingen: nauwkeuriger kansen, langere berekening "
                              "(hoogstens 100.000).",
    "uncertainty.seed": "Startwaarde van het toeval",
    "uncertainty.seed.help": "Zelfde instellingen en startwaarde: precies dezelfde cijfers.",
    "uncertainty.run": "Simulatie starten",
    "uncertainty.running": "Simulatie van {draws} trekkingen…",
    "uncertainty.run_caption": "{draws} trekkingen · startwaarde {seed} · {n} onzekere aannames",
    "uncertainty.headline.other": "Er is {p} kans dat de pool zichzelf binnen {years} jaar "
                            "terugverdient.",
    "uncertainty.headline.one": "Er is {p} kans dat de pool zichzelf binnen 1 jaar terugverdient.",
    "uncertainty.within": "Terugverdiend binnen hoeveel jaar?",
    "uncertainty.p_npv_positive": "Kans op een positieve NCW",
    "uncertainty.p_npv_positive.help": "Aandeel van de trekkingen waarin de netto contante "
                                       "waarde over de horizon positief is.",
    "uncertainty.npv_p50": "Mediane NCW",
    "uncertainty.npv_p50.help": "Eén kans op twee om beter te doen. 8 kansen op 10 tussen {p10} "
                                "en {p90}.",
    "uncertainty.saving_p50": "Mediane jaarlijkse nettobesparing",
    "uncertainty.saving_p50.help": "8 kansen op 10 tussen {p10} en {p90} per jaar.",
    "uncertainty.payback_p50": "Mediane terugverdientijd",
    "uncertainty.payback_p50.help": "Jaar waarin de gecumuleerde kasstroom positief wordt in de "
                                    "helft van de trekkingen. Terugverdiend binnen de horizon: "
                                    "{p}.",
    "uncertainty.central": "Zonder onzekerheid (alle aannames op hun centrale waarde) zou de NCW "
                           "{npv} bedragen.",
    "uncertainty.converged": "Stabiel: met {draws} trekkingen is de kans tot op ±{hw} "
                             "procentpunt bekend; meer trekkingen zouden ze niet veranderen.",
    "uncertainty.converged_tight": "Stabiel: met {draws} trekkingen is de kans tot op minder dan "
                                   "0,1 procentpunt bekend; meer trekkingen zouden ze niet "
                                   "veranderen.",
    "uncertainty.not_converged": "Nog niet stabiel met {draws} trekkingen: herstart met "
                                 "ongeveer {suggested} trekkingen voor betrouwbare cijfers.",
    "uncertainty.no_uncertainty": "Geen enkele aanname is onzeker in dit scenario: elke "
                                  "trekking geeft hetzelfde resultaat.",
    "uncertainty.histogram": "Verdeling van de netto contante waarde",
    "uncertainty.histogram.help": "Elke staaf: het aandeel trekkingen waarvan de NCW in dat "
                                  "interval valt. Rechts van nul is de pool rendabel.",
    "uncertainty.axis.share": "Aandeel van de trekkingen (%)",
    "uncertainty.marker.zero": "Rendabiliteitsdrempel",
    "uncertainty.marker.central": "Centrale waarde",
    "uncertainty.fan": "Gecumuleerde netto kasstroom: de vork van het mogelijke",
    "uncertainty.fan.help": "Lichte band: 8 kansen op 10; donkere band: 1 kans op 2; lijn: de "
                            "mediaan.",
    "uncertainty.band.p10_p90": "P10–P90",
    "uncertainty.band.p25_p75": "P25–P75",
    "uncertainty.median": "Mediaan",
    "uncertainty.tornado": "Welke aannames wegen het zwaarst?",
    "uncertainty.tornado.help": "Elke aanname alleen op haar P10 en dan op haar P90, de andere "
                                "op hun centrale waarde: effect op de NCW. De langste staven "
                                "verdienen de beste gegevens.",
    "uncertainty.members": "Wint elk lid?",
    "uncertainty.members.help": "Kans dat het lid in de pool minder betaalt dan alleen "
                                "(opstart en uittredingsrisico inbegrepen).",
    "uncertainty.axis.p_better": "Kans om te winnen (%)",
    "uncertainty.col.member": "Lid",
    "uncertainty.col.p_better": "Kans om te winnen",
    "uncertainty.col.p_worse": "Risico om te verliezen",
    "uncertainty.col.gain_p10": "Jaarlijkse winst P10",
    "uncertainty.col.gain_p50": "Mediane jaarlijkse winst",
    "uncertainty.col.gain_p90": "Jaarlijkse winst P90",
    "uncertainty.distributions": "Onzekere aannames en hun vorken",
    "uncertainty.col.parameter": "Aanname",
    "uncertainty.col.dist": "Verdeling",
    "uncertainty.col.p10": "P10",
    "uncertainty.col.base": "Centrale waarde",
    "uncertainty.col.p90": "P90",
    "uncertainty.col.unit": "Eenheid",
    "uncertainty.col.source": "Herkomst",
    "uncertainty.source.catalogue": "catalogus",
    "uncertainty.source.scenario": "scenario",
    "uncertainty.source.fixed": "vast",
    "uncertainty.dist.fixed": "vast",
    "uncertainty.dist.uniform": "uniform",
    "uncertainty.dist.triangular": "driehoekig",
    "uncertainty.dist.pert": "PERT",
    "uncertainty.dist.truncnormal": "afgeknot normaal",
    "uncertainty.dist.lognormal": "lognormaal",
    "field.uncertainty": "Onzekerheid",
    "field.correlations": "Correlaties",
}
