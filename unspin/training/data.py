"""Where the annotated corpora live: ``$UNSPIN_SHARED_DATA``, else ``shared/data`` beside the checkout."""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["default_data_dir"]


def default_data_dir() -> Path:
    """``$UNSPIN_SHARED_DATA``, else the ``shared/data`` folder beside the repository checkout."""
    env = os.environ.get("UNSPIN_SHARED_DATA")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[3] / "shared" / "data"
