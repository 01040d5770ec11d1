"""Threads, chosen deliberately: one executor for the coalition costing, BLAS kept single-threaded.

Two kinds of threads compete for the cores:

* **BLAS threads** (OpenBLAS, MKL) that numpy starts inside a matrix product. The kernel's
  products are small (members × sub-sectors); on a 2-core machine shared with other processes,
  OpenBLAS's threads doubled the CPU of the partition search and halved its wall speed.
  :func:`single_threaded_blas` (threadpoolctl) keeps them at one thread around kernel calls.
* **Our own threads**: the coalition costing (``simulator.kernel.coalition_costs``) splits large
  batches of coalitions into chunks; numpy releases the GIL inside array operations, so chunks run
  in parallel on a thread pool. One process-wide pool (:func:`shared_executor`) serves every call
  instead of a new pool of two per call; a caller can pass its own executor, or ``None`` to stay in
  its thread (a Dask worker or batch runner that already keeps every core busy).

How many workers (``MUTUALISE_THREADS`` overrides; 1 disables our threads; BLAS always 1 thread
around the kernel):

- *a laptop (4–8 cores)*: the default, 2 workers — the app and the command line leave the other
  cores to the browser and the rest of the desktop;
- *this 2-core machine*: 2 workers; with other processes busy, ``MUTUALISE_THREADS=1`` avoids
  two threads fighting one free core;
- *a 32-core server*: scale with processes (Dask workers, batch runs, one per core or per two
  cores) and ``MUTUALISE_THREADS=1`` in each, rather than many threads in one process — the
  kernel's chunks hold the GIL between array operations, so threads beyond 2–4 add little.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import threading
from collections.abc import Iterator
from concurrent.futures import Executor, ThreadPoolExecutor

__all__ = ["shared_executor", "single_threaded_blas", "worker_count"]

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


def shared_executor() -> Executor | None:
    """The process-wide thread pool (created on first use), or None when one worker is asked for."""
    global _executor, _executor_workers
    workers = worker_count()
    if workers <= 1:
        return None
    with _lock:
        if _executor is None or _executor_workers != workers:  # first use, or the setting changed
            if _executor is not None:
                _executor.shutdown(wait=False)
            _executor = ThreadPoolExecutor(workers, thread_name_prefix="mutualise")
            _executor_workers = workers
        return _executor


@atexit.register
def _shutdown() -> None:
    if _executor is not None:
        _executor.shutdown(wait=False)


_blas_depth = 0
_controller = None


@contextlib.contextmanager
def single_threaded_blas() -> Iterator[None]:
    """BLAS libraries limited to one thread inside the block (no-op if threadpoolctl is missing).

    The limit is process-wide: the outermost block sets it (about 50 µs with a cached
    threadpoolctl controller), nested blocks — a kernel call inside a partition search — cost a
    counter increment, and the outermost exit restores the previous setting.
    """
    global _blas_depth, _controller
    with _lock:
        _blas_depth += 1
        outer = _blas_depth == 1
    limiter = contextlib.nullcontext()
    if outer:
        try:
            if _controller is None:
                from threadpoolctl import ThreadpoolController

                _controller = ThreadpoolController()
            limiter = _controller.limit(limits=1, user_api="blas")
        except ModuleNotFoundError:  # pragma: no cover - a core dependency, but never fatal
            pass
    try:
        with limiter:
            yield
    finally:
        with _lock:
            _blas_depth -= 1
