"""Claims on short news texts written for a seventh review (forecasts, a death toll, headlines, a
court's orders): a forecast's verb the parser read as a noun, "put ... at" with a phrase of what
goes with it, a headline's two nouns read as a subject and its verb, and acts of authority that
cite nobody."""

from __future__ import annotations

import pytest
from _sources import rules_source as _rules_source

from unspin.components._claims_source import headline_nouns, sources_from_quotes
from unspin.doc import Attribution, Claim, Quote


# Texts written for these tests (not taken from any corpus).
@pytest.mark.parametrize(("text", "expected"), [
    ("The IMF forecast growth of 2% for the British economy next year.", ("IMF", "The IMF forecast")),
    ("The OECD forecast unemployment of 6% in 2026.", ("OECD", "The OECD forecast")),
])
def test_a_forecast_read_as_a_noun_cites_the_name_before_it(text: str, expected: tuple[str, str]) -> None:
    assert _rules_source(text) == expected


@pytest.mark.parametrize("text", [
    "The weather forecast for Monday was 30C.",
    "Growth forecasts of 2% for next year were cut.",
])
def test_a_forecast_that_is_a_noun_cites_nobody(text: str) -> None:
    assert _rules_source(text) is None


def test_put_at_with_a_phrase_of_what_goes_with_it_is_an_estimate() -> None:
    text = "Officials put the death toll at 120, with dozens still missing."
    assert _rules_source(text) == ("Officials", "Officials put")


@pytest.mark.parametrize("text", [
    "Union claims rise as 3,000 workers strike over pay.",
    "Ceasefire talks collapse as shelling resumes, killing 12.",
])
def test_a_headlines_two_nouns_are_no_speaker_and_cue(text: str) -> None:
    assert _rules_source(text) is None


@pytest.mark.parametrize(("speaker", "cue", "rest", "expected"), [
    ("Union", "claims", " rise in membership", True),
    ("Ceasefire", "talks", " collapse after 40 die", True),
    ("Jobless", "claims", " fall 5%", True),
    ("Union", "claims", " victory as workers strike", False),
    ("The union", "claims", " rise in membership", False),
    ("Union", "claimed", " rise in membership", False),
])
def test_headline_nouns(speaker: str, cue: str, rest: str, expected: bool) -> None:
    assert headline_nouns(speaker, cue, rest) is expected


def _one_quote(text: str, speaker: str, cue: str, content: str) -> tuple[list[Claim], list[Quote]]:
    """One claim over ``text`` and one reported quote of ``content`` by ``speaker`` through ``cue``
    (written "lemma:as written", the quotes stage naming a cue by its lemma)."""
    lemma, written = cue.split(":")
    s, c, q = text.index(speaker), text.index(written), text.index(content)
    quote = Quote(q, q + len(content), kind="reported",
                  speaker=Attribution(name=speaker, start=s, end=s + len(speaker)),
                  cue=Attribution(name=lemma, start=c, end=c + len(written)))
    return [Claim(0, len(text))], [quote]


def test_a_headlines_nouns_found_as_a_quote_give_no_source() -> None:
    text = "Union claims rise as 3,000 workers strike over pay."
    claims, quotes = _one_quote(text, "Union", "claim:claims", "rise as 3,000 workers strike over pay")
    assert sources_from_quotes(claims, quotes, text) == 0
    assert claims[0].source is None


@pytest.mark.parametrize(("text", "speaker", "cue", "content"), [
    ("The court ordered him to pay $2 million in restitution.", "The court", "order:ordered",
     "to pay $2 million in restitution"),
    ("A judge sentenced the former mayor to eight years in prison.", "A judge", "sentence:sentenced",
     "the former mayor to eight years in prison"),
])
def test_an_act_of_authority_cites_nobody(text: str, speaker: str, cue: str, content: str) -> None:
    claims, quotes = _one_quote(text, speaker, cue, content)
    assert sources_from_quotes(claims, quotes, text) == 0


def test_a_stance_told_to_someone_still_cites_its_speaker() -> None:
    text = "The minister urged banks to cut rates by 0.5 points."
    claims, quotes = _one_quote(text, "The minister", "urge:urged", "banks to cut rates by 0.5 points")
    assert sources_from_quotes(claims, quotes, text) == 1


@pytest.mark.parametrize(("text", "expected"), [
    ("Three-quarters of nurses said they had considered quitting, a survey by the Royal College of Nursing "
     "found.", ("the Royal College of Nursing", "a survey by the Royal College of Nursing found")),
    ("Most voters said the economy was the top issue, a Gallup poll showed on Tuesday.",
     ("Gallup", "a Gallup poll showed")),
])
def test_evidence_closing_the_sentence_cites_what_the_people_it_asked_said(
        text: str, expected: tuple[str, str]) -> None:
    assert _rules_source(text) == expected


def test_the_evidence_closing_the_sentence_is_kept_over_the_people_it_asked() -> None:
    text = "Most voters said the economy was the top issue, a Gallup poll showed."
    at = text.index("a Gallup")
    claims, quotes = _one_quote(text, "Most voters", "say:said", "the economy was the top issue")
    claims[0].source = Attribution(name="Gallup", start=at, end=len(text) - 1)
    assert sources_from_quotes(claims, quotes, text) == 0
    assert claims[0].source.name == "Gallup"


@pytest.mark.parametrize(("text", "expected"), [
    ("The health agency reported 300 new cases on Friday.",
     ("The health agency", "The health agency reported")),
    ("The firm reported a pre-tax profit of £1.1bn for the half.", ("The firm", "The firm reported")),
])
def test_a_body_reporting_a_figure_is_its_source(text: str, expected: tuple[str, str]) -> None:
    assert _rules_source(text) == expected


def test_reporting_no_figure_cites_nobody() -> None:
    assert _rules_source("The firm reported the theft to the police.") is None


def test_a_refusal_to_comment_gives_way_to_whom_the_rules_found() -> None:
    text = "A spokesman for the firm declined to comment on job cuts, which sources said could reach 1,000."
    claims, quotes = _one_quote(text, "A spokesman for the firm", "decline:declined",
                                "to comment on job cuts, which sources said could reach 1,000")
    at = text.index("sources")
    claims[0].source = Attribution(name="sources", start=at, end=at + len("sources said"))
    assert sources_from_quotes(claims, quotes, text) == 0
    assert claims[0].source.name == "sources"


def test_a_refusal_alone_still_names_who_refused() -> None:
    text = "Through a spokesman, the minister declined to comment."
    claims, quotes = _one_quote(text, "the minister", "decline:declined", "to comment")
    assert sources_from_quotes(claims, quotes, text) == 1
    assert claims[0].source.name == "the minister"


def test_it_with_no_named_organisation_before_is_the_body_a_noun_names() -> None:
    assert _rules_source("The company's sales rose 12% to $3.4bn, it said in a statement.") == (
        "The company", "it said")


@pytest.mark.parametrize(("text", "expected"), [
    ("The Pentagon put the cost of the programme at $1.7 trillion over its lifetime.",
     ("The Pentagon", "The Pentagon put")),
    ("Analysts put the bill at $2bn for the year.", ("Analysts", "Analysts put")),
])
def test_put_at_over_a_span_or_for_a_period_is_an_estimate(text: str, expected: tuple[str, str]) -> None:
    assert _rules_source(text) == expected


@pytest.mark.parametrize("text", [
    "He put the ball in the net at 3-1.",
    "They put the plan on hold for 12 months.",
])
def test_put_somewhere_is_no_estimate(text: str) -> None:
    assert _rules_source(text) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("In a statement issued on Monday, Senator Ana Lind was upbeat about the 4% rise.",
     ("Senator Ana Lind", "In a statement issued on Monday, Senator Ana Lind")),
])
def test_a_statement_framing_a_clause_is_its_subjects(text: str, expected: tuple[str, str]) -> None:
    assert _rules_source(text) == expected


def test_lets_say_cites_nobody() -> None:
    text = "Let's say a degree will cost $160,000 in 18 years."
    claims, quotes = _one_quote(text, "'s", "say:say", "a degree will cost $160,000 in 18 years")
    assert sources_from_quotes(claims, quotes, text) == 0


def test_a_word_that_names_no_one_is_no_source() -> None:
    text = "Some calls into the hotline went to voicemail, 40 in all."
    claims, quotes = _one_quote(text, "Some", "call:calls", "into the hotline went to voicemail, 40 in all")
    assert sources_from_quotes(claims, quotes, text) == 0


@pytest.mark.parametrize("text", [
    "The boxer counts as obese, according to his body mass index of 31.",
    "She could not vote, according to her age on the register.",
])
def test_a_measure_of_someone_cites_nobody(text: str) -> None:
    assert _rules_source(text) is None


def test_a_published_index_is_still_cited() -> None:
    text = "Iceland is the most peaceful country, according to the Global Peace Index."
    assert _rules_source(text) == ("the Global Peace Index", "according to the Global Peace Index")


@pytest.mark.parametrize(("text", "expected"), [
    ("The weather service recorded 41.2C at the airport on Monday.",
     ("The weather service", "The weather service recorded")),
    ("The gauge station recorded 95mm of rain overnight.",
     ("The gauge station", "The gauge station recorded")),
])
def test_a_body_that_records_a_reading_is_cited(text: str, expected: tuple[str, str]) -> None:
    assert _rules_source(text) == expected


@pytest.mark.parametrize("text", [
    "Rovers recorded a 4-1 win over City on Saturday.",
    "Jones recorded 28 points in the final.",
])
def test_a_result_recorded_in_play_cites_nobody(text: str) -> None:
    assert _rules_source(text) is None
