"""French and Dutch versions of the sources of the engine's parameters (Assumptions page).

The catalogue (``simulator/data/parameters.yaml``) states each source in English; English uses
it as is. A parameter without an entry here shows its English source, and
``tests/app/test_app_assumptions.py`` fails on the gap.
"""

_EST = {"fr": "Estimation", "nl": "Schatting"}
_STATBEL = {"fr": "Estimation ancrée sur l'enquête Statbel 2022 sur la structure des salaires",
            "nl": "Schatting verankerd in de Statbel-loonstructuurenquête 2022"}

#: Parameter name -> {language: source}.
SOURCES: dict[str, dict[str, str]] = {
    "employer_cost.months_per_year": {
        "fr": "12 salaires mensuels + prime de fin d'année + double pécule de vacances "
              "(commissions paritaires belges)",
        "nl": "12 maandlonen + eindejaarspremie + dubbel vakantiegeld (Belgische paritaire comités)"},
    "employer_cost.social_rate": {
        "fr": "Taux de cotisation patronale du non-marchand privé : 32,40 % avant réductions "
              "(ONSS)",
        "nl": "Werkgeversbijdrage in de private non-profit: 32,40 % vóór verminderingen (RSZ)"},
    "salary.receptionist": {
        "fr": "Estimation ancrée sur Statbel 2022 (brut moyen 4 076 € ; Bruxelles 4 748 €)",
        "nl": "Schatting verankerd in Statbel 2022 (gemiddeld bruto € 4.076; Brussel € 4.748)"},
    "salary.bookkeeper": _STATBEL,
    "salary.hr_officer": _STATBEL,
    "salary.it_support": _STATBEL,
    "salary.admin_finance_manager": _STATBEL,
    "salary.communication_officer": {
        "fr": "Estimation, entre les barèmes d'aide-comptable et de responsable administratif",
        "nl": "Schatting, tussen de barema's van boekhouder en administratief verantwoordelijke"},
    "salary.prevention_advisor": {
        "fr": "Estimation ; les conseillers en prévention de niveau 2 sont rares et mieux payés "
              "que les barèmes administratifs",
        "nl": "Schatting; preventieadviseurs van niveau 2 zijn schaars en beter betaald dan "
              "administratieve barema's"},
    "salary.cleaner": {
        "fr": "Estimation proche du minimum du secteur du nettoyage (commission paritaire 121)",
        "nl": "Schatting dicht bij het minimum van de schoonmaaksector (paritair comité 121)"},
    "work.hours_per_week": {
        "fr": "Semaine à temps plein habituelle en Belgique (38 h)",
        "nl": "Gebruikelijke voltijdse week in België (38 u)"},
    "work.weeks_per_year": {
        "fr": "52 semaines moins les congés légaux (4) et les jours fériés (2)",
        "nl": "52 weken min wettelijke vakantie (4) en feestdagen (2)"},
    "hidden_time.hourly_cost": {
        "fr": "Coût chargé d'un coordinateur / travailleur social (~65 k€) sur 38 h × 46 semaines",
        "nl": "Loonkost van een coördinator / maatschappelijk werker (~€ 65k) over 38 u × 46 weken"},
    "frontline.loaded_cost": {
        "fr": "Travailleur social au barème IFIC, coût chargé",
        "nl": "Maatschappelijk werker op IFIC-barema, totale loonkost"},
    "scale_exponent.accounting": {
        "fr": "Références étrangères de services partagés ; personnel RH pour 100 salariés : "
              "3,4 (≤ 250) → 1,2 (~1 000)",
        "nl": "Buitenlandse benchmarks van gedeelde diensten; HR-personeel per 100 werknemers: "
              "3,4 (≤ 250) → 1,2 (~1.000)"},
    "scale_exponent.payroll_hr": {
        "fr": "Dérivé des ratios de personnel RH : 3,4 pour 100 salariés (≤ 250) → 1,2 (~1 000)",
        "nl": "Afgeleid uit HR-personeelsratio's: 3,4 per 100 werknemers (≤ 250) → 1,2 (~1.000)"},
    "scale_exponent.it_support": {
        "fr": "Références étrangères de services partagés",
        "nl": "Buitenlandse benchmarks van gedeelde diensten"},
    "scale_exponent.communication": {
        "fr": "Estimation : la communication reste largement propre à chaque organisation",
        "nl": "Schatting: communicatiewerk blijft grotendeels eigen aan elke organisatie"},
    "scale_exponent.internal_audit": _EST,
    "scale_exponent.prevention_advisor": {
        "fr": "Estimation : les services externes de prévention mutualisent déjà cette fonction",
        "nl": "Schatting: externe preventiediensten bundelen deze functie al"},
    "scale_exponent.training": _EST,
    "scale_exponent.cleaning": {
        "fr": "Estimation : le nettoyage croît presque proportionnellement aux m²",
        "nl": "Schatting: schoonmaak groeit bijna evenredig met de m²"},
    "labour.post_fraction": {
        "fr": "Estimation : plus petit temps partiel qu'on peut engager (1/5 temps)",
        "nl": "Schatting: kleinste deeltijdse betrekking die men kan aanwerven (1/5)"},
    "labour.span_of_control": {
        "fr": "Estimation ; encadrement habituel des petites équipes administratives (10⁹ = pas "
              "de poste de coordination)",
        "nl": "Schatting; gebruikelijke leidinggevende spanwijdte in kleine administratieve teams "
              "(10⁹ = geen coördinatiefunctie)"},
    "labour.pay_harmonisation": {
        "fr": "Estimation : le personnel d'un groupement d'employeurs relève d'une seule "
              "commission paritaire ; le barème le plus élevé des membres s'applique",
        "nl": "Schatting: personeel van een werkgeversgroepering valt onder één paritair comité; "
              "het hoogste barema van de leden geldt"},
    "reception.cover_factor": {
        "fr": "Estimation : remplacements pendant les congés et les maladies",
        "nl": "Schatting: vervanging tijdens vakantie en ziekte"},
    "reception.visitor_threshold": _EST,
    "reception.extra_fte_per_100_visitors": _EST,
    "purchasing.price_elasticity": {
        "fr": "Estimation ; les 18–22 % annoncés par les fournisseurs relèvent du marketing",
        "nl": "Schatting; de 18–22 % die leveranciers beloven, is marketing"},
    "purchasing.discount_cap": _EST,
    "purchasing.reference_volume": {
        "fr": "Estimation : volume en dessous duquel un acheteur paie le prix catalogue",
        "nl": "Schatting: volume waaronder een koper de catalogusprijs betaalt"},
    "purchasing.buyer_fte_base": _EST,
    "purchasing.buyer_fte_per_meur": _EST,
    "purchasing.platform_cost": {
        "fr": "Estimation : plateforme de marchés publics en ligne / catalogue",
        "nl": "Schatting: platform voor elektronische aanbesteding / catalogus"},
    "purchasing.tender_cost": {
        "fr": "Estimation : temps de personnel et conseils pour une procédure de marché public "
              "sous les seuils",
        "nl": "Schatting: personeelstijd en advies voor een overheidsopdracht onder de drempels"},
    "purchasing.tenders_per_year": {
        "fr": "Estimation : une procédure par catégorie tous les quatre ans",
        "nl": "Schatting: één procedure per categorie om de vier jaar"},
    "software.fixed_cost": {
        "fr": "Estimation : licence de base d'un logiciel de comptabilité / de dossiers",
        "nl": "Schatting: basislicentie van boekhoud- of dossiersoftware"},
    "software.per_user_cost": _EST,
    "software.tier_users": {
        "fr": "Estimation : paliers de licence", "nl": "Schatting: licentieschijven"},
    "software.tier_step": _EST,
    "premises.rent": {
        "fr": "Bureaux à Bruxelles : prime 340–400 € (2023–24), moyenne pondérée 168–172 € "
              "(2011–14) ; moins pour le non-marchand",
        "nl": "Kantoren in Brussel: toplocatie € 340–400 (2023–24), gewogen gemiddelde € 168–172 "
              "(2011–14); lager voor de non-profit"},
    "premises.charges": _EST,
    "premises.scale_exponent": _EST,
    "premises.m2_per_fte": {
        "fr": "Mundo-B : 3 500 m² pour ~250 travailleurs",
        "nl": "Mundo-B: 3.500 m² voor ~250 werknemers"},
    "premises.common_share": {
        "fr": "Estimation : un quart à un tiers du total",
        "nl": "Schatting: een vierde tot een derde van het totaal"},
    "premises.moving_cost_per_fte": _EST,
    "premises.fitout_cost": _EST,
    "premises.lease_break_months": {
        "fr": "Estimation : les baux de bureaux belges permettent souvent de partir moyennant "
              "quelques mois d'indemnité",
        "nl": "Schatting: Belgische kantoorhuurcontracten laten vaak vertrek toe mits enkele "
              "maanden vergoeding"},
    "setup.share_of_pooled_cost": {
        "fr": "Estimation (faisabilité, harmonisation des processus, migration, formation)",
        "nl": "Schatting (haalbaarheid, harmonisering van processen, migratie, opleiding)"},
    "setup.overrun_factor": {
        "fr": "Cour des comptes britannique (NAO) 2012 : la mise en place des services partagés "
              "a dépassé le budget de 55 %",
        "nl": "Britse Rekenkamer (NAO) 2012: de opstart van gedeelde diensten overschreed het "
              "budget met 55 %"},
    "benefit.realisation": {
        "fr": "Cour des comptes britannique (NAO) 2012 et 2016 (économies bien sous les prévisions), études du "
              "non-marchand (1–2 % des dépenses) ; le plan lui-même est la valeur la plus probable ; "
              "docs/CALIBRATION.md",
        "nl": "Britse Rekenkamer (NAO) 2012 en 2016 (besparingen ver onder de prognose), studies over de "
              "non-profit (1–2 % van de uitgaven); het plan zelf is de meest waarschijnlijke waarde; "
              "docs/CALIBRATION.md"},
    "governance.hours_per_member_month": {
        "fr": "Estimation : comité de pilotage et assemblée générale",
        "nl": "Schatting: stuurgroep en algemene vergadering"},
    "governance.hourly_cost": {
        "fr": "Coût chargé d'un directeur d'ASBL (~80 k€) sur 38 h × 46 semaines",
        "nl": "Loonkost van een vzw-directeur (~€ 80k) over 38 u × 46 weken"},
    "coordination.service_hours": {
        "fr": "Estimation : suivi du niveau de service et facturation interne",
        "nl": "Schatting: opvolging van de dienstverlening en interne facturatie"},
    "coordination.pairwise_hours": _EST,
    "coordination.travel_hours_per_site": _EST,
    "coordination.heterogeneity_drag": _EST,
    "vehicle_creation.employer_group": {
        "fr": "Estimation : statuts, conseil juridique, dossier d'autorisation ministérielle, "
              "convention de responsabilité solidaire",
        "nl": "Schatting: statuten, juridisch advies, dossier voor ministeriële toelating, "
              "overeenkomst hoofdelijke aansprakelijkheid"},
    "vehicle_creation.cost_sharing_association": {
        "fr": "Estimation : statuts d'ASBL, convention de partage des frais, demande de décision "
              "anticipée TVA",
        "nl": "Schatting: vzw-statuten, kostendelingsovereenkomst, aanvraag btw-ruling"},
    "vehicle_creation.commercial_provider": {
        "fr": "Estimation : mise en concurrence et contrat avec un prestataire",
        "nl": "Schatting: aanbesteding en contract met een dienstverlener"},
    "vehicle_creation.lead_member": {
        "fr": "Estimation : conventions de service entre membres",
        "nl": "Schatting: dienstverleningsovereenkomsten tussen leden"},
    "vehicle_creation.colocation_lease": {
        "fr": "Estimation : convention de colocation et négociation du bail",
        "nl": "Schatting: medehuurovereenkomst en onderhandeling van de huur"},
    "vehicle_creation.purchasing_central": {
        "fr": "Estimation : accords-cadres et conventions d'adhésion",
        "nl": "Schatting: raamovereenkomsten en toetredingsovereenkomsten"},
    "vat.rate": {"fr": "Taux normal de TVA en Belgique", "nl": "Normaal btw-tarief in België"},
    "provider.margin": {
        "fr": "Estimation : marge des prestataires commerciaux",
        "nl": "Schatting: marge van commerciële dienstverleners"},
    "exit.hazard": {
        "fr": "Estimation ; NAO 2016 : 4 clients sur 26 ont quitté un centre de services partagés",
        "nl": "Schatting; NAO 2016: 4 van de 26 klanten verlieten een gedeeld dienstencentrum"},
    "exit.fixed_share": _EST,
    "exit.resize_years": _EST,
    "finance.discount_rate": _EST,
    "finance.wage_indexation": {
        "fr": "Estimation de l'indexation automatique des salaires en Belgique",
        "nl": "Schatting van de automatische loonindexering in België"},
    "finance.price_indexation": _EST,
    "finance.rent_indexation": {
        "fr": "Estimation (loyers indexés sur l'indice santé)",
        "nl": "Schatting (huurprijzen geïndexeerd op de gezondheidsindex)"},
    "labour.contract_floor": {
        "fr": "Loi du 3 juillet 1978 relative aux contrats de travail, art. 11bis : un temps partiel vaut au moins "
              "un tiers temps (des conventions sectorielles peuvent prévoir plus : borne haute)",
        "nl": "Wet van 3 juli 1978 betreffende de arbeidsovereenkomsten, art. 11bis: een deeltijdse betrekking is "
              "minstens een derde van voltijds (sectorakkoorden kunnen meer bepalen: bovengrens)"},
    "labour.learning_dip": {
        "fr": "Estimation (MODEL.md §8.3) : un nouveau service partagé demande plus de temps le temps d'apprendre "
              "les dossiers et logiciels des membres ; asymétrique car les migrations débordent (NAO 2012)",
        "nl": "Schatting (MODEL.md §8.3): een nieuwe gedeelde dienst vraagt meer tijd zolang hij de dossiers en "
              "software van de leden leert kennen; scheef omdat migraties uitlopen (NAO 2012)"},
    "reception.poolable_share": {
        "fr": "Estimation (MODEL.md §8.4) : part d'un poste d'accueil qui est du travail de guichet ; la première "
              "écoute, l'orientation et le travail social restent chez le membre",
        "nl": "Schatting (MODEL.md §8.4): deel van een onthaalfunctie dat baliewerk is; eerste opvang, "
              "doorverwijzing en sociaal werk blijven bij het lid"},
    "purchasing.published_tender_cost": {
        "fr": "Estimation : une procédure publiée (cahier des charges, publication, rapport d'attribution, délai "
              "d'attente) demande plusieurs fois le travail d'une procédure négociée ; asymétrique car un conseil "
              "juridique est souvent acheté",
        "nl": "Schatting: een bekendgemaakte procedure (bestek, bekendmaking, gunningsverslag, wachttermijn) vraagt "
              "meermaals het werk van een onderhandelingsprocedure; scheef omdat juridisch advies vaak wordt "
              "ingekocht"},
    "purchasing.invoice_threshold": {
        "fr": "Arrêté royal du 18 avril 2017, art. 92 (modifié en 2022) ; guide du SPF BOSA sur les marchés de "
              "faible montant : sous 30 000 € HTVA, une facture acceptée suffit",
        "nl": "Koninklijk besluit van 18 april 2017, art. 92 (gewijzigd in 2022); handleiding van de FOD BOSA over "
              "opdrachten van beperkte waarde: onder € 30.000 excl. btw volstaat een aanvaarde factuur"},
    "purchasing.negotiated_threshold": {
        "fr": "Loi du 17 juin 2016, art. 42 et AR du 18 avril 2017 (montants 2024-25) : procédure négociée sans "
              "publication préalable jusqu'à 143 000 € HTVA pour les fournitures et services ; publicité "
              "européenne dès 221 000 €",
        "nl": "Wet van 17 juni 2016, art. 42 en KB van 18 april 2017 (bedragen 2024-25): onderhandelingsprocedure "
              "zonder voorafgaande bekendmaking tot € 143.000 excl. btw voor leveringen en diensten; Europese "
              "bekendmaking vanaf € 221.000"},
    "purchasing.negotiable_share.energy": {
        "fr": "Estimation d'après la structure des factures d'énergie professionnelles belges : seule la "
              "fourniture se négocie, pas le réseau, les taxes et les prélèvements (à vérifier sur les "
              "décompositions de la CREG)",
        "nl": "Schatting op basis van de opbouw van Belgische professionele energiefacturen: alleen de levering "
              "is onderhandelbaar, niet de netkosten, taksen en heffingen (na te gaan in de CREG-opsplitsingen)"},
    "purchasing.negotiable_share.consumables": {
        "fr": "Estimation : les fournitures se négocient en entier (borne basse : livraison et petites "
              "commandes) ; asymétrique car la part ne peut dépasser 1",
        "nl": "Schatting: benodigdheden zijn volledig onderhandelbaar (ondergrens: levering en kleine "
              "bestellingen); scheef omdat het aandeel niet boven 1 kan"},
    "purchasing.negotiable_share.insurance": {
        "fr": "Dérivé : la taxe de 9,25 % sur les contrats d'assurance ne se négocie pas, 1/1,0925 = 0,915 ; "
              "moins pour les couvertures obligatoires à primes réglementées",
        "nl": "Afgeleid: de taks van 9,25 % op verzekeringscontracten is niet onderhandelbaar, 1/1,0925 = 0,915; "
              "lager voor verplichte dekkingen met gereglementeerde premies"},
    "purchasing.negotiable_share.it_hardware": {
        "fr": "Estimation : le matériel se négocie en entier (borne basse : cotisations de recyclage et "
              "prélèvements) ; asymétrique car la part ne peut dépasser 1",
        "nl": "Schatting: hardware is volledig onderhandelbaar (ondergrens: recyclagebijdragen en heffingen); "
              "scheef omdat het aandeel niet boven 1 kan"},
    "premises.operator_fee": {
        "fr": "Estimation (MODEL.md §8.6) : frais de gestion immobilière ou de facility management d'un bâtiment "
              "partagé, en part du loyer ; asymétrique car les petits immeubles multi-occupants coûtent plus par "
              "m² (Mundo-B a eu besoin d'un opérateur)",
        "nl": "Schatting (MODEL.md §8.6): vergoeding voor vastgoed- of facilitybeheer van een gedeeld gebouw, als "
              "deel van de huur; scheef omdat kleine gebouwen met meerdere huurders per m² duurder zijn "
              "(Mundo-B had een operator nodig)"},
    "staff.attrition_rate": {
        "fr": "Estimation : départs (démissions, pensions, fins de contrat) dans les petites ASBL bruxelloises du "
              "social-santé, environ un travailleur sur dix par an ; à vérifier dans les registres du personnel",
        "nl": "Schatting: vertrek (ontslagnames, pensioenen, einde contract) in kleine Brusselse vzw's uit de "
              "sociale en gezondheidssector, ongeveer één werknemer op tien per jaar; na te gaan in de "
              "personeelsregisters"},
    "staff.retraining_cost": {
        "fr": "Estimation : quelques semaines de cours et de pratique encadrée pour passer du support au terrain ; "
              "asymétrique car un poste de soin peut exiger un diplôme (les fonds sectoriels de formation en "
              "paient une partie)",
        "nl": "Schatting: enkele weken les en begeleide praktijk om van ondersteuning naar terreinwerk over te "
              "stappen; scheef omdat een zorgfunctie een diploma kan vereisen (sectorale opleidingsfondsen "
              "betalen een deel)"},
    "staff.seniority_years": {
        "fr": "Estimation : ancienneté moyenne du personnel de support des petites ASBL ; fixe le préavis selon le "
              "statut unique (loi du 3 juillet 1978, art. 37/2)",
        "nl": "Schatting: gemiddelde anciënniteit van het ondersteunend personeel in kleine vzw's; bepaalt de "
              "opzeggingstermijn volgens het eenheidsstatuut (wet van 3 juli 1978, art. 37/2)"},
    "premises.vacancy_years": {
        "fr": "Estimation (MODEL.md §8.6) : l'espace d'un membre parti est payé jusqu'à sa relocation ou la "
              "prochaine échéance du bail ; un bail 3-6-9 ne se quitte qu'à une échéance triennale avec six mois "
              "de préavis, donc jusqu'à trois ans (borne haute), environ un an pour trouver un sous-locataire du "
              "secteur social à Bruxelles",
        "nl": "Schatting (MODEL.md §8.6): de ruimte van een vertrokken lid wordt betaald tot ze opnieuw verhuurd is "
              "of tot de volgende vervaldag van de huur; een 3-6-9-huur kan enkel op een driejaarlijkse vervaldag "
              "met zes maanden opzegging worden beëindigd, dus tot drie jaar (bovengrens), ongeveer een jaar om een "
              "onderhuurder uit de sociale sector te vinden in Brussel"},
    "premises.loan_rate": {
        "fr": "Taux des banques belges sur les nouveaux crédits immobiliers aux entreprises, 2024–25, environ "
              "3,5–4,5 % (Banque nationale de Belgique, statistiques MIR) ; asymétrique car une petite ASBL paie "
              "une marge",
        "nl": "Rentevoeten van Belgische banken op nieuwe vastgoedkredieten aan ondernemingen, 2024–25, ongeveer "
              "3,5–4,5 % (Nationale Bank van België, MIR-statistieken); scheef omdat een kleine vzw een marge betaalt"},
    "premises.purchase_costs": {
        "fr": "Droits d'enregistrement de 12,5 % du prix en Région de Bruxelles-Capitale (Code des droits "
              "d'enregistrement, art. 44) plus frais de notaire et d'acte d'hypothèque d'environ 1,5–3,5 %",
        "nl": "Registratierechten van 12,5 % van de prijs in het Brussels Hoofdstedelijk Gewest (Wetboek der "
              "registratierechten, art. 44) plus notaris- en hypotheekaktekosten van ongeveer 1,5–3,5 %"},
    "premises.owner_costs": {
        "fr": "Estimation : assurance du propriétaire, gros entretien et précompte immobilier (dont les bâtiments "
              "affectés à l'aide sociale ou aux soins peuvent être exonérés : borne basse) d'un immeuble de bureaux "
              "bruxellois, en part de son prix par an",
        "nl": "Schatting: eigenaarsverzekering, groot onderhoud en onroerende voorheffing (waarvan gebouwen voor "
              "sociale hulp of zorg vrijgesteld kunnen zijn: ondergrens) van een Brussels kantoorgebouw, als deel "
              "van de prijs per jaar"},
    "premises.residual_value": {
        "fr": "Estimation : valeur du bâtiment en fin d'horizon en part de son prix (nominal) ; les prix des "
              "bureaux bruxellois ont à peu près suivi l'inflation entre 2010 et 2024 ; asymétrique car un bâtiment "
              "bien situé peut prendre de la valeur, et un bâtiment de services sociaux peut demander des travaux "
              "ou se vendre lentement",
        "nl": "Schatting: waarde van het gebouw aan het einde van de horizon als deel van de prijs (nominaal); "
              "Brusselse kantoorprijzen volgden ongeveer de inflatie tussen 2010 en 2024; scheef omdat een goed "
              "gelegen gebouw in waarde kan stijgen, en een gebouw voor sociale diensten werken kan vergen of "
              "traag verkoopt"},
}
