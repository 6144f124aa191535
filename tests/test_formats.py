"""Formats as data: checking a format file, round trips, the reader's extras (fallback URLs,
a second request, state maps, time zones) and Kling's signed tokens, against real servers."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import json
import random
from pathlib import Path

import pytest

from tests.httpserver import Reply, ScriptedServer
from videomon.core.domain.errors import ProblemKind
from videomon.core.providers.auth import auth_headers, kling_token
from videomon.core.providers.dialects import FormatRegistry, builtin_dialect
from videomon.core.providers.formats.builtin import BUILTIN_FORMATS
from videomon.core.providers.formats.library import FormatLibrary
from videomon.core.providers.formats.spec import (
    FormatError,
    format_from_dict,
    format_to_dict,
    format_to_toml,
    parse_format_text,
)
from videomon.core.providers.http import HttpClient, RetryPolicy
from videomon.core.providers.lookup import LookupResult, TaskLookup
from videomon.core.providers.profiles import Profile

FAST = RetryPolicy(total=5.0, base_delay=0.01, max_delay=0.05, read_timeout=2.0,
                   connect_timeout=2.0)
MINE = """
name = "myrelay"
summary = "a relay with its own words"
query = "{base}/api/job?id={id}"

[fields]
state = ["job.phase"]
progress = "job.percent"
video_urls = ["job.files[0].href"]
error = ["job.why"]
created = ["job.when"]

[states]
WAITING = "queued"
BUSY = "running"
"ALL DONE" = "succeeded"
BROKEN = "failed"
GONE = "not_found"
"""


def lookup(base_url: str, task_id: str, dialect: str, key: str | None = "k-123456",
           auth: str | None = None) -> LookupResult:
    async def run() -> LookupResult:
        async with HttpClient(FAST, rng=random.Random(1)) as http:
            profile = Profile(name="p", dialect=dialect, base_url=base_url,
                              auth=auth or builtin_dialect(dialect).default_auth)
            lookup = TaskLookup(http, FormatRegistry())
            return await lookup.fetch(profile, key, task_id, label="p")

    return asyncio.run(run())


@pytest.mark.parametrize(("change", "field"), [
    ({"name": "Bad Name"}, "name"),
    ({"query": "{base}/v1/videos"}, "query"),
    ({"query": "ftp://x/{id}"}, "query"),
    ({"query": "{base}/{id}/{nope}"}, "query"),
    ({"fields": {"state": ["a..b"]}}, "fields.state"),
    ({"fields": {"progress": ["p"]}}, "fields.state"),
    ({"fields": {"state": "s", "colour": ["c"]}}, "fields.colour"),
    ({"states": {"RUN": "sprinting"}}, "states.RUN"),
    ({"progress_scale": "permille"}, "progress_scale"),
    ({"time_zone": "Beijing"}, "time_zone"),
    ({"auth": "magic"}, "auth"),
    ({"headers": {"Bad Header": "1"}}, "headers"),
    ({"then": {"url": "{base}/f/{file}", "video_urls": ["u"]}}, "then.url"),
    ({"then": {"url": "{base}/f", "video_urls": []}}, "then.video_urls"),
    ({"colour": "blue"}, "colour"),
])
def test_a_bad_format_is_refused_naming_the_field(change: dict, field: str) -> None:
    data = {"name": "ok", "query": "{base}/v1/x/{id}", "fields": {"state": ["status"]},
            **change}
    with pytest.raises(FormatError) as caught:
        format_from_dict(data)
    assert caught.value.field == field
    assert str(caught.value)


def test_a_format_file_that_is_not_toml_says_so() -> None:
    with pytest.raises(FormatError, match="not valid TOML"):
        parse_format_text('name = "x"\nquery = [', json_text=False)
    with pytest.raises(FormatError, match="not valid JSON"):
        parse_format_text("{", json_text=True)


@pytest.mark.parametrize("name", sorted(BUILTIN_FORMATS))
def test_every_built_in_format_survives_toml_and_json(name: str) -> None:
    fmt = BUILTIN_FORMATS[name]
    assert parse_format_text(format_to_toml(fmt), json_text=False) == fmt
    assert parse_format_text(json.dumps(format_to_dict(fmt)), json_text=True) == fmt


def test_import_keeps_a_good_file_refuses_a_bad_one_and_built_in_names(tmp_path: Path) -> None:
    library = FormatLibrary(tmp_path / "formats")
    good = tmp_path / "mine.toml"
    good.write_text(MINE, encoding="utf-8")
    fmt = library.import_file(good)
    assert (tmp_path / "formats" / "myrelay.toml").exists()
    bad = tmp_path / "bad.toml"
    bad.write_text(MINE.replace('state = ["job.phase"]', 'state = ["job..phase"]'),
                   encoding="utf-8")
    with pytest.raises(FormatError, match=r"fields\.state"):
        library.import_file(bad)
    clash = tmp_path / "clash.json"
    clash.write_text(json.dumps({**format_to_dict(fmt), "name": "kling"}), encoding="utf-8")
    with pytest.raises(FormatError, match="built-in"):
        library.import_file(clash)
    loaded, problems = library.load()
    assert [f.name for f in loaded] == ["myrelay"] and problems == []
    (tmp_path / "formats" / "broken.toml").write_text("name = ", encoding="utf-8")
    loaded, problems = library.load()
    assert [f.name for f in loaded] == ["myrelay"]
    assert problems and problems[0].file.name == "broken.toml"
    exported = tmp_path / "shared.toml"
    library.export(fmt, exported)
    assert parse_format_text(exported.read_text(encoding="utf-8"), json_text=False) == fmt


def test_a_user_format_reads_its_own_words_paths_and_query_parameter() -> None:
    fmt = parse_format_text(MINE, json_text=False)
    formats = FormatRegistry([fmt])
    dialect = formats.dialect("myrelay")
    assert dialect.task_url("https://r.example", "a b&c") == \
        "https://r.example/api/job?id=a%20b%26c"
    body = {"job": {"phase": "ALL DONE", "percent": 100, "when": "2025-01-02T03:04:05Z",
                    "files": [{"href": "https://cdn.example/1.mp4"}]}}
    snap = dialect.parse(body, task_id="t1", base_url="https://r.example")
    assert snap.state.value == "succeeded" and snap.dialect == "myrelay"
    assert snap.video_urls == ("https://cdn.example/1.mp4",)
    assert snap.created_at == 1735787045
    busy = dialect.parse({"job": {"phase": "busy", "percent": "40%"}}, task_id="t1",
                         base_url="x")
    assert busy.state.value == "running" and busy.progress == 40.0
    with pytest.raises(Exception, match="does not exist"):
        dialect.parse({"job": {"phase": "GONE"}}, task_id="t1", base_url="x")
    assert "myrelay" not in FormatRegistry()


def test_kling_tries_image2video_when_text2video_does_not_know_the_task() -> None:
    done = json.loads((Path(__file__).parent / "fixtures/responses/kling/official_succeed.json")
                      .read_text(encoding="utf-8"))["body"]
    with ScriptedServer() as server:
        server.script("/v1/videos/text2video/T1", Reply(status=404, body={
            "code": 1201, "message": "task not found", "data": None}))
        server.script("/v1/videos/image2video/T1", Reply(body=done))
        result = lookup(server.base_url, "T1", "kling", key="AK-access:SK-secret")
    assert result.snapshot is not None and result.snapshot.state.value == "succeeded"
    token = server.seen[0].headers["authorization"].removeprefix("Bearer ")
    header, payload, signature = token.split(".")
    expected = hmac.new(b"SK-secret", f"{header}.{payload}".encode(), hashlib.sha256).digest()
    assert base64.urlsafe_b64decode(signature + "==") == expected
    claims = json.loads(base64.urlsafe_b64decode(payload + "=="))
    assert claims["iss"] == "AK-access" and claims["exp"] - claims["nbf"] == 1805
    assert "SK-secret" not in json.dumps([s.headers for s in server.seen])


def test_kling_token_is_reused_then_renewed_before_it_expires() -> None:
    key = "AK2:SK2"
    first = auth_headers("kling-jwt", key, now=1_000_000)
    assert auth_headers("kling-jwt", key, now=1_000_000 + 600) == first
    assert auth_headers("kling-jwt", key, now=1_000_000 + 1600) != first
    assert kling_token("a", "b", 0) == kling_token("a", "b", 0)


def test_a_kling_key_without_its_secret_half_is_an_auth_problem() -> None:
    with ScriptedServer() as server:
        result = lookup(server.base_url, "T1", "kling", key="only-the-access-key")
    assert result.problem is not None and result.problem.kind is ProblemKind.AUTH
    assert "ACCESS_KEY:SECRET_KEY" in result.problem.message
    assert server.seen == []


def test_minimax_fetches_the_file_url_once_the_task_succeeded() -> None:
    with ScriptedServer() as server:
        server.script("/v1/query/video_generation", Reply(body={
            "task_id": "106916", "status": "Success", "file_id": "2052585",
            "base_resp": {"status_code": 0, "status_msg": "success"}}))
        server.script("/v1/files/retrieve", Reply(body={
            "file": {"file_id": 2052585, "bytes": 5896337, "filename": "output.mp4",
                     "download_url": "https://cdn.minimax.example/output.mp4"},
            "base_resp": {"status_code": 0, "status_msg": "success"}}))
        result = lookup(server.base_url, "106916", "minimax")
    assert result.snapshot is not None
    assert result.snapshot.video_urls == ("https://cdn.minimax.example/output.mp4",)
    assert server.seen_paths() == ["/v1/query/video_generation?task_id=106916",
                              "/v1/files/retrieve?file_id=2052585"]
    assert all(s.headers["authorization"] == "Bearer k-123456" for s in server.seen)


def test_fal_reads_the_result_after_completed_with_its_key_prefix() -> None:
    request = "fal-ai/kling-video/requests/764cabcf"
    with ScriptedServer() as server:
        server.script(f"/{request}/status", Reply(body={"status": "COMPLETED"}))
        server.script(f"/{request}", Reply(body={
            "video": {"url": "https://v3.fal.media/files/out.mp4", "content_type": "video/mp4"}}))
        result = lookup(server.base_url, request, "fal")
    assert result.snapshot is not None
    assert result.snapshot.video_urls == ("https://v3.fal.media/files/out.mp4",)
    assert server.seen[0].headers["authorization"] == "Key k-123456"


def test_runway_sends_its_version_header() -> None:
    with ScriptedServer() as server:
        server.script("/v1/tasks/abc", Reply(body={"id": "abc", "status": "RUNNING",
                                                   "progress": 0.25}))
        result = lookup(server.base_url, "abc", "runway")
    assert result.snapshot is not None and result.snapshot.progress == 25.0
    assert server.seen[0].headers["x-runway-version"] == "2024-11-06"


def test_the_catalog_lists_formats_and_reads_a_definition_as_typed() -> None:
    from videomon.core.providers.formats.catalog import FormatCatalog

    catalog = FormatCatalog(FormatRegistry())
    entries = {e.name: e for e in catalog.entries()}
    assert entries["openai"].builtin and entries["openai"].definition
    assert entries["gemini"].format is None and entries["gemini"].definition is None
    assert entries["kling"].default_auth == "kling-jwt"
    copy = catalog.copy_definition("minimax")
    assert copy is not None and 'name = "my-minimax"' in copy
    assert catalog.copy_definition("gemini") is None
    broken = catalog.read(copy.replace("[fields]", "[fieldz]"), "")
    assert broken.format is None and broken.definition_problem is not None
    assert catalog.read(copy, "").format is not None  # no sample yet: nothing to read
    assert catalog.read(copy, "{oops").sample_problem
    done = catalog.read(copy, '{"status": "Success", "file_id": "f1", "task_id": "t"}')
    assert done.snapshot is not None and done.snapshot.state.value == "succeeded"
    second, problem = catalog.follow_up(done.format, done.snapshot)  # type: ignore[arg-type]
    assert problem is None and second is not None and "f1" in second
    failed = catalog.read(copy, "[1, 2]")
    assert failed.problem is not None and failed.snapshot is None
