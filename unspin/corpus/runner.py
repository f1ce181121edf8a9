"""A batch run: read the inputs as a stream, skip what the store has, analyse the rest, store each result.

Resuming is the normal case: every item's key (id, content hash) is looked up before it is
analysed, and results are written in small transactions as tasks finish, so rerunning the same
command after a crash (even ``kill -9``) does only the missing work.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from unspin.corpus.engines import Engine, PipelineSpec, SerialEngine
from unspin.corpus.store import Record, Store, content_hash
from unspin.doc import Article
from unspin.errors import ConfigError, InputError

__all__ = ["BatchStats", "count_items", "describe", "run_batch"]


@dataclass(slots=True)
class BatchStats:
    """What a batch did. ``stored``: analysed and stored; ``failed``: stored with an error."""

    read: int = 0
    stored: int = 0
    failed: int = 0
    skipped: int = 0  # already in the store, or repeated in the input
    started: float = field(default_factory=time.perf_counter)
    seconds: float = 0.0

    @property
    def done(self) -> int:
        return self.stored + self.failed + self.skipped

    @property
    def rate(self) -> float:
        """Articles analysed (stored or failed) per second of wall time."""
        return (self.stored + self.failed) / self.seconds if self.seconds > 0 else 0.0

    def line(self) -> str:
        return (f"{self.stored} analysed and stored, {self.failed} failed (stored with their error), "
                f"{self.skipped} skipped (already stored) in {self.seconds:.1f} s "
                f"({self.rate:.2f} articles/s)")


def describe(article: Article, *, default_source: str | None = None) -> Record:
    """The stored metadata of an article (result still to come): key, outlet, date, words."""
    meta = article.source
    outlet = meta.get("source")
    if isinstance(outlet, dict):
        outlet = outlet.get("name")
    if not isinstance(outlet, str) or not outlet.strip():
        outlet = default_source or meta.get("sitename") or meta.get("hostname")
    published = meta.get("published") or meta.get("date")
    return Record(id=article.id, content_hash=content_hash(article.text), status="pending",
                  title=article.title, source=outlet.strip() if isinstance(outlet, str) else None,
                  published=str(published) if published else None,
                  words=len(article.text.split()))


def _error_record(error: InputError) -> Record:
    where = error.source or "input"
    return Record(id=where, content_hash=content_hash(f"error\x00{error}"), status="error",
                  error=error.message)


def count_items(inputs: Iterable[str | Path]) -> int | None:
    """How many items the inputs hold (files in folders, lines of JSONL), for the progress bar."""
    from unspin.ingest.readers import HTML_SUFFIXES, JSONL_SUFFIXES, TEXT_SUFFIXES

    total = 0
    for source in inputs:
        name = str(source)
        path = Path(name)
        if name == "-" or name.startswith(("http://", "https://")) or not path.exists():
            total += 1
        elif path.is_dir():
            total += sum(1 for p in path.rglob("*")
                         if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES + HTML_SUFFIXES)
        elif path.suffix.lower() in JSONL_SUFFIXES:
            try:
                with path.open("rb") as handle:
                    total += sum(1 for line in handle if line.strip())
            except OSError:
                total += 1
        else:
            total += 1
    return total


def _windows(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    window: list[Any] = []
    for item in items:
        window.append(item)
        if len(window) >= size:
            yield window
            window = []
    if window:
        yield window


def run_batch(
    inputs: Iterable[str | Path],
    store: Store,
    *,
    spec: PipelineSpec | None = None,
    engine: Engine | None = None,
    chunk_size: int = 8,
    window: int = 256,
    default_source: str | None = None,
    retry_errors: bool = False,
    items: Iterable[Article | InputError] | None = None,
    on_progress: Callable[[BatchStats], None] | None = None,
) -> BatchStats:
    """Analyse every input article not yet in ``store`` and store it (or its error).

    ``chunk_size``: articles per task sent to a worker. ``window``: items looked up in the
    store at once. ``items``: already-read articles to use instead of reading ``inputs``.
    """
    if chunk_size < 1 or window < 1:
        raise ConfigError(f"chunk size and window must be at least 1, not {chunk_size} and {window}")
    from unspin.ingest import read_sources

    spec = spec or PipelineSpec()
    engine = engine or SerialEngine()
    stats = BatchStats()
    in_flight: set[tuple[str, str]] = set()
    if retry_errors:
        store.delete_errors()

    def progress() -> None:
        stats.seconds = time.perf_counter() - stats.started
        if on_progress is not None:
            on_progress(stats)

    def tasks() -> Iterator[tuple[list[Record], list[Article]]]:
        stream = items if items is not None else read_sources(inputs)
        for group in _windows(stream, window):
            keyed: list[tuple[Record, Article | None]] = []
            for item in group:
                stats.read += 1
                if isinstance(item, InputError):
                    keyed.append((_error_record(item), None))
                else:
                    keyed.append((describe(item, default_source=default_source), item))
            stored = store.done(record.key for record, _ in keyed)
            todo: list[tuple[Record, Article]] = []
            errors: list[Record] = []
            for record, article in keyed:
                if record.key in stored or record.key in in_flight:
                    stats.skipped += 1
                    continue
                in_flight.add(record.key)
                if article is None:
                    errors.append(record)
                else:
                    todo.append((record, article))
            if errors:
                store.add(errors)
                stats.failed += len(errors)
                in_flight.difference_update(r.key for r in errors)
            progress()
            for i in range(0, len(todo), chunk_size):
                part = todo[i:i + chunk_size]
                yield [r for r, _ in part], [a for _, a in part]

    for records, outcomes in engine.run(spec, tasks()):
        for record, (result, error) in zip(records, outcomes, strict=True):
            record.status = "ok" if result is not None else "error"
            record.result = result
            record.error = error
        store.add(records)
        for record in records:
            in_flight.discard(record.key)
            if record.status == "ok":
                stats.stored += 1
            else:
                stats.failed += 1
        progress()
    progress()
    return stats
