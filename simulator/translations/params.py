"""French and Dutch names of the engine's parameters and parameter groups (Assumptions page).

The engine's catalogue (``simulator/data/parameters.yaml``) describes each parameter in English;
English therefore uses the catalogue text itself. A parameter added to the catalogue without an
entry here is shown with its English description (``tests/app/test_app_i18n.py`` lists any gap).
"""

from simulator.translations.params_v2 import DESCRIPTIONS_V2

#: Parameter name -> {language: description}.
DESCRIPTIONS: dict[str, dict[str, str]] = {
    "employer_cost.months_per_year": {
        "fr": "Mois de salaire brut payés par an",
        "nl": "Maanden brutoloon betaald per jaar"},
    "employer_cost.social_rate": {
        "fr": "Cotisations patronales en part du salaire brut",
        "nl": "Werkgeversbijdragen als deel van het brutoloon"},
    "salary.receptionist": {
        "fr": "Salaire brut mensuel, accueil / assistant administratif",
        "nl": "Brutomaandloon, onthaal / administratief medewerker"},
    "salary.bookkeeper": {
        "fr": "Salaire brut mensuel, aide-comptable / comptable",
        "nl": "Brutomaandloon, boekhouder"},
    "salary.hr_officer": {
        "fr": "Salaire brut mensuel, gestionnaire RH / paie",
        "nl": "Brutomaandloon, HR- / loonadministratie"},
    "salary.it_support": {
        "fr": "Salaire brut mensuel, support informatique",
        "nl": "Brutomaandloon, IT-ondersteuning"},
    "salary.admin_finance_manager": {
        "fr": "Salaire brut mensuel, responsable administratif et financier (aussi "
              "coordinateur du pool et acheteur)",
        "nl": "Brutomaandloon, administratief en financieel verantwoordelijke (ook "
              "coördinator en aankoper)"},
    "salary.communication_officer": {
        "fr": "Salaire brut mensuel, chargé de communication",
        "nl": "Brutomaandloon, communicatiemedewerker"},
    "salary.prevention_advisor": {
        "fr": "Salaire brut mensuel, conseiller en prévention interne",
        "nl": "Brutomaandloon, interne preventieadviseur"},
    "salary.cleaner": {
        "fr": "Salaire brut mensuel, nettoyage / petits travaux",
        "nl": "Brutomaandloon, schoonmaak / klein onderhoud"},
    "work.hours_per_week": {
        "fr": "Heures d'une semaine à temps plein (convertit les heures en ETP)",
        "nl": "Uren in een voltijdse week (zet uren om in VTE)"},
    "work.weeks_per_year": {
        "fr": "Semaines travaillées par an",
        "nl": "Gewerkte weken per jaar"},
    "hidden_time.hourly_cost": {
        "fr": "Coût horaire du personnel « faisant fonction » quand il n'est pas déclaré",
        "nl": "Uurkost van personeel dat ondersteunend werk doet, als die niet is opgegeven"},
    "frontline.loaded_cost": {
        "fr": "Coût annuel chargé d'un travailleur de terrain (convertit l'économie en ETP)",
        "nl": "Jaarlijkse loonkost van een terreinwerker (zet de besparing om in VTE)"},
    "scale_exponent.accounting": {
        "fr": "Exposant d'échelle b de la comptabilité (1 = pas d'économie d'échelle)",
        "nl": "Schaalexponent b van de boekhouding (1 = geen schaalvoordeel)"},
    "scale_exponent.payroll_hr": {
        "fr": "Exposant d'échelle b de la paie et de la GRH",
        "nl": "Schaalexponent b van loonadministratie en HR"},
    "scale_exponent.it_support": {
        "fr": "Exposant d'échelle b du support informatique",
        "nl": "Schaalexponent b van IT-ondersteuning"},
    "scale_exponent.communication": {
        "fr": "Exposant d'échelle b de la communication",
        "nl": "Schaalexponent b van communicatie"},
    "scale_exponent.internal_audit": {
        "fr": "Exposant d'échelle b de l'audit interne",
        "nl": "Schaalexponent b van interne audit"},
    "scale_exponent.prevention_advisor": {
        "fr": "Exposant d'échelle b du conseiller en prévention",
        "nl": "Schaalexponent b van de preventieadviseur"},
    "scale_exponent.training": {
        "fr": "Exposant d'échelle b de la coordination des formations",
        "nl": "Schaalexponent b van opleidingscoördinatie"},
    "scale_exponent.cleaning": {
        "fr": "Exposant d'échelle b du nettoyage et des petits travaux",
        "nl": "Schaalexponent b van schoonmaak en klein onderhoud"},
    "labour.post_fraction": {
        "fr": "Plus petite fraction de poste g : les postes mutualisés sont arrondis à un "
              "multiple (0 = pas d'arrondi)",
        "nl": "Kleinste aanwerfbare fractie g: gedeelde functies worden afgerond op een "
              "veelvoud (0 = geen afronding)"},
    "labour.span_of_control": {
        "fr": "Personnel mutualisé par ETP de coordination du service",
        "nl": "Gedeeld personeel per VTE coördinatie van de dienst"},
    "labour.pay_harmonisation": {
        "fr": "Hausse salariale quand le véhicule harmonise les salaires et que les commissions "
              "paritaires diffèrent",
        "nl": "Loonverhoging als de structuur de lonen harmoniseert en de paritaire comités "
              "verschillen"},
    "reception.cover_factor": {
        "fr": "Personnel nécessaire par heure de guichet ouverte",
        "nl": "Benodigde bezetting per uur open balie"},
    "reception.visitor_threshold": {
        "fr": "Visiteurs par semaine qu'un guichet absorbe avant qu'une deuxième personne soit "
              "nécessaire",
        "nl": "Bezoekers per week die één balie aankan voor een tweede persoon nodig is"},
    "reception.extra_fte_per_100_visitors": {
        "fr": "Personnel d'accueil supplémentaire au-delà du seuil de visiteurs",
        "nl": "Extra onthaalpersoneel boven de bezoekersdrempel"},
    "purchasing.price_elasticity": {
        "fr": "Élasticité e du prix unitaire au volume : p(V) = (V/V_ref)^(−e)",
        "nl": "Elasticiteit e van de eenheidsprijs t.o.v. het volume: p(V) = (V/V_ref)^(−e)"},
    "purchasing.discount_cap": {
        "fr": "Plus forte baisse de prix que le volume peut apporter",
        "nl": "Grootste prijsdaling die het volume kan opleveren"},
    "purchasing.reference_volume": {
        "fr": "Dépense annuelle par catégorie à partir de laquelle les remises commencent "
              "(V_ref)",
        "nl": "Jaarlijkse uitgave per categorie vanaf waar volumekortingen beginnen (V_ref)"},
    "purchasing.buyer_fte_base": {
        "fr": "Temps d'acheteur d'une centrale d'achats, partie fixe",
        "nl": "Aankopertijd van een aankoopcentrale, vast deel"},
    "purchasing.buyer_fte_per_meur": {
        "fr": "Temps d'acheteur par million d'euros d'achats groupés",
        "nl": "Aankopertijd per miljoen euro gebundelde aankopen"},
    "purchasing.platform_cost": {
        "fr": "Coût annuel du catalogue ou de la plateforme de la centrale",
        "nl": "Jaarlijkse kost van catalogus of platform van de centrale"},
    "purchasing.tender_cost": {
        "fr": "Coût d'une procédure de marché public pour un pouvoir adjudicateur",
        "nl": "Kost van één overheidsopdracht voor een aanbestedende overheid"},
    "purchasing.tenders_per_year": {
        "fr": "Procédures de marché par catégorie d'achat et par an",
        "nl": "Aanbestedingsprocedures per aankoopcategorie per jaar"},
    "software.fixed_cost": {
        "fr": "Partie fixe F d'une licence logicielle par titulaire",
        "nl": "Vast deel F van een softwarelicentie per licentiehouder"},
    "software.per_user_cost": {
        "fr": "Partie par utilisateur v d'une licence logicielle",
        "nl": "Deel per gebruiker v van een softwarelicentie"},
    "software.tier_users": {
        "fr": "Utilisateurs par palier de licence ; la partie fixe augmente à chaque palier",
        "nl": "Gebruikers per licentieschijf; het vaste deel stijgt bij elke schijf"},
    "software.tier_step": {
        "fr": "Hausse de la partie fixe à chaque palier",
        "nl": "Stijging van het vaste deel bij elke schijf"},
    "premises.rent": {
        "fr": "Loyer de bureaux, qualité non marchande",
        "nl": "Kantoorhuur, non-profitkwaliteit"},
    "premises.charges": {
        "fr": "Charges et énergie par m²",
        "nl": "Lasten en energie per m²"},
    "premises.scale_exponent": {
        "fr": "Exposant d'échelle des espaces communs partagés (réunion, cuisine, stockage)",
        "nl": "Schaalexponent van gedeelde gemeenschappelijke ruimten (vergaderzaal, keuken, "
              "opslag)"},
    "premises.m2_per_fte": {
        "fr": "Surface par ETP (estime les surfaces manquantes)",
        "nl": "Oppervlakte per VTE (schat ontbrekende oppervlakten)"},
    "premises.common_share": {
        "fr": "Part des espaces communs quand elle n'est pas déclarée",
        "nl": "Aandeel gemeenschappelijke ruimte als die niet is opgegeven"},
    "premises.moving_cost_per_fte": {
        "fr": "Coût unique de déménagement par ETP",
        "nl": "Eenmalige verhuiskost per VTE"},
    "premises.fitout_cost": {
        "fr": "Coût unique d'aménagement par m² du site commun",
        "nl": "Eenmalige inrichtingskost per m² van de gemeenschappelijke site"},
    "premises.lease_break_months": {
        "fr": "Indemnité de rupture de bail, en mois du loyer actuel",
        "nl": "Verbrekingsvergoeding van de huur, in maanden huidige huur"},
    "setup.share_of_pooled_cost": {
        "fr": "Mise en place unique en part du coût mutualisé de la première année",
        "nl": "Eenmalige opstart als deel van de gedeelde kost van het eerste jaar"},
    "setup.overrun_factor": {
        "fr": "Facteur de dépassement des coûts de mise en place prévus",
        "nl": "Overschrijdingsfactor van de geplande opstartkosten"},
    "governance.hours_per_member_month": {
        "fr": "Temps de gouvernance par membre",
        "nl": "Bestuurstijd per lid"},
    "governance.hourly_cost": {
        "fr": "Coût horaire du personnel des membres en gouvernance et coordination",
        "nl": "Uurkost van het personeel van de leden in bestuur en coördinatie"},
    "coordination.service_hours": {
        "fr": "Temps de gestion du service par membre et fonction mutualisée",
        "nl": "Beheertijd van de dienst per lid en gedeelde functie"},
    "coordination.pairwise_hours": {
        "fr": "Coordination bilatérale par paire de membres, n(n−1)/2 paires",
        "nl": "Bilaterale afstemming per paar leden, n(n−1)/2 paren"},
    "coordination.travel_hours_per_site": {
        "fr": "Temps de déplacement du personnel mutualisé par site supplémentaire",
        "nl": "Reistijd van gedeeld personeel per bijkomende site"},
    "coordination.heterogeneity_drag": {
        "fr": "Surcoût de personnel mutualisé à diversité maximale de secteurs et de "
              "commissions paritaires",
        "nl": "Meerkost van gedeeld personeel bij maximale diversiteit van sectoren en "
              "paritaire comités"},
    "vat.rate": {
        "fr": "TVA sur les services facturés par un véhicule non exonéré",
        "nl": "Btw op diensten gefactureerd door een niet-vrijgestelde structuur"},
    "provider.margin": {
        "fr": "Marge d'un prestataire commercial sur son coût",
        "nl": "Marge van een commerciële dienstverlener op zijn kost"},
    "benefit.realisation": {
        "fr": "Part de l'économie brute prévue qui se réalise dans les flux (1 = comme prévu)",
        "nl": "Deel van de geplande brutobesparing dat in de kasstromen gerealiseerd wordt (1 = zoals gepland)"},
    "exit.hazard": {
        "fr": "Probabilité annuelle qu'un membre quitte le pool",
        "nl": "Jaarlijkse kans dat een lid de samenwerking verlaat"},
    "exit.fixed_share": {
        "fr": "Part fixe du coût d'un partant, reportée sur les autres",
        "nl": "Vast deel van de kost van een vertrekker, gedragen door de anderen"},
    "exit.resize_years": {
        "fr": "Délai avant redimensionnement du pool après un départ",
        "nl": "Tijd tot de samenwerking na een vertrek wordt bijgesteld"},
    "finance.discount_rate": {
        "fr": "Taux d'actualisation pour la VAN",
        "nl": "Actualisatievoet voor de NCW"},
    "finance.wage_indexation": {
        "fr": "Indexation annuelle des salaires",
        "nl": "Jaarlijkse indexering van de lonen"},
    "finance.price_indexation": {
        "fr": "Indexation annuelle des achats et licences",
        "nl": "Jaarlijkse indexering van aankopen en licenties"},
    "finance.rent_indexation": {
        "fr": "Indexation annuelle des loyers et charges",
        "nl": "Jaarlijkse indexering van huur en lasten"},
    "vehicle_creation.employer_group": {
        "fr": "Coût unique de création : un groupement d'employeurs",
        "nl": "Eenmalige oprichtingskost: een werkgeversgroepering"},
    "vehicle_creation.cost_sharing_association": {
        "fr": "Coût unique de création : une association de frais (art. 44 §2bis)",
        "nl": "Eenmalige oprichtingskost: een kostendelende vereniging (art. 44 §2bis)"},
    "vehicle_creation.commercial_provider": {
        "fr": "Coût unique de création : le recours à un prestataire commercial",
        "nl": "Eenmalige oprichtingskost: het inschakelen van een commerciële dienstverlener"},
    "vehicle_creation.lead_member": {
        "fr": "Coût unique de création : un membre qui sert les autres",
        "nl": "Eenmalige oprichtingskost: één lid dat de anderen bedient"},
    "vehicle_creation.colocation_lease": {
        "fr": "Coût unique de création : un bail de colocation",
        "nl": "Eenmalige oprichtingskost: een gedeelde huurovereenkomst"},
    "vehicle_creation.purchasing_central": {
        "fr": "Coût unique de création : une centrale d'achats",
        "nl": "Eenmalige oprichtingskost: een aankoopcentrale"},
}

DESCRIPTIONS.update(DESCRIPTIONS_V2)

#: Parameter group (name before the first dot) -> {language: label}.
GROUPS: dict[str, dict[str, str]] = {
    "employer_cost": {"fr": "Coût employeur", "nl": "Werkgeverskost", "en": "Employer cost"},
    "salary": {"fr": "Salaires", "nl": "Lonen", "en": "Salaries"},
    "work": {"fr": "Temps de travail", "nl": "Arbeidstijd", "en": "Working time"},
    "hidden_time": {"fr": "Temps caché", "nl": "Verborgen tijd", "en": "Hidden time"},
    "frontline": {"fr": "Terrain", "nl": "Terrein", "en": "Frontline"},
    "scale_exponent": {"fr": "Économies d'échelle", "nl": "Schaalvoordelen",
                       "en": "Scale economies"},
    "labour": {"fr": "Personnel mutualisé", "nl": "Gedeeld personeel", "en": "Pooled staff"},
    "reception": {"fr": "Accueil", "nl": "Onthaal", "en": "Reception"},
    "purchasing": {"fr": "Achats", "nl": "Aankopen", "en": "Purchasing"},
    "software": {"fr": "Logiciels", "nl": "Software", "en": "Software"},
    "premises": {"fr": "Locaux", "nl": "Huisvesting", "en": "Premises"},
    "setup": {"fr": "Mise en place", "nl": "Opstart", "en": "Set-up"},
    "governance": {"fr": "Gouvernance", "nl": "Bestuur", "en": "Governance"},
    "coordination": {"fr": "Coordination", "nl": "Coördinatie", "en": "Coordination"},
    "vehicle_creation": {"fr": "Création du véhicule", "nl": "Oprichting van de structuur",
                         "en": "Creating the vehicle"},
    "vat": {"fr": "TVA", "nl": "Btw", "en": "VAT"},
    "provider": {"fr": "Prestataire", "nl": "Dienstverlener", "en": "Provider"},
    "benefit": {"fr": "Réalisation des bénéfices", "nl": "Realisatie van de baten",
                "en": "Benefit realisation"},
    "exit": {"fr": "Départs", "nl": "Uittredingen", "en": "Exits"},
    "staff": {"fr": "Transition du personnel", "nl": "Overgang van het personeel", "en": "Staff transition"},
    "finance": {"fr": "Finances", "nl": "Financieel", "en": "Finance"},
}
