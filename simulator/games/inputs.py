"""Input checks shared by the game constructors: players, coalition keys, costs, cost functions.

Every problem becomes an :class:`~simulator.errors.InputError` naming the field (``players``,
``costs[('a', 'b')]``, ``cost_fn``…) and saying what was expected.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from simulator.errors import InputError, raise_collected

#: Most members for which every coalition is enumerated (2**20 ≈ 1.05 million coalitions).
EXACT_LIMIT = 20

CostFunction = Callable[[np.ndarray], np.ndarray]


def check_players(players: Any, field: str = "players") -> tuple[Hashable, ...]:
    """Players as a tuple of distinct hashable names (at least one)."""
    if isinstance(players, str) or not isinstance(players, Iterable):
        raise InputError(field, "expected a list of names.")
    players = tuple(players)
    if not players:
        raise InputError(field, "expected at least one name.")
    try:
        counts = pd.Series(players).value_counts()
    except TypeError as error:
        raise InputError(field, "names must be hashable (text or numbers).") from error
    duplicates = counts.index[counts > 1].tolist()
    if duplicates:
        raise InputError(field, f"duplicate name(s) {names(duplicates)}: list each once.")
    return players


def members_of(key: Any) -> tuple[Hashable, ...]:
    """Members of a coalition key: an iterable of names, or a bare name for a single member."""
    if isinstance(key, str | bytes) or not isinstance(key, Iterable):
        return (key,)
    return tuple(key)


def number(value: Any, field: str) -> float:
    """One finite float; text, booleans and None are refused even when float() would accept."""
    if isinstance(value, bool | np.bool_ | str | bytes) or value is None:
        raise InputError(field, f"expected a number, got {value!r}.")
    try:
        number = float(value)
    except (TypeError, ValueError) as error:
        raise InputError(field, f"expected a number, got {value!r}.") from error
    if not math.isfinite(number):
        raise InputError(field, f"expected a finite number, got {value!r}.")
    return number


def numbers(values: Any, field: str) -> np.ndarray:
    """Float array from numbers only: text, booleans, NaN and infinities are refused."""
    array = np.asarray(values)
    if array.dtype.kind == "O":
        array = np.array([number(v, field) for v in array.ravel()]).reshape(array.shape)
    elif array.dtype.kind not in "iuf":
        raise InputError(field, "expected numbers.")
    array = array.astype(np.float64)
    if not np.isfinite(array).all():
        raise InputError(field, "contains NaN or infinite values.")
    return array


def call_cost_fn(cost_fn: CostFunction, masks: np.ndarray, players: Sequence[Hashable]) -> np.ndarray:
    """Call a cost function on ``masks`` and check it returned one finite number per row."""
    try:
        out = np.asarray(cost_fn(masks), dtype=np.float64)
    except (TypeError, ValueError) as error:
        raise InputError("cost_fn", f"did not return numbers: {error}") from error
    if out.shape != (masks.shape[0],):
        raise InputError("cost_fn", f"returned shape {out.shape} for {masks.shape[0]} coalitions; expected (C,).")
    bad = np.flatnonzero(~np.isfinite(out))
    if bad.size:
        members = tuple(p for p, m in zip(players, masks[bad[0]], strict=True) if m)
        raise InputError("cost_fn", f"returned {out[bad[0]]} for coalition {{{names(members)}}}.")
    return out


def describe(mask: int, players: Sequence[Hashable]) -> str:
    return "{" + ", ".join(str(p) for i, p in enumerate(players) if mask >> i & 1) + "}"


def names(items: Iterable[Hashable]) -> str:
    return ", ".join(repr(i) for i in items)


SAMPLING_HINT = (
    "Use sampling instead — g.shapley(samples=2000) — or the keys that need no enumeration: "
    "g.scrb(), g.proportional(weights), g.equal_split()."
)


def too_many(n: int, what: str, hint: str = SAMPLING_HINT) -> str:
    """Message for a game too large to enumerate (``2**n`` coalitions)."""
    return f"{n} members is above the exact limit of {EXACT_LIMIT} for {what} (2^{n} = {1 << n:,} coalitions). {hint}"


def table_costs(players: tuple[Hashable, ...], table: Any) -> np.ndarray:
    """Cost table by bitmask from ``{coalition: cost}``; every problem found is reported at once."""
    n = len(players)
    if not isinstance(table, Mapping):
        raise InputError("costs", "expected a mapping {coalition: cost}.")
    index = {p: i for i, p in enumerate(players)}
    costs = np.full(1 << n, np.nan)
    costs[0] = 0.0
    given: dict[int, Any] = {}
    errors: list[InputError] = []
    for key, value in table.items():
        field = f"costs[{key!r}]"
        members = members_of(key)
        unknown = [m for m in members if m not in index]
        if unknown:
            errors.append(InputError(field, f"unknown player(s) {names(unknown)}."))
            continue
        if len(set(members)) != len(members):
            errors.append(InputError(field, "a player is listed twice in this coalition."))
            continue
        mask = sum(1 << index[m] for m in members)
        if mask in given:
            errors.append(InputError(field, f"same coalition as {given[mask]!r}, given twice."))
            continue
        given[mask] = key
        try:
            cost = number(value, field)
        except InputError as error:
            errors.append(error)
            continue
        if mask == 0 and cost != 0:
            errors.append(InputError(field, "the empty coalition must cost 0."))
        costs[mask] = cost
    missing = np.flatnonzero(np.isnan(costs))
    missing = missing[~np.isin(missing, list(given))]
    if missing.size:
        shown = "; ".join(describe(int(m), players) for m in missing[:5])
        more = f" and {missing.size - 5} more" if missing.size > 5 else ""
        errors.append(
            InputError(
                "costs",
                f"{missing.size} of the {(1 << n) - 1} non-empty coalitions have no cost: "
                f"{shown}{more}. Give a cost for every sub-group.",
            )
        )
    raise_collected(errors)
    return costs
