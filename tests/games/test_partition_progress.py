"""The partition search reports its progress (``progress(done, total)``, like the engine's hook)
and ``mutualise partition`` draws it as the same bar as batch, mc and Sobol."""

from __future__ import annotations

import io

import numpy as np

from simulator.cli import main
from simulator.games import best_partition
from simulator.games.candidates import partition_candidates
from simulator.games.synthetic import candidate_table, labour_pool_cost


def check(calls):
    assert calls, "no progress reported"
    done = [d for d, _ in calls]
    totals = {t for _, t in calls}
    assert len(totals) == 1 and done == sorted(done) and done[-1] == totals.pop()
    assert done[0] == 0  # the bar appears at once, before the first (possibly long) step


def test_exact_groups_are_one_step_each():
    table = candidate_table(30, seed=2)
    cost = labour_pool_cost(table.fte.to_numpy())
    calls = []
    result = best_partition(list(table.index), cost, max_size=4, attributes=table, same=["commune"],
                            progress=lambda d, t: calls.append((d, t)))
    check(calls)
    groups = table.commune.nunique()
    assert result.method == "exact"
    assert calls[-1] == (1 + groups, 1 + groups)  # standalone costs, then one step per commune
    assert [d for d, _ in calls] == list(range(groups + 2))


def test_a_heuristic_group_reports_seeding_each_start_and_its_bound():
    table = candidate_table(24, seed=5)
    cost = labour_pool_cost(table.fte.to_numpy(), groups=table.subsector.to_numpy())
    calls = []
    best_partition(list(table.index), cost, max_size=5, method="heuristic", attributes=table,
                   seed_with=["commune", "subsector"], progress=lambda d, t: calls.append((d, t)))
    check(calls)
    # 1 standalone + (seeding, greedy, growth, 2 seeded starts, bound) for the one group
    assert calls[-1][1] == 1 + 4 + 2
    assert len({d for d, _ in calls}) == calls[-1][1] + 1  # every step seen


def test_progress_does_not_change_the_answer():
    table = candidate_table(20, seed=3)
    cost = labour_pool_cost(table.fte.to_numpy())
    quiet = best_partition(list(table.index), cost, max_size=4, method="heuristic")
    watched = best_partition(list(table.index), cost, max_size=4, method="heuristic",
                             progress=lambda d, t: None)
    assert quiet.pools == watched.pools and quiet.total_benefit == watched.total_benefit


def test_partition_candidates_passes_the_hook_on():
    calls = []
    partition_candidates(functions=("accounting", "payroll_hr"), max_size=4, same=["commune"],
                         progress=lambda d, t: calls.append((d, t)))
    check(calls)


def terminal(monkeypatch) -> io.StringIO:
    """stderr as a terminal: the bar draws (it stays silent in pipes and logs). Called inside the
    test, after pytest's own capture has installed its stderr."""
    stream = io.StringIO()
    stream.isatty = lambda: True
    monkeypatch.setattr("sys.stderr", stream)
    return stream


def test_cli_partition_draws_a_bar_with_rate_and_eta(capsys, monkeypatch):
    stream = terminal(monkeypatch)
    assert main(["partition", "sample", "--functions", "accounting,payroll_hr", "--max-size", "4",
                 "--same", "commune", "--format", "json"]) == 0
    drawn = stream.getvalue()
    assert drawn.startswith("\rpartition [") and drawn.endswith("\n")
    assert "steps/s" in drawn and "done in" in drawn
    assert capsys.readouterr().out.lstrip().startswith("{")  # stdout stays the result alone


def test_cli_partition_quiet_draws_nothing(monkeypatch):
    stream = terminal(monkeypatch)
    assert main(["partition", "sample", "--functions", "accounting,payroll_hr", "--max-size", "4",
                 "--same", "commune", "--quiet", "--format", "json"]) == 0
    assert stream.getvalue() == ""


def test_synthetic_cost_is_unchanged_by_the_hook():
    """The hook only observes: the labour cost function is called the same number of times."""
    table = candidate_table(16, seed=1)
    seen = []

    def cost(masks):
        seen.append(masks.shape[0])
        return labour_pool_cost(table.fte.to_numpy())(masks)

    best_partition(list(table.index), cost, max_size=4)
    first = list(seen)
    seen.clear()
    best_partition(list(table.index), cost, max_size=4, progress=lambda d, t: None)
    assert seen == first and np.sum(first) > 0
