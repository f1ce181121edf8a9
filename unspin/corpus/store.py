"""The results store: one row per analysed article in SQLite or PostgreSQL, keyed by (id, content hash).

Every write is one short transaction and a row is inserted only if its key is not there yet, so a
batch killed at any point (even ``kill -9``) loses at most the work in flight and never stores an
article twice.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from unspin.errors import StoreError

__all__ = [
    "Record",
    "Store",
    "StoredArticle",
    "content_hash",
    "month_of",
    "open_store",
    "resolve_url",
]

#: Bumped when the table layout changes in a way older code cannot read.
STORE_VERSION = "1"

_MONTH = re.compile(r"^\s*(\d{4})-(\d{1,2})(?:\D|$)")
_LOOKUP_CHUNK = 500


def content_hash(text: str) -> str:
    """The SHA-256 of the article text as ingested (hex)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def month_of(published: str | None) -> str | None:
    """``YYYY-MM`` from an ISO-like date (``2020-03-01``, ``2020-03-01T10:00Z``), else None."""
    if not published:
        return None
    m = _MONTH.match(published)
    if m and 1 <= int(m.group(2)) <= 12:
        return f"{m.group(1)}-{int(m.group(2)):02d}"
    return None


def _clean(value: str | None) -> str | None:
    # PostgreSQL text cannot hold NUL characters; keep them visible instead of failing the write.
    return None if value is None else value.replace("\x00", "\\0")


@dataclass(slots=True)
class Record:
    """What is stored for one article: its key, where it came from, and the result or the error."""

    id: str
    content_hash: str
    status: str  # "ok" or "error"
    result: dict[str, Any] | None = None  # the JSON contract (unspin.render.json.to_dict)
    error: str | None = None
    title: str | None = None
    source: str | None = None  # the outlet
    published: str | None = None
    words: int | None = None  # whitespace-separated words in the text

    @property
    def key(self) -> tuple[str, str]:
        return (self.id, self.content_hash)


@dataclass(slots=True)
class StoredArticle:
    """One stored row, as read back."""

    pk: int
    id: str
    content_hash: str
    status: str
    error: str | None
    title: str | None
    source: str | None
    published: str | None
    month: str | None
    words: int | None
    technique_count: int | None
    result_json: str | None
    stored_at: datetime | None

    @property
    def result(self) -> dict[str, Any] | None:
        return None if self.result_json is None else json.loads(self.result_json)


def resolve_url(db: str | Path) -> str:
    """A SQLAlchemy URL from ``--db``: a file path means SQLite; ``postgresql://`` uses psycopg 3."""
    text = str(db)
    if "://" not in text:
        path = Path(text).expanduser().resolve()
        if path.is_dir():
            raise StoreError("is a folder; give a database file path such as results.sqlite",
                             source=text)
        if not path.parent.is_dir():
            raise StoreError(f"the folder {path.parent} does not exist; create it or choose "
                             "another --db path", source=text)
        return f"sqlite:///{path}"
    for prefix in ("postgresql://", "postgres://"):
        if text.startswith(prefix):
            return "postgresql+psycopg://" + text[len(prefix):]
    return text


def _tables() -> tuple[Any, Any, Any]:
    import sqlalchemy as sa

    metadata = sa.MetaData()
    articles = sa.Table(
        "unspin_articles", metadata,
        sa.Column("pk", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), primary_key=True,
                  autoincrement=True),
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("status", sa.String(8), nullable=False),
        sa.Column("error", sa.Text()),
        sa.Column("title", sa.Text()),
        sa.Column("source", sa.Text()),
        sa.Column("published", sa.Text()),
        sa.Column("month", sa.String(7)),
        sa.Column("words", sa.Integer()),
        sa.Column("technique_count", sa.Integer()),
        sa.Column("result", sa.Text()),
        sa.Column("stored_at", sa.DateTime(timezone=True)),
        sa.UniqueConstraint("id", "content_hash", name="uq_unspin_articles_key"),
    )
    sa.Index("ix_unspin_articles_source", articles.c.source)
    sa.Index("ix_unspin_articles_month", articles.c.month)
    meta = sa.Table(
        "unspin_meta", metadata,
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text(), nullable=False),
    )
    return metadata, articles, meta


class Store:
    """A results database. Open it with ``open_store(db)``; it creates its tables if needed."""

    def __init__(self, db: str | Path, *, create: bool = True) -> None:
        try:
            import sqlalchemy as sa
        except ImportError:
            raise StoreError("the results store needs the batch extra; install it with "
                             "pip install 'unspin[batch]'") from None
        self.url = resolve_url(db)
        self._display = _mask(self.url)
        if not create and self.url.startswith("sqlite:///") and not Path(self.url[10:]).is_file():
            raise StoreError("no such database file; check the path, or fill it first with "
                             "unspin batch INPUT... --db PATH", source=str(db))
        try:
            self.engine = sa.create_engine(self.url)
        except (sa.exc.ArgumentError, sa.exc.NoSuchModuleError, ImportError) as exc:
            raise StoreError(f"not a database URL SQLAlchemy understands ({exc}); give a file path "
                             "for SQLite or postgresql://USER:PASSWORD@HOST/DB",
                             source=self._display) from None
        self.dialect = self.engine.dialect.name
        if self.dialect not in ("sqlite", "postgresql"):
            self.engine.dispose()
            raise StoreError(f"the {self.dialect!r} database is not supported; use SQLite (a file "
                             "path) or PostgreSQL (postgresql://...)", source=self._display)
        if self.dialect == "sqlite":
            sa.event.listen(self.engine, "connect", _sqlite_pragmas)
        self._metadata, self.articles, self._meta = _tables()
        try:
            self._guard(self._create if create else self._check)
        except StoreError:
            self.engine.dispose()
            raise

    def __repr__(self) -> str:
        return f"Store({self._display!r})"

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.engine.dispose()

    def _guard(self, action: Any, *args: Any) -> Any:
        import sqlalchemy as sa

        try:
            return action(*args)
        except sa.exc.OperationalError as exc:
            reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
            raise StoreError(f"cannot use the database ({reason}); check that it is reachable, "
                             "that the URL, user and password are right and that it is writable",
                             source=self._display) from None
        except sa.exc.DatabaseError as exc:
            reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
            raise StoreError(f"the database refused the operation ({reason}); check that it is "
                             "an unspin results database", source=self._display) from None

    def _create(self) -> None:
        import sqlalchemy as sa

        with self.engine.begin() as conn:
            self._metadata.create_all(conn, checkfirst=True)
            version = conn.execute(sa.select(self._meta.c.value).where(
                self._meta.c.key == "store_version")).scalar()
            if version is None:
                conn.execute(self._insert_ignore(self._meta, ["key"]),
                             [{"key": "store_version", "value": STORE_VERSION}])
            elif version != STORE_VERSION:
                raise StoreError(f"this database has store version {version}, this unspin reads "
                                 f"version {STORE_VERSION}; export it with the unspin that wrote it "
                                 "or use a new database", source=self._display)

    def _check(self) -> None:
        import sqlalchemy as sa

        with self.engine.connect() as conn:
            if not sa.inspect(conn).has_table("unspin_articles"):
                raise StoreError("this database holds no unspin results; fill it first with "
                                 "unspin batch INPUT... --db URL", source=self._display)

    def _insert_ignore(self, table: Any, key: list[str]) -> Any:
        if self.dialect == "postgresql":
            from sqlalchemy.dialects.postgresql import insert
        else:
            from sqlalchemy.dialects.sqlite import insert
        return insert(table).on_conflict_do_nothing(index_elements=key)

    def done(self, keys: Iterable[tuple[str, str]]) -> set[tuple[str, str]]:
        """The keys among ``keys`` that are already stored."""
        import sqlalchemy as sa

        wanted = set(keys)
        found: set[tuple[str, str]] = set()
        ids = sorted({k[0] for k in wanted})
        c = self.articles.c

        def lookup() -> None:
            with self.engine.connect() as conn:
                for i in range(0, len(ids), _LOOKUP_CHUNK):
                    rows = conn.execute(sa.select(c.id, c.content_hash).where(
                        c.id.in_(ids[i:i + _LOOKUP_CHUNK])))
                    found.update(k for k in ((r[0], r[1]) for r in rows) if k in wanted)

        if ids:
            self._guard(lookup)
        return found

    def add(self, records: Sequence[Record]) -> int:
        """Store ``records`` in one transaction, skipping keys already there; return how many were new."""
        if not records:
            return 0
        now = datetime.now(UTC)
        rows = [_row(r, now) for r in records]
        statement = self._insert_ignore(self.articles, ["id", "content_hash"])
        returning = bool(getattr(self.engine.dialect, "insert_executemany_returning", False))

        def write() -> int:
            with self.engine.begin() as conn:
                if returning:
                    return len(conn.execute(statement.returning(self.articles.c.pk), rows).all())
                # An old SQLite without RETURNING: its rowcount sums the rows really inserted.
                return int(conn.execute(statement, rows).rowcount or 0)

        return int(self._guard(write))

    def delete_errors(self) -> int:
        """Forget the articles that failed, so that the next batch tries them again."""

        def delete() -> int:
            with self.engine.begin() as conn:
                result = conn.execute(self.articles.delete().where(self.articles.c.status == "error"))
                return int(result.rowcount or 0)

        return int(self._guard(delete))

    def count(self, status: str | None = None) -> int:
        import sqlalchemy as sa

        query = sa.select(sa.func.count()).select_from(self.articles)
        if status is not None:
            query = query.where(self.articles.c.status == status)

        def run() -> int:
            with self.engine.connect() as conn:
                return int(conn.execute(query).scalar() or 0)

        return int(self._guard(run))

    def rows(self, *, status: str | None = None, batch: int = 500) -> Iterator[StoredArticle]:
        """Every stored row in insertion order, streamed (never all in memory)."""
        import sqlalchemy as sa

        c = self.articles.c
        query = sa.select(c.pk, c.id, c.content_hash, c.status, c.error, c.title, c.source,
                          c.published, c.month, c.words, c.technique_count, c.result,
                          c.stored_at).order_by(c.pk)
        if status is not None:
            query = query.where(c.status == status)
        # Paged by primary key: a long export never holds a read transaction open across pages.
        last = 0
        while True:
            page = self._guard(self._page, query.where(c.pk > last).limit(batch))
            if not page:
                return
            for row in page:
                yield StoredArticle(*row)
            last = page[-1][0]

    def _page(self, query: Any) -> list[Any]:
        with self.engine.connect() as conn:
            return list(conn.execute(query).all())


def _row(record: Record, now: datetime) -> dict[str, Any]:
    result = record.result
    return {
        "id": _clean(record.id), "content_hash": record.content_hash, "status": record.status,
        "error": _clean(record.error), "title": _clean(record.title),
        "source": _clean(record.source), "published": _clean(record.published),
        "month": month_of(record.published),
        "words": record.words,
        "technique_count": len(result["techniques"]) if result is not None else None,
        "result": None if result is None else json.dumps(result, ensure_ascii=False),
        "stored_at": now,
    }


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # WAL: readers (export, report) never block the batch writer, and a committed transaction
    # survives the process being killed. busy_timeout: wait for a lock instead of failing.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def _mask(url: str) -> str:
    return re.sub(r"(://[^:/@]+:)[^@]*@", r"\1***@", url)


def open_store(db: str | Path, *, create: bool = True) -> Store:
    """Open the results database at ``db`` (a file path or a database URL).

    With ``create`` it is made (tables included) when missing; without, a missing database or
    one with no unspin results raises ``StoreError``.
    """
    return Store(db, create=create)
