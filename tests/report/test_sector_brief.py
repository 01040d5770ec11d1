"""The funder's brief of a sector funding study: rendered for the bundled study in fr/nl/en, the
PDF opens with its pages, sections and charts, and every number in it is the engine's for the same
seed (recomputed here from :func:`simulator.sector.compare_funding`, independently of the brief)."""

from __future__ import annotations

import io
import re
import shutil
from datetime import date
from pathlib import Path

import pytest
from conftest import LANGS, normalise

from simulator.formatting import money, number, percent
from simulator.report.texts import t

ROOT = Path(__file__).resolve().parents[2]
STUDY = ROOT / "scenarios" / "funding" / "funding_options.yaml"
SOURCE = "scenarios/funding/funding_options.yaml"
#: A population and draws small enough to run in seconds, large enough for pools to form.
SIZE, DRAWS, SEED = 400, 40, 3
PREPARED = date(2026, 11, 30)
SECTIONS = ("question", "options", "table", "chart", "verdict", "assumptions", "limits")
MONEY = {"fr": re.compile(r"-?\d{1,3}(?: \d{3})* €(?!/)"), "en": re.compile(r"-?\d{1,3}(?:\.\d{3})* €(?!/)"),
         "nl": re.compile(r"€ -?\d{1,3}(?:\.\d{3})*")}


@pytest.fixture(scope="module")
def comparison():
    """The engine's own comparison of the bundled study (same population, draws and seed)."""
    from simulator.sector import compare_funding, generate_population, load_funding_options

    return compare_funding(load_funding_options(STUDY), generate_population(SIZE, SEED), draws=DRAWS, seed=SEED)


@pytest.fixture(scope="module")
def rendered():
    """The brief of the bundled study in each language: content, HTML, PDF text and page count."""
    if shutil.which("chromium") is None:
        pytest.fail("the brief tests need Debian's chromium: apt-get install chromium")
    from pypdf import PdfReader

    from simulator.report import brief_bytes, build_sector_brief
    from simulator.report.sector_render import render_html

    out = {}
    first = build_sector_brief(STUDY, lang="fr", draws=DRAWS, seed=SEED, generate=SIZE, source=SOURCE,
                               prepared=PREPARED)
    for lang in LANGS:
        from dataclasses import replace

        brief = replace(first, lang=lang)  # one engine run, three languages
        html = render_html(brief)
        pdf = brief_bytes(brief, "pdf")
        reader = PdfReader(io.BytesIO(pdf))
        text = "\n".join(p.extract_text() or "" for p in reader.pages)
        out[lang] = {"brief": brief, "html": html, "pdf": pdf, "text": normalise(text), "pages": len(reader.pages)}
    return out


def per_public_100k(comparison) -> dict[str, float | None]:
    """Additional frontline FTE × 100 000 ÷ annualised public cost, per option, from the pools table."""
    pools = comparison.pools
    base = pools.loc[pools["option"] == "no_funding", "frontline_fte_freed"].sum()
    out = {}
    for rec in comparison.records:
        p = pools[pools["option"] == rec["option"]]
        annual, extra = p["annualised_public_cost_eur"].sum(), p["frontline_fte_freed"].sum() - base
        out[rec["option"]] = extra * 100_000 / annual if annual > 0 and extra > 0 else None
    return out


def test_the_brief_runs_the_engines_comparison(rendered, comparison):
    brief = rendered["fr"]["brief"]
    assert brief.records == comparison.records
    assert brief.organisations == SIZE and brief.candidates == comparison.candidates


@pytest.mark.parametrize("lang", LANGS)
def test_pdf_opens_with_its_pages_sections_and_charts(rendered, lang):
    r = rendered[lang]
    assert r["pdf"].startswith(b"%PDF-")
    assert 2 <= r["pages"] <= 4, r["pages"]
    for section in SECTIONS:
        assert normalise(t(f"sector.s.{section}", lang)) in r["text"], section
    for n in (1, 2):
        assert normalise(t("brief.figure", lang, n=n)) in r["text"]
    assert r["html"].count("<svg") == 2  # the Funding page's banded bars: frontline FTE, public cost
    assert normalise(t("sector.chart.frontline", lang)) in r["text"]  # the chart's axis, drawn as text
    assert f"{r['pages']} / {r['pages']}" in r["text"]
    assert normalise(t("brief.limit.simulation", lang)) in r["text"]


@pytest.mark.parametrize("lang", LANGS)
def test_every_number_equals_the_engines(rendered, comparison, lang):
    text = rendered[lang]["text"]
    ratios = per_public_100k(comparison)
    for rec in comparison.records:
        for key in ("public_cost_npv_eur", "sector_net_benefit_npv_eur"):
            assert normalise(money(rec[key], lang)) in text, (rec["option"], key)
            assert normalise(t("sector.band", lang, p10=money(rec[f"{key}_p10"], lang),
                               p90=money(rec[f"{key}_p90"], lang))) in text, (rec["option"], key)
        for key in ("frontline_fte_freed", "additional_frontline_fte"):
            assert normalise(t("sector.band", lang, p10=number(rec[f"{key}_p10"], lang, 2),
                               p90=number(rec[f"{key}_p90"], lang, 2))) in text, (rec["option"], key)
        assert normalise(t("sector.pools_cell", lang, pools=number(rec["pools_formed"], lang),
                           additional=number(rec["additional_pools"], lang))) in text
        assert normalise(percent(rec["members_pooled"] / SIZE, lang, 1)) in text
        if ratios[rec["option"]] is not None:
            assert normalise(number(ratios[rec["option"]], lang, 2)) in text
    assert normalise(number(SIZE, lang)) in text and normalise(number(comparison.candidates, lang)) in text


@pytest.mark.parametrize("lang", LANGS)
def test_the_leading_option_is_the_engines_best_per_public_euro(rendered, comparison, lang):
    ratios = {k: v for k, v in per_public_100k(comparison).items() if v is not None}
    assert ratios, "the bundled study should have an option that frees additional capacity"
    best = max(ratios, key=ratios.get)
    record = next(r for r in comparison.records if r["option"] == best)
    lead = re.search(r'<p class="lead">(.*?)</p>', rendered[lang]["html"], re.S).group(1)
    assert record["label"] in lead.replace("&#39;", "'")
    assert number(ratios[best], lang, 2) in lead
    text = rendered[lang]["text"]
    share = record["deadweight_eur"] / record["public_cost_npv_eur"]
    if share:
        assert normalise(percent(share, lang, 0)) in text
    direct = 100_000 / 60_000  # frontline.loaded_cost: 60 000 €/year
    assert normalise(number(direct, lang, 2)) in text


@pytest.mark.parametrize("lang", LANGS)
def test_no_amount_outside_the_engines(rendered, comparison, lang):
    """Reverse check: every € amount of the table, the verdict and the captions is the engine's
    (the study's inputs — threshold, options' budgets, the population's calibration — left aside)."""
    html = rendered[lang]["html"]
    body = re.sub(r"<svg.*?</svg>", " ", html, flags=re.S)
    for section in ("question", "options", "assumptions"):
        body = re.sub(rf'<section id="{section}">.*?</section>', " ", body, flags=re.S)
    # cells apart: "3,03" then "767 723 €" must not read as "03 767 723 €"
    words = normalise(re.sub(r"<[^>]+>", " | ", re.sub(r"<style.*?</style>", " ", body, flags=re.S)))
    values = [100_000, 60_000]  # the benchmark: 100 000 € ÷ a frontline worker's loaded cost
    for rec in comparison.records:
        for key in ("public_cost_npv_eur", "sector_net_benefit_npv_eur", "deadweight_eur", "budget_used_eur"):
            values += [rec[key], rec.get(f"{key}_p10"), rec.get(f"{key}_p90")]
        values += [rec["public_eur_per_additional_frontline_fte"], rec["budget_cap_eur"]]
    allowed = {normalise(money(v, lang)) for v in values if v is not None}
    found = MONEY[lang].findall(words)
    assert found, "no amount found: the pattern is wrong"
    assert set(found) <= allowed, set(found) - allowed


@pytest.mark.parametrize("lang", LANGS)
def test_provenance_printed_at_the_foot(rendered, lang):
    from simulator.version import MODEL_VERSION

    r = rendered[lang]
    command = (f"mutualise brief {SOURCE} --out brief.pdf --lang {lang} --draws {DRAWS} --seed {SEED} "
               f"--generate {SIZE}")
    assert command in r["text"]
    assert r["brief"].hash in r["text"] and MODEL_VERSION in r["text"]


def test_study_settings_are_listed_with_grade_and_source(rendered):
    text = rendered["en"]["text"]
    assert normalise(t("sector.setting.participation.threshold_eur", "en")) in text
    assert "500 €" in text and "1.000 €" in text  # the study's threshold and the default
    assert "[G]" in text and normalise(t("sector.source.participation", "en")) in text
    assert "NBB satellite account 2017" in text  # the population's calibration, with its source
    assert "[B/D]" in text


def test_study_hash_follows_the_study():
    from simulator.report.sector import PopulationOrigin, study_hash
    from simulator.sector import load_funding_options

    options = load_funding_options(STUDY)
    origin = PopulationOrigin("generated", 100, seed=1)
    base = study_hash(options, origin, 50, 1)
    assert re.fullmatch(r"[0-9a-f]{16}", base) and base == study_hash(options, origin, 50, 1)
    assert base != study_hash(options, origin, 51, 1)
    assert base != study_hash(options, origin, 50, 2)
    assert base != study_hash(options, PopulationOrigin("generated", 101, seed=1), 50, 1)
    changed = options.model_copy(update={"options": options.options[:-1]})
    assert base != study_hash(changed, origin, 50, 1)


# --- bookkeeping, hand-computed --------------------------------------------------------------------

def _record(option, **figures):
    base = {"option": option, "label": option, "public_cost_npv_eur": 0.0, "budget_used_eur": 0.0,
            "budget_cap_eur": None, "sector_net_benefit_npv_eur": 0.0, "frontline_fte_freed": 0.0,
            "additional_frontline_fte": 0.0, "public_eur_per_additional_frontline_fte": None,
            "pools_formed": 0, "members_pooled": 0, "additional_pools": 0, "deadweight_eur": 0.0}
    return {**base, **figures}


def _brief(records, organisations=200):
    from simulator.report.sector import PopulationOrigin, sector_brief
    from simulator.sector import load_funding_options

    return sector_brief(load_funding_options(STUDY), records, organisations=organisations, candidates=10,
                        origin=PopulationOrigin("generated", organisations, seed=1), draws=0, seed=1,
                        lang="en", prepared=PREPARED)


def test_bookkeeping_by_hand():
    records = [_record("no_funding", members_pooled=10),
               # 50 000 € a year per additional FTE → 100 000 / 50 000 = 2 FTE per 100 k€
               _record("a", public_cost_npv_eur=400_000.0, deadweight_eur=100_000.0, additional_frontline_fte=1.5,
                       public_eur_per_additional_frontline_fte=50_000.0, members_pooled=30,
                       budget_used_eur=995_000.0, budget_cap_eur=1_000_000.0),
               # 40 000 € → 2.5 FTE per 100 k€: the leader
               _record("b", public_cost_npv_eur=800_000.0, additional_frontline_fte=4.0,
                       public_eur_per_additional_frontline_fte=40_000.0, budget_used_eur=500_000.0,
                       budget_cap_eur=1_000_000.0),
               _record("c", public_cost_npv_eur=10.0)]  # costs money, frees nothing: not ranked
    brief = _brief(records)
    assert brief.fte_per_public_100k(records[1]) == pytest.approx(2.0)
    assert brief.fte_per_public_100k(records[2]) == pytest.approx(2.5)
    assert brief.fte_per_public_100k(records[3]) is None
    assert [r["option"] for r in brief.ranking()] == ["b", "a"]
    assert brief.leading["option"] == "b"
    assert brief.participation(records[1]) == pytest.approx(30 / 200)
    assert brief.deadweight_share(records[1]) == pytest.approx(0.25)
    assert brief.deadweight_share(records[0]) is None
    assert brief.budget_binds(records[1]) and not brief.budget_binds(records[2])
    assert brief.direct_fte_per_public_100k == pytest.approx(100_000 / 60_000)


def test_no_option_frees_capacity_says_so():
    from simulator.report.sector_render import render_html

    brief = _brief([_record("no_funding"), _record("a", public_cost_npv_eur=5_000.0)])
    assert brief.leading is None
    html = render_html(brief, charts={})
    assert t("sector.lead.none", "en") in html.replace("&#39;", "'").replace("&#34;", '"')
    assert t("sector.table.no_draws", "en") in html and t("sector.chart.none", "en") in html


def test_records_must_come_from_a_comparison():
    from simulator.errors import InputError

    with pytest.raises(InputError, match="no_funding first"):
        _brief([_record("a")])


def test_every_report_text_exists_in_three_languages_with_the_same_placeholders():
    from string import Formatter

    from simulator.report.texts import catalogue

    def fields(text):
        return {f for _, f, _, _ in Formatter().parse(text) if f}

    keys = set(catalogue("fr"))
    assert keys == set(catalogue("nl")) == set(catalogue("en"))
    for key in keys:
        assert fields(catalogue("fr")[key]) == fields(catalogue("nl")[key]) == fields(catalogue("en")[key]), key


def test_sector_and_scenario_files_are_told_apart(tmp_path):
    from simulator.report.sector import is_funding_study

    assert is_funding_study(STUDY)
    assert not is_funding_study(ROOT / "scenarios" / "b_shared_house.yaml")
    assert not is_funding_study(tmp_path / "missing.yaml")
    (tmp_path / "bad.yaml").write_bytes(b"\xff\xfe")
    assert not is_funding_study(tmp_path / "bad.yaml")
