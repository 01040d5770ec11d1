"""Helpers for tests that press Ctrl-C on a real command-line process."""

import signal


def sigint_as_at_a_terminal() -> None:
    """``preexec_fn`` for a child that will receive SIGINT: restore its default disposition.

    A shell without job control starts background jobs with SIGINT *ignored*, and children
    inherit that (a test suite run with ``&``, by a CI runner…); Python then never raises
    KeyboardInterrupt, and a Ctrl-C test would see a command that runs to its end.
    """
    signal.signal(signal.SIGINT, signal.SIG_DFL)
