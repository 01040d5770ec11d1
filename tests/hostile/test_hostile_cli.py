"""Hostile input, class by class: every kind is refused with exit status 2, one readable line
naming the field, no traceback, nothing written, and in seconds (issue 12).

Each entry of :data:`KINDS` is one kind of bad or hostile input; a new instance of a class (a
new way to blow up YAML, a new absurd size…) belongs here. ``test_every_kind_is_refused_cleanly``
runs each through the real command line (``simulator.cli.main``) with an export target, so
"nothing written" is checked on every refusal; the final test prints the tally for the report.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from simulator.cli import main

ROOT = Path(__file__).resolve().parents[2]
B = str(ROOT / "scenarios" / "b_shared_house.yaml")
SCENARIO = """\
name: Hostile
members: [mm_tilleuls, mm_canal_vert, mm_glycines]
pooling: {accounting: all}
vehicle: cost_sharing_association
"""
HEADER = "id,name,subsector,commune,fte_total,budget_eur,accounting.fte,accounting.cost_eur"


def laughs(levels: int = 9, key: str = "description") -> str:
    """'Billion laughs': each anchor repeats the previous one ten times."""
    lines = ["a0: &a0 [lol]"]
    for i in range(1, levels + 1):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]")
    return "\n".join(lines) + f"\n{key}: *a{levels}\n"


def xlsx_with_rows(rows: int) -> bytes:
    """A tiny .xlsx (a few KB) whose sheet unpacks to ``rows`` rows."""
    body = "".join(f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>x</t></is></c></row>'
                   for r in range(1, rows + 1))
    sheet = ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
             f'spreadsheetml/2006/main"><sheetData>{body}</sheetData></worksheet>')
    parts = {
        "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
        'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-'
        'package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override '
        'PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        'spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType='
        '"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
        'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/'
        'spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships"><sheets><sheet name="organisations" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.'
        'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
        'openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
        '</Relationships>',
        "xl/worksheets/sheet1.xml": sheet,
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return buffer.getvalue()


def xlsx_bomb() -> bytes:
    """A zip whose one part unpacks to 60 MB of zeros (with an .xlsx signature)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * (60 * 2**20))
    return buffer.getvalue()


def with_table(table: str | bytes, name: str = "orgs.csv") -> dict[str, str | bytes]:
    return {"s.yaml": SCENARIO.replace("name: Hostile", f"name: Hostile\norganisations: {name}"),
            name: table}


def bad_rows(count: int) -> str:
    return HEADER + "\n" + "".join(f"o{i},O,??,??,x,y,z,w\n" for i in range(count))


#: kind → (files to write, extra CLI args after the command and file, command, words in the error)
#: The scenario file is ``s.yaml`` unless the files say otherwise; ``{tmp}`` is the test folder.
KINDS: dict[str, tuple[dict[str, str | bytes], list[str], str, list[str]]] = {
    # -- 2. resource exhaustion in YAML -------------------------------------------------------------
    "yaml_billion_laughs": ({"s.yaml": SCENARIO + laughs()}, [], "run", ["expands to more than"]),
    "yaml_laughs_in_distribution": ({"s.yaml": SCENARIO + laughs(key="uncertainty")}, [], "run",
                                    ["expands to more than"]),
    "yaml_laughs_in_a_base": ({"base.yaml": SCENARIO + laughs(), "s.yaml": "base: base.yaml\n"}, [],
                              "run", ["base.yaml", "expands to more than"]),
    "yaml_too_many_aliases": ({"s.yaml": SCENARIO + "x: &x 1\nl: [" + ", ".join(["*x"] * 150) + "]\n"},
                              [], "run", ["more than 100 aliases"]),
    "yaml_deep_list": ({"s.yaml": SCENARIO + "ramp_up: " + "[" * 5000 + "]" * 5000 + "\n"}, [], "run",
                       ["levels of nesting"]),
    "yaml_deep_mapping": ({"s.yaml": SCENARIO + "funding: " + "{a: " * 3000 + "1" + "}" * 3000 + "\n"},
                          [], "run", ["levels of nesting"]),
    "yaml_huge_file": ({"s.yaml": SCENARIO + "description: " + "x" * 5_000_000 + "\n"}, [], "run",
                       ["MB"]),
    "yaml_python_tag": ({"s.yaml": SCENARIO + "description: !!python/object/apply:os.system ['true']\n"},
                        [], "run", ["not valid YAML"]),
    "yaml_complex_key": ({"s.yaml": SCENARIO + "? [a, b]\n: 1\n"}, [], "run", ["plain name"]),
    # -- 3. values that are not what they look like -------------------------------------------------
    "bool_horizon": ({"s.yaml": SCENARIO + "horizon_years: true\n"}, [], "run", ["horizon_years"]),
    "bool_grant_share": ({"s.yaml": SCENARIO + "funding: {startup_grant: {share: true}}\n"}, [], "run",
                         ["funding.startup_grant.share"]),
    "bool_parameter": ({"s.yaml": SCENARIO + "parameters: {finance.discount_rate: true}\n"}, [], "run",
                       ["parameters"]),
    "text_horizon": ({"s.yaml": SCENARIO + "horizon_years: '10'\n"}, [], "run", ["horizon_years"]),
    "fractional_horizon": ({"s.yaml": SCENARIO + "horizon_years: 2.5\n"}, [], "run", ["horizon_years"]),
    "bool_exit_risk_as_text": ({"s.yaml": SCENARIO + "exit_risk: 'no'\n"}, [], "run", ["exit_risk"]),
    "duplicate_key": ({"s.yaml": SCENARIO + "vehicle: employer_group\n"}, [], "run",
                      ["'vehicle' appears twice", "line 4"]),
    "duplicate_nested_key": ({"s.yaml": SCENARIO + "funding:\n  loan: {amount_eur: 1, years: 2}\n"
                              "  loan: {amount_eur: 2, years: 2}\n"}, [], "run", ["'loan' appears twice"]),
    "infinite_money": ({"s.yaml": SCENARIO + "funding: {coordination_subsidy: {eur_per_year: .inf, "
                        "years: 2}}\n"}, [], "run", ["funding.coordination_subsidy.eur_per_year"]),
    "astronomical_money": ({"s.yaml": SCENARIO + "funding: {loan: {amount_eur: 1.0e+300, years: 2}}\n"},
                           [], "run", ["funding.loan.amount_eur"]),
    "nan_money": ({"s.yaml": SCENARIO + "funding: {fte_subsidy: {eur_per_fte: .nan, years: 2}}\n"}, [],
                  "run", ["funding.fte_subsidy.eur_per_fte"]),
    "infinite_rent": ({"s.yaml": SCENARIO + "sites: [{id: h, members: [mm_tilleuls], rent_eur_m2: .inf}]\n"},
                      [], "run", ["sites[0].rent_eur_m2"]),
    "infinite_parameter": ({"s.yaml": SCENARIO + "parameters: {premises.rent: .inf}\n"}, [], "run",
                           ["parameters.premises.rent"]),
    # -- 6. files that are not a scenario or a table: nothing quoted ------------------------------
    "base_not_yaml": ({"s.yaml": "base: /etc/passwd\nname: x\n"}, [], "run", ["base", ".yaml"]),
    "base_not_a_scenario": ({"secret.yaml": "password: hunter2\ntoken: abc\n",
                             "s.yaml": "base: secret.yaml\nname: x\n"}, [], "run",
                            ["not a scenario file"]),
    "base_is_a_folder": ({"d.yaml/x": "", "s.yaml": "base: d.yaml\nname: x\n"}, [], "run", ["base"]),
    "scenario_not_a_scenario": ({"s.yaml": "password: hunter2\n"}, [], "run", ["not a scenario file"]),
    "organisations_not_a_table": ({"s.yaml": SCENARIO + "organisations: /etc/passwd\n"}, [], "run",
                                  ["an organisation table is a .csv or .xlsx file"]),
    "organisations_csv_not_ours": (with_table("root:x:0:0:root:/root:/bin/bash\nsecret,hunter2\n"), [],
                                   "run", ["does not look like an organisation table"]),
    # -- 2. tables: bound the work, not only the bytes -------------------------------------------
    "csv_too_many_rows": (with_table(bad_rows(25_000)), [], "run", ["more than 20,000 rows"]),
    "csv_megabytes_of_bad_rows": (with_table(HEADER + "\n" + "o,O,??,??,x,y,z,w\n" * 19_000), [], "run",
                                  ["more problems"]),
    "csv_too_many_columns": (with_table(HEADER + "," + ",".join(f"c{i}" for i in range(600)) + "\n"), [],
                             "run", ["more than 500 columns"]),
    "csv_over_5_mb_by_path": (with_table(HEADER + "\n" + "#" * (6 * 2**20) + "\n"), [], "run",
                              ["the limit is 5 MB"]),
    "xlsx_small_file_many_rows": (with_table(xlsx_with_rows(60_000), "orgs.xlsx"), [], "run",
                                  ["more than 20,000 rows"]),
    "xlsx_zip_bomb": (with_table(xlsx_bomb(), "orgs.xlsx"), [], "run", ["unpacks to"]),
    "xlsx_not_a_zip": (with_table(b"PK\x03\x04garbage" * 10, "orgs.xlsx"), [], "run", ["Excel workbook"]),
    "csv_binary": (with_table(b"\x00\x01\x02" * 100), [], "run", ["binary"]),
    # -- 3. option values outside their domain, even when unused ----------------------------------
    "mc_negative_seed": ({}, ["--seed", "-1", "--draws", "10"], "mc", ["--seed"]),
    "mc_zero_draws": ({}, ["--draws", "0"], "mc", ["draws"]),
    "mc_absurd_draws": ({}, ["--draws", "1000000000000"], "mc", ["draws"]),
    "mc_zero_chunk": ({}, ["--chunk-size", "0"], "mc", ["chunk_size"]),
    "sobol_absurd_base_sample": ({}, ["--method", "sobol", "--n", str(2**30)], "sensitivity", ["n:"]),
    "sobol_not_power_of_two": ({}, ["--method", "sobol", "--n", "1000"], "sensitivity", ["power of two"]),
    "tornado_negative_seed": ({}, ["--seed", "-2"], "sensitivity", ["--seed"]),
    "sensitivity_zero_top": ({}, ["--top", "0"], "sensitivity", ["--top"]),
    "allocate_negative_seed": ({}, ["--seed", "-5"], "allocate", ["--seed"]),
    "allocate_one_sample": ({}, ["--samples", "1"], "allocate", ["--samples"]),
    # -- 4/5. exports that cannot complete: refused before anything is written --------------------
    "out_is_a_file": ({"taken": "x"}, ["--out", "{tmp}/taken"], "run", ["taken", "not a folder"]),
    "out_under_a_file": ({"taken": "x"}, ["--out", "{tmp}/taken/sub"], "run", ["taken", "not a folder"]),
    "excel_is_a_folder": ({"book.xlsx/keep": ""}, ["--excel", "{tmp}/book.xlsx"], "run", ["book.xlsx", "folder"]),
    "excel_exists_with_out": ({"book.xlsx": "old"}, ["--out", "{tmp}/new", "--excel", "{tmp}/book.xlsx"],
                              "run", ["would overwrite", "book.xlsx"]),
    "out_table_exists": ({"res/costs.csv": "old"}, ["--out", "{tmp}/res"], "run", ["would overwrite",
                                                                                  "costs.csv"]),
    "mc_out_is_a_file": ({"taken": "x"}, ["--draws", "10", "--out", "{tmp}/taken"], "mc", ["taken"]),
    "usage_unknown_option": ({}, ["--no-such-option"], "run", ["No such option"]),
}


def _write(tmp: Path, files: dict[str, str | bytes]) -> None:
    for name, content in files.items():
        path = tmp / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if name.endswith("/x") or name.endswith("/keep"):
            continue  # only the folder
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")


def _snapshot(tmp: Path) -> dict[str, bytes | None]:
    return {str(p.relative_to(tmp)): (p.read_bytes() if p.is_file() else None) for p in tmp.rglob("*")}


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_kind_is_refused_cleanly(kind: str, tmp_path: Path, capsys) -> None:
    files, extra, command, words = KINDS[kind]
    _write(tmp_path, files)
    target = str(tmp_path / "s.yaml") if "s.yaml" in files else B
    args = [a.replace("{tmp}", str(tmp_path)) for a in extra]
    if not any(a in ("--out", "--excel") for a in args) and command in ("run", "mc"):
        args += ["--out", str(tmp_path / "out")]
    before = _snapshot(tmp_path)
    code = main([command, target, *args])
    err = capsys.readouterr().err
    assert code == 2, err
    lines = err.strip().splitlines()
    assert len(lines) == 1 or "more problem" in err, err  # one line (or a bounded list of cells)
    assert err.startswith("error: ") and "Traceback" not in err
    assert len(lines) <= 22 and max(map(len, lines)) < 700, "a message must stay short"
    for word in words:
        assert word in err, (word, err)
    assert _snapshot(tmp_path) == before, "a refusal writes nothing"
    for secret in ("hunter2", "root:x:0:0"):
        assert secret not in err, "never quote a file that is not a scenario or a table"


def test_the_tally(capsys) -> None:
    """The number of hostile kinds tried (printed for the report; all must be refused cleanly)."""
    with capsys.disabled():
        print(f"\n{len(KINDS)} kinds of hostile input tried through the command line")
    assert len(KINDS) >= 50


def test_an_api_caller_gets_the_same_refusals(tmp_path: Path) -> None:
    """The caps hold for the Python API too: an InputError naming the field, never a hang."""
    from simulator import InputError, load_scenario

    for kind in ("yaml_billion_laughs", "bool_horizon", "duplicate_key", "csv_too_many_rows"):
        folder = tmp_path / kind
        folder.mkdir()
        _write(folder, KINDS[kind][0])
        with pytest.raises(InputError):
            load_scenario(folder / "s.yaml")
