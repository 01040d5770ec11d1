"""Batch runs: experiment grids over a scenario, streamed to a resumable Parquet dataset.

>>> from simulator import batch
>>> out = batch.run("experiments/discount_and_grant.yaml", "runs/grid", scheduler="processes")
>>> frame = batch.open_results(out)                        # pandas, tidy: experiment, draw, metric, value, …
>>> frame = batch.open_results(out, engine="duckdb")       # the same frame, read by DuckDB

============================  ==================================================================
module                        job
============================  ==================================================================
``experiment``                definition (YAML / Python): base, factors, design, draws, seeds
``plan``                      checked factors and values, structural groups, metrics
``study``                     a sector funding study as the base: its fields, checks, metrics
``chunk``                     one chunk of experiments → vectorised kernel calls → Arrow tables
``study_chunk``               one chunk of a study's experiments → compare_funding → Arrow tables
``evaluators``                in-process, local processes, Dask distributed (context managers)
``store``                     output folder: atomic Parquet parts, manifest, resume, merge
``runner``                    :func:`run`
``read``                      open the results as DataFrames (pandas, DuckDB) and summarise
============================  ==================================================================
"""

from simulator.batch.evaluators import (
    DaskEvaluator,
    Evaluator,
    InProcessEvaluator,
    ProcessEvaluator,
    make_evaluator,
)
from simulator.batch.experiment import ExperimentDefinition, load_experiment, parse_experiment
from simulator.batch.plan import DEFAULT_METRICS, MEMBER_METRICS, METRICS, Plan, make_plan
from simulator.batch.read import open_duckdb, open_results, summarise
from simulator.batch.runner import plan_for, run
from simulator.batch.store import merge, read_manifest, status
from simulator.batch.study import STUDY_METRICS, StudyPlan

__all__ = [
    "DEFAULT_METRICS",
    "MEMBER_METRICS",
    "METRICS",
    "STUDY_METRICS",
    "DaskEvaluator",
    "Evaluator",
    "ExperimentDefinition",
    "InProcessEvaluator",
    "Plan",
    "ProcessEvaluator",
    "StudyPlan",
    "load_experiment",
    "make_evaluator",
    "make_plan",
    "merge",
    "open_duckdb",
    "open_results",
    "parse_experiment",
    "plan_for",
    "read_manifest",
    "run",
    "status",
    "summarise",
]
