"""``python -m reportlint`` and the ``reportlint`` command: the command line, with a Ctrl-C
pressed while its modules are still loading ending as quietly as one pressed later."""

import sys

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


# Guarded: where worker processes are spawned, not forked (macOS, Windows), each worker imports
# the main module again, and must not run the command line a second time.
if __name__ == "__main__":
    main()
