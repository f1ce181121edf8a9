"""Readers for the Propaganda Techniques Corpus (articles and SI/TC label files)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from unspin.doc import Article
from unspin.errors import EvaluationError, InputNotFoundError
from unspin.ingest.readers import article_id_from_path, decode_text
from unspin.taxonomy import TECHNIQUE_IDS

__all__ = ["GoldSpan", "parse_label_line", "read_ptc_articles", "read_ptc_labels"]


@dataclass(frozen=True, slots=True, order=True)
class GoldSpan:
    """One labelled (or predicted) fragment: article id, technique (or None for SI), offsets."""

    article_id: str
    start: int
    end: int
    technique: str | None = None


def read_ptc_articles(folder: str | Path) -> dict[str, Article]:
    """Every ``article<ID>.txt`` (or any .txt) in ``folder``, keyed by article id."""
    path = Path(folder)
    if not path.is_dir():
        raise InputNotFoundError("no such folder of articles; give the folder of article*.txt "
                                 "files", source=str(folder))
    articles: dict[str, Article] = {}
    for file in sorted(path.glob("*.txt")):
        text, _ = decode_text(file.read_bytes(), source=str(file))
        ident = article_id_from_path(file)
        articles[ident] = Article(id=ident, text=text, source={"origin": str(file)})
    if not articles:
        raise InputNotFoundError("no .txt articles in this folder", source=str(folder))
    return articles


def parse_label_line(line: str, *, source: str, number: int) -> GoldSpan:
    """Parse ``id start end`` (SI), ``id technique start end`` (TC) or ``id ? start end``."""
    parts = line.rstrip("\n").split("\t")
    try:
        if len(parts) == 3:
            return GoldSpan(parts[0], int(parts[1]), int(parts[2]), None)
        if len(parts) == 4:
            technique = None if parts[1] == "?" else parts[1]
            if technique is not None and technique not in TECHNIQUE_IDS:
                raise EvaluationError(
                    f"unknown technique {technique!r}; valid: {', '.join(TECHNIQUE_IDS)}",
                    source=f"{source}:{number}")
            span = GoldSpan(parts[0], int(parts[2]), int(parts[3]), technique)
            if not 0 <= span.start < span.end:
                raise ValueError
            return span
    except ValueError:
        pass
    raise EvaluationError("expected tab-separated 'article_id technique start end' (or "
                          "'article_id start end'); fix this line", source=f"{source}:{number}")


def read_ptc_labels(source: str | Path) -> dict[str, list[GoldSpan]]:
    """Labels from one file or a folder of ``*.labels`` files, grouped by article id."""
    path = Path(source)
    if not path.exists():
        raise InputNotFoundError("no such labels file or folder", source=str(source))
    files = sorted(path.glob("*.labels")) if path.is_dir() else [path]
    if not files:
        raise EvaluationError("no *.labels files in this folder", source=str(source))
    spans: dict[str, list[GoldSpan]] = defaultdict(list)
    for file in files:
        if path.is_dir():
            # A per-article file may be empty: the article still counts (no spans).
            name = file.name.split(".")[0]
            spans.setdefault(name.removeprefix("article"), [])
        for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), start=1):
            if line.strip():
                span = parse_label_line(line, source=str(file), number=number)
                spans[span.article_id].append(span)
    return dict(spans)
