"""The synthetic sector population: calibration targets, reproducibility, the organisation format."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from simulator.errors import InputError
from simulator.org_schema import COMMUNES, SUBSECTORS
from simulator.organisations import read_organisations
from simulator.sector import calibration, generate_population, read_population
from simulator.sector.population import jobs_target, population_data, subsector_counts


def test_meets_every_calibration_target_at_the_reference_size():
    n = population_data()["reference_size"]["value"]
    table = calibration(generate_population(n, seed=2024))
    assert table["ok"].all(), table[~table["ok"]]
    # the targets themselves, by hand: 1,200 / 1,200 × 34,000 × 40 % = 13,600 jobs; 44 medical centres
    assert jobs_target(n) == pytest.approx(13_600)
    assert table.set_index("target").at["count.medical_centre", "value"] == 44
    assert table.set_index("target").at["count.mental_health", "value"] == 24


@pytest.mark.parametrize("n", [1, 7, 1000, 2500])
def test_subsector_counts_add_up_and_scale(n):
    counts = subsector_counts(n)
    assert sum(counts.values()) == n and set(counts) == set(SUBSECTORS)
    assert min(counts.values()) >= 0


def test_calibration_holds_for_other_sizes_and_seeds():
    for n, seed in [(1000, 1), (600, 9)]:
        assert calibration(generate_population(n, seed))["ok"].all()


def test_same_seed_same_population_other_seed_other_population():
    a, b, c = generate_population(300, 5), generate_population(300, 5), generate_population(300, 6)
    pd.testing.assert_frame_equal(a.organisations.table, b.organisations.table)
    assert not a.organisations.table["fte_total"].equals(c.organisations.table["fte_total"])


def test_population_is_an_ordinary_organisation_table_that_round_trips_as_csv():
    pop = generate_population(200, 3)
    t = pop.organisations.table
    assert set(t["commune"]) <= set(COMMUNES) and set(t["subsector"]) <= set(SUBSECTORS)
    assert (t["fte_total"] >= 1).all() and (t["budget_eur"] > 0).all()
    back = read_organisations(pop.organisations.to_csv())
    pd.testing.assert_frame_equal(back.table, t)


def test_budget_is_payroll_over_a_payroll_share():
    pop = generate_population(500, 4)
    share = pop.payroll_eur / pop.organisations.table["budget_eur"].to_numpy()
    low, high = (population_data()["payroll_share_of_budget"][k] for k in ("low", "high"))
    assert np.all((share > low - 0.01) & (share < high + 0.01))  # budget rounded to 1,000 €


@pytest.mark.parametrize("bad", [0, -3, 2.5, True, 10**6])
def test_bad_size_is_one_line_error(bad):
    with pytest.raises(InputError, match="generate"):
        generate_population(bad)


def test_real_list_replaces_the_generated_one(tmp_path):
    f = tmp_path / "orgs.csv"
    generate_population(20, 1).organisations.to_csv(f)
    assert len(read_population(f)) == 20


def test_empty_or_broken_population_file_names_the_problem(tmp_path):
    header = generate_population(2, 1).organisations.to_csv().splitlines()
    empty = tmp_path / "empty.csv"
    empty.write_text(header[0] + "\n", encoding="utf-8")
    with pytest.raises(InputError) as exc:
        read_population(empty)
    assert "\n" not in str(exc.value)
    broken = tmp_path / "broken.csv"
    row = header[2].split(",")
    row[4] = "lots"  # fte_total
    broken.write_text("\n".join([header[0], header[1], ",".join(row)]) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"row 3, column 'fte_total'"):
        read_population(broken)
