"""``mutualise brief``: writes HTML or PDF atomically, refuses to overwrite, names bad input."""

from __future__ import annotations

import re
from pathlib import Path

from simulator.cli import main

ROOT = Path(__file__).resolve().parents[2]
SCENARIO = str(ROOT / "scenarios" / "d_tiny_commercial_provider.yaml")


def test_html_brief_is_self_contained(tmp_path, capsys):
    out = tmp_path / "brief.html"
    assert main(["brief", SCENARIO, "--out", str(out), "--lang", "en", "--draws", "300",
                 "--seed", "5"]) == 0
    assert "wrote" in capsys.readouterr().out
    html = out.read_text(encoding="utf-8")
    assert html.count("<svg") >= 4  # waterfall, members, cash flows, drivers (plotly SVG)
    # self-contained: no script, stylesheet, image or font fetched from anywhere
    assert not re.search(r"<(script|link|img|iframe)\b", html)
    assert not re.search(r"""(src|href)\s*=\s*["'](https?:|//|file:)""", html)
    assert "url(http" not in html and "@import" not in html
    assert "--draws 300 --seed 5" in html
    assert [p.name for p in tmp_path.iterdir()] == ["brief.html"]  # no temporary file left


def test_pdf_brief_and_overwrite_rules(tmp_path, capsys):
    out = tmp_path / "brief.pdf"
    args = ["brief", SCENARIO, "--out", str(out), "--draws", "300"]
    assert main(args) == 0 and out.read_bytes().startswith(b"%PDF-")
    before = out.stat().st_mtime_ns
    assert main(args) == 2
    assert "would overwrite" in capsys.readouterr().err
    assert out.stat().st_mtime_ns == before
    assert main([*args, "--overwrite"]) == 0


def test_bad_arguments_exit_2_with_one_line(tmp_path, capsys):
    assert main(["brief", SCENARIO, "--out", str(tmp_path / "brief.docx")]) == 2
    err = capsys.readouterr().err
    assert "--out" in err and ".pdf or .html" in err and len(err.strip().splitlines()) == 1
    assert main(["brief", SCENARIO, "--out", str(tmp_path / "nowhere" / "b.html"), "--draws", "50"]) == 2
    assert "does not exist" in capsys.readouterr().err
    assert main(["brief", SCENARIO, "--out", str(tmp_path / "b.html"), "--lang", "de"]) == 2
    assert main(["brief", str(tmp_path / "missing.yaml"), "--out", str(tmp_path / "b.html")]) == 2
    assert list(tmp_path.iterdir()) == []


STUDY = str(ROOT / "scenarios" / "funding" / "funding_options.yaml")


def test_sector_study_brief_from_the_command_line(tmp_path, capsys):
    """A funding options file gives the funder's brief; without draws it says there is no band."""
    out = tmp_path / "funder.html"
    assert main(["brief", STUDY, "--out", str(out), "--lang", "nl", "--generate", "120", "--draws", "0",
                 "--seed", "2"]) == 0
    assert "0 draws, seed 2" in capsys.readouterr().out
    html = out.read_text(encoding="utf-8")
    assert "Nota voor de financier" in html and "<svg" not in html  # no draws: no chart of the bands
    assert f"mutualise brief {STUDY} --out brief.pdf --lang nl --draws 0 --seed 2 --generate 120" in html
    assert not re.search(r"<(script|link|img|iframe)\b", html)


def test_population_options_apply_to_a_study_only(tmp_path, capsys):
    assert main(["brief", SCENARIO, "--out", str(tmp_path / "b.html"), "--generate", "50"]) == 2
    err = capsys.readouterr().err
    assert "--generate" in err and len(err.strip().splitlines()) == 1
    assert main(["brief", STUDY, "--out", str(tmp_path / "b.html"), "--generate", "50",
                 "--population", str(tmp_path / "x.csv")]) == 2
    assert "not both" in capsys.readouterr().err
    assert main(["brief", STUDY, "--out", str(tmp_path / "b.html"), "--population", str(tmp_path / "x.csv")]) == 2
    assert "x.csv" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []
