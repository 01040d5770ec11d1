"""Monte Carlo chunks on threads: the same numbers bit for bit, bounded memory, prompt stops."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pytest

from simulator import threads
from simulator.api import load_scenario
from simulator.errors import InputError
from simulator.threads import executor_workers, ordered_map
from simulator.uncertainty.model_mc import (
    KERNEL_BUDGET_BYTES,
    chunks_in_flight,
    kernel_bytes_per_draw,
    monte_carlo,
    prepare,
)
from simulator.uncertainty.montecarlo import run_monte_carlo
from simulator.uncertainty.sampling import BLOCK_SIZE, UniformStream

ROOT = Path(__file__).resolve().parents[2]
UNCERTAIN = ROOT / "scenarios" / "a_variant_uncertain.yaml"


@pytest.fixture(scope="module")
def scenario():
    return load_scenario(UNCERTAIN)


def assert_same_run(a, b) -> None:
    """Every number a Monte Carlo result carries, compared exactly (NaN = never pays back)."""
    assert a.core.metrics.keys() == b.core.metrics.keys()
    for key in a.core.metrics:
        np.testing.assert_array_equal(a.core.metrics[key], b.core.metrics[key], err_msg=key)
    for key in a.core.samples:
        np.testing.assert_array_equal(a.core.samples[key], b.core.samples[key], err_msg=key)
    for key in a.core.inputs:
        np.testing.assert_array_equal(a.core.inputs[key], b.core.inputs[key], err_msg=key)
    np.testing.assert_array_equal(a.core.member_probability_better_off, b.core.member_probability_better_off)
    np.testing.assert_array_equal(a.core.member_probability_worse_off, b.core.member_probability_worse_off)
    np.testing.assert_array_equal(a.fan.to_numpy(), b.fan.to_numpy())


def test_one_thread_two_threads_and_another_chunk_size_give_the_same_numbers(scenario):
    draws = 3 * BLOCK_SIZE + 123  # several blocks, a ragged last chunk
    inline = monte_carlo(scenario, draws, seed=11, executor=None)
    with ThreadPoolExecutor(2) as two, ThreadPoolExecutor(3) as three:
        threaded = monte_carlo(scenario, draws, seed=11, executor=two)
        other_chunk = monte_carlo(scenario, draws, seed=11, executor=three, chunk_size=777)
    assert_same_run(inline, threaded)
    assert_same_run(inline, other_chunk)
    assert inline.summary["p_npv_positive"] == threaded.summary["p_npv_positive"]


def test_the_thread_setting_does_not_change_the_numbers(scenario, monkeypatch):
    monkeypatch.setenv("MUTUALISE_THREADS", "1")
    assert threads.shared_executor() is None
    one = monte_carlo(scenario, 5000, seed=4)  # the default executor: "shared"
    monkeypatch.setenv("MUTUALISE_THREADS", "2")
    assert executor_workers(threads.shared_executor()) == 2
    assert_same_run(one, monte_carlo(scenario, 5000, seed=4))


def test_chunks_run_on_the_pool_and_progress_comes_in_order_on_the_callers_thread(scenario):
    seen, callers = [], set()
    caller = threading.get_ident()

    def progress(done: int, total: int) -> None:
        seen.append((done, total))
        callers.add(threading.get_ident())

    with ThreadPoolExecutor(2, thread_name_prefix="mc-test") as pool:
        monte_carlo(scenario, 2500, seed=1, chunk_size=600, progress=progress, executor=pool)
    assert seen == [(600, 2500), (1200, 2500), (1800, 2500), (2400, 2500), (2500, 2500)]
    assert callers == {caller}


def test_chunks_in_flight_never_hold_more_than_the_kernel_budget():
    model = prepare(UNCERTAIN).model
    per_draw = kernel_bytes_per_draw(model)
    assert chunks_in_flight(model, 2048, workers=2) == 2  # small chunks: every worker busy
    assert chunks_in_flight(model, 2048, workers=1) == 1
    fits_one = KERNEL_BUDGET_BYTES // per_draw  # the largest chunk accepted: alone in the kernel
    assert chunks_in_flight(model, fits_one, workers=8) == 1
    assert chunks_in_flight(model, fits_one // 3, workers=8) == 3
    for chunk, workers in ((fits_one, 8), (fits_one // 3, 8), (5000, 32), (1, 4)):
        inside = chunks_in_flight(model, chunk, workers)
        assert 1 <= inside <= workers
        assert inside == 1 or inside * chunk * per_draw <= KERNEL_BUDGET_BYTES


def test_ordered_map_keeps_order_and_bounds_what_is_in_flight():
    running, most = 0, 0
    lock = threading.Lock()

    def work(i: int) -> int:
        nonlocal running, most
        with lock:
            running += 1
            most = max(most, running)
        time.sleep(0.002 * ((7 - i) % 4))  # later items often finish first
        with lock:
            running -= 1
        return i * i

    with ThreadPoolExecutor(4) as pool:
        out = list(ordered_map(work, range(20), pool, ahead=3))
    assert out == [(i, i * i) for i in range(20)]
    assert 1 <= most <= 3
    assert list(ordered_map(work, range(5), None, ahead=3)) == [(i, i * i) for i in range(5)]


def test_a_consumer_that_stops_cancels_the_chunks_not_started():
    started = []
    gate = threading.Event()

    def work(i: int) -> int:
        started.append(i)
        gate.wait(5)
        return i

    with ThreadPoolExecutor(1) as pool:
        results = ordered_map(work, range(100), pool, ahead=4)
        try:
            for i, _ in results:
                gate.set()
                if i == 1:
                    raise KeyboardInterrupt  # as if Ctrl-C landed while the caller waited
        except KeyboardInterrupt:
            results.close()
    assert len(started) <= 6  # the two consumed, at most the few queued ones ran: not the 100


def test_an_error_in_a_chunk_stops_the_run_with_its_message():
    def evaluate(params):
        npv = params["x"].copy()
        npv[params["x"] > 0.999] = np.nan  # some draw gives no number
        return {"npv": npv}

    with ThreadPoolExecutor(2) as pool, pytest.raises(InputError, match="not a number"):
        run_monte_carlo(evaluate, {"x": {"dist": "uniform", "low": 0, "high": 1}}, 20_000, seed=1,
                        chunk_size=1000, executor=pool)


def test_the_uniform_stream_gives_the_same_rows_to_threads_at_once():
    names = ("a", "b", "c")
    reference = UniformStream(names, 9).rows(0, 4 * BLOCK_SIZE)
    shared = UniformStream(names, 9)
    bounds = [(s, min(s + 700, 4 * BLOCK_SIZE)) for s in range(0, 4 * BLOCK_SIZE, 700)]
    with ThreadPoolExecutor(4) as pool:
        parts = list(pool.map(lambda b: shared.rows(*b), bounds))
    np.testing.assert_array_equal(np.concatenate(parts), reference)


def test_a_busy_machine_runs_the_chunks_in_the_callers_thread_unless_told(scenario, monkeypatch):
    """Every core busy with other work: the default stays in this thread; MUTUALISE_THREADS wins."""
    import os

    used = set()
    real = monte_carlo.__globals__["run_monte_carlo"]

    def spy(*args, executor=None, **kwargs):
        used.add(executor_workers(executor))
        return real(*args, executor=executor, **kwargs)

    monkeypatch.setitem(monte_carlo.__globals__, "run_monte_carlo", spy)
    monkeypatch.delenv("MUTUALISE_THREADS", raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    monkeypatch.setattr(os, "getloadavg", lambda: (2.5, 2.0, 2.0))
    assert threads.machine_busy() and threads.default_executor() is None
    busy = monte_carlo(scenario, 3000, seed=2)
    monkeypatch.setattr(os, "getloadavg", lambda: (0.4, 0.3, 0.2))
    assert not threads.machine_busy()
    quiet = monte_carlo(scenario, 3000, seed=2)
    monkeypatch.setattr(os, "getloadavg", lambda: (9.0, 9.0, 9.0))
    monkeypatch.setenv("MUTUALISE_THREADS", "2")
    told = monte_carlo(scenario, 3000, seed=2)
    assert used == {1, 2}
    assert_same_run(busy, quiet)
    assert_same_run(busy, told)


def test_a_ragged_or_small_chunk_gives_every_draw_the_same_bits():
    """Chunks of 1, 7, 64, 160 and 4,096 draws against the default on a 20-member, 9-function
    pool. Two causes made a draw's NPV move in its last bits with the chunk it fell in (2,200
    draws: the default's last chunk holds 152): numpy's broadcasting gave the labour workload a
    memory order that depends on the batch size, and the member sum (``mechanisms.masked_sum``)
    added in memory order; and BLAS adds a row of ``sigma @ exempt`` (the VAT stage) in another
    order in a batch of one than in a larger one."""
    import sys

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from synthetic import TEN_FUNCTIONS, synthetic_pool

    scn, orgs = synthetic_pool(20, functions=TEN_FUNCTIONS[:9], seed=0)  # as bench_speed.py
    reference = monte_carlo(scn, 2_200, seed=1, organisations=orgs, executor=None)
    for draws, chunk in ((2_200, 64), (2_200, 160), (2_200, 4_096), (400, 1), (400, 7)):
        other = monte_carlo(scn, draws, seed=1, organisations=orgs, executor=None, chunk_size=chunk)
        for key in ("npv", "net_saving"):  # a draw's inputs depend only on the seed and its index
            np.testing.assert_array_equal(reference.core.metrics[key][:draws], other.core.metrics[key],
                                          err_msg=f"{key}, chunks of {chunk}")
