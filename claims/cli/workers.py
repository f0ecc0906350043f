"""Parser worker processes, shared by `claims parse --jobs` and `claims ingest`."""

from __future__ import annotations

import multiprocessing
import multiprocessing.pool
import signal


def start_pool(workers: int) -> multiprocessing.pool.Pool:
    """A pool of `workers` processes that ignore Ctrl-C: the main process stops the run and ends them."""
    # fork starts at once and shares the loaded parser; spawn where there is no fork.
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    return multiprocessing.get_context(method).Pool(workers, initializer=_ignore_interrupts)


def _ignore_interrupts() -> None:
    # Ctrl-C reaches the whole process group; only the main process should act on it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
