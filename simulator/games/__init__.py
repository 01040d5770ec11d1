"""Cost-sharing games of a pool (MODEL.md §3.8) and the search for good pools (§3.10).

>>> from simulator.games import CostGame
>>> g = CostGame.from_table(["A", "B", "C"], {("A",): 300, ("B",): 270, ("C",): 280,
...     ("A", "B"): 410, ("A", "C"): 410, ("B", "C"): 410, ("A", "B", "C"): 550})
>>> g.shapley().round(2).tolist()
[191.67, 176.67, 181.67]
>>> g.nucleolus().round(2).tolist()
[183.33, 183.33, 183.33]

With the engine: :func:`fair_split` (a scenario's pool, every method side by side, member
names, the scenario's own key and VAT situation) and :func:`partition_candidates` (which ASBLs of
an organisation table should pool, every pool costed by the kernel).

Modules: ``game`` (the :class:`CostGame` API), ``shapley``, ``nucleolus`` (and least core),
``core``, ``keys`` (proportional, equal, SCRB), ``report`` (every method side by side, with IR,
core and VAT flags), ``engine_costs`` (the kernel as a coalition cost function, VAT judged per
coalition), ``scenario_split`` and ``candidates`` (the engine-backed entry points), ``partition``
(which candidates should pool) with ``pools`` (admissible pools), ``partition_exact`` (subset DP),
``partition_heuristic`` and ``partition_neighbourhood`` (greedy, local and neighbourhood search),
``partition_bound`` (LP upper bound), ``neighbourhoods`` (who may pool with whom by
commune and sub-sector rules), ``memo`` (remembered pool costs), ``synthetic`` (a stand-in
pool cost for tests and benchmarks), ``coalitions`` and ``inputs`` (bitmask and input helpers).
"""

from .candidates import partition_candidates
from .game import EXACT_LIMIT, Blocking, CostGame, LeastCore
from .neighbourhoods import may_pool, neighbourhood_windows, pools_allowed
from .nucleolus import NUCLEOLUS_LIMIT
from .partition import PARTITION_EXACT_LIMIT, PartitionResult, best_partition
from .report import allocation_report, allocation_summary
from .scenario_split import fair_split

__all__ = [
    "EXACT_LIMIT",
    "NUCLEOLUS_LIMIT",
    "PARTITION_EXACT_LIMIT",
    "Blocking",
    "CostGame",
    "LeastCore",
    "PartitionResult",
    "allocation_report",
    "allocation_summary",
    "best_partition",
    "fair_split",
    "may_pool",
    "neighbourhood_windows",
    "partition_candidates",
    "pools_allowed",
]
