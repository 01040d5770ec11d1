"""Real browser: "Télécharger la note" on the Results page delivers the brief of the pool on
screen as a PDF whose headline is the engine's Monte Carlo median (default draws and seed)."""

from __future__ import annotations

import io

import pytest
from test_browser_app import (  # noqa: F401  (fixtures shared with the director's journey)
    app_url,
    browser,
    example,
    first_example,
    go,
    headline,
    page,
    wait_for_metrics,
)

pytestmark = pytest.mark.browser


def test_results_page_downloads_the_brief(page, tmp_path):  # noqa: F811  (the shared fixture)
    from pypdf import PdfReader

    from simulator import Scenario, monte_carlo
    from simulator.report import DEFAULT_DRAWS, DEFAULT_SEED
    from ui.formatting import money

    data = example(first_example())
    go(page, "Résultats")
    wait_for_metrics(page, headline(data))
    with page.expect_download(timeout=120_000) as info:
        page.get_by_role("button", name="Télécharger la note").click()
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    assert path.suffix == ".pdf" and path.read_bytes().startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    text = " ".join(p.extract_text() for p in reader.pages).replace("\u202f", " ").replace("\xa0", " ")
    assert 2 <= len(reader.pages) <= 4
    assert data["name"] in " ".join(text.split())
    median = monte_carlo(Scenario.from_dict(data), draws=DEFAULT_DRAWS, seed=DEFAULT_SEED).summary["npv_p50"]
    assert money(median, "fr").replace("\u202f", " ").replace("\xa0", " ") in text
