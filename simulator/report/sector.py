"""What the funder's brief says: every figure of a sector funding study, from the engine.

A sector funding study is an options file (``scenarios/funding/*.yaml``, docs/FUNDING.md) run on
a population of ASBLs by :func:`simulator.sector.compare_funding`. :class:`SectorBrief` keeps the
comparison's per-option records untouched (central values and P10/P50/P90 over the draws) and
adds only bookkeeping a reader can redo on the page:

* **frontline FTE per public 100 k€** = ``100 000 ÷ public_eur_per_additional_frontline_fte``
  = additional frontline FTE freed × 100 000 ÷ annualised public cost (€ per year): how much
  frontline capacity each 100 000 € of public money a year buys beyond what forms without
  funding — the funder's question;
* **participation** = members pooled ÷ organisations in the population;
* the **benchmark**: 100 000 ÷ the loaded cost of a frontline worker — the FTE the same money
  buys paid to frontline staff directly (a pure transfer to pools that form anyway buys just
  that);
* the **leading option**: the largest FTE per public 100 k€ (options that free no additional
  capacity, or cost nothing, have none), with its caveats read off the same records: deadweight
  share (public cost given to pools that would form anyway ÷ public cost), additional pools,
  the P10 of its additional FTE, whether its budget cap binds.

The study hash (:func:`study_hash`) digests the options as validated, the population's origin,
the draws and the seed, so two notes with the same hash come from the same study.
"""

from __future__ import annotations

import hashlib
import json
import shlex
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from simulator.errors import InputError
from simulator.messages import msg
from simulator.report.content import check_language

#: Default draws of a sector brief (the ``funding`` command's) and seed (the pool brief's).
DEFAULT_DRAWS = 200
DEFAULT_SEED = 1
#: Size of the generated population when none is given (the ``funding`` command's).
DEFAULT_SIZE = 1000
#: Public money the capacity is counted against: frontline FTE per this many € a year.
PER_PUBLIC_EUR = 100_000.0
#: A budget counts as binding when this share of its cap is used.
BINDING_SHARE = 0.99


@dataclass(frozen=True)
class PopulationOrigin:
    """Where the study's organisations come from: a generated population (``size``, ``seed``) or a
    table (``name``, with the SHA-256 ``digest`` of its content)."""

    kind: str  # "generated" | "table"
    size: int
    seed: int | None = None
    name: str = ""
    digest: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "size": self.size, "seed": self.seed, "name": self.name,
                "digest": self.digest}

    def arguments(self) -> str:
        """The command-line arguments that rebuild this population."""
        if self.kind == "generated":
            return f"--generate {self.size}"
        return f"--population {shlex.quote(self.name or 'organisations.csv')}"


def study_hash(options: Any, origin: PopulationOrigin, draws: int, seed: int) -> str:
    """First 16 hex digits of SHA-256 over the validated options, the population's origin, the
    draws and the seed (canonical JSON, sorted keys)."""
    payload = {"options": options.model_dump(mode="json"), "population": origin.as_dict(),
               "draws": int(draws), "seed": int(seed)}
    text = json.dumps(payload, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, eq=False)
class SectorBrief:
    """The content of one funder's brief.

    Attributes
    ----------
    options
        The validated study (:class:`simulator.sector.FundingOptions`, ``no_funding`` first).
    records
        :attr:`simulator.sector.SectorComparison.records`, one per option, untouched.
    organisations, candidates
        Population size and candidate pools formed by rule.
    origin
        Where the population comes from (printed, and part of the reproduce command).
    draws, seed
        Parameter draws of the comparison (0: central values only) and its seed.
    """

    options: Any
    records: list[dict[str, Any]]
    organisations: int
    candidates: int
    origin: PopulationOrigin
    draws: int
    seed: int
    lang: str
    source: str
    prepared: date
    model_version: str
    hash: str

    # --- per option ------------------------------------------------------------------------------
    @staticmethod
    def fte_per_public_100k(record: dict[str, Any]) -> float | None:
        """Additional frontline FTE per 100 000 € of public money a year (None: no public cost or
        no additional capacity)."""
        per_fte = record.get("public_eur_per_additional_frontline_fte")
        return PER_PUBLIC_EUR / float(per_fte) if per_fte else None

    def participation(self, record: dict[str, Any]) -> float:
        """Share of the population's organisations that pool under the option."""
        return float(record["members_pooled"]) / self.organisations if self.organisations else 0.0

    @property
    def has_draws(self) -> bool:
        """Whether the study has P10/P90 bands (draws > 0)."""
        return self.draws > 0 and "frontline_fte_freed_p10" in self.records[0]

    @property
    def funded(self) -> list[dict[str, Any]]:
        """The records of the options that fund something (every option but the counterfactual)."""
        return self.records[1:]

    def ranking(self) -> list[dict[str, Any]]:
        """Options with an FTE per public 100 k€, best first (ties kept in the study's order)."""
        scored = [r for r in self.funded if self.fte_per_public_100k(r) is not None]
        return sorted(scored, key=lambda r: -float(self.fte_per_public_100k(r) or 0.0))

    @property
    def leading(self) -> dict[str, Any] | None:
        """The option that frees the most frontline capacity per public euro (None when none
        frees any beyond no funding)."""
        ranked = self.ranking()
        return ranked[0] if ranked else None

    @property
    def frontline_cost(self) -> float:
        """Loaded annual cost of a frontline worker (catalogue ``frontline.loaded_cost``, €/year)."""
        from simulator.catalogue import parameters

        return float(parameters()["frontline.loaded_cost"].value)

    @property
    def direct_fte_per_public_100k(self) -> float:
        """The benchmark: frontline FTE that 100 000 € a year buys when paid to frontline staff
        directly (100 000 ÷ loaded cost of a frontline worker). Funding that only transfers
        money to pools that form anyway buys exactly this; an option beats it only through the
        pools it makes viable or keeps together."""
        return PER_PUBLIC_EUR / self.frontline_cost

    def deadweight_share(self, record: dict[str, Any]) -> float | None:
        """Public cost given to pools that would form anyway ÷ public cost (None: no public cost)."""
        public = float(record["public_cost_npv_eur"])
        return float(record["deadweight_eur"]) / public if public > 0 else None

    @staticmethod
    def budget_binds(record: dict[str, Any]) -> bool:
        """Whether the option used (nearly) all its budget cap: more pools might have applied."""
        cap = record.get("budget_cap_eur")
        return cap is not None and cap > 0 and float(record["budget_used_eur"]) >= BINDING_SHARE * float(cap)

    def command(self, suffix: str = "pdf") -> str:
        """The one command that reproduces this brief."""
        return (f"mutualise brief {shlex.quote(self.source)} --out brief.{suffix} --lang {self.lang}"
                f" --draws {self.draws} --seed {self.seed} {self.origin.arguments()}")


def sector_brief(options: Any, records: list[dict[str, Any]], *, organisations: int, candidates: int,
                 origin: PopulationOrigin, draws: int, seed: int, lang: str = "fr",
                 source: str = "funding_options.yaml", prepared: date | None = None) -> SectorBrief:
    """A funder's brief from a comparison already run (the app's Funding page reuses its own)."""
    from simulator.version import MODEL_VERSION

    check_language(lang)
    if not records or records[0].get("option") != "no_funding":
        raise InputError("records", msg("brief.sector.records", "expected the sector comparison's records, "
                                        "no_funding first"))
    return SectorBrief(options=options, records=list(records), organisations=int(organisations),
                       candidates=int(candidates), origin=origin, draws=int(draws), seed=int(seed), lang=lang,
                       source=source, prepared=prepared or date.today(), model_version=MODEL_VERSION,
                       hash=study_hash(options, origin, draws, seed))


def build_sector_brief(study: str | Path, *, lang: str = "fr", draws: int = DEFAULT_DRAWS,
                       seed: int = DEFAULT_SEED, generate: int | None = None, population: str | Path | None = None,
                       source: str | None = None, prepared: date | None = None) -> SectorBrief:
    """Run a sector funding study for a brief: the options file on a population.

    Parameters
    ----------
    study
        The funding options file (``scenarios/funding/funding_options.yaml``).
    draws, seed
        Parameter draws (0 = central values only) and seed; the seed also seeds a generated
        population, as in ``mutualise funding``.
    generate, population
        A synthetic population of ``generate`` ASBLs (default :data:`DEFAULT_SIZE`) or an
        organisation table (CSV/.xlsx) — not both.
    """
    from simulator.sector import compare_funding, generate_population, load_funding_options, read_population

    check_language(lang)
    if population is not None and generate is not None:
        raise InputError("--population", msg("brief.sector.both_populations",
                                             "give either --population FILE or --generate N, not both"))
    options = load_funding_options(study)
    if population is not None:
        path = Path(population)
        if not path.is_file():
            raise InputError("--population", msg("brief.sector.no_population", "no organisation file '{name}'",
                                                 name=str(path)))
        pop = read_population(path)
        origin = PopulationOrigin("table", len(pop), name=str(population),
                                  digest=hashlib.sha256(path.read_bytes()).hexdigest()[:16])
    else:
        size = DEFAULT_SIZE if generate is None else int(generate)
        pop = generate_population(size, seed)
        origin = PopulationOrigin("generated", size, seed=int(seed))
    result = compare_funding(options, pop, draws=draws, seed=seed)
    return sector_brief(options, result.records, organisations=len(result.population), candidates=result.candidates,
                        origin=origin, draws=draws, seed=seed, lang=lang,
                        source=str(study) if source is None else source, prepared=prepared)


def is_funding_study(path: str | Path) -> bool:
    """Whether a YAML file is a sector funding study (a mapping with ``options:``) rather than a
    pool scenario. Unreadable files are left to the scenario reader, which names the problem."""
    from simulator import safe_yaml

    try:
        data = safe_yaml.load(Path(path).read_text(encoding="utf-8"), Path(path).name)
    except (OSError, UnicodeDecodeError, InputError):
        return False
    return isinstance(data, dict) and "options" in data and "members" not in data
