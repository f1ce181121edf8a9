"""Actors typed from the shape of a short news text: datelines, levels of government, rivers,
national adjectives before a state noun, names that only describe a thing."""

from __future__ import annotations

import pytest
from _actors import actor as _actor
from _actors import names as _names

from unspin.doc import Article
from unspin.pipeline import load


@pytest.fixture(scope="module")
def nlp():
    return load(components=["parse", "quotes", "actors"])


def test_a_level_of_government_before_officials_is_no_actor(nlp) -> None:
    text = ("The county board approved the new bridge on Monday, and Mayor Ann Kerrow welcomed the vote. "
            "State officials said the money would arrive in the autumn.")
    doc = nlp(Article(id="t", text=text))
    assert "State" not in _names(doc)
    speakers = [q.speaker for q in doc.quotes
                if q.speaker is not None and q.speaker.name == "State officials"]
    assert speakers and all(s.actor is None for s in speakers)


def test_a_national_adjective_before_government_is_the_listed_country(nlp) -> None:
    text = ("DORVAL, Armenia — Artillery hit a school in the town of Dorval on Sunday, officials said.\n\n"
            "The Armenian government blamed the Eastern Freedom Army for the attack. Talks collapsed "
            "after the government refused to meet the rebels.")
    doc = nlp(Article(id="t", text=text))
    armenia = _actor(doc, "Armenia")
    assert armenia.type == "country"
    assert "Armenian government" in armenia.aliases
    assert text.index("Armenia —") in [m.start for m in armenia.mentions]
    assert "Armenian" not in _names(doc)
    assert "government" not in _names(doc)
    # a country no list knows, named by the dateline
    doc = nlp(Article(id="t", text=text.replace("Armenia", "Ostrenia")))
    assert _actor(doc, "Ostrenia").type == "country"
    assert "Ostrenian government" in _actor(doc, "Ostrenia").aliases


def test_a_dateline_word_in_capitals_is_a_place(nlp) -> None:
    text = ("Transit plan will bankrupt Holmbury, critics warn\n\n"
            "HOLMBURY — The town council voted 5-4 on Monday to build a new tram line, a plan its "
            "opponents call reckless.\n\n"
            "\"Every family in Holmbury will pay for this,\" said councillor Rosa Lind, "
            "who voted against it.")
    doc = nlp(Article(id="t", text=text))
    assert _actor(doc, "Holmbury").type == "place"


def test_a_river_named_before_its_name_is_a_place(nlp) -> None:
    text = ("Hundreds of homes were evacuated in Tolbury on Thursday after the River Wend burst its banks. "
            "Residents said the water rose within minutes.")
    doc = nlp(Article(id="t", text=text))
    assert _actor(doc, "River Wend").type == "place"
    doc = nlp(Article(id="t", text="The Mount Sinai Hospital said it was full."))
    assert _actor(doc, "Mount Sinai Hospital").type == "organization"


def test_a_name_that_only_says_which_thing_is_no_actor(nlp) -> None:
    text = ("The alliance's director, Paul Denning, compared the plan to the failed Stonebridge monorail, "
            "which closed in 2015 after losing $300 million. \"Everyone knows how this ends,\" Denning said.")
    doc = nlp(Article(id="t", text=text))
    assert "Stonebridge" not in _names(doc)
    assert "Paul Denning" in _names(doc)


def test_a_weapon_named_before_its_arms_is_no_person(nlp) -> None:
    text = ("He said the Patriot batteries had intercepted most of the missiles overnight. "
            "Defence Minister Rustem Umerov thanked the allies.")
    doc = nlp(Article(id="t", text=text))
    assert "Patriot" not in _names(doc)
    assert _actor(doc, "Rustem Umerov").type == "person"
    text = "The army ordered more Abrams tanks, Colonel Dana Reyes said."
    doc = nlp(Article(id="t", text=text))
    assert "Abrams" not in _names(doc)


def test_a_title_before_the_name_of_a_body_makes_no_person(nlp) -> None:
    text = ("The Crown Prosecution Service said the decision to charge followed a two-year "
            "investigation. Councillor Maya Osei welcomed it.")
    doc = nlp(Article(id="t", text=text))
    assert _actor(doc, "Crown Prosecution Service").type == "organization"
    assert _actor(doc, "Maya Osei").type == "person"


@pytest.mark.parametrize("text, name", [
    ("Its medical director, Dr Ruth Evans, told the paper the results were interesting.", "Ruth Evans"),
    ("Nutritionist Mark Cole said coffee drinkers tend to be healthier.", "Mark Cole"),
    ("Striker Kofi Mensah scored twice before half-time.", "Kofi Mensah"),
    ("Carter Page Smith said he would stand again.", "Carter Page Smith"),
])
def test_a_role_written_before_a_full_name_is_not_part_of_it(nlp, text: str, name: str) -> None:
    assert _actor(nlp(Article(id="t", text=text)), name).type == "person"


def test_a_body_a_country_has_speaks_for_itself_not_for_the_country(nlp) -> None:
    text = ("Britain's largest rail union said it would ballot members. Britain's foreign ministry "
            "said it was concerned. Ohio's largest hospital said it would close two wards. A "
            "spokesperson for the London club said the player would stay.")
    actors = {q.speaker.name: q.speaker.actor for q in nlp(Article(id="t", text=text)).quotes
              if q.speaker is not None}
    assert actors["Britain's largest rail union"] == "rail union", "a body of its own, not the country"
    assert actors["A spokesperson for the London club"] is None
    assert actors["Ohio's largest hospital"] is None
    assert actors["Britain's foreign ministry"] == "United Kingdom", "an arm of the state speaks for it"


def test_a_company_named_short_joins_its_full_name(nlp) -> None:
    text = ("Northwind Air said on Tuesday it would cut 2,000 jobs. Shares in Northwind fell 6 percent "
            "in early trading.")
    doc = nlp(Article(id="t", text=text))
    assert "Northwind" not in _names(doc)
    assert len(_actor(doc, "Northwind Air").mentions) == 2


def test_a_plural_noun_opening_a_sentence_is_no_person(nlp) -> None:
    text = "Campaigners say the goal is now out of reach. Williams said he would stay on."
    doc = nlp(Article(id="t", text=text))
    assert "Campaigners" not in _names(doc)
    assert _actor(doc, "Williams").type == "person"
