"""Generate ``simulator/data/sample_organisations.csv``: 30 FICTITIOUS Brussels social-health ASBLs.

Run from the repository root: ``python data/make_sample.py`` (``--check`` only compares). The output
is reproducible (seeded ``numpy.random.Generator``). Names are invented and marked "(fictive)" /
"(fictief)"; any resemblance to a real organisation is accidental. Orders of magnitude follow
MODEL.md §5 and ``simulator/data/parameters.yaml``; the rules are written out below, one per
function, so a reviewer can check them against what they know of the sector.

Loaded annual cost of a post = monthly gross × 13.92 months × 1.32 (employer contributions), e.g.
bookkeeper 3,400 €/month → 62.5 k€/FTE/yr, receptionist 2,800 → 51.4 k€. Hidden hours ("faisant
fonction") are valued at the hourly loaded cost of a director or social worker, 32–45 €/h.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd

try:
    from simulator.organisations import read_organisations
except ModuleNotFoundError:  # a checkout without `pip install -e .`
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from simulator.organisations import read_organisations

SEED = 20240214  # date of the Iriscare "Mutualisations ANM 2024-2025" call
OUTPUT = Path(__file__).resolve().parents[1] / "simulator" / "data" / "sample_organisations.csv"

LOADED_FACTOR = 13.92 * 1.32  # months paid per year × (1 + employer social rate), MODEL.md §5
GROSS_MONTHLY = {"bookkeeper": 3400, "hr_officer": 3500, "it_support": 3600,
                 "communication_officer": 3300, "cleaner": 2300, "receptionist": 2800,
                 "admin_finance_manager": 4500, "prevention_advisor": 3900}
HEADCOUNT_PER_FTE = 1.3  # part-time work is common in the sector
DECLARED_SHARE = 0.7  # share of in-house costs the director declares; the rest are estimated

# (id, name, sub-sector, commune, total FTE)
ORGANISATIONS = [
    ("mm_tilleuls", "Maison médicale des Tilleuls (fictive)", "medical_centre", "anderlecht", 14),
    ("mm_canal_vert", "Maison médicale du Canal Vert (fictive)", "medical_centre", "molenbeek", 18),
    ("mm_glycines", "Maison médicale Les Glycines (fictive)", "medical_centre", "forest", 9.5),
    ("mm_heron_bleu", "Maison médicale du Héron Bleu (fictive)", "medical_centre", "saint_gilles",
     16),
    ("mm_colibri", "Maison médicale Le Colibri (fictive)", "medical_centre", "schaerbeek", 26),
    ("wgc_vlinderboom", "Wijkgezondheidscentrum De Vlinderboom (fictief)", "medical_centre",
     "jette", 12),
    ("abri_lanterne", "Abri de nuit La Lanterne (fictive)", "homelessness", "bruxelles", 9),
    ("passerelle_rue", "Passerelle Rue — travail de rue (fictive)", "homelessness", "saint_gilles",
     6),
    ("toit_dabord", "Toit d'Abord — logement accompagné (fictive)", "homelessness", "ixelles", 5),
    ("cpf_aurore", "Centre de planning familial L'Aurore (fictive)", "family_planning", "ixelles",
     7),
    ("cpf_boussole", "Planning familial La Boussole (fictive)", "family_planning", "saint_gilles",
     5.5),
    ("relais_possibles", "Le Relais des Possibles — assuétudes (fictive)", "addiction",
     "bruxelles", 8),
    ("bas_seuil_horizon", "Bas Seuil Horizon (fictive)", "addiction", "saint_gilles", 4),
    ("amo_cerf_volant", "AMO Le Cerf-Volant (fictive)", "youth", "saint_gilles", 6.5),
    ("mj_tremplin", "Maison de jeunes Le Tremplin (fictive)", "youth", "bruxelles", 3),
    ("ssm_ecoute_vive", "Service de santé mentale L'Écoute Vive (fictive)", "mental_health",
     "ixelles", 11),
    ("entre_deux", "Entre-Deux — santé mentale communautaire (fictive)", "mental_health",
     "bruxelles", 2.5),
    ("parole_exil", "Parole d'Exil — soutien psychosocial (fictive)", "mental_health", "ixelles",
     6),
    ("aide_domicile_iris", "Aide à domicile Iris Services (fictive)", "home_care", "schaerbeek",
     58),
    ("thuiszorg_zonnewijzer", "Thuiszorg De Zonnewijzer (fictief)", "home_care", "anderlecht", 34),
    ("grand_refuge", "Le Grand Refuge — centre d'accueil (fictive)", "homelessness", "bruxelles",
     45),
    ("ateliers_moulin", "Centre de jour Les Ateliers du Moulin (fictive)", "disability", "uccle",
     22),
    ("cap_autonomie", "Service d'accompagnement Cap Autonomie (fictive)", "disability",
     "woluwe_saint_lambert", 9),
    ("pont_quartier", "Service social de quartier Le Pont (fictive)", "social_service",
     "molenbeek", 7),
    ("horizon_est", "Centre de service social Horizon Est (fictive)", "social_service", "evere",
     10),
    ("la_clairiere", "Centre psychosocial La Clairière (fictive)", "mental_health", "etterbeek",
     19),
    ("jeugdhuis_koker", "Jeugdhuis De Koker (fictief)", "youth", "koekelberg", 5),
    ("coordination_sud", "Coordination sociale Sud (fictive)", "other", "forest", 6),
    ("fil_dargent", "Garde à domicile Le Fil d'Argent (fictive)", "home_care",
     "watermael_boitsfort", 15),
    ("alize_alcoologie", "Centre Alizé — alcoologie (fictive)", "addiction", "ganshoren", 12),
]

# Illustrative joint committees by sub-sector (French-speaking side; Dutch-speaking VZW below).
JOINT_COMMITTEE = {"medical_centre": "330", "mental_health": "332", "home_care": "318.01",
                   "homelessness": "319.02", "family_planning": "332", "addiction": "332",
                   "social_service": "332", "youth": "329.02", "disability": "319.02",
                   "other": "329.02"}
JOINT_COMMITTEE_NL = {"wgc_vlinderboom": "330", "thuiszorg_zonnewijzer": "318.02",
                      "jeugdhuis_koker": "329.01"}
NOT_VAT_EXEMPT = {"jeugdhuis_koker", "coordination_sud"}  # a bar; training sold to third parties

# Non-profit-grade rent by commune (€/m²/yr), within MODEL.md §5's 110–250 (average 168–172).
RENT_BY_COMMUNE = {"anderlecht": 130, "molenbeek": 125, "forest": 145, "saint_gilles": 160,
                   "schaerbeek": 140, "jette": 140, "bruxelles": 175, "ixelles": 185,
                   "uccle": 190, "woluwe_saint_lambert": 175, "evere": 145, "etterbeek": 175,
                   "koekelberg": 135, "watermael_boitsfort": 165, "ganshoren": 135}


def loaded_cost(grade: str) -> float:
    """Annual employer cost of one FTE of ``grade`` (MODEL.md §5)."""
    return GROSS_MONTHLY[grade] * LOADED_FACTOR


class Draw:
    """Seeded draws with the rounding used throughout (FTE to 0.05, euros to 100)."""

    def __init__(self, seed: int):
        self.rng = np.random.default_rng(seed)

    def u(self, low: float, high: float) -> float:
        return float(self.rng.uniform(low, high))

    def chance(self, p: float) -> bool:
        return bool(self.rng.random() < p)

    def fte(self, low: float, high: float, minimum: float = 0.05) -> float:
        return max(minimum, round(self.u(low, high) * 20) / 20)

    def eur(self, value: float) -> float:
        return float(round(value, -2))

    def declared(self, value: float) -> float:
        """A declared cost (actual = estimate × 0.95–1.10), or NaN when left for the model."""
        return self.eur(value * self.u(0.95, 1.10)) if self.chance(DECLARED_SHARE) else np.nan

    def hourly(self) -> float:
        return round(self.u(32, 45) * 2) / 2


def labour(d: Draw, fte: float, grade: str, in_house: float, external: float,
           hidden: float, volume: float) -> dict[str, float]:
    """The six labour fields; ``in_house``/``hidden`` = 0 mean none (empty cells)."""
    nan = np.nan
    hidden = round(hidden * 2) / 2  # to the half hour
    return {"fte": in_house or nan,
            "cost_eur": d.declared(in_house * loaded_cost(grade)) if in_house else nan,
            "external_eur": d.eur(external) if external else nan,
            "hidden_hours_week": hidden or nan,
            "hidden_hourly_eur": d.hourly() if hidden else nan,
            "volume": float(round(volume)) or nan}


def organisation_row(d: Draw, org_id: str, name: str, subsector: str, commune: str,
                     fte: float, contracting: bool) -> dict[str, object]:
    """One organisation, function by function (rules in the comments)."""
    heads = round(fte * HEADCOUNT_PER_FTE)
    private = round(fte * d.u(10, 12))  # 10–12 m² of private space per FTE
    common = round(private * (s := d.u(0.25, 0.33)) / (1 - s))  # common = 25–33 % of the total
    area = private + common
    rent = float(np.clip(round(RENT_BY_COMMUNE[commune] + d.u(-10, 10)), 120, 200))
    users = max(1, round(fte * d.u(0.95, 1.15)))
    small, large = fte < 8, fte >= 20
    row: dict[str, object] = {
        "id": org_id, "name": name, "subsector": subsector, "commune": commune,
        "fte_total": fte, "budget_eur": float(round(fte * d.u(60_000, 75_000), -3)),
        "vat_exempt": org_id not in NOT_VAT_EXEMPT, "contracting_authority": contracting,
        "joint_committee": JOINT_COMMITTEE_NL.get(org_id, JOINT_COMMITTEE[subsector]),
    }
    functions = {
        # Accounting: 0.10–0.15 FTE per 10 FTE in-house from 8 FTE (plus 2–4 k€ closing fees);
        # below, an outside accountant (3 k€ + 1.0–1.8 k€/FTE, ≤ 15 k€) and 2–8 h/week hidden work.
        "accounting": labour(
            d, fte, "bookkeeper", 0 if small else d.fte(0.010 * fte, 0.015 * fte, 0.1),
            min(15_000, 3_000 + fte * d.u(1_000, 1_800)) if small else d.u(2_000, 4_000),
            d.u(2, 8) if small else d.u(0, 2), 300 + fte * d.u(120, 200)),
        # Payroll/HR: social secretariat 18–28 € per payslip; 0.05–0.10 FTE per 10 FTE in-house
        # from 10 FTE, otherwise 1–4 h/week of hidden work. Volume: payslips/year.
        "payroll_hr": labour(
            d, fte, "hr_officer", d.fte(0.005 * fte, 0.010 * fte) if fte >= 10 else 0,
            heads * 12 * d.u(18, 28), d.u(1, 4) if fte < 10 else 0, heads * 12),
        # IT support: contractor 0.8–1.2 k€ + 60–120 €/user; in-house ~0.1 FTE per 10 FTE from
        # 30 FTE; 1–3 h/week of hidden work below 15 FTE. Volume: IT users.
        "it_support": labour(
            d, fte, "it_support", d.fte(0.008 * fte, 0.012 * fte) if fte >= 30 else 0,
            d.u(800, 1_200) + users * d.u(60, 120), d.u(1, 3) if fte < 15 else 0, users),
        # Communication: in-house from 20 FTE; otherwise 1–3 h/week, sometimes a designer.
        "communication": labour(
            d, fte, "communication_officer", d.fte(0.008 * fte, 0.012 * fte) if large else 0,
            d.u(500, 2_500) if d.chance(0.4) else 0, 0 if large else d.u(1, 3),
            d.u(6, 20) + fte / 2),
        # Internal audit: an outside firm, 3–8 k€ for 3–10 days/year, from 20 FTE only.
        "internal_audit": labour(
            d, fte, "admin_finance_manager", 0, d.u(3_000, 8_000) if large else 0, 0,
            d.u(3, 10) if large else 0),
        # Prevention: external service 70–110 €/worker; internal advisor 0.5–2 h/week.
        "prevention_advisor": labour(
            d, fte, "prevention_advisor", 0, heads * d.u(70, 110), d.u(0.5, 2), heads),
        # Training: 0.2–0.4 FTE per 100 FTE in-house from 30 FTE; else 0.5–2 h/week from 5 FTE.
        "training": labour(
            d, fte, "hr_officer", d.fte(0.002 * fte, 0.004 * fte) if fte >= 30 else 0, 0,
            d.u(0.5, 2) if 5 <= fte < 30 else 0, fte * d.u(2, 5)),
        # Cleaning: one cleaner per 500–700 m² from 20 FTE; else a company at 20–35 €/m²/yr.
        "cleaning": labour(
            d, fte, "cleaner", d.fte(area / 700, area / 500) if large else 0,
            0 if large else area * d.u(20, 35), 0, area),
    }
    for function_id, fields in functions.items():
        row.update({f"{function_id}.{k}": v for k, v in fields.items()})
    row.update(reception(d, subsector, fte))
    row.update({
        "energy.spend_eur": d.eur(area * d.u(15, 25)),  # 15–25 €/m²/yr
        "consumables.spend_eur": d.eur(fte * d.u(400, 800)),  # 400–800 €/FTE/yr
        "insurance.spend_eur": d.eur(d.u(1_000, 3_000) + 100 * fte),  # 1–3 k€ + 100 €/FTE
        "it_hardware.spend_eur": d.eur(fte * d.u(300, 600)),  # 300–600 €/FTE/yr
        "software.users": float(users),  # ≈ total FTE
        "software.cost_eur": (d.eur(d.u(1_500, 4_000) + users * d.u(150, 300))
                              if d.chance(0.85) else np.nan),  # 1.5–4 k€ + 150–300 €/user
        "premises.private_m2": float(private), "premises.common_m2": float(common),
        "premises.rent_eur_m2": rent,  # by commune ± 10, within 120–200
        "premises.cost_eur": (d.eur(area * (rent + d.u(10, 20)))  # rent + 10–20 €/m² charges
                              if d.chance(0.8) else np.nan),
    })
    return row


def reception(d: Draw, subsector: str, fte: float) -> dict[str, float]:
    """A staffed desk: 38–45 h/week in medical centres and day centres (hundreds of visitors),
    20–38 h elsewhere (20–30 h below 10 FTE), none below 5 FTE. Declared cost = hours/38 × 1.0–1.2
    (cover for leave) × receptionist cost."""
    if fte < 5:
        return {}
    busy = subsector == "medical_centre" or (subsector == "homelessness" and fte >= 20)
    hours = round(d.u(38, 45) if busy else d.u(20, 38 if fte >= 10 else 30))
    visitors = d.u(300, 700) if busy else d.u(20, 120)
    cost = hours / 38 * d.u(1.0, 1.2) * loaded_cost("receptionist")
    return {"reception.hours_week": float(hours),
            "reception.cost_eur": d.eur(cost) if d.chance(0.6) else np.nan,
            "reception.visitors_week": float(round(visitors, -1))}


def build_frame(seed: int = SEED) -> pd.DataFrame:
    """The sample as a raw DataFrame (one row per organisation)."""
    d = Draw(seed)
    n = len(ORGANISATIONS)
    contracting = np.zeros(n, dtype=bool)
    contracting[d.rng.choice(n, size=n // 2, replace=False)] = True  # half tender their purchases
    rows = [organisation_row(d, *org, contracting=bool(c))
            for org, c in zip(ORGANISATIONS, contracting, strict=True)]
    return pd.DataFrame(rows)


def build_csv(seed: int = SEED) -> str:
    """The sample CSV text, validated by the same reader users go through."""
    return read_organisations(build_frame(seed), name="sample").to_csv()


def main(argv: list[str]) -> int:
    text = build_csv()
    if "--check" in argv:
        same = OUTPUT.exists() and OUTPUT.read_text(encoding="utf-8") == text
        sys.stderr.write(f"{OUTPUT.name} is {'up to date' if same else 'OUT OF DATE'}\n")
        return 0 if same else 1
    OUTPUT.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
