"""``unspin evaluate-sources``: whether claims name the source the text cites, on PolNeAR."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from unspin.cli.app import app
from unspin.cli.evaluate_quotes import PolnearData, PolnearSplit, polnear_folder

__all__ = ["evaluate_sources_command"]


@app.command("evaluate-sources")
def evaluate_sources_command(
    data: PolnearData = None,
    split: PolnearSplit = "test",
    quotes: Annotated[bool, typer.Option(
        "--quotes/--no-quotes",
        help="Give a claim inside a quote with a speaker that speaker as its source (the pipeline's "
             "default), or keep the claims stage's own sources only, for comparison.")] = True,
) -> int:
    """Score claim sources against PolNeAR's attributions: precision, recall, F1, as JSON."""
    from unspin.training.sources import evaluate_sources

    print(json.dumps(evaluate_sources(polnear_folder(data), split, quote_sources=quotes), indent=2))
    return 0
