"""The brief's content: hand-checked bookkeeping, provenance, inputs refused with a named field,
and the shared figures (the app and the brief draw the same plotly objects)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest

from simulator import InputError, load_scenario, simulate
from simulator.report import figures
from simulator.report.content import Brief, build_brief

ROOT = Path(__file__).resolve().parents[2]


def small(stem: str = "b_shared_house", **kw):
    return build_brief(ROOT / "scenarios" / f"{stem}.yaml", draws=kw.pop("draws", 500),
                       seed=kw.pop("seed", 3), prepared=date(2026, 11, 30), **kw)


def test_central_percentile_hand_computed():
    """Central NPV 2.5 among draws 1, 2, 3, 4 → 2 of 4 draws at or below it → percentile 50."""
    fake = Brief(scenario=None, result=SimpleNamespace(summary={"npv_eur": 2.5}),
                 mc=SimpleNamespace(npv=np.array([4.0, 1.0, 3.0, 2.0])), tornado=pd.DataFrame(),
                 lang="fr", source="x.yaml", prepared=date(2026, 1, 1), draws=4, seed=0)
    assert fake.central_percentile == 50
    above = Brief(scenario=None, result=SimpleNamespace(summary={"npv_eur": 10.0}),
                  mc=SimpleNamespace(npv=np.array([4.0, 1.0, 3.0, 2.0])), tornado=pd.DataFrame(),
                  lang="fr", source="x.yaml", prepared=date(2026, 1, 1), draws=4, seed=0)
    assert above.central_percentile == 100


def test_member_table_adds_up_on_its_face():
    brief = small()
    m, s = brief.members, brief.summary
    np.testing.assert_allclose(m["standalone_cost_eur"] - m["allocated_cost_eur"] - m["other_eur"],
                               m["gain_eur"], rtol=0, atol=1e-6)
    assert m["standalone_cost_eur"].sum() == pytest.approx(s["baseline_annual_cost_eur"], rel=1e-9)
    assert m["allocated_cost_eur"].sum() == pytest.approx(s["pooled_annual_cost_eur"], rel=1e-9)
    assert m["gain_eur"].sum() == pytest.approx(s["net_annual_result_eur"], rel=1e-9)
    assert brief.losers == m.loc[~m["individually_rational"], "name"].tolist()  # named, in table order
    assert brief.losers  # the example has members worse off than alone


def test_headline_is_the_monte_carlo_of_the_same_seed():
    from simulator import monte_carlo

    brief = small(seed=11, draws=800)
    mc = monte_carlo(load_scenario(ROOT / "scenarios" / "b_shared_house.yaml"), draws=800, seed=11)
    for key in ("npv_p10", "npv_p50", "npv_p90", "saving_p50", "p_npv_positive"):
        assert brief.mc_summary[key] == mc.summary[key]
    again = small(seed=11, draws=800)
    assert again.mc_summary["npv_p50"] == brief.mc_summary["npv_p50"]
    assert brief.manifest["seed"] == 11 and brief.manifest["draws"] == 800


def test_drivers_are_the_three_largest_swings():
    brief = small()
    swings = [abs(d.output_high - d.output_low) for d in brief.drivers]
    assert len(swings) == 3 and swings == sorted(swings, reverse=True)
    assert swings[-1] >= float(brief.tornado["swing"].iloc[3])


def test_changed_assumptions_against_the_catalogue():
    from simulator.catalogue import parameters

    brief = small("a_variant_no_grant")
    (changed,) = brief.changed_assumptions
    p = parameters()["setup.overrun_factor"]
    assert (changed.parameter, changed.value, changed.default, changed.grade) == (
        "setup.overrun_factor", 1.55, p.value, p.grade)
    ranges = small("a_variant_uncertain").changed_assumptions
    assert {c.parameter for c in ranges} == {"scale_exponent.payroll_hr", "setup.overrun_factor",
                                             "exit.hazard"}
    assert all(c.spec is not None and c.value is None for c in ranges)
    assert small("b_shared_house").changed_assumptions == []


def test_command_reproduces_with_the_same_arguments():
    brief = small("d_tiny_commercial_provider", lang="nl", source="scenarios/d tiny.yaml")
    assert brief.command() == ("mutualise brief 'scenarios/d tiny.yaml' --out brief.pdf --lang nl "
                               "--draws 500 --seed 3")


@pytest.mark.parametrize(("kwargs", "field"), [({"lang": "de"}, "lang"), ({"seed": -1}, "seed"),
                                               ({"draws": 0}, "draws")])
def test_bad_input_names_the_field(kwargs, field):
    with pytest.raises(InputError) as err:
        small(**kwargs)
    assert err.value.field == field


def test_app_and_brief_draw_the_same_waterfall():
    """ui.charts (the app) returns exactly the figure the brief prints, values from the engine."""
    from ui import charts

    res = simulate(load_scenario(ROOT / "scenarios" / "a_medical_centres_employer_group.yaml"))
    frame = figures.drawn_waterfall(res.waterfall)
    labels, measures = figures.waterfall_labels(frame, "fr")
    brief_fig = figures.waterfall(frame, labels, measures, "fr")
    app_fig = charts.waterfall(frame, labels, measures)  # outside a session: French
    assert app_fig.to_plotly_json() == brief_fig.to_plotly_json()
    engine = res.waterfall["value_eur"].tolist()
    kept = [v for i, v in enumerate(engine) if i in (0, len(engine) - 1) or v != 0.0]
    assert list(brief_fig.data[0].x) == kept
    assert measures[0] == "absolute" and measures[-1] == "total"
    assert set(measures[1:-1]) == {"relative"}


def test_waterfall_labels_in_each_language():
    frame = pd.DataFrame({"component": ["baseline", "vat", "net_pooled_cost"],
                          "value_eur": [100.0, 21.0, 121.0], "kind": ["total", "vat", "total"]})
    assert figures.waterfall_labels(frame, "nl")[0] == ["Huidige kost", "Btw", "Netto gedeelde kost"]
    assert figures.waterfall_labels(frame, "fr")[0][1] == "TVA"


def test_tornado_bars_run_from_the_central_value_to_each_end():
    frame = pd.DataFrame({"parameter": ["a", "b"], "value_low": [1.0, 2.0], "value_high": [3.0, 4.0],
                          "output_low": [80.0, 95.0], "output_high": [130.0, 104.0],
                          "output_base": [100.0, 100.0], "swing": [50.0, 9.0]})
    fig = figures.tornado(frame, ["A", "B"], "en")
    low, high = fig.data
    assert list(low.y) == ["B", "A"]  # largest swing on top (plotly draws bottom-up)
    assert list(np.asarray(low.base) + np.asarray(low.x)) == [95.0, 80.0]
    assert list(np.asarray(high.base) + np.asarray(high.x)) == [104.0, 130.0]
    assert low.name == "Assumption at its P10"
