"""Words that betray a page shown in the wrong language, and internal codes shown to people
(shared by the AppTest and real-browser language checks)."""

import re

#: English words that are neither French nor Dutch: one on a French or Dutch page is a leak.
ENGLISH_WORDS = re.compile(
    r"\b(the|must|should|expected|unknown|valid|input|got|found|needs|least|without|saving|savings|"
    r"members|result|draws|chart|yes|which|would|cannot|please|error|choose|browse|files|"
    r"drag|drop|limit|upload|each|other|than|between)\b", re.IGNORECASE)
#: An internal code shown to a person: snake_case (a scenario or file name may contain one).
INTERNAL_CODE = re.compile(r"\b[a-z]+_[a-z_]+\b")
