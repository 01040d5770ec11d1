"""Shared test helpers: paths, small synthetic organisation tables and models.

Factories are session-scoped fixtures so hypothesis tests can use them too.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

#: Identity columns every synthetic organisation gets unless a row overrides them.
ORG_DEFAULTS = {"subsector": "medical_centre", "commune": "ixelles", "fte_total": 50.0,
                "budget_eur": 2_000_000.0, "joint_committee": "330"}


@pytest.fixture(scope="session")
def make_orgs() -> Callable[..., Any]:
    """Factory: list of row dicts (``id`` plus any ``<function>.<field>`` columns) → Organisations."""
    from simulator.organisations import read_organisations

    def make(rows: Sequence[Mapping[str, Any]]):
        frame = pd.DataFrame([{**ORG_DEFAULTS, "name": str(r["id"]).upper(), **r} for r in rows])
        return read_organisations(frame, name="synthetic.csv")

    return make


@pytest.fixture(scope="session")
def make_model(make_orgs) -> Callable[..., Any]:
    """Factory: (rows, pooling, vehicle=…, **scenario fields) → compiled Model.

    Members are the rows' ids in order; ``pooling`` maps function id → "all" or a list of ids.
    """
    from simulator.model import compile_scenario
    from simulator.scenario import Scenario

    def make(rows, pooling, vehicle="cost_sharing_association", **fields):
        orgs = make_orgs(rows)
        scenario = Scenario.from_dict({"name": "synthetic", "members": [r["id"] for r in rows],
                                       "pooling": pooling, "vehicle": vehicle, **fields})
        return compile_scenario(scenario, orgs)

    return make


@pytest.fixture
def write_file(tmp_path) -> Callable[[str, str | bytes], Path]:
    """Factory: (name, text or bytes) → path of that file written in ``tmp_path``."""

    def write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return write
