"""Correlation matrices and uniform sampling: validation, achieved rank correlation, chunk-proofing."""

import numpy as np
import pytest
from scipy import stats

from simulator.errors import InputError
from simulator.uncertainty import (
    BLOCK_SIZE,
    RankCorrelation,
    UniformStream,
    parse_correlation,
    sample_uniforms,
    validate_correlation_matrix,
)

NAMES = ["a", "b", "c", "d"]
TARGET = RankCorrelation.from_pairs({("a", "b"): 0.7, ("b", "c"): -0.4, ("a", "c"): -0.2})


@pytest.mark.parametrize(("matrix", "field", "words"), [
    ([[1, 0.5], [0.4, 1]], "correlations[a, b]", "not symmetric"),
    ([[1, 0.5], [0.5, 0.9]], "correlations[b, b]", "diagonal must be 1"),
    ([[1, 1.5], [1.5, 1]], "correlations[a, b]", "between −1 and 1"),
    ([[1, float("nan")], [float("nan"), 1]], "correlations[a, b]", "number"),
    ([[1, 0.5, 0.2], [0.5, 1, 0.1]], "correlations.matrix", "square 2 × 2"),
    ([[1, 0.0], [0.0, 1]], None, None),
])
def test_matrix_validation(matrix, field, words):
    if field is None:
        validate_correlation_matrix(matrix, ["a", "b"])
        return
    with pytest.raises(InputError) as info:
        validate_correlation_matrix(matrix, ["a", "b"])
    assert info.value.field == field
    assert words in info.value.message


def test_contradictory_correlations_are_not_psd():
    with pytest.raises(InputError) as info:
        RankCorrelation.from_pairs({("a", "b"): 0.9, ("b", "c"): 0.9, ("a", "c"): -0.9})
    assert "contradict" in info.value.message
    assert all(name in info.value.message for name in "abc")


def test_parse_forms_agree():
    pairs = parse_correlation([["a", "b", 0.7], {"between": ["b", "c"], "rho": -0.4},
                               ("a", "c", -0.2)])
    matrix = parse_correlation({"names": list(TARGET.names), "matrix": TARGET.matrix.tolist()})
    assert pairs == TARGET == matrix
    assert parse_correlation({"pairs": TARGET.to_dict()["pairs"]}) == TARGET
    assert parse_correlation(None) is None and parse_correlation([]) is None


@pytest.mark.parametrize(("spec", "field", "words"), [
    ([["a", "a", 0.5]], "correlations[a, a]", "itself"),
    ([["a", "b", 0.5], ["b", "a", 0.5]], "correlations[1]", "twice"),
    ([["a", "b", 2]], "correlations[0]", "between −1 and 1"),
    ([["a", "b"]], "correlations[0]", "expected"),
    ([["a", "zzz", 0.3]], "correlations.zzz", "no distribution"),
    ("a~b", "correlations", "expected"),
])
def test_parse_errors(spec, field, words):
    with pytest.raises(InputError) as info:
        parse_correlation(spec, known=NAMES)
    assert info.value.field == field
    assert words in info.value.message


@pytest.mark.parametrize("method", ["gaussian_copula", "iman_conover"])
def test_achieved_spearman_is_close_to_target(method):
    u = UniformStream(NAMES, 11, TARGET, method).rows(0, 50_000)
    rho = stats.spearmanr(u).statistic
    assert rho[0, 1] == pytest.approx(0.7, abs=0.01)
    assert rho[1, 2] == pytest.approx(-0.4, abs=0.01)
    assert rho[0, 2] == pytest.approx(-0.2, abs=0.01)
    assert abs(rho[0, 3]) < 0.02 and abs(rho[2, 3]) < 0.02
    assert u.min() > 0 and u.max() < 1
    # marginals stay uniform
    for j in range(4):
        assert stats.kstest(u[:, j], "uniform").pvalue > 1e-3


def test_iman_conover_keeps_the_marginal_values_of_each_block():
    plain = UniformStream(NAMES, 5).block(0)
    ic = UniformStream(NAMES, 5, TARGET, "iman_conover").block(0)
    np.testing.assert_array_equal(np.sort(plain, axis=0), np.sort(ic, axis=0))


def test_perfect_correlation_is_allowed():
    corr = RankCorrelation.from_pairs({("a", "b"): 1.0})
    for method in ("gaussian_copula", "iman_conover"):
        u = UniformStream(["a", "b"], 1, corr, method).rows(0, 10_000)
        assert stats.spearmanr(u).statistic > 0.999


@pytest.mark.parametrize("method", ["gaussian_copula", "iman_conover"])
def test_stream_is_independent_of_chunking_and_of_total_draws(method):
    n = 3 * BLOCK_SIZE + 17
    whole = UniformStream(NAMES, 99, TARGET, method).rows(0, n)
    for chunk in (1, 1000, BLOCK_SIZE, 5000, n):
        stream = UniformStream(NAMES, 99, TARGET, method)
        parts = np.concatenate([stream.rows(s, min(s + chunk, n)) for s in range(0, n, chunk)])
        np.testing.assert_array_equal(parts, whole)
    prefix = UniformStream(NAMES, 99, TARGET, method).rows(0, 100)
    np.testing.assert_array_equal(prefix, whole[:100])


def test_draws_of_a_parameter_do_not_depend_on_the_other_parameters():
    alone = UniformStream(["b"], 3).rows(0, 5000)
    together = UniformStream(["z", "b", "a"], 3).rows(0, 5000)
    np.testing.assert_array_equal(alone[:, 0], together[:, 1])
    assert not np.array_equal(UniformStream(["b"], 4).rows(0, 10), alone[:10])


def test_sample_uniforms_with_generator():
    u1 = sample_uniforms(NAMES, 20_000, np.random.default_rng(1), TARGET)
    u2 = sample_uniforms(NAMES, 20_000, np.random.default_rng(1), TARGET)
    np.testing.assert_array_equal(u1, u2)
    assert stats.spearmanr(u1).statistic[0, 1] == pytest.approx(0.7, abs=0.02)
    u3 = sample_uniforms(NAMES, 2000, np.random.default_rng(1), TARGET, method="iman_conover")
    assert stats.spearmanr(u3).statistic[0, 1] == pytest.approx(0.7, abs=0.02)


def test_sampling_errors():
    with pytest.raises(InputError, match="unknown correlation method"):
        sample_uniforms(NAMES, 10, np.random.default_rng(0), TARGET, method="cholesky")
    with pytest.raises(InputError) as info:
        sample_uniforms(["a", "b"], 10, np.random.default_rng(0), TARGET)
    assert info.value.field == "correlations.c"
    with pytest.raises(InputError) as info:
        sample_uniforms(NAMES, 3, np.random.default_rng(0), TARGET, method="iman_conover")
    assert info.value.field == "draws"
