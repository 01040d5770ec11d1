"""``mutualise compare --set KEY=VALUE`` and the funder's rows of one pool."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from simulator import load_scenario, simulate
from simulator.cli import main
from simulator.cli.overrides import parse_overrides
from simulator.errors import InputError

A = Path(__file__).resolve().parents[1] / "scenarios" / "a_medical_centres_employer_group.yaml"
FUNDER_ROWS = ("public_cost_eur", "npv_without_funding_eur", "frontline_fte_freed_net",
               "public_eur_per_frontline_fte", "leverage")


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_parse_reads_values_as_yaml():
    assert parse_overrides(["funding.loan.years=5", "exit_risk=false", "pooling.premises=null", "name=x y"]) == {
        "funding.loan.years": 5, "exit_risk": False, "pooling.premises": None, "name": "x y"}


@pytest.mark.parametrize("bad", ["funding", "=3", "a..b=1", "a.=1"])
def test_malformed_set_is_an_error(bad):
    with pytest.raises(InputError, match="KEY=VALUE"):
        parse_overrides([bad])


def test_a_key_set_twice_is_an_error():
    with pytest.raises(InputError, match="twice"):
        parse_overrides(["a=1", "a=2"])


def test_compare_one_file_with_its_variant_adds_the_funders_rows(capsys):
    code, out, err = run(capsys, "compare", A, "--set", "funding.startup_grant.share=1", "-f", "json")
    assert (code, err) == (0, "")
    got = json.loads(out)
    base, variant = got["a_medical_centres_employer_group"], got[
        "a_medical_centres_employer_group (funding.startup_grant.share=1)"]
    assert set(FUNDER_ROWS) <= set(base)
    expected = simulate(load_scenario(A).with_overrides({"funding.startup_grant.share": 1})).summary
    assert variant["public_cost_eur"] == pytest.approx(expected["public_cost_eur"])
    assert variant["public_cost_eur"] > base["public_cost_eur"]
    assert variant["npv_without_funding_eur"] == pytest.approx(base["npv_without_funding_eur"])


@pytest.mark.parametrize(("arg", "words"), [("funding.grant=1", "funding.grant: unknown key"),
                                            ("funding.startup_grant.share=2", "must be at most 1"),
                                            ("horizon_years=[", "cannot read")])
def test_bad_set_is_one_line_and_runs_nothing(capsys, arg, words):
    code, out, err = run(capsys, "compare", A, "--set", arg)
    assert code == 2 and out == "" and words in err and err.count("\n") == 1


def test_funder_figures_by_hand():
    """public € per FTE = public PV × annuity ÷ FTE; leverage = NPV ÷ public PV; FTE = result ÷ 60 k€."""
    res = simulate(load_scenario(A).with_overrides({"funding.coordination_subsidy": {"eur_per_year": 30000,
                                                                                     "years": 10}}))
    s = res.summary
    fte = s["net_annual_result_eur"] / 60_000
    assert s["frontline_fte_freed_net"] == pytest.approx(fte)
    rate = res.model.params["finance.discount_rate"]
    annuity = rate / (1 - (1 + rate) ** -s["horizon_years"])
    assert fte > 0 and s["public_cost_eur"] > 0
    assert s["public_eur_per_frontline_fte"] == pytest.approx(s["public_cost_eur"] * annuity / fte)
    assert s["leverage"] == pytest.approx(s["npv_eur"] / s["public_cost_eur"])


def test_no_public_money_means_no_leverage():
    s = simulate(load_scenario(A).with_overrides({"funding": {"startup_grant": None}})).summary
    assert s["public_cost_eur"] == 0 and s["leverage"] is None and s["public_eur_per_frontline_fte"] is None
