"""The JSON contract: validated against the shipped schema; offsets index the text."""

from __future__ import annotations

import jsonschema

from unspin.doc import (
    Actor,
    Article,
    Attribution,
    Claim,
    Document,
    Mention,
    Quantity,
    Quote,
    TechniqueSpan,
)
from unspin.render.json import SCHEMA_VERSION, load_schema, to_dict

TEXT = "Keller said: \"It will cost 48 million dollars.\" Critics call her a tyrant."


def handmade() -> Document:
    doc = Document(Article(id="x", text=TEXT, title="A title"))
    doc.techniques = [TechniqueSpan(67, 73, technique="Name_Calling,Labeling", score=0.8,
                                    explanation="Name calling.", target="Keller")]
    doc.claims = [Claim(13, 47, score=0.9, quantities=[Quantity(27, 45, "money", 48e6, "USD")],
                        source=Attribution("Keller", 0, 6, actor="Keller"))]
    doc.quotes = [Quote(13, 47, kind="direct", speaker=Attribution("Keller", 0, 6, "Keller"),
                        cue=Attribution("said", 7, 11))]
    doc.actors = [Actor("Keller", "person", aliases=["Keller"], mentions=[Mention(0, 6, "Keller")],
                        techniques=[0], quotes=[0], role="antagonist", fine_role="tyrant",
                        role_score=0.7)]
    return doc


def test_contract_validates_and_offsets_hold() -> None:
    data = to_dict(handmade())
    jsonschema.validate(data, load_schema())
    assert data["schema_version"] == SCHEMA_VERSION
    for key in ("techniques", "claims", "quotes"):
        for item in data[key]:
            assert TEXT[item["start"]:item["end"]] == item["text"]
    assert data["techniques"][0]["text"] == "tyrant"
    assert data["actors"][0]["mentions"][0]["text"] == "Keller"


def test_empty_document_validates() -> None:
    data = to_dict(Document(Article(id="e", text="Nothing here.")))
    jsonschema.validate(data, load_schema())
    assert data["techniques"] == data["claims"] == data["quotes"] == data["actors"] == []


def test_schema_rejects_bad_technique() -> None:
    data = to_dict(handmade())
    data["techniques"][0]["technique"] = "Made_Up"
    try:
        jsonschema.validate(data, load_schema())
    except jsonschema.ValidationError:
        return
    raise AssertionError("an unknown technique id must not validate")


def test_a_date_quantity_carries_its_part_and_validates() -> None:
    doc = handmade()
    doc.claims[0].quantities.append(Quantity(27, 45, "date", "2023", part="early"))
    data = to_dict(doc)
    jsonschema.validate(data, load_schema())
    assert data["claims"][0]["quantities"][1]["part"] == "early"
    assert data["claims"][0]["quantities"][0]["part"] is None
