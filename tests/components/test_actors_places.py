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


def test_a_town_where_something_happened_is_a_place(nlp) -> None:
    # the recogniser calls the city a body here, and a surname-shaped one a person
    text = ("Police said a woman was arrested in Bristol on suspicion of fraud. "
            "She was later released on bail.")
    assert _actor(nlp(Article(id="t", text=text)), "Bristol").type == "place"
    text = ("Police in Glasgow said a 19-year-old woman was charged after a stabbing. "
            "Detective Inspector Claire Boyd said the victim was stable in hospital.")
    assert _actor(nlp(Article(id="t", text=text)), "Glasgow").type == "place"


def test_a_body_one_is_in_stays_a_body(nlp) -> None:
    text = ("Republicans are trying to win the votes needed for the nominees to be confirmed in "
            "the Senate. He also bought shares in Norsam last year.")
    doc = nlp(Article(id="t", text=text))
    assert _actor(doc, "Senate").type == "organization"
    assert all(a.type != "place" for a in doc.actors if a.name == "Norsam")


def test_dominican_is_the_dominican_republic(nlp) -> None:
    text = ("Dominican officials said 40 migrants were rescued off the coast. "
            "The Dominican navy said the boat had left Haiti two days earlier.")
    doc = nlp(Article(id="t", text=text))
    republic = _actor(doc, "Dominican Republic")
    assert republic.type == "country" and len(republic.mentions) == 2
    assert "Dominica" not in _names(doc)
    text = "Dominica's prime minister said the island would rebuild after the hurricane."
    assert _actor(nlp(Article(id="t", text=text)), "Dominica").type == "country"


@pytest.mark.parametrize(("text", "country", "adjective", "mentions"), [
    ("Israeli jets struck targets in southern Lebanon on Wednesday. "
     "Lebanese Prime Minister Omar Haddad called for restraint.", "Lebanon", "Lebanese", 2),
    ("Foreign Minister Wang Yi met his Dominican counterpart on Friday. "
     "The Dominican foreign ministry said the talks were fruitful.", "Dominican Republic", "Dominican", 2),
    ("Argentine leader Carlos Ruiz met the delegation in Brasilia on Monday.", "Argentina", "Argentine",
     None),
    ("Saudi Crown Prince Faisal bin Omar received the envoys on Monday. "
     "Saudi officials said the talks went well.", "Saudi Arabia", "Saudi", 2),
    ("A court in Ankara jailed a reporter for life on Tuesday. "
     "Turkish prosecutors said he had aided the plotters.", "Turkey", "Turkish", None),
])
def test_a_national_adjective_before_an_office_or_a_body_is_the_country(
        nlp, text: str, country: str, adjective: str, mentions: int | None) -> None:
    """Before a ranked or royal office, a leader, a ministry or prosecutors."""
    doc = nlp(Article(id="t", text=text))
    assert _actor(doc, country).type == "country"
    if mentions is not None:
        assert len(_actor(doc, country).mentions) == mentions
    assert adjective not in _names(doc)


def test_a_longer_name_only_written_where_something_happened_is_a_place(nlp) -> None:
    text = "Five people were killed in Khan Younis on Monday, health officials said."
    assert _actor(nlp(Article(id="t", text=text)), "Khan Younis").type == "place"
    text = "She was born in Maria Lopez's house. Maria Lopez said the town had changed."
    assert _actor(nlp(Article(id="t", text=text)), "Maria Lopez").type == "person"


def test_a_national_adjective_before_a_named_person_is_no_actor(nlp) -> None:
    text = ("Malaysian financier Tan Wei Ming remains at large, and the Dutch opposition leader "
            "Jan Vos agreed.")
    doc = nlp(Article(id="t", text=text))
    assert "Malaysian" not in _names(doc) and "Dutch" not in _names(doc)
    text = "The party's candidate conceded to Republican opponent Dale Hurst on Friday."
    assert any("Republican" in a.aliases for a in nlp(Article(id="t", text=text)).actors)


def test_one_of_a_people_after_the_is_no_group(nlp) -> None:
    doc = nlp(Article(id="t", text="The Serbian said it was the greatest moment of his career."))
    assert "Serbian" not in _names(doc)
    doc = nlp(Article(id="t", text="The French said they would veto the deal."))
    assert _actor(doc, "French").type == "group"


def test_the_first_word_of_an_office_is_no_part_of_the_place(nlp) -> None:
    text = "Marlow County District Attorney Dana Pike said her office would appeal."
    doc = nlp(Article(id="t", text=text))
    assert _actor(doc, "Marlow County").type == "place"
    assert "Marlow County District" not in _names(doc)


def test_a_street_is_a_place_and_a_surname_like_a_street_word_a_person(nlp) -> None:
    text = ("Maria Okafor, who has lived on Mill Lane since 1998, said the water rose fast. "
            "Police closed Harbour Road after the flood. Nathan Lane said the show would close.")
    doc = nlp(Article(id="t", text=text))
    assert _actor(doc, "Mill Lane").type == "place"
    assert _actor(doc, "Harbour Road").type == "place"
    assert _actor(doc, "Nathan Lane").type == "person"
