"""A progress line on stderr for long runs (`claims ingest`, `claims links build`)."""

from __future__ import annotations

import sys
from collections.abc import Callable

from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from claims.cli.common import stderr

# Show a progress line on a terminal once a run has done this many items.
PROGRESS_AFTER = 20


class ProgressLine:
    """A progress line on stderr, only on a terminal and only once a run is long.

    `label` is a rich format string over the task (`{task.completed}`, `{task.total}`); `total`,
    when known, is shown and starts the line at once if it is long enough.
    """

    def __init__(self, label: str, total: int | None = None) -> None:
        self._label = label
        self._total = total
        self._count = 0
        self._bar: Progress | None = None
        self._task: int | None = None

    def __enter__(self) -> Callable[[int], None]:
        if self._total is not None and self._total >= PROGRESS_AFTER:
            self._start()
        return self.tick

    def tick(self, done: int = 1) -> None:
        self._count += done
        if self._bar is None and self._count >= PROGRESS_AFTER:
            self._start()
        if self._bar is not None and self._task is not None:
            self._bar.update(self._task, completed=self._count)  # type: ignore[arg-type]

    def _start(self) -> None:
        if not sys.stderr.isatty():
            return
        self._bar = Progress(
            SpinnerColumn(),
            TextColumn(self._label),
            TimeElapsedColumn(),
            console=stderr(),
            transient=True,
        )
        self._bar.start()
        self._task = self._bar.add_task("run", total=self._total, completed=self._count)

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()
