"""When documents are linted: off the event loop, one at a time, never published stale.

Linting a real report takes 0.1 to 0.7 s of CPU. It runs in one worker thread, so the server keeps
answering (hovers, code actions, other documents) meanwhile; one thread, because the lint is pure
Python and two threads would only share one interpreter lock. Typing is debounced: each change
waits DELAY and a newer change cancels the wait, or the queued lint, of the one before. A lint's
outcome is kept and published only when the document still has the version it linted.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

from .documents import Outcome, Snapshot, lint_snapshot

DELAY = 0.3  # seconds after the last change; enough for a burst of keys, short enough to feel live

logger = logging.getLogger(__name__)
T = TypeVar("T")


class Linter:
    """Lints the documents of one server. *snapshot(uri)* reads a document's current text (None
    once it is closed or not linted); *publish(outcome)* is called with each fresh outcome."""

    def __init__(self, snapshot: Callable[[str], Snapshot | None], publish: Callable[[Outcome], None],
                 lint: Callable[[Snapshot], Outcome] = lint_snapshot) -> None:
        self._snapshot = snapshot
        self._publish = publish
        self._lint = lint
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="reportlint-lint")
        self._pending: dict[str, asyncio.Task] = {}
        self._outcomes: dict[str, Outcome] = {}

    def schedule(self, uri: str, delay: float = DELAY, again: bool = False) -> None:
        """Lint *uri* after *delay* seconds (0: now), dropping the lint planned before; *again*:
        even when its text was linted already (on save: its config may have changed)."""
        self.cancel(uri)
        task = asyncio.get_running_loop().create_task(self._lint_later(uri, delay, again))
        self._pending[uri] = task
        task.add_done_callback(lambda done: self._forget(uri, done))

    def cancel(self, uri: str) -> None:
        task = self._pending.pop(uri, None)
        if task is not None:
            task.cancel()

    def close(self, uri: str) -> None:
        """The document is closed: no lint of it is to come, and its outcome is dropped."""
        self.cancel(uri)
        self._outcomes.pop(uri, None)

    def invalidate(self) -> None:
        """What changed is not the documents (a config file): every kept outcome is out of date."""
        self._outcomes.clear()

    async def current(self, uri: str) -> Outcome | None:
        """The outcome for the document's current text: the one kept, else a lint now."""
        snapshot = self._snapshot(uri)
        if snapshot is None:
            return None
        if self._is_kept(snapshot):
            return self._outcomes[snapshot.uri]
        return await self._lint_and_publish(snapshot)

    async def in_worker(self, work: Callable[..., T], *args) -> T:
        """*work(*args)* in the lint thread (fixing all lints again, pass after pass)."""
        return await asyncio.get_running_loop().run_in_executor(self._executor, work, *args)

    def shutdown(self) -> None:
        for uri in list(self._pending):
            self.cancel(uri)
        self._executor.shutdown(wait=False, cancel_futures=True)

    async def _lint_later(self, uri: str, delay: float, again: bool) -> None:
        if delay:
            await asyncio.sleep(delay)
        snapshot = self._snapshot(uri)
        if snapshot is not None and (again or not self._is_kept(snapshot)):
            await self._lint_and_publish(snapshot)

    def _is_kept(self, snapshot: Snapshot) -> bool:
        """Whether this text was linted already (for a hover or a code action while the debounce waited)."""
        kept = self._outcomes.get(snapshot.uri)
        return kept is not None and kept.snapshot == snapshot

    async def _lint_and_publish(self, snapshot: Snapshot) -> Outcome | None:
        # A cancelled wait cancels the lint too while it is still queued (run_in_executor's future);
        # one already running finishes in its thread and its outcome is dropped below.
        outcome = await asyncio.get_running_loop().run_in_executor(self._executor, self._lint, snapshot)
        now = self._snapshot(snapshot.uri)
        if now is None or now.version != snapshot.version or now.text != snapshot.text:
            return None  # the document changed or closed meanwhile: a newer lint is planned, or none
        self._outcomes[snapshot.uri] = outcome
        self._publish(outcome)
        return outcome

    def _forget(self, uri: str, done: asyncio.Task) -> None:
        if self._pending.get(uri) is done:
            del self._pending[uri]
        if not done.cancelled() and done.exception() is not None:
            logger.error("linting %s failed", uri, exc_info=done.exception())


__all__ = ["DELAY", "Linter"]
