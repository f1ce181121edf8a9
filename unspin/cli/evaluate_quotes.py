"""``unspin evaluate-quotes``: content and speaker F1 of the quotes stage on PolNeAR."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from unspin.cli.app import app

__all__ = ["evaluate_quotes_command"]


@app.command("evaluate-quotes")
def evaluate_quotes_command(
    data: Annotated[Path, typer.Option(
        "--data", help="The PolNeAR folder (holding train/, dev/, test/).")] = Path("../shared/data/polnear"),
    split: Annotated[str, typer.Option("--split", help="Which split to score: train, dev or test.")] = "test",
    threshold: Annotated[float | None, typer.Option(
        "--threshold", min=0.0, max=1.0, help="Cue probability threshold (default: the model's).")] = None,
) -> int:
    """Score the quotes stage: content F1 (partial overlap) and speaker F1, as JSON."""
    from unspin.training.quotes import evaluate_quotes

    print(json.dumps(evaluate_quotes(data, split, threshold=threshold), indent=2))
    return 0
