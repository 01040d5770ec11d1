"""Synthetic pools for benchmarks: n members resampled from the bundled sample (seeded)."""

from __future__ import annotations

import numpy as np

from simulator.organisations import read_organisations, sample_organisations
from simulator.scenario import Scenario

TEN_FUNCTIONS = ("accounting", "payroll_hr", "it_support", "communication", "reception", "energy",
                 "consumables", "insurance", "software", "premises")
EIGHT_FUNCTIONS = ("accounting", "payroll_hr", "it_support", "reception", "energy", "consumables",
                   "software", "premises")


def synthetic_pool(n_members: int, functions=TEN_FUNCTIONS, horizon: int = 10, seed: int = 0):
    """(Scenario, Organisations): ``n_members`` ASBLs drawn from the sample, all pooling
    ``functions`` at one shared site, under a cost-sharing association."""
    rng = np.random.default_rng(seed)
    base = sample_organisations().table.reset_index()
    has = np.ones(len(base), dtype=bool)
    for col in ("reception.hours_week", "premises.private_m2"):
        if any(f.split(".")[0] == col.split(".")[0] for f in functions):
            has &= base[col].notna().to_numpy()
    pool = base[has]
    rows = pool.iloc[rng.integers(0, len(pool), n_members)].copy()
    rows["id"] = [f"m{i:03d}" for i in range(n_members)]
    rows["name"] = [f"Member {i}" for i in range(n_members)]
    orgs = read_organisations(rows.reset_index(drop=True))
    ids = list(orgs.ids)
    scn = Scenario.from_dict({
        "name": f"synthetic {n_members}x{len(functions)}", "members": ids,
        "pooling": {f: "all" for f in functions}, "vehicle": "cost_sharing_association",
        "sites": [{"id": "site", "members": ids}], "horizon_years": horizon,
    })
    return scn, orgs
