"""SemEval-2025 Task 10 subtask-1 reading and the cross-validated role scores."""

from __future__ import annotations

from pathlib import Path

import pytest

from unspin.components._actors_roles import FINE_ROLES, MAIN_ROLES
from unspin.errors import EvaluationError, InputNotFoundError
from unspin.training.roles import RoleMention, cross_validate_roles, read_roles, train_role_model

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


def _synthetic() -> tuple[list[list[list[str]]], list[RoleMention]]:
    """Features that give the role away: cross-validation must find it."""
    features, mentions = [], []
    cues = {"protagonist": ("guardian", "L=save"), "antagonist": ("corrupt", "L=rob"),
            "innocent": ("victim", "L=suffer")}
    for i in range(60):
        role = MAIN_ROLES[i % 3]
        fine, word = cues[role]
        features.append([["bias", word, f"R=noise{i % 7}"]])
        mentions.append(RoleMention(f"doc{i}", "X", 0, 1, role, (fine,)))
    return features, mentions


def test_cross_validation_learns_separable_roles() -> None:
    pytest.importorskip("sklearn")
    features, mentions = _synthetic()
    result = cross_validate_roles(features, mentions, folds=3)
    assert result["main_role_accuracy"] == 1.0
    assert result["fine_role_exact_match"] == 1.0
    assert result["mentions"] == 60 and result["documents"] == 60


def test_trained_model_predicts_a_fine_role_of_its_main_role() -> None:
    pytest.importorskip("sklearn")
    features, mentions = _synthetic()
    model = train_role_model(features, mentions)
    role, fine, score = model.predict([["bias", "L=rob"]])
    assert role == "antagonist" and fine in FINE_ROLES["antagonist"]
    assert 1 / 3 < score <= 1.0


def test_evaluate_roles_command_cross_validates_and_saves(tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    import json

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
    model = load_role_model(str(saved))
    assert set(model.fine_labels) == {"guardian", "corrupt"}
