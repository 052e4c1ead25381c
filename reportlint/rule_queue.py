"""The rules of one document shared out between this process and a forked one: this one takes
them from the front, the forked one, once done with the rules sent to it, from the back, so
that neither stays idle while the other still has rules to check (engine.run_rules).

No lock: each process writes only its own end, in one byte of shared memory (a byte is never
read half-written), and reads the other's before it takes a rule. Where both ends meet at the
same moment, both may take the same rule: it is then checked twice, and this process keeps its
own outcome. A rule is never taken by neither: this one stops only at a rule the other has
already said it takes.
"""

from __future__ import annotations

import mmap

#: the most rules a queue holds (its ends are bytes); a run with more shares none out
MOST_RULES = 255
_FRONT, _BACK = 0, 1


class RuleQueue:
    """Rules 0 … count-1 in order, of which the forked process may take those from
    *shareable_from* on; made before the fork, so that both processes share it."""

    def __init__(self, count: int, shareable_from: int = 0) -> None:
        if not 0 <= shareable_from <= count <= MOST_RULES:
            raise ValueError(f"a rule queue holds 0 to {MOST_RULES} rules: {shareable_from} of {count}")
        self._shareable_from = shareable_from
        self._ends = mmap.mmap(-1, 2)  # anonymous and shared: a forked child writes the same bytes
        self._ends[_FRONT], self._ends[_BACK] = 0, count

    def take_front(self, index: int) -> bool:
        """This process takes rule *index*, the next from the front, unless the other one has."""
        if index >= self._ends[_BACK]:
            return False
        self._ends[_FRONT] = index + 1
        return True

    def take_back(self) -> int | None:
        """The forked process takes the last rule neither has taken: its index; None when none
        is left that it may take."""
        index = self._ends[_BACK] - 1
        if index < max(self._shareable_from, self._ends[_FRONT]):
            return None
        self._ends[_BACK] = index
        return index

    def close(self) -> None:
        self._ends.close()
