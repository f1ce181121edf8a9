"""``unspin version``."""

from __future__ import annotations

from unspin.cli.app import app

__all__ = ["version"]


@app.command()
def version() -> int:
    """Print the unspin version and JSON schema version."""
    from unspin import __version__
    from unspin.render.json import SCHEMA_VERSION

    print(f"unspin {__version__} (schema {SCHEMA_VERSION})")
    return 0
