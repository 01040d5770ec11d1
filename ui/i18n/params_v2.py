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
