"""unspin: show how a news or opinion article tries to persuade its reader.

>>> import unspin
>>> doc = unspin.analyze("They are traitors, everyone knows it.")
>>> [s.technique for s in doc.techniques]  # doctest: +SKIP
"""

from unspin.doc import Actor, Article, Claim, Document, Quote, TechniqueSpan
from unspin.errors import UnspinError
from unspin.pipeline import DEFAULT_PIPELINE, Pipeline, analyze, load
from unspin.render.json import SCHEMA_VERSION, to_dict, to_json
from unspin.taxonomy import TECHNIQUE_IDS, TECHNIQUES

__version__ = "0.1.0"

__all__ = [
    "DEFAULT_PIPELINE",
    "SCHEMA_VERSION",
    "TECHNIQUES",
    "TECHNIQUE_IDS",
    "Actor",
    "Article",
    "Claim",
    "Document",
    "Pipeline",
    "Quote",
    "TechniqueSpan",
    "UnspinError",
    "__version__",
    "analyze",
    "load",
    "to_dict",
    "to_json",
]
