"""The tolerant readers: states, progress, timestamps, IDs."""

from __future__ import annotations

import pytest

from videomon.core.domain.errors import BadResponse
from videomon.core.domain.snapshot import TaskState
from videomon.core.providers.formats.values import (
    model_from_id,
    normalize_state,
    parse_progress,
    parse_timestamp,
)


@pytest.mark.parametrize(
    ("word", "state"),
    [("NOT_START", TaskState.QUEUED), ("pending", TaskState.QUEUED), ("Queued", TaskState.QUEUED),
     ("SUBMITTED", TaskState.QUEUED), ("in-progress", TaskState.RUNNING),
     ("IN_PROGRESS", TaskState.RUNNING), ("Processing", TaskState.RUNNING),
     ("running", TaskState.RUNNING), ("SUCCESS", TaskState.SUCCEEDED),
     ("succeed", TaskState.SUCCEEDED), ("completed", TaskState.SUCCEEDED),
     ("Finished", TaskState.SUCCEEDED), ("FAILURE", TaskState.FAILED),
     ("error", TaskState.FAILED), ("cancelled", TaskState.FAILED), (" failed ", TaskState.FAILED)],
)
def test_state_words(word: str, state: TaskState) -> None:
    assert normalize_state(word) is state


@pytest.mark.parametrize("word", ["teleporting", None, 3, True, ["done"]])
def test_unrecognized_states_are_bad_responses(word: object) -> None:
    with pytest.raises(BadResponse):
        normalize_state(word)


@pytest.mark.parametrize(
    ("value", "kwargs", "expected"),
    [("100%", {}, 100.0), ("45%", {}, 45.0), (" 30 % ", {}, 30.0), (45, {}, 45.0),
     (45.5, {}, 45.5), (0.5, {}, 50.0), ("0.25", {}, 25.0), (1, {}, 1.0), (0, {}, 0.0),
     (1.0, {"fraction": True}, 100.0), (0.9302178175176704, {"fraction": True}, 93.02),
     (150, {}, 100.0), (-3, {}, 0.0), ("", {}, None), (None, {}, None), ("abc", {}, None),
     (float("nan"), {}, None), (float("inf"), {}, None), (True, {}, None), ([], {}, None)],
)
def test_progress_forms(value: object, kwargs: dict, expected: float | None) -> None:
    assert parse_progress(value, **kwargs) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [(1756693797, 1756693797), (1759763621142, 1759763621), ("1756693797", 1756693797),
     (1759763621142000, 1759763621), ("2025-10-06T15:10:26.875729Z", 1759763426),
     ("2025-10-06T15:10:26+00:00", 1759763426), (0, None), (None, None), ("", None),
     ("yesterday", None), (True, None), (-5, None)],
)
def test_timestamps(value: object, expected: int | None) -> None:
    assert parse_timestamp(value) == expected


@pytest.mark.parametrize(
    ("task_id", "model"),
    [("sora-2:task_01k81e7r1mf0qtvp3ett3mr4jm", "sora-2"), ("veo3:1756693796-YQVHH4A3Lg", "veo3"),
     ("vid_abc123xyz456", None), ("32daf195-f961-40b5-a08d-16fe6c3a0cac", None),
     ("https://x/y", None)],
)
def test_model_from_id(task_id: str, model: str | None) -> None:
    assert model_from_id(task_id) == model
