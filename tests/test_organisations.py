"""The organisation table: reading (CSV , / ; / xlsx / bytes / DataFrame), validation, sample."""

from __future__ import annotations

import importlib.util
import pickle
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from simulator.errors import InputError, InputErrors
from simulator.organisations import (
    ORG_COLUMNS,
    SAMPLE_FILE,
    column_specs,
    load_function_catalogue,
    read_organisations,
    sample_organisations,
    schema_table,
)
from simulator.tabular import MAX_UPLOAD_BYTES

ROOT = Path(__file__).resolve().parents[1]
HEADER = "id,name,subsector,commune,fte_total,budget_eur"
GOOD_ROW = "asbl_a,ASBL A,youth,ixelles,5,300000"


def csv_text(*rows: str, header: str = HEADER) -> str:
    return "\n".join([header, *rows]) + "\n"


def error_text(source, **kwargs) -> str:
    with pytest.raises(InputError) as caught:
        read_organisations(source, **kwargs)
    return str(caught.value)


# --- the bundled sample ------------------------------------------------------------------------

def test_sample_has_thirty_fictitious_organisations_across_subsectors():
    orgs = sample_organisations()
    table = orgs.table
    assert len(orgs) == 30
    assert orgs.source == "sample_organisations.csv"
    assert table["name"].str.contains(r"\(fictive\)|\(fictief\)").all()
    counts = table["subsector"].value_counts()
    assert counts["medical_centre"] == 6
    assert counts.sum() == 30
    assert table["fte_total"].min() == 2.5
    assert table["fte_total"].max() == 58
    assert table["contracting_authority"].sum() == 15
    ratio = table["budget_eur"] / table["fte_total"]
    assert ratio.between(60_000, 75_000).all()


def test_sample_values_and_types():
    orgs = sample_organisations()
    row = orgs.table.loc["mm_tilleuls"]
    assert row["commune"] == "anderlecht"
    assert row["fte_total"] == 14.0
    assert row["accounting.fte"] == 0.2
    assert row["joint_committee"] == "330"
    assert list(orgs.table.columns) == list(ORG_COLUMNS[1:])
    assert orgs.table.index.name == "id"
    assert orgs.table["accounting.fte"].dtype == np.float64
    assert orgs.table["vat_exempt"].dtype == bool
    assert orgs.function_ids == tuple(load_function_catalogue())


def test_sample_is_what_the_generator_writes():
    spec = importlib.util.spec_from_file_location("make_sample", ROOT / "data" / "make_sample.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.build_csv() == SAMPLE_FILE.read_text(encoding="utf-8")


def test_field_fills_empty_with_zero_and_declared_marks_declared_costs():
    orgs = sample_organisations().subset(["mm_tilleuls", "passerelle_rue", "mm_heron_bleu"])
    assert orgs.field("accounting", "fte").tolist() == [0.2, 0.0, 0.2]
    assert orgs.declared("accounting", "cost_eur").tolist() == [True, False, False]
    assert orgs.field("accounting", "cost_eur").tolist() == [12000.0, 0.0, 0.0]
    with pytest.raises(InputError, match=r"did you mean 'accounting\.fte'"):
        orgs.field("accounting", "ftee")


# --- round trips ---------------------------------------------------------------------------------

def test_belgian_cp1252_round_trip_equals_comma_version(tmp_path):
    orgs = sample_organisations()
    belgian = tmp_path / "orgs_be.csv"
    orgs.to_csv(belgian, belgian=True, encoding="cp1252")
    raw = belgian.read_bytes()
    assert raw.startswith(b"id;name;subsector;")
    assert "Maison médicale des Tilleuls (fictive);medical_centre;anderlecht;14;973000;".encode(
        "cp1252") in raw
    assert b";0,2;12000;" in raw  # decimal comma
    comma = tmp_path / "orgs.csv"
    orgs.to_csv(comma)
    from_belgian = read_organisations(belgian)
    pd.testing.assert_frame_equal(from_belgian.table, read_organisations(comma).table)
    pd.testing.assert_frame_equal(from_belgian.table, orgs.table)


def test_xlsx_round_trip_from_path_and_upload(tmp_path):
    orgs = sample_organisations()
    path = tmp_path / "orgs.xlsx"
    orgs.table.reset_index().to_excel(path, index=False, engine="openpyxl")
    pd.testing.assert_frame_equal(read_organisations(path).table, orgs.table)
    uploaded = read_organisations(path.read_bytes(), name="upload.xlsx")
    pd.testing.assert_frame_equal(uploaded.table, orgs.table)
    assert uploaded.source == "upload.xlsx"


def test_dataframe_input_with_id_index_and_nan_as_empty():
    frame = pd.DataFrame({"name": ["A"], "subsector": ["youth"], "commune": ["uccle"],
                          "fte_total": [3], "budget_eur": [200_000.0],
                          "accounting.cost_eur": [np.nan]}, index=pd.Index(["a"], name="id"))
    orgs = read_organisations(frame)
    assert orgs.ids == ("a",)
    assert not orgs.declared("accounting")[0]
    assert orgs.table.loc["a", "vat_exempt"]
    assert not orgs.table.loc["a", "contracting_authority"]


@pytest.mark.parametrize(("cell", "expected"), [
    ('"1 234,56"', 1234.56), ('"1.234,56"', 1234.56), ("1234.5", 1234.5), ('"1,5"', 1.5),
    ('"1,234.5"', 1234.5), ("1e3", 1000.0), ('"2\u00a0500"', 2500.0), ("-0", 0.0),
])
def test_number_formats_in_comma_file(cell, expected):
    text = csv_text(GOOD_ROW + "," + cell, header=HEADER + ",energy.spend_eur")
    assert read_organisations(text).table["energy.spend_eur"].iloc[0] == expected


def test_semicolon_file_reads_belgian_numbers_and_cp1252_bytes():
    text = ("id;name;subsector;commune;fte_total;budget_eur;accounting.fte;energy.spend_eur\n"
            "a;Maison médicale;Medical centre;Saint-Gilles;12,5;1.234.567;0,15;1.234\n")
    orgs = read_organisations(text.encode("cp1252"), name="be.csv")
    row = orgs.table.loc["a"]
    assert (row["fte_total"], row["budget_eur"]) == (12.5, 1234567.0)
    assert (row["accounting.fte"], row["energy.spend_eur"]) == (0.15, 1234.0)
    assert (row["name"], row["subsector"], row["commune"]) == (
        "Maison médicale", "medical_centre", "saint_gilles")


def test_utf8_bom_aliases_joint_committee_booleans_and_comment_columns():
    header = HEADER + ",vat_exempt,contracting_authority,joint_committee,#note"
    text = csv_text("a,A,youth,Sint-Gillis,5,1,nee,ja,CP 319,02,hello",
                    "b,B,youth,Molenbeek-Saint-Jean,5,1,Oui,0,330,", header=header)
    text = text.replace("CP 319,02", '"CP 319,02"')
    table = read_organisations(("\ufeff" + text).encode("utf-8")).table
    assert table["commune"].tolist() == ["saint_gilles", "molenbeek"]
    assert table["vat_exempt"].tolist() == [False, True]
    assert table["contracting_authority"].tolist() == [True, False]
    assert table["joint_committee"].tolist() == ["319.02", "330"]
    assert "#note" not in table.columns


# --- bad input -----------------------------------------------------------------------------------

def test_empty_file(tmp_path):
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    assert error_text(path) == "empty.csv: file: the file is empty."
    assert "empty" in error_text(b"  \n\n", name="x.csv")


def test_binary_garbage_and_fake_xlsx():
    garbage = bytes(range(256)) * 40
    assert "binary data" in error_text(garbage, name="photo.csv")
    assert "Excel workbook" in error_text(b"PK\x03\x04 not really a zip", name="x.xlsx")
    assert ".xls" in error_text(b"\xd0\xcf\x11\xe0" + bytes(100), name="old.xls")


def test_oversize_upload_refused():
    data = b"x" * (MAX_UPLOAD_BYTES + 1)
    message = error_text(data, name="big.csv")
    assert message.startswith("big.csv: file:")
    assert "limit is 5 MB" in message


def test_header_only_file():
    assert "no organisations" in error_text(csv_text())


def test_unknown_column_suggests_closest_name():
    text = csv_text(GOOD_ROW + ",0.2", header=HEADER + ",acounting.fte")
    assert error_text(text) == "column 'acounting.fte': unknown column (did you mean " \
                               "'accounting.fte'?)"


def test_missing_id_column():
    text = csv_text("ASBL A,youth,ixelles,5,300000", header="name,subsector,commune,fte_total,"
                    "budget_eur")
    assert error_text(text) == "column 'id': this required column is missing."


def test_duplicate_id_names_both_rows():
    message = error_text(csv_text(GOOD_ROW, GOOD_ROW))
    assert message == ("row 3, column 'id': id 'asbl_a' is already used on row 2; ids must be "
                       "unique.")


def test_negative_cost_names_row_and_column():
    text = csv_text(GOOD_ROW + ",-100", header=HEADER + ",accounting.cost_eur")
    assert error_text(text) == ("row 2, column 'accounting.cost_eur': expected a number at least "
                                "0, found -100.")


def test_non_numbers_nan_and_infinity_are_all_reported():
    header = HEADER + ",accounting.fte,energy.spend_eur,insurance.spend_eur"
    text = csv_text(GOOD_ROW + ",abc,NaN,inf", header=header)
    with pytest.raises(InputErrors) as caught:
        read_organisations(text, name="orgs.csv")
    lines = str(caught.value).splitlines()
    assert lines == [
        "orgs.csv: row 2, column 'accounting.fte': expected a number, found 'abc'.",
        "orgs.csv: row 2, column 'energy.spend_eur': expected a number, found 'NaN'.",
        "orgs.csv: row 2, column 'insurance.spend_eur': expected a number, found 'inf'.",
    ]
    frame = pd.DataFrame({"id": ["a"], "name": ["A"], "subsector": ["youth"],
                          "commune": ["uccle"], "fte_total": [np.inf], "budget_eur": [1.0]})
    assert "row 2, column 'fte_total': expected a finite number" in error_text(frame)


def test_bad_boolean():
    text = csv_text(GOOD_ROW + ",peut-être", header=HEADER + ",vat_exempt")
    message = error_text(text)
    assert message.startswith("row 2, column 'vat_exempt': expected yes or no")
    assert "'peut-être'" in message


def test_unknown_subsector_and_commune_with_suggestions():
    text = csv_text("a,A,medical,ixeles,5,1")
    with pytest.raises(InputErrors) as caught:
        read_organisations(text)
    first, second = (str(e) for e in caught.value.errors)
    assert first.startswith("row 2, column 'subsector': unknown sub-sector 'medical' (did you "
                            "mean 'medical_centre'?)")
    assert "expected one of: medical_centre, mental_health" in first
    assert second == "row 2, column 'commune': unknown Brussels commune 'ixeles' (did you mean " \
                     "'ixelles'?)"


def test_zero_fte_bad_id_and_support_fte_above_total():
    header = HEADER + ",accounting.fte,payroll_hr.fte"
    text = csv_text("A b,A,youth,uccle,0,1,,", "b,B,youth,uccle,1,1,0.8,0.4", header=header)
    with pytest.raises(InputErrors) as caught:
        read_organisations(text)
    messages = [str(e) for e in caught.value.errors]
    assert messages == [
        "row 2, column 'id': 'A b' is not a valid id: use only lowercase letters, digits, '_' or "
        "'-' (for example 'a_b').",
        "row 2, column 'fte_total': expected a number more than 0, found 0.",
        "row 3, column 'fte_total': in-house FTE on support functions add up to 1.2, more than "
        "the total of 1 FTE.",
    ]


def test_row_numbers_count_blank_lines_as_a_spreadsheet_does():
    text = csv_text(GOOD_ROW, "", "b,B,youth,nowhere,5,1")
    assert error_text(text).startswith("row 4, column 'commune'")


def test_many_errors_are_all_kept_but_listing_is_capped():
    text = csv_text(*[f"o{i},O,youth,uccle,-1,1" for i in range(30)])
    with pytest.raises(InputErrors) as caught:
        read_organisations(text)
    assert len(caught.value.errors) == 30
    lines = str(caught.value).splitlines()
    assert len(lines) == 21
    assert lines[-1] == "… and 10 more problems."


def test_missing_file():
    assert error_text(ROOT / "nope.csv").startswith("nope.csv: file: there is no file")


# --- subset, schema, errors ----------------------------------------------------------------------

def test_subset_keeps_order_and_refuses_unknown_ids():
    orgs = sample_organisations()
    assert orgs.subset(["mm_glycines", "mm_tilleuls"]).ids == ("mm_glycines", "mm_tilleuls")
    with pytest.raises(InputError) as caught:
        orgs.subset(["mm_tileuls"])
    assert str(caught.value) == ("sample_organisations.csv: members: unknown organisation "
                                 "'mm_tileuls' (did you mean 'mm_tilleuls'?)")
    assert caught.value.message.startswith("unknown organisation 'mm_tileuls'")
    with pytest.raises(InputError, match="listed twice"):
        orgs.subset(["mm_tilleuls", "mm_tilleuls"])


def test_schema_follows_the_catalogue():
    schema = schema_table()
    assert schema["column"].tolist() == list(ORG_COLUMNS)
    assert schema["description"].str.len().min() > 10
    assert schema.set_index("column").loc["accounting.volume", "unit"] == \
        "accounting entries/year"
    extra = column_specs({"canteen": {"kind": "purchasing", "label": {"en": "Canteen"}}})
    assert [s.column for s in extra][-1] == "canteen.spend_eur"
    with pytest.raises(ValueError, match="unknown cost kind"):
        column_specs({"x": {"kind": "magic"}})


def test_errors_format_and_pickle():
    single = InputError("row 3, column 'a'", "bad.", "f.csv")
    assert str(single) == "f.csv: row 3, column 'a': bad."
    assert str(InputError("x", "bad.")) == "x: bad."
    many = InputErrors([single, InputError("y", "worse.")])
    assert str(many) == "f.csv: row 3, column 'a': bad.\ny: worse."
    again = pickle.loads(pickle.dumps(many))
    assert str(again) == str(many)
    assert isinstance(again, ValueError)


@pytest.mark.parametrize(("typed", "code"), [("Maison médicale", "medical_centre"), ("thuiszorg", "home_care"),
                                             ("Planning familial", "family_planning"), ("youth", "youth"),
                                             ("Daklozenzorg", "homelessness")])
def test_sub_sector_by_its_name_in_any_language(typed, code):
    from simulator.organisations import sample_organisations

    table = sample_organisations().table.head(1).reset_index()
    table.loc[0, "subsector"] = typed
    assert read_organisations(table, name="typed.csv").table.iloc[0]["subsector"] == code
