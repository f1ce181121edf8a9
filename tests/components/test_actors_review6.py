"""Actors read on short stories written for a sixth review: clubs the tagger calls a common noun
or a product, clubs named with their first word before the town's ("Atletico Madrid"), players
of a sport played one against one, and a body a country owns set beside its name ("Britain's
largest rail union, the RMT")."""

from __future__ import annotations

import pytest
from _actors import actor as _actor
from _actors import names as _names

import unspin
from unspin.doc import Article
from unspin.pipeline import load

_ATLETICO = "Atletico Madrid beat Sevilla 2-0 on Sunday. Atletico Madrid are now third."


@pytest.fixture(scope="module")
def nlp():
    return load(components=["parse", "quotes", "actors"])


def test_a_club_the_tagger_calls_a_noun_is_a_club(nlp) -> None:
    # "Leeds" is tagged a common noun and left out by the recogniser, which tags "Burnley 3-1"
    doc = nlp(Article(id="t", text="Leeds beat Burnley 3-1 on Saturday."))
    assert _actor(doc, "Leeds").type == "organization"
    assert _actor(doc, "Burnley").type == "organization"
    # the recogniser calls it a product here
    doc = nlp(Article(id="t", text="Leeds drew 1-1 with Burnley."))
    assert _actor(doc, "Leeds").type == "organization"


def test_a_lone_club_that_is_a_surname_plays_a_club(nlp) -> None:
    # "Sevilla" is a surname in the census: a club where it plays one
    doc = nlp(Article(id="t", text=_ATLETICO))
    assert _actor(doc, "Sevilla").type == "organization"


def test_a_club_named_before_its_town_is_a_club(nlp) -> None:
    # the recogniser calls "Atletico Madrid" a person, twice
    doc = nlp(Article(id="t", text=_ATLETICO))
    club = _actor(doc, "Atletico Madrid")
    assert club.type == "organization"
    assert len(club.mentions) == 2


def test_players_of_a_singles_match_are_persons(nlp) -> None:
    # the recogniser calls "Alcaraz" a body and misses "Djokovic"
    doc = nlp(Article(id="t", text="Djokovic beat Alcaraz in the final."))
    assert _actor(doc, "Djokovic").type == "person"
    assert _actor(doc, "Alcaraz").type == "person"
    doc = nlp(Article(id="t", text="Djokovic beat Alcaraz 6-4, 6-3 in the final."))
    assert _actor(doc, "Alcaraz").type == "person"
    doc = nlp(Article(id="t", text="Swiatek beat Sabalenka in straight sets."))
    assert [_actor(doc, n).type for n in ("Swiatek", "Sabalenka")] == ["person", "person"]


def test_clubs_of_a_match_stay_clubs(nlp) -> None:
    doc = nlp(Article(id="t", text="Everton beat Fulham 2-0."))
    assert [_actor(doc, n).type for n in ("Everton", "Fulham")] == ["organization", "organization"]
    doc = nlp(Article(id="t", text="Brazil beat Argentina 2-0."))
    assert _actor(doc, "Argentina").type == "country"


def test_a_body_set_beside_its_name_is_that_body() -> None:
    text = ("Britain's largest rail union, the RMT, said its members would strike. Britain's largest "
            "rail union said talks had failed.")
    out = unspin.to_dict(unspin.analyze(text))
    assert [q["speaker"]["actor"] for q in out["quotes"]] == ["RMT", "RMT"]
    rmt = next(a for a in out["actors"] if a["name"] == "RMT")
    assert len(rmt["mentions"]) == 3


def test_a_body_a_country_owns_is_an_actor(nlp) -> None:
    doc = nlp(Article(id="t", text="Britain's largest rail union said talks had failed."))
    assert _actor(doc, "rail union").type == "organization"
    assert doc.quotes[0].speaker.actor == "rail union"
    # a state's own body stays the state's
    doc = nlp(Article(id="t", text="Russia's army said it had taken the town."))
    assert _names(doc) == ["Russia"]


def test_a_name_cut_short_before_a_player_is_read_whole(nlp) -> None:
    # the recogniser tags "Novak" alone, as a body
    doc = nlp(Article(id="t", text="Alcaraz will face Novak Djokovic at Wimbledon next month."))
    assert _actor(doc, "Novak Djokovic").type == "person"
    assert "Novak" not in _names(doc)


@pytest.mark.parametrize("text, name", [
    # the recogniser leaves them untagged: no list holds the given names
    ("Margrethe Vestager, the EU's competition commissioner, said the firm had broken the law for a "
     "decade.", "Margrethe Vestager"),
    ("Margrethe Vestager said the firm had broken the law.", "Margrethe Vestager"),
    ("Arsenal boss Mikel Arteta praised his players' character.", "Mikel Arteta"),
])
def test_a_name_no_list_holds_is_a_person_where_the_text_shows_one(nlp, text: str, name: str) -> None:
    assert _actor(nlp(Article(id="t", text=text)), name).type == "person"


def test_a_title_the_recogniser_tags_alone_before_a_name_is_no_one(nlp) -> None:
    text = ("The UK Health Security Agency said 216 cases had been confirmed since January. Professor Dame "
            "Jenny Harries, the agency's chief executive, urged parents to check their children's records.")
    doc = nlp(Article(id="t", text=text))
    assert "Dame" not in _names(doc)
    assert _actor(doc, "Jenny Harries").type == "person"


def test_adjectives_of_a_people_the_recogniser_calls_a_body_are_no_actor(nlp) -> None:
    text = "Civil rights groups argued that the law would disenfranchise Black and Latino voters."
    assert _names(nlp(Article(id="t", text=text))) == []


def test_a_club_written_before_its_staff_is_a_club_each_time(nlp) -> None:
    # the tagger calls "Arsenal" an adjective, and the recogniser leaves it untagged
    text = ("Arsenal moved top of the Premier League after a 2-1 win over Chelsea on Sunday. Chelsea "
            "manager Enzo Maresca said his side deserved a point. Arsenal boss Mikel Arteta praised his "
            "players' character.")
    doc = nlp(Article(id="t", text=text))
    club = _actor(doc, "Arsenal")
    assert club.type == "organization"
    assert len(club.mentions) == 2
    assert _actor(doc, "Mikel Arteta").type == "person"


def test_a_company_of_two_words_opening_its_sentence_is_the_company(nlp) -> None:
    # the recogniser leaves "Thames Water" untagged; "the company" takes it up
    text = ("Thames Water has been fined £123 million for failing to manage its sewage network. The "
            "regulator said the company had let down its customers.")
    doc = nlp(Article(id="t", text=text))
    company = _actor(doc, "Thames Water")
    assert company.type == "organization"
    assert len(company.mentions) == 2
    doc = nlp(Article(id="t", text="Sarah Jones has been fined for speeding. The court said she was sorry."))
    assert _actor(doc, "Sarah Jones").type == "person"


def test_a_name_after_a_noun_of_a_body_is_no_river(nlp) -> None:
    doc = nlp(Article(id="t", text="Campaign group River Action welcomed the fine."))
    assert _actor(doc, "River Action").type == "organization"
    doc = nlp(Article(id="t", text="The River Wend burst its banks."))
    assert _actor(doc, "River Wend").type == "place"


@pytest.mark.parametrize("text, name", [
    # the recogniser tags "UK" alone, a place, or the whole name a person's
    ("Water UK, which represents the industry, said the money was needed to fix leaks.", "Water UK"),
    ("Kidney Care UK welcomed the news.", "Kidney Care UK"),
    ("Sport England said funding would rise.", "Sport England"),
])
def test_a_body_named_for_the_country_it_serves_is_a_body(nlp, text: str, name: str) -> None:
    doc = nlp(Article(id="t", text=text))
    assert _actor(doc, name).type == "organization"
    assert "United Kingdom" not in _names(doc)


def test_a_country_beside_a_title_or_a_person_stays_the_country(nlp) -> None:
    doc = nlp(Article(id="t", text="The UK said it would act. US President Joe Biden agreed."))
    assert _names(doc) == ["United Kingdom", "United States", "Joe Biden"]


def test_a_medical_role_before_a_name_is_no_part_of_it(nlp) -> None:
    doc = nlp(Article(id="t", text="Surgeon Nizam Mamode said the patient was recovering well."))
    assert _actor(doc, "Nizam Mamode").type == "person"


def test_a_national_adjective_before_a_chancellor_is_the_state(nlp) -> None:
    # "German" was a group of its own, and "Berlin" a person
    doc = nlp(Article(id="t", text="German Chancellor Friedrich Merz said Berlin would spend more."))
    germany = _actor(doc, "Germany")
    assert germany.type == "country"
    assert len(germany.mentions) == 2
    assert "German" not in _names(doc)
