"""``unspin analyze``: analyse articles and print JSON, PTC lines, text or HTML."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from unspin.cli.app import app, fail
from unspin.errors import ConfigError, InputError
from unspin.render.output import FORMATS, write_documents

__all__ = ["analyze"]


@app.command()
def analyze(
    inputs: Annotated[list[str], typer.Argument(
        help="Files, folders, JSONL files, http(s) URLs, or - for stdin.", show_default=False)],
    format: Annotated[str | None, typer.Option(
        "--format", "-f", help=f"One of {', '.join(FORMATS)} (default: text on a terminal, "
        "json otherwise).")] = None,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Write to this file (or folder, for several HTML reports).")
    ] = None,
    disable: Annotated[list[str] | None, typer.Option(
        "--disable", help="Leave out a pipeline stage (repeatable), e.g. --disable quotes.")
    ] = None,
    min_score: Annotated[float | None, typer.Option(
        "--min-score", min=0.0, max=1.0,
        help="Keep only technique spans scoring at least this (higher: more precise).")] = None,
    processes: Annotated[int | None, typer.Option(
        "--processes", "-j", min=0,
        help="Helper processes that analyse some of many articles beside this one, each loading "
        "the whole pipeline (default: one fewer than the cores, at most 3; 0: none).",
        show_default=False)] = None,
) -> int:
    """Analyse articles and report their techniques, claims, quotes and actors."""
    from unspin.ingest import read_sources
    from unspin.pipeline import load

    fmt = format or ("text" if sys.stdout.isatty() and output is None else "json")
    if fmt not in FORMATS:
        raise ConfigError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    config = {"techniques": {"min_score": min_score}} if min_score is not None else None
    pipeline = load(disable or (), config=config, processes="auto" if processes is None else processes)
    failures = 0
    several = _several(inputs)
    if several:
        pipeline.start_helpers()  # they load their models while this process loads its own

    def documents():  # type: ignore[no-untyped-def]
        nonlocal failures
        # Unreadable inputs and refused articles come back in their place; the rest goes on.
        for item in pipeline.pipe(read_sources(inputs), errors="yield"):
            if isinstance(item, InputError):
                failures += 1
                fail(str(item))
            else:
                yield item

    docs = documents()
    # A progress line on stderr for several articles, unless the report itself scrolls by on
    # that same terminal.
    if several and sys.stderr.isatty() and (output is not None or not sys.stdout.isatty()):
        from unspin.render.text import progress

        docs = progress(docs)
    written = write_documents(docs, fmt, output, several=several)
    if failures:
        print(f"unspin: {failures} input(s) could not be analysed; {written} analysed",
              file=sys.stderr)
        return 1
    return 0


def _several(inputs: list[str]) -> bool:
    return len(inputs) > 1 or any(Path(i).is_dir() or i.endswith((".jsonl", ".ndjson"))
                                  for i in inputs)
