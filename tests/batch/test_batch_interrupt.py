"""A batch killed mid-way (a real SIGKILL, or Ctrl-C) leaves only complete parts and resumes to the
same numbers as an uninterrupted run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest
import yaml
from signals import sigint_as_at_a_terminal

from simulator import batch

ROOT = Path(__file__).resolve().parents[2]
EXPERIMENT = {"name": "interrupted", "base": str(ROOT / "scenarios" / "a_medical_centres_employer_group.yaml"),
              "factors": {"parameters.finance.discount_rate": [0.02, 0.03, 0.04, 0.05, 0.06, 0.07]},
              "draws": 10_000, "seed": 3, "chunk_size": 1}


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    return batch.run(EXPERIMENT, tmp_path_factory.mktemp("reference") / "out")


@pytest.fixture
def experiment_file(tmp_path):
    path = tmp_path / "experiment.yaml"
    path.write_text(yaml.safe_dump(EXPERIMENT))
    return path


def start(experiment_file: Path, out: Path, *extra: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-m", "simulator", "batch", str(experiment_file), "--out", str(out),
                             *extra], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            preexec_fn=sigint_as_at_a_terminal)


def wait_for_parts(out: Path, proc: subprocess.Popen, count: int = 1, timeout: float = 120) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        done = len(list((out / "results").glob("part-*.parquet"))) if (out / "results").is_dir() else 0
        if done >= count:
            return done
        assert proc.poll() is None, proc.communicate()
        time.sleep(0.005)
    raise AssertionError("no part was written in time")


def assert_only_complete_parts(out: Path) -> None:
    assert not [p for p in out.rglob("*") if p.name.startswith(".") and p.is_file()
                and p.name != ".manifest.json"], "temporary files left behind are removed on resume only"
    for path in (out / "results").glob("part-*.parquet"):
        pq.read_table(path)  # every visible part is a whole, readable Parquet file


def frames(folder: Path) -> dict[str, pd.DataFrame]:
    out = {}
    for name in ("results", "members", "experiments"):
        frame = batch.open_results(folder, name)
        keys = [c for c in ("experiment", "draw", "member", "metric") if c in frame.columns]
        out[name] = frame.astype({c: str for c in frame.columns if str(frame[c].dtype) == "category"}) \
            .sort_values(keys, kind="stable").reset_index(drop=True)
    return out


def assert_same(a: Path, b: Path) -> None:
    fa, fb = frames(a), frames(b)
    for name in fa:
        pd.testing.assert_frame_equal(fa[name], fb[name], check_exact=True)


def test_sigkill_mid_run_then_resume_equals_an_uninterrupted_run(experiment_file, tmp_path, reference):
    out = tmp_path / "out"
    proc = start(experiment_file, out)
    wait_for_parts(out, proc)
    proc.send_signal(signal.SIGKILL)
    proc.communicate()
    assert proc.returncode == -signal.SIGKILL
    done = batch.status(out)
    assert 1 <= done["chunks_done"] < done["n_chunks"], "the kill should land mid-run"
    for path in (out / "results").glob("part-*.parquet"):
        pq.read_table(path)
    resumed = start(experiment_file, out, "--resume")
    stdout, stderr = resumed.communicate(timeout=300)
    assert resumed.returncode == 0, stderr
    assert "6/6 parts" in stdout
    assert_only_complete_parts(out)
    assert_same(out, reference)


def test_ctrl_c_exits_130_leaves_complete_parts_and_resumes(experiment_file, tmp_path, reference):
    out = tmp_path / "out"
    proc = start(experiment_file, out)
    wait_for_parts(out, proc)
    proc.send_signal(signal.SIGINT)
    _, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 130, stderr
    assert "--resume" in stderr and "Traceback" not in stderr
    assert_only_complete_parts(out)
    assert batch.status(out)["chunks_done"] < 6
    resumed = start(experiment_file, out, "--resume")
    _, stderr = resumed.communicate(timeout=300)
    assert resumed.returncode == 0, stderr
    assert_same(out, reference)
