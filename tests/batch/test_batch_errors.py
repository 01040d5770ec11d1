"""The issue's bad inputs — unknown factor key, empty grid, an output folder holding another run,
an unreachable scheduler (and their neighbours) — are each one line naming the field, with a
catalogue code, in French, Dutch and English."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from simulator import batch
from simulator.batch import DaskEvaluator
from simulator.errors import InputError

ROOT = Path(__file__).resolve().parents[2]
BASE = str(ROOT / "scenarios" / "a_medical_centres_employer_group.yaml")


def experiment(**kw):
    return {"name": "errors", "base": BASE, "factors": {"parameters.finance.discount_rate": [0.03]}, **kw}


def check(err: InputError, field: str, code: str) -> None:
    assert err.field == field and err.code == code
    english = err.render("en")
    assert english == str(err.message) and "\n" not in str(err)
    fr, nl = err.render("fr"), err.render("nl")
    assert len({english, fr, nl}) == 3, (english, fr, nl)  # really translated


@pytest.mark.parametrize("factors,field,code", [
    ({"parameters.finance.discount_rat": [0.03]}, "factors.parameters.finance.discount_rat",
     "batch.unknown_parameter"),
    ({"vehical": ["employer_group"]}, "factors.vehical[0]", "batch.unknown_factor"),
    ({"vehicle": []}, "factors.vehicle", "batch.empty_factor"),
])
def test_bad_factors(factors, field, code):
    with pytest.raises(InputError) as info:
        batch.plan_for(experiment(factors=factors))
    check(info.value, field, code)


def test_an_output_folder_holding_another_run(tmp_path):
    out = batch.run(experiment(), tmp_path / "out")
    with pytest.raises(InputError) as info:
        batch.run(experiment(), out)
    check(info.value, "--out", "batch.out_holds_run")
    with pytest.raises(InputError) as info:
        batch.run(experiment(seed=9), out, resume=True)
    check(info.value, "--out", "batch.out_other_run")
    assert "master_seed" in str(info.value)
    other = tmp_path / "other"
    other.mkdir()
    (other / "notes.txt").write_text("mine")
    with pytest.raises(InputError) as info:
        batch.run(experiment(), other)
    check(info.value, "--out", "batch.out_not_empty")
    with pytest.raises(InputError) as info:
        batch.merge([out, batch.run(experiment(seed=9), tmp_path / "seed9")], tmp_path / "merged")
    check(info.value, str(tmp_path / "seed9"), "batch.merge_other_run")


def test_an_unreachable_scheduler_and_unknown_ones(tmp_path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(InputError) as info:
        batch.run(experiment(), tmp_path / "out", scheduler=DaskEvaluator(f"tcp://127.0.0.1:{port}", timeout_s=1))
    check(info.value, "--scheduler", "batch.scheduler_unreachable")
    with pytest.raises(InputError) as info:
        batch.make_evaluator("mpi")
    check(info.value, "--scheduler", "batch.unknown_scheduler")
    with pytest.raises(InputError) as info:
        batch.make_evaluator("processes", 0)
    check(info.value, "--workers", "batch.workers")


def test_a_reversed_range_says_so_rather_than_asking_for_a_list():
    with pytest.raises(InputError) as info:
        batch.parse_experiment({"name": "x", "base": BASE, "design": "latin_hypercube", "samples": 3,
                                "factors": {"parameters.finance.discount_rate": {"low": 1, "high": 0}}})
    check(info.value, "factors.parameters.finance.discount_rate", "batch.bad_range")
    assert "low ≤ high" in str(info.value)
