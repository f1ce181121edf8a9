"""Export: JSON Lines, CSV and Parquet, one row per article or per technique span."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from unspin.corpus import Store, run_batch
from unspin.corpus.export import ARTICLE_COLUMNS, SPAN_COLUMNS, export
from unspin.errors import ConfigError

from .conftest import LIGHT


@pytest.fixture
def filled(store: Store, corpus: tuple[Path, list[dict[str, str]]]) -> Store:
    run_batch([corpus[0]], store, spec=LIGHT)
    return store


def test_jsonl_per_article_carries_id_and_contract(filled: Store, tmp_path: Path) -> None:
    out = tmp_path / "all.jsonl"
    count = export(filled, "jsonl", out)
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert count == len(lines) == filled.count()
    stored = {(r.id, r.content_hash): r for r in filled.rows()}
    for line in lines:
        row = stored[(line["id"], line["content_hash"])]
        assert line["result"] == row.result
        assert line["status"] == row.status
        assert list(line) == [name for name, _ in ARTICLE_COLUMNS]
        assert line["stored_at"].endswith("+00:00")
        if row.status == "ok":
            assert line["technique_count"] == len(row.result["techniques"])
            assert line["techniques_per_1000_words"] == pytest.approx(
                1000 * line["technique_count"] / line["words"], abs=1e-3)
        else:
            assert line["result"] is None and line["error"]


def test_csv_per_span_has_one_row_per_technique(filled: Store, capsys: pytest.CaptureFixture[str]
                                                ) -> None:
    count = export(filled, "csv", None, per="span")
    text = capsys.readouterr().out
    rows = list(csv.DictReader(io.StringIO(text)))
    spans = [(r.id, s) for r in filled.rows(status="ok") for s in r.result["techniques"]]
    assert count == len(rows) == len(spans) > 0
    assert list(rows[0]) == [name for name, _ in SPAN_COLUMNS]
    for row, (ident, span) in zip(rows, spans, strict=True):
        assert row["id"] == ident
        assert (row["technique"], int(row["start"]), int(row["end"]), row["text"]) == (
            span["technique"], span["start"], span["end"], span["text"])


def test_csv_per_article_puts_the_contract_in_one_column(filled: Store, tmp_path: Path) -> None:
    out = tmp_path / "all.csv"
    export(filled, "csv", out)
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    ok = [r for r in rows if r["status"] == "ok"]
    assert len(ok) == filled.count("ok")
    assert all(json.loads(r["result"])["article"]["id"] == r["id"] for r in ok)


def test_parquet_round_trip(filled: Store, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet", reason="Parquet export needs the batch extra")
    out = tmp_path / "all.parquet"
    count = export(filled, "parquet", out, batch=7)
    table = pq.read_table(out)
    assert table.num_rows == count == filled.count()
    assert table.column_names == [name for name, _ in ARTICLE_COLUMNS]
    spans = tmp_path / "spans.parquet"
    n_spans = export(filled, "parquet", spans, per="span")
    assert pq.read_table(spans).num_rows == n_spans == sum(
        len(r.result["techniques"]) for r in filled.rows(status="ok"))


def test_empty_store_exports_a_valid_empty_file(store: Store, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet", reason="Parquet export needs the batch extra")
    assert export(store, "parquet", tmp_path / "none.parquet") == 0
    assert pq.read_table(tmp_path / "none.parquet").num_rows == 0


def test_bad_options(store: Store, tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="unknown export format 'xml'"):
        export(store, "xml")
    with pytest.raises(ConfigError, match="choose article or span"):
        export(store, "jsonl", per="word")
    with pytest.raises(ConfigError, match="binary format"):
        export(store, "parquet", None)
    with pytest.raises(ConfigError, match="is a folder"):
        export(store, "csv", tmp_path)
