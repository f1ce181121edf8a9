"""Places and states among the actors: formal names, place nouns, demonyms, codes, portfolios."""

from __future__ import annotations

import pytest
from _actors import actor as _actor
from _actors import names as _names

from unspin.components._actors_entities import DATELINE
from unspin.doc import Article
from unspin.pipeline import load


@pytest.fixture(scope="module")
def nlp():
    return load(components=["parse", "quotes", "actors"])


def test_a_republic_and_its_short_name_are_one_country(nlp) -> None:
    text = ("The Republic of Vostrana closed its embassy on Monday. "
            "Officials said Vostrana would not negotiate.")
    doc = nlp(Article(id="t", text=text))
    vostrana = _actor(doc, "Vostrana")
    assert vostrana.type == "country"
    assert len(vostrana.mentions) == 2
    assert "Republic of Vostrana" not in _names(doc)
    text = "The Kingdom of Marrosh has banned imports of grain. Marrosh said the ban was temporary."
    doc = nlp(Article(id="t", text=text))
    assert _actor(doc, "Marrosh").type == "country"
    assert len(doc.actors) == 1


def test_a_name_after_the_town_of_is_a_place(nlp) -> None:
    doc = nlp(Article(id="t", text="Shelling hit the border town of Dalmek overnight. "
                                   "Residents of Dalmek fled south."))
    assert _actor(doc, "Dalmek").type == "place"
    doc = nlp(Article(id="t", text="Soldiers entered the village of Tesh on Friday, officials said."))
    assert _actor(doc, "Tesh").type == "place"


def test_a_national_adjective_before_arms_joins_the_country(nlp) -> None:
    text = ("Kostrovia moved troops to the frontier. Kostrovian artillery shelled the valley on Sunday. "
            "A Kostrovian spokesman denied it.")
    doc = nlp(Article(id="t", text=text))
    kostrovia = _actor(doc, "Kostrovia")
    assert kostrovia.type == "country"
    assert len(kostrovia.mentions) == 3
    assert "Kostrovian" not in _names(doc)


def test_a_body_opening_with_a_country_code_is_no_country(nlp) -> None:
    doc = nlp(Article(id="t", text="Researchers used data from UK Biobank to study heart disease."))
    assert _names(doc) == ["UK Biobank"]
    assert _actor(doc, "UK Biobank").type == "organization"


def test_a_portfolio_before_a_title_is_no_actor(nlp) -> None:
    text = ("The new line was opened on Tuesday, said Transport Minister Jonas Holm. "
            "Finance Minister Ada Lind was also there.")
    doc = nlp(Article(id="t", text=text))
    assert sorted(_names(doc)) == ["Ada Lind", "Jonas Holm"]


def test_generic_parties_are_no_actor_and_the_organisation_is_the_un(nlp) -> None:
    doc = nlp(Article(id="t", text="It is for the parties to settle this, the judge said."))
    assert "parties" not in _names(doc)
    text = "UN spokesman Erik Dahl said the organisation was alarmed by the fighting."
    doc = nlp(Article(id="t", text=text))
    un = _actor(doc, "United Nations")
    assert "organisation" in [doc.text[m.start:m.end] for m in un.mentions]
    assert "organisation" not in _names(doc)


def test_an_unresolved_organisation_is_no_actor(nlp) -> None:
    doc = nlp(Article(id="t", text="Ann Cole said the organisation was growing fast."))
    assert "organisation" not in _names(doc)


def test_a_person_shaped_word_listed_with_a_place_is_a_place(nlp) -> None:
    doc = nlp(Article(id="t", text="Because of the strike, cargo is diverted to Rotterdam and Hamburg."))
    assert _actor(doc, "Rotterdam").type == "place"


def test_a_name_set_beside_a_role_is_a_person(nlp) -> None:
    text = "Talks resumed in Oslo. The union’s chief negotiator, Per Aasen, was blunter."
    doc = nlp(Article(id="t", text=text))
    assert _actor(doc, "Per Aasen").type == "person"


@pytest.mark.parametrize(("text", "dateline"), [
    ("NEW DELHI: The Union Cabinet on Wednesday approved the plan.", "NEW DELHI: "),
    ("WASHINGTON: The Senate voted 52-48 on Tuesday.", "WASHINGTON: "),
    ("MUMBAI, Jan 5: Police said the road was closed.", "MUMBAI, Jan 5: "),
    ("DHAKA (AP) — The toll rose to 212.", "DHAKA (AP) — "),
    ("The minister said: We will not resign.", None),
    ("Note: The figures are provisional.", None),
    ("US: The figures are provisional.", None),
])
def test_the_colon_dateline(text: str, dateline: str | None) -> None:
    found = DATELINE.match(text)
    assert (found.group() if found else None) == dateline


def test_a_colon_dateline_place_is_no_actor(nlp) -> None:
    doc = nlp(Article(id="t", text="NEW DELHI: The Union Cabinet on Wednesday approved a new rail plan."))
    assert _names(doc) == ["Union Cabinet"]
