"""One contract test over every registered component (as scikit-learn's test_common)."""

from __future__ import annotations

import pytest

from unspin.components import available, create
from unspin.doc import Article, Document
from unspin.pipeline import DEFAULT_PIPELINE, load

TEXT = ("Mayor Diane Keller said the bridge would cost 48 million dollars. \"It is a disgrace,\" "
        "Councillor Tom Reyes told reporters on Tuesday. Everyone knows the plan is a betrayal.")


@pytest.mark.parametrize("name", available())
def test_component_contract(name: str) -> None:
    component = create(name)
    assert isinstance(component.requires, tuple)
    assert isinstance(component.assigns, tuple)
    assert callable(component)
    doc = Document(Article(id="t", text=TEXT))
    # Give it what it needs from the stages before it.
    for earlier in DEFAULT_PIPELINE:
        if earlier == name:
            break
        if create(earlier).assigns and set(create(earlier).assigns) & set(component.requires):
            doc = create(earlier)(doc)
    out = component(doc)
    assert out is doc
    assert doc.text == TEXT, "a component must never change the text"


def test_default_pipeline_fills_everything_with_valid_spans() -> None:
    doc = load()(Article(id="t", text=TEXT))
    assert doc.ran == [n for n in DEFAULT_PIPELINE]
    for group in (doc.techniques, doc.claims, doc.quotes):
        for span in group:
            assert 0 <= span.start < span.end <= len(TEXT)
    assert doc.summary["characters"] == len(TEXT)


def test_disable_and_replace() -> None:
    nlp = load(disable=["quotes", "claims"], replace={"techniques": "techniques_lexicon"})
    assert "quotes" not in nlp.names and "claims" not in nlp.names
    doc = nlp(TEXT)
    assert doc.quotes == [] and doc.claims == []
    assert doc.techniques, "the lexicon baseline finds 'disgrace'/'Everyone knows'"
