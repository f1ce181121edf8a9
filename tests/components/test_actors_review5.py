"""Actors read on short sports and politics stories written for a fifth review: a club read as a
modifier before its score, clubs named "X Town", a hyphened given name tagged a body, a club's
nickname left untagged, grounds after "at", and clubs named after their towns."""

from __future__ import annotations

import pytest
from _actors import actor as _actor
from _actors import names as _names

from unspin.doc import Article
from unspin.pipeline import load


@pytest.fixture(scope="module")
def nlp():
    return load(components=["parse", "quotes", "actors"])


def test_a_club_beaten_by_a_score_is_a_club(nlp) -> None:
    # the parser reads "Everton" as a modifier and the score as the object; the recogniser, a person
    text = "Manchester United beat Everton 2-0 on Saturday. The manager said the team played well."
    doc = nlp(Article(id="t", text=text))
    assert _actor(doc, "Everton").type == "organization"
    assert _actor(doc, "Manchester United").type == "organization"


def test_a_club_named_x_town_is_the_club(nlp) -> None:
    # the recogniser tags "Eastfield" alone, and "Town 2-0" as a product
    text = ("Harlow Rovers drew 1-1 against Eastfield Town on Tuesday night. The coach said it was a "
            "fair result.")
    doc = nlp(Article(id="t", text=text))
    assert _actor(doc, "Eastfield Town").type == "organization"
    assert "Eastfield" not in _names(doc)
    text = "Harlow City beat Eastfield Town 2-0. Eastfield Town have lost five in a row."
    doc = nlp(Article(id="t", text=text))
    club = _actor(doc, "Eastfield Town")
    assert club.type == "organization"
    assert len(club.mentions) == 2


def test_a_town_outside_a_match_stays_a_place(nlp) -> None:
    doc = nlp(Article(id="t", text="She moved to Cape Town in 2019 and later worked in Kansas City."))
    assert all(a.type == "place" for a in doc.actors)


def test_a_hyphened_given_name_that_speaks_is_a_person(nlp) -> None:
    # the recogniser tags "Anne-Marie Trevelyan" whole as an organisation
    text = "Anne-Marie Trevelyan said the government would act. She added that talks would continue."
    doc = nlp(Article(id="t", text=text))
    assert _actor(doc, "Anne-Marie Trevelyan").type == "person"
    doc = nlp(Article(id="t", text="Mercedes-Benz Group said sales fell in the third quarter."))
    assert _actor(doc, "Mercedes-Benz Group").type == "organization"


def test_a_clubs_nickname_left_untagged_joins_it(nlp) -> None:
    text = "Barcelona won 3-1 on Sunday. Barca now lead the table by four points, coach Hansi Flick said."
    doc = nlp(Article(id="t", text=text))
    club = _actor(doc, "Barcelona")
    assert club.type == "organization"
    assert len(club.mentions) == 2
    assert "Barca" in club.aliases
    doc = nlp(Article(id="t", text="Barcelona won 3-1 on Sunday. Barça now lead the table by four points."))
    assert len(_actor(doc, "Barcelona").mentions) == 2


def test_a_ground_after_at_in_a_match_is_a_place(nlp) -> None:
    # the recogniser calls "Old Trafford" an organisation and "Anfield" a person
    doc = nlp(Article(id="t", text="Manchester United lost 1-0 at Old Trafford on Sunday. The crowd booed."))
    assert _actor(doc, "Old Trafford").type == "place"
    assert _actor(doc, "Manchester United").type == "organization"
    doc = nlp(Article(id="t", text="Liverpool won 3-0 at Anfield on Sunday."))
    assert _actor(doc, "Anfield").type == "place"


def test_a_club_after_at_named_again_stays_a_club(nlp) -> None:
    text = "Leeds lost 1-0 at Fulham on Saturday. Fulham had led since the tenth minute."
    assert _actor(nlp(Article(id="t", text=text)), "Fulham").type == "organization"
    doc = nlp(Article(id="t", text="The club sacked its manager on Monday after a 2-1 defeat at West Ham."))
    assert _actor(doc, "West Ham").type == "organization"


def test_clubs_named_after_their_towns_are_clubs_in_a_sports_story(nlp) -> None:
    # no score: "Tottenham" is tagged a place, and a person's where it owns the defence
    text = ("The game between Liverpool and Tottenham was postponed. Liverpool manager Arne Slot said he "
            "understood the decision.")
    doc = nlp(Article(id="t", text=text))
    assert _actor(doc, "Tottenham").type == "organization"
    assert _actor(doc, "Liverpool").type == "organization"
    text = ("The win leaves Liverpool second and Tottenham fifth. Liverpool manager Arne Slot was pleased, "
            "but Tottenham's defence was a concern for Ange Postecoglou.")
    doc = nlp(Article(id="t", text=text))
    assert _actor(doc, "Tottenham").type == "organization"
    assert _actor(doc, "Arne Slot").type == "person"


def test_a_place_that_owns_a_defence_outside_sport_stays_a_place(nlp) -> None:
    # no score, no player: "fans" and "defences" alone make no sports story
    text = ("Officials in Odesa said the city's defences held. Odesa's fans of the opera gathered anyway, "
            "and Odesa's mayor said the theatre would reopen.")
    assert _actor(nlp(Article(id="t", text=text)), "Odesa").type == "place"


def test_a_club_hosting_the_match_after_at_stays_a_club(nlp) -> None:
    doc = nlp(Article(id="t", text="Arsenal drew 0-0 at Everton on Saturday."))
    assert _actor(doc, "Everton").type == "organization"
    doc = nlp(Article(id="t", text="Manchester United lost 1-0 at Old Trafford on Sunday."))
    assert _actor(doc, "Old Trafford").type == "place"
