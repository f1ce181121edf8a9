"""``unspin classify``: suggest a technique for each marked fragment of a PTC task-2 template."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from unspin.cli.app import app

__all__ = ["classify"]


@app.command()
def classify(
    spans_file: Annotated[Path, typer.Argument(
        help="Lines 'article_id<TAB>?<TAB>start<TAB>end' (a PTC task-2 template).")],
    articles: Annotated[Path, typer.Option("--articles", help="Folder of article<ID>.txt files.")],
) -> int:
    """Print each template line with the predicted technique in place of '?'."""
    from unspin.training.evaluate import classify_spans
    from unspin.training.ptc import read_ptc_articles, read_ptc_labels

    texts = read_ptc_articles(articles)
    spans = read_ptc_labels(spans_file)
    labelled = classify_spans(texts, spans)
    for article_id, items in labelled.items():
        for s in items:
            print(f"{article_id}\t{s.technique}\t{s.start}\t{s.end}")
    return 0
