"""``CostGame``: the cost c(S) of every sub-group S of a pool, and the ways to split c(N).

A pool of ``n`` members defines a cost game: ``c(S)`` is what the pool would cost if only the
members of ``S`` took part (``c(∅) = 0``). The table of all ``2**n`` costs, indexed by bitmask (bit
``i`` = player ``i``, see :mod:`simulator.games.coalitions`), is what every exact method reads:
Shapley, nucleolus, least core, the core check. It comes from

- :meth:`CostGame.from_table` — an analyst's own table ``{coalition: cost}``;
- :meth:`CostGame.from_cost_function` — any vectorised ``cost_fn((C, n) bool) -> (C,)``, called on
  chunks of coalitions so memory stays bounded (one float per coalition is kept: 8 MB for 20);
- :meth:`CostGame.from_scenario` — the engine's kernel with a coalition axis.

Exact enumeration stops at :data:`EXACT_LIMIT` = 20 members (about a million coalitions). Above it a
game built from a cost function is *lazy*: it evaluates only the coalitions a method asks for, so
sampled Shapley (``shapley(samples=…)``), SCRB, proportional and equal split still work, while the
exact methods raise an :class:`~simulator.errors.InputError` that says what to do instead.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

import numpy as np
import pandas as pd

from simulator.errors import InputError
from simulator.messages import msg

from . import core, keys
from .coalitions import bool_to_int, chunk_ranges, int_to_bool
from .inputs import (
    EXACT_LIMIT,
    SAMPLING_HINT,
    CostFunction,
    call_cost_fn,
    check_players,
    members_of,
    names,
    numbers,
    table_costs,
    too_many,
)
from .nucleolus import NUCLEOLUS_LIMIT
from .nucleolus import least_core as _least_core
from .nucleolus import nucleolus as _nucleolus
from .shapley import shapley_exact, shapley_sampled

__all__ = ["DEFAULT_CHUNK", "EXACT_LIMIT", "Blocking", "CostFunction", "CostGame", "LeastCore"]

_CORE_HINT = msg("game.core_hint", "Every sub-group must be costed; check sub-pools of at most 20 members instead.")
_WHAT_TABLE = msg("game.what.table", "a full cost table")
_WHAT_CORE = msg("game.what.core", "the core check")

#: Coalitions per call of a cost function while enumerating.
DEFAULT_CHUNK = 1 << 16


class Blocking(NamedTuple):
    """A sub-group that would rather leave: its members and what it would save on its own."""

    coalition: tuple[Hashable, ...]
    amount: float


@dataclass(frozen=True)
class LeastCore:
    """Least-core value ``epsilon`` and one allocation in the least core (core empty iff ε > 0)."""

    allocation: pd.Series
    epsilon: float
    tolerance: float = 0.0

    @property
    def core_is_empty(self) -> bool:
        """True when some sub-group always gains by leaving (ε above rounding noise)."""
        return self.epsilon > self.tolerance


class CostGame:
    """A cost-sharing game among ``players``.

    Parameters
    ----------
    players
        Distinct, hashable member identifiers (their order fixes the bits of the masks).
    costs
        ``c(S)`` for every coalition, length ``2**n`` indexed by bitmask, ``costs[0] == 0``.

    Examples
    --------
    >>> g = CostGame.from_table(["a", "b"], {("a",): 10, ("b",): 8, ("a", "b"): 15})
    >>> g.shapley().round(2).tolist()
    [8.5, 6.5]
    """

    def __init__(self, players: Sequence[Hashable], costs: np.ndarray | Sequence[float]):
        self._players = check_players(players)
        n = len(self._players)
        if n > EXACT_LIMIT:
            raise InputError("players", too_many(n, _WHAT_TABLE))
        table = numbers(costs, "costs")
        if table.shape != (1 << n,):
            raise InputError("costs", msg("game.costs_count", "expected {count} costs (2^{n}), got {got}.",
                                              count=1 << n, n=n, got=int(table.size)))
        if table[0] != 0:
            raise InputError("costs", msg("game.empty_coalition", "the empty coalition must cost 0."))
        table.flags.writeable = False
        self._costs: np.ndarray | None = table
        self._cost_fn: CostFunction | None = None
        self._chunk = DEFAULT_CHUNK

    # ---------------------------------------------------------------- constructors
    @classmethod
    def from_table(cls, players: Sequence[Hashable], table: Mapping[Any, Any]) -> CostGame:
        """Game from ``{coalition: cost}`` covering every non-empty coalition.

        A coalition key is a tuple, list, set or frozenset of player names in any order (a bare
        name stands for a single member); the empty coalition may be given with cost 0.
        Problems (unknown or repeated names, a coalition given twice, non-numeric or non-finite
        costs, missing coalitions) are reported together.
        """
        players = check_players(players)
        n = len(players)
        if n > EXACT_LIMIT:
            raise InputError("players", too_many(n, _WHAT_TABLE))
        return cls(players, table_costs(players, table))

    @classmethod
    def from_cost_function(
        cls,
        players: Sequence[Hashable],
        cost_fn: CostFunction,
        *,
        chunk: int = DEFAULT_CHUNK,
        lazy: bool = False,
    ) -> CostGame:
        """Game from a vectorised ``cost_fn(masks) -> costs``.

        ``masks`` is a boolean array ``(C, n)`` (row = coalition, column ``i`` = player ``i``);
        the result has shape ``(C,)``. Up to :data:`EXACT_LIMIT` players every non-empty coalition
        is evaluated, ``chunk`` at a time; above it, or with ``lazy=True`` (an expensive cost
        function and only sampled Shapley or the simple keys wanted), the game is lazy and costs
        coalitions on demand (see the module docstring). ``cost_fn`` never sees the empty
        coalition.
        """
        players = check_players(players)
        if not callable(cost_fn):
            raise InputError("cost_fn", msg("game.cost_fn", "expected a function masks (C, n) -> costs (C,)."))
        if int(chunk) < 1:
            raise InputError("chunk", msg("game.chunk", "must be a positive number of coalitions."))
        n = len(players)
        if n > EXACT_LIMIT or lazy:
            game = cls.__new__(cls)
            game._players, game._costs, game._cost_fn, game._chunk = players, None, cost_fn, int(chunk)
            return game
        costs = np.zeros(1 << n)
        for lo, hi in chunk_ranges(1, 1 << n, int(chunk)):
            masks = int_to_bool(np.arange(lo, hi), n)
            costs[lo:hi] = call_cost_fn(cost_fn, masks, players)
        return cls(players, costs)

    @classmethod
    def from_scenario(
        cls,
        scenario: Any,
        organisations: Any = None,
        *,
        cost_fn_factory: Callable[[Any], tuple[Sequence[Hashable], CostFunction]] | None = None,
        chunk: int = DEFAULT_CHUNK,
        lazy: bool = False,
    ) -> CostGame:
        """Game of a scenario's pool, each coalition costed by the engine's kernel.

        ``scenario`` is a :class:`~simulator.scenario.Scenario`, the path of a scenario file, or a
        compiled ``Model`` (used as is); ``organisations`` replaces the member table the scenario
        names. The players are the scenario's members, in order, and
        ``c(S) = simulator.kernel.coalition_costs(model, S)``: the members' yearly cost of what
        they pool when only S pools (standalone cost of S's pooled functions minus S's net annual
        result, set-up annualised, exit risk and funding included; the VAT exemption's
        public-interest condition judged per coalition, see ``engine_costs.py``), so ``c({i})`` is member i's
        standalone cost and ``c(N)`` the whole pool's — the figures :func:`simulator.simulate`
        reports. Each member pools the functions the scenario gives it; a function is pooled in a
        coalition only by two or more of its members. The vehicle's minimum number of members
        (3 for an employer group) is *not* applied to sub-groups: ``c(S)`` is what S would pay
        in the same vehicle, so that every sub-group has a cost to compare with.

        Up to :data:`EXACT_LIMIT` members every coalition is costed (2**20 ≈ 1 million kernel
        rows in a few seconds); above it the game is lazy (sampled Shapley, SCRB, proportional
        and equal split only). ``cost_fn_factory(scenario) -> (players, cost_fn)`` replaces the
        engine, e.g. to cost another metric.
        """
        if cost_fn_factory is None:
            from .engine_costs import KernelCosts, scenario_model

            model = scenario_model(scenario, organisations)
            cost_fn: CostFunction = KernelCosts(model)
            players: Sequence[Hashable] = tuple(model.member_ids)
        else:
            players, cost_fn = cost_fn_factory(scenario)
        return cls.from_cost_function(players, cost_fn, chunk=chunk, lazy=lazy)

    # ---------------------------------------------------------------- the game
    @property
    def players(self) -> tuple[Hashable, ...]:
        return self._players

    @property
    def n(self) -> int:
        return len(self._players)

    @property
    def is_exact(self) -> bool:
        """True when every coalition's cost is known (``n ≤ EXACT_LIMIT``)."""
        return self._costs is not None

    @property
    def costs(self) -> np.ndarray:
        """The read-only table ``c`` (length ``2**n``, by bitmask)."""
        return self._require_exact(msg("game.what.costs", "the cost table"))

    @property
    def grand_cost(self) -> float:
        """``c(N)``, the cost of the whole pool."""
        return float(self._evaluate(np.ones((1, self.n), dtype=bool))[0])

    def standalone(self) -> pd.Series:
        """``c({i})`` for every member: what each would pay on its own."""
        return self._series(self._evaluate(np.eye(self.n, dtype=bool)), "standalone")

    def cost(self, coalition: Iterable[Hashable] | Hashable) -> float:
        """``c(S)`` of one coalition given by its members' names."""
        row = np.zeros((1, self.n), dtype=bool)
        row[0, self._indices(members_of(coalition), "coalition")] = True
        return 0.0 if not row.any() else float(self._evaluate(row)[0])

    # ---------------------------------------------------------------- allocations
    def shapley(self, samples: int | None = None, seed: int | None = None) -> pd.Series:
        """Shapley value: exact, or estimated from ``samples`` random orders (see ``shapley.py``).

        ``.attrs["std_error"]`` maps each player to its standard error (0 when exact).
        """
        if samples is None:
            values = shapley_exact(self._require_exact(msg("game.what.shapley", "the exact Shapley value")))
            errors = np.zeros(self.n)
            attrs: dict[str, Any] = {"method": "exact"}
        else:
            if isinstance(samples, bool) or not isinstance(samples, int | np.integer):
                raise InputError("samples", msg("game.samples_whole", "must be a whole number of permutations."))
            if samples < 2:
                raise InputError("samples", msg("game.samples_two",
                                                "need at least 2 permutations for a standard error."))
            values, errors = shapley_sampled(
                self.n,
                int(samples),
                np.random.default_rng(seed),
                costs=self._costs,
                evaluate=None if self._costs is not None else self._evaluate,
                grand_cost=None if self._costs is not None else self.grand_cost,
            )
            attrs = {"method": "sampled", "samples": int(samples), "seed": seed}
        result = self._series(values, "shapley")
        result.attrs.update(attrs, std_error=dict(zip(self._players, errors.tolist(), strict=True)))
        return result

    def nucleolus(self) -> pd.Series:
        """Nucleolus (sequence of LPs, see ``nucleolus.py``); ``.attrs`` has kind and levels."""
        costs = self._require_lp(msg("game.what.nucleolus", "the nucleolus"))
        outcome = _nucleolus(costs)
        result = self._series(keys.balance(outcome.allocation, float(costs[-1])), "nucleolus")
        result.attrs.update(kind=outcome.kind, levels=list(outcome.levels))
        return result

    def least_core(self) -> LeastCore:
        """Least-core value ε (the core is non-empty iff ε ≤ 0) and one allocation in it."""
        costs = self._require_lp(msg("game.what.least_core", "the least core"))
        allocation, epsilon = _least_core(costs)
        return LeastCore(self._series(allocation, "least_core"), epsilon, core.core_tolerance(costs))

    def scrb(self) -> pd.Series:
        """Separable costs, remaining benefits (see ``keys.py``)."""
        rows = ~np.eye(self.n, dtype=bool)
        without_each = self._evaluate(rows) if self.n > 1 else np.zeros(1)
        shares = keys.scrb(self.grand_cost, self.standalone().to_numpy(), without_each)
        return self._series(shares, "scrb")

    def proportional(self, weights: Mapping[Hashable, float] | Sequence[float] | None = None):
        """``c(N)`` split in proportion to ``weights`` (default: standalone costs)."""
        field = "weights"
        if weights is None:
            weights, field = self.standalone(), "standalone costs"
        w = self._vector(weights, field)
        if (w < 0).any() or w.sum() <= 0:
            raise InputError(field, msg("game.weights", "must be non-negative with a positive total."))
        return self._series(keys.proportional(self.grand_cost, w), "proportional")

    def equal_split(self) -> pd.Series:
        """``c(N) / n`` each."""
        return self._series(keys.equal_split(self.grand_cost, self.n), "equal")

    # ---------------------------------------------------------------- stability
    def in_core(self, allocation: Any, tol: float | None = None) -> bool:
        """True when the allocation sums to c(N) and no sub-group pays more than alone."""
        costs = self._require_exact(_WHAT_CORE, _CORE_HINT)
        return core.in_core(costs, self._vector(allocation, "allocation"), tol)

    def blocking_coalition(self, allocation: Any, tol: float | None = None) -> Blocking | None:
        """The proper sub-group with the largest ``x(S) − c(S) > tol``, or None if none gains."""
        costs = self._require_exact(_WHAT_CORE, _CORE_HINT)
        mask, amount = core.largest_violation(costs, self._vector(allocation, "allocation"))
        if amount <= core.core_tolerance(costs, tol):
            return None
        return Blocking(tuple(p for i, p in enumerate(self._players) if mask >> i & 1), amount)

    # ---------------------------------------------------------------- helpers
    def _evaluate(self, masks: np.ndarray) -> np.ndarray:
        """``c`` of boolean coalitions ``(C, n)``, from the table or the cost function."""
        if self._costs is not None:
            return self._costs[bool_to_int(masks)]
        assert self._cost_fn is not None
        out = np.empty(masks.shape[0])
        for lo, hi in chunk_ranges(0, masks.shape[0], self._chunk):
            out[lo:hi] = call_cost_fn(self._cost_fn, masks[lo:hi], self._players)
        return out

    def _require_exact(self, what: str, hint: str = SAMPLING_HINT) -> np.ndarray:
        if self._costs is None and self.n <= EXACT_LIMIT:
            raise InputError("lazy", msg("game.needs_every_coalition", "{what} needs every coalition; build the game "
                                           "with lazy=False.", what=what))
        if self._costs is None:
            raise InputError("players", too_many(self.n, what, hint))
        return self._costs

    def _require_lp(self, what: str) -> np.ndarray:
        costs = self._require_exact(what)
        if self.n > NUCLEOLUS_LIMIT:
            raise InputError("players", msg(
                "game.too_many_lp", "{n} members is above the limit of {limit} for {what} (one "
                "linear-programme row per coalition, 2^{n}); use Shapley or SCRB instead.",
                n=self.n, limit=NUCLEOLUS_LIMIT, what=what))
        return costs

    def _indices(self, members: Sequence[Hashable], field: str) -> list[int]:
        index = {p: i for i, p in enumerate(self._players)}
        unknown = [m for m in members if m not in index]
        if unknown:
            raise InputError(field, msg("game.unknown_players", "unknown player(s) {names}.", names=names(unknown)))
        return [index[m] for m in members]

    def _vector(self, values: Any, field: str) -> np.ndarray:
        """Per-player numbers from a Series/mapping (by name) or a sequence (in player order)."""
        if isinstance(values, Mapping | pd.Series):
            given = set(values.keys())
            unknown = [k for k in values.keys() if k not in set(self._players)]
            missing = [p for p in self._players if p not in given]
            if unknown or missing:
                if unknown and missing:
                    raise InputError(field, msg("game.vector_players", "unknown {unknown}; missing {missing}.",
                                                unknown=names(unknown), missing=names(missing)))
                if unknown:
                    raise InputError(field, msg("game.vector_unknown", "unknown {unknown}.", unknown=names(unknown)))
                raise InputError(field, msg("game.vector_missing", "missing {missing}.", missing=names(missing)))
            values = [values[p] for p in self._players]
        vector = numbers(values, field)
        if vector.shape != (self.n,):
            raise InputError(field, msg("game.vector_length", "expected one number per player ({n}).", n=self.n))
        return vector

    def _series(self, values: np.ndarray, name: str) -> pd.Series:
        return pd.Series(values, index=pd.Index(self._players, name="member"), name=name)

    def __repr__(self) -> str:
        shown = ", ".join(map(str, self._players[:6])) + (", …" if self.n > 6 else "")
        kind = "exact" if self.is_exact else "lazy"
        return f"CostGame({self.n} players: {shown}; {kind})"
