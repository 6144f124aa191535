"""The simulated tasks and how each dialect describes them.

A task is created on first sight of an unknown ID (or seeded) and its whole life is
drawn from a random generator seeded by the ID: queue time, run time, success or
failure, smooth or placeholder progress (10 %, 30 %, 50 % stalls, as relays do).
IDs containing ``fail`` always fail, ``stall`` always uses placeholder progress, and
IDs starting with ``missing`` do not exist.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass
from typing import Any

FAILURES = (
    ("content_policy_violation",
     "输入的提示词或视频的输出内容违反了OpenAI的相关服务政策，请调整提示词后进行重试"),
    ("moderation_blocked", "Your request was blocked by our moderation system."),
    ("upstream_timeout", "上游服务繁忙，任务超时，请稍后重试"),
    ("invalid_image", "The input image could not be processed."),
)
#: what the simulated videos are of (each task draws one)
PROMPTS = (
    "A corgi running along a beach at sunset, slow motion, golden light",
    "Aerial shot of a misty pine forest at dawn, drone slowly rising",
    "A paper boat drifting down a rain-soaked city street, close-up",
    "Timelapse of a night market in Taipei, neon signs, crowds flowing",
    "An astronaut planting a tree on the moon, cinematic, wide angle",
    "一只橘猫在窗台上打哈欠，午后阳光，电影感",
    "Macro shot of coffee being poured into a glass cup, steam rising",
    "A red fox walking through fresh snow in a quiet birch forest",
)
MODELS = {"openai": "sora-2", "unified": "veo3", "tasks": "sora-2-pro",
          "gemini": "veo-3.0-generate-001"}


@dataclass
class SimTask:
    task_id: str
    dialect: str
    created: float          # simulated seconds
    queue_for: float
    run_for: float
    fails: bool
    placeholder: bool
    failure: tuple[str, str]
    videos: int
    model: str
    wrap: bool              # unified: answer inside a {code, message, data} envelope
    prompt: str = ""

    def phase(self, now: float) -> tuple[str, float]:
        """(state, progress 0–100) at simulated time `now`."""
        age = now - self.created
        if age < self.queue_for:
            return "queued", 0.0
        running = (age - self.queue_for) / self.run_for
        if running >= 1:
            return ("failed", round(80.0 if self.placeholder else 73.0)) if self.fails \
                else ("succeeded", 100.0)
        if self.fails and running >= 0.8:
            return "failed", 73.0
        if self.placeholder:
            return "running", 10.0 if running < 0.34 else 30.0 if running < 0.67 else 50.0
        return "running", round(100 * running, 1)

    def finished_at(self, wall_start: float, speed: float) -> int:
        end = self.created + self.queue_for + self.run_for * (0.8 if self.fails else 1.0)
        return int(wall_start + end / speed)


class Relay:
    """All simulated tasks, on a clock that runs `speed` times faster than real time."""

    def __init__(self, *, speed: float = 1.0, seed: int = 0, strict: bool = False) -> None:
        self.speed = speed
        #: only seeded tasks exist (format detection's tests)
        self.strict = strict
        self.seed = seed
        self.wall_start = time.time()
        self._mono_start = time.monotonic()
        self.tasks: dict[tuple[str, str], SimTask] = {}

    def now(self) -> float:
        return (time.monotonic() - self._mono_start) * self.speed

    def wall(self, sim_seconds: float) -> int:
        return int(self.wall_start + sim_seconds / self.speed)

    def get(self, dialect: str, task_id: str) -> SimTask | None:
        """The task, created now if unseen; None for IDs that do not exist."""
        key = (dialect, task_id)
        task = self.tasks.get(key)
        if task is None:
            if task_id.split("/")[-1].startswith("missing") or not task_id.strip() \
                    or self.strict:
                return None
            task = self.tasks[key] = self._draw(dialect, task_id)
        return task

    def seed_task(self, dialect: str, task_id: str, **overrides: Any) -> SimTask:
        task = self._draw(dialect, task_id)
        for name, value in overrides.items():
            setattr(task, name, value)
        self.tasks[(dialect, task_id)] = task
        return task

    def _draw(self, dialect: str, task_id: str) -> SimTask:
        rng = random.Random(f"{self.seed}:{dialect}:{task_id}")
        lower = task_id.lower()
        return SimTask(
            task_id=task_id, dialect=dialect, created=self.now(),
            queue_for=rng.uniform(1.0, 4.0), run_for=rng.uniform(10.0, 30.0),
            fails="fail" in lower or (rng.random() < 0.15 and "ok" not in lower),
            placeholder="stall" in lower or rng.random() < 0.25,
            failure=rng.choice(FAILURES), videos=2 if dialect == "tasks" and rng.random() < 0.5
            else 1, model=MODELS.get(dialect, "sora-2"), wrap=rng.random() < 0.5,
            prompt=rng.choice(PROMPTS))


def _int(progress: float) -> int:
    return round(progress)


def render(task: SimTask, relay: Relay, urls: list[str]) -> dict[str, Any]:
    """The dialect's JSON body for `task` now; `urls` are its (fresh) video links."""
    state, progress = task.phase(relay.now())
    created = relay.wall(task.created)
    finished = task.finished_at(relay.wall_start, relay.speed) if state in (
        "succeeded", "failed") else None
    code, message = task.failure
    if task.dialect == "openai":
        words = {"queued": "queued", "running": "in_progress", "succeeded": "completed",
                 "failed": "failed"}
        body: dict[str, Any] = {"id": task.task_id, "object": "video", "model": task.model,
                                "status": words[state], "progress": _int(progress),
                                "created_at": created, "size": "1280x720", "seconds": "8",
                                "prompt": task.prompt}
        if state == "succeeded":
            body["completed_at"] = finished
            body["expires_at"] = created + 86400
            if urls:
                body["video_url" if task.task_id.startswith("sora") else "url"] = urls[0]
        if state == "failed":
            body["error"] = {"code": code, "message": message}
        return body
    if task.dialect == "unified":
        words = {"queued": "NOT_START", "running": "IN_PROGRESS", "succeeded": "SUCCESS",
                 "failed": "FAILURE"}
        inner = {"task_id": task.task_id, "platform": "openai", "action": "generate",
                 "status": words[state], "fail_reason": message if state == "failed" else "",
                 "submit_time": created, "start_time": relay.wall(task.created + task.queue_for)
                 if state != "queued" else 0, "finish_time": finished or 0,
                 "progress": f"{_int(progress)}%",
                 "data": {"output": urls[0]} if state == "succeeded" and urls else None}
        return {"code": "success", "message": "", "data": inner} if task.wrap else inner
    if task.dialect == "tasks":
        words = {"queued": "pending", "running": "running", "succeeded": "succeeded",
                 "failed": "error"}
        return {"id": task.task_id, "state": words[state],
                "data": {"videos": [{"url": u} for u in urls] if state == "succeeded" else []},
                "progress": _int(progress), "create_time": created,
                "update_time": int((finished or time.time()) * 1000),
                "message": message if state == "failed" else "", "action": "generate",
                "prompt": task.prompt}
    # gemini: a long-running operation
    op: dict[str, Any] = {"name": task.task_id,
                          "metadata": {"@type": "type.googleapis.com/google.ai."
                                       "generativelanguage.v1beta.PredictLongRunningMetadata"}}
    if state in ("queued", "running"):
        op["done"] = False
        return op
    op["done"] = True
    if state == "failed":
        op["error"] = {"code": 3, "message": message, "status": "INVALID_ARGUMENT"}
    else:
        op["response"] = {"generateVideoResponse": {
            "generatedSamples": [{"video": {"uri": u}} for u in urls]}}
    return op


def not_found_body(dialect: str, task_id: str) -> tuple[int, dict[str, Any]]:
    """How each dialect says a task does not exist (status, body)."""
    if dialect == "unified":
        return 400, {"code": "task_not_exist", "message": "task_not_exist", "data": None}
    if dialect == "gemini":
        return 404, {"error": {"code": 404, "message": f"Operation {task_id} not found",
                               "status": "NOT_FOUND"}}
    if dialect == "tasks":
        return 404, {"code": 404, "message": "任务不存在", "data": None}
    return 404, {"error": {"message": "Video task not found", "code": "task_not_found"}}
