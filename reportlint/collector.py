"""The cyclic garbage collector paused around work that makes many objects at once.

Python's collector starts a pass every 700 new objects and walks whatever it has not yet
promoted: while a report's document or the rule registry is being built, that is the same
growing heap again and again.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused(lasting: bool = False) -> Iterator[None]:
    """No collection meanwhile; it resumes afterwards if it was on. *lasting*: what is made
    meanwhile lives as long as the process (the command line's modules, the rule modules, the
    packs' rules that lru_cache holds), so the collector is told to leave it alone for good
    (gc.freeze) rather than walk it all at its next pass; only what is garbage in a cycle at
    that moment is kept too, once per process."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if lasting:
            gc.freeze()
        if was_enabled:
            gc.enable()
