"""``--set KEY=VALUE``: dotted-key overrides typed on the command line, read like a file's values.

``funding.startup_grant.share=0.8`` sets one leaf; the value is read as YAML (``0.8`` a number,
``true`` a switch, ``[a, b]`` a list, ``null`` removes a pooled function), so a ``--set`` means
exactly what the same line means in a scenario file. The scenario with every override applied is
then validated as a whole (:meth:`simulator.Scenario.with_overrides`): an unknown key or a bad
value is an error naming it, and nothing runs.
"""

from __future__ import annotations

from typing import Any

import yaml

from simulator.errors import InputError


def parse_overrides(items: list[str]) -> dict[str, Any]:
    """``["a.b=1", "c=x"]`` → ``{"a.b": 1, "c": "x"}``; a malformed or repeated key is an error."""
    out: dict[str, Any] = {}
    for item in items:
        key, sep, raw = item.partition("=")
        key = key.strip()
        if not sep or not key or any(not part for part in key.split(".")):
            raise InputError("--set", f"expected KEY=VALUE with a dotted key, got {item!r}")
        if key in out:
            raise InputError("--set", f"{key} is set twice")
        try:
            out[key] = yaml.safe_load(raw) if raw.strip() else ""
        except yaml.YAMLError:
            raise InputError(f"--set {key}", f"cannot read the value {raw!r}") from None
    return out


def variant_name(stem: str, changes: dict[str, Any]) -> str:
    """Column name of a variant: ``a (funding.loan.years=5)``."""
    return f"{stem} (" + ", ".join(f"{k}={v}" for k, v in changes.items()) + ")"


def apply_overrides(scenario: Any, changes: dict[str, Any]) -> Any:
    """The scenario with ``changes`` applied and validated; errors name the ``--set`` key."""
    try:
        return scenario.with_overrides(changes)
    except InputError as exc:
        if not exc.source:
            exc.source = "--set"
        raise
