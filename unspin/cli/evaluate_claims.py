"""``unspin evaluate-claims``: precision, recall and F1 of the claims model on CheckThat! 2024."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from unspin.cli.app import app

__all__ = ["evaluate_claims_command"]


@app.command("evaluate-claims")
def evaluate_claims_command(
    data: Annotated[Path | None, typer.Option(
        "--data", help="Folder holding checkthat2024-task1-checkworthy-en/ (default: ../shared/data).")
    ] = None,
    split: Annotated[str, typer.Option(
        "--split", help="CheckThat! 2024 English split: test_gold, dev-test, dev or train.")
    ] = "test_gold",
    model: Annotated[Path | None, typer.Option("--model", help="Claims model folder (default: shipped).")
    ] = None,
    threshold: Annotated[float | None, typer.Option(
        "--threshold", min=0.0, max=1.0, help="Decision threshold (default: the model's).")] = None,
    cascade: Annotated[bool, typer.Option(
        "--cascade/--no-cascade",
        help="Ask the encoder only about sentences the linear model is unsure of (the stage's default), "
             "or about all of them.")] = True,
) -> int:
    """Score the check-worthiness model (positive class "Yes") and print P/R/F1 as JSON."""
    from unspin.training.claims import default_data_dir, evaluate_claims

    result = evaluate_claims(data or default_data_dir(), model, split=split, threshold=threshold,
                             cascade=cascade)
    print(json.dumps(result, indent=2))
    return 0
