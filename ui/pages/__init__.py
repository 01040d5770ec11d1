"""Page registry: adding a page is one file (``ui/pages/<name>.py`` with ``render()``) + one line.

Each :class:`PageSpec` names a module of this package that defines ``render() -> None``, the
message key of its title and the navigation section it belongs to. Lines marked ``optional=True``
are slots for pages written in later issues (uncertainty, fair split, funding): they appear in the
navigation as soon as their module exists, and are silently left out until then.

The app shell (:mod:`ui.shell`) turns the registry into ``st.navigation`` sections, translates the
titles, and runs each page's ``render`` inside the error guard.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

#: ``st.Page`` objects of the current run, by module (filled by :mod:`ui.shell`), for links.
PAGE_OBJECTS: dict[str, Any] = {}


@dataclass(frozen=True)
class PageSpec:
    """One page of the app.

    Attributes
    ----------
    module
        Module name inside ``ui.pages`` defining ``render()``.
    title_key
        i18n key of the page title (``nav.<module>`` by convention).
    icon
        Material icon shown in the navigation.
    section
        i18n key of the navigation section.
    default
        The page opened at ``/``.
    optional
        A slot: skipped (no error) while its module does not exist.
    """

    module: str
    title_key: str
    icon: str
    section: str
    default: bool = False
    optional: bool = False

    @property
    def url_path(self) -> str:
        """Stable URL path (language-independent, so shared links keep working)."""
        return self.module.replace("_", "-")

    def available(self) -> bool:
        """Whether the page's module can be imported (always true for non-optional pages)."""
        if not self.optional:
            return True
        return importlib.util.find_spec(f"{__name__}.{self.module}") is not None

    def loader(self) -> Callable[[], None]:
        """The page's ``render`` function (imported on first use)."""
        module = importlib.import_module(f"{__name__}.{self.module}")
        return module.render


PAGES: tuple[PageSpec, ...] = (
    PageSpec("pool", "nav.pool", ":material/hub:", "nav.section.pool", default=True),
    PageSpec("results", "nav.results", ":material/monitoring:", "nav.section.pool"),
    PageSpec("compare", "nav.compare", ":material/compare_arrows:", "nav.section.pool"),
    PageSpec("assumptions", "nav.assumptions", ":material/tune:", "nav.section.analysis"),
    PageSpec("uncertainty", "nav.uncertainty", ":material/ssid_chart:", "nav.section.analysis",
             optional=True),
    PageSpec("fair_split", "nav.fair_split", ":material/balance:", "nav.section.analysis",
             optional=True),
    PageSpec("funding", "nav.funding", ":material/account_balance:", "nav.section.analysis",
             optional=True),
    PageSpec("batch", "nav.batch", ":material/dataset:", "nav.section.analysis"),
    PageSpec("share", "nav.share", ":material/share:", "nav.section.share"),
    PageSpec("method", "nav.method", ":material/menu_book:", "nav.section.share"),
)


def available_pages() -> list[PageSpec]:
    """The registered pages whose module exists, in navigation order."""
    return [spec for spec in PAGES if spec.available()]


def link(module: str, text: str, icon: str | None = None) -> None:
    """A link to another page of the app (nothing if that page is not registered)."""
    import streamlit as st

    page = PAGE_OBJECTS.get(module)
    if page is not None:
        st.page_link(page, label=text, icon=icon)
