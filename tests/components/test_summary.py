"""The summary stage: shares and counts computed from what the other stages found."""

from __future__ import annotations

from unspin.components.summary import summarize
from unspin.doc import Actor, Article, Attribution, Claim, Document, Quote, TechniqueSpan

TEXT = "The traitors lied again. Mayor Ann Cole said the bridge cost 48 million dollars."


def _doc() -> Document:
    doc = Document(Article(id="t", text=TEXT))
    doc.techniques = [TechniqueSpan(4, 12, technique="Name_Calling,Labeling"),
                      TechniqueSpan(4, 17, technique="Loaded_Language"),
                      TechniqueSpan(13, 17, technique="Loaded_Language")]
    doc.claims = [Claim(25, 80, source=Attribution("Ann Cole", 25, 38)), Claim(0, 24)]
    doc.quotes = [Quote(44, 80, kind="reported", speaker=Attribution("Ann Cole", 25, 38, actor="Ann Cole")),
                  Quote(0, 24, kind="direct")]
    doc.actors = [Actor("Ann Cole", "person", techniques=[0, 2], role="protagonist", fine_role="guardian"),
                  Actor("Bridge Board", "organization", techniques=[1], role="antagonist")]
    return doc


def test_technique_share_counts_overlapping_spans_once() -> None:
    summary = summarize(_doc())
    assert summary["technique_share"] == round(13 / len(TEXT), 4)
    assert summary["technique_counts"] == {"Loaded_Language": 2, "Name_Calling,Labeling": 1}


def test_claims_quotes_and_speakers() -> None:
    summary = summarize(_doc())
    assert summary["claim_count"] == 2
    assert summary["claims_with_source_share"] == 0.5
    assert summary["quote_count"] == 2
    assert summary["direct_quote_count"] == 1 and summary["reported_quote_count"] == 1
    assert summary["speaker_count"] == 1
    assert summary["top_speakers"] == [{"name": "Ann Cole", "quotes": 1}]


def test_most_targeted_actors_come_first_with_their_techniques() -> None:
    summary = summarize(_doc())
    first = summary["most_targeted_actors"][0]
    assert first["name"] == "Ann Cole"
    assert first["techniques"] == 2
    assert first["technique_counts"] == {"Name_Calling,Labeling": 1, "Loaded_Language": 1}
    assert summary["role_counts"] == {"protagonist": 1, "antagonist": 1, "innocent": 0}


def test_empty_document_has_zero_shares() -> None:
    summary = summarize(Document(Article(id="t", text="Nothing here.")))
    assert summary["technique_share"] == 0.0
    assert summary["claims_with_source_share"] == 0.0
    assert summary["most_targeted_actors"] == []


def test_an_unresolved_pronoun_is_no_named_speaker() -> None:
    doc = _doc()
    doc.quotes.append(Quote(0, 24, kind="direct", speaker=Attribution("he", 0, 2)))
    doc.quotes.append(Quote(0, 24, kind="direct", speaker=Attribution("'s", 0, 2)))
    doc.quotes.append(Quote(0, 24, kind="direct", speaker=Attribution("a spokesman", 0, 11)))
    doc.quotes.append(Quote(0, 24, kind="reported", speaker=Attribution("Every true patriot", 0, 18)))
    summary = summarize(doc)
    assert summary["speaker_count"] == 1
    assert summary["top_speakers"] == [{"name": "Ann Cole", "quotes": 1}]
    assert summary["quotes_with_speaker_share"] == round(5 / 6, 4), "they have a speaker, who is not named"


def test_dominant_techniques_break_ties_as_the_counts_do() -> None:
    doc = _doc()
    names = ("Repetition", "Flag-Waving", "Doubt", "Slogans", "Bandwagon,Reductio_ad_hitlerum",
             "Loaded_Language")
    doc.techniques = [TechniqueSpan(0, 3, technique=t) for t in names]
    summary = summarize(doc)
    assert [d["technique"] for d in summary["dominant_techniques"]] == list(summary["technique_counts"])[:5]
