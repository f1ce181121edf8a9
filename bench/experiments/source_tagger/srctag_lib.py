"""Shared helpers of the srctag experiment: cached parses and gold word labels."""

import os

import numpy as np

from unspin.training.quotes import attribution_labels

SPACY_CACHE = "/tmp/srctag/spacy_{split}.docbin"


def parsed(split, articles):
    """spaCy docs of a split, cached as a DocBin under /tmp/srctag."""
    from spacy.tokens import DocBin

    from unspin.components.parse import load_spacy

    nlp = load_spacy()
    path = SPACY_CACHE.format(split=split)
    if os.path.exists(path):
        return list(DocBin().from_disk(path).get_docs(nlp.vocab))
    os.makedirs(os.path.dirname(path), exist_ok=True)
    docs = list(nlp.pipe((a.text for a in articles), batch_size=16))
    db = DocBin(store_user_data=False)
    for d in docs:
        db.add(d)
    db.to_disk(path)
    return docs


def word_labels(sdoc, article):
    """(len(sdoc), 3) 0/1: the word overlaps a gold source / cue / content."""
    offsets = np.array([(t.idx, t.idx + len(t.text)) for t in sdoc], dtype=np.int64).reshape(-1, 2)
    return attribution_labels(article, offsets).astype(np.int64)  # as the tagger's pieces are labelled
