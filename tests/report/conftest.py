"""Shared fixtures of the brief tests: every example in every language, rendered once.

Rendering needs kaleido and Debian's chromium. Without them these tests fail with a reason
(``make test`` installs both) — they never skip silently.
"""

from __future__ import annotations

import re
import shutil
import unicodedata
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "scenarios").glob("*.yaml"))
LANGS = ("fr", "nl", "en")
#: Draws and seed of the test briefs (enough for stable percentiles, cheap to run).
DRAWS, SEED = 2_000, 7
PREPARED = date(2026, 11, 30)


def normalise(text: str) -> str:
    """PDF or HTML text compared with formatted numbers: compatibility forms, one space."""
    text = unicodedata.normalize("NFKC", text).replace("\u2212", "-")
    return re.sub(r"\s+", " ", text)


@dataclass
class Rendered:
    """One brief: its content object, its HTML and its PDF (bytes and extracted text)."""

    stem: str
    lang: str
    brief: object
    html: str
    pdf: bytes
    text: str
    pages: int
    fonts: set[str]


def _pdf_facts(data: bytes) -> tuple[str, int, set[str]]:
    import io

    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    fonts: set[str] = set()
    for page in reader.pages:
        resources = page.get("/Resources") or {}
        for font in (resources.get("/Font") or {}).values():
            fonts.add(str(font.get_object().get("/BaseFont", "")))
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    return text, len(reader.pages), fonts


@pytest.fixture(scope="session")
def rendered() -> dict[tuple[str, str], Rendered]:
    """Every example scenario × fr/nl/en as HTML and PDF (one kaleido server, PDFs in parallel)."""
    if shutil.which("chromium") is None:
        pytest.fail("the brief tests need Debian's chromium: apt-get install chromium")
    from simulator.report.content import build_brief
    from simulator.report.pdf import html_to_pdf
    from simulator.report.render import render_html

    briefs, pages = {}, {}
    for path in EXAMPLES:
        for lang in LANGS:
            brief = build_brief(path, lang=lang, draws=DRAWS, seed=SEED,
                                source=f"scenarios/{path.name}", prepared=PREPARED)
            briefs[(path.stem, lang)] = brief
            pages[(path.stem, lang)] = render_html(brief)
    with ThreadPoolExecutor(max_workers=3) as pool:
        pdfs = dict(zip(pages, pool.map(html_to_pdf, pages.values()), strict=True))
    out = {}
    for key, brief in briefs.items():
        text, n, fonts = _pdf_facts(pdfs[key])
        out[key] = Rendered(key[0], key[1], brief, pages[key], pdfs[key], text, n, fonts)
    return out
