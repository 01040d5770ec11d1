"""Plotly figures to static SVG through kaleido 1.x and Debian's chromium (no browser download).

kaleido finds ``/usr/bin/chromium`` by itself (or ``BROWSER_PATH``). Starting a browser costs
about 3 s; :func:`svg` keeps one kaleido server per process (started on first use, stopped at
exit), after which each figure takes about 0.2 s. kaleido is imported only here, so the rest of
the package (and every other command) does not need it.
"""

from __future__ import annotations

import atexit
import re
import threading
import warnings

import plotly.graph_objects as go

from simulator.errors import InputError

#: Font stack of every static figure: DejaVu Sans (Debian's default) carries é, ë, € and more.
FONT_FAMILY = "DejaVu Sans, Liberation Sans, Arial, sans-serif"
#: Width of a figure in the brief, in CSS pixels (A4 text width at 96 dpi).
WIDTH = 700

_lock = threading.Lock()
_started = False


def _server() -> object:
    """The kaleido module with its sync server running (started once per process)."""
    global _started
    try:
        import kaleido
    except ModuleNotFoundError:
        raise InputError("report", "the brief needs kaleido: pip install 'mutualise[report]'") from None
    with _lock:
        if not _started:
            kaleido.start_sync_server(silence_warnings=True)
            atexit.register(_stop)
            _started = True
    return kaleido


def warm_up() -> threading.Thread:
    """Start kaleido's browser in the background (about 3 s) while the engine runs."""
    thread = threading.Thread(target=_quiet_server, name="kaleido-warm-up", daemon=True)
    thread.start()
    return thread


def _quiet_server() -> None:
    try:
        _server()
    except Exception:  # the same error is raised again, with its message, by svg()
        pass


def _stop() -> None:
    global _started
    if _started:
        import kaleido

        kaleido.stop_sync_server(silence_warnings=True)
        _started = False


def svg(fig: go.Figure, width: int = WIDTH, height: int | None = None) -> str:
    """The figure as an SVG document (text kept as text, so it is searchable and sharp).

    The figure is drawn with :data:`FONT_FAMILY` and a transparent paper; everything else is
    the figure as the app shows it.
    """
    kaleido = _server()
    fig = go.Figure(fig)  # never restyle the caller's figure
    fig.update_layout(font_family=FONT_FAMILY, paper_bgcolor="rgba(0,0,0,0)")
    height = height or int(fig.layout.height or 420)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        data = kaleido.calc_fig_sync(fig.to_dict(), opts={"format": "svg", "width": width,
                                                          "height": height, "scale": 1})
    text = data.decode("utf-8") if isinstance(data, bytes) else str(data)
    return strip_prolog(text)


def strip_prolog(text: str) -> str:
    """An SVG document ready to inline in HTML (no XML declaration or doctype)."""
    text = re.sub(r"^\s*<\?xml[^>]*>\s*", "", text)
    return re.sub(r"^\s*<!DOCTYPE[^>]*>\s*", "", text)
