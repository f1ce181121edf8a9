"""The analyzer behind the app: choosing stages, turning inputs into articles, running."""

from __future__ import annotations

from collections.abc import Callable

import anyio
import pytest

from unspin.api.service import AnalysisTimeout, Analyzer, ArticleInput
from unspin.api.settings import Settings
from unspin.doc import Document, TechniqueSpan
from unspin.errors import ConfigError, EmptyInputError, FetchError, InputError, InputTooLargeError
from unspin.pipeline import Pipeline


class Stage:
    """A stand-in stage that records its name and declares fields."""

    def __init__(self, name: str, requires: tuple[str, ...], assigns: tuple[str, ...]) -> None:
        self.name, self.requires, self.assigns = name, requires, assigns

    def __call__(self, doc: Document) -> Document:
        if self.name == "claims" and "refuse" in doc.text:
            raise InputError("this stage refuses the text", source=doc.id)
        if self.name == "tag":
            doc.techniques = [TechniqueSpan(0, 4, technique="Loaded_Language", score=0.2),
                              TechniqueSpan(5, 9, technique="Slogans", score=0.9)]
        return doc


def analyzer(**settings: object) -> Analyzer:
    stages = [Stage("parse", ("text",), ("spacy",)), Stage("tag", ("spacy",), ("techniques",)),
              Stage("claims", ("spacy",), ("claims",)), Stage("summary", ("techniques",), ("summary",))]
    pipeline = Pipeline([(s.name, s) for s in stages])
    return Analyzer(pipeline, Settings(**settings))  # type: ignore[arg-type]


def test_stages_add_what_the_asked_ones_need_in_pipeline_order() -> None:
    a = analyzer()
    assert [n for n, _ in a.stages(["summary"])] == ["parse", "tag", "summary"]
    assert [n for n, _ in a.stages(["claims"])] == ["parse", "claims"]
    assert [n for n, _ in a.stages(["parse"])] == ["parse"]
    assert [n for n, _ in a.stages(None)] == ["parse", "tag", "claims", "summary"]


def test_unknown_stage_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match=r"'ner'.*parse, tag, claims, summary"):
        analyzer().stages(["ner"])


def test_min_score_applies_right_after_the_technique_stage() -> None:
    a = analyzer()
    # The technique stage is named "techniques" in real pipelines; here it is "tag".
    article = a.to_article(ArticleInput(text="abcd efgh"))
    docs = a.run([article], [(n, c) for n, c in a.pipeline.components])
    assert isinstance(docs[0], Document) and len(docs[0].techniques) == 2
    renamed = [("techniques" if n == "tag" else n, c) for n, c in a.pipeline.components]
    docs = a.run([a.to_article(ArticleInput(text="abcd efgh"))], renamed, min_score=0.5)
    assert isinstance(docs[0], Document)
    assert [s.technique for s in docs[0].techniques] == ["Slogans"]
    assert docs[0].ran == ["parse", "techniques", "claims", "summary"]


def test_an_error_in_one_article_of_a_batch_stays_in_its_place() -> None:
    a = analyzer()
    articles = [a.to_article(ArticleInput(text=t, id=str(i)))
                for i, t in enumerate(["abcd efgh", "please refuse", "more text"])]
    results = a.run(articles, a.stages(None))
    assert [type(r).__name__ for r in results] == ["Document", "InputError", "Document"]
    assert [r.id for r in results if isinstance(r, Document)] == ["0", "2"]
    alone = a.run(articles[1:2], a.stages(None))
    assert isinstance(alone[0], InputError) and "refuses" in str(alone[0])


def test_to_article_limits_and_ids() -> None:
    a = analyzer(max_text_chars=10)
    article = a.to_article(ArticleInput(text="a\r\nb", title="T"))
    assert (article.id, article.text, article.title) == ("text", "a\nb", "T")
    with pytest.raises(InputTooLargeError, match="11 characters"):
        a.to_article(ArticleInput(text="x" * 11, id="long"))
    with pytest.raises(EmptyInputError):
        a.to_article(ArticleInput(text=" \n "))
    with pytest.raises(FetchError, match="scheme"):
        a.to_article(ArticleInput(url="gopher://example.org/"))


def test_analyze_returns_errors_in_place() -> None:
    a = analyzer()

    async def go() -> list[object]:
        return list(await a.analyze([ArticleInput(text="abcd efgh", id="x"), ArticleInput(text=""),
                                     ArticleInput(html="<html><body></body></html>")]))

    results = anyio.run(go)
    assert isinstance(results[0], Document) and results[0].id == "x"
    assert isinstance(results[1], EmptyInputError)
    assert isinstance(results[2], EmptyInputError)


def test_analyze_time_limit(slow_pipeline: Callable[[float], Pipeline]) -> None:
    import time

    a = analyzer(timeout=0.2)
    a.pipeline = slow_pipeline(1.0)

    async def go() -> None:
        await a.analyze([ArticleInput(text="abcd efgh")])

    started = time.monotonic()
    with pytest.raises(AnalysisTimeout, match=r"0\.2 s"):
        anyio.run(go)
    assert time.monotonic() - started < 0.9
