"""``unspin train``: train the technique detector on the PTC and export it (needs the train extra)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from unspin.cli.app import app

__all__ = ["train"]


@app.command()
def train(
    data: Annotated[Path, typer.Option(
        "--data", help="The PTC folder (holding train-articles and train-labels-TC).")],
    out: Annotated[Path, typer.Option("--out", help="Folder to write the trained model into.")],
    seed: Annotated[int, typer.Option("--seed", help="Random seed (same seed, same model).")] = 13,
    epochs: Annotated[int, typer.Option("--epochs", min=1, help="Passes over the training set.")] = 3,
    name_swaps: Annotated[int, typer.Option(
        "--name-swaps", min=0, help="Also train on this many copies of each article with its "
        "people, organisations and places replaced by others (0: none).")] = 1,
    memes: Annotated[Path | None, typer.Option(
        "--memes", help="Also train on the spans of SemEval-2021 Task 6 (the text of memes): its "
        "folder, e.g. ../shared/data/semeval2021-task6.")] = None,
) -> int:
    """Train the technique model; the folder it writes can replace unspin/models/techniques."""
    from unspin.training.techniques import TrainConfig, train_techniques

    cfg = TrainConfig(seed=seed, epochs=epochs, name_swaps=name_swaps,
                      memes=str(memes) if memes else None)
    train_techniques(data, out, cfg, log=lambda message: print(message, flush=True))
    return 0
