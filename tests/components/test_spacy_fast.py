"""The faster attribute ruler and lemmatizer give exactly spaCy's own annotations."""

from __future__ import annotations

import pickle

import pytest
import spacy

from unspin.components._spacy_fast import FastAttributeRuler, FastLemmatizer, speed_up
from unspin.components.parse import SPACY_MODEL, load_spacy

# Written for this test: contractions and dialect spellings (the ruler's regex and two-token
# patterns), "there is", "gets"/"got", auxiliaries, determiners used as pronouns, spaces.
TEXTS = [
    "There is nothin' they can do, y' know. It isn't over and we don't think it'll be.",
    "She gets what she wants; he got nothing.  That was that, and this is it.\n\nDone.",
    "The council has spent 48 million dollars. Had they asked, residents would've said no.",
    "Were there any objections?  \"Yes,\" said Tom Reyes, who'd tabled them in 2024.\n",
    "Whichever plan wins, those who did the work will not be thanked for it.",
]


def _annotations(doc: spacy.tokens.Doc) -> list[tuple[str, ...]]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, str(t.head.i))
            for t in doc]


@pytest.fixture(scope="module")
def pipelines() -> tuple[spacy.Language, spacy.Language]:
    return spacy.load(SPACY_MODEL), speed_up(spacy.load(SPACY_MODEL))


def test_the_swap_keeps_the_pipeline_order(pipelines: tuple[spacy.Language, spacy.Language]) -> None:
    original, fast = pipelines
    assert fast.pipe_names == original.pipe_names
    assert isinstance(fast.get_pipe("attribute_ruler"), FastAttributeRuler)
    assert isinstance(fast.get_pipe("lemmatizer"), FastLemmatizer)
    assert isinstance(load_spacy().get_pipe("attribute_ruler"), FastAttributeRuler)


@pytest.mark.parametrize("text", TEXTS)
def test_same_annotations_as_spacy(pipelines: tuple[spacy.Language, spacy.Language], text: str) -> None:
    original, fast = pipelines
    for _ in range(2):  # the second time from the remembered answers
        assert _annotations(fast(text)) == _annotations(original(text))


def test_the_ruler_applies_later_rules_last(pipelines: tuple[spacy.Language, spacy.Language]) -> None:
    # "did" as a main verb: a later rule than the tag map's AUX-or-VERB, so it wins
    original, fast = pipelines
    doc = fast("They did the work.")
    assert doc[1].pos_ == original("They did the work.")[1].pos_ == "VERB"
    assert fast("They did not go.")[1].pos_ == original("They did not go.")[1].pos_ == "AUX"


def test_a_pattern_it_cannot_read_falls_back_to_spacy() -> None:
    nlp = spacy.load(SPACY_MODEL)
    nlp.get_pipe("attribute_ruler").add([[{"LOWER": "bridge", "OP": "+"}]], {"TAG": "NNP"})
    speed_up(nlp)
    ruler = nlp.get_pipe("attribute_ruler")
    doc = nlp("The bridge will open.")
    assert ruler._compiled is False
    assert doc[1].tag_ == "NNP"


def test_the_fast_components_survive_a_copy(pipelines: tuple[spacy.Language, spacy.Language]) -> None:
    _, fast = pipelines
    ruler = fast.get_pipe("attribute_ruler")
    fast(TEXTS[0])  # compiled and remembered
    copy = pickle.loads(pickle.dumps(ruler))
    assert copy._compiled is None and not copy._memo
    assert len(copy.ruler.attrs) == len(ruler.ruler.attrs)


def test_unset_components_say_how_to_set_them_up() -> None:
    nlp = spacy.blank("en")
    with pytest.raises(RuntimeError, match="speed_up"):
        FastAttributeRuler()(nlp("text"))
    with pytest.raises(RuntimeError, match="speed_up"):
        FastLemmatizer()(nlp("text"))
