"""Run one function over many items in worker processes (--jobs), the
results in the order of the items, whatever order the workers finish in.

Processes, not threads: linting is CPU-bound Python. Items go out in chunks,
the heaviest first, so that one large report does not start last and keep
the run waiting. A worker that dies, or a result that cannot travel back, does
not stop the run: *lost(item, error)* stands in for the results of its chunk.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")


def available_cores() -> int:
    """The cores this process may run on (a container or taskset may allow fewer than the machine has)."""
    if hasattr(os, "process_cpu_count"):  # Python 3.13
        return os.process_cpu_count() or 1
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


#: the least bytes of files a worker process is started for, when the run chooses its processes
#: itself (no --jobs): below it a worker's start and the documents' trip back cost about what it
#: saves, and more when another program holds a core. Measured on two cores (bench/README.md):
#: --jobs 2 against 1 on 4 reports (132 KB) 0.93 times the time with both cores free, 1.04 with
#: one busy; on 8 reports (276 KB) 0.81 and 0.96.
BYTES_PER_PROCESS = 128 * 1024


def processes_for(sizes: Sequence[int], cores: int | None = None) -> int:
    """How many processes to lint files of these *sizes* (bytes) in, when the user did not say:
    one per core this process may use, no more than there are files, nor than one per
    BYTES_PER_PROCESS of them (a small run is linted here, in one process)."""
    cores = available_cores() if cores is None else cores
    return max(1, min(cores, len(sizes), sum(sizes) // BYTES_PER_PROCESS))


def fork_call(function: Callable[[], Result]) -> Callable[[], Result | None]:
    """Start ``function()`` in a forked child process, beside what this one does meanwhile, and
    return the call that waits for its result. That call answers None when the child could not
    give it (not Linux, another thread running here, the child killed, a result that cannot
    be pickled): the caller then computes it itself, so the answer never differs.

    The child shares this process's memory as it was (a document read once), runs nothing but
    *function* and ends with os._exit: no output buffered here is written twice."""
    if not sys.platform.startswith("linux") or not _one_thread():  # as the pool: see _context
        return lambda: None
    import pickle

    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            os.close(read_end)
            data = pickle.dumps(function(), protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(write_end, "wb") as pipe:
                pipe.write(data)
        finally:
            os._exit(0)
    os.close(write_end)
    answer: list = []

    def collect() -> Result | None:
        if not answer:
            try:
                with os.fdopen(read_end, "rb") as pipe:
                    data = pipe.read()
                answer.append(pickle.loads(data) if data else None)
            except Exception:  # cut short, or not what was sent: computed by the caller instead
                answer.append(None)
            finally:
                os.waitpid(pid, 0)
        return answer[0]

    return collect


def _one_thread() -> bool:
    """Whether this process runs a single thread, native ones too (a file watcher's): a fork
    copies only the thread that forks, and a lock another one held would stay locked."""
    try:
        return len(os.listdir("/proc/self/task")) == 1
    except OSError:  # no /proc to tell
        return False


def map_in_processes(function: Callable[[Item], Result], items: Sequence[Item], jobs: int,
                     lost: Callable[[Item, BaseException], Result], weights: Sequence[int] | None = None,
                     progress: Callable[[int, int], None] | None = None) -> list[Result]:
    """``[function(item) for item in items]`` computed by *jobs* processes.

    *function* must be a module-level function (it is pickled by name) and
    should return its own errors as data. *weights* (e.g. file sizes) decide
    which items are sent first; *progress(done, total)* is called as chunks finish.
    """
    # imported here: a run in one process (the sample, any single file) never pays for them
    from concurrent.futures import ProcessPoolExecutor, as_completed

    order = sorted(range(len(items)), key=lambda i: -weights[i]) if weights else list(range(len(items)))
    size = _chunk_size(len(items), jobs)
    chunks = [order[start : start + size] for start in range(0, len(order), size)]
    results: list[Result | None] = [None] * len(items)
    done = 0
    pool = ProcessPoolExecutor(max_workers=min(jobs, len(chunks)), mp_context=_context())
    try:
        futures = {pool.submit(_run_chunk, function, [items[i] for i in chunk]): chunk for chunk in chunks}
        for future in as_completed(futures):
            chunk = futures[future]
            try:
                outcomes = future.result()
            except Exception as error:  # BrokenProcessPool, or a result that would not pickle
                outcomes = [lost(items[i], error) for i in chunk]
            for index, outcome in zip(chunk, outcomes):
                results[index] = outcome
            done += len(chunk)
            if progress:
                progress(done, len(items))
    except BaseException:
        # Ctrl-C: the workers would go on through the chunks already queued to
        # them before the pool could close; stop them now.
        _terminate(pool)
        raise
    pool.shutdown()
    return results  # type: ignore[return-value]


def _terminate(pool) -> None:
    if hasattr(pool, "terminate_workers"):  # Python 3.14
        pool.terminate_workers()
        return
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        process.terminate()
    pool.shutdown(wait=False, cancel_futures=True)


def _chunk_size(count: int, jobs: int) -> int:
    # Small chunks balance the load (reports differ a hundredfold in size);
    # larger ones save the round trips when there are thousands of small files.
    return max(1, min(32, count // (jobs * 8)))


def _run_chunk(function: Callable[[Item], Result], items: list[Item]) -> list[Result]:
    return [function(item) for item in items]


def _context():
    import multiprocessing

    # fork starts a worker in milliseconds with the parent's imports and rule
    # registry in place; elsewhere (macOS, Windows) the platform's default is the safe one.
    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()
