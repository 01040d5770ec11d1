"""``mutualise validate`` starts fast (issue 15): checking a scenario never loads pandas.

The organisation table is parsed into read-only numpy columns and compiled from them; the pandas
DataFrame (``Organisations.table``) is built only when someone asks for it. These tests pin both
halves: the command stays pandas-free (a fresh interpreter, so the gain cannot silently
regress), and the column store answers exactly as the DataFrame does.
"""

from __future__ import annotations

import pickle
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import yaml
from fresh_python import last_json, run_fresh
from hypothesis import given, settings
from hypothesis import strategies as st

from simulator.bundled_yaml import load_bundled
from simulator.errors import InputError
from simulator.model import compile_scenario
from simulator.org_cache import cached_organisations, clear_cache
from simulator.organisations import ORG_COLUMNS, SAMPLE_FILE, Organisations, read_organisations, sample_organisations
from simulator.scenario import Scenario
from simulator.tabular import is_blank

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "scenarios" / "a_medical_centres_employer_group.yaml"
#: What validate must not load: the DataFrame stack, the kernel, and what only runs need.
NOT_FOR_VALIDATE = ("pandas", "pyarrow", "scipy", "SALib", "rich", "simulator.kernel", "simulator.results",
                    "simulator.games", "simulator.uncertainty")


def run_cli_in_fresh_process(args: list[str]) -> tuple[int, str, list[str]]:
    """Exit status, stderr and sys.modules after the CLI's ``main(args)`` in a new interpreter."""
    probe = ("import io, contextlib, json, sys\nfrom simulator.cli import main\n"
             "err = io.StringIO()\n"
             "with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):\n"
             f"    status = main({args!r})\n"
             "print(json.dumps([status, err.getvalue(), sorted(sys.modules)]))")
    status, err, modules = last_json(probe)
    return status, err, modules


def scenario_with_table(tmp_path: Path, suffix: str) -> Path:
    """The example scenario reading its members from a copy of the sample as .csv or .xlsx."""
    table = tmp_path / f"members{suffix}"
    if suffix == ".csv":
        table.write_bytes(SAMPLE_FILE.read_bytes())
    else:
        sample_organisations().table.reset_index().to_excel(table, index=False, engine="openpyxl")
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    data["organisations"] = table.name
    path = tmp_path / f"scenario_{suffix[1:]}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


# --- the command stays pandas-free ---------------------------------------------------------------

def examples_without_ranges() -> list[str]:
    """The example scenarios, except those with an ``uncertainty:`` block: checking ranges needs
    the distributions, which load scipy (the uncertainty layer's imports, not the table's)."""
    examples = sorted((ROOT / "scenarios").glob("*.yaml"))
    plain = [str(p) for p in examples if not re.search(r"^uncertainty:", p.read_text(encoding="utf-8"), re.M)]
    assert len(plain) >= len(examples) - 1 and str(EXAMPLE) in plain
    return plain


def test_validate_every_example_and_a_csv_and_xlsx_table_without_pandas(tmp_path):
    files = [*examples_without_ranges(),
             str(scenario_with_table(tmp_path, ".csv")), str(scenario_with_table(tmp_path, ".xlsx"))]
    status, err, modules = run_cli_in_fresh_process(["validate", *files])
    assert (status, err) == (0, "")
    assert "simulator.model" in modules and "openpyxl" in modules  # it did compile, and read the .xlsx
    assert [m for m in NOT_FOR_VALIDATE if m in modules] == []


#: A scenario with ranges needs the distributions to check them, and nothing else of the
#: uncertainty layer: not scipy (drawn from only when sampling), the driver (pandas) or Sobol (SALib).
NOT_FOR_RANGES = ("pandas", "pyarrow", "scipy", "SALib", "rich", "simulator.kernel", "simulator.results",
                  "simulator.games", "simulator.uncertainty.montecarlo", "simulator.uncertainty.sensitivity")


def test_validate_a_scenario_with_ranges_without_scipy_or_pandas():
    ranged = [str(p) for p in sorted((ROOT / "scenarios").glob("*.yaml"))
              if re.search(r"^uncertainty:", p.read_text(encoding="utf-8"), re.M)]
    assert ranged, "an example with an uncertainty: block is expected"
    status, err, modules = run_cli_in_fresh_process(["validate", *ranged])
    assert (status, err) == (0, "")
    assert "simulator.uncertainty.distributions" in modules  # the ranges were checked
    assert [m for m in NOT_FOR_RANGES if m in modules] == []


def test_a_refused_range_is_refused_without_scipy(tmp_path):
    ranged = next(p for p in sorted((ROOT / "scenarios").glob("*.yaml"))
                  if re.search(r"^uncertainty:", p.read_text(encoding="utf-8"), re.M))
    data = yaml.safe_load(ranged.read_text(encoding="utf-8"))
    if "base" in data:  # the copy lives elsewhere: its base by absolute path
        data["base"] = str(ranged.parent / data["base"])
    data["uncertainty"] = {"finance.discount_rate": {"dist": "triangular", "low": 0.05, "mode": 0.03, "high": 0.06}}
    bad = tmp_path / "bad_range.yaml"
    bad.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    status, err, modules = run_cli_in_fresh_process(["validate", str(bad)])
    assert status == 2 and "finance.discount_rate" in err and "mode" in err, err
    assert "scipy" not in modules


def test_a_refused_scenario_is_refused_the_same_way_without_pandas(tmp_path):
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    data["members"] = [*data["members"][:3], "mm_tileuls"]
    bad = tmp_path / "bad.yaml"
    bad.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    status, err, modules = run_cli_in_fresh_process(["validate", str(bad)])
    assert status == 2
    assert err == "error: bad.yaml: members[3]: unknown organisation 'mm_tileuls' (did you mean 'mm_tilleuls'?)\n"
    assert "pandas" not in modules


# --- the column store answers as the DataFrame does ----------------------------------------------

def test_parsed_columns_are_typed_read_only_and_build_the_documented_frame():
    orgs = read_organisations(SAMPLE_FILE)
    assert orgs.column_names == ORG_COLUMNS[1:] and len(orgs) == 30
    assert orgs.column("fte_total").dtype == np.float64
    assert orgs.column("vat_exempt").dtype == bool
    assert orgs.column("joint_committee").dtype == object
    with pytest.raises(ValueError, match="read-only"):
        orgs.column("fte_total")[0] = 1.0
    frame = orgs.table
    assert frame.index.name == "id" and tuple(frame.index) == orgs.ids
    assert list(frame.columns) == list(ORG_COLUMNS[1:])
    row = frame.loc["mm_tilleuls"]  # hand-read from data/sample_organisations.csv
    assert (row["fte_total"], row["budget_eur"], row["joint_committee"], row["commune"]) == (
        14.0, 973_000.0, "330", "anderlecht")
    assert (row["accounting.fte"], row["accounting.cost_eur"], row["vat_exempt"]) == (0.2, 12_000.0, True)
    assert np.isnan(frame.loc["mm_tilleuls", "it_support.cost_eur"])


def both_forms(orgs: Organisations) -> tuple[Organisations, Organisations]:
    """The same table twice: answering from parsed columns, and from a built DataFrame."""
    columns, frame = orgs.copy(), orgs.copy()
    frame.table  # noqa: B018  (builds the frame: from now on it is the truth)
    return columns, frame


@settings(max_examples=30, deadline=None)
@given(st.data())
def test_columns_and_frame_give_the_same_fields_subsets_and_declared_costs(data):
    columns, frame = both_forms(sample_organisations())
    ids = data.draw(st.lists(st.sampled_from(columns.ids), min_size=1, max_size=8, unique=True))
    a, b = columns.subset(ids), frame.subset(ids)
    assert a.ids == b.ids == tuple(ids)
    for function_id in a.function_ids:
        for field in ("cost_eur", "fte"):
            if f"{function_id}.{field}" in a.column_names:
                np.testing.assert_array_equal(a.field(function_id, field), b.field(function_id, field))
                np.testing.assert_array_equal(a.declared(function_id, field), b.declared(function_id, field))
    pd.testing.assert_frame_equal(a.table, b.table)
    positions = [columns.ids.index(i) for i in ids]
    pd.testing.assert_frame_equal(columns.take(positions).table, a.table)
    pd.testing.assert_frame_equal(frame.take(positions).table, a.table)


def test_field_fills_empty_with_zero_and_declared_says_where_a_value_was_given():
    text = ("id,name,subsector,commune,fte_total,budget_eur,accounting.cost_eur\n"
            "a,A,youth,ixelles,5,300000,1200\nb,B,youth,ixelles,5,300000,\n")
    orgs = read_organisations(text)
    np.testing.assert_array_equal(orgs.field("accounting", "cost_eur"), [1200.0, 0.0])
    np.testing.assert_array_equal(orgs.declared("accounting"), [True, False])
    with pytest.raises(InputError, match=r"no such column \(did you mean 'accounting.cost_eur'\?\)"):
        orgs.field("accounting", "cost_euro")


def test_an_edit_to_the_built_frame_is_what_the_table_answers_from_then_on():
    orgs = sample_organisations()
    first = orgs.ids[0]
    orgs.table.loc[first, "fte_total"] = 99.0
    assert orgs.column("fte_total")[0] == 99.0 and orgs.subset([first]).column("fte_total")[0] == 99.0
    assert sample_organisations().column("fte_total")[0] != 99.0  # the cached parse is untouched


def test_copies_share_nothing_a_caller_can_edit():
    clear_cache()
    a = cached_organisations(SAMPLE_FILE)
    b = a.copy()
    a.table.loc[a.ids[0], "name"] = "changed"
    assert b.table.loc[b.ids[0], "name"] != "changed"
    assert cached_organisations(SAMPLE_FILE).table.loc[a.ids[0], "name"] != "changed"
    clear_cache()


def test_a_compiled_model_is_the_same_from_columns_and_from_a_frame():
    columns, frame = both_forms(sample_organisations())
    ids = list(columns.ids[:5])
    scenario = Scenario.from_dict({"name": "t", "organisations": "sample", "members": ids,
                                   "pooling": {"accounting": "all", "payroll_hr": ids[:3], "it_support": "all"},
                                   "vehicle": "cost_sharing_association"})
    a, b = compile_scenario(scenario, columns), compile_scenario(scenario, frame)
    for field in a.data:
        np.testing.assert_array_equal(a.data[field], b.data[field])
    for name in ("fte_total", "vat_exempt", "contracting_authority", "subsector_onehot", "committee_onehot",
                 "estimated"):
        np.testing.assert_array_equal(getattr(a, name), getattr(b, name))
    assert a.member_names == b.member_names


@pytest.mark.parametrize("built", [False, True])
def test_a_table_survives_pickling_for_worker_processes(built):
    orgs = sample_organisations()
    if built:
        orgs.table  # noqa: B018
    again = pickle.loads(pickle.dumps(orgs))
    assert again.ids == orgs.ids and again.source == orgs.source and again.function_ids == orgs.function_ids
    if not built:
        assert not again.column("fte_total").flags.writeable  # still read-only: copies share it
    pd.testing.assert_frame_equal(again.table, orgs.table)


def test_constructor_takes_a_frame_or_columns_not_both():
    orgs = sample_organisations()
    with pytest.raises(TypeError):
        Organisations(orgs.table, orgs.function_ids, ids=orgs.ids, columns={})
    with pytest.raises(TypeError):
        Organisations()
    assert len(Organisations(orgs.table.iloc[:0], orgs.function_ids)) == 0


# --- the helpers the pandas-free path rests on ---------------------------------------------------

@pytest.mark.parametrize(("cell", "blank"), [
    (None, True), ("", True), ("  ", True), (float("nan"), True), (np.float32("nan"), True),
    (np.datetime64("NaT"), True), (pd.NA, True), (pd.NaT, True),
    (0, False), (12, False), (True, False), (False, False), (0.0, False), ("x", False),
    (np.float32(1.5), False), (pd.Timestamp("2024-01-01"), False), ([1, 2], False),
])
def test_is_blank(cell, blank):
    assert is_blank(cell) is blank


def test_is_blank_never_loads_pandas():
    probe = ("import sys, datetime, numpy as np\nfrom simulator.tabular import is_blank\n"
             "cells = [None, '', 3, True, 2.5, float('nan'), np.float32('nan'), np.datetime64('NaT'),"
             " datetime.datetime(2024, 1, 1), [1]]\n"
             "print([is_blank(c) for c in cells], 'pandas' in sys.modules)")
    assert run_fresh(probe).stdout.strip() == "[True, True, False, False, False, True, True, True, False, False] False"


@pytest.mark.parametrize("path", sorted((ROOT / "simulator" / "data").glob("*.yaml")), ids=lambda p: p.name)
def test_bundled_yaml_reads_as_safe_load_does(path):
    assert load_bundled(path) == yaml.safe_load(path.read_text(encoding="utf-8"))


def test_run_with_its_monte_carlo_headline_loads_neither_salib_nor_scipy_stats():
    """The headline's draws need the Beta inverse (scipy.special) and the tornado, not Sobol
    (SALib, which imports scipy.stats: ~0.5 s of a ~1 s process)."""
    status, err, modules = run_cli_in_fresh_process(["run", str(EXAMPLE)])
    assert (status, err) == (0, "")
    assert "simulator.headline" in modules and "simulator.uncertainty.sensitivity" in modules
    assert [m for m in ("SALib", "scipy.stats") if m in modules] == []
