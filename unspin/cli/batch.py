"""``unspin batch``: analyse files, folders and JSONL into a results database, resumably."""

from __future__ import annotations

import os
import sys
from typing import Annotated

import typer

from unspin.cli.app import app
from unspin.errors import ConfigError

__all__ = ["batch"]


@app.command()
def batch(
    inputs: Annotated[list[str], typer.Argument(
        help="Files, folders and JSONL files (fields id, text|html|url, title, source, published).",
        show_default=False)],
    db: Annotated[str, typer.Option(
        "--db", help="Results database: a file path (SQLite) or postgresql://USER:PW@HOST/DB.")],
    engine: Annotated[str, typer.Option(
        "--engine", help="local (worker processes on this machine) or dask (a Dask cluster).")
    ] = "local",
    workers: Annotated[int | None, typer.Option(
        "--workers", "-j", min=1, help="Local worker processes (default: one per CPU core; 1 runs "
        "in this process).")] = None,
    scheduler: Annotated[str | None, typer.Option(
        "--scheduler", help="Dask scheduler address for --engine dask, e.g. tcp://HOST:8786.")
    ] = None,
    disable: Annotated[list[str] | None, typer.Option(
        "--disable", help="Leave out a pipeline stage (repeatable), e.g. --disable quotes.")
    ] = None,
    replace: Annotated[list[str] | None, typer.Option(
        "--replace", help="Run another registered component in a stage's place (repeatable), "
        "e.g. --replace techniques=techniques_lexicon.")] = None,
    min_score: Annotated[float | None, typer.Option(
        "--min-score", min=0.0, max=1.0, help="Keep only technique spans scoring at least this.")
    ] = None,
    source: Annotated[str | None, typer.Option(
        "--source", help="Outlet name for articles whose input does not give one.")] = None,
    chunk_size: Annotated[int, typer.Option(
        "--chunk-size", min=1, help="Articles sent to a worker at a time.")] = 8,
    retry_errors: Annotated[bool, typer.Option(
        "--retry-errors", help="Forget stored failures first, so that they are tried again.")
    ] = False,
    progress: Annotated[bool | None, typer.Option(
        "--progress/--no-progress", help="Show a progress bar (default: when stderr is a terminal).")
    ] = None,
) -> int:
    """Analyse a collection into a database; rerun the same command to resume after a stop."""
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    from unspin.corpus import (
        BatchStats,
        PipelineSpec,
        SerialEngine,
        count_items,
        make_engine,
        open_store,
        run_batch,
    )

    config = {"techniques": {"min_score": min_score}} if min_score is not None else None
    spec = PipelineSpec.make(disable or (), config=config, replace=_pairs(replace or []))
    pipeline = spec.load(processes=0)  # fail here, on one line, for a bad --disable or a missing model
    runner = make_engine(engine, workers=workers or os.cpu_count() or 1, scheduler=scheduler)
    if isinstance(runner, SerialEngine):
        runner = SerialEngine(spec=spec, pipeline=pipeline)
    del pipeline
    show = sys.stderr.isatty() if progress is None else progress
    total = count_items(inputs) if show else None
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), TextColumn("left"),
               TimeRemainingColumn())
    latest: list[BatchStats] = []

    def on_progress(stats: BatchStats) -> None:
        latest[:] = [stats]
        bar.update(task, completed=stats.done, rate=f"{stats.rate:.1f} articles/s")

    try:
        with open_store(db) as store, Progress(*columns, console=Console(stderr=True),
                                               disable=not show) as bar:
            task = bar.add_task("unspin batch", total=total, rate="")
            stats = run_batch(inputs, store, spec=spec, engine=runner, chunk_size=chunk_size,
                              default_source=source, retry_errors=retry_errors,
                              on_progress=on_progress)
    except KeyboardInterrupt:
        done = f" after {latest[0].line()}" if latest else ""
        print(f"unspin: batch: interrupted{done}; rerun the same command to resume",
              file=sys.stderr)
        raise
    finally:
        runner.close()
    print(f"unspin: batch: {stats.line()}", file=sys.stderr)
    return 1 if stats.failed else 0


def _pairs(values: list[str]) -> dict[str, str]:
    pairs: dict[str, str] = {}
    for value in values:
        stage, sep, component = value.partition("=")
        if not sep or not stage.strip() or not component.strip():
            raise ConfigError(f"--replace {value!r} is not STAGE=COMPONENT; write e.g. "
                              "--replace techniques=techniques_lexicon")
        pairs[stage.strip()] = component.strip()
    return pairs
