"""Metric cards: the exact amount when the card shows it in millions, in English."""

CARDS: dict[str, str] = {
    "cards.exact": "Exact amount: {value}.",
}
