"""The fine-tuned mention-role encoder: windows around mentions, training and cross-validation."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from unspin.components._actors_roles import MAIN_ROLES
from unspin.errors import EvaluationError
from unspin.training.roles import RoleMention, document_folds
from unspin.training.roles_encoder import (
    FINE_LABELS,
    RoleEncoderConfig,
    cross_validate_encoder,
    mention_window,
    predict_encoder,
    split_documents,
    train_encoder,
)

SPECIALS = (101, 102, 901, 902)  # [CLS], [SEP], «, »


def _tokens(n: int) -> tuple[list[int], list[tuple[int, int]]]:
    """``n`` one-character tokens 'a b c ...': token k covers characters 2k .. 2k+1."""
    return list(range(1000, 1000 + n)), [(2 * k, 2 * k + 1) for k in range(n)]


def test_window_marks_the_mention_and_centres_it() -> None:
    ids, offsets = _tokens(100)
    row, marker = mention_window(ids, offsets, 100, 103, 20, SPECIALS)  # tokens 50 and 51
    assert len(row) == 20 and row[0] == 101 and row[-1] == 102
    assert row[marker] == 901 and row[marker + 1 : marker + 3] == [1050, 1051] and row[marker + 3] == 902
    left, right = marker - 1, len(row) - 1 - (marker + 4)
    assert abs(left - right) <= 1


def test_window_at_the_start_gives_the_room_to_the_right() -> None:
    ids, offsets = _tokens(100)
    row, marker = mention_window(ids, offsets, 0, 1, 20, SPECIALS)
    assert marker == 1 and row[2] == 1000 and len(row) == 20
    row, marker = mention_window(ids, offsets, 198, 199, 20, SPECIALS)  # the last token
    assert row[marker + 1] == 1099 and row[-2] == 902 and len(row) == 20


def test_window_of_a_short_text_and_a_long_mention() -> None:
    ids, offsets = _tokens(5)
    row, marker = mention_window(ids, offsets, 4, 5, 128, SPECIALS)
    assert row == [101, 1000, 1001, 901, 1002, 902, 1003, 1004, 102] and marker == 3
    ids, offsets = _tokens(50)
    row, marker = mention_window(ids, offsets, 0, 100, 12, SPECIALS)
    assert len(row) == 12 and row[marker + 1 : -2] == ids[:8]
    with pytest.raises(EvaluationError, match="at least 6"):
        mention_window(ids, offsets, 0, 1, 4, SPECIALS)


_WORDS = {"protagonist": "hero saved", "antagonist": "villain attacked", "innocent": "victim suffered"}
_FINE = {"protagonist": "guardian", "antagonist": "tyrant", "innocent": "victim"}
_NAMES = ("ann", "bob", "cat", "dan", "eve", "fay")


@pytest.fixture(scope="module")
def tiny_base(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A one-layer BERT with random weights and a word-level WordPiece tokenizer, saved as a base."""
    pytest.importorskip("torch")
    transformers = pytest.importorskip("transformers")
    from tokenizers import Tokenizer, models, pre_tokenizers, processors

    words = {w for text in _WORDS.values() for w in text.split()} | set(_NAMES) | {"the", "town", "."}
    vocab = {t: i for i, t in enumerate(["[PAD]", "[UNK]", "[CLS]", "[SEP]", "«", "»", *sorted(words)])}
    tokenizer = Tokenizer(models.WordPiece(vocab, unk_token="[UNK]"))
    tokenizer.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    tokenizer.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]", special_tokens=[("[CLS]", 2), ("[SEP]", 3)])
    folder = tmp_path_factory.mktemp("tiny_bert")
    tokenizer.save(str(folder / "tokenizer.json"))
    config = transformers.BertConfig(vocab_size=len(vocab), hidden_size=32, num_hidden_layers=1,
                                     num_attention_heads=2, intermediate_size=64, max_position_embeddings=64)
    transformers.BertModel(config).save_pretrained(folder)
    return str(folder)


def _corpus(documents: int = 12) -> tuple[dict[str, str], list[RoleMention]]:
    """Each document: three named people, each with the words that give their role away."""
    texts, mentions = {}, []
    for d in range(documents):
        parts, spans = [], []
        for k, role in enumerate(MAIN_ROLES):
            name = _NAMES[(d + k) % len(_NAMES)]
            at = sum(len(p) + 1 for p in parts)
            spans.append((name, at, role))
            parts.append(f"{name} the {_WORDS[role]} the town .")
        texts[f"d{d}"] = " ".join(parts)
        mentions += [RoleMention(f"d{d}", n, s, s + len(n), r, (_FINE[r],)) for n, s, r in spans]
    return texts, mentions


def _config(base: str) -> RoleEncoderConfig:
    return RoleEncoderConfig(base=base, epochs=15, batch_size=8, lr_encoder=3e-3, lr_head=3e-2, max_len=16,
                             bf16=False, occurrences=2, freeze_embeddings=False)


def test_training_learns_roles_given_away_by_the_context(tiny_base: str) -> None:
    texts, mentions = _corpus()
    trained = train_encoder(texts, mentions, _config(tiny_base))
    assert trained.epoch == 15 and [h["epoch"] for h in trained.history] == list(range(1, 16))
    assert trained.history[-1]["loss"] < trained.history[0]["loss"]
    main, fine = predict_encoder(trained.model, trained.windows, texts, mentions, _config(tiny_base))
    assert main.shape == (len(mentions), 3) and fine.shape == (len(mentions), len(FINE_LABELS))
    assert np.allclose(main.sum(1), 1.0, atol=1e-5) and np.allclose(fine.sum(1), 1.0, atol=1e-5)
    gold = np.array([MAIN_ROLES.index(m.role) for m in mentions])
    assert np.mean(main.argmax(1) == gold) >= 0.9


def test_cross_validation_uses_the_role_model_folds(tiny_base: str) -> None:
    texts, mentions = _corpus()
    result = cross_validate_encoder(texts, mentions, folds=3, seed=0, cfg=_config(tiny_base))
    assert result["mentions"] == 36 and result["documents"] == 12 and len(result["per_fold"]) == 3
    fold = document_folds(mentions, 3, 0)
    assert [f["mentions"] for f in result["per_fold"]] == [int((fold == k).sum()) for k in range(3)]
    assert result["main_role_accuracy"] >= 0.8 and result["main_role_macro_f1"] >= 0.8
    assert result["fine_role_exact_match"] >= 0.8
    assert all(f["train_seconds"] >= 0 for f in result["per_fold"])
    assert np.asarray(result["probabilities"]).shape == (36, 3)
    assert "base" not in result["config"]


def test_held_out_documents_pick_the_epoch(tiny_base: str) -> None:
    texts, mentions = _corpus()
    cfg = _config(tiny_base)
    cfg.dev_share, cfg.epochs = 0.25, 6
    trained = train_encoder(texts, mentions, cfg)
    scores = [(h["dev_accuracy"] + h["dev_macro_f1"]) / 2 for h in trained.history]
    assert len(scores) == 6 and 1 <= trained.epoch <= 6
    assert scores[trained.epoch - 1] == max(scores)


def test_split_documents_keeps_documents_whole() -> None:
    _, mentions = _corpus()
    keep, held = split_documents(mentions, 0.25, 0)
    assert sorted(keep + held) == list(range(len(mentions)))
    assert len({mentions[i].document for i in held}) == 3
    assert not {mentions[i].document for i in held} & {mentions[i].document for i in keep}
    with pytest.raises(EvaluationError, match="share"):
        split_documents(mentions, 0.01, 0)


def test_training_without_mentions_says_what_to_give(tiny_base: str) -> None:
    with pytest.raises(EvaluationError, match="no mentions"):
        train_encoder({}, [], _config(tiny_base))


def test_missing_tokenizer_is_a_model_error(tmp_path: Path) -> None:
    pytest.importorskip("torch")
    from unspin.errors import ModelError

    texts, mentions = _corpus(1)
    with pytest.raises(ModelError, match=r"tokenizer\.json"):
        train_encoder(texts, mentions, RoleEncoderConfig(base=str(tmp_path)))


def test_evaluate_roles_fine_tune_prints_the_folds(tiny_base: str, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    import json

    import unspin.training.roles_encoder as roles_encoder
    from unspin.cli.app import main

    texts, mentions = _corpus(4)
    (tmp_path / "raw-documents").mkdir()
    for name, text in texts.items():
        (tmp_path / "raw-documents" / name).write_text(text, encoding="utf-8")
    (tmp_path / "subtask-1-annotations.txt").write_text("".join(
        f"{m.document}\t{m.name}\t{m.start}\t{m.end - 1}\t{m.role.title()}\t{m.fine_roles[0].title()}\n"
        for m in mentions), encoding="utf-8")
    monkeypatch.setattr(roles_encoder, "base_model_path", lambda purpose: tiny_base)
    command = ["evaluate-roles", "--data", str(tmp_path), "--folds", "2", "--fine-tune", "--epochs", "1"]
    assert main(command) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["mentions"] == 12 and len(result["per_fold"]) == 2
    assert result["config"]["epochs"] == 1 and "probabilities" not in result
    assert sum(result["predicted_roles"].values()) == 12
