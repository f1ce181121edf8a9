"""Claim sources found by the sentence rules of ``_claims_source.find_source``."""

from __future__ import annotations

from typing import Any

import pytest

from unspin.components._claims_source import find_source
from unspin.components.parse import load_spacy


def _source(text: str) -> tuple[str, str] | None:
    """The source name and the text its span covers, of the first sentence of ``text``."""
    sent: Any = next(iter(load_spacy()(text).sents))
    found = find_source(sent)
    return None if found is None else (found.name, text[found.start : found.end])


# Texts written for these tests (not taken from any corpus).
@pytest.mark.parametrize(("text", "name"), [
    ("The mayor attacked the council, saying the new bridge would cost twice as much.", "The mayor"),
    ("The union rejected the offer, claiming that the plant would close within a year.", "The union"),
])
def test_a_participle_of_reporting_cites_the_subject_of_its_clause(text: str, name: str) -> None:
    found = _source(text)
    assert found is not None and found[0] == name


def test_a_passive_report_cites_its_agent() -> None:
    found = _source("The closure of the harbour was first reported by the Coastal Times.")
    assert found is not None and found[0] == "the Coastal Times"


@pytest.mark.parametrize("text", [
    "It was reported that the harbour company lost $4m last year.",
    "He was told that the plant would close next spring.",
])
def test_the_subject_of_a_passive_report_is_no_source(text: str) -> None:
    assert _source(text) is None


def test_a_report_closing_the_sentence_after_a_comma_cites_its_speaker() -> None:
    text = ("Despite two costly defeats on Tuesday, Senator Ann Kowalski remains in the race, "
            "her campaign manager, Tom Reyes, told the Daily Ledger.")
    found = _source(text)
    assert found is not None and "campaign manager" in found[0] and found[1].endswith("told")


def test_a_fronted_in_phrase_cites_the_evidence_by_its_pollster() -> None:
    found = _source("In a Harbour Gazette poll released Monday, 54 percent of voters backed the bridge.")
    assert found is not None and found[0] == "Harbour Gazette" and found[1] == "In a Harbour Gazette poll"


def test_a_fronted_in_phrase_cites_a_poll_with_no_pollster_named() -> None:
    found = _source("In a new poll released Monday, 54 percent of voters backed the bridge.")
    assert found is not None and found[0] == "a new poll"


def test_evidence_inside_the_clause_is_not_cited() -> None:
    assert _source("The former governor has been stuck in single digits in the polls.") is None


def test_a_reporting_verb_conjoined_to_an_act_cites_their_subject() -> None:
    found = _source("Governor Ruth Okafor vetoed the bill and said the state had spent $26 million on it.")
    assert found is not None and found[0] == "Governor Ruth Okafor"


def test_by_names_who_stands_behind_evidence_before_of() -> None:
    text = "During the investigation of Mayor Dunn by the auditor Jane Cole, the council refused 12 requests."
    found = _source(text)
    assert found is not None and found[0] == "the auditor Jane Cole"


def test_evidence_that_is_the_passive_subject_of_a_report_is_no_source() -> None:
    assert _source("The report was later revealed to be a hoax costing $2m.") is None


@pytest.mark.parametrize(("sentence", "cue"), [
    ("The senator reiterated her opposition to the 12 percent tax rise.", "reiterate"),
    ("The mayor chastised the council over the $4m overspend.", "chastise"),
    ("The union welcomed the 3 percent pay offer.", "welcome"),
])
def test_a_speech_or_stance_cue_cites_its_speaker(sentence: str, cue: str) -> None:
    """A quote whose cue is a verb of speech or stance names whom the text cites, even when its
    content is no proposition."""
    from unspin.components._claims_source import sources_from_quotes
    from unspin.doc import Attribution, Claim, Quote

    verb = sentence.split()[2]
    at = sentence.index(verb)
    who = sentence[:at - 1]
    claims = [Claim(0, len(sentence))]
    quotes = [Quote(at + len(verb) + 1, len(sentence) - 1, kind="reported",
                    speaker=Attribution(name=who, start=0, end=len(who)),
                    cue=Attribution(name=cue, start=at, end=at + len(verb)))]
    assert sources_from_quotes(claims, quotes, sentence) == 1
    assert claims[0].source is not None and claims[0].source.name == who


def test_an_infinitive_of_purpose_cites_the_subject_of_its_clause() -> None:
    found = _source("Last week, Tom Hale of Riverton stood at a meeting to say the levy had cost him $900.")
    assert found is not None and found[0] == "Tom Hale of Riverton"


@pytest.mark.parametrize(("text", "name"), [
    ("Turnout rose by 4 percent, county election records show.", "county election records"),
    ('"We lost 300 jobs in a year," Conway notes.', "Conway"),
])
def test_a_closing_report_whose_subject_was_read_as_compound_words(text: str, name: str) -> None:
    found = _source(text)
    assert found is not None and found[0] == name and found[1].startswith(name)


def test_an_urging_cites_who_urges() -> None:
    found = _source("The teachers' union urged parents to keep 40,000 pupils at home on Friday.")
    assert found is not None and found[0] == "The teachers' union"


@pytest.mark.parametrize(("text", "name"), [
    ("As the mayor arrived on Tuesday, a girl was hurt by a bystander, police said.", "police"),
    ("The mill is holding on, but it is under pressure from 30 percent cheaper imports, said the "
     "company's chief executive, Ann Ferris.", "the company's chief executive"),
])
def test_a_report_closing_the_sentence_after_a_comma(text: str, name: str) -> None:
    found = _source(text)
    assert found is not None and found[0] == name


def test_a_relative_pronoun_stands_for_the_noun_its_clause_describes() -> None:
    text = "They won the backing of Senator Gordon Hale, who told reporters he will raise $2 million."
    found = _source(text)
    assert found is not None and found[0] == "Senator Gordon Hale"


def test_a_report_conjoined_to_a_passive_clause_cites_its_subject() -> None:
    text = "By the evening, the mayor was forced into damage control and said that 40 jobs were safe."
    found = _source(text)
    assert found is not None and found[0] == "the mayor"


def test_a_person_after_of_is_what_the_evidence_is_about() -> None:
    assert _source("An audit of Mayor Dunn is under way over $3m in missing funds.") is None


def test_an_as_clause_telling_an_act_cites_nobody() -> None:
    text = "Turnout fell by 8 percent as the governor maintained her lead in the northern counties."
    assert _source(text) is None


def test_as_reported_still_cites_its_agent() -> None:
    found = _source("As reported by the Harbour Gazette, the council spent $4m on the bridge.")
    assert found is not None and found[0] == "the Harbour Gazette"


# Texts written for these tests (not taken from any corpus).
@pytest.mark.parametrize(("text", "name"), [
    ("Data compiled by Bloomberg show that bond sales reached $1.1 trillion in the first half.", "Bloomberg"),
    ("A study led by researchers at Karlsson University found that 1 in 8 adults had taken the drug.",
     "researchers at Karlsson University"),
])
def test_who_made_the_evidence_is_its_source(text: str, name: str) -> None:
    found = _source(text)
    assert found is not None and found[0] == name


@pytest.mark.parametrize("text", [
    "Work on the bridge is going according to plan, with 70% of the deck completed by May.",
    "The launch went ahead according to schedule on Friday, with 300 guests attending.",
])
def test_according_to_a_bare_plan_cites_nobody(text: str) -> None:
    assert _source(text) is None


def test_according_to_the_plan_of_a_body_still_cites() -> None:
    found = _source("According to the ministry's plan, 40,000 homes will be built by 2030.")
    assert found is not None


@pytest.mark.parametrize(("text", "name", "span"), [
    ("Support for the ferry stands at 38%, a Harbour/Ipsos poll found.", "Harbour/Ipsos",
     "a Harbour/Ipsos poll found"),
    ("The latest Gazette/Kestrel poll showed Mayor Lind leading with 31 percent.", "Gazette/Kestrel",
     "The latest Gazette/Kestrel poll showed"),
    ("According to a Gallup poll, 70% of Americans support the levy.", "Gallup",
     "According to a Gallup poll"),
    ("A Quinnipiac University poll found the race tied at 44%.", "Quinnipiac University",
     "A Quinnipiac University poll found"),
])
def test_a_poll_cites_the_pollster_named_before_it(text: str, name: str, span: str) -> None:
    assert _source(text) == (name, span)


@pytest.mark.parametrize("text", [
    "A New Hampshire poll released Monday showed Mayor Lind ahead by 20 points.",
    "A Republican poll found 30% of members wanted a new leader.",
])
def test_a_place_or_group_before_a_poll_is_not_its_pollster(text: str) -> None:
    found = _source(text)
    assert found is not None and found[0].endswith("poll")


@pytest.mark.parametrize(("text", "name"), [
    ("Forty-two percent of drivers approve of the toll, according to adults polled by Reuters.", "Reuters"),
    ("Of 1,000 adults surveyed by Gallup, 61% said the economy was getting worse.", "Gallup"),
    ("Most of the 2,000 farmers polled by Reuters expect lower wheat prices next year.", "Reuters"),
    ("Sixty percent of those surveyed by Pew Research Center want stricter rules.", "Pew Research Center"),
    ("Economists polled by Reuters had forecast growth of 0.4% in the quarter.", "Reuters"),
])
def test_people_polled_by_a_pollster_cite_the_pollster(text: str, name: str) -> None:
    found = _source(text)
    assert found is not None and found[0] == name


def test_a_speaker_reporting_a_poll_is_still_the_source() -> None:
    found = _source("Mayor Lind said 40% of voters polled by Gallup backed her.")
    assert found == ("Mayor Lind", "Mayor Lind said")


@pytest.mark.parametrize(("text", "name"), [
    ("Revenue rose 94% in the quarter, according to LSEG data.", "LSEG"),
    ("Labor Department data showed 200,000 jobs were added in May.", "Labor Department"),
    ("A Harbourside University study found that 30% of pupils skip breakfast.", "Harbourside University"),
])
def test_evidence_cites_the_maker_named_before_it(text: str, name: str) -> None:
    found = _source(text)
    assert found is not None and found[0] == name


@pytest.mark.parametrize("text", [
    "A UN panel investigation found that 300 people died.",
    "According to a March report, prices rose 3%.",
])
def test_evidence_with_no_maker_named_before_it_is_cited_as_written(text: str) -> None:
    found = _source(text)
    assert found is not None and found[0].split()[-1] in ("investigation", "report")


def test_a_name_parsed_as_a_second_subject_joins_the_noun_it_names() -> None:
    found = _source("Wheat output will shrink to 78 million tonnes, the consultancy SovEcon estimated.")
    assert found == ("the consultancy SovEcon", "the consultancy SovEcon estimated")


def test_a_closing_report_read_as_a_participle_on_the_evidence() -> None:
    found = _source("Mayor Ana Lind leads her challenger by 9 points, a Harbour/Ipsos poll found on Tuesday.")
    assert found == ("Harbour/Ipsos", "a Harbour/Ipsos poll found")


def test_the_maker_the_rules_named_is_kept_over_the_evidence_as_quote_speaker() -> None:
    from unspin.components._claims_source import sources_from_quotes
    from unspin.doc import Attribution, Claim, Quote

    text = "Support for the ferry stands at 38%, a Harbour/Ipsos poll found."
    at = text.index("a Harbour")
    cue = text.index("found")
    claims = [Claim(0, len(text), source=Attribution(name="Harbour/Ipsos", start=at, end=cue + 5))]
    speaker = Attribution(name="a Harbour/Ipsos poll", start=at, end=cue - 1)
    found = Attribution(name="find", start=cue, end=cue + 5)
    quotes = [Quote(0, at - 2, kind="reported", speaker=speaker, cue=found)]
    assert sources_from_quotes(claims, quotes, text) == 0
    assert claims[0].source is not None and claims[0].source.name == "Harbour/Ipsos"


def test_a_maker_whose_name_holds_of_is_named_whole() -> None:
    found = _source("Mortgage approvals rose to 43,300 in September, Bank of England figures show.")
    assert found == ("Bank of England", "Bank of England figures show")


def test_the_rules_name_kept_over_a_speaker_that_only_describes_it() -> None:
    from unspin.components._claims_source import sources_from_quotes
    from unspin.doc import Attribution, Claim, Quote

    text = "Wheat output will shrink to 78 million tonnes, the consultancy SovEcon estimated."
    at, cue = text.index("the consultancy"), text.index("estimated")
    claims = [Claim(0, len(text), source=Attribution(name="the consultancy SovEcon", start=at, end=cue + 9))]
    speaker = Attribution(name="the consultancy", start=at, end=at + 15)
    quotes = [Quote(0, at - 2, kind="reported", speaker=speaker,
                    cue=Attribution(name="estimate", start=cue, end=cue + 9))]
    assert sources_from_quotes(claims, quotes, text) == 0
    assert claims[0].source is not None and claims[0].source.name == "the consultancy SovEcon"
    # a name the speaker gives is not replaced by a description the rules add to it
    claims[0].source = Attribution(name="Doyle's lawyer, Kate Mills KC", start=0, end=30)
    quotes[0].speaker = Attribution(name="Kate Mills", start=16, end=26)
    assert sources_from_quotes(claims, quotes, text) == 1


def test_a_hyphenated_title_split_by_the_parser_stays_with_its_name() -> None:
    found = _source("Only 2 such galaxies are expected per square degree, said co-author Dr. Kevin Hale.")
    assert found is not None and found[0] == "co-author Dr. Kevin Hale"


# Texts written for these tests (not taken from any corpus).
@pytest.mark.parametrize(("text", "name", "span"), [
    ("Mortgage rates rose to 5.1%, according to data from Moneyfacts.", "Moneyfacts",
     "according to data from Moneyfacts"),
    ("Data from Moneyfacts showed that rates rose to 5.1%.", "Moneyfacts", "Data from Moneyfacts showed"),
    ("Rents rose 4%, according to figures from Homelet.", "Homelet", "according to figures from Homelet"),
])
def test_numbers_from_a_name_cite_whoever_compiled_them(text: str, name: str, span: str) -> None:
    assert _source(text) == (name, span)


@pytest.mark.parametrize(("text", "name", "span"), [
    ("A study published in the Lancet found that 30% of patients improved.", "the Lancet",
     "A study published in the Lancet found"),
    ("A study in the Lancet found that 30% of patients improved.", "the Lancet",
     "A study in the Lancet found"),
    ("Fish stocks fell 30%, according to a study published in the journal Nature.", "the journal Nature",
     "according to a study published in the journal Nature"),
    ("Prices fell 2%, according to a report in the Daily Ledger.", "the Daily Ledger",
     "according to a report in the Daily Ledger"),
])
def test_evidence_published_in_an_outlet_cites_the_outlet(text: str, name: str, span: str) -> None:
    assert _source(text) == (name, span)


@pytest.mark.parametrize(("text", "name"), [
    ("A report from Geneva said 40 people died in the floods.", "A report"),
    ("A poll in Iowa found that 40% of farmers backed the plan.", "A poll in Iowa"),
    ("Research in mice found that the drug cut tumours by 30%.", "Research in mice"),
])
def test_a_place_or_a_common_noun_after_in_or_from_is_no_publisher(text: str, name: str) -> None:
    found = _source(text)
    assert found is not None and found[0] == name


def test_a_quote_speaker_naming_the_evidence_leaves_the_backer_the_rules_named() -> None:
    from unspin.components._claims_source import sources_from_quotes
    from unspin.doc import Attribution, Claim, Quote

    text = "Mortgage rates rose to 5.1% in June, according to data from Moneyfacts."
    cue, data = text.index("according"), text.index("data")
    claims = [Claim(0, len(text), source=Attribution(name="Moneyfacts", start=cue, end=len(text) - 1))]
    quotes = [Quote(0, text.index(", according"), kind="reported",
                    speaker=Attribution(name="data from Moneyfacts", start=data, end=len(text) - 1),
                    cue=Attribution(name="according to", start=cue, end=cue + 12))]
    assert sources_from_quotes(claims, quotes, text) == 0
    assert claims[0].source is not None and claims[0].source.name == "Moneyfacts"


@pytest.mark.parametrize(("text", "name"), [
    ("The health ministry put the death toll at 38, including nine children.", "The health ministry"),
    ("The harbour board puts the cost of repairs at $2bn.", "The harbour board"),
    ("Organisers put turnout at more than 100,000 on Sunday.", "Organisers"),
])
def test_who_puts_a_figure_at_an_amount_is_its_source(text: str, name: str) -> None:
    found = _source(text)
    assert found is not None and found[0] == name


@pytest.mark.parametrize("text", [
    "The striker put the ball in the net at 3-1.",
    "Rescuers placed the injured at a school 3 miles away.",
    "The council put the plan on hold.",
])
def test_putting_something_somewhere_cites_nobody(text: str) -> None:
    assert _source(text) is None


@pytest.mark.parametrize(("text", "name", "span"), [
    ("The ministry's figures show unemployment at 5%.", "The ministry", "The ministry's figures show"),
    ("Eurostat's latest data showed prices rising 2.4%.", "Eurostat", "Eurostat's latest data showed"),
    ("According to the harbour board's estimates, 300 jobs will go.", "the harbour board",
     "According to the harbour board's estimates"),
])
def test_the_owner_of_evidence_is_its_source(text: str, name: str, span: str) -> None:
    assert _source(text) == (name, span)


@pytest.mark.parametrize(("text", "name"), [
    ("Last year's census found 3 million people living alone.", "Last year's census"),
    ("Britain's census found 3 million people living alone.", "Britain's census"),
    ("His study found a 20% rise in cases.", "His study"),
])
def test_a_time_a_place_or_a_pronoun_owning_evidence_is_no_source_of_its_own(text: str, name: str) -> None:
    found = _source(text)
    assert found is not None and found[0] == name


def test_the_subject_of_a_passive_cue_is_whom_it_was_said_to_not_a_source() -> None:
    from unspin.components._claims_source import sources_from_quotes
    from unspin.doc import Attribution, Claim, Quote

    text = "The firm was ordered to pay $2m after a jury found it had lied."
    jury, cue = text.index("a jury"), text.index("ordered")
    claims = [Claim(0, len(text), source=Attribution(name="a jury", start=jury, end=jury + 12))]
    quotes = [Quote(text.index("to pay"), len(text) - 1, kind="reported",
                    speaker=Attribution(name="The firm", start=0, end=8),
                    cue=Attribution(name="order", start=cue, end=cue + 7))]
    assert sources_from_quotes(claims, quotes, text) == 0
    assert claims[0].source is not None and claims[0].source.name == "a jury"


@pytest.mark.parametrize(("text", "name"), [
    ("A Novartis trial found the drug cut deaths by 20%.", "Novartis"),
    ("A trial run by Merrow Pharma found the drug cut deaths by 20%.", "Merrow Pharma"),
    ("A survey run by the harbour board showed 40% of boats were idle.", "the harbour board"),
])
def test_a_trial_is_evidence_its_maker_stands_behind(text: str, name: str) -> None:
    found = _source(text)
    assert found is not None and found[0] == name


@pytest.mark.parametrize(("text", "name"), [
    ("The report, by the Harbour Policy Institute, found that 2 million families would lose out.",
     "the Harbour Policy Institute"),
    ("The study, from the University of Leeds, showed that 30% of rivers were polluted.",
     "the University of Leeds"),
    ("The study, from Leeds, showed that 30% of rivers were polluted.", "The study"),
])
def test_the_maker_of_evidence_set_off_by_commas_is_its_source(text: str, name: str) -> None:
    found = _source(text)
    assert found is not None and found[0] == name
