"""The typer application object and shared CLI helpers."""

from __future__ import annotations

import json
import math
from enum import Enum
from typing import Any

import typer

# Plain click help and tracebacks: rich (and typer's rich help) would cost ~0.1 s on every start.
app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  pretty_exceptions_enable=False,
                  help="Mutualise: what pooling support functions would really cost and save "
                       "(a simulation, not legal or tax advice).")
state: dict[str, Any] = {"debug": False}


class Format(str, Enum):
    """Output format of a command."""

    table = "table"
    json = "json"
    csv = "csv"


@app.callback()
def _root(debug: bool = typer.Option(False, "--debug", help="Show full tracebacks on errors.")) -> None:
    state["debug"] = debug


def jsonable(obj: Any) -> Any:
    """Replace NaN/inf by None and numpy scalars by Python numbers, recursively."""
    if isinstance(obj, dict):
        return {str(k): jsonable(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [jsonable(v) for v in obj]
    if hasattr(obj, "item") and not isinstance(obj, str):
        obj = obj.item()
    if isinstance(obj, float) and not math.isfinite(obj):
        return None
    return obj


def dumps(obj: Any) -> str:
    return json.dumps(jsonable(obj), ensure_ascii=False, indent=2, allow_nan=False)


def eur(x: float | None) -> str:
    """Belgian-style euro amount for terminal tables: 1 234 567 €."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "—"
    return f"{x:,.0f}".replace(",", "\u202f") + " €"
