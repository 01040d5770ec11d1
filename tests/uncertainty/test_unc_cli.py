"""``mutualise mc`` and ``mutualise sensitivity`` through :func:`simulator.cli.main`."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pandas as pd
import pytest

from simulator import load_scenario, monte_carlo
from simulator.cli import main
from simulator.uncertainty.model_sensitivity import sensitivity

SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"
A = str(SCENARIOS / "a_medical_centres_employer_group.yaml")


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_mc_json_equals_the_python_api(capsys):
    code, out, _ = run(capsys, "mc", A, "--draws", "3000", "--seed", "5", "--format", "json")
    assert code == 0
    summary = json.loads(out)
    expected = monte_carlo(load_scenario(A), 3000, seed=5).summary
    for key in ("p_npv_positive", "npv_p10", "npv_p50", "npv_p90", "saving_p50",
                "p_payback_within_horizon", "converged", "seed", "draws", "model_version"):
        assert summary[key] == expected[key], key
    assert [m["p_better_off"] for m in summary["members"]] == \
        [m["p_better_off"] for m in expected["members"]]
    code, again, _ = run(capsys, "mc", A, "--draws", "3000", "--seed", "5", "--format", "json",
                         "--chunk-size", "500")
    drop = ("chunk_size", "manifest")
    assert {k: v for k, v in json.loads(again).items() if k not in drop} == \
        {k: v for k, v in summary.items() if k not in drop}


def test_mc_table_shows_probabilities_members_and_the_seed(capsys):
    code, out, _ = run(capsys, "mc", A, "--draws", "500")
    assert code == 0
    assert "P(NPV > 0)" in out and "P(better off than alone)" in out
    assert "mm_tilleuls" in out and "seed " in out and "converged" in out.lower()


def test_mc_csv_is_one_row_per_draw_and_metric(capsys):
    code, out, _ = run(capsys, "mc", A, "--draws", "50", "--seed", "1", "--format", "csv")
    frame = pd.read_csv(io.StringIO(out))
    assert code == 0 and list(frame.columns) == ["scenario", "draw", "metric", "value"]
    assert len(frame) == 150


def test_mc_out_writes_csv_and_refuses_to_overwrite(capsys, tmp_path):
    target = tmp_path / "mc"
    assert run(capsys, "mc", A, "--draws", "100", "--seed", "1", "--out", str(target))[0] == 0
    assert (target / "mc_summary.csv").is_file() and (target / "mc_members.csv").is_file()
    code, _, err = run(capsys, "mc", A, "--draws", "100", "--seed", "1", "--out", str(target))
    assert code == 2 and "overwrite" in err
    assert run(capsys, "mc", A, "--draws", "100", "--seed", "1", "--out", str(target),
               "--overwrite")[0] == 0


@pytest.mark.parametrize(("args", "words"), [
    (["--draws", "0"], "draws: must be at least 1"),
    (["--draws", "100000000"], "draws: 100,000,000 draws is more than the limit"),
    (["--draws", "10", "--chunk-size", "90000000"], "chunk_size"),
    (["--draws", "10", "--seed", "-3"], "seed"),
])
def test_mc_bad_inputs_are_one_line_errors(capsys, args, words):
    code, _, err = run(capsys, "mc", A, *args)
    assert code == 2 and words in err and "Traceback" not in err


def test_mc_bad_uncertainty_in_the_file_names_file_and_field(capsys, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(f"base: {A}\nuncertainty:\n  premises.rent: {{dist: uniform, low: 250, high: 110}}\n",
                   encoding="utf-8")
    code, _, err = run(capsys, "mc", str(bad), "--draws", "10")
    assert code == 2 and "bad.yaml" in err and "uncertainty.premises.rent.high" in err


def test_sensitivity_tornado_table_json_csv(capsys):
    code, out, _ = run(capsys, "sensitivity", A, "--top", "3")
    assert code == 0 and "swing" in out and "more (--top" in out
    expected = sensitivity(load_scenario(A))
    assert expected["parameter"].iloc[0] in out
    code, out, _ = run(capsys, "sensitivity", A, "--format", "json")
    rows = json.loads(out)["rows"]
    assert [r["parameter"] for r in rows] == list(expected["parameter"])
    assert rows[0]["swing"] == expected["swing"].iloc[0]
    code, out, _ = run(capsys, "sensitivity", A, "--format", "csv")
    assert pd.read_csv(io.StringIO(out))["parameter"].tolist() == list(expected["parameter"])


def test_sensitivity_sobol_with_and_without_groups(capsys):
    code, out, _ = run(capsys, "sensitivity", A, "--method", "sobol", "--n", "64", "--seed", "2",
                       "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["method"] == "sobol" and data["n"] == 64 and data["seed"] == 2
    assert "salaries" in [r["factor"] for r in data["rows"]]
    code, out, _ = run(capsys, "sensitivity", A, "--method", "sobol", "--n", "32", "--groups", "none")
    from simulator.catalogue import parameters

    assert code == 0 and "S1" in out
    assert any(f" {name} " in out for name in parameters())  # factors are the parameters themselves
    code, _, err = run(capsys, "sensitivity", A, "--method", "sobol", "--n", "100")
    assert code == 2 and "power of two" in err
