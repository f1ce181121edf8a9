"""``unspin evaluate-quotes`` and ``unspin train-quotes``: the quotes stage on PolNeAR."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from unspin.cli.app import app

__all__ = ["PolnearData", "PolnearSplit", "evaluate_quotes_command", "polnear_folder", "train_quotes_command"]


def polnear_folder(data: Path | None) -> Path:
    """The PolNeAR folder given, else the one in the shared data folder."""
    from unspin.training.data import default_data_dir

    return data if data is not None else default_data_dir() / "polnear"


#: The options of the commands that read PolNeAR (here and ``evaluate-sources``).
PolnearData = Annotated[Path | None, typer.Option(
    "--data", help="The PolNeAR folder holding train/, dev/, test/ (default: ../shared/data/polnear).")]
PolnearSplit = Annotated[str, typer.Option("--split", help="Which split to score: train, dev or test.")]


@app.command("evaluate-quotes")
def evaluate_quotes_command(
    data: PolnearData = None,
    split: PolnearSplit = "test",
    threshold: Annotated[float | None, typer.Option(
        "--threshold", min=0.0, max=1.0, help="Cue probability threshold (default: the model's).")] = None,
    rules: Annotated[bool, typer.Option(
        "--rules", help="Take the cue's subject as speaker (no learned speaker choice), for comparison.")
    ] = False,
    errors: Annotated[bool, typer.Option(
        "--errors", help="Also print the speaker errors by pattern (source kind, cue kind, construction).")
    ] = False,
    keep_all: Annotated[bool, typer.Option(
        "--keep-all", help="Keep every quote the cues find (no quote model judging them), for comparison.")
    ] = False,
    models: Annotated[Path | None, typer.Option(
        "--models", help="A folder written by `unspin train-quotes` to score instead of the shipped models.")
    ] = None,
) -> int:
    """Score the quotes stage: content F1 (partial overlap) and speaker F1, as JSON."""
    from unspin.components._quotes_tagger import TAGGER_FILE, TOKENIZER_FILE
    from unspin.errors import InputNotFoundError
    from unspin.training.quotes import evaluate_quotes, format_speaker_errors

    files: dict[str, str | None] = dict.fromkeys(("cues.json.gz", "quotes.json.gz", "speakers.json.gz",
                                                  TAGGER_FILE, TOKENIZER_FILE))
    if models is not None:
        missing = [name for name in files if not (models / name).is_file()]
        if missing:
            raise InputNotFoundError(f"{', '.join(missing)} missing; give a folder written by "
                                     "`unspin train-quotes --out DIR`", source=str(models))
        files = {name: str(models / name) for name in files}
    result = evaluate_quotes(polnear_folder(data), split, threshold=threshold, model=files["cues.json.gz"],
                             speaker_model=False if rules else files["speakers.json.gz"],
                             quote_model=False if keep_all else files["quotes.json.gz"],
                             tagger=None if models is None else str(models), errors=errors)
    table = result.pop("speaker_errors", None)
    print(json.dumps(result, indent=2))
    if table is not None:
        print(format_speaker_errors(table))
    return 0


@app.command("train-quotes")
def train_quotes_command(
    out: Annotated[Path, typer.Option(
        "--out", help="Folder to write tagger.onnx, tokenizer.json, cues.json.gz, quotes.json.gz and "
                     "speakers.json.gz.")],
    data: PolnearData = None,
) -> int:
    """Train the attribution tagger and the cue, quote and speaker models on PolNeAR train (the folder
    can replace models/quotes; score it with `unspin evaluate-quotes --models DIR`)."""
    from unspin.training.quotes import train_quote_models

    result = train_quote_models(polnear_folder(data), out, log=lambda message: print(message, flush=True))
    print(json.dumps(result, indent=2))
    return 0
