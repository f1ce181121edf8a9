"""Ingest: text encodings, HTML, JSONL, folders, stdin, ids, and the errors for bad input."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from unspin.doc import Article
from unspin.errors import (
    EmptyInputError,
    EncodingError,
    InputError,
    InputNotFoundError,
    InputTooLargeError,
    JSONLError,
)
from unspin.ingest import article_id_from_path, decode_text, read_source, read_sources


def one(source: str | Path, **kwargs: object) -> Article:
    items = list(read_source(source, **kwargs))  # type: ignore[arg-type]
    assert len(items) == 1
    item = items[0]
    if isinstance(item, InputError):
        raise item
    return item


def test_ptc_ids_and_plain_ids() -> None:
    assert article_id_from_path(Path("x/article123.txt")) == "123"
    assert article_id_from_path(Path("x/article123.task2-TC.labels")) == "123"
    assert article_id_from_path(Path("x/my-story.html")) == "my-story"


def test_utf8_bom_and_crlf(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_bytes(b"\xef\xbb\xbfFirst line.\r\nSecond line.\rThird.")
    article = one(f)
    assert article.text == "First line.\nSecond line.\nThird."
    assert article.id == "a"


def test_latin1_is_detected_with_a_warning() -> None:
    text, warning = decode_text("Café society où l'été est déjà là, naïve façade.".encode("cp1252"),
                                source="x")
    assert "Café" in text
    assert warning is not None and "not UTF-8" in warning


def test_a_stray_windows_1252_byte_in_a_utf8_page_is_repaired_alone() -> None:
    head = b'<html><head><meta charset="utf-8"></head><body><p>'
    body = "“We’re ready,” said Zoë Ibáñez of the €2 fund. ".encode()
    text, warning = decode_text(head + body + b"The council\x92s vote is due.</p></body></html>",
                                source="x")
    assert "“We’re ready,” said Zoë Ibáñez of the €2 fund." in text
    assert "The council’s vote" in text
    assert warning is not None and "1 byte was not" in warning
    # Without a declaration, UTF-8 throughout but for one byte is read the same way.
    text, _ = decode_text(body + b"The council\x92s vote.", source="x")
    assert text.endswith("fund. The council’s vote.")


@pytest.mark.parametrize("codec", ["cp1252", "latin-1", "cp1250"])
def test_single_byte_pages_still_decode_whole(codec: str) -> None:
    words = "Żółw šťastný" if codec == "cp1250" else "Café naïve façade"
    sentence = f"{words} owners said the harbour council met on Wednesday to discuss next year's budget. "
    page = f'<html><head><meta charset="{codec}"></head><body><p>{sentence * 3}</p></body></html>'
    text, warning = decode_text(page.encode(codec), source="x")
    assert words in text
    assert warning is not None and "not UTF-8" in warning


def test_binary_is_refused(tmp_path: Path) -> None:
    f = tmp_path / "img.txt"
    f.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(EncodingError, match="binary"):
        one(f)


def test_empty_and_missing(tmp_path: Path) -> None:
    f = tmp_path / "empty.txt"
    f.write_text("  \n\n")
    with pytest.raises(EmptyInputError):
        one(f)
    with pytest.raises(InputNotFoundError, match="no such file"):
        one(tmp_path / "nope.txt")


def test_size_limit(tmp_path: Path) -> None:
    f = tmp_path / "big.txt"
    f.write_text("word " * 1000)
    with pytest.raises(InputTooLargeError, match="over the limit"):
        one(f, max_bytes=100)


HTML = """<!doctype html><html><head><title>Council votes on the bridge</title>
<script>var tracking = "SECRET-SCRIPT";</script><style>.x{color:red}</style></head>
<body><nav><a href="/">Home</a> | <a href="/news">News</a> | SECRET-NAV</nav>
<article><h1>Council votes on the bridge</h1>
<p>The council voted on Tuesday to approve the new harbour bridge after a long debate in the
chamber that lasted well into the evening.</p>
<p>Residents who opposed the plan said they would continue to campaign against it, and several
councillors promised a review of the costs before construction begins next spring.</p>
</article><footer>Copyright SECRET-FOOTER</footer></body></html>"""


def test_html_main_text_without_boilerplate(tmp_path: Path) -> None:
    f = tmp_path / "page.html"
    f.write_text(HTML)
    article = one(f)
    assert "council voted on Tuesday" in article.text
    assert "SECRET" not in article.text
    assert article.title == "Council votes on the bridge"
    assert article.source["format"] == "html"


def test_jsonl_bad_line_reported_with_number_rest_goes_on(tmp_path: Path) -> None:
    f = tmp_path / "in.jsonl"
    f.write_text("\n".join([
        json.dumps({"id": "one", "text": "The first article text."}),
        "{not json",
        json.dumps({"id": 3, "title": "T", "text": "Third."}),
        json.dumps({"id": "four"}),
        json.dumps(["a list"]),
        json.dumps({"id": "six", "html": HTML}),
    ]))
    items = list(read_source(f))
    assert [type(i).__name__ for i in items] == ["Article", "JSONLError", "Article",
                                                 "JSONLError", "JSONLError", "Article"]
    assert isinstance(items[1], JSONLError) and items[1].line == 2
    assert str(items[1]).startswith(f"{f}:2: not valid JSON")
    assert items[2].id == "3" and items[2].title == "T"  # type: ignore[union-attr]
    assert "council voted" in items[5].text  # type: ignore[union-attr]


def test_folder_reads_txt_and_html_sorted(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("Second text.")
    (tmp_path / "a.html").write_text(HTML)
    (tmp_path / "notes.csv").write_text("ignored,1")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02")
    items = list(read_source(tmp_path))
    kinds = [(type(i).__name__, getattr(i, "id", None)) for i in items]
    assert kinds == [("Article", "a"), ("Article", "b"), ("EncodingError", None)]


def test_empty_folder(tmp_path: Path) -> None:
    with pytest.raises(EmptyInputError, match=r"no \.txt"):
        one(tmp_path)


def test_stdin() -> None:
    article = one("-", stdin=io.BytesIO(b"From a pipe.\r\n"))
    assert (article.id, article.text) == ("stdin", "From a pipe.\n")


def test_read_sources_keeps_order_and_errors(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text("Some text.")
    items = list(read_sources([tmp_path / "missing.txt", tmp_path / "x.txt"]))
    assert isinstance(items[0], InputNotFoundError)
    assert isinstance(items[1], Article)
