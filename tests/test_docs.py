"""README stays true: every command is documented there and has help; the quick start is two lines."""

from __future__ import annotations

import re

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from claims.cli import app
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands() -> list[str]:
    group = get_command(app)
    names = []
    for name, cmd in group.commands.items():  # type: ignore[attr-defined]
        names.append(name)
        for sub in getattr(cmd, "commands", {}):
            names.append(f"{name} {sub}")
    return sorted(names)


@pytest.mark.parametrize("command", _commands())
def test_every_command_is_in_readme_and_has_help(command: str) -> None:
    assert f"claims {command}" in README, f"README does not show `claims {command}`"
    result = CliRunner().invoke(app, [*command.split(), "--help"])
    assert result.exit_code == 0
    assert "Usage" in result.output


def test_quick_start_is_two_shell_lines_and_ci_runs_the_second() -> None:
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```sh\n(.*?)```", section, flags=re.S)
    lines = [line for block in blocks for line in block.strip().splitlines()]
    assert len(lines) == 2
    assert "claims ingest fixtures/" in lines[0]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert lines[1] in ci
