"""The Excel workbook for people: translated headers, Excel number formats, frozen headers, sheets
that add up, and every figure equal to the engine's (opened with openpyxl, as a reader's Excel would)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from simulator import load_scenario, simulate
from simulator.catalogue import parameters
from simulator.cli import main
from simulator.headline import headline
from simulator.report.workbook import EUR, PCT, PCT_PARAM, people_workbook, write_people_workbook
from ui.i18n import t

SCENARIOS = Path(__file__).resolve().parents[1] / "scenarios"
CENT = 0.005


@pytest.fixture(scope="module")
def run():
    scn = load_scenario(SCENARIOS / "a_variant_uncertain.yaml")
    result = simulate(scn)
    return result, headline(result.model, draws=300, seed=7)


@pytest.fixture(scope="module")
def books(run, tmp_path_factory):
    """The workbook in each language, written to disk and opened again with openpyxl."""
    result, head = run
    folder = tmp_path_factory.mktemp("books")
    out = {}
    for lang in ("fr", "nl", "en"):
        path = write_people_workbook(folder / f"{lang}.xlsx", result, head, lang, prepared=date(2026, 11, 29))
        out[lang] = load_workbook(path)
    return out


def sheet(book, lang, key):
    return book[t(f"workbook.sheet.{key}", lang=lang)[:31]]


def header(ws) -> list[str]:
    return [c.value for c in ws[1]]


def rows(ws) -> list[dict]:
    """Data rows under the header, as {header: cell}."""
    head = header(ws)
    return [dict(zip(head, r, strict=False)) for r in ws.iter_rows(min_row=2)]


def column(ws, title) -> list:
    """Numeric cells of one column (the total row excluded)."""
    return [r[title] for r in rows(ws) if isinstance(r[title].value, int | float)
            and r[header(ws)[0]].value != t("workbook.total", lang=_lang(ws))]


def _lang(ws) -> str:
    for lang in ("fr", "nl", "en"):
        if ws.parent.sheetnames[1] == t("workbook.sheet.members", lang=lang):
            return lang
    raise AssertionError("unknown language")


@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_sheets_and_headers_are_in_the_readers_language(books, lang):
    book = books[lang]
    keys = ["scenario", "members", "functions", "waterfall", "cashflows", "assumptions"]
    assert book.sheetnames == [t(f"workbook.sheet.{k}", lang=lang) for k in keys]
    members = header(sheet(book, lang, "members"))
    assert members[:4] == [t("members.col.name", lang=lang), t("workbook.col.functions_pooled", lang=lang),
                           t("members.col.standalone", lang=lang), t("members.col.allocated", lang=lang)]
    assert header(sheet(book, lang, "assumptions"))[:3] == [t("workbook.col.assumption", lang=lang),
                                                           t("workbook.col.value", lang=lang),
                                                           t("workbook.col.unit", lang=lang)]
    for ws in book.worksheets:  # no machine name in any header
        assert not any("_eur" in str(h) or "_" in str(h) for h in header(ws)), (ws.title, header(ws))


def test_the_languages_differ(books):
    heads = {lang: header(sheet(books[lang], lang, "members")) for lang in books}
    assert heads["fr"][0] == "Membre" and heads["nl"][0] == "Lid" and heads["en"][0] == "Member"
    assert sheet(books["nl"], "nl", "cashflows").cell(1, 1).value == "Jaar"


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_every_sheet_has_a_frozen_header_and_fitted_columns(books, lang):
    for ws in books[lang].worksheets:
        assert ws.freeze_panes == "B2", ws.title
        assert ws["A1"].font.bold
        widths = [ws.column_dimensions[c].width for c in "AB"]
        assert all(8 <= w <= 80 for w in widths), (ws.title, widths)


def test_amounts_are_numbers_with_euro_and_percent_formats(books):
    ws = sheet(books["fr"], "fr", "members")
    for title in (t("members.col.standalone", lang="fr"), t("members.col.gain", lang="fr")):
        cells = column(ws, title)
        assert cells and all(isinstance(c.value, int | float) and c.number_format == EUR for c in cells)
    shares = column(ws, t("members.col.gain_pct", lang="fr"))
    assert shares and all(c.number_format == PCT and abs(c.value) < 1.5 for c in shares)
    # amounts are rounded to the cent (no float noise), shown as whole euros
    assert all(round(c.value, 2) == c.value for c in column(ws, t("members.col.allocated", lang="fr")))
    assumptions = rows(sheet(books["fr"], "fr", "assumptions"))
    rate = next(r for r in assumptions if r[t("workbook.col.code", lang="fr")].value == "finance.discount_rate")
    assert rate[t("workbook.col.value", lang="fr")].number_format == PCT_PARAM
    assert rate[t("workbook.col.unit", lang="fr")].value == "%"


def test_members_sheet_equals_the_engine_and_adds_up(run, books):
    result, _ = run
    m = result.members
    lang = "nl"
    ws = sheet(books[lang], lang, "members")
    body = rows(ws)[: len(m)]
    assert [r[t("members.col.name", lang=lang)].value for r in body] == m["name"].tolist()
    for col, key in [("standalone_cost_eur", "members.col.standalone"), ("allocated_cost_eur", "members.col.allocated"),
                     ("setup_annualised_eur", "honest.col.setup"), ("exit_risk_eur", "honest.col.exit"),
                     ("subsidy_eur", "honest.col.subsidy"), ("gain_eur", "members.col.gain")]:
        shown = [r[t(key, lang=lang)].value for r in body]
        assert shown == pytest.approx(m[col].tolist(), abs=CENT), col
    total = rows(ws)[len(m)]
    assert total[t("members.col.name", lang=lang)].value == "Totaal"
    pays = total[t("members.col.allocated", lang=lang)].value
    # the sum of member shares is the pooled cost, on the sheet and in the engine's summary
    assert pays == pytest.approx(sum(r[t("members.col.allocated", lang=lang)].value for r in body), abs=0.05)
    assert pays == pytest.approx(result.summary["pooled_annual_cost_eur"], abs=CENT)
    assert total[t("members.col.gain", lang=lang)].value == pytest.approx(
        result.summary["net_annual_result_eur"], abs=CENT)
    for r in body:  # each row: gain = standalone − pays − set-up − exit risk + subsidy (to the cent)
        v = {k: r[t(k, lang=lang)].value for k in ("members.col.standalone", "members.col.allocated",
                                                    "honest.col.setup", "honest.col.exit", "honest.col.subsidy",
                                                    "members.col.gain")}
        assert (v["members.col.standalone"] - v["members.col.allocated"] - v["honest.col.setup"]
                - v["honest.col.exit"] + v["honest.col.subsidy"]) == pytest.approx(v["members.col.gain"], abs=0.03)


def test_losers_are_marked_in_words(run, books):
    m = run[0].members
    ws = sheet(books["fr"], "fr", "members")
    said = [r[t("members.col.rational", lang="fr")].value for r in rows(ws)[: len(m)]]
    assert said == ["Oui" if ok else "Non — perd" for ok in m["individually_rational"]]


def test_waterfall_and_cash_flows_equal_the_engine_and_add_up(run, books):
    result, _ = run
    ws = sheet(books["en"], "en", "waterfall")
    values = [r[t("workbook.col.amount", lang="en")].value for r in rows(ws)]
    assert values[0] == pytest.approx(result.summary["baseline_annual_cost_eur"], abs=CENT)
    assert values[-1] == pytest.approx(result.summary["net_pooled_annual_cost_eur"], abs=CENT)
    assert values[0] + sum(values[1:-1]) == pytest.approx(values[-1], abs=0.01 * len(values))
    flows = result.cashflows
    ws = sheet(books["en"], "en", "cashflows")
    body = rows(ws)[: len(flows)]
    assert [r[t("workbook.col.year", lang="en")].value for r in body] == list(range(len(flows)))
    net = [r[t("honest.cf.net_cashflow_eur", lang="en")].value for r in body]
    assert net == pytest.approx(flows["net_cashflow_eur"].tolist(), abs=CENT)
    assert [r[t("workbook.col.cumulative", lang="en")].value for r in body] == pytest.approx(
        flows["cumulative_eur"].tolist(), abs=CENT)
    head = header(ws)
    terms = head[head.index(t("honest.cf.gross_saving_eur", lang="en")):head.index(t("honest.cf.net_cashflow_eur",
                                                                                     lang="en"))]
    for r, expected in zip(body, net, strict=True):  # the terms sum to the net flow, year by year
        assert sum(r[h].value for h in terms) == pytest.approx(expected, abs=0.01 * len(terms))


def test_scenario_sheet_names_the_scenario_its_headline_and_provenance(run, books):
    result, head = run
    lang = "fr"
    ws = sheet(books[lang], lang, "scenario")
    values = {r[t("workbook.col.item", lang=lang)].value: r[t("workbook.col.value", lang=lang)] for r in rows(ws)}
    s = result.summary
    assert values[t("workbook.row.name", lang=lang)].value == s["scenario"]
    assert values[t("workbook.row.members_count", lang=lang)].value == len(result.members)
    assert values[t("workbook.row.vehicle", lang=lang)].value == "Groupement d'employeurs"
    h = head.as_dict()
    for key, engine_key in [("npv_p50", "npv_p50_eur"), ("npv_p10", "npv_p10_eur"), ("npv_p90", "npv_p90_eur"),
                            ("result_p50", "net_result_p50_eur")]:
        cell = values[t(f"workbook.row.{key}", lang=lang)]
        assert cell.value == pytest.approx(h[engine_key], abs=CENT) and cell.number_format == EUR
    p = values[t("workbook.row.p_npv_positive", lang=lang)]
    assert p.value == pytest.approx(h["p_npv_positive"]) and p.number_format == PCT
    assert values[t("workbook.row.central_npv", lang=lang)].value == pytest.approx(s["npv_eur"], abs=CENT)
    assert values[t("workbook.row.model_version", lang=lang)].value == result.manifest["model_version"]
    assert values[t("workbook.row.scenario_hash", lang=lang)].value == result.manifest["scenario_hash"]
    assert values[t("workbook.row.seed", lang=lang)].value == 7
    assert values[t("workbook.row.draws", lang=lang)].value == 300
    assert values[t("workbook.row.date", lang=lang)].value == "29 novembre 2026"
    assert any(t("workbook.section.headline", lang=lang, draws="300", seed=7) == k for k in values)


def test_assumptions_sheet_lists_every_parameter_changed_ones_first(run, books):
    result, _ = run
    lang = "fr"
    body = rows(sheet(books[lang], lang, "assumptions"))
    codes = [r[t("workbook.col.code", lang=lang)].value for r in body]
    assert sorted(codes) == sorted(parameters())
    flagged = [r for r in body if r[t("workbook.col.changed", lang=lang)].value]
    own = set(result.model.scenario.uncertainty) | set(result.model.params.changed)
    assert own and {r[t("workbook.col.code", lang=lang)].value for r in flagged} == own
    assert codes[: len(flagged)] == [r[t("workbook.col.code", lang=lang)].value for r in flagged]
    for r in body:
        p = parameters()[r[t("workbook.col.code", lang=lang)].value]
        assert r[t("workbook.col.value", lang=lang)].value == pytest.approx(result.model.params[p.name], rel=1e-5)
        assert r[t("workbook.col.low", lang=lang)].value == pytest.approx(p.low, rel=1e-5)
        assert r[t("workbook.col.grade", lang=lang)].value == p.grade
        assert r[t("workbook.col.source", lang=lang)].value


def test_without_monte_carlo_the_sheet_says_so(run):
    book = people_workbook(run[0], None, "en")
    items = [c.value for c in book["Scenario"]["A"]]
    assert t("workbook.row.no_mc", lang="en") in items
    assert t("workbook.row.npv_p50", lang="en") not in items


def test_text_cells_are_neutralised_against_formulas(tmp_path):
    scn = load_scenario(SCENARIOS / "d_tiny_commercial_provider.yaml")
    scn = scn.model_copy(update={"name": "=HYPERLINK(\"http://x\")", "description": "+1+1"})
    path = write_people_workbook(tmp_path / "w.xlsx", simulate(scn), None, "fr")
    ws = load_workbook(path)["Scénario"]
    texts = [c.value for c in ws["B"] if isinstance(c.value, str)]
    assert "'=HYPERLINK(\"http://x\")" in texts and "'+1+1" in texts
    assert not any(isinstance(v, str) and v.startswith(("=", "+")) for v in texts)


def test_unknown_language_is_refused(run):
    from simulator.errors import InputError

    with pytest.raises(InputError, match="lang"):
        people_workbook(run[0], None, "de")


def cli(capsys, *args: str) -> tuple[int, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out + out.err


def test_cli_writes_the_workbook_in_the_chosen_language_and_never_overwrites(capsys, tmp_path):
    target = tmp_path / "b.xlsx"
    args = ["run", str(SCENARIOS / "d_tiny_commercial_provider.yaml"), "--xlsx", str(target), "--lang", "nl",
            "--draws", "100"]
    code, output = cli(capsys, *args)
    assert code == 0, output
    book = load_workbook(target)
    assert book.sheetnames[1] == "Leden" and book["Leden"]["A1"].value == "Lid"
    before = target.read_bytes()
    code, output = cli(capsys, *args)
    assert code == 2 and "--overwrite" in output and "Traceback" not in output
    assert target.read_bytes() == before
    code, output = cli(capsys, *args, "--overwrite", "--excel", str(tmp_path / "data.xlsx"))
    assert code == 0, output
    data = load_workbook(tmp_path / "data.xlsx")  # the data export keeps machine names
    assert "members" in data.sheetnames and data["members"]["A1"].value == "member"


def test_cli_refuses_a_bad_target_before_computing(capsys, tmp_path):
    scenario = str(SCENARIOS / "d_tiny_commercial_provider.yaml")
    code, output = cli(capsys, "run", scenario, "--xlsx", str(tmp_path / "b.xls"), "--draws", "0")
    assert code == 2 and "--xlsx" in output and ".xlsx" in output
    same = str(tmp_path / "b.xlsx")
    code, output = cli(capsys, "run", scenario, "--xlsx", same, "--excel", same, "--draws", "0")
    assert code == 2 and "twice" in output
    assert not list(tmp_path.iterdir())


def test_model_v2_terms_get_their_columns_and_rows_still_add_up(tmp_path):
    """A bought site puts its financing on the members' rows: the sheet shows that column (in the
    reader's language) and each row still adds up, gain = standalone − pays − set-up − exit risk −
    staff transition − site bought + subsidy."""
    from simulator.scenario import SitePurchase

    scn = load_scenario(SCENARIOS / "b_shared_house.yaml")
    site = scn.sites[0].model_copy(update={"purchase": SitePurchase(price_eur=900_000, loan_share=0.7,
                                                                     loan_years=15)})
    result = simulate(scn.model_copy(update={"sites": [site, *scn.sites[1:]]}))
    m = result.members
    assert m["site_purchase_eur"].abs().max() > 1  # the mechanism bites in this scenario
    lang = "en"
    ws = sheet(load_workbook(write_people_workbook(tmp_path / "b.xlsx", result, None, lang)), lang, "members")
    assert t("honest.col.site_purchase", lang=lang) in header(ws)
    keys = ("members.col.standalone", "members.col.allocated", "honest.col.setup", "honest.col.exit",
            "honest.col.site_purchase", "honest.col.subsidy", "members.col.gain")
    transition = t("honest.col.transition", lang=lang)
    for r in rows(ws)[: len(m)]:
        v = {k: r[t(k, lang=lang)].value for k in keys}
        staff = r[transition].value if transition in r else 0.0
        assert (v["members.col.standalone"] - v["members.col.allocated"] - v["honest.col.setup"]
                - v["honest.col.exit"] - staff - v["honest.col.site_purchase"] + v["honest.col.subsidy"]) \
            == pytest.approx(v["members.col.gain"], abs=0.05)


def test_a_bought_site_gets_its_buy_vs_rent_rows_with_the_monte_carlo_band(tmp_path):
    """Central NPVs bought and rented, their difference, and the band over the headline's draws."""
    from simulator.scenario import SitePurchase

    scn = load_scenario(SCENARIOS / "b_shared_house.yaml")
    site = scn.sites[0].model_copy(update={"purchase": SitePurchase(price_eur=900_000, loan_share=0.7,
                                                                     loan_years=15)})
    result = simulate(scn.model_copy(update={"sites": [site, *scn.sites[1:]]}))
    head = headline(result.model, draws=200, seed=3, drivers=False)
    lang = "nl"
    ws = sheet(load_workbook(write_people_workbook(tmp_path / "b.xlsx", result, head, lang)), lang, "scenario")
    cells = {r[0].value: r[1] for r in ws.iter_rows(min_row=2)}
    cmp, band = result.summary["buy_vs_rent"], head.buy_vs_rent
    assert t("workbook.section.buy_vs_rent", lang=lang) in cells
    assert cells[t("workbook.row.buy_minus_rent", lang=lang)].value == pytest.approx(cmp["buy_minus_rent_eur"],
                                                                                      abs=CENT)
    assert cells[t("workbook.row.npv_buy", lang=lang)].value - cells[t("workbook.row.npv_rent", lang=lang)].value \
        == pytest.approx(cmp["buy_minus_rent_eur"], abs=2 * CENT)  # adds up on its face
    p10 = cells[t("workbook.row.buy_minus_rent_p10", lang=lang)]
    assert p10.value == pytest.approx(band["p10_eur"], abs=CENT) and p10.number_format == EUR
    assert cells[t("workbook.row.p_buy_better", lang=lang)].value == pytest.approx(band["p_buy_better"])


def test_a_rented_site_has_no_buy_vs_rent_rows(run, books):
    ws = sheet(books["fr"], "fr", "scenario")
    assert t("workbook.section.buy_vs_rent", lang="fr") not in [r[0].value for r in ws.iter_rows(min_row=2)]
