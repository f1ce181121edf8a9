"""Claim sources on short news texts written for an eighth review (headings, health statistics,
football): a heading in capitals that opens a line cites nobody, the evidence nearest a closing
verb is its subject, and a person's first name is no national adjective of their name."""

from __future__ import annotations

import pytest
from _sources import rules_source as _rules_source

from unspin.components._claims_source import in_caps_heading, sources_from_quotes
from unspin.doc import Attribution, Claim, Quote


# Texts written for these tests (not taken from any corpus).
@pytest.mark.parametrize(("text", "start", "end"), [
    ("POLICE SAY NUMBERS ARE RISING Reported burglaries rose by 14% last year.", 0, 10),
    ("BREAKING NEWS: The central bank has raised interest rates to 5.25%.", 0, 13),
    ("Burglaries rose.\nMINISTER: COSTS WILL DOUBLE\nEnergy bills will rise.", 17, 25),
])
def test_a_heading_in_capitals_is_no_source(text: str, start: int, end: int) -> None:
    assert in_caps_heading(text, start, end)


@pytest.mark.parametrize(("text", "start", "end"), [
    ("UN OCHA said 1,200 families had been displaced by the floods.", 0, 7),
    ("THE REPORT FOUND THAT 40% OF HOMES WERE DAMAGED, OFFICIALS SAID.", 49, 63),
    ("UNION: Nurses will strike for 48 hours next week over pay.", 0, 5),
    ("The NHS said waiting lists fell to 7.5 million in June.", 4, 12),
])
def test_a_name_in_capitals_or_a_line_in_capitals_keeps_its_source(text: str, start: int, end: int) -> None:
    assert not in_caps_heading(text, start, end)


def test_the_rules_give_a_heading_no_source() -> None:
    assert _rules_source("POLICE SAY NUMBERS ARE RISING Reported burglaries rose by 14% last year.") is None


def test_a_quote_whose_speaker_is_a_heading_gives_no_source() -> None:
    text = "MINISTER: COSTS WILL DOUBLE Energy bills will rise by £400 a year from April."
    claim = Claim(start=10, end=len(text), score=0.9)
    quote = Quote(start=10, end=len(text), kind="direct",
                  speaker=Attribution(name="MINISTER", start=0, end=8))
    assert sources_from_quotes([claim], [quote], text) == 0
    assert claim.source is None


def test_the_evidence_nearest_a_closing_verb_is_its_subject() -> None:
    text = ("Cancer survival rates have improved, with 55% of patients now surviving ten years or more, "
            "a study by Cancer Research UK found.")
    assert _rules_source(text) == ("Cancer Research UK", "a study by Cancer Research UK found")


def test_a_first_name_is_no_national_adjective() -> None:
    text = "Manager Erik ten Hag, 54, said his side had been poor."
    claim = Claim(start=0, end=len(text), score=0.9)
    quote = Quote(start=31, end=len(text) - 1, kind="reported",
                  speaker=Attribution(name="Erik ten Hag", start=0, end=12),
                  cue=Attribution(name="say", start=26, end=30))
    assert sources_from_quotes([claim], [quote], text) == 1
    assert claim.source is not None and claim.source.name == "Erik ten Hag"


def test_an_acronym_the_tagger_took_for_a_pronoun_makes_the_data() -> None:
    text = "Vaccination rates fell from 96% in 2019 to 93% in 2022, WHO data shows."
    assert _rules_source(text) == ("WHO", "WHO data shows")


def test_the_name_after_a_description_of_a_body_is_the_source() -> None:
    text = ("Germany's economy grew 0.2% in the first quarter, avoiding a recession, preliminary data from "
            "the federal statistics office Destatis showed.")
    name, _ = _rules_source(text)
    assert name == "Destatis"


def test_a_bodys_filings_name_the_body() -> None:
    text = "The Federal Election Commission's filings show the campaign had $116.6m in cash in June."
    assert _rules_source(text) == ("The Federal Election Commission",
                                   "The Federal Election Commission's filings show")


@pytest.mark.parametrize(("text", "expected"), [
    ("Rates will be cut to 3.75% in June, a majority of economists in a Bloomberg survey said.", "Bloomberg"),
    ("Most economists in a Reuters poll said inflation would fall to 2% by the summer.", "Reuters"),
])
def test_people_asked_in_a_named_poll_cite_its_maker(text: str, expected: str) -> None:
    assert _rules_source(text)[0] == expected


def test_people_asked_in_an_unnamed_poll_are_the_source() -> None:
    found = _rules_source("Most economists in the survey said inflation would fall to 2% by the summer.")
    assert found is not None and found[0] != "Reuters" and "economists" in found[0]
