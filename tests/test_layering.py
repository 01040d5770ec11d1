"""The engine never imports the app: no module under ``simulator/`` imports ``ui`` (nor Streamlit).

The arrow goes one way — ``ui`` → ``simulator`` — so the command line, the brief and any analyst
script run without the app. Every ``import`` and ``from … import`` statement of every module is
read with :mod:`ast`, including those inside functions (lazy imports count too).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from fresh_python import modules_after

ROOT = Path(__file__).resolve().parents[1]
MODULES = sorted((ROOT / "simulator").rglob("*.py"))
#: Top-level packages the engine must not import.
FORBIDDEN = ("ui", "streamlit", "app")


def imported_roots(source: str) -> set[str]:
    """The top-level package of every module a source imports (absolute imports only)."""
    roots = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            roots.add(node.module.split(".")[0])
    return roots


def dynamic_imports(source: str) -> set[str]:
    """Top-level packages named as a string to ``importlib.import_module`` / ``__import__``."""
    out = set()
    for node in ast.walk(ast.parse(source)):
        if (isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
                and getattr(node.func, "attr", getattr(node.func, "id", "")) in ("import_module", "__import__")):
            out.add(node.args[0].value.split(".")[0])
    return out


def test_the_scan_sees_every_kind_of_import():
    source = ("import ui\nimport ui.i18n as x\nfrom ui.formatting import money\n"
              "def f():\n    from streamlit import cache\n    import importlib\n"
              "    importlib.import_module('app')\nfrom . import sibling\n")
    assert imported_roots(source) >= {"ui", "streamlit", "importlib"}
    assert dynamic_imports(source) == {"app"}
    assert "sibling" not in imported_roots(source)


def test_the_engine_has_modules_to_scan():
    names = {p.relative_to(ROOT).as_posix() for p in MODULES}
    assert {"simulator/kernel.py", "simulator/report/render.py", "simulator/report/sector_render.py",
            "simulator/formatting.py"} <= names


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_no_engine_module_imports_the_app(path):
    source = path.read_text(encoding="utf-8")
    found = (imported_roots(source) | dynamic_imports(source)) & set(FORBIDDEN)
    assert not found, f"{path.relative_to(ROOT)} imports {sorted(found)}: the engine must not depend on the app"


def test_importing_the_report_loads_nothing_of_the_app():
    """The same at run time, in a fresh interpreter: the brief's modules load no ``ui`` module."""
    loaded = modules_after("import simulator.report, simulator.report.render, simulator.report.sector_render, "
                           "simulator.report.figures, simulator.cli.brief")
    assert sorted(m for m in loaded if m.split(".")[0] in ("ui", "streamlit")) == []
