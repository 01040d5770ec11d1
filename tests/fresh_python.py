"""Run code in a fresh interpreter: what a command loads can only be seen there (the test
process has everything imported already). The package from this checkout, no user site, no
inherited environment."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ENV = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}


def run_fresh(code: str, check: bool = True) -> subprocess.CompletedProcess:
    """``python -c code`` from the repository root; raises on a non-zero exit when ``check``."""
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=check,
                          env=ENV)


def last_json(code: str):
    """The JSON value ``code`` prints on its last line of output."""
    return json.loads(run_fresh(code).stdout.strip().splitlines()[-1])


def modules_after(code: str) -> set[str]:
    """Every module in ``sys.modules`` once ``code`` has run."""
    return set(last_json(code + "\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"))
