"""Every example in every language: the PDF opens, has its pages, sections and figures, and every
number in it is the engine's for the same seed (recomputed here, independently of the brief)."""

from __future__ import annotations

import re

import numpy as np
import pytest
from conftest import DRAWS, EXAMPLES, LANGS, SEED, normalise

from simulator import load_scenario, monte_carlo, simulate
from simulator.uncertainty.model_sensitivity import sensitivity
from ui.formatting import money, number, percent
from ui.i18n import t

CASES = [(p.stem, lang) for p in EXAMPLES for lang in LANGS]
SECTIONS = ("question", "headline", "waterfall", "members", "cashflows", "drivers", "vat",
            "assumptions", "limits")
#: A money amount as printed (after :func:`normalise`), per language.
#: An amount in euro (a unit such as "€/month" after an assumption's value is not one).
MONEY = {"fr": re.compile(r"-?\d{1,3}(?: \d{3})* €(?!/)"), "en": re.compile(r"-?\d{1,3}(?:\.\d{3})* €(?!/)"),
         "nl": re.compile(r"€ -?\d{1,3}(?:\.\d{3})*")}


def engine(stem: str):
    """The engine's own outputs for an example: central run, Monte Carlo (same seed), tornado."""
    scn = load_scenario(f"scenarios/{stem}.yaml")
    return scn, simulate(scn), monte_carlo(scn, draws=DRAWS, seed=SEED), sensitivity(scn)


@pytest.fixture(scope="module")
def engines():
    return {p.stem: engine(p.stem) for p in EXAMPLES}


def expected_money(stem: str, lang: str, engines) -> list[float]:
    """Every amount the brief prints outside its charts, from the engine."""
    _, res, mc, tornado = engines[stem]
    s, m = mc.summary, res.members
    values = [s[f"{k}_p{q}"] for k in ("npv", "saving") for q in (10, 50, 90)]
    values += [res.summary["npv_eur"], res.summary["net_annual_saving_eur"]]
    other = m["standalone_cost_eur"] - m["allocated_cost_eur"] - m["gain_eur"]
    for column in (m["standalone_cost_eur"], m["allocated_cost_eur"], other, m["gain_eur"]):
        values += [*list(column), float(column.sum())]
    values += list(tornado["output_low"].head(3)) + list(tornado["output_high"].head(3))
    if not res.vat["exempt"]:
        values.append(res.vat["amount_eur"])
    return [float(v) for v in values]


@pytest.mark.parametrize(("stem", "lang"), CASES)
def test_pdf_opens_with_its_pages_sections_and_figures(rendered, stem, lang):
    r = rendered[(stem, lang)]
    assert r.pdf.startswith(b"%PDF-")
    assert 2 <= r.pages <= 4, f"{stem}/{lang}: {r.pages} pages"
    text = normalise(r.text)
    for section in SECTIONS:
        assert normalise(t(f"brief.s.{section}", lang=lang)) in text, section
    figures = 4 if len(r.brief.tornado) else 3
    for n in range(1, figures + 1):
        assert normalise(t("brief.figure", lang=lang, n=n)) in text
    assert normalise(t("chart.eur_per_year", lang=lang)) in text  # waterfall axis, drawn as text
    assert normalise(t("brief.limit.simulation", lang=lang)) in text
    assert f"{r.pages} / {r.pages}" in text  # page numbers in the margin


@pytest.mark.parametrize(("stem", "lang"), CASES)
def test_every_number_equals_the_engines(rendered, engines, stem, lang):
    r = rendered[(stem, lang)]
    text = normalise(r.text)
    _, res, mc, _ = engines[stem]
    for value in expected_money(stem, lang, engines):
        assert normalise(money(value, lang)) in text, (stem, lang, value)
    s = mc.summary
    assert normalise(percent(s["p_npv_positive"], lang, 0)) in text
    for p in mc.member_probabilities["p_better_off"]:
        assert normalise(percent(p, lang, 0)) in text
    central = round(100 * float(np.mean(mc.npv <= res.summary["npv_eur"])))
    assert normalise(t("brief.headline.central", lang=lang, npv=money(res.summary["npv_eur"], lang),
                       saving=money(res.summary["net_annual_saving_eur"], lang),
                       payback=_payback(res.summary["payback_year"], lang),
                       pct=number(central, lang))) in text
    for value in res.waterfall["value_eur"]:  # the waterfall's bar labels (chart text)
        if value != 0.0:
            assert normalise(money(value, lang)) in text


@pytest.mark.parametrize(("stem", "lang"), CASES)
def test_no_amount_outside_the_engines(rendered, engines, stem, lang):
    """Reverse check: every € amount in the note's text (charts and the user's description
    aside) is one the engine produced."""
    r = rendered[(stem, lang)]
    body = re.sub(r"<svg.*?</svg>", " ", r.html, flags=re.S)
    # the changed assumptions are the user's inputs (values with units such as €/month), not outputs
    body = re.sub(r'<section id="assumptions">.*?</section>', " ", body, flags=re.S)
    from simulator.examples import description_for  # the description as printed, in the note's language

    scn = r.brief.scenario
    body = body.replace(_escaped(description_for(scn.name, scn.description or "", lang)), " ")
    words = normalise(re.sub(r"<[^>]+>", " ", re.sub(r"<style.*?</style>", " ", body, flags=re.S)))
    allowed = {normalise(money(v, lang)) for v in expected_money(stem, lang, engines)}
    found = MONEY[lang].findall(words)
    assert found, "no amount found: the pattern is wrong"
    assert set(found) <= allowed, set(found) - allowed


@pytest.mark.parametrize(("stem", "lang"), CASES)
def test_provenance_printed_at_the_foot(rendered, stem, lang):
    r = rendered[(stem, lang)]
    text = normalise(r.text)
    manifest = simulate(load_scenario(f"scenarios/{stem}.yaml")).manifest
    assert manifest["scenario_hash"] in text and manifest["parameter_hash"] in text
    command = (f"mutualise brief scenarios/{stem}.yaml --out brief.pdf --lang {lang} "
               f"--draws {DRAWS} --seed {SEED}")
    assert command in text
    from simulator.version import MODEL_VERSION

    assert MODEL_VERSION in text


def test_fonts_are_embedded_and_carry_accents_and_euro(rendered):
    for r in rendered.values():
        assert any("DejaVu" in f for f in r.fonts), r.fonts
    fr = normalise(rendered[("b_shared_house", "fr")].text)
    assert "é" in fr and "€" in fr and "Écoute" in fr


def test_accents_and_euro_survive_in_every_language():
    """é, ë and € typed by a user come out of the PDF as typed, in each language."""
    from simulator.report.content import build_brief
    from simulator.report.pdf import html_to_pdf
    from simulator.report.render import render_html

    name = "Café Noël — Ëlla & Zoë < 5 €"
    scn = load_scenario("scenarios/d_variant_cost_sharing.yaml").with_overrides({"name": name})
    pages = [render_html(build_brief(scn, lang=lang, draws=200, seed=1), charts={})
             for lang in LANGS]
    import io

    from pypdf import PdfReader

    for lang, html in zip(LANGS, pages, strict=True):
        assert "Café Noël — Ëlla &amp; Zoë &lt; 5 €" in html  # escaped once, not dropped
        if lang == "nl":  # one PDF is enough to check the glyphs (fonts are shared)
            reader = PdfReader(io.BytesIO(html_to_pdf(html)))
            text = normalise("".join(p.extract_text() for p in reader.pages))
            assert name in text


def test_changed_assumptions_are_listed_with_source_and_grade(rendered):
    text = normalise(rendered[("a_variant_no_grant", "en")].text)
    assert "setup.overrun_factor" in text and "1.55" in text.replace(",", ".")
    assert "[F]" in text and "UK National Audit Office" in text
    uncertain = normalise(rendered[("a_variant_uncertain", "fr")].text)
    for name in ("scale_exponent.payroll_hr", "setup.overrun_factor", "exit.hazard"):
        assert name in uncertain
    plain = normalise(rendered[("b_shared_house", "nl")].text)
    assert normalise(t("brief.assumptions.none", lang="nl")) in plain


def test_vat_verdict_names_failed_conditions(rendered):
    text = normalise(rendered[("d_tiny_commercial_provider", "fr")].text)
    assert normalise(t("vat.failed_title", lang="fr")) in text
    assert normalise(t("vat.cond.vehicle_not_cost_sharing", lang="fr")) in text
    exempt = normalise(rendered[("d_variant_cost_sharing", "fr")].text)
    assert normalise(t("vat.failed_title", lang="fr")) not in exempt


def _payback(year, lang):
    if year is None:
        return t("brief.payback_never", lang=lang)
    return t("brief.payback_year", lang=lang, year=number(year, lang))


def _escaped(text: str) -> str:
    from markupsafe import escape

    return str(escape(text))
