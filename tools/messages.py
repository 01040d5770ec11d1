"""Keep the engine's message catalogues in step with the code.

    python tools/messages.py            # extract messages, update fr/nl .po files, report gaps
    python tools/messages.py --check    # exit 1 when a message has no French or Dutch text
    python tools/messages.py --add new.yaml   # fill texts from {code: {fr: …, nl: …}} then update

Messages are found with Babel's extractor: ``msg("code", "English …")`` and ``N_("code",
"English …")`` anywhere in ``simulator/``, plus the warnings of ``vehicles.yaml``. Each becomes a
catalogue entry whose ``msgctxt`` is the code and ``msgid`` the English template. Existing
translations are kept; an entry whose English changed is marked fuzzy (shown in English until a
translator checks it); entries no longer in the code are dropped. Translators edit the ``.po``
files with the usual tools (Poedit, Weblate…).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "simulator"
LOCALE = PACKAGE / "locale"
DOMAIN = "mutualise"
LANGS = ("fr", "nl")
KEYWORDS = {"msg": ((1, "c"), 2), "N_": ((1, "c"), 2)}


def source_messages() -> dict[str, str]:
    """Code -> English template of every message in the engine's code and data."""
    found: dict[str, str] = {}
    for _file, _line, message, _comments, context in extract_from_dir(
            str(PACKAGE), method_map=[("**.py", "python")], keywords=KEYWORDS, comment_tags=()):
        if context and isinstance(message, str):
            found[context] = message
    import yaml

    vehicles = yaml.safe_load((PACKAGE / "data" / "vehicles.yaml").read_text(encoding="utf-8"))
    for vid, entry in vehicles.items():
        if entry.get("warning"):
            found[f"vehicle.warning.{vid}"] = entry["warning"]
    return dict(sorted(found.items()))


def po_path(lang: str) -> Path:
    return LOCALE / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def read_catalog(lang: str) -> Catalog:
    path = po_path(lang)
    if not path.is_file():
        return Catalog(locale=lang, domain=DOMAIN)
    with path.open("rb") as handle:
        return read_po(handle, locale=lang)


def update(lang: str, messages: dict[str, str], given: dict[str, str] | None = None) -> list[str]:
    """Rewrite ``lang``'s catalogue for ``messages``; returns the codes left untranslated."""
    previous_catalog = read_catalog(lang)
    old = {m.context: m for m in previous_catalog if m.id and m.context}
    new = Catalog(locale=lang, domain=DOMAIN, project="Mutualise", version=None, fuzzy=False,
                  copyright_holder="Mutualise contributors", msgid_bugs_address="",
                  creation_date=previous_catalog.creation_date, revision_date=previous_catalog.revision_date,
                  last_translator="Mutualise contributors", language_team=f"Mutualise {lang}")
    missing = []
    for code, english in messages.items():
        previous = old.get(code)
        text, fuzzy = "", False
        if given and given.get(code):
            text = given[code]
        elif previous is not None and previous.string:
            text, fuzzy = previous.string, previous.fuzzy or previous.id != english
        flags = {"python-brace-format"} | ({"fuzzy"} if fuzzy else set())
        new.add(english, text, context=code, flags=flags)
        if not text or fuzzy:
            missing.append(code)
    path = po_path(lang)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        write_po(handle, new, width=100, omit_header=False, sort_output=False)
    return missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="only report; exit 1 on any gap")
    parser.add_argument("--add", type=Path, help="YAML {code: {fr: text, nl: text}} to fill in first")
    args = parser.parse_args(argv)
    messages = source_messages()
    gaps = {}
    for lang in LANGS:
        if args.check:
            known = {m.context: m for m in read_catalog(lang) if m.id and m.context}
            gaps[lang] = [c for c, e in messages.items()
                          if c not in known or not known[c].string or known[c].fuzzy or known[c].id != e]
            continue
        given = None
        if args.add:
            import yaml

            given = {code: texts.get(lang, "") for code, texts in
                     yaml.safe_load(args.add.read_text(encoding="utf-8")).items()}
        gaps[lang] = update(lang, messages, given)
    for lang, codes in gaps.items():
        for code in codes:
            print(f"{lang}: no translation for {code}: {messages[code]!r}")
    print(f"{len(messages)} messages; untranslated: " + ", ".join(f"{k} {len(v)}" for k, v in gaps.items()))
    return 1 if any(gaps.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
