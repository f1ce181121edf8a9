"""Odd and hostile local inputs: devices, endless streams, encodings, folders, JSONL oddities."""

from __future__ import annotations

import codecs
import io
import json
import os
from pathlib import Path

import pytest

from unspin.doc import Article
from unspin.errors import (
    EmptyInputError,
    EncodingError,
    InputError,
    InputTooLargeError,
    JSONLError,
)
from unspin.ingest import read_jsonl, read_source

TEXT = "The harbour board met on Tuesday and agreed to review the mooring fees."


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_endless_device_is_cut_at_the_limit() -> None:
    # Regression: a device reports size 0, so the whole endless stream was read into memory.
    [item] = list(read_source("/dev/zero", max_bytes=1_000_000))
    assert isinstance(item, InputTooLargeError)
    assert "1,000,000 bytes" in str(item)


def test_endless_stdin_is_cut_at_the_limit() -> None:
    class Endless(io.RawIOBase):
        def readable(self) -> bool:
            return True

        def readinto(self, buffer: bytearray) -> int:  # type: ignore[override]
            buffer[:] = b"a" * len(buffer)
            return len(buffer)

    [item] = list(read_source("-", stdin=io.BufferedReader(Endless()), max_bytes=100_000))
    assert isinstance(item, InputTooLargeError) and "stdin" in str(item)


@pytest.mark.parametrize(("data", "expected"), [
    (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), TEXT),
    (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), TEXT),
    (codecs.BOM_UTF8 + TEXT.replace(" ", "\r\n").encode(), TEXT.replace(" ", "\n")),
    (TEXT.replace(" ", "\r").encode(), TEXT.replace(" ", "\n")),
])
def test_encodings_and_newlines(tmp_path: Path, data: bytes, expected: str) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    [item] = list(read_source(path))
    assert isinstance(item, Article), item
    assert item.text == expected


def test_text_that_is_not_utf8_is_read_with_a_warning(tmp_path: Path) -> None:
    # A short Latin-1 text can be mis-guessed (here as another 8-bit code page): the article
    # then says which encoding it was read as, so the guess is never silent.
    path = tmp_path / "a.txt"
    path.write_bytes("Caf\u00e9 society met on Tuesday and agreed the na\u00efve plan.".encode("latin-1"))
    [item] = list(read_source(path))
    assert isinstance(item, Article)
    assert item.source["warning"].startswith("the input was not UTF-8; it was read as")
    assert item.text.startswith("Caf") and item.text.endswith("plan.")


@pytest.mark.parametrize(("data", "error"), [
    (b"", EmptyInputError),
    (b"  \n\t\r\n ", EmptyInputError),
    (codecs.BOM_UTF8, EmptyInputError),
    (b"\x7fELF\x02\x01\x01\x00\x00\x00" + bytes(range(256)) * 4, EncodingError),
    (b"PK\x03\x04" + bytes(range(256)) * 8, EncodingError),
])
def test_empty_and_binary_files_are_refused(tmp_path: Path, data: bytes, error: type) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    [item] = list(read_source(path))
    assert isinstance(item, error), item


def test_symlink_loop_in_a_folder_ends(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    os.symlink(tmp_path, tmp_path / "sub" / "loop")
    os.symlink(tmp_path / "missing", tmp_path / "dangling.txt")
    items = list(read_source(tmp_path))
    assert [i.text for i in items if isinstance(i, Article)] == [TEXT]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_named_pipe_in_a_folder_is_not_opened(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")  # opening it would block forever
    items = list(read_source(tmp_path))
    assert len(items) == 1 and isinstance(items[0], Article)


@pytest.mark.parametrize("line", [
    b"[1, 2, 3]", b'"a string"', b"null", b"42", b'{"text": 42}', b'{"text": ["a"]}',
    b'{"text": NaN}', b'{"html": null}', b'{"url": 7}', b'{"text": "   "}',
    b'{"text": "a", "text": ', b"\xff\xfe{}", b'{"id": "x"}', b"{" * 100_000,
])
def test_bad_jsonl_lines_are_one_error_each(line: bytes) -> None:
    data = line + b"\n" + json.dumps({"id": "ok", "text": TEXT}).encode() + b"\n"
    items = list(read_jsonl(io.BytesIO(data), source="x.jsonl"))
    assert len(items) == 2
    assert isinstance(items[0], InputError) and not isinstance(items[0], Article)
    assert isinstance(items[1], Article) and items[1].id == "ok"


def test_odd_but_valid_jsonl_lines() -> None:
    lines = [
        codecs.BOM_UTF8 + json.dumps({"id": 1, "text": TEXT}).encode(),
        json.dumps({"id": {"nested": [1]}, "text": TEXT}).encode(),
        json.dumps({"id": None, "text": TEXT, "extra": {"deep": [1, 2]}}).encode(),
        json.dumps({"text": TEXT.replace(" ", "\r\n")}).encode() + b"\r",
        json.dumps({"id": 10**30, "text": TEXT, "title": 5}).encode(),
    ]
    items = list(read_jsonl(io.BytesIO(b"\n".join(lines) + b"\n\n\n"), source="odd.jsonl"))
    assert all(isinstance(i, Article) for i in items), items
    assert [i.id for i in items][:1] == ["1"] and len(items) == 5
    assert "\r" not in items[3].text
    assert items[4].title is None


def test_jsonl_error_names_the_line() -> None:
    data = b'{"text": "one two three"}\n{oops\n'
    items = list(read_jsonl(io.BytesIO(data), source="f.jsonl"))
    assert isinstance(items[1], JSONLError) and items[1].line == 2
    assert "f.jsonl:2" in str(items[1])
