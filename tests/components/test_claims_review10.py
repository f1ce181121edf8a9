"""Claim sources on short news texts written for a tenth review (court and crime, health and
science): a plea in court ("pleaded guilty to ...", "pleaded not guilty"), a verdict ("found him
guilty") and a fall ("declined by 0.4 points", "declined 6%") say what someone did, not what the
text cites them for, while a refusal to say ("declined to comment"), a plea with someone and a
finding stated ("found that ...") still cite; researchers who find a figure ("found the virus in 40%
of samples") are cited for it; a restrictive relative clause
of saying on whom the sentence's verb acts on ("... damages to a farmer who said the spray made him
ill") cites him for his own words only, not for the sentence."""

from __future__ import annotations

import pytest
from _sources import rules_source as _rules_source

from unspin.components._claims_source import sources_from_quotes
from unspin.doc import Article, Attribution, Claim, Quote
from unspin.pipeline import load


@pytest.fixture(scope="module")
def nlp():
    return load(components=["parse", "claims", "quotes", "actors"], config={"actors": {"roles": False}})


# Texts written for these tests (not taken from any corpus).
@pytest.mark.parametrize("text", [
    "Marcus Delaney, 44, of Holt Lane, Bramford, pleaded guilty to nine counts of fraud at Ipswich Crown "
    "Court in May.",
    "The 31-year-old pleaded not guilty to two counts of arson and was remanded in custody.",
    "The patients' scores declined by 0.6 points more on the memory scale than those given a placebo.",
])
def test_a_plea_in_court_or_a_fall_cites_no_one(nlp, text: str) -> None:
    doc = nlp(Article(id="t", text=text))
    assert doc.claims
    assert all(claim.source is None for claim in doc.claims)


def _reported(text: str, speaker: str, cue: str, lemma: str) -> tuple[list[Claim], list[Quote]]:
    """One claim over all of ``text`` and one reported quote from just after ``cue`` to the end."""
    at, on = text.index(speaker), text.index(cue)
    quote = Quote(on + len(cue) + 1, len(text) - 1, kind="reported",
                  speaker=Attribution(name=speaker, start=at, end=at + len(speaker)),
                  cue=Attribution(name=lemma, start=on, end=on + len(cue)))
    return [Claim(0, len(text))], [quote]


@pytest.mark.parametrize(("text", "speaker", "cue", "cited"), [
    ("Lena Marsh pleaded guilty to theft at the hearing.", "Lena Marsh", "pleaded", False),
    ("The two men pleaded no contest to the charges.", "The two men", "pleaded", False),
    ("Freight volumes declined 6% in the quarter.", "Freight volumes", "declined", False),
    ("The hospital declined to comment on the figures.", "The hospital", "declined", True),
    ("The families pleaded with ministers to fund the 40 new beds.", "The families", "pleaded", True),
])
def test_a_plea_or_a_decline_cites_only_a_saying(text: str, speaker: str, cue: str, cited: bool) -> None:
    claims, quotes = _reported(text, speaker, cue, "plead" if cue == "pleaded" else "decline")
    assert sources_from_quotes(claims, quotes, text) == int(cited)
    assert (claims[0].source is not None) is cited


@pytest.mark.parametrize("text", [
    "A jury ordered the chemicals firm Ardent to pay $96m to a gardener who said its spray gave him cancer.",
    "The court awarded £40,000 to a nurse who claimed she was sacked for raising concerns.",
])
def test_a_relative_clause_of_saying_on_an_object_cites_no_one_for_the_sentence(text: str) -> None:
    assert _rules_source(text) is None


def test_a_relative_clause_set_off_by_a_comma_on_its_subject_still_cites() -> None:
    found = _rules_source("Dr Ines Varga, who led the trial, said the drug cut deaths by 19%.")
    assert found is not None and found[0] == "Dr Ines Varga"


@pytest.mark.parametrize(("text", "speaker", "cited"), [
    ("He was jailed for six years after a jury found him guilty of three counts of fraud.", "a jury", False),
    ("A jury found the hospital trust liable for the baby's injuries.", "A jury", False),
    ("The review found that the ward was short of 14 nurses on most nights.", "The review", True),
])
def test_a_verdict_cites_no_one_but_a_stated_finding_does(text: str, speaker: str, cited: bool) -> None:
    claims, quotes = _reported(text, speaker, "found", "find")
    assert sources_from_quotes(claims, quotes, text) == int(cited)


@pytest.mark.parametrize(("text", "name"), [
    ("Researchers led by Prof Tomas Grell found the bacterium in 38% of the swabs.", "Researchers"),
    ("The scientists, from Kelby University, found microplastics in 83% of the water samples.",
     "The scientists"),
])
def test_researchers_who_find_a_figure_are_cited_for_it(text: str, name: str) -> None:
    found = _rules_source(text)
    assert found is not None and found[0] == name


def test_whoever_comes_upon_an_amount_is_not_cited_for_it() -> None:
    assert _rules_source("Officers found 4kg of heroin hidden in the van.") is None
