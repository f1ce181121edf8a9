"""Claims on short news texts written for a third review: sources as the text names them."""

from __future__ import annotations

import pytest
from _sources import rules_source as _rules_source

from unspin.components._claims_source import sources_from_quotes
from unspin.doc import Article, Attribution, Claim, Quote
from unspin.pipeline import load


@pytest.fixture(scope="module")
def nlp():
    return load(components=["parse", "claims", "quotes", "actors"], config={"actors": {"roles": False}})


def _sources(nlp, text: str) -> dict[str, tuple[str, str, str | None]]:
    """Each claim's text, with its source's name, the text its span covers and its actor."""
    doc = nlp(Article(id="t", text=text))
    return {text[c.start : c.end]: (c.source.name, text[c.source.start : c.source.end], c.source.actor)
            for c in doc.claims if c.source is not None}


# Texts written for these tests (not taken from any corpus).
@pytest.mark.parametrize(("text", "name"), [
    ("The Israeli military said 40 rockets were fired from Gaza on Tuesday.", "The Israeli military"),
    ("On Friday the German government said it would spend €5bn on new rail lines.", "the German government"),
    ("The Dutch health ministry said 2,000 new cases were reported in May.", "The Dutch health ministry"),
    ("Alzheimer's Research UK said 900,000 people in Britain were living with dementia.",
     "Alzheimer's Research UK"),
    ("Britain's foreign ministry said 40 citizens were evacuated.", "Britain's foreign ministry"),
])
def test_a_body_named_by_its_country_is_the_source_as_written(nlp, text: str, name: str) -> None:
    (found,) = _sources(nlp, text).values()
    assert found[0] == name
    assert found[1] == f"{name} said"


def test_a_country_the_text_names_or_a_pronoun_stands_for_stays_the_country() -> None:
    text = "The Israeli army said 40 rockets were fired. Israel said 12 targets were hit."
    army, israel = text.index("The Israeli army"), text.index("Israel said")
    claims = [Claim(0, text.index(" Israel said")), Claim(israel, len(text))]
    quotes = [Quote(text.index("40"), text.index(". Israel"), kind="reported",
                    speaker=Attribution(name="Israel", start=army, end=army + 16, actor="Israel"),
                    cue=Attribution(name="say", start=army + 17, end=army + 21)),
              Quote(text.index("12"), len(text) - 1, kind="reported",
                    speaker=Attribution(name="Israel", start=israel, end=israel + 6, actor="Israel"),
                    cue=Attribution(name="say", start=israel + 7, end=israel + 11))]
    assert sources_from_quotes(claims, quotes, text) == 2
    first, second = claims[0].source, claims[1].source
    assert first is not None and second is not None
    assert (first.name, text[first.start:first.end]) == ("The Israeli army", "The Israeli army said")
    assert first.actor == "Israel", "the actor link stays"
    assert (second.name, second.actor) == ("Israel", "Israel")


@pytest.mark.parametrize(("text", "name"), [
    ("The quake struck 40 km south of the town, the U.S. Geological Survey said.",
     "the U.S. Geological Survey"),
    ("Sea ice shrank by 12% last year, according to the British Antarctic Survey.",
     "the British Antarctic Survey"),
])
def test_a_body_whose_name_ends_in_survey_is_named_whole(text: str, name: str) -> None:
    from unspin.components._claims_source import find_source
    from unspin.components.parse import load_spacy

    found = find_source(next(iter(load_spacy()(text).sents)))
    assert found is not None and found.name == name


def test_a_survey_named_after_its_maker_still_cites_the_maker() -> None:
    from unspin.components._claims_source import find_source
    from unspin.components.parse import load_spacy

    text = "A Reuters/Ipsos survey found that 40% of voters backed the plan."
    found = find_source(next(iter(load_spacy()(text).sents)))
    assert found is not None and found.name == "Reuters/Ipsos"


def test_a_country_the_text_names_whole_stays_the_country() -> None:
    text = "The UK said 300 soldiers would be sent to Estonia."
    claims = [Claim(0, len(text))]
    quotes = [Quote(text.index("300"), len(text) - 1, kind="reported",
                    speaker=Attribution(name="United Kingdom", start=0, end=6, actor="United Kingdom"),
                    cue=Attribution(name="say", start=7, end=11))]
    assert sources_from_quotes(claims, quotes, text) == 1
    assert claims[0].source is not None and claims[0].source.name == "United Kingdom"


def test_a_full_stop_glued_to_an_amount_ends_the_sentence_before_a_quotation() -> None:
    from unspin.components.claims import candidate_sentences
    from unspin.components.parse import load_spacy

    text = ('The club had rejected two earlier bids of €80m and €90m. "He is worth every cent," '
            'the president told reporters.')
    sents = [s.text for s in candidate_sentences(load_spacy()(text))]
    assert sents == ["The club had rejected two earlier bids of €80m and €90m.",
                     '"He is worth every cent," the president told reporters.']


def test_a_claim_keeps_its_own_speaker_inside_a_quote_run_on_from_the_next_sentence(nlp) -> None:
    text = ('Club president Rui Costa said the club had rejected two earlier bids of €80m and €90m. '
            '"He is worth every cent," Costa told reporters.')
    sources = _sources(nlp, text)
    first = next(v for k, v in sources.items() if "€90m" in k)
    assert first[1] == "Club president Rui Costa said"
    assert first[2] == "Rui Costa"


@pytest.mark.parametrize(("text", "expected"), [
    ("Economists had expected a reading of 3.1%.", ("Economists", "Economists had expected")),
    ("Analysts expect profits to rise 10% this year.", ("Analysts", "Analysts expect")),
    ("Profits are expected to rise 10% this year.", None),
    ("We expect 40,000 fans at the game.", None),
])
def test_an_expectation_cites_who_expects(text: str, expected: tuple[str, str] | None) -> None:
    assert _rules_source(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The plant, which is expected to open in 2026, will employ 500 people.", None),
    ("The bridge, which was reported to be unsafe, carries 40,000 cars a day.", None),
    ("The plant, which was estimated by the council to cost $2bn, will employ 500 people.",
     ("the council", "estimated by the council")),
])
def test_a_passive_relative_clause_cites_its_agent_not_the_noun_it_describes(
        text: str, expected: tuple[str, str] | None) -> None:
    assert _rules_source(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The drug cut the risk by 20%, according to results of a large trial published in the New England "
     "Journal of Medicine on Saturday.", "the New England Journal of Medicine"),
    ("Turnout fell to 61%, according to the findings of a survey by Gallup.", "Gallup"),
    ("Turnout fell to 61%, according to the results of the census.", "the results of the census"),
])
def test_evidence_of_evidence_cites_who_stands_behind_the_inner_one(text: str, expected: str) -> None:
    found = _rules_source(text)
    assert found is not None and found[0] == expected
    assert found[1].startswith("according to")


@pytest.mark.parametrize(("text", "expected"), [
    ("Spurs have spent almost £400m on transfers since 2021, Transfermarkt data shows.",
     ("Transfermarkt", "Transfermarkt data shows")),
    ("Prices rose 4% last year, LSEG data shows.", ("LSEG", "LSEG data shows")),
    ("Turnout fell to 40%, state election records show.",
     ("state election records", "state election records show")),
])
def test_a_closing_report_of_evidence_cites_its_maker(text: str, expected: tuple[str, str]) -> None:
    assert _rules_source(text) == expected


def test_polling_by_a_pollster_cites_the_pollster(nlp) -> None:
    text = "Polling by YouGov last week found that 58% of voters think public services are getting worse."
    assert _rules_source(text) == ("YouGov", "Polling by YouGov last week found")
    (found,) = _sources(nlp, text).values()
    assert found[0] == "YouGov"


def test_a_claim_that_names_its_own_speaker_keeps_it_over_one_of_the_sentence_before() -> None:
    text = ("Cases rose, according to the regional office. Five children have died since January, "
            "the health ministry said.")
    office, ministry = text.index("the regional office"), text.index("the health ministry")
    second = text.index("Five")
    claims = [Claim(second, len(text), source=Attribution(name="the health ministry", start=ministry,
                                                          end=len(text) - 1))]
    quotes = [Quote(second, text.index(", the health"), kind="reported",
                    speaker=Attribution(name="the regional office", start=office, end=office + 19),
                    cue=Attribution(name="say", start=len(text) - 5, end=len(text) - 1))]
    assert sources_from_quotes(claims, quotes, text) == 0
    assert claims[0].source is not None and claims[0].source.name == "the health ministry"


@pytest.mark.parametrize(("text", "expected"), [
    ("Romania recorded the most cases, 12,000, followed by Kazakhstan with 10,500, according to the WHO's "
     "regional office.", "the WHO's regional office"),
])
def test_according_to_closing_a_claim_is_its_source(nlp, text: str, expected: str) -> None:
    (found,) = _sources(nlp, text).values()
    assert found[0] == expected and found[1] == f"according to {expected}"


def test_according_to_inside_a_quotation_closing_a_claim_is_the_quoted_speakers() -> None:
    text = ('The report says the firm "has 987 subsidiaries offshore, according to its own website."')
    claims = [Claim(0, len(text), source=Attribution(name="its own website", start=text.index("according"),
                                                     end=text.index('."')))]
    quotes = [Quote(text.index("the firm"), len(text), kind="reported",
                    speaker=Attribution(name="The report", start=0, end=10),
                    cue=Attribution(name="say", start=11, end=15))]
    assert sources_from_quotes(claims, quotes, text) == 1
    assert claims[0].source is not None and claims[0].source.name == "The report"


def test_a_sentence_spacy_cut_after_its_first_word_stays_whole() -> None:
    from unspin.components.claims import candidate_sentences
    from unspin.components.parse import load_spacy

    text = ("Arsenal complete £105m Rice signing\n\nArsenal have completed the signing of England midfielder "
            "Declan Rice from West Ham for a British record fee of £100m, the club announced on Saturday.")
    sents = [s.text for s in candidate_sentences(load_spacy()(text))]
    assert sents == [text[text.index("Arsenal have"):]]
