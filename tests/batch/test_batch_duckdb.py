"""The DuckDB reader gives exactly the pandas reader's frames (columns, rows, order, dtypes)."""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from simulator import batch
from simulator.errors import InputError

pytest.importorskip("duckdb", reason="DuckDB is in the test extra: pip install -e '.[test]'")

ROOT = Path(__file__).resolve().parents[2]
BASE = str(ROOT / "scenarios" / "a_medical_centres_employer_group.yaml")
EXPERIMENT = {"name": "duckdb", "base": BASE, "draws": 30, "seed": 2, "chunk_size": 2,
              "factors": {"parameters.finance.discount_rate": [0.03, 0.05],
                          "vehicle": ["employer_group", "cost_sharing_association"],
                          "funding.startup_grant.share": [0, 1]},
              "member_metrics": ["gain", "pays"]}


@pytest.fixture(scope="module")
def run(tmp_path_factory) -> Path:
    return batch.run(EXPERIMENT, tmp_path_factory.mktemp("duck") / "out")


@pytest.mark.parametrize("table", ["results", "members", "experiments"])
def test_every_table_reads_the_same_with_both_engines(run, table):
    pd.testing.assert_frame_equal(batch.open_results(run, table, engine="duckdb"), batch.open_results(run, table),
                                  check_exact=True)


FILTERS = [
    [("metric", "==", "npv")],
    [("metric", "in", ["npv", "setup"]), ("draw", "<", 5)],
    [[("vehicle", "==", "employer_group"), ("experiment", ">=", 3)], [("draw", "==", 29)]],
    [("metric", "not in", ["npv"]), ("parameters.finance.discount_rate", "!=", 0.03)],
]


@pytest.mark.parametrize("filters", FILTERS)
def test_columns_and_filters_give_the_same_frame(run, filters):
    columns = ["experiment", "draw", "vehicle", "value"]
    mine = batch.open_results(run, columns=columns, filters=filters, engine="duckdb")
    theirs = batch.open_results(run, columns=columns, filters=filters)
    pd.testing.assert_frame_equal(mine, theirs, check_exact=True)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(metric=st.sampled_from(["npv", "setup", "public_cost", "payback_year"]), draw=st.integers(-1, 31),
       op=st.sampled_from(["<", "<=", ">", ">=", "==", "!="]), member=st.booleans())
def test_any_simple_filter_gives_the_same_frame(run, metric, draw, op, member):
    """Property: for any (metric, draw comparison) filter, both readers agree row for row."""
    table = "members" if member else "results"
    metric = "gain" if member else metric
    filters = [("metric", "==", metric), ("draw", op, draw)]
    pd.testing.assert_frame_equal(batch.open_results(run, table, filters=filters, engine="duckdb"),
                                  batch.open_results(run, table, filters=filters), check_exact=True)


def test_summarise_with_duckdb_equals_pandas(run):
    pd.testing.assert_frame_equal(batch.summarise(run, "npv", engine="duckdb"), batch.summarise(run, "npv"))


def test_the_lazy_relation_aggregates_like_pandas(run):
    rel = batch.open_duckdb(run).filter("metric = 'npv'").aggregate("avg(value) AS mean, count(*) AS n")
    [(mean, n)] = rel.fetchall()
    frame = batch.open_results(run, filters=[("metric", "==", "npv")])
    assert n == len(frame) == 8 * 30
    assert mean == pytest.approx(frame["value"].mean(), rel=1e-12)


@pytest.mark.parametrize("kwargs,code", [
    ({"engine": "spark"}, "batch.unknown_engine"),
    ({"engine": "duckdb", "columns": ["experimnt"]}, "batch.unknown_column"),
    ({"engine": "duckdb", "filters": [("metrc", "==", "npv")]}, "batch.unknown_column"),
    ({"engine": "duckdb", "filters": [("metric", "~", "npv")]}, "batch.bad_filter_op"),
    ({"engine": "duckdb", "filters": [("metric", "npv")]}, "batch.bad_filter"),
])
def test_bad_reader_arguments_are_one_line_errors(run, kwargs, code):
    with pytest.raises(InputError) as info:
        batch.open_results(run, **kwargs)
    assert info.value.code == code and "\n" not in str(info.value)
    assert info.value.render("fr") != str(info.value.message)


def test_without_duckdb_the_error_says_how_to_install_it(run, monkeypatch):
    monkeypatch.setitem(sys.modules, "duckdb", None)  # import duckdb → ImportError
    with pytest.raises(InputError, match=r"mutualise\[batch\]") as info:
        batch.open_results(run, engine="duckdb")
    assert info.value.code == "batch.no_duckdb"
    assert not batch.open_results(run).empty  # the pandas reader does not need it
