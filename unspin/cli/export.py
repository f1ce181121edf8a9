"""``unspin export``: everything in a results database as JSONL, CSV or Parquet."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from unspin.cli.app import app

__all__ = ["export"]


@app.command()
def export(
    db: Annotated[str, typer.Option(
        "--db", help="Results database: a file path (SQLite) or postgresql://USER:PW@HOST/DB.")],
    format: Annotated[str, typer.Option("--format", "-f", help="jsonl, csv or parquet.")] = "jsonl",
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Write to this file (default: stdout; Parquet needs a file).")
    ] = None,
    per: Annotated[str, typer.Option(
        "--per", help="article: one row per article (its id and the JSON contract); span: one "
        "row per technique span.")] = "article",
) -> int:
    """Export every stored article (or technique span) of a batch run."""
    from unspin.corpus import open_store
    from unspin.corpus.export import export as export_rows

    with open_store(db, create=False) as store:
        count = export_rows(store, format, output, per=per)
    if output is not None:
        print(f"unspin: exported {count:,} rows to {output}", file=sys.stderr)
    return 0
