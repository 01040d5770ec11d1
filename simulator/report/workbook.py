"""The Excel workbook for people: one scenario's results a director can open, read and forward.

The tidy "data" export (:meth:`SimulationResult.to_excel`, ``mutualise run --excel``) keeps the
engine's machine names for analysts. This workbook is its companion for people:

* headers, sheet names and row labels in the reader's language (``fr``, ``nl``, ``en``, the
  report catalogue :mod:`simulator.report.texts`, shared with the app's tables);
* numbers stay numbers: amounts rounded to the cent and shown as whole euros with an Excel number
  format (``#,##0 "€"``), shares stored as fractions with a percent format (``0.0%``), so a
  reader can sum and chart them; Excel shows them with the reader's own separators;
* a first sheet describing the scenario (members, functions, vehicle, key, horizon), its
  headline (Monte Carlo median NPV with P10–P90 and P(NPV > 0), then the run at central
  assumptions) and its provenance (model version, scenario and parameter hashes, seed, draws,
  date);
* members, functions, waterfall and cash flows, each with a total row where a column adds up
  (the members' ``pays in the pool`` sums to the pooled cost), and the sheet of every assumption:
  value, unit, range, source, evidence grade, changed-from-default flagged and listed first;
* frozen header rows, column widths fitted to the content, text cells neutralised against
  formula injection (:func:`simulator.export.neutralise`).

Every figure is the engine's (``SimulationResult`` and :class:`simulator.headline.Headline`),
rounded for presentation only (to the cent for euros, 10⁻⁶ for shares).
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd

from simulator.export import neutralise
from simulator.results import CASHFLOW_TERMS

#: Excel number formats (locale-neutral codes: Excel shows the reader's separators).
EUR = '#,##0 "€";-#,##0 "€"'
PCT = "0.0%"
#: Assumption values shown in % keep up to three more decimals (0.125 → 12.5%).
PCT_PARAM = "0.0##%"
INT = "0"
NUMBER = "#,##0.######"
#: Column width bounds (characters).
MIN_WIDTH, MAX_WIDTH = 8, 60


def _round_eur(x: Any) -> float | None:
    """An amount rounded to the cent (``None`` for a missing value)."""
    if x is None or (isinstance(x, float) and x != x):
        return None
    return round(float(x), 2)


def _round_share(x: Any) -> float | None:
    if x is None or (isinstance(x, float) and x != x):
        return None
    return round(float(x), 6)


def _round_sig(x: Any, digits: int = 6) -> float | None:
    """A parameter value to ``digits`` significant digits (float noise removed)."""
    if x is None or (isinstance(x, float) and x != x):
        return None
    return float(f"{float(x):.{digits}g}")


#: Shade of the section rows of the Scenario sheet.
SECTION_FILL = "DDE6F0"


class _Sheet:
    """One worksheet: a bold header row, rows of (value, number format), widths, frozen header."""

    def __init__(self, book: Any, title: str, headers: list[str]):
        from openpyxl.styles import Alignment, Font, PatternFill

        self.ws = book.create_sheet(title=_sheet_title(title))
        self.widths = [len(h) for h in headers]
        self.ws.append([neutralise(h) for h in headers])
        for cell in self.ws[1]:
            cell.font = Font(bold=True)
            cell.fill = PatternFill("solid", fgColor="E8EEF4")
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        self.ws.freeze_panes = "B2"

    def row(self, values: list[Any], formats: list[str | None] | None = None, bold: bool = False,
            fill: str | None = None) -> None:
        from openpyxl.styles import Font, PatternFill

        self.ws.append([neutralise(v) for v in values])
        cells = self.ws[self.ws.max_row]
        for i, cell in enumerate(cells):
            fmt = formats[i] if formats and i < len(formats) else None
            if fmt and isinstance(cell.value, int | float):
                cell.number_format = fmt
            if bold:
                cell.font = Font(bold=True)
            if fill:
                cell.fill = PatternFill("solid", fgColor=fill)
            if i < len(self.widths):
                self.widths[i] = max(self.widths[i], _shown_width(cell.value, fmt))

    def section(self, title: str) -> None:
        """A bold, shaded row opening a section of a two-column sheet."""
        self.row([title, None], bold=True, fill=SECTION_FILL)

    def items(self, rows: list[tuple[str, Any, str | None]], label: Any) -> None:
        """One row per ``(message key, value, number format)``: the key's text (``label(key)``, in
        the reader's language) beside the value."""
        for key, value, fmt in rows:
            self.row([label(key), value], [None, fmt])

    def finish(self) -> None:
        from openpyxl.utils import get_column_letter

        for i, width in enumerate(self.widths, start=1):
            self.ws.column_dimensions[get_column_letter(i)].width = min(max(width + 2, MIN_WIDTH), MAX_WIDTH)


def _shown_width(value: Any, fmt: str | None) -> int:
    """About how many characters Excel needs to show ``value`` in format ``fmt``."""
    if value is None:
        return 0
    if isinstance(value, int | float) and fmt == EUR:
        return len(f"{value:,.0f}") + 2  # grouped whole euros and " €"
    if isinstance(value, int | float) and fmt in (PCT, PCT_PARAM):
        return len(f"{100 * value:.1f}") + 1
    return len(str(value))


def _sheet_title(title: str) -> str:
    """A valid sheet name: at most 31 characters, none of ``[]:*?/\\``."""
    for bad in "[]:*?/\\":
        title = title.replace(bad, " ")
    return title[:31]


def _headline_dict(headline: Any) -> dict[str, Any] | None:
    if headline is None:
        return None
    if isinstance(headline, Mapping):
        return dict(headline)
    return headline.as_dict()


def people_workbook(result: Any, headline: Any = None, lang: str = "fr",
                    prepared: date | None = None) -> Any:
    """The workbook for people (an ``openpyxl.Workbook``) of one result.

    Parameters
    ----------
    result
        The engine's :class:`~simulator.results.SimulationResult` (central assumptions).
    headline
        Its Monte Carlo headline (:class:`simulator.headline.Headline` or its ``as_dict()``);
        ``None`` when it was not computed (the scenario sheet says so).
    lang
        ``fr`` (default), ``nl`` or ``en``.
    prepared
        Date written on the scenario sheet (default: today).
    """
    from openpyxl import Workbook

    from simulator.report.content import check_language

    check_language(lang)
    book = Workbook()
    book.remove(book.active)
    _scenario_sheet(book, result, _headline_dict(headline), lang, prepared or date.today())
    _members_sheet(book, result, lang)
    _functions_sheet(book, result, lang)
    _waterfall_sheet(book, result, lang)
    _cashflow_sheet(book, result, lang)
    _assumptions_sheet(book, result, lang)
    return book


def people_workbook_bytes(result: Any, headline: Any = None, lang: str = "fr",
                          prepared: date | None = None) -> bytes:
    """:func:`people_workbook` as the bytes of an ``.xlsx`` file (for a download button)."""
    buffer = io.BytesIO()
    people_workbook(result, headline, lang, prepared).save(buffer)
    return buffer.getvalue()


def write_people_workbook(path: str | Path, result: Any, headline: Any = None, lang: str = "fr",
                          overwrite: bool = False, prepared: date | None = None) -> Path:
    """Write the workbook to ``path`` atomically, never replacing a file unless ``overwrite``."""
    from simulator import export

    data = people_workbook_bytes(result, headline, lang, prepared)  # built before anything is written
    return export.write_files({Path(path): lambda p: p.write_bytes(data)}, overwrite=overwrite)[0]


# --- the sheets ---------------------------------------------------------------------------------

def _scenario_sheet(book: Any, result: Any, head: dict[str, Any] | None, lang: str,
                    prepared: date) -> None:
    from babel.dates import format_date

    from simulator.catalogue import vehicles
    from simulator.examples import description_for, title_for
    from simulator.formatting import locale_for
    from simulator.messages import label as code_label
    from simulator.report.texts import pick as label
    from simulator.report.texts import t

    def tr(key: str, **kw: Any) -> str:
        return t(key, lang=lang, **kw)

    s, manifest, scn = result.summary, result.manifest, result.model.scenario
    sheet = _Sheet(book, tr("workbook.sheet.scenario"), [tr("workbook.col.item"), tr("workbook.col.value")])
    sheet.section(tr("workbook.section.scenario"))
    names = result.members["name"].astype(str).tolist()
    functions = [code_label("function", f, lang) for f in s.get("functions", [])]
    rows: list[tuple[str, Any, str | None]] = [
        ("workbook.row.name", title_for(str(s.get("scenario")), lang), None),
        ("workbook.row.description", description_for(scn.name, scn.description or "", lang).strip() or None, None),
        ("workbook.row.members_count", len(names), INT),
        ("workbook.row.members", ", ".join(names), None),
        ("workbook.row.functions", ", ".join(functions), None),
        ("workbook.row.vehicle", label(vehicles()[s["vehicle"]].label, lang), None),
        ("workbook.row.allocation", tr(f"allocation.{s['allocation']}"), None),
        ("workbook.row.horizon", int(s["horizon_years"]), INT),
    ]
    sheet.items(rows, tr)
    if head is not None:
        sheet.section(tr("workbook.section.headline", draws=f"{int(head['headline_draws']):,}".replace(",", " "),
                      seed=head["headline_seed"]))
        payback = head.get("payback_p50_year")
        sheet.items([
            ("workbook.row.npv_p50", _round_eur(head["npv_p50_eur"]), EUR),
            ("workbook.row.npv_p10", _round_eur(head["npv_p10_eur"]), EUR),
            ("workbook.row.npv_p90", _round_eur(head["npv_p90_eur"]), EUR),
            ("workbook.row.p_npv_positive", _round_share(head["p_npv_positive"]), PCT),
            ("workbook.row.result_p50", _round_eur(head["net_result_p50_eur"]), EUR),
            ("workbook.row.result_p10", _round_eur(head["net_result_p10_eur"]), EUR),
            ("workbook.row.result_p90", _round_eur(head["net_result_p90_eur"]), EUR),
            ("workbook.row.payback_p50", int(payback) if payback is not None else tr("workbook.never"), INT),
        ], tr)
    else:
        sheet.section(tr("workbook.row.no_mc"))
    sheet.section(tr("workbook.section.central"))
    payback = s.get("payback_year")
    central = [
        ("workbook.row.central_npv", _round_eur(s["npv_eur"]), EUR),
        ("workbook.row.central_result", _round_eur(s["net_annual_result_eur"]), EUR),
        ("workbook.row.baseline", _round_eur(s["baseline_annual_cost_eur"]), EUR),
        ("workbook.row.pooled", _round_eur(s["pooled_annual_cost_eur"]), EUR),
        ("workbook.row.net_pooled", _round_eur(s["net_pooled_annual_cost_eur"]), EUR),
        ("workbook.row.setup", _round_eur(s["setup_cost_eur"]), EUR),
        ("workbook.row.payback", int(payback) if payback is not None else tr("workbook.never"), INT),
    ]
    if head is not None:
        central.insert(1, ("workbook.row.central_percentile", round(float(head["central_npv_percentile"])), INT))
    sheet.items(central, tr)
    _buy_vs_rent_rows(sheet, s.get("buy_vs_rent"), (head or {}).get("buy_vs_rent"), tr)
    sheet.section(tr("workbook.section.provenance"))
    sheet.items([
        ("workbook.row.model_version", manifest.get("model_version"), None),
        ("workbook.row.scenario_hash", manifest.get("scenario_hash"), None),
        ("workbook.row.parameter_hash", manifest.get("parameter_hash"), None),
        ("workbook.row.seed", head["headline_seed"] if head else None, INT),
        ("workbook.row.draws", head["headline_draws"] if head else None, "#,##0"),
        ("workbook.row.date", format_date(prepared, format="long", locale=locale_for(lang)), None),
        ("workbook.row.note", tr("common.disclaimer"), None),
    ], tr)
    sheet.finish()
    sheet.ws.column_dimensions["B"].width = MAX_WIDTH + 20
    from openpyxl.styles import Alignment

    for (cell,) in sheet.ws.iter_rows(min_col=2, max_col=2):
        cell.alignment = Alignment(wrap_text=True, vertical="top", horizontal="left")


def _buy_vs_rent_rows(sheet: _Sheet, central: dict[str, float] | None, band: dict[str, float] | None,
                      tr: Any) -> None:
    """A bought site (MODEL.md §8.6): NPV bought and rented at central assumptions, their difference,
    then how sure — P10/P50/P90 of NPV(buy) − NPV(rent) over the headline's draws and the share of
    draws where buying wins. Nothing when every site is rented."""
    if not central:
        return
    sheet.section(tr("workbook.section.buy_vs_rent"))
    rows: list[tuple[str, Any, str]] = [
        ("workbook.row.npv_buy", _round_eur(central["npv_buy_eur"]), EUR),
        ("workbook.row.npv_rent", _round_eur(central["npv_rent_eur"]), EUR),
        ("workbook.row.buy_minus_rent", _round_eur(central["buy_minus_rent_eur"]), EUR),
    ]
    if band:
        rows += [("workbook.row.buy_minus_rent_p10", _round_eur(band["p10_eur"]), EUR),
                 ("workbook.row.buy_minus_rent_p50", _round_eur(band["p50_eur"]), EUR),
                 ("workbook.row.buy_minus_rent_p90", _round_eur(band["p90_eur"]), EUR),
                 ("workbook.row.p_buy_better", _round_share(band["p_buy_better"]), PCT)]
    sheet.items(rows, tr)


def _members_sheet(book: Any, result: Any, lang: str) -> None:
    from simulator.report.texts import t

    m = result.members
    columns = [("members.col.name", "name", None), ("workbook.col.functions_pooled", "functions_pooled", INT),
               ("members.col.standalone", "standalone_cost_eur", EUR),
               ("members.col.allocated", "allocated_cost_eur", EUR),
               ("honest.col.setup", "setup_annualised_eur", EUR), ("honest.col.exit", "exit_risk_eur", EUR),
               *[(key, col, EUR) for key, col in (("honest.col.transition", "staff_transition_eur"),
                                                  ("honest.col.site_purchase", "site_purchase_eur"))
                 if col in m and m[col].abs().max() > 0.005],  # model v2's terms, where a member bears one
               ("honest.col.subsidy", "subsidy_eur", EUR), ("members.col.gain", "gain_eur", EUR),
               ("members.col.gain_pct", "gain_pct", PCT), ("members.col.rational", "individually_rational", None),
               ("members.col.estimated", "estimated", None)]
    sheet = _Sheet(book, t("workbook.sheet.members", lang=lang), [t(k, lang=lang) for k, _, _ in columns])
    formats = [f for _, _, f in columns]
    for _, row in m.iterrows():
        values: list[Any] = []
        for _, col, fmt in columns:
            v = row[col]
            if col == "individually_rational":
                v = t("common.yes", lang=lang) if bool(v) else t("common.no_loses", lang=lang)
            elif col == "estimated":
                v = t("common.estimate", lang=lang) if bool(v) else t("common.declared", lang=lang)
            elif fmt == EUR:
                v = _round_eur(v)
            elif fmt == PCT:
                v = _round_share(v)
            elif fmt == INT:
                v = int(v)
            else:
                v = str(v)
            values.append(v)
        sheet.row(values, formats, fill=None if bool(row["individually_rational"]) else "F8D7DA")
    sums = {c: _round_eur(m[c].sum()) for _, c, f in columns if f == EUR}
    standalone = float(m["standalone_cost_eur"].sum())
    total = [t("workbook.total", lang=lang), None, *[sums[c] for _, c, f in columns if f == EUR],
             _round_share(float(m["gain_eur"].sum()) / standalone) if standalone else None, None, None]
    sheet.row(total, formats, bold=True)
    sheet.row([t("workbook.members.identity", lang=lang)])
    sheet.finish()


def _functions_sheet(book: Any, result: Any, lang: str) -> None:
    from simulator.messages import label as code_label
    from simulator.report.texts import t

    f = result.functions
    heads = ["workbook.col.function", "workbook.col.kind", "workbook.col.members_pooling",
             "workbook.col.function_standalone", "workbook.col.function_pooled"]
    formats = [None, None, INT, EUR, EUR]
    sheet = _Sheet(book, t("workbook.sheet.functions", lang=lang), [t(h, lang=lang) for h in heads])
    for code, row in f.iterrows():
        sheet.row([code_label("function", str(code), lang), code_label("kind", str(row["kind"]), lang),
                   int(row["members_pooling"]), _round_eur(row["standalone_cost_eur"]),
                   _round_eur(row["pooled_cost_eur"])], formats)
    sheet.row([t("workbook.total", lang=lang), None, None, _round_eur(f["standalone_cost_eur"].sum()),
               _round_eur(f["pooled_cost_eur"].sum())], formats, bold=True)
    sheet.finish()


def _waterfall_sheet(book: Any, result: Any, lang: str) -> None:
    """From today's cost to the net pooled cost: start, the non-zero steps, end (they add up)."""
    from simulator.report import figures
    from simulator.report.texts import t

    frame = figures.drawn_waterfall(result.waterfall)
    labels, measures = figures.waterfall_labels(frame, lang)
    sheet = _Sheet(book, t("workbook.sheet.waterfall", lang=lang),
                   [t("workbook.col.component", lang=lang), t("workbook.col.amount", lang=lang)])
    for text, measure, value in zip(labels, measures, frame["value_eur"], strict=True):
        sheet.row([text, _round_eur(value)], [None, EUR], bold=measure != "relative")
    sheet.finish()


def _cashflow_sheet(book: Any, result: Any, lang: str) -> None:
    """One row per year: context (baseline, pooled), the terms that sum to the net flow, the net
    flow, cumulative and discounted. Funding instruments that are zero every year are left out."""
    from simulator.report.texts import t

    flows = result.cashflows
    terms = [c for c in CASHFLOW_TERMS if not (c.startswith("funding_") and not flows[c].abs().gt(0).any())]
    columns = ["baseline_eur", "pooled_eur", *terms, "net_cashflow_eur"]
    heads = [t("workbook.col.year", lang=lang), *[t(f"honest.cf.{c}", lang=lang) for c in columns],
             t("workbook.col.cumulative", lang=lang), t("workbook.col.discounted", lang=lang)]
    sheet = _Sheet(book, t("workbook.sheet.cashflows", lang=lang), heads)
    formats = [INT] + [EUR] * (len(heads) - 1)
    for year, row in flows.iterrows():
        sheet.row([int(year), *[_round_eur(row[c]) for c in columns], _round_eur(row["cumulative_eur"]),
                   _round_eur(row["discounted_eur"])], formats)
    sheet.row([t("workbook.total", lang=lang), *[_round_eur(flows[c].sum()) for c in columns], None,
               _round_eur(flows["discounted_eur"].sum())], formats, bold=True)
    sheet.finish()


def _assumptions_sheet(book: Any, result: Any, lang: str) -> None:
    """Every assumption: the ones this scenario changed (value or own range) first, highlighted."""
    from simulator.catalogue import PERCENT_UNITS, parameters
    from simulator.report.render import parameter_label, source_text, unit_text
    from simulator.report.texts import t

    cat = parameters()
    params = result.model.params
    changed = params.changed
    own_range = set((result.model.scenario.uncertainty or {}).keys())
    heads = ["workbook.col.assumption", "workbook.col.value", "workbook.col.unit", "workbook.col.low",
             "workbook.col.high", "workbook.col.default", "workbook.col.changed", "workbook.col.source",
             "workbook.col.grade", "workbook.col.code"]
    sheet = _Sheet(book, t("workbook.sheet.assumptions", lang=lang), [t(h, lang=lang) for h in heads])
    order = sorted(cat, key=lambda n: (n not in changed and n not in own_range, n))
    for name in order:
        p = cat[name]
        percent = p.unit in PERCENT_UNITS
        fmt = PCT_PARAM if percent else NUMBER
        flags = [t("workbook.changed.value", lang=lang)] if name in changed else []
        if name in own_range:
            flags.append(t("workbook.changed.range", lang=lang))
        sheet.row([parameter_label(name, lang), _round_sig(params[name]), "%" if percent else unit_text(p.unit, lang),
                   _round_sig(p.low), _round_sig(p.high), _round_sig(p.value), "; ".join(flags) or None,
                   source_text(name, p.source, lang), p.grade, name],
                  [None, fmt, None, fmt, fmt, fmt], fill="FFF3CD" if flags else None)
    sheet.finish()


def workbook_frames(path: str | Path) -> dict[str, pd.DataFrame]:
    """Read a people's workbook back (sheet title → frame, first row as header), e.g. in tests."""
    from openpyxl import load_workbook

    book = load_workbook(path, data_only=True)
    out = {}
    for ws in book.worksheets:
        rows = list(ws.iter_rows(values_only=True))
        out[ws.title] = pd.DataFrame(rows[1:], columns=rows[0])
    return out
