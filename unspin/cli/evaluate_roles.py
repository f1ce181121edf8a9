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
    techniques_model: Annotated[Path | None, typer.Option(
        "--techniques-model", help="Technique model folder whose encoder states the roles read "
        "(default: the shipped one, as the pipeline uses).")] = None,
    gap: Annotated[float, typer.Option(
        "--gap", min=0.0, max=1.0, help="How sure a role must be to be shown: the share of the way from "
        "its frequency to certainty that its precision must reach (per-role thresholds).")] = 0.4,
    save: Annotated[Path | None, typer.Option(
        "--save", help="Also train on all mentions (hyper-parameters chosen by cross-validation on "
        "them) and save the classifiers here (.npz).")] = None,
    fine_tune: Annotated[bool, typer.Option(
        "--fine-tune", help="Score the experiment instead: MiniLM-L6 fine-tuned on a window around each "
        "mention, on the same folds (needs the train extra; on one thread about 12 minutes, 25 with "
        "--epochs 8 --dev-share 0.2).")] = False,
    epochs: Annotated[int, typer.Option("--epochs", min=1, help="With --fine-tune: training epochs.")] = 4,
    dev_share: Annotated[float, typer.Option(
        "--dev-share", min=0.0, max=0.5, help="With --fine-tune: share of each training fold's documents "
        "held out to pick the epoch (0: keep the last).")] = 0.0,
) -> int:
    """Main-role accuracy, macro-F1 and fine-role exact match by cross-validation over documents, as JSON."""
    from unspin.components._actors_roles import MAIN_ROLES
    from unspin.components.techniques import TechniqueModel
    from unspin.training.roles import (
        choose_hyperparameters,
        choose_thresholds,
        cross_validate_roles,
        inner_probabilities,
        read_roles,
        role_vectors,
        save_role_model,
        train_role_model,
    )

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    texts, mentions = read_roles(data if data is not None else _default_data())
    if fine_tune:
        from unspin.training.roles_encoder import RoleEncoderConfig, cross_validate_encoder

        cfg = RoleEncoderConfig(epochs=epochs, dev_share=dev_share)
        scored = cross_validate_encoder(texts, mentions, folds=folds, seed=seed, cfg=cfg, log=log)
        scored.pop("probabilities")
        print(json.dumps(scored, indent=2))
        return 0
    vectors = role_vectors(texts, mentions, TechniqueModel(techniques_model))
    result = cross_validate_roles(vectors, mentions, folds=folds, seed=seed, gap=gap, log=log)
    if save is not None:
        c, balanced = choose_hyperparameters(vectors, mentions, folds=folds, seed=seed + 1)
        inner = inner_probabilities(vectors, mentions, c=c, balanced=balanced, folds=folds, seed=seed + 1)
        thresholds = choose_thresholds(inner, [m.role for m in mentions], gap=gap)
        save_role_model(train_role_model(vectors, mentions, c=c, balanced=balanced, thresholds=thresholds),
                        save)
        result["saved"] = {"path": str(save), "c": c, "balanced": balanced,
                           "thresholds": dict(zip(MAIN_ROLES, (round(float(t), 2) for t in thresholds),
                                                  strict=True))}
    print(json.dumps(result, indent=2))
    return 0
