"""Task IDs found in pasted text, and the profile each goes to."""

from __future__ import annotations

import pytest

from videomon.core.providers.profiles import Profile
from videomon.core.tracking.paste import PastedId, assign_profiles, parse_pasted

RELAY = Profile("relay", "openai", "https://relay.example")
OTHER = Profile("other", "unified", "https://other.example:8443")
VEO = Profile("veo", "gemini", "https://generativelanguage.googleapis.com")


def ids(text: str) -> list[str]:
    return [p.task_id for p in parse_pasted(text).ids]


def test_separators_and_duplicates() -> None:
    text = "sora-2:task_01k81e7r1mf0qtvp3ett3mr4jm\nvideo_5c6a605a-30c0, vid_abc123xyz456;" \
           " vid_abc123xyz456，task_0002abc"
    assert ids(text) == ["sora-2:task_01k81e7r1mf0qtvp3ett3mr4jm", "video_5c6a605a-30c0",
                         "vid_abc123xyz456", "task_0002abc"]


def test_prose_is_ignored_and_quotes_trimmed() -> None:
    assert ids('Task IDs: "vid_abc123xyz456" and (task_0002abc).') == [
        "vid_abc123xyz456", "task_0002abc"]
    assert parse_pasted("hello world, thanks").ids == []
    assert parse_pasted("hello world, thanks").rejected == []


def test_full_urls_of_every_dialect() -> None:
    text = ("https://relay.example/v1/videos/sora-2%3Atask_01k81e7r\n"
            "https://relay.example/v1/videos/video_123abc/content\n"
            "https://other.example:8443/v2/videos/generations/veo3:abc-123x\n"
            "https://t.example/v1/videos/tasks/task_88ab12?x=1\n"
            "https://generativelanguage.googleapis.com/v1beta/models/veo-3.0-generate-001/"
            "operations/op123abc\n"
            "https://dash.example/task?task_id=kling_99abc1")
    result = parse_pasted(text)
    assert [(p.task_id, p.host) for p in result.ids] == [
        ("sora-2:task_01k81e7r", "relay.example"), ("video_123abc", "relay.example"),
        ("veo3:abc-123x", "other.example"), ("task_88ab12", "t.example"),
        ("models/veo-3.0-generate-001/operations/op123abc", "generativelanguage.googleapis.com"),
        ("kling_99abc1", "dash.example")]
    assert result.rejected == []


def test_unrecognizable_pieces_are_reported() -> None:
    result = parse_pasted("https://cdn.example/files/x.mp4 ab#12cd34 vid_abc123xyz456")
    assert ids("https://cdn.example/files/x.mp4") == []
    assert result.rejected == ["https://cdn.example/files/x.mp4", "ab#12cd34"]
    assert [p.task_id for p in result.ids] == ["vid_abc123xyz456"]


def test_the_only_profile_takes_everything() -> None:
    out = assign_profiles([PastedId("a1b2c3d4"), PastedId("x", "other.example")], [RELAY],
                          None)
    assert [(a.profile, a.guessed) for a in out] == [("relay", False), ("relay", False)]


def test_host_then_shape_then_last_used() -> None:
    pasted = [PastedId("veo3:abc-123x", "other.example"),
              PastedId("models/veo-3/operations/op1"), PastedId("video_123abc"),
              PastedId("task_0002abc")]
    out = assign_profiles(pasted, [RELAY, OTHER, VEO], last_used="other")
    assert [(a.profile, a.guessed) for a in out] == [
        ("other", False), ("veo", False), ("relay", False), ("other", True)]
    assert assign_profiles(pasted, [], "x") == []
    assert assign_profiles([PastedId("task_0002abc")], [RELAY, OTHER], "gone")[0].profile \
        == "relay"


@pytest.mark.parametrize("text", ["my_task_name", "  my_task_name\n", "video-abcdef"])
def test_one_token_of_id_characters_is_an_id_even_without_digits(text: str) -> None:
    assert [p.task_id for p in parse_pasted(text).ids] == [text.strip()]


def test_words_in_prose_are_still_not_ids() -> None:
    assert parse_pasted("please track my_task_name").ids == []
    assert parse_pasted("hello").ids == []  # too short to be an ID
