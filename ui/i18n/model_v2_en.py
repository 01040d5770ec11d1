"""Messages of model v2 (MODEL.md §8): columns and warnings, in English."""

MODEL_V2: dict[str, str] = {
    "column.opens_at": "opens (h)",
    "column.closes_at": "closes (h)",
    "column.days_week": "days/week",
    "warning.reception_schedule": "{n} member(s) share a reception desk without a weekly schedule: "
                                  "the union of opening hours is approximated by the longest.",
    "warning.cheap_site": "Site {site}: its rent is below every member's current rent — check it "
                          "is a real offer.",
}
