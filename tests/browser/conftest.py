"""Fixtures of the real-browser tests: ``streamlit run app.py`` on 127.0.0.1 and Debian's chromium.

Shared by every ``tests/browser`` module so the app and the browser start once per session.
Chromium: ``bash .ci/install-chromium.sh`` (never ``playwright install``). Without
``/usr/bin/chromium`` these tests fail when ``CI`` is set and are skipped, loudly, otherwise.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
import warnings

import pytest
from browser_env import CHROMIUM, LAUNCH_ARGS, ROOT, WAIT_MS


def require_chromium() -> None:
    """Fail in CI, skip loudly elsewhere, when Debian's chromium is not installed."""
    if CHROMIUM.exists():
        return
    reason = (f"{CHROMIUM} is missing: run `bash .ci/install-chromium.sh` "
              "(Debian chromium; never `playwright install`)")
    if os.environ.get("CI"):
        pytest.fail(f"CI is set and {reason}")
    warnings.warn(f"BROWSER TESTS SKIPPED — {reason}", stacklevel=2)
    sys.stderr.write(f"\n*** BROWSER TESTS SKIPPED — {reason} ***\n")
    pytest.skip(f"BROWSER TESTS SKIPPED — {reason}")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def app_url():
    """``streamlit run app.py`` on 127.0.0.1 and a free port; terminated at the end."""
    require_chromium()
    port = free_port()
    command = [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"),
               "--server.headless", "true", "--server.address", "127.0.0.1",
               "--server.port", str(port), "--browser.gatherUsageStats", "false",
               "--server.fileWatcherType", "none"]
    server = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as reply:
                    if reply.read().decode().strip() == "ok":
                        break
            except OSError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                output = server.stdout.read().decode(errors="replace") if server.stdout else ""
                pytest.fail(f"streamlit did not start:\n{output[-3000:]}")
            time.sleep(0.3)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


@pytest.fixture(scope="session")
def browser(app_url):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                     args=LAUNCH_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, app_url):
    context = browser.new_context(viewport={"width": 1280, "height": 1100}, accept_downloads=True,
                                  locale="fr-BE")
    tab = context.new_page()
    tab.set_default_timeout(WAIT_MS)
    tab.goto(app_url)
    tab.get_by_role("heading", name="Construire le pool").wait_for()
    tab.get_by_test_id("stMetricValue").first.wait_for()
    yield tab
    context.close()
