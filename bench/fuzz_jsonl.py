"""Fuzz the JSONL reader and the start of the pipeline (make_doc and the language check).

Invariants: reading yields only ``Article`` or ``InputError`` items and never raises; each
article's text is valid Unicode; the pipeline's first stage raises nothing but ``UnspinError``.
URLs in the input are checked but never fetched (no network while fuzzing).

    .venv/bin/python bench/fuzz_jsonl.py --seconds 60
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fuzz_common import instrumented, run

SEEDS = [
    b'{"id": 1, "text": "The harbour board met on Tuesday.", "title": "Fees"}\n{"id": "2", "html": '
    b'"<html><body><p>Words in a page that is long enough to extract.</p></body></html>"}\n',
    b'{"text": "a\\r\\nb \\ud800 \\u0000 \\u202e"}\n[1, 2]\n"str"\nnull\n{"url": "file:///etc/passwd"}\n',
    b'{"url": "http://127.0.0.1:1/x", "id": {"nested": [1]}}\n\n   \n{"text": ""}\n{bad json\n',
    b'\xef\xbb\xbf{"text": "BOM first"}\r\n{"text": "\xff\xfe not utf-8"}\n' + b'{"text": "x"}' * 3,
]

_NLP = None


def _no_network(url: str, limits: object = None) -> tuple[bytes, str, str]:
    from unspin.errors import FetchError
    from unspin.ingest.url import check_url

    check_url(url, allow_private=True)
    raise FetchError("fuzzing: no network")


def one_input(data: bytes) -> None:
    global _NLP
    from unspin.doc import Article
    from unspin.errors import InputError, UnspinError
    from unspin.ingest import read_jsonl
    from unspin.pipeline import load

    if _NLP is None:
        _NLP = load(components=["language"])
    for item in read_jsonl(io.BytesIO(data), source="fuzz.jsonl", max_line_bytes=4096):
        assert isinstance(item, (Article, InputError)), type(item)
        if isinstance(item, InputError):
            continue
        assert isinstance(item.id, str) and isinstance(item.text, str)
        try:
            doc = _NLP(item)
        except UnspinError:
            continue
        doc.text.encode("utf-8")  # the pipeline refuses text that is not valid Unicode
        assert isinstance(doc.article.source.get("language"), str)


if __name__ == "__main__":
    with instrumented("unspin", "trafilatura", "charset_normalizer"):
        import charset_normalizer  # noqa: F401  (imported lazily by unspin; instrument it now)
        import trafilatura  # noqa: F401

        import unspin.ingest
        import unspin.ingest.readers
        import unspin.pipeline
    unspin.ingest.readers.fetch_url = _no_network  # type: ignore[assignment]
    run(one_input, name="jsonl", seeds=SEEDS)
