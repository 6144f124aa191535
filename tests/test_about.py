"""What a provider says a video is (prompt, size, duration, seed, cost, picture): every
path a built-in format names is shown reading in a recorded answer, and odd values read
tolerantly or not at all (never a reason to refuse the answer)."""

from __future__ import annotations

import pytest

from tests.conftest import load_fixtures
from videomon.core.providers.dialects import builtin_dialect
from videomon.core.providers.formats.about import number, seed, size
from videomon.core.providers.formats.builtin import BUILTIN_FORMATS

BASE = "https://relay.example"
#: format field -> the snapshot field it fills
ABOUT_FIELDS = {"prompt": "prompt", "size": "size", "width": "size", "height": "size",
                "duration": "duration", "seed": "seed", "cost": "cost",
                "thumbnail": "thumbnail_url"}
FIXTURES = [f for f in load_fixtures() if "expected" in f]


@pytest.mark.parametrize("name", sorted(BUILTIN_FORMATS))
def test_every_about_path_of_a_builtin_format_reads_in_a_fixture(name: str) -> None:
    fmt = BUILTIN_FORMATS[name]
    declared = {ABOUT_FIELDS[f] for f in ABOUT_FIELDS if fmt.paths(f)}
    if fmt.default_thumbnail_url:
        declared.add("thumbnail_url")
    seen: set[str] = set()
    for fixture in (f for f in FIXTURES if f["dialect"] == name):
        snapshot = builtin_dialect(name).parse(fixture["body"], task_id=fixture["task_id"],
                                               base_url=BASE).to_json()
        seen |= {k for k in declared if snapshot[k] is not None}
    assert declared - UNPROVEN.get(name, set()) <= seen, \
        f"{name}: no fixture reads {declared - seen}"


#: paths no recorded answer of that format shows: the relay family's shared defaults
#: (read where a relay sends them; seeds 000 and 003 do not) and Kling's own fields
#: through a relay (the same paths as the official format, proven there)
UNPROVEN = {"unified": {"prompt", "size", "duration", "seed"},
            "tasks": {"prompt", "size", "duration", "seed"},
            "kling-relay": {"duration", "cost"}}


def test_kling_relay_reads_what_kling_says_the_same_way() -> None:
    relay, kling = BUILTIN_FORMATS["kling-relay"], BUILTIN_FORMATS["kling"]
    for name in ("duration", "cost"):
        assert relay.paths(name) == kling.paths(name)
    assert relay.cost_unit == kling.cost_unit == "units"


def test_cost_carries_the_formats_unit_and_only_with_a_cost() -> None:
    kling = builtin_dialect("kling")
    body = next(f for f in FIXTURES if f["name"] == "kling/official_about")["body"]
    read = kling.parse(body, task_id=body["data"]["task_id"], base_url=BASE)
    assert (read.cost, read.cost_unit) == (1.0, "units")
    running = next(f for f in FIXTURES if f["name"] == "kling/official_processing")
    read = kling.parse(running["body"], task_id=running["task_id"], base_url=BASE)
    assert (read.cost, read.cost_unit) == (None, None)


def test_openai_thumbnail_is_offered_only_when_the_video_is_done() -> None:
    openai = builtin_dialect("openai")
    done = openai.parse({"id": "v1", "status": "completed"}, task_id="v1", base_url=BASE)
    assert done.thumbnail_url == f"{BASE}/v1/videos/v1/content?variant=thumbnail"
    queued = openai.parse({"id": "v1", "status": "queued"}, task_id="v1", base_url=BASE)
    assert queued.thumbnail_url is None


@pytest.mark.parametrize(("value", "read"), [
    (8, 8.0), ("8", 8.0), ("5s", 5.0), (" 5.1 ", 5.1), ("12 sec", 12.0), (-1, None),
    ("abc", None), (True, None), (float("nan"), None), (float("inf"), None), ([5], None)])
def test_number_reads_text_and_refuses_nonsense(value: object, read: float | None) -> None:
    assert number(value) == read


@pytest.mark.parametrize(("value", "width", "height", "read"), [
    ("1280x720", None, None, "1280x720"), ("1280*720", None, None, "1280x720"),
    ("1280 × 720", None, None, "1280x720"), ("720p", None, None, "720p"),
    ("1080P", None, None, "1080P"), (720, None, None, "720p"), ("720", None, None, "720p"),
    (None, 1920, 1080, "1920x1080"), (None, "1920", "1080", "1920x1080"),
    ("16:9 cinematic", None, None, None), (None, 1920, None, None), (99999, None, None, None)])
def test_size_reads_the_shapes_vendors_write(value: object, width: object, height: object,
                                             read: str | None) -> None:
    assert size(value, width, height) == read


def test_seed_keeps_big_integers_exact() -> None:
    assert seed("18446744073709551615") == 18446744073709551615
    assert seed(42.0) == 42
    assert seed(4.5) is None
    assert seed(False) is None
