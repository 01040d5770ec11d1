"""File uploaders that speak the user's language and refuse oversized files in words.

Streamlit's uploader writes its own button and hint in English ("Upload", "5MB per file • CSV")
and refuses a file over its ``max_upload_size`` with an English message of its own. Here:

- the browser lets through files up to :data:`BROWSER_LIMIT_MB` (well above what we accept, and
  ``server.maxUploadSize`` in ``.streamlit/config.toml``), so a file a little too large reaches
  our check (:data:`simulator.tabular.MAX_UPLOAD_BYTES`) and is refused with a sentence in the
  user's language that says the limit;
- the button and the hint are rewritten in the user's language with a scoped style (Streamlit
  marks each keyed widget with a ``st-key-<key>`` class).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import streamlit as st

from simulator.tabular import MAX_UPLOAD_BYTES
from ui.i18n import t

#: What the browser lets through (MB); our own limit is checked on the bytes received.
BROWSER_LIMIT_MB = 25


def _css_string(text: str) -> str:
    """``text`` as a CSS string literal (quotes and backslashes escaped)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def uploader_style(key: str, types: Sequence[str]) -> str:
    """The style that rewrites the uploader ``key``'s button and hint in the current language."""
    scope = ".st-key-" + re.sub(r"[^\w-]", "-", key)  # Streamlit's own class name for the key
    hint = t("upload.hint", mb=MAX_UPLOAD_BYTES // 2**20, types=", ".join(x.upper() for x in types))
    return (
        "<style>"
        f'{scope} [data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p'
        "{font-size:0;}"
        f'{scope} [data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p::after'
        f"{{content:{_css_string(t('upload.button'))};font-size:0.875rem;}}"
        f'{scope} [data-testid="stFileUploaderDropzoneInstructions"] span{{font-size:0;}}'
        f'{scope} [data-testid="stFileUploaderDropzoneInstructions"] span::after'
        f"{{content:{_css_string(hint)};font-size:0.875rem;}}"
        "</style>"
    )


def file_uploader(label: str, types: Sequence[str], key: str, container: Any = None, **kwargs: Any) -> Any:
    """``st.file_uploader`` in the user's language. The browser lets files up to
    :data:`BROWSER_LIMIT_MB` through: the engine's readers refuse anything over
    ``MAX_UPLOAD_BYTES`` with a sentence naming the limit (``error.too_large``). ``container``: a
    column (or other Streamlit container) to draw it in."""
    where = container if container is not None else st  # a column or form, or the page
    where.html(uploader_style(key, types))
    return where.file_uploader(label, type=list(types), key=key, max_upload_size=BROWSER_LIMIT_MB, **kwargs)

