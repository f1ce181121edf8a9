"""The command-line interface: one module per command, each a thin wrapper over the library."""

from unspin.cli.app import app, main

__all__ = ["app", "main"]
