"""The ``mutualise`` command line, through ``simulator.cli.main`` (and one real subprocess)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from simulator import load_scenario, simulate
from simulator.catalogue import parameters
from simulator.cli import main
from simulator.headline import HEADLINE_SEED

ROOT = Path(__file__).resolve().parents[1]
SCENARIOS = sorted((ROOT / "scenarios").glob("*.yaml"))
A = ROOT / "scenarios" / "a_medical_centres_employer_group.yaml"
D = ROOT / "scenarios" / "d_tiny_commercial_provider.yaml"

HEADLINE = ("scenario", "horizon_years", "baseline_annual_cost_eur", "pooled_annual_cost_eur", "net_annual_saving_eur",
            "setup_cost_eur", "npv_eur", "payback_year", "frontline_fte_freed", "vat_exempt",
            "vat_failed_conditions")
MEMBER_KEYS = ("id", "standalone_cost_eur", "allocated_cost_eur", "gain_eur", "individually_rational")


def run_cli(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.stem)
def test_run_json_matches_the_api(capsys, path):
    code, out, err = run_cli(capsys, "run", path, "--format", "json")
    assert (code, err) == (0, "")
    got = json.loads(out)
    summary = simulate(load_scenario(path)).summary
    for key in HEADLINE:
        assert got[key] == summary[key], key
    assert len(got["members"]) == len(summary["members"])
    for g, s in zip(got["members"], summary["members"], strict=True):
        assert set(MEMBER_KEYS) <= set(g)
        for key in MEMBER_KEYS:
            assert g[key] == s[key], key


def test_run_json_of_a_losing_pool(capsys):
    # (d): three tiny ASBLs at a commercial provider: VAT and margin, never pays back
    _, out, _ = run_cli(capsys, "run", D, "--format", "json")
    got = json.loads(out)
    assert got["payback_year"] is None and got["npv_eur"] < 0 and got["net_annual_saving_eur"] < 0
    assert got["vat_exempt"] is False
    assert got["vat_failed_conditions"] == ["vehicle_not_cost_sharing", "margin_charged"]


def test_run_table(capsys):
    code, out, _ = run_cli(capsys, "run", A)
    assert code == 0
    scenario = load_scenario(A)
    assert out.startswith(scenario.name)
    for words in ("NPV over the horizon, median", "chance that the NPV is positive", "central assumptions",
                  "gross saving (before coordination)",
                  "net extra cost (after recurring costs)",  # model v2: (a) costs more than alone
                  "net loss (after set-up, exit, funding)", "VAT cost-sharing exemption", "not legal or tax advice"):
        assert words in out
    for member in scenario.members:
        assert member in out


MC_KEYS = ("npv_p10_eur", "npv_p50_eur", "npv_p90_eur", "p_npv_positive", "central_npv_percentile")


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.stem)
def test_run_json_headline_and_identities(capsys, path):
    # the Done-means of issue 8: identities within 1 €, Monte Carlo keys present and reproducible
    code, out, _ = run_cli(capsys, "run", path, "--format", "json", "--draws", "500")
    assert code == 0
    got = json.loads(out)
    assert set(MC_KEYS) <= set(got)
    assert got["npv_p10_eur"] <= got["npv_p50_eur"] <= got["npv_p90_eur"]
    assert got["headline_draws"] == 500 and got["headline_seed"] == HEADLINE_SEED
    for m in got["members"]:
        rebuilt = (m["standalone_cost_eur"] - m["allocated_cost_eur"] - m["setup_annualised_eur"]
                   - m["exit_risk_eur"] + m["subsidy_eur"])
        assert abs(rebuilt - m["gain_eur"]) <= 1.0
    _, again, _ = run_cli(capsys, "run", path, "--format", "json", "--draws", "500")
    assert json.loads(again) == got


def test_run_draws_and_seed(capsys):
    _, out, _ = run_cli(capsys, "run", A, "--format", "json", "--draws", "0")
    got = json.loads(out)
    assert not set(MC_KEYS) & set(got)  # --draws 0: the deterministic output only
    assert got["npv_eur"] == simulate(load_scenario(A)).summary["npv_eur"]
    _, one, _ = run_cli(capsys, "run", A, "--format", "json", "--draws", "300", "--seed", "1")
    _, two, _ = run_cli(capsys, "run", A, "--format", "json", "--draws", "300", "--seed", "2")
    assert json.loads(one)["npv_p50_eur"] != json.loads(two)["npv_p50_eur"]
    code, _, err = run_cli(capsys, "run", A, "--draws", "-5")
    assert code == 2 and "draws" in err and "Traceback" not in err


def test_run_table_never_calls_a_loss_a_saving(capsys):
    _, out, _ = run_cli(capsys, "run", D, "--draws", "200")
    assert "net extra cost (after recurring costs)" in out and "net saving" not in out
    for line in out.splitlines():
        if "saving" in line:
            assert "-" not in line.split("saving", 1)[1].split("€")[0], line


def test_run_csv_is_the_tidy_frame(capsys):
    code, out, _ = run_cli(capsys, "run", A, "--format", "csv")
    assert code == 0
    frame = pd.read_csv(io.StringIO(out))
    assert list(frame.columns) == ["scenario", "draw", "member", "function", "year", "metric", "value"]
    costs = simulate(load_scenario(A)).costs
    assert len(frame) == len(costs)
    assert frame["value"].sum() == pytest.approx(costs["value"].sum())


def test_validate_ok(capsys):
    code, out, err = run_cli(capsys, "validate", *SCENARIOS)
    assert (code, err) == (0, "")
    assert out.count("ok: ") == len(SCENARIOS)


def test_validate_error_is_one_line_naming_the_field(capsys, write_file):
    bad = write_file("bad.yaml", A.read_text(encoding="utf-8").replace("vehicle: employer_group",
                                                                        "vehicle: employer_grup"))
    code, out, err = run_cli(capsys, "validate", bad)
    assert code == 2 and out == ""
    assert err.count("\n") == 1
    assert err.startswith("error: bad.yaml: vehicle: unknown vehicle 'employer_grup'")
    assert "Traceback" not in err


def test_missing_file_is_an_error_not_a_traceback(capsys, tmp_path):
    code, _, err = run_cli(capsys, "run", tmp_path / "nowhere.yaml")
    assert code == 2 and "no scenario file" in err and "Traceback" not in err


def test_compare_two_files(capsys):
    b = ROOT / "scenarios" / "a_variant_no_grant.yaml"
    code, out, _ = run_cli(capsys, "compare", A, b)
    assert code == 0
    assert A.stem in out and b.stem in out and "npv_eur" in out
    assert out.splitlines()[1].split()[0] == "npv_p50_eur"  # the Monte Carlo median leads
    code, out, _ = run_cli(capsys, "compare", A, b, "--format", "json", "--draws", "300")
    got = json.loads(out)
    assert got[A.stem]["npv_p50_eur"] < got[A.stem]["npv_eur"]  # the central run is optimistic here
    assert list(got) == [A.stem, b.stem]
    assert got[b.stem]["npv_eur"] == simulate(load_scenario(b)).summary["npv_eur"]
    # no grant, bigger overrun: same steady state, worse NPV
    assert got[A.stem]["net_annual_saving_eur"] == got[b.stem]["net_annual_saving_eur"]
    assert got[b.stem]["npv_eur"] < got[A.stem]["npv_eur"]


def test_compare_needs_two_files(capsys):
    code, _, err = run_cli(capsys, "compare", A)
    assert code == 2 and "at least two" in err


def test_usage_errors_exit_2_with_a_usage_message(capsys):
    code, _, err = run_cli(capsys, "run", A, "--format", "xml")
    assert code == 2 and "Invalid value for '--format'" in err and "unexpected" not in err
    code, _, err = run_cli(capsys, "no-such-command")
    assert code == 2 and "No such command" in err


def test_params_lists_every_parameter(capsys):
    code, out, _ = run_cli(capsys, "params")
    assert code == 0
    names = {line.split()[0].lstrip("*") for line in out.splitlines() if line.strip() and not line.startswith("grades")}
    assert names == set(parameters())
    code, out, _ = run_cli(capsys, "params", "--format", "json")
    assert {p["name"] for p in json.loads(out)} == set(parameters())


def test_params_marks_a_scenarios_overrides(capsys):
    variant = ROOT / "scenarios" / "a_variant_no_grant.yaml"
    _, out, _ = run_cli(capsys, "params", "--scenario", variant, "--grep", "setup.")
    lines = {line.split()[0]: line for line in out.splitlines() if line.startswith(("*", " "))}
    assert "*setup.overrun_factor" in lines and "1.55" in lines["*setup.overrun_factor"]
    assert "setup.share_of_pooled_cost" in lines


def test_run_out_writes_csvs_and_refuses_to_overwrite(capsys, tmp_path):
    out_dir = tmp_path / "results"
    code, _, _ = run_cli(capsys, "run", A, "--out", out_dir, "--format", "json")
    assert code == 0
    names = sorted(p.name for p in out_dir.iterdir())
    assert names == sorted(f"{t}.csv" for t in ("summary", "members", "cashflows", "waterfall", "functions",
                                                 "costs", "manifest"))
    before = {p.name: p.read_bytes() for p in out_dir.iterdir()}
    code, _, err = run_cli(capsys, "run", D, "--out", out_dir)
    assert code == 2 and "--overwrite" in err and "Traceback" not in err
    assert {p.name: p.read_bytes() for p in out_dir.iterdir()} == before  # untouched
    code, _, _ = run_cli(capsys, "run", D, "--out", out_dir, "--overwrite")
    assert code == 0
    members = pd.read_csv(out_dir / "members.csv")
    assert list(members["member"]) == load_scenario(D).members


def test_python_m_simulator_help():
    done = subprocess.run([sys.executable, "-m", "simulator", "--help"], capture_output=True, text=True,
                          timeout=60, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    for command in ("run", "validate", "compare", "params"):
        assert command in done.stdout


def test_schema_lists_every_organisation_column(capsys):
    from simulator.org_schema import ORG_COLUMNS

    assert main(["schema", "--format", "csv"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("column,")
    assert [line.split(",")[0] for line in out[1:]] == list(ORG_COLUMNS)
