"""What a board brief says: every number of the note, computed once from the engine.

:func:`build_brief` runs the three engine calls a brief needs and keeps their outputs untouched:

* ``simulate(scenario)`` — the run at the catalogue's most likely values ("central
  assumptions"): waterfall, member split, cash flows, VAT verdict;
* ``monte_carlo(scenario, draws, seed)`` — the headline: median NPV and median net annual
  saving with their P10–P90 band, P(NPV > 0), and where the central run falls among the draws;
* ``sensitivity(scenario)`` (tornado, P10 ↔ P90 one at a time) — the assumptions that drive the
  result.

The only arithmetic done here is bookkeeping a reader can redo on the page: the percentile of
the central NPV among the draws, ``100 · #{draws with NPV ≤ central NPV} / draws``, and, per
member, the residual ``standalone − pays − gain`` (its yearly share of set-up and exit risk net
of funding) so that the member table adds up on its face.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from simulator.errors import InputError
from simulator.organisations import Organisations
from simulator.scenario import Scenario

#: Languages a brief can be written in (the app's interface languages).
LANGUAGES = ("fr", "nl", "en")
#: Default Monte Carlo draws and seed of a brief (printed at its foot, so it can be replayed).
DEFAULT_DRAWS = 10_000
DEFAULT_SEED = 1
#: How many of the largest tornado swings the brief names.
DRIVERS = 3


@dataclass(frozen=True)
class Driver:
    """One assumption of the tornado: its P10 / P90 values and the NPV at each."""

    parameter: str
    unit: str
    value_low: float
    value_high: float
    output_low: float
    output_high: float


@dataclass(frozen=True)
class ChangedAssumption:
    """A parameter the scenario sets (value) or gives its own range (spec), against the default."""

    parameter: str
    unit: str
    default: float
    grade: str
    source: str
    value: float | None = None
    spec: dict[str, Any] | None = None


@dataclass(frozen=True, eq=False)
class Brief:
    """The content of one board brief: the engine's outputs plus provenance.

    Attributes
    ----------
    scenario, result, mc, tornado
        The scenario and the engine's untouched outputs (``SimulationResult``,
        ``ScenarioMonteCarlo``, tornado frame, largest swing first; empty when nothing varies).
    lang
        Language of the note (``fr``, ``nl`` or ``en``).
    source
        How the scenario file is named in the command printed at the foot.
    prepared
        The date printed on the note.
    """

    scenario: Scenario
    result: Any
    mc: Any
    tornado: pd.DataFrame
    lang: str
    source: str
    prepared: date
    draws: int
    seed: int
    warnings: list[str] = field(default_factory=list)

    # --- headline ------------------------------------------------------------------------------
    @property
    def summary(self) -> dict[str, Any]:
        """The central run's summary (``simulate(scenario).summary``)."""
        return self.result.summary

    @property
    def mc_summary(self) -> dict[str, Any]:
        """The Monte Carlo summary (``monte_carlo(scenario, draws, seed).summary``)."""
        return self.mc.summary

    @cached_property
    def central_percentile(self) -> int:
        """Percentile (0–100) at which the central run's NPV falls among the draws' NPVs."""
        npv = np.asarray(self.mc.npv, dtype=float)
        return round(100.0 * float(np.mean(npv <= float(self.summary["npv_eur"]))))

    # --- members ---------------------------------------------------------------------------------
    @cached_property
    def members(self) -> pd.DataFrame:
        """Per member: name, standalone, pays, other (set-up, exit risk, funding), gain, P(gain).

        ``other_eur = standalone_cost_eur − allocated_cost_eur − gain_eur`` — the member's yearly
        share of annualised set-up and exit risk net of funding — so each row reads
        standalone − pays − other = gain.
        """
        frame = self.result.members
        probs = self.mc.member_probabilities.set_index("id")["p_better_off"]
        out = pd.DataFrame({
            "name": frame["name"].astype(str),
            "standalone_cost_eur": frame["standalone_cost_eur"].astype(float),
            "allocated_cost_eur": frame["allocated_cost_eur"].astype(float),
            "other_eur": (frame["standalone_cost_eur"] - frame["allocated_cost_eur"]
                          - frame["gain_eur"]).astype(float),
            "gain_eur": frame["gain_eur"].astype(float),
            "gain_pct": frame["gain_pct"].astype(float),
            "p_better_off": [float(probs.get(m, np.nan)) for m in frame.index],
            "individually_rational": frame["individually_rational"].astype(bool),
        }, index=frame.index)
        return out

    @property
    def losers(self) -> list[str]:
        """Names of members that would pay more than alone under the scenario's key."""
        m = self.members
        return m.loc[~m["individually_rational"], "name"].tolist()

    @cached_property
    def pooled_functions(self) -> list[tuple[str, int]]:
        """(function id, number of members pooling it), in the model's order."""
        model = self.result.model
        counts = np.asarray(model.mask).reshape(-1, len(model.function_ids)).sum(axis=0)
        return [(f, int(c)) for f, c in zip(model.function_ids, counts, strict=True) if c > 0]

    # --- drivers and assumptions -----------------------------------------------------------------
    @cached_property
    def drivers(self) -> list[Driver]:
        """The :data:`DRIVERS` largest tornado swings."""
        rows = self.tornado.head(DRIVERS)
        return [Driver(r.parameter, str(r.unit), float(r.value_low), float(r.value_high),
                       float(r.output_low), float(r.output_high)) for r in rows.itertuples()]

    @cached_property
    def changed_assumptions(self) -> list[ChangedAssumption]:
        """Parameters whose value differs from the catalogue's, then the scenario's own ranges."""
        from simulator.catalogue import parameters

        cat = parameters()
        out = [ChangedAssumption(name, cat[name].unit, cat[name].value, cat[name].grade,
                                 cat[name].source, value=float(value))
               for name, value in sorted(self.result.model.params.changed.items())]
        for name, spec in sorted((self.scenario.uncertainty or {}).items()):
            p = cat[name]
            out.append(ChangedAssumption(name, p.unit, p.value, p.grade, p.source,
                                         spec=dict(spec)))
        return out

    @property
    def manifest(self) -> dict[str, Any]:
        """Model version, scenario and parameter hashes, seed and draws (from the Monte Carlo run)."""
        return dict(self.mc.manifest)

    def command(self, suffix: str = "pdf") -> str:
        """The one command that reproduces this brief."""
        return (f"mutualise brief {shlex.quote(self.source)} --out brief.{suffix} --lang {self.lang}"
                f" --draws {self.draws} --seed {self.seed}")


def check_language(lang: str) -> str:
    """``lang`` if it is a brief language, else an InputError naming the field."""
    if lang not in LANGUAGES:
        raise InputError("lang", f"expected one of {', '.join(LANGUAGES)}, got {lang!r}")
    return lang


def build_brief(scenario: Scenario | str | Path, *, lang: str = "fr", draws: int = DEFAULT_DRAWS,
                seed: int = DEFAULT_SEED, organisations: Organisations | None = None,
                source: str | None = None, prepared: date | None = None) -> Brief:
    """Run the engine for a brief: central run, Monte Carlo and tornado of ``scenario``.

    Parameters
    ----------
    scenario
        A Scenario or the path of a scenario file.
    lang
        ``fr`` (default), ``nl`` or ``en``.
    draws, seed
        Monte Carlo draws and seed (defaults :data:`DEFAULT_DRAWS`, :data:`DEFAULT_SEED`); the
        same seed gives the same note.
    organisations
        A member table overriding the scenario's (the app's uploaded table).
    source
        The scenario file as named in the reproduce command (default: the path given).
    prepared
        Date printed on the note (default: today).
    """
    from simulator.api import load_scenario, simulate
    from simulator.uncertainty.model_mc import monte_carlo
    from simulator.uncertainty.model_sensitivity import sensitivity

    check_language(lang)
    if isinstance(seed, bool) or not isinstance(seed, int | np.integer) or seed < 0:
        raise InputError("seed", f"expected a whole number ≥ 0, got {seed!r}")
    if source is None:
        source = str(scenario) if isinstance(scenario, str | Path) else "scenario.yaml"
    scn = scenario if isinstance(scenario, Scenario) else load_scenario(scenario)
    result = simulate(scn, organisations=organisations)
    mc = monte_carlo(scn, draws=draws, seed=int(seed), organisations=organisations)
    try:
        tornado = sensitivity(scn, organisations=organisations)
    except InputError:  # nothing uncertain: no tornado, the note says so
        tornado = pd.DataFrame(columns=["parameter", "unit", "value_low", "value_high",
                                        "output_low", "output_high", "output_base", "swing"])
    return Brief(scenario=scn, result=result, mc=mc, tornado=tornado, lang=lang, source=source,
                 prepared=prepared or date.today(), draws=int(mc.draws), seed=int(mc.seed),
                 warnings=list(result.warnings))
