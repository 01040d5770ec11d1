"""Never a traceback: every page body runs inside :func:`page_guard`.

* :class:`simulator.errors.InputError` (bad field, bad cell) -> a red box naming the field/row/column;
  several problems (:class:`~simulator.errors.InputErrors`) are listed together so they can all be
  fixed in one go.
* Anything else -> a calm message; details (the traceback) only in debug mode, i.e. when the
  environment variable ``MUTUALISE_DEBUG`` is set to ``1`` on the server.

Streamlit's own control flow (``st.rerun``, ``st.stop``, ``st.switch_page``) derives from
``BaseException`` and passes through untouched.
"""

from __future__ import annotations

import logging
import os
import traceback
from collections.abc import Iterator
from contextlib import contextmanager

import streamlit as st

from simulator.errors import InputError, InputErrors
from ui.i18n import current_language, t, tn
from ui.share import ShareError

LOG = logging.getLogger("mutualise.ui")

#: How many individual problems are listed inline before summarising.
MAX_SHOWN = 20


def debug_mode() -> bool:
    """True when the server was started with ``MUTUALISE_DEBUG=1``."""
    return os.environ.get("MUTUALISE_DEBUG", "") == "1"


def input_error_lines(exc: InputError) -> list[str]:
    """One line per problem: ``field — message`` (source file first when known)."""
    errors = exc.errors if isinstance(exc, InputErrors) else [exc]
    lines = []
    for err in errors[:MAX_SHOWN]:
        field = _describe(err.field)
        where = f"{err.source} · {field}" if err.source else field
        lines.append(t("error.input_line", field=where, message=err.render(current_language())))
    hidden = len(errors) - MAX_SHOWN
    if hidden > 0:
        lines.append(tn("error.more", hidden))
    return lines


def _describe(field: str) -> str:
    """The field path made readable in the current language (raw path if unknown)."""
    try:
        from ui.widgets import describe_field

        return describe_field(field)
    except Exception:  # describing must never hide the error itself
        return field


def show_input_error(exc: InputError, title_key: str = "error.input_title") -> None:
    """Show an input problem inline, naming the field (or row and column)."""
    lines = input_error_lines(exc)
    st.error(t(title_key) + "\n\n" + "\n".join(f"- {line}" for line in lines), icon="⚠️")


def show_unexpected(exc: BaseException) -> None:
    """A calm message for an unexpected failure; details only in debug mode."""
    LOG.exception("unexpected error in the app", exc_info=exc)
    st.error(t("error.unexpected"), icon="⚠️")
    if debug_mode():
        with st.expander(t("error.details")):
            st.code("".join(traceback.format_exception(exc)), language="text")


@contextmanager
def page_guard() -> Iterator[None]:
    """Run a page body; show input problems inline and hide any traceback."""
    try:
        yield
    except InputError as exc:
        show_input_error(exc)
    except ShareError:
        st.error(t("error.share_link"), icon="⚠️")
    except Exception as exc:  # the app must never show a raw traceback
        show_unexpected(exc)
