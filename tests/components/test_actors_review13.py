"""Actors read on short stories written for a thirteenth review: an agency whose officials speak
for it ("Africa CDC officials said"), a government department named in full, by its country's
form, by its portfolio's word alone, its letters or its metonym, groups the story lets speak
unnamed ("the researchers said"), names whose type a word beside them gives (kin, an age, a
body's or a town's noun), words that name no actor ("anti-American", a poll's question in the
page's furniture), acronyms, handles, parties, and "she" read through the pronouns before it."""

from __future__ import annotations

import pytest
from _actors import actor as _actor
from _actors import names as _names

from unspin.doc import Article
from unspin.pipeline import load


@pytest.fixture(scope="module")
def nlp():
    return load(components=["parse", "quotes", "actors"])


@pytest.mark.parametrize("text, agency", [
    ("Africa CDC officials said on Tuesday that the Korvel outbreak had spread to four more countries.",
     "Africa CDC"),
    ("Nigeria CDC spokesman Tom Reyes said the clinics would stay open.", "Nigeria CDC"),
])
def test_a_place_and_an_acronym_before_its_officials_name_the_agency(nlp, text: str, agency: str) -> None:
    doc = nlp(Article(id="t", text=text))
    assert _actor(doc, agency).type == "organization"
    assert "CDC" not in _names(doc)


def test_the_agency_again_is_the_agency_named_by_place_and_acronym(nlp) -> None:
    text = ("Africa CDC officials said on Tuesday that the Korvel outbreak had spread to four more "
            "countries. The agency warned that vaccines were running short.")
    doc = nlp(Article(id="t", text=text))
    agency = _actor(doc, "Africa CDC")
    assert [text[m.start:m.end] for m in agency.mentions] == ["Africa CDC", "agency"]
    assert agency.quotes == [0, 1]


def test_a_place_and_an_acronym_before_a_things_noun_stay_apart(nlp) -> None:
    doc = nlp(Article(id="t", text="He backed the Ukraine NATO bid."))
    assert "Ukraine NATO" not in _names(doc)


@pytest.mark.parametrize("text, name, aliases", [
    ("The US Treasury imposed sanctions on three banks on Monday. Treasury said the banks had helped "
     "fund the militia. A spokesman for the Treasury declined to comment further.",
     "US Treasury", {"US Treasury", "Treasury"}),
    ("The Justice Department opened an inquiry into Korvane. Justice officials said the inquiry could "
     "take a year.", "Justice Department", {"Justice Department", "Justice"}),
    ("The Department of Justice opened an inquiry. The Justice Department said it would take a year.",
     "Department of Justice", {"Department of Justice", "Justice Department"}),
    ("The US State Department said the embassy would stay open. State Department spokesman Ned Price "
     "said the staff were safe.", "US State Department", {"US State Department", "State Department"}),
    ("The Pentagon said the strikes would go on. The US Defense Department said the strikes were lawful.",
     "Pentagon", {"Pentagon", "US Defense Department"}),
])
def test_the_names_of_one_department_are_one_actor(nlp, text: str, name: str, aliases: set[str]) -> None:
    doc = nlp(Article(id="t", text=text))
    department = _actor(doc, name)
    assert department.type == "organization"
    assert set(department.aliases) == aliases
    assert sum(1 for a in doc.actors if a.type == "organization") == 1


def test_two_countries_treasuries_stay_two(nlp) -> None:
    text = ("The US Treasury said the sanctions would stay. The UK Treasury said it would follow. "
            "Treasury officials in both capitals met on Friday.")
    doc = nlp(Article(id="t", text=text))
    assert _actor(doc, "US Treasury").aliases == ["US Treasury"]
    assert _actor(doc, "UK Treasury").aliases == ["UK Treasury"]


def test_a_portfolios_word_alone_makes_no_department(nlp) -> None:
    doc = nlp(Article(id="t", text="The court ruled for Justice Ann Cole. Justice Cole said she was glad."))
    assert not any("Department" in name for name in _names(doc))


def test_a_definite_group_that_speaks_is_an_actor(nlp) -> None:
    text = ('The researchers said the drug cut deaths by a third. "This is a big step," the researchers '
            "wrote in the journal.")
    doc = nlp(Article(id="t", text=text))
    group = _actor(doc, "researchers")
    assert group.type == "group"
    assert [text[m.start:m.end] for m in group.mentions] == ["researchers", "researchers"]
    assert group.quotes == [0, 1]


def test_a_groups_classifying_words_name_it_and_a_bare_mention_joins_it(nlp) -> None:
    text = ("The local health officials warned that the Korvel virus was spreading. The officials urged "
            "residents to stay home.")
    doc = nlp(Article(id="t", text=text))
    group = _actor(doc, "local health officials")
    assert group.aliases == ["local health officials", "officials"]
    assert "officials" not in _names(doc)


def test_a_describing_word_is_no_part_of_a_groups_name(nlp) -> None:
    doc = nlp(Article(id="t", text="The angry protesters said they would march again on Sunday."))
    assert _actor(doc, "protesters").type == "group"


def test_a_group_tied_to_a_body_before_is_the_bodys(nlp) -> None:
    text = ("Researchers at Stanford University found the drug worked. The researchers said more trials "
            "were needed.")
    doc = nlp(Article(id="t", text=text))
    assert "researchers" not in _names(doc)
    university = _actor(doc, "Stanford University")
    assert [text[m.start:m.end] for m in university.mentions] == ["Stanford University", "researchers"]
    assert university.quotes == [0, 1]


@pytest.mark.parametrize("text", [
    "The US officials said the talks would resume.",
    "Officials said the talks would resume.",
    "One official said the talks would resume.",
    "The people said they were tired of waiting.",
    "The researchers studied 400 patients over two years.",
])
def test_no_group_for_an_entitys_people_a_bare_plural_one_person_people_at_large_or_silence(
        nlp, text: str) -> None:
    doc = nlp(Article(id="t", text=text))
    assert not [a.name for a in doc.actors if a.type == "group"]


@pytest.mark.parametrize("text, person", [
    ("She took part in the torture of detainee Abu Zubaydah at the site.", "Abu Zubaydah"),
    ("Smith lived there with his wife, Candace, and a young daughter.", "Candace"),
    ("Candace, his wife, said the family was shocked.", "Candace"),
])
def test_a_name_beside_a_noun_of_kin_or_custody_is_a_persons(nlp, text: str,
                                                                          person: str) -> None:
    doc = nlp(Article(id="t", text=text))
    assert _actor(doc, person).type == "person"


def test_a_name_set_after_a_place_as_its_county_is_a_place(nlp) -> None:
    doc = nlp(Article(id="t", text="Paul Golding was attacked by two inmates at HMP Elmley, on the Isle of "
                                   "Sheppey, Kent."))
    assert _actor(doc, "Kent").type == "place"


def test_a_brand_before_a_handgun_is_no_actor(nlp) -> None:
    text = "Smith, who allegedly had a Glock semi-automatic handgun, was also injured."
    doc = nlp(Article(id="t", text=text))
    assert "Glock" not in _names(doc)


def test_a_company_before_who_stays_a_company(nlp) -> None:
    doc = nlp(Article(id="t", text="Apple, who makes the iPhone, declined to comment."))
    assert _actor(doc, "Apple").type == "organization"


@pytest.mark.parametrize("text, word", [
    ('The rightwing dismisses all truth as "anti-American." The Americans said no.', "anti-American"),
    ("They responded in a non-Democratic way to the plan.", "non-Democratic"),
    ("Pro-Russian rebels fired on the town of Velmora.", "Pro-Russian"),
])
def test_a_word_of_being_against_or_without_a_people_is_no_actor(nlp, text: str, word: str) -> None:
    doc = nlp(Article(id="t", text=text))
    assert not any(word in a.aliases for a in doc.actors)
    assert not any(a.name in ("Russia", "Democratic Party") for a in doc.actors)


def test_a_doctrine_a_process_or_a_fear_is_no_actor(nlp) -> None:
    doc = nlp(Article(id="t", text="The debate on Islamophobia and Islamisation grew as Margate voted."))
    assert "Islamophobia" not in _names(doc)
    assert "Islamisation" not in _names(doc)


def test_two_names_each_with_the_are_two_actors(nlp) -> None:
    doc = nlp(Article(id="t", text="Snowden then offered a piece from The Intercept and The New Yorker."))
    assert {"Intercept", "New Yorker"} <= set(_names(doc))
    assert not any(" and " in name for name in _names(doc))


def test_an_acronym_the_recogniser_calls_a_place_joins_the_body_it_stands_for(nlp) -> None:
    text = ('The National Rifle Association backed the bill. "Plastic guns have been illegal for 30 years," '
            "the NRA said in a statement.")
    doc = nlp(Article(id="t", text=text))
    body = _actor(doc, "National Rifle Association")
    assert body.aliases == ["National Rifle Association", "NRA"]
    assert body.quotes == [0, 1]
    assert "NRA" not in _names(doc)


def test_a_departments_letters_join_its_name(nlp) -> None:
    text = "The Department of Justice settled the case. The DOJ surrendered in the matter."
    doc = nlp(Article(id="t", text=text))
    assert _actor(doc, "Department of Justice").aliases == ["Department of Justice", "DOJ"]


def test_she_refers_to_whom_she_referred_to_in_the_sentence_before(nlp) -> None:
    text = ("Gina Haspel was named to run the agency. Critics said she played a central role in the torture "
            "of detainee Abu Zubaydah. Beyond all that, she helped destroy the tapes.")
    doc = nlp(Article(id="t", text=text))
    haspel = _actor(doc, "Gina Haspel")
    assert [text[m.start:m.end] for m in haspel.references] == ["she", "she"]
    assert not _actor(doc, "Abu Zubaydah").references


def test_one_a_he_referred_to_is_no_she(nlp) -> None:
    text = ("Amber Guyger shot Botham Jean in his flat. Witnesses said she demanded that he let her in. "
            "The mat would have told the officer she was at the wrong door.")
    doc = nlp(Article(id="t", text=text))
    jean = _actor(doc, "Botham Jean")
    assert all(text[m.start:m.end] in ("he", "his") for m in jean.references)


def test_a_bodys_letters_opening_a_headline_are_no_dateline(nlp) -> None:
    text = ("FBI: Teen From Compound Trained For Jihad\n\nThe Federal Bureau of Investigation said the boy "
            "was trained. The FBI said it would charge the men.")
    doc = nlp(Article(id="t", text=text))
    assert _actor(doc, "Federal Bureau of Investigation").type == "organization"


def test_a_polls_question_repeated_after_its_pitch_names_no_actor(nlp) -> None:
    text = ("Botham Jean was shot in his flat in Dallas, police said.\n"
            "take our poll - story continues below "
            "Who should replace Nikki Haley as our ambassador to the U.N.?\n"
            "Who should replace Nikki Haley as our ambassador to the U.N.?\n"
            "The officer was arrested on Sunday.")
    doc = nlp(Article(id="t", text=text))
    assert "Nikki Haley" not in _names(doc)
    assert "United Nations" not in _names(doc)
    assert _actor(doc, "Botham Jean").type == "person"


def test_a_line_of_the_story_that_a_furniture_line_does_not_end_with_keeps_its_actors(nlp) -> None:
    text = ("take our poll - story continues below\n"
            "Nikki Haley said the U.N. had failed the refugees of Velmora.")
    doc = nlp(Article(id="t", text=text))
    assert _actor(doc, "Nikki Haley").type == "person"


def test_a_name_with_a_given_name_and_an_age_is_a_persons(nlp) -> None:
    text = "Siraj Ibn Wahhaj, 40, and Lucas Morton, 40, were arrested at the compound."
    doc = nlp(Article(id="t", text=text))
    assert _actor(doc, "Lucas Morton").type == "person"


def test_a_bodys_letters_the_parser_takes_for_a_word_are_its_mention(nlp) -> None:
    text = ("Officials at the World Health Organization said the virus was spreading. "
            "WHO officials urged calm.")
    doc = nlp(Article(id="t", text=text))
    body = _actor(doc, "World Health Organization")
    assert [text[m.start:m.end] for m in body.mentions] == ["World Health Organization", "WHO"]


def test_the_question_word_in_a_line_in_capitals_is_no_bodys_letters(nlp) -> None:
    text = "WHO KILLED THE HEALTH PLAN?\nThe World Health Organization said it would try again."
    doc = nlp(Article(id="t", text=text))
    assert "WHO" not in _actor(doc, "World Health Organization").aliases


def test_a_persons_initials_are_no_acronym_of_theirs(nlp) -> None:
    text = ("Trump fires Tillerson, replaces with former top spook\n\n"
            "Secretary of State Rex Tillerson is being replaced. Thank you to Rex Tillerson for his service! "
            "The report found that Russia's propaganda outlet, RT, has worked with WikiLeaks.")
    doc = nlp(Article(id="t", text=text))
    assert "RT" not in _actor(doc, "Rex Tillerson").aliases


@pytest.mark.parametrize("text, body", [
    ("The report found that Russia's primary propaganda outlet, RT, has worked with WikiLeaks.", "RT"),
    ("The vaccine alliance, Gavi, said the doses would arrive in March.", "Gavi"),
])
def test_a_name_set_after_a_noun_for_a_body_is_the_bodys(nlp, text: str, body: str) -> None:
    doc = nlp(Article(id="t", text=text))
    assert _actor(doc, body).type == "organization"


@pytest.mark.parametrize("text, place", [
    ("The capital of the region, Velmora, was shelled overnight.", "Velmora"),
    ("The company's home town, Port Alder, was quiet on Sunday.", "Port Alder"),
])
def test_a_name_set_beside_a_noun_for_a_town_or_region_is_a_place(nlp, text: str, place: str) -> None:
    doc = nlp(Article(id="t", text=text))
    assert _actor(doc, place).type == "place"


def test_a_persons_name_beside_a_title_stays_a_persons(nlp) -> None:
    doc = nlp(Article(id="t", text="The town's mayor, Ann Cole, said the town would rebuild."))
    assert _actor(doc, "Ann Cole").type == "person"


def test_a_handle_is_no_place(nlp) -> None:
    text = ("He can not travel to the EU without facing arrest due to an @ECCHRBerlin complaint to "
            "prosecutors, Snowden tweeted.")
    doc = nlp(Article(id="t", text=text))
    assert _actor(doc, "@ECCHRBerlin").type == "other"


def test_a_party_named_by_its_members_is_an_organisation(nlp) -> None:
    text = "Senate Democrats blocked the bill. The Democrats said the cuts were cruel."
    doc = nlp(Article(id="t", text=text))
    assert _actor(doc, "Democratic Party").type == "organization"
