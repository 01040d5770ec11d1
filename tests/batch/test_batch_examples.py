"""Every example experiment in experiments/ is valid and runs (a small slice of it)."""

from __future__ import annotations

from pathlib import Path

import pytest

from simulator import batch

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "experiments").glob("*.yaml"))


def test_there_are_examples():
    assert len(EXAMPLES) >= 2


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_example_experiment_is_valid_and_its_first_part_runs(path, tmp_path):
    plan = batch.plan_for(path, chunk_size=3)
    assert plan.n_experiments >= 1
    out = batch.run(path, tmp_path / "out", chunk_size=3, part=(0, plan.n_chunks))  # the first part only
    assert batch.status(out)["chunks_done"] == 1
    assert set(batch.open_results(out)["metric"].astype(str)) == set(plan.metrics)
