"""The cost game of a scenario, costed by the engine: it agrees with ``simulate`` coalition by
coalition (singletons, the whole pool, sub-groups run as scenarios of their own), every split sums
to c(N), and the fair-split report reads the scenario's own key and VAT situation."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from simulator import Scenario, load_scenario, simulate
from simulator.errors import InputError
from simulator.games import CostGame
from simulator.games.engine_costs import KernelCosts, outside_public_interest, restrict_model
from simulator.games.scenario_split import fair_split
from simulator.kernel import run_kernel
from simulator.model import compile_scenario

ROOT = Path(__file__).resolve().parents[2]
A = ROOT / "scenarios" / "a_medical_centres_employer_group.yaml"
B = ROOT / "scenarios" / "b_shared_house.yaml"
sys.path.insert(0, str(ROOT / "benchmarks"))
from synthetic import synthetic_pool  # noqa: E402


def pool_cost(result) -> float:
    """c(N) as the simulation reports it: standalone total minus the net annual result."""
    k = result.kernel
    return float(k.member_standalone[0].sum() - k.net_result[0])


def restricted(scenario, members):
    """The scenario with only ``members`` (each function pooled by those of them that pool it).

    Funded as the funder's default rule funds a sub-group of the grand pool (MODEL.md §8.7,
    ``per_member``): fixed amounts — grant cap, coordination subsidy, loan — pro rata to members.
    """
    pooling = {}
    for function in scenario.pooling:
        who = [m for m in scenario.pooled_members(function) if m in members]
        if len(who) >= 2:
            pooling[function] = who
    sites = [{**site.model_dump(), "members": [m for m in site.members if m in members]}
             for site in scenario.sites]
    data = {**scenario.to_dict(), "members": list(members), "pooling": pooling,
            "sites": [s for s in sites if s["members"]]}
    pooling_members = {m for f in scenario.pooling for m in scenario.pooled_members(f)}
    k = len([m for m in members if m in pooling_members]) / len(pooling_members)
    funding = data.get("funding", {})
    for instrument, key in (("startup_grant", "cap_eur"), ("coordination_subsidy", "eur_per_year"),
                            ("loan", "amount_eur")):
        if funding.get(instrument) and key in funding[instrument]:
            funding[instrument] = {**funding[instrument], key: funding[instrument][key] * k}
    return Scenario.from_dict(data)  # (with_overrides would merge the pooling mapping)


@pytest.fixture(scope="module")
def games():
    out = {}
    for path in (A, B):
        scenario = load_scenario(path)
        out[path.stem] = (scenario, simulate(scenario), CostGame.from_scenario(scenario))
    return out


@pytest.mark.parametrize("stem", [A.stem, B.stem])
def test_singletons_and_grand_coalition_match_simulate(games, stem):
    scenario, result, game = games[stem]
    assert game.players == tuple(scenario.members) and game.is_exact
    np.testing.assert_allclose(game.standalone().to_numpy(), result.kernel.member_standalone[0],
                               rtol=1e-12)
    np.testing.assert_allclose(game.standalone().to_numpy(),
                               result.members["standalone_cost_eur"].to_numpy(), rtol=1e-12)
    assert game.grand_cost == pytest.approx(pool_cost(result), rel=1e-12)


def test_sub_groups_of_the_shared_house_match_their_own_scenarios(games):
    scenario, _, game = games[B.stem]
    groups = [("passerelle_rue", "toit_dabord"),                 # both pool reception
              ("bas_seuil_horizon", "mj_tremplin"),              # neither does
              ("cpf_aurore", "entre_deux", "abri_lanterne")]     # a mix
    for group in groups:
        own = simulate(restricted(scenario, group))
        assert game.cost(group) == pytest.approx(pool_cost(own), rel=1e-10), group


def test_sub_groups_of_the_employer_group(games):
    scenario, _, game = games[A.stem]
    triple = ("mm_tilleuls", "mm_glycines", "mm_heron_bleu")
    assert game.cost(triple) == pytest.approx(pool_cost(simulate(restricted(scenario, triple))),
                                              rel=1e-10)
    # an employer group needs three members, so a pair cannot be a scenario; the game still
    # costs it (documented): the kernel on the pair's mask gives the same number
    model = compile_scenario(scenario)
    pair = np.array([True, False, True, False])
    out = run_kernel(model, mask=(pair[:, None] & model.mask)[None], with_irr=False)
    expected = float((out.member_standalone[0] * pair).sum() - out.net_result[0])
    assert game.cost(("mm_tilleuls", "mm_glycines")) == pytest.approx(expected, rel=1e-12)


@pytest.mark.parametrize("stem", [A.stem, B.stem])
def test_every_split_sums_to_the_pool_cost(stem):
    report = fair_split(ROOT / "scenarios" / f"{stem}.yaml")
    totals = report.groupby("method")["pays"].sum()
    assert set(totals.index) == {"shapley", "nucleolus", "scrb", "proportional", "equal"}
    np.testing.assert_allclose(totals.to_numpy(), report.attrs["grand_cost"], rtol=1e-9)
    assert report.attrs["exact"] and report["in_core"].notna().all()


def test_proportional_is_the_scenario_own_split(games):
    scenario, result, _ = games[B.stem]
    report = fair_split(scenario)
    mine = report[report.method == "proportional"].set_index("member")
    members = result.members
    np.testing.assert_allclose(mine["gain"].to_numpy(), members["gain_eur"].to_numpy(), rtol=1e-9)
    assert mine["name"].tolist() == members["name"].tolist()
    assert mine["key"].iloc[0].startswith("the scenario's key: proportional to use")
    assert (mine["vat_status"] == "safe").all()
    shapley = report[report.method == "shapley"]
    assert (shapley["vat_status"] == "to document").all()


def test_fair_split_from_a_path_with_an_organisation_table(tmp_path):
    from simulator.organisations import sample_organisations

    orgs = sample_organisations()
    game = CostGame.from_scenario(str(A), organisations=orgs)
    assert game.players == tuple(load_scenario(A).members)
    report = fair_split(str(A), methods=["shapley", "equal"], organisations=orgs)
    assert report.method.unique().tolist() == ["shapley", "equal"]


def test_vat_verdict_follows_the_vehicle():
    taxable = fair_split(ROOT / "scenarios" / "a_variant_commercial_provider.yaml",
                         methods=["proportional", "shapley"])
    assert (taxable["vat_status"] == "not applicable").all() and not taxable["vat_safe"].any()
    assert "VAT whatever the key" in taxable["vat_note"].iloc[0]
    assert taxable.attrs["vat_regime"] == "taxable" and not taxable.attrs["vat_applies"]


def test_vat_exemption_is_judged_per_coalition():
    """'coordination_sud' is outside public-interest activities: with it the exemption fails for
    the whole pool, but a sub-group without it would be exempt — as its own scenario is."""
    scenario = Scenario.from_dict({
        **load_scenario(B).to_dict(),
        "members": ["passerelle_rue", "toit_dabord", "cpf_aurore", "coordination_sud"],
        "pooling": {"it_support": "all", "software": "all"}, "sites": []})
    result = simulate(scenario)
    assert not result.summary["vat_exempt"]
    game = CostGame.from_scenario(scenario)
    assert game.grand_cost == pytest.approx(pool_cost(result), rel=1e-12)
    trio = ("passerelle_rue", "toit_dabord", "cpf_aurore")
    own = simulate(restricted(scenario, trio))
    assert own.summary["vat_exempt"]
    assert game.cost(trio) == pytest.approx(pool_cost(own), rel=1e-10)
    with_it = ("passerelle_rue", "coordination_sud")
    assert game.cost(with_it) == pytest.approx(pool_cost(simulate(restricted(scenario, with_it))),
                                               rel=1e-10)
    report = fair_split(scenario, methods=["proportional"])
    assert (report["vat_status"] == "unsafe").all()
    assert "public-interest" in report["vat_note"].iloc[0]


def test_restricted_model_costs_the_same_coalitions():
    scenario, orgs = synthetic_pool(14, functions=("accounting", "payroll_hr", "software"), seed=4)
    table = orgs.table.reset_index()
    table.loc[3, "subsector"] = "other"  # one member outside public interest: VAT split per row
    from simulator.organisations import read_organisations

    model = compile_scenario(scenario, read_organisations(table))
    assert outside_public_interest(model).sum() == 1
    full = KernelCosts(model)
    cols = np.array([1, 3, 4, 7, 8, 12])
    local = full.restrict(cols)
    rng = np.random.default_rng(0)
    masks = rng.random((300, cols.size)) < 0.5
    wide = np.zeros((300, model.n), dtype=bool)
    wide[:, cols] = masks
    np.testing.assert_allclose(local(masks), full(wide), rtol=1e-12)
    assert restrict_model(model, cols).member_ids == tuple(model.member_ids[i] for i in cols)


def test_more_than_twenty_members_needs_sampling():
    scenario, orgs = synthetic_pool(21, functions=("accounting", "payroll_hr"), seed=2)
    with pytest.raises(InputError, match=r"above the exact limit of 20.*samples=2000"):
        fair_split(scenario, organisations=orgs)
    with pytest.raises(InputError, match="samples"):
        fair_split(scenario, methods=["nucleolus"], organisations=orgs, samples=100)
    game = CostGame.from_scenario(scenario, orgs)
    assert not game.is_exact
    with pytest.raises(InputError, match="sampling"):
        game.shapley()
    report = fair_split(scenario, organisations=orgs, samples=50, seed=3)
    assert set(report.method) == {"shapley", "scrb", "proportional", "equal"}
    assert report["in_core"].isna().all() and not report.attrs["exact"]
    totals = report.groupby("method")["pays"].sum()
    np.testing.assert_allclose(totals.to_numpy(), report.attrs["grand_cost"], rtol=1e-9)


def test_bad_inputs_are_clear_errors():
    with pytest.raises(InputError, match="unknown method"):
        fair_split(A, methods=["banzhaf"])
    with pytest.raises(InputError):
        fair_split(ROOT / "scenarios" / "missing.yaml")
    with pytest.raises(InputError, match="expected a Scenario"):
        CostGame.from_scenario(pd.DataFrame())


STABLE_POOL = {"name": "five ASBLs", "vehicle": "cost_sharing_association",  # stable under model v2
               "members": ["alize_alcoologie", "thuiszorg_zonnewijzer", "ssm_ecoute_vive",
                           "grand_refuge", "aide_domicile_iris"],
               "pooling": {"accounting": "all", "payroll_hr": "all", "software": "all"}}


def test_core_emptiness_is_reported():
    """Pool (a) costs more than its members alone: no split can be stable. A pool proposed by
    the search has a non-empty core: Shapley is in it, the use key leaves members worse off."""
    from simulator.games import allocation_summary

    a = fair_split(A)
    assert a.attrs["core_empty"] is True
    assert a.attrs["grand_cost"] > a.attrs["standalone_total"]
    assert not a["in_core"].any()
    stable = fair_split(Scenario.from_dict(STABLE_POOL))
    assert stable.attrs["core_empty"] is False
    summary = allocation_summary(stable)
    assert summary.loc[["shapley", "nucleolus"], "in_core"].all()
    assert summary.loc["proportional", "members_worse_off"] > 0
