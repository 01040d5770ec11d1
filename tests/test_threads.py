"""Thread use: one injectable executor for the coalition costing, BLAS single-threaded around it."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest
from threadpoolctl import threadpool_info

from simulator import threads
from simulator.errors import InputError
from simulator.kernel import coalition_costs


def blas_threads() -> set[int]:
    return {lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas"}


def test_worker_count_reads_the_environment(monkeypatch):
    monkeypatch.setenv("MUTUALISE_THREADS", "3")
    assert threads.worker_count() == 3
    monkeypatch.setenv("MUTUALISE_THREADS", "0")
    assert threads.worker_count() == 1 and threads.shared_executor() is None
    monkeypatch.setenv("MUTUALISE_THREADS", "many")
    with pytest.raises(InputError, match="MUTUALISE_THREADS"):
        threads.worker_count()
    monkeypatch.delenv("MUTUALISE_THREADS")
    assert 1 <= threads.worker_count() <= threads.DEFAULT_WORKERS


def test_one_shared_pool_is_reused(monkeypatch):
    monkeypatch.setenv("MUTUALISE_THREADS", "2")
    first = threads.shared_executor()
    assert first is threads.shared_executor() and first is not None


def test_blas_is_single_threaded_inside_and_restored_after_nesting():
    before = blas_threads()
    with threads.single_threaded_blas():
        with threads.single_threaded_blas():
            assert blas_threads() <= {1}
        assert blas_threads() <= {1}  # the inner exit does not lift the outer limit
    assert blas_threads() == before


def test_every_executor_gives_the_same_costs(sample_model):
    rng = np.random.default_rng(0)
    coalitions = rng.random((700, sample_model.n)) < 0.5
    inline = coalition_costs(sample_model, coalitions, chunk=64, executor=None)
    shared = coalition_costs(sample_model, coalitions, chunk=64)
    with ThreadPoolExecutor(3) as pool:
        injected = coalition_costs(sample_model, coalitions, chunk=64, executor=pool)
    np.testing.assert_array_equal(inline, shared)
    np.testing.assert_array_equal(inline, injected)
    one_chunk = coalition_costs(sample_model, coalitions, chunk=10_000, executor=None)
    np.testing.assert_allclose(inline, one_chunk, rtol=1e-12)


@pytest.fixture
def sample_model():
    from simulator.model import compile_scenario
    from simulator.organisations import sample_organisations
    from simulator.scenario import Scenario

    ids = list(sample_organisations().ids[:8])
    scn = Scenario.from_dict({"name": "t", "organisations": "sample", "members": ids,
                              "pooling": {"accounting": "all", "payroll_hr": "all"},
                              "vehicle": "cost_sharing_association"})
    return compile_scenario(scn)


def _worker_threads() -> tuple[str | None, set[int]]:
    import os

    return os.environ.get("MUTUALISE_THREADS"), blas_threads()


def test_batch_worker_processes_run_one_thread_each(monkeypatch):
    """N worker processes on N cores: no pool of our own and one BLAS thread in each."""
    from simulator.batch.evaluators import ProcessEvaluator

    monkeypatch.setenv("MUTUALISE_THREADS", "4")  # what the parent says does not reach the workers
    with ProcessEvaluator(1) as evaluator:
        setting, blas = evaluator._pool.submit(_worker_threads).result(timeout=60)
    assert setting == "1" and blas <= {1}


def test_work_on_the_shared_pool_does_not_submit_to_it_again(monkeypatch):
    """A pool worker asking for the pool gets None (runs inline): no nested wait for itself."""
    monkeypatch.setenv("MUTUALISE_THREADS", "2")
    pool = threads.shared_executor()
    assert pool is not None
    inner = pool.submit(threads.shared_executor).result(timeout=30)
    assert inner is None
    assert pool.submit(threads.default_executor).result(timeout=30) is None
