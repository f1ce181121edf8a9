"""The settings every encoder fine-tuning run here shares (claims, roles)."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["FineTuneConfig"]


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
