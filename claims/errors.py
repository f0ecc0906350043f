"""Errors the user sees: every message is one line, written for a person, naming the input at fault."""

from __future__ import annotations


class ClaimsError(Exception):
    """Base class: the CLI prints `Error: <message>` and exits 1."""


class InputError(ClaimsError):
    """An input (file, folder, stdin line) could not be read or understood."""


class StoreError(ClaimsError):
    """The database could not be opened, migrated or written."""


class NotFoundError(ClaimsError):
    """An ID given on the command line does not exist."""
