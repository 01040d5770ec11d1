"""``mutualise allocate`` and ``mutualise partition`` through :func:`simulator.cli.main`: the
figures are the Python API's, every format works, bad inputs are one line and exit status 2."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pandas as pd
import pytest

from simulator.cli import main
from simulator.cli._app import eur
from simulator.games import allocation_summary
from simulator.games.candidates import partition_candidates
from simulator.games.scenario_split import fair_split

ROOT = Path(__file__).resolve().parents[2]
A = str(ROOT / "scenarios" / "a_medical_centres_employer_group.yaml")
B = str(ROOT / "scenarios" / "b_shared_house.yaml")
sys.path.insert(0, str(ROOT / "benchmarks"))
from synthetic import synthetic_pool  # noqa: E402


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_allocate_json_equals_the_python_api(capsys):
    code, out, _ = run(capsys, "allocate", A, "--format", "json")
    assert code == 0
    data = json.loads(out)
    report = fair_split(A)
    assert data["grand_cost"] == pytest.approx(report.attrs["grand_cost"])
    assert list(data["methods"]) == ["shapley", "nucleolus", "scrb", "proportional", "equal"]
    for method, block in data["methods"].items():
        rows = report[report.method == method]
        assert [m["pays"] for m in block["members"]] == pytest.approx(rows["pays"].tolist())
        assert [m["individually_rational"] for m in block["members"]] == \
            rows["individually_rational"].tolist()
        assert block["in_core"] == bool(rows["in_core"].iloc[0])
        assert block["vat_status"] == rows["vat_status"].iloc[0]
    shapley = data["methods"]["shapley"]
    assert shapley["blocking_coalition"] == ["mm_glycines"]  # model v2 figures
    assert shapley["core_verdict"] == (
        f"not in the core: group {{mm_glycines}} would pay {eur(shapley['blocking_amount'])} "
        "less on its own")


def test_allocate_table_shows_members_methods_core_and_vat(capsys):
    code, out, _ = run(capsys, "allocate", A)
    assert code == 0
    report = fair_split(A)
    for member in report["member"].unique():
        assert member in out
    shapley = report[report.method == "shapley"].iloc[0]
    assert eur(shapley["pays"]) in out and eur(shapley["gain"]) in out
    assert "Shapley" in out and "nucleolus" in out and "SCRB" in out
    summary = allocation_summary(report)
    blocking = summary.loc["equal"]
    assert f"group {{{blocking['blocking_coalition']}}} would pay {eur(blocking['blocking_amount'])}" in out
    assert "VAT: safe" in out and "VAT: to document" in out
    assert "not legal advice" in out


def test_allocate_one_method_and_csv(capsys):
    code, out, _ = run(capsys, "allocate", B, "--method", "nucleolus", "--format", "csv")
    assert code == 0
    frame = pd.read_csv(io.StringIO(out))
    assert set(frame["method"]) == {"nucleolus"} and len(frame) == 12
    expected = fair_split(B, ["nucleolus"])
    assert frame["pays"].tolist() == pytest.approx(expected["pays"].tolist())
    code, out, _ = run(capsys, "allocate", B, "--method", "nucleolus")
    # model v2 figures with the lease commitment (a leaver's space paid for a year): the group
    # blocking the nucleolus is now {parole_exil} (docs/SCENARIOS.md)
    assert "nucleolus     not in the core: group {parole_exil} would pay" in out


def test_core_verdict_names_a_large_group_by_who_it_leaves_out():
    from simulator.cli.games import core_verdict

    row = {"in_core": False, "blocking_coalition": "a + b + c", "blocking_amount": 1_000.0}
    assert core_verdict(row, ["a", "b", "c", "d"]) == (
        f"not in the core: all members but {{d}} would pay {eur(1_000.0)} less on their own")
    assert core_verdict(row, ["a", "b", "c", "d", "e", "f", "g"]).startswith("not in the core: group {a, b, c}")


def test_allocate_above_twenty_members(tmp_path, capsys):
    scenario, orgs = synthetic_pool(21, functions=("accounting", "payroll_hr"), seed=2)
    table = tmp_path / "orgs.csv"
    orgs.to_csv(table)
    data = scenario.to_dict()
    data["organisations"] = str(table)
    path = tmp_path / "big.yaml"
    from simulator import Scenario

    path.write_text(Scenario.from_dict(data).to_yaml(), encoding="utf-8")
    code, _, err = run(capsys, "allocate", str(path))
    assert code == 2 and err.count("\n") == 1
    assert "above the exact limit of 20" in err and "--samples" in err
    code, out, _ = run(capsys, "allocate", str(path), "--samples", "40", "--seed", "1")
    assert code == 0 and "core not checked" in out and "sampled (40 orders)" in out


def test_partition_json_equals_the_python_api(capsys):
    code, out, _ = run(capsys, "partition", "sample", "--functions", "accounting,payroll_hr",
                       "--max-size", "5", "--same", "subsector", "--format", "json")
    assert code == 0
    data = json.loads(out)
    expected = partition_candidates(functions=("accounting", "payroll_hr"), max_size=5,
                                    same=["subsector"])
    assert data["total_benefit"] == pytest.approx(expected.total_benefit)
    assert [tuple(p["members"]) for p in data["pools"]] == list(expected.pools)
    assert data["method"] == expected.method == "exact"
    assert data["functions"] == ["accounting", "payroll_hr"]


def test_partition_table_and_csv(capsys):
    code, out, _ = run(capsys, "partition", "sample", "--max-size", "4", "--same", "commune",
                       "--members", "all")
    assert code == 0
    assert "Proposed pools among 30 candidates" in out and "total net benefit" in out
    code, out, _ = run(capsys, "partition", "sample", "--members",
                       "mm_tilleuls,mm_canal_vert,mm_glycines,mm_heron_bleu,mm_colibri",
                       "--format", "csv")
    assert code == 0
    frame = pd.read_csv(io.StringIO(out))
    assert len(frame) == 5 and {"candidate", "pool", "gain", "name"} <= set(frame.columns)


def test_partition_reads_a_table_file(tmp_path, capsys):
    _, orgs = synthetic_pool(12, functions=("accounting", "payroll_hr"), seed=5)
    path = tmp_path / "candidates.csv"
    orgs.to_csv(path)
    code, out, _ = run(capsys, "partition", str(path), "--functions", "accounting,payroll_hr",
                       "--max-size", "0", "--method", "exact", "--format", "json")
    assert code == 0
    expected = partition_candidates(orgs, ("accounting", "payroll_hr"), max_size=None,
                                    method="exact")
    assert json.loads(out)["total_benefit"] == pytest.approx(expected.total_benefit)


@pytest.mark.parametrize("args, message", [
    (["allocate", "no/such/file.yaml"], "no/such/file.yaml"),
    (["partition", "sample", "--functions", "premises"], "shared site"),
    (["partition", "sample", "--functions", "astrology"], "unknown function"),
    (["partition", "sample", "--same", "district"], "unknown attribute"),
    (["partition", "sample", "--members", "mm_tilleuls,nobody"], "nobody"),
    (["partition", "no/such/table.csv"], "no organisation table"),
    (["partition", "sample", "--max-size", "-1"], "--max-size"),
    (["partition", "sample", "--vehicle", "employer_group", "--functions", "software"],
     "cannot carry"),
])
def test_bad_inputs_are_one_line_and_status_2(capsys, args, message):
    code, out, err = run(capsys, *args)
    assert code == 2, (out, err)
    assert message in err and "Traceback" not in err
