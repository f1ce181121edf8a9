"""What kind of actor a name is, or whether it is one: joint police forces, diseases named after
places, banks and players named like people, capitalised common words."""

from __future__ import annotations

import pytest
from _actors import actor as _actor
from _actors import names as _names

from unspin.doc import Article
from unspin.pipeline import load


@pytest.fixture(scope="module")
def nlp():
    return load(components=["parse", "quotes", "actors"])


def test_a_force_named_after_two_places_is_one_body(nlp) -> None:
    text = ("Avon and Somerset Police said a man had been arrested on Monday. "
            "A spokesman for Avon and Somerset Police added that inquiries were continuing.")
    doc = nlp(Article(id="t", text=text))
    force = _actor(doc, "Avon and Somerset Police")
    assert force.type == "organization"
    assert len(force.mentions) == 2
    assert "Avon" not in _names(doc) and "Somerset Police" not in _names(doc)


def test_police_and_a_country_name_one_force(nlp) -> None:
    text = ("Police Scotland issued an appeal on Tuesday. "
            "Police Scotland officers later searched a house near the harbour.")
    doc = nlp(Article(id="t", text=text))
    force = _actor(doc, "Police Scotland")
    assert force.type == "organization"
    assert len(force.mentions) == 2
    assert "Scotland" not in _names(doc)


def test_a_person_and_a_force_stay_two(nlp) -> None:
    text = "Detective Tom Reyes and Kent Police released a statement on Friday."
    doc = nlp(Article(id="t", text=text))
    assert _actor(doc, "Tom Reyes").type == "person"
    assert not any(name.startswith("Reyes") or "Reyes and" in name for name in _names(doc))


def test_a_disease_named_after_a_town_is_no_actor(nlp) -> None:
    text = ("Health officials confirmed two new cases of Marburg virus on Tuesday. "
            "The Marburg outbreak began last month, and the ministry said Marburg spreads "
            "through contact with bodily fluids.")
    doc = nlp(Article(id="t", text=text))
    assert "Marburg" not in _names(doc)
    text = ("Researchers in Marburg first described the illness decades ago. "
            "Now Marburg virus has spread, the agency said.")
    doc = nlp(Article(id="t", text=text))
    town = _actor(doc, "Marburg")  # the town, where the researchers are
    assert town.type == "place" and len(town.mentions) == 1


def test_a_bank_named_like_a_person_stays_a_body(nlp) -> None:
    text = ("Morgan Stanley cut its forecast for the economy on Monday. "
            "Morgan Stanley expects rates to stay high.")
    doc = nlp(Article(id="t", text=text))
    assert _actor(doc, "Morgan Stanley").type == "organization"
    text = "Economists at Morgan Stanley expect growth to slow. Morgan Stanley said rates would stay high."
    doc = nlp(Article(id="t", text=text))
    assert _actor(doc, "Morgan Stanley").type == "organization"


def test_a_player_the_recogniser_calls_a_body_is_a_person(nlp) -> None:
    text = "Dominic Thiem won his tenth title on Sunday, and the crowd cheered."
    doc = nlp(Article(id="t", text=text))
    assert _actor(doc, "Dominic Thiem").type == "person"  # a given name, and "his"
    text = "Novak Djokovic won his tenth title on Sunday. Djokovic said he was proud of it."
    doc = nlp(Article(id="t", text=text))
    player = _actor(doc, "Novak Djokovic")
    assert player.type == "person"
    assert len(player.mentions) == 2 and "Djokovic" not in _names(doc)
    text = "The final between Novak Djokovic and Andy Murray lasted four hours. Djokovic took the first set."
    doc = nlp(Article(id="t", text=text))
    assert _actor(doc, "Novak Djokovic").type == "person"
    assert "Djokovic" not in _names(doc)


def test_a_common_word_opening_a_sentence_is_no_person(nlp) -> None:
    text = ("Voters Stay Home As Turnout Falls\n\n"
            "Turnout fell sharply in the city elections on Tuesday, officials said. "
            "The mayor, Ann Cole, called the result worrying.")
    doc = nlp(Article(id="t", text=text))
    assert "Turnout" not in _names(doc)
    assert _actor(doc, "Ann Cole").type == "person"


def test_a_common_word_the_text_calls_it_is_a_body(nlp) -> None:
    text = ("The mining company owed millions to its workers. Patriot handed over its mines to a "
            "new owner last year, and the union went to court.")
    doc = nlp(Article(id="t", text=text))
    assert _actor(doc, "Patriot").type == "organization"


def test_a_name_ends_with_its_paragraph(nlp) -> None:
    text = ("Trustees complain\n\nThe trustees wrote a long letter of complaint to the Harbour Trust\n\n"
            "Board members met on Friday to discuss the letter.")
    doc = nlp(Article(id="t", text=text))
    assert "Harbour Trust" in _names(doc)
    assert not any("\n" in alias or "Board" in alias for a in doc.actors for alias in a.aliases)


def test_a_soft_hyphen_is_no_part_of_a_name(nlp) -> None:
    text = "The mayor, Helen Brandt\xad\xad, defended the plan on Monday. Brandt said it would cut traffic."
    doc = nlp(Article(id="t", text=text))
    mayor = _actor(doc, "Helen Brandt")
    assert len(mayor.mentions) == 2 and "Brandt" not in _names(doc)


def test_a_famous_name_opening_a_sentence_stays_a_person(nlp) -> None:
    # the dictionary holds some famous names; one that says or owns something is a person's
    doc = nlp(Article(id="t", text="Shakespeare mentions malaria in eight plays. Scholars counted them."))
    assert _actor(doc, "Shakespeare").type == "person"
    doc = nlp(Article(id="t", text="Voters were tired of war.\n\nPutin's speech on Monday changed little."))
    assert _actor(doc, "Putin").type == "person"


def test_a_people_named_in_the_plural_is_a_group(nlp) -> None:
    doc = nlp(Article(id="t", text="God spoke to the Ammonites through the prophet."))
    assert _actor(doc, "Ammonites").type == "group"
    text = ("The Houthi movement fired missiles at two ships on Monday. "
            "The Houthis said the ships were bound for a port they had blockaded.")
    doc = nlp(Article(id="t", text=text))
    assert "Houthis" not in _names(doc)
    assert len(_actor(doc, "Houthi").mentions) == 2


def test_a_company_whose_shares_are_traded_is_a_body(nlp) -> None:
    text = ("Shares of Nvidia rose 4 percent on Thursday after the chipmaker beat forecasts. "
            "Chief executive Jensen Huang said demand remained strong.")
    assert _actor(nlp(Article(id="t", text=text)), "Nvidia").type == "organization"
    doc = nlp(Article(id="t", text="Shares in Tokyo rose on Monday as the yen weakened."))
    assert _actor(doc, "Tokyo").type == "place"
    text = "Moderna shares fell 10 percent after the drugmaker cut its sales forecast."
    assert _actor(nlp(Article(id="t", text=text)), "Moderna").type == "organization"
    doc = nlp(Article(id="t", text="London shares fell on Monday while Tokyo stocks rose."))
    assert _actor(doc, "London").type == "place"


def test_an_amount_after_a_name_is_no_part_of_it(nlp) -> None:
    text = "The European Commission fined Apple 1.8 billion euros on Monday. Apple said it would appeal."
    apple = _actor(nlp(Article(id="t", text=text)), "Apple")
    assert apple.type == "organization" and len(apple.mentions) == 2


def test_a_product_named_before_its_maker_is_no_actor(nlp) -> None:
    text = ("Competition chief Margrethe Vestager said the iPhone maker had abused its position. "
            "Apple said it would appeal.")
    doc = nlp(Article(id="t", text=text))
    assert "iPhone" not in _names(doc)
    assert _actor(doc, "Apple").type == "organization"
