"""Cijferkaarten: het exacte bedrag wanneer de kaart het in miljoenen toont, in het Nederlands."""

CARDS: dict[str, str] = {
    "cards.exact": "Exact bedrag: {value}.",
}
