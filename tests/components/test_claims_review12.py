"""Claims on short news texts written for a twelfth review (forecasts and judgements): a forecaster
who sees or gives odds with a figure ("Economists at Goldman Sachs now see a 15% chance of a
recession", "the bank gives a 40% probability") is the source of that estimate, as one who forecasts
or puts a figure at something is; odds without a figure ("see a risk of delays"), a first-person
view ("We see a 15% chance") and what someone saw happen ("Residents saw a 15% rise") cite no one. A
sentence that only judges with an adjective the parser read as a verb in -ing ("The results were
striking.") or one that sizes vaguely ("The damage was extensive.") is no claim, while a verb in -ing
with an object or a place ("were striking over pay at 12 plants") and statistical significance ("The
results were not significant.") stay for the model to score."""

from __future__ import annotations

import pytest
from _sources import rules_source as _rules_source

from unspin.components.claims import _bare_judgement
from unspin.components.parse import load_spacy
from unspin.pipeline import load


# Texts written for these tests (not taken from any corpus).
@pytest.mark.parametrize(("text", "name"), [
    ("Economists at Goldman Sachs now see a 15% chance of a recession.", "Economists at Goldman Sachs"),
    ("The central bank gives a 40% probability to a rate cut in June.", "The central bank"),
    ("Forecasters see a 70 per cent chance of snow on Sunday.", "Forecasters"),
])
def test_who_sees_odds_with_a_figure_is_the_source(text: str, name: str) -> None:
    found = _rules_source(text)
    assert found is not None and found[0] == name


@pytest.mark.parametrize("text", [
    "We see a 15% chance of rain tomorrow.",
    "Residents saw a 15% rise in their bills last year.",
    "The team saw 300 fans at the airport on Monday.",
])
def test_no_odds_no_source(text: str) -> None:
    assert _rules_source(text) is None


@pytest.fixture(scope="module")
def nlp():
    return load(components=["parse", "claims"], processes=0)


@pytest.mark.parametrize("text", [
    "The results were striking.",  # the parser reads "striking" as a verb in -ing
    "The impact was devastating.",
    "The damage was extensive.",
])
def test_a_bare_judgement_read_as_a_verb_or_sizing_vaguely_is_no_claim(nlp, text: str) -> None:
    assert _bare_judgement(next(iter(load_spacy()(text).sents)))
    assert nlp(text).claims == []


@pytest.mark.parametrize("text", [
    "Workers were striking over pay at 12 plants.",
    "The company was striking a deal with Ford.",
    "The results were not significant.",  # statistical significance, which a study settles
])
def test_a_verb_in_ing_or_a_checkable_word_is_no_bare_judgement(text: str) -> None:
    assert not _bare_judgement(next(iter(load_spacy()(text).sents)))
