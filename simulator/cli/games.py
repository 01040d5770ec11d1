"""Commands ``allocate`` (who pays what: every split of a pool side by side, core and VAT checks)
and ``partition`` (which candidate ASBLs should pool together), on the cost-sharing games.

The games package is imported inside the commands, so other commands start as fast as before.
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from simulator.cli._app import Format, app, dumps, eur
from simulator.errors import InputError

if TYPE_CHECKING:  # pandas and the games load inside the commands
    import pandas as pd


class AllocateMethod(str, Enum):
    all = "all"
    shapley = "shapley"
    nucleolus = "nucleolus"
    scrb = "scrb"
    proportional = "proportional"
    standalone = "standalone"
    equal = "equal"


class SearchMethod(str, Enum):
    auto = "auto"
    exact = "exact"
    heuristic = "heuristic"


class Near(str, Enum):
    commune = "commune"
    subsector = "subsector"
    none = "none"


class Rule(str, Enum):
    standalone = "standalone"
    equal = "equal"
    shapley = "shapley"


SAME = ("commune", "subsector")
LABELS = {"shapley": "Shapley", "nucleolus": "nucleolus", "scrb": "SCRB",
          "proportional": "scenario key", "standalone": "standalone", "equal": "equal"}


def _list(values: list[str] | None) -> list[str]:
    """Comma-separated and repeated options as one list (``--same commune --same subsector``)."""
    return [v.strip() for value in values or [] for v in value.split(",") if v.strip()]


# --- allocate --------------------------------------------------------------------------------------

@app.command()
def allocate(
    file: Path = typer.Argument(..., help="Scenario YAML file."),
    method: AllocateMethod = typer.Option(AllocateMethod.all, "--method", "-m", help="Split to "
                                          "show; all: every one the pool's size allows."),
    samples: int | None = typer.Option(None, "--samples", min=2, help="Estimate Shapley from this many "
                                       "random orders (needed above 20 members)."),
    seed: int = typer.Option(0, "--seed", "-s", min=0, help="Seed of the sampled Shapley value."),
    fmt: Format = typer.Option(Format.table, "--format", "-f", help="Output format (csv: one row "
                               "per method and member)."),
) -> None:
    """Who pays what: every split side by side, with the core check and VAT.

    Shapley, nucleolus, SCRB, the scenario's own key and equal split: each member's share and
    gain, whether anyone would be better off alone, which group would walk away, and which keys
    keep the VAT cost-sharing exemption (art. 44 §2bis) beyond discussion.
    """
    from simulator.games.scenario_split import fair_split

    methods = None if method is AllocateMethod.all else [method.value]
    report = fair_split(file, methods, samples=samples, seed=seed)
    if fmt is Format.json:
        typer.echo(dumps(_allocation_json(report)))
    elif fmt is Format.csv:
        report.to_csv(sys.stdout, index=False)
    else:
        typer.echo(_allocation_table(report))


def core_verdict(row: Any, players: list[str] | None = None) -> str:
    """The core check of one method in plain words (a row of ``allocation_summary``); a group
    of more than half the ``players`` is named by who it leaves out."""
    import pandas as pd

    if pd.isna(row["in_core"]):
        return "core not checked (more than 20 members: every sub-group cannot be costed)"
    if bool(row["in_core"]):
        return "in the core: no member or group would pay less on its own"
    group = str(row["blocking_coalition"]).split(" + ")
    amount = eur(row["blocking_amount"])
    if players and 2 * len(group) > len(players):
        others = ", ".join(p for p in map(str, players) if p not in group)
        return (f"not in the core: all members but {{{others}}} would pay {amount} less "
                "on their own")
    return f"not in the core: group {{{', '.join(group)}}} would pay {amount} less on its own"


def _allocation_table(report: pd.DataFrame) -> str:
    from simulator.games import allocation_summary

    a = report.attrs
    methods = list(dict.fromkeys(report["method"]))
    first = report[report.method == methods[0]].set_index("member")
    kind = "every coalition costed" if a["exact"] else f"Shapley sampled ({a['samples']} orders)"
    lines = [
        f"{a['scenario']}  ({len(first)} members; {kind})",
        f"  pool cost c(N) {eur(a['grand_cost'])}/yr; members on their own "
        f"{eur(a['standalone_total'])}/yr",
        "",
        f"  {'member':24s} {'standalone':>11s}" + "".join(f" | {LABELS[m]:>22s}" for m in methods),
        f"  {'':24s} {'':>11s}" + "".join(f" | {'pays':>9s} {'gain':>8s} IR " for _ in methods),
    ]
    by_method = {m: report[report.method == m].set_index("member") for m in methods}
    for member, row in first.iterrows():
        cells = ""
        for m in methods:
            r = by_method[m].loc[member]
            cells += f" | {eur(r['pays']):>9s} {eur(r['gain']):>8s} {'ok' if r['individually_rational'] else 'NO'} "
        lines.append(f"  {str(member)[:24]:24s} {eur(row['standalone']):>11s}" + cells)
    lines += ["", "  IR: individually rational (NO = pays more than on its own).", "",
              "  core check and VAT (art. 44 §2bis: each member reimburses exactly its share):"]
    summary = allocation_summary(report)
    if a.get("core_empty") is True:
        lines.append("  the core is empty: whatever the split, some member or group would pay "
                     "less on its own")
    elif a.get("core_empty") is False:
        lines.append("  a stable split exists (the core is not empty; the nucleolus is in it)")
    for m, row in summary.iterrows():
        lines.append(f"  {LABELS[m]:13s} {core_verdict(row, list(first.index))}")
        note = by_method[m]["vat_note"].iloc[0]
        lines.append(f"  {'':13s} VAT: {row['vat_status']} — {note}")
    if "proportional" in methods:
        lines.append(f"  scenario key = {by_method['proportional']['key'].iloc[0]}")
    lines.append(f"  {a['note']}")
    return "\n".join(lines)


def _allocation_json(report: pd.DataFrame) -> dict[str, Any]:
    import pandas as pd

    from simulator.games import allocation_summary

    a = report.attrs
    summary = allocation_summary(report)
    out: dict[str, Any] = {k: a[k] for k in ("scenario", "grand_cost", "standalone_total", "exact",
                                             "samples", "seed", "core_empty", "vat_regime",
                                             "vat_applies", "note")}
    out["methods"] = {}
    for m, row in summary.iterrows():
        rows = report[report.method == m]
        blocking = row["blocking_coalition"]
        out["methods"][m] = {
            "key": row["key"],
            "members_worse_off": int(row["members_worse_off"]),
            "in_core": None if pd.isna(row["in_core"]) else bool(row["in_core"]),
            "blocking_coalition": None if pd.isna(blocking) or not blocking
            else str(blocking).split(" + "),
            "blocking_amount": None if pd.isna(row["in_core"]) or bool(row["in_core"])
            else float(row["blocking_amount"]),
            "core_verdict": core_verdict(row, rows["member"].tolist()),
            "vat_status": row["vat_status"],
            "vat_note": rows["vat_note"].iloc[0],
            "members": rows[["member", "name", "pays", "standalone", "gain", "gain_pct",
                             "individually_rational"]].to_dict(orient="records"),
        }
    return out


# --- partition -------------------------------------------------------------------------------------

@app.command()
def partition(
    orgs: str = typer.Argument(..., help="Organisation table (CSV or .xlsx) or 'sample'."),
    functions: list[str] | None = typer.Option(None, "--functions", help="Functions to pool, "
                                               "comma-separated (default accounting, payroll_hr, "
                                               "it_support, software)."),
    vehicle: str = typer.Option("cost_sharing_association", "--vehicle", help="Legal vehicle of "
                                "every pool."),
    max_size: int | None = typer.Option(6, "--max-size", min=0, help="Largest pool (0: no limit)."),
    same: list[str] | None = typer.Option(None, "--same", help="Pool only within the same "
                                          "commune and/or subsector (comma-separated)."),
    members: str = typer.Option("all", "--members", help="Candidate ids, comma-separated, or all."),
    neighbourhood: Near = typer.Option(Near.none, "--neighbourhood", help="Who may pool with "
                                       "whom: commune (members in the same or bordering "
                                       "communes), subsector (and the same sub-sector) or none; "
                                       "with a rule, 1,000 candidates take about a minute."),
    method: SearchMethod = typer.Option(SearchMethod.auto, "--method", help="auto: exact for "
                                        "groups of at most 16 candidates, heuristic above."),
    allocation: Rule = typer.Option(Rule.standalone, "--allocation", help="Split used to check "
                                    "that every member is better off than alone."),
    min_gain: float = typer.Option(0.0, "--min-gain", help="Euro per year each member must gain."),
    shared_site: bool = typer.Option(False, "--shared-site", help="Each pool moves into one "
                                     "building (needed to pool premises or reception)."),
    fmt: Format = typer.Option(Format.table, "--format", "-f", help="Output format (csv: one row "
                               "per candidate)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
) -> None:
    """Which ASBLs should pool together: pools with the largest total net benefit.

    Every member better off than alone; exact up to 16 candidates per group (dynamic
    programming), heuristic above (greedy merging, local and neighbourhood search), with an
    upper bound on the best total when one can be computed.
    """
    from simulator.cli.progress import ProgressBar
    from simulator.games.candidates import DEFAULT_FUNCTIONS, partition_candidates

    chosen = _list(functions) or list(DEFAULT_FUNCTIONS)
    groups = _list(same)
    bad = [g for g in groups if g not in SAME]
    if bad:
        raise InputError("--same", f"unknown attribute(s) {bad}; choose from {list(SAME)}.")
    ids = None if members.strip().lower() == "all" else _list([members])
    if max_size is not None and max_size < 0:
        raise InputError("--max-size", "must be 0 (no limit) or at least 2.")
    with ProgressBar("partition", "steps", quiet=quiet) as bar:
        result = partition_candidates(
            "sample" if orgs == "sample" else Path(orgs), chosen, vehicle=vehicle,
            max_size=max_size or None, same=groups, allocation=allocation.value, members=ids,
            sites="shared" if shared_site else None, method=method.value, min_gain=min_gain,
            progress=bar, neighbourhood=neighbourhood.value)
    if fmt is Format.json:
        typer.echo(dumps(_partition_json(result, chosen)))
    elif fmt is Format.csv:
        result.members.to_csv(sys.stdout)
    else:
        typer.echo(_partition_table(result, chosen, vehicle, max_size or None, groups,
                                    neighbourhood.value))


def _bound_text(result: Any) -> str:
    if result.upper_bound is None:
        return "no upper bound available (too many possible pools to enumerate)"
    if result.gap is not None and result.gap <= 1e-6 * max(1.0, result.upper_bound):
        return "proven optimal" if result.method == "exact" else \
            f"upper bound {eur(result.upper_bound)}/yr: optimal"
    return (f"upper bound {eur(result.upper_bound)}/yr: at most {eur(result.gap)}/yr "
            f"({100 * result.relative_gap:.1f} %) short of the best")


def _partition_table(result: Any, functions: list[str], vehicle: str, max_size: int | None,
                     same: list[str], neighbourhood: str = "none") -> str:
    members = result.members
    limit = f"pools of at most {max_size}" if max_size else "no size limit"
    grouping = f", same {' and '.join(same)}" if same else ""
    if neighbourhood != "none":
        grouping += ", members in bordering communes" + (" and the same sub-sector"
                                                         if neighbourhood == "subsector" else "")
    lines = [
        f"Proposed pools among {len(members)} candidates ({', '.join(functions)}; {vehicle}; "
        f"{limit}{grouping}; {result.method})",
        f"  total net benefit {eur(result.total_benefit)}/yr — {_bound_text(result)}",
    ]
    if not result.pools:
        lines.append("  no pool pays for itself: every candidate is better off alone.")
    for number, row in result.pool_table.iterrows():
        lines += ["", f"  pool {number}: {row['size']} members, benefit {eur(row['benefit'])}/yr "
                      f"(alone {eur(row['standalone'])} → pooled {eur(row['cost'])})"]
        for member in row["members"]:
            m = members.loc[member]
            lines.append(f"    {str(member)[:24]:24s} {str(m['name'])[:40]:40s} {m['commune']:18s} "
                         f"{m['subsector']:16s} gains {eur(m['gain']):>10s}/yr")
    if result.alone:
        shown = ", ".join(map(str, result.alone[:12])) + (" …" if len(result.alone) > 12 else "")
        lines += ["", f"  alone ({len(result.alone)}): {shown}"]
    lines += [f"  note: {note}" for note in result.notes]
    lines.append("  Gains split the pool's cost in proportion to standalone costs unless "
                 "--allocation says otherwise. A simulation, not legal or tax advice.")
    return "\n".join(lines)


def _partition_json(result: Any, functions: list[str]) -> dict[str, Any]:
    pools = result.pool_table.reset_index()
    pools["members"] = pools["members"].map(list)
    pools["names"] = pools["names"].map(list)
    return {
        "functions": functions,
        "method": result.method,
        "total_benefit": result.total_benefit,
        "upper_bound": result.upper_bound,
        "gap": result.gap,
        "relative_gap": result.relative_gap,
        "pools": pools.to_dict(orient="records"),
        "alone": list(result.alone),
        "members": result.members.reset_index().to_dict(orient="records"),
        "notes": list(result.notes),
    }
