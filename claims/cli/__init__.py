"""The `claims` command line: the Typer app, the global options and the one error boundary.

Only this package imports typer or prints. Each command group lives in its own module and
registers itself on `app` when imported below.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from functools import wraps
from typing import ParamSpec, TypeVar

import typer

from claims.errors import ClaimsError

app = typer.Typer(
    name="claims",
    no_args_is_help=True,
    add_completion=False,
    help="Find, attribute, store and check the quotes and claims in news articles.",
    pretty_exceptions_enable=False,
)

P = ParamSpec("P")
R = TypeVar("R")


def _debugging() -> bool:
    return bool(os.environ.get("CLAIMS_DEBUG")) or "pytest" in sys.modules and bool(
        os.environ.get("CLAIMS_RAISE_ERRORS")
    )


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print `Error: message` on stderr and return the Exit to raise."""
    typer.echo(f"Error: {message}", err=True)
    return typer.Exit(code)


def guarded(func: Callable[P, R]) -> Callable[P, R]:
    """The error boundary: a ClaimsError becomes one line on stderr and exit 1; so does a crash."""

    @wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except (typer.Exit, typer.Abort):
            raise
        except ClaimsError as exc:
            raise fail(str(exc)) from None
        except KeyboardInterrupt:
            raise fail("interrupted", 130) from None
        except Exception as exc:
            if _debugging():
                raise
            first = str(exc).splitlines()[0] if str(exc) else ""
            raise fail(
                f"unexpected {type(exc).__name__}: {first} (set CLAIMS_DEBUG=1 for the traceback)"
            ) from None

    return wrapper


# Command modules register themselves on `app`; imported for that side effect.
from claims.cli import export as _export  # noqa: E402,F401
from claims.cli import ingest as _ingest  # noqa: E402,F401
from claims.cli import links as _links  # noqa: E402,F401
from claims.cli import parse as _parse  # noqa: E402,F401
from claims.cli import review as _review  # noqa: E402,F401
from claims.cli import search as _search  # noqa: E402,F401
from claims.cli import speaker_edits as _speaker_edits  # noqa: E402,F401
from claims.cli import speakers as _speakers  # noqa: E402,F401
