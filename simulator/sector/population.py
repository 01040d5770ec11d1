"""A seeded, synthetic population of Brussels social-health ASBLs (MODEL.md §3.10).

The policymaker's questions are about the sector, not one pool: how many pools would form, and
what would a funding option buy across them? No public register lists each ASBL's support costs,
so the population is synthetic but calibrated to published aggregates
(``data/sector_population.yaml``, every figure with its source and grade):

* **sub-sector counts** at the reference size (1,200 ASBLs [G]): 44 medical centres and 24 mental
  health services [B], the rest [G]; a population of N scales them by N / 1,200 (largest
  remainder, so the counts add up to N);
* **employment**: Σ jobs = N / 1,200 × 34,000 [B] × 40 % [G] (the share in such ASBLs), sizes
  drawn lognormal around a median by sub-sector then rescaled to that total; jobs = 1.3 × FTE;
* **cost per head**: payroll per job ~ Normal(54.7 k€, 5 k€) [B/D], budget = payroll ÷ a payroll
  share of 65–85 % [G];
* **support functions** (accounting, payroll/HR, IT support), with the bundled sample's rules
  (``data/make_sample.py``): small ASBLs buy an outside accountant and social secretariat and do
  hidden work; larger ones employ some support staff.

Everything is drawn as arrays (no loop per organisation), so 1,000 ASBLs take a few
milliseconds. The result is an ordinary :class:`~simulator.organisations.Organisations` table: a
real list in the organisation format can replace it anywhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import yaml

from simulator.catalogue import ParameterSet
from simulator.errors import InputError
from simulator.messages import msg
from simulator.org_schema import COMMUNES, SUBSECTORS
from simulator.organisations import Organisations, read_organisations

DATA_FILE = Path(__file__).resolve().parents[1] / "data" / "sector_population.yaml"
#: Support functions the generator fills (other columns stay empty).
GENERATED_FUNCTIONS = ("accounting", "payroll_hr", "it_support")
#: Joint committee by sub-sector (French-speaking side, as the bundled sample).
JOINT_COMMITTEE = {"medical_centre": "330", "mental_health": "332", "home_care": "318.01",
                   "homelessness": "319.02", "family_planning": "332", "addiction": "332",
                   "social_service": "332", "youth": "329.02", "disability": "319.02",
                   "other": "329.02"}
MAX_SIZE = 100_000


@lru_cache(maxsize=1)
def population_data() -> dict[str, Any]:
    """The calibration data (``data/sector_population.yaml``)."""
    with DATA_FILE.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@dataclass(frozen=True)
class Population:
    """A population of ASBLs: the organisation table plus what the generator knows beyond it.

    ``jobs`` and ``payroll_eur`` (per organisation, in table order) exist only for a generated
    population; a real list read from a file has ``None`` there.
    """

    organisations: Organisations
    seed: int | None = None
    jobs: np.ndarray | None = None
    payroll_eur: np.ndarray | None = None

    def __len__(self) -> int:
        return len(self.organisations)


def subsector_counts(n: int) -> dict[str, int]:
    """Counts by sub-sector for a population of ``n``: reference counts × n / reference size,
    rounded by largest remainder so they sum to ``n`` exactly."""
    data = population_data()
    ref = np.array([data["subsectors"][s]["count"] for s in SUBSECTORS], dtype=float)
    exact = ref * n / ref.sum()
    counts = np.floor(exact).astype(int)
    short = n - counts.sum()
    counts[np.argsort(-(exact - counts), kind="stable")[:short]] += 1
    return dict(zip(SUBSECTORS, counts.tolist(), strict=True))


def jobs_target(n: int) -> float:
    """Σ jobs for a population of ``n`` = n / reference size × sector jobs × share in population."""
    data = population_data()
    emp = data["employment"]
    return n / data["reference_size"]["value"] * emp["sector_jobs"]["value"] * emp["share_in_population"]["value"]


def generate_population(n: int = 1000, seed: int = 0) -> Population:
    """``n`` synthetic ASBLs, reproducible for a given ``seed`` (see the module docstring)."""
    if isinstance(n, bool) or not isinstance(n, int | np.integer) or not 1 <= n <= MAX_SIZE:
        raise InputError("generate", msg("sector.population_size", "the population size must be a whole number from 1 "
                                          "to {limit}, got {value}", limit=MAX_SIZE, value=repr(n)[:40]))
    if isinstance(seed, bool) or not isinstance(seed, int | np.integer) or seed < 0:
        raise InputError("seed", msg("sector.seed", "the seed must be a whole number ≥ 0, got {value}",
                                      value=repr(seed)[:40]))
    data = population_data()
    rng = np.random.default_rng(int(seed))
    counts = subsector_counts(int(n))
    subsector = np.repeat(np.array(SUBSECTORS), [counts[s] for s in SUBSECTORS])
    rng.shuffle(subsector)
    weights = np.array([data["commune_weights"]["values"][c] for c in COMMUNES], dtype=float)
    commune = rng.choice(np.array(COMMUNES), size=n, p=weights / weights.sum())

    fte = _sizes(rng, subsector, data)
    heads = np.maximum(1, np.round(fte * data["employment"]["headcount_per_fte"]["value"]))
    cpj = data["cost_per_job"]
    payroll = heads * np.clip(rng.normal(cpj["value"], cpj["sd"], n), 0.5 * cpj["value"], 1.5 * cpj["value"])
    share = data["payroll_share_of_budget"]
    budget = np.round(payroll / rng.uniform(share["low"], share["high"], n), -3)

    table = pd.DataFrame(index=pd.Index([f"s{i:05d}" for i in range(n)], name="id"))
    table["name"] = [f"ASBL synthétique {i:05d} (fictive)" for i in range(n)]
    table["subsector"] = subsector.astype(object)
    table["commune"] = commune.astype(object)
    table["fte_total"] = fte
    table["budget_eur"] = budget
    table["vat_exempt"] = rng.random(n) < data["vat_exempt_share"]["value"]
    table["contracting_authority"] = rng.random(n) < data["contracting_authority_share"]["value"]
    table["joint_committee"] = pd.Series(subsector).map(JOINT_COMMITTEE).to_numpy(dtype=object)
    for column, values in _support_functions(rng, fte, heads).items():
        table[column] = values
    # through the same reader as a user's file: the population passes the same checks
    orgs = read_organisations(table.reset_index(), name=f"generated population (n={n}, seed={seed})")
    return Population(orgs, int(seed), heads, payroll)


def _sizes(rng: np.random.Generator, subsector: np.ndarray, data: dict[str, Any]) -> np.ndarray:
    """FTE per ASBL: lognormal around the sub-sector's median, rescaled so Σ jobs hits the target,
    clipped to the bounds and rounded to the half FTE."""
    median = pd.Series(subsector).map(data["median_fte"]["values"]).to_numpy(dtype=float)
    raw = median * np.exp(rng.normal(0.0, data["size_sigma"]["value"], subsector.size))
    low, high = data["fte_bounds"]["low"], data["fte_bounds"]["high"]
    target_fte = jobs_target(subsector.size) / data["employment"]["headcount_per_fte"]["value"]
    scale = 1.0
    for _ in range(20):  # the clip moves the mean a little: a few fixed-point steps settle it
        sized = np.clip(raw * scale, low, high)
        scale *= target_fte / sized.sum()
    return np.maximum(low, np.round(np.clip(raw * scale, low, high) * 2) / 2)


def _support_functions(rng: np.random.Generator, fte: np.ndarray, heads: np.ndarray) -> dict[str, np.ndarray]:
    """The six labour fields of accounting, payroll/HR and IT support (rules of data/make_sample.py).

    Loaded cost of a post = the catalogue's monthly gross × months × (1 + social rate); 70 % of
    in-house costs are declared (actual = estimate × 0.95–1.10), the rest left for the model to
    estimate; hidden hours are valued at 32–45 €/h.
    """
    n = fte.size
    p = ParameterSet.defaults()
    factor = p["employer_cost.months_per_year"] * (1 + p["employer_cost.social_rate"])
    small = fte < 8
    users = np.maximum(1, np.round(fte * rng.uniform(0.95, 1.15, n)))

    def u(low, high):
        return rng.uniform(low, high, n)

    def posts(x, minimum=0.05):
        return np.maximum(minimum, np.round(x * 20) / 20)

    rules = {
        # accounting: in-house 0.10-0.15 FTE per 10 FTE from 8 FTE (+ 2-4 k€ closing fees); below,
        # an outside accountant (3 k€ + 1.0-1.8 k€/FTE, ≤ 15 k€) and 2-8 h/week hidden work
        "accounting": ("bookkeeper", np.where(small, 0.0, posts(u(0.010, 0.015) * fte, 0.1)),
                       np.where(small, np.minimum(15_000, 3_000 + fte * u(1_000, 1_800)), u(2_000, 4_000)),
                       np.where(small, u(2, 8), u(0, 2)), 300 + fte * u(120, 200)),
        # payroll/HR: social secretariat 18-28 € per payslip; in-house 0.05-0.10 FTE per 10 FTE
        # from 10 FTE, else 1-4 h/week hidden work; volume = payslips/year
        "payroll_hr": ("hr_officer", np.where(fte >= 10, posts(u(0.005, 0.010) * fte), 0.0),
                       heads * 12 * u(18, 28), np.where(fte < 10, u(1, 4), 0.0), heads * 12),
        # IT support: contractor 0.8-1.2 k€ + 60-120 €/user; in-house from 30 FTE; 1-3 h/week
        # hidden work below 15 FTE; volume = IT users
        "it_support": ("it_support", np.where(fte >= 30, posts(u(0.008, 0.012) * fte), 0.0),
                       u(800, 1_200) + users * u(60, 120), np.where(fte < 15, u(1, 3), 0.0), users),
    }
    out: dict[str, np.ndarray] = {}
    for fid, (grade, in_house, external, hidden, volume) in rules.items():
        loaded = p[f"salary.{grade}"] * factor
        declared = rng.random(n) < 0.7
        hidden = np.round(hidden * 2) / 2
        cost = np.where(declared, np.round(in_house * loaded * u(0.95, 1.10), -2), np.nan)
        out[f"{fid}.fte"] = np.where(in_house > 0, in_house, np.nan)
        out[f"{fid}.cost_eur"] = np.where(in_house > 0, cost, np.nan)
        out[f"{fid}.external_eur"] = np.where(external > 0, np.round(external, -2), np.nan)
        out[f"{fid}.hidden_hours_week"] = np.where(hidden > 0, hidden, np.nan)
        out[f"{fid}.hidden_hourly_eur"] = np.where(hidden > 0, np.round(u(32, 45) * 2) / 2, np.nan)
        out[f"{fid}.volume"] = np.where(volume > 0, np.round(volume), np.nan)
    return out


def calibration(population: Population) -> pd.DataFrame:
    """Generated population against its targets: one row per target with value, target,
    tolerance and ``ok`` (the data note's table; the calibration test reads it)."""
    if population.jobs is None or population.payroll_eur is None:
        raise InputError("population", msg("sector.calibration_generated",
                                            "calibration targets apply to a generated population only"))
    data = population_data()
    tol = data["targets"]
    n = len(population)
    t = population.organisations.table
    jobs, payroll = population.jobs.sum(), population.payroll_eur.sum()
    rows = [{"target": "jobs_total", "value": float(jobs), "expected": jobs_target(n),
             "tolerance": tol["jobs_total"]["tolerance"]},
            {"target": "cost_per_job_eur", "value": float(payroll / jobs),
             "expected": float(data["cost_per_job"]["value"]), "tolerance": tol["cost_per_job"]["tolerance"]}]
    counts = t["subsector"].value_counts()
    for s, expected in subsector_counts(n).items():
        rows.append({"target": f"count.{s}", "value": float(counts.get(s, 0)), "expected": float(expected),
                     "tolerance": float(tol["subsector_counts"]["tolerance"])})
    frame = pd.DataFrame(rows)
    rel = (frame["value"] - frame["expected"]).abs() / frame["expected"].where(frame["expected"] > 0, 1.0)
    frame["ok"] = rel <= frame["tolerance"] + 1e-12
    return frame


def read_population(source) -> Population:
    """A real list of organisations in the organisation format (CSV or .xlsx) as a population.

    Every row is checked as any organisation table (a broken row is an error naming it); an
    empty list is refused.
    """
    orgs = read_organisations(source)
    if len(orgs) == 0:
        raise InputError("population", msg("sector.no_rows", "the organisation file has no rows"), orgs.source)
    return Population(orgs)
