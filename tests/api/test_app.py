"""The HTTP API through an HTTP client: endpoints, the JSON contract, limits, errors and keys."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from contextlib import AbstractContextManager

import httpx
import jsonschema
import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from unspin.api import Settings
from unspin.pipeline import Pipeline
from unspin.render.json import load_schema
from unspin.taxonomy import TECHNIQUE_IDS

MakeClient = Callable[..., AbstractContextManager[TestClient]]
Live = Callable[[Settings, Pipeline], AbstractContextManager[str]]
SlowPipeline = Callable[[float], Pipeline]

ARTICLE = (
    "Harbour Council Approves the Ferry Plan\n\n"
    "The council voted on Tuesday to spend 12 million euros on two new ferries. The mayor "
    "said the old boats were a disgrace. Everyone knows the ferries must be replaced, and "
    "only traitors would vote against it. Critics asked whether the cost was fair.\n\n"
    "Build the ferries. We must build the ferries."
)


def assert_error(response: httpx.Response, status: int, code: str | None = None) -> str:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) >= {"error"}
    assert body["error"]["message"]
    if code is not None:
        assert body["error"]["code"] == code
    return str(body["error"]["message"])


# The endpoints -------------------------------------------------------------------------


def test_analyze_text_returns_the_json_contract(client: TestClient) -> None:
    response = client.post("/v1/analyze", json={"text": ARTICLE, "id": "ferry-1", "title": "Ferries"})
    assert response.status_code == 200
    data = response.json()
    jsonschema.validate(data, load_schema())
    assert data["article"] == {"id": "ferry-1", "title": "Ferries", "length": len(ARTICLE),
                               "source": {"origin": "request", "format": "text"}}
    assert data["pipeline"] == ["parse", "techniques", "summary"]
    assert data["techniques"], "the lexicon finds 'traitors' and 'Everyone knows'"
    for span in data["techniques"]:
        assert ARTICLE[span["start"]:span["end"]] == span["text"]
        assert span["technique"] in TECHNIQUE_IDS


def test_server_timing_says_where_the_time_went(client: TestClient) -> None:
    response = client.post("/v1/analyze", json={"text": ARTICLE})
    parts = dict(p.strip().split(";dur=") for p in response.headers["server-timing"].split(","))
    assert set(parts) == {"ingest", "queue", "analysis"}
    assert all(float(v) >= 0 for v in parts.values())
    assert float(parts["analysis"]) > 0


def test_integer_id_is_echoed_as_a_string(client: TestClient) -> None:
    data = client.post("/v1/analyze", json={"text": ARTICLE, "id": 42}).json()
    assert data["article"]["id"] == "42"


def test_crlf_text_is_normalised_like_the_cli(client: TestClient) -> None:
    data = client.post("/v1/analyze", json={"text": "They are traitors.\r\nEveryone knows it."}).json()
    assert data["article"]["length"] == len("They are traitors.\nEveryone knows it.")


def test_analyze_html_extracts_the_main_text(client: TestClient, page_html: bytes) -> None:
    data = client.post("/v1/analyze", json={"html": page_html.decode(), "id": "page"}).json()
    assert data["article"]["title"] == "Ferry plan page"
    assert data["article"]["source"]["format"] == "html"
    assert data["article"]["length"] > 100
    jsonschema.validate(data, load_schema())


def test_components_run_only_what_is_asked_and_what_it_needs(client: TestClient) -> None:
    data = client.post("/v1/analyze", json={"text": ARTICLE, "components": ["summary"]}).json()
    assert data["pipeline"] == ["summary"]
    assert data["techniques"] == []
    data = client.post("/v1/analyze", json={"text": ARTICLE, "components": ["techniques"]}).json()
    assert data["pipeline"] == ["techniques"]
    assert data["techniques"]


def test_unknown_component_lists_the_valid_ones(client: TestClient) -> None:
    response = client.post("/v1/analyze", json={"text": ARTICLE, "components": ["nope"]})
    message = assert_error(response, 422, "invalid_option")
    assert "'nope'" in message and "techniques" in message


def test_min_score_filters_technique_spans(client: TestClient) -> None:
    every = client.post("/v1/analyze", json={"text": ARTICLE}).json()["techniques"]
    scores = sorted({s["score"] for s in every})
    cut = scores[-1]
    kept = client.post("/v1/analyze", json={"text": ARTICLE, "min_score": cut}).json()["techniques"]
    assert kept == [s for s in every if s["score"] >= cut]
    assert all(s["score"] >= cut for s in kept)


def test_batch_keeps_order_and_reports_bad_items_in_place(client: TestClient) -> None:
    documents = [{"text": ARTICLE, "id": "a"}, {"text": "   ", "id": "b"},
                 {"url": "ftp://example.org/x"}, {"text": "They are traitors."}]
    response = client.post("/v1/analyze/batch", json={"documents": documents})
    assert response.status_code == 200
    body = response.json()
    assert (body["analysed"], body["failed"]) == (2, 2)
    results = body["results"]
    assert [r.get("article", {}).get("id") or r["id"] for r in results] == ["a", "b", "2", "3"]
    jsonschema.validate(results[0], load_schema())
    assert results[1]["error"]["code"] == "invalid_input"
    assert results[2]["error"]["code"] == "fetch_failed"
    assert "scheme" in results[2]["error"]["message"]
    assert results[3]["techniques"]


def test_batch_options_apply_to_every_document(client: TestClient) -> None:
    body = client.post("/v1/analyze/batch", json={
        "documents": [{"text": ARTICLE}, {"text": "They are traitors."}],
        "components": ["techniques"]}).json()
    assert [r["pipeline"] for r in body["results"]] == [["techniques"], ["techniques"]]


def test_batch_size_limit(make_client: MakeClient) -> None:
    with make_client(Settings(max_batch=2)) as client:
        docs = [{"text": f"Text number {i}."} for i in range(3)]
        message = assert_error(client.post("/v1/analyze/batch", json={"documents": docs}), 413)
        assert "3 documents" in message and "limit of 2" in message
        ok = client.post("/v1/analyze/batch", json={"documents": docs[:2]})
        assert ok.status_code == 200


def test_empty_batch_is_refused(client: TestClient) -> None:
    assert_error(client.post("/v1/analyze/batch", json={"documents": []}), 422, "invalid_request")


def test_techniques_taxonomy(client: TestClient) -> None:
    data = client.get("/v1/techniques").json()["techniques"]
    assert [t["id"] for t in data] == list(TECHNIQUE_IDS)
    assert all(t["label"] and t["definition"] and t["example"] for t in data)


def test_health_version_and_docs(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
    from unspin import __version__
    from unspin.render.json import SCHEMA_VERSION

    assert client.get("/version").json() == {"unspin": __version__, "schema_version": SCHEMA_VERSION,
                                             "pipeline": ["parse", "techniques", "summary"]}
    assert client.get("/docs").status_code == 200
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/v1/analyze", "/v1/analyze/batch", "/v1/techniques", "/healthz", "/version"} <= set(paths)


def test_docs_are_served_without_a_cdn(client: TestClient) -> None:
    for path in ("/docs", "/redoc"):
        page = client.get(path).text
        assert "cdn." not in page and "fonts.googleapis" not in page
    docs = client.get("/docs").text
    script = docs.split('<script src="', 1)[1].split('"', 1)[0]
    assert script.startswith("/") and client.get(script).status_code == 200


def test_cors_is_off_unless_origins_are_given(make_client: MakeClient, client: TestClient) -> None:
    origin = {"Origin": "https://cms.example"}
    assert "access-control-allow-origin" not in client.get("/version", headers=origin).headers
    with make_client(Settings(cors_origins=("https://cms.example",), api_keys=("k",))) as cors:
        preflight = cors.options("/v1/analyze", headers={
            **origin, "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "authorization,content-type"})
        assert preflight.status_code == 200
        assert preflight.headers["access-control-allow-origin"] == "https://cms.example"
        response = cors.post("/v1/analyze", json={"text": "They are traitors."},
                             headers={**origin, "Authorization": "Bearer k"})
        assert response.headers["access-control-allow-origin"] == "https://cms.example"
        other = cors.get("/version", headers={"Origin": "https://elsewhere.example"})
        assert "access-control-allow-origin" not in other.headers


def test_report_gives_json_and_the_html_report(client: TestClient) -> None:
    body = client.post("/v1/report", json={"text": ARTICLE, "title": "Ferries"}).json()
    assert body["result"]["article"]["title"] == "Ferries"
    assert body["html"].lstrip().lower().startswith("<!doctype html")
    assert "Ferries" in body["html"]


def test_page_is_served_without_a_key(make_client: MakeClient) -> None:
    with make_client(Settings(api_keys=("k1",))) as client:
        page = client.get("/")
        assert page.status_code == 200
        assert page.headers["content-type"].startswith("text/html")
        assert 'id="api-key"' in page.text and 'id="key-row" hidden' not in page.text
    with make_client() as client:
        assert 'id="key-row" hidden' in client.get("/").text


# Bad input: 400/413/422 with a message, never 500 -----------------------------------------


@pytest.mark.parametrize(("body", "status", "code"), [
    ("{bad json", 400, "invalid_json"),
    ("", 422, "invalid_request"),
    ("[]", 422, "invalid_request"),
    ("null", 422, "invalid_request"),
    ('{"text": 3}', 422, "invalid_request"),
    ('{"text": "a", "url": "b"}', 422, "invalid_request"),
    ("{}", 422, "invalid_request"),
    ('{"text": "   "}', 422, "invalid_input"),
    ('{"text": "hi", "min_score": 2}', 422, "invalid_request"),
    ('{"text": "hi", "extra": 1}', 422, "invalid_request"),
    ('{"text": "hi", "min_score": NaN}', 422, "invalid_request"),
    ('{"text": "hi", "id": Infinity}', 422, "invalid_request"),
    ('{"text": "hi", "components": []}', 422, "invalid_request"),
    ('{"text": "\\ud800 lone surrogate"}', 422, "invalid_request"),
    ('{"text": "hi", "title": "\\udfff"}', 422, "invalid_request"),
    ('{"html": "<p></p>"}', 422, "invalid_input"),
    ('{"url": "file:///etc/passwd"}', 422, "fetch_failed"),
    ('{"url": "not a url"}', 422, "fetch_failed"),
    ('{"url": "http://"}', 422, "fetch_failed"),
])
def test_malformed_requests(client: TestClient, body: str, status: int, code: str) -> None:
    response = client.post("/v1/analyze", content=body.encode(),
                           headers={"Content-Type": "application/json"})
    assert_error(response, status, code)


def test_not_json_content_type(client: TestClient) -> None:
    message = assert_error(client.post("/v1/analyze", content=b"text=hello",
                                       headers={"Content-Type": "application/x-www-form-urlencoded"}),
                           400, "invalid_json")
    assert "application/json" in message


def test_invalid_utf8_body(client: TestClient) -> None:
    assert_error(client.post("/v1/analyze", content=b'{"text": "\xff\xfe"}',
                             headers={"Content-Type": "application/json"}), 400, "invalid_json")


def test_validation_message_names_the_field(client: TestClient) -> None:
    message = assert_error(client.post("/v1/analyze", json={"text": "hi", "min_score": -1}), 422)
    assert message.startswith("min_score:")
    message = assert_error(client.post("/v1/analyze", json={"title": "no text"}), 422)
    assert "exactly one of" in message


def test_unknown_path_and_method(client: TestClient) -> None:
    assert "/docs" in assert_error(client.get("/v2/nothing"), 404, "not_found")
    assert_error(client.get("/v1/analyze"), 405, "method_not_allowed")


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12)
_fields = st.sampled_from(["text", "html", "url", "id", "title", "components", "min_score", "x"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=st.one_of(_json, st.dictionaries(_fields, _json, max_size=4)))
def test_no_json_body_gives_a_server_error(client: TestClient, body: object) -> None:
    for path in ("/v1/analyze", "/v1/analyze/batch"):
        response = client.post(path, json=body)
        assert response.status_code in (200, 400, 413, 422), response.text
        if response.status_code != 200:
            assert response.json()["error"]["message"]


# Size limits --------------------------------------------------------------------------


def test_text_length_limit(make_client: MakeClient) -> None:
    with make_client(Settings(max_text_chars=50)) as client:
        message = assert_error(client.post("/v1/analyze", json={"text": "word " * 20}), 413, "too_large")
        assert "100 characters" in message and "limit of 50" in message
        assert client.post("/v1/analyze", json={"text": "They are traitors."}).status_code == 200


def test_body_limit_on_content_length(make_client: MakeClient) -> None:
    with make_client(Settings(max_body_bytes=1000)) as client:
        response = client.post("/v1/analyze", json={"text": "word " * 400})
        message = assert_error(response, 413, "body_too_large")
        assert "limit of 1,000 bytes" in message
        assert client.post("/v1/analyze", json={"text": "word " * 100}).status_code == 200


def test_body_limit_on_a_streamed_body(pipeline: Pipeline, live: Live) -> None:
    # A chunked body has no Content-Length: the bytes received are counted.
    def chunks():  # type: ignore[no-untyped-def]
        yield b'{"text": "'
        for _ in range(50):
            yield b"word " * 100
        yield b'"}'

    with live(Settings(max_body_bytes=10_000), pipeline) as base:
        response = httpx.post(f"{base}/v1/analyze", content=chunks(),
                              headers={"Content-Type": "application/json"}, timeout=30)
        assert "Content-Length" not in response.request.headers
        assert_error(response, 413, "body_too_large")
        small = httpx.post(f"{base}/v1/analyze", json={"text": "They are traitors."}, timeout=30)
        assert small.status_code == 200


# URLs -----------------------------------------------------------------------------------


def test_url_fetching_refuses_loopback_by_default(client: TestClient, pages: str) -> None:
    message = assert_error(client.post("/v1/analyze", json={"url": f"{pages}/article"}), 422,
                           "fetch_failed")
    assert "private, loopback or link-local" in message


@pytest.mark.parametrize("url", ["http://169.254.169.254/latest/meta-data", "http://10.0.0.1/",
                                 "http://[::1]/", "http://0.0.0.0/", "http://2130706433/"])
def test_url_fetching_refuses_non_public_hosts(client: TestClient, url: str) -> None:
    assert_error(client.post("/v1/analyze", json={"url": url}), 422, "fetch_failed")


def test_url_fetching_when_private_hosts_are_allowed(make_client: MakeClient, pages: str) -> None:
    with make_client(Settings(allow_private_urls=True, fetch_max_bytes=5000,
                              fetch_max_redirects=3, fetch_timeout=1.0)) as client:
        data = client.post("/v1/analyze", json={"url": f"{pages}/article"}).json()
        assert data["article"]["title"] == "Ferry plan page"
        assert data["article"]["id"] == f"{pages}/article"
        assert data["article"]["source"]["url"] == f"{pages}/article"
        message = assert_error(client.post("/v1/analyze", json={"url": f"{pages}/loop"}), 422)
        assert "redirected more than 3 times" in message
        assert_error(client.post("/v1/analyze", json={"url": f"{pages}/big"}), 413, "too_large")
        assert_error(client.post("/v1/analyze", json={"url": f"{pages}/missing"}), 422, "fetch_failed")
        started = time.monotonic()
        message = assert_error(client.post("/v1/analyze", json={"url": f"{pages}/drip"}), 422,
                               "fetch_failed")
        assert "within 1 s" in message
        assert time.monotonic() - started < 5, "the whole fetch is bounded, not each read"


# API keys -------------------------------------------------------------------------------


def test_api_keys(make_client: MakeClient) -> None:
    with make_client(Settings(api_keys=("k1", "k2"))) as client:
        body = {"text": "They are traitors."}
        missing = client.post("/v1/analyze", json=body)
        assert "no API key" in assert_error(missing, 401, "unauthorized")
        assert missing.headers["www-authenticate"] == "Bearer"
        wrong = client.post("/v1/analyze", json=body, headers={"Authorization": "Bearer nope"})
        assert "wrong API key" in assert_error(wrong, 401)
        assert_error(client.get("/v1/techniques"), 401)
        assert_error(client.post("/v1/analyze/batch", json={"documents": [body]}), 401)
        assert client.post("/v1/analyze", json=body,
                           headers={"Authorization": "Bearer k1"}).status_code == 200
        assert client.post("/v1/analyze", json=body, headers={"X-API-Key": "k2"}).status_code == 200
        assert client.get("/v1/techniques", headers={"X-API-Key": "k1"}).status_code == 200
        # Health and version stay open for load balancers.
        assert client.get("/healthz").status_code == 200
        assert client.get("/version").status_code == 200


def test_api_key_from_the_environment(make_client: MakeClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UNSPIN_API_KEY", "env-key")
    monkeypatch.delenv("UNSPIN_SERVE_SETTINGS", raising=False)
    with make_client(Settings.from_env()) as client:
        assert client.post("/v1/analyze", json={"text": "x y"}).status_code == 401
        assert client.post("/v1/analyze", json={"text": "x y"},
                           headers={"X-API-Key": "env-key"}).status_code == 200


# Time, concurrency and back-pressure ------------------------------------------------------


def test_timeout_gives_504_and_the_service_recovers(make_client: MakeClient,
                                                    slow_pipeline: SlowPipeline) -> None:
    with make_client(Settings(timeout=0.3), with_pipeline=slow_pipeline(2.0)) as client:
        started = time.monotonic()
        message = assert_error(client.post("/v1/analyze", json={"text": ARTICLE}), 504, "timeout")
        assert "0.3 s" in message
        assert time.monotonic() - started < 1.5
        assert client.get("/healthz").status_code == 200


def test_analysis_does_not_block_the_event_loop(live: Live, slow_pipeline: SlowPipeline) -> None:
    with live(Settings(), slow_pipeline(3.0)) as base:
        worker = threading.Thread(
            target=lambda: httpx.post(f"{base}/v1/analyze", json={"text": ARTICLE}, timeout=30))
        worker.start()
        time.sleep(0.3)  # the analysis is now running in a worker thread
        started = time.monotonic()
        assert httpx.get(f"{base}/healthz", timeout=5).status_code == 200
        assert time.monotonic() - started < 1.5, "healthz waited for the analysis"
        worker.join()


def test_too_many_waiting_requests_get_503(live: Live, slow_pipeline: SlowPipeline) -> None:
    statuses: list[int] = []

    def call(base: str) -> None:
        statuses.append(httpx.post(f"{base}/v1/analyze", json={"text": ARTICLE}, timeout=30).status_code)

    with live(Settings(max_queue=1), slow_pipeline(1.0)) as base:
        threads = [threading.Thread(target=call, args=(base,)) for _ in range(4)]
        for t in threads:
            t.start()
            time.sleep(0.05)
        for t in threads:
            t.join()
    # One runs, one waits, the rest are turned away at once.
    assert sorted(statuses) == [200, 200, 503, 503]


def test_concurrent_requests_all_get_their_own_result(pipeline: Pipeline, live: Live) -> None:
    texts = [f"Report {i}: they are traitors, and the ferry costs {i} million." for i in range(8)]
    results: dict[int, dict[str, object]] = {}

    def call(base: str, i: int) -> None:
        results[i] = httpx.post(f"{base}/v1/analyze", json={"text": texts[i], "id": str(i)},
                                timeout=30).json()

    with live(Settings(), pipeline) as base:
        threads = [threading.Thread(target=call, args=(base, i)) for i in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    for i, data in results.items():
        article = data["article"]
        assert isinstance(article, dict) and article["id"] == str(i)
        assert article["length"] == len(texts[i])
    assert len(results) == 8


def test_the_default_pipeline_is_served(make_client: MakeClient) -> None:
    """The whole default pipeline (trained models included) behind the API."""
    from unspin.errors import ModelError
    from unspin.pipeline import load

    default = load()
    try:
        default("The council said the plan is a disgrace.")
    except ModelError as exc:
        pytest.skip(f"the default pipeline's models are not installed here: {exc}")
    with make_client(with_pipeline=default) as client:
        data = client.post("/v1/analyze", json={"text": ARTICLE}).json()
        jsonschema.validate(data, load_schema())
        assert data["pipeline"] == default.names
        assert json.loads(json.dumps(data)) == data


def test_the_readme_example_request(client: TestClient) -> None:
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    section = readme.split("## HTTP API", 1)[1].split("\n## ", 1)[0]
    command = next(line for line in section.splitlines() if line.startswith("curl "))
    path = command.split()[2].removeprefix("localhost:8000")
    body = command.split("-d '", 1)[1].rsplit("'", 1)[0]
    response = client.post(path, content=body.encode(), headers={"Content-Type": "application/json"})
    assert response.status_code == 200
    assert response.json()["article"]["length"] == len(json.loads(body)["text"])
