"""The fuzz scripts run (a short smoke run each), and every crash they found stays fixed."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from unspin.errors import FetchError
from unspin.ingest import fetch_url

BENCH = Path(__file__).resolve().parents[2] / "bench"
HARNESSES = ("fuzz_html", "fuzz_jsonl", "fuzz_api")

# Inputs the fuzzers found that crashed unspin, kept as regression tests (harness, input).
CRASHES = [
    # A bad IPv6 literal escaped check_url as ValueError (API: 500 instead of 422).
    ("fuzz_api", b'\x01\x02\x00{"url": "http://[:=:1]:0/", "title": null, "id": 12345678901234567889}'),
]


def _harness(name: str) -> ModuleType:
    sys.path.insert(0, str(BENCH))
    try:
        spec = importlib.util.spec_from_file_location(name, BENCH / f"{name}.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(BENCH))


@pytest.mark.slow
@pytest.mark.parametrize("name", HARNESSES)
def test_fuzz_smoke_run(name: str, tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, str(BENCH / f"{name}.py"), "--seconds", "4",
         "--corpus", str(tmp_path / "corpus"), "--artifacts", str(tmp_path / "artifacts")],
        capture_output=True, text=True, timeout=300)
    output = proc.stdout + proc.stderr
    assert proc.returncode == 0, output[-3000:]
    assert "Done" in output or "without a crash" in output, output[-3000:]
    assert not list((tmp_path / "artifacts").glob("crash-*")), output[-3000:]


@pytest.mark.parametrize(("name", "data"), CRASHES)
def test_fuzz_crash_stays_fixed(name: str, data: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    harness = _harness(name)
    monkeypatch.setattr("unspin.api.service.fetch_url", harness._no_network)
    monkeypatch.setattr("unspin.ingest.readers.fetch_url", harness._no_network)
    harness.one_input(data)


@pytest.mark.parametrize("url", ["http://[:=:1]:0/", "http://[::1", "http://a:99999/",
                                 "http://a:port/", "http://\x00/", "http://xn--/"])
def test_malformed_urls_are_fetch_errors(url: str) -> None:
    with pytest.raises(FetchError, match="not a valid URL"):
        fetch_url(url)


def test_unresolvable_idna_host_is_a_fetch_error() -> None:
    from unspin.ingest.url import check_url

    with pytest.raises(FetchError, match="cannot resolve host"):
        check_url("http://" + "a" * 64 + ".example/", allow_private=False)
