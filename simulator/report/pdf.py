"""HTML to PDF with headless Debian chromium (``--print-to-pdf``), the same browser kaleido uses.

Chromium lays out the self-contained HTML brief (inline CSS and SVG, no network) exactly as a
browser shows it and embeds the fonts it used (DejaVu Sans carries é, ë, €). It runs in a
throw-away profile so parallel runs never share state; no network, no sandbox-needing features.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from simulator.errors import InputError

#: Where chromium is looked for (``BROWSER_PATH`` first, as kaleido does).
CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
TIMEOUT_S = 60
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--no-pdf-header-footer", "--disable-extensions")


def browser() -> str:
    """Path of the chromium executable, or an InputError saying how to install it."""
    env = os.environ.get("BROWSER_PATH")
    if env and Path(env).exists():
        return env
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    raise InputError("report", "the brief needs chromium to draw its charts and print the PDF "
                     "(Debian: apt-get install chromium)")


def html_to_pdf(html: str) -> bytes:
    """Print a self-contained HTML page to PDF bytes (A4, page size from the page's CSS)."""
    exe = browser()
    with tempfile.TemporaryDirectory(prefix="mutualise-brief-") as tmp:
        page = Path(tmp) / "brief.html"
        out = Path(tmp) / "brief.pdf"
        page.write_text(html, encoding="utf-8")
        cmd = [exe, *FLAGS, f"--user-data-dir={Path(tmp) / 'profile'}",
               f"--print-to-pdf={out}", page.as_uri()]
        try:
            proc = subprocess.run(cmd, capture_output=True, timeout=TIMEOUT_S, check=False)
        except subprocess.TimeoutExpired:
            raise InputError("report", f"chromium did not print the brief within {TIMEOUT_S} s") from None
        if not out.exists() or out.stat().st_size == 0:
            tail = proc.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
            raise InputError("report", f"chromium could not print the brief ({tail[0][:200]})")
        return out.read_bytes()
