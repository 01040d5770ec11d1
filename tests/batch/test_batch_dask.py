"""Dask distributed: a LocalCluster on 127.0.0.1 gives the in-process numbers, and is closed;
an unreachable scheduler is one clear line. Dask is in the ``test`` extra: this must run, not skip."""

from __future__ import annotations

import socket
from pathlib import Path

import pandas as pd
import pytest

from simulator import batch
from simulator.batch.evaluators import DaskEvaluator
from simulator.errors import InputError

ROOT = Path(__file__).resolve().parents[2]
EXPERIMENT = {"name": "dask", "base": str(ROOT / "scenarios" / "a_medical_centres_employer_group.yaml"),
              "factors": {"parameters.finance.discount_rate": [0.03, 0.05],
                          "vehicle": ["employer_group", "cost_sharing_association"]},
              "draws": 200, "seed": 8}


def tidy(folder, name):
    frame = batch.open_results(folder, name)
    frame = frame.astype({c: str for c in frame.columns if str(frame[c].dtype) == "category"})
    keys = [c for c in ("experiment", "draw", "member", "metric") if c in frame.columns]
    return frame.sort_values(keys, kind="stable").reset_index(drop=True)


def test_local_cluster_gives_the_in_process_numbers_and_is_closed(tmp_path):
    from distributed import Client, LocalCluster

    reference = batch.run(EXPERIMENT, tmp_path / "ref")
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                           dashboard_address=None)
    try:
        address = cluster.scheduler_address
        assert address.startswith("tcp://127.0.0.1:")
        out = batch.run(EXPERIMENT, tmp_path / "dask", scheduler=address, chunk_size=1)
        for name in ("results", "members", "experiments"):
            pd.testing.assert_frame_equal(tidy(reference, name), tidy(out, name), check_exact=True)
        with Client(cluster) as client:  # nothing of ours is left on the cluster
            assert not client.who_has()
    finally:
        cluster.close()
    assert cluster.status.name == "closed"


def test_a_sector_study_on_a_local_cluster_gives_the_in_process_numbers(tmp_path):
    study = {"name": "dask study", "draws": 6, "seed": 3, "chunk_size": 1,
             "base": {"study": str(ROOT / "scenarios" / "funding" / "funding_options.yaml"),
                      "population": {"generate": 200, "seed": 1}},
             "factors": {"sector.participation.threshold_eur": [250, 1000]}}
    reference = batch.run(study, tmp_path / "ref")
    evaluator = DaskEvaluator("local", workers=2)
    out = batch.run(study, tmp_path / "dask", scheduler=evaluator)
    for name in ("results", "experiments"):
        pd.testing.assert_frame_equal(tidy(reference, name), tidy(out, name), check_exact=True)
    assert evaluator._cluster is None


def test_scheduler_local_starts_and_closes_its_own_cluster(tmp_path):
    evaluator = DaskEvaluator("local", workers=1)
    out = batch.run(EXPERIMENT, tmp_path / "out", scheduler=evaluator, chunk_size=2)
    assert batch.status(out)["complete"]
    assert evaluator._cluster is None and evaluator._client is None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_unreachable_scheduler_is_one_line_and_writes_nothing(tmp_path):
    address = f"tcp://127.0.0.1:{free_port()}"
    with pytest.raises(InputError) as info:
        batch.run(EXPERIMENT, tmp_path / "out", scheduler=DaskEvaluator(address, timeout_s=1))
    assert info.value.field == "--scheduler"
    assert address in str(info.value) and "\n" not in str(info.value)
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(("scheduler", "workers", "field"), [("mpi", None, "--scheduler"),
                                                             ("processes", 0, "--workers")])
def test_unknown_scheduler_or_no_worker_is_refused(scheduler, workers, field):
    with pytest.raises(InputError) as info:
        batch.make_evaluator(scheduler, workers)
    assert info.value.field == field
