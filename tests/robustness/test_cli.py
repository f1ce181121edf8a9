"""The command line on arbitrary bytes: exit status 0 or 1 with one-line errors, never a traceback."""

from __future__ import annotations

import io
import json
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from unspin.cli import main

# The technique stage is left out: the pipeline properties test it; here the point is input
# decoding, ingest and output on the command line.
ARGS = ["analyze", "-", "--disable", "techniques"]
BYTES = st.one_of(
    st.binary(max_size=400),
    st.text(max_size=300).map(lambda t: t.encode("utf-8")),
    st.text(max_size=200).map(lambda t: ("<html><body><p>" + t + "</p></body></html>").encode()),
    st.sampled_from([b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff\x00", b"\x00" * 10, b"\r\r\n"]),
)


@settings(max_examples=30, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(data=BYTES, fmt=st.sampled_from(["json", "ptc", "text"]))
def test_any_bytes_on_stdin(data: bytes, fmt: str, monkeypatch: pytest.MonkeyPatch,
                            capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    code = main([*ARGS, "--format", fmt])
    out, err = capsys.readouterr()
    assert code in (0, 1), (code, err)
    if code == 1:
        lines = err.strip().splitlines()
        assert lines and lines[0].startswith("unspin: error: stdin:"), err
        assert "Traceback" not in err
    elif fmt == "json":
        result = json.loads(out)
        length = result["article"]["length"]
        assert length > 0 and result["warnings"] is not None
        for group in ("techniques", "claims", "quotes"):
            for span in result[group]:
                assert 0 <= span["start"] < span["end"] <= length
                assert len(span["text"]) == span["end"] - span["start"]
