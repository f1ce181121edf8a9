"""Definite descriptions that refer back to a named actor: "the company", "the defendant"."""

from __future__ import annotations

import pytest
from _actors import actor as _actor

from unspin.doc import Actor, Article, Document
from unspin.pipeline import load


@pytest.fixture(scope="module")
def nlp():
    return load(components=["parse", "quotes", "actors"])


def _written(doc: Document, actor: Actor) -> list[str]:
    return [doc.text[m.start:m.end] for m in actor.mentions]


def _speaker(doc: Document, words: str) -> str | None:
    quote = next(q for q in doc.quotes if words in doc.text[q.start:q.end])
    return None if quote.speaker is None else quote.speaker.actor


def test_the_company_and_the_firm_join_the_one_company_named_before(nlp) -> None:
    text = ("Brackwater Mining Ltd has shut its smelter in Elmhurst after copper prices fell. "
            "The company said on Tuesday that 140 workers would lose their jobs. "
            "\"We had no choice,\" the firm said in a statement.")
    doc = nlp(Article(id="t", text=text))
    miner = _actor(doc, "Brackwater Mining Ltd")
    assert {"company", "firm"} <= set(_written(doc, miner))
    assert not [a for a in doc.actors if a.name in ("company", "firm")]
    assert _speaker(doc, "no choice") == "Brackwater Mining Ltd"


def test_the_bank_and_the_group_join_the_body_named_before(nlp) -> None:
    text = ("Fennick Savings Bank raised its lending rate by half a point. "
            "The bank said the move would cool demand for loans.")
    doc = nlp(Article(id="t", text=text))
    assert "bank" in _written(doc, _actor(doc, "Fennick Savings Bank"))
    assert _speaker(doc, "cool demand") == "Fennick Savings Bank"
    text = "Hamas fired rockets on Tuesday. The group said it was responding to raids."
    doc = nlp(Article(id="t", text=text))
    assert "group" in _written(doc, _actor(doc, "Hamas"))


def test_the_agency_joins_a_name_of_its_kind(nlp) -> None:
    text = ("The Food and Drug Administration approved a drug made by Pellam Pharmaceuticals. "
            "The agency said the drug was safe.")
    doc = nlp(Article(id="t", text=text))
    assert "agency" in _written(doc, _actor(doc, "Food and Drug Administration"))
    assert "agency" not in _written(doc, _actor(doc, "Pellam Pharmaceuticals"))


def test_two_companies_before_leave_the_company_unjoined(nlp) -> None:
    text = ("Westmere Holdings bought a stake in Oslin Foods. "
            "The firm said the deal would close in June.")
    doc = nlp(Article(id="t", text=text))
    assert "firm" in [a.name for a in doc.actors]
    assert "firm" not in _written(doc, _actor(doc, "Oslin Foods"))


def test_a_described_party_or_bank_is_no_named_one(nlp) -> None:
    text = ("Republicans met in Ashby on Friday. She left the party where the fight broke out. "
            "Later a man fell from the bank of the river.")
    doc = nlp(Article(id="t", text=text))
    joined = [a.name for a in doc.actors for m in a.mentions if doc.text[m.start:m.end] == "party"]
    assert joined == ["party"]
    assert "bank" not in [a.name for a in doc.actors]


def test_the_defendant_is_the_person_charged(nlp) -> None:
    text = ("Tobias Renner, 41, was charged with arson after a fire destroyed a warehouse in Elmhurst. "
            "The defendant told the court on Monday that he had been at home that night.")
    doc = nlp(Article(id="t", text=text))
    renner = _actor(doc, "Tobias Renner")
    assert "The defendant" in [doc.text[r.start:r.end] for r in renner.references]
    assert _speaker(doc, "at home") == "Tobias Renner"


def test_the_suspect_is_the_person_arrested_just_before(nlp) -> None:
    text = ("Tobias Renner was convicted of fraud in 2019. "
            "Police arrested Greta Solvang on Friday over the theft of paintings from a gallery. "
            "The suspect was later released on bail.")
    doc = nlp(Article(id="t", text=text))
    assert "The suspect" in [doc.text[r.start:r.end] for r in _actor(doc, "Greta Solvang").references]


def test_the_suspect_is_nobody_when_the_text_names_only_a_victim(nlp) -> None:
    text = ("Tobias Renner was shot outside his home on Friday. "
            "The suspect fled in a grey car, police said.")
    doc = nlp(Article(id="t", text=text))
    assert all(doc.text[r.start:r.end] != "The suspect" for a in doc.actors for r in a.references)
