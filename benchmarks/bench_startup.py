"""How fast the command line starts (issue 15): whole processes against ``python -c "import numpy"``.

Prints, never fails on time. Each command runs as a fresh process; the best of ``--repeat``
runs (default 5) is kept, wall time and CPU time (user + system, from ``getrusage``) with the
load average at the end, since the others on a shared machine slow every process alike. With
``--before PATH`` (another checkout, e.g. main), each command alternates between that tree and
this one, so a busy moment hits both alike, and a before/after table is printed.

Commands: ``--help``; ``validate`` on example (a) with the bundled sample, with its members in a
CSV table and in an XLSX table (written to a temporary folder); ``run --draws 0`` (central
assumptions only) and ``run`` (with its Monte Carlo headline); and the bare imports of numpy,
openpyxl and pandas, to see what a reader of each table format costs.

Run: ``python benchmarks/bench_startup.py [--repeat N] [--before /path/to/main]``.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "scenarios" / "a_medical_centres_employer_group.yaml"
TARGET = 4.0  # issue 15: --help and validate ≤ 4× import numpy


def table_scenarios(folder: Path) -> dict[str, Path]:
    """Example (a) reading its members from a CSV and from an XLSX copy of the sample."""
    sys.path.insert(0, str(ROOT))
    from simulator.organisations import SAMPLE_FILE, sample_organisations

    (folder / "members.csv").write_bytes(SAMPLE_FILE.read_bytes())
    sample_organisations().table.reset_index().to_excel(folder / "members.xlsx", index=False, engine="openpyxl")
    text = EXAMPLE.read_text(encoding="utf-8")
    out = {}
    for suffix in ("csv", "xlsx"):
        lines = [f"organisations: members.{suffix}" if line.startswith("organisations:") else line
                 for line in text.splitlines()]
        if not any(line.startswith("organisations:") for line in lines):
            lines.append(f"organisations: members.{suffix}")
        out[suffix] = folder / f"scenario_{suffix}.yaml"
        out[suffix].write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out


def commands(tables: dict[str, Path]) -> dict[str, list[str]]:
    return {
        "import numpy": ["-c", "import numpy"],
        "mutualise --help": ["-m", "simulator", "--help"],
        "mutualise validate": ["-m", "simulator", "validate", str(EXAMPLE)],
        "validate, CSV table": ["-m", "simulator", "validate", str(tables["csv"])],
        "validate, XLSX table": ["-m", "simulator", "validate", str(tables["xlsx"])],
        "mutualise run --draws 0": ["-m", "simulator", "run", str(EXAMPLE), "--draws", "0"],
        "mutualise run": ["-m", "simulator", "run", str(EXAMPLE)],
        "import openpyxl": ["-c", "import openpyxl"],
        "import pandas": ["-c", "import pandas"],
    }


def one_process(args: list[str], tree: Path) -> tuple[float, float]:
    """Wall and CPU seconds of ``python args`` with ``tree`` first on the path."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, *args], cwd=tree, env=env, check=True, capture_output=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--before", type=Path, help="another checkout to compare with (e.g. main)")
    options = parser.parse_args()
    trees = {"before": options.before.resolve(), "after": ROOT} if options.before else {"now": ROOT}
    with tempfile.TemporaryDirectory() as folder:
        cmds = commands(table_scenarios(Path(folder)))
        best = {(label, tree): (float("inf"), float("inf")) for label in cmds for tree in trees}
        for _ in range(options.repeat):  # interleaved: commands and trees alternate
            for label, args in cmds.items():
                for tree, path in trees.items():
                    wall, cpu = one_process(args, path)
                    old_wall, old_cpu = best[(label, tree)]
                    best[(label, tree)] = (min(old_wall, wall), min(old_cpu, cpu))
    # `import numpy` does not depend on the tree: its best run over both trees is the one yardstick
    base = min(best[("import numpy", tree)][0] for tree in trees)
    print(f"Command line, whole processes, best of {options.repeat} (load average {os.getloadavg()}); "
          f"×numpy = wall ÷ {base * 1e3:.0f} ms, the best `import numpy` of all runs")
    header = "".join(f"  {tree + ' wall':>12} {tree + ' CPU':>11} {'×numpy':>7}" for tree in trees)
    print(f"  {'':<26}{header}")
    for label in cmds:
        cells = ""
        for tree in trees:
            wall, cpu = best[(label, tree)]
            ratio = wall / base
            cells += f"  {wall * 1e3:9.0f} ms {cpu * 1e3:8.0f} ms {ratio:6.1f}×"
        target = f"   (target ≤ {TARGET:.0f}×)" if label in ("mutualise --help", "mutualise validate") else ""
        print(f"  {label:<26}{cells}{target}")


if __name__ == "__main__":
    main()
