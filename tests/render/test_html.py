"""The HTML report as markup: self-contained, inert data, safe file names, index and stdout pages."""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unspin.doc import Article, Document
from unspin.render.html import (
    index_entry,
    render_fragment,
    render_html,
    render_index,
    report_css,
    report_js,
    safe_filename,
    write_html,
)
from unspin.render.json import to_dict

HOSTILE = ('</script><script>window.__pwned=1</script><!-- <img src=x onerror="alert(1)"> '
           '<a href="javascript:alert(2)">x</a> ]]> \u2028 & "quotes" \'single\'')


def payloads(page: str) -> list[dict]:
    found = re.findall(r'<script type="application/json" class="unspin-data">(.*?)</script>', page, re.S)
    return [json.loads(p) for p in found]


def csp_of(page: str) -> str:
    match = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert match, "the page has no Content-Security-Policy"
    return html.unescape(match.group(1))


def sha256(source: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(source.encode()).digest()).decode()


def test_page_is_self_contained(document: Document) -> None:
    page = render_html(document)
    assert page.startswith("<!doctype html>")
    assert not re.search(r"<(link|img|iframe|object|embed)\b", page)
    assert not re.search(r"\s(src|href)=", page)
    assert "@import" not in page and "url(" not in report_css()
    csp = csp_of(page)
    assert "default-src 'none'" in csp
    assert sha256(report_js()) in csp and sha256(report_css()) in csp
    assert f"<script>{report_js()}</script>" in page and f"<style>{report_css()}</style>" in page


def test_assets_cannot_end_their_own_element() -> None:
    assert "</script" not in report_js().lower() and "<!--" not in report_js()
    assert "</style" not in report_css().lower()


def test_payload_is_the_json_contract_and_the_text(document: Document) -> None:
    [payload] = payloads(render_html(document))
    assert payload["text"] == document.text
    assert payload["result"] == to_dict(document)


def test_hostile_text_and_title_stay_inert() -> None:
    doc = Document(article=Article(id="x", text=f"Intro {HOSTILE} end.", title=HOSTILE))
    page = render_html(doc)
    assert page.count("<script") == 2  # the data block and the report script, nothing else
    assert "<script>window.__pwned" not in page
    assert 'href="javascript' not in page and "<img" not in page and "<!-- <img" not in page
    [payload] = payloads(page)
    assert payload["text"] == doc.text and payload["result"]["article"]["title"] == HOSTILE
    title = re.search(r"<title>(.*?)</title>", page, re.S)
    assert title and html.unescape(title.group(1)) == f"{HOSTILE} · unspin"


def test_fragment_embeds_without_page_chrome(document: Document) -> None:
    fragment = render_fragment(document)
    assert fragment.startswith('<div class="unspin-report" data-unspin-report>')
    assert "<html" not in fragment and "<style" not in fragment
    assert len(payloads(fragment)) == 1
    assert html.escape(document.text) in fragment  # the <noscript> fallback


def test_safe_filename_stays_in_its_folder_and_is_unique() -> None:
    taken: set[str] = set()
    names = [safe_filename(i, taken) for i in ["../../etc/passwd", "a b", "a_b", "index", "", "..", "é"]]
    assert len(set(names)) == len(names)
    for name in names:
        assert "/" not in name and not name.startswith(".") and name.endswith(".html")
        assert name != "index.html"


def test_write_several_gives_pages_and_an_index(tmp_path: Path,
                                               make_document: Callable[..., Document]) -> None:
    docs = [make_document(), make_document(title="<b>Second</b> & more")]
    docs[1].article.id = "../up"
    out = tmp_path / "reports"
    assert write_html(docs, out, several=True) == 2
    files = sorted(p.name for p in out.iterdir())
    assert files == ["dam-1.html", "index.html", "up.html"]
    index = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="dam-1.html"' in index and 'href="up.html"' in index
    assert "&lt;b&gt;Second&lt;/b&gt; &amp; more" in index and "<b>Second" not in index
    assert "<script" not in index
    assert payloads((out / "up.html").read_text(encoding="utf-8"))[0]["text"] == docs[1].text


def test_write_one_to_a_file_and_several_to_stdout(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                   make_document: Callable[..., Document]) -> None:
    target = tmp_path / "deep" / "report.html"
    assert write_html([make_document()], target, several=False) == 1
    assert len(payloads(target.read_text(encoding="utf-8"))) == 1
    assert write_html([make_document(), make_document()], None, several=True) == 2
    page = capsys.readouterr().out
    assert page.startswith("<!doctype html>") and page.rstrip().endswith("</html>")
    assert len(payloads(page)) == 2


def test_index_entry_counts(document: Document) -> None:
    entry = index_entry(document, "dam-1.html")
    assert (entry.techniques, entry.claims, entry.quotes, entry.actors) == (5, 1, 2, 3)
    assert entry.top[0] == "Loaded language"
    page = render_index([entry])
    assert "1 article ·" in page
    assert f"{entry.share:.1%}" in page


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("<>/!-&'\"\u2028\u2029 scriptSCRIPT\\é👋\n")), min_size=1))
def test_any_text_round_trips_and_cannot_leave_the_data_block(text: str) -> None:
    doc = Document(article=Article(id="p", text=text, title=text))
    page = render_html(doc)
    data = page.split('class="unspin-data">', 1)[1].split("</script>", 1)[0]
    assert "<" not in data and ">" not in data
    assert json.loads(data)["text"] == text


def test_index_share_without_a_summary(make_document: Callable[..., Document]) -> None:
    doc = make_document()
    doc.summary = {}
    covered = {i for s in doc.techniques for i in range(s.start, s.end)}
    assert index_entry(doc, "x.html").share == pytest.approx(len(covered) / len(doc.text))
