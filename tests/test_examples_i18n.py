"""Every example scenario has a title and a description in French, Dutch and English, shown in the
reader's language by the app and the command line; the scenario files stay language-neutral."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from simulator import load_scenario
from simulator.cli import main
from simulator.examples import LANGUAGES, description_for, example_text, examples, stored_name, title_for

ROOT = Path(__file__).resolve().parents[1]
FILES = sorted((ROOT / "scenarios").glob("*.yaml"))
#: Words that give away an untranslated English text on a French or Dutch line.
ENGLISH = re.compile(r"\b(the|and|with|without|their|which|pooling|members|shared)\b", re.I)


def test_the_catalogue_lists_exactly_the_example_files():
    assert FILES
    assert sorted(examples()) == sorted(p.stem for p in FILES)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_every_example_has_a_title_and_description_in_three_languages(path):
    entry = examples()[path.stem]
    for lang in LANGUAGES:
        assert entry.title.get(lang, "").strip(), (path.stem, lang, "title")
        assert len(entry.description.get(lang, "").strip()) > 40, (path.stem, lang, "description")
    assert len({entry.title[lang] for lang in LANGUAGES}) == 3, "a title was not translated"
    assert len({entry.description[lang] for lang in LANGUAGES}) == 3, "a description was not translated"
    for lang in ("fr", "nl"):
        assert not ENGLISH.search(entry.title[lang] + " " + entry.description[lang]), (path.stem, lang)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_the_french_title_is_the_files_name(path):
    """The file keeps one name; the catalogue's French title must not drift from it."""
    assert examples()[path.stem].title["fr"] == load_scenario(path).name


def test_titles_are_shown_in_the_readers_language_and_stored_as_the_file_has_them():
    name = load_scenario(ROOT / "scenarios" / "b_shared_house.yaml").name
    nl = title_for(name, "nl")
    assert nl == "Gedeeld huis in Sint-Gillis — ruimtes, onthaal en informatica"
    assert title_for(nl, "en").startswith("Shared house in Saint-Gilles")
    assert stored_name(nl) == name and stored_name(title_for(name, "en")) == name
    assert title_for("Mon propre pool", "nl") == "Mon propre pool" == stored_name("Mon propre pool")
    assert description_for(name, "anything", "nl").startswith("Twaalf kleine verenigingen")
    assert description_for("Mon propre pool", "mes mots", "nl") == "mes mots"
    assert example_text("b_shared_house.yaml", "xx") == example_text("b_shared_house", "fr")
    assert example_text("not_an_example", "fr") is None


@pytest.mark.parametrize("lang", LANGUAGES)
def test_cli_lists_the_examples_in_the_chosen_language(capsys, lang):
    assert main(["examples", "--lang", lang]) == 0
    out = capsys.readouterr().out
    for path in FILES:
        title, description = example_text(path, lang)
        assert path.name in out and title in out
        assert " ".join(description.split()[:6]) in " ".join(out.split())


def test_cli_examples_refuses_an_empty_folder(capsys, tmp_path):
    assert main(["examples", "--folder", str(tmp_path)]) == 2
    assert "--folder" in capsys.readouterr().err
