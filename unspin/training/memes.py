"""Extra technique spans from SemEval-2021 Task 6 (persuasion techniques in the text of memes).

The memes' text was annotated with 20 techniques; 17 of them are PTC's own or a part of one of
PTC's merged classes. ``read_memes`` maps those onto the PTC labels, leaves out every meme with
a span of the other three (smears, glittering generalities, obfuscation: they would otherwise
be taught as "no technique"), and packs the memes into pseudo-articles, a blank line between two memes, so
that the trainer sees a few long windows rather than many short ones.
"""

from __future__ import annotations

import json
from pathlib import Path

from unspin.doc import Article
from unspin.errors import InputError, InputNotFoundError
from unspin.training.ptc import GoldSpan

__all__ = ["MEME_TECHNIQUES", "read_memes"]

#: SemEval-2021 Task 6 technique -> PTC technique; the ones missing have no PTC counterpart.
MEME_TECHNIQUES: dict[str, str] = {
    "Appeal to authority": "Appeal_to_Authority",
    "Appeal to fear/prejudice": "Appeal_to_fear-prejudice",
    "Black-and-white Fallacy/Dictatorship": "Black-and-White_Fallacy",
    "Causal Oversimplification": "Causal_Oversimplification",
    "Doubt": "Doubt",
    "Exaggeration/Minimisation": "Exaggeration,Minimisation",
    "Flag-waving": "Flag-Waving",
    "Loaded Language": "Loaded_Language",
    "Misrepresentation of Someone's Position (Straw Man)": "Whataboutism,Straw_Men,Red_Herring",
    "Name calling/Labeling": "Name_Calling,Labeling",
    "Presenting Irrelevant Data (Red Herring)": "Whataboutism,Straw_Men,Red_Herring",
    "Reductio ad hitlerum": "Bandwagon,Reductio_ad_hitlerum",
    "Repetition": "Repetition",
    "Slogans": "Slogans",
    "Thought-terminating cliché": "Thought-terminating_Cliches",
    "Whataboutism": "Whataboutism,Straw_Men,Red_Herring",
    "Bandwagon": "Bandwagon,Reductio_ad_hitlerum",
}

_FILES = ("training_set_task2.txt", "dev_set_task2.txt", "test_set_task2.txt")
_SEPARATOR = "\n\n"


def read_memes(folder: str | Path, per_article: int = 12
               ) -> tuple[list[Article], dict[str, list[GoldSpan]]]:
    """Pseudo-articles of ``per_article`` memes each and their PTC-labelled spans.

    ``folder`` is the SemEval-2021 Task 6 folder (holding ``data/*_task2.txt``). Memes whose
    text is empty or that carry a technique outside ``MEME_TECHNIQUES`` are left out.
    """
    root = Path(folder)
    data = root / "data" if (root / "data").is_dir() else root
    paths = [data / name for name in _FILES if (data / name).is_file()]
    if not paths:
        raise InputNotFoundError("no SemEval-2021 Task 6 span files (data/*_set_task2.txt) here; "
                                 "give the semeval2021-task6 folder", source=str(root))
    memes: list[tuple[str, list[tuple[int, int, str]]]] = []
    for path in paths:
        try:
            rows = json.loads(path.read_text("utf-8"))
            for row in rows:
                text = row["text"].rstrip()
                spans = [(int(s["start"]), int(s["end"]), s["technique"]) for s in row["labels"]]
                if text.strip() and all(t in MEME_TECHNIQUES for _, _, t in spans):
                    memes.append((text, [(a, min(b, len(text)), MEME_TECHNIQUES[t])
                                         for a, b, t in spans if a < min(b, len(text))]))
        except (ValueError, KeyError, TypeError) as err:
            raise InputError(f"{path.name} is not a SemEval-2021 Task 6 span file ({err}); "
                             "give the folder of the original release", source=str(path)) from None
    articles: list[Article] = []
    gold: dict[str, list[GoldSpan]] = {}
    for first in range(0, len(memes), per_article):
        article_id = f"meme-pack-{first // per_article + 1}"
        parts: list[str] = []
        spans: list[GoldSpan] = []
        at = 0
        for text, meme_spans in memes[first:first + per_article]:
            if parts:
                parts.append(_SEPARATOR)
                at += len(_SEPARATOR)
            parts.append(text)
            spans += [GoldSpan(article_id, at + a, at + b, technique) for a, b, technique in meme_spans]
            at += len(text)
        articles.append(Article(id=article_id, text="".join(parts)))
        gold[article_id] = spans
    return articles, gold
