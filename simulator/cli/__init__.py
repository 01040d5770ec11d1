"""The ``mutualise`` command line (also ``python -m simulator``), on top of the public API.

Each command group lives in its own module and registers on :data:`app`. Errors print one
readable line naming the file and field and exit with status 2; ``--debug`` shows the traceback.
"""

from __future__ import annotations

import sys

from simulator.cli import extra as _extra  # noqa: F401  (registers optional command groups)
from simulator.cli import run as _run  # noqa: F401  (registers commands)
from simulator.cli._app import app, state
from simulator.errors import InputError

__all__ = ["app", "main"]


def main(argv: list[str] | None = None) -> int:
    """Entry point: run the CLI, turn input errors into one line on stderr and exit status 2."""
    try:
        app(args=argv, standalone_mode=False)
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
    except Exception as exc:  # click usage errors and anything unexpected
        import click
        import typer

        # typer ≥ 0.16 vendors its own copy of click: accept usage errors from either
        click_error = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException")
        if isinstance(exc, click.exceptions.ClickException | click_error):
            exc.show()
            return exc.exit_code
        if isinstance(exc, click.exceptions.Abort | typer.Abort):
            print("aborted", file=sys.stderr)
            return 1
        if state.get("debug"):
            raise
        print(f"error: unexpected {type(exc).__name__}: {exc} (rerun with --debug for details)",
              file=sys.stderr)
        return 1
    return 0
