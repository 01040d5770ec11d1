"""User-facing errors: every one names a field (or row and column) and says what was expected.

The engine validates its inputs once, at the boundary, and reports problems as :class:`InputError`
so the command line and the app can show a sentence a director understands instead of a traceback.
When several problems are found at once (a spreadsheet with many bad cells), they are gathered in
one :class:`InputErrors` so the user can fix them all in one go.
"""

from __future__ import annotations

from collections.abc import Iterable

from simulator.messages import Message

#: How many problems ``str(InputErrors)`` lists before summarising the rest.
MAX_LISTED = 20
#: How many problems a reader keeps in memory; beyond, it only counts them (``InputErrors.more``).
MAX_KEPT = 200
#: Longest message kept: a message must never render a huge value (an expanded YAML alias…).
MAX_MESSAGE_CHARS = 500


class InputError(ValueError):
    """Bad user input.

    Parameters
    ----------
    field
        Where the problem is: a field path (``"pool.members"``) or a cell
        (``"row 3, column 'accounting.fte'"``).
    message
        What is wrong and what was expected, as a sentence a director understands: a
        :class:`~simulator.messages.Message` (code, parameters, translations) or, for messages not
        yet in the catalogue, plain English text.
    source
        Optional name of the file the input came from.
    """

    def __init__(self, field: str, message: str, source: str | None = None):
        field = _clip(str(field), 120)
        if not isinstance(message, Message):  # a catalogue message keeps its code (its values are short)
            message = _clip(str(message), MAX_MESSAGE_CHARS)
        super().__init__(field, message, source)
        self.field = field
        self.message = message
        self.source = source

    def __str__(self) -> str:
        text = f"{self.field}: {self.message}"
        return f"{self.source}: {text}" if self.source else text

    @property
    def code(self) -> str | None:
        """The message's catalogue code (None for a message not yet in the catalogue)."""
        return getattr(self.message, "code", None)

    def render(self, lang: str = "en") -> str:
        """The message (without field and file) in ``lang``: ``fr``, ``nl`` or ``en``."""
        from simulator.messages import render

        return render(self.message, lang)


class InputErrors(InputError):
    """Several input problems found at once.

    Parameters
    ----------
    errors
        The individual problems, in the order found (kept in full in ``.errors``).
    source
        Optional name of the file they come from (each error also carries its own).

    Notes
    -----
    ``str()`` lists one problem per line, at most :data:`MAX_LISTED`, then says how many more
    there are, so a file with thousands of bad cells still gives a readable message.
    """

    def __init__(self, errors: Iterable[InputError], source: str | None = None, more: int = 0):
        self.errors: list[InputError] = list(errors)
        if not self.errors:
            raise ValueError("InputErrors needs at least one error")
        self.more = more  # further problems counted but not kept
        count = len(self.errors) + more
        super().__init__(self.errors[0].field, f"{count} problems found", source)
        self.args = (self.errors, source)

    def __str__(self) -> str:
        lines = [str(error) for error in self.errors[:MAX_LISTED]]
        hidden = len(self.errors) + self.more - min(len(self.errors), MAX_LISTED)
        if hidden > 0:
            lines.append(f"… and {hidden} more problem{'s' if hidden > 1 else ''}.")
        return "\n".join(lines)

    def __len__(self) -> int:
        return len(self.errors)


def raise_collected(errors: list[InputError], source: str | None = None, more: int = 0) -> None:
    """Raise nothing, the single error, or an :class:`InputErrors` holding them all
    (``more``: further problems counted but not kept)."""
    if len(errors) == 1 and not more:
        raise errors[0]
    if errors:
        raise InputErrors(errors, source, more)


def _clip(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis (messages stay one readable line)."""
    return text if len(text) <= limit else text[: limit - 1] + "…"
