"""``unspin evaluate``: the official PTC metrics (SI, FLC, TC) as JSON."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from unspin.cli.app import app

__all__ = ["evaluate"]


@app.command()
def evaluate(
    articles: Annotated[Path, typer.Option("--articles", help="Folder of article<ID>.txt files.")],
    labels: Annotated[Path, typer.Option(
        "--labels", help="Gold labels: a PTC .labels file or a folder of them.")],
    predictions: Annotated[Path | None, typer.Option(
        "--predictions", help="Score these PTC-format predictions instead of running the model.")
    ] = None,
    min_score: Annotated[float | None, typer.Option("--min-score", min=0.0, max=1.0)] = None,
    model: Annotated[Path | None, typer.Option(
        "--model", help="Technique model folder to score (one `unspin train` wrote); default: "
        "the shipped model.")] = None,
) -> int:
    """Score the technique detector (or given predictions) against gold PTC labels."""
    from unspin.training.evaluate import evaluate_ptc

    result = evaluate_ptc(articles, labels, predictions, min_score=min_score, model=model)
    print(json.dumps(result, indent=2))
    return 0
