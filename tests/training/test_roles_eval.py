"""SemEval-2025 Task 10 subtask-1 reading and the cross-validated role scores."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from unspin.components._actors_roles import FINE_ROLES, MAIN_ROLES
from unspin.errors import EvaluationError, InputNotFoundError
from unspin.training.roles import (
    C_GRID,
    DEFAULT_GAP,
    THRESHOLD_GRID,
    RoleMention,
    choose_hyperparameters,
    choose_thresholds,
    cross_validate_roles,
    document_folds,
    inner_probabilities,
    macro_f1,
    read_roles,
    train_role_model,
)

TEXT = "The mayor Ann Cole saved the harbour. The pirate Red Jack robbed the town."


def test_read_roles_makes_end_offsets_exclusive(tmp_path: Path) -> None:
    (tmp_path / "raw-documents").mkdir()
    (tmp_path / "raw-documents" / "EN_X_1.txt").write_text(TEXT, encoding="utf-8")
    start = TEXT.index("Red Jack")
    (tmp_path / "subtask-1-annotations.txt").write_text(
        f"EN_X_1.txt\tAnn Cole\t10\t17\tProtagonist\tGuardian\n"
        f"EN_X_1.txt\tRed Jack\t{start}\t{start + 7}\tAntagonist\tCorrupt\tDeceiver\n", encoding="utf-8")
    texts, mentions = read_roles(tmp_path)
    assert [TEXT[m.start:m.end] for m in mentions] == ["Ann Cole", "Red Jack"]
    assert mentions[0].role == "protagonist" and mentions[0].fine_roles == ("guardian",)
    assert mentions[1].fine_roles == ("corrupt", "deceiver")
    assert set(texts) == {"EN_X_1.txt"}


def test_read_roles_rejects_an_unknown_role(tmp_path: Path) -> None:
    (tmp_path / "raw-documents").mkdir()
    (tmp_path / "subtask-1-annotations.txt").write_text("d.txt\tX\t0\t1\tVillain\tTyrant\n",
                                                        encoding="utf-8")
    with pytest.raises(EvaluationError, match="main role"):
        read_roles(tmp_path)


def test_read_roles_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(InputNotFoundError):
        read_roles(tmp_path / "nothing")


_FINE = {"protagonist": "guardian", "antagonist": "corrupt", "innocent": "victim"}


def _synthetic(n: int = 90, seed: int = 0) -> tuple[np.ndarray, list[RoleMention]]:
    """Vectors that give the role away (one direction per role, plus noise), 3 mentions a document."""
    rng = np.random.default_rng(seed)
    x = rng.normal(0.0, 0.3, size=(n, 8)).astype(np.float32)
    mentions = []
    for i in range(n):
        role = MAIN_ROLES[i % 3]
        x[i, i % 3] += 3.0
        mentions.append(RoleMention(f"doc{i // 3}", "X", 0, 1, role, (_FINE[role],)))
    return x, mentions


def test_cross_validation_learns_separable_roles() -> None:
    pytest.importorskip("sklearn")
    x, mentions = _synthetic()
    result = cross_validate_roles(x, mentions, folds=3)
    assert result["main_role_accuracy"] == 1.0 and result["main_role_macro_f1"] == 1.0
    assert result["fine_role_exact_match"] == 1.0
    assert result["mentions"] == 90 and result["documents"] == 30
    assert len(result["per_fold"]) == 3 and all(f["c"] in C_GRID for f in result["per_fold"])
    assert result["main_role_accuracy_folds"]["std"] == 0.0
    # a third of the mentions each: a majority guesser gets a third right and a low macro-F1
    assert result["majority_baseline"]["accuracy"] == round(1 / 3, 4)
    assert result["majority_baseline"]["macro_f1"] < 0.2
    for row in result["at_min_score"]:
        assert 0.0 <= row["coverage"] <= 1.0
        assert row["main_role_accuracy"] == (1.0 if row["coverage"] else 0.0)
    shown = result["shown_with_role_thresholds"]
    assert shown["gap"] == DEFAULT_GAP and shown["main_role_accuracy"] == 1.0
    assert sum(r["shown"] for r in shown["per_role"].values()) == round(shown["coverage"] * 90)
    assert all(r["precision"] in (None, 1.0) for r in shown["per_role"].values())
    assert all(set(f["thresholds"]) == set(MAIN_ROLES) for f in result["per_fold"])


def test_noise_scores_near_chance() -> None:
    pytest.importorskip("sklearn")
    x, mentions = _synthetic(seed=1)
    x = np.random.default_rng(2).normal(size=x.shape).astype(np.float32)
    result = cross_validate_roles(x, mentions, folds=3, tune=False)
    assert result["main_role_accuracy"] < 0.6


def test_folds_keep_documents_together_and_follow_the_seed() -> None:
    _, mentions = _synthetic()
    folds = document_folds(mentions, 5, seed=0)
    for document in {m.document for m in mentions}:
        assert len({int(folds[i]) for i, m in enumerate(mentions) if m.document == document}) == 1
    assert (folds == document_folds(mentions, 5, seed=0)).all()
    assert not (folds == document_folds(mentions, 5, seed=1)).all()
    with pytest.raises(EvaluationError, match="fewer folds"):
        document_folds(mentions[:6], 5, seed=0)


def test_macro_f1_counts_every_main_role() -> None:
    gold = ["antagonist"] * 6 + ["protagonist"] * 2 + ["innocent"] * 2
    assert macro_f1(gold, gold) == 1.0
    # always "antagonist": F1 2*6/(2*6+4) = 0.75 for it, 0 for the other two
    assert macro_f1(gold, ["antagonist"] * 10) == pytest.approx(0.75 / 3)


def test_hyperparameters_come_from_the_grid() -> None:
    pytest.importorskip("sklearn")
    x, mentions = _synthetic()
    c, balanced = choose_hyperparameters(x, mentions)
    assert c in C_GRID and isinstance(balanced, bool)


def test_trained_model_predicts_a_fine_role_of_its_main_role() -> None:
    pytest.importorskip("sklearn")
    x, mentions = _synthetic()
    model = train_role_model(x, mentions)
    probe = np.zeros((1, 8), dtype=np.float32)
    probe[0, 1] = 3.0
    role, fine, score = model.predict(probe)
    assert role == "antagonist" and fine in FINE_ROLES["antagonist"]
    assert 1 / 3 < score <= 1.0


def test_thresholds_ask_more_of_a_common_role_and_drop_an_uninformative_one() -> None:
    rng = np.random.default_rng(0)
    gold = ["antagonist"] * 140 + ["protagonist"] * 40 + ["innocent"] * 20
    probabilities = np.zeros((200, 3))
    # antagonist and protagonist: the probability tracks the role; innocent: noise
    probabilities[:, 1] = [rng.uniform(0.5, 1.0) if g == "antagonist" else rng.uniform(0.0, 0.8)
                           for g in gold]
    probabilities[:, 0] = [rng.uniform(0.3, 0.7) if g == "protagonist" else rng.uniform(0.0, 0.4)
                           for g in gold]
    probabilities[:, 2] = rng.uniform(0.0, 0.3, size=200)
    thresholds = choose_thresholds(probabilities, gold, gap=0.5)
    protagonist, antagonist, innocent = (float(t) for t in thresholds)
    on_grid = [t for t in THRESHOLD_GRID if t == pytest.approx(antagonist) or t == pytest.approx(protagonist)]
    assert len(on_grid) == (1 if antagonist == protagonist else 2)
    assert innocent > 1.0, "a role its probability says nothing about is never shown"
    # what the threshold promises holds on these predictions
    sure = probabilities[:, 1] >= antagonist
    assert np.mean([gold[i] == "antagonist" for i in np.where(sure)[0]]) >= 0.7 + 0.5 * 0.3
    # asking for more precision never lowers a threshold; gap 0 shows any role from the lowest step
    stricter = choose_thresholds(probabilities, gold, gap=0.8)
    assert (stricter >= thresholds).all()
    assert choose_thresholds(probabilities, gold, gap=0.0)[1] == pytest.approx(THRESHOLD_GRID[0])
    with pytest.raises(EvaluationError, match="from 0 to 1"):
        choose_thresholds(probabilities, gold, gap=1.5)


def test_inner_probabilities_are_out_of_fold() -> None:
    pytest.importorskip("sklearn")
    x, mentions = _synthetic()
    probabilities = inner_probabilities(x, mentions, c=0.1, balanced=False)
    assert probabilities.shape == (90, 3)
    np.testing.assert_allclose(probabilities.sum(axis=1), 1.0, rtol=1e-5)
    assert (probabilities.argmax(axis=1) == [MAIN_ROLES.index(m.role) for m in mentions]).all()


def test_evaluate_roles_command_cross_validates_and_saves(tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    from unspin.cli.app import main
    from unspin.components._actors_roles import load_role_model

    pytest.importorskip("sklearn")
    (tmp_path / "raw-documents").mkdir()
    lines = []
    for i in range(4):
        (tmp_path / "raw-documents" / f"EN_X_{i}.txt").write_text(TEXT, encoding="utf-8")
        start = TEXT.index("Red Jack")
        lines.append(f"EN_X_{i}.txt\tAnn Cole\t10\t17\tProtagonist\tGuardian")
        lines.append(f"EN_X_{i}.txt\tRed Jack\t{start}\t{start + 7}\tAntagonist\tCorrupt")
    (tmp_path / "subtask-1-annotations.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    saved = tmp_path / "roles.npz"
    assert main(["evaluate-roles", "--data", str(tmp_path), "--folds", "2", "--save", str(saved)]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["mentions"] == 8 and result["folds"] == 2
    assert 0.0 <= result["main_role_accuracy"] <= 1.0
    assert 0.0 <= result["main_role_macro_f1"] <= 1.0
    assert result["saved"]["path"] == str(saved)
    model = load_role_model(str(saved))
    assert set(model.fine_labels) == {"guardian", "corrupt"}
    assert model.thresholds.tolist() == pytest.approx(list(result["saved"]["thresholds"].values()))
    assert list(result["saved"]["thresholds"]) == list(MAIN_ROLES)


def test_evaluate_roles_defaults_to_the_shared_data_folder(tmp_path: Path, monkeypatch) -> None:
    from unspin.cli.app import main

    monkeypatch.setenv("UNSPIN_SHARED_DATA", str(tmp_path))
    # no semeval2025-task10-en there: the command names the folder it looked in
    assert main(["evaluate-roles"]) != 0
