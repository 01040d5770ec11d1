"""``mutualise batch`` / ``merge`` / ``batch-status``, ``mc --out`` as Parquet, and the progress bar."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pandas as pd
import yaml

from simulator.cli import main
from simulator.cli.progress import ProgressBar

ROOT = Path(__file__).resolve().parents[2]


def write_experiment(folder: Path, **kw) -> Path:
    path = folder / "experiment.yaml"
    data = {"name": "cli grid", "base": "a.yaml",
            "factors": {"parameters.finance.discount_rate": [0.03, 0.04], "vehicle": ["employer_group",
                                                                                     "cost_sharing_association"]},
            **kw}
    (folder / "a.yaml").write_text((ROOT / "scenarios" / "a_medical_centres_employer_group.yaml").read_text())
    path.write_text(yaml.safe_dump(data))
    return path


def test_batch_then_status_then_merge(tmp_path, capsys):
    experiment = write_experiment(tmp_path)  # base: relative to the experiment file
    assert main(["batch", str(experiment), "--out", str(tmp_path / "a"), "--part", "1/2", "--chunk-size", "1"]) == 0
    assert "2/4 parts" in capsys.readouterr().out
    assert main(["batch", str(experiment), "--out", str(tmp_path / "b"), "--part", "2/2", "--chunk-size", "1",
                 "--scheduler", "processes", "--workers", "2", "--quiet"]) == 0
    capsys.readouterr()
    assert main(["merge", str(tmp_path / "a"), str(tmp_path / "b"), "--out", str(tmp_path / "m")]) == 0
    assert "4/4 parts merged" in capsys.readouterr().out
    assert main(["batch-status", str(tmp_path / "m")]) == 0
    status = json.loads(capsys.readouterr().out)
    assert status["complete"] and status["n_experiments"] == 4


def test_batch_bad_inputs_are_one_line_with_status_2(tmp_path, capsys):
    experiment = write_experiment(tmp_path, factors={"parameters.finance.discount_rat": [0.03]})
    assert main(["batch", str(experiment), "--out", str(tmp_path / "o")]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "unknown factor key" in err and "discount_rate" in err
    experiment = write_experiment(tmp_path, factors={"vehicle": []})
    assert main(["batch", str(experiment), "--out", str(tmp_path / "o")]) == 2
    assert "grid is empty" in capsys.readouterr().err
    experiment = write_experiment(tmp_path)
    assert main(["batch", str(experiment), "--out", str(tmp_path / "o"), "--quiet"]) == 0
    capsys.readouterr()
    assert main(["batch", str(experiment), "--out", str(tmp_path / "o")]) == 2
    assert "--resume" in capsys.readouterr().err
    assert main(["batch", str(experiment), "--out", str(tmp_path / "o"), "--scheduler", "mpi"]) == 2
    assert "unknown scheduler" in capsys.readouterr().err
    assert main(["batch", str(experiment), "--out", str(tmp_path / "p"), "--part", "3/2"]) == 2
    assert "--part" in capsys.readouterr().err
    assert main(["batch", str(tmp_path / "missing.yaml"), "--out", str(tmp_path / "q")]) == 2
    assert "no experiment file" in capsys.readouterr().err


def test_mc_out_writes_parquet_when_asked(tmp_path, capsys):
    scenario = ROOT / "scenarios" / "a_medical_centres_employer_group.yaml"
    assert main(["mc", str(scenario), "-n", "300", "--seed", "1", "--out", str(tmp_path / "mc"),
                 "--out-format", "parquet", "--quiet"]) == 0
    draws = pd.read_parquet(tmp_path / "mc" / "mc_draws.parquet")
    assert len(draws) == 300 * 3 and set(draws.metric) == {"npv", "net_saving", "payback_year"}
    assert main(["mc", str(scenario), "-n", "300", "--seed", "1", "--out", str(tmp_path / "csv")]) == 0
    assert (tmp_path / "csv" / "mc_draws.csv").is_file()  # auto: CSV below 100,000 draws


def test_progress_bar_shows_count_share_rate_and_eta():
    bar = ProgressBar("batch", "experiments", stream=io.StringIO(), force=True)
    line = bar.line(250, 1000, 5.0)
    assert "250/1\u202f000 experiments" in line and "25.0 %" in line
    assert "50 experiments/s" in line and "ETA 15 s" in line
    assert "done in 1 min 20 s" in bar.line(1000, 1000, 80.0)


def test_progress_bar_is_silent_off_a_terminal_or_when_quiet():
    stream = io.StringIO()
    ProgressBar("mc", stream=stream)(5, 10)  # StringIO is not a TTY
    ProgressBar("mc", stream=stream, quiet=True, force=True)(5, 10)
    assert stream.getvalue() == ""
    stream = io.StringIO()
    with ProgressBar("mc", "draws", stream=stream, force=True) as bar:
        bar(10, 10)
    assert stream.getvalue().startswith("\rmc [") and stream.getvalue().endswith("\n")
