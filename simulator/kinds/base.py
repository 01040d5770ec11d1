"""What a cost kind is: its organisation fields, what it needs, and how it evaluates itself.

A *cost kind* (MODEL.md §2.2) fixes the mechanism a support function follows. Each kind lives in
one module of this package that declares

- ``fields``: the per-function columns of the organisation table it reads (``<function>.<field>``),
- ``needs``: the fields of which at least one must be positive for a member to bring something to
  pool (else its row is probably wrong),
- ``site_bound``: whether it pools only between members at one shared site (premises, reception),
- ``index_group``: which yearly index moves its cost (``wage``, ``price`` or ``rent``),
- ``declared_cost``: whether a missing ``cost_eur`` means "estimated" (flagged to the user),
- ``evaluate(ctx, cols)``: its standalone and pooled costs for a batch, as a :class:`KindResult`.

The kernel (:mod:`simulator.kernel`) loops over the kinds (few), never over draws or coalitions.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

import numpy as np

if TYPE_CHECKING:
    from simulator.params import ParamArrays


class FieldSpec(NamedTuple):
    """One per-function field of a cost kind; ``{label}``/``{driver}`` come from the catalogue."""

    name: str
    unit: str
    description: str
    required: bool = False
    minimum: float = 0.0
    maximum: float | None = None


@dataclass
class KindContext:
    """Everything a kind may read while evaluating: the model, parameters and the pooling mask.

    ``emask`` is ``(B, n, F)``: the cells pooled in each batch row (functions with ≥ 2 members).
    """

    model: object  # simulator.model.Model (not imported: the model imports this package)
    P: ParamArrays
    emask: np.ndarray
    B: int

    def data(self, name: str, cols: np.ndarray) -> np.ndarray:
        """Organisation data ``(n, K)`` of the functions in ``cols`` (NaN = not given), in C order:
        a gather along the last axis returns the member axis contiguous, and the kinds' arrays
        computed from it would then reach :func:`simulator.mechanisms.masked_sum` in an order it
        must copy (it reads C order, so that a draw's sums do not depend on the batch size)."""
        return np.ascontiguousarray(self.model.data[name][..., cols])

    def mask(self, cols: np.ndarray) -> np.ndarray:
        """The pooled cells of the functions ``cols``, ``(B, n, K)`` (a view when rows are alike)."""
        from simulator.mechanisms import batch_columns

        return batch_columns(self.emask, cols)

    @property
    def site_onehot(self) -> np.ndarray:
        """``(n, S)``: 1 where member i is at shared site s."""
        m = self.model
        return (m.site_of[..., None] == np.arange(len(m.site_ids))).astype(float)

    def grade_costs(self, cols: np.ndarray) -> np.ndarray:
        """Loaded annual cost of the grade of each function in ``cols``, ``(B, 1, K)``."""
        m = self.model
        return loaded_cost(self.P, [m.function(m.function_ids[j]).grade for j in cols])

    @property
    def manager_cost(self) -> np.ndarray:
        """Loaded cost of the admin/finance manager grade (coordinators, buyers), ``(B, 1, 1)``."""
        return loaded_cost(self.P, ["admin_finance_manager"])


@dataclass
class KindResult:
    """A kind's costs for a batch; components sum exactly to pooled − baseline of what is pooled.

    ``standalone`` is ``(1|B, n, K)`` (it depends on parameters only), ``pooled`` and ``billed``
    (the part a vehicle invoices, on which margin and VAT fall) ``(B, K)``, ``workload`` the
    volume driver used by the "use" allocation key ``(1|B, n, K)``.
    """

    standalone: np.ndarray
    pooled: np.ndarray
    billed: np.ndarray
    workload: np.ndarray
    components: dict[str, np.ndarray]
    posts: np.ndarray | None = None  # (B, K) pooled posts (FTE) of staff kinds
    staff_cost: np.ndarray | None = None  # (B,) Σ posts × grade cost
    one_offs: np.ndarray | None = None  # (B,) one-off set-up costs of the kind (moving, fit-out…)
    extras: dict[str, np.ndarray] = field(default_factory=dict)  # kind-specific outputs


@dataclass(frozen=True)
class CostKind:
    """A cost kind's declaration and its evaluation (one module per kind)."""

    name: str
    fields: tuple[FieldSpec, ...]
    needs: tuple[str, ...]
    site_bound: bool
    index_group: str
    declared_cost: bool
    evaluate: Callable[[KindContext, np.ndarray], KindResult]

    @property
    def field_names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)


def loaded_cost(P: ParamArrays, grades: list[str]) -> np.ndarray:
    """Loaded annual employer cost of grades: monthly gross × months × (1 + social rate), ``(B, 1, K)``.

    With the defaults, a bookkeeper: 3,400 €/month × 13.92 × 1.324 = 62,662 €/year (MODEL.md §5).
    """
    months, social = P.col("employer_cost.months_per_year"), P.col("employer_cost.social_rate")
    monthly = P.per_function("salary.{}", grades)
    return monthly * months * (1.0 + social)
