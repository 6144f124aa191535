"""Every recorded response parses to its expected snapshot; fuzzed input only ever
produces the bad-response (or not-found) error, never a crash."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import load_fixtures
from videomon.core.domain.errors import BadResponse, ConfigError, LookupProblem, NotFound
from videomon.core.providers.dialects import BUILTIN_DIALECTS, builtin_dialect

BASE = "https://relay.example"
FIXTURES = load_fixtures()
SNAPSHOT_FIXTURES = [f for f in FIXTURES if "expected" in f]
PROBLEM_FIXTURES = [f for f in FIXTURES if "expected_problem" in f and f["http_status"] == 200]


def expected_for(fixture: dict, base: str) -> dict:
    expected = dict(fixture["expected"])
    expected["video_urls"] = [u.replace("{BASE}", base) for u in expected["video_urls"]]
    if expected["thumbnail_url"]:
        expected["thumbnail_url"] = expected["thumbnail_url"].replace("{BASE}", base)
    return expected


def test_fixture_set_covers_every_dialect_and_seed() -> None:
    dialects = {f["dialect"] for f in FIXTURES}
    assert dialects == set(BUILTIN_DIALECTS)
    sources = " ".join(f["source"] for f in FIXTURES)
    for seed in ("seed 000", "seed 001", "seed 002", "seed 003", "seed 004"):
        assert seed in sources


@pytest.mark.parametrize("fixture", SNAPSHOT_FIXTURES, ids=lambda f: f["name"])
def test_fixture_parses_to_expected_snapshot(fixture: dict) -> None:
    dialect = builtin_dialect(fixture["dialect"])
    snapshot = dialect.parse(fixture["body"], task_id=fixture["task_id"], base_url=BASE)
    assert snapshot.to_json() == expected_for(fixture, BASE)
    assert snapshot.raw == fixture["body"]
    json.dumps(snapshot.to_json())  # serializable as the contract promises


@pytest.mark.parametrize("fixture", PROBLEM_FIXTURES, ids=lambda f: f["name"])
def test_fixture_with_http_200_but_no_task_is_a_problem(fixture: dict) -> None:
    dialect = builtin_dialect(fixture["dialect"])
    with pytest.raises(LookupProblem) as caught:
        dialect.parse(fixture["body"], task_id=fixture["task_id"], base_url=BASE)
    assert caught.value.kind.value == fixture["expected_problem"]
    assert caught.value.message


def test_an_unknown_status_word_is_read_and_named_not_a_failed_lookup() -> None:
    snap = builtin_dialect("openai").parse({"status": "teleporting"}, task_id="x",
                                           base_url=BASE)
    assert not snap.status_known and snap.raw_status == "teleporting"
    with pytest.raises(BadResponse, match="not text"):  # (no word at all: a bad answer)
        builtin_dialect("openai").parse({"status": {"x": 1}}, task_id="x", base_url=BASE)


def test_envelope_saying_task_missing_is_not_found() -> None:
    body = {"code": 404, "message": "任务不存在", "data": None}
    with pytest.raises(NotFound):
        builtin_dialect("unified").parse(body, task_id="x", base_url=BASE)


def test_unknown_dialect_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="openai"):
        builtin_dialect("klingon")


@pytest.mark.parametrize(
    ("dialect", "task_id", "expected"),
    [
        ("openai", "sora-2:task_01k81e7r1mf0qtvp3ett3mr4jm",
         "/v1/videos/sora-2:task_01k81e7r1mf0qtvp3ett3mr4jm"),
        ("openai", "vid_abc123xyz456", "/v1/videos/vid_abc123xyz456"),
        ("openai", "a/b c?d#e%f", "/v1/videos/a%2Fb%20c%3Fd%23e%25f"),
        ("unified", "veo3:1756693796-YQVHH4A3Lg",
         "/v2/videos/generations/veo3:1756693796-YQVHH4A3Lg"),
        ("tasks", "5dd1ef43-efeb-9017-be66-f37a9d4348ee",
         "/v1/videos/tasks/5dd1ef43-efeb-9017-be66-f37a9d4348ee"),
        ("gemini", "models/veo-3.0-generate-001/operations/abc",
         "/v1beta/models/veo-3.0-generate-001/operations/abc"),
    ],
)
def test_task_urls(dialect: str, task_id: str, expected: str) -> None:
    assert builtin_dialect(dialect).task_url(BASE, task_id) == BASE + expected


def test_base_url_with_version_suffix_is_not_doubled() -> None:
    assert builtin_dialect("openai").task_url(BASE + "/v1/", "x") == BASE + "/v1/videos/x"
    assert builtin_dialect("gemini").task_url(BASE + "/v1beta", "operations/x") == \
        BASE + "/v1beta/operations/x"
    assert builtin_dialect("openai").task_url(BASE + "/api", "x") == BASE + "/api/v1/videos/x"


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.text(max_size=12), children, max_size=5),
    max_leaves=25,
)
# Objects that use the keys the dialects look at, so fuzzing reaches deep code paths.
KEYS = ["status", "state", "task_status", "progress", "data", "detail", "pending_info",
        "progress_pct", "error", "message", "code", "url", "video_url", "videos", "output",
        "created_at", "completed_at", "expires_at", "done", "name", "response", "metadata",
        "generateVideoResponse", "generatedSamples", "video", "uri", "fail_reason", "model",
        "task_result", "result_url", "submit_time", "finish_time", "success"]
STATES = ["pending", "SUCCESS", "completed", "failed", "IN_PROGRESS", "error", "done", "", "?"]
shaped = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.sampled_from(STATES)
    | st.text(max_size=20) | st.just("https://cdn.example/v.mp4"),
    lambda children: st.lists(children, max_size=3)
    | st.dictionaries(st.sampled_from(KEYS), children, max_size=6),
    max_leaves=30,
)


@pytest.mark.parametrize("dialect_name", sorted(BUILTIN_DIALECTS))
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=json_values | shaped)
def test_fuzzed_bodies_only_raise_lookup_problems(dialect_name: str, body: object) -> None:
    dialect = BUILTIN_DIALECTS[dialect_name]
    try:
        snapshot = dialect.parse(body, task_id="task-1", base_url=BASE)
    except (BadResponse, NotFound):
        return
    data = snapshot.to_json()
    json.dumps(data, allow_nan=False)
    assert data["state"] in ("queued", "running", "succeeded", "failed")
    assert data["progress"] is None or 0 <= data["progress"] <= 100
    assert all(isinstance(u, str) for u in data["video_urls"])
