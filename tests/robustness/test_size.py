"""Size: a 10 MB article is refused with the limit named; JSONL is streamed in bounded memory."""

from __future__ import annotations

import io
import json
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest

import unspin
from unspin.cli import main
from unspin.errors import InputTooLargeError
from unspin.ingest import read_jsonl, read_source
from unspin.pipeline import MAX_CHARS

SENTENCE = "The harbour board met on Tuesday and agreed to review the mooring fees. "


def test_ten_megabyte_article_is_refused_with_the_limit_named() -> None:
    text = SENTENCE * (10_000_000 // len(SENTENCE))
    nlp = unspin.load()
    tracemalloc.start()
    try:
        with pytest.raises(InputTooLargeError, match=f"over the limit of {MAX_CHARS:,}"):
            nlp(text)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 2 * len(text), f"peak {peak:,} bytes: refused before any stage ran"


def test_ten_megabyte_file_on_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    big = tmp_path / "big.txt"
    big.write_text(SENTENCE * (10_000_000 // len(SENTENCE)), encoding="utf-8")
    small = tmp_path / "small.txt"
    small.write_text(SENTENCE * 3, encoding="utf-8")
    code = main(["analyze", str(big), str(small), "--format", "json",
                 "--disable", "techniques", "--disable", "quotes", "--disable", "actors"])
    out, err = capsys.readouterr()
    assert code == 1
    assert "over the limit of 1,000,000" in err and "big" in err
    assert len(out.splitlines()) == 1, "the small article is still analysed"


def _lines(count: int) -> Iterator[bytes]:
    for i in range(count):
        yield json.dumps({"id": i, "text": SENTENCE * 4}).encode() + b"\n"


def test_jsonl_is_streamed_in_bounded_memory() -> None:
    count = 0
    tracemalloc.start()
    try:
        for item in read_jsonl(_lines(100_000), source="gen.jsonl"):  # about 30 MB of JSONL
            assert not isinstance(item, Exception)
            count += 1
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 100_000
    assert peak < 2_000_000, f"peak {peak:,} bytes while streaming"


def test_a_file_with_no_newline_is_not_read_whole(tmp_path: Path) -> None:
    # A sparse 200 MB file of NUL bytes: a single 'line' far over the limit.
    path = tmp_path / "sparse.jsonl"
    with path.open("wb") as handle:
        handle.truncate(200_000_000)
    tracemalloc.start()
    try:
        items = list(read_source(path, max_bytes=1_000_000))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(items) == 1 and isinstance(items[0], InputTooLargeError)
    assert "longer than 1,000,000 bytes" in str(items[0])
    assert peak < 5_000_000


def test_an_overlong_line_is_skipped_and_the_rest_read() -> None:
    data = (json.dumps({"id": "a", "text": SENTENCE}) + "\n"
            + json.dumps({"id": "b", "text": SENTENCE * 1000}) + "\n"
            + json.dumps({"id": "c", "text": SENTENCE}) + "\n").encode()
    items = list(read_jsonl(io.BytesIO(data), source="x.jsonl", max_line_bytes=10_000))
    assert [type(i).__name__ for i in items] == ["Article", "InputTooLargeError", "Article"]
    assert "line 2" in str(items[1])
    assert [i.id for i in items if isinstance(i, unspin.Article)] == ["a", "c"]
