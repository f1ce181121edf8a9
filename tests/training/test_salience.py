"""The salience gate: its features, its file, its training on SemEval-2025 Task 10."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from unspin.components._actors_entities import EntityCluster
from unspin.components._actors_salience import (
    SALIENCE_FEATURES,
    SalienceGate,
    load_salience_gate,
    salience_features,
)
from unspin.errors import ModelError


def test_features_say_how_often_and_how_early_an_actor_is_named() -> None:
    main = EntityCluster("Ann Cole", "person", mentions=[(0, 8), (40, 44), (90, 94)])
    minor = EntityCluster("Leeds", "place", mentions=[(80, 85)])
    x = salience_features([main, minor], text_length=100)
    assert x.shape == (2, len(SALIENCE_FEATURES))
    column = dict(zip(SALIENCE_FEATURES, x.T, strict=True))
    assert column["log_mentions"][0] > column["log_mentions"][1]
    assert column["mention_share"].tolist() == [0.75, 0.25]
    assert column["first_position"].tolist() == [0.0, 0.8]
    assert column["type_person"].tolist() == [1.0, 0.0] and column["type_place"].tolist() == [0.0, 1.0]


def test_the_shipped_gate_keeps_a_central_actor_and_drops_one_named_in_passing() -> None:
    gate = load_salience_gate()
    central = EntityCluster("Ann Cole", "person", mentions=[(s, s + 4) for s in range(0, 900, 100)])
    passing = EntityCluster("Leeds", "place", mentions=[(950, 955)])
    others = [EntityCluster(f"Body {k}", "organization", mentions=[(500 + k, 501 + k)]) for k in range(20)]
    salient = gate.salient(salience_features([central, passing, *others], text_length=1000))
    assert salient[0] and not salient[1]


def test_a_gate_round_trips_through_its_json_file(tmp_path: Path) -> None:
    n = len(SALIENCE_FEATURES)
    gate = SalienceGate(np.zeros(n), np.ones(n), np.linspace(-1, 1, n), 0.5, 0.3)
    path = tmp_path / "salience.json"
    path.write_text(json.dumps(gate.to_json()), encoding="utf-8")
    loaded = load_salience_gate(str(path))
    x = np.random.default_rng(0).normal(size=(5, n))
    assert np.allclose(loaded.probability(x), gate.probability(x)) and loaded.threshold == 0.3


def test_a_gate_file_of_other_features_is_refused_with_what_to_do(tmp_path: Path) -> None:
    path = tmp_path / "salience.json"
    path.write_text(json.dumps({"features": ["log_mentions"], "mean": [0], "scale": [1], "weights": [1],
                                "bias": 0, "threshold": 0.5}), encoding="utf-8")
    with pytest.raises(ModelError, match="retrain it with"):
        load_salience_gate(str(path))


@pytest.mark.data
@pytest.mark.slow
def test_the_gate_trained_on_semeval_keeps_most_annotated_actors(shared_data: Path, tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    from unspin.training.salience import MIN_RECALL, main

    out = tmp_path / "salience.json"
    assert main(["--out", str(out), "--data", str(shared_data / "semeval2025-task10-en")]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["out_of_fold"]["recall"] >= MIN_RECALL
    assert report["out_of_fold"]["kept"] < 0.6, "the gate must drop a good share of the actors"
    shipped = json.loads((Path(__file__).parents[2] / "unspin/models/roles/salience.json").read_text())
    assert json.loads(out.read_text()) == shipped, (
        "the shipped gate is not what the command writes: the actors stage changed since it was fitted; "
        "refit it with python -m unspin.training.salience --out unspin/models/roles/salience.json "
        "--data SHARED/semeval2025-task10-en")
