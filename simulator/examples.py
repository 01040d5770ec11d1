"""Titles and descriptions of the example scenarios in French, Dutch and English.

The words live in one data file a translator edits, ``simulator/data/examples.yaml``, keyed by
the example's file name without ``.yaml``::

    b_shared_house:
      title: {fr: Maison partagée de Saint-Gilles — …, nl: Gedeeld huis in Sint-Gillis — …, en: …}
      description: {fr: …, nl: …, en: …}

The scenario files themselves keep one ``name:`` (the French title): results, hashes, stored
figures and shared links never depend on the reader's language. Wherever an example is *shown*
(the app's picker, Compare, Results, the workbook for people, ``mutualise examples``), its title
and description are looked up here — by file name, or by the scenario's ``name`` when it is still
an example's own (:func:`title_for`). ``tests/test_examples_i18n.py`` checks that every file in
``scenarios/`` has a title and a description in all three languages, and that ``title.fr`` is the
file's ``name:``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

#: The catalogue file.
CATALOGUE = Path(__file__).resolve().parent / "data" / "examples.yaml"
#: Languages every example must exist in.
LANGUAGES = ("fr", "nl", "en")


@dataclass(frozen=True)
class ExampleText:
    """An example's title and description in all three languages (``{lang: text}``)."""

    stem: str
    title: Mapping[str, str]
    description: Mapping[str, str]

    def in_language(self, lang: str) -> tuple[str, str]:
        """(title, description) in ``lang`` (French when the language is unknown)."""
        lang = lang if lang in self.title else "fr"
        return self.title[lang], self.description.get(lang, "").strip()


@cache
def examples() -> Mapping[str, ExampleText]:
    """Every example's words, by file stem, as in the catalogue file."""
    with open(CATALOGUE, encoding="utf-8") as fh:
        raw = yaml.safe_load(fh) or {}
    return {stem: ExampleText(stem, dict(entry.get("title") or {}), dict(entry.get("description") or {}))
            for stem, entry in raw.items()}


@cache
def _by_name() -> Mapping[str, ExampleText]:
    """Every title of an example, in any language (the French one is the file's ``name:``) → it."""
    return {text.strip(): e for e in examples().values() for text in e.title.values()}


def example_text(stem: str | Path, lang: str) -> tuple[str, str] | None:
    """(title, description) of an example file (path or stem) in ``lang``; None if not listed."""
    entry = examples().get(Path(stem).stem)
    return entry.in_language(lang) if entry else None


def title_for(name: str, lang: str) -> str:
    """A scenario's name as the reader should see it: an example's title in ``lang`` when
    ``name`` is still one of that example's titles, else ``name`` unchanged (the user's words)."""
    entry = _by_name().get(str(name).strip())
    return entry.in_language(lang)[0] if entry else name


def stored_name(name: str) -> str:
    """The name to keep in a scenario: an example's file ``name:`` (its French title) when
    ``name`` is one of its titles in any language, so the scenario stays language-neutral."""
    entry = _by_name().get(str(name).strip())
    return entry.title["fr"] if entry else name


def description_for(name: str, description: str, lang: str) -> str:
    """A scenario's description in ``lang`` when it is still an example's, else as written."""
    entry = _by_name().get(str(name).strip())
    return entry.in_language(lang)[1] if entry else description
