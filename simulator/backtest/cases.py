"""Documented pooling cases: read and check a case folder (``case.yaml`` + ``organisations.csv``).

A case is data an analyst writes without code (format in ``docs/BACKTEST.md``)::

    title: …            where: …         period: …       summary: …      approximation: …
    # title may also be {en: …, fr: …, nl: …} (shown in the app's language)
    currency: {code: GBP, eur_per_unit: 1.4624, year: 2005, source: "ECB 2005 average"}
    scenario: {…}       # a scenario (MODEL.md §2.3); organisations: a CSV next to case.yaml
    outcomes:
      - metric: net_saving_share_of_pooled_cost   # one of simulator.backtest.metrics.METRICS
        value: 0.30                               # as reported (money in the case's currency)
        source: "Third Sector, 2006 …"            # required: where the figure comes from
        reliability: self-reported                # audit | evaluation | self-reported | press
        note: …                                   # optional: how it was derived
        year: 2 / function: payroll_hr            # only for metrics that need them

Everything is checked before anything runs: an unknown key or metric, a missing source, a
reliability outside the list → :class:`~simulator.errors.InputError` naming the case file and the
field (``charityshare/case.yaml: outcomes[0].source``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from simulator.backtest.metrics import METRICS
from simulator.catalogue import functions, suggest
from simulator.errors import InputError
from simulator.model import compile_scenario
from simulator.scenario import Scenario

RELIABILITY = ("audit", "evaluation", "self-reported", "press")
CASE_FILE = "case.yaml"
CASE_KEYS = {"title", "where", "period", "summary", "approximation", "currency", "scenario", "outcomes"}
CURRENCY_KEYS = {"code", "eur_per_unit", "year", "source"}
OUTCOME_KEYS = {"metric", "value", "source", "reliability", "note", "year", "function", "currency"}


def bundled_cases_dir() -> Path:
    """The cases shipped with the package (``simulator/data/backtest``)."""
    return Path(str(resources.files("simulator") / "data" / "backtest"))


@dataclass(frozen=True)
class Currency:
    """How the case's money converts to euro: 1 unit of ``code`` = ``eur_per_unit`` € (``year``)."""

    code: str
    eur_per_unit: float
    year: int
    source: str


@dataclass(frozen=True)
class Outcome:
    """One reported outcome of a case. ``value`` as reported; ``value_eur`` converted if money."""

    metric: str
    value: float
    source: str
    reliability: str
    note: str = ""
    year: int | None = None
    function: str | None = None
    value_eur: float | None = None

    @property
    def reported(self) -> float:
        """The value compared with the model: in euro for money metrics, as reported otherwise."""
        return self.value if self.value_eur is None else self.value_eur


@dataclass(frozen=True)
class Case:
    """A documented case: where it comes from, its scenario, what was reported."""

    id: str
    title: str
    titles: dict[str, str]  # language -> title (at least the one in ``title``)
    where: str
    period: str
    summary: str
    approximation: str
    currency: Currency
    scenario: Scenario
    outcomes: tuple[Outcome, ...]
    folder: Path


def load_cases(directory: str | Path | None = None) -> list[Case]:
    """Every case folder under ``directory`` (default: the bundled cases), sorted by id.

    A folder counts as a case when it holds a ``case.yaml``; ``directory`` may also be one case
    folder. Raises InputError when the folder has no case or a case is invalid.
    """
    root = bundled_cases_dir() if directory is None else Path(directory)
    if not root.is_dir():
        raise InputError("cases", f"no such folder: {root}")
    folders = [root] if (root / CASE_FILE).is_file() else sorted(
        p for p in root.iterdir() if (p / CASE_FILE).is_file())
    if not folders:
        raise InputError("cases", f"no case folder (with a {CASE_FILE}) in {root}")
    return [load_case(folder) for folder in folders]


def load_case(folder: str | Path) -> Case:
    """Read and check one case folder."""
    folder = Path(folder)
    where = f"{folder.name}/{CASE_FILE}"
    try:
        data = yaml.safe_load((folder / CASE_FILE).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise _err(where, "(file)", f"cannot read the case file: {str(exc).splitlines()[0]}") from None
    if not isinstance(data, Mapping):
        raise _err(where, "(file)", "a case is a mapping of keys to values")
    _no_unknown(data, CASE_KEYS, "", where)
    for key in ("title", "scenario", "outcomes", "currency"):
        if key not in data:
            raise _err(where, key, "this required key is missing")
    currency = _currency(data["currency"], where)
    scenario = _scenario(data["scenario"], folder, where)
    raw = data["outcomes"]
    if not isinstance(raw, list) or not raw:
        raise _err(where, "outcomes", "expected a non-empty list of reported outcomes")
    outcomes = tuple(_outcome(o, f"outcomes[{k}]", currency, scenario, where) for k, o in enumerate(raw))
    titles = _titles(data["title"], where)
    return Case(id=folder.name, title=titles.get("en", next(iter(titles.values()))), titles=titles,
                where=_text(data, "where", where),
                period=_text(data, "period", where), summary=_text(data, "summary", where),
                approximation=_text(data, "approximation", where), currency=currency,
                scenario=scenario, outcomes=outcomes, folder=folder)


def _err(where: str, field: str, message: str) -> InputError:
    """An input error in the case file ``where`` (``case_id/case.yaml``)."""
    return InputError(field, message, where)


def _no_unknown(data: Mapping[str, Any], known: set[str], prefix: str, where: str) -> None:
    for key in data:
        if key not in known:
            raise _err(where, f"{prefix}{key}", "unknown key" + suggest(str(key), sorted(known)))


def _titles(raw: Any, where: str) -> dict[str, str]:
    """A title, or titles by language code ({en: …, fr: …, nl: …})."""
    if isinstance(raw, Mapping) and raw and all(isinstance(v, str) and v.strip() for v in raw.values()):
        return {str(k): v.strip() for k, v in raw.items()}
    if isinstance(raw, str) and raw.strip():
        return {"en": raw.strip()}
    raise _err(where, "title", "expected a title, or titles by language {en: …, fr: …, nl: …}")


def _text(data: Mapping[str, Any], key: str, where: str) -> str:
    value = data.get(key, "")
    if not isinstance(value, str | int | float):
        raise _err(where, key, "expected a text")
    return str(value).strip()


def _number(value: Any, field: str, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or value != value:
        raise _err(where, f"{field}", f"expected a number, found {value!r}")
    return float(value)


def _currency(raw: Any, where: str) -> Currency:
    if not isinstance(raw, Mapping):
        raise _err(where, "currency", "expected {code, eur_per_unit, year, source}")
    _no_unknown(raw, CURRENCY_KEYS, "currency.", where)
    for key in sorted(CURRENCY_KEYS):
        if raw.get(key) in (None, ""):
            raise _err(where, f"currency.{key}", "this required key is missing "
                             "(a conversion needs its rate, its year and its source)")
    rate = _number(raw["eur_per_unit"], "currency.eur_per_unit", where)
    if rate <= 0:
        raise _err(where, "currency.eur_per_unit", "expected a positive rate (euro per unit)")
    year = raw["year"]
    if isinstance(year, bool) or not isinstance(year, int):
        raise _err(where, "currency.year", f"expected a year such as 2005, found {year!r}")
    return Currency(str(raw["code"]).upper(), rate, year, str(raw["source"]))


def _scenario(raw: Any, folder: Path, where: str) -> Scenario:
    if not isinstance(raw, Mapping):
        raise _err(where, "scenario", "expected a scenario mapping (members, pooling, vehicle…)")
    data = dict(raw)
    org = data.get("organisations", "organisations.csv")
    if org != "sample":
        path = Path(org)
        data["organisations"] = str(path if path.is_absolute() else (folder / path).resolve())
    scenario = Scenario.from_dict(data, source=f"{where} (scenario)")
    try:  # members exist in the table, pooled data present: found when the case is read
        compile_scenario(scenario)
    except InputError as exc:
        for error in getattr(exc, "errors", [exc]):
            error.source = error.source or f"{where} (scenario)"
        raise
    return scenario


def _outcome(raw: Any, field: str, currency: Currency, scenario: Scenario, where: str) -> Outcome:
    if not isinstance(raw, Mapping):
        raise _err(where, f"{field}", "expected a mapping with metric, value, source, reliability")
    _no_unknown(raw, OUTCOME_KEYS, f"{field}.", where)
    metric = raw.get("metric")
    if metric not in METRICS:
        raise _err(where, f"{field}.metric", f"unknown metric {metric!r}; known: "
                         f"{', '.join(METRICS)}" + suggest(str(metric), list(METRICS)))
    spec = METRICS[metric]
    if "value" not in raw:
        raise _err(where, f"{field}.value", "the reported value is missing")
    value = _number(raw["value"], f"{field}.value", where)
    source = raw.get("source")
    if not isinstance(source, str) or not source.strip():
        raise _err(where, f"{field}.source", "each reported outcome needs its source "
                         "(publication, year)")
    reliability = raw.get("reliability")
    if reliability not in RELIABILITY:
        raise _err(where, f"{field}.reliability", f"expected one of {', '.join(RELIABILITY)}, "
                         f"found {reliability!r}")
    year = raw.get("year")
    if spec.needs_year:
        if isinstance(year, bool) or not isinstance(year, int) or not 1 <= year <= scenario.horizon_years:
            raise _err(where, f"{field}.year", f"metric {metric} needs a year between 1 and the "
                             f"horizon ({scenario.horizon_years}), found {year!r}")
    elif year is not None:
        raise _err(where, f"{field}.year", f"metric {metric} takes no year")
    function = raw.get("function")
    if spec.needs_function:
        if function not in functions():
            raise _err(where, f"{field}.function", f"metric {metric} needs a function of the "
                             f"catalogue, found {function!r}" + suggest(str(function), list(functions())))
        if not scenario.pooled_members(function):
            raise _err(where, f"{field}.function", f"{function} is not pooled in the scenario")
    elif function is not None:
        raise _err(where, f"{field}.function", f"metric {metric} takes no function")
    code = raw.get("currency", currency.code)
    if code != currency.code:
        raise _err(where, f"{field}.currency", f"the case converts {currency.code}, not {code!r}")
    value_eur = value * currency.eur_per_unit if spec.unit == "EUR/year" else None
    return Outcome(metric=metric, value=value, source=source.strip(), reliability=reliability,
                   note=str(raw.get("note") or "").strip(), year=year, function=function,
                   value_eur=value_eur)
