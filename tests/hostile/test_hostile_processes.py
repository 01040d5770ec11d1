"""Interrupted and concurrent work with real processes and real signals (issue 12, class 4), and
operating-system errors (class 5): exit 130 on Ctrl-C, exit 2 naming the user's target, and an
export is all files or none."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from signals import sigint_as_at_a_terminal

from simulator import load_scenario, simulate
from simulator.cli import main
from simulator.export import ExportError, export

ROOT = Path(__file__).resolve().parents[2]
B = str(ROOT / "scenarios" / "b_shared_house.yaml")
TABLES = {"summary", "members", "cashflows", "waterfall", "functions", "costs", "manifest"}


def start(*args: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-m", "simulator", *args], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            preexec_fn=sigint_as_at_a_terminal)


def cpu_seconds(pid: int) -> float:
    """CPU time a process has used so far (user + system), from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def wait_until_busy(proc: subprocess.Popen, cpu: float) -> None:
    """Wait until the command has used ``cpu`` seconds of CPU (loaded, now computing): a fixed
    sleep would be too short on a busy machine."""
    deadline = time.monotonic() + 120
    while proc.poll() is None and time.monotonic() < deadline:
        try:
            if cpu_seconds(proc.pid) >= cpu:
                return
        except (FileNotFoundError, ProcessLookupError):
            return
        time.sleep(0.05)


def interrupt_when_busy(proc: subprocess.Popen, cpu: float) -> tuple[int, str, str]:
    """Send a real SIGINT (what Ctrl-C sends) once the command is working."""
    wait_until_busy(proc, cpu)
    assert proc.poll() is None, "the command finished before it could be interrupted"
    proc.send_signal(signal.SIGINT)
    try:
        out, err = proc.communicate(timeout=15)  # a long C call (numpy) finishes before Python sees it
    except subprocess.TimeoutExpired:
        # seen about once in six runs of Sobol: the first SIGINT is not acted upon (cause not found
        # yet; see the closing note of issue 12) — a person presses Ctrl-C again
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=240)
    return proc.returncode, out, err


def many_candidates(folder: Path) -> str:
    """The sample table four times over (120 candidates): a partition search that takes a while
    (about 10 s CPU; twice over, 60 candidates took 2.7 s on a quiet machine, under the 3.5 s the
    test waits for before pressing Ctrl-C)."""
    import pandas as pd

    from simulator.organisations import read_organisations, sample_organisations

    frames = []
    for k in range(4):
        table = sample_organisations().table.copy()
        table.index = pd.Index([f"{i}_{k}" for i in table.index], name="id")
        frames.append(table)
    path = folder / "candidates.csv"
    read_organisations(pd.concat(frames)).to_csv(path)
    return str(path)


@pytest.mark.parametrize("args", [
    ["mc", B, "--draws", "5000000", "--seed", "1"],
    ["sensitivity", B, "--method", "sobol", "--n", "32768"],
    ["partition", "{candidates}", "--max-size", "8"],
], ids=["mc", "sensitivity", "partition"])
def test_ctrl_c_exits_130_with_one_line(args, tmp_path):
    args = [a.replace("{candidates}", many_candidates(tmp_path)) if "{" in a else a for a in args]
    code, out, err = interrupt_when_busy(start(*args, *(["--out", str(tmp_path / "o")]
                                                       if args[0] == "mc" else [])), 3.5)
    assert code == 130, (code, err)
    assert err.strip() == "interrupted: nothing was written"
    assert "Traceback" not in err and out == ""
    assert not (tmp_path / "o").exists()


def test_ctrl_c_while_exporting_leaves_all_files_or_none(tmp_path):
    """Interrupt a large export at several moments: never a partial set of tables."""
    outcomes = set()
    for cpu in (3.5, 6.0):
        out = tmp_path / f"o{cpu}"
        proc = start("mc", B, "--draws", "200000", "--seed", "1", "--out", str(out), "--format", "json")
        wait_until_busy(proc, cpu)
        if proc.poll() is None:
            proc.send_signal(signal.SIGINT)
        proc.communicate(timeout=120)
        names = sorted(p.name for p in out.iterdir()) if out.exists() else []
        tables = ("summary", "members", "fan", "distributions", "draws", "manifest")
        assert names in ([], sorted(f"mc_{n}.{ext}" for n in tables for ext in ("csv",)),
                         sorted(f"mc_{n}.parquet" for n in tables)), names  # all or none, one format
        assert proc.returncode in (0, 130, -signal.SIGINT)  # -SIGINT: stopped while Python was starting
        outcomes.add(proc.returncode)
    assert 130 in outcomes


def test_two_exports_into_one_folder_at_once_never_mix(tmp_path):
    """Real concurrent processes: one wins, the other refuses; the folder holds one complete set."""
    out = tmp_path / "shared"
    procs = [start("run", B, "--out", str(out), "--format", "json") for _ in range(4)]
    results = [(p.wait(timeout=120), p.stderr.read()) for p in procs]
    codes = sorted(code for code, _ in results)
    assert codes.count(0) == 1 and codes.count(2) == 3, results
    for code, err in results:
        if code == 2:
            assert ("would overwrite" in err or "another export" in err) and "Traceback" not in err
    assert {p.stem for p in out.iterdir()} == TABLES


def test_overwrite_races_still_leave_one_complete_set(tmp_path):
    out = tmp_path / "o"
    assert main(["run", B, "--out", str(out)]) == 0
    procs = [start("run", B, "--out", str(out), "--overwrite", "--format", "json") for _ in range(3)]
    codes = [p.wait(timeout=120) for p in procs]
    assert set(codes) <= {0, 2} and 0 in codes
    assert {p.stem for p in out.iterdir()} == TABLES  # no staging folder left, no missing table


# --- the transaction, fault by fault (in process: faults injected where the OS would fail) -------

@pytest.fixture(scope="module")
def tables():
    return simulate(load_scenario(B)).tables()


def _fail_on_nth_write(monkeypatch, n: int, code: int) -> None:
    import pandas as pd

    real = pd.DataFrame.to_csv
    calls = {"n": 0}

    def flaky(self, path=None, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] == n:
            raise OSError(code, os.strerror(code), str(path))
        return real(self, path, *args, **kwargs)

    monkeypatch.setattr(pd.DataFrame, "to_csv", flaky)


@pytest.mark.parametrize("code, words", [(errno.ENOSPC, "disk is full"), (errno.EROFS, "read-only"),
                                         (errno.EACCES, "no permission")])
def test_a_failing_disk_leaves_nothing_and_names_the_target(tables, tmp_path, monkeypatch, capsys,
                                                           code, words):
    _fail_on_nth_write(monkeypatch, 4, code)  # the 4th of 7 tables fails
    out = tmp_path / "results"
    with pytest.raises(ExportError) as refused:
        export(tables, directory=out)
    text = str(refused.value)
    assert words in text and str(out) in text and ".mutualise-export" not in text
    assert not out.exists()
    # and the command line says it in one line, exit 2
    _fail_on_nth_write(monkeypatch, 4, code)
    assert main(["run", B, "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and words in err and str(out) in err
    assert not out.exists()


def test_excel_failure_after_the_csvs_leaves_no_csv(tables, tmp_path, monkeypatch):
    import pandas as pd

    def broken(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(pd.DataFrame, "to_excel", broken)
    with pytest.raises(ExportError, match="disk is full"):
        export(tables, directory=tmp_path / "csv", excel=tmp_path / "book.xlsx")
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_a_failure_while_placing_files_puts_the_old_ones_back(tables, tmp_path, monkeypatch):
    out = tmp_path / "o"
    export(tables, directory=out)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    real_link = os.link
    calls = {"n": 0}

    def flaky_link(src, dst, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 5:
            raise OSError(errno.EIO, "Input/output error")
        return real_link(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "link", flaky_link)
    changed = {k: v.assign(extra=1) if k == "summary" else v for k, v in tables.items()}
    with pytest.raises(ExportError):
        export(changed, directory=out, overwrite=True)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_os_errors_elsewhere_exit_2_naming_the_path(tmp_path, capsys, monkeypatch):
    """An OSError outside exports (reading a file) is a refusal too, never 'unexpected'."""
    import simulator.cli.run as run_module

    def unreadable(path):
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr(run_module, "load_scenario", unreadable)
    assert main(["run", str(tmp_path / "locked.yaml")]) == 2
    err = capsys.readouterr().err
    assert err.strip() == f"error: {tmp_path / 'locked.yaml'}: permission denied"
