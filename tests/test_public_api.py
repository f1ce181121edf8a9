"""The public surface: exactly what ``__all__`` promises, and it works."""

from __future__ import annotations

import unspin

EXPECTED = {
    "DEFAULT_PIPELINE", "SCHEMA_VERSION", "TECHNIQUES", "TECHNIQUE_IDS", "Actor", "Article",
    "Claim", "Document", "Pipeline", "Quote", "TechniqueSpan", "UnspinError", "__version__",
    "analyze", "load", "to_dict", "to_json",
}


def test_exported_members() -> None:
    assert set(unspin.__all__) == EXPECTED
    for name in unspin.__all__:
        assert hasattr(unspin, name), name


def test_fourteen_techniques() -> None:
    assert len(unspin.TECHNIQUE_IDS) == 14
    assert len(set(unspin.TECHNIQUE_IDS)) == 14
    assert "Name_Calling,Labeling" in unspin.TECHNIQUE_IDS
