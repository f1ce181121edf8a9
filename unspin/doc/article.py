"""An ingested article: its id, title, text exactly as ingested, and where it came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["Article"]


@dataclass(slots=True)
class Article:
    """One article. Every span offset in unspin indexes into ``text`` as stored here."""

    id: str
    text: str
    title: str | None = None
    source: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.id = str(self.id)
