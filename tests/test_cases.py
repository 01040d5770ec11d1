"""Cases an economist can write: every ``tests/cases/*.yaml`` file, one test per case.

In the spirit of openfisca-core's YAML tests. A file holds a list of cases; each case is

    - name: two half-time bookkeepers buy the residual outside     # required
      why: the hand computation, in words and numbers                # free text
      organisations:                                                 # rows, inline
        - {id: m0, accounting.fte: 0.5}
        - {id: m1, accounting.fte: 0.5}
      scenario: {pooling: {accounting: all}, vehicle: cost_sharing_association}   # a fragment
      parameters: {labour.contract_floor: 0.3333}                    # catalogue overrides
      expected:                                                      # output: value
        pooled_fte: 0.8
        waterfall.post_rounding: 2100.06
      tolerance: 0.01                                                # absolute (default 0.01)

Outputs: any per-pool field of the kernel (``pooled_fte``, ``net_saving``, ``npv``,
``frontline_fte_freed``…), ``waterfall.<component>``, ``pooled_function.<function>``,
``member_gain.<member>``, ``allocated.<member>``, ``member_standalone.<member>``,
``member_staff_transition.<member>``, ``member_site_purchase.<member>``, ``flows.<row>.<year>``,
``warnings`` (count).
Organisation rows get the identity defaults of ``tests/conftest.py`` unless they say otherwise.
A game case has ``game: {players: [...], costs: {"A": 300, "A,B": 410, ...}}`` and expects
``shapley.<player>`` or ``nucleolus.<player>`` instead.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
import yaml

CASES_DIR = Path(__file__).parent / "cases"


def _load_cases() -> list[Any]:
    out = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")):
            out.append(pytest.param(case, id=f"{path.stem}::{case['name']}"))
    return out


CASES = _load_cases()


def test_there_are_cases():
    assert len(CASES) >= 10


@pytest.mark.parametrize("case", CASES)
def test_case(case, make_model):
    unknown = set(case) - {"name", "why", "organisations", "scenario", "parameters", "expected", "tolerance",
                           "game"}
    assert not unknown, f"unknown keys {sorted(unknown)}"
    tolerance = float(case.get("tolerance", 0.01))
    if "game" in case:
        got = _game_outputs(case["game"])
    else:
        got = _scenario_outputs(case, make_model)
    for key, expected in case["expected"].items():
        value = got(key)
        assert value == pytest.approx(float(expected), abs=tolerance), f"{key}: {value} ≠ {expected}"


def _scenario_outputs(case, make_model):
    from simulator.api import warnings_for
    from simulator.kernel import run_kernel

    rows = case["organisations"]
    scenario = dict(case.get("scenario", {}))
    params = {**scenario.pop("parameters", {}), **case.get("parameters", {})}
    model = make_model(rows, scenario.pop("pooling"), vehicle=scenario.pop("vehicle", "cost_sharing_association"),
                       parameters=params, **scenario)
    k = run_kernel(model)
    members = list(model.member_ids)

    def get(key: str) -> float:
        head, _, rest = key.partition(".")
        if head == "waterfall":
            return float(k.waterfall[rest][0])
        if head == "pooled_function":
            return float(k.pooled_function[0, model.function_ids.index(rest)])
        if head in ("member_gain", "allocated", "member_standalone", "member_staff_transition",
                    "member_site_purchase"):
            return float(getattr(k, head)[0, members.index(rest)])
        if head == "flows":
            row, _, year = rest.rpartition(".")
            return float(k.flows[row][0, int(year)])
        if head == "warnings":
            return float(len(warnings_for(model, float(k.pooled_fte[0]))))
        return float(np.asarray(getattr(k, key)).reshape(-1)[0])

    return get


def _game_outputs(spec):
    from simulator.games import CostGame

    players = [str(p) for p in spec["players"]]
    table = {tuple(s.strip() for s in str(k).split(",")): float(v) for k, v in spec["costs"].items()}
    game = CostGame.from_table(players, table)
    cache: dict[str, Any] = {}

    def get(key: str) -> float:
        method, _, player = key.partition(".")
        if method not in cache:
            cache[method] = getattr(game, method)()
        return float(cache[method][player])

    return get
