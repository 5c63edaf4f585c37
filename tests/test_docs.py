"""The README documents every command, option and platform (sqlite-utils' docs-as-tests)."""

from pathlib import Path

import pytest

from crawler.cli import cli
from crawler.extraction import PLATFORM_IDS
from crawler.registry import load_registry

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_every_command_is_documented(name):
    command = cli.commands[name]
    assert f"danvan {name}" in README
    assert command.help
    for param in command.params:
        for option in param.opts:
            if option.startswith("--"):
                assert option in README, f"{option} of danvan {name} is not in the README"


@pytest.mark.parametrize("platform", PLATFORM_IDS)
def test_every_platform_is_documented(platform):
    assert f"`{platform}`" in README


def test_every_registered_site_is_documented():
    for site in load_registry():
        assert f"`{site.id}`" in README


def test_quickstart_is_two_commands():
    quickstart = README.split("## Quickstart", 1)[1].split("\n## ", 1)[0]
    commands = [line for line in quickstart.splitlines() if line.startswith("make ")]
    assert commands == ["make run", "make test"]
