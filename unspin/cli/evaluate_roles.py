"""``unspin evaluate-roles``: cross-validated role accuracy of the actor role model."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from unspin.cli.app import app

__all__ = ["evaluate_roles_command"]


@app.command("evaluate-roles")
def evaluate_roles_command(
    data: Annotated[Path, typer.Option(
        "--data", help="The SemEval-2025 Task 10 English folder (subtask-1-annotations.txt, "
        "raw-documents/).")] = Path("../shared/data/semeval2025-task10-en"),
    folds: Annotated[int, typer.Option("--folds", min=2, help="Cross-validation folds.")] = 5,
    save: Annotated[Path | None, typer.Option(
        "--save", help="Also train on all mentions and save the weights here (.npz).")] = None,
) -> int:
    """Main-role accuracy and fine-role exact match by cross-validation over documents, as JSON."""
    from unspin.components.parse import load_spacy
    from unspin.training.roles import (
        cross_validate_roles,
        read_roles,
        role_features,
        save_role_model,
        train_role_model,
    )

    texts, mentions = read_roles(data)
    features = role_features(texts, mentions, load_spacy())
    result = cross_validate_roles(features, mentions, folds=folds)
    if save is not None:
        save_role_model(train_role_model(features, mentions), save)
        result["saved"] = str(save)
    print(json.dumps(result, indent=2))
    return 0
