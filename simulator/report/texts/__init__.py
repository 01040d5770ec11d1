"""The report catalogue: every sentence and label a brief prints, in French, Dutch and English.

Three kinds of text, one module per kind and language (plain dictionaries, no logic):

* ``brief_<lang>.py`` — the board brief of one pool (and the app's download buttons);
* ``sector_<lang>.py`` — the funder's brief of a sector funding study;
* ``shared_<lang>.py`` — texts the app shows too: chart axes, waterfall steps, VAT verdicts,
  allocation keys;
* ``workbook_<lang>.py`` — the Excel workbook for people (sheets, headers, sections) and the
  member and cash-flow headers the app's tables use too.

The app merges :func:`catalogue` into its own catalogues (``ui/i18n/brief_*.py``), so a text has
one home and the brief imports nothing from the app. Placeholders use :meth:`str.format`.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

#: Languages of the report (the app's interface languages); the first is the default.
LANGUAGES: tuple[str, ...] = ("fr", "nl", "en")
DEFAULT_LANGUAGE = "fr"

__all__ = ["LANGUAGES", "catalogue", "has", "pick", "t"]


@cache
def catalogue(lang: str) -> Mapping[str, str]:
    """Every report text of ``lang`` (French for an unknown language)."""
    import importlib

    code = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
    out: dict[str, str] = {}
    for kind, name in (("shared", "SHARED"), ("brief", "BRIEF"), ("sector", "SECTOR"),
                       ("workbook", "WORKBOOK")):
        out.update(getattr(importlib.import_module(f"simulator.report.texts.{kind}_{code}"), name))
    return out


def t(key: str, lang: str, **kwargs: object) -> str:
    """The text of ``key`` in ``lang`` with its placeholders filled (``[key]`` when missing, so a
    gap is visible on the page and fails the catalogue test)."""
    text = catalogue(lang).get(key)
    if text is None:
        return f"[{key}]"
    return text.format(**kwargs) if kwargs else text


def has(key: str, lang: str) -> bool:
    """Whether the report catalogue has ``key`` (for optional texts such as a VAT note)."""
    return key in catalogue(lang)


def pick(mapping: Mapping[str, str] | str | None, lang: str) -> str:
    """One language from a ``{fr:, nl:, en:}`` mapping of the engine's data (vehicle and function
    labels), falling back to French, then English, then any."""
    if mapping is None:
        return ""
    if isinstance(mapping, str):
        return mapping
    for candidate in (lang, DEFAULT_LANGUAGE, "en"):
        if mapping.get(candidate):
            return str(mapping[candidate])
    return str(next(iter(mapping.values()), ""))
