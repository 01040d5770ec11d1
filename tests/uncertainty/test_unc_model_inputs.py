"""A scenario's uncertainty: and correlations: — parsing, layering rules and field-named errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from simulator import InputError, load_scenario
from simulator.errors import InputErrors
from simulator.uncertainty import Fixed, Pert, Triangular, TruncNormal
from simulator.uncertainty.scenario_inputs import (
    DEFAULT_GROUPS,
    resolve_groups,
    scenario_correlation,
    scenario_distributions,
)

SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"
BASE = SCENARIOS / "a_medical_centres_employer_group.yaml"

HEADER = f"base: {BASE}\n"


def errors_of(exc: InputError) -> list[InputError]:
    return exc.errors if isinstance(exc, InputErrors) else [exc]


def load(write_file, body: str):
    return load_scenario(write_file("s.yaml", HEADER + body))


def test_uncertainty_and_correlations_from_a_scenario_file(write_file):
    scn = load(write_file, """
parameters:
  finance.discount_rate: 4 %
uncertainty:
  setup.overrun_factor: {dist: pert, low: 1.0, mode: 1.2, high: 1.6}
  premises.rent: {dist: uniform, low: 110, high: 250}
  finance.wage_indexation: {dist: truncnormal, mean: 0.02, sd: 0.01, low: 0, high: 0.05}
  software.per_user_cost: {dist: lognormal, median: 300, p90: 500}
  scale_exponent.payroll_hr: 0.7
uncertainty.governance.hours_per_member_month: {dist: triangular, low: 2, mode: 4, high: 8}
correlations:
  - [salary.hr_officer, salary.bookkeeper, 0.6]
  - {between: [setup.overrun_factor, premises.rent], rho: -0.2}
""")
    dists = scenario_distributions(scn)
    assert dists["setup.overrun_factor"] == Pert(1.0, 1.2, 1.6)
    assert dists["finance.wage_indexation"] == TruncNormal(0.02, 0.01, 0.0, 0.05)
    assert dists["scale_exponent.payroll_hr"] == Fixed(0.7)
    assert dists["governance.hours_per_member_month"] == Triangular(2, 4, 8)
    assert dists["finance.discount_rate"] == Fixed(0.04)  # chosen by the scenario: fixed
    assert isinstance(dists["salary.it_support"], Triangular)  # catalogue default
    corr = scenario_correlation(scn, [n for n, d in dists.items() if not d.is_degenerate])
    assert set(corr.names) == {"salary.hr_officer", "salary.bookkeeper", "setup.overrun_factor",
                               "premises.rent"}
    assert scn.to_dict()["correlations"][0] == ["salary.hr_officer", "salary.bookkeeper", 0.6]
    assert type(scn).from_yaml(scn.to_yaml()) == scn  # round trip
    only = scenario_distributions(scn, vary="scenario")
    assert {n for n, d in only.items() if not d.is_degenerate} == {
        "setup.overrun_factor", "premises.rent", "finance.wage_indexation",
        "software.per_user_cost", "governance.hours_per_member_month"}


def test_matrix_form_of_correlations(write_file):
    scn = load(write_file, """
correlations:
  names: [salary.hr_officer, salary.bookkeeper]
  matrix: [[1, 0.5], [0.5, 1]]
""")
    assert scenario_correlation(scn, ["salary.hr_officer", "salary.bookkeeper"]).matrix[0, 1] == 0.5


@pytest.mark.parametrize(("body", "field", "words"), [
    ("uncertainty:\n  premises.rent: {dist: uniform, low: 250, high: 110}\n",
     "uncertainty.premises.rent.high", "impossible range"),
    ("uncertainty:\n  setup.overrun_factor: {dist: triangular, low: 1.6, mode: 1.2, high: 1.0}\n",
     "uncertainty.setup.overrun_factor.high", "below low"),
    ("uncertainty:\n  finance.discount_rate: {dist: truncnormal, mean: 0.03, sd: -0.01, low: 0, "
     "high: 0.1}\n", "uncertainty.finance.discount_rate.sd", "negative"),
    ("uncertainty:\n  setup.overrun_factor: {dist: lognormal, mean: 1.2, sd: -1}\n",
     "uncertainty.setup.overrun_factor.sd", "negative"),
    ("uncertainty:\n  setup.overun_factor: {dist: uniform, low: 1, high: 2}\n",
     "uncertainty.setup.overun_factor", "did you mean 'setup.overrun_factor'"),
    ("uncertainty:\n  premises.rent: {dist: gamma, shape: 2}\n",
     "uncertainty.premises.rent.dist", "unknown distribution"),
    ("uncertainty:\n  finance.discount_rate: {dist: truncnormal, mean: 0.03, sd: 0.02}\n",
     "uncertainty.finance.discount_rate", "below the valid minimum"),
    ("uncertainty:\n  exit.hazard: {dist: uniform, low: 0.1, high: 1.5}\n",
     "uncertainty.exit.hazard", "above the valid maximum"),
    ("correlations:\n  - [salary.hr_officer, salary.bookkeeper, 1.5]\n",
     "correlations[0]", "between −1 and 1"),
    ("correlations:\n  - [salary.hr_officer, salary.bookkeeper, 0.9]\n"
     "  - [salary.bookkeeper, salary.it_support, 0.9]\n"
     "  - [salary.hr_officer, salary.it_support, -0.9]\n",
     "correlations", "contradict each other"),
    ("correlations:\n  names: [salary.hr_officer, salary.bookkeeper]\n"
     "  matrix: [[1, 0.5], [0.2, 1]]\n",
     "correlations[salary.hr_officer, salary.bookkeeper]", "not symmetric"),
    ("correlations:\n  names: [salary.hr_officer, salary.bookkeeper]\n  matrix: [[1, 0.5]]\n",
     "correlations.matrix", "square"),
    ("correlations:\n  - [salary.hr_oficer, salary.bookkeeper, 0.3]\n",
     "correlations.salary.hr_oficer", "did you mean"),
    ("correlations: 0.5\n", "correlations", "expected a list of pairs"),
])
def test_bad_uncertainty_inputs_name_the_field(write_file, body, field, words):
    with pytest.raises(InputError) as err:
        load(write_file, body)
    found = errors_of(err.value)
    assert [e.field for e in found] == [field], [str(e) for e in found]
    assert words in found[0].message
    assert found[0].source == "s.yaml"


def test_every_bad_entry_is_reported_at_once(write_file):
    with pytest.raises(InputErrors) as err:
        load(write_file, """
uncertainty:
  premises.rent: {dist: uniform, low: 250, high: 110}
  nope.nothing: 3
""")
    assert [e.field for e in err.value.errors] == ["uncertainty.premises.rent.high",
                                                   "uncertainty.nope.nothing"]


def test_default_groups_cover_prefixes_and_custom_groups_accept_patterns():
    names = list(scenario_distributions(load_scenario(BASE)))
    groups = resolve_groups("default", names)
    assert set(groups) <= set(DEFAULT_GROUPS)
    assert "salary.hr_officer" in groups["salaries"] and "governance.hourly_cost" in groups["coordination"]
    assert all(p.startswith("premises.") for p in groups["premises"])
    assert resolve_groups("none", names) is None
    custom = resolve_groups({"hr": ["salary.hr_officer", "scale_exponent.payroll_hr"],
                             "rents": ["premises.ren*"]}, names)  # premises.r* also takes residual_value
    assert custom == {"hr": ["salary.hr_officer", "scale_exponent.payroll_hr"],
                      "rents": ["premises.rent"]}
    with pytest.raises(InputError) as err:
        resolve_groups({"hr": ["salary.hr_oficer"]}, names)
    assert err.value.field == "groups.hr" and "did you mean" in err.value.message
    with pytest.raises(InputError):
        resolve_groups({"hr": "salary.hr_officer"}, names)
