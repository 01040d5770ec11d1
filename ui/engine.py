"""The one door from the UI into the engine, cached on the scenario's canonical JSON.

Every number shown by the app comes from :func:`simulator.simulate` through :func:`simulate_dict`.
The cache (``st.cache_data``) is keyed by plain strings — the scenario's canonical JSON and the
hash of the member table — never by objects, so a widget change that yields an equal scenario
costs a dictionary look-up, and a real change costs one engine call (see
``benchmarks/bench_app.py``).

Safety: a scenario opened from a browser (upload, link) may name a member-table *path* in
``organisations:``; the engine is never asked to read it. Only ``sample`` or the table the user
uploaded in this session are used.
"""

from __future__ import annotations

import io
import json
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

from simulator.errors import InputError
from simulator.tabular import MAX_UPLOAD_BYTES
from ui import state
from ui.i18n import t

# Largest accepted upload: MAX_UPLOAD_BYTES (also ``server.maxUploadSize`` in .streamlit/config.toml).


@st.cache_data(show_spinner=False, max_entries=32)
def organisations_from_csv(digest: str, _csv_text: str) -> Any:
    """The member table kept in the session (canonical CSV), parsed once per hash."""
    from simulator.organisations import read_organisations

    return read_organisations(_csv_text, name="members.csv")


def run_organisations(scenario: Any, orgs_key: str, orgs_csv: str | None) -> Any:
    """The member table of a run: the uploaded one, else None for the bundled sample.

    A scenario pointing to a file path is refused: the app never reads paths from a scenario.
    """
    if orgs_csv is not None:
        return organisations_from_csv(orgs_key, orgs_csv)
    if scenario.organisations != state.SAMPLE:
        raise InputError("organisations", t("error.needs_table", name=scenario.organisations))
    return None


@st.cache_data(show_spinner=False, max_entries=8)
def sample_table() -> Any:
    """The bundled sample organisations (read once per server)."""
    from simulator.organisations import sample_organisations

    return sample_organisations()


def active_organisations() -> Any:
    """The member table in use: the uploaded/typed one, else the bundled sample."""
    custom = state.custom_organisations()
    if custom:
        return organisations_from_csv(custom["hash"], custom["csv"])
    return sample_table()


@st.cache_data(show_spinner=False, max_entries=256)
def validate_json(scenario_json: str) -> str:
    """Validate a scenario given as JSON; return its canonical JSON (raises InputError)."""
    from simulator import Scenario

    return Scenario.from_dict(json.loads(scenario_json)).canonical_json()


def canonical(data: dict[str, Any]) -> str:
    """Canonical JSON of a scenario dict, validated by the engine (raises InputError)."""
    return validate_json(json.dumps(data, sort_keys=True, separators=(",", ":"),
                                    ensure_ascii=False, default=str))


@dataclass(frozen=True)
class ResultView:
    """The parts of a :class:`simulator.SimulationResult` the pages draw (plain, picklable).

    ``st.cache_data`` stores results by pickling them; the engine's result object holds the
    compiled model, so the cache keeps these read-only copies of the engine's own outputs.
    """

    summary: dict[str, Any]
    cashflows: pd.DataFrame
    members: pd.DataFrame
    waterfall: pd.DataFrame
    vat: dict[str, Any]
    warnings: list[str]
    manifest: dict[str, Any]
    scenario_json: str
    organisations_key: str
    #: The Monte Carlo headline (:meth:`simulator.headline.Headline.as_dict`), None when the
    #: Monte Carlo could not run (``headline_error`` says why).
    headline: dict[str, Any] | None = None
    headline_error: str | None = None


def _engine_result(scenario_json: str, orgs_key: str, orgs_csv: str | None) -> Any:
    """Call the engine (no cache): validate, pick the member table, simulate."""
    from simulator import Scenario, simulate

    scenario = Scenario.from_dict(json.loads(scenario_json))
    organisations = None
    if orgs_csv is not None:
        organisations = organisations_from_csv(orgs_key, orgs_csv)
    elif scenario.organisations != state.SAMPLE:
        raise InputError("organisations", t("error.needs_table", name=scenario.organisations))
    return simulate(scenario, organisations=organisations)


@st.cache_data(show_spinner=False, max_entries=128)
def _simulate_cached(scenario_json: str, orgs_key: str, _orgs_csv: str | None) -> ResultView:
    """One engine call per (scenario, member table), the central run and its seeded Monte Carlo
    headline (see ``benchmarks/bench_app.py`` for what the headline adds); the result is cached."""
    from simulator.headline import headline

    result = _engine_result(scenario_json, orgs_key, _orgs_csv)
    try:  # the Monte Carlo headline on the same compiled model (simulator.headline defaults)
        head, error = headline(result.model).as_dict(), None
    except InputError as exc:
        head, error = None, str(exc)
    return ResultView(
        summary=dict(result.summary),
        cashflows=result.cashflows,
        members=result.members,
        waterfall=result.waterfall,
        vat=dict(result.vat),
        warnings=list(result.warnings),
        manifest=dict(result.manifest),
        scenario_json=scenario_json,
        organisations_key=orgs_key,
        headline=head,
        headline_error=error,
    )


def _table_for(data: dict[str, Any]) -> tuple[str, str | None]:
    """(cache key, CSV text or None) of the member table a scenario dict runs on."""
    custom = state.custom_organisations()
    if custom is not None and data.get("organisations") != state.SAMPLE:
        return custom["hash"], custom["csv"]
    return state.SAMPLE, None


def simulate_dict(data: dict[str, Any]) -> ResultView:
    """Simulate a scenario dict with the session's member table, with its Monte Carlo headline
    (one cached call)."""
    orgs_key, orgs_csv = _table_for(data)
    return _simulate_cached(canonical(data), orgs_key, orgs_csv)


def current_result() -> Any:
    """The result of the scenario being edited."""
    return simulate_dict(state.scenario_dict())


def scenario_yaml(data: dict[str, Any]) -> str:
    """The scenario as YAML, exactly as the engine writes it."""
    from simulator import Scenario

    return Scenario.from_dict(data).to_yaml()


def read_scenario_upload(raw: bytes, name: str) -> dict[str, Any]:
    """Parse an uploaded YAML scenario (safe loader, size-capped) into a validated dict."""
    from simulator import Scenario

    if len(raw) > MAX_UPLOAD_BYTES:
        raise InputError(name, t("error.too_large", mb=MAX_UPLOAD_BYTES // (1024 * 1024)))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(name, t("error.not_utf8")) from None
    return Scenario.from_yaml(text, source=name).to_dict()


def read_table_upload(raw: bytes | Any, name: str) -> Any:
    """Parse an uploaded member table (CSV, Belgian CSV or .xlsx) or an edited DataFrame."""
    from simulator.organisations import read_organisations

    if isinstance(raw, bytes) and len(raw) > MAX_UPLOAD_BYTES:
        raise InputError(name, t("error.too_large", mb=MAX_UPLOAD_BYTES // (1024 * 1024)))
    return read_organisations(raw, name=name)


def _orgs_csv_for(view: ResultView) -> str | None:
    custom = state.custom_organisations()
    if view.organisations_key != state.SAMPLE and custom is not None:
        return custom["csv"]
    return None


def results_excel(view: ResultView) -> Callable[[], bytes]:
    """A download callback: the engine's Excel export of this result (built on click)."""
    orgs_csv = _orgs_csv_for(view)

    def build() -> bytes:
        result = _engine_result(view.scenario_json, view.organisations_key, orgs_csv)
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "results.xlsx"
            result.to_excel(path)
            return path.read_bytes()

    return build


def results_workbook(view: ResultView, lang: str) -> Callable[[], bytes]:
    """A download callback: the workbook for people (:mod:`simulator.report.workbook`) of this
    result in ``lang``, with the headline shown on screen (built on click)."""
    orgs_csv = _orgs_csv_for(view)
    head = view.headline

    def build() -> bytes:
        from simulator.report.workbook import people_workbook_bytes

        result = _engine_result(view.scenario_json, view.organisations_key, orgs_csv)
        return people_workbook_bytes(result, head, lang)

    return build


def results_csv_zip(view: ResultView) -> Callable[[], bytes]:
    """A download callback: the engine's CSV tables of this result in one zip (built on click)."""
    orgs_csv = _orgs_csv_for(view)

    def build() -> bytes:
        result = _engine_result(view.scenario_json, view.organisations_key, orgs_csv)
        buffer = io.BytesIO()
        with tempfile.TemporaryDirectory() as tmp:
            result.to_csv(tmp)
            with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
                for path in sorted(Path(tmp).rglob("*.csv")):
                    archive.write(path, path.relative_to(tmp).as_posix())
        return buffer.getvalue()

    return build


#: Draws per case on the Method page's back-test (the CLI and the benchmark default to 10,000;
#: the coverage count is the same at 4,000 — see docs/CALIBRATION.md).
EVIDENCE_DRAWS = 4_000


@st.cache_data(show_spinner=False, max_entries=2)
def backtest_evidence(draws: int = EVIDENCE_DRAWS, seed: int = 2024) -> dict[str, Any]:
    """The back-test of the bundled documented cases (summary + records), once per server."""
    from simulator.backtest import backtest

    return backtest(None, draws, seed).to_dict()

# --- the funder's comparison across a population (Funding page) ----------------------------------

FUNDING_DIR = state.SCENARIO_DIR / "funding"


@dataclass(frozen=True)
class FundingView:
    """What the Funding page draws (plain frames, cheap to cache)."""

    records: list[dict[str, Any]]
    pools: pd.DataFrame
    by_commune: pd.DataFrame
    by_subsector: pd.DataFrame
    labels: dict[str, str]
    organisations: int
    candidates: int


@st.cache_data(show_spinner=False, max_entries=8)
def compare_funding(options_yaml: str, options_name: str, population_key: str, _population_csv: str | None,
                    size: int, seed: int, draws: int) -> FundingView:
    """One engine call per (options text, population, draws, seed): :func:`simulator.sector.compare_funding`.

    The population is generated (``population_key == "generated"``, ``size`` ASBLs) or the
    session's member table (its CSV text, keyed by its hash).
    """
    from simulator import safe_yaml
    from simulator.sector import FundingOptions, compare_funding, generate_population

    data = safe_yaml.load(options_yaml, options_name)  # bounded: aliases, depth, size
    options = FundingOptions.from_dict(data, options_name)
    if population_key == "generated":
        population = generate_population(size, seed)
    elif _population_csv is not None:
        population = organisations_from_csv(population_key, _population_csv)
    else:
        population = sample_table()
    result = compare_funding(options, population, draws=draws, seed=seed)
    return FundingView(records=result.records, pools=result.pools, by_commune=result.by_group("commune"),
                       by_subsector=result.by_group("subsector"),
                       labels={o.id: o.label or o.id for o in options.options},
                       organisations=len(result.population), candidates=result.candidates)

def sector_brief_download(view: FundingView, settings: dict[str, Any], lang: str, fmt: str) -> Callable[[], bytes]:
    """A download callback: the funder's brief of the comparison on screen, PDF or HTML.

    Built on click from the page's own (cached) comparison, so the note prints exactly the
    figures shown; the options text is validated again (cheap) for the study's settings, and the
    population's origin (generated: size and seed; a member table: its name and hash) goes into
    the study hash and the reproduce command.
    """
    def build() -> bytes:
        from simulator import safe_yaml
        from simulator.report import brief_bytes, sector_brief
        from simulator.report.sector import PopulationOrigin
        from simulator.sector import FundingOptions

        options = FundingOptions.from_dict(safe_yaml.load(settings["text"], settings["name"]), settings["name"])
        if settings["population"] == "generated":
            origin = PopulationOrigin("generated", int(settings["size"]), seed=int(settings["seed"]))
        else:
            custom = state.custom_organisations()
            origin = (PopulationOrigin("table", view.organisations, name=custom["name"], digest=custom["hash"])
                      if custom else PopulationOrigin("table", view.organisations,
                                                      name="simulator/data/sample_organisations.csv"))
        uploaded = settings["file"] not in {p.stem for p in FUNDING_DIR.glob("*.yaml")}
        source = settings["name"] if uploaded else f"scenarios/funding/{settings['name']}"
        note = sector_brief(options, view.records, organisations=view.organisations, candidates=view.candidates,
                            origin=origin, draws=int(settings["draws"]), seed=int(settings["seed"]), lang=lang,
                            source=source)
        return brief_bytes(note, fmt)

    return build


def brief_download(view: ResultView, lang: str, fmt: str, source: str) -> Callable[[], bytes]:
    """A download callback: the board brief of this result, PDF or HTML (built on click).

    Same engine calls as ``mutualise brief`` (central run, Monte Carlo at the default draws and
    seed, tornado), on the session's member table.
    """
    orgs_csv = _orgs_csv_for(view)

    def build() -> bytes:
        from simulator import Scenario
        from simulator.report import brief_bytes, build_brief

        scenario = Scenario.from_dict(json.loads(view.scenario_json))
        organisations = run_organisations(scenario, view.organisations_key, orgs_csv)
        note = build_brief(scenario, lang=lang, organisations=organisations, source=source)
        return brief_bytes(note, fmt)

    return build
