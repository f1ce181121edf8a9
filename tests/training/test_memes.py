import json
from pathlib import Path

import pytest

from unspin.errors import InputError, InputNotFoundError
from unspin.training.memes import read_memes


def _write(folder: Path, rows: list[dict]) -> Path:
    (folder / "data").mkdir(parents=True)
    (folder / "data" / "training_set_task2.txt").write_text(json.dumps(rows), "utf-8")
    return folder


def _label(text: str, fragment: str, technique: str) -> dict:
    start = text.index(fragment)
    return {"start": start, "end": start + len(fragment), "technique": technique,
            "text_fragment": fragment}


def test_memes_are_packed_with_their_spans_mapped_to_ptc(tmp_path: Path) -> None:
    first = "THEY ARE ALL CROOKS\n\nVOTE THEM OUT\n"
    second = "What about the other party?"
    smear = "The senator is secretly a lizard"
    rows = [
        {"id": "1", "text": first, "labels": [_label(first, "CROOKS", "Name calling/Labeling"),
                                              _label(first, "VOTE THEM OUT", "Slogans")]},
        {"id": "2", "text": second, "labels": [_label(second, "What about the other party?",
                                                      "Whataboutism")]},
        {"id": "3", "text": smear, "labels": [_label(smear, "secretly a lizard", "Smears")]},
        {"id": "4", "text": "   ", "labels": []},
    ]
    articles, gold = read_memes(_write(tmp_path / "t6", rows), per_article=12)
    assert len(articles) == 1
    text = articles[0].text
    assert "lizard" not in text, "a meme with a technique PTC lacks is left out"
    assert text == first.rstrip() + "\n\n" + second
    found = {(text[s.start:s.end], s.technique) for s in gold[articles[0].id]}
    assert found == {("CROOKS", "Name_Calling,Labeling"), ("VOTE THEM OUT", "Slogans"),
                     ("What about the other party?", "Whataboutism,Straw_Men,Red_Herring")}


def test_memes_fill_several_packs(tmp_path: Path) -> None:
    texts = [f"Meme number {i} is a disgrace" for i in range(5)]
    rows = [{"id": str(i), "text": t, "labels": [_label(t, "a disgrace", "Loaded Language")]}
            for i, t in enumerate(texts)]
    articles, gold = read_memes(_write(tmp_path / "t6", rows), per_article=2)
    assert [a.id for a in articles] == ["meme-pack-1", "meme-pack-2", "meme-pack-3"]
    for article in articles:
        assert {article.text[s.start:s.end] for s in gold[article.id]} == {"a disgrace"}


def test_a_wrong_folder_or_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InputNotFoundError, match="semeval2021-task6"):
        read_memes(tmp_path)
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "training_set_task2.txt").write_text('{"not": "a list"}', "utf-8")
    with pytest.raises(InputError, match="not a SemEval-2021 Task 6 span file"):
        read_memes(tmp_path)
