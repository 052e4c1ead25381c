"""``reportlint archive``: lint an archive of documents (10⁴–10⁶ of them) on a Dask cluster and
write the findings as JSON Lines.

`lint_file` is a pure function of a file and the run's settings, so the engine need not be our
own. The files are found here, in this process, exactly as ``check`` finds them (reportlint.
discovery: include and exclude globs, .gitignore files, each folder's config, planned once each
so that a broken config ends the run before a cluster is asked for anything), sorted by the name
the output shows, and cut into the partitions of a ``dask.bag``. A worker lints each file of a
partition with a Planner made from the run's Overrides, as the ``--jobs`` workers do, and returns
plain JSON-able records (`file_records`); the partition comes back as its lines of text, and the
partitions are written in order, each as soon as it and those before it are done.

Each line of the output is one JSON object:

- a finding: exactly the object ``check --format json`` writes for it (``finding_to_dict``),
  with the keys path, line, column, end_line, end_column, code, name, severity, message, fix,
  related;
- an error: ``{"path": …, "error": …}``, for a file that cannot be checked (missing, binary,
  undecodable, too large, or a worker lost while checking it) or a rule that crashed on it. Only
  error records have an ``"error"`` key, and they have no other key but ``"path"``. Their text
  is English, as the SARIF and GitHub formats' errors are.

The lines come in the order of ``check --format json``: by path, then a file's findings in its
order, then its error records. Dask is imported only here, when an archive is linted:
``import reportlint`` never pays for it.
"""

from __future__ import annotations

import json
import os
import threading
import uuid
from asyncio import CancelledError
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, NamedTuple

from .discovery import Problem, discover
from .errors import ReportlintError
from .i18n import Message
from .linting import Task, lint_file
from .output.json_format import finding_to_dict
from .planning import NO_OVERRIDES, Overrides, Planner

#: a file at most in one partition: a partition is one Dask task, its lines kept until written
MAX_PARTITION = 128


#: Without a dashboard the scheduler still serves its health and metrics pages, by default on
#: port 8787: when that is taken (another cluster, another run) distributed warns on stderr and
#: takes another. On a free port of the loopback it takes none that a user may want, and says nothing.
QUIET_SCHEDULER = {"dashboard_address": "127.0.0.1:0"}


class ArchiveUnavailable(ReportlintError):
    """No cluster to run on: dask or distributed, optional dependencies (``reportlint[dask]``), is
    not installed, or the scheduler named cannot be reached."""


class FileRecords(NamedTuple):
    """What one file gives the output: its records, and how many of its findings fail the run
    (at or above its fail level)."""

    records: list[dict[str, Any]]
    failing: int


class Item(NamedTuple):
    """A file to lint on a worker (*path*, absolute, with the name the output shows), or a path
    that cannot be checked (*error*). A tuple: Dask hashes the whole list to name the bag, and
    hashes 100,000 tuples in 0.3 s, as many frozen dataclasses in 2.3 s."""

    display: str
    path: str | None = None
    error: str | None = None


@dataclass(frozen=True)
class Part:
    """One partition linted: its lines of output and what they hold."""

    text: str
    files: int
    findings: int
    failing: int
    errors: tuple[tuple[str, str], ...]  # (path, error) of its error records, in order


@dataclass
class Summary:
    """What a run wrote: exit 2 when *errors*, else 1 when *failing* (as ``check``)."""

    files: int = 0
    findings: int = 0
    failing: int = 0
    errors: int = 0

    def add(self, part: Part) -> None:
        self.files += part.files
        self.findings += part.findings
        self.failing += part.failing
        self.errors += len(part.errors)


def file_records(planner: Planner, path: str, display: str) -> FileRecords:
    """Lint one file (`lint_file`, which returns every failure as data) and give its records:
    its findings as ``check --format json`` writes them, then an error record for each rule that
    crashed on it; or one error record when it cannot be read."""
    result = lint_file(planner, Task(Path(path), display, whole_document=False))
    if result.error or result.document is None:
        return FileRecords([error_record(display, result.error or "")], 0)
    records = [finding_to_dict(finding, result.document) for finding in result.findings]
    records += [error_record(display, Message("rule {code} ({name}) crashed: {error} at {where}", code=crash.code,
                                              name=crash.name, error=crash.error, where=crash.where))
                for crash in result.crashes]
    rank = planner.plan(Path(path), display).fail_level.rank
    return FileRecords(records, sum(finding.severity.rank >= rank for finding in result.findings))


def error_record(path: str, error: str) -> dict[str, Any]:
    """The record of a file that cannot be checked, or of a rule that crashed on it."""
    return {"path": path, "error": error}


def lint_archive(paths: Iterable[str], write: Callable[[str], object], overrides: Overrides = NO_OVERRIDES, *,
                 scheduler: str | None = None, client=None, workers: int | None = None,
                 partition_size: int | None = None, on_error: Callable[[str, str], object] | None = None,
                 progress: Callable[[int, int], object] | None = None) -> Summary:
    """Lint files and folders on a Dask cluster and *write* the JSON Lines, a partition's text
    at a time, in order.

    The cluster: *client* (a ``distributed.Client``), else the scheduler at the address
    *scheduler* (``tcp://host:8786``), else a LocalCluster of *workers* processes (default: the
    cores this process may use), started here and closed afterwards. *on_error(path, error)* is
    called for each error record as it is written, *progress(done, total)* as files are.

    Raises ConfigError for a config that cannot be used (before any cluster is touched), and
    ArchiveUnavailable when dask or distributed is not installed."""
    items = plan_archive(paths, overrides)
    dask_bag, distributed = _dask()
    if not items:
        return Summary()
    with _connected(distributed, client, scheduler, workers) as connected:
        size = partition_size or default_partition_size(len(items), _threads(connected))
        parts = [items[start:start + size] for start in range(0, len(items), size)]  # as from_sequence cuts
        bag = dask_bag.from_sequence(items, partition_size=size).map(
            _lint_item, overrides=_shipped(overrides), run=uuid.uuid4().hex)
        futures = connected.compute(bag.map_partitions(_to_part).to_delayed())
        return write_parts(zip(parts, futures), write, on_error, progress, len(items))


def plan_archive(paths: Iterable[str], overrides: Overrides = NO_OVERRIDES) -> list[Item]:
    """The files and unusable paths a ``check`` of *paths* would report, sorted by the name shown.

    The config of each folder is planned here, as ``check`` plans it before linting: one that cannot
    be used raises ConfigError now. Standard input (``-``) cannot travel to a cluster: an error."""
    planner = Planner(overrides)
    planner.validate()
    items, planned_folders = [], set()
    for found in discover(paths, planner.settings_lookup()):
        if isinstance(found, Problem):
            items.append(Item(found.display, error=found.error))
        elif found.path == Path("-"):
            items.append(Item("-", error=Message("standard input cannot be sent to a cluster; name files or folders")))
        else:
            path = os.path.abspath(found.path)
            # A folder's files share its config, which planning one of them validates: the workers plan
            # every file again, and here an archive of a million files would pay 0.1 ms for each.
            if os.path.dirname(path) not in planned_folders:
                planner.plan(found.path, found.display)
                planned_folders.add(os.path.dirname(path))
            items.append(Item(found.display, path=path))
    items.sort(key=lambda item: item.display)  # as check sorts its results
    return items


def default_partition_size(files: int, threads: int) -> int:
    """Files a partition: about eight partitions a worker thread, so that the reports, which
    differ a hundredfold in size, even out; at most MAX_PARTITION, so that a million files
    are a few thousand tasks, each a few seconds of work, not a million tiny ones."""
    return max(1, min(MAX_PARTITION, files // (max(threads, 1) * 8)))


def write_parts(parts: Iterable[tuple[Sequence[Item], Any]], write: Callable[[str], object],
                on_error: Callable[[str, str], object] | None = None,
                progress: Callable[[int, int], object] | None = None, total: int = 0) -> Summary:
    """Write each partition's text in order as its future completes. A partition whose task
    failed as a whole (its worker died more often than the scheduler allows) is written as an
    error record for each of its files, the same error: the run goes on."""
    summary = Summary()
    for items, future in parts:
        try:
            part = future.result()[0]  # a partition of the bag: a list of its one Part
        except (Exception, CancelledError) as error:  # KilledWorker, a result that could not travel back …
            part = _lost(items, error)
        if hasattr(future, "release"):
            future.release()  # the cluster may forget it: a million files are never all held
        write(part.text)
        summary.add(part)
        for path, error in part.errors:
            if on_error:
                on_error(path, error)
        if progress:
            progress(summary.files, total)
    return summary


def _lost(items: Sequence[Item], error: BaseException) -> Part:
    message = Message("the process checking it failed: {error}", error=f"{type(error).__name__}: {error}")
    return _to_part([FileRecords([error_record(item.display, message)], 0) for item in items])[0]


# --- on the workers -------------------------------------------------------------------------

_local = threading.local()


def _lint_item(item: Item, overrides: Overrides, run: str) -> FileRecords:
    """The function the bag maps: one file's records (see file_records)."""
    if item.error is not None or item.path is None:
        return FileRecords([error_record(item.display, item.error or "")], 0)
    return file_records(_planner(overrides, run), item.path, item.display)


def _planner(overrides: Overrides, run: str) -> Planner:
    """One Planner a worker thread for the files of one *run*, so that each config is read and
    checked once there, not once a file; the next run (a config saved since) reads them afresh.
    A Planner never crosses threads."""
    if getattr(_local, "run", None) != run:
        _local.planner, _local.run = Planner(overrides), run
    return _local.planner


def _to_part(outcomes: Iterable[FileRecords]) -> list[Part]:
    """A partition's records as its lines of text (a one-element list: a bag's partition)."""
    lines, errors, files, findings, failing = [], [], 0, 0, 0
    for records, fails in outcomes:
        files += 1
        failing += fails
        for record in records:
            lines.append(json.dumps(record, ensure_ascii=False) + "\n")
            if "error" in record:
                errors.append((record["path"], record["error"]))
            else:
                findings += 1
    return [Part("".join(lines), files, findings, failing, tuple(errors))]


# --- the cluster ----------------------------------------------------------------------------


def _dask():
    """dask.bag and distributed, imported now: reportlint itself never imports them."""
    try:
        import dask.bag
        import distributed
    except ImportError:
        raise ArchiveUnavailable(Message("archive needs dask and distributed: pip install 'reportlint[dask]'")) from None
    return dask.bag, distributed


@contextmanager
def _connected(distributed, client, scheduler: str | None, workers: int | None) -> Iterator[Any]:
    if client is not None:
        yield client
        return
    if scheduler:
        try:
            connected = distributed.Client(scheduler)
        except (OSError, TimeoutError, ValueError) as error:  # no scheduler there, or no address
            raise ArchiveUnavailable(Message("cannot reach the Dask scheduler at {address}: {reason}",
                                             address=scheduler, reason=str(error) or type(error).__name__)) from None
        with connected:
            yield connected
        return
    import logging

    from .parallel import available_cores

    # Processes, not threads: linting is CPU-bound Python. No dashboard, and the cluster's own
    # log lines only when something is wrong.
    with distributed.LocalCluster(n_workers=workers or available_cores(), threads_per_worker=1, processes=True,
                                  dashboard_address=None, scheduler_kwargs=QUIET_SCHEDULER,
                                  silence_logs=logging.ERROR) as cluster, \
            distributed.Client(cluster) as connected:
        yield connected


def _threads(client) -> int:
    try:
        return sum(client.nthreads().values())
    except Exception:  # a scheduler that does not say: partitions as for one thread
        return 1


def _shipped(overrides: Overrides) -> Overrides:
    """The Overrides as a worker elsewhere can use them: the --config file by its absolute path
    (the globs of the command line are used here only, by the discovery)."""
    if overrides.config_file is None:
        return overrides
    return replace(overrides, config_file=Path(os.path.abspath(overrides.config_file)))


__all__ = ["MAX_PARTITION", "ArchiveUnavailable", "FileRecords", "Item", "Summary", "default_partition_size",
           "error_record", "file_records", "lint_archive", "plan_archive", "write_parts"]
