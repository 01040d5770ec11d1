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
from simulator.messages import msg

#: Most members for which every coalition is enumerated (2**20 ≈ 1.05 million coalitions).
EXACT_LIMIT = 20

CostFunction = Callable[[np.ndarray], np.ndarray]


def check_players(players: Any, field: str = "players") -> tuple[Hashable, ...]:
    """Players as a tuple of distinct hashable names (at least one)."""
    if isinstance(players, str) or not isinstance(players, Iterable):
        raise InputError(field, msg("game.players_list", "expected a list of names."))
    players = tuple(players)
    if not players:
        raise InputError(field, msg("game.players_empty", "expected at least one name."))
    try:
        counts = pd.Series(players).value_counts()
    except TypeError as error:
        raise InputError(field, msg("game.players_hashable", "names must be hashable (text or numbers).")) from error
    duplicates = counts.index[counts > 1].tolist()
    if duplicates:
        raise InputError(field, msg("game.players_duplicate", "duplicate name(s) {names}: list each once.",
                                    names=names(duplicates)))
    return players


def members_of(key: Any) -> tuple[Hashable, ...]:
    """Members of a coalition key: an iterable of names, or a bare name for a single member."""
    if isinstance(key, str | bytes) or not isinstance(key, Iterable):
        return (key,)
    return tuple(key)


def number(value: Any, field: str) -> float:
    """One finite float; text, booleans and None are refused even when float() would accept."""
    if isinstance(value, bool | np.bool_ | str | bytes) or value is None:
        raise InputError(field, msg("game.not_a_number", "expected a number, got {value}.", value=repr(value)[:40]))
    try:
        number = float(value)
    except (TypeError, ValueError) as error:
        raise InputError(field, msg("game.not_a_number", "expected a number, got {value}.",
                                    value=repr(value)[:40])) from error
    if not math.isfinite(number):
        raise InputError(field, msg("game.not_finite", "expected a finite number, got {value}.",
                                    value=repr(value)[:40]))
    return number


def numbers(values: Any, field: str) -> np.ndarray:
    """Float array from numbers only: text, booleans, NaN and infinities are refused."""
    array = np.asarray(values)
    if array.dtype.kind == "O":
        array = np.array([number(v, field) for v in array.ravel()]).reshape(array.shape)
    elif array.dtype.kind not in "iuf":
        raise InputError(field, msg("game.numbers", "expected numbers."))
    array = array.astype(np.float64)
    if not np.isfinite(array).all():
        raise InputError(field, msg("game.not_finite_values", "contains NaN or infinite values."))
    return array


def call_cost_fn(cost_fn: CostFunction, masks: np.ndarray, players: Sequence[Hashable]) -> np.ndarray:
    """Call a cost function on ``masks`` and check it returned one finite number per row."""
    try:
        out = np.asarray(cost_fn(masks), dtype=np.float64)
    except (TypeError, ValueError) as error:
        raise InputError("cost_fn", msg("game.cost_fn_not_numbers", "did not return numbers: {error}",
                                        error=str(error))) from error
    if out.shape != (masks.shape[0],):
        raise InputError("cost_fn", msg("game.cost_fn_shape", "returned shape {shape} for {count} coalitions; "
                                        "expected (C,).", shape=str(out.shape), count=int(masks.shape[0])))
    bad = np.flatnonzero(~np.isfinite(out))
    if bad.size:
        members = tuple(p for p, m in zip(players, masks[bad[0]], strict=True) if m)
        raise InputError("cost_fn", msg("game.cost_fn_not_finite", "returned {value} for coalition {{{members}}}.",
                                        value=str(out[bad[0]]), members=names(members)))
    return out


def describe(mask: int, players: Sequence[Hashable]) -> str:
    return "{" + ", ".join(str(p) for i, p in enumerate(players) if mask >> i & 1) + "}"


def names(items: Iterable[Hashable]) -> str:
    return ", ".join(repr(i) for i in items)


SAMPLING_HINT = msg(
    "game.sampling_hint", "Use sampling instead — g.shapley(samples=2000) — or the keys that need no "
    "enumeration: g.scrb(), g.proportional(weights), g.equal_split().")


def too_many(n: int, what: str, hint: str = SAMPLING_HINT) -> str:
    """Message for a game too large to enumerate (``2**n`` coalitions)."""
    return msg("game.too_many", "{n} members is above the exact limit of {limit} for {what} (2^{n} = {count} "
               "coalitions). {hint}", n=n, limit=EXACT_LIMIT, what=what, count=1 << n, hint=hint)


def table_costs(players: tuple[Hashable, ...], table: Any) -> np.ndarray:
    """Cost table by bitmask from ``{coalition: cost}``; every problem found is reported at once."""
    n = len(players)
    if not isinstance(table, Mapping):
        raise InputError("costs", msg("game.costs_mapping", "expected a mapping {{coalition: cost}}."))
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
            errors.append(InputError(field, msg("game.unknown_players", "unknown player(s) {names}.",
                                                names=names(unknown))))
            continue
        if len(set(members)) != len(members):
            errors.append(InputError(field, msg("game.player_twice", "a player is listed twice in this coalition.")))
            continue
        mask = sum(1 << index[m] for m in members)
        if mask in given:
            errors.append(InputError(field, msg("game.coalition_twice", "same coalition as {other}, given twice.",
                                                other=repr(given[mask]))))
            continue
        given[mask] = key
        try:
            cost = number(value, field)
        except InputError as error:
            errors.append(error)
            continue
        if mask == 0 and cost != 0:
            errors.append(InputError(field, msg("game.empty_coalition", "the empty coalition must cost 0.")))
        costs[mask] = cost
    missing = np.flatnonzero(np.isnan(costs))
    missing = missing[~np.isin(missing, list(given))]
    if missing.size:
        shown = "; ".join(describe(int(m), players) for m in missing[:5])
        more = msg("game.and_more", " and {count} more", count=int(missing.size - 5)) if missing.size > 5 else ""
        errors.append(InputError("costs", msg(
            "game.missing_costs", "{count} of the {total} non-empty coalitions have no cost: {shown}{more}. "
            "Give a cost for every sub-group.", count=int(missing.size), total=(1 << n) - 1, shown=shown, more=more)))
    raise_collected(errors)
    return costs
