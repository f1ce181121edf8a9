"""Corpus mode: batch runs over thousands of articles into a resumable store, export and a dashboard."""

from unspin.corpus.engines import DaskEngine, LocalEngine, PipelineSpec, SerialEngine, make_engine
from unspin.corpus.runner import BatchStats, count_items, run_batch
from unspin.corpus.store import Record, Store, StoredArticle, content_hash, open_store

__all__ = [
    "BatchStats",
    "DaskEngine",
    "LocalEngine",
    "PipelineSpec",
    "Record",
    "SerialEngine",
    "Store",
    "StoredArticle",
    "content_hash",
    "count_items",
    "make_engine",
    "open_store",
    "run_batch",
]
