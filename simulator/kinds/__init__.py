"""Cost kinds, one module each (MODEL.md §2.2): the registry the kernel, the schema and the games read.

Adding a kind: write ``simulator/kinds/<kind>.py`` exposing ``KIND`` (a :class:`CostKind`), add it
to :data:`KINDS` below, and give its functions entries in ``data/functions.yaml`` (see
docs/ARCHITECTURE.md for a worked example).
"""

from __future__ import annotations

from simulator.kinds import coverage, fixed_shared, labour, premises, purchasing
from simulator.kinds.base import CostKind, FieldSpec, KindContext, KindResult, loaded_cost

#: Cost kinds in evaluation order.
KINDS: dict[str, CostKind] = {k.name: k for k in (
    labour.KIND, coverage.KIND, purchasing.KIND, fixed_shared.KIND, premises.KIND)}

#: Organisation-table fields of each kind (column = ``<function>.<field>``).
KIND_FIELDS: dict[str, tuple[FieldSpec, ...]] = {name: k.fields for name, k in KINDS.items()}

#: Kinds that pool only between members at the same shared site.
SITE_KINDS: tuple[str, ...] = tuple(name for name, k in KINDS.items() if k.site_bound)

__all__ = ["KINDS", "KIND_FIELDS", "SITE_KINDS", "CostKind", "FieldSpec", "KindContext", "KindResult",
           "loaded_cost"]
