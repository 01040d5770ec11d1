"""Numbers typed or stored the Belgian way: ``1 234,56``, ``1.234,56``, ``1,5`` — or ``1.5``.

One parser for every place a person types a number (organisation tables, the app's editable
tables), so ``3,5`` means three and a half everywhere.
"""

from __future__ import annotations

import re

__all__ = ["number_from_text"]

_PLAIN = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")
_DECIMAL_COMMA = re.compile(r"[+-]?\d*,\d+([eE][+-]?\d+)?")
_DOT_THOUSANDS = re.compile(r"[+-]?[1-9]\d{0,2}(\.\d{3})+(,\d+)?")
_COMMA_THOUSANDS = re.compile(r"[+-]?[1-9]\d{0,2}((,\d{3})+\.\d+|(,\d{3}){2,})")


def number_from_text(raw: str, decimal_comma: bool) -> float:
    """'1 234,56', '1.234,56', '1,5', '1.5', '1,234.56' → float.

    A lone comma is decimal (Belgian use); a lone ``1.234`` is 1234 only where a decimal comma
    is expected (``decimal_comma``: a ``;``-separated file, a French or Dutch page). Spaces
    (also non-breaking), apostrophes and ``€`` are ignored; ``−`` is a minus sign.

    Raises
    ------
    ValueError
        When the text is not a number.
    """
    text = re.sub(r"[\s'€]", "", raw).replace("\u2212", "-")
    if _DOT_THOUSANDS.fullmatch(text) and (decimal_comma or "," in text or text.count(".") > 1):
        return float(text.replace(".", "").replace(",", "."))
    if _PLAIN.fullmatch(text):
        return float(text)
    if _DECIMAL_COMMA.fullmatch(text):
        return float(text.replace(",", "."))
    if _COMMA_THOUSANDS.fullmatch(text):
        return float(text.replace(",", ""))
    raise ValueError(f"expected a number, found '{raw.strip()}'.")
