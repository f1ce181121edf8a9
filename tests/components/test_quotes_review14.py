"""The quotes stage (stop 37): speakers the parse leaves out or the speaker model passes over."""

from __future__ import annotations

import pytest
from _quotes import speakers as _speakers

from unspin.doc import Article
from unspin.pipeline import load


@pytest.fixture(scope="module")
def nlp():
    return load(components=["parse", "quotes", "actors"])


@pytest.mark.parametrize("text, content, share", [
    # the parser makes "4 in 10" a number the verb governs, not its subject: no speaker before
    ("The survey of 1,200 adults was taken last week. About 4 in 10 say they want the next governor "
     "to cut taxes.", "they want the next governor to cut taxes", "About 4 in 10"),
    # "Less than a third" hangs on the verb as a measure: the poll named before spoke
    ("The poll asked about the trade deal. Less than a third agreed that the deal would create jobs, "
     "while 13 percent were unsure.", "that the deal would create jobs", "Less than a third"),
])
def test_a_share_written_before_its_verb_speaks(nlp, text: str, content: str, share: str) -> None:
    speakers = _speakers(nlp(Article(id="t", text=text)), text)
    assert speakers.get(content) == share, speakers


def test_a_share_speaks_beside_another_share_without_a_subject(nlp) -> None:
    # "half said so" has no subject in the parse: it is no other speaker that takes the report
    text = ("Support for the mayor has grown. Six in 10 say she is at least somewhat decisive, after "
            "half said so in the spring poll.")
    speakers = _speakers(nlp(Article(id="t", text=text)), text)
    assert speakers.get("she is at least somewhat decisive") == "Six in 10", speakers


def test_a_named_speaker_beside_a_share_keeps_the_report(nlp) -> None:
    # another speaker with a subject of its own in the sentence: the share rule stays out
    text = "At the rally on Friday, Mayor Ann Cole said most residents want a new bridge over the river."
    speakers = _speakers(nlp(Article(id="t", text=text)), text)
    assert speakers.get("most residents want a new bridge over the river") == "Mayor Ann Cole", speakers


@pytest.mark.parametrize("text, content, source", [
    # "according to X" where the speaker model, which weighs common-noun sources low, named nobody
    ("Ann Cole spent the weekend in Dayton. On Tuesday she lost the Ohio primary but was leading in "
     "Kentucky, according to complete but unofficial returns.",
     "On Tuesday she lost the Ohio primary but was leading in Kentucky", "complete but unofficial returns"),
    ("Reyes has a narrow edge on his closest rival, Cole. In Iowa, Reyes is in first, according to "
     "the polling average, although Cole keeps it competitive.", "In Iowa, Reyes is in first",
     "the polling average"),
    # a bare quantifier that is the cue's own subject, where the speaker model picked the noun inside
    # the phrase ("her aides")
    ("The governor met Mayor Ann Cole on Tuesday, and several of her aides said the talks had gone well.",
     "the talks had gone well", "several of her aides"),
    ("The inspector's report was released on Friday. Several of its findings contradicted the mayor's "
     "public statements.", "the mayor's public statements", "Several of its findings"),
    # records cited after a comma, and in a parenthetical (what they show follows them)
    ("Cole sold the farm to a neighbour in 2010, county records show. The sale closed a year later.",
     "Cole sold the farm to a neighbour in 2010", "county records"),
    ("The plane rarely leaves the country. During the same period, aviation records show, the jet has "
     "flown roughly 200 hours.", "the jet has flown roughly 200 hours", "aviation records"),
])
def test_the_source_speaks_as_the_text_writes_it(nlp, text: str, content: str, source: str) -> None:
    speakers = _speakers(nlp(Article(id="t", text=text)), text)
    assert speakers.get(content) == source, speakers


@pytest.mark.parametrize("text, content, poll", [
    ("Voters in Ohio are split. Ann Cole led Tom Reyes by 5 points among likely voters in a new Dayton "
     "Daily News poll, taken last week.", "Ann Cole led Tom Reyes by 5 points among likely voters",
     "a new Dayton Daily News poll"),
    ("In a Marist poll released Monday, 52 percent of respondents chose Cole while 41 percent chose Reyes.",
     "52 percent of respondents chose Cole while 41 percent chose Reyes", "a Marist poll"),
])
def test_a_particular_poll_cites_the_clause_it_hangs_on(nlp, text: str, content: str, poll: str) -> None:
    speakers = _speakers(nlp(Article(id="t", text=text)), text)
    assert speakers.get(content) == poll, speakers


def test_the_polls_in_general_cite_nothing(nlp) -> None:
    # "in the polls" names no poll: PolNeAR leaves most such phrases out, and so does the stage
    text = "Ann Cole has gained ground in the polls since the debate in Dayton."
    doc = nlp(Article(id="t", text=text))
    assert not [q for q in doc.quotes if q.cue is not None and q.cue.name == "in"], doc.quotes


def test_a_polls_speaker_is_named_as_written() -> None:
    from unspin.components.parse import load_spacy
    from unspin.components.quotes import QuoteFinder

    text = "Reyes trails the senator in the RealClearPolitics average of Ohio polls by nearly 9 points."
    quotes = QuoteFinder().predict(load_spacy()(text))
    quote = next(q for q in quotes if text[q.start:q.end] == "Reyes trails the senator")
    assert quote.speaker is not None
    assert quote.speaker.name == "the RealClearPolitics average of Ohio polls"
    assert quote.speaker.actor != "Ohio"  # the place the polls cover is not who polled


@pytest.mark.parametrize("text, first, second, speaker", [
    ("Senator Ann Cole endorsed Tom Reyes at a rally in Dayton on Friday, saying that he would make an "
     "outstanding mayor.", "Tom Reyes at a rally in Dayton on Friday",
     "that he would make an outstanding mayor", "Senator Ann Cole"),
])
def test_a_participle_of_speech_after_the_cue_ends_what_it_reports(nlp, text: str, first: str, second: str,
                                                                   speaker: str) -> None:
    # two reports of one speaker: the endorsement, and what the participle says (one quote before)
    speakers = _speakers(nlp(Article(id="t", text=text)), text)
    assert speakers.get(first) == speaker, speakers
    assert speakers.get(second) == speaker, speakers


def test_a_filing_is_an_act_but_the_participle_after_it_reports(nlp) -> None:
    # since stop 39 the quote model, reading the attribution tagger, takes "filed a complaint" for
    # an act, not speech; what the participle claims is still the union's, and ends the sentence
    text = ("The union filed a complaint with the city's ethics board on Monday, claiming that the mayor "
            "had a conflict of interest.")
    assert _speakers(nlp(Article(id="t", text=text)), text) == {
        "that the mayor had a conflict of interest": "The union"}
