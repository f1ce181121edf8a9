"""The quotes stage: quotation marks of every style, reported speech, speakers and cues."""

from __future__ import annotations

import pytest
from _quotes import speaker_of as _speaker_of

from unspin.components._quotes_marks import find_quotations
from unspin.doc import Article
from unspin.pipeline import load


def _texts(text: str) -> list[str]:
    return [text[s:e] for s, e in find_quotations(text)]


@pytest.mark.parametrize("text, expected", [
    ('He said "we will win this" and left.', ['"we will win this"']),
    ("She said: “Never again will this happen.”", ["“Never again will this happen.”"]),
    ("«Nous partons demain», a-t-il dit.", ["«Nous partons demain»"]),
    ("„Wir gehen morgen“, sagte sie.", ["„Wir gehen morgen“"]),
    ("‘We will rebuild the bridge,’ the mayor said.", ["‘We will rebuild the bridge,’"]),
    ("'We will rebuild the bridge,' she said.", ["'We will rebuild the bridge,'"]),
    ("‘The sailors’ pay will rise in May,’ she said.", ["‘The sailors’ pay will rise in May,’"]),
    ('He said "she called it ‘a sham’ twice" and left.', ['"she called it ‘a sham’ twice"']),
])
def test_quotation_mark_styles(text: str, expected: list[str]) -> None:
    assert _texts(text) == expected


def test_two_apostrophes_stand_for_a_quotation_mark() -> None:
    text = "''The ferry is late again,'' Ann Cole said, calling it ''a disgrace''. The sailors' pay rose."
    assert _texts(text) == ["''The ferry is late again,''", "''a disgrace''"]


def test_unbalanced_quotation_ends_with_its_paragraph() -> None:
    text = "The mayor wrote: “This bridge is a scandal and a waste\n\nCouncil met on Monday."
    assert _texts(text) == ["“This bridge is a scandal and a waste"]


@pytest.mark.parametrize("text, expected", [
    ("“We will keep fighting, said one resident, Ana Ruiz, who has lived here for years.",
     ["“We will keep fighting,"]),
    ("“The bridge must go, Ana Ruiz said on Monday. Nobody asked us.", ["“The bridge must go,"]),
    ("“Nobody asked us — she added, and left the hall.", ["“Nobody asked us"]),
    # no attribution inside: the quotation still ends with its paragraph
    ("“We said no, and we meant it\n\nThe council met.", ["“We said no, and we meant it"]),
])
def test_unbalanced_quotation_ends_before_the_attribution_inside_it(text: str, expected: list[str]) -> None:
    assert _texts(text) == expected


def test_quotation_running_across_paragraphs_is_one_quote() -> None:
    text = ("“The first part of my statement goes here.\n\n"
            "“And the second part follows,” she said.\n\nThe end.")
    quotes = find_quotations(text)
    assert len(quotes) == 1
    start, end = quotes[0]
    assert text[start:end].startswith("“The first") and text[start:end].endswith("follows,”")


@pytest.mark.parametrize("mark", ["‘", "'"])
def test_single_quoted_quotation_running_across_paragraphs_is_one_quote(mark: str) -> None:
    close = "’" if mark == "‘" else "'"
    text = (f"Ann Cole, a farmer, told the inquiry:\n\n{mark}We lost the harvest. Nobody came.\n\n"
            f"{mark}The insurers said we were not covered.\n\n{mark}I do not know what comes next.{close}"
            "\n\nThe inquiry sits again on Monday.")
    quotes = _texts(text)
    assert len(quotes) == 1
    assert quotes[0].startswith(f"{mark}We lost") and quotes[0].endswith(f"next.{close}")
    # left open, it ends with the last paragraph that reopened it; a lone unclosed mark is no quote
    text = f"She said:\n\n{mark}We lost the harvest.\n\n{mark}And the barn.\n\nThe inquiry sits on Monday."
    assert _texts(text) == [f"{mark}We lost the harvest.\n\n{mark}And the barn."]
    assert _texts(f"She said:\n\n{mark}We lost the harvest.\n\nThe inquiry sits on Monday.") == []
    # paragraphs set apart by a single line break, as many pages are typed
    text = f"She said:\n{mark}We lost the harvest.\n{mark}Nobody came to help.{close}\nThe end."
    assert _texts(text) == [f"{mark}We lost the harvest.\n{mark}Nobody came to help.{close}"]


def test_a_statement_quoted_whole_over_paragraphs_closes_at_its_last() -> None:
    text = ('In a statement, the board said:\n\n"The ferry will not run this winter.\n\n'
            'The repairs will take four months.\n\nWe apologise to every islander."\n\n'
            "The board meets in May.")
    assert _texts(text) == [text[text.index('"The ferry'):text.index('islander."') + len('islander."')]]
    # a later paragraph that opens a quotation of its own does not close this one
    text = ('The board said:\n\n"The ferry will not run this winter.\n\nAnn Cole said "no" to it.')
    assert _texts(text) == ['"The ferry will not run this winter.', '"no"']


def test_apostrophes_and_elisions_are_not_single_quotations() -> None:
    text = ("It’s the council’s plan and O’Neill’s too. The sailors' pay rose. Rock 'n' roll "
            "in the '90s was 'great', the Joneses' friends said.")
    assert _texts(text) == ["'great'"]


def test_many_unclosed_single_marks_are_read_in_one_pass() -> None:
    # each mark opens and none closes; a scan to the paragraph's end from each took minutes
    assert find_quotations(" 'ab cd" * 15000) == []
    assert _texts(" ‘ab" * 20000 + " ‘closed at last’") == ["‘closed at last’"]


def test_inch_marks_and_apostrophes_are_not_quotations() -> None:
    assert _texts("A 5\" screen and Tom's car.") == []


@pytest.fixture(scope="module")
def nlp():
    return load(components=["parse", "quotes", "actors"])


def test_reported_speech_has_speaker_cue_and_content(nlp) -> None:
    text = "Senator Laura Whitfield said that the new tax would hurt small farmers."
    doc = nlp(Article(id="t", text=text))
    assert len(doc.quotes) == 1
    quote = doc.quotes[0]
    assert quote.kind == "reported"
    assert "hurt small farmers" in doc.span_text(quote)
    assert quote.speaker is not None and quote.speaker.actor == "Laura Whitfield"
    assert quote.cue is not None and text[quote.cue.start:quote.cue.end] == "said"


@pytest.mark.parametrize(("text", "cue", "name"), [
    ("Governor Helen Park has not commented on the toll plan.", "has not commented", "not comment"),
    ("Ann Cole never said the ferry would stop running.", "never said", "never say"),
    ("Tom Reyes didn't say whether the ferry would run.", "didn't say", "not say"),
    ("Ann Cole said the ferry would stop running.", "said", "say"),
])
def test_a_negated_cue_keeps_its_negation(nlp, text: str, cue: str, name: str) -> None:
    doc = nlp(Article(id="t", text=text))
    assert len(doc.quotes) == 1 and doc.quotes[0].cue is not None
    assert (text[doc.quotes[0].cue.start:doc.quotes[0].cue.end], doc.quotes[0].cue.name) == (cue, name)


@pytest.mark.parametrize(("text", "content"), [
    ("Ferry fares rose 12% last year, according to the Harbour Authority, and more than 300 "
     "crossings were cancelled in the winter storms.", "Ferry fares rose 12% last year"),
    ("That plan is dead, according to Ann Cole, because the council will not fund it.", "That plan is dead"),
    ("The port authority blamed the storm: 90 crossings were lost in a week, according to the "
     "harbour master, twice the usual number.", "90 crossings were lost in a week"),
])
def test_according_to_reports_the_clause_it_hangs_on(nlp, text: str, content: str) -> None:
    doc = nlp(Article(id="t", text=text))
    according = [q for q in doc.quotes if q.cue is not None and q.cue.name == "according to"]
    assert [doc.span_text(q) for q in according] == [content]


def test_an_apposition_describes_the_speaker_it_follows(nlp) -> None:
    text = ("Senator Maya Lund, a Democrat from Vermont, blamed the port authority for the delays. "
            "The Democrats have asked for an inquiry.")
    doc = nlp(Article(id="t", text=text))
    blamed = next(q for q in doc.quotes if q.cue is not None and q.cue.name == "blame")
    assert blamed.speaker is not None and blamed.speaker.actor == "Maya Lund"
    assert doc.span_text(blamed.speaker) == "Senator Maya Lund"


def test_a_charge_denied_after_it_is_no_part_of_the_accusation(nlp) -> None:
    text = ("Councillor Ann Cole accused the port board of hiding the losses from auditors, a charge "
            "the board denied.")
    doc = nlp(Article(id="t", text=text))
    accused = next(q for q in doc.quotes if q.cue is not None and q.cue.name == "accuse")
    assert doc.span_text(accused) == "the port board of hiding the losses from auditors"


@pytest.mark.parametrize("dash", ["--", "-", "\u2014"])
def test_a_dateline_is_never_the_speaker_and_a_participle_phrase_reports_no_more(nlp, dash: str) -> None:
    text = (f"PORT ALDER, Maine {dash} Mayor Ann Cole, opening the new bridge on Saturday, said it "
            "would carry 40,000 cars a day.")
    doc = nlp(Article(id="t", text=text))
    said = next(q for q in doc.quotes if q.cue is not None and q.cue.name == "say")
    assert doc.span_text(said) == "it would carry 40,000 cars a day"
    assert said.speaker is not None and doc.span_text(said.speaker) == "Mayor Ann Cole"
    assert all(q.speaker is None or "PORT" not in doc.span_text(q.speaker) for q in doc.quotes)


def test_a_second_verb_of_speech_is_a_quote_of_its_own(nlp) -> None:
    text = ("The harbour master, Ann Cole, said more than 300 crossings had been cancelled since "
            "January and warned that the ferry could stop running in March.")
    doc = nlp(Article(id="t", text=text))
    found = {q.cue.name: (doc.span_text(q), q.speaker.actor if q.speaker else None)
             for q in doc.quotes if q.cue is not None}
    assert found["say"] == ("more than 300 crossings had been cancelled since January", "Ann Cole")
    assert found["warn"] == ("that the ferry could stop running in March", "Ann Cole")


def test_the_name_beside_a_common_noun_speaks_not_the_possessor(nlp) -> None:
    text = ("Mayor Diane Keller opened the bridge. Keller's spokesman, Tom Reyes, told reporters that "
            "the contracts were fair and open.")
    doc = nlp(Article(id="t", text=text))
    told = [q for q in doc.quotes if "contracts were fair" in doc.span_text(q)]
    assert len(told) == 1 and told[0].speaker is not None
    assert (told[0].speaker.name, told[0].speaker.actor) == ("Tom Reyes", "Tom Reyes")
    reyes = [a for a in doc.actors if a.name == "Tom Reyes"]
    assert reyes and reyes[0].quotes == [doc.quotes.index(told[0])]


def test_someone_an_actor_owns_speaks_for_it(nlp) -> None:
    text = "Mayor Diane Keller opened the bridge. Keller's spokesman said the bridge cost 48 million dollars."
    doc = nlp(Article(id="t", text=text))
    [quote] = [q for q in doc.quotes if "48 million" in doc.span_text(q)]
    assert quote.speaker is not None
    assert (quote.speaker.name, quote.speaker.actor) == ("Keller's spokesman", "Diane Keller")


def test_a_pronoun_speaker_is_not_someone_named_inside_the_quotation(nlp) -> None:
    text = ("Adam Schiff spoke on Monday. “Robert Mueller must testify before the committee,” he said "
            "in a tweet.")
    doc = nlp(Article(id="t", text=text))
    speakers = [(q.speaker.name, q.speaker.actor) for q in doc.quotes if q.speaker]
    assert speakers == [("Adam Schiff", "Adam Schiff")]


@pytest.mark.parametrize("text, speaker", [
    ("American officials said the sanctions would stay in place until May.", "American officials"),
    ("Two White House officials said the meeting was cancelled.", "Two White House officials"),
])
def test_people_who_speak_for_an_actor_keep_their_own_name(nlp, text: str, speaker: str) -> None:
    doc = nlp(Article(id="t", text=text))
    assert [q.speaker.name for q in doc.quotes if q.speaker] == [speaker]
    assert all(q.speaker.actor for q in doc.quotes if q.speaker)


def test_a_title_before_a_name_is_not_the_speaker(nlp) -> None:
    doc = nlp(Article(id="t", text="Syria's president Bashar al-Assad said the war was over."))
    assert [(q.speaker.name, q.speaker.actor) for q in doc.quotes if q.speaker] == [
        ("Bashar al-Assad", "Bashar al-Assad")]


def test_a_headline_source_before_a_colon_keeps_its_name(nlp) -> None:
    # the parse may call the capitalised headline an apposition of "Documents": only a name set
    # off by a comma after its noun speaks in the noun's place
    text = "Documents: Councillors Hid The Audit From Voters\n\nThe audit was finished in May."
    doc = nlp(Article(id="t", text=text))
    assert [(doc.span_text(q), q.speaker and q.speaker.name) for q in doc.quotes] == [
        ("Councillors Hid The Audit From Voters", "Documents")]


def test_an_unclosed_quotation_takes_the_speaker_named_inside_it(nlp) -> None:
    text = ("The hall was full.\n\n“We will keep fighting, said one resident, Ana Ruiz, who has lived "
            "here for years.")
    doc = nlp(Article(id="t", text=text))
    assert [doc.span_text(q) for q in doc.quotes] == ["“We will keep fighting,"]
    assert doc.quotes[0].speaker is not None and doc.quotes[0].speaker.name == "Ana Ruiz"


def test_a_cue_in_the_next_paragraph_does_not_introduce_a_quotation(nlp) -> None:
    text = ("Senator Laura Whitfield blocked the vote. \"This bill is a gift to agribusiness,\" the "
            "senator told reporters. \"Families will pay for it.\"\n\nHer colleague, Senator Mark Ode, "
            "disagreed.")
    doc = nlp(Article(id="t", text=text))
    families = [q for q in doc.quotes if "Families" in doc.span_text(q)]
    assert len(families) == 1
    assert families[0].cue is None or text[families[0].cue.start:families[0].cue.end] != "disagreed"
    assert families[0].speaker is not None and families[0].speaker.actor == "Laura Whitfield"


def test_a_headline_is_not_part_of_the_speaker(nlp) -> None:
    text = "Bridge row deepens\n\nMayor Diane Keller defended the plan, saying it would bring jobs."
    doc = nlp(Article(id="t", text=text))
    spoken = [q for q in doc.quotes if q.speaker is not None]
    assert spoken, "the reported speech should be found"
    for quote in spoken:
        assert "Bridge" not in text[quote.speaker.start:quote.speaker.end]


def test_direct_quote_speaker_given_by_pronoun_is_resolved(nlp) -> None:
    text = ("Laura Whitfield visited the farm on Monday.\n\n"
            "“We will not let this tax pass,” she told the crowd.")
    doc = nlp(Article(id="t", text=text))
    direct = [q for q in doc.quotes if q.kind == "direct"]
    assert len(direct) == 1
    speaker = direct[0].speaker
    assert speaker is not None
    assert text[speaker.start:speaker.end] == "she"
    assert speaker.actor == "Laura Whitfield"


def test_according_to_gives_the_source(nlp) -> None:
    text = "According to the Harbour Authority, the crossing will close for six months."
    doc = nlp(Article(id="t", text=text))
    assert doc.quotes, "an 'according to' attribution should be found"
    quote = doc.quotes[0]
    assert quote.cue is not None and quote.cue.name == "according to"
    assert quote.speaker is not None and "Harbour Authority" in text[quote.speaker.start:quote.speaker.end]
    assert "crossing will close" in doc.span_text(quote)


def test_text_without_speech_has_no_quotes(nlp) -> None:
    doc = nlp(Article(id="t", text="The bridge opened in 1932. It carries eight lanes of traffic."))
    assert doc.quotes == []


def test_quotes_can_be_disabled_without_breaking_actors() -> None:
    text = "“The plan is dead,” Mayor Ann Cole said. Ann Cole left."
    doc = load(disable=["quotes"], replace={"techniques": "techniques_lexicon"})(Article(id="t", text=text))
    assert doc.quotes == []
    assert any(a.name == "Ann Cole" for a in doc.actors)
    assert "quotes" not in doc.ran


def test_quotation_spans_are_ordered_disjoint_and_in_bounds() -> None:
    from hypothesis import example, given, settings
    from hypothesis import strategies as st

    alphabet = st.sampled_from(list("ab \n\"“”„«»‹›「」.,:'’"))

    @settings(max_examples=300, deadline=None)
    @given(st.text(alphabet=alphabet, max_size=80))
    @example("'a\n'“a")  # a single mark left open ran over the double-marked quotation after it
    @example("「」\n‹a”")  # a quotation run on over paragraphs held the one its last paragraph opens
    def check(text: str) -> None:
        spans = find_quotations(text)
        last = 0
        for start, end in spans:
            assert last <= start < end <= len(text)
            last = end

    check()


def test_quotes_stage_survives_odd_texts(nlp) -> None:
    for text in ("“", "\"\"\"\"", "« »\n\n“\n\n”", "said said said.", "“a”“b”“c” he said"):
        doc = nlp(Article(id="t", text=text))
        for quote in doc.quotes:
            assert 0 <= quote.start < quote.end <= len(text)


def test_relative_pronoun_speaker_is_resolved_to_the_noun_it_describes(nlp) -> None:
    text = "Laura Whitfield, who said that farmers would gain, left early."
    doc = nlp(Article(id="t", text=text))
    said = [q for q in doc.quotes if q.cue is not None and q.cue.name == "say"]
    assert said and said[0].speaker is not None
    assert text[said[0].speaker.start:said[0].speaker.end] == "who"
    assert said[0].speaker.actor == "Laura Whitfield"


def _spoken_by(doc, text: str) -> dict[str, str | None]:
    """Each quote's text -> the actor of its speaker (None when it has none)."""
    return {text[q.start:q.end]: q.speaker and q.speaker.actor for q in doc.quotes}


def test_inverted_cue_takes_the_name_after_it(nlp) -> None:
    text = "“The bridge will reopen in May, before the floods,” said Mayor Ann Cole."
    doc = nlp(Article(id="t", text=text))
    written, actor = _speaker_of(doc, text, "reopen in May")
    assert "Ann Cole" in written and actor == "Ann Cole"


def test_apposition_is_left_out_of_the_speaker_span(nlp) -> None:
    text = "Ann Cole, the mayor of Dunmore, said the bridge would reopen in May."
    doc = nlp(Article(id="t", text=text))
    written, _ = _speaker_of(doc, text, "bridge would reopen")
    assert written == "Ann Cole"


def test_passive_agent_is_the_speaker(nlp) -> None:
    text = "The council was told by Mayor Ann Cole that the bridge would reopen in May."
    doc = nlp(Article(id="t", text=text))
    written, actor = _speaker_of(doc, text, "bridge would reopen")
    assert "Ann Cole" in written and actor == "Ann Cole"


def test_passive_without_a_clause_reports_its_subject(nlp) -> None:
    text = "Ann Cole arrived early. The new harbour budget was endorsed by the Farmers Union on Monday."
    doc = nlp(Article(id="t", text=text))
    written, _ = _speaker_of(doc, text, "harbour budget")
    assert "Farmers Union" in written


def test_reporting_noun_takes_its_possessor_as_speaker(nlp) -> None:
    text = "Mayor Ann Cole's claim that the old bridge is unsafe surprised the engineers."
    doc = nlp(Article(id="t", text=text))
    quote = next(q for q in doc.quotes if "bridge is unsafe" in text[q.start:q.end])
    assert quote.cue is not None and quote.cue.name == "claim"
    written, actor = _speaker_of(doc, text, "bridge is unsafe")
    assert written.endswith("Ann Cole") and actor == "Ann Cole"


def test_according_to_a_statement_names_who_made_it(nlp) -> None:
    text = "According to a statement from the Harbour Authority, the crossing will close for a year."
    doc = nlp(Article(id="t", text=text))
    written, _ = _speaker_of(doc, text, "crossing will close")
    assert "statement" in written or "Harbour Authority" in written


def test_quote_only_paragraph_takes_the_speaker_before_it(nlp) -> None:
    text = ("“We will rebuild the bridge before the winter comes,” Ann Cole told the council.\n\n"
            "“Nobody in this town should have to drive forty miles to reach the hospital.”")
    doc = nlp(Article(id="t", text=text))
    written, actor = _speaker_of(doc, text, "forty miles")
    assert actor == "Ann Cole" and "Ann Cole" in written


def test_rules_only_speakers_remain_available(nlp) -> None:
    from unspin.components.quotes import QuoteFinder

    text = "Senator Laura Whitfield said that the new tax would hurt small farmers."
    sdoc = nlp(Article(id="t", text=text)).cache["spacy"]
    quotes = QuoteFinder(speaker_model=False).predict(sdoc)
    assert len(quotes) == 1 and quotes[0].speaker is not None
    assert "Laura Whitfield" in text[quotes[0].speaker.start:quotes[0].speaker.end]


def test_a_missing_speaker_model_says_how_to_fix_it(tmp_path) -> None:
    from unspin.components.quotes import load_speaker_model
    from unspin.errors import ModelError

    with pytest.raises(ModelError, match=r"retrain it with unspin\.training\.quotes"):
        load_speaker_model(str(tmp_path / "none.json.gz"))


def test_name_after_a_dash_behind_a_quotation_is_its_speaker(nlp) -> None:
    from unspin.components._quotes_marks import dash_speaker

    text = ("“The harbour has never looked this empty in forty years.”\u00a0― Ann Cole\u00a0\n"
            "“We fish less and pay more every single season.” - Tom Reyes.\n")
    found = dash_speaker(text, text.index("”") + 1)
    assert found is not None
    start, end = found
    assert text[start:end] == "Ann Cole"
    assert dash_speaker("“It is late,” - and then it rained.", 13) is None, "a lower-case word is no name"
    doc = nlp(Article(id="t", text=text))
    assert _speaker_of(doc, text, "forty years")[0] == "Ann Cole"
    assert _speaker_of(doc, text, "every single season")[0] == "Tom Reyes"


def test_transcript_turns_are_quotes_spoken_by_their_labels(nlp) -> None:
    from unspin.components._quotes_marks import transcript_turns

    text = ("Part of the interview follows.\n\n"
            "\"HOST: Why did the council close the old harbour bridge this spring?\n\n"
            "COLE: Because the engineers told us it was no longer safe for trucks.\"\n")
    turns = transcript_turns(text)
    assert [text[s:e] for (s, e), _ in turns] == ["HOST", "COLE"]
    content_start, content_end = turns[1][1]
    assert text[content_start:content_end].startswith("Because the engineers")
    assert text[content_start:content_end].endswith("for trucks.")
    assert transcript_turns("UPDATE: the bridge reopened.\n\nCOLE: Good news.") == [], \
        "one turn and a heading are not a transcript"
    doc = nlp(Article(id="t", text=text))
    assert _speaker_of(doc, text, "close the old harbour")[0] == "HOST"
    assert _speaker_of(doc, text, "no longer safe")[0] == "COLE"


def test_closing_mark_typed_at_a_paragraph_start_opens_a_quotation() -> None:
    text = "Readers wrote in.\n\n”The ferry is always late and nobody ever says sorry.” ― Ann Cole\n"
    assert _texts(text) == ["”The ferry is always late and nobody ever says sorry.”"]
    assert _texts("He said it was “fine” and left.") == ["“fine”"], "a closing mark in a line closes"


def test_paragraph_introduced_by_a_colon_is_a_quote_of_the_cue_speaker(nlp) -> None:
    text = ("Ann Cole spoke after the vote. The mayor added:\n\n"
            "The harbour will reopen when the engineers say it is safe, and not one day earlier.\n\n"
            "The council met again on Friday.")
    doc = nlp(Article(id="t", text=text))
    quote = next(q for q in doc.quotes if "not one day earlier" in text[q.start:q.end])
    assert text[quote.start:quote.end].startswith("The harbour will reopen")
    assert "council met again" not in text[quote.start:quote.end]
    assert quote.speaker is not None and quote.speaker.actor == "Ann Cole"


def test_headline_cites_the_source_before_its_colon(nlp) -> None:
    from unspin.components._quotes_marks import headline_sources

    text = ("Harbour Authority: Ferry Fares Will Rise Twice This Winter\n\n"
            "UPDATE: fares were published on Monday morning.\n\n"
            "Exclusive: Ferry Board Hid Losses For Three Years\n\n"
            "Important: No More Winter Sailings To The Islands\n\n"
            "The Ferry Fare Scandal: Enough Is Enough\n\n"
            "The authority published its fares on Monday.")
    found = headline_sources(text)
    assert [text[s:e] for (s, e), _ in found] == ["Harbour Authority"], "labels, genres, topics: no sources"
    doc = nlp(Article(id="t", text=text))
    quote = next(q for q in doc.quotes if "Fares Will Rise" in text[q.start:q.end])
    assert quote.kind == "reported"
    assert quote.speaker is not None and text[quote.speaker.start:quote.speaker.end] == "Harbour Authority"


def test_an_interview_s_questions_are_nobody_s_headline_quotes(nlp) -> None:
    text = ("Dana Brooks leads the dock workers.\n\nQ: The company says the cuts were needed to keep "
            "the port open.\n\nBROOKS: That is what they always say.\n\nQ: Will there be more "
            "strikes?\n\nBROOKS: If they do not come back to the table, yes.")
    doc = nlp(Article(id="t", text=text))
    assert all(q.speaker is None or q.speaker.name != "Q" for q in doc.quotes)
    spoken = {text[q.start:q.end]: q.speaker.name for q in doc.quotes if q.speaker is not None}
    assert spoken["the cuts were needed to keep the port open"] == "The company"
    assert spoken["That is what they always say."] == "Dana Brooks"


def test_headline_holding_a_scare_quote_is_one_reported_quote(nlp) -> None:
    text = ("Harbour Authority: Ferry Fares Were ‘Never Fair’ to Islanders\n\n"
            "The authority published its fares on Monday.")
    doc = nlp(Article(id="t", text=text))
    quotes = [q for q in doc.quotes if q.start < text.index("\n")]
    assert [text[q.start:q.end] for q in quotes] == ["Ferry Fares Were ‘Never Fair’ to Islanders"]
    assert quotes[0].speaker is not None and quotes[0].speaker.name == "Harbour Authority"


def test_transcript_label_in_capitals_resolves_to_the_named_actor(nlp) -> None:
    text = ("Mayor Ann Cole met Tom Reyes on Monday.\n\n"
            "REYES: Will the harbour bridge reopen before the winter storms arrive?\n\n"
            "COLE: It will reopen in May, once the engineers sign it off.")
    doc = nlp(Article(id="t", text=text))
    quote = next(q for q in doc.quotes if "reopen in May" in text[q.start:q.end])
    assert quote.speaker is not None and quote.speaker.name == "Ann Cole"
    assert text[quote.speaker.start:quote.speaker.end] == "COLE", "the span stays as the text writes it"


def test_nested_reported_speech_gives_each_speaker_a_quote(nlp) -> None:
    text = "Ann Cole said on Monday that Tom Reyes had claimed the harbour bridge was unsafe for trucks."
    doc = nlp(Article(id="t", text=text))
    speakers = {text[q.speaker.start:q.speaker.end] for q in doc.quotes if q.speaker is not None}
    assert {"Ann Cole", "Tom Reyes"} <= speakers
    inner = next(q for q in doc.quotes if q.speaker is not None and q.speaker.name == "Tom Reyes")
    assert "bridge was unsafe" in text[inner.start:inner.end]


@pytest.mark.parametrize("text, reported, direct", [
    ("Mayor Ann Cole said the harbour bridge would stay shut until spring, telling reporters that "
     "“we will not gamble with anyone’s safety” and that repairs were on schedule.",
     "the harbour bridge would stay shut until spring", "we will not gamble"),
    ("Tom Reyes said the union had accepted the offer, adding: “Nobody wanted another strike this winter.”",
     "the union had accepted the offer", "Nobody wanted another strike"),
])
def test_a_report_ends_where_the_clause_cueing_a_quotation_begins(nlp, text: str, reported: str,
                                                                   direct: str) -> None:
    # the report and the quotation cued inside it are two quotes, neither lost to the other
    doc = nlp(Article(id="t", text=text))
    kinds = {text[q.start:q.end]: q.kind for q in doc.quotes}
    assert kinds.get(reported) == "reported", kinds
    assert [k for c, k in kinds.items() if direct in c] == ["direct"], kinds
    assert all(q.speaker is not None and q.speaker.actor in ("Ann Cole", "Tom Reyes") for q in doc.quotes)


def test_quotation_marks_in_the_speakers_name_are_no_quote(nlp) -> None:
    text = "Foreign \"experts\" had claimed that the new dam would flood the lower valley by spring."
    doc = nlp(Article(id="t", text=text))
    assert [(text[q.start:q.end], q.kind) for q in doc.quotes] == [
        ("that the new dam would flood the lower valley by spring", "reported")]
    speaker = doc.quotes[0].speaker
    assert speaker is not None and text[speaker.start:speaker.end] == 'Foreign "experts"'


def test_a_linking_adverb_after_according_to_is_not_reported(nlp) -> None:
    text = "According to the Harbour Board, however, cargo traffic rose by 8.5 percent last year."
    doc = nlp(Article(id="t", text=text))
    assert [text[q.start:q.end] for q in doc.quotes] == ["cargo traffic rose by 8.5 percent last year"]


def test_words_quoted_inside_a_report_stay_in_it(nlp) -> None:
    text = ("When I asked the council leader, Sarah Okafor, she told me the donation was \"entirely "
            "irrelevant\" and that the scheme had been \"scrutinised at every stage.\"")
    doc = nlp(Article(id="t", text=text))
    assert [(text[q.start:q.end], q.kind) for q in doc.quotes] == [
        ('the donation was "entirely irrelevant" and that the scheme had been '
         '"scrutinised at every stage."', "reported")]
    assert doc.quotes[0].speaker is not None and doc.quotes[0].speaker.actor == "Sarah Okafor"


def test_a_cues_own_named_agent_speaks_not_the_source_before(nlp) -> None:
    text = ("More than 2,300 civilians have been killed since April, according to the UN human rights "
            "office. Both governments have been accused by Amnesty International of using cluster "
            "munitions in towns.")
    doc = nlp(Article(id="t", text=text))
    speakers = {q.cue and text[q.cue.start:q.cue.end]: q.speaker and text[q.speaker.start:q.speaker.end]
                for q in doc.quotes}
    assert speakers.get("accused") == "Amnesty International", speakers
    assert speakers.get("according to") == "the UN human rights office", speakers


def test_the_terms_a_source_speaks_on_are_no_quote(nlp) -> None:
    text = ("A source close to the talks, who asked not to be named because the negotiations are "
            "private, said the two sides were far apart on pay. Two officials, who spoke on condition "
            "of anonymity, said the ferry contract would be signed in June.")
    doc = nlp(Article(id="t", text=text))
    spoken = {text[q.start:q.end]: q.speaker and text[q.speaker.start:q.speaker.end] for q in doc.quotes}
    assert spoken == {"the two sides were far apart on pay": "A source close to the talks",
                      "the ferry contract would be signed in June": "Two officials"}, spoken


def test_a_lone_word_after_a_cue_is_not_reported_speech(nlp) -> None:
    text = ("Either we act now on the harbour, or history will judge us. "
            "The mayor said the harbour bridge would reopen in May.")
    doc = nlp(Article(id="t", text=text))
    contents = [text[q.start:q.end] for q in doc.quotes]
    assert not [c for c in contents if len(c.split()) < 2], contents
    assert any("reopen in May" in c for c in contents), contents


def test_cue_beside_a_quoted_title_still_reports_its_own_clause(nlp) -> None:
    text = ("On “Morning Report with Dana,” Senator Laura Whitfield said the new harbour tax "
            "would cost the town hundreds of jobs.")
    doc = nlp(Article(id="t", text=text))
    _, actor = _speaker_of(doc, text, "hundreds of jobs")
    assert actor == "Laura Whitfield"
    reported = [q for q in doc.quotes if "hundreds of jobs" in text[q.start:q.end]]
    assert reported[0].kind == "reported" and "Morning Report" not in text[reported[0].start:reported[0].end]


@pytest.mark.parametrize("text, reported", [
    ("According to Cole, the show “The Apprentice” was rigged from the start.",
     "the show “The Apprentice” was rigged from the start"),
    ("The show “The Apprentice” was rigged from the start, according to Cole.",
     "The show “The Apprentice” was rigged from the start"),
    ("Cole said the show “The Apprentice” was rigged from the start.",
     "the show “The Apprentice” was rigged from the start"),
])
def test_a_quoted_title_inside_a_report_does_not_take_its_place(nlp, text: str, reported: str) -> None:
    # the title in quotation marks is neither a quote of its own nor what "according to" reports
    doc = nlp(Article(id="t", text=text))
    assert [(text[q.start:q.end].rstrip("."), q.kind) for q in doc.quotes] == [(reported, "reported")]
    assert doc.quotes[0].speaker is not None and doc.quotes[0].speaker.name == "Cole"


def test_quote_model_drops_a_quoted_title_and_scores_what_it_keeps() -> None:
    from unspin.components.parse import load_spacy
    from unspin.components.quotes import QuoteFinder

    text = "Ann Cole told “Evening Roundtable with Ben Hart” that the bridge would reopen before winter."
    sdoc = load_spacy()(text)
    every = [text[q.start:q.end] for q in QuoteFinder(quote_model=False).predict(sdoc)]
    judged = QuoteFinder().predict(sdoc)
    assert "“Evening Roundtable with Ben Hart”" in every
    assert [text[q.start:q.end] for q in judged] == ["that the bridge would reopen before winter"]
    assert 0.6 <= judged[0].score <= 1.0  # the quote model's probability, at least its threshold


def test_quote_features_describe_the_quote_and_its_cue() -> None:
    from unspin.components._quotes_features import quote_features
    from unspin.components.parse import load_spacy

    text = "“We will rebuild the bridge,” said Ann Cole."
    sdoc = load_spacy()(text)
    quoted = sdoc.char_span(0, text.index(" said"), alignment_mode="expand")
    cue = next(t for t in sdoc if t.text == "said")
    feats = quote_features(quoted, text, "direct", cue, 0.95, False, None, None)
    assert "kind=direct" in feats and "cue=say|direct" in feats and "cue_after=True" in feats
    assert "verb=True|direct" in feats
    assert quote_features(quoted, text, "direct", None, None, False, None, None)[-1] == "cue=none|direct"


def test_a_verb_joined_to_the_cue_is_not_part_of_what_was_reported(nlp) -> None:
    text = "Last spring the mayor promised lower harbour fees and then raised them twice."
    doc = nlp(Article(id="t", text=text))
    reported = [text[q.start:q.end] for q in doc.quotes if q.cue is not None and q.cue.name == "promise"]
    assert reported and all("raised" not in r for r in reported), reported


def test_what_a_participle_reports_ends_with_the_phrase_it_modifies(nlp) -> None:
    # "estimated" describes "the savings": what it reports cannot run on into the main clause
    text = "Grant said the savings, estimated at £1.2 billion a year, would fund 2,000 new nurses."
    doc = nlp(Article(id="t", text=text))
    quotes = [text[q.start:q.end] for q in doc.quotes]
    assert "the savings, estimated at £1.2 billion a year, would fund 2,000 new nurses" in quotes
    assert all(not (q.endswith("nurses.") and q.startswith("at ")) for q in quotes), quotes


def test_a_subject_parsed_as_the_cue_s_second_object_stays_in_the_content(nlp) -> None:
    # the parser reads "told [MPs] [the savings]" as two objects and "would fund" as a clause
    # without a subject: the savings are what the clause is about
    text = "He told MPs the savings, estimated at £1.2 billion a year, would fund 2,000 new nurses."
    doc = nlp(Article(id="t", text=text))
    told = [text[q.start:q.end] for q in doc.quotes if q.cue is not None and q.cue.name == "tell"]
    assert told == ["the savings, estimated at £1.2 billion a year, would fund 2,000 new nurses"]
    # after this first sentence the parser even takes "MPs" for a clause of its own (a verb)
    text = ("Health Secretary Paul Grant defended the plan in Parliament. He told MPs the savings, "
            "estimated at £1.2 billion a year, would fund 2,000 new nurses.")
    doc = nlp(Article(id="t", text=text))
    told = [text[q.start:q.end] for q in doc.quotes if q.cue is not None and q.cue.name == "tell"]
    assert told == ["the savings, estimated at £1.2 billion a year, would fund 2,000 new nurses"]
    plain = "He told MPs that the plan would fund 2,000 new nurses."  # the clause has its subject
    doc = nlp(Article(id="t", text=plain))
    assert [plain[q.start:q.end] for q in doc.quotes] == ["that the plan would fund 2,000 new nurses"]


def test_a_quote_inside_another_of_the_same_speaker_is_left_out() -> None:
    from unspin.components.quotes import _without_echoes
    from unspin.doc import Attribution, Quote

    def said(start: int, end: int, who: str, actor: str | None = None) -> Quote:
        return Quote(start, end, kind="reported", speaker=Attribution(who, 0, 3, actor=actor))

    outer = said(10, 80, "Laura Whitfield", "Laura Whitfield")
    echo = said(20, 60, "she", "Laura Whitfield")  # "... said she believes X": X is what she said
    other = said(30, 50, "Tom Reyes", "Tom Reyes")  # "... said Reyes claimed X": a quote of its own
    nobody = Quote(25, 40, kind="reported")
    assert _without_echoes([outer, echo, other, nobody]) == [outer, other, nobody]


def test_a_speaker_with_an_indefinite_title_is_not_someone_named_before(nlp) -> None:
    text = ("Tom Reyes said the fare rise was unfair.\n\n"
            "The ministry will review the increase, according to a spokesperson.")
    doc = nlp(Article(id="t", text=text))
    written, actor = _speaker_of(doc, text, "review the increase")
    assert written == "a spokesperson" and actor is None


def test_the_quotes_stage_tags_the_article_with_the_attribution_tagger() -> None:
    from unspin.components._quotes_tagger import PROBE_KEY

    text = "Ann Cole said the ferry fares are far too high. “They must fall,” she added."
    doc = load(components=["parse", "quotes"])(Article(id="t", text=text))
    sdoc = doc.cache["spacy"]
    probs = sdoc.user_data[PROBE_KEY]
    assert probs.shape == (len(sdoc), 3) and ((probs >= 0) & (probs <= 1)).all()
    cole = next(t.i for t in sdoc if t.text == "Cole")
    fares = next(t.i for t in sdoc if t.text == "fares")
    assert probs[cole, 0] > probs[fares, 0], "a speaker's name looks more like a source than content does"
    assert probs[fares, 2] > probs[cole, 2]
    assert [q.speaker.name for q in doc.quotes if q.speaker] == ["Ann Cole", "Ann Cole"]


def test_quotes_without_the_tagger_tag_nothing() -> None:
    from unspin.components._quotes_tagger import PROBE_KEY

    text = "Ann Cole said the ferry fares are far too high."
    nlp = load(components=["parse", "quotes"], config={"quotes": {"tagger": False}})
    doc = nlp(Article(id="t", text=text))
    assert PROBE_KEY not in doc.cache["spacy"].user_data
    assert [text[q.start:q.end] for q in doc.quotes] == ["the ferry fares are far too high"]


@pytest.mark.parametrize("text, speaker", [
    ("The crossing will close for six months, the Harbour Authority said on Tuesday.",
     "the Harbour Authority"),
    ("The new law is unfair to farmers, the Rural Farmers Union claimed in a statement.",
     "the Rural Farmers Union"),
    ("Greenfield Council insisted that the road would reopen before winter.", "Greenfield Council"),
])
def test_short_texts_keep_their_speakers(text: str, speaker: str) -> None:
    doc = load(components=["parse", "quotes"])(Article(id="t", text=text))
    assert [text[q.speaker.start:q.speaker.end] for q in doc.quotes if q.speaker] == [speaker]


@pytest.mark.parametrize("text, part, expected", [
    # a title refers to the person the text gave it, however far back, not to the one named last
    ("Clark County Sheriff Joe Lombardo met reporters on Monday.\n\nStephen Paddock fired from the "
     "32nd floor. The sheriff said the gunman acted alone.", "the gunman acted alone", "Joe Lombardo"),
    ("Ann Cole, the city's mayor, opened the bridge. Tom Reyes watched.\n\n"
     "The mayor said the tolls would fall.", "the tolls would fall", "Ann Cole"),
    ("Tom Reyes was charged with fraud on Monday.\n\nThe judge said the trial would start in May.",
     "the trial would start in May", None),
    # an office the text never gave anyone is the person just named, when they have no other title
    ("Ann Cole spoke after the vote. The mayor said the harbour would reopen in May.",
     "the harbour would reopen", "Ann Cole"),
    # a place before the office is the senator's state, not the speaker
    ("Sen. Laura Whitfield (R-Ohio) voted against the bill.\n\nThe Ohio senator said the vote "
     "was rushed.", "the vote was rushed", "Laura Whitfield"),
    # a national adjective before the office: the one holder the text introduced with it
    ("Estonian Prime Minister Kaja Kallas met the press.\n\nThe Estonian prime minister said the "
     "border would stay closed.", "the border would stay closed", "Kaja Kallas"),
    # "a Democrat" beside the title says what she is: the senator speaks, not the party
    ("Sen. Maria Ortega criticised the farm bill on Tuesday. The senator, a Democrat from New "
     "Mexico, told reporters she would vote against it.", "she would vote against it", "Maria Ortega"),
])
def test_a_title_speaker_is_the_person_the_text_gave_that_title(nlp, text: str, part: str,
                                                                 expected: str | None) -> None:
    doc = nlp(Article(id="t", text=text))
    _, actor = _speaker_of(doc, text, part)
    assert actor == expected


def test_a_national_office_is_not_the_holder_of_another_country(nlp) -> None:
    text = ("President Joe Biden hosted the summit on Monday.\n\nThe French president said the talks "
            "had gone well.")
    written, actor = _speaker_of(nlp(Article(id="t", text=text)), text, "the talks had gone well")
    assert written == "The French president" and actor != "Joe Biden"


@pytest.mark.parametrize("text, part, written, actor", [
    ("Tom Reyes was charged on Monday. His lawyer said the charges were false.",
     "the charges were false", "His lawyer", "Tom Reyes"),
    ("The Harbour Authority closed the bridge. Its spokesman said the crossing would reopen in May.",
     "the crossing would reopen", "Its spokesman", "Harbour Authority"),
    ("Tom Reyes, whose lawyer said the charges were false, left the court on foot.",
     "the charges were false", "whose lawyer", "Tom Reyes"),
])
def test_a_title_with_a_possessive_pronoun_speaks_for_its_owner(nlp, text: str, part: str, written: str,
                                                                actor: str) -> None:
    doc = nlp(Article(id="t", text=text))
    assert _speaker_of(doc, text, part) == (written, actor)


def test_speakers_joined_by_and_all_speak(nlp) -> None:
    text = ("Ann Cole and Tom Reyes said the harbour would reopen in May.\n\n"
            "The Department of Health and Human Services said the rule would change.")
    doc = nlp(Article(id="t", text=text))
    assert _speaker_of(doc, text, "harbour would reopen") == ("Ann Cole and Tom Reyes", "Ann Cole")
    assert _speaker_of(doc, text, "rule would change")[0] == "The Department of Health and Human Services"


@pytest.mark.parametrize("text, part, expected", [
    ("Ms. Diane Keller met Tom Reyes on Friday. He said the talks went well.", "the talks went well",
     "Tom Reyes"),
    ("Tom Reyes met Ann Cole, a spokeswoman for the port. He said the fares would fall.",
     "the fares would fall", "Tom Reyes"),
    # no evidence of gender: the subject of the sentence before, before the person nearest
    ("Ann Cole met Tom Reyes on Friday. She said the talks went well.", "the talks went well", "Ann Cole"),
])
def test_a_pronoun_speaker_skips_a_person_the_text_shows_to_be_of_the_other_gender(
        nlp, text: str, part: str, expected: str) -> None:
    doc = nlp(Article(id="t", text=text))
    assert _speaker_of(doc, text, part)[1] == expected


def test_a_yes_no_question_reports_nothing(nlp) -> None:
    text = ("FACT CHECK: Did Ann Cole Say The Bridge Would Cost Nothing?\n\n"
            "Does the council think it knows better than the residents? Tom Reyes said the council "
            "had ignored the petition.")
    doc = nlp(Article(id="t", text=text))
    assert [text[q.start:q.end] for q in doc.quotes] == ["the council had ignored the petition"]


def test_a_cue_that_interrupts_a_clause_is_not_spoken_by_whom_the_clause_names(nlp) -> None:
    text = ("The press secretary, Jim Hale, called the ruling unfair. President Carter, he added, had "
            "faced the same problem in 1980.")
    doc = nlp(Article(id="t", text=text))
    added = [q for q in doc.quotes if q.cue is not None and q.cue.name == "add"]
    assert added and added[0].speaker is not None
    assert (text[added[0].speaker.start:added[0].speaker.end], added[0].speaker.actor) == ("he", "Jim Hale")


def test_a_dateline_is_not_part_of_what_was_reported(nlp) -> None:
    text = ("Floods in the north\n\nDHAKA, Bangladesh (AP) — The death toll from a week of floods has "
            "risen to 212, with at least 1.3 million people displaced, the disaster management "
            "ministry said Sunday.")
    doc = nlp(Article(id="t", text=text))
    reported = [q for q in doc.quotes if "212" in text[q.start:q.end]]
    assert reported and text[reported[0].start:].startswith("The death toll"), reported
    assert reported[0].speaker is not None and "ministry" in reported[0].speaker.name


@pytest.mark.parametrize("text", [
    "Compare that with the millions of tonnes of ash a coal plant dumps every year, which nobody counts.",
    "The fund is short of money. Support them financially if you can.",
    "And remember the council that approved the bridge without a public tender.",
])
def test_the_writer_s_bidding_reports_nobody(nlp, text: str) -> None:
    assert nlp(Article(id="t", text=text)).quotes == []


def test_a_report_after_the_writer_s_bidding_is_kept(nlp) -> None:
    text = "Critics say waste is the problem. Compare that with the ash a coal plant dumps every year."
    assert [text[q.start:q.end] for q in nlp(Article(id="t", text=text)).quotes] == ["waste is the problem"]


def test_a_question_put_to_someone_is_not_theirs(nlp) -> None:
    text = ('Asked whether she would resign, Ann Cole replied: "Absolutely not."\n\n'
            "Tom Reyes has asked the council whether the ferry will run in May.")
    doc = nlp(Article(id="t", text=text))
    question = next(q for q in doc.quotes if "would resign" in text[q.start:q.end])
    assert question.speaker is None, "a reporter asked it, not Ann Cole"
    assert _speaker_of(doc, text, "Absolutely not")[1] == "Ann Cole"
    assert _speaker_of(doc, text, "ferry will run")[1] == "Tom Reyes", "'has asked': he asked it"


def test_a_question_put_to_someone_read_as_a_past_tense_is_not_theirs(nlp) -> None:
    # the parser tags this "Asked" as a past tense (VBD) with no subject of its own
    text = 'Asked what he would do if the ferry stopped, Tom Reyes laughed. "Swim," he said.'
    doc = nlp(Article(id="t", text=text))
    question = next(q for q in doc.quotes if "would do" in text[q.start:q.end])
    assert question.speaker is None


def test_a_one_word_sentence_after_a_direct_quote_is_the_same_speaker_s(nlp) -> None:
    text = '"I never took a bribe," said Tom Reyes. "Never." The court rose at noon.'
    doc = nlp(Article(id="t", text=text))
    assert _speaker_of(doc, text, '"Never."')[1] == "Tom Reyes"
    text = '"I never took a bribe," said Tom Reyes, a "Patriot." The court rose at noon.'
    assert '"Patriot."' not in [text[q.start:q.end] for q in nlp(Article(id="t", text=text)).quotes]


def test_a_reported_content_ends_without_the_sentence_s_full_stop(nlp) -> None:
    text = ("Ann Cole said that the ferry would run in May. The council accused Tom Reyes of hiding "
            "the losses. According to the harbour board, fares will rise.")
    doc = nlp(Article(id="t", text=text))
    reported = [text[q.start:q.end] for q in doc.quotes if q.kind == "reported"]
    assert reported and not [r for r in reported if r.endswith(".")], reported


def test_an_interview_s_answers_are_the_interviewee_s_quotes(nlp) -> None:
    text = ("Mayor Ann Cole spoke to us at the town hall.\n\n"
            "Q: Why close the old town to cars?\nA: Because it was built for people, not for traffic.\n\n"
            "Q: What do you tell the shopkeepers?\nA: Look at the numbers.")
    doc = nlp(Article(id="t", text=text))
    direct = {text[q.start:q.end] for q in doc.quotes if q.kind == "direct"}
    answers = {words: actor for words, actor in _spoken_by(doc, text).items() if words in direct}
    assert answers == {"Because it was built for people, not for traffic.": "Ann Cole",
                       "Look at the numbers.": "Ann Cole"}
    two = "Ann Cole and Tom Reyes spoke to us.\n\n" + text.split("\n\n", 1)[1]
    doc = nlp(Article(id="t", text=two))
    assert [q.speaker for q in doc.quotes if two[q.start:q.end] == "Look at the numbers."] == [None], \
        "two people named: the layout does not say which one answers"


def test_a_reporting_noun_does_not_repeat_the_participle_that_reports() -> None:
    from unspin.components.quotes import _without_echoes
    from unspin.doc import Attribution, Quote

    text = "The minister denied that her department hid a report warning that the dykes were weak."
    warning, content = text.index("warning"), text.index("that the dykes")
    noun = Quote(warning, len(text) - 1, kind="reported",
                 cue=Attribution("report", warning - 7, warning - 1))
    participle = Quote(content, len(text) - 1, kind="reported", speaker=Attribution("a report", 45, 53),
                       cue=Attribution("warn", warning, warning + 7))
    assert _without_echoes([noun, participle]) == [participle]
    noun.speaker = Attribution("the minister", 0, 12)  # a speaker of its own: a quote of its own
    assert _without_echoes([noun, participle]) == [noun, participle]


def test_the_speaker_of_a_message_from_someone_is_that_someone(nlp) -> None:
    text = '"We are fixing a problem" - that was the message from Ann Cole on Tuesday.'
    assert _speaker_of(nlp(Article(id="t", text=text)), text, "fixing")[0] == "Ann Cole"
    text = "A statement from the harbour board said the ferry would run in May."
    assert _speaker_of(nlp(Article(id="t", text=text)), text, "ferry would run")[0] == "the harbour board"


def test_what_a_cue_reports_stops_before_an_according_to_after_it(nlp) -> None:
    text = "The council said spending rose by 10 percent in 2023, according to the Treasury."
    doc = nlp(Article(id="t", text=text))
    said = [text[q.start:q.end] for q in doc.quotes if q.cue is not None and q.cue.name == "say"]
    assert said == ["spending rose by 10 percent in 2023"]


def test_a_transcript_s_labels_are_people_and_its_turns_their_quotes(nlp) -> None:
    text = ("Governor Ann Cole spoke at the rally.\n\n"
            "GOVERNOR COLE: Thank you. We will win this state. (APPLAUSE)\n\n"
            'TOM REYES: My colleague Lee Park told the cabinet last week, "We have the money."\n\n'
            "HOST: Next question, please.")
    doc = nlp(Article(id="t", text=text))
    spoken = _spoken_by(doc, text)
    assert spoken["Thank you. We will win this state."] == "Ann Cole", "the stage direction is no speech"
    assert spoken['My colleague Lee Park told the cabinet last week, "We have the money."'] == "Tom Reyes"
    assert spoken['"We have the money."'] == "Lee Park", "a quotation inside a turn keeps its own cue"
    assert spoken["Next question, please."] is None, "a host is a part, not a person"
    assert sorted(a.name for a in doc.actors if a.type == "person") == ["Ann Cole", "Lee Park", "Tom Reyes"]


@pytest.mark.parametrize(("text", "speaker"), [
    ("That MP, Rebecca Shaw, denied exerting any pressure on the bank.", "Rebecca Shaw"),
    ('On the quay, a welder named Tomas Vey told me, "We want a contract."', "Tomas Vey"),
    ("Outside court, chief executive Nadia Brook said the charity was relieved.", "Nadia Brook"),
])
def test_the_name_the_sentence_gives_a_source_speaks(nlp, text: str, speaker: str) -> None:
    doc = nlp(Article(id="t", text=text))
    assert [q.speaker.name for q in doc.quotes if q.speaker is not None] == [speaker]


def test_a_reported_content_keeps_its_percent_sign_and_brackets(nlp) -> None:
    text = "The electoral commission says turnout reached 68%. Ann Cole said the plan was fine (mostly)."
    reported = [text[q.start:q.end] for q in nlp(Article(id="t", text=text)).quotes]
    assert reported == ["turnout reached 68%", "the plan was fine (mostly)"]


def test_a_fact_box_label_is_no_source(nlp) -> None:
    from unspin.components._quotes_marks import headline_sources

    text = ("Cost: 12 million euros over five years\n\nOpened: 1998, in the old harbour\n\n"
            "Harbour Authority: Ferry Fares Will Rise Twice This Winter\n\nThe fares were published.")
    assert [text[s:e] for (s, e), _ in headline_sources(text)] == ["Harbour Authority"]


def test_a_headline_s_office_speaks_for_the_holder_the_story_names(nlp) -> None:
    text = "Mayor defends the ferry plan amid protests\n\nMayor Ann Cole defended the plan on Monday."
    doc = nlp(Article(id="t", text=text))
    assert [q.speaker.actor for q in doc.quotes if q.speaker is not None and q.start < 40] == ["Ann Cole"]


def test_a_surname_the_tagger_takes_for_an_adverb_still_speaks(nlp) -> None:
    # the tagger reads "Tully" as an adverb (like "fully"), so the parse gives "said" no subject
    text = ("Mayor Gordon Tully spoke first. Simon Achterberg was not involved, according to a bank "
            "spokeswoman. Tully said he expected the mill to close.")
    assert _speaker_of(nlp(Article(id="t", text=text)), text, "expected the mill")[1] == "Gordon Tully"


def test_a_headline_s_genre_label_is_no_source(nlp) -> None:
    text = ("Interview: The harbour master who wants to close the ferry\n\n"
            "Profile: Ann Cole, the farmer who took on the council\n\n"
            "Ann Cole met the harbour master on Monday.")
    doc = nlp(Article(id="t", text=text))
    assert not [q for q in doc.quotes if q.speaker is not None and q.speaker.name in ("Interview", "Profile")]


def test_a_stray_noun_before_a_plural_speaker_is_not_part_of_it(nlp) -> None:
    text = "The bank cut its rates again on Monday, a move analysts said would lift house prices."
    doc = nlp(Article(id="t", text=text))
    assert _speaker_of(doc, text, "lift house prices")[0] == "analysts"
    text = "A few islanders said the ferry was late again."
    assert _speaker_of(nlp(Article(id="t", text=text)), text, "ferry was late")[0] == "A few islanders"


def test_what_a_naming_verb_reports_is_the_name_it_gives(nlp) -> None:
    text = ("The council voted on Tuesday to close the island ferry, a decision islanders called "
            "\"a betrayal\".\n\nCritics called the plan a waste of money.")
    doc = nlp(Article(id="t", text=text))
    said = {text[q.start:q.end]: q.speaker and q.speaker.name for q in doc.quotes}
    assert said.get('"a betrayal"') == "islanders"
    assert said.get("the plan a waste of money") == "Critics"
    assert not any(who == "islanders" and "voted" in quote for quote, who in said.items())


def test_a_short_quoted_sentence_after_a_quote_goes_on_from_it(nlp) -> None:
    text = '"We warned them in 2019," said Ann Cole, a virologist. "Nobody listened."\n\nIt was "unsafe".'
    doc = nlp(Article(id="t", text=text))
    quotes = [text[q.start:q.end] for q in doc.quotes]
    assert '"Nobody listened."' in quotes
    assert _speaker_of(doc, text, "Nobody listened")[1] == "Ann Cole"
    assert '"unsafe"' not in quotes, "a scare quote is still no quote"


def test_the_particle_of_a_phrasal_cue_is_not_what_it_reports(nlp) -> None:
    text = ("Former mayor Ann Cole has spoken out about what happened during her years in office "
            "with the harbour board.")
    doc = nlp(Article(id="t", text=text))
    said = {text[q.start:q.end]: q.speaker and q.speaker.name for q in doc.quotes}
    assert said == {"about what happened during her years in office with the harbour board": "Ann Cole"}
    text = "Tom Reyes referred again to a video of the harbour board meeting that he says he has."
    doc = nlp(Article(id="t", text=text))
    assert [text[q.start:q.end][:20] for q in doc.quotes] == ["to a video of the ha"], "no adverb"


def test_he_or_she_after_a_long_quotation_is_the_speaker_of_the_quote_before(nlp) -> None:
    text = ("“We lost the vote,” Ann Cole said. “The council met for hours. Nobody listened. "
            "The plan passed anyway. We will appeal,” she added.\n\n"
            "“It was a fair vote,” Mr. Tom Reyes said. “The rules were kept. Every member spoke. "
            "The count was clear. We move on,” she said.")
    doc = nlp(Article(id="t", text=text))
    actors = {words[:12]: actor for words, actor in _spoken_by(doc, text).items()}
    assert actors["“The council"] == "Ann Cole"
    assert actors["“The rules w"] is None, "she is not the man who spoke before"


def test_they_is_a_body_or_a_group_never_one_named_person(nlp) -> None:
    text = ("Tanya Badger saw the boy in May. The Harbour Police Department searched the farm "
            "in June. They said the farm was empty.")
    doc = nlp(Article(id="t", text=text))
    assert [q.speaker and q.speaker.actor for q in doc.quotes] == ["Harbour Police Department"]
    text = "Ann Cole met the boy's mother on Monday. They said the talks went well."
    doc = nlp(Article(id="t", text=text))
    assert [q.speaker and q.speaker.actor for q in doc.quotes] == [None], "one named person is no 'they'"


def test_a_pronoun_prefers_the_subject_of_the_sentence_before_to_a_name_after_it(nlp) -> None:
    text = ("Tom Reyes has denied the claims, and Ann Cole has kept up her case in posts about "
            "Tom Reyes. She said the video was real.")
    doc = nlp(Article(id="t", text=text))
    assert [q.speaker and q.speaker.actor for q in doc.quotes
            if "video" in text[q.start:q.end]] == ["Ann Cole"]


def test_a_speaker_never_takes_in_the_line_before_it(nlp) -> None:
    text = ("Senator Ted Cruz spoke on Monday.\n— Pat Svitek (@psvitek) September 17, 2018\n"
            "Cruz then said that the bill would fail.")
    quote = next(q for q in nlp(Article(id="t", text=text)).quotes if "bill" in text[q.start:q.end])
    assert quote.speaker is not None
    assert text[quote.speaker.start:quote.speaker.end] == "Cruz"
    assert quote.speaker.actor == "Ted Cruz"


def test_a_speaker_span_never_holds_the_quotation_it_speaks(nlp) -> None:
    text = "“We will not allow the mayor to get away with this,” the union’s statement read."
    quote = nlp(Article(id="t", text=text)).quotes[0]
    assert quote.speaker is not None and quote.speaker.actor == "union"
    assert quote.speaker.start >= quote.end
    # the union speaks through its statement: either is its span
    assert text[quote.speaker.start:quote.speaker.end] in ("the union", "the union’s statement")


def test_he_or_she_passes_over_a_person_whose_given_name_is_the_other_gender_s(nlp) -> None:
    text = ("Keith Ellison denied the claims made by Karen Monahan in a video. "
            "She said that the video was real.")
    she = next(q for q in nlp(Article(id="t", text=text)).quotes if "real" in text[q.start:q.end])
    assert she.speaker is not None and she.speaker.actor == "Karen Monahan"
    # a name both genders bear ("Jordan") rules nobody out
    text = "Tom Reyes met Jordan Lee on Monday. She said that the deal was done."
    she = nlp(Article(id="t", text=text)).quotes[0]
    assert she.speaker is not None and she.speaker.actor == "Jordan Lee"


@pytest.mark.parametrize(("text", "words", "written", "actor"), [
    # an office given to nobody is the subject named just before it
    ("Ann Cole opened the new bridge on Monday.\n\nThe mayor said the city would pay for the repairs.",
     "would pay", "The mayor", "Ann Cole"),
    # a time the parser glued before the speaker is not part of it
    ("Thursday afternoon Sheriff Jerry Hogrefe states there is a makeshift compound near the river.",
     "makeshift compound", "Sheriff Jerry Hogrefe", "Jerry Hogrefe"),
    # a surname the entity recogniser missed is still its person
    ("Victoria Toensing represents the informant. Toensing added her client had been contacted by "
     "three committees.", "had been contacted", "Toensing", "Victoria Toensing"),
])
def test_speaker_as_written_and_its_actor(nlp, text: str, words: str, written: str, actor: str) -> None:
    assert _speaker_of(nlp(Article(id="t", text=text)), text, words) == (written, actor)


def test_an_office_is_not_the_owner_named_beside_it(nlp) -> None:
    text = ("As uproar was building over Cody Wilson's efforts, the president wrote that selling "
            "the plans made no sense.")
    written, actor = _speaker_of(nlp(Article(id="t", text=text)), text, "made no sense")
    assert written == "the president" and actor != "Cody Wilson"


@pytest.mark.parametrize(("text", "words", "expected"), [
    ("Stephen Paddock fired from the 32nd floor. The hotel guest in the room next to Paddock said he "
     "heard nothing.", "heard nothing", None),
    ("President George Bush visited the town in 1990. Even the president of the local mosque said the "
     "visit was welcome.", "visit was welcome", None),
    ("Phil Kiko is a lawyer. A spokesman for Kiko said the case was closed.", "case was closed", "Phil Kiko"),
    ("A report on the shooting released by the Las Vegas Metropolitan Police Department said he fired "
     "1,100 rounds.", "fired", "Las Vegas Metropolitan Police Department"),
    ("U.S. ambassador to the United Nations Nikki Haley said the vote was a disgrace.", "a disgrace",
     "Nikki Haley"),
    ("Officials in Nigeria said the outbreak was contained.", "was contained", "Nigeria"),
    ("Tourists in France said the museum was closed.", "was closed", None),
])
def test_a_name_that_only_describes_the_speaker_is_not_the_speaker(nlp, text: str, words: str,
                                                                  expected: str | None) -> None:
    _written, actor = _speaker_of(nlp(Article(id="t", text=text)), text, words)
    assert actor == expected


def test_a_clause_after_a_semicolon_is_not_what_the_next_cue_reports(nlp) -> None:
    text = ("Economists were divided. Some argued the strike would barely dent growth; others, "
            "including Lena Brandt of Nordbank, warned of shortages within weeks.")
    doc = nlp(Article(id="t", text=text))
    by_cue = {q.cue.name: text[q.start:q.end] for q in doc.quotes if q.cue is not None}
    assert by_cue["argue"] == "the strike would barely dent growth"
    assert by_cue["warn"] == "of shortages within weeks"


def test_a_passive_cue_followed_by_a_clause_of_time_reports_nothing(nlp) -> None:
    text = "The strike was called after talks over pay broke down late on Sunday."
    doc = nlp(Article(id="t", text=text))
    assert [text[q.start:q.end] for q in doc.quotes] == []


def test_a_post_embedded_with_its_author_and_handle_is_the_author_s_quote(nlp) -> None:
    from unspin.components._quotes_marks import embedded_posts

    text = ("The mayor answered her critics online.\n\n"
            "The harbour bridge opens on Monday, on time and on budget. pic.twitter.com/Xy12Ab"
            " — Ann Cole (@AnnColeMayor) May 3, 2024\n\n"
            "<blockquote class=\"twitter-tweet\">Nobody asked the fishermen about this bridge."
            " https://t.co/Qr7 — Tom Reyes (@tomreyes) May 3, 2024</blockquote>\n\n"
            "The council met again on Friday.")
    posts = embedded_posts(text)
    assert [(text[n[0]:n[1]], text[c[0]:c[1]]) for n, c in posts] == [
        ("Ann Cole", "The harbour bridge opens on Monday, on time and on budget."),
        ("Tom Reyes", "Nobody asked the fishermen about this bridge."),
    ], "the link, the markup and the byline are not what is said"
    assert embedded_posts("Tickets sold out — Ann Cole (@anncole) May 3, 2024") != []
    assert embedded_posts("Wow — Ann Cole (@anncole) May 3, 2024") == [], "one word is no post"
    assert embedded_posts("The bridge opened — Ann Cole (@anncole) said so.") == [], "no date, no embed"
    doc = nlp(Article(id="t", text=text))
    assert _speaker_of(doc, text, "on time and on budget")[0] == "Ann Cole"
    assert _speaker_of(doc, text, "asked the fishermen")[0] == "Tom Reyes"


def test_a_name_in_quotation_marks_is_held_by_the_report_around_it(nlp) -> None:
    text = ("With its market square and old mill, called the “Gateway of the Valley” by residents,"
            " the town now favours the governor, according to the Daily Ledger.")
    doc = nlp(Article(id="t", text=text))
    assert not any(text[q.start:q.end] == "“Gateway of the Valley”" for q in doc.quotes), \
        "a name the text calls something is not speech"
    speaker, _ = _speaker_of(doc, text, "favours the governor")
    assert speaker == "the Daily Ledger"


def test_a_cue_in_a_clause_of_time_before_the_main_one_reports_only_its_clause(nlp) -> None:
    text = ("After the senator criticized the harbour plan in a debate, the mayor shot back,"
            " “He has never read a page of it.”\n\n"
            "While the donor did not disclose the size of his gift, he did say he found the"
            " project very promising.")
    doc = nlp(Article(id="t", text=text))
    assert _speaker_of(doc, text, "never read a page")[0] == "the mayor", \
        "the quotation is the main clause's, not the criticism's"
    for quote in doc.quotes:
        if quote.cue is not None and quote.cue.name in ("criticize", "disclose"):
            assert quote.end <= text.index(",", quote.start), text[quote.start:quote.end]


@pytest.mark.parametrize("text, words, speaker", [
    ("The reporter had not been called on.\n\n“Go back to your seat,” Cole barked and a guard"
     " led him out.", "back to your seat", "Cole"),
    ("Critics say the paper failed.\n\n“We were wrong not to confront him from the start,”"
     " Ramos, 58, told AFP in an interview.", "wrong not to confront", "Ramos"),
    ("It was a warm defence of her husband.\n\n“Tom is, and always has been, a fine leader,”"
     " said the 46-year-old.", "a fine leader", "the 46-year-old"),
    ('The casinos were in Atlantic City.\n"Jeb wants to be a tough guy tonight," Trump shot back.',
     "a tough guy", "Trump"),  # 'Trump' tagged a verb
])
def test_a_name_beside_the_quotation_and_its_cue_speaks_where_the_parse_lost_it(
        nlp, text: str, words: str, speaker: str) -> None:
    assert _speaker_of(nlp(Article(id="t", text=text)), text, words)[0] == speaker


def test_of_two_cues_whose_clauses_hold_a_quotation_the_nearer_one_introduces_it(nlp) -> None:
    text = "The advert uses footage of Ann Cole asking, “Why aren’t we fifty points ahead, you ask?”"
    doc = nlp(Article(id="t", text=text))
    quote = next(q for q in doc.quotes if "fifty points ahead" in text[q.start:q.end])
    assert quote.cue is not None and quote.cue.name == "ask", "the footage is not what the advert says"


def test_a_name_and_a_colon_before_a_quotation_that_ends_its_line_is_its_speaker(nlp) -> None:
    from unspin.components._quotes_marks import colon_label

    text = ("HARBOUR VOTE TOO CLOSE TO CALL - Ann Cole and Tom Reyes: “The polls agree on nothing,"
            " and the council has never been this split.” [Port Alder Post]\n\n"
            "Pollsters agree - Lee Park: “Keep calling voters as late as you can.”\n\n"
            "Cole: ‘No Idea’ Who Wrote The Memo\n\n"
            "UPDATE: “The bridge is open,” the police said.")
    spans = {text[s:e]: colon_label(text, s, e) for s, e in find_quotations(text)}
    named = {quote: text[n[0]:n[1]] for quote, n in spans.items() if n is not None}
    assert named == {
        "“The polls agree on nothing, and the council has never been this split.”": "Ann Cole and Tom Reyes",
        "“Keep calling voters as late as you can.”": "Lee Park",
    }, "a headline that goes on after its quotation and a heading's word name no one"
    doc = nlp(Article(id="t", text=text))
    assert _speaker_of(doc, text, "late as you can")[0] == "Lee Park"
    assert _speaker_of(doc, text, "The bridge is open")[0] == "the police"
