"""Monte Carlo driver: draws on the leading axis, chunked, seeded, model-agnostic.

:func:`run_monte_carlo` knows nothing about pooling: it draws parameters, calls ``evaluate`` (the
kernel, wrapped by the caller) on chunks of draws and keeps what is needed for the summary.

Memory stays bounded for any number of draws
    Only one chunk of draws is in the model at a time. From each chunk the driver keeps

    * every 1-D output (``npv``, ``net_saving``, ``payback_year`` … 8 bytes per draw each), in
      full, so all percentiles are exact whatever the chunking;
    * exact counts for ``member_gain`` (B, n): P(gain > 0) and P(gain < 0) per member;
    * multi-dimensional outputs (``member_gain``, a cumulative cash flow (B, T+1) for the fan
      chart …) and the sampled inputs, for every draw if they fit in ``store_bytes``, otherwise
      for a systematic subsample: draws j with j mod s = 0, s = ⌈draws × row bytes / budget⌉.
      Draws are independent, so this is an unbiased sample, and it does not depend on the
      chunking. Percentiles cannot be merged across chunks, which is why whole rows are kept.

Reproducibility
    Draw j's inputs depend only on (seed, j, parameter name) — see
    :class:`~simulator.uncertainty.sampling.UniformStream` — so the same seed gives the same
    numbers for any ``chunk_size``; a run of N draws is a prefix of a run of M > N draws.

Threads
    With an ``executor`` (a thread pool), chunks are sampled and evaluated on its threads —
    numpy releases the GIL inside array operations — while this thread stores them **in chunk
    order** (:func:`simulator.threads.ordered_map`): each chunk's numbers are computed exactly as
    in the sequential loop and kept in the same places, so the result is bit for bit the same for
    any thread count. At most ``in_flight`` chunks are in the model at once (memory), and a
    Ctrl-C while this thread waits cancels the chunks not started.
"""

from __future__ import annotations

import contextlib
import math
import time
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Executor
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from simulator.errors import InputError
from simulator.messages import msg
from simulator.threads import executor_workers, ordered_map
from simulator.uncertainty.correlation import RankCorrelation, parse_correlation
from simulator.uncertainty.distributions import Distribution
from simulator.uncertainty.parse import parse_distribution, whole_number
from simulator.uncertainty.sampling import BLOCK_SIZE, UniformStream, to_parameters
from simulator.uncertainty.summary import percentiles, summarise

Evaluate = Callable[[dict[str, np.ndarray]], Mapping[str, np.ndarray]]

MAX_DRAWS = 10_000_000
#: Largest chunk: more draws than this in the model at once risks exhausting memory.
MAX_CHUNK = 1_000_000
DEFAULT_CHUNK = 2 * BLOCK_SIZE
STORE_BYTES = 256 * 2**20
NPV, SAVING, PAYBACK, MEMBER_GAIN = "npv", "net_saving", "payback_year", "member_gain"


@dataclass(frozen=True, eq=False)
class MonteCarloResult:
    """Outcome of a Monte Carlo run.

    Attributes
    ----------
    draws, seed, method, chunk_size
        How the run was made (``seed`` is the one actually used, also when none was given).
    summary
        JSON-ready mapping (see :func:`simulator.uncertainty.summary.summarise`).
    metrics
        Per-draw 1-D outputs, ``{name: (draws,)}``, every draw.
    samples
        Multi-dimensional outputs for the draws in ``sample_index`` (all draws if they fitted).
    inputs
        Sampled parameter values for the draws in ``sample_index``.
    member_probability_better_off, member_probability_worse_off
        P(gain > 0) and P(gain < 0) per member over all draws, when the model returns
        ``member_gain``; None otherwise.
    """

    draws: int
    seed: int
    method: str
    chunk_size: int
    summary: Mapping[str, Any]
    metrics: Mapping[str, np.ndarray]
    samples: Mapping[str, np.ndarray]
    inputs: Mapping[str, np.ndarray]
    sample_index: np.ndarray
    member_probability_better_off: np.ndarray | None = None
    member_probability_worse_off: np.ndarray | None = None
    member_labels: tuple[str, ...] | None = None
    elapsed_s: float = field(default=0.0, compare=False)

    @property
    def npv(self) -> np.ndarray:
        """NPV of each draw, shape (draws,)."""
        return self.metrics[NPV]

    @property
    def net_saving(self) -> np.ndarray | None:
        return self.metrics.get(SAVING)

    @property
    def payback_year(self) -> np.ndarray | None:
        """Payback year of each draw; NaN = never within the horizon."""
        return self.metrics.get(PAYBACK)

    def frame(self, metrics: Sequence[str] | None = None) -> pd.DataFrame:
        """Tidy long frame of the per-draw outputs: columns draw, metric, value."""
        names = list(metrics) if metrics is not None else list(self.metrics)
        return pd.DataFrame({
            "draw": np.tile(np.arange(self.draws), len(names)),
            "metric": np.repeat(names, self.draws),
            "value": np.concatenate([self.metrics[m] for m in names]) if names else [],
        })

    def member_summary(self) -> pd.DataFrame:
        """Per member: P(better off than alone), P(worse off), P10/P50/P90 of the gain."""
        if self.member_probability_better_off is None:
            raise KeyError("the model did not return member_gain")
        gains = self.samples[MEMBER_GAIN]
        labels = self.member_labels or tuple(str(i) for i in range(gains.shape[1]))
        qs = np.array([percentiles(gains[:, i]) for i in range(gains.shape[1])], dtype=float)
        return pd.DataFrame({
            "member": labels,
            "p_better_off": self.member_probability_better_off,
            "p_worse_off": self.member_probability_worse_off,
            "gain_p10": qs[:, 0], "gain_p50": qs[:, 1], "gain_p90": qs[:, 2],
        })

    def fan(self, metric: str, quantiles: Sequence[float] = (0.1, 0.5, 0.9)) -> pd.DataFrame:
        """Quantiles over draws of a (draws, T) output, one row per position (e.g. year)."""
        values = self.samples[metric]
        return pd.DataFrame(np.quantile(values, list(quantiles), axis=0).T,
                            columns=[f"p{round(100 * q)}" for q in quantiles])


def chunk_size_for(bytes_per_draw: int, budget_bytes: int = 512 * 2**20) -> int:
    """Largest chunk (a multiple of the sampling block) whose model arrays fit ``budget_bytes``."""
    blocks = max(1, budget_bytes // max(1, bytes_per_draw * BLOCK_SIZE))
    return int(blocks * BLOCK_SIZE)


def run_monte_carlo(
    evaluate: Evaluate,
    distributions: Mapping[str, Distribution | float | Mapping[str, Any]],
    draws: int,
    seed: int | None = None,
    *,
    chunk_size: int = DEFAULT_CHUNK,
    correlation: RankCorrelation | Any = None,
    method: str = "gaussian_copula",
    max_draws: int = MAX_DRAWS,
    store_bytes: int = STORE_BYTES,
    member_labels: Sequence[str] | None = None,
    progress: Callable[[int, int], None] | None = None,
    executor: Executor | None = None,
    in_flight: int | None = None,
) -> MonteCarloResult:
    """Run ``evaluate`` on ``draws`` parameter draws, chunk by chunk.

    Parameters
    ----------
    evaluate
        ``evaluate(params) -> outputs``: ``params`` maps each uncertain parameter to a float
        array of shape (B,); ``outputs`` maps names to arrays with leading axis B (or 1,
        broadcast). ``npv`` (B,) is required; ``net_saving`` (B,), ``payback_year`` (B,, NaN =
        never) and ``member_gain`` (B, n) are used when present.
    distributions
        ``{name: Distribution}`` (numbers and ``{dist: …}`` specs are parsed).
    draws
        Number of draws, 1 … ``max_draws``.
    seed
        Non-negative integer; None draws fresh entropy and records it in ``result.seed``.
    chunk_size
        Draws per call of ``evaluate`` (1 … 1,000,000); does not change the numbers.
    correlation
        Rank correlations (:class:`RankCorrelation`, a k × k array in ``distributions`` order,
        or any spec accepted by :func:`~simulator.uncertainty.correlation.parse_correlation`).
    method
        ``"gaussian_copula"`` (default) or ``"iman_conover"``.
    store_bytes
        Budget for multi-dimensional outputs and sampled inputs (see module docstring).
    progress
        Called as ``progress(done, draws)`` after each chunk, in chunk order, in this thread.
    executor
        Where chunks are sampled and evaluated: None (default) in this thread, or a thread pool
        (``evaluate`` must then be safe to call from several threads at once, as the kernel
        is). Does not change the numbers.
    in_flight
        Most chunks in ``evaluate`` at once (memory); default: the executor's thread count.
    """
    draws = whole_number(draws, "draws")
    if draws > max_draws:
        raise InputError("draws", msg("mc.too_many_draws", "{draws} draws is more than the limit of {limit}; "
                                      "results stop changing long before (see the convergence note)",
                                      draws=draws, limit=max_draws))
    chunk_size = whole_number(chunk_size, "chunk_size")
    if chunk_size > MAX_CHUNK:
        raise InputError("chunk_size", msg("mc.chunk_too_big", "{size} draws at once could exhaust memory; use "
                                           "at most {limit} (results do not depend on the chunk size)",
                                           size=chunk_size, limit=MAX_CHUNK))
    chunk_size = min(chunk_size, draws)
    seed = int(np.random.SeedSequence().entropy) if seed is None else whole_number(seed, "seed", 0)
    dists = {n: parse_distribution(d, n) for n, d in distributions.items()}
    names = tuple(dists)
    corr = parse_correlation(correlation, known=list(names))
    stream = UniformStream(names, seed, corr, method)
    store = _Store(draws, names, store_bytes)
    started = time.perf_counter()

    def sample_and_evaluate(bounds: tuple[int, int]) -> tuple[dict[str, np.ndarray], Any]:
        params = to_parameters(dists, names, stream.rows(*bounds))
        return params, evaluate(params)

    chunks = [(start, min(start + chunk_size, draws)) for start in range(0, draws, chunk_size)]
    ahead = executor_workers(executor) if in_flight is None else max(1, int(in_flight))
    with contextlib.closing(ordered_map(sample_and_evaluate, chunks, executor, ahead)) as results:
        for (start, stop), (params, raw) in results:  # in chunk order, whoever computed them
            outputs = _check_outputs(raw, stop - start, start, store.keys)
            store.add(start, stop, params, outputs)
            if progress is not None:
                progress(stop, draws)
    return MonteCarloResult(
        draws=draws, seed=seed, method=method, chunk_size=chunk_size,
        summary=summarise(store.metrics, NPV, SAVING, PAYBACK), metrics=store.metrics,
        samples=store.samples, inputs=store.inputs, sample_index=store.index,
        member_probability_better_off=store.p_better(),
        member_probability_worse_off=store.p_worse(),
        member_labels=tuple(member_labels) if member_labels is not None else None,
        elapsed_s=time.perf_counter() - started)


def _check_outputs(outputs: Any, size: int, start: int,
                   expected: tuple[str, ...] | None) -> dict[str, np.ndarray]:
    if not isinstance(outputs, Mapping):
        raise TypeError("evaluate must return a mapping name -> array")
    if NPV not in outputs:
        raise KeyError(f"evaluate must return {NPV!r}; got {sorted(outputs)}")
    if expected is not None and tuple(outputs) != expected:
        raise KeyError(f"evaluate returned {sorted(outputs)} for draws from {start}, "
                       f"but {sorted(expected)} before")
    out = {}
    for name, value in outputs.items():
        a = np.asarray(value, dtype=float)
        if a.ndim == 0 or a.shape[0] not in (1, size):
            raise ValueError(f"output {name!r} has shape {a.shape}; expected leading axis {size}")
        out[name] = np.broadcast_to(a, (size, *a.shape[1:])) if a.shape[0] != size else a
    npv = out[NPV]
    if npv.ndim != 1:
        raise ValueError(f"output {NPV!r} must have shape (B,), got {npv.shape}")
    bad = np.flatnonzero(~np.isfinite(npv))
    if bad.size:
        raise InputError("monte_carlo", msg("mc.npv_not_a_number", "{count} draw(s) gave an NPV that is not a "
                                            "number, first draw {first}; check the parameter ranges",
                                            count=int(bad.size), first=start + int(bad[0])))
    return out


class _Store:
    """Accumulates per-draw vectors, member counts and the (sub)sampled rows."""

    def __init__(self, draws: int, names: tuple[str, ...], budget: int):
        self.draws, self.names, self.budget = draws, names, budget
        self.keys: tuple[str, ...] | None = None
        self.metrics: dict[str, np.ndarray] = {}
        self.samples: dict[str, np.ndarray] = {}
        self.inputs: dict[str, np.ndarray] = {}
        self.stride = 1
        self.index = np.arange(0)
        self.better: np.ndarray | None = None
        self.worse: np.ndarray | None = None

    def _allocate(self, outputs: Mapping[str, np.ndarray]) -> None:
        self.keys = tuple(outputs)
        wide = {k: v.shape[1:] for k, v in outputs.items() if v.ndim > 1}
        row_bytes = 8 * (len(self.names) + sum(math.prod(s) for s in wide.values()))
        self.stride = max(1, math.ceil(self.draws * row_bytes / self.budget))
        self.index = np.arange(0, self.draws, self.stride)
        m = self.index.size
        self.metrics = {k: np.empty(self.draws) for k, v in outputs.items() if v.ndim == 1}
        self.samples = {k: np.empty((m, *s)) for k, s in wide.items()}
        self.inputs = {n: np.empty(m) for n in self.names}
        if MEMBER_GAIN in wide:
            n_members = math.prod(wide[MEMBER_GAIN])
            self.better = np.zeros(n_members, dtype=np.int64)
            self.worse = np.zeros(n_members, dtype=np.int64)

    def add(self, start: int, stop: int, params: Mapping[str, np.ndarray],
            outputs: Mapping[str, np.ndarray]) -> None:
        if self.keys is None:
            self._allocate(outputs)
        for k, target in self.metrics.items():
            target[start:stop] = outputs[k]
        first = -(-start // self.stride)  # first kept draw ≥ start, as a position in index
        rows = self.index[first:first + len(range(first * self.stride, stop, self.stride))]
        local, where = rows - start, slice(first, first + rows.size)
        if self.stride == 1:  # every draw kept: a slice, not a gather
            local = slice(0, stop - start)
        for k, target in self.samples.items():
            target[where] = outputs[k][local]
        for n, target in self.inputs.items():
            target[where] = params[n][local]
        if self.better is not None and self.worse is not None:
            gain = outputs[MEMBER_GAIN].reshape(stop - start, -1)
            self.better += np.count_nonzero(gain > 0, axis=0)
            self.worse += np.count_nonzero(gain < 0, axis=0)

    def p_better(self) -> np.ndarray | None:
        return None if self.better is None else self.better / self.draws

    def p_worse(self) -> np.ndarray | None:
        return None if self.worse is None else self.worse / self.draws
