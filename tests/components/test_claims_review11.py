"""Claims on short news texts written for an eleventh review (health, courts and the economy): a
sentence that only judges something unnamed with a linking verb and an adjective ("Side effects
were rare.", "The evidence is clear.") is no claim, whatever the model scores it, while a judgement
measured on a group ("rare among the over-80s"), a comparison ("has never been higher"), a state
("The files are downloadable") or one with a name or a number stays for the model to score; a source
after the claim whose phrase the parse ran back over a comma into the clause before ("watched the
final, broadcaster ITV said") starts after the comma, in the rules and where the quotes stage found
the speaker so, while adjectives a comma lists stay ("The tall, bearded man said"); an acronym spelt
as a word that names no one ("the WHO estimates", "the US disclosed") names its body; a report inside
another that a closing source reports ("The Herald reports that nurses have recorded ..., the WHO
said") cites the closing source, not the innermost report's subject."""

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


@pytest.mark.parametrize(("text", "name"), [
    ("About 1 in 12 cases is fatal, the WHO estimates.", "the WHO"),
    ("The WHO has counted 57 suspected cases in the district.", "The WHO"),
    ("Last year, the US disclosed that 21 staff had fallen ill.", "the US"),
])
def test_an_acronym_spelt_as_a_pronoun_names_a_body(text: str, name: str) -> None:
    found = _rules_source(text)
    assert found is not None and found[0] == name


@pytest.mark.parametrize("text", [
    "We estimate that 40% of homes lack insulation.",
    "It was reported that 300 staff would go.",
])
def test_a_pronoun_still_names_no_one(text: str) -> None:
    assert _rules_source(text) is None


def test_a_report_inside_a_report_closed_by_a_source_cites_the_closing_source() -> None:
    text = ("The Herald reports that nurses have recorded 61 cases in two districts of the province, "
            "the WHO said.")
    found = _rules_source(text)
    assert found is not None and found[0] == "the WHO"
