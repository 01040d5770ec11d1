"""Content that is dangerous once written or computed: formula injection in every export
(class 1), bounded error collection (class 2), the validated range (class 7), bounded YAML."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from simulator import InputError, Scenario, simulate
from simulator.errors import MAX_KEPT, InputErrors
from simulator.export import FORMULA_TRIGGERS, export, neutralise, neutralise_frame
from simulator.organisations import read_organisations, sample_organisations
from simulator.safe_yaml import MAX_NODES, expanded_size, load

ROOT = Path(__file__).resolve().parents[2]
PAYLOADS = ["=HYPERLINK(\"http://x\",\"y\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A2)",
            "\t=1+1", "\r=1+1", "\n=1", "\uff1d1+1"]


def hostile_table() -> pd.DataFrame:
    """The sample table with formula payloads as organisation names."""
    table = sample_organisations().table.copy()
    table["name"] = [PAYLOADS[i % len(PAYLOADS)] for i in range(len(table))]
    return table


# --- class 1: formula injection --------------------------------------------------------------------

@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_text_that_starts_a_formula_is_neutralised(payload):
    assert neutralise(payload) == "'" + payload


@pytest.mark.parametrize("safe", ["Maison médicale", "", "-12.5", "+3", "1e-3", " =not a formula"])
def test_plain_text_and_numbers_written_as_text_are_kept(safe):
    assert neutralise(safe) == safe


@given(st.text(max_size=30))
def test_no_neutralised_text_can_start_a_formula(text):
    out = neutralise(text)
    assert not (isinstance(out, str) and out.startswith(FORMULA_TRIGGERS)) or out == text
    assert out in (text, "'" + text)


def test_numbers_stay_numbers():
    frame = pd.DataFrame({"n": [1.5, -2.0], "who": ["=1", "ok"], "k": [1, 2]})
    safe = neutralise_frame(frame)
    assert safe["n"].tolist() == [1.5, -2.0] and safe["k"].dtype == frame["k"].dtype
    assert safe["who"].tolist() == ["'=1", "ok"]
    assert frame["who"].tolist() == ["=1", "ok"]  # the caller's frame is not touched


@pytest.fixture(scope="module")
def hostile_result():
    orgs = read_organisations(hostile_table().reset_index(), name="hostile.csv")
    members = list(orgs.ids[:4])
    scenario = Scenario.from_dict({"name": "=1+1 pool", "description": "@evil", "members": members,
                                   "pooling": {"accounting": "all"},
                                   "vehicle": "cost_sharing_association"})
    return simulate(scenario, orgs)


def test_csv_and_excel_exports_hold_no_formula(hostile_result, tmp_path):
    paths = export(hostile_result.tables(), directory=tmp_path / "csv", excel=tmp_path / "r.xlsx")
    cells = []
    for path in paths:
        if path.suffix == ".csv":
            with path.open(newline="", encoding="utf-8") as fh:
                cells += [c for row in csv.reader(fh) for c in row]
        else:
            book = openpyxl.load_workbook(path)
            for sheet in book.worksheets:
                for row in sheet.iter_rows():
                    for cell in row:
                        assert cell.data_type != "f", f"live formula in {sheet.title}!{cell.coordinate}"
                        cells.append(cell.value)
    texts = [c for c in cells if isinstance(c, str)]
    assert "'=1+1 pool" in texts  # the scenario's name, neutralised
    assert any(t.startswith("'") and t[1:] in PAYLOADS for t in texts)  # the members' names
    assert not [t for t in texts if t.startswith(FORMULA_TRIGGERS) and not _is_number(t)]
    numbers = [c for c in cells if isinstance(c, int | float)]
    assert numbers, "Excel cells that were numbers stay numbers"


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def test_the_apps_downloads_hold_no_formula(hostile_result):
    """The app's zip of CSVs and its Excel file go through the same export."""
    from ui import charts

    raw = charts.csv_bytes(pd.DataFrame({"member": ["=1+1", "ok"], "gain": [1.0, 2.0]}), index=False)
    text = raw.decode("utf-8-sig")
    assert "'=1+1" in text and "\n=1+1" not in text and text.splitlines()[1].startswith("'=")
    table_csv = read_organisations(hostile_table().reset_index()).to_csv()
    assert all(not line.split(",")[1].startswith(FORMULA_TRIGGERS) for line in table_csv.splitlines()[1:])


def test_a_neutralised_table_reads_back_unchanged():
    """The member table the app offers for download reads back with the same names."""
    table = read_organisations(hostile_table().reset_index())
    again = read_organisations(table.to_csv(), name="again.csv")
    assert again.table["name"].tolist() == table.table["name"].tolist()
    assert again.table["name"].iloc[0] == PAYLOADS[0]


# --- class 2: bounded work ---------------------------------------------------------------------------

def test_errors_beyond_the_first_ones_are_counted_not_kept():
    header = "id,name,subsector,commune,fte_total,budget_eur"
    text = header + "\n" + "".join(f"o{i},O,??,??,x,y\n" for i in range(5000))
    with pytest.raises(InputErrors) as caught:
        read_organisations(text, name="bad.csv")
    err = caught.value
    assert len(err.errors) == MAX_KEPT and err.more > 10_000
    lines = str(err).splitlines()
    assert len(lines) == 21 and lines[-1].startswith(f"… and {MAX_KEPT + err.more - 20:,}".replace(",", ""))


def test_expanded_size_counts_aliases_without_expanding():
    import yaml

    text = "a: &a [1, 2]\nb: &b [*a, *a, *a]\nc: [*b, *b]\n"
    root = yaml.compose(text)
    # a = 3 nodes; b = 1 + 3·3 = 10; c = 1 + 2·10 = 21; root = 1 + 3 keys + 3 + 10 + 21 = 38
    assert expanded_size(root) == 38


def test_a_huge_expansion_is_refused_quickly():
    lines = ["a0: &a0 [x]"] + [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 10)]
    with pytest.raises(InputError, match=f"more than {MAX_NODES:,} values"):
        load("\n".join(lines))


def test_an_error_message_never_renders_a_huge_value():
    err = InputError("uncertainty.x", "bad spec " + "lol, " * 100_000)
    assert len(str(err)) < 600


def test_xlsx_caps_hold_for_uploads_too():
    from tests.hostile.test_hostile_cli import xlsx_bomb, xlsx_with_rows

    with pytest.raises(InputError, match="more than 20,000 rows"):
        read_organisations(xlsx_with_rows(30_000), name="up.xlsx")
    with pytest.raises(InputError, match="unpacks to"):
        read_organisations(xlsx_bomb(), name="up.xlsx")


# --- class 7: the validated range -------------------------------------------------------------------

def test_a_pool_far_outside_the_validated_range_says_so(make_orgs):
    from simulator.validity import validated_range

    limit = validated_range()["members_per_pool"]["max"]
    rows = [{"id": f"m{i}", "accounting.fte": 0.5} for i in range(limit + 5)]
    orgs = make_orgs(rows)
    scenario = Scenario.from_dict({"name": "big", "members": list(orgs.ids), "pooling": {"accounting": "all"},
                                   "vehicle": "cost_sharing_association", "organisations": "synthetic.csv"})
    warnings = simulate(scenario, orgs).warnings
    assert any(f"pool has {limit + 5} members" in w and f"at most {limit}" in w for w in warnings)
    small = Scenario.from_dict({**scenario.to_dict(), "members": list(orgs.ids[:limit]),
                                "pooling": {"accounting": "all"}})
    assert not any("validated" in w for w in simulate(small, orgs).warnings)


def test_the_validated_range_is_catalogue_data():
    from simulator.validity import validated_range

    for entry in validated_range().values():
        assert {"max", "unit", "grade", "source"} <= set(entry) and entry["grade"] in "BFDG"


def test_range_warnings_are_translated():
    from simulator.validity import range_warnings
    from ui.widgets import translate_warning

    text = range_warnings(40, 3.0)[0]
    assert text.startswith("the pool has 40 members")
    assert translate_warning(text).startswith("le pool compte 40 membres")


def test_a_shared_link_nested_too_deep_is_refused_not_crashed():
    import zlib

    from ui import share

    raw = ("[" * 200_000 + "]" * 200_000).encode()
    token = share.base64.urlsafe_b64encode(zlib.compress(raw, 9)).decode().rstrip("=")
    with pytest.raises(share.ShareError):
        share.decode(token)
