"""Claims on short news texts written for an eleventh review (health, courts and the economy): a
sentence that only judges something unnamed with a linking verb and an adjective ("Side effects
were rare.", "The evidence is clear.") is no claim, whatever the model scores it, while a judgement
measured on a group ("rare among the over-80s"), a comparison ("has never been higher"), a state
("The files are downloadable") or one with a name or a number stays for the model to score; a source
after the claim whose phrase the parse ran back over a comma into the clause before ("watched the
final, broadcaster ITV said") starts after the comma, in the rules and where the quotes stage found
the speaker so, while adjectives a comma lists stay ("The tall, bearded man said")."""

from __future__ import annotations

import pytest
from _sources import rules_source as _rules_source

from unspin.components.claims import _bare_judgement
from unspin.components.parse import load_spacy
from unspin.doc import Article
from unspin.pipeline import load


@pytest.fixture(scope="module")
def nlp():
    return load(components=["parse", "claims"])


@pytest.fixture(scope="module")
def full():
    return load(components=["parse", "claims", "quotes", "actors"], config={"actors": {"roles": False}})


def _first_sentence(text: str):
    return next(iter(load_spacy()(text).sents))


# Texts written for these tests (not taken from any corpus).
@pytest.mark.parametrize("text", [
    "Side effects were rare.",
    "Side effects were mild and rare.",
    "Such reactions are very rare.",
    "The evidence is clear.",
    "The damage was severe.",
    "That is not true.",
])
def test_a_bare_judgement_is_no_claim(nlp, text: str) -> None:
    assert _bare_judgement(_first_sentence(text))
    assert nlp(Article(id="t", text=text)).claims == []


@pytest.mark.parametrize("text", [
    "Side effects were rare among the over-80s.",
    "Credit card debt has never been higher.",
    "The blueprints are downloadable.",
    "The results were not significant.",
    "Side effects were rare in the Oxford trial.",
    "About 2% of patients had side effects.",
    "The road is closed.",
])
def test_a_measured_comparative_or_stated_fact_is_no_bare_judgement(text: str) -> None:
    assert not _bare_judgement(_first_sentence(text))


def test_a_bare_judgement_beside_a_claim_leaves_the_claim(nlp) -> None:
    text = "Side effects were rare. Headaches were reported by 41 of the 2,300 volunteers, the company said."
    claims = nlp(Article(id="t", text=text)).claims
    assert [text[c.start : c.end] for c in claims] == [text[text.index("Headaches") :]]


def test_a_closing_source_starts_after_the_comma_the_parse_ran_over(full) -> None:
    text = "An estimated 3.2 million viewers watched the final, broadcaster Channel 5 said."
    assert _rules_source(text) == ("broadcaster Channel 5", "broadcaster Channel 5 said")
    source = full(Article(id="t", text=text)).claims[0].source
    assert source is not None and text[source.start : source.end] == "broadcaster Channel 5 said"


def test_adjectives_a_comma_lists_stay_in_the_source() -> None:
    found = _rules_source("The tall, bearded man said he had paid £400 for the car.")
    assert found == ("The tall, bearded man", "The tall, bearded man said")
