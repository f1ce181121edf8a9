"""The actors stage: entity grouping, technique targets, quote links and roles."""

from __future__ import annotations

import pytest

from unspin.components._actors_roles import FINE_ROLES, MAIN_ROLES
from unspin.doc import Actor, Article, Document, TechniqueSpan
from unspin.pipeline import load

TEXT = ("President Bashar Al-Assad spoke in Damascus on Monday. Critics call Assad a butcher. "
        "The U.S. imposed new sanctions, and officials in the United States said more would follow. "
        "“We will not be intimidated,” Assad said.")


@pytest.fixture(scope="module")
def nlp():
    return load(components=["parse", "quotes", "actors"])


def _referred(doc: Document) -> dict[int, str]:
    """Where each reference starts -> the name of the actor it refers to."""
    return {r.start: a.name for a in doc.actors for r in a.references}


def _actor(doc: Document, name: str) -> Actor:
    found = [a for a in doc.actors if a.name == name]
    assert found, f"no actor {name!r} in {[a.name for a in doc.actors]}"
    return found[0]


def test_aliases_are_grouped_under_one_canonical_name(nlp) -> None:
    doc = nlp(Article(id="t", text=TEXT))
    assad = _actor(doc, "Bashar Al-Assad")
    assert "Assad" in assad.aliases
    assert len(assad.mentions) >= 3
    for mention in assad.mentions:
        assert TEXT[mention.start:mention.end] in assad.aliases
    usa = _actor(doc, "United States")
    assert {"U.S.", "United States"} <= set(usa.aliases)
    assert usa.type == "country"


def test_quotes_are_linked_to_their_speaker(nlp) -> None:
    doc = nlp(Article(id="t", text=TEXT))
    assad = _actor(doc, "Bashar Al-Assad")
    assert assad.quotes, "the direct quote spoken by Assad should be linked to him"
    for index in assad.quotes:
        assert doc.quotes[index].speaker is not None
        assert doc.quotes[index].speaker.actor == "Bashar Al-Assad"


def test_roles_are_valid_and_scored() -> None:
    # without the salience gate, which casts an actor named in passing ("in Damascus") in no role
    nlp = load(components=["parse", "actors"], config={"actors": {"min_role_score": 0.0, "salience": False}})
    doc = nlp(Article(id="t", text=TEXT))
    for actor in doc.actors:
        assert actor.role in MAIN_ROLES
        assert actor.fine_role in FINE_ROLES[actor.role]
        assert actor.role_score is not None and 0.0 <= actor.role_score <= 1.0


def test_unsure_roles_are_left_empty() -> None:
    nlp = load(components=["parse", "actors"], config={"actors": {"min_role_score": 1.0}})
    doc = nlp(Article(id="t", text=TEXT))
    assert doc.actors
    assert all(a.role is None and a.fine_role is None and a.role_score is None for a in doc.actors)


def test_technique_spans_aimed_at_an_actor_get_it_as_target() -> None:
    parse, actors = load(components=["parse", "actors"]).components
    doc = Document(Article(id="t", text=TEXT))
    start = TEXT.index("a butcher")
    loaded = TEXT.index("new sanctions")
    doc.techniques = [TechniqueSpan(start, start + len("a butcher"), technique="Name_Calling,Labeling"),
                      TechniqueSpan(loaded, loaded + 3, technique="Loaded_Language")]
    doc = actors[1](parse[1](doc))
    assad = _actor(doc, "Bashar Al-Assad")
    assert 0 in assad.techniques
    assert doc.techniques[0].target == "Bashar Al-Assad"


def _target(text: str, start: int, end: int) -> str | None:
    """The target the actors stage gives one name-calling span ``text[start:end]``."""
    parse, actors = load(components=["parse", "actors"]).components
    doc = Document(Article(id="t", text=text))
    doc.techniques = [TechniqueSpan(start, end, technique="Name_Calling,Labeling")]
    return actors[1](parse[1](doc)).techniques[0].target


def test_a_preposition_between_span_and_actor_is_not_a_step() -> None:
    text = "Mayor Ann Cole and her band of reckless bureaucrats wasted the money."
    start = text.index("reckless")
    assert _target(text, start, start + len("reckless bureaucrats")) == "Ann Cole"


def test_a_span_about_what_an_actor_owns_is_aimed_at_the_owner() -> None:
    text = "Mayor Ann Cole spoke. The city council's so-called plan is nothing less than a betrayal."
    assert _target(text, text.index("so-called"), text.index(" than")) == "city council"


def _quoted_target(text: str, fragment: str) -> str | None:
    """The target of a name-calling span over ``fragment``, with the quotes stage run first."""
    parse, quotes, actors = load(components=["parse", "quotes", "actors"]).components
    doc = quotes[1](parse[1](Document(Article(id="t", text=text))))
    start = text.index(fragment)
    doc.techniques = [TechniqueSpan(start, start + len(fragment), technique="Name_Calling,Labeling")]
    return actors[1](doc).techniques[0].target


@pytest.mark.parametrize(("text", "fragment", "target"), [
    # words in a quote are not aimed at the one who says them
    ('Mayor Ann Cole called the plan "a disgraceful betrayal of every family".', "a disgraceful betrayal",
     None),
    ('Senator Tom Reyes said of the plan: "a gang of reckless bureaucrats wrote it".', "reckless bureaucrats",
     None),
    # ... but at whom they name, whom a naming verb names, or whom they are said of
    ('Senator Tom Reyes said the council was "a gang of reckless bureaucrats".', "reckless bureaucrats",
     "council"),
    ('Tom Reyes said that Ann Cole is "a disgraceful liar".', "a disgraceful liar", "Ann Cole"),
    ('President Tom Reyes called Ann Cole "a rude, terrible person" on Monday.', "a rude, terrible person",
     "Ann Cole"),
    # a pronoun outside any quote stands for the person
    ("Ann Cole left the council in May. She is a disgrace to the city.", "a disgrace", "Ann Cole"),
])
def test_a_quote_s_words_are_aimed_at_whom_they_name(text: str, fragment: str, target: str | None) -> None:
    assert _quoted_target(text, fragment) == target


def test_pronouns_and_titles_are_references_to_the_actor(nlp) -> None:
    text = ("Mayor Diane Keller opened the bridge on Monday. Her critics say it cost too much. "
            "The mayor said \"He was wrong\" about Tom Reyes, who left his post in May.")
    doc = nlp(Article(id="t", text=text))
    keller, reyes = _actor(doc, "Diane Keller"), _actor(doc, "Tom Reyes")
    assert [text[m.start:m.end] for m in keller.references] == ["Her", "The mayor"]
    assert [m.alias for m in keller.references] == ["Her", "The mayor"]
    assert [text[m.start:m.end] for m in reyes.references] == ["his"]  # not "He" inside the quote
    assert len(keller.mentions) == 1  # names only: "Diane Keller"
    plain = load(components=["parse", "quotes", "actors"], config={"actors": {"references": False}})
    assert all(not a.references for a in plain(Article(id="t", text=text)).actors)


def test_its_refers_to_the_body_its_clause_names(nlp) -> None:
    text = ("The Harbour Authority raised its fees in May. Critics of the port say the plan hurts "
            "its neighbours. Greenpeace said its lawyers would appeal, and Norland's decision to "
            "close its border angered them. The river lost its fish.")
    doc = nlp(Article(id="t", text=text))

    def refs(name: str) -> list[int]:
        return [m.start for m in _actor(doc, name).references if text[m.start:m.end] == "its"]

    its = [i for i in range(len(text)) if text.startswith("its ", i)]
    assert refs("Harbour Authority") == [its[0]]  # the subject of "raised"
    assert refs("Greenpeace") == [its[2]]  # the subject of "said", not "lawyers" that "its" is in
    assert refs("Norland") == [its[3]]  # the possessor of "decision"
    # "the plan hurts its neighbours", "the river lost its fish": no actor's, so no reference
    assert sum(len(a.references) for a in doc.actors) == 3


def test_actors_without_quotes_or_techniques_stages() -> None:
    doc = load(components=["parse", "actors"])(Article(id="t", text=TEXT))
    assert doc.quotes == [] and doc.techniques == []
    assert all(a.quotes == [] and a.techniques == [] for a in doc.actors)
    assert _actor(doc, "Bashar Al-Assad").mentions


def test_actors_can_be_disabled() -> None:
    doc = load(disable=["actors"], replace={"techniques": "techniques_lexicon"})(Article(id="t", text=TEXT))
    assert doc.actors == []
    assert doc.summary["actor_count"] == 0


def test_quotes_and_actors_fit_the_json_contract(nlp) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    from unspin.render.json import load_schema, to_dict

    doc = nlp(Article(id="t", text=TEXT))
    data = to_dict(doc)
    jsonschema.validate(data, load_schema())
    assert data["quotes"] and data["actors"]
    for actor in data["actors"]:
        assert actor["mention_count"] == len(actor["mentions"])
        assert all(set(r) == {"start", "end", "text"} for r in actor["references"])
        assert all(0 <= q < len(data["quotes"]) for q in actor["quotes"])


def test_surname_first_then_full_name_is_one_actor_and_namesakes_stay_apart(nlp) -> None:
    text = ("Whitfield arrived late. Laura Whitfield then spoke. Paul Whitfield, her brother, "
            "disagreed with Laura Whitfield.")
    doc = nlp(Article(id="t", text=text))
    laura = _actor(doc, "Laura Whitfield")
    assert "Whitfield" in laura.aliases
    paul = _actor(doc, "Paul Whitfield")
    assert paul is not laura and "Laura Whitfield" not in paul.aliases


def test_a_person_and_a_body_in_one_entity_and_either_apostrophe_are_mended(nlp) -> None:
    text = ("Senator Beto O’Rourke spoke in Austin. Cruz lashed out at O'Rourke on Monday. "
            "“I wish Beto O’Rourke & Democrats weren’t so quick to blame the police,” Cruz said.")
    doc = nlp(Article(id="t", text=text))
    beto = _actor(doc, "Beto O’Rourke")
    assert "O'Rourke" in beto.aliases and len(beto.mentions) == 3
    assert not any("&" in a.name for a in doc.actors)
    assert any(a.aliases == ["Democrats"] for a in doc.actors)


def test_a_person_s_own_thing_is_the_person_and_the_thing_and_a_law_is_no_actor(nlp) -> None:
    text = ("CNN reporter Jim Acosta sued on Monday. A judge said the White House had violated "
            "Acosta’s Fifth Amendment right to due process. Critics say Trump’s White House is in "
            "chaos, and President Donald Trump disagreed.")
    doc = nlp(Article(id="t", text=text))
    assert not any("’s" in a.name or "Amendment" in a.name for a in doc.actors)
    assert len(_actor(doc, "Jim Acosta").mentions) == 2
    assert len(_actor(doc, "Donald Trump").mentions) == 2
    assert len(_actor(doc, "White House").mentions) == 2


def test_an_entity_written_without_a_capital_is_no_name_unless_a_group_or_a_handle() -> None:
    from spacy.tokens import Span

    from unspin.components._actors_entities import entity_spans
    from unspin.components.parse import make_parser

    text = "Police found marijuana at the flat, democrats said, and @cityhall denied it."
    sdoc = make_parser()(Document(Article(id="t", text=text))).cache["spacy"]
    words = [t.text for t in sdoc]
    sdoc.ents = [Span(sdoc, words.index("marijuana"), words.index("marijuana") + 1, label="PERSON"),
                 Span(sdoc, words.index("democrats"), words.index("democrats") + 1, label="NORP"),
                 Span(sdoc, words.index("@cityhall"), words.index("@cityhall") + 1, label="ORG")]
    assert [text[s:e] for _, s, e in entity_spans(sdoc)] == ["democrats", "@cityhall"]


def test_a_page_s_form_and_footer_and_a_lone_letter_are_no_names(nlp) -> None:
    text = ("Mayor Ann Cole spoke on Monday.\nEmail *\nYou also agree to this site's Privacy Policy "
            "and Terms of Use.\nD. Reyes replied.")
    names = [a.name for a in nlp(Article(id="t", text=text)).actors]
    assert "Ann Cole" in names
    assert not any(n in ("Email", "D.") or "Privacy" in n for n in names), names


def test_a_lone_surname_met_before_the_full_name_joins_the_one_person_with_it() -> None:
    from unspin.components._actors_entities import EntityCluster, _join_surnames_written_first

    def cluster(name: str, labels: list[str]) -> EntityCluster:
        return EntityCluster(name=name, type="person", aliases=[name], mentions=[(0, 1)] * len(labels),
                             labels=labels)

    surname, amber = cluster("Guyger", ["ORG", "PERSON"]), cluster("Amber Guyger", ["ORG", "PERSON"])
    joined = _join_surnames_written_first([surname, amber])
    assert joined == [amber] and amber.aliases == ["Amber Guyger", "Guyger"] and len(amber.mentions) == 4
    # two people with the surname, or a place of that name: left alone
    kin = [cluster("Whitfield", ["PERSON"]), cluster("Laura Whitfield", ["PERSON"]),
           cluster("Paul Whitfield", ["PERSON"])]
    assert len(_join_surnames_written_first(kin)) == 3
    place = [cluster("Washington", ["GPE"]), cluster("George Washington", ["PERSON"])]
    assert len(_join_surnames_written_first(place)) == 2


SPILL = ("Senator Whitfield Slams Harbour Budget Deal Again\n\n"
         "Senator Laura Whitfield attacked the harbour budget on Monday. "
         "“This deal is a disgrace,” said Maria Okafor, a spokeswoman for Doctors Without Borders. "
         "She added that more than 2,000 families had lost their homes since March. "
         "U.S. Secretary of State John Kerry told reporters that the plan would fail. "
         "Syria rejected the criticism, and the Syrian government said it had done nothing wrong.")


def test_a_title_case_headline_keeps_only_names_the_body_confirms(nlp) -> None:
    doc = nlp(Article(id="t", text=SPILL))
    names = [a.name for a in doc.actors]
    assert not [n for n in names if "Slams" in n or "Budget" in n], names
    whitfield = _actor(doc, "Laura Whitfield")
    headline_end = SPILL.index("\n")
    assert any(m.end <= headline_end for m in whitfield.mentions), "the headline's Whitfield is hers"


def test_a_title_with_a_full_stop_and_a_crosshead_before_a_colon_are_headlines(nlp) -> None:
    from unspin.components._actors_entities import _headlines

    text = ("Examining the Harbour Board's Record on Urgent Local Challenges.\n\n"
            "Mayor Ann Cole spoke on Monday about the budget.\n\nGender Equality.\n\n"
            "Limited Tools to Fight Flooding: The Harbour Board was set up when the river was calm, "
            "Cole said.\n\nPresident Donald Trump: We will help the city.\n\nTrump won.")
    assert [text[s:e] for s, e in _headlines(text)] == [
        "Examining the Harbour Board's Record on Urgent Local Challenges.", "Gender Equality.",
        "Limited Tools to Fight Flooding"]
    names = sorted(a.name for a in nlp(Article(id="t", text=text)).actors)
    assert names == ["Ann Cole", "Donald Trump", "Harbour Board"]


def test_a_one_word_headline_name_needs_the_body_too(nlp) -> None:
    # spaCy's small model reads the capitalised verb of a headline as a person ("Denies")
    for headline, kept in (("Judge Denies Bail To Compound Residents In Harbour Case", None),
                           ("Mayor Keller Denies Harbour Bridge Kickbacks", "Keller")):
        text = headline + "\n\nThe mayor of Port Alder, Diane Keller, spoke on Monday."
        doc = nlp(Article(id="t", text=text))
        names = {a.name: a for a in doc.actors}
        assert "Denies" not in names, sorted(names)
        in_headline = [m for a in doc.actors for m in a.mentions if m.end <= len(headline)]
        assert [text[m.start:m.end] for m in in_headline] == ([kept] if kept else [])
        if kept:
            assert names["Diane Keller"].mentions[0].start == text.index(kept)


def test_names_cut_at_a_preposition_and_title_departments_are_mended(nlp) -> None:
    doc = nlp(Article(id="t", text=SPILL))
    names = {a.name: a for a in doc.actors}
    assert "Without Borders" not in names and "State" not in names, sorted(names)
    assert names["Doctors Without Borders"].type == "organization"
    kerry = [q for q in doc.quotes
             if q.speaker is not None and "Kerry" in SPILL[q.speaker.start:q.speaker.end]]
    assert kerry and all(q.speaker.actor == "John Kerry" for q in kerry)


def test_a_state_named_by_its_adjective_joins_the_country(nlp) -> None:
    doc = nlp(Article(id="t", text=SPILL))
    syria = _actor(doc, "Syria")
    assert any("Syrian government" in alias for alias in syria.aliases), syria.aliases
    assert len(syria.mentions) == 2


def test_a_pronoun_cited_for_a_claim_is_resolved_to_the_actor() -> None:
    doc = load(components=["parse", "claims", "quotes", "actors"])(Article(id="t", text=SPILL))
    claim = next(c for c in doc.claims if "2,000 families" in SPILL[c.start:c.end])
    assert claim.source is not None
    assert claim.source.name == "Maria Okafor" and claim.source.actor == "Maria Okafor"


@pytest.mark.parametrize(("adjective", "country", "expected"), [
    ("Syrian", "Syria", True), ("Chinese", "China", True), ("French", "France", True),
    ("Saudi", "Saudi Arabia", True), ("Russians", "Russia", True), ("Syrian", "Sweden", False),
    ("Austrian", "Australia", False), ("Dominican", "Dominican Republic", True),
    ("Dominican", "Dominica", False),
])
def test_national_adjectives_name_their_country(adjective: str, country: str, expected: bool) -> None:
    from unspin.components._actors_entities import _demonym_of

    assert _demonym_of(adjective, country) is expected


def test_titles_suffixes_and_stray_place_labels_do_not_split_a_person(nlp) -> None:
    text = ("Officers Daniel Brightwater and Ruth Anselm answered the call. Brightwater was shot. "
            "Governor Emil Kasparek praised Brightwater. Kasparek said the state would help. "
            "Tobias Fennimore Jr. later spoke to Fennimore's lawyers.")
    doc = nlp(Article(id="t", text=text))
    names = {a.name: a for a in doc.actors}
    assert not [n for n in names if n.startswith(("Officers", "Governor"))], sorted(names)
    daniel = names["Daniel Brightwater"]
    assert daniel.type == "person" and len(daniel.mentions) >= 2
    assert [a.name for a in doc.actors if "Brightwater" in a.name] == ["Daniel Brightwater"]
    assert names["Emil Kasparek"].type == "person" and len(names["Emil Kasparek"].mentions) == 2
    fennimore = [a for a in doc.actors if a.name.startswith("Tobias Fennimore")]
    assert len(fennimore) == 1 and len(fennimore[0].mentions) == 2


def test_the_author_in_a_byline_is_not_an_actor(nlp) -> None:
    text = ("Harbour Plan Faces Fresh Criticism\n\nBy Tom Hadley\n\n"
            "Mayor Laura Whitfield defended the harbour plan on Friday. "
            "Whitfield said the city would not back down.")
    doc = nlp(Article(id="t", text=text))
    names = [a.name for a in doc.actors]
    assert "Tom Hadley" not in names and "Laura Whitfield" in names, names
    assert load(components=["parse", "actors"])(Article(id="t", text="Tom Hadley said it was fine.")).actors


def test_a_dateline_is_not_an_actor_and_capitals_do_not_name_one(nlp) -> None:
    text = ("WASHINGTON (Reuters) - Senator Laura Whitfield on Tuesday urged Congress to pass the "
            "harbour bill. Washington has spent $61 billion on harbours since 2022, Whitfield said.")
    doc = nlp(Article(id="t", text=text))
    names = {a.name: a for a in doc.actors}
    assert "Reuters" not in names and "WASHINGTON" not in names, sorted(names)
    assert "Laura Whitfield" in names and "Congress" in names
    if "Washington" in names:
        assert [m.start for m in names["Washington"].mentions] == [text.index("Washington has")]


def test_a_sentence_full_of_names_is_not_taken_for_a_headline(nlp) -> None:
    text = "Mayor Laura Whitfield met Tobias Fennimore on Monday.\n\nThey talked about the harbour."
    names = [a.name for a in nlp(Article(id="t", text=text)).actors]
    assert "Laura Whitfield" in names and "Tobias Fennimore" in names, names


def test_a_city_is_a_place_and_a_state_named_as_such_is_a_country(nlp) -> None:
    text = ("Mayor Diane Keller of Portland met envoys from Canada and Texas on Monday. "
            "Portland will host the talks again in May.")
    doc = nlp(Article(id="t", text=text))
    types = {a.name: a.type for a in doc.actors}
    assert types.get("Canada") == "country"
    assert types.get("Portland") == "place"
    assert types.get("Texas") == "place"


def test_a_party_named_by_its_adjective_joins_the_party(nlp) -> None:
    text = ("Senate Democrats blocked a Republican bill on rail funding on Thursday. "
            "Republicans said the cuts were overdue, and the GOP will try again in May.")
    doc = nlp(Article(id="t", text=text))
    party = _actor(doc, "Republican Party")
    assert {"Republican", "Republicans", "GOP"} <= set(party.aliases), party.aliases
    assert not [a for a in doc.actors if a.name == "Republican"]


BODIES = ("The city council's parking plan is a disgrace to every driver in Wexham. "
          "Residents protested for weeks, but the council ignored them. Many companies said the "
          "fees would drive shoppers away. Orbital Freight Ltd. moved its depot out of town. "
          "They voted for the plan anyway, and police closed the square.")


def test_a_common_noun_body_is_one_actor_under_its_most_specific_name(nlp) -> None:
    doc = nlp(Article(id="t", text=BODIES))
    council = _actor(doc, "city council")
    assert council.type == "organization"
    assert council.aliases == ["city council", "council"]
    assert [BODIES[m.start:m.end] for m in council.mentions] == ["city council", "council"]
    assert not [a for a in doc.actors if a.name in ("council", "The city council")]
    police = _actor(doc, "police")
    assert police.type == "organization"


def test_a_body_met_bare_takes_the_specific_name_that_follows(nlp) -> None:
    text = "The board met on Monday. Critics say the school board wasted the money."
    doc = nlp(Article(id="t", text=text))
    board = _actor(doc, "school board")
    assert board.aliases == ["board", "school board"] and len(board.mentions) == 2


def test_generic_plurals_and_nouns_as_modifiers_are_not_actors(nlp) -> None:
    text = ("Many companies said the rules were unfair. Some parties walked out. "
            "A committee of three will report. Council meetings are held in May.")
    names = [a.name.lower() for a in nlp(Article(id="t", text=text)).actors]
    assert not {"companies", "parties", "committee", "council", "council meetings"} & set(names), names


def test_a_named_organisation_is_unaffected_and_its_bare_head_joins_it(nlp) -> None:
    text = ("The Harbour Development Authority of Wexham approved the bridge on Monday. "
            "Critics say the authority ignored every objection.")
    doc = nlp(Article(id="t", text=text))
    bodies = [a for a in doc.actors if a.type == "organization"]
    assert len(bodies) == 1, [(a.name, a.aliases) for a in bodies]
    assert bodies[0].name.startswith("Harbour Development Authority")
    assert "authority" in bodies[0].aliases and len(bodies[0].mentions) == 2


def test_a_government_named_by_its_state_stays_the_state(nlp) -> None:
    doc = nlp(Article(id="t", text=SPILL))
    syria = _actor(doc, "Syria")
    assert any("Syrian government" in alias for alias in syria.aliases), syria.aliases
    assert not [a for a in doc.actors if a.name.lower().endswith("government")]


def test_what_a_state_does_is_the_state_and_its_people_are_a_group(nlp) -> None:
    text = ("Russia denied the report. Russian forces shelled the town after the Russian invasion, "
            "and Russian officials called it a defensive move. Russian civilians fled north.")
    doc = nlp(Article(id="t", text=text))
    russia = _actor(doc, "Russia")
    written = [text[m.start:m.end] for m in russia.mentions]
    assert written == ["Russia", "Russian forces", "Russian invasion", "Russian officials"], written
    people = [a for a in doc.actors if a.type == "group"]
    assert [text[m.start:m.end] for a in people for m in a.mentions] == ["Russian"]


def test_a_pronoun_resolves_to_a_body_and_bodies_get_roles_or_none() -> None:
    from unspin.components._actors_bodies import actor_clusters
    from unspin.components._actors_entities import entity_clusters, resolve_reference

    nlp = load(components=["parse", "actors"], config={"actors": {"min_role_score": 0.0}})
    text = "Dora Pell lost her shop. The city council raised the fees. They say the roads need it."
    sdoc = nlp(Article(id="t", text=text)).cache["spacy"]
    they = next(t for t in sdoc if t.text == "They")
    assert resolve_reference(sdoc, they, actor_clusters(sdoc)).name == "city council"
    assert not [c for c in entity_clusters(sdoc) if "council" in c.name.lower()]
    doc = nlp(Article(id="t", text=BODIES))
    council = _actor(doc, "city council")
    assert council.role in MAIN_ROLES and council.fine_role in FINE_ROLES[council.role]
    unsure = load(components=["parse", "actors"], config={"actors": {"min_role_score": 1.0}})
    assert _actor(unsure(Article(id="t", text=BODIES)), "city council").role is None


def test_the_west_is_one_actor_but_not_inside_a_name(nlp) -> None:
    text = ("Officials accused the West of prolonging the war. The West's leaders met in "
            "West Virginia, and the West Coast ports closed.")
    doc = nlp(Article(id="t", text=text))
    west = _actor(doc, "West")
    assert west.type == "group"
    assert [m.start for m in west.mentions] == [text.index("the West of") + 4, text.index("The West's") + 4]


def test_a_capital_that_acts_is_its_state_and_a_capital_where_things_happen_the_city(nlp) -> None:
    text = ("Russia launched new strikes on Monday. Moscow denied targeting civilians, and the Kremlin "
            "said the operation would continue. Thousands marched in Moscow against the war. "
            "Ukraine asked for help, and Washington announced sanctions on Moscow.")
    doc = nlp(Article(id="t", text=text))
    russia = _actor(doc, "Russia")
    assert russia.type == "country"
    assert [text[m.start:m.end] for m in russia.mentions] == ["Russia", "Moscow", "Kremlin", "Moscow"]
    assert {"Moscow", "Kremlin"} <= set(russia.aliases)
    moscow = _actor(doc, "Moscow")  # "marched in Moscow": the city
    assert moscow.type == "place" and [m.start for m in moscow.mentions] == [text.index("in Moscow") + 3]
    # Washington stands for a country the text never names: it stays as written
    assert _actor(doc, "Washington").type == "place"


def test_washington_stays_the_state_in_a_story_about_the_states(nlp) -> None:
    text = ("The United States faces a lawsuit. California and Oregon joined the case, and "
            "Washington argued that the rule was unlawful.")
    doc = nlp(Article(id="t", text=text))
    usa = _actor(doc, "United States")
    assert "Washington" not in usa.aliases
    assert any(a.name == "Washington" for a in doc.actors)


def test_a_body_noun_naming_an_entity_makes_it_a_body_that_a_later_mention_refers_to(nlp) -> None:
    text = ("The festival was sponsored by the company Baillie Gifford, and Ann Cole pulled out. "
            "The company said on Tuesday that it would review its investments.")
    doc = nlp(Article(id="t", text=text))
    firm = _actor(doc, "Baillie Gifford")
    assert firm.type == "organization", "the company the text calls it, whatever spaCy said"
    assert text.index("The company") + 4 in [m.start for m in firm.mentions]
    assert not any(a.name.lower() == "company" for a in doc.actors)


def _entity_doc(words: list[str], ents: list[tuple[int, int, str]]):
    """A spaCy doc with the given entities (token ranges and labels), no statistical model."""
    from spacy.tokens import Doc, Span
    from spacy.vocab import Vocab

    doc = Doc(Vocab(), words=words, spaces=[w not in ("'s",) and i + 1 < len(words)
                                            and words[i + 1] not in (".", "'s")
                                            for i, w in enumerate(words)])
    doc.ents = [Span(doc, a, b, label=label) for a, b, label in ents]
    return doc


def test_a_surname_filed_first_as_an_organisation_joins_the_full_name() -> None:
    from unspin.components._actors_entities import entity_clusters

    # spaCy's small model tags a lone surname in a headline as ORG now and then
    words = ["Trump", "'s", "pick", "worries", "senators", ".", "President", "Donald", "Trump",
             "named", "her", "on", "Tuesday", "."]
    clusters = entity_clusters(_entity_doc(words, [(0, 1, "ORG"), (7, 9, "PERSON")]))
    assert [(c.name, c.type, c.aliases) for c in clusters] == [
        ("Donald Trump", "person", ["Trump", "Donald Trump"])]


def test_a_place_is_not_taken_for_a_later_full_name() -> None:
    from unspin.components._actors_entities import entity_clusters

    words = ["Washington", "remembers", "George", "Washington", "today", "."]
    clusters = entity_clusters(_entity_doc(words, [(0, 1, "GPE"), (2, 4, "PERSON")]))
    assert sorted(c.name for c in clusters) == ["George Washington", "Washington"]


def test_a_first_name_alone_joins_the_one_person_who_has_it() -> None:
    from unspin.components._actors_entities import entity_clusters

    words = ["Keith", "Ellison", "spoke", ".", "Keith", "left", ".", "Jim", "Acosta", "and",
             "Jim", "Jordan", "met", ".", "Jim", "smiled", "."]
    ents = [(0, 2, "PERSON"), (4, 5, "PERSON"), (7, 9, "PERSON"), (10, 12, "PERSON"), (14, 15, "PERSON")]
    clusters = {c.name: len(c.mentions) for c in entity_clusters(_entity_doc(words, ents))}
    # "Jim" could be either Jim, so it stays apart
    assert clusters == {"Keith Ellison": 2, "Jim Acosta": 1, "Jim Jordan": 1, "Jim": 1}


def test_a_lone_surname_after_a_title_is_a_person_whatever_most_mentions_say() -> None:
    from unspin.components._actors_entities import entity_clusters

    # spaCy's small model tags "Trump" an organisation in "the Trump campaign" and the like
    words = ["President", "Trump", "spoke", ".", "The", "Trump", "campaign", "and", "Trump", "'s",
             "lawyers", "met", "Trump", "aides", "."]
    def types(first: str) -> list[tuple[str, str]]:
        ents = [(1, 2, first), (5, 6, "ORG"), (8, 9, "ORG"), (12, 13, "ORG")]
        return [(c.name, c.type) for c in entity_clusters(_entity_doc(words, ents))]

    assert types("PERSON") == [("Trump", "person")]
    assert types("ORG") == [("Trump", "organization")]  # no person's mention: the majority


def test_a_handle_joins_its_person_and_a_link_is_no_name() -> None:
    from unspin.components._actors_entities import entity_clusters

    words = ["Jim", "Acosta", "asked", ".", "@Acosta", "posted", "@CNNPR", "pic.twitter.com/Ab12Cd",
             "and", "George", "Bush", "/", "replied", "."]
    ents = [(0, 2, "PERSON"), (4, 5, "ORG"), (6, 8, "ORG"), (9, 12, "PERSON")]
    clusters = entity_clusters(_entity_doc(words, ents))
    assert [(c.name, c.aliases) for c in clusters] == [
        ("Jim Acosta", ["Jim Acosta", "@Acosta"]), ("@CNNPR", ["@CNNPR"]), ("George Bush", ["George Bush"])]


def test_a_group_named_in_the_singular_and_the_plural_is_one_actor() -> None:
    from unspin.components._actors_entities import entity_clusters

    words = ["MUSLIMS", "REACT", ".", "A", "Muslim", "group", "said", "Muslims", "vote", "."]
    clusters = entity_clusters(_entity_doc(words, [(0, 1, "NORP"), (4, 5, "NORP"), (7, 8, "NORP")]))
    assert [(c.type, len(c.mentions)) for c in clusters] == [("group", 3)]


def test_quote_marks_are_not_part_of_an_actor_name() -> None:
    from unspin.components._actors_entities import entity_clusters

    words = ["“", "Trump", "Administration", "”", "officials", "and", "the", "Trump", "Administration",
             "agreed", "."]
    clusters = entity_clusters(_entity_doc(words, [(0, 3, "ORG"), (7, 9, "ORG")]))
    assert [(c.name, c.aliases, len(c.mentions)) for c in clusters] == [
        ("Trump Administration", ["Trump Administration"], 2)]


def test_a_person_is_named_by_the_full_name_the_text_uses_most() -> None:
    from unspin.components._actors_entities import entity_clusters

    words = ["Keith", "Ellison", "won", ".", "Keith", "Ellison", "spoke", ".", "Keith", "Ellison-Muhammad",
             "?", "Ellison", "left", "."]
    ents = [(0, 2, "PERSON"), (4, 6, "PERSON"), (8, 10, "PERSON"), (11, 12, "PERSON")]
    clusters = entity_clusters(_entity_doc(words, ents))
    assert [(c.name, len(c.mentions)) for c in clusters] == [("Keith Ellison", 4)]


def test_a_quote_said_by_several_people_is_listed_under_each(nlp) -> None:
    text = ("Ann Cole, Tom Reyes and Lee Park said the vote in Port Alder was rigged.\n\n"
            "Former Port Alder, Maine mayor and council leader Ruth Okafor said the count was fair.")
    doc = nlp(Article(id="t", text=text))
    rigged = next(i for i, q in enumerate(doc.quotes) if "rigged" in text[q.start:q.end])
    for name in ("Ann Cole", "Tom Reyes", "Lee Park"):
        assert rigged in _actor(doc, name).quotes, name
    fair = next(i for i, q in enumerate(doc.quotes) if "count was fair" in text[q.start:q.end])
    assert fair in _actor(doc, "Ruth Okafor").quotes
    assert not any(fair in a.quotes for a in doc.actors if a.type == "place"), "a place is where she is from"


def test_a_surname_the_recogniser_missed_is_a_mention_of_its_person(nlp) -> None:
    text = "Mayor Ann Cole said the ferry lost money last year.\n\nCole rejected the criticism on Monday."
    doc = nlp(Article(id="t", text=text))
    assert [text[m.start:m.end] for m in _actor(doc, "Ann Cole").mentions] == ["Ann Cole", "Cole"]
    assert _actor(doc, "Ann Cole").aliases == ["Ann Cole", "Cole"], "every mention is written as an alias"
    two = text + " Her brother Tom Cole agreed."  # two people of that name: "Cole" is neither's
    doc = nlp(Article(id="t", text=two))
    assert [two[m.start:m.end] for m in _actor(doc, "Ann Cole").mentions] == ["Ann Cole"]


def test_roles_go_only_to_actors_the_article_makes_central() -> None:
    # (the gate gives an actor named once about 0.1, its threshold: the minor ones here are named
    # once, last, among several others, so that a refit of the gate does not move them across it)
    text = ("Port Alder council votes to close ferry.\n\nMayor Ann Cole said the ferry lost money. "
            "Cole said the islanders would be compensated, and Cole promised a new bus. The council "
            "backed Cole, and Cole thanked the council. Cole said the council had no choice. "
            "Unions in Leeds, York, Hull and Derby objected.")
    gated = load(components=["parse", "actors"], config={"actors": {"min_role_score": 0.0}})
    ungated = load(components=["parse", "actors"],
                   config={"actors": {"min_role_score": 0.0, "salience": False}})
    a, b = gated(Article(id="t", text=text)), ungated(Article(id="t", text=text))
    assert all(actor.role is not None for actor in b.actors), "every actor gets a role without the gate"
    assert _actor(a, "Ann Cole").role is not None
    assert any(actor.role is None for actor in a.actors), "an actor named once, late, gets none"


def test_an_antagonist_is_an_actor_the_article_s_techniques_touch() -> None:
    text = ("Mayor Ann Cole closed the ferry on Monday. The council backed Cole, and unions in Leeds "
            "objected. Ann Cole is a disgrace to this city.")
    (_, parse), (_, actors) = load(components=["parse", "actors"],
                                   config={"actors": {"min_role_score": 0.0}}).components
    disgrace = text.index("a disgrace")

    def run(techniques_ran: bool) -> Document:
        doc = parse(Document(Article(id="t", text=text)))
        if techniques_ran:
            doc.ran.append("techniques")
            doc.techniques = [TechniqueSpan(disgrace, disgrace + len("a disgrace to this city"),
                                            technique="Name_Calling,Labeling")]
        return actors(doc)

    plain, marked = run(False), run(True)
    assert any(a.role == "antagonist" for a in plain.actors), "the role model alone casts some"
    for before, after in zip(plain.actors, marked.actors, strict=True):
        touched = bool(after.techniques) or any(disgrace <= m.start for m in after.mentions)
        # nobody is harmed in this text: no innocent either once the techniques stage ran
        kept = touched or before.role != "antagonist"
        expected = None if before.role == "innocent" else before.role if kept else None
        assert after.role == expected, (after.name, before.role, after.role)
    assert _actor(marked, "Ann Cole").techniques == [0]
    cast = [sum(a.role == "antagonist" for a in doc.actors) for doc in (plain, marked)]
    assert cast[1] < cast[0], "the antagonists nothing touches lose the role"


def test_an_innocent_is_an_actor_the_text_shows_harmed() -> None:
    text = ("Soldiers of the Borduria army shelled Ruritania on Monday. The attack on Ruritania killed "
            "40 people. The Blue Party and the Green Party condemned the attack.")
    (_, parse), (_, actors) = load(components=["parse", "actors"],
                                   config={"actors": {"min_role_score": 0.0, "salience": False}}).components
    doc = parse(Document(Article(id="t", text=text)))
    doc.ran.append("techniques")
    doc = actors(doc)
    for actor in doc.actors:
        if actor.role == "innocent":
            assert actor.name == "Ruritania", f"{actor.name} is no one the text shows harmed"
    assert _actor(doc, "Ruritania").role == "innocent", "shelled, and the attack on it killed 40"


def test_a_leaders_administration_or_campaign_is_a_body_of_its_own(nlp) -> None:
    text = ("Donald Trump spoke in Ohio on Monday. The Trump administration later appealed the "
            "ruling, and the Trump campaign raised money from it. Trump's administration said little.")
    doc = nlp(Article(id="t", text=text))
    names = {a.name: a for a in doc.actors}
    assert names["Trump administration"].type == "organization"
    assert names["Trump campaign"].type == "organization"
    assert names["Donald Trump"].type == "person" and len(names["Donald Trump"].mentions) == 2


@pytest.mark.parametrize(("text", "name", "written"), [
    # an abbreviation the text defines in brackets, which the recogniser did not tag
    ("The United Nations Children's Fund (UNICEF) said it would help. UNICEF spokeswoman Ana Ruiz "
     "said funding was short.", "United Nations Children's Fund", ["United Nations Children's Fund",
                                                                 "UNICEF", "UNICEF"]),
    # a company's own name without the words after it
    ("Shares in Norvale Energy Inc. fell 9 percent on Monday. Norvale now expects revenue of "
     "$4.1 billion.", "Norvale Energy Inc.", ["Norvale Energy Inc.", "Norvale"]),
])
def test_a_body_s_untagged_short_forms_are_its_mentions(nlp, text: str, name: str,
                                                        written: list[str]) -> None:
    actor = _actor(nlp(Article(id="t", text=text)), name)
    assert [text[m.start:m.end] for m in actor.mentions] == written
    assert set(written) <= set(actor.aliases)


def test_a_line_that_credits_the_piece_holds_no_untagged_mention() -> None:
    from unspin.components._actors_entities import _signing_line

    text = "The Harbour Gazette reported it.\nHarbour Gazette\n©2026 Harbour Gazette, all rights reserved"
    assert not _signing_line(text, 4)
    assert _signing_line(text, text.index("\nHarbour") + 1), "the outlet under a byline"
    assert _signing_line(text, text.rindex("Harbour")), "a copyright line"


def test_a_title_with_its_portfolio_refers_to_who_holds_that_office(nlp) -> None:
    text = ("Prime Minister Elena Sorel backed the plan. The health minister, Paul Okafor, said he "
            "supported it. Okafor has been caught between the prime minister and the unions. "
            "The flustered former minister left early.")
    doc = nlp(Article(id="t", text=text))
    refs = {text[r.start:r.end]: a.name for a in doc.actors for r in a.references}
    assert refs["the prime minister"] == "Elena Sorel", "not the health minister named last"
    assert refs.get("The flustered former minister") == "Paul Okafor", "an adjective of manner is no office"


@pytest.mark.parametrize(("text", "expected"), [
    # "he" reported by a person the text gives by a common noun is that person, not the last name
    ("Local resident George Abbott said he was happy. Her husband said he would buy a boat. "
     "Mayor Ann Cole met Tom Reyes. The mayor said she would veto the plan. "
     "The officer admitted killing him.",
     {"he was": "George Abbott", "he would": None, "she would": "Ann Cole"}),
    # "they" and "their" are the body or group their clause names; objects and their owners are not
    # an office the text names unnamed in between is whom a later title means
    ("Rebecca Shaw has written to the business secretary asking for an inquiry. "
     "The minister has not responded.", {"The minister": None}),
    ("The dock workers' union said they would strike on Monday. Democrats argued that their "
     "plan would cut costs. The company said the union had ignored them. "
     "Police raided their compound. Critics said they were wrong.",
     {"they would": "union", "their plan": "Democratic Party", "them.": None, "their compound": None,
      "they were": None}),
])
def test_a_pronoun_refers_to_whom_its_clause_names(nlp, text: str, expected: dict[str, str | None]) -> None:
    refs = _referred(nlp(Article(id="t", text=text)))
    assert {words: refs.get(text.index(words)) for words in expected} == expected


def test_bodies_two_people_own_are_not_one_body(nlp) -> None:
    text = ("Ann Cole said her government would not accept inspections. Tom Reyes, whose government "
            "hosted the talks, urged calm. The government of Port Alder said nothing.")
    doc = load(components=["parse", "actors"])(Article(id="t", text=text))
    bodies = [a for a in doc.actors if a.name.lower() == "government"]
    assert all(len(a.mentions) == 1 for a in bodies), [[m.start for m in a.mentions] for a in bodies]


def test_a_sports_club_is_an_organisation_and_its_short_name_joins_it(nlp) -> None:
    text = ("Kelston Rovers beat Ashdown 2-1. Rovers manager Lena Kowalczyk was pleased.\n\n"
            'Asked whether Rovers could win the league, she replied: "Ask me in May."')
    doc = nlp(Article(id="t", text=text))
    club = _actor(doc, "Kelston Rovers")
    assert club.type == "organization" and "Rovers" in club.aliases
    assert _actor(doc, "Lena Kowalczyk").type == "person"
    spoken = [q.speaker.actor for q in doc.quotes if q.speaker is not None and "May" in text[q.start:q.end]]
    assert spoken == ["Lena Kowalczyk"], "she is the manager, not the club"


@pytest.mark.parametrize(("text", "actor"), [
    # a place the source spoke in is not the source
    ("The minister, speaking in Brussels on Monday, said the deficit would fall to 3% in 2026.", None),
    # the name the source's phrase is about, not the club before it
    ("Kelston Rovers manager Dean Holt said the club had lost 40% of its income in 2025.", "Dean Holt"),
    # a name the phrase gives the source is its name
    ("A woman named Ana Ruiz said she had paid 3,000 dollars for the ticket in 2024.", "Ana Ruiz"),
])
def test_a_claim_s_source_is_the_actor_its_phrase_is_about(text: str, actor: str | None) -> None:
    doc = load(disable=["techniques"])(Article(id="t", text=text))
    sources = [c.source for c in doc.claims if c.source is not None]
    assert sources and sources[0].actor == actor, sources


def test_a_title_set_before_a_name_refers_to_that_name(nlp) -> None:
    text = ("The German producer Tom Reyes won the prize. Reyes thanked the crew. "
            "The jury president, Ann Cole, said the vote was close.")
    doc = nlp(Article(id="t", text=text))
    refs = {text[r.start:r.end]: a.name for a in doc.actors for r in a.references}
    assert refs.get("The jury president") == "Ann Cole", "not the producer named before"


def test_titles_before_a_name_are_not_part_of_it(nlp) -> None:
    text = ('"We will publish every figure," said Treasurer Ola Nordmann. '
            "Detective Sergeant Paul Adeyemi said the car was found on Monday.")
    names = sorted(a.name for a in nlp(Article(id="t", text=text)).actors if a.type == "person")
    assert names == ["Ola Nordmann", "Paul Adeyemi"]


@pytest.mark.parametrize("name", ["Greg Washington", "Jamal Washington", "Lakisha Washington", "Jamal Baker",
                                  "Emily Walsh"])
def test_a_name_the_recogniser_cuts_up_is_one_person_whatever_the_name(nlp, name: str) -> None:
    # the same story with another name must give the same actors and speakers
    surname = name.split()[1]
    text = (f"Councillor {name} denied the claims on Monday. "
            f'"I declared my past connection," {surname} said. Thomas Reed called it a scandal.')
    doc = nlp(Article(id="t", text=text))
    assert [(a.name, a.type, len(a.mentions)) for a in doc.actors] == [(name, "person", 2),
                                                                      ("Thomas Reed", "person", 1)]
    assert [q.speaker.actor for q in doc.quotes if q.speaker is not None][:2] == [name, name]


def test_a_titled_name_before_a_colon_is_no_headline(nlp) -> None:
    text = 'Health Secretary Lucy Brennan said: "Passengers deserve better."'
    doc = nlp(Article(id="t", text=text))
    assert [a.name for a in doc.actors] == ["Lucy Brennan"]
    assert doc.quotes[0].speaker is not None and doc.quotes[0].speaker.actor == "Lucy Brennan"


def test_a_given_name_one_person_has_is_a_mention_of_them(nlp) -> None:
    text = ("Arthur Penwick died in March. His son, Edmund Penwick, lives in York. "
            'Edmund disputes that account. Marta Ruiz waved. A neighbour shouted: "We miss you, Marta!"')
    doc = nlp(Article(id="t", text=text))
    assert "Edmund" in _actor(doc, "Edmund Penwick").aliases
    assert not [a for a in doc.actors if a.name in ("Edmund", "Marta")], "no actor of a first name alone"


def test_a_live_blog_s_times_name_no_actor(nlp) -> None:
    text = ("10:42 GMT The electoral commission says turnout reached 68%.\n\n"
            "10:55 GMT Ann Cole said she would not concede.")
    names = [a.name for a in nlp(Article(id="t", text=text)).actors]
    assert "Ann Cole" in names and "GMT" not in names, names


def test_a_body_named_in_the_page_s_furniture_is_no_actor(nlp) -> None:
    text = ("Ann Cole closed the ferry on Monday.\n\n"
            "Related: Police chief resigns after the union protest\n\nThe council met on Tuesday.")
    assert [a.name for a in nlp(Article(id="t", text=text)).actors] == ["Ann Cole", "council"]


def test_a_name_beside_a_title_or_after_a_common_given_name_is_a_person(nlp) -> None:
    text = ("The airline's chief executive, Marcus Vell, said the delays were regrettable. "
            "Daniel Fairbourne showed no emotion as the verdict was read. "
            "The group answers neither to the President, the Congress, nor the courts.")
    kinds = {a.name: a.type for a in nlp(Article(id="t", text=text)).actors}
    assert kinds["Marcus Vell"] == "person" and kinds["Daniel Fairbourne"] == "person"
    assert kinds.get("Congress") != "person"


def test_the_airline_is_the_one_airline_the_text_names(nlp) -> None:
    text = ("SkyLark Air has apologised after 200 passengers were stranded. In a statement, the airline "
            "said it was sorry.")
    doc = nlp(Article(id="t", text=text))
    assert "airline" in _actor(doc, "SkyLark Air").aliases
    assert [q.speaker.actor for q in doc.quotes if q.speaker is not None] == ["SkyLark Air"]


def test_mr_and_ms_tell_two_people_of_one_surname_apart(nlp) -> None:
    text = ("David Cole and Hannah Cole run the ferry kiosk. Mr Cole said the fares were fair. "
            "Ms Cole said the council had ignored them.")
    doc = nlp(Article(id="t", text=text))
    people = sorted(a.name for a in doc.actors if a.type == "person")
    assert people == ["David Cole", "Hannah Cole"], "'Ms Cole' is no third person"
    spoken = {text[q.start:q.end]: q.speaker.actor for q in doc.quotes if q.speaker is not None}
    assert spoken["the fares were fair"] == "David Cole"
    assert spoken["the council had ignored them"] == "Hannah Cole"
    text = "Anna Reyes runs the bakery. Ms Reyes said the rent had doubled."
    assert [a.name for a in nlp(Article(id="t", text=text)).actors] == ["Anna Reyes"]


@pytest.mark.parametrize(("text", "name", "kind", "mentions", "written"), [
    # an acronym with full stops, whatever spaCy called it
    ("The World Health Organization met in Geneva on Monday. A W.H.O. spokeswoman said the "
     "outbreak was over. Critics of the W.H.O. disagreed.", "World Health Organization", "organization", 3,
     "W.H.O."),
    # a US state as the news agencies abbreviate it
    ("The ranch lies in Taos County, New Mexico. Deputies searched a trailer near Amalia, N.M., on "
     "Friday.", "New Mexico", "place", 2, "N.M."),
    # a state's postal code, which spaCy calls an organisation
    ("Texas Senator Ted Cruz spoke in Houston, TX, on Monday about the shooting in Dallas, TX.",
     "Texas", "place", 3, "TX"),
])
def test_an_abbreviation_joins_what_it_stands_for(nlp, text: str, name: str, kind: str, mentions: int,
                                                  written: str) -> None:
    doc = nlp(Article(id="t", text=text))
    actor = _actor(doc, name)
    assert actor.type == kind and len(actor.mentions) == mentions
    assert written not in [a.name for a in doc.actors]


def test_a_title_and_surname_called_an_organisation_joins_the_person(nlp) -> None:
    text = ("Attorney General Bill Barr spoke on Monday. Critics said AG Barr had misled Congress. "
            "Barr denied it.")
    doc = nlp(Article(id="t", text=text))
    barr = [(a.name, a.type, len(a.mentions)) for a in doc.actors if "Barr" in a.name]
    assert barr == [("Bill Barr", "person", 3)]
    text = "Goldman Sachs cut its forecast on Monday. Economist Jeffrey Sachs disagreed with the bank."
    doc = nlp(Article(id="t", text=text))
    assert _actor(doc, "Goldman Sachs").type == "organization", "a firm named like a person stays a firm"


def test_a_person_joined_to_another_takes_no_more_mentions() -> None:
    from unspin.components._actors_entities import EntityCluster, _join_persons_called_bodies

    ganesh = EntityCluster("Ganesh", "person", ["Ganesh"], [(30, 36)], ["PERSON"])
    bharath = EntityCluster("Bharath", "person", ["Bharath"], [(50, 57)], ["PERSON"])
    full = EntityCluster("Bharath Ganesh", "organization", ["Bharath Ganesh"], [(0, 14)], ["ORG"])
    # "Sheriff Bharath" ends in the first name that has just joined Ganesh: it joins nobody
    other = EntityCluster("Sheriff Bharath", "organization", ["Sheriff Bharath"], [(70, 85)], ["ORG"])
    out = _join_persons_called_bodies([ganesh, bharath, full, other])
    assert out == [ganesh, other]
    assert sorted(ganesh.mentions) == [(0, 14), (30, 36), (50, 57)]


def test_a_middle_name_or_initial_is_the_same_person(nlp) -> None:
    text = ("Donald J. Trump signed the order on Friday. Critics said Donald Trump had acted alone.\n\n"
            "Siraj Wahhaj was arrested in August. Prosecutors say Siraj Ibn Wahhaj trained children.")
    doc = nlp(Article(id="t", text=text))
    persons = {a.name: a for a in doc.actors if a.type == "person"}
    trump = [a for name, a in persons.items() if name.endswith("Trump")]
    assert len(trump) == 1 and {"Donald J. Trump", "Donald Trump"} <= set(trump[0].aliases)
    wahhaj = [a for name, a in persons.items() if name.endswith("Wahhaj")]
    assert len(wahhaj) == 1 and len(wahhaj[0].mentions) == 2


def test_two_different_middle_names_stay_two_people(nlp) -> None:
    text = ("George H. W. Bush led the country in 1990. George W. Bush led it in 2003. "
            "Historians compare George H. W. Bush with George W. Bush.")
    doc = nlp(Article(id="t", text=text))
    names = {a.name for a in doc.actors if a.type == "person"}
    assert {"George H. W. Bush", "George W. Bush"} <= names


def test_platforms_and_outlets_are_not_people(nlp) -> None:
    text = ("He posted the video on Twitter, and Infowars ran it within the hour. "
            "Breitbart reported it the next day.")
    doc = nlp(Article(id="t", text=text))
    kinds = {a.name: a.type for a in doc.actors}
    for name in ("Twitter", "Infowars", "Breitbart"):
        assert kinds.get(name, "organization") == "organization", kinds


def test_a_word_glued_before_a_name_is_not_part_of_it(nlp) -> None:
    text = ("Jim Acosta asked about the caravan. The president took it in stride, vowing to kick "
            "Acosta out again if he misbehaves.")
    doc = nlp(Article(id="t", text=text))
    names = [a.name for a in doc.actors if a.type == "person"]
    assert not any(name.startswith("kick") for name in names), names
    assert len(_actor(doc, "Jim Acosta").mentions) == 2


def test_an_agency_beside_a_person_is_an_actor_of_its_own(nlp) -> None:
    text = ("Here is disgraced Obama CIA director John Brennan, who led the campaign. "
            "The CIA declined to comment.")
    doc = nlp(Article(id="t", text=text))
    cia = [a for a in doc.actors if a.name == "CIA"]
    assert cia and cia[0].type == "organization"
    assert not any("CIA" in a.aliases for a in doc.actors if a.type == "person")


def test_a_picture_credit_names_no_actor(nlp) -> None:
    text = "Protesters gathered outside the court. (Photo: Reuters/Kevin Lamarque) The judge ruled on Friday."
    doc = nlp(Article(id="t", text=text))
    assert not any(name in a.name for a in doc.actors for name in ("Lamarque", "Reuters", "Photo"))


def test_a_national_adjective_before_a_thing_is_no_mention_of_the_people(nlp) -> None:
    text = ("The American tech company cut 400 jobs, and American history books were recalled. "
            "The American people deserve answers.")
    doc = nlp(Article(id="t", text=text))
    americans = [a for a in doc.actors if a.name == "Americans"]
    assert americans and len(americans[0].mentions) == 1
    assert text[americans[0].mentions[0].start:].startswith("American people")


def test_a_bracket_left_open_is_cut_and_its_acronym_joins_the_body(nlp) -> None:
    text = ("The World Health Organization (WHO) has now issued warnings in nine countries. "
            "Five cases have been identified, the World Health Organization (WHO) has confirmed.")
    doc = nlp(Article(id="t", text=text))
    names = [a.name for a in doc.actors]
    assert not any("(" in name for name in names), names
    who = _actor(doc, "World Health Organization")
    assert "WHO" in who.aliases and len(who.mentions) >= 2


def test_books_diseases_and_capitalised_common_words_are_no_actors(nlp) -> None:
    text = ("Schools must close, the governor said. The schools in the north closed on Monday.\n\n"
            "Ebola spread to the capital, and the Quran was read at the funeral.")
    doc = nlp(Article(id="t", text=text))
    names = {a.name for a in doc.actors}
    assert not names & {"Schools", "Ebola", "Quran"}, names


@pytest.mark.parametrize("name", ["Democratic Republic of Congo", "DR Congo", "UAE", "Holy See",
                                  "Vatican City"])
def test_the_names_news_gives_countries_are_countries(name: str) -> None:
    from unspin.components._countries import is_country

    assert is_country(name) and is_country(f"the {name}")


def test_an_inner_word_of_a_long_name_is_its_bearer(nlp) -> None:
    text = ("President Luiz Inacio Lula da Silva met the delegation on Monday. "
            "Lula called for unity in the region.")
    doc = nlp(Article(id="t", text=text))
    lula = _actor(doc, "Luiz Inacio Lula da Silva")
    assert "Lula" in lula.aliases and len(lula.mentions) == 2
    assert [a.name for a in doc.actors].count("Lula") == 0


def test_a_name_cut_before_its_particle_is_mended(nlp) -> None:
    text = "The club sacked manager Erik ten Hag on Monday after a run of defeats."
    doc = nlp(Article(id="t", text=text))
    assert _actor(doc, "Erik ten Hag").type == "person"
    assert "Erik" not in [a.name for a in doc.actors]
