"""The ``mutualise`` command line (also ``python -m simulator``), on top of the public API.

Each command group lives in its own module and registers on :data:`app`. Errors print one
readable line naming the file and field and exit with status 2; ``--debug`` shows the traceback.
Operating-system errors (no permission, disk full, a folder where a file was expected) are
refusals too (status 2, naming the path). Ctrl-C prints ``interrupted`` and exits with 130
(128 + SIGINT, the shell convention); exports are transactions, so nothing is left half-written.
"""

from __future__ import annotations

import sys

from simulator.cli import extra as _extra  # noqa: F401  (registers optional command groups)
from simulator.cli import run as _run  # noqa: F401  (registers commands)
from simulator.cli._app import app, state
from simulator.errors import InputError

__all__ = ["app", "main"]

#: Exit status after Ctrl-C: 128 + SIGINT, the shell's convention.
INTERRUPTED = 130


def main(argv: list[str] | None = None) -> int:
    """Entry point: run the CLI, turn input errors into one line on stderr and exit status 2."""
    try:
        status = app(args=argv, standalone_mode=False)
        if status == INTERRUPTED:  # typer turns Ctrl-C into this status in non-standalone mode
            raise KeyboardInterrupt
    except SystemExit as exc:  # typer/click exits (help, usage errors)
        return int(exc.code or 0)
    except InputError as exc:
        if state.get("debug"):
            raise
        print(f"error: {exc}".replace("\n", "\n  "), file=sys.stderr)
        return 2
    except FileExistsError as exc:
        if state.get("debug"):
            raise
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        if state.get("debug"):
            raise
        print("interrupted: nothing was written", file=sys.stderr)
        return INTERRUPTED
    except MemoryError:
        if state.get("debug"):
            raise
        print("error: not enough memory for this run; use fewer draws or members", file=sys.stderr)
        return 2
    except OSError as exc:
        if state.get("debug"):
            raise
        print(f"error: {_os_message(exc)}", file=sys.stderr)
        return 2
    except Exception as exc:  # click usage errors and anything unexpected
        import click
        import typer

        # typer ≥ 0.16 vendors its own copy of click: accept usage errors from either
        click_error = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException")
        if isinstance(exc, click.exceptions.ClickException | click_error):  # one line, status 2
            message = " ".join(exc.format_message().split())
            print(f"error: {message} (see --help)", file=sys.stderr)
            return exc.exit_code
        if isinstance(exc, click.exceptions.Abort | typer.Abort):
            if isinstance(exc.__cause__ or exc.__context__, KeyboardInterrupt):  # click wraps Ctrl-C
                print("interrupted: nothing was written", file=sys.stderr)
                return 130
            print("aborted", file=sys.stderr)
            return 1
        if state.get("debug"):
            raise
        print(f"error: unexpected {type(exc).__name__}: {exc} (rerun with --debug for details)",
              file=sys.stderr)
        return 1
    return 0


def _os_message(exc: OSError) -> str:
    """One line naming the user's path and the reason (no temporary names, no traceback)."""
    where = exc.filename if exc.filename is not None else "(file)"
    reason = (exc.strerror or type(exc).__name__).rstrip(".")
    return f"{where}: {reason.lower()}"
