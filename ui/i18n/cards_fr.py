"""Cartes de chiffres : le montant exact quand la carte l'affiche en millions, en français."""

CARDS: dict[str, str] = {
    "cards.exact": "Montant exact : {value}.",
}
