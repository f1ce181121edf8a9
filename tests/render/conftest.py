"""Hand-made documents for the renderer tests (texts written for these tests)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from unspin.doc import Actor, Article, Attribution, Claim, Document, Mention, Quantity, Quote, TechniqueSpan
from unspin.explain import explain

TEXT = (
    "The Dam Question\n\n"
    "Mayor Ada Stone said the new dam is \"a triumph for every family\". Critics call her a reckless "
    "gambler. According to the Water Board, costs rose by 40 percent in 2025.\n\n"
    "\"We were never asked,\" said farmer Ben Ruiz. This shameful, disastrous plan must stop. "
    "Stop the dam!"
)


def find(text: str, fragment: str, nth: int = 0) -> tuple[int, int]:
    """Offsets of the nth occurrence of ``fragment`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(fragment, start + 1)
    return start, start + len(fragment)


def technique(text: str, fragment: str, tid: str, score: float, nth: int = 0,
              target: str | None = None) -> TechniqueSpan:
    start, end = find(text, fragment, nth)
    return TechniqueSpan(start, end, technique=tid, score=score,
                         explanation=explain(tid, fragment), target=target)


def build_document(text: str = TEXT, title: str | None = "The Dam Question") -> Document:
    """A document with nested and crossing technique spans, a claim, two quotes and three actors."""
    doc = Document(article=Article(id="dam-1", text=text, title=title, source={"origin": "tests"}))
    doc.techniques = [
        technique(text, "reckless gambler", "Name_Calling,Labeling", 0.9, target="Ada Stone"),
        technique(text, "reckless", "Loaded_Language", 0.8),
        technique(text, "shameful, disastrous plan", "Loaded_Language", 0.3),
        technique(text, "disastrous plan must stop", "Exaggeration,Minimisation", 0.7),
        technique(text, "Stop the dam!", "Slogans", 0.95),
    ]
    c0, c1 = find(text, "costs rose by 40 percent in 2025")
    q0, q1 = find(text, "40 percent")
    y0, y1 = find(text, "2025")
    s0, s1 = find(text, "According to the Water Board")
    doc.claims = [Claim(c0, c1, score=0.85, quantities=[
        Quantity(q0, q1, kind="percent", value=40.0, unit="%"),
        Quantity(y0, y1, kind="date", value="2025")],
        source=Attribution("the Water Board", s0, s1, actor="Water Board"))]
    a0, a1 = find(text, "\"a triumph for every family\"")
    b0, b1 = find(text, "\"We were never asked,\"")
    sp0, sp1 = find(text, "Ada Stone")
    sb0, sb1 = find(text, "Ben Ruiz")
    k0, k1 = find(text, "said")
    k2, k3 = find(text, "said", 1)
    doc.quotes = [
        Quote(a0, a1, kind="direct", speaker=Attribution("Ada Stone", sp0, sp1, actor="Ada Stone"),
              cue=Attribution("said", k0, k1)),
        Quote(b0, b1, kind="direct", speaker=Attribution("Ben Ruiz", sb0, sb1, actor="Ben Ruiz"),
              cue=Attribution("said", k2, k3), score=0.72),
    ]
    her0, her1 = find(text, "her")
    wb0, wb1 = find(text, "Water Board")
    doc.actors = [
        Actor("Ada Stone", "person", aliases=["Mayor Ada Stone", "her"],
              mentions=[Mention(sp0, sp1, alias="Ada Stone"), Mention(her0, her1, alias="her")],
              techniques=[0], quotes=[0], role="antagonist", fine_role="deceiver", role_score=0.7),
        Actor("Ben Ruiz", "person", mentions=[Mention(sb0, sb1, alias="Ben Ruiz")], quotes=[1],
              role="innocent", role_score=0.6),
        Actor("Water Board", "organization", mentions=[Mention(wb0, wb1, alias="Water Board")]),
    ]
    doc.summary = {"technique_share": 0.2, "technique_count": len(doc.techniques)}
    doc.ran = ["parse", "techniques", "claims", "quotes", "actors", "summary"]
    return doc


@pytest.fixture
def document() -> Document:
    return build_document()


@pytest.fixture
def make_document() -> Callable[..., Document]:
    """``build_document`` itself, for tests that need several or a changed text or title."""
    return build_document
