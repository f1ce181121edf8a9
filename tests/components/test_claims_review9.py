"""Claim sources on short news texts written for a ninth review (housing, sport, business): a "per"
that opens a sentence or follows a comma cites its object as "according to" does, not a rate
("£60 per night", "per capita") nor terms a thing is done by ("per the contract"); a name right after
the noun in small letters that describes it is cited with it ("the estate agent Savills"), as
"the consultancy SovEcon" is; a closing verb the parser reads as a noun ("..., analysts at Barclays
estimate.") cites the words since the comma."""

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
@pytest.mark.parametrize(("text", "name", "span"), [
    ("Per the Met Office, rainfall in Wales was 160% of the monthly average in October.", "the Met Office",
     "Per the Met Office"),
    ("The winger earns £120,000 a week, per The Athletic.", "The Athletic", "per The Athletic"),
    ("Ticket sales fell 12% last season, per figures released by the league on Monday.", "the league",
     "per figures released by the league"),
    ("Per its annual report, the charity spent £41m on grants in 2023.", "its annual report",
     "Per its annual report"),
    ("As per Companies House, the firm owed creditors £2.3m when it collapsed.", "Companies House",
     "As per Companies House"),
])
def test_per_cites_its_object_as_according_to_does(text: str, name: str, span: str) -> None:
    assert _rules_source(text) == (name, span)


@pytest.mark.parametrize("text", [
    "Rooms at the hotel cost £60 per night during the festival.",
    "Per capita spending on health rose to $5,300 in 2022.",
    "Per the terms of the loan, the club must repay €15m by June.",
    "A quarter of the fund, per the original plan, was set aside for repairs.",
])
def test_a_per_of_a_rate_or_of_terms_cites_no_one(text: str) -> None:
    assert _rules_source(text) is None


def test_a_closing_per_keeps_its_source_over_a_speaker_of_the_sentence_before() -> None:
    text = "The mayor praised the scheme. Bus journeys rose 14% in a year, per the transport authority."
    second = text.index("Bus")
    at = text.index("per the")
    claims = [Claim(second, len(text), source=Attribution(name="the transport authority", start=at,
                                                          end=len(text) - 1))]
    quotes = [Quote(second, at - 2, kind="reported", speaker=Attribution(name="The mayor", start=0, end=9),
                    cue=Attribution(name="praise", start=10, end=17))]
    assert sources_from_quotes(claims, quotes, text) == 0
    assert claims[0].source is not None and claims[0].source.name == "the transport authority"


def test_per_gives_the_pipeline_claim_its_source(nlp) -> None:
    text = ("Average rents in the city rose 9.4% to £1,650 a month in the year to June, "
            "per the letting agent Hamptons.")
    doc = nlp(Article(id="t", text=text))
    (claim,) = doc.claims
    assert claim.source is not None
    assert text[claim.source.start : claim.source.end] == "per the letting agent Hamptons"
    assert claim.source.actor == "Hamptons"


@pytest.mark.parametrize(("text", "name"), [
    ("Sales slowed in June, and the estate agent Savills said transactions were down 14% on the year.",
     "the estate agent Savills"),
    ("Mortgage rates are expected to ease, and the price comparison site Moneyfacts said the average "
     "two-year fix fell to 5.9%.", "the price comparison site Moneyfacts"),
    ("PC shipments fell 9% in 2023, according to the research firm Gartner.", "the research firm Gartner"),
    ("Output fell 3% in the quarter, according to the consultancy Capital Economics.",
     "the consultancy Capital Economics"),
])
def test_a_name_right_after_the_noun_that_describes_it_is_cited_with_it(text: str, name: str) -> None:
    found = _rules_source(text)
    assert found is not None and found[0] == name
    assert found[1].endswith(name + (" said" if "said" in text else ""))


def test_a_name_set_off_by_commas_is_not_taken_into_the_noun_before_it() -> None:
    found = _rules_source("The retailer, Brightmart, said sales rose 4% over Christmas.")
    assert found is not None and found[0] == "The retailer"


@pytest.mark.parametrize(("text", "name", "span"), [
    ("Fees could top £900m next year, analysts at Barclays estimate.", "analysts at Barclays",
     "analysts at Barclays estimate"),
    ("The takeover values the brewer at about $6bn, bankers at Lazard reckon.", "bankers at Lazard",
     "bankers at Lazard reckon"),
])
def test_a_closing_verb_read_as_a_noun_cites_the_words_since_the_comma(text: str, name: str,
                                                                       span: str) -> None:
    assert _rules_source(text) == (name, span)


@pytest.mark.parametrize("text", [
    "Exports rose 4% in the quarter, the latest estimates.",
    "Growth slowed to 0.8%, below the consensus estimate.",
    "Demand for gas rose 5% last winter, supplier forecasts.",
])
def test_a_closing_noun_of_evidence_with_no_one_before_it_cites_no_one(text: str) -> None:
    assert _rules_source(text) is None
