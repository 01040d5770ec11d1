"""Textes de la note au conseil d'administration (``simulator.report``) et de son bouton."""

BRIEF: dict[str, str] = {
    "brief.kicker": "Note au conseil d'administration et à l'assemblée générale",
    "brief.generated": "Établie le {date} · Mutualise, modèle {version}",
    "brief.s.question": "1. La question et les membres",
    "brief.question": "Faut-il mutualiser {functions} entre {n} membres, au sein du véhicule "
                      "« {vehicle} », sur {years} ans ? Clé de répartition : {allocation}.",
    "brief.col.function": "Fonction",
    "brief.col.members_pooling": "Membres qui la mutualisent",
    "brief.members_list": "Membres : {names}.",
    "brief.s.headline": "2. Le résultat, avec son incertitude",
    "brief.headline.npv": "Valeur actuelle nette sur {years} ans",
    "brief.headline.saving": "Économie nette par an (régime de croisière)",
    "brief.headline.p_positive": "Probabilité d'une VAN positive",
    "brief.headline.median": "médiane",
    "brief.headline.band": "8 cas sur 10 entre {p10} et {p90} (P10–P90)",
    "brief.headline.draws": "sur {draws} tirages Monte Carlo",
    "brief.headline.central": "Hypothèses centrales (valeur la plus probable de chaque hypothèse) : "
                              "VAN {npv}, économie nette {saving} par an, retour {payback}. "
                              "Ce calcul se situe au {pct}e centile des tirages.",
    "brief.headline.payback_mc": "Année de retour, médiane des tirages : {median} ; "
                                 "retour dans l'horizon dans {share} des tirages.",
    "brief.payback_year": "année {year}",
    "brief.payback_never": "pas dans l'horizon",
    "brief.s.waterfall": "3. Du coût actuel au coût mutualisé",
    "brief.waterfall.caption": "Hypothèses centrales, € par an en régime de croisière. Vert : "
                               "économie ; rouge : coût ajouté ; bleu : total.",
    "brief.s.members": "4. Qui paie quoi, qui gagne",
    "brief.members.caption": "Hypothèses centrales, € par an ; « chance de gagner » : part des "
                             "tirages Monte Carlo où le membre paie moins que seul.",
    "brief.col.name": "Membre",
    "brief.col.standalone": "Coût seul (€/an)",
    "brief.col.allocated": "Paie dans le pool (€/an)",
    "brief.col.gain": "Gain (€/an)",
    "brief.col.gain_pct": "Gain (%)",
    "brief.col.rational": "Gagne à participer ?",
    "brief.yes": "Oui",
    "brief.no_loses": "Non — perd",
    "brief.col.p_better": "Chance de gagner",
    "brief.col.other": "Mise en place, départs, subsides (€/an)",
    "brief.fair.ok": "Contrôle d'équité : avec la clé {allocation}, aucun membre ne paie plus "
                     "que s'il restait seul.",
    "brief.fair.losers": "Contrôle d'équité : avec la clé {allocation}, ces membres paieraient plus "
                         "que hors du pool : {names} — un membre perdant risque de partir. Voir la "
                         "page « Répartition équitable » ou « mutualise allocate ».",
    "brief.total": "Total",
    "brief.s.cashflows": "5. Flux de trésorerie et retour sur investissement",
    "brief.cashflows.caption": "Hypothèses centrales : flux net de chaque année (mise en place en "
                               "année 0) et cumul. Retour : {payback}.",
    "brief.s.drivers": "6. Les trois hypothèses qui pèsent le plus",
    "brief.drivers.caption": "Chaque hypothèse seule à son P10 puis à son P90, les autres à leur "
                             "valeur centrale (VAN centrale : {base}).",
    "brief.driver": "{label} : de {low} à {high} {unit} → VAN de {out_low} à {out_high}.",
    "brief.drivers.none": "Aucune hypothèse incertaine dans ce scénario.",
    "brief.s.vat": "7. TVA et véhicule juridique",
    "brief.vehicle": "Véhicule : {vehicle}. Base légale : {source}.",
    "brief.s.assumptions": "8. Hypothèses modifiées par rapport aux valeurs par défaut",
    "brief.col.assumption": "Hypothèse",
    "brief.col.value": "Valeur retenue",
    "brief.col.default": "Défaut",
    "brief.col.unit": "Unité",
    "brief.col.source": "Source du défaut",
    "brief.col.grade": "Qualité",
    "brief.assumptions.none": "Aucune : toutes les hypothèses sont celles du catalogue "
                              "(voir « mutualise params »).",
    "brief.assumptions.range": "fourchette {dist} {low} – {high}",
    "brief.assumptions.set_by": "Valeurs retenues par le scénario ; les autres hypothèses varient "
                                "dans les tirages selon la fourchette du catalogue.",
    "brief.grades": "Qualité : [B] source belge · [F] référence étrangère · [D] dérivée · "
                    "[G] estimation à confirmer.",
    "brief.s.limits": "9. Limites du modèle",
    "brief.limit.simulation": "Une simulation, pas un avis juridique ou fiscal : faites valider le "
                              "montage (TVA, statuts, contrats) par un conseil.",
    "brief.limit.grades": "Les hypothèses notées [G] sont des estimations en attente de données "
                          "belges ; la fourchette P10–P90 ne couvre que les incertitudes décrites.",
    "brief.limit.estimates": "Coûts actuels estimés faute de coût déclaré : {n}. Les coûts réels "
                             "déclarés par les membres sont plus fiables.",
    "brief.limit.vat": "Le modèle ne peut pas juger si l'exonération de TVA fausse la concurrence.",
    "brief.limit.exit": "Le risque de départ est une valeur attendue au premier ordre ; l'accueil "
                        "mutualisé suppose des heures d'ouverture emboîtées.",
    "brief.warnings": "Avertissements du calcul :",
    "brief.reproduce": "Pour reproduire cette note :",
    "brief.provenance": "Modèle {version} · empreinte du scénario {scenario_hash} · empreinte des "
                        "paramètres {parameter_hash} · graine {seed} · {draws} tirages · {date}",
    "brief.figure": "Figure {n}",
    "brief.page": "page",
    # --- bouton de l'application -------------------------------------------------------------
    "brief.button": "Télécharger la note",
    "brief.button.help": "Une note de deux à quatre pages pour le conseil d'administration : "
                         "résultat médian et sa fourchette, répartition, flux, TVA, hypothèses.",
    "brief.button.html": "Note (HTML)",
    "brief.button.unavailable": "La note PDF demande Chromium et kaleido (extra « report ») ; "
                                "utilisez la ligne de commande « mutualise brief ».",
    "brief.section.sector": "Note pour le financeur",
    "brief.section": "Note pour le conseil d'administration",
}
