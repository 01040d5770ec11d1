"""``mutualise funding``: JSON records, CSV, table, and one-line errors that write nothing."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pandas as pd

from simulator.cli import main
from simulator.sector import generate_population

ROOT = Path(__file__).resolve().parents[2]
OPTIONS = ROOT / "scenarios" / "funding" / "funding_options.yaml"
KEYS = ("option", "public_cost_npv_eur", "sector_net_benefit_npv_eur", "frontline_fte_freed", "leverage",
        "pools_formed", "additional_pools", "deadweight_eur", "members_pooled", "budget_used_eur")


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_json_is_a_list_of_records_with_the_promised_keys(capsys):
    code, out, err = run(capsys, "funding", OPTIONS, "--generate", 120, "--seed", 2, "--draws", 10, "-f", "json")
    assert (code, err) == (0, "")
    records = json.loads(out)
    assert records[0]["option"] == "no_funding" and len(records) >= 5
    for r in records:
        assert set(KEYS) <= set(r)
        assert r["public_cost_npv_eur_p10"] <= r["public_cost_npv_eur_p90"]


def test_csv_and_table(capsys, tmp_path):
    f = tmp_path / "pop.csv"
    generate_population(60, 4).organisations.to_csv(f)
    code, out, _ = run(capsys, "funding", OPTIONS, "--population", f, "--draws", 0, "-f", "csv")
    assert code == 0
    frame = pd.read_csv(io.StringIO(out))
    assert frame["option"].iloc[0] == "no_funding" and "deadweight_eur" in frame
    code, out, _ = run(capsys, "funding", OPTIONS, "--generate", 60, "--draws", 5)
    assert code == 0 and "no_funding" in out and "P10–P90" in out


def test_bad_inputs_are_one_line_errors_and_nothing_is_written(capsys, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("options:\n  - id: a\n    budget: {cap_eur: -5}\n", encoding="utf-8")
    broken = tmp_path / "broken.csv"
    lines = generate_population(3, 1).organisations.to_csv().splitlines()
    cells = lines[2].split(",")
    cells[3] = "atlantis"  # commune
    lines[2] = ",".join(cells)
    broken.write_text("\n".join(lines) + "\n", encoding="utf-8")
    empty = tmp_path / "empty.csv"
    empty.write_text(lines[0] + "\n", encoding="utf-8")
    before = sorted(tmp_path.iterdir())
    cases = [
        ((bad,), "options[0].budget.cap_eur"),
        ((OPTIONS, "--population", broken), "row 3, column 'commune'"),
        ((OPTIONS, "--population", empty), "no organisations"),
        ((OPTIONS, "--generate", 0), "generate"),
        ((OPTIONS, "--generate", 10, "--population", empty), "--population"),
    ]
    for args, words in cases:
        code, out, err = run(capsys, "funding", *args)
        assert code == 2 and out == "", (args, out)
        assert words in err and err.count("\n") == 1, err
    assert sorted(tmp_path.iterdir()) == before
