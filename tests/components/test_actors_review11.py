"""Actors read on short stories written for an eleventh review, of court and crime reporting and
of health and science reporting: a police force the recogniser calls a place or a person, a
barrister named with the letters after their name, a witness set beside a possessive title, a
drug maker called by the first word of its name, and a disease-control centre called "the
agency"."""

from __future__ import annotations

import pytest
from _actors import actor as _actor
from _actors import names as _names

from unspin.doc import Article
from unspin.pipeline import load


@pytest.fixture(scope="module")
def nlp():
    return load(components=["parse", "quotes", "actors"])


@pytest.mark.parametrize("text, force", [
    ("Victoria Police said detectives had spent two years on the case.", "Victoria Police"),
    ("West Yorkshire Police said the suspect was in custody.", "West Yorkshire Police"),
])
def test_a_police_force_is_a_body(nlp, text: str, force: str) -> None:
    assert _actor(nlp(Article(id="t", text=text)), force).type == "organization"


def test_a_barrister_named_with_post_nominal_letters_is_a_person(nlp) -> None:
    text = "Prosecutor Helen Arkwright KC told the court that the nurse had lied to colleagues."
    doc = nlp(Article(id="t", text=text))
    assert _actor(doc, "Helen Arkwright").type == "person"
    assert "KC" not in _names(doc)


def test_a_witness_set_beside_a_firms_officer_is_a_person(nlp) -> None:
    text = ("The case hinged on testimony from Priya Anand, Ridgeline's former chief financial officer, "
            "who pleaded guilty last year. Anand told jurors that Delvecchio had ordered her to alter "
            "the accounts.")
    doc = nlp(Article(id="t", text=text))
    anand = _actor(doc, "Priya Anand")
    assert anand.type == "person"
    assert "Anand" in anand.aliases


def test_a_drug_maker_called_by_the_first_word_of_its_name_is_one_actor(nlp) -> None:
    text = ("The drug was developed by the Swiss company Orvane Therapeutics. Orvane said it would "
            "apply for approval this year.")
    doc = nlp(Article(id="t", text=text))
    assert "Orvane" in _actor(doc, "Orvane Therapeutics").aliases
    assert "Orvane" not in _names(doc)


def test_a_disease_control_centre_is_the_agency(nlp) -> None:
    text = ("The Ostrava Centre for Disease Control said it had sent a team to the region. The agency "
            "urged residents to boil their water.")
    doc = nlp(Article(id="t", text=text))
    assert "agency" in _actor(doc, "Ostrava Centre for Disease Control").aliases
    assert "agency" not in _names(doc)


def test_the_firm_is_the_start_up_not_a_health_institute(nlp) -> None:
    text = ("The study was funded by the National Institutes of Health. A start-up company, Quillon "
            "Diagnostics, has licensed the test. Its chief executive said the firm hoped to sell it by 2027.")
    doc = nlp(Article(id="t", text=text))
    assert "firm" in _actor(doc, "Quillon Diagnostics").aliases
    assert "firm" not in _names(doc)


def test_the_police_later_is_the_force_not_the_body_that_watches_it(nlp) -> None:
    text = ("Northfold Police said a man had been arrested. The force has referred itself to the "
            "Independent Office for Police Conduct. The council said it would work with the police.")
    doc = nlp(Article(id="t", text=text))
    assert "police" not in _actor(doc, "Independent Office for Police Conduct").aliases
    assert "police" in _actor(doc, "Northfold Police").aliases


def test_a_street_where_a_stabbing_happened_is_a_place(nlp) -> None:
    text = "Callum Rourke, 17, was pronounced dead at the scene on Call Lane shortly after 2am."
    assert _actor(nlp(Article(id="t", text=text)), "Call Lane").type == "place"


@pytest.mark.parametrize("text, body, noun", [
    ("Researchers at Stanford University found the marker. A start-up licensed the technology from "
     "the university.", "Stanford University", "university"),
    ("Brackley Children's Hospital said it was treating six children. A spokesperson for the hospital "
     "said one was in intensive care.", "Brackley Children's Hospital", "hospital"),
    ("The Ostrava Centre for Disease Control sent a team. Dr Ana Kral, the head of the centre, said "
     "the rains had overwhelmed the sewers.", "Ostrava Centre for Disease Control", "centre"),
    ("Medecins Sans Frontieres said it had opened two treatment centres. The charity warned that cases "
     "could rise.", "Medecins Sans Frontieres", "charity"),
])
def test_a_bare_noun_refers_back_to_the_institution_it_heads(nlp, text: str, body: str, noun: str) -> None:
    assert noun in _actor(nlp(Article(id="t", text=text)), body).aliases


def _referred(doc, text: str, word: str, after: str):
    """The actor that the first ``word`` after ``after`` in ``text`` refers to, or None."""
    at = text.index(word, text.index(after) + len(after))
    return next((a.name for a in doc.actors for m in a.references if m.start == at), None)


def test_he_after_a_reported_clause_is_the_sentences_subject(nlp) -> None:
    text = ("District Judge Alan Pruitt heard the case on Friday. Pruitt ordered that Tom Garvey be released "
            "at once. He did not rule on the other claims.")
    doc = nlp(Article(id="t", text=text))
    assert _referred(doc, text, "He", "at once.") == "Alan Pruitt"


def test_she_after_a_barristers_quote_is_the_barrister(nlp) -> None:
    text = ("Prosecutor Helen Arkwright KC told the court that Dana Pellow had lied to colleagues. "
            "\u201cThe evidence points to one person,\u201d she said.")
    doc = nlp(Article(id="t", text=text))
    assert _referred(doc, text, "she", "person,") == "Helen Arkwright"


def test_a_firm_owning_its_officer_joins_its_full_name(nlp) -> None:
    text = ("Marcus Delvecchio, a former hedge fund manager, lied to investors in his firm, Ridgeline "
            "Capital. The case hinged on testimony from Priya Anand, Ridgeline's former chief financial "
            "officer. The regulator has filed a civil suit against the fund manager.")
    doc = nlp(Article(id="t", text=text))
    assert "Ridgeline" in _actor(doc, "Ridgeline Capital").aliases
    assert "Ridgeline" not in _names(doc)
    assert "fund manager" not in _actor(doc, "Ridgeline Capital").aliases


def test_a_medicine_cabinet_is_no_body(nlp) -> None:
    text = ("The nurse said other staff also had access to the medicine cabinet. The war cabinet met on "
            "Monday.")
    names = _names(nlp(Article(id="t", text=text)))
    assert "medicine cabinet" not in names
    assert "war cabinet" in names


def test_a_county_before_a_judges_title_is_no_person(nlp) -> None:
    text = "Franklin County Judge Teresa Alvarado said Brandon Keel had shown no remorse."
    doc = nlp(Article(id="t", text=text))
    assert "Franklin County Judge" not in _names(doc)
    assert _actor(doc, "Teresa Alvarado").type == "person"


@pytest.fixture(scope="module")
def nlp_claims():
    return load(components=["parse", "claims", "quotes", "actors"])


@pytest.mark.parametrize(("text", "source"), [
    ("More than 300 homes were flooded overnight, according to the Greek civil protection agency.",
     "the Greek civil protection agency"),
    ("Exports fell 4% in April, the Austrian statistics office said.", "the Austrian statistics office"),
])
def test_a_nationality_describing_a_cited_body_is_not_its_actor(nlp_claims, text: str, source: str) -> None:
    doc = nlp_claims(Article(id="t", text=text))
    cited = [c.source for c in doc.claims if c.source is not None]
    assert cited and cited[0].name == source
    assert cited[0].actor is None  # not the group "Greek" or "Austrian"


def test_a_nationality_before_people_still_names_their_country(nlp_claims) -> None:
    text = "Dutch officials said 40 people had been hurt in the blast at the port."
    doc = nlp_claims(Article(id="t", text=text))
    cited = [c.source for c in doc.claims if c.source is not None]
    assert cited and cited[0].actor is not None
