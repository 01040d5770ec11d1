"""Rank correlations between uncertain parameters: validation and the normal-scores factor.

A director states *rank* (Spearman) correlations — "when HR salaries are high, IT salaries tend to
be high too, ρ = 0.6" — because they do not depend on the shape of each distribution. Both
samplers (Gaussian copula and Iman–Conover) impose them through normal scores, whose Pearson
correlation r relates to the Spearman correlation ρ of the result by

    r = 2·sin(π·ρ/6)        (Pearson 1907; Kruskal 1958)

so the target is converted before factorising. A matrix is accepted only if it is a valid
correlation matrix: square, symmetric, unit diagonal, entries in [−1, 1], positive semi-definite
(otherwise some correlations contradict each other, e.g. a~b = 0.9, b~c = 0.9, a~c = −0.9).

YAML forms accepted by :func:`parse_correlation`::

    correlations:                         # list of pairs (unlisted pairs are 0)
      - [salary.hr, salary.it, 0.6]
      - {between: [salary.hr, salary.accountant], rho: 0.5}

    correlations:                         # or a full matrix
      names: [salary.hr, salary.it]
      matrix: [[1, 0.6], [0.6, 1]]
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from simulator.errors import InputError
from simulator.messages import msg

_TOL = 1e-9


@dataclass(frozen=True, eq=False)
class RankCorrelation:
    """Validated Spearman rank-correlation matrix over named parameters.

    Parameters
    ----------
    names
        Parameter names, one per row/column of ``matrix``.
    matrix
        k × k Spearman correlations; validated on creation (see module docstring).
    field
        Field path used in error messages.
    """

    names: tuple[str, ...]
    matrix: np.ndarray
    field: str = "correlations"

    def __post_init__(self) -> None:
        names = tuple(self.names)
        if len(set(names)) != len(names):
            dup = sorted({n for n in names if names.count(n) > 1})
            raise InputError(f"{self.field}.names", msg("correlation.named_twice", "parameter named twice: {names}",
                                                          names=dup))
        matrix = validate_correlation_matrix(self.matrix, names, self.field)
        matrix.setflags(write=False)
        object.__setattr__(self, "names", names)
        object.__setattr__(self, "matrix", matrix)

    @classmethod
    def from_pairs(cls, pairs: Mapping[tuple[str, str], float],
                   field: str = "correlations") -> RankCorrelation:
        """Build from ``{(a, b): rho}``; unlisted pairs are uncorrelated."""
        names: list[str] = []
        for a, b in pairs:
            names += [n for n in (a, b) if n not in names]
        index = {n: i for i, n in enumerate(names)}
        matrix = np.eye(len(names))
        seen: dict[tuple[str, str], float] = {}
        for (a, b), rho in pairs.items():
            where = f"{field}[{a}, {b}]"
            if a == b:
                raise InputError(where, msg("correlation.self", "a parameter cannot be correlated with itself"))
            rho = _rho(rho, where)
            key = (min(a, b), max(a, b))
            if key in seen and seen[key] != rho:
                raise InputError(where, msg("correlation.twice_different",
                                             "given twice with different values ({first} and {second})",
                                             first=seen[key], second=rho))
            seen[key] = rho
            matrix[index[a], index[b]] = matrix[index[b], index[a]] = rho
        return cls(tuple(names), matrix, field)

    def __eq__(self, other: object) -> bool:
        return (isinstance(other, RankCorrelation) and self.names == other.names
                and np.array_equal(self.matrix, other.matrix))

    __hash__ = None  # type: ignore[assignment]

    def check_names(self, known: Collection[str]) -> None:
        """Raise InputError if a correlated parameter has no distribution."""
        missing = [n for n in self.names if n not in known]
        if missing:
            raise InputError(f"{self.field}.{missing[0]}", msg(
                "correlation.no_distribution", "correlated parameter has no distribution (give it one, "
                "or remove it from the correlations)"))

    def to_dict(self) -> dict[str, Any]:
        """The YAML pair-list form (non-zero off-diagonal entries)."""
        k = len(self.names)
        return {"pairs": [[self.names[i], self.names[j], float(self.matrix[i, j])]
                          for i in range(k) for j in range(i + 1, k) if self.matrix[i, j] != 0]}


def _rho(value: Any, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float | np.integer | np.floating):
        raise InputError(where, msg("correlation.not_a_number", "a correlation must be a number, got {value}",
                                     value=repr(value)[:40]))
    value = float(value)
    if not -1.0 <= value <= 1.0:  # also rejects NaN
        raise InputError(where, msg("correlation.out_of_range", "a correlation must lie between −1 and 1, got {value}",
                                     value=value))
    return value


def validate_correlation_matrix(matrix: Any, names: Sequence[str],
                                field: str = "correlations") -> np.ndarray:
    """Return ``matrix`` as a float array after checking it is a valid correlation matrix.

    Raises
    ------
    InputError
        Naming the entry (``correlations[a, b]``) or the parameters involved, when the matrix is
        not square k × k, has non-finite entries, is not symmetric, has a diagonal ≠ 1, has entries
        outside [−1, 1], or is not positive semi-definite (smallest eigenvalue < −1e-9).
    """
    try:
        m = np.array(matrix, dtype=float)
    except (TypeError, ValueError):
        raise InputError(f"{field}.matrix", msg("correlation.matrix_not_numbers",
                                                 "the correlation matrix must be a table of numbers")) from None
    k = len(names)
    if m.ndim != 2 or m.shape != (k, k):
        raise InputError(f"{field}.matrix", msg("correlation.matrix_shape", "expected a square {k} × {k} matrix "
                                                 "(one row and column per parameter), got shape {shape}",
                                                 k=k, shape=str(m.shape)))
    for i in range(k):
        for j in range(k):
            where = f"{field}[{names[i]}, {names[j]}]"
            if not np.isfinite(m[i, j]):
                raise InputError(where, msg("correlation.not_a_number", "a correlation must be a number, got {value}",
                                             value=str(m[i, j])))
            if i == j and abs(m[i, i] - 1.0) > _TOL:
                raise InputError(where, msg("correlation.diagonal", "the diagonal must be 1 (a parameter is "
                                             "perfectly correlated with itself), got {value}",
                                             value=float(m[i, i])))
            if abs(m[i, j]) > 1.0 + _TOL:
                raise InputError(where, msg("correlation.out_of_range", "a correlation must lie between −1 and 1, "
                                             "got {value}", value=float(m[i, j])))
            if j > i and abs(m[i, j] - m[j, i]) > _TOL:
                raise InputError(where, msg("correlation.not_symmetric", "the matrix is not symmetric: {here} here "
                                             "but {there} for [{a}, {b}]", here=float(m[i, j]),
                                             there=float(m[j, i]), a=names[j], b=names[i]))
    m = np.clip(0.5 * (m + m.T), -1.0, 1.0)
    np.fill_diagonal(m, 1.0)
    if k:
        values, vectors = np.linalg.eigh(m)
        if values[0] < -_TOL:
            weights = np.abs(vectors[:, 0])
            culprits = [names[i] for i in np.argsort(-weights)[:3] if weights[i] > 0.2]
            raise InputError(field, msg("correlation.not_psd", "these correlations contradict each other (the "
                                         "matrix is not positive semi-definite, smallest eigenvalue "
                                         "{eigenvalue}); check the pairs among {names}",
                                         eigenvalue=float(f"{values[0]:.3g}"), names=culprits))
    return m


def parse_correlation(spec: Any, field: str = "correlations",
                      known: Collection[str] | None = None) -> RankCorrelation | None:
    """Read a correlation spec (pair list, ``{names, matrix}``, mapping or RankCorrelation).

    Parameters
    ----------
    spec
        ``None`` / empty (no correlation), a :class:`RankCorrelation`, a k × k numpy array over
        ``known`` (then a sequence of names, in order), a list of pairs
        ``[a, b, rho]`` or ``{between: [a, b], rho: r}``, a mapping ``{(a, b): rho}``, or
        ``{names: [...], matrix: [[...]]}``.
    field
        Field path for error messages.
    known
        If given, every correlated name must be in it (the parameters that have distributions).
    """
    if spec is None or (isinstance(spec, Sequence | Mapping | np.ndarray) and len(spec) == 0):
        return None
    if isinstance(spec, RankCorrelation):
        corr = spec
    elif isinstance(spec, np.ndarray):
        if not isinstance(known, Sequence):
            raise InputError(field, msg("correlation.bare_matrix", "a bare matrix needs the parameter names, in order"))
        corr = RankCorrelation(tuple(known), spec, field)
    elif isinstance(spec, Mapping) and set(spec) == {"names", "matrix"}:
        names = spec["names"]
        if not isinstance(names, Sequence) or isinstance(names, str) or not all(
                isinstance(n, str) for n in names):
            raise InputError(f"{field}.names", msg("correlation.names_list", "expected a list of parameter names"))
        corr = RankCorrelation(tuple(names), spec["matrix"], field)
    elif isinstance(spec, Mapping) and set(spec) == {"pairs"}:
        return parse_correlation(spec["pairs"], field, known)
    elif isinstance(spec, Mapping) and all(isinstance(k, tuple) for k in spec):
        corr = RankCorrelation.from_pairs(dict(spec), field)
    elif isinstance(spec, Sequence) and not isinstance(spec, str):
        corr = RankCorrelation.from_pairs(_pairs(spec, field), field)
    else:
        raise InputError(field, msg("correlation.form", "expected a list of pairs [a, b, rho] or "
                                     "{{names: [...], matrix: [[...]]}}"))
    if known is not None:
        corr.check_names(known)
    return corr


def _pairs(items: Sequence[Any], field: str) -> dict[tuple[str, str], float]:
    out: dict[tuple[str, str], float] = {}
    for i, item in enumerate(items):
        where = f"{field}[{i}]"
        if isinstance(item, Mapping):
            if set(item) != {"between", "rho"}:
                raise InputError(where, msg("correlation.pair_mapping", "expected {{between: [a, b], rho: r}}"))
            between, rho = item["between"], item["rho"]
        elif isinstance(item, Sequence) and not isinstance(item, str) and len(item) == 3:
            between, rho = item[:2], item[2]
        else:
            raise InputError(where, msg("correlation.pair_form", "expected [a, b, rho] or {{between: [a, b], rho: r}}"))
        if (not isinstance(between, Sequence) or isinstance(between, str) or len(between) != 2
                or not all(isinstance(n, str) for n in between)):
            raise InputError(where, msg("correlation.pair_names", "expected two parameter names"))
        a, b = between
        key = (a, b)
        if key in out or (b, a) in out:
            raise InputError(where, msg("correlation.pair_twice", "the pair {a} ~ {b} is listed twice", a=a, b=b))
        out[key] = _rho(rho, where)
    return out


def spearman_to_normal(rho: np.ndarray) -> np.ndarray:
    """Pearson correlation of normal scores giving Spearman ``rho``: r = 2·sin(π·ρ/6)."""
    return 2.0 * np.sin(np.pi * np.asarray(rho, dtype=float) / 6.0)


def normal_factor(rank_matrix: np.ndarray) -> np.ndarray:
    """A lower factor L with L·Lᵀ = R, R the normal-scores correlation for ``rank_matrix``.

    R = 2·sin(π·ρ/6) can lose positive semi-definiteness when ρ is already at the edge; it is then
    repaired by clipping negative eigenvalues to zero and rescaling to a unit diagonal (a tiny
    change, well inside the sampling noise). Cholesky is used when R is positive definite (so the
    first parameter's draws are left untouched); an eigen-factor otherwise (e.g. ρ = 1).
    """
    r = spearman_to_normal(rank_matrix)
    np.fill_diagonal(r, 1.0)
    try:
        return np.linalg.cholesky(r)
    except np.linalg.LinAlgError:
        pass
    values, vectors = np.linalg.eigh(r)
    factor = vectors * np.sqrt(np.clip(values, 0.0, None))
    scale = np.sqrt(np.sum(factor**2, axis=1, keepdims=True))
    return factor / np.where(scale > 0, scale, 1.0)


def is_identity(matrix: np.ndarray) -> bool:
    """True when no pair is correlated."""
    return bool(np.array_equal(matrix, np.eye(len(matrix))))


__all__ = ["RankCorrelation", "is_identity", "normal_factor", "parse_correlation",
           "spearman_to_normal", "validate_correlation_matrix"]
