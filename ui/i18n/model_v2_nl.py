"""Berichten van model v2 (MODEL.md §8): kolommen en waarschuwingen, in het Nederlands."""

MODEL_V2: dict[str, str] = {
    "column.opens_at": "opening (u)",
    "column.closes_at": "sluiting (u)",
    "column.days_week": "dagen/week",
    "warning.reception_schedule": "{n} lid/leden delen een onthaal zonder weekrooster: de unie van "
                                  "de openingsuren wordt benaderd door de langste.",
    "warning.cheap_site": "Site {site}: de huur ligt lager dan de huidige huur van elk lid — "
                          "controleer of het een echt aanbod is.",
}
