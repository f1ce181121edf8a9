"""The quotes stage: speakers the parse names outright, which the speaker model may pass over."""

from __future__ import annotations

import pytest
from _quotes import speakers as _speakers

from unspin.doc import Article
from unspin.pipeline import load


@pytest.fixture(scope="module")
def nlp():
    return load(components=["parse", "quotes", "actors"])


def test_the_agent_of_a_passive_cue_speaks_what_it_warned_of(nlp) -> None:
    # the report inside the mayor's report is the engineers' warning, not the mayor's words again
    text = ("Mayor Tom Reyes defended the budget on Monday. He said he had been warned by engineers "
            "that the bridge was failing.")
    speakers = _speakers(nlp(Article(id="t", text=text)), text)
    assert speakers.get("that the bridge was failing") == "engineers", speakers


@pytest.mark.parametrize("text, content, agent", [
    ("Mayor Ann Cole was warned by the fire service that the old bridge could collapse within a year.",
     "that the old bridge could collapse within a year", "the fire service"),
    ("Last spring the minister was told by his own advisers that the plan would cost twice as much.",
     "that the plan would cost twice as much", "his own advisers"),
])
def test_a_passive_cue_with_an_agent_is_the_agents_report(nlp, text: str, content: str, agent: str) -> None:
    speakers = _speakers(nlp(Article(id="t", text=text)), text)
    assert speakers.get(content) == agent, speakers


def test_a_relative_clauses_own_subject_speaks_for_the_noun_it_describes(nlp) -> None:
    # the cue's subject is "who": the span where the text names the speaker in the clause, while
    # the name stays the chairman's, as the pronoun stands for him
    text = ("The chairman, who in the past has voiced doubts about the merger, told reporters he "
            "would back it.")
    doc = nlp(Article(id="t", text=text))
    quote = next(q for q in doc.quotes if text[q.start:q.end] == "doubts about the merger")
    assert quote.speaker is not None
    assert text[quote.speaker.start:quote.speaker.end] == "who"
    assert quote.speaker.name == "The chairman"
