"""The corpus dashboard: per-group figures, charts, links to articles, escaping, no external requests."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from unspin.corpus import Record, Store, content_hash, run_batch
from unspin.corpus.dashboard import UNKNOWN, aggregate, build_report, write_report
from unspin.errors import ConfigError

from .conftest import LIGHT

HOSTILE = "<script>alert('x')</script>"


def _result(ident: str, text: str, spans: list[tuple[str, str]], *, claims: list[bool],
            actors: list[dict[str, Any]] | None = None, url: str | None = None) -> dict[str, Any]:
    techniques = []
    for technique, fragment in spans:
        start = text.index(fragment)
        techniques.append({"start": start, "end": start + len(fragment), "text": fragment,
                           "technique": technique, "score": 0.9, "target": None})
    return {
        "article": {"id": ident, "title": None, "length": len(text),
                    "source": {"url": url} if url else {}},
        "techniques": techniques,
        "claims": [{"start": 0, "end": 4, "text": text[:4], "score": 0.8,
                    "source": {"name": "agency"} if sourced else None} for sourced in claims],
        "quotes": [], "actors": actors or [], "summary": {}, "warnings": [], "pipeline": [],
    }


def _add(store: Store, ident: str, text: str, source: str | None, published: str | None,
         **kwargs: Any) -> None:
    result = _result(ident, text, kwargs.pop("spans"), **kwargs)
    store.add([Record(id=ident, content_hash=content_hash(text), status="ok", result=result,
                      title=f"Title {ident}", source=source, published=published,
                      words=len(text.split()))])


@pytest.fixture
def handmade(store: Store) -> Store:
    mayor = {"name": "The Mayor", "techniques": [0, 1], "role": "antagonist"}
    _add(store, "1", "The mayor is a liar and a crook, " + "plain words " * 20, "Herald", "2021-01-05",
         spans=[("Name_Calling,Labeling", "liar"), ("Name_Calling,Labeling", "crook")],
         claims=[True, False], actors=[mayor])
    _add(store, "2", "A shameful plan. " + "more plain words " * 30, "Herald", "2021-02-07",
         spans=[("Loaded_Language", "shameful")], claims=[False],
         actors=[{"name": "The Mayor", "techniques": [0], "role": "innocent"}])
    _add(store, "3", "Calm and factual text. " + "words " * 50, "Voice", "2021-01-20",
         spans=[], claims=[True, True])
    _add(store, HOSTILE, f"{HOSTILE} is evil. " + "filler " * 10, HOSTILE, None,
         spans=[("Loaded_Language", "evil")], claims=[],
         url="https://example.org/story?a=1&b=<2>")
    store.add([Record(id="broken", content_hash=content_hash("x"), status="error",
                      error="not valid JSON", source="Voice")])
    return store


def test_aggregate_by_source(handmade: Store) -> None:
    groups = aggregate(handmade.rows(), "source")
    herald, voice = groups["Herald"], groups["Voice"]
    assert (herald.articles, herald.failed, voice.articles, voice.failed) == (2, 0, 1, 1)
    words = sum(r.words or 0 for r in handmade.rows() if r.source == "Herald")
    assert herald.words == words
    assert herald.rate() == pytest.approx(1000 * 3 / words)
    assert herald.rate("Loaded_Language") == pytest.approx(1000 / words)
    assert (herald.claims, herald.claims_sourced) == (3, 1)
    assert herald.targets == {"The Mayor": 3}
    assert herald.roles["The Mayor"] == {"antagonist": 1, "innocent": 1}
    assert [e.id for e in herald.articles_shown()] == ["1", "2"]  # most persuasive first


def test_aggregate_by_month(handmade: Store) -> None:
    groups = aggregate(handmade.rows(), "month")
    assert groups["2021-01"].articles == 2
    assert groups["2021-02"].articles == 1
    assert groups[UNKNOWN].articles == 1 and groups[UNKNOWN].failed == 1


def test_report_is_self_contained_and_escaped(handmade: Store) -> None:
    page = build_report(handmade, "source")
    assert HOSTILE not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert "<script" not in page.lower()
    assert not re.search(r"\b(src|srcset)\s*=", page, re.I)
    assert "<link" not in page.lower() and "@import" not in page and "url(" not in page
    # The only outgoing link is the article's own address, escaped, never loaded by the page.
    assert "href='https://example.org/story?a=1&amp;b=&lt;2&gt;'" in page
    assert page.count("<svg") >= 3


def test_report_links_down_to_every_listed_article(handmade: Store) -> None:
    page = build_report(handmade, "month")
    links = set(re.findall(r"href='#(a\d+)'", page))
    anchors = set(re.findall(r"id='(a\d+)'", page))
    assert len(links) == handmade.count("ok")
    assert links == anchors
    months = re.findall(r"<h2>Month: ([^<]+)</h2>", page)
    assert months == ["2021-01", "2021-02", UNKNOWN]
    assert "The Mayor" in page and "antagonist (1)" in page
    assert "<b>3</b> of <b>4</b> claims cite a source" in page  # January: articles 1 and 3
    assert "1 of 2 claims cite a source" in page  # article 1 itself


def test_report_after_a_batch(store: Store, corpus: tuple[Path, list[dict[str, str]]],
                              tmp_path: Path) -> None:
    path, rows = corpus
    run_batch([path], store, spec=LIGHT)
    out = tmp_path / "report.html"
    page = write_report(store, out, "source", keep=5)
    assert out.read_text(encoding="utf-8") == page
    for source in {row["source"] for row in rows}:
        assert f"<h2>Source: {source}</h2>" in page
    assert page.count("class='article'") == 5 * 3


def test_empty_store_and_bad_grouping(store: Store, tmp_path: Path) -> None:
    assert "no analysed article yet" in build_report(store)
    with pytest.raises(ConfigError, match="choose source or month"):
        build_report(store, "year")
    with pytest.raises(ConfigError, match="is a folder"):
        write_report(store, tmp_path)
