"""Regenerate the reviewed expected results of the example scenarios.

    python tests/expected/regenerate.py            # show what would change, write nothing
    python tests/expected/regenerate.py --write    # overwrite scenarios.yaml after review

Only write after reviewing every changed figure (and say why in the commit and CHANGELOG):
these tables are the back-test of the model (tests/test_backtest.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

from simulator import load_scenario, monte_carlo, simulate
from simulator.headline import headline

ROOT = Path(__file__).resolve().parents[2]
TARGET = Path(__file__).with_name("scenarios.yaml")
MC_DRAWS, MC_SEED = 4000, 1
MC_KEYS = ("p_npv_positive", "npv_p10", "npv_p50", "npv_p90", "saving_p10", "saving_p50", "saving_p90")
#: The Monte Carlo headline (issue 8), at simulator.headline's default draws and seed.
MC_HEADLINE_KEYS = ("npv_p10_eur", "npv_p50_eur", "npv_p90_eur", "p_npv_positive", "net_result_p10_eur",
                    "net_result_p50_eur", "net_result_p90_eur", "central_npv_percentile")
HEADLINE = ("baseline_annual_cost_eur", "pooled_annual_cost_eur", "gross_annual_saving_eur",
            "net_annual_saving_eur", "net_annual_result_eur", "net_pooled_annual_cost_eur", "setup_cost_eur",
            "npv_eur", "payback_year", "irr", "frontline_fte_freed", "public_cost_eur", "vat_exempt",
            "vat_failed_conditions", "individually_rational_all")


def expected_tables() -> dict:
    out = {}
    for path in sorted((ROOT / "scenarios").glob("*.yaml")):
        s = simulate(load_scenario(path)).summary
        row = {k: (round(v, 2) if isinstance(v, float) else v) for k, v in ((k, s[k]) for k in HEADLINE)}
        if isinstance(row["irr"], float):
            row["irr"] = round(s["irr"], 6)
        row["frontline_fte_freed"] = round(s["frontline_fte_freed"], 4)
        row["members"] = {m["id"]: {"standalone_cost_eur": round(m["standalone_cost_eur"], 2),
                                    "allocated_cost_eur": round(m["allocated_cost_eur"], 2),
                                    "gain_eur": round(m["gain_eur"], 2),
                                    "individually_rational": m["individually_rational"]}
                          for m in s["members"]}
        res = simulate(load_scenario(path))
        row["waterfall"] = {c: round(v, 2) for c, v in zip(res.waterfall["component"], res.waterfall["value_eur"],
                                                            strict=True)}
        row["net_cashflow_by_year"] = [round(v, 2) for v in res.cashflows["net_cashflow_eur"]]
        head = headline(path).as_dict()
        row["headline"] = {"draws": head["headline_draws"], "seed": head["headline_seed"],
                           **{k: round(head[k], 4 if k.startswith("p_") else 2) for k in MC_HEADLINE_KEYS}}
        scn = load_scenario(path)
        if scn.uncertainty:  # the scenario's own ranges: a seeded Monte Carlo is part of its review
            mc = monte_carlo(scn, draws=MC_DRAWS, seed=MC_SEED, vary="scenario").summary
            row["monte_carlo"] = {"draws": MC_DRAWS, "seed": MC_SEED, "vary": "scenario",
                                  "summary": {k: round(mc[k], 4 if k.startswith("p_") else 2) for k in MC_KEYS}}
        out[path.name] = row
    return out


def main() -> None:
    new = expected_tables()
    old = yaml.safe_load(TARGET.read_text(encoding="utf-8")) if TARGET.exists() else {}
    changed = sorted(k for k in new if old.get(k) != new[k])
    print("changed:", ", ".join(changed) or "nothing")
    if "--write" in sys.argv:
        header = "# Reviewed expected results of scenarios/*.yaml — regenerate with tests/expected/regenerate.py\n"
        TARGET.write_text(header + yaml.safe_dump(new, sort_keys=True, allow_unicode=True), encoding="utf-8")
        print(f"wrote {TARGET}")


if __name__ == "__main__":
    main()
