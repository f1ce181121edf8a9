"""Actors read on short stories written for a ninth review: a union and a firm the recogniser
leaves untagged, a regulator it calls a place, clubs in a result reported without its score,
a place whose name holds a particle, and a company known by what the text sets beside it."""

from __future__ import annotations

import pytest
from _actors import actor as _actor
from _actors import names as _names

from unspin.doc import Article
from unspin.pipeline import load


@pytest.fixture(scope="module")
def nlp():
    return load(components=["parse", "quotes", "actors"])


@pytest.mark.parametrize("text", [
    "Unite said the strike would go ahead. The union represents 1,200 drivers.",
    "Unite, the union, called a strike. The union said talks had failed.",
])
def test_the_union_is_the_union_named_before(nlp, text: str) -> None:
    doc = nlp(Article(id="t", text=text))
    assert _actor(doc, "Unite").type == "organization"
    assert "union" not in _names(doc)
    assert "union" in _actor(doc, "Unite").aliases


@pytest.mark.parametrize("text", [
    "Ofwat said water bills would rise by 20% over five years.",
    "The company was fined by Ofwat last year. Ofwat ordered it to repay customers.",
    "Ofwat, the regulator, said the plan was too weak.",
])
def test_a_regulator_is_a_body(nlp, text: str) -> None:
    assert _actor(nlp(Article(id="t", text=text)), "Ofwat").type == "organization"


@pytest.mark.parametrize("text, clubs", [
    ("Manchester City won at Brighton on Saturday. Pep Guardiola praised his players.",
     ("Manchester City", "Brighton")),
    ("Arsenal lost at Everton on Sunday, while Manchester City drew with Brighton.",
     ("Everton", "Manchester City", "Brighton")),
])
def test_sides_of_a_result_without_a_score_are_clubs(nlp, text: str, clubs: tuple[str, ...]) -> None:
    doc = nlp(Article(id="t", text=text))
    for club in clubs:
        assert _actor(doc, club).type == "organization"


def test_a_lost_election_is_no_match(nlp) -> None:
    doc = nlp(Article(id="t", text="Harris lost to Trump in Pennsylvania. Trump won in Texas."))
    assert _actor(doc, "Harris").type == "person"
    assert _actor(doc, "Texas").type == "place"


@pytest.mark.parametrize("text", [
    "Pfizer declined to comment. The drug maker's shares fell 2%.",
    "Pfizer said it would cut prices in Europe.",
])
def test_an_untagged_firm_that_speaks_is_a_body(nlp, text: str) -> None:
    assert _actor(nlp(Article(id="t", text=text)), "Pfizer").type == "organization"


def test_the_attorneys_office_is_no_body_of_its_own(nlp) -> None:
    text = "The U.S. Attorney's Office in Albuquerque said the suspect had been charged."
    assert "Office" not in _names(nlp(Article(id="t", text=text)))


@pytest.mark.parametrize("text", [
    "Officials in Rio Grande do Sul said 40 people had died.",
    "Heavy rain hit the state of Rio Grande do Sul, where the river burst its banks.",
])
def test_a_place_name_with_a_particle_is_whole(nlp, text: str) -> None:
    doc = nlp(Article(id="t", text=text))
    assert _actor(doc, "Rio Grande do Sul").type == "place"
    assert "Sul" not in _names(doc) and "Rio Grande" not in _names(doc)


def test_the_company_is_the_streaming_service(nlp) -> None:
    text = "Lumen, the streaming service, raised its prices on Monday. The company said costs had risen."
    doc = nlp(Article(id="t", text=text))
    assert "company" not in _names(doc)
    assert "company" in _actor(doc, "Lumen").aliases


def test_clubs_of_a_story_without_a_score(nlp) -> None:
    text = ("Real Sociedad came from behind to beat Villarreal on Sunday. Villarreal coach Marcelo Ruiz "
            "said his players had been tired. Athletic Bilbao, who lost to Getafe, are third.")
    doc = nlp(Article(id="t", text=text))
    for club in ("Real Sociedad", "Villarreal", "Getafe"):
        assert _actor(doc, club).type == "organization"
    assert len(_actor(doc, "Villarreal").mentions) == 2


@pytest.mark.parametrize("text", [
    "Real estate prices rose in March. Real Time Data said sales were slowing.",
    "The Prime Minister said the talks had failed.",
    "Human Rights Watch said the bombs could burn through concrete.",
])
def test_no_club_title_or_cut_name_from_a_verb(nlp, text: str) -> None:
    names = _names(nlp(Article(id="t", text=text)))
    assert not {"Real Time", "Prime Minister", "Rights Watch"} & set(names)


def test_a_union_taken_up_by_which_is_a_body(nlp) -> None:
    text = ("Councillors voted to close two libraries. Unison, which represents library staff, said it "
            "would fight the closures.")
    assert _actor(nlp(Article(id="t", text=text)), "Unison").type == "organization"


def test_a_capital_speaks_for_its_state(nlp) -> None:
    text = ("Kenya and Somalia agreed to reopen their border, the African Union said. Mogadishu said the "
            "agreement would boost trade.")
    doc = nlp(Article(id="t", text=text))
    assert "Mogadishu" in _actor(doc, "Somalia").aliases
    assert "Mogadishu" not in _names(doc)


def test_the_supermarket_chain_is_the_company_named(nlp) -> None:
    text = "Shares in Harlow Foods fell 12% after the supermarket chain cut its profit forecast."
    doc = nlp(Article(id="t", text=text))
    assert "supermarket chain" in _actor(doc, "Harlow Foods").aliases
    assert "supermarket chain" not in _names(doc)


def test_a_union_listed_beside_a_company_is_another_body(nlp) -> None:
    text = ("MGM said the guard had been taken to hospital. 'I am sure MGM or the union will let us know,' "
            "a colleague said.")
    assert "union" not in _actor(nlp(Article(id="t", text=text)), "MGM").aliases
