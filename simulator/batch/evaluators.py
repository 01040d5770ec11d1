"""Evaluators: where chunks are computed. One interface, three places, all context managers.

``with evaluator: for index, parts in evaluator.map(plan, chunks): …`` yields each chunk's
Parquet bytes as soon as it is done (in any order). The caller writes them; workers never touch
the output folder, so a remote cluster needs no shared disk.

* :class:`InProcessEvaluator` — this process, one chunk after the other (vectorised inside);
* :class:`ProcessEvaluator` — local worker processes (``concurrent.futures``);
* :class:`DaskEvaluator` — Dask distributed: ``"local"`` starts a ``LocalCluster`` on
  127.0.0.1, ``"tcp://host:port"`` joins a running scheduler. Dask is imported only here, only
  when used (``pip install 'mutualise[cluster]'``).

Only a few chunks are in flight at once (:data:`IN_FLIGHT_PER_WORKER` per worker), so memory
stays bounded whatever the number of experiments: results are never held until the end.
Leaving the ``with`` block — normally, on an error or on Ctrl-C — cancels what is queued and
shuts the workers down.

Threads: the parallelism is the worker processes (one per core by default), so each local
worker process runs single-threaded — ``MUTUALISE_THREADS=1`` (no thread pool of our own, e.g.
for a Monte Carlo or a coalition costing inside a chunk) and BLAS held to one thread — instead
of N processes × 2 threads fighting over N cores (:func:`one_thread_per_worker`; a Dask
LocalCluster is started with ``threads_per_worker=1``).
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from typing import Any

from simulator.batch.chunk import chunk_parquet
from simulator.batch.plan import GridPlan as Plan
from simulator.errors import InputError
from simulator.messages import msg

IN_FLIGHT_PER_WORKER = 2
SCHEDULERS = ("inprocess", "processes", "local")
CONNECT_TIMEOUT_S = 10


class Evaluator:
    """Base class: a context manager whose :meth:`map` yields ``(chunk index, parquet parts)``."""

    workers = 1

    def __enter__(self) -> Evaluator:
        return self

    def __exit__(self, *exc: Any) -> None:
        return None

    def map(self, plan: Plan, chunks: Sequence[int]) -> Iterator[tuple[int, dict[str, bytes]]]:
        raise NotImplementedError


class InProcessEvaluator(Evaluator):
    """Chunks computed here, in order."""

    def map(self, plan: Plan, chunks: Sequence[int]) -> Iterator[tuple[int, dict[str, bytes]]]:
        for index in chunks:
            yield index, chunk_parquet(plan, index)


def one_thread_per_worker() -> None:
    """Initializer of a worker process: our thread pool off, BLAS at one thread (see above)."""
    os.environ["MUTUALISE_THREADS"] = "1"
    try:
        from threadpoolctl import threadpool_limits

        threadpool_limits(1, user_api="blas")  # kept for the process's life
    except ModuleNotFoundError:  # pragma: no cover - a core dependency, but never fatal
        pass


class ProcessEvaluator(Evaluator):
    """Chunks computed by ``workers`` local processes (default: the number of CPUs)."""

    def __init__(self, workers: int | None = None):
        self.workers = workers or os.cpu_count() or 1
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> ProcessEvaluator:
        self._pool = ProcessPoolExecutor(max_workers=self.workers, initializer=one_thread_per_worker)
        return self

    def __exit__(self, *exc: Any) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def map(self, plan: Plan, chunks: Sequence[int]) -> Iterator[tuple[int, dict[str, bytes]]]:
        if self._pool is None:
            raise RuntimeError("use the evaluator in a with block")
        todo = list(chunks)[::-1]
        running: dict[Future, int] = {}
        limit = IN_FLIGHT_PER_WORKER * self.workers
        while todo or running:
            while todo and len(running) < limit:
                index = todo.pop()
                running[self._pool.submit(chunk_parquet, plan, index)] = index
            done, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in done:
                yield running.pop(future), future.result()


class DaskEvaluator(Evaluator):
    """Chunks computed on a Dask cluster: ``"local"`` (a LocalCluster of ``workers`` processes,
    one thread each, on 127.0.0.1) or the address of a running scheduler (``tcp://host:port``)."""

    def __init__(self, scheduler: str = "local", workers: int | None = None,
                 timeout_s: float = CONNECT_TIMEOUT_S):
        self.scheduler = scheduler
        self.timeout_s = timeout_s
        self.workers = workers or 2
        self._cluster: Any = None
        self._client: Any = None

    def __enter__(self) -> DaskEvaluator:
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise InputError("--scheduler", msg("batch.no_dask", "Dask is not installed: pip install "
                                                "'mutualise[cluster]'")) from None
        if self.scheduler == "local":
            self._cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1, processes=True,
                                         host="127.0.0.1", dashboard_address=None)
            self._client = Client(self._cluster)
        else:
            try:
                self._client = Client(self.scheduler, timeout=self.timeout_s)
            except (OSError, TimeoutError) as exc:
                reason = " ".join(str(exc).split()) or type(exc).__name__
                raise InputError("--scheduler", msg("batch.scheduler_unreachable", "cannot reach the Dask "
                                                    "scheduler at {address} ({reason})", address=self.scheduler,
                                                    reason=reason[:160])) from None
            self.workers = max(1, len(self._client.scheduler_info().get("workers", {})))
        return self

    def __exit__(self, *exc: Any) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None

    def map(self, plan: Plan, chunks: Sequence[int]) -> Iterator[tuple[int, dict[str, bytes]]]:
        from distributed import as_completed

        client = self._client
        if client is None:
            raise RuntimeError("use the evaluator in a with block")
        [shared] = client.scatter([plan], broadcast=True)  # sent once, not with every task
        todo = list(chunks)[::-1]
        index_of: dict[str, int] = {}

        def submit() -> Any:
            index = todo.pop()
            future = client.submit(chunk_parquet, shared, index, pure=False, key=f"mutualise-chunk-{index}-"
                                   f"{plan.digest()}")
            index_of[future.key] = index
            return future

        limit = IN_FLIGHT_PER_WORKER * self.workers
        pending = as_completed([submit() for _ in range(min(limit, len(todo)))])
        for future in pending:
            parts = future.result()
            index = index_of.pop(future.key)
            future.release()
            if todo:
                pending.add(submit())
            yield index, parts


def make_evaluator(scheduler: str = "inprocess", workers: int | None = None) -> Evaluator:
    """The evaluator for a ``--scheduler`` value: inprocess, processes, local or tcp://host:port."""
    if workers is not None and workers < 1:
        raise InputError("--workers", msg("batch.workers", "needs at least one worker, got {got}", got=workers))
    if scheduler == "inprocess":
        return InProcessEvaluator()
    if scheduler == "processes":
        return ProcessEvaluator(workers)
    if scheduler == "local" or scheduler.startswith(("tcp://", "tls://", "ucx://")):
        return DaskEvaluator(scheduler, workers)
    raise InputError("--scheduler", msg("batch.unknown_scheduler", "unknown scheduler '{scheduler}'; use "
                                        "inprocess, processes, local or tcp://host:port", scheduler=scheduler))
