"""Scenario files: bad inputs give an InputError naming the field (and nothing is written);
``base:`` inheritance with dotted overrides; exact YAML round trip and a stable canonical JSON."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import yaml

from simulator import InputError, Scenario, load_scenario
from simulator.cli import main
from simulator.organisations import read_organisations

SCENARIOS = sorted((Path(__file__).resolve().parents[1] / "scenarios").glob("*.yaml"))

GOOD = {
    "name": "Test pool",
    "members": ["mm_tilleuls", "mm_canal_vert", "mm_glycines"],
    "pooling": {"accounting": "all"},
    "vehicle": "cost_sharing_association",
}

ORG_HEADER = "id,name,subsector,commune,fte_total,budget_eur,accounting.fte,accounting.cost_eur"


def scenario_text(**changes) -> str:
    data = {**GOOD, **changes}
    return yaml.safe_dump({k: v for k, v in data.items() if v is not None}, sort_keys=False)


def org_csv(*rows: str) -> str:
    return "\n".join([ORG_HEADER, *rows]) + "\n"


#: id → (files to write, file to load, field named, words the message must contain)
BAD = {
    "malformed_yaml": ({"s.yaml": "name: x\nmembers: [a, b\npooling: {}\n"}, "s.yaml",
                       "line 3, column 8", ["not valid YAML"]),
    "unknown_key": ({"s.yaml": scenario_text(membres=["a"])}, "s.yaml",
                    "membres", ["unknown key", "did you mean 'members'"]),
    "unknown_nested_key": ({"s.yaml": scenario_text(funding={"startup_grnt": {"share": 0.5}})}, "s.yaml",
                           "funding.startup_grnt", ["unknown key", "did you mean 'startup_grant'"]),
    "unknown_function": ({"s.yaml": scenario_text(pooling={"acounting": "all"})}, "s.yaml",
                         "pooling.acounting", ["unknown function", "did you mean 'accounting'"]),
    "unknown_vehicle": ({"s.yaml": scenario_text(vehicle="employer_grup")}, "s.yaml",
                        "vehicle", ["unknown vehicle", "did you mean 'employer_group'"]),
    "member_not_in_table": ({"s.yaml": scenario_text(members=[*GOOD["members"], "nobody_here"])}, "s.yaml",
                            "members[3]", ["s.yaml: members[3]", "unknown organisation 'nobody_here'"]),
    "duplicate_member": ({"s.yaml": scenario_text(members=["mm_tilleuls", "mm_tilleuls", "mm_glycines"])},
                         "s.yaml", "members", ["'mm_tilleuls' is listed twice"]),
    "duplicate_org_id": ({"s.yaml": scenario_text(organisations="orgs.csv", members=["a", "b"]),
                          "orgs.csv": org_csv("a,A,youth,ixelles,5,1e5,0.5,", "a,B,youth,ixelles,5,1e5,0.5,",
                                              "b,B,youth,ixelles,5,1e5,0.5,")},
                         "s.yaml", "row 3, column 'id'", ["already used", "orgs.csv"]),
    "negative_cost": ({"s.yaml": scenario_text(organisations="orgs.csv", members=["a", "b"]),
                       "orgs.csv": org_csv("a,A,youth,ixelles,5,1e5,0.5,-100", "b,B,youth,ixelles,5,1e5,0.5,")},
                      "s.yaml", "row 2, column 'accounting.cost_eur'", ["at least 0", "orgs.csv"]),
    "nan_cost": ({"s.yaml": scenario_text(organisations="orgs.csv", members=["a", "b"]),
                  "orgs.csv": org_csv("a,A,youth,ixelles,5,1e5,0.5,NaN", "b,B,youth,ixelles,5,1e5,0.5,")},
                 "s.yaml", "row 2, column 'accounting.cost_eur'", ["expected a number", "NaN"]),
    "empty_pool": ({"s.yaml": scenario_text(members=[])}, "s.yaml", "members", ["must not be empty"]),
    "base_cycle": ({"a.yaml": "base: b.yaml\nname: a\n", "b.yaml": "base: a.yaml\nname: b\n"}, "a.yaml",
                   "base", ["cycle", "a.yaml → b.yaml → a.yaml"]),
    "missing_base": ({"a.yaml": "base: nowhere.yaml\nname: a\n"}, "a.yaml", "base", ["no scenario file"]),
    "wrong_unit": ({"s.yaml": scenario_text(parameters={"premises.rent": "150 EUR/month"})}, "s.yaml",
                   "parameters.premises.rent", ["wrong unit 'EUR/month'", "expected EUR/m2/year"]),
    "percent_as_number": ({"s.yaml": scenario_text(parameters={"finance.discount_rate": 3})}, "s.yaml",
                          "parameters.finance.discount_rate", ["outside the valid range", "is 0.03"]),
    "nan_parameter": ({"s.yaml": scenario_text().replace("vehicle:", "parameters: {premises.rent: .nan}\nvehicle:")},
                      "s.yaml", "parameters.premises.rent", ["finite"]),
    "unknown_parameter": ({"s.yaml": scenario_text(parameters={"finance.discount_rat": 0.03})}, "s.yaml",
                          "parameters.finance.discount_rat", ["unknown parameter", "'finance.discount_rate'"]),
    "pooled_by_one": ({"s.yaml": scenario_text(pooling={"accounting": ["mm_tilleuls"]})}, "s.yaml",
                      "pooling.accounting", ["at least two members"]),
    "premises_without_site": ({"s.yaml": scenario_text(pooling={"premises": "all"})}, "s.yaml",
                              "pooling.premises", ["s.yaml: pooling.premises", "shared site"]),
    "negative_grant": ({"s.yaml": scenario_text(funding={"startup_grant": {"share": 0.5, "cap_eur": -1}})},
                       "s.yaml", "funding.startup_grant.cap_eur", ["must be at least 0"]),
    "empty_file": ({"s.yaml": ""}, "s.yaml", "(file)", ["empty"]),
    "not_a_mapping": ({"s.yaml": "- a\n- b\n"}, "s.yaml", "(file)", ["mapping"]),
    "control_character": ({"s.yaml": b"name: x\x00\n"}, "s.yaml", "(file)", ["not valid YAML", "#x0000"]),
    "binary_file": ({"s.yaml": b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe\x00"}, "s.yaml", "(file)", ["not UTF-8"]),
}


@pytest.mark.parametrize("case", list(BAD))
def test_bad_input_names_the_field_and_writes_nothing(case, tmp_path, write_file, capsys):
    files, entry, field, words = BAD[case]
    for name, content in files.items():
        write_file(name, content)
    before = sorted(tmp_path.rglob("*"))
    with pytest.raises(InputError) as caught:
        load_scenario(tmp_path / entry)
    err = caught.value
    assert err.field == field
    text = str(err)
    assert field in text
    for word in words:
        assert word in text
    assert "Traceback" not in text
    # the command line refuses it in one line naming the field, and writes nothing
    out = tmp_path / "out"
    assert main(["run", str(tmp_path / entry), "--out", str(out)]) == 2
    stderr = capsys.readouterr().err
    assert stderr.startswith("error: ") and field in stderr and "Traceback" not in stderr
    assert len(stderr.strip().splitlines()) == 1
    assert not out.exists()
    assert sorted(tmp_path.rglob("*")) == before


def test_error_names_the_file(tmp_path, write_file):
    write_file("pool.yaml", scenario_text(vehicle="nope"))
    with pytest.raises(InputError) as caught:
        load_scenario(tmp_path / "pool.yaml")
    assert str(caught.value).startswith("pool.yaml: vehicle: unknown vehicle 'nope'")


def test_several_problems_are_reported_together(tmp_path, write_file):
    write_file("s.yaml", scenario_text(pooling={"acounting": "all", "payroll_hr": ["mm_tilleuls"]},
                                       parameters={"finance.discount_rate": 3}))
    with pytest.raises(InputError) as caught:
        load_scenario(tmp_path / "s.yaml")
    fields = [e.field for e in caught.value.errors]
    assert fields == ["pooling.acounting", "pooling.payroll_hr", "parameters.finance.discount_rate"]


def test_organisation_table_refuses_infinite_and_negative_cells():
    base = {"id": "a", "name": "A", "subsector": "youth", "commune": "ixelles", "fte_total": 5, "budget_eur": 1e5}
    with pytest.raises(InputError) as caught:
        read_organisations(pd.DataFrame([{**base, "accounting.cost_eur": np.inf}]))
    assert caught.value.field == "row 2, column 'accounting.cost_eur'" and "finite" in caught.value.message
    with pytest.raises(InputError) as caught:
        read_organisations(pd.DataFrame([{**base, "accounting.external_eur": -1.0}]))
    assert caught.value.field == "row 2, column 'accounting.external_eur'"


def test_from_dict_refuses_base():
    with pytest.raises(InputError) as caught:
        Scenario.from_dict({**GOOD, "base": "other.yaml"})
    assert caught.value.field == "base"


def test_with_overrides_validates(tmp_path):
    scenario = Scenario.from_dict(GOOD)
    changed = scenario.with_overrides({"vehicle": "employer_group", "parameters.finance.discount_rate": 0.04})
    assert (changed.vehicle, changed.parameters) == ("employer_group", {"finance.discount_rate": 0.04})
    assert scenario.vehicle == "cost_sharing_association"  # the original is unchanged
    with pytest.raises(InputError) as caught:
        scenario.with_overrides({"parameters.finance.discount_rate": 3})
    assert caught.value.field == "parameters.finance.discount_rate"


# --- base: inheritance ------------------------------------------------------------------------------

PARENT = """\
name: Parent
members: [mm_tilleuls, mm_canal_vert, mm_glycines, mm_heron_bleu]
pooling:
  accounting: all
  payroll_hr: all
vehicle: employer_group
horizon_years: 8
funding:
  startup_grant: {share: 0.5, cap_eur: 30000}
  coordination_subsidy: {eur_per_year: 10000, years: 2}
parameters:
  setup.overrun_factor: 1.3
  finance.discount_rate: 0.04
"""

CHILD = """\
base: ../parent.yaml
name: Child
funding.startup_grant.cap_eur: 20000
parameters.finance.discount_rate: 0.05
pooling.payroll_hr: null
"""


def test_base_inheritance_with_dotted_overrides(tmp_path, write_file):
    write_file("parent.yaml", PARENT)
    write_file("sub/child.yaml", CHILD)
    parent, child = load_scenario(tmp_path / "parent.yaml"), load_scenario(tmp_path / "sub/child.yaml")
    assert child.name == "Child"
    # inherited as is
    assert (child.members, child.vehicle, child.horizon_years) == (parent.members, "employer_group", 8)
    assert child.funding.coordination_subsidy == parent.funding.coordination_subsidy
    # one leaf overridden, its siblings kept
    assert (child.funding.startup_grant.share, child.funding.startup_grant.cap_eur) == (0.5, 20000)
    assert child.parameters == {"setup.overrun_factor": 1.3, "finance.discount_rate": 0.05}
    # null removes a pooled function
    assert child.pooling == {"accounting": "all"}
    assert parent.pooling == {"accounting": "all", "payroll_hr": "all"}


def test_nested_mappings_merge_and_null_removes(tmp_path, write_file):
    write_file("parent.yaml", PARENT)
    write_file("sub/child.yaml", CHILD)
    write_file("sub/grandchild.yaml", "base: child.yaml\nname: G\nfunding:\n  loan: {amount_eur: 10000, years: 5}\n"
                                      "funding.startup_grant: null\n")
    g = load_scenario(tmp_path / "sub/grandchild.yaml")
    assert g.funding.loan.amount_eur == 10000
    assert g.funding.coordination_subsidy.eur_per_year == 10000  # merged, not replaced
    assert g.funding.startup_grant is None
    assert g.parameters["finance.discount_rate"] == 0.05  # two levels up, overridden one level up


def test_example_variants_inherit_their_base():
    base = load_scenario(SCENARIOS[0].parent / "a_medical_centres_employer_group.yaml")
    variant = load_scenario(SCENARIOS[0].parent / "a_variant_no_grant.yaml")
    assert variant.members == base.members and variant.pooling == base.pooling
    assert base.funding.startup_grant is not None and variant.funding.startup_grant is None
    assert variant.parameters == {"setup.overrun_factor": 1.55}


# --- round trip --------------------------------------------------------------------------------------

@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.stem)
def test_yaml_round_trip_and_canonical_json(path):
    scenario = load_scenario(path)
    again = Scenario.from_yaml(scenario.to_yaml())
    assert again == scenario
    assert again.to_yaml() == scenario.to_yaml()
    assert again.canonical_json() == scenario.canonical_json()
    assert load_scenario(path).canonical_json() == scenario.canonical_json()  # stable across loads
    assert json.loads(scenario.canonical_json())["name"] == scenario.name


def test_canonical_json_ignores_key_order_but_not_content():
    a = Scenario.from_dict(GOOD)
    b = Scenario.from_dict(dict(reversed(list(GOOD.items()))))
    assert a.canonical_json() == b.canonical_json()
    assert a.with_overrides({"horizon_years": 11}).canonical_json() != a.canonical_json()


def test_round_trip_keeps_an_uncapped_grant():
    scenario = Scenario.from_dict({**GOOD, "funding": {"startup_grant": {"share": 0.5}}})
    again = Scenario.from_yaml(scenario.to_yaml())
    assert again == scenario and again.funding.startup_grant.cap_eur == float("inf")


def test_merging_a_parameters_mapping_keeps_dotted_names(write_file):
    # a variant's parameters: block merges into the base's, names kept whole (not split on dots)
    base = write_file("base.yaml", """
name: base
members: [mm_tilleuls, mm_canal_vert, mm_glycines]
pooling: {accounting: all}
vehicle: employer_group
parameters: {finance.discount_rate: 0.04}
""")
    child = write_file("child.yaml", f"""
base: {base.name}
name: child
parameters: {{setup.overrun_factor: 1.3}}
""")
    scn = load_scenario(child)
    assert scn.parameters == {"finance.discount_rate": 0.04, "setup.overrun_factor": 1.3}
    again = scn.with_overrides({"parameters": {"exit.hazard": 0.1}})
    assert again.parameters["exit.hazard"] == 0.1 and again.parameters["setup.overrun_factor"] == 1.3
