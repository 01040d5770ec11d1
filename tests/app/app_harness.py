"""Helpers for the AppTest suites: start the real app, open a page, read what it shows.

The app's pages are callables registered with ``st.navigation`` under fixed URL paths;
:func:`goto` opens one the way a browser would (by URL path). Expected figures always come from
the engine itself (:func:`engine_result`), formatted with the app's own formatter, so a test
checks that what the page shows *is* what the engine returns.
"""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import numpy as np
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")
SCENARIOS = ROOT / "scenarios"
TIMEOUT = 60


def new_app(lang: str | None = None, query: dict[str, str] | None = None) -> AppTest:
    """A fresh session of the real app, run once (French unless ``lang``)."""
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    at.run()
    if lang and lang != "fr":
        set_language(at, lang)
    return at


def set_language(at: AppTest, lang: str) -> AppTest:
    """Choose a language in the sidebar selector."""
    at.selectbox(key="_lang_selector").set_value(lang).run()
    return at


def goto(at: AppTest, module: str) -> AppTest:
    """Open the page registered for ``ui/pages/<module>.py`` and run it."""
    url = module.replace("_", "-")
    pages = at._registered_pages  # AppTest knows callable pages only by their URL path
    hashes = [h for h, info in pages.items() if info.get("url_pathname") == url]
    if not hashes:  # the default page is registered under the empty path
        hashes = [h for h, info in pages.items() if info.get("url_pathname") in ("", None)
                  and module == "pool"]
    assert hashes, f"page {module!r} is not registered: {pages}"
    at._page_hash = hashes[0]
    return at.run()


def scenario(at: AppTest) -> dict[str, Any]:
    """The scenario the session is editing."""
    return at.session_state["scenario"]


def engine_result(data: dict[str, Any]) -> Any:
    """The engine's own result for a scenario dict (sample member table)."""
    from simulator import Scenario, simulate

    return simulate(Scenario.from_dict(data))


def example(stem: str) -> dict[str, Any]:
    """An example scenario file as a plain dict."""
    from simulator import load_scenario

    return load_scenario(SCENARIOS / f"{stem}.yaml").to_dict()


def engine_headline(data: dict[str, Any], organisations: Any = None) -> dict[str, Any]:
    """The engine's Monte Carlo headline for a scenario dict (defaults: as ``mutualise run``)."""
    from simulator import Scenario
    from simulator.headline import headline

    return headline(Scenario.from_dict(data), organisations=organisations).as_dict()


def expected_headline(data: dict[str, Any], lang: str = "fr", organisations: Any = None) -> dict[str, str]:
    """The headline figures the app must show for ``data`` (Monte Carlo row, then central
    assumptions), formatted for ``lang``."""
    from types import SimpleNamespace

    from simulator import Scenario, simulate
    from ui.headline import headline_values

    summary = simulate(Scenario.from_dict(data), organisations=organisations).summary
    view = SimpleNamespace(summary=summary, headline=engine_headline(data, organisations))
    return headline_values(view, lang)


def metrics(at: AppTest) -> list[str]:
    """Values of the st.metric cards, in page order."""
    return [m.value for m in at.metric]


def no_failure(at: AppTest) -> None:
    """No exception element and no 'unexpected error' box on the page."""
    assert not at.exception, [e.value for e in at.exception]
    from ui.i18n import CATALOGUES

    unexpected = {CATALOGUES[lang]["error.unexpected"] for lang in CATALOGUES}
    assert not [e.value for e in at.error if e.value in unexpected]


def all_text(at: AppTest) -> str:
    """Every visible text of the page (titles, markdown, captions, alerts, labels, metrics)."""
    parts: list[str] = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "error", "warning",
                 "info", "success"):
        parts += [str(e.value) for e in getattr(at, kind)]
    for kind in ("button", "selectbox", "multiselect", "radio", "slider", "toggle",
                 "text_input", "text_area", "metric"):
        parts += [str(getattr(e, "label", "")) for e in getattr(at, kind)]
    parts += [m.value for m in at.metric]
    parts += [d.proto.label for d in at.get("download_button")]
    parts += [t.label for t in at.tabs]
    return "\n".join(parts)


def plotly_figures(at: AppTest) -> list[dict[str, Any]]:
    """Figure JSON of every plotly chart on the page."""
    return [json.loads(c.proto.spec) for c in at.get("plotly_chart")]


def plotly_array(values: Any) -> list[float]:
    """A plotly data array: plain list, or the typed ``{"dtype", "bdata"}`` form."""
    if isinstance(values, dict) and "bdata" in values:
        raw = base64.b64decode(values["bdata"])
        return np.frombuffer(raw, dtype=np.dtype(values["dtype"])).astype(float).tolist()
    return [float("nan") if v is None else float(v) for v in values]
