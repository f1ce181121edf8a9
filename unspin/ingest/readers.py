"""Readers for plain text, HTML files, folders, JSONL, stdin and URLs."""

from __future__ import annotations

import codecs
import json
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from unspin.doc import Article
from unspin.errors import (
    EmptyInputError,
    EncodingError,
    InputError,
    InputNotFoundError,
    InputTooLargeError,
    JSONLError,
)
from unspin.ingest.html import article_from_html, looks_like_html
from unspin.ingest.url import FetchLimits, fetch_url

__all__ = [
    "HTML_SUFFIXES",
    "TEXT_SUFFIXES",
    "Item",
    "article_from_bytes",
    "article_id_from_path",
    "decode_text",
    "read_jsonl",
    "read_source",
    "read_sources",
]

#: What a reader yields: an article, or the error that says why an item could not be read.
Item = Article | InputError

TEXT_SUFFIXES = (".txt", ".text", ".md")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
DEFAULT_MAX_BYTES = 50_000_000

_PTC_ID = re.compile(r"^article(\d+)$")


def article_id_from_path(path: Path) -> str:
    """The file name without suffix; a PTC file ``article123.txt`` has id ``123``."""
    stem = path.name.split(".")[0] if path.name.startswith("article") else path.stem
    m = _PTC_ID.match(stem)
    return m.group(1) if m else path.stem


def _normalise_newlines(text: str) -> str:
    # The same translation as Python's universal newlines (and the PTC scorer's open()).
    return text.replace("\r\n", "\n").replace("\r", "\n")


#: A charset declared in an HTML page's head or an XML declaration (the first bytes only).
_DECLARED_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([\w.:-]+)|<\?xml[^>]{0,100}?encoding\s*=\s*["']([\w.:-]+)""",
    re.IGNORECASE,
)
#: A well-formed UTF-8 sequence for a character outside ASCII.
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _declared_charset(data: bytes) -> str | None:
    m = _DECLARED_CHARSET.search(data[:4096])
    if m is None:
        return None
    name = (m.group(1) or m.group(2)).decode("ascii").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _cp1252_byte(exc: UnicodeError) -> tuple[str, int]:
    """A decoding error handler: the first undecodable byte read as Windows-1252 (as Latin-1
    for the five bytes that Windows-1252 leaves undefined); decoding resumes at the next byte."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    byte = exc.object[exc.start:exc.start + 1]
    try:
        return byte.decode("cp1252"), exc.start + 1
    except UnicodeDecodeError:
        return byte.decode("latin-1"), exc.start + 1


codecs.register_error("unspin-cp1252", _cp1252_byte)


def _repair_utf8(data: bytes) -> tuple[str, str] | None:
    """UTF-8 text with a few stray bytes of another encoding (a Windows-1252 apostrophe pasted
    into a UTF-8 page): decoded as UTF-8, each stray byte as Windows-1252. Used when the page
    declares UTF-8, or when well-formed UTF-8 sequences are at least twice the stray bytes; ``None``
    otherwise, for a text in one single-byte encoding throughout."""
    stray = len(re.findall(rb"[\x80-\xff]", _UTF8_MULTIBYTE.sub(b"", data)))
    valid = len(_UTF8_MULTIBYTE.findall(data))
    if _declared_charset(data) != "utf-8" and valid < 2 * stray:
        return None
    text = data.decode("utf-8", errors="unspin-cp1252")
    noun = "byte was" if stray == 1 else "bytes were"
    return _normalise_newlines(text), (f"the input was UTF-8 but {stray} {noun} not; read as "
                                       "Windows-1252")


def decode_text(data: bytes, *, source: str) -> tuple[str, str | None]:
    """Decode bytes to text. Returns (text, warning or None). Raises ``EncodingError``."""
    for bom, codec in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return _normalise_newlines(data.decode(codec).lstrip("\ufeff")), None
            except UnicodeDecodeError:
                break
    if b"\x00" in data[:8192]:
        raise EncodingError("this looks like a binary file (it has NUL bytes), not text; give "
                            "a .txt, .html or .jsonl file", source=source)
    try:
        return _normalise_newlines(data.decode("utf-8")), None
    except UnicodeDecodeError:
        pass
    repaired = _repair_utf8(data)
    if repaired is not None:
        return repaired
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise EncodingError("cannot tell the text encoding; save the file as UTF-8 and try "
                            "again", source=source)
    text = str(best)
    printable = sum(ch.isprintable() or ch.isspace() for ch in text[:10000])
    if text and printable / min(len(text), 10000) < 0.95:
        raise EncodingError("this does not look like text in any known encoding; give a UTF-8 "
                            "text file", source=source)
    return _normalise_newlines(text), (f"the input was not UTF-8; it was read as {best.encoding}")


def article_from_bytes(data: bytes, *, id: str, source: str, kind: str | None = None,
                       url: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """Build an article from raw bytes of text or HTML (``kind`` "text", "html" or sniffed)."""
    if len(data) > max_bytes:
        raise InputTooLargeError(f"input is {len(data):,} bytes, over the limit of "
                                 f"{max_bytes:,}; split it or raise the limit", source=source)
    text, warning = decode_text(data, source=source)
    if not text.strip():
        raise EmptyInputError("the input is empty; give a text with some words in it",
                              source=source)
    meta: dict[str, Any] = {"origin": source}
    if kind == "html" or (kind is None and looks_like_html(text)):
        article = article_from_html(text, id=id, url=url, source=meta)
    else:
        meta["format"] = "text"
        article = Article(id=id, text=text, source=meta)
    if warning:
        article.source["warning"] = warning
    return article


def _read_file(path: Path, max_bytes: int) -> Article:
    source = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputTooLargeError(f"file is {size:,} bytes, over the limit of {max_bytes:,}; "
                                     "split it or raise the limit", source=source)
        # Read at most one byte over the limit: a device or pipe (/dev/zero) reports size 0.
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise InputTooLargeError(f"file is over the limit of {max_bytes:,} bytes; split it "
                                     "or raise the limit", source=source)
    except PermissionError:
        raise InputError("permission denied; check the file's permissions",
                         source=source) from None
    except IsADirectoryError:
        raise InputError("is a folder where a file was expected", source=source) from None
    except OSError as exc:
        raise InputError(f"cannot read the file ({exc.strerror})", source=source) from None
    kind = "html" if path.suffix.lower() in HTML_SUFFIXES else None
    return article_from_bytes(data, id=article_id_from_path(path), source=source, kind=kind,
                              max_bytes=max_bytes)


def _jsonl_article(obj: Any, *, source: str, line: int,
                   fetch_limits: FetchLimits | None) -> Article:
    if not isinstance(obj, dict):
        raise JSONLError("each line must be a JSON object like {\"id\": ..., \"text\": ...}",
                         source=source, line=line)
    ident = obj.get("id")
    ident = str(ident) if ident is not None else f"{Path(source).stem}:{line}"
    meta = {k: v for k, v in obj.items() if k not in ("id", "text", "html", "title")}
    title = obj.get("title") if isinstance(obj.get("title"), str) else None
    if isinstance(obj.get("text"), str):
        text = _normalise_newlines(obj["text"])
        if not text.strip():
            raise JSONLError("the \"text\" field is empty", source=source, line=line)
        return Article(id=ident, text=text, title=title, source={**meta, "format": "text"})
    if isinstance(obj.get("html"), str):
        article = article_from_html(obj["html"], id=ident, url=obj.get("url"), source=meta)
        article.title = title or article.title
        return article
    if isinstance(obj.get("url"), str):
        data, ctype, final = fetch_url(obj["url"], fetch_limits)
        article = article_from_bytes(data, id=ident, source=final,
                                     kind="html" if "html" in ctype else None, url=final)
        article.title = title or article.title
        article.source.update(meta)
        return article
    raise JSONLError("the object has no \"text\", \"html\" or \"url\" string field",
                     source=source, line=line)


def _bounded_lines(stream: IO[bytes] | Iterable[bytes], max_line: int) -> Iterator[bytes | None]:
    """The lines of ``stream``; ``None`` for a line over ``max_line`` bytes, which is skipped
    in pieces rather than read whole (a file with no newline at all is one such line)."""
    readline = getattr(stream, "readline", None)
    if readline is None:
        for line in stream:
            yield line if len(line) <= max_line + 1 else None
        return
    while True:
        line = readline(max_line + 1)
        if not line:
            return
        if len(line) > max_line and not line.endswith(b"\n"):
            while True:
                rest = readline(1 << 20)
                if not rest or rest.endswith(b"\n"):
                    break
            yield None
        else:
            yield line


def read_jsonl(stream: IO[bytes] | Iterable[bytes], *, source: str,
               fetch_limits: FetchLimits | None = None,
               max_line_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    """Stream a JSONL file line by line (never loaded whole, nor any line over the limit)."""
    for number, raw in enumerate(_bounded_lines(stream, max_line_bytes), start=1):
        if raw is None:
            yield InputTooLargeError(f"line {number} is longer than {max_line_bytes:,} bytes; "
                                     "split the article or raise the limit", source=source)
            continue
        if not raw.strip():
            continue
        try:
            obj = json.loads(raw)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            msg = exc.msg if isinstance(exc, json.JSONDecodeError) else "not UTF-8"
            yield JSONLError(f"not valid JSON ({msg}); fix or remove this line", source=source,
                             line=number)
            continue
        try:
            yield _jsonl_article(obj, source=source, line=number, fetch_limits=fetch_limits)
        except JSONLError as exc:
            yield exc
        except InputError as exc:
            yield JSONLError(exc.message, source=source, line=number)


def _read_folder(path: Path, max_bytes: int) -> Iterator[Item]:
    try:
        files = sorted(p for p in path.rglob("*") if p.is_file()
                       and p.suffix.lower() in TEXT_SUFFIXES + HTML_SUFFIXES)
    except PermissionError:
        yield InputError("permission denied reading this folder; check its permissions",
                         source=str(path))
        return
    if not files:
        yield EmptyInputError("no .txt, .html or .htm files in this folder", source=str(path))
        return
    for file in files:
        try:
            yield _read_file(file, max_bytes)
        except InputError as exc:
            yield exc


def read_source(source: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES,
                fetch_limits: FetchLimits | None = None,
                stdin: IO[bytes] | None = None) -> Iterator[Item]:
    """Read one source: a file, a folder, a JSONL file, ``-`` (stdin) or an http(s) URL."""
    name = str(source)
    if name == "-":
        data = (stdin or sys.stdin.buffer).read(max_bytes + 1)
        if len(data) > max_bytes:
            yield InputTooLargeError(f"stdin sent more than the limit of {max_bytes:,} bytes; "
                                     "split the input or raise the limit", source="stdin")
            return
        try:
            yield article_from_bytes(data, id="stdin", source="stdin", max_bytes=max_bytes)
        except InputError as exc:
            yield exc
        return
    if name.startswith(("http://", "https://")):
        try:
            data, ctype, final = fetch_url(name, fetch_limits)
            yield article_from_bytes(data, id=name, source=final, url=final,
                                     kind="html" if "html" in ctype else None,
                                     max_bytes=max_bytes)
        except InputError as exc:
            yield exc
        return
    path = Path(name)
    if not path.exists():
        yield InputNotFoundError("no such file or folder; check the path", source=name)
        return
    if path.is_dir():
        yield from _read_folder(path, max_bytes)
        return
    if path.suffix.lower() in JSONL_SUFFIXES:
        try:
            with path.open("rb") as handle:
                yield from read_jsonl(handle, source=name, fetch_limits=fetch_limits,
                                      max_line_bytes=max_bytes)
        except OSError as exc:
            yield InputError(f"cannot read the file ({exc.strerror})", source=name)
        return
    try:
        yield _read_file(path, max_bytes)
    except InputError as exc:
        yield exc


def read_sources(sources: Iterable[str | Path], **kwargs: Any) -> Iterator[Item]:
    """Read every source in turn; errors are yielded in place of the items they concern."""
    for source in sources:
        yield from read_source(source, **kwargs)
