"""Batch runs: same numbers as simulate / monte_carlo, whatever the evaluator or chunking;
resume, merge and output-folder rules."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from simulator import batch, monte_carlo, simulate
from simulator.errors import InputError

ROOT = Path(__file__).resolve().parents[2]
BASE = str(ROOT / "scenarios" / "a_medical_centres_employer_group.yaml")
GRID = {"parameters.finance.discount_rate": [0.03, "4 %", 0.05],
        "funding.startup_grant.share": [0, 0.5],
        "vehicle": ["employer_group", "cost_sharing_association"]}
MC_GRID = {"parameters.finance.discount_rate": [0.03, 0.05],
           "vehicle": ["employer_group", "cost_sharing_association"]}


def experiment(**kw):
    return {"name": "test grid", "base": BASE, "factors": GRID, **kw}


def mc_experiment(**kw):
    return {"name": "test mc", "base": BASE, "factors": MC_GRID, "draws": 120, "seed": 5, **kw}


def table(folder, name="results") -> pd.DataFrame:
    frame = batch.open_results(folder, name)
    for c in frame.columns:
        if isinstance(frame[c].dtype, pd.CategoricalDtype):
            frame[c] = frame[c].astype(str)
    keys = [c for c in ("experiment", "draw", "member", "metric") if c in frame.columns]
    return frame.sort_values(keys, kind="stable").reset_index(drop=True)


def overridden(plan, e):
    """The base scenario with experiment e's factor values written as plain overrides."""
    pos = plan.definition.positions(np.array([e]))
    values = {}
    for k in plan.definition.factor_names:
        if k in plan.parameter_values:
            values[k] = float(plan.parameter_column(k, pos[k])[0])
        else:
            values[k] = plan.structural_value(k, pos[k][0])
    return plan.base.with_overrides(values)


def test_deterministic_experiments_equal_simulate_of_the_overridden_scenario_bit_for_bit(tmp_path):
    out = batch.run(experiment(), tmp_path / "out")
    plan = batch.plan_for(experiment())
    frame = table(out)
    members = batch.open_results(out, "members")  # in file order: members as in the scenario
    assert len(frame) == 12 * len(batch.DEFAULT_METRICS)
    for e in range(12):
        reference = simulate(overridden(plan, e))
        rows = frame[frame.experiment == e].set_index("metric")["value"]
        assert rows["npv"] == reference.summary["npv_eur"]
        for metric in batch.DEFAULT_METRICS:
            expected = float(getattr(reference.kernel, batch.METRICS[metric])[0])
            assert rows[metric] == expected or (np.isnan(expected) and np.isnan(rows[metric])), metric
        gains = members[members.experiment == e]
        np.testing.assert_array_equal(gains.value.to_numpy(), reference.kernel.member_gain[0])
        assert gains.member.tolist() == list(reference.model.member_ids)
    # factor values are columns of the tidy table: 4 % was parsed to 0.04
    assert sorted(frame["parameters.finance.discount_rate"].unique()) == [0.03, 0.04, 0.05]
    assert set(members.metric) == {"gain"} and members.experiment.nunique() == 12


def test_monte_carlo_experiments_equal_monte_carlo_with_the_experiment_seed(tmp_path):
    out = batch.run(mc_experiment(), tmp_path / "out")
    plan = batch.plan_for(mc_experiment())
    frame = table(out)
    seeds = batch.open_results(out, "experiments").set_index("experiment")["seed"]
    for e in range(plan.n_experiments):
        reference = monte_carlo(overridden(plan, e), 120, int(seeds[e]))
        npv = frame[(frame.experiment == e) & (frame.metric == "npv")].sort_values("draw")["value"]
        np.testing.assert_array_equal(npv.to_numpy(), reference.npv)
        gains = table(out, "members")
        mine = gains[gains.experiment == e].pivot(index="draw", columns="member", values="value")
        np.testing.assert_array_equal(mine[list(reference.member_ids)].to_numpy()[reference.core.sample_index],
                                      reference.core.samples["member_gain"])


@pytest.mark.parametrize("chunk_size", [1, 3])
def test_results_do_not_depend_on_chunk_size_or_evaluator(tmp_path, chunk_size):
    reference = batch.run(mc_experiment(), tmp_path / "ref")
    other = batch.run(mc_experiment(), tmp_path / "other", chunk_size=chunk_size, scheduler="processes",
                      workers=2)
    for name in ("results", "members", "experiments"):
        pd.testing.assert_frame_equal(table(reference, name), table(other, name), check_exact=True)
    assert len(list((other / "results").glob("part-*.parquet"))) == -(-4 // chunk_size)


def test_latin_hypercube_batch_runs_and_records_its_factor_values(tmp_path):
    out = batch.run({"name": "lhs", "base": BASE, "design": "latin_hypercube", "samples": 7, "seed": 2,
                     "factors": {"parameters.finance.discount_rate": {"low": 0.02, "high": 0.06},
                                 "vehicle": ["employer_group", "cost_sharing_association"]}},
                    tmp_path / "out", chunk_size=3)
    experiments = batch.open_results(out, "experiments")
    assert len(experiments) == 7
    assert experiments["parameters.finance.discount_rate"].between(0.02, 0.06).all()
    summary = batch.summarise(out, "npv")
    assert len(summary) == 7 and (summary.p10 == summary.p90).all()  # deterministic: one draw each


def test_manifest_records_model_catalogue_seed_and_definition(tmp_path):
    out = batch.run(mc_experiment(), tmp_path / "out")
    manifest = json.loads((out / "manifest.json").read_text())
    from simulator.version import MODEL_VERSION

    assert manifest["model_version"] == MODEL_VERSION
    assert manifest["master_seed"] == 5 and manifest["draws"] == 120
    assert manifest["experiment"]["factors"]["vehicle"] == MC_GRID["vehicle"]
    assert len(manifest["catalogue_hash"]) == 16 and manifest["n_experiments"] == 4
    assert manifest["base_scenario"]["members"][0] == "mm_tilleuls"


def test_a_folder_holding_a_run_is_refused_without_resume(tmp_path):
    out = batch.run(experiment(), tmp_path / "out")
    before = sorted(p.stat().st_mtime_ns for p in out.rglob("*.parquet"))
    with pytest.raises(InputError, match="--resume") as info:
        batch.run(experiment(), out)
    assert "\n" not in str(info.value)
    assert batch.run(experiment(), out, resume=True) == out  # same run: nothing to do
    assert sorted(p.stat().st_mtime_ns for p in out.rglob("*.parquet")) == before


def test_resume_refuses_a_different_run_and_names_what_differs(tmp_path):
    out = batch.run(experiment(), tmp_path / "out")
    with pytest.raises(InputError, match="master_seed") as info:
        batch.run(experiment(seed=9), out, resume=True)
    assert info.value.field == "--out" and "\n" not in str(info.value)


def test_a_non_empty_folder_without_a_run_is_refused_and_left_alone(tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(InputError, match="not empty"):
        batch.run(experiment(), tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_resume_recomputes_only_missing_chunks_and_removes_leftovers(tmp_path):
    full = batch.run(experiment(), tmp_path / "full", chunk_size=5)
    out = batch.run(experiment(), tmp_path / "out", chunk_size=5)
    (out / "results" / "part-000001.parquet").unlink()  # chunk 1 unfinished …
    (out / "results" / ".part-000002.parquet.123.tmp").write_bytes(b"half")  # … and a killed write
    kept = (out / "results" / "part-000000.parquet").stat().st_mtime_ns
    batch.run(experiment(), out, chunk_size=5, resume=True)
    assert (out / "results" / "part-000000.parquet").stat().st_mtime_ns == kept
    assert not list(out.rglob(".*.tmp"))
    for name in ("results", "members", "experiments"):
        pd.testing.assert_frame_equal(table(full, name), table(out, name), check_exact=True)


def test_parts_run_separately_then_merged_equal_one_run(tmp_path):
    full = batch.run(experiment(), tmp_path / "full", chunk_size=4)
    a = batch.run(experiment(), tmp_path / "a", chunk_size=4, part="1/2")
    b = batch.run(experiment(), tmp_path / "b", chunk_size=4, part=(1, 2))
    assert not batch.status(a)["complete"] and batch.status(a)["chunks_done"] == 2
    merged = batch.merge([a, b], tmp_path / "merged")
    assert batch.status(merged)["complete"]
    for name in ("results", "members", "experiments"):
        pd.testing.assert_frame_equal(table(full, name), table(merged, name), check_exact=True)


def test_merge_refuses_mismatched_manifests_and_a_used_folder(tmp_path):
    a = batch.run(experiment(), tmp_path / "a")
    b = batch.run(experiment(seed=1), tmp_path / "b")
    with pytest.raises(InputError, match="master_seed") as info:
        batch.merge([a, b], tmp_path / "merged")
    assert "refusing to merge" in str(info.value) and "\n" not in str(info.value)
    assert not (tmp_path / "merged").exists()
    c = batch.run(experiment(factors={**GRID, "vehicle": ["employer_group"]}), tmp_path / "c")
    with pytest.raises(InputError, match="experiment"):
        batch.merge([a, c], tmp_path / "merged")
    with pytest.raises(InputError, match="not empty"):
        batch.merge([a], b)
    with pytest.raises(InputError, match="no batch run"):
        batch.merge([tmp_path], tmp_path / "m2")


def test_no_member_table_when_not_asked_and_metrics_chosen(tmp_path):
    out = batch.run(experiment(metrics=["npv", "irr"], member_metrics=[]), tmp_path / "out")
    frame = table(out)
    assert set(frame.metric) == {"npv", "irr"}
    assert table(out, "members").empty


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(chunk_size=st.integers(1, 13), order=st.permutations(list(GRID)))
def test_any_chunking_and_factor_order_gives_each_variant_the_same_numbers(tmp_path_factory, chunk_size, order):
    """Property: a variant's numbers depend on its factor values only — not on the chunk size, nor
    on where the factor order puts it in the numbering."""
    factors = {k: GRID[k] for k in order}
    out = batch.run(experiment(factors=factors), tmp_path_factory.mktemp("p") / "out", chunk_size=chunk_size)
    ref = _reference(tmp_path_factory)
    keys = ["parameters.finance.discount_rate", "funding.startup_grant.share", "vehicle", "metric"]
    mine = table(out).drop(columns="experiment").sort_values(keys).reset_index(drop=True)
    theirs = table(ref).drop(columns="experiment").sort_values(keys).reset_index(drop=True)
    pd.testing.assert_frame_equal(mine[theirs.columns], theirs, check_exact=True)


_REFERENCE: dict[str, Path] = {}


def _reference(factory) -> Path:
    if "ref" not in _REFERENCE:
        _REFERENCE["ref"] = batch.run(experiment(), factory.mktemp("ref") / "out")
    return _REFERENCE["ref"]
