"""``python -m reportlint`` and the ``reportlint`` command: the command line, with a Ctrl-C
pressed while its modules are still loading ending as quietly as one pressed later."""

import atexit
import os
import sys
import threading

from . import collector


def main() -> None:
    try:
        # The command line's modules are tens of thousands of objects that live as long as the
        # process: not walked over and over while they load (~4 ms of every run).
        with collector.paused(lasting=True):
            from . import class_code  # here: dataclasses and the rest it imports are part of that

            class_code.use_kept_code()  # this process is the command line (never a library user's)
            with class_code.while_loading():
                from .cli import main as run
    except KeyboardInterrupt:
        sys.stderr.write("reportlint: interrupted\n")
        raise SystemExit(130) from None
    run()


def entry() -> None:
    """The ``reportlint`` command and ``python -m reportlint``: ``main``, then the process ends
    at once. (``main`` itself ends by raising SystemExit, for a program that calls it.)"""
    try:
        main()
    except SystemExit as leaving:
        _end_at_once(leaving.code)
        raise


def _end_at_once(code: object) -> None:
    """End the process now that the command is done, without the interpreter's teardown, which
    frees every module and object one by one (~7 ms of a 90 ms check that lasts as long as it
    waits to be read): what a run leaves to be done at exit is done first, the output flushed.
    Returns, leaving the exit to Python, when anything is unusual: a message as the exit status,
    a thread still running (the interpreter would wait for it), output that cannot be flushed
    (a closed pipe: Python's own exit says nothing of it either)."""
    if not (code is None or isinstance(code, int)) or threading.active_count() > 1 or not _flushed():
        return
    atexit._run_exitfuncs()  # the cache stores kept for the next run; the pools' clean-up
    if _flushed():
        os._exit(code or 0)


def _flushed() -> bool:
    """Whether the output could be flushed (not a closed pipe)."""
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        return False
    return True


# Guarded: where worker processes are spawned, not forked (macOS, Windows), each worker imports
# the main module again, and must not run the command line a second time.
if __name__ == "__main__":
    entry()
