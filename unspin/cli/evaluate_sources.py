"""``unspin evaluate-sources``: whether claims name the source the text cites, on PolNeAR."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from unspin.cli.app import app

__all__ = ["evaluate_sources_command"]


@app.command("evaluate-sources")
def evaluate_sources_command(
    data: Annotated[Path | None, typer.Option(
        "--data", help="The PolNeAR folder holding train/, dev/, test/ (default: ../shared/data/polnear).")
    ] = None,
    split: Annotated[str, typer.Option("--split", help="Which split to score: train, dev or test.")] = "test",
    quotes: Annotated[bool, typer.Option(
        "--quotes/--no-quotes",
        help="Let a claim without a source of its own take the speaker of the quote it lies in (the "
             "pipeline's default), or keep the claims stage's sources only, for comparison.")] = True,
) -> int:
    """Score claim sources against PolNeAR's attributions: precision, recall, F1, as JSON."""
    from unspin.training.data import default_data_dir
    from unspin.training.sources import evaluate_sources

    folder = data if data is not None else default_data_dir() / "polnear"
    print(json.dumps(evaluate_sources(folder, split, quote_sources=quotes), indent=2))
    return 0
