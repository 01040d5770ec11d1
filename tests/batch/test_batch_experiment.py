"""Experiment definitions: designs (hand-checked positions), seeds, and one-line errors."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simulator.batch import make_plan, parse_experiment
from simulator.errors import InputError

ROOT = Path(__file__).resolve().parents[2]
BASE = str(ROOT / "scenarios" / "a_medical_centres_employer_group.yaml")


def definition(**kw):
    return parse_experiment({"name": "t", "base": BASE, **kw})


def test_full_factorial_is_nested_loops_last_factor_fastest():
    d = definition(factors={"parameters.finance.discount_rate": [0.03, 0.04],
                            "vehicle": ["employer_group", "cost_sharing_association", "commercial_provider"]})
    assert d.n_experiments == 6
    pos = d.positions(np.arange(6))
    assert pos["parameters.finance.discount_rate"].tolist() == [0, 0, 0, 1, 1, 1]
    assert pos["vehicle"].tolist() == [0, 1, 2, 0, 1, 2]


def test_zip_pairs_the_ith_values_and_needs_equal_lengths():
    d = definition(design="zip", factors={"parameters.finance.discount_rate": [0.03, 0.04, 0.05],
                                          "funding.startup_grant.share": [0, 0.5, 1]})
    assert d.n_experiments == 3
    pos = d.positions(np.arange(3))
    assert pos["funding.startup_grant.share"].tolist() == [0, 1, 2]
    with pytest.raises(InputError, match="equal length"):
        definition(design="zip", factors={"a.b": [1, 2], "c.d": [1]})


def test_no_factor_is_one_experiment():
    assert definition().n_experiments == 1


@settings(max_examples=25, deadline=None)
@given(samples=st.integers(1, 200), seed=st.integers(0, 2**32))
def test_latin_hypercube_puts_one_point_in_every_stratum(samples, seed):
    d = definition(design="latin_hypercube", samples=samples, seed=seed,
                   factors={"parameters.finance.discount_rate": {"low": 0.0, "high": 0.1},
                            "vehicle": ["employer_group", "cost_sharing_association"]})
    pos = d.positions(np.arange(samples))
    rate = pos["parameters.finance.discount_rate"]
    assert np.all((rate >= 0) & (rate <= 0.1))
    strata = np.floor(rate / 0.1 * samples).astype(int).clip(0, samples - 1)
    assert sorted(strata.tolist()) == list(range(samples))  # Latin: each of the n strata once
    assert set(pos["vehicle"].tolist()) <= {0, 1}


def test_hypercube_is_reproducible_and_positions_do_not_depend_on_the_slice():
    d = definition(design="latin_hypercube", samples=50, seed=3,
                   factors={"parameters.finance.discount_rate": {"low": 0.0, "high": 0.1}})
    whole = d.positions(np.arange(50))["parameters.finance.discount_rate"]
    part = d.positions(np.arange(20, 30))["parameters.finance.discount_rate"]
    np.testing.assert_array_equal(whole[20:30], part)
    again = definition(design="latin_hypercube", samples=50, seed=3,
                       factors={"parameters.finance.discount_rate": {"low": 0.0, "high": 0.1}})
    np.testing.assert_array_equal(again.positions(np.arange(50))["parameters.finance.discount_rate"], whole)


def test_experiment_seeds_come_from_the_master_seed_and_the_experiment_only():
    d = definition(seed=11, factors={"vehicle": ["employer_group", "cost_sharing_association"]})
    expected = np.random.SeedSequence(11, spawn_key=(1,)).generate_state(1, np.uint64)[0]
    assert d.seeds(np.array([1]))[0] == expected
    assert d.seeds(np.array([0, 1]))[1] == d.seeds(np.array([1]))[0]
    assert len(set(d.seeds(np.arange(2)).tolist())) == 2
    crn = definition(seed=11, common_random_numbers=True)
    assert crn.seeds(np.arange(3)).tolist() == [11, 11, 11]


@pytest.mark.parametrize(("kw", "field", "words"), [
    ({"factors": {"parameters.finance.discont_rate": [0.03]}}, "factors.parameters.finance.discont_rate",
     "unknown factor key"),
    ({"factors": {"vehical": ["employer_group"]}}, "factors.vehical[0]", "unknown factor key"),
    ({"factors": {"parameters.finance.discount_rate": ["3 kg"]}},
     "factors.parameters.finance.discount_rate[0]", ""),
    ({"factors": {"vehicle": ["no_such_vehicle"]}}, "factors.vehicle[0]", "unknown vehicle"),
    ({"metrics": ["npvv"]}, "metrics[0]", "unknown metric"),
    ({"draws": 10, "metrics": ["irr"]}, "metrics", "irr"),
])
def test_bad_factor_or_metric_is_one_line_naming_the_field(kw, field, words):
    with pytest.raises(InputError) as info:
        make_plan(definition(**kw), ROOT)
    assert info.value.field == field
    assert words in info.value.message
    assert "\n" not in str(info.value)


@pytest.mark.parametrize(("data", "field", "words"), [
    ({"factors": {"vehicle": []}}, "factors.vehicle", "grid is empty"),
    ({"design": "latin_hypercube", "factors": {"vehicle": ["employer_group"]}}, "samples", "needs samples"),
    ({"factors": {"parameters.finance.discount_rate": {"low": 0, "high": 1}}}, "factors.parameters."
     "finance.discount_rate", "latin_hypercube"),
    ({"samples": 3}, "samples", "only for design latin_hypercube"),
    ({"sed": 3}, "sed", "unknown key"),
    ({"draws": -1}, "draws", "must be at least 0"),  # the catalogue's words, not pydantic's
])
def test_bad_definition_is_one_line_naming_the_field(data, field, words):
    with pytest.raises(InputError) as info:
        parse_experiment({"name": "t", "base": BASE, **data})
    assert info.value.field == field
    assert words in info.value.message
    assert "\n" not in str(info.value)


def test_an_invalid_combination_of_structural_factors_is_refused_before_running():
    # each value is valid alone; accounting pooled by mm_canal_vert fails only without that member
    with pytest.raises(InputError) as info:
        make_plan(definition(factors={
            "members": [["mm_tilleuls", "mm_canal_vert", "mm_glycines", "mm_heron_bleu"],
                        ["mm_tilleuls", "mm_glycines", "mm_heron_bleu"]],
            "pooling.accounting": ["all", ["mm_tilleuls", "mm_canal_vert"]]}), ROOT)
    assert info.value.field == "factors"
    assert "combination" in info.value.message and "not in members" in info.value.message
    assert "\n" not in str(info.value)


def test_missing_base_scenario_is_named():
    with pytest.raises(InputError, match="no scenario file") as info:
        make_plan(parse_experiment({"name": "t", "base": "nowhere.yaml"}), ROOT)
    assert info.value.field == "base.scenario"
