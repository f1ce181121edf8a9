"""``unspin report``: a self-contained HTML dashboard comparing the sources or months of a store."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from unspin.cli.app import app

__all__ = ["report"]


@app.command()
def report(
    db: Annotated[str, typer.Option(
        "--db", help="Results database: a file path (SQLite) or postgresql://USER:PW@HOST/DB.")],
    by: Annotated[str, typer.Option("--by", help="Compare sources or months.")] = "source",
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Write the page to this file (default: stdout).")] = None,
    articles: Annotated[int, typer.Option(
        "--articles", min=0, help="Articles listed (and linked) per source or month.")] = 25,
) -> int:
    """Build the corpus dashboard: technique rates, top techniques, targeted actors, claims."""
    from unspin.corpus import open_store
    from unspin.corpus.dashboard import write_report

    with open_store(db, create=False) as store:
        page = write_report(store, output, by, keep=articles)
    if output is None:
        sys.stdout.write(page)
    else:
        print(f"unspin: wrote the {by} dashboard to {output}", file=sys.stderr)
    return 0
