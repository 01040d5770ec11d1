"""Messages the engine says to people: a code, parameters, and a text in each language.

Every user-facing error or warning of the engine is a :class:`Message`: a stable **code** (for
programs, tests and the catalogues), its **parameters** (field values, limits, what was found) and
an English template written where the message is raised::

    raise InputError("members", msg("scenario.too_few_members",
                                    "the vehicle {vehicle} needs at least {need} members; the pool has {got}",
                                    vehicle="employer_group", need=3, got=2))

A :class:`Message` *is* its English text (a ``str``), so logs, the command line and code written
for v1 keep working; :meth:`Message.render` gives it in French or Dutch from the gettext
catalogues ``simulator/locale/<lang>/LC_MESSAGES/mutualise.po`` (``msgctxt`` = code, ``msgid`` =
the English template, ``msgstr`` = the translation), which translators edit with the usual tools
(Poedit, Weblate); ``make messages`` extracts new messages and updates the catalogues.

Parameters are shown in the reader's language: numbers with Belgian separators, and values
named ``vehicle``, ``function``, ``kind`` (or their plurals, as lists) and ``unit`` by their
label in the catalogues rather than their code.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import Any

__all__ = ["LANGUAGES", "N_", "Message", "did_you_mean", "msg", "render", "translate"]

LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "mutualise"
#: Languages with a catalogue; English is the source language (the templates in the code).
LANGUAGES = ("fr", "nl", "en")
#: Babel locale used to format numbers in each language (as the app does).
NUMBER_LOCALES = {"fr": "fr_BE", "nl": "nl_BE", "en": "en_BE"}
#: The "language" of ``str(message)``: English words, numbers as Python writes them (logs, CLI, tests).
PLAIN = "plain"
#: Parameter names whose values are catalogue codes shown by their label.
_LABELLED = {"vehicle": "vehicle", "vehicles": "vehicle", "function": "function", "functions": "function",
             "kind": "kind", "kinds": "kind", "unit": "unit"}


class Message(str):
    """An engine message: its English text, plus ``code`` and ``params`` to render it elsewhere.

    Parameters
    ----------
    code
        Stable identifier, e.g. ``"scenario.too_few_members"`` (the catalogues' ``msgctxt``).
    english
        The English template with ``{placeholders}`` (the catalogues' ``msgid``).
    **params
        Values of the placeholders (raw: numbers, codes, lists — formatted when rendered).
    """

    code: str
    english: str
    params: dict[str, Any]

    def __new__(cls, code: str, english: str, /, **params: Any) -> Message:
        obj = super().__new__(cls, _fill(english, params, PLAIN))
        obj.code, obj.english, obj.params = code, english, params
        return obj

    def render(self, lang: str = "en") -> str:
        """The message in ``lang`` (English when the catalogue has no translation yet)."""
        return _fill(translate(self.code, self.english, lang), self.params, lang)

    def __reduce__(self) -> tuple[Any, ...]:  # pickles as code + template + params (processes, Dask)
        return (_rebuild, (self.code, self.english, self.params))


def _rebuild(code: str, english: str, params: dict[str, Any]) -> Message:
    return Message(code, english, **params)


def msg(code: str, english: str, /, **params: Any) -> Message:
    """Shorthand for :class:`Message` (and the keyword ``pybabel extract`` looks for)."""
    return Message(code, english, **params)


def N_(code: str, english: str, /) -> tuple[str, str]:
    """Mark a (code, English template) pair for the catalogues without making a message yet
    (the gettext no-op idiom: ``pybabel extract -k N_:1c,2`` finds it)."""
    return code, english


def render(text: str, lang: str) -> str:
    """Any engine text in ``lang``: a :class:`Message` is translated, a plain string stays."""
    return text.render(lang) if isinstance(text, Message) else str(text)


def translate(code: str, english: str, lang: str) -> str:
    """The template of ``code`` in ``lang`` (``english`` when there is no translation)."""
    if lang in ("en", PLAIN):
        return english
    return _catalogue(lang).get((code, english)) or _catalogue(lang).get(code) or english


@cache
def _catalogue(lang: str) -> dict[Any, str]:
    """``(code, english) -> translation`` (and ``code -> translation``) from ``<lang>``'s .po file."""
    path = LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    if not path.is_file():
        return {}
    from babel.messages.pofile import read_po

    with path.open("rb") as handle:
        catalog = read_po(handle, locale=lang)
    out: dict[Any, str] = {}
    for entry in catalog:
        if not entry.id or not entry.string or entry.fuzzy:
            continue
        out[(entry.context, entry.id)] = entry.string
        if entry.context:
            out[entry.context] = entry.string
    return out


# --- filling the placeholders -----------------------------------------------------------------------

def _fill(template: str, params: Mapping[str, Any], lang: str) -> str:
    shown = {k: _show(k, v, lang) for k, v in params.items()}
    try:
        return template.format(**shown)
    except (KeyError, IndexError, ValueError):  # a translation with a wrong placeholder
        return template


def _show(name: str, value: Any, lang: str) -> str:
    """A parameter value as the reader reads it."""
    if isinstance(value, Message):
        return value.render(lang)
    if name in _LABELLED:
        items = [value] if isinstance(value, str) else list(value) if isinstance(value, Iterable) else [value]
        return ", ".join(label(_LABELLED[name], str(v), lang) for v in items)
    if isinstance(value, bool):
        return translate(f"word.{str(value).lower()}", "yes" if value else "no", lang)
    if isinstance(value, int | float):
        return number(value, lang)
    if isinstance(value, list | tuple):
        return ", ".join(_show("", v, lang) for v in value)
    return str(value)


def number(value: float, lang: str) -> str:
    """A number with the language's separators, up to 4 decimals (``1 234,5`` in French)."""
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if lang == PLAIN:  # as Python writes it; whole numbers from 10,000 grouped
        if isinstance(value, float):
            return f"{value:g}"
        return f"{value:,}" if abs(value) >= 10_000 else str(value)
    from babel.numbers import format_decimal

    return format_decimal(value, format="#,##0.####", locale=NUMBER_LOCALES.get(lang, "en_BE"))


def label(kind: str, code: str, lang: str) -> str:
    """The label of a vehicle, function or cost kind in ``lang`` (the code when unknown)."""
    if kind in ("kind", "unit"):
        from simulator.labels import KIND_LABELS, UNIT_LABELS

        entry = (KIND_LABELS if kind == "kind" else UNIT_LABELS).get(code)
        return code if lang == PLAIN or entry is None else translate(*entry, lang)
    from simulator.catalogue import functions, vehicles

    if lang == PLAIN:
        return code
    entries = vehicles() if kind == "vehicle" else functions()
    entry = entries.get(code)
    labels = getattr(entry, "label", None) or {}
    return str(labels.get(lang) or labels.get("en") or code)


def did_you_mean(name: str, known: Iterable[str], n: int = 3) -> Message | str:
    """A " (did you mean 'x'?)" hint for a misspelled name (empty when nothing is close)."""
    import difflib

    close = difflib.get_close_matches(str(name), list(known), n=n, cutoff=0.6)
    if not close:
        return ""
    return msg("hint.did_you_mean", " (did you mean {names}?)", names=[f"'{c}'" for c in close])
