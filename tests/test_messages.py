"""The engine's messages: a code, parameters, and a text in French, Dutch and English (issue 13)."""

from __future__ import annotations

import pickle
import re
import sys
from pathlib import Path

import pytest

from simulator import Scenario
from simulator.errors import InputError, InputErrors
from simulator.messages import Message, _catalogue, msg, render

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import messages as catalogue_tool  # noqa: E402

BASE = {"name": "x", "members": ["mm_tilleuls", "mm_canal_vert", "mm_glycines"],
        "pooling": {"accounting": "all"}, "vehicle": "cost_sharing_association"}


def problems(data) -> list[InputError]:
    with pytest.raises(InputError) as caught:
        Scenario.from_dict(data)
    return caught.value.errors if isinstance(caught.value, InputErrors) else [caught.value]


def test_every_message_of_the_code_is_translated():
    """A new msg()/N_() without a French and a Dutch text fails here (run tools/messages.py)."""
    assert catalogue_tool.main(["--check"]) == 0


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_translations_use_only_the_placeholders_of_the_english(lang):
    for (code, english), text in ((k, v) for k, v in _catalogue(lang).items() if isinstance(k, tuple)):
        assert set(re.findall(r"{(\w+)}", text)) <= set(re.findall(r"{(\w+)}", english)), code


def test_a_message_is_its_english_text_and_renders_in_each_language():
    m = msg("scenario.too_few_members", "the vehicle {vehicle} needs at least {need} members; the pool has {got}",
            vehicle="employer_group", need=3, got=2)
    assert isinstance(m, str) and m.code == "scenario.too_few_members"
    assert m == "the vehicle employer_group needs at least 3 members; the pool has 2"
    assert m.render("fr") == "le véhicule « Groupement d'employeurs » demande au moins 3 membres ; le pool en compte 2"
    assert m.render("nl") == "het voertuig 'Werkgeversgroepering' vraagt minstens 3 leden; de pool telt er 2"
    assert "Employer group" in m.render("en")


def test_numbers_are_written_the_belgian_way():
    m = msg("table.fte_over_total", "in-house FTE on support functions add up to {used}, more than the total of "
            "{total} FTE.", used=1234.5, total=1000)
    assert "1234.5" in m
    assert "1\u202f234,5" in m.render("fr") or "1 234,5" in m.render("fr")
    assert "1.234,5" in m.render("nl")


def test_messages_and_errors_survive_pickling():
    m = msg("scenario.member_twice", "member '{member}' is listed twice", member="a")
    back = pickle.loads(pickle.dumps(InputError("members", m)))
    assert isinstance(back.message, Message) and back.render("fr") == "le membre « a » figure deux fois"


def test_plain_text_stays_as_it_is():
    assert render("déjà traduit", "nl") == "déjà traduit"
    assert InputError("x", "plain").render("fr") == "plain"


@pytest.mark.parametrize(("change", "code", "french"), [
    ({"members": []}, "schema.empty", "ne peut pas être vide"),
    ({"members": ["mm_tilleuls"], "vehicle": "employer_group"}, "scenario.too_few_members", "demande au moins 3"),
    ({"vehicle": "employer_grup"}, "scenario.unknown_vehicle", "vouliez-vous dire 'employer_group' ?"),
    ({"horizon_years": "dix"}, "schema.whole_number", "un nombre entier est attendu"),
    ({"horizon_years": 0}, "schema.at_least", "doit valoir au moins 1"),
    ({"allocation": "shapley"}, "schema.one_of", "valeurs possibles : use, standalone, equal"),
    ({"membres": ["a"]}, "schema.unknown_key", "clé inconnue (vouliez-vous dire 'members' ?)"),
    ({"parameters": {"finance.discount_rate": 3}}, "parameter.out_of_range", "300 % est hors de la plage admise"),
    ({"parameters": {"finance.discount_rat": 0.03}}, "parameter.unknown", "hypothèse inconnue"),
    ({"pooling": {"premises": "all"}, "vehicle": "employer_group"}, "scenario.vehicle_kind", "Locaux partagés"),
])
def test_scenario_errors_carry_a_code_and_read_in_french(change, code, french):
    found = problems({**BASE, **change})
    assert code in [e.code for e in found]
    text = " ".join(e.render("fr") for e in found if e.code == code)
    assert french in text
    assert not re.search(r"\b(the|is|must|should|expected|unknown|valid|input|got)\b", text), text
