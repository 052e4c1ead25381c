"""``python -m reportlint`` and the ``reportlint`` command: the command line, with a Ctrl-C
pressed while its modules are still loading ending as quietly as one pressed later."""

import gc
import sys


def main() -> None:
    # The command line's modules are tens of thousands of objects that live as long as the
    # process: the cyclic garbage collector, started every 700 new objects, would walk them over
    # and over while they load. Paused, then told to leave them be for good (freeze) rather
    # than walk them all in one go when it resumes (~4 ms of every run).
    gc.disable()
    try:
        from .cli import main as run
    except KeyboardInterrupt:
        sys.stderr.write("reportlint: interrupted\n")
        raise SystemExit(130) from None
    finally:
        gc.freeze()
        gc.enable()
    run()


# Guarded: where worker processes are spawned, not forked (macOS, Windows), each worker imports
# the main module again, and must not run the command line a second time.
if __name__ == "__main__":
    main()
