"""Monte Carlo of a pooling scenario through the real kernel: how sure is the saving?

:func:`monte_carlo` draws every uncertain parameter of a scenario (see
:mod:`simulator.uncertainty.scenario_inputs` for which ones, and how), puts the draws on the
kernel's leading axis — ``run_kernel(model, ParamArrays(base, draws))``, the very function a
single run uses — chunk by chunk, and summarises:

* P(NPV > 0); P10/P50/P90 of NPV, of the steady-state net annual saving and of the payback year
  (the first year whose cumulative cash flow is ≥ 0 and stays so; "never" when it does not
  happen within the horizon);
* P(payback ≤ t) for every year t, so "a 70 % chance that the pool pays for itself within four
  years" is ``summary["p_payback_by_year"][4]``;
* per member, the probability of being better off than alone (its annual gain — standalone cost
  − what it pays − its share of annualised set-up and exit risk + funding — is > 0);
* quantiles of the cumulative cash flow by year (fan chart);
* convergence: standard errors of mean NPV and of P(NPV > 0), and whether more draws would move
  them at the precision shown (:mod:`simulator.uncertainty.summary`).

Reproducibility: draw j's inputs depend only on (seed, j, parameter name), and kernel rows are
independent, so the same seed gives the same numbers whatever ``chunk_size``; a parameter whose
distribution is a single point keeps its exact value, so an all-fixed run reproduces
``simulate(scenario)`` bit for bit.

Threads: chunks run on the process-wide pool of :func:`simulator.threads.shared_executor` (2
threads by default, ``MUTUALISE_THREADS`` to change; when it is unset and every core is already
busy with other work, in the caller's thread; BLAS held to one thread) or on an injected
``executor`` (None: in the caller's thread). Chunks are stored in order, so the numbers are bit
for bit the same for any thread count (see :mod:`simulator.uncertainty.montecarlo`).

Memory: a chunk whose kernel arrays would exceed :data:`KERNEL_BUDGET_BYTES` is refused, and no
more chunks are in the kernel at once than fit in that budget together (:func:`chunks_in_flight`):
a large chunk runs on fewer threads rather than beyond the budget.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping
from concurrent.futures import Executor
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Literal

import numpy as np
import pandas as pd

from simulator.catalogue import parameters
from simulator.errors import InputError
from simulator.kernel import run_kernel
from simulator.model import Model, compile_scenario
from simulator.organisations import Organisations
from simulator.params import ParamArrays
from simulator.scenario import Scenario
from simulator.uncertainty.distributions import Distribution
from simulator.uncertainty.montecarlo import MAX_DRAWS, STORE_BYTES, MonteCarloResult, run_monte_carlo
from simulator.uncertainty.parse import whole_number
from simulator.uncertainty.sampling import BLOCK_SIZE
from simulator.uncertainty.scenario_inputs import (
    distribution_source,
    scenario_correlation,
    scenario_distributions,
)
from simulator.version import MODEL_VERSION

#: Most draws × members one Monte Carlo run may ask for (per-member results are kept per draw).
MAX_DRAW_MEMBERS = 200_000_000

DEFAULT_DRAWS = 10_000
#: Draws per kernel call when none is given: one sampling block. Measured on the 20 × 9 benchmark
#: (100,000 draws, alternating, docs/PERFORMANCE.md "Fourth round"): on one thread 4,096 and
#: 2,048 draws per chunk are equal within the noise (41.0–42.1 against 39.8–42.6 passes); on two
#: threads 4,096 is faster (23.9–28.1 against 31.1–32.2 passes: half the GIL hand-offs per draw).
#: The numbers do not depend on it, only time and memory do.
DEFAULT_CHUNK = BLOCK_SIZE
#: Largest memory one chunk may take inside the kernel (refused above, see :func:`max_chunk`).
KERNEL_BUDGET_BYTES = 1024 * 2**20
CUMULATIVE = "cumulative_cashflow"
FAN_QUANTILES = (0.1, 0.25, 0.5, 0.75, 0.9)
METRICS = ("npv", "net_saving", "payback_year")


def kernel_bytes_per_draw(model: Model) -> int:
    """Upper estimate of the kernel's peak memory per draw, in bytes.

    Calibrated with ``tracemalloc`` on synthetic pools (4–50 members, 2–10 functions, 10–40
    years): ≈ 64 B per member × function cell, 160 B per year, 48 B per cell and site, 2 kB
    fixed; × 1.5 for safety and for the sampled inputs.
    """
    n, F = model.mask.shape
    S = max(len(model.site_ids), 1)
    T1 = model.horizon + 1
    return int(1.5 * (64 * n * F + 160 * T1 + 48 * n * F * S + 16 * n + 2048))


def max_chunk(model: Model, budget_bytes: int = KERNEL_BUDGET_BYTES) -> int:
    """Most draws one kernel call may hold within ``budget_bytes``."""
    return max(1, budget_bytes // kernel_bytes_per_draw(model))


def chunks_in_flight(model: Model, chunk_size: int, workers: int,
                     budget_bytes: int = KERNEL_BUDGET_BYTES) -> int:
    """Chunks in the kernel at once: ``workers``, but no more than fit in ``budget_bytes``
    together (≥ 1: one chunk within the limit of :func:`max_chunk` always runs)."""
    together = budget_bytes // max(1, chunk_size * kernel_bytes_per_draw(model))
    return int(max(1, min(workers, together)))


def _chunk_size(chunk_size: int | None, model: Model) -> int:
    limit = max_chunk(model)
    if chunk_size is None:
        return min(DEFAULT_CHUNK, limit)
    chunk_size = whole_number(chunk_size, "chunk_size")
    if chunk_size > limit:
        need = chunk_size * kernel_bytes_per_draw(model) / 2**30
        raise InputError("chunk_size", f"{chunk_size:,} draws at once would need about "
                         f"{need:.1f} GB in the model; use at most {limit:,} (the results do not "
                         "depend on the chunk size, only the memory does)")
    return chunk_size


class KernelEvaluator:
    """``evaluate(params) -> outputs`` for the Monte Carlo driver, on the real kernel.

    ``params`` maps uncertain parameters to ``(B,)`` draws; every other parameter keeps its
    value in ``base``. Outputs: ``npv`` (B,), ``net_saving`` (B,), ``payback_year`` (B,, NaN =
    never), ``member_gain`` (B, n) and ``cumulative_cashflow`` (B, T+1) = Σ_{s≤t} net flow_s.
    """

    def __init__(self, model: Model, base: Mapping[str, float]):
        self.model = model
        self.base = dict(base)

    def kernel(self, params: Mapping[str, np.ndarray]):
        return run_kernel(self.model, ParamArrays(self.base, params), with_irr=False, per_function=False)

    def __call__(self, params: Mapping[str, np.ndarray]) -> dict[str, np.ndarray]:
        out = self.kernel(params)
        return {"npv": out.npv, "net_saving": out.net_saving, "payback_year": out.payback_year,
                "member_gain": out.member_gain, CUMULATIVE: np.cumsum(out.flows["net"], axis=-1)}

    def scalar(self, output: str = "npv") -> Callable[[Mapping[str, np.ndarray]], np.ndarray]:
        """The model reduced to one output per row (for tornado and Sobol)."""
        if output not in ("npv", "net_saving"):
            raise InputError("output", f"unknown output {output!r}; use 'npv' or 'net_saving'")

        def evaluate_scalar(params: Mapping[str, np.ndarray]) -> np.ndarray:
            return getattr(self.kernel(params), output)

        return evaluate_scalar


@dataclass(frozen=True)
class Problem:
    """A scenario made ready for sampling: compiled model, distributions, base values."""

    model: Model
    distributions: dict[str, Distribution]  # every catalogue parameter (fixed ones included)
    base: dict[str, float]  # value of every parameter when it is not drawn
    vary: str

    @property
    def uncertain(self) -> dict[str, Distribution]:
        return {n: d for n, d in self.distributions.items() if not d.is_degenerate}

    def evaluator(self) -> KernelEvaluator:
        return KernelEvaluator(self.model, self.base)

    def table(self) -> pd.DataFrame:
        """One row per parameter that varies: distribution, P10 / base / P90, unit, source."""
        cat, scn = parameters(), self.model.scenario
        rows = [{"parameter": n, "dist": d.kind, "p10": d.p10, "base": d.base, "p90": d.p90,
                 "unit": cat[n].unit, "source": distribution_source(scn, n, self.vary),
                 "spec": json.dumps(d.to_dict(), default=float)}
                for n, d in self.uncertain.items()]
        return pd.DataFrame(rows, columns=["parameter", "dist", "p10", "base", "p90", "unit",
                                           "source", "spec"])


def prepare(scenario: Scenario | str | Path, organisations: Organisations | None = None,
            vary: str = "all") -> Problem:
    """Load (if a path), compile and attach distributions to a scenario."""
    if not isinstance(scenario, Scenario):
        from simulator.api import load_scenario

        scenario = load_scenario(scenario, organisations)
    model = compile_scenario(scenario, organisations)
    dists = scenario_distributions(scenario, vary)
    base = dict(model.params)
    for name, d in dists.items():
        if d.is_degenerate:  # the exact point value (a fixed uncertainty: entry wins)
            base[name] = d.quantile(0.5)
    return Problem(model, dists, base, vary)


def monte_carlo(scenario: Scenario | str | Path, draws: int = DEFAULT_DRAWS, seed: int | None = None, *,
                organisations: Organisations | None = None, chunk_size: int | None = None,
                vary: str = "all", method: str = "gaussian_copula",
                progress: Callable[[int, int], None] | None = None,
                store_bytes: int = STORE_BYTES,
                executor: Executor | Literal["shared"] | None = "shared") -> ScenarioMonteCarlo:
    """Monte Carlo of ``scenario``: ``draws`` parameter draws through the kernel.

    Parameters
    ----------
    scenario
        A Scenario or the path of a scenario file.
    draws
        Number of draws, 1 … 10,000,000.
    seed
        Non-negative integer; None picks one and records it (``result.seed``) for replay.
    organisations
        A member table overriding the scenario's.
    chunk_size
        Draws per kernel call (default 2,048; refused above the memory limit). Does not change
        the numbers.
    vary
        ``"all"``: every parameter with a range in the catalogue varies, except those the
        scenario sets under ``parameters:`` without a distribution (fixed at the scenario's
        value: the user chose it), plus the scenario's ``uncertainty:`` entries, which win.
        ``"scenario"``: only the ``uncertainty:`` entries vary.
    method
        How rank correlations are imposed: ``"gaussian_copula"`` or ``"iman_conover"``.
    progress
        Called as ``progress(done, draws)`` after each chunk.
    store_bytes
        Memory for per-draw rows of the wide outputs (member gains, cumulative cash flow) and
        the sampled inputs; above it a systematic subsample is kept (NPV, saving, payback and
        the members' probabilities always use every draw).
    executor
        Where the chunks run: ``"shared"`` (default) the process-wide thread pool of
        :func:`simulator.threads.shared_executor` (``MUTUALISE_THREADS=1``: none; unset and
        every core busy with other work: this thread, see
        :func:`simulator.threads.default_executor`), None in this thread (a batch or Dask worker
        that already keeps every core busy), or any thread pool. Does not change the numbers.

    Raises
    ------
    InputError
        Bad scenario, bad distribution or correlation (naming the field), draws < 1 or above
        the limit, a chunk too large for memory.
    """
    draws = whole_number(draws, "draws")
    if draws > MAX_DRAWS:
        raise InputError("draws", f"{draws:,} draws is more than the limit of {MAX_DRAWS:,}; "
                         "results stop changing long before (see the convergence note)")
    problem = prepare(scenario, organisations, vary)
    model = problem.model
    if draws * len(model.member_ids) > MAX_DRAW_MEMBERS:  # refused before anything is drawn
        raise InputError("draws", f"{draws:,} draws × {len(model.member_ids):,} members is more than "
                         f"{MAX_DRAW_MEMBERS:,} member-draws; use fewer draws")
    uncertain = problem.uncertain
    corr = scenario_correlation(model.scenario, list(uncertain))
    chunk = _chunk_size(chunk_size, model)
    from simulator.threads import default_executor, executor_workers, single_threaded_blas

    pool = default_executor() if executor == "shared" else executor
    with single_threaded_blas():
        core = run_monte_carlo(problem.evaluator(), uncertain, draws, seed, chunk_size=chunk,
                               correlation=corr, method=method, store_bytes=store_bytes,
                               member_labels=model.member_ids, progress=progress, executor=pool,
                               in_flight=chunks_in_flight(model, chunk, executor_workers(pool)))
    deterministic = run_kernel(model, with_irr=False)
    return ScenarioMonteCarlo(
        scenario=model.scenario.name, member_ids=model.member_ids, member_names=model.member_names,
        horizon_years=model.horizon, vary=vary, core=core,
        npv_deterministic=float(deterministic.npv[0]),
        distributions=problem.table(),
        manifest={"model_version": MODEL_VERSION, "parameter_hash": model.params.digest(),
                  "seed": core.seed, "scenario": model.scenario.name,
                  "scenario_hash": _hash(model.scenario.canonical_json()),
                  "uncertainty_hash": _hash(json.dumps(
                      {n: d.to_dict() for n, d in uncertain.items()}, sort_keys=True, default=float)
                      + json.dumps(None if corr is None else corr.to_dict(), default=float)),
                  "draws": core.draws, "method": method, "vary": vary},
        warnings=[] if uncertain else ["no parameter is uncertain: every draw gives the "
                                       "deterministic result"],
    )


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:16]


@dataclass(frozen=True, eq=False)
class ScenarioMonteCarlo:
    """Monte Carlo result of one scenario (plain data: picklable, cacheable).

    Attributes
    ----------
    core
        The model-independent :class:`~simulator.uncertainty.montecarlo.MonteCarloResult`
        (per-draw metrics, sampled inputs, member counts).
    npv_deterministic
        NPV of the deterministic run (``simulate(scenario).summary["npv_eur"]``).
    distributions
        The distributions that varied: parameter, dist, p10, base, p90, unit, source, spec.
    """

    scenario: str
    member_ids: tuple[str, ...]
    member_names: tuple[str, ...]
    horizon_years: int
    vary: str
    core: MonteCarloResult
    npv_deterministic: float
    distributions: pd.DataFrame
    manifest: dict[str, Any]
    warnings: list[str] = field(default_factory=list)

    # --- per-draw vectors -------------------------------------------------------------------
    @property
    def seed(self) -> int:
        return self.core.seed

    @property
    def draws(self) -> int:
        return self.core.draws

    @property
    def npv(self) -> np.ndarray:
        """NPV of each draw (€), shape (draws,)."""
        return self.core.npv

    @property
    def net_saving(self) -> np.ndarray:
        """Steady-state net annual saving of each draw (€/year)."""
        return self.core.metrics["net_saving"]

    @property
    def payback_year(self) -> np.ndarray:
        """Payback year of each draw; NaN = not within the horizon."""
        return self.core.metrics["payback_year"]

    def p_payback_within(self, years: int) -> float:
        """P(payback year ≤ ``years``): the chance the pool has paid for itself by then."""
        return float(np.mean(self.payback_year <= years))  # NaN (never) compares False

    # --- summaries ----------------------------------------------------------------------------
    @cached_property
    def summary(self) -> dict[str, Any]:
        """JSON-ready headline: probabilities, percentiles, convergence, provenance."""
        s: dict[str, Any] = {"scenario": self.scenario, "model_version": MODEL_VERSION,
                             "seed": self.seed, "draws": self.draws, "vary": self.vary,
                             "method": self.core.method, "chunk_size": self.core.chunk_size,
                             "horizon_years": self.horizon_years,
                             "uncertain_parameters": len(self.distributions),
                             "npv_deterministic_eur": self.npv_deterministic}
        s |= dict(self.core.summary)
        s["p_payback_by_year"] = [self.p_payback_within(t) for t in range(self.horizon_years + 1)]
        s["members"] = self.member_probabilities.to_dict(orient="records")
        s["warnings"] = list(self.warnings)
        s["manifest"] = dict(self.manifest)
        return s

    @cached_property
    def member_probabilities(self) -> pd.DataFrame:
        """Per member: id, name, P(better off than alone), P(worse off), P10/P50/P90 of the gain."""
        frame = self.core.member_summary().rename(columns={"member": "id"})
        frame.insert(1, "name", list(self.member_names))
        return frame

    @cached_property
    def fan(self) -> pd.DataFrame:
        """Quantiles (p10, p25, p50, p75, p90) of the cumulative net cash flow, by year (€)."""
        frame = self.core.fan(CUMULATIVE, FAN_QUANTILES)
        frame.index = pd.Index(range(len(frame)), name="year")
        return frame

    def frame(self) -> pd.DataFrame:
        """Tidy long frame of the per-draw outputs: scenario, draw, metric, value."""
        out = self.core.frame(list(METRICS))
        out.insert(0, "scenario", self.scenario)
        return out

    def tables(self) -> dict[str, pd.DataFrame]:
        """Every table the exports write, by name."""
        flat = {k: (json.dumps(v, default=float) if isinstance(v, list | dict) else v)
                for k, v in self.summary.items() if k not in ("members", "manifest")}
        return {
            "mc_summary": pd.DataFrame({"metric": list(flat), "value": list(flat.values())}),
            "mc_members": self.member_probabilities,
            "mc_fan": self.fan.reset_index(),
            "mc_distributions": self.distributions,
            "mc_draws": self.frame(),
            "mc_manifest": pd.DataFrame({"key": list(self.manifest),
                                         "value": [str(v) for v in self.manifest.values()]}),
        }

    def to_csv(self, directory: str | Path, overwrite: bool = False) -> list[Path]:
        """Write one CSV per table into ``directory``; refuses to overwrite unless asked."""
        from simulator.export import write_tables

        return write_tables(self.tables(), directory, "csv", overwrite)
