"""Export a results store as JSON Lines, CSV or Parquet: one row per article, or one per technique span."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from unspin.corpus.store import Store, StoredArticle
from unspin.errors import ConfigError

__all__ = ["ARTICLE_COLUMNS", "EXPORT_FORMATS", "PER", "SPAN_COLUMNS", "export", "rows"]

EXPORT_FORMATS = ("jsonl", "csv", "parquet")
PER = ("article", "span")

#: Columns of ``--per article`` (``result`` is the JSON contract; a JSON string in CSV/Parquet).
ARTICLE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "string"), ("content_hash", "string"), ("status", "string"), ("error", "string"),
    ("title", "string"), ("source", "string"), ("published", "string"), ("month", "string"),
    ("words", "int64"), ("technique_count", "int64"), ("techniques_per_1000_words", "float64"),
    ("claim_count", "int64"), ("claims_with_source", "int64"), ("quote_count", "int64"),
    ("actor_count", "int64"), ("stored_at", "string"), ("result", "string"),
)
#: Columns of ``--per span``: one row per technique span of every analysed article.
SPAN_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "string"), ("content_hash", "string"), ("source", "string"), ("published", "string"),
    ("month", "string"), ("technique", "string"), ("label", "string"), ("start", "int64"),
    ("end", "int64"), ("text", "string"), ("score", "float64"), ("target", "string"),
    ("explanation", "string"),
)


def _article_row(row: StoredArticle) -> dict[str, Any]:
    result = row.result
    words = row.words
    count = row.technique_count
    claims = (result or {}).get("claims") or []
    return {
        "id": row.id, "content_hash": row.content_hash, "status": row.status, "error": row.error,
        "title": row.title, "source": row.source, "published": row.published, "month": row.month,
        "words": words, "technique_count": count,
        "techniques_per_1000_words": (round(1000 * count / words, 3)
                                      if words and count is not None else None),
        "claim_count": None if result is None else len(claims),
        "claims_with_source": None if result is None else sum(1 for c in claims if c.get("source")),
        "quote_count": None if result is None else len(result.get("quotes") or []),
        "actor_count": None if result is None else len(result.get("actors") or []),
        "stored_at": _utc(row.stored_at),
        "result": result,
    }


def _utc(moment: datetime | None) -> str | None:
    if moment is None:
        return None
    # SQLite hands back naive datetimes; every time was stored in UTC.
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).isoformat()


def _span_rows(row: StoredArticle) -> Iterator[dict[str, Any]]:
    result = row.result
    if result is None:
        return
    for span in result.get("techniques") or []:
        yield {"id": row.id, "content_hash": row.content_hash, "source": row.source,
               "published": row.published, "month": row.month,
               **{name: span.get(name) for name, _ in SPAN_COLUMNS[5:]}}


def rows(store: Store, per: str = "article") -> Iterator[dict[str, Any]]:
    """Every stored article (or technique span) as a flat row, streamed."""
    if per not in PER:
        raise ConfigError(f"unknown --per {per!r}; choose article or span")
    for stored in store.rows():
        if per == "article":
            yield _article_row(stored)
        else:
            yield from _span_rows(stored)


def _flat(row: dict[str, Any]) -> dict[str, Any]:
    if isinstance(row.get("result"), dict):
        return {**row, "result": json.dumps(row["result"], ensure_ascii=False)}
    return row


def _open_text(output: Path | None, newline: str | None = None) -> IO[str]:
    if output is None:
        return sys.stdout
    try:
        return output.open("w", encoding="utf-8", newline=newline)
    except OSError as exc:
        raise ConfigError(f"cannot write {output} ({exc.strerror}); choose another --output") from None


def export(store: Store, fmt: str = "jsonl", output: Path | None = None, *,
           per: str = "article", batch: int = 1000) -> int:
    """Write everything stored to ``output`` (stdout when None); return the number of rows."""
    if fmt not in EXPORT_FORMATS:
        raise ConfigError(f"unknown export format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}")
    if per not in PER:
        raise ConfigError(f"unknown --per {per!r}; choose article or span")
    if output is not None and output.is_dir():
        raise ConfigError(f"{output} is a folder; give a file name for --output")
    columns = ARTICLE_COLUMNS if per == "article" else SPAN_COLUMNS
    if fmt == "parquet":
        if output is None:
            raise ConfigError("Parquet is a binary format; give a file with --output FILE.parquet")
        return _write_parquet(rows(store, per), columns, output, batch)
    count = 0
    stream = _open_text(output, newline="" if fmt == "csv" else None)
    try:
        if fmt == "jsonl":
            for row in rows(store, per):
                stream.write(json.dumps(row, ensure_ascii=False) + "\n")
                count += 1
        else:
            writer = csv.DictWriter(stream, fieldnames=[name for name, _ in columns])
            writer.writeheader()
            for row in rows(store, per):
                writer.writerow(_flat(row))
                count += 1
        stream.flush()
    finally:
        if stream is not sys.stdout:
            stream.close()
    return count


def _write_parquet(source: Iterator[dict[str, Any]], columns: tuple[tuple[str, str], ...],
                   output: Path, batch: int) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise ConfigError("Parquet export needs the batch extra; install it with "
                          "pip install 'unspin[batch]'") from None
    schema = pa.schema([(name, getattr(pa, kind)()) for name, kind in columns])
    count = 0
    try:
        writer = pq.ParquetWriter(str(output), schema)
    except OSError as exc:
        raise ConfigError(f"cannot write {output} ({exc}); choose another --output") from None
    with writer:
        pending: list[dict[str, Any]] = []
        for row in source:
            pending.append(_flat(row))
            if len(pending) >= batch:
                writer.write_table(pa.Table.from_pylist(pending, schema=schema))
                count += len(pending)
                pending = []
        if pending or count == 0:
            writer.write_table(pa.Table.from_pylist(pending, schema=schema))
            count += len(pending)
    return count
