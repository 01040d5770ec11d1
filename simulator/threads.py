"""Threads, chosen deliberately: one executor for the coalition costing, BLAS kept single-threaded.

Two kinds of threads compete for the cores:

* **BLAS threads** (OpenBLAS, MKL) that numpy starts inside a matrix product. The kernel's
  products are small (members × sub-sectors); on a 2-core machine shared with other processes,
  OpenBLAS's threads doubled the CPU of the partition search and halved its wall speed.
  :func:`single_threaded_blas` (threadpoolctl) keeps them at one thread around kernel calls.
* **Our own threads**: the coalition costing (``simulator.kernel.coalition_costs``) and the Monte
  Carlo (``simulator.uncertainty.model_mc.monte_carlo``) split their batches into chunks; numpy
  releases the GIL inside array operations, so chunks run in parallel on a thread pool. One
  process-wide pool (:func:`shared_executor`) serves every call instead of a new pool of two per
  call; a caller can pass its own executor, or ``None`` to stay in its thread (a Dask worker or
  batch runner that already keeps every core busy). :func:`ordered_map` hands the chunks to the
  pool and gives their results back in order, so a Monte Carlo is bit for bit the same on any
  number of threads. The Monte Carlo's default (:func:`default_executor`) stays in the caller's
  thread when every core is already busy and ``MUTUALISE_THREADS`` is unset.

How many workers (``MUTUALISE_THREADS`` overrides; 1 disables our threads; BLAS always 1 thread
around the kernel):

- *a laptop (4–8 cores)*: the default, 2 workers — the app and the command line leave the other
  cores to the browser and the rest of the desktop;
- *this 2-core machine*: 2 workers; with other processes busy, ``MUTUALISE_THREADS=1`` avoids
  two threads fighting one free core (the Monte Carlo makes that choice itself from the load
  average when the variable is unset);
- *a 32-core server*: scale with processes (Dask workers, batch runs, one per core or per two
  cores) and ``MUTUALISE_THREADS=1`` in each, rather than many threads in one process — the
  kernel's chunks hold the GIL between array operations, so threads beyond 2–4 add little.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from typing import Literal, TypeVar

T = TypeVar("T")
R = TypeVar("R")

__all__ = ["default_executor", "executor_workers", "machine_busy", "ordered_map", "run_each", "shared_executor",
           "single_threaded_blas", "worker_count"]

#: Worker threads by default (as in v1, now one shared pool instead of a new pool per call).
DEFAULT_WORKERS = 2

_lock = threading.Lock()
_executor: ThreadPoolExecutor | None = None
_executor_workers = 0


def worker_count() -> int:
    """Threads for the coalition costing: ``MUTUALISE_THREADS`` if set (≥ 1), else
    ``min(DEFAULT_WORKERS, cores)``."""
    raw = os.environ.get("MUTUALISE_THREADS", "").strip()
    if raw:
        try:
            return max(1, int(raw))
        except ValueError:
            from simulator.errors import InputError

            raise InputError("MUTUALISE_THREADS", f"expected a whole number of threads, got {raw!r}") from None
    return max(1, min(DEFAULT_WORKERS, os.cpu_count() or 1))


#: Name prefix of the shared pool's threads (how a worker recognises itself).
THREAD_PREFIX = "mutualise"


def shared_executor() -> Executor | None:
    """The process-wide thread pool (created on first use), or None when one worker is asked for
    — or when called from one of the pool's own threads: a chunk that submitted more chunks to
    its own pool and waited for them could wait for ever once every worker did the same."""
    global _executor, _executor_workers
    workers = worker_count()
    if workers <= 1 or threading.current_thread().name.startswith(THREAD_PREFIX):
        return None
    with _lock:
        if _executor is None or _executor_workers != workers:  # first use, or the setting changed
            if _executor is not None:
                _executor.shutdown(wait=False)
            _executor = ThreadPoolExecutor(workers, thread_name_prefix=THREAD_PREFIX)
            _executor_workers = workers
        return _executor


def machine_busy() -> bool:
    """No core is free for a second thread: the 1-minute load average (this process's own work
    included) is at least the number of cores. False where the load cannot be read.

    Measured on the 2-core machine with other sessions busy (load 3.5–5.6): two Monte Carlo
    threads got one core's worth of time between them and cost 10–17 % more CPU than one.
    """
    try:
        load = os.getloadavg()[0]
    except (AttributeError, OSError):  # pragma: no cover - Windows has no load average
        return False
    return load >= (os.cpu_count() or 1)


def default_executor() -> Executor | None:
    """The executor a call uses when none is injected: :func:`shared_executor` — except when
    ``MUTUALISE_THREADS`` is not set and :func:`machine_busy`, then None (the caller's thread).
    An explicit ``MUTUALISE_THREADS`` is always obeyed."""
    if not os.environ.get("MUTUALISE_THREADS", "").strip() and machine_busy():
        return None
    return shared_executor()


def executor_workers(executor: Executor | None) -> int:
    """Threads ``executor`` runs at once: 1 for None (the caller's thread), its ``max_workers``
    for a thread or process pool, else :func:`worker_count` (an executor that does not say)."""
    if executor is None:
        return 1
    workers = getattr(executor, "_max_workers", None)  # ThreadPoolExecutor, ProcessPoolExecutor
    return max(1, int(workers)) if isinstance(workers, int) else worker_count()


def ordered_map(fn: Callable[[T], R], items: Iterable[T], executor: Executor | None,
                ahead: int) -> Iterator[tuple[T, R]]:
    """``(item, fn(item))`` for each item, **in the order of** ``items``, computed on ``executor``.

    At most ``ahead`` calls are submitted and not yet collected at any time, so at most ``ahead``
    run at once (memory stays bounded) and an interruption leaves no long queue behind: when the
    consumer stops — it breaks out, raises, or Ctrl-C lands while it waits — the calls not started
    are cancelled and only those already running finish. ``executor=None`` or ``ahead ≤ 1``:
    every call in the caller's thread, one after the other. The results are those of the
    sequential loop whatever the executor, as long as ``fn`` of one item does not depend on
    another's (the caller's contract; the Monte Carlo chunks are independent by construction).
    """
    if executor is None or ahead <= 1:
        for item in items:
            yield item, fn(item)
        return
    pending: deque[tuple[T, Future[R]]] = deque()
    source = iter(items)
    try:
        for item in source:
            pending.append((item, executor.submit(fn, item)))
            if len(pending) >= ahead:
                first, future = pending.popleft()
                yield first, future.result()
        while pending:
            first, future = pending.popleft()
            yield first, future.result()
    finally:
        for _, future in pending:
            future.cancel()


def run_each(fn: Callable[[T], object], items: Sequence[T],
             executor: Executor | Literal["shared"] | None = "shared") -> None:
    """``fn(item)`` for every item, with BLAS held to one thread: on ``executor`` when there are
    two items or more (``"shared"``: :func:`shared_executor`; None: this thread), else here.

    For calls that each write their own rows of one output (the coalition costing's chunks, the
    pool rows' size batches): the result does not depend on the thread count.
    """
    pool = shared_executor() if executor == "shared" else executor
    with single_threaded_blas():
        if pool is not None and len(items) > 1:
            list(pool.map(fn, items))
        else:
            for item in items:
                fn(item)


@atexit.register
def _shutdown() -> None:
    if _executor is not None:
        _executor.shutdown(wait=False)


_blas_depth = 0
_controller = None
_controller_modules = 0


@contextlib.contextmanager
def single_threaded_blas() -> Iterator[None]:
    """BLAS libraries limited to one thread inside the block (no-op if threadpoolctl is missing).

    The limit is process-wide: the outermost block sets it (about 50 µs with a cached
    threadpoolctl controller, rescanned when modules were imported since), nested blocks — a
    kernel call inside a partition search — cost a counter increment, and the outermost exit
    restores the previous setting.
    """
    global _blas_depth, _controller, _controller_modules
    with _lock:
        _blas_depth += 1
        outer = _blas_depth == 1
    limiter = contextlib.nullcontext()
    if outer:
        try:
            # rescanned when modules were imported since: a BLAS loaded later (scipy's own
            # OpenBLAS, on the first inverse CDF that needs scipy) would otherwise escape the limit
            if _controller is None or _controller_modules != len(sys.modules):
                from threadpoolctl import ThreadpoolController

                _controller = ThreadpoolController()
                _controller_modules = len(sys.modules)
            limiter = _controller.limit(limits=1, user_api="blas")
        except ModuleNotFoundError:  # pragma: no cover - a core dependency, but never fatal
            pass
    try:
        with limiter:
            yield
    finally:
        with _lock:
            _blas_depth -= 1
