"""HTTP behaviour against real servers on 127.0.0.1: retries, Retry-After, timeouts,
auth and not-found answers, HTML pages, a connection dropped mid-body, redaction."""

from __future__ import annotations

import asyncio
import random
import socket
import time
from email.utils import formatdate

import httpx
import pytest

from tests.httpserver import DroppingServer, Reply, ScriptedServer
from videomon.core.domain.errors import ProblemKind
from videomon.core.providers.dialects import FormatRegistry
from videomon.core.providers.http import HttpClient, RetryPolicy, parse_retry_after, same_origin
from videomon.core.providers.lookup import LookupResult, TaskLookup
from videomon.core.providers.profiles import Profile

KEY = "sk-test-SECRETKEY-0123456789abcdef"
RUNNING = {"id": "vid_1", "status": "processing", "progress": 10}
FAST = RetryPolicy(total=5.0, base_delay=0.01, max_delay=0.05, read_timeout=2.0,
                   connect_timeout=2.0)


BACKENDS = pytest.mark.parametrize("backend", ["aiohttp", "httpx"])


def lookup(base_url: str, task_id: str = "vid_1", policy: RetryPolicy = FAST,
           dialect: str = "openai", key: str | None = KEY,
           backend: str = "aiohttp") -> LookupResult:
    async def run() -> LookupResult:
        async with HttpClient(policy, rng=random.Random(1), backend=backend) as http:
            profile = Profile(name="test", dialect=dialect, base_url=base_url)
            lookup = TaskLookup(http, FormatRegistry())
            return await lookup.fetch(profile, key, task_id, label="test")

    return asyncio.run(run())


def test_success_sends_bearer_key_and_reports_profile(server: ScriptedServer) -> None:
    server.script("/v1/videos/vid_1", Reply(body=RUNNING, headers={"openai-poll-after-ms": "2500"}))
    result = lookup(server.base_url)
    assert result.snapshot is not None and result.snapshot.progress == 10.0
    assert result.snapshot.profile == "test"
    assert result.poll_after == 2.5
    assert server.seen[0].headers["authorization"] == f"Bearer {KEY}"
    assert server.seen[0].headers["user-agent"].startswith("videomon/")


@pytest.mark.parametrize("status", [408, 429, 500, 502, 503, 504])
def test_transient_statuses_are_retried(server: ScriptedServer, status: int) -> None:
    server.script("/v1/videos/vid_1", Reply(status, b"busy", content_type="text/plain"),
                  Reply(status, b"busy", content_type="text/plain"), Reply(body=RUNNING))
    result = lookup(server.base_url)
    assert result.snapshot is not None, result.problem
    assert len(server.seen) == 3


def test_retry_after_seconds_is_honoured(server: ScriptedServer) -> None:
    server.script("/v1/videos/vid_1", Reply(429, {"error": {"message": "slow down"}},
                                            headers={"Retry-After": "1"}), Reply(body=RUNNING))
    result = lookup(server.base_url)
    assert result.snapshot is not None
    gap = server.seen[1].time - server.seen[0].time
    assert gap >= 0.9


def test_retry_after_beyond_the_deadline_gives_up_at_once(server: ScriptedServer) -> None:
    server.script("/v1/videos/vid_1", Reply(429, {"error": {"message": "quota"}},
                                            headers={"Retry-After": "120"}))
    started = time.monotonic()
    result = lookup(server.base_url)
    assert time.monotonic() - started < 2
    assert result.problem is not None and result.problem.kind is ProblemKind.RATE_LIMITED
    assert "HTTP 429" in result.problem.message and "120 s" in result.problem.message
    assert result.problem.kind.exit_code == 5


def test_retry_after_as_http_date() -> None:
    now = 1_760_000_000.0
    assert parse_retry_after(formatdate(now + 30, usegmt=True), now=now) == pytest.approx(30)
    assert parse_retry_after("7") == 7.0
    assert parse_retry_after("soon") is None
    assert parse_retry_after(formatdate(now - 30, usegmt=True), now=now) == 0.0


def test_persistent_server_error_stops_at_total_time(server: ScriptedServer) -> None:
    server.script("/v1/videos/vid_1", Reply(503, b"<html><body>Service Unavailable</body></html>",
                                            content_type="text/html"))
    policy = RetryPolicy(total=1.0, base_delay=0.05, max_delay=0.2)
    started = time.monotonic()
    result = lookup(server.base_url, policy=policy)
    elapsed = time.monotonic() - started
    assert result.problem is not None and result.problem.kind is ProblemKind.SERVER
    assert "HTTP 503" in result.problem.message and "Service Unavailable" in result.problem.message
    assert 0.5 <= elapsed < 2.5
    assert len(server.seen) >= 3


def test_attempt_cut_short_by_the_budget_reports_the_last_server_answer(
        server: ScriptedServer) -> None:
    server.script("/v1/videos/vid_1", Reply(502, b"bad gateway", content_type="text/plain"),
                  Reply(body=RUNNING, delay=3))
    result = lookup(server.base_url, policy=RetryPolicy(total=0.8, base_delay=0.01,
                                                        max_delay=0.02))
    assert result.problem is not None and result.problem.kind is ProblemKind.SERVER
    assert "HTTP 502" in result.problem.message


@pytest.mark.parametrize("status", [401, 403])
def test_auth_rejected_is_not_retried_and_hides_the_key(server: ScriptedServer,
                                                        status: int) -> None:
    echo = {"error": {"message": f"Incorrect API key provided: {KEY}", "code": "invalid_api_key"}}
    server.script("/v1/videos/vid_1", Reply(status, echo))
    result = lookup(server.base_url)
    assert result.problem is not None and result.problem.kind is ProblemKind.AUTH
    assert len(server.seen) == 1
    assert f"HTTP {status}" in result.problem.message
    assert KEY not in result.problem.message and "SECRETKEY" not in result.problem.message


@pytest.mark.parametrize("status", [404, 410])
def test_not_found(server: ScriptedServer, status: int) -> None:
    server.script("/v1/videos/vid_1", Reply(status, {"error": {"message": "Video task not found"}}))
    result = lookup(server.base_url)
    assert result.problem is not None and result.problem.kind is ProblemKind.NOT_FOUND
    assert "Video task not found" in result.problem.message
    assert result.problem.kind.exit_code == 3


def test_html_page_with_200_is_a_bad_response(server: ScriptedServer) -> None:
    page = "<!DOCTYPE html><html><head><title>Just a moment...</title></head>" + "x" * 500
    server.script("/v1/videos/vid_1", Reply(200, page, content_type="text/html"))
    result = lookup(server.base_url)
    assert result.problem is not None and result.problem.kind is ProblemKind.BAD_RESPONSE
    assert "HTML" in result.problem.message and "Just a moment" in result.problem.message
    body_part = result.problem.message.split(": ", 2)[-1]
    assert len(body_part) <= 201


def test_malformed_json_is_a_bad_response(server: ScriptedServer) -> None:
    server.script("/v1/videos/vid_1", Reply(200, b'{"status": "processing", "progress": '))
    result = lookup(server.base_url)
    assert result.problem is not None and result.problem.kind is ProblemKind.BAD_RESPONSE
    assert "not valid JSON" in result.problem.message


def test_empty_body_is_a_bad_response(server: ScriptedServer) -> None:
    server.script("/v1/videos/vid_1", Reply(200, b""))
    result = lookup(server.base_url)
    assert result.problem is not None and result.problem.kind is ProblemKind.BAD_RESPONSE


@BACKENDS
def test_read_timeout_is_retried_then_reported(backend: str) -> None:
    with ScriptedServer() as srv:
        srv.script("/v1/videos/vid_1", Reply(body=RUNNING, delay=3))
        policy = RetryPolicy(total=1.2, read_timeout=0.3, base_delay=0.01, max_delay=0.05)
        started = time.monotonic()
        result = lookup(srv.base_url, policy=policy, backend=backend)
        assert time.monotonic() - started < 2.5
    assert result.problem is not None and result.problem.kind is ProblemKind.NETWORK
    assert "in time" in result.problem.message


def test_slow_answer_within_timeout_succeeds(server: ScriptedServer) -> None:
    server.script("/v1/videos/vid_1", Reply(body=RUNNING, delay=0.3))
    assert lookup(server.base_url).snapshot is not None


@BACKENDS
def test_connection_dropped_mid_body_is_retried_then_reported(backend: str) -> None:
    with DroppingServer() as peer:
        result = lookup(peer.base_url, policy=RetryPolicy(total=0.8, base_delay=0.01,
                                                          max_delay=0.05), backend=backend)
        assert peer.connections >= 2
    assert result.problem is not None and result.problem.kind is ProblemKind.NETWORK
    assert "in time" not in result.problem.message  # a cut-off answer is not a timeout


@BACKENDS
def test_dead_port_is_a_network_problem(backend: str) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    result = lookup(f"http://127.0.0.1:{port}", policy=RetryPolicy(total=0.5, base_delay=0.01),
                    backend=backend)
    assert result.problem is not None and result.problem.kind is ProblemKind.NETWORK
    assert "could not reach" in result.problem.message


@BACKENDS
def test_ids_with_colon_and_slash_reach_the_server_intact(server: ScriptedServer,
                                                          backend: str) -> None:
    server.script("/v1/videos/sora-2:task_01k81e7r1mf0qtvp3ett3mr4jm", Reply(body=RUNNING))
    assert lookup(server.base_url, "sora-2:task_01k81e7r1mf0qtvp3ett3mr4jm",
                  backend=backend).snapshot is not None
    op = "models/veo-3.0-generate-001/operations/abc 1"
    server.script("/v1beta/models/veo-3.0-generate-001/operations/abc%201",
                  Reply(body={"name": op, "done": False}))
    result = lookup(server.base_url, op, dialect="gemini")
    assert result.snapshot is not None, result.problem
    assert server.seen[-1].headers["x-goog-api-key"] == KEY
    assert "authorization" not in server.seen[-1].headers


def test_tasks_dialect_sends_the_bare_key(server: ScriptedServer) -> None:
    server.script("/v1/videos/tasks/t1", Reply(body={"id": "t1", "state": "running"}))
    assert lookup(server.base_url, "t1", dialect="tasks").snapshot is not None
    assert server.seen[0].headers["authorization"] == KEY


def test_redirect_to_another_host_is_not_followed_with_the_key(server: ScriptedServer) -> None:
    with ScriptedServer() as other:
        other.script("/v1/videos/vid_1", Reply(body=RUNNING))
        server.script("/v1/videos/vid_1", Reply(302, b"", headers={
            "Location": f"http://localhost:{other.port}/v1/videos/vid_1"}))
        result = lookup(server.base_url)
        assert other.seen == []
    assert result.problem is not None and result.problem.kind is ProblemKind.BAD_RESPONSE
    assert "redirected" in result.problem.message


def test_same_origin_redirect_is_followed(server: ScriptedServer) -> None:
    server.script("/v1/videos/vid_1", Reply(307, b"", headers={"Location": "/v1/videos/vid_2"}))
    server.script("/v1/videos/vid_2", Reply(body=RUNNING))
    assert lookup(server.base_url).snapshot is not None
    assert server.seen[1].headers["authorization"] == f"Bearer {KEY}"


def test_same_origin() -> None:
    assert same_origin("https://a.example/x", "https://A.example:443/y")
    assert not same_origin("https://a.example/x", "http://a.example/x")
    assert not same_origin("https://a.example/x", "https://a.example:8443/x")
    assert not same_origin("https://a.example/x", "https://b.example/x")


def test_proxy_from_environment_is_used(server: ScriptedServer,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """HTTP_PROXY is honoured: the request goes to the proxy with an absolute URL."""
    server.script("http://provider.invalid/v1/videos/vid_1", Reply(body=RUNNING))
    server.handle("http://provider.invalid/v1/videos/vid_1", lambda r: Reply(body=RUNNING))
    monkeypatch.setenv("HTTP_PROXY", server.base_url)
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    result = lookup("http://provider.invalid")
    assert result.snapshot is not None, result.problem


def test_aiohttp_failures_map_to_what_they_mean() -> None:
    import aiohttp

    from videomon.core.providers.aiohttp_transport import translate

    assert isinstance(translate(aiohttp.ServerDisconnectedError()), httpx.RemoteProtocolError)
    assert isinstance(translate(aiohttp.ConnectionTimeoutError()), httpx.ConnectTimeout)
    assert isinstance(translate(aiohttp.SocketTimeoutError()), httpx.ReadTimeout)
    assert isinstance(translate(TimeoutError()), httpx.ReadTimeout)
    assert isinstance(translate(aiohttp.ClientPayloadError("short")), httpx.ReadError)
    assert isinstance(translate(aiohttp.InvalidURL("x")), httpx.UnsupportedProtocol)
    assert isinstance(translate(aiohttp.ClientError("other")), httpx.NetworkError)
