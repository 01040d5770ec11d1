"""Uploads and typed tables: good ones are used, bad ones show an inline error, never a traceback."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest
from app_harness import expected_headline, goto, metrics, new_app, no_failure, scenario

from simulator.organisations import read_organisations, sample_organisations

MEMBERS = ["mm_tilleuls", "mm_canal_vert", "mm_glycines"]


def sample_subset() -> pd.DataFrame:
    return sample_organisations().table.loc[MEMBERS].reset_index()


def csv_comma() -> bytes:
    return sample_subset().to_csv(index=False).encode("utf-8")


def csv_belgian() -> bytes:
    orgs = read_organisations(sample_subset(), name="x.csv")
    return orgs.to_csv(belgian=True).encode("utf-8-sig")


def xlsx() -> bytes:
    buffer = io.BytesIO()
    sample_subset().to_excel(buffer, index=False)
    return buffer.getvalue()


def open_upload(at):
    at.radio(key="w:_members_source").set_value("upload").run()
    return at.get("file_uploader")[0]


@pytest.mark.parametrize("name,content", [("members.csv", csv_comma()),
                                          ("members_be.csv", csv_belgian()),
                                          ("members.xlsx", xlsx())])
def test_uploaded_table_is_used_and_figures_equal_the_engine(name, content):
    at = new_app()
    open_upload(at).set_value((name, content, "application/octet-stream"))
    at.run()
    no_failure(at)
    data = scenario(at)
    assert data["organisations"] == name
    assert data["members"] == MEMBERS
    orgs = read_organisations(content, name=name)
    expected = expected_headline(data, organisations=orgs)
    assert metrics(at) == list(expected.values())
    assert at.session_state["custom_orgs"]["name"] == name


def test_bad_upload_names_row_and_column_and_shows_no_traceback():
    frame = sample_subset().astype(object)
    frame.loc[1, "fte_total"] = "beaucoup"
    frame.loc[2, "commune"] = "Paris"
    at = new_app()
    before = scenario(at)
    open_upload(at).set_value(("bad.csv", frame.to_csv(index=False).encode(), "text/csv"))
    at.run()
    no_failure(at)
    assert at.error
    text = at.error[0].value
    assert "ligne 3, colonne « ETP total »" in text
    assert "ligne 4, colonne « Commune »" in text
    assert "Traceback" not in text
    assert scenario(at) == before  # nothing half-applied


@pytest.mark.parametrize("content", [b"\x00\x01\x02 not a table", b"", b"id;name\n",
                                     "é,à\n1,2".encode("cp1252"), b"PK\x03\x04garbage"])
def test_garbage_uploads_are_refused_calmly(content):
    at = new_app()
    open_upload(at).set_value(("junk.csv", content, "text/csv"))
    at.run()
    no_failure(at)
    assert at.error


def test_oversized_upload_is_refused():
    at = new_app()
    big = csv_comma() + b"#" * (6 * 1024 * 1024)
    open_upload(at).set_value(("big.csv", big, "text/csv"))
    at.run()
    no_failure(at)
    assert at.error


def test_back_to_sample_after_an_upload():
    at = new_app()
    open_upload(at).set_value(("members.csv", csv_comma(), "text/csv"))
    at.run()
    at.radio(key="w:_members_source").set_value("sample").run()
    next(b for b in at.button if b.label == "Revenir à l'échantillon fourni").click().run()
    no_failure(at)
    assert scenario(at)["organisations"] == "sample"
    assert "custom_orgs" not in at.session_state
    assert metrics(at) == list(expected_headline(scenario(at)).values())


def test_typed_table_with_an_error_shows_row_and_column():
    at = new_app()
    at.radio(key="w:_members_source").set_value("type").run()
    key = next(e.key for e in at.data_editor if e.key and "_members_editor" in e.key)
    at.session_state[key] = {"edited_rows": {"0": {"fte_total": -3}}, "added_rows": [],
                             "deleted_rows": []}
    at.run()
    next(b for b in at.button if b.label == "Utiliser ce tableau").click().run()
    no_failure(at)
    assert at.error
    assert "ligne 2, colonne « ETP total »" in at.error[0].value


def test_typed_table_is_used():
    at = new_app()
    at.radio(key="w:_members_source").set_value("type").run()
    key = next(e.key for e in at.data_editor if e.key and "_members_editor" in e.key)
    at.session_state[key] = {"edited_rows": {"0": {"name": "Ma maison médicale"}},
                             "added_rows": [], "deleted_rows": []}
    at.run()
    next(b for b in at.button if b.label == "Utiliser ce tableau").click().run()
    no_failure(at)
    data = scenario(at)
    assert data["organisations"] == "members_typed.csv"
    custom = at.session_state["custom_orgs"]
    orgs = read_organisations(custom["csv"], name="members.csv")
    assert orgs.table.iloc[0]["name"] == "Ma maison médicale"
    expected = expected_headline(data, organisations=orgs)
    assert metrics(at) == list(expected.values())


def test_bad_scenario_yaml_upload_shows_the_field(tmp_path):
    at = goto(new_app(), "share")
    before = scenario(at)
    bad = b"name: x\nmembers: [mm_tilleuls]\npooling: {accounting: all}\nvehicle: rocket\n"
    at.get("file_uploader")[0].set_value(("bad.yaml", bad, "application/x-yaml"))
    at.run()
    no_failure(at)
    assert at.error and "Véhicule" in at.error[0].value and "« rocket » inconnu" in at.error[0].value
    assert scenario(at) == before


@pytest.mark.parametrize("content", [b"!!python/object/apply:os.system ['echo hacked']",
                                     b"[unclosed", b"- just\n- a list\n", b"\xff\xfe\x00"])
def test_unsafe_or_broken_yaml_is_refused(content):
    at = goto(new_app(), "share")
    at.get("file_uploader")[0].set_value(("evil.yaml", content, "application/x-yaml"))
    at.run()
    no_failure(at)
    assert at.error


def test_uploaded_scenario_pointing_at_a_server_file_is_not_read():
    at = goto(new_app(), "share")
    text = (b"name: x\norganisations: /etc/passwd\nmembers: [a, b]\n"
            b"pooling: {accounting: all}\nvehicle: cost_sharing_association\n")
    at.get("file_uploader")[0].set_value(("x.yaml", text, "application/x-yaml"))
    at.run()
    no_failure(at)
    goto(at, "results")
    no_failure(at)
    assert at.error
    assert "root:" not in "\n".join(e.value for e in at.error)


def test_typed_table_shows_names_and_accepts_names_or_codes():
    at = new_app()
    at.radio(key="w:_members_source").set_value("type").run()
    editor = next(e for e in at.data_editor if e.key and "_members_editor" in e.key)
    config = json.loads(editor.proto.columns)
    assert config["subsector"]["type_config"]["options"][0]["label"] == "maison médicale"
    assert config["subsector"]["type_config"]["options"][0]["value"] == "medical_centre"
    assert config["fte_total"]["type_config"]["format"] == "localized"
    assert all("help" not in c or "." not in str(c.get("help")) for c in config.values())
    at.session_state[editor.key] = {"edited_rows": {"0": {"subsector": "Santé mentale", "commune": "Elsene"}},
                                    "added_rows": [], "deleted_rows": []}
    at.run()
    next(b for b in at.button if b.label == "Utiliser ce tableau").click().run()
    no_failure(at)
    orgs = read_organisations(at.session_state["custom_orgs"]["csv"], name="members.csv")
    assert (orgs.table.iloc[0]["subsector"], orgs.table.iloc[0]["commune"]) == ("mental_health", "ixelles")
