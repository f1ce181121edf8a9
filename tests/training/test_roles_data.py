"""The role model on the real SemEval-2025 Task 10 data (skipped when ../shared/data is absent)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from unspin.components._actors_roles import MAIN_ROLES, load_role_model
from unspin.training.roles import read_roles, role_vectors

pytestmark = pytest.mark.data


@pytest.fixture(scope="module")
def semeval(shared_data: Path) -> Path:
    folder = shared_data / "semeval2025-task10-en"
    if not (folder / "subtask-1-annotations.txt").is_file():
        pytest.skip(f"needs SemEval-2025 Task 10 English at {folder} (not part of the repository)")
    return folder


def test_the_annotations_point_at_the_names(semeval: Path) -> None:
    texts, mentions = read_roles(semeval)
    assert len(mentions) >= 600 and len(texts) >= 150
    exact = sum(texts[m.document][m.start:m.end] == m.name for m in mentions)
    assert exact / len(mentions) > 0.95
    assert {m.role for m in mentions} == set(MAIN_ROLES)


def test_shipped_model_fits_its_training_documents(semeval: Path) -> None:
    """A consistency check of the shipped classifiers with the technique encoder they read.

    The shipped model was trained on these documents, so this is no estimate of accuracy
    (``unspin evaluate-roles`` gives that): a classifier saved for another encoder would fall
    to the majority guess or below here.
    """
    texts, mentions = read_roles(semeval)
    keep = sorted(texts)[:15]
    subset = [m for m in mentions if m.document in keep]
    x = role_vectors({k: texts[k] for k in keep}, subset)
    model = load_role_model()
    main, _ = model.predict_proba(x)
    predicted = [MAIN_ROLES[int(i)] for i in main.argmax(axis=1)]
    accuracy = sum(p == m.role for p, m in zip(predicted, subset, strict=True)) / len(subset)
    majority = Counter(m.role for m in subset).most_common(1)[0][1] / len(subset)
    assert accuracy > majority
