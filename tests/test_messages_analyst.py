"""Errors of the analyst-facing API (cost games, partitions, correlation matrices, batch experiment
definitions, sector funding options) come from the message catalogue: each has a code, reads in
French and Dutch without an English word, and keeps its English text for logs and the CLI."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from simulator.batch.experiment import parse_experiment
from simulator.errors import InputError, InputErrors
from simulator.games import CostGame
from simulator.games.partition import best_partition
from simulator.messages import Message
from simulator.sector.options import FundingOptions
from simulator.uncertainty.correlation import RankCorrelation, parse_correlation
from tests.language_words import ENGLISH_WORDS

ROOT = Path(__file__).resolve().parents[1]
BASE = str(ROOT / "scenarios" / "b_shared_house.yaml")
PAIRS = {("A",): 300, ("B",): 270, ("A", "B"): 410}


def _duplicate_players():
    CostGame.from_table(["A", "A"], PAIRS)


def _missing_costs():
    CostGame.from_table(["A", "B", "C"], PAIRS)


def _not_a_number():
    CostGame.from_table(["A", "B"], {**PAIRS, ("A", "B"): "cheap"})


def _unknown_player_in_allocation():
    CostGame.from_table(["A", "B"], PAIRS).in_core({"A": 200, "Z": 210})


def _too_few_samples():
    CostGame.from_table(["A", "B"], PAIRS).shapley(samples=1)


def _partition_rule():
    best_partition(["a", "b", "c"], lambda m: m.sum(axis=1).astype(float), allocation="fairest")


def _growth_partners():
    best_partition(["a", "b", "c"], lambda m: m.sum(axis=1).astype(float), growth_partners=0)


def _not_symmetric():
    RankCorrelation(("x", "y"), np.array([[1.0, 0.3], [0.5, 1.0]]))


def _correlation_out_of_range():
    parse_correlation([["x", "y", 1.5]])


def _correlation_form():
    parse_correlation("x ~ y")


def _contradiction():
    RankCorrelation(("x", "y", "z"), np.array([[1, 0.9, -0.9], [0.9, 1, 0.9], [-0.9, 0.9, 1]]))


def _zip_lengths():
    parse_experiment({"name": "t", "base": BASE, "design": "zip",
                      "factors": {"vehicle": ["employer_group"], "horizon_years": [5, 10]}})


def _range_needs_lhs():
    parse_experiment({"name": "t", "base": BASE,
                      "factors": {"parameters.finance.discount_rate": {"low": 0.01, "high": 0.05}}})


def _experiment_schema():
    parse_experiment({"name": "t", "base": BASE, "draws": -1})


def _funding_unknown_function():
    FundingOptions.from_dict({"sector": {"functions": ["acounting"]}, "options": [{"id": "a", "label": "A"}]})


def _funding_option_twice():
    FundingOptions.from_dict({"options": [{"id": "a", "label": "A"}, {"id": "a", "label": "B"}]})


CASES: dict[str, tuple[Callable[[], None], str]] = {
    "duplicate players": (_duplicate_players, "game.players_duplicate"),
    "missing costs": (_missing_costs, "game.missing_costs"),
    "cost not a number": (_not_a_number, "game.not_a_number"),
    "unknown player in an allocation": (_unknown_player_in_allocation, "game.vector_"),
    "too few permutations": (_too_few_samples, "game.samples_two"),
    "unknown partition rule": (_partition_rule, "partition.unknown_rule"),
    "growth candidate lists of no length": (_growth_partners, "partition.growth_partners"),
    "matrix not symmetric": (_not_symmetric, "correlation.not_symmetric"),
    "correlation above 1": (_correlation_out_of_range, "correlation.out_of_range"),
    "correlation in an unknown form": (_correlation_form, "correlation.form"),
    "contradicting correlations": (_contradiction, "correlation.not_psd"),
    "zip lists of unequal length": (_zip_lengths, "batch.zip_lengths"),
    "range without latin hypercube": (_range_needs_lhs, "batch.range_needs_lhs"),
    "negative draws": (_experiment_schema, "schema.at_least"),
    "funding: misspelled function": (_funding_unknown_function, "funding.unknown_function"),
    "funding: option defined twice": (_funding_option_twice, "funding.option_twice"),
}


def _raised(case: Callable[[], None]) -> InputError:
    with pytest.raises(InputError) as info:
        case()
    error = info.value
    return error.errors[0] if isinstance(error, InputErrors) else error


@pytest.mark.parametrize("name", list(CASES))
def test_error_comes_from_the_catalogue_in_every_language(name):
    case, code = CASES[name]
    error = _raised(case)
    message = error.message
    assert isinstance(message, Message), f"{name}: plain English string {message!r}"
    assert message.code.startswith(code), (name, message.code)
    english = error.render("en")
    for lang in ("fr", "nl"):
        text = error.render(lang)
        assert text != english, f"{name}: not translated into {lang}: {text}"
        leaks = ENGLISH_WORDS.findall(text.split(":", 1)[-1])
        assert not leaks, f"{name} ({lang}): English words {leaks} in {text!r}"


def test_the_english_text_is_unchanged_for_logs_and_the_command_line():
    error = _raised(_not_symmetric)
    assert str(error.message) == "the matrix is not symmetric: 0.3 here but 0.5 for [y, x]"
    assert error.render("fr") == "la matrice n'est pas symétrique : 0,3 ici mais 0,5 pour [y, x]"
    missing = _raised(_missing_costs)
    assert "non-empty coalitions have no cost" in str(missing.message)
    assert "coalitions non vides n'ont pas de coût" in missing.render("fr")
