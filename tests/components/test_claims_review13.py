"""Claim sources on short news texts written for a thirteenth review: a reporting verb in a condition
("If the minister says ...", "Should the attorney general announce ..., we would ...", "Had the
mayor said ...") supposes a statement and cites no one; a report that "has concluded" with nothing
it concludes ("news that the inquiry has concluded and resulted in no charges") came to an end and
cites nothing; a headline's count in figures ("11 More Found In Flooded Basement") names no one. A
report in the main clause, one that concludes something, and a condition inside what is reported
("The minister said that if the plant closes, 400 jobs will go") keep their source. The subject of
a passive cue is what was done to it ("his aides were charged with bribery", "Police were called to
the home", "he stands accused of ..."), no source, unless it feels or believes ("Protesters were
frustrated that ...") or was quoted ("was quoted as saying")."""

from __future__ import annotations

import pytest
from _sources import rules_source as _rules_source

from unspin.components._claims_source import sources_from_quotes
from unspin.doc.spans import Attribution, Claim, Quote
from unspin.pipeline import load


# Texts written for these tests (not taken from any corpus).
@pytest.mark.parametrize("text", [
    "If the minister says the plant will close, workers will strike.",
    "Should the attorney general announce a cover-up, we would take to the streets.",
    "Had the mayor said so in March, the deal would have collapsed.",
    "Unless officials confirm the deal by Friday, the talks will collapse.",
])
def test_a_supposed_report_cites_no_one(text: str) -> None:
    assert _rules_source(text) is None


@pytest.mark.parametrize(("text", "name"), [
    ("The minister said that if the plant closes, 400 jobs will go.", "The minister"),
    ("If approved, the plan will cost $2bn, the finance ministry said.", "the finance ministry"),
    ("The inquiry concluded that the bridge was unsafe.", "The inquiry"),
    ("A review by the regulator found 300 breaches last year.", "the regulator"),
])
def test_a_report_keeps_its_source(text: str, name: str) -> None:
    found = _rules_source(text)
    assert found is not None and found[0] == name


def test_a_report_that_ended_cites_nothing() -> None:
    text = "Reporters reacted to news that the inquiry report has concluded and resulted in no charges."
    assert _rules_source(text) is None


def test_a_headline_count_names_no_one() -> None:
    assert _rules_source("Two Men Held After Storm, 11 More Found In Flooded Basement") is None


@pytest.mark.parametrize("text", [
    "The White House should be telling the judge that the ruling is wrong.",
    "The minister must explain why the plant closed in March.",
])
def test_what_ought_to_be_said_cites_no_one(text: str) -> None:
    assert _rules_source(text) is None


def _sourced(text: str) -> list[str | None]:
    nlp = load(components=["parse", "claims", "quotes", "actors"], config={"actors": {"roles": False}})
    return [None if c.source is None else c.source.name for c in nlp(text).claims]


def test_whom_an_accusation_is_about_is_no_source() -> None:
    text = "He stands accused of taking $40,000 from the charity, yet he remains on its board."
    assert _sourced(text) == [None]


@pytest.mark.parametrize(("text", "name"), [
    ("Protesters were frustrated that the police released only 12 minutes of the footage.", "Protesters"),
    ("The senator was quoted as saying that the bill would cut taxes by 4% next year.", "The senator"),
])
def test_who_feels_or_is_quoted_stays_the_source(text: str, name: str) -> None:
    assert _sourced(text) == [name]


@pytest.mark.parametrize(("text", "speaker", "cue", "lemma"), [
    ("His two aides were charged with bribery involving $3 million in contracts.", "His two aides", "charged",
     "charge"),
    ("Police were called to the home at 2 a.m. to investigate a report of 3 shots.", "Police", "called",
     "call"),
])
def test_what_a_passive_cue_was_done_to_is_no_source(text: str, speaker: str, cue: str, lemma: str) -> None:
    at, where = text.index(speaker), text.index(cue)
    quote = Quote(where + len(cue) + 1, len(text) - 1, kind="reported",
                  speaker=Attribution(name=speaker, start=at, end=at + len(speaker)),
                  cue=Attribution(name=lemma, start=where, end=where + len(cue)))
    claims = [Claim(0, len(text))]
    assert sources_from_quotes(claims, [quote], text) == 0 and claims[0].source is None
