"""Fixtures shared by the Datasette tests: the served demo archive and `danvan serve` over it."""

from __future__ import annotations

import pytest

from tests.serving import build_served_archive, running


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """A copy of the demo archive, named archive.db, with one article whose text carries markup."""
    return build_served_archive(tmp_path_factory.mktemp("served"))


@pytest.fixture(scope="module")
def served_url(served):
    """`danvan serve` with no options but the archive; its base URL."""
    with running(served["db_path"]) as base:
        yield base
