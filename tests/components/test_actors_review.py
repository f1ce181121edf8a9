"""Actors read on short stories of several genres: names the recogniser mistyped, split or joined."""

from __future__ import annotations

import pytest
from _actors import actor as _actor
from _actors import names as _names

from unspin.doc import Article
from unspin.pipeline import load


@pytest.fixture(scope="module")
def nlp():
    return load(components=["parse", "quotes", "actors"])


def test_a_title_before_a_name_read_as_a_place_makes_a_person(nlp) -> None:
    # after this headline the recogniser reads "Helen Park" as a location
    text = ("Kirkby council approves new bus lanes\n\nMayor Helen Park of Kirkby said on Tuesday that "
            "the council would press ahead with the bus lanes. Park told reporters the plan was sound.")
    doc = nlp(Article(id="t", text=text))
    park = _actor(doc, "Helen Park")
    assert park.type == "person"
    assert len(park.mentions) == 2


def test_a_company_name_alone_read_as_a_person_joins_the_company(nlp) -> None:
    text = ("Halvorsen Foods profit falls as costs bite\n\n"
            "Halvorsen Foods reported a 12 percent drop in quarterly profit on Thursday, blaming higher "
            "grain and energy prices.\n\n"
            "Chief executive Maria Lindqvist said the company would raise prices in Europe and cut 400 jobs. "
            "\"We are not immune to inflation,\" Lindqvist told analysts on a call.\n\n"
            "Shares in the Oslo-listed group fell 6 percent. Analysts at Nordbank Markets said the guidance "
            "was weaker than expected. The company's chief financial officer, Henrik Aas, said margins "
            "should recover next year.\n\n"
            "Halvorsen competes with Nestle and Unilever in frozen meals.")
    doc = nlp(Article(id="t", text=text))
    company = _actor(doc, "Halvorsen Foods")
    assert company.type == "organization"
    assert "Halvorsen" in company.aliases
    assert "Halvorsen" not in _names(doc)


def test_a_company_name_that_is_also_a_persons_stays_apart(nlp) -> None:
    text = ("Halvorsen Foods reported a drop in profit on Thursday. Its founder, Erik Halvorsen, said "
            "the company would recover. Halvorsen told analysts that costs had peaked.")
    doc = nlp(Article(id="t", text=text))
    assert _actor(doc, "Erik Halvorsen").type == "person"
    assert "Halvorsen" not in _actor(doc, "Halvorsen Foods").aliases


_DIPLOMACY = (
    "Talks on border dispute resume in Geneva\n\n"
    "Foreign ministers from Armenia and Azerbaijan met in Geneva on Monday for a new round of talks on "
    "their disputed border, the Swiss foreign ministry said.\n\n"
    "Armenian Foreign Minister Ararat Mirzoyan said the meeting was \"constructive\". His Azerbaijani "
    "counterpart, Jeyhun Bayramov, said Baku wanted a treaty signed this year.\n\n"
    "Russia, which brokered a ceasefire in 2020, was not invited. The Kremlin said Moscow remained "
    "ready to help.")


def test_a_national_adjective_read_as_a_person_joins_its_country(nlp) -> None:
    doc = nlp(Article(id="t", text=_DIPLOMACY))
    assert "Azerbaijani" not in _names(doc)
    assert "Azerbaijani counterpart" in _actor(doc, "Azerbaijan").aliases
    # a portfolio between the adjective and the title: the minister is the state's
    assert "Armenian" not in _names(doc)
    assert "Armenian Foreign Minister" in _actor(doc, "Armenia").aliases
    assert _actor(doc, "Ararat Mirzoyan").type == "person"


def test_a_capital_acting_as_its_state_joins_the_country(nlp) -> None:
    doc = nlp(Article(id="t", text=_DIPLOMACY))
    assert "Baku" not in _names(doc)
    assert "Baku" in _actor(doc, "Azerbaijan").aliases


_COURT_INDIA = (
    "NEW DELHI: The Supreme Court on Monday sought the Centre's response on a plea challenging the new "
    "land acquisition rules in Uttar Pradesh.\n\n"
    "A bench of Chief Justice D Y Chandrachud and Justice J B Pardiwala issued notice to the Union "
    "government and the state of Uttar Pradesh. Senior advocate Kapil Sibal, appearing for the farmers, "
    "argued that the rules violated their rights.")


def test_initials_written_bare_belong_to_the_name(nlp) -> None:
    doc = nlp(Article(id="t", text=_COURT_INDIA))
    assert _actor(doc, "D Y Chandrachud").type == "person"
    doc = nlp(Article(id="t", text="The court heard the plea filed by S Kumar on Monday. Kumar said he "
                                   "would appeal."))
    kumar = _actor(doc, "S Kumar")
    assert kumar.type == "person"
    assert len(kumar.mentions) == 2


def test_a_name_after_the_state_of_is_a_place(nlp) -> None:
    doc = nlp(Article(id="t", text=_COURT_INDIA))
    assert _actor(doc, "Uttar Pradesh").type == "place"


def test_a_name_set_beside_a_persons_work_is_a_person(nlp) -> None:
    text = ("ABUJA, Nigeria (Reuters) - Nigeria's President Bola Tinubu on Tuesday named Olayemi Cardoso as "
            "the new governor of the Central Bank of Nigeria, the presidency said in a statement.\n\n"
            "Cardoso, a former Citibank executive, replaces Godwin Emefiele, who was suspended in June.")
    doc = nlp(Article(id="t", text=text))
    assert _actor(doc, "Cardoso").type == "person"
    doc = nlp(Article(id="t", text="Lagos, the commercial capital, was quiet on Monday."))
    assert _actor(doc, "Lagos").type == "place"


def test_a_capital_called_a_body_stays_the_city_it_is_in(nlp) -> None:
    text = ("Argentina's bishops met on Monday. The pope wrote to the bishops of Buenos Aires in writing, "
            "and he spoke to the Buenos Aires clergy.")
    doc = nlp(Article(id="t", text=text))
    assert "Buenos Aires" not in _actor(doc, "Argentina").aliases
