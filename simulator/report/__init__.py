"""Board-ready brief: a two-to-four-page note of one scenario, as PDF or self-contained HTML.

Usage::

    from simulator.report import build_brief, write_brief
    brief = build_brief("scenarios/b_shared_house.yaml", lang="nl", draws=10_000, seed=1)
    write_brief(brief, "brief.pdf")            # or "brief.html"; refuses to overwrite unless asked

    # the funder's brief of a sector funding study (options file × population)
    from simulator.report import build_sector_brief
    note = build_sector_brief("scenarios/funding/funding_options.yaml", generate=1000, draws=200, seed=1)
    write_brief(note, "funder.pdf")

Modules: :mod:`~simulator.report.content` (the engine calls and every number of the note),
:mod:`~simulator.report.figures` (the plotly figures the app shows too),
:mod:`~simulator.report.images` (figures → SVG through kaleido and Debian's chromium),
:mod:`~simulator.report.render` (HTML from a Jinja2 template), :mod:`~simulator.report.pdf`
(HTML → PDF with headless chromium); :mod:`~simulator.report.sector` and
:mod:`~simulator.report.sector_render` do the same for a sector funding study;
:mod:`~simulator.report.texts` holds every sentence in fr/nl/en. kaleido, Jinja2 and chromium are
needed only here (the ``report`` extra); nothing in this package imports Streamlit or the app
(``ui``): numbers are formatted by :mod:`simulator.formatting`.
"""

from __future__ import annotations

from pathlib import Path

from simulator.errors import InputError
from simulator.report.content import DEFAULT_DRAWS, DEFAULT_SEED, LANGUAGES, Brief, build_brief
from simulator.report.sector import SectorBrief, build_sector_brief, is_funding_study, sector_brief

#: Output formats by file suffix.
FORMATS = {".pdf": "pdf", ".html": "html", ".htm": "html"}

__all__ = ["DEFAULT_DRAWS", "DEFAULT_SEED", "FORMATS", "LANGUAGES", "Brief", "SectorBrief", "brief_bytes",
           "build_brief", "build_sector_brief", "check_target", "is_funding_study", "output_format",
           "sector_brief", "write_brief"]


def output_format(path: str | Path) -> str:
    """``pdf`` or ``html`` from the file's suffix, else an InputError naming ``--out``."""
    fmt = FORMATS.get(Path(path).suffix.lower())
    if fmt is None:
        raise InputError("--out", f"expected a file ending in .pdf or .html, got {str(path)!r}")
    return fmt


def brief_bytes(brief: Brief | SectorBrief, fmt: str = "pdf") -> bytes:
    """The brief (of a pool or of a sector study) as PDF bytes or as UTF-8 HTML bytes (one
    self-contained page)."""
    from simulator.report.pdf import html_to_pdf

    if fmt not in ("pdf", "html"):
        raise InputError("format", f"expected pdf or html, got {fmt!r}")
    if isinstance(brief, SectorBrief):
        from simulator.report.sector_render import render_html
    else:
        from simulator.report.render import render_html
    html = render_html(brief)
    return html_to_pdf(html) if fmt == "pdf" else html.encode("utf-8")


def check_target(out: str | Path, overwrite: bool = False) -> str:
    """The output format of ``out``, after checking its suffix, its folder and overwriting."""
    from simulator.export import refuse_overwrite

    path = Path(out)
    fmt = output_format(path)
    if not path.parent.is_dir():
        raise InputError("--out", f"folder {str(path.parent)!r} does not exist")
    refuse_overwrite([path], overwrite)
    return fmt


def write_brief(brief: Brief | SectorBrief, out: str | Path, overwrite: bool = False) -> Path:
    """Write the brief to ``out`` (.pdf or .html): atomically, never replacing a file unasked."""
    from simulator.export import atomic_write

    path = Path(out)
    fmt = check_target(path, overwrite)
    data = brief_bytes(brief, fmt)  # everything computed before anything is written
    atomic_write(path, lambda p: p.write_bytes(data))
    return path
