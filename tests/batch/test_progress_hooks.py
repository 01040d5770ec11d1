"""The engine's progress hooks the CLI bars use: Sobol, Monte Carlo and batch report every chunk,
in order, ending at the total."""

from __future__ import annotations

from pathlib import Path

from simulator import batch, load_scenario, monte_carlo
from simulator.uncertainty.model_sensitivity import sensitivity

ROOT = Path(__file__).resolve().parents[2]
SCENARIO = ROOT / "scenarios" / "a_medical_centres_employer_group.yaml"


def check(calls):
    assert calls, "no progress reported"
    done = [d for d, _ in calls]
    totals = {t for _, t in calls}
    assert len(totals) == 1 and done == sorted(done) and done[-1] == totals.pop()


def test_sobol_reports_model_runs():
    calls = []
    frame = sensitivity(load_scenario(SCENARIO), method="sobol", n=8, chunk_size=50,
                        progress=lambda d, t: calls.append((d, t)))
    check(calls)
    assert calls[-1][0] == frame.attrs["evaluations"] and len(calls) > 1


def test_monte_carlo_reports_draws():
    calls = []
    monte_carlo(load_scenario(SCENARIO), 300, 1, chunk_size=100, progress=lambda d, t: calls.append((d, t)))
    check(calls)
    assert calls == [(100, 300), (200, 300), (300, 300)]


def test_batch_reports_experiments_from_zero(tmp_path):
    calls = []
    batch.run({"name": "p", "base": str(SCENARIO), "factors": {"parameters.finance.discount_rate": [0.02, 0.03,
                                                                                                     0.04]}},
              tmp_path / "out", chunk_size=2, progress=lambda d, t: calls.append((d, t)))
    assert calls == [(0, 3), (2, 3), (3, 3)]
