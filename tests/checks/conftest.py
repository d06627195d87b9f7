"""Fixtures for the data-quality (GX) tests."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session", autouse=True)
def _gx_quiet():
    """Import GX once per session (about 5 s), with progress bars and deprecation noise off."""
    from orchestration.checks.suites import gx_setup

    gx_setup()
