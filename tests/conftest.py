"""Shared pytest fixtures for every test ring."""

import pytest


@pytest.fixture
def anyio_backend():
    return "asyncio"


def pytest_addoption(parser):
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite tests/golden/expected from tests/golden/specs instead of comparing",
    )
