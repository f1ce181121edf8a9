"""The results store: URLs, insert-once by (id, content hash), lookups, streaming reads, errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from unspin.corpus import Record, Store, content_hash, open_store
from unspin.corpus.store import month_of, resolve_url
from unspin.errors import StoreError


def _record(ident: str, text: str, **extra: object) -> Record:
    result = {"article": {"id": ident}, "techniques": [{"technique": "Doubt"}] * len(ident),
              "claims": [], "quotes": [], "actors": [], "summary": {}}
    fields = {"status": "ok", "result": result, "source": "Outlet", "published": "2022-03-04",
              "words": len(text.split()), **extra}
    return Record(id=ident, content_hash=content_hash(text), **fields)  # type: ignore[arg-type]


def test_resolve_url_file_path_is_sqlite(tmp_path: Path) -> None:
    url = resolve_url(tmp_path / "x.sqlite")
    assert url == f"sqlite:///{(tmp_path / 'x.sqlite').resolve()}"
    assert resolve_url("postgresql://u:p@h/db") == "postgresql+psycopg://u:p@h/db"
    assert resolve_url("postgres://u:p@h/db") == "postgresql+psycopg://u:p@h/db"


def test_resolve_url_rejects_folder_and_missing_parent(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is a folder"):
        resolve_url(tmp_path)
    with pytest.raises(StoreError, match="does not exist"):
        resolve_url(tmp_path / "no" / "such" / "x.sqlite")


def test_unsupported_or_unreachable_database_is_a_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match=r"not supported|SQLAlchemy understands"):
        open_store("mysql://u:p@127.0.0.1/db")
    with pytest.raises(StoreError, match="cannot use the database") as info:
        open_store("postgresql://u:secret@127.0.0.1:1/db")
    assert "secret" not in str(info.value), "the password must not be printed"


def test_open_without_create_needs_an_existing_store(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such database file"):
        open_store(tmp_path / "missing.sqlite", create=False)
    assert not (tmp_path / "missing.sqlite").exists()


def test_month_of() -> None:
    assert month_of("2020-03-01") == "2020-03"
    assert month_of("2020-3-1T10:00:00Z") == "2020-03"
    assert month_of("2020-13-01") is None
    assert month_of("March 2020") is None
    assert month_of(None) is None


def test_add_stores_each_key_once(store: Store) -> None:
    first = [_record("a", "one two three"), _record("b", "four five")]
    assert store.add(first) == 2
    assert store.add(first) == 0
    # Same id, new text: a new version of the article, stored beside the old one.
    assert store.add([_record("a", "one two three four")]) == 1
    assert store.count() == 3
    assert store.count("ok") == 3


def test_done_returns_only_stored_keys(store: Store) -> None:
    store.add([_record("a", "alpha"), _record("b", "beta")])
    keys = {("a", content_hash("alpha")), ("a", content_hash("changed")), ("c", content_hash("x"))}
    assert store.done(keys) == {("a", content_hash("alpha"))}
    assert store.done([]) == set()


def test_rows_stream_back_what_was_stored(store: Store) -> None:
    records = [_record(f"id{i}", f"text number {i}") for i in range(7)]
    store.add(records)
    rows = list(store.rows(batch=3))
    assert [r.id for r in rows] == [r.id for r in records]
    for row, record in zip(rows, records, strict=True):
        assert row.content_hash == record.content_hash
        assert row.result == record.result
        assert row.month == "2022-03"
        assert row.words == record.words
        assert row.technique_count == len(record.id)


def test_errors_are_stored_and_can_be_forgotten(store: Store) -> None:
    store.add([_record("good", "fine text"),
               Record(id="bad", content_hash=content_hash("x"), status="error",
                      error="the \"text\" field is empty")])
    assert store.count("error") == 1
    (bad,) = store.rows(status="error")
    assert bad.error == "the \"text\" field is empty"
    assert bad.result is None
    assert store.delete_errors() == 1
    assert store.count() == 1


def test_nul_characters_do_not_break_the_write(store: Store) -> None:
    store.add([_record("nul\x00id", "text", title="a\x00title")])
    (row,) = store.rows()
    assert row.id == "nul\\0id"
    assert row.title == "a\\0title"


def test_reopening_keeps_the_data(db_url: str) -> None:
    with open_store(db_url) as first:
        first.add([_record("kept", "some words")])
    with open_store(db_url, create=False) as again:
        assert again.count() == 1
        assert again.done([("kept", content_hash("some words"))])


def test_old_sqlite_without_returning_still_counts_new_rows(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with open_store(tmp_path / "old.sqlite") as store:
        monkeypatch.setattr(store.engine.dialect, "insert_executemany_returning", False)
        records = [_record("p", "first text"), _record("q", "second text")]
        assert store.add(records) == 2
        assert store.add([*records, _record("r", "third text")]) == 1
        assert store.count() == 3
