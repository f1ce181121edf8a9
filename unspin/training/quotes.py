"""PolNeAR attributions: reading the corpus, training the cue model, scoring the quotes stage.

PolNeAR (``../shared/data/polnear``) annotates source, cue and content spans of attributions in
US political news (BRAT standoff files; some spans are discontinuous). The quotes stage is
scored like Citron on PARC 3.0: a predicted content counts when it overlaps a gold content
(partial-overlap F1); a predicted speaker counts when it overlaps the gold source of a gold
attribution whose content its quote overlaps.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from unspin.components._quotes_features import candidate_cues, cue_features
from unspin.components._quotes_marks import find_quotations
from unspin.components._quotes_tagger import PROBE_KEY, TAGGER_FILE, attach_tagger, load_tagger
from unspin.errors import EvaluationError, InputNotFoundError

__all__ = [
    "OUTCOMES",
    "SPEECH_CUES",
    "GoldAttribution",
    "PolnearArticle",
    "attach_taggings",
    "attribution_labels",
    "citron_scores",
    "cue_examples",
    "evaluate_quotes",
    "format_speaker_errors",
    "is_speech",
    "overlaps",
    "quote_examples",
    "quote_mask",
    "read_polnear",
    "save_cue_model",
    "score_quotes",
    "speaker_errors",
    "speaker_groups",
    "speech_scores",
    "train_cue_model",
    "train_listwise_model",
    "train_quote_models",
]

Fragments = list[tuple[int, int]]
# Span text may hold line breaks, so only lines that start like a record are records.
_SPAN_LINE = re.compile(r"T\d+\t")
_EVENT_LINE = re.compile(r"E\d+\t")


@dataclass(slots=True)
class GoldAttribution:
    """One annotated attribution: source, cue and content, each a list of fragments."""

    source: Fragments = field(default_factory=list)
    cue: Fragments = field(default_factory=list)
    content: Fragments = field(default_factory=list)


@dataclass(slots=True)
class PolnearArticle:
    name: str
    text: str
    attributions: list[GoldAttribution]


def _fragments(spec: str) -> Fragments:
    out = []
    for part in spec.split(";"):
        start, end = part.split()
        out.append((int(start), int(end)))
    return out


def _read_ann(path: Path) -> list[GoldAttribution]:
    spans: dict[str, tuple[str, Fragments]] = {}
    events: list[str] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if _SPAN_LINE.match(line):
            try:
                ident, spec, _ = line.split("\t", 2)
                kind, _, offsets = spec.partition(" ")
                spans[ident] = (kind, _fragments(offsets))
            except ValueError:
                raise EvaluationError("a malformed BRAT span line; expected "
                                      "'T<n>\\t<Kind> <start> <end>\\t<text>'",
                                      source=f"{path}:{number}") from None
        elif _EVENT_LINE.match(line):
            events.append(line.split("\t", 1)[1])
    out = []
    for event in events:
        attribution = GoldAttribution()
        for arg in event.split()[1:]:
            role, _, ref = arg.partition(":")
            role = role.rstrip("0123456789").lower()
            if role in ("source", "cue", "content") and ref in spans:
                getattr(attribution, role).extend(spans[ref][1])
        if attribution.content:
            out.append(attribution)
    return out


def read_polnear(folder: str | Path, split: str) -> list[PolnearArticle]:
    """The articles of one split (``train``, ``dev``, ``test``) with one annotator's attributions.

    Articles annotated by several annotators are read once, with the first annotator (by id).
    """
    root = Path(folder) / split
    if not (root / "text").is_dir() or not (root / "attributions").is_dir():
        raise InputNotFoundError(f"no PolNeAR split {split!r} here; give the polnear folder "
                                 "holding train/, dev/ and test/ with text/ and attributions/",
                                 source=str(folder))
    annotations: dict[str, Path] = {}
    for ann in sorted((root / "attributions").glob("*.ann")):
        annotations.setdefault(ann.stem.rsplit("_", 1)[0], ann)
    articles = []
    for name, ann in sorted(annotations.items()):
        text_path = root / "text" / f"{name}.txt"
        if not text_path.is_file():
            continue
        text = text_path.read_text(encoding="utf-8")
        articles.append(PolnearArticle(name, text, _read_ann(ann)))
    return articles


def quote_mask(doc: Any) -> list[bool]:
    """For each token of a spaCy doc, whether it lies inside a direct quotation."""
    mask = [False] * len(doc)
    for start, end in find_quotations(doc.text):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            for i in range(span.start, span.end):
                mask[i] = True
    return mask


def cue_examples(docs: Iterable[Any], articles: Sequence[PolnearArticle]
                 ) -> tuple[list[list[str]], list[int]]:
    """Feature lists and 0/1 labels (the token lies in a gold cue) for every candidate cue."""
    features: list[list[str]] = []
    labels: list[int] = []
    for doc, article in zip(docs, articles, strict=True):
        cue_chars = set()
        for attribution in article.attributions:
            for start, end in attribution.cue:
                cue_chars.update(range(start, end))
        mask = quote_mask(doc)
        for sent in doc.sents:
            for token in candidate_cues(sent):
                features.append(cue_features(token, mask))
                labels.append(int(token.idx in cue_chars))
    return features, labels


def train_cue_model(features: list[list[str]], labels: list[int], *, c: float = 0.5,
                    min_count: int = 2) -> dict[str, Any]:
    """Fit a logistic regression on the cue examples; return its weights as plain data."""
    from collections import Counter

    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    if len(set(labels)) < 2:  # one class only (a tiny corpus): the model is its constant answer
        return {"bias": 6.0 if labels and labels[0] else -6.0, "weights": {}, "threshold": 0.5}
    counts = Counter(f for feats in features for f in feats)
    rows = [{f: 1 for f in feats if counts[f] >= min_count} for feats in features]
    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform(rows).tocsr()
    x.indices = x.indices.astype(np.int32)  # liblinear takes 32-bit indices only
    x.indptr = x.indptr.astype(np.int32)
    model = LogisticRegression(C=c, max_iter=2000, solver="liblinear")
    model.fit(x, np.asarray(labels))
    names = vectorizer.get_feature_names_out()
    weights = {str(n): round(float(w), 4) for n, w in zip(names, model.coef_[0], strict=True)
               if abs(w) >= 1e-3}
    return {"bias": round(float(model.intercept_[0]), 4), "weights": weights, "threshold": 0.5}


def speaker_groups(docs: Iterable[Any], articles: Sequence[PolnearArticle], finder: Any
                   ) -> list[tuple[list[list[str]], list[int]]]:
    """One group per quote ``finder`` finds: its candidates' features and 0/1 labels, then "nobody".

    A candidate is right when its noun phrase overlaps the gold source of a gold attribution
    whose content the quote overlaps (the speaker scoring of ``score_quotes``); the last member
    (``null_features``) is right when no candidate is, so every group has a right answer.
    """
    from unspin.components._quotes_features import trimmed_span
    from unspin.components._quotes_speakers import null_features

    groups: list[tuple[list[list[str]], list[int]]] = []
    for doc, article in zip(docs, articles, strict=True):
        found, context = finder.find(doc)
        for quote, cue in found:
            if (quote.start, quote.end) in context.fixed:
                continue  # the layout names the speaker; the model is not asked
            sources = [f for g in article.attributions if overlaps((quote.start, quote.end), g.content)
                       for f in g.source]
            candidates = finder.candidates(doc, quote, cue, context)
            features = [c.features for c in candidates]
            labels = [int((span := trimmed_span(c.token)) is not None and overlaps(span, sources))
                      for c in candidates]
            features.append(null_features(quote.start, quote.kind, None if cue is None else cue.token,
                                          context.scores, context.text, len(candidates)))
            labels.append(int(not any(labels)))
            groups.append((features, labels))
    return groups


def train_listwise_model(groups: Sequence[tuple[list[list[str]], list[int]]], *, l2: float = 1.0,
                         min_count: int = 2) -> dict[str, Any]:
    """Fit a linear scorer whose softmax over each group puts its mass on the right members.

    The likelihood of a group is the probability of its right members together (L2 penalty
    ``l2``; L-BFGS, deterministic). Returns plain data in the ``train_cue_model`` format with
    ``"listwise": true``: the stage then compares candidates with each other and with "nobody".
    """
    from collections import Counter

    import numpy as np
    from scipy.optimize import minimize
    from scipy.sparse import csr_matrix
    from threadpoolctl import threadpool_limits

    groups = [g for g in groups if len(g[1]) > 1]
    counts = Counter(f for feats, _ in groups for member in feats for f in set(member))
    names = sorted(f for f, n in counts.items() if n >= min_count)
    index = {f: i for i, f in enumerate(names)}
    cols: list[int] = []
    indptr = [0]
    labels: list[int] = []
    starts: list[int] = []
    for feats, group_labels in groups:
        starts.append(len(labels))
        for member in feats:
            cols.extend(sorted({index[f] for f in member if f in index}))
            indptr.append(len(cols))
        labels.extend(group_labels)
    x = csr_matrix((np.ones(len(cols)), np.asarray(cols, dtype=np.int64), np.asarray(indptr)),
                   shape=(len(labels), len(names)))
    xt = x.T.tocsr()
    y = np.asarray(labels, dtype=np.float64)
    first = np.asarray(starts)
    group_of = np.repeat(np.arange(len(starts)), np.diff(np.append(first, len(labels))))

    def loss_and_grad(w: Any) -> tuple[float, Any]:
        s = x @ w
        top = np.maximum.reduceat(s, first)
        e = np.exp(s - top[group_of])
        total = np.add.reduceat(e, first)
        right = np.add.reduceat(e * y, first)
        loss = -float(np.sum(np.log(right) - np.log(total))) + 0.5 * l2 * float(w @ w)
        grad = xt @ (e / total[group_of] - e * y / right[group_of]) + l2 * w
        return loss, grad

    # one BLAS thread: the same sums in the same order (same bytes on every run), and no
    # spinning threads, which made the fit three times slower on a busy machine
    with threadpool_limits(1):
        result = minimize(loss_and_grad, np.zeros(len(names)), jac=True, method="L-BFGS-B",
                          options={"maxiter": 500})
    weights = {n: round(float(w), 4) for n, w in zip(names, result.x, strict=True) if abs(w) >= 1e-3}
    return {"bias": 0.0, "weights": weights, "threshold": 0.5, "listwise": True}


def save_cue_model(model: dict[str, Any], path: str | Path) -> None:
    """Write a model from ``train_cue_model`` (cue or speaker examples) as gzipped JSON.

    The same model gives the same bytes (no time stamp in the gzip header).
    """
    raw = json.dumps(model, sort_keys=True, separators=(",", ":")).encode("utf-8")
    Path(path).write_bytes(gzip.compress(raw, mtime=0))


def quote_examples(docs: Iterable[Any], articles: Sequence[PolnearArticle], finder: Any
                   ) -> tuple[list[list[str]], list[int]]:
    """Features and 0/1 labels (it overlaps a gold content) of the quotes ``finder`` finds.

    Quotes whose speaker the layout gives are left out: the quote model does not judge them.
    """
    features: list[list[str]] = []
    labels: list[int] = []
    for doc, article in zip(docs, articles, strict=True):
        text = doc.text
        found, context = finder.find(doc, text)
        for quote, cue in found:
            if (quote.start, quote.end) in context.fixed:
                continue
            feats = finder.quote_features(doc, text, quote, cue)
            if feats is not None:
                features.append(feats)
                labels.append(int(any(overlaps((quote.start, quote.end), g.content)
                                      for g in article.attributions)))
    return features, labels


def _crossfit_quote_examples(docs: Sequence[Any], articles: Sequence[PolnearArticle],
                             cue_sets: Sequence[tuple[list[list[str]], list[int]]], *, cue_c: float,
                             cue_threshold: float, folds: int) -> tuple[list[list[str]], list[int]]:
    """Quote examples whose cues come from a cue model that never saw their article.

    The cue model is sure of the cues it was trained on, so quotes found in its own training
    articles would teach the quote model to trust cue scores too much.
    """
    import tempfile

    from unspin.components.quotes import QuoteFinder, load_cue_model

    features: list[list[str]] = []
    labels: list[int] = []
    with tempfile.TemporaryDirectory() as tmp:
        for fold in range(folds):
            held = [i for i in range(len(articles)) if i % folds == fold]
            rest = [i for i in range(len(articles)) if i % folds != fold]
            cues = train_cue_model([f for i in rest for f in cue_sets[i][0]],
                                   [y for i in rest for y in cue_sets[i][1]], c=cue_c)
            cues["threshold"] = cue_threshold
            path = Path(tmp) / f"cues-{fold}.json.gz"
            save_cue_model(cues, path)
            # the articles carry the tagger's probabilities (cross-fitted): the finder keeps them
            finder = QuoteFinder(model=str(path), speaker_model=False, quote_model=False)
            f, y = quote_examples([docs[i] for i in held], [articles[i] for i in held], finder)
            features += f
            labels += y
            load_cue_model.cache_clear()
    return features, labels


def attribution_labels(article: PolnearArticle, offsets: Any) -> Any:
    """(n_tokens, 3) 0/1 labels of word pieces: inside a gold source, cue, content."""
    import numpy as np

    n = len(article.text)
    inside = np.zeros((3, n + 1), dtype=np.int64)
    for g in article.attributions:
        for k, fragments in enumerate((g.source, g.cue, g.content)):
            for start, end in fragments:
                inside[k, start:end] = 1
    covered = np.concatenate([np.zeros((3, 1), dtype=np.int64), np.cumsum(inside, axis=1)], axis=1)
    starts = np.minimum(offsets[:, 0], n)
    ends = np.minimum(np.maximum(offsets[:, 1], offsets[:, 0] + 1), n)
    return (covered[:, ends] - covered[:, starts] > 0).T.astype(np.float32)


def attach_taggings(docs: Sequence[Any], tagger: str | None = None) -> None:
    """Give each parsed article the attribution tagger's probabilities (replacing any it had)."""
    loaded = load_tagger(tagger)
    for doc in docs:
        attach_tagger(doc, loaded)


def train_quote_models(folder: str | Path, out: str | Path, *, cue_c: float = 0.3,
                       cue_threshold: float = 0.2, quote_c: float = 0.3, quote_threshold: float = 0.6,
                       speaker_l2: float = 1.0, speaker_threshold: float = 0.3, folds: int = 4,
                       tagger_folds: int = 2, tagger_config: Any = None, log: Any = print,
                       docs: Sequence[Any] | None = None, probabilities: Sequence[Any] | None = None,
                       tagger: str | Path | None = None) -> dict[str, Any]:
    """Train the attribution tagger, then the cue, quote and speaker models, on PolNeAR train.

    The cue, quote and speaker models read the tagger's probabilities as features; the ones they
    learn from come from taggers that never saw the article (``tagger_folds``, see
    ``quotes_tagger.crossfit_probabilities``), and the tagger written is then trained on all of
    train. The quote model judges each quote found with the cue model (is it speech at all?);
    its examples come from cue models fitted on the other ``folds`` - 1 parts of train. The
    speaker model learns on the quotes the first two keep. Writes ``tagger.onnx`` and its
    ``tokenizer.json``, ``cues.json.gz``, ``quotes.json.gz`` and ``speakers.json.gz`` into ``out``
    (the shipped models live in ``unspin/models/quotes``). Needs the train extra.
    The thresholds were chosen on the dev split; the test split is never read. ``docs`` are the
    spaCy parses of the train articles when the caller has them; ``probabilities`` their
    cross-fitted tagger probabilities and ``tagger`` a folder holding the tagger trained on all of
    train, when an earlier run made them (the tagger's files are then copied, not trained again).
    Returns the example counts.
    """
    import shutil

    from unspin.components._quotes_tagger import TOKENIZER_FILE
    from unspin.components.parse import load_spacy
    from unspin.components.quotes import QuoteFinder, load_cue_model, load_quote_model, load_speaker_model
    from unspin.training.quotes_tagger import crossfit_probabilities, export_tagger

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    articles = read_polnear(folder, "train")
    if not articles:
        raise EvaluationError("the PolNeAR train split has no annotated articles", source=str(folder))
    if docs is None:
        log(f"parsing {len(articles)} train articles")
        docs = list(load_spacy().pipe((a.text for a in articles), batch_size=16))
    docs = list(docs)
    if probabilities is None:
        probabilities = crossfit_probabilities(docs, articles, tagger_folds, tagger_config, log)
    for doc, probs in zip(docs, probabilities, strict=True):
        doc.user_data[PROBE_KEY] = probs
    if tagger is None:
        log("attribution tagger on all of train")
        export_tagger(articles, out, tagger_config, log)
    elif Path(tagger).resolve() != out.resolve():
        for name in (TAGGER_FILE, TOKENIZER_FILE):
            shutil.copyfile(Path(tagger) / name, out / name)
    load_tagger.cache_clear()
    cue_sets = [cue_examples([doc], [article]) for doc, article in zip(docs, articles, strict=True)]
    features = [feats for doc_features, _ in cue_sets for feats in doc_features]
    labels = [label for _, doc_labels in cue_sets for label in doc_labels]
    log(f"cue model: {len(labels)} candidates, {sum(labels)} gold cues")
    cues = train_cue_model(features, labels, c=cue_c)
    cues["threshold"] = cue_threshold
    save_cue_model(cues, out / "cues.json.gz")
    q_features, q_labels = _crossfit_quote_examples(docs, articles, cue_sets, cue_c=cue_c,
                                                    cue_threshold=cue_threshold, folds=folds)
    log(f"quote model: {len(q_labels)} quotes, {sum(q_labels)} over a gold content")
    judge = train_cue_model(q_features, q_labels, c=quote_c)
    judge["threshold"] = quote_threshold
    save_cue_model(judge, out / "quotes.json.gz")
    load_cue_model.cache_clear()  # a model saved at the same path before must not be reused
    load_quote_model.cache_clear()
    finder = QuoteFinder(model=str(out / "cues.json.gz"), speaker_model=False,
                         quote_model=str(out / "quotes.json.gz"))
    groups = speaker_groups(docs, articles, finder)
    s_labels = [label for _, labels in groups for label in labels[:-1]]
    log(f"speaker model: {len(groups)} quotes, {len(s_labels)} candidates, {sum(s_labels)} right speakers")
    speakers = train_listwise_model(groups, l2=speaker_l2)
    speakers["threshold"] = speaker_threshold
    save_cue_model(speakers, out / "speakers.json.gz")
    load_speaker_model.cache_clear()
    return {"articles": len(articles), "tagger_file": TAGGER_FILE,
            "cue_examples": len(labels), "cue_weights": len(cues["weights"]),
            "quote_examples": len(q_labels), "quote_weights": len(judge["weights"]),
            "speaker_examples": len(s_labels), "speaker_weights": len(speakers["weights"])}


def overlaps(a: tuple[int, int], fragments: Fragments) -> bool:
    """Whether the span ``a`` shares a character with any of ``fragments`` (partial overlap)."""
    return any(a[0] < e and s < a[1] for s, e in fragments)


def score_quotes(predicted: Sequence[Sequence[Any]], gold: Sequence[PolnearArticle]
                 ) -> dict[str, Any]:
    """Content and speaker precision, recall and F1 with partial-overlap matching.

    ``predicted[i]`` holds the ``Quote`` records found in ``gold[i]``.
    """
    c_tp_pred = c_pred = c_tp_gold = c_gold = 0
    speaker = [0, 0, 0, 0]
    for quotes, article in zip(predicted, gold, strict=True):
        golds = article.attributions
        c_gold += len(golds)
        for q in quotes:
            c_pred += 1
            c_tp_pred += any(overlaps((q.start, q.end), g.content) for g in golds)
        for g in golds:
            c_tp_gold += any(overlaps((q.start, q.end), g.content) for q in quotes)
        speaker = [a + b for a, b in zip(speaker, _speaker_counts(quotes, golds), strict=True)]

    return {
        "articles": len(gold),
        "gold_attributions": c_gold,
        "predicted_quotes": c_pred,
        "content": _prf(c_tp_pred, c_pred, c_tp_gold, c_gold),
        "speaker": _prf(*speaker),
    }


def _speaker_counts(quotes: Sequence[Any], golds: Sequence[GoldAttribution],
                    counted: set[int] | None = None) -> tuple[int, int, int, int]:
    """Right predicted speakers, predicted speakers, gold sources found, gold sources (``_prf``'s
    order) for one article. With ``counted`` (ids of gold attributions), only those golds count,
    and a quote over other golds only is left out; one over no gold still counts against."""
    tp_pred = pred = tp_gold = total = 0
    for q in quotes:
        hits = [g for g in golds if overlaps((q.start, q.end), g.content)]
        if q.speaker is None or (counted is not None and hits and not any(id(g) in counted for g in hits)):
            continue
        pred += 1
        tp_pred += any(overlaps((q.speaker.start, q.speaker.end), g.source) for g in hits)
    for g in golds:
        if not g.source or (counted is not None and id(g) not in counted):
            continue
        total += 1
        tp_gold += any(q.speaker is not None and overlaps((q.start, q.end), g.content)
                       and overlaps((q.speaker.start, q.speaker.end), g.source) for q in quotes)
    return tp_pred, pred, tp_gold, total


def _prf(tp_pred: float, pred: float, tp_gold: float, total: float) -> dict[str, float]:
    """Precision ``tp_pred / pred``, recall ``tp_gold / total`` and their F1, rounded."""
    p = tp_pred / pred if pred else 0.0
    r = tp_gold / total if total else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


# A predicted quote as (cue, source, content) fragment lists, against a gold attribution.
_Parts = tuple[Fragments, Fragments, Fragments]


def _cue_exact(p: _Parts, g: GoldAttribution) -> bool:
    return bool(p[0]) and sorted(p[0]) == sorted(g.cue)


def _source_exact(p: _Parts, g: GoldAttribution) -> bool:
    return any(overlaps(c, g.cue) for c in p[0]) and sorted(p[1]) == sorted(g.source)


#: Cue lemmas of speech and writing ("said", "told", "according to", "tweeted", "accused"): the
#: quotes and reported speech the quotes stage is for. PolNeAR also annotates attitudes,
#: intentions and acts as attributions ("Republicans wondering about his ability", "Osama bin
#: Laden declared war on the United States", "the IMF did not single out Trump's proposals").
SPEECH_CUES = frozenset({
    "say", "tell", "add", "state", "claim", "write", "tweet", "post", "retweet", "according",
    "report", "announce", "ask", "reply", "respond", "answer", "argue", "insist", "warn", "caution",
    "note", "explain", "deny", "admit", "concede", "acknowledge", "accuse", "charge", "blame",
    "call", "label", "brand", "dub", "term", "declare", "comment", "testify", "suggest", "assert",
    "allege", "confirm", "describe", "predict", "promise", "vow", "urge", "demand", "criticize",
    "criticise", "praise", "question", "agree", "disagree", "recall", "repeat", "mention", "point",
    "stress", "emphasize", "emphasise", "contend", "maintain", "complain", "joke", "quip", "reveal",
    "disclose", "challenge", "cite", "quote", "speak", "talk",
})


def is_speech(g: GoldAttribution, doc: Any) -> bool:
    """Whether a gold attribution's cue is a word of speech or writing (``SPEECH_CUES``)."""
    tokens = [t for s, e in g.cue for t in (doc.char_span(s, e, alignment_mode="expand") or [])]
    return any((t.lemma_ or t.lower_).lower() in SPEECH_CUES for t in tokens)


def speech_scores(predicted: Sequence[Sequence[Any]], gold: Sequence[PolnearArticle],
                  docs: Sequence[Any]) -> dict[str, Any]:
    """Speaker precision, recall and F1 (as ``score_quotes``) on the gold attributions of speech
    and writing (``is_speech``) alone, a diagnostic of what the quotes stage is for: a predicted
    quote over other attributions only is left out, one over none still counts against it."""
    counts = [0, 0, 0, 0]
    for quotes, article, doc in zip(predicted, gold, docs, strict=True):
        speech = {id(g) for g in article.attributions if is_speech(g, doc)}
        counts = [a + b for a, b in zip(counts, _speaker_counts(quotes, article.attributions, speech),
                                        strict=True)]
    return {"gold_attributions": counts[3], "speaker": _prf(*counts)}


def citron_scores(predicted: Sequence[Sequence[Any]], gold: Sequence[PolnearArticle],
                  docs: Sequence[Any]) -> dict[str, Any]:
    """The scores Citron's evaluation script prints, for comparison with its published figures.

    Exact match: a predicted cue counts when it is a gold cue; a predicted source when its cue
    overlaps a gold cue whose source it is, span for span (Citron's "source exact" F1 is the
    82.0 of its model card). Overlap: the tokens of each predicted content (source) shared with
    each gold content (source), summed over all pairs, against the predicted and the gold tokens.
    Exact matching scores span conventions as much as attribution: PolNeAR's sources keep
    appositions ("Brian Fallon, the campaign's press secretary,"), unspin names the speaker.
    """
    counts = {key: [0, 0, 0] for key in ("cue_exact", "source_exact", "content_overlap", "source_overlap")}

    def tokens(doc: Any, fragments: Fragments) -> set[int]:
        out: set[int] = set()
        for start, end in fragments:
            span = doc.char_span(start, end, alignment_mode="expand")
            out.update(t.i for t in span or () if not t.is_space)
        return out

    for quotes, article, doc in zip(predicted, gold, docs, strict=True):
        golds = article.attributions
        mine = [([(q.cue.start, q.cue.end)] if q.cue else [],
                  [(q.speaker.start, q.speaker.end)] if q.speaker else [],
                  [(q.start, q.end)]) for q in quotes]
        for key, match in (("cue_exact", _cue_exact), ("source_exact", _source_exact)):
            hit_pred = sum(any(match(p, g) for g in golds) for p in mine)
            hit_gold = sum(any(match(p, g) for p in mine) for g in golds)
            counts[key][0] += hit_pred
            counts[key][1] += len(mine) - hit_pred
            counts[key][2] += len(golds) - hit_gold
        for key, part, gold_part in (("content_overlap", 2, "content"), ("source_overlap", 1, "source")):
            ours = [tokens(doc, p[part]) for p in mine]
            theirs = [tokens(doc, getattr(g, gold_part)) for g in golds]
            counts[key][0] += sum(len(a & b) for a in ours for b in theirs)
            counts[key][1] += sum(map(len, ours))
            counts[key][2] += sum(map(len, theirs))

    out = {}
    for key, (a, b, c) in counts.items():
        if key.endswith("exact"):  # true positives, false positives, false negatives
            out[key] = _prf(a, a + b, a, a + c)
        else:  # shared tokens, predicted tokens, gold tokens
            out[key] = _prf(a, b, a, c)
    return out


_PRONOUNS = frozenset({"he", "she", "they", "it", "i", "we", "you", "who", "which", "that", "his", "her",
                       "its", "their", "him", "them", "one"})
OUTCOMES = ("ok", "content missed", "no speaker", "wrong speaker")


def _pattern_of(g: GoldAttribution, doc: Any, golds: Sequence[GoldAttribution]) -> list[str]:
    """The patterns a gold attribution shows: its source's kind, its cue's kind, its construction."""
    text = doc.text
    source = " ".join(text[s:e] for s, e in g.source).strip()
    tokens = [t for s, e in g.source for t in (doc.char_span(s, e, alignment_mode="expand") or [])]
    if source.lower() in _PRONOUNS:
        kind = "source: pronoun"
    elif any(t.ent_type_ == "PERSON" for t in tokens):
        kind = "source: person name"
    elif any(t.ent_type_ in ("ORG", "GPE", "NORP") for t in tokens):
        kind = "source: organisation/country name"
    else:
        kind = "source: common noun (title, 'the report', 'a study')"
    cue_text = " ".join(text[s:e] for s, e in g.cue).lower()
    cue_tokens = [t for s, e in g.cue for t in (doc.char_span(s, e, alignment_mode="expand") or [])]
    if not g.cue:
        cue = "cue: none"
    elif "according to" in cue_text:
        cue = "cue: 'according to'"
    elif any(t.pos_ in ("VERB", "AUX") for t in cue_tokens):
        cue = "cue: verb"
    else:
        cue = "cue: noun or other ('claim', ':', '-')"
    out = [kind, cue]
    s_start = min(s for s, _ in g.source)
    if s_start >= 3 and text[:s_start].rstrip().lower().endswith(" by"):
        out.append("passive 'was told by X'")
    c_start, c_end = min(s for s, _ in g.content), max(e for _, e in g.content)
    first = doc.char_span(c_start, c_end, alignment_mode="expand")
    src = doc.char_span(s_start, s_start + 1, alignment_mode="expand")
    if first is not None and src is not None and len(first) and len(src):
        if not first[0].sent.start <= src[0].i < first[-1].sent.end:
            out.append("source in another sentence")
        elif g.cue and min(s for s, _ in g.cue) < s_start:
            out.append("inverted 'said X'")
    if any(o is not g and any(c_start <= s < c_end for s, _ in o.cue) for o in golds):
        out.append("nested attribution")
    return out


def speaker_errors(predicted: Sequence[Sequence[Any]], gold: Sequence[PolnearArticle],
                   docs: Sequence[Any]) -> dict[str, dict[str, int]]:
    """Gold attributions with a source, counted by pattern (``_pattern_of``) and outcome.

    Outcomes: ``ok`` (a quote over its content names an overlapping speaker), ``content missed``
    (no quote overlaps its content), ``no speaker`` (the quotes over it name none), ``wrong
    speaker``. The row ``all`` counts every attribution once; ``predicted: ...`` rows count the
    predicted speakers that are wrong, by why.
    """
    table: dict[str, dict[str, int]] = {}

    def add(row: str, outcome: str) -> None:
        table.setdefault(row, dict.fromkeys(OUTCOMES, 0))
        table[row][outcome] = table[row].get(outcome, 0) + 1

    for quotes, article, doc in zip(predicted, gold, docs, strict=True):
        golds = article.attributions
        for g in golds:
            if not g.source:
                continue
            hits = [q for q in quotes if overlaps((q.start, q.end), g.content)]
            if any(q.speaker is not None and overlaps((q.speaker.start, q.speaker.end), g.source)
                   for q in hits):
                outcome = "ok"
            elif not hits:
                outcome = "content missed"
            elif all(q.speaker is None for q in hits):
                outcome = "no speaker"
            else:
                outcome = "wrong speaker"
            for row in ["all", *_pattern_of(g, doc, golds)]:
                add(row, outcome)
        for q in quotes:
            if q.speaker is None:
                continue
            hits = [g for g in golds if overlaps((q.start, q.end), g.content)]
            if not hits:
                add("predicted speakers", "quote not in gold")
            elif not any(g.source for g in hits):
                add("predicted speakers", "gold has no source")
            elif any(overlaps((q.speaker.start, q.speaker.end), g.source) for g in hits):
                add("predicted speakers", "right")
            else:
                add("predicted speakers", "wrong")
    return table


def format_speaker_errors(table: dict[str, dict[str, int]]) -> str:
    """The ``speaker_errors`` table as aligned text, a recall column per row."""
    lines = [f"{'pattern':56s}" + "".join(f"{o:>16s}" for o in OUTCOMES) + f"{'speaker recall':>16s}"]
    for row in sorted((r for r in table if r != "predicted speakers"), key=lambda r: (r != "all", r)):
        counts = table[row]
        total = sum(counts[o] for o in OUTCOMES)
        lines.append(f"{row:56s}" + "".join(f"{counts[o]:16d}" for o in OUTCOMES)
                     + f"{counts['ok'] / total if total else 0.0:16.3f}")
    if "predicted speakers" in table:
        counts = table["predicted speakers"]
        lines.append("predicted speakers: " + ", ".join(f"{k} {v}" for k, v in counts.items() if v))
    return "\n".join(lines)


def evaluate_quotes(folder: str | Path, split: str = "test", *, threshold: float | None = None,
                    model: str | None = None, speaker_model: str | bool | None = None,
                    quote_model: str | bool | None = None, tagger: str | bool | None = None,
                    errors: bool = False) -> dict[str, Any]:
    """Run the parse and quotes stages over a PolNeAR split and score them (``score_quotes``).

    ``errors`` adds the ``speaker_errors`` table under ``"speaker_errors"``.
    """
    import time

    from unspin.components.parse import load_spacy
    from unspin.components.quotes import QuoteFinder

    articles = read_polnear(folder, split)
    if not articles:
        raise EvaluationError(f"the PolNeAR split {split!r} has no annotated articles",
                              source=str(folder))
    finder = QuoteFinder(model=model, threshold=threshold, speaker_model=speaker_model,
                         quote_model=quote_model, tagger=tagger)
    began = time.perf_counter()
    docs = list(load_spacy().pipe(a.text for a in articles))
    if tagger is not False:
        attach_taggings(docs, tagger or None)
    predicted = [finder.predict(sdoc) for sdoc in docs]
    result = score_quotes(predicted, articles)
    result["citron"] = citron_scores(predicted, articles, docs)
    result["speech_only"] = speech_scores(predicted, articles, docs)
    if errors:
        result["speaker_errors"] = speaker_errors(predicted, articles, docs)
    result["split"] = split
    result["seconds"] = round(time.perf_counter() - began, 2)
    return result
