"""Berichten van model v2 (MODEL.md §8): kolommen en waarschuwingen, in het Nederlands."""

MODEL_V2: dict[str, str] = {
    "column.opens_at": "opening (u)",
    "column.closes_at": "sluiting (u)",
    "column.days_week": "dagen/week",
}
