"""A sector funding study as an experiment's base: the same numbers as compare_funding on the
study with the experiment's values, whatever the evaluator or chunking; resume, merge, one-line
errors in three languages."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from simulator import batch
from simulator.batch.study import STUDY_METRICS, apply_fields
from simulator.batch.study_chunk import _ratios
from simulator.errors import InputError
from simulator.sector import compare_funding, generate_population, load_funding_options
from simulator.sector.options import FundingOptions

ROOT = Path(__file__).resolve().parents[2]
OPTIONS = str(ROOT / "scenarios" / "funding" / "funding_options.yaml")
GRID = {"options.coordination_subsidy.instruments.coordination_subsidy.eur_per_year": [10000, 20000],
        "sector.participation.threshold_eur": [250, 1000]}
POPULATION = {"generate": 200, "seed": 1}


def experiment(**kw):
    return {"name": "study grid", "base": {"study": OPTIONS, "population": POPULATION}, "factors": GRID, **kw}


def table(folder, name="results") -> pd.DataFrame:
    frame = batch.open_results(folder, name)
    for c in frame.columns:
        if isinstance(frame[c].dtype, pd.CategoricalDtype):
            frame[c] = frame[c].astype(str)
    return frame


def comparison(plan, e: int, draws: int, seed: int):
    """compare_funding on the study with experiment e's factor values written by hand."""
    pos = plan.definition.positions(np.array([e]))
    values = {k: plan.structural_value(k, pos[k][0]) for k in plan.definition.factor_names}
    options = load_funding_options(OPTIONS).model_dump(mode="json", exclude_defaults=True)
    for key, value in values.items():
        parts = key.split(".")
        if parts[0] == "options":
            node = next(o for o in options["options"] if o["id"] == parts[1])
            for p in parts[2:-1]:
                node = node.setdefault(p, {})
        else:
            node = options
            for p in parts[:-1]:
                node = node.setdefault(p, {})
        node[parts[-1]] = value
    population = generate_population(POPULATION["generate"], POPULATION["seed"])
    return compare_funding(FundingOptions.from_dict(options), population, draws=draws, seed=seed)


def test_central_figures_equal_compare_funding_on_the_overridden_study(tmp_path):
    out = batch.run(experiment(), tmp_path / "out")
    plan = batch.plan_for(experiment())
    frame = table(out)
    assert set(frame["draw"]) == {0}
    assert len(frame) == plan.n_experiments * len(plan.option_ids) * len(STUDY_METRICS)
    for e in range(plan.n_experiments):
        result = comparison(plan, e, draws=0, seed=0)
        pools = result.pools
        for rec in result.records:
            rows = frame[(frame.experiment == e) & (frame.option == rec["option"])].set_index("metric")["value"]
            for metric in ("public_cost_npv_eur", "budget_used_eur", "sector_net_benefit_npv_eur",
                           "additional_net_benefit_npv_eur", "frontline_fte_freed", "additional_frontline_fte",
                           "public_eur_per_frontline_fte", "leverage", "deadweight_eur", "pools_formed",
                           "members_pooled", "funded_pools", "additional_pools"):
                expected = np.nan if rec[metric] is None else float(rec[metric])
                np.testing.assert_equal(rows[metric], expected)  # bit for bit (NaN where records say None)
            annual = pools.loc[pools.option == rec["option"], "annualised_public_cost_eur"].sum()
            assert rows["annualised_public_cost_eur"] == annual
            if annual > 0:
                assert rows["frontline_fte_per_100k_eur"] == pytest.approx(rec["frontline_fte_freed"] * 1e5 / annual)
    # the factor columns carry each experiment's values
    first = frame[frame.experiment == 3].iloc[0]
    assert first["sector.participation.threshold_eur"] == 1000
    assert first["options.coordination_subsidy.instruments.coordination_subsidy.eur_per_year"] == 20000


def test_monte_carlo_figures_are_compare_funding_draws_with_the_experiment_seed(tmp_path):
    definition = experiment(draws=16, seed=11, factors={"sector.participation.threshold_eur": [250, 1000]})
    out = batch.run(definition, tmp_path / "out")
    plan = batch.plan_for(definition)
    frame = table(out)
    seeds = batch.open_results(out, "experiments")["seed"].to_numpy()
    np.testing.assert_array_equal(seeds, plan.definition.seeds(np.arange(2)))
    for e in range(2):
        result = comparison(plan, e, draws=16, seed=int(seeds[e]))
        records = {r["option"]: r for r in result.records}
        for oid, per_draw in result.draws.items():
            rows = frame[(frame.experiment == e) & (frame.option == oid)]
            for metric in ("public_cost_npv_eur", "annualised_public_cost_eur", "frontline_fte_freed",
                           "additional_frontline_fte", "leverage", "deadweight_eur"):
                got = rows[rows.metric == metric].sort_values("draw")["value"].to_numpy()
                np.testing.assert_array_equal(got, per_draw[metric])
            pools = rows[rows.metric == "pools_formed"]["value"]
            assert len(pools) == 16 and (pools == records[oid]["pools_formed"]).all()  # decided once, repeated


def test_ratios_by_hand():
    annual = np.array([50_000.0, 0.0, 20_000.0])
    public = np.array([400_000.0, 0.0, 150_000.0])
    fte = np.array([2.0, 1.5, 0.0])
    extra = np.array([0.5, 0.0, -0.2])
    r = _ratios(annual, public, fte, extra)
    np.testing.assert_allclose(r["public_eur_per_frontline_fte"], [25_000.0, np.nan, np.nan])
    np.testing.assert_allclose(r["frontline_fte_per_100k_eur"], [4.0, np.nan, 0.0])
    np.testing.assert_allclose(r["additional_fte_per_100k_eur"], [1.0, np.nan, -1.0])


@pytest.mark.parametrize("scheduler,chunk_size", [("inprocess", 1), ("processes", 3)])
def test_results_do_not_depend_on_evaluator_or_chunk_size(tmp_path, scheduler, chunk_size):
    definition = experiment(draws=8, seed=4)
    ref = batch.run(definition, tmp_path / "ref")
    out = batch.run(definition, tmp_path / "out", scheduler=scheduler, workers=2, chunk_size=chunk_size)
    pd.testing.assert_frame_equal(table(out), table(ref), check_exact=True)


def test_resume_and_merge_give_the_uninterrupted_run(tmp_path):
    definition = experiment(chunk_size=1)
    whole = batch.run(definition, tmp_path / "whole")
    half = batch.run(definition, tmp_path / "half", part="1/2")
    other = batch.run(definition, tmp_path / "other", part="2/2")
    assert batch.status(half)["chunks_done"] == 2
    merged = batch.merge([half, other], tmp_path / "merged")
    pd.testing.assert_frame_equal(table(merged), table(whole), check_exact=True)
    (tmp_path / "half" / "results" / ".part-000001.parquet.99.tmp").write_bytes(b"half-written")
    resumed = batch.run(definition, tmp_path / "half", resume=True)
    pd.testing.assert_frame_equal(table(resumed), table(whole), check_exact=True)
    with pytest.raises(InputError, match="base_study"):
        batch.run(experiment(chunk_size=1, base={"study": OPTIONS, "population": {"generate": 200, "seed": 2}}),
                  tmp_path / "half", resume=True)


def test_manifest_says_study_and_lists_options(tmp_path):
    out = batch.run(experiment(), tmp_path / "out")
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["base_kind"] == "study"
    assert manifest["options"][0] == "no_funding" and "coordination_subsidy" in manifest["options"]
    assert manifest["base_study"]["population"] == {"generate": 200, "seed": 1, "file": None}
    assert "base_scenario" not in manifest


def test_summarise_gives_one_row_per_experiment_and_option(tmp_path):
    out = batch.run(experiment(draws=8, seed=1), tmp_path / "out")
    summary = batch.summarise(out, "frontline_fte_freed")
    plan = batch.plan_for(experiment())
    assert len(summary) == plan.n_experiments * len(plan.option_ids)
    assert summary.groupby("experiment")["option"].apply(list).iloc[0] == list(plan.option_ids)
    raw = table(out)
    one = raw[(raw.experiment == 2) & (raw.option == "coordination_subsidy") & (raw.metric == "frontline_fte_freed")]
    row = summary[(summary.experiment == 2) & (summary.option == "coordination_subsidy")].iloc[0]
    assert row["mean"] == pytest.approx(one["value"].mean())
    assert row["p90"] == pytest.approx(one["value"].quantile(0.9))


def test_population_factors_and_a_population_file(tmp_path):
    definition = experiment(factors={"population.seed": [1, 2], "population.generate": [150, 200]})
    frame = table(batch.run(definition, tmp_path / "out"))
    plan = batch.plan_for(definition)
    result = comparison_population(plan, generate_population(150, 2))
    got = frame[(frame.experiment == 2) & (frame.metric == "members_pooled")].set_index("option")["value"]
    assert {r["option"]: r["members_pooled"] for r in result.records} == got.to_dict()
    csv = tmp_path / "asbls.csv"
    generate_population(200, 1).organisations.table.reset_index().to_csv(csv, index=False)
    from_file = {"study": OPTIONS, "population": {"file": "asbls.csv"}}
    with pytest.raises(InputError, match=r"population\.seed: the population is read from a file"):
        batch.plan_for({"name": "f", "base": from_file, "factors": {"population.seed": [1, 2]}}, root=tmp_path)
    plan = batch.plan_for({"name": "f", "base": from_file}, root=tmp_path)
    assert plan.population["file"] == str(csv.resolve())


def comparison_population(plan, population):
    options = load_funding_options(OPTIONS)
    return compare_funding(options, population, draws=0, seed=0)


def test_apply_fields_copies_and_creates_missing_levels():
    study = {"sector": {"vehicle": "employer_group"}, "options": [{"id": "a", "instruments": {}}]}
    new, population = apply_fields(study, {"generate": 10, "seed": 0},
                                   {"options.a.instruments.loan.amount_eur": 5000, "sector.pools.size_cap": 4,
                                    "population.seed": 3})
    assert new["options"][0]["instruments"] == {"loan": {"amount_eur": 5000}}
    assert new["sector"] == {"vehicle": "employer_group", "pools": {"size_cap": 4}}
    assert population == {"generate": 10, "seed": 3}
    assert study == {"sector": {"vehicle": "employer_group"}, "options": [{"id": "a", "instruments": {}}]}


@pytest.mark.parametrize("factors,field,code,words", [
    ({"sector.participation.treshold_eur": [1]}, "factors.sector.participation.treshold_eur",
     "batch.unknown_study_field", "did you mean 'threshold_eur'"),
    ({"sectr.vehicle": ["employer_group"]}, "factors.sectr.vehicle", "batch.unknown_study_field", "'sector'"),
    ({"options.startup_grnt.budget.cap_eur": [1]}, "factors.options.startup_grnt.budget.cap_eur",
     "batch.unknown_option", "did you mean 'startup_grant'"),
    ({"options.startup_grant.instruments.startup_grant.shares": [1]},
     "factors.options.startup_grant.instruments.startup_grant.shares", "batch.unknown_study_field", "'share'"),
    ({"options.no_funding.budget.cap_eur": [1]}, "factors.options.no_funding.budget.cap_eur",
     "batch.no_funding_fixed", "counterfactual"),
    ({"sector.horizon_years.x": [1]}, "factors.sector.horizon_years.x", "batch.field_is_value", "is a value"),
    ({"population.size": [1]}, "factors.population.size", "batch.unknown_study_field", "population"),
    ({"sector.participation.threshold_eur": [100, -5]}, "factors.sector.participation.threshold_eur[1]",
     "batch.study_invalid", "must be at least 0"),
    ({"population.generate": [1]}, "factors.population.generate[0]", "batch.study_population_invalid",
     "at least 2"),
])
def test_bad_study_factors_are_one_line_errors_in_three_languages(factors, field, code, words):
    with pytest.raises(InputError) as info:
        batch.plan_for(experiment(factors=factors))
    err = info.value
    assert err.field == field and err.code == code
    assert words in str(err) and "\n" not in str(err)
    fr, nl = err.render("fr"), err.render("nl")
    assert fr != str(err.message) and nl != str(err.message) and fr != nl  # translated, not English


@pytest.mark.parametrize("extra,field", [
    ({"member_metrics": ["gain"]}, "member_metrics"),
    ({"metrics": ["public_cost"]}, "metrics[0]"),
    ({"draws": 20_000}, "draws"),
    ({"vary": "scenario"}, "vary"),
    ({"base": {"study": "nowhere.yaml"}}, "base.study"),
    ({"base": {"study": OPTIONS, "population": {"generate": 100, "file": "x.csv"}}}, "base.population"),
    ({"base": {"study": OPTIONS, "populaton": {}}}, "base.populaton"),
])
def test_bad_study_definitions_name_the_field(extra, field):
    with pytest.raises(InputError) as info:
        batch.plan_for(experiment(**extra))
    assert info.value.field == field
    assert info.value.code is not None  # through the message catalogue


def test_example_study_experiment_is_a_study_with_varying_options():
    plan = batch.plan_for(ROOT / "experiments" / "sector_funding_study.yaml")
    assert plan.definition.is_study and plan.n_experiments >= 12
    assert any(k.startswith("options.") for k in plan.definition.factor_names)


def test_duckdb_reads_a_study_run_like_pandas(tmp_path):
    pytest.importorskip("duckdb")
    out = batch.run(experiment(draws=4, seed=2), tmp_path / "out")
    for name in ("results", "experiments"):
        pd.testing.assert_frame_equal(batch.open_results(out, name, engine="duckdb"), batch.open_results(out, name),
                                      check_exact=True)
    filters = [("option", "==", "coordination_subsidy"), ("metric", "in", ["pools_formed", "leverage"])]
    pd.testing.assert_frame_equal(batch.open_results(out, filters=filters, engine="duckdb"),
                                  batch.open_results(out, filters=filters), check_exact=True)


def test_a_shared_pool_book_gives_the_same_comparison_with_fewer_kernel_runs():
    from simulator.sector.formation import PoolBook

    population = generate_population(200, 1)
    options = load_funding_options(OPTIONS)
    subsidy = {"coordination_subsidy": {"eur_per_year": 30000, "years": 3}}
    richer = FundingOptions.from_dict({**options.model_dump(mode="json", exclude_defaults=True),
                                       "options": [{"id": "big", "instruments": subsidy}]})
    book = PoolBook(population.organisations, options.sector)
    first = compare_funding(options, population, draws=6, seed=3, book=book)
    second = compare_funding(richer, population, draws=6, seed=3, book=book)
    fresh = compare_funding(richer, population, draws=6, seed=3)
    assert second.records == fresh.records
    for oid, figures in fresh.draws.items():
        for metric, values in figures.items():
            np.testing.assert_array_equal(second.draws[oid][metric], values)
    assert first.evaluations > 0 and second.evaluations < fresh.evaluations
    other_sector = FundingOptions.from_dict({**options.model_dump(mode="json", exclude_defaults=True),
                                             "sector": {"functions": ["accounting"]}})
    assert compare_funding(other_sector, population, draws=0, book=book).records == \
        compare_funding(other_sector, population, draws=0).records  # another sector: the book is not used
