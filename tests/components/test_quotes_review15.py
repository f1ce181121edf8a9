"""The quotes stage (review 15): speakers the speaker model passes over."""

from __future__ import annotations

import pytest
from _quotes import speakers as _speakers

from unspin.components._quotes_features import source_span
from unspin.components.parse import load_spacy
from unspin.doc import Article
from unspin.pipeline import load


@pytest.fixture(scope="module")
def nlp():
    return load(components=["parse", "quotes", "actors"])


@pytest.mark.parametrize("text, content, speaker", [
    # the model gave the second clause's report to the first clause's subject
    ("Senator Ann Cole praised the budget on Monday, but Governor Tom Reyes wants to delay the vote "
     "until spring.", "to delay the vote until spring", "Governor Tom Reyes"),
    ("The minister defended the tax rise, but opposition leader Karen Mills accused the government of "
     "breaking its promise.", "the government of breaking its promise", "opposition leader Karen Mills"),
    # the model had this one right: it stays
    ("Dr. Lena Park backed the new vaccine schedule, but Professor Omar Haddad argued that the trial had "
     "been too small.", "that the trial had been too small", "Professor Omar Haddad"),
])
def test_a_joined_clause_with_its_own_subject_has_its_own_speaker(nlp, text: str, content: str,
                                                                  speaker: str) -> None:
    speakers = _speakers(nlp(Article(id="t", text=text)), text)
    assert speakers.get(content) == speaker, speakers


def test_the_first_clause_keeps_its_speaker(nlp) -> None:
    text = ("Senator Ann Cole praised the budget on Monday, but Governor Tom Reyes wants to delay the vote "
            "until spring.")
    speakers = _speakers(nlp(Article(id="t", text=text)), text)
    assert speakers.get("the budget on Monday") == "Senator Ann Cole", speakers


def test_a_shared_subject_speaks_both_clauses(nlp) -> None:
    # no subject of its own: the second verb's report is still the first subject's
    text = "Senator Ann Cole praised the budget on Monday and wants to delay the vote until spring."
    speakers = _speakers(nlp(Article(id="t", text=text)), text)
    assert speakers.get("to delay the vote until spring") == "Senator Ann Cole", speakers


@pytest.mark.parametrize("text", [
    "Voters deserve answers from the nominee, whose career crossed the program of so-called ‘enhanced "
    "interrogation techniques’ more than once.",
    "The council backed so-called \"green bonds\" to pay for the new tram line on Tuesday.",
])
def test_a_so_called_quotation_is_no_speech(nlp, text: str) -> None:
    doc = nlp(Article(id="t", text=text))
    assert not any("so-called" in text[max(0, q.start - 10) : q.start] for q in doc.quotes), \
        [text[q.start : q.end] for q in doc.quotes]


def test_a_quotation_a_cue_introduces_is_still_speech(nlp) -> None:
    text = "Critics called the plan “a reckless gamble that will cost billions of dollars”."
    speakers = _speakers(nlp(Article(id="t", text=text)), text)
    quoted = "the plan “a reckless gamble that will cost billions of dollars”"
    assert speakers.get(quoted) == "Critics", speakers


@pytest.mark.parametrize("text, cue, source", [
    # a verb of asking or urging: its object would be the one to speak
    ("The committee invited Dr. Lena Park to explain why the trial had been stopped.", "explain",
     "Dr. Lena Park"),
    ("Reporters asked Governor Tom Reyes to confirm that the plant would close.", "confirm",
     "Governor Tom Reyes"),
    # a verb of wanting: its own subject still
    ("Senator Ann Cole wants to confirm that the plant will close.", "confirm", "Senator Ann Cole"),
])
def test_who_is_asked_to_speak_is_the_infinitive_s_source(text: str, cue: str, source: str) -> None:
    sdoc = load_spacy()(text)
    found = source_span(next(t for t in sdoc if t.text == cue))
    assert found is not None and text[found[0][0] : found[0][1]] == source
