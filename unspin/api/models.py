"""Request bodies of the HTTP API (validated by pydantic; a bad body is a 422 that says why)."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator, model_validator

from unspin.api.service import ArticleInput

__all__ = ["AnalyzeRequest", "BatchDocument", "BatchRequest"]

_SURROGATE = re.compile("[\ud800-\udfff]")


def _no_surrogates(value: str) -> str:
    # JSON may escape a lone UTF-16 surrogate ("\ud800"), which no UTF-8 text can hold.
    m = _SURROGATE.search(value)
    if m:
        raise ValueError(f"has an unpaired UTF-16 surrogate (\\u{ord(m.group()):04x}) at character "
                         f"{m.start()}; send valid Unicode text")
    return value


#: A string that is valid Unicode (no lone surrogates).
Text = Annotated[str, AfterValidator(_no_surrogates)]
_Id = Annotated[Text | int | None, Field(description="Your id for the article, echoed back.")]


class BatchDocument(BaseModel):
    """One article: exactly one of ``text``, ``html`` or ``url``."""

    model_config = ConfigDict(extra="forbid")

    text: Text | None = Field(None, description="The article as plain text.")
    html: Text | None = Field(None, description="The article's HTML page (its main text is extracted).")
    url: Text | None = Field(None, description="An http(s) URL to fetch (public hosts only by default).")
    id: _Id = None
    title: Text | None = Field(None, description="The article's title (overrides one found in HTML).")

    @model_validator(mode="after")
    def _one_source(self) -> BatchDocument:
        given = [name for name in ("text", "html", "url") if getattr(self, name) is not None]
        if len(given) != 1:
            which = " and ".join(given) if given else "none of them"
            raise ValueError(f"give exactly one of \"text\", \"html\" or \"url\" (got {which})")
        return self

    def to_input(self) -> ArticleInput:
        return ArticleInput(text=self.text, html=self.html, url=self.url,
                            id=None if self.id is None else str(self.id), title=self.title)


class _Options(BaseModel):
    components: list[Text] | None = Field(
        None, description="Run only these pipeline stages (and the stages they need), e.g. "
        "[\"techniques\"]. Default: the whole pipeline.", min_length=1)
    min_score: float | None = Field(
        None, ge=0.0, le=1.0, description="Keep only technique spans scoring at least this.")

    @field_validator("components")
    @classmethod
    def _no_duplicates(cls, value: list[str] | None) -> list[str] | None:
        return list(dict.fromkeys(value)) if value is not None else None


class AnalyzeRequest(BatchDocument, _Options):
    """``POST /v1/analyze``: one article and the analysis options."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [
        {"text": "They are traitors. Everyone knows it.", "id": "a1"},
        {"url": "https://example.org/news/story.html", "components": ["techniques"]},
    ]})


class BatchRequest(_Options):
    """``POST /v1/analyze/batch``: several articles analysed together."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [
        {"documents": [{"id": "a", "text": "First article."}, {"id": "b", "text": "Second."}],
         "min_score": 0.3},
    ]})

    documents: list[BatchDocument] = Field(..., min_length=1, description="The articles.")
