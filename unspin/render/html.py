"""HTML report: one self-contained page per article (inline CSS, JS and SVG; no request anywhere).

The page embeds the JSON contract and the article text as inert JSON; ``assets/report.js``
draws the highlighted text, filters and panels from it with DOM calls only (``textContent``),
so no markup in the article can run. A Content-Security-Policy allows only the page's own
script and style and blocks every request, as a second line of defence.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, TextIO

from unspin.doc import Document
from unspin.errors import ConfigError
from unspin.render.json import to_dict
from unspin.taxonomy import TECHNIQUE_IDS, label_of

__all__ = [
    "IndexEntry",
    "index_entry",
    "render_fragment",
    "render_html",
    "render_index",
    "render_page",
    "report_css",
    "report_js",
    "safe_filename",
    "write_html",
]

# Characters that could end or confuse a <script> element, escaped inside JSON strings.
_SCRIPT_ESCAPES = (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"),
                   ("\u2029", "\\u2029"))
_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


def _asset(name: str) -> str:
    return resources.files("unspin.render").joinpath("assets", name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def report_css() -> str:
    """The report's stylesheet, to inline in a page that shows reports."""
    return _asset("report.css")


@lru_cache(maxsize=1)
def report_js() -> str:
    """The report's script: ``UnspinReport.render(container, result, text)`` draws one result of
    the JSON contract; on load it draws every ``[data-unspin-report]`` element of the page."""
    return _asset("report.js")


def _sha256(source: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii")


def _csp(*, script: bool) -> str:
    scripts = f"'{_sha256(report_js())}'" if script else "'none'"
    return (f"default-src 'none'; script-src {scripts}; style-src '{_sha256(report_css())}'; "
            "img-src data:; base-uri 'none'; form-action 'none'")


def _inert_json(data: Any) -> str:
    """JSON that can sit inside a ``<script type="application/json">`` element whatever it holds."""
    text = json.dumps(data, ensure_ascii=False)
    for char, escaped in _SCRIPT_ESCAPES:  # str.replace is far faster than str.translate here
        text = text.replace(char, escaped)
    return text


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _title(doc: Document) -> str:
    return doc.article.title or doc.id


def render_fragment(doc: Document) -> str:
    """The report of one document as an embeddable ``<div>``; the page must include
    ``report_css()`` and ``report_js()`` once (``render_page`` does)."""
    payload = _inert_json({"text": doc.text, "result": to_dict(doc)})
    return (f'<div class="unspin-report" data-unspin-report>'
            f'<script type="application/json" class="unspin-data">{payload}</script>'
            f'<noscript><h1>{html.escape(_title(doc))}</h1>'
            f'<p>Turn on JavaScript to see the highlighted techniques. The article text:</p>'
            f'<div class="u-plain">{html.escape(doc.text)}</div></noscript></div>')


def _head(title: str, *, script: bool) -> str:
    return ('<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
            f'<meta http-equiv="Content-Security-Policy" content="{_csp(script=script)}">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            '<meta name="referrer" content="no-referrer">'
            f'<title>{html.escape(title)}</title><style>{report_css()}</style></head>'
            '<body class="unspin-page">\n')


def _tail(*, script: bool) -> str:
    return (f"<script>{report_js()}</script>" if script else "") + "\n</body></html>\n"


def render_page(fragments: Iterable[str], title: str = "unspin report") -> str:
    """A complete page around report fragments (from ``render_fragment``)."""
    return _head(title, script=True) + "\n".join(fragments) + _tail(script=True)


def render_html(doc: Document) -> str:
    """One complete, self-contained HTML page for one analysed document."""
    return render_page([render_fragment(doc)], title=f"{_title(doc)} · unspin")


@dataclass(slots=True)
class IndexEntry:
    """One line of the index page: where the report is and what it found."""

    href: str
    id: str
    title: str
    techniques: int
    share: float
    claims: int
    quotes: int
    actors: int
    top: list[str] = field(default_factory=list)


def _covered(doc: Document) -> int:
    """Characters covered by the union of the technique spans."""
    total, last = 0, 0
    for start, end in sorted((s.start, s.end) for s in doc.techniques):
        start = max(start, last)
        if end > start:
            total += end - start
            last = end
    return total


def index_entry(doc: Document, href: str) -> IndexEntry:
    """The index line of a document whose report is at ``href`` (a relative link)."""
    counts: dict[str, int] = {}
    for s in doc.techniques:
        counts[s.technique] = counts.get(s.technique, 0) + 1
    top = sorted(counts, key=lambda t: (-counts[t], t))[:3]
    share = doc.summary.get("technique_share")
    if not isinstance(share, int | float):  # the summary stage did not run
        share = _covered(doc) / len(doc.text) if doc.text else 0.0
    return IndexEntry(href=href, id=doc.id, title=_title(doc), techniques=len(doc.techniques),
                      share=float(share), claims=len(doc.claims), quotes=len(doc.quotes),
                      actors=len(doc.actors),
                      top=[label_of(t) if t in TECHNIQUE_IDS else t for t in top])


def render_index(entries: Sequence[IndexEntry], title: str = "unspin reports") -> str:
    """A static page (no script) listing reports with their counts, linked by relative hrefs."""
    rows = []
    for e in entries:
        rows.append(
            f'<tr><td><a href="{html.escape(e.href, quote=True)}">{html.escape(e.title)}</a>'
            f'<div class="u-meta">id {html.escape(e.id)}</div></td>'
            f'<td class="u-num">{e.techniques}</td><td class="u-num">{e.share:.1%}</td>'
            f'<td class="u-hide-narrow">{html.escape(", ".join(e.top))}</td>'
            f'<td class="u-num u-hide-narrow">{e.claims}</td><td class="u-num u-hide-narrow">{e.quotes}</td>'
            f'<td class="u-num u-hide-narrow">{e.actors}</td></tr>')
    total = sum(e.techniques for e in entries)
    body = (f'<div class="unspin-report u-index"><header class="u-head"><h1>{html.escape(title)}</h1>'
            f'<p class="u-meta">{_plural(len(entries), "article")} · '
            f'{_plural(total, "technique fragment")}</p></header>'
            '<table><thead><tr><th>Article</th><th class="u-num">Techniques</th>'
            '<th class="u-num">Share of text</th><th class="u-hide-narrow">Most used</th>'
            '<th class="u-num u-hide-narrow">Claims</th><th class="u-num u-hide-narrow">Quotes</th>'
            '<th class="u-num u-hide-narrow">Actors</th></tr></thead><tbody>'
            + "".join(rows) + "</tbody></table></div>")
    return _head(title, script=False) + body + _tail(script=False)


def safe_filename(doc_id: str, taken: set[str]) -> str:
    """A file name for a report that cannot leave its folder and is not ``taken`` yet."""
    stem = _UNSAFE_NAME.sub("_", doc_id).strip("._")[:100] or "article"
    name, n = f"{stem}.html", 1
    while name.lower() in taken or name.lower() == "index.html":
        n += 1
        name = f"{stem}-{n}.html"
    taken.add(name.lower())
    return name


def _write(path: Path, page: str) -> None:
    try:
        path.write_text(page, encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot write {path} ({exc.strerror}); choose another --output") from None


def _stream_page(docs: Iterable[Document], stream: TextIO) -> int:
    """Several reports on one page, each written as soon as its document is finished."""
    stream.write(_head("unspin reports", script=True))
    count = 0
    for doc in docs:
        stream.write(render_fragment(doc) + "\n")
        stream.flush()
        count += 1
    stream.write(_tail(script=True))
    return count


def _write_folder(docs: Iterable[Document], folder: Path) -> int:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError(f"cannot create the folder {folder} ({exc.strerror}); choose another --output"
                          ) from None
    taken: set[str] = set()
    entries: list[IndexEntry] = []
    for doc in docs:
        name = safe_filename(doc.id, taken)
        _write(folder / name, render_html(doc))
        entries.append(index_entry(doc, name))
        # Keep the index current while a long run goes on.
        if len(entries) == 1 or len(entries) % 50 == 0:
            _write(folder / "index.html", render_index(entries))
    _write(folder / "index.html", render_index(entries))
    return len(entries)


def write_html(docs: Iterable[Document], output: Path | None, *, several: bool) -> int:
    """Write HTML reports; return how many documents were written.

    One document: one page, to ``output`` (a file, or a folder that exists) or stdout. Several:
    one page each plus ``index.html`` in the folder ``output``; when ``output`` is a ``.html``
    file or absent (stdout), one page holding every report instead.
    """
    if output is None:
        if several:
            return _stream_page(docs, sys.stdout)
        count = 0
        for doc in docs:
            sys.stdout.write(render_html(doc))
            count += 1
        return count
    if several and (output.suffix.lower() not in (".html", ".htm") or output.is_dir()):
        return _write_folder(docs, output)
    if several:
        try:
            output.parent.mkdir(parents=True, exist_ok=True)
            with output.open("w", encoding="utf-8") as stream:
                return _stream_page(docs, stream)
        except OSError as exc:
            raise ConfigError(f"cannot write {output} ({exc.strerror}); choose another --output") from None
    count = 0
    for doc in docs:
        if output.is_dir():
            _write(output / safe_filename(doc.id, set()), render_html(doc))
        else:
            try:
                output.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise ConfigError(f"cannot create {output.parent} ({exc.strerror}); choose another --output"
                                  ) from None
            _write(output, render_html(doc))
        count += 1
    return count
