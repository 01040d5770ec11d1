"""pydantic's validation errors in the catalogue's words (:mod:`simulator.messages`).

Each pydantic error type maps to a catalogue code with an English template filled from the error's
context, so a schema problem reads the same in every file format and language, and pydantic's own
English ("Input should be …") is never shown.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from simulator.messages import N_, Message, did_you_mean, msg

__all__ = ["schema_message"]


#: pydantic error type -> (code, English template); ``{...}`` filled from the error's context.
_SCHEMA_MESSAGES: dict[str, tuple[str, str]] = {
    "missing": N_("schema.missing", "this field is required"),
    "string_type": N_("schema.text", "expected text, got {input}"),
    "int_type": N_("schema.whole_number", "expected a whole number, got {input}"),
    "int_parsing": N_("schema.whole_number", "expected a whole number, got {input}"),
    "int_from_float": N_("schema.whole_number", "expected a whole number, got {input}"),
    "float_type": N_("schema.number", "expected a number, got {input}"),
    "float_parsing": N_("schema.number", "expected a number, got {input}"),
    "finite_number": N_("schema.finite", "expected a finite number, got {input}"),
    "bool_type": N_("schema.yes_no", "expected yes or no (true/false), got {input}"),
    "bool_parsing": N_("schema.yes_no", "expected yes or no (true/false), got {input}"),
    "dict_type": N_("schema.mapping", "expected a mapping of keys to values"),
    "model_type": N_("schema.mapping", "expected a mapping of keys to values"),
    "model_attributes_type": N_("schema.mapping", "expected a mapping of keys to values"),
    "list_type": N_("schema.list", "expected a list"),
    "literal_error": N_("schema.one_of", "expected one of: {expected}"),
    "greater_than_equal": N_("schema.at_least", "must be at least {ge}"),
    "greater_than": N_("schema.more_than", "must be more than {gt}"),
    "less_than_equal": N_("schema.at_most", "must be at most {le}"),
    "less_than": N_("schema.less_than", "must be less than {lt}"),
    "too_long": N_("schema.too_long", "has more than {max_length} entries"),
}


def schema_message(e: Mapping[str, Any],
                   keys_at: Callable[[tuple[Any, ...]], list[str]] | None = None) -> Message | str:
    """One pydantic error (an item of ``ValidationError.errors()``) as a :class:`Message` in the
    catalogue's words, never pydantic's raw English. ``keys_at(loc)`` lists the keys allowed where
    an unknown key was found (for a "did you mean" hint)."""
    kind, ctx = e["type"], dict(e.get("ctx") or {})
    ctx_err = ctx.get("error")
    if isinstance(ctx_err, ValueError) and ctx_err.args and isinstance(ctx_err.args[0], Message):
        return ctx_err.args[0]  # raised by one of our validators
    if isinstance(ctx_err, ValueError) and ctx_err.args and isinstance(ctx_err.args[0], str):
        return ctx_err.args[0]  # a validator's own sentence, not yet in the catalogue
    ctx.pop("error", None)
    if kind in ("extra_forbidden", "extra_forbid"):
        known = keys_at(tuple(e["loc"][:-1])) if keys_at else []
        return msg("schema.unknown_key", "unknown key{hint}", hint=did_you_mean(str(e["loc"][-1]), known))
    if kind in ("string_too_short", "too_short"):
        if int(ctx.get("min_length", 1)) <= 1:
            return msg("schema.empty", "must not be empty")
        return msg("schema.too_short", "needs at least {min_length} entries", min_length=ctx["min_length"])
    if kind in _SCHEMA_MESSAGES:
        code, english = _SCHEMA_MESSAGES[kind]
        if kind == "literal_error":
            ctx["expected"] = re.findall(r"'([^']*)'", str(ctx.get("expected", ""))) or [ctx.get("expected")]
        return msg(code, english, input=_short(e.get("input")), **ctx)
    return msg("schema.invalid", "this value is not accepted ({detail})",
               detail=str(e.get("msg", "")).removeprefix("Value error, "))


def _short(value: Any, limit: int = 40) -> str:
    """A value quoted for a message, cut short (a huge input is never echoed whole)."""
    if isinstance(value, bool):  # as written in YAML
        return str(value).lower()
    text = repr(value) if not isinstance(value, str) else f"'{value}'"
    return text if len(text) <= limit else text[: limit - 1] + "…"
