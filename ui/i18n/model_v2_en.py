"""Messages of model v2 (MODEL.md §8): columns and warnings, in English."""

MODEL_V2: dict[str, str] = {
    "column.opens_at": "opens (h)",
    "column.closes_at": "closes (h)",
    "column.days_week": "days/week",
}
