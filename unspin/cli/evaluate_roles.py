"""``unspin evaluate-roles``: cross-validated role accuracy of the actor role model."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from unspin.cli.app import app

__all__ = ["evaluate_roles_command"]


def _default_data() -> Path:
    from unspin.training.data import default_data_dir

    return default_data_dir() / "semeval2025-task10-en"


@app.command("evaluate-roles")
def evaluate_roles_command(
    data: Annotated[Path | None, typer.Option(
        "--data", help="The SemEval-2025 Task 10 English folder (subtask-1-annotations.txt, "
        "raw-documents/); default: semeval2025-task10-en in the shared data folder "
        "($UNSPIN_SHARED_DATA or ../shared/data).")] = None,
    folds: Annotated[int, typer.Option("--folds", min=2, help="Cross-validation folds.")] = 5,
    seed: Annotated[int, typer.Option("--seed", help="Seed that deals the documents into folds.")] = 0,
    encoder: Annotated[Path | None, typer.Option(
        "--encoder", help="Folder with encoder.onnx and tokenizer.json (default: the shipped one).")] = None,
    export_encoder: Annotated[Path | None, typer.Option(
        "--export-encoder", help="First export the encoder into this folder (needs the train extra) "
        "and use it.")] = None,
    save: Annotated[Path | None, typer.Option(
        "--save", help="Also train on all mentions (hyper-parameters chosen by cross-validation on "
        "them) and save the classifiers here (.npz).")] = None,
) -> int:
    """Main-role accuracy, macro-F1 and fine-role exact match by cross-validation over documents, as JSON."""
    from unspin.components._actors_roles import load_mention_encoder
    from unspin.components.parse import load_spacy
    from unspin.training.roles import (
        choose_hyperparameters,
        cross_validate_roles,
        export_role_encoder,
        read_roles,
        role_vectors,
        save_role_model,
        train_role_model,
    )

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    if export_encoder is not None:
        export_role_encoder(export_encoder)
        encoder = export_encoder
    texts, mentions = read_roles(data if data is not None else _default_data())
    vectors = role_vectors(texts, mentions, load_spacy(),
                           load_mention_encoder(str(encoder) if encoder is not None else None))
    result = cross_validate_roles(vectors, mentions, folds=folds, seed=seed, log=log)
    if save is not None:
        c, balanced = choose_hyperparameters(vectors, mentions, folds=folds, seed=seed + 1)
        save_role_model(train_role_model(vectors, mentions, c=c, balanced=balanced), save)
        result["saved"] = {"path": str(save), "c": c, "balanced": balanced}
    print(json.dumps(result, indent=2))
    return 0
