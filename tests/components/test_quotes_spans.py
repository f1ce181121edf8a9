"""The quotes stage: how a speaker's span is written where the parse cuts a phrase short."""

from __future__ import annotations

import pytest
from _quotes import speaker_of as _speaker

from unspin.doc import Article
from unspin.pipeline import load


@pytest.fixture(scope="module")
def nlp():
    return load(components=["parse", "quotes", "actors"])


def test_a_name_the_parser_hung_on_the_cue_stays_in_the_speaker(nlp) -> None:
    # the parser reads "Capital Economics estimate" as one noun phrase, leaving "at" bare
    text = ("Economists at Capital Economics estimate that each day of strike action costs the "
            "economy around £100 million.")
    written, actor = _speaker(nlp(Article(id="t", text=text)), text, "each day of strike")
    assert written == "Economists at Capital Economics"
    assert actor == "Capital Economics"


@pytest.mark.parametrize("text, outer", [
    ("A former health minister has been charged with fraud over contracts worth £25 million, "
     "prosecutors said on Thursday.", "prosecutors said"),
    ("Talks on a ceasefire broke down on Sunday, with each delegation accusing the other of bad "
     "faith, mediators said.", "mediators said"),
])
def test_a_cue_inside_what_a_later_cue_reports_ends_with_its_own_clause(nlp, text: str, outer: str) -> None:
    doc = nlp(Article(id="t", text=text))
    assert _speaker(doc, text, text.split()[2])[0] == outer.split()[0]
    for quote in doc.quotes:
        assert outer not in text[quote.start:quote.end], "the later cue is not part of what is reported"


def test_a_pronoun_inside_an_unnamed_speakers_report_is_that_speaker(nlp) -> None:
    text = ("Lucy Tran, a nurse who crosses every morning, admits she would rather drive. Others are "
            "less sure. One regular, who asked not to be named, said she feared the bridge would "
            "bring more traffic to the old town.")
    doc = nlp(Article(id="t", text=text))
    holding = [q for q in doc.quotes if "more traffic" in text[q.start:q.end]]
    # the regular's report, once: what she feared is what she said, not a quote of Lucy Tran's
    assert len(holding) == 1, [(text[q.start:q.end], q.speaker) for q in holding]
    assert holding[0].speaker is not None and holding[0].speaker.name == "One regular"
    assert holding[0].speaker.actor is None


@pytest.mark.parametrize("text", [
    "Let's say you think a degree will cost $160,000 in 18 years.",
    "Suppose you believe the market will rise 10 percent next year.",
    "Say the council decided that the bridge must close for a year.",
])
def test_a_case_the_writer_makes_up_reports_nobody(nlp, text: str) -> None:
    assert [text[q.start:q.end] for q in nlp(Article(id="t", text=text)).quotes] == []


def test_a_supposition_inside_a_quotation_leaves_the_real_cue_after_it(nlp) -> None:
    text = ("“Let’s say they’re at 54 seats,” Senator Ann Cole said, referring to the number of seats "
            "the party controls.")
    doc = nlp(Article(id="t", text=text))
    assert _speaker(doc, text, "54 seats")[0] == "Senator Ann Cole"
    assert _speaker(doc, text, "the number of seats")[0] == "Senator Ann Cole"


@pytest.mark.parametrize("text, words, speaker, actor", [
    ("By the UN's count, more than 2,000 people have died since January.", "2,000 people",
     "the UN", "United Nations"),
    ("The economy shrank 2 percent last year, by the government's own reckoning.", "shrank 2 percent",
     "the government", "government"),
    ("In the valley alone, 300,000 acres of forest have been cleared, by one estimate.", "300,000 acres",
     "one estimate", None),
])
def test_by_a_reckoning_cites_its_source(nlp, text: str, words: str, speaker: str, actor: str | None) -> None:
    doc = nlp(Article(id="t", text=text))
    assert _speaker(doc, text, words) == (speaker, actor)
    quote = next(q for q in doc.quotes if words in text[q.start:q.end])
    assert quote.cue is not None and quote.cue.name.startswith("by ")
    assert " by " not in f" {text[quote.start:quote.end].lower()} ", "the phrase is the cue, not what is said"


@pytest.mark.parametrize("text", [
    "By all accounts, the old mayor was a kind and patient man.",
    "Unemployment in the region is far higher by some measures.",
    "The figures for the harbour were revised by the statistics office in May.",
])
def test_hearsay_a_hedge_and_a_passive_agent_cite_no_one(nlp, text: str) -> None:
    assert [q.cue.name for q in nlp(Article(id="t", text=text)).quotes if q.cue is not None] == []


def test_a_claim_by_a_reckoning_takes_its_source() -> None:
    text = "By the UN's count, more than 2,000 people have died in the region since January."
    doc = load(disable=["techniques"])(Article(id="t", text=text))
    claim = next(c for c in doc.claims if "2,000" in text[c.start:c.end])
    assert claim.source is not None and claim.source.name == "United Nations"
    assert text[claim.source.start:claim.source.end] == "By the UN's count"


def test_a_name_after_said_speaks_where_it_is_the_only_candidate(nlp) -> None:
    text = ("Most families would pay less under the plan, but for some, the losses would outstrip "
            "the gains, said Batchelder.")
    assert _speaker(nlp(Article(id="t", text=text)), text, "the losses would")[0] == "Batchelder"


@pytest.mark.parametrize("text, words, speaker", [
    ("A Reuters report that the talks had failed sent shares down 3 percent.", "talks had failed", "Reuters"),
    ("The minister dismissed a BBC report that the plant would close next year.", "plant would close", "BBC"),
])
def test_a_report_named_before_its_noun_speaks_its_that_clause(nlp, text: str, words: str,
                                                               speaker: str) -> None:
    doc = nlp(Article(id="t", text=text))
    quote = next(q for q in doc.quotes if words in text[q.start:q.end] and q.cue is not None
                 and q.cue.name == "report")
    assert text[quote.start:quote.end].startswith("that ")
    assert quote.speaker is not None and quote.speaker.name == speaker


@pytest.mark.parametrize("text, words, speaker", [
    ("Councillor Reyes, to his credit, has asked for an independent audit of the works.", "independent audit",
     "Councillor Reyes"),
    ("Critics of the plan, including Senator Ann Cole, said the bridge would never pay for itself.",
     "never pay", "Critics of the plan, including Senator Ann Cole"),
])
def test_an_aside_set_off_by_commas_is_not_the_speaker_but_examples_are(nlp, text: str, words: str,
                                                                        speaker: str) -> None:
    assert _speaker(nlp(Article(id="t", text=text)), text, words)[0] == speaker


def test_terms_of_anonymity_and_a_trailing_conjunction_are_not_what_is_said(nlp) -> None:
    text = ("Analysts said the cuts would save about $300 million a year but warned that debt remained "
            "a concern. \"They're buying time,\" said one analyst, who declined to be named because of "
            "company policy.")
    said = [text[q.start:q.end] for q in nlp(Article(id="t", text=text)).quotes]
    assert "the cuts would save about $300 million a year" in said
    assert not any("company policy" in words for words in said), said


def test_two_clauses_the_parser_hung_on_a_closing_cue_are_one_report(nlp) -> None:
    text = ("Senator Maria Lopez is seriously considering a run for governor next year, according to "
            "three people familiar with her thinking.\n\nLopez, 54, has told donors she will decide by "
            "the spring, one of the people said.")
    doc = nlp(Article(id="t", text=text))
    said = {text[q.start:q.end]: q for q in doc.quotes}
    assert "Lopez, 54, has told donors she will decide by the spring" in said, list(said)
    assert not any("according to" in words for words in said), "another source's phrase is not reported"


def test_markup_glued_to_a_name_is_not_the_speakers(nlp) -> None:
    text = ('So we rate it Mostly True.">Sanders said that the real unemployment rate for young '
            "people is 51 percent.")
    assert _speaker(nlp(Article(id="t", text=text)), text, "51 percent")[0] == "Sanders"


@pytest.mark.parametrize("text, source", [
    ("The minister dismissed a BBC report that the plant would close next year with the loss of 400 jobs.",
     "BBC"),
    ("Ann Cole said that a Reuters report that the plant would close with the loss of 400 jobs was right.",
     "Ann Cole"),
])
def test_a_claim_inside_a_report_another_speaker_disputes_is_the_reports(text: str, source: str) -> None:
    doc = load(disable=["techniques"])(Article(id="t", text=text))
    claim = next(c for c in doc.claims if "400 jobs" in text[c.start:c.end])
    assert claim.source is not None and claim.source.name == source


def test_a_full_stop_glued_to_an_amount_is_not_what_was_said(nlp) -> None:
    text = "Governments pledged in Paris in 2015 to limit warming to 1.5C. Campaigners say it is too late."
    said = [text[q.start:q.end] for q in nlp(Article(id="t", text=text)).quotes]
    assert "to limit warming to 1.5C" in said, said
    text = ('Club president Rui Costa said the club had rejected two earlier bids of €80m and €90m. '
            '"He is worth every cent," Costa told reporters.')
    said = [text[q.start:q.end] for q in nlp(Article(id="t", text=text)).quotes]
    assert "the club had rejected two earlier bids of €80m and €90m" in said, said


def test_an_interview_with_someone_is_theirs(nlp) -> None:
    text = ("'We cannot keep borrowing': an interview with the finance minister\n\n"
            "Finance Minister Leila Haddad has been in the job for six months.")
    assert _speaker(nlp(Article(id="t", text=text)), text, "keep borrowing")[0] == "the finance minister"


def test_a_title_and_wanted_for_a_crime_are_no_speech(nlp) -> None:
    text = ("Man wanted for attempted murder arrested at the border\n\n"
            "The committee published a report entitled “Why We Must Act Now on the Harbour Bridge”. "
            "“We must act now,” the chair said.")
    doc = nlp(Article(id="t", text=text))
    said = [text[q.start:q.end] for q in doc.quotes]
    assert "“Why We Must Act Now on the Harbour Bridge”" not in said
    assert not any(q.cue is not None and q.cue.name == "want" for q in doc.quotes), said
    assert _speaker(doc, text, "We must act now,”")[0] == "the chair"


@pytest.mark.parametrize("text, said, when", [
    ("Senator Maria Delgado said on Monday she would vote against the spending bill.",
     "she would vote against the spending bill", "on Monday"),
    ("The mayor told reporters last week the budget was balanced.", "the budget was balanced", "last week"),
])
def test_the_time_of_saying_after_the_cue_is_not_what_was_said(nlp, text: str, said: str, when: str) -> None:
    doc = nlp(Article(id="t", text=text))
    assert [text[q.start:q.end] for q in doc.quotes] == [said], when


def test_a_time_that_is_the_reported_clauses_subject_stays_in_it(nlp) -> None:
    text = "The coach said last week was the worst of the season."
    doc = nlp(Article(id="t", text=text))
    assert [text[q.start:q.end] for q in doc.quotes] == ["last week was the worst of the season"]


@pytest.mark.parametrize("text, first, second", [
    ("Officials say at least 4,000 people died, though aid workers fear the real toll is far higher.",
     ("at least 4,000 people died", "Officials"), ("the real toll is far higher", "aid workers")),
    ("About four in 10 voters said life would be worse, while nine in 10 said the economy favors "
     "the wealthy.",
     ("life would be worse", "About four in 10 voters"), ("the economy favors the wealthy", "nine in 10")),
])
def test_another_source_set_against_a_report_is_a_quote_of_its_own(nlp, text: str, first: tuple, second: tuple
                                                                    ) -> None:
    doc = nlp(Article(id="t", text=text))
    found = [(text[q.start:q.end], text[q.speaker.start:q.speaker.end] if q.speaker else None)
             for q in doc.quotes]
    assert found == [first, second]


def test_a_passive_clause_set_against_a_report_stays_in_it(nlp) -> None:
    text = ("Ware said Podliska asked interns to take up partisan projects, even though he was warned "
            "against it.")
    doc = nlp(Article(id="t", text=text))
    assert text[doc.quotes[0].start:doc.quotes[0].end].endswith("even though he was warned against it")


def test_a_name_written_right_after_a_speakers_title_is_part_of_the_speaker(nlp) -> None:
    text = 'As the economist John Kay once put it, "The most dangerous words in politics are common sense."'
    speaker = _speaker(nlp(Article(id="t", text=text)), text, "dangerous")
    assert speaker == ("the economist John Kay", "John Kay")


def test_a_report_cut_before_a_second_cue_loses_the_conjunction_before_it(nlp) -> None:
    text = ('In her resignation letter, Whitfield wrote that she had "followed the rules at all times" '
            'but did not want to become "a distraction".')
    doc = nlp(Article(id="t", text=text))
    assert 'that she had "followed the rules at all times"' in [text[q.start:q.end] for q in doc.quotes]


def test_a_question_put_by_someone_named_is_theirs_and_the_agent_is_not_what_was_asked(nlp) -> None:
    text = 'Asked by reporters on Thursday whether she would quit, Whitfield said: "Absolutely not."'
    doc = nlp(Article(id="t", text=text))
    assert _speaker(doc, text, "whether she would quit")[0] == "reporters"
    assert _speaker(doc, text, "Absolutely")[1] == "Whitfield"
    asked = [text[q.start:q.end] for q in doc.quotes if "quit" in text[q.start:q.end]]
    assert asked == ["whether she would quit"]


def test_an_explainers_answer_after_its_question_is_the_expert_quoted_before(nlp) -> None:
    text = ("We asked housing lawyer Priti Shah to explain.\n\nWhat changes on Monday?\n\n"
            "\"No-fault evictions end,\" Shah says.\n\nCan my rent still go up?\n\n"
            "\"Yes, but only once a year, and tenants can challenge increases.\"\n\n"
            "Landlords are unhappy.\n\n\"It is a disaster for the sector and for tenants too.\"")
    doc = nlp(Article(id="t", text=text))
    assert _speaker(doc, text, "only once a year")[1] == "Priti Shah"
    last = [q for q in doc.quotes if "disaster" in text[q.start:q.end]]
    assert last and last[0].speaker is None, "a paragraph of the writer's own lies between"


def test_a_named_cue_inside_what_a_later_cue_reports_keeps_its_own_speaker(nlp) -> None:
    text = ("Commerce Secretary Linda Park, who has pushed for the tariffs, argued in a meeting last week "
            "that a pause would \"reward bad behaviour\", one of the people said.")
    doc = nlp(Article(id="t", text=text))
    found = {text[q.start:q.end]: q.speaker.actor or q.speaker.name for q in doc.quotes if q.speaker}
    assert found['that a pause would "reward bad behaviour"'] == "Linda Park"
    assert _speaker(doc, text, "Commerce Secretary")[0] == "one of the people"  # one of them speaks, not all


@pytest.mark.parametrize("text, said, speaker", [
    ("The council approved the deal, which Mayor Tom Reyes said would cost $4 billion.",
     "would cost $4 billion", "Mayor Tom Reyes"),
    ("The scheme amounts to what the senators said was a giveaway to developers.",
     "was a giveaway to developers", "the senators"),
    ("Tenants face a rent rise that officials said was unavoidable.", "was unavoidable", "officials"),
])
def test_a_relative_word_fronted_before_the_cue_is_not_what_was_said(nlp, text: str, said: str,
                                                                     speaker: str) -> None:
    doc = nlp(Article(id="t", text=text))
    reported = {text[q.start:q.end]: q.speaker and text[q.speaker.start:q.speaker.end] for q in doc.quotes}
    assert said in reported, "the content starts after the cue"
    assert reported[said] == speaker


def test_an_opening_phrase_the_parser_made_a_second_subject_is_not_the_speaker(nlp) -> None:
    # in this article the parser reads "Sentencing Mark Dunn ..." as a subject of "told" too
    text = ("Judge jails fraudster for eight years\n\nA former bank manager who stole £3.2 million from "
            "elderly customers was jailed for eight years on Friday.\n\nSentencing Mark Dunn at Leeds "
            "Crown Court, Judge Susan Hale told him: “You betrayed people who trusted you with their "
            "life savings. Your remorse comes far too late.”")
    doc = nlp(Article(id="t", text=text))
    assert _speaker(doc, text, "You betrayed") == ("Judge Susan Hale", "Susan Hale")


def test_sources_terms_of_anonymity_and_one_of_them(nlp) -> None:
    text = ("Two senior officials, who spoke on condition of anonymity because they were not authorised "
            "to discuss the plans, said the Treasury had blocked extra funding.\n\n"
            "\"The money simply isn't there,\" one of them said.")
    doc = nlp(Article(id="t", text=text))
    reported = {text[q.start:q.end]: q.speaker and text[q.speaker.start:q.speaker.end] for q in doc.quotes}
    assert reported.get("the Treasury had blocked extra funding") == "Two senior officials"
    assert not any("plans" in quote for quote in reported), "what they may not discuss is not said"
    assert reported.get("\"The money simply isn't there,\"") == "one of them"


def test_a_headlines_plural_noun_read_as_a_verb_is_no_cue(nlp) -> None:
    text = "Ceasefire talks collapse as shelling resumes\n\nTalks on a ceasefire collapsed on Saturday."
    assert nlp(Article(id="t", text=text)).quotes == []
    text = "Government says cuts are needed\n\nThe plan was published on Monday."
    assert [text[q.start:q.end] for q in nlp(Article(id="t", text=text)).quotes] == ["cuts are needed"]


def test_his_spokesman_speaks_for_the_unnamed_office_holder_not_a_man_named_before(nlp) -> None:
    text = ("Opposition leader Karl Brandt spoke at a rally. The United Nations Secretary-General called "
            "for a halt to the fighting, his spokesman said. Karl Brandt left early. The talks failed, "
            "his spokesman said.")
    doc = nlp(Article(id="t", text=text))
    assert _speaker(doc, text, "Secretary-General called") == ("his spokesman", None)
    assert _speaker(doc, text, "The talks failed") == ("his spokesman", "Karl Brandt")


@pytest.mark.parametrize("text, found, source", [
    ("People who drink coffee are 12% less likely to die early, a new study has found.",
     "People who drink coffee are 12% less likely to die early", "a new study"),
    ("Burglaries fell by 10% last year, police figures show.", "Burglaries fell by 10% last year",
     "police figures"),
])
def test_a_documents_finding_written_after_it_is_a_quote_of_the_document(nlp, text: str, found: str,
                                                                          source: str) -> None:
    doc = nlp(Article(id="t", text=text))
    assert _speaker(doc, text, found)[0] == source


def test_a_summing_claim_after_the_report_is_not_what_was_reported(nlp) -> None:
    text = ("Senator Ruth Ames said the levy would \"raise taxes on working families\", a claim "
            "Democrats dispute.")
    doc = nlp(Article(id="t", text=text))
    assert [text[q.start:q.end] for q in doc.quotes] == ['the levy would "raise taxes on working families"']


def test_a_decision_summing_up_an_act_is_not_part_of_it(nlp) -> None:
    text = ("The European Commission has previously fined the company €200 million for breaching "
            "competition rules, a decision Lumen is appealing.")
    doc = nlp(Article(id="t", text=text))
    assert not any("appealing" in text[q.start:q.end] for q in doc.quotes)


@pytest.mark.parametrize(("text", "speaker"), [
    ("The plan would cost $84 billion over ten years, according to a speech Senator Ruiz delivered "
     "in Ohio on Monday.", "Ruiz"),
    ("The cuts are needed to protect the pension fund, according to a letter the chancellor sent to "
     "MPs.", "the chancellor"),
])
def test_the_clause_describing_what_was_said_names_who_said_it(nlp, text: str, speaker: str) -> None:
    doc = nlp(Article(id="t", text=text))
    assert len(doc.quotes) == 1
    assert speaker in text[doc.quotes[0].speaker.start:doc.quotes[0].speaker.end]


def test_a_relative_clause_after_a_reporting_noun_is_not_its_content(nlp) -> None:
    text = "Prices will fall next year, according to a statement that the company released on Friday."
    doc = nlp(Article(id="t", text=text))
    assert [text[q.start:q.end] for q in doc.quotes] == ["Prices will fall next year"]


@pytest.mark.parametrize(("text", "words", "speaker"), [
    ('The rule asks only for a "steady record of paid work," as a Treasury memo put it, and many '
     'applicants have one.', "steady record", "a Treasury memo"),
    ('Several councillors backed the plan, which rests on a "duty of care to every tenant," as the '
     'housing report put it.', "duty of care", "the housing report"),
    ('Protesters, or "paid agitators," as the minister called them, gathered outside.',
     "paid agitators", "the minister"),
])
def test_as_someone_put_it_names_who_worded_the_quotation(nlp, text: str, words: str, speaker: str) -> None:
    doc = nlp(Article(id="t", text=text))
    assert _speaker(doc, text, words)[0] == speaker


@pytest.mark.parametrize(("text", "speaker"), [
    ("The ad uses footage of Maria Duarte asking, “Who will pay for all of this?”", "Maria Duarte"),
    ("The union released a video of the chairman telling members, “We will not accept this offer.”",
     "the chairman"),
])
def test_a_recording_of_someone_speaking_names_them_not_who_shows_it(nlp, text: str, speaker: str) -> None:
    doc = nlp(Article(id="t", text=text))
    quoted = [q for q in doc.quotes if text[q.start] == "“"]
    assert len(quoted) == 1
    assert text[quoted[0].speaker.start:quoted[0].speaker.end] == speaker


@pytest.mark.parametrize(("words", "speaker"), [
    ("the council is doing a poor job", "Seven in 10"),
    ("they would move away if rents rose again", "most"),
    ("buses should run all night", "About 3 in 10"),
    ("the new stadium was a waste of money", "41 percent"),
])
def test_a_share_of_those_polled_speaks_for_itself(nlp, words: str, speaker: str) -> None:
    text = ("A survey by the Westbrook Institute found support for the council slipping. Seven in 10 say "
            "the council is doing a poor job, and most said they would move away if rents rose again. "
            "About 3 in 10 say buses should run all night, while 41 percent said the new stadium was a "
            "waste of money.")
    doc = nlp(Article(id="t", text=text))
    assert _speaker(doc, text, words)[0] == speaker

