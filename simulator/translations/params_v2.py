"""French and Dutch names of the parameters added by model v2 (MODEL.md §8), merged into params.py."""

DESCRIPTIONS_V2: dict[str, dict[str, str]] = {
    "labour.contract_floor": {
        "fr": "Plus petit contrat que le pool peut offrir : un besoin inférieur est acheté à un "
              "prestataire quand c'est moins cher (0 = règle v1)",
        "nl": "Kleinste contract dat de pool kan aanbieden: een kleinere behoefte wordt bij een "
              "dienstverlener gekocht als dat goedkoper is (0 = regel v1)"},
}
DESCRIPTIONS_V2.update({
    "reception.poolable_share": {
        "fr": "Part du coût d'accueil d'un membre qu'un guichet partagé peut reprendre",
        "nl": "Deel van de onthaalkost van een lid dat een gedeelde balie kan overnemen"},
})
DESCRIPTIONS_V2.update({
    "purchasing.published_tender_cost": {
        "fr": "Coût d'une procédure de marché publiée (marché au-delà du seuil de la procédure négociée)",
        "nl": "Kost van een bekendgemaakte plaatsingsprocedure (opdracht boven de drempel van de "
              "onderhandelingsprocedure)"},
    "purchasing.invoice_threshold": {
        "fr": "Valeur du marché HTVA (toute sa durée) sous laquelle une facture acceptée suffit",
        "nl": "Opdrachtwaarde excl. btw (hele looptijd) waaronder een aanvaarde factuur volstaat"},
    "purchasing.negotiated_threshold": {
        "fr": "Valeur du marché HTVA (toute sa durée) jusqu'à laquelle la procédure négociée sans "
              "publication est permise",
        "nl": "Opdrachtwaarde excl. btw (hele looptijd) tot waar de onderhandelingsprocedure zonder "
              "bekendmaking mag"},
    "purchasing.negotiable_share.energy": {
        "fr": "Part négociable des dépenses d'énergie (la fourniture, pas le réseau ni les taxes)",
        "nl": "Onderhandelbaar deel van de energie-uitgaven (de levering, niet het net of de taksen)"},
    "purchasing.negotiable_share.consumables": {
        "fr": "Part négociable des dépenses de fournitures",
        "nl": "Onderhandelbaar deel van de uitgaven voor verbruiksgoederen"},
    "purchasing.negotiable_share.insurance": {
        "fr": "Part négociable des primes d'assurance (hors taxe sur les contrats d'assurance)",
        "nl": "Onderhandelbaar deel van de verzekeringspremies (zonder taks op verzekeringscontracten)"},
    "purchasing.negotiable_share.it_hardware": {
        "fr": "Part négociable des dépenses de matériel informatique",
        "nl": "Onderhandelbaar deel van de uitgaven voor IT-materiaal"},
})
DESCRIPTIONS_V2.update({
    "premises.operator_fee": {
        "fr": "Frais d'exploitant ou de gestion technique d'un bâtiment partagé, en part du loyer",
        "nl": "Vergoeding van de uitbater of het facilitair beheer van een gedeeld gebouw, als deel "
              "van de huur"},
})
DESCRIPTIONS_V2.update({
    "labour.learning_dip": {
        "fr": "Surcoût du personnel mutualisé (personnel et accueil) la première année, en part de "
              "son coût (courbe d'apprentissage)",
        "nl": "Meerkost van het gedeelde personeel (personeel en onthaal) in het eerste jaar, als "
              "deel van de kost (leercurve)"},
})
DESCRIPTIONS_V2.update({
    "staff.attrition_rate": {
        "fr": "Part des travailleurs d'un membre qui partent chaque année : les postes libérés accueillent le "
              "personnel réaffecté ; le surplus resté en support part à ce rythme",
        "nl": "Deel van de werknemers van een lid dat elk jaar vertrekt: de vrijgekomen posten nemen het "
              "herplaatste personeel op; het overschot dat in ondersteuning blijft, vertrekt aan dit ritme"},
    "staff.retraining_cost": {
        "fr": "Coût unique de formation d'un travailleur de support réaffecté au terrain, par ETP",
        "nl": "Eenmalige kost om een ondersteunende werknemer bij te scholen voor terreinwerk, per VTE"},
    "staff.seniority_years": {
        "fr": "Ancienneté du personnel de support licencié lors de la transition (fixe son préavis en semaines)",
        "nl": "Anciënniteit van het ondersteunend personeel dat bij de overgang ontslagen wordt (bepaalt de "
              "opzeggingstermijn in weken)"},
})
DESCRIPTIONS_V2.update({
    "premises.vacancy_years": {
        "fr": "Années pendant lesquelles l'espace d'un membre parti du site partagé reste payé et vide "
              "(l'engagement de bail)",
        "nl": "Jaren dat de ruimte van een lid dat de gedeelde site verlaat betaald en leeg blijft "
              "(de huurverbintenis)"},
})
DESCRIPTIONS_V2.update({
    "premises.loan_rate": {
        "fr": "Taux d'intérêt de l'emprunt qui finance l'achat d'un site partagé",
        "nl": "Rentevoet van de lening die de aankoop van een gedeelde site financiert"},
    "premises.purchase_costs": {
        "fr": "Frais uniques d'achat d'un bâtiment, en part de son prix (droits d'enregistrement, notaire, acte "
              "d'hypothèque)",
        "nl": "Eenmalige kosten bij de aankoop van een gebouw, als deel van de prijs (registratierechten, notaris, "
              "hypotheekakte)"},
    "premises.owner_costs": {
        "fr": "Charges annuelles de propriétaire du site partagé (entretien, assurance, précompte immobilier), en "
              "part de son prix",
        "nl": "Jaarlijkse eigenaarskosten van de gedeelde site (onderhoud, verzekering, onroerende voorheffing), "
              "als deel van de prijs"},
    "premises.residual_value": {
        "fr": "Valeur du site acheté à la fin de l'horizon, en part de son prix d'achat",
        "nl": "Waarde van de gekochte site aan het einde van de horizon, als deel van de aankoopprijs"},
})
