"""The claims stage: quantity normalisation, source attribution, offsets, model loading."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from unspin.components.claims import ClaimDetector, make_claims
from unspin.components.parse import make_parser
from unspin.doc import Article, Document
from unspin.errors import ConfigError, ModelError
from unspin.pipeline import load

# Texts written for these tests (not taken from any corpus).
FACTS = (
    "Harbour bridge costs soar\n\n"
    "More than 440,000 people have been displaced since June 18, according to a UN panel "
    "investigation. The ministry said on Tuesday that 37 percent of the budget, or $48m, had gone "
    "missing.\nMayor Jane Ridley visited the harbour last week. She said the bridge cost 48 million "
    "dollars. What a disgrace!\n"
    "A report by Amnesty International found that 1,200 prisoners died in 2019.\n"
    "We must stand together. Will they ever learn?\n"
)


@pytest.fixture(scope="module")
def parsed() -> Document:
    doc = Document(Article(id="facts", text=FACTS))
    return make_parser()(doc)


@pytest.fixture(scope="module")
def claimed(parsed: Document) -> Document:
    return make_claims()(parsed)


def _claim_containing(doc: Document, fragment: str):
    for claim in doc.claims:
        if fragment in doc.span_text(claim):
            return claim
    raise AssertionError(f"no claim contains {fragment!r}; claims: {[doc.span_text(c) for c in doc.claims]}")


def test_claims_are_sentences_with_exact_offsets(claimed: Document) -> None:
    assert claimed.claims, "the factual sentences should be found"
    for claim in claimed.claims:
        fragment = claimed.span_text(claim)
        assert fragment == fragment.strip() and "\n" not in fragment
        assert 0.0 <= claim.score <= 1.0
        for q in claim.quantities:
            assert claim.start <= q.start < q.end <= claim.end
        if claim.source is not None:
            assert claim.start <= claim.source.start < claim.source.end <= claim.end


def test_factual_sentences_are_claims_and_exhortations_are_not(claimed: Document) -> None:
    texts = [claimed.span_text(c) for c in claimed.claims]
    assert any("440,000" in t for t in texts)
    assert any("37 percent" in t for t in texts)
    assert not any("stand together" in t or "ever learn" in t or "disgrace" in t for t in texts)
    assert not any(t.startswith("Harbour bridge") for t in texts), "a headline is not a sentence"


def test_quantities_in_a_claim(claimed: Document) -> None:
    claim = _claim_containing(claimed, "440,000")
    by_text = {claimed.text[q.start : q.end]: q for q in claim.quantities}
    assert by_text["More than 440,000"].value == 440000
    assert by_text["More than 440,000"].qualifier == "more than"
    since = by_text["since June 18"]
    assert since.kind == "date" and since.value == "--06-18" and since.qualifier == "since"
    money = _claim_containing(claimed, "$48m")
    kinds = {claimed.text[q.start : q.end]: (q.kind, q.value, q.unit) for q in money.quantities}
    assert kinds["$48m"] == ("money", 48_000_000, "USD")
    assert kinds["37 percent"] == ("percent", 37, None)


def test_source_according_to(claimed: Document) -> None:
    source = _claim_containing(claimed, "440,000").source
    assert source is not None
    assert claimed.text[source.start : source.end] == "according to a UN panel investigation"
    assert "UN panel" in source.name


def test_source_reporting_verb_and_pronoun(claimed: Document) -> None:
    ministry = _claim_containing(claimed, "37 percent").source
    assert ministry is not None and ministry.name == "The ministry"
    assert claimed.text[ministry.start : ministry.end] == "The ministry said"
    she = _claim_containing(claimed, "48 million dollars").source
    assert she is not None
    assert she.name == "Jane Ridley", "the pronoun resolves to the person named before it"
    assert claimed.text[she.start : she.end] == "She said"


def test_source_of_a_report(claimed: Document) -> None:
    source = _claim_containing(claimed, "1,200 prisoners").source
    assert source is not None and source.name == "Amnesty International"
    assert claimed.text[source.start : source.end].startswith("A report by Amnesty International")


@pytest.mark.parametrize(("text", "expected"), [
    ("A report from Geneva found that 12 people died in the floods of 2021.", "A report"),
    ("Data from the Texas health department show that 40 people died in 2021.",
     "the Texas health department"),
])
def test_a_place_is_not_who_stands_behind_a_report(text: str, expected: str) -> None:
    source = _claims_of(text).claims[0].source
    assert source is not None and source.name == expected


def test_unattributed_claim_has_no_source(parsed: Document) -> None:
    doc = Document(Article(id="u", text="The bridge cost 48 million dollars to build in 2019."))
    doc = make_claims()(make_parser()(doc))
    assert len(doc.claims) == 1 and doc.claims[0].source is None


def _claims_of(text: str) -> Document:
    return ClaimDetector(threshold=0.0)(make_parser()(Document(Article(id="t", text=text))))


def test_a_date_range_gives_both_ends() -> None:
    text = "Construction costs rose by 37 percent between March 2024 and June 18, 2025."
    doc = _claims_of(text)
    dates = {text[q.start : q.end]: q.value for q in doc.claims[0].quantities if q.kind == "date"}
    assert dates == {"March 2024": "2024-03", "June 18, 2025": "2025-06-18"}


def test_first_person_is_not_a_source() -> None:
    doc = _claims_of("We reported last year that the port handled 3 million containers in 2017.")
    assert doc.claims and doc.claims[0].source is None


def test_pronoun_without_a_named_antecedent_stays_a_pronoun() -> None:
    doc = _claims_of("He said the port handled 3 million containers in 2017.")
    source = doc.claims[0].source
    assert source is not None and source.name == "He"


def test_source_never_crosses_a_paragraph_break() -> None:
    text = "The council made an apology\n\nThe mayor said 300 homes were flooded in 2021."
    doc = _claims_of(text)
    for claim in doc.claims:
        assert "\n" not in doc.span_text(claim)
        if claim.source is not None:
            assert "\n" not in text[claim.source.start : claim.source.end]
            assert "\n" not in claim.source.name


def test_pipe_matches_call() -> None:
    texts = [FACTS, "Unemployment rose to 4.2 percent in March, the statistics office said."]
    nlp = load(components=["parse", "claims"])
    one = [[(c.start, c.end, c.score) for c in nlp(t).claims] for t in texts]
    many = [[(c.start, c.end, c.score) for c in d.claims] for d in nlp.pipe(texts)]
    assert one == many


def test_threshold_setting_controls_how_many(parsed: Document) -> None:
    strict = make_claims(threshold=1.0)(parsed)
    assert strict.claims == []
    lenient = ClaimDetector(threshold=0.0)(parsed)
    assert len(lenient.claims) >= 5


def test_bad_threshold_and_missing_model_are_unspin_errors(parsed: Document, tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="threshold"):
        make_claims(threshold=2.0)
    with pytest.raises(ModelError, match="train one with"):
        make_claims(model=tmp_path)(parsed)
    (tmp_path / "meta.json").write_text("{}", encoding="utf-8")
    (tmp_path / "model.npz").write_bytes(b"not a zip")
    with pytest.raises(ModelError, match="retrain"):
        make_claims(model=tmp_path)(parsed)


def test_needs_the_parse() -> None:
    with pytest.raises(ModelError, match="parse"):
        make_claims()(Document(Article(id="x", text="The bridge cost 48 million dollars.")))


def test_cascade_asks_the_encoder_only_about_unsure_sentences() -> None:
    from unspin.components._claims_model import DEFAULT_MODEL_DIR, load_scorer

    scorer = load_scorer(str(DEFAULT_MODEL_DIR))
    if scorer.encoder is None or scorer.band == (0.0, 1.0):
        pytest.skip("the shipped claims model asks its encoder about every sentence")
    texts = [
        "The harbour bridge cost 48 million dollars and opened in June 2019.",
        "We must stand together and never give up on our town.",
        "Unemployment in the region fell from 9 percent to 6 percent over two years.",
        "She thanked everyone for coming to the ceremony on such a cold morning.",
        "The council approved 300 new homes on the site of the old brewery.",
        "It is time to ask what kind of country we want to be.",
    ]
    linear = scorer.linear_predict(texts)
    fast = scorer.predict(texts)
    full = scorer.predict(texts, cascade=False)
    lo, hi = scorer.band
    sure = (linear < lo) | (linear > hi)
    np.testing.assert_allclose(fast[sure], linear[sure], rtol=1e-6)
    # the unsure ones get the same score as without the cascade (each sentence runs alone)
    np.testing.assert_allclose(fast[~sure], full[~sure], rtol=1e-6)
    assert 0.0 < lo < scorer.threshold < hi < 1.0


def test_cascade_setting_reaches_the_stage() -> None:
    nlp = load(components=["parse", "claims"], config={"claims": {"cascade": False}})
    stage = dict(nlp.components)["claims"]
    assert stage.cascade is False
    doc = nlp("Unemployment rose to 4.2 percent in March, the statistics office said.")
    assert doc.claims and 0.0 <= doc.claims[0].score <= 1.0


def test_a_claim_takes_the_speaker_of_the_quote_it_lies_in_as_source() -> None:
    from unspin.components._claims_source import sources_from_quotes
    from unspin.doc import Attribution, Claim, Quote

    text = ("The minister was blunt. Unemployment rose by 12 percent last year, she told reporters. "
            "Prices doubled, according to the bank. Nobody said anything about 40,000 new jobs.")
    s1, s2, s3 = text.index("Unemployment"), text.index("Prices"), text.index("Nobody")
    she, told, bank = text.index("she told"), text.index("told"), text.index("according")
    claims = [Claim(s1, text.index(" she told")),
              Claim(s2, s3 - 1, source=Attribution(name="the bank", start=bank, end=s3 - 2)),
              Claim(s3, len(text))]
    quotes = [Quote(s1, text.index(", she"), kind="reported",
                    speaker=Attribution(name="Ann Lee", start=she, end=she + 3, actor="Ann Lee"),
                    cue=Attribution(name="tell", start=told, end=told + 4)),
              Quote(text.index("anything"), len(text), kind="reported", speaker=None)]
    assert sources_from_quotes(claims, quotes, text) == 1
    source = claims[0].source
    assert source is not None and source.name == "Ann Lee" and source.actor == "Ann Lee"
    assert text[source.start:source.end] == "she told", "the span covers the speaker and the cue"
    assert claims[1].source is not None and claims[1].source.name == "the bank", "outside quotes it stays"
    assert claims[2].source is None, "a quote without a speaker gives no source"
    quotes.append(Quote(s2, text.index(", according"), kind="reported",
                        speaker=Attribution(name="the central bank", start=bank + 13, end=s3 - 2)))
    assert sources_from_quotes(claims, quotes, text) == 2
    assert claims[1].source.name == "the central bank", "the quote's speaker wins over the rules"


def test_whoever_only_acted_is_no_source() -> None:
    """A quote a PolNeAR-style cue finds through a verb of action ("fired", "raided") names who
    acted; a claim inside it keeps no source. A stance with a proposition still cites."""
    from unspin.components._claims_source import sources_from_quotes
    from unspin.doc import Attribution, Claim, Quote

    text = ("Police raided the compound on Friday. The mayor plans to cut 300 jobs. "
            "The board voted to close 12 schools.")
    raid, plans, voted = text.index("the compound"), text.index("to cut"), text.index("to close")
    claims = [Claim(0, text.index(" The mayor")), Claim(text.index("The mayor"), text.index(" The board")),
              Claim(text.index("The board"), len(text))]

    def quote(start: int, end: int, who: str, cue: str, at: int) -> Quote:
        return Quote(start, end, kind="reported",
                     speaker=Attribution(name=who, start=text.index(who), end=text.index(who) + len(who)),
                     cue=Attribution(name=cue, start=at, end=at + 4))

    quotes = [quote(raid, text.index(" on Friday"), "Police", "raid", text.index("raided")),
              quote(plans, text.index(". The board"), "The mayor", "plan", text.index("plans")),
              # a cue outside the list, but its content is a proposition ("to close ...")
              quote(voted, len(text) - 1, "The board", "move", text.index("voted"))]
    assert sources_from_quotes(claims, quotes, text) == 2
    assert claims[0].source is None, "the police raided: they acted, nobody is cited"
    assert claims[1].source is not None and claims[1].source.name == "The mayor"
    assert claims[2].source is not None and claims[2].source.name == "The board"


RANGES = ("The deal is worth $5-7 billion to the firm. Prices rose 3-4% in the second quarter. "
          "Between 10 and 20 soldiers died in the attack. Nearly 2 in 5 adults smoke every day. "
          "A third of voters agreed with the plan. The army lost 1,000 men and 40 tanks last year.")


@pytest.fixture(scope="module")
def ranged() -> Document:
    nlp = load(components=["parse", "claims"], config={"claims": {"threshold": 0.0}})
    return nlp(Article(id="ranges", text=RANGES))


def _quantities(doc: Document, fragment: str) -> list[tuple[str, str, object, str | None, str | None]]:
    claim = _claim_containing(doc, fragment)
    return [(doc.text[q.start:q.end], q.kind, q.value, q.unit, q.qualifier) for q in claim.quantities]


@pytest.mark.parametrize(("fragment", "expected"), [
    ("$5-7 billion", [("$5", "money", 5_000_000_000, "USD", "from"),
                      ("7 billion", "money", 7_000_000_000, "USD", "to")]),
    ("3-4%", [("3", "percent", 3, None, "from"), ("4%", "percent", 4, None, "to")]),
    ("Between 10 and 20", [("10", "count", 10, None, "from"), ("20", "count", 20, None, "to")]),
    ("2 in 5", [("Nearly 2 in 5", "percent", 40, None, "nearly")]),
    ("A third of", [("A third", "percent", 33.3, None, None)]),
    ("1,000 men and 40 tanks", [("1,000", "count", 1000, None, None), ("40", "count", 40, None, None)]),
])
def test_ranges_and_shares_are_normalised(ranged: Document, fragment: str, expected: list) -> None:
    found = [q for q in _quantities(ranged, fragment) if q[1] != "date"]
    assert found == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Sea levels could rise by up to 1.1 metres by 2100.", ["2100"]),
    ("Club revenue fell by 12 percent in the 2019-20 season.", ["2019", "2020"]),
    ("The talks ran on May 12-14, 2024, and 300 delegates came.", ["2024-05-12", "2024-05-14"]),
    ("The summit runs from June 3 to June 5, 2025, and costs $40m.", ["2025-06-03", "2025-06-05"]),
    ("On 12-14 May the talks resumed with 300 delegates.", ["--05-12", "--05-14"]),
])
def test_short_and_future_dates_are_normalised(text: str, expected: list[str]) -> None:
    doc = _claims_of(text)
    assert [q.value for c in doc.claims for q in c.quantities if q.kind == "date"] == expected


def test_a_tally_is_two_counts_not_a_range() -> None:
    text = "The bill, which passed 52-48 in the Senate, will cut taxes by $1.5 trillion."
    doc = _claims_of(text)
    counts = [(doc.text[q.start:q.end], q.value, q.qualifier)
              for q in doc.claims[0].quantities if q.kind == "count"]
    assert counts == [("52", 52, None), ("48", 48, None)]


def test_a_dateline_is_not_part_of_the_claim() -> None:
    text = "PORT ALDER, Maine (AP) — The council spent 48 million dollars on the bridge in 2024."
    doc = _claims_of(text)
    assert [text[c.start:c.end] for c in doc.claims] == [
        "The council spent 48 million dollars on the bridge in 2024."]


def test_an_unresolved_pronoun_does_not_replace_a_named_source() -> None:
    """The rules resolve "It" to the firm named before it; the quotes stage left its speaker a
    bare pronoun, which is no better a source."""
    from unspin.components._claims_source import sources_from_quotes
    from unspin.doc import Attribution, Claim, Quote

    text = "Halden Mills reported a loss on Monday. It said it would close 3 of its 11 plants."
    s2 = text.index("It said")
    claims = [Claim(s2, len(text), source=Attribution(name="Halden Mills", start=s2, end=s2 + 7))]
    quotes = [Quote(text.index("it would"), len(text) - 1, kind="reported",
                    speaker=Attribution(name="It", start=s2, end=s2 + 2),
                    cue=Attribution(name="say", start=s2 + 3, end=s2 + 7))]
    sources_from_quotes(claims, quotes, text)
    source = claims[0].source
    assert source is not None and source.name == "Halden Mills"
    # a pronoun the quotes stage resolved to an actor still wins
    quotes[0].speaker = Attribution(name="It", start=s2, end=s2 + 2, actor="Halden Mills")
    claims[0].source = None
    assert sources_from_quotes(claims, quotes, text) == 1


@pytest.mark.parametrize(("text", "who", "cue", "lemma", "content"), [
    # the plans are the bank's, not the subject's: the quotes stage took the wrong speaker
    ("The new figures will complicate the Reserve Bank's plans to cut rates in May.",
     "The new figures", "plans", "plan", "to cut rates in May"),
    # a division that posted revenue reports its accounts; it is not cited for a statement
    ("Sales rose 4%, and the group's Asian division posted revenue of $2.3bn.",
     "the group's Asian division", "posted", "post", "revenue of $2.3bn"),
])
def test_a_quote_that_cites_nobody_gives_no_source(text: str, who: str, cue: str, lemma: str,
                                                   content: str) -> None:
    from unspin.components._claims_source import sources_from_quotes
    from unspin.doc import Attribution, Claim, Quote

    at, cue_at, content_at = text.index(who), text.index(cue), text.index(content)
    claims = [Claim(0, len(text))]
    quotes = [Quote(content_at, content_at + len(content), kind="reported",
                    speaker=Attribution(name=who, start=at, end=at + len(who)),
                    cue=Attribution(name=lemma, start=cue_at, end=cue_at + len(cue)))]
    assert sources_from_quotes(claims, quotes, text) == 0 and claims[0].source is None


@pytest.mark.parametrize(("text", "name", "span"), [
    # the parser takes the abbreviation's full stop for the subject of "said"
    ("Wages rose 4.2% in the year to March, the Labor Dept. said on Friday.", "the Labor Dept.",
     "the Labor Dept. said"),
    # and "show" for a noun after "the ONS"
    ("Rents will rise by 8% from May, figures from the ONS show.", "the ONS", "figures from the ONS show"),
])
def test_a_misparse_puts_no_punctuation_or_verb_in_the_name(text: str, name: str, span: str) -> None:
    source = _claims_of(text).claims[0].source
    assert source is not None and (source.name, text[source.start:source.end]) == (name, span)


def test_a_relative_clause_cites_nobody_for_the_sentence() -> None:
    doc = _claims_of("In Leeds, where the council declared itself bankrupt last year, bills will rise by 9%.")
    assert doc.claims and doc.claims[0].source is None


def test_a_name_after_its_description_read_as_a_relative_clause() -> None:
    """With the next paragraph in its sentence the parser reads "INE said" as a relative clause
    on "office"; it is still who is cited."""
    text = ("In Portugal, rents rose 6.1%, the national statistics office INE said.\n\n"
            "Bond yields fell slightly after the figures.")
    source = _claims_of(text).claims[0].source
    assert source is not None and source.name == "the national statistics office INE"
    assert text[source.start:source.end] == "the national statistics office INE said"


@pytest.mark.parametrize(("text", "name"), [
    ("According to provisional results published by the election board, the party won 41.2% of the vote.",
     "the election board"),
    ("Prices rose 2.7% in May, according to figures released by Statistics Norway on Friday.",
     "Statistics Norway"),
    ("Data compiled by the national weather service showed that 30% of farms were flooded.",
     "the national weather service"),
])
def test_the_body_that_published_the_evidence_is_the_source(text: str, name: str) -> None:
    source = _claims_of(text).claims[0].source
    assert source is not None and source.name == name
    assert name in text[source.start:source.end], "the span reaches the publisher"


def test_the_publisher_the_rules_found_outranks_the_evidence_the_quote_names() -> None:
    from unspin.components._claims_source import sources_from_quotes
    from unspin.doc import Attribution, Claim, Quote

    text = "According to results published by the election board, the party won 41.2% of the vote."
    board, results = text.index("the election board"), text.index("results")
    claims = [Claim(0, len(text), source=Attribution(name="the election board", start=0,
                                                     end=board + len("the election board")))]
    quotes = [Quote(text.index("the party"), len(text) - 1, kind="reported",
                    speaker=Attribution(name="results", start=results, end=results + 7),
                    cue=Attribution(name="according to", start=0, end=12))]
    sources_from_quotes(claims, quotes, text)
    assert claims[0].source is not None and claims[0].source.name == "the election board"


def test_a_statement_from_a_body_cites_the_body() -> None:
    doc = _claims_of("A statement from the transport ministry said 40 trains were cancelled.")
    source = doc.claims[0].source
    assert source is not None and source.name == "the transport ministry"


@pytest.mark.parametrize(("text", "name"), [
    # the quotes stage names the agent of "reported", as its actor
    ("As reported by the Harbour Gazette, the club has debts of 120 million pounds.", "Harbour Gazette"),
    ("As the ministry confirmed on Monday, 40 people died in the floods in 2025.", "the ministry"),
    ("Analysts at Alder Securities had forecast revenue of about 4.05 billion euros for 2025.",
     "Analysts at Alder Securities"),
])
def test_an_as_clause_or_a_forecast_names_the_source(text: str, name: str) -> None:
    doc = load(disable=["techniques"])(Article(id="t", text=text))
    assert [c.source.name for c in doc.claims if c.source is not None] == [name]


def test_the_writer_s_own_as_clause_cites_nobody() -> None:
    text = "As I said, 40 people died in the floods in 2025."
    doc = load(disable=["techniques"])(Article(id="t", text=text))
    assert all(c.source is None for c in doc.claims)


def test_an_according_to_source_span_ends_with_its_phrase() -> None:
    from unspin.components._claims_source import find_source

    text = "According to the ministry, unemployment rose 3% in May, the ministry said later."
    sdoc = load(components=["parse"])(Article(id="t", text=text)).cache["spacy"]
    found = find_source(next(iter(sdoc.sents)))
    assert found is not None and text[found.start:found.end] == "According to the ministry"
