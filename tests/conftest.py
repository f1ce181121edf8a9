"""Shared fixtures: the location of ../shared/data (tests that need it skip when absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from unspin.training.data import default_data_dir


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The annotated corpora beside the checkout; skips the test when they are not there."""
    path = default_data_dir()
    if not (path / "ptc").is_dir():
        pytest.skip(f"needs the shared corpora at {path} (not part of the repository); "
                    "set UNSPIN_SHARED_DATA to their folder")
    return path


@pytest.fixture(scope="session")
def ptc_dir(shared_data: Path) -> Path:
    return shared_data / "ptc"
