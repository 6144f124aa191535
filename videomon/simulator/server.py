"""The simulated relay's two HTTP servers on 127.0.0.1: the API (every dialect) and a
"CDN" serving a small real MP4 with Range support, both on the caller's event loop."""

from __future__ import annotations

import asyncio
import json
import random
import socket
import time
from typing import Any
from urllib.parse import quote, unquote

import uvicorn
from starlette.responses import FileResponse, Response

from videomon.resources import sample_picture, sample_video
from videomon.simulator import formats as sim_formats
from videomon.simulator import listing as sim_listing
from videomon.simulator.faults import Faults
from videomon.simulator.relay import PROMPTS, Relay, SimTask, not_found_body, render

Scope = dict[str, Any]

ROUTES = (  # (prefix, dialect); the rest of the path is the task ID
    ("/v1/videos/tasks/", "tasks"),
    ("/v2/videos/generations/", "unified"),
    ("/v1beta/", "gemini"),
    ("/v1/videos/", "openai"),
)
HTML_ERROR = ("<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>"
              "<center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center>"
              "</body></html>")


def _bind(port: int) -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", port))
    sock.listen(1024)
    sock.setblocking(False)
    return sock


class SimulatedRelay:
    """Start with `await start()`; `base_url` speaks every dialect, `cdn_url` serves files."""

    def __init__(self, *, port: int = 0, cdn_port: int = 0, speed: float = 1.0,
                 faults: Faults | None = None, seed: int = 0, key: str | None = None,
                 strict: bool = False, token: str | None = None,
                 formats: sim_formats.Formats = sim_formats.BUILTIN_DIALECTS) -> None:
        self.relay = Relay(speed=speed, seed=seed, strict=strict)
        #: the data formats it speaks (give it a registry to speak the user's formats too)
        self.formats = formats
        self.faults = faults or Faults()
        self.key = key
        #: the account's access token a token-listed format needs ("USER:TOKEN"; None:
        #: any token is taken)
        self.token = token
        self._rng = random.Random(seed)
        self._api_sock = _bind(port)
        self._cdn_sock = _bind(cdn_port)
        self.port = self._api_sock.getsockname()[1]
        self.cdn_port = self._cdn_sock.getsockname()[1]
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.cdn_url = f"http://127.0.0.1:{self.cdn_port}"
        self.requests = 0
        self._files: dict[str, SimTask] = {}  # file tokens of finished tasks (MiniMax-like)
        self.cdn_requests: list[dict[str, str]] = []
        self._servers: list[uvicorn.Server] = []
        self._tasks: list[asyncio.Task[None]] = []

    # -- lifecycle -----------------------------------------------------------------------
    async def start(self) -> None:
        for app, sock in ((self._api, self._api_sock), (self._cdn, self._cdn_sock)):
            config = uvicorn.Config(app, log_level="critical", lifespan="off",
                                    interface="asgi3", proxy_headers=False,
                                    access_log=False, timeout_keep_alive=30)
            server = uvicorn.Server(config)
            server.install_signal_handlers = lambda: None  # type: ignore[method-assign]
            self._servers.append(server)
            self._tasks.append(asyncio.create_task(server.serve(sockets=[sock])))
        while not all(s.started for s in self._servers):
            if any(t.done() for t in self._tasks):
                for t in self._tasks:
                    if t.done():
                        t.result()
            await asyncio.sleep(0.01)

    async def stop(self) -> None:
        for server in self._servers:
            server.should_exit = True
        if self._tasks:
            await asyncio.wait(self._tasks, timeout=5)
        for sock in (self._api_sock, self._cdn_sock):
            sock.close()

    async def __aenter__(self) -> SimulatedRelay:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    # -- links ---------------------------------------------------------------------------
    def video_urls(self, task: SimTask) -> list[str]:
        """CDN links issued when the task finished, or now when those expired."""
        issued = task.finished_at(self.relay.wall_start, self.relay.speed) * 1000
        if self.faults.expire is not None and \
                time.time() * 1000 - issued > self.faults.expire * 1000:
            issued = int(time.time() * 1000)
        name = quote(task.task_id.replace("/", "_"), safe="")
        return [f"{self.cdn_url}/cdn/{issued}/{name}" + (f"_{i}" if i > 1 else "") + ".mp4"
                for i in range(1, task.videos + 1)]

    # -- the API -------------------------------------------------------------------------
    def _authorized(self, scope: Scope) -> bool:
        if self.key is None:
            return True
        headers = {k.decode("latin-1").lower(): v.decode("latin-1")
                   for k, v in scope.get("headers", [])}
        offered = headers.get("x-goog-api-key") or headers.get("authorization", "")
        word, _, rest = offered.strip().partition(" ")
        token = rest.strip() if rest else word
        if token.count(".") == 2 and self.key.count(":") == 1:
            return True  # a signed token made from an ACCESS:SECRET key (Kling)
        return token == self.key

    async def _api(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return
        self.requests += 1
        raw = scope.get("raw_path") or scope["path"].encode()
        path = raw.decode("latin-1").split("?")[0]
        if path in ("/", "/health"):
            await _json(send, 200, {"simulated_relay": True, "cdn": self.cdn_url,
                                    "tasks": len(self.relay.tasks)})
            return
        query = scope.get("query_string", b"").decode("latin-1")
        listed = sim_listing.list_format(path, self.formats) if scope["method"] == "GET" else None
        if listed is not None:  # (an account's list of tasks)
            return await self._list(scope, send, *listed, query)
        route = next(((prefix, d) for prefix, d in ROUTES if path.startswith(prefix)), None)
        data_route = sim_formats.match(path + (f"?{query}" if query else ""), self.formats)
        if data_route is not None and scope["method"] == "GET" and (
                route is None or data_route[0].literal > len(route[0])):
            await self._data_format(scope, send, *data_route)
            return
        if route is None or scope["method"] != "GET":
            return await _json(send, 404, {"error": {"message": f"no route for {path}"}})
        prefix, dialect = route
        rest = path[len(prefix):]
        content = dialect == "openai" and rest.endswith("/content")
        if content:
            rest = rest[: -len("/content")]
        task_id = unquote(rest)
        if not self._authorized(scope):
            await _json(send, 401, {"error": {"message": "Incorrect API key provided",
                                              "code": "invalid_api_key"}})
            return
        if self.faults.latency:
            await asyncio.sleep(self.faults.latency)
        if content:
            task = self.relay.get("openai", task_id)
            state = task.phase(self.relay.now())[0] if task else None
            if task is None or state != "succeeded":
                await _json(send, 404, {"error": {"message": "video content not ready"}})
                return
            if b"variant=thumbnail" in scope.get("query_string", b""):  # OpenAI's picture
                picture = sample_picture(PROMPTS.index(task.prompt) if task.prompt in PROMPTS
                                         else 0)
                await FileResponse(picture, media_type="image/jpeg")(scope, receive, send)
                return
            await FileResponse(sample_video(), media_type="video/mp4")(scope, receive, send)
            return
        fault = self.faults.pick(self._rng)
        if fault is not None and await self._inject(fault, send):
            return
        task = self.relay.get(dialect, task_id)
        if task is None:
            status, body = not_found_body(dialect, task_id)
            await _json(send, status, body)
            return
        state = task.phase(self.relay.now())[0]
        urls = self.video_urls(task) if state == "succeeded" and not (
            dialect == "openai" and task_id.startswith("video_")) else []
        headers = {"openai-poll-after-ms": "2000"} if task_id.startswith("video_") else {}
        await _json(send, 200, render(task, self.relay, urls), headers)

    async def _list(self, scope: Scope, send: Any, fmt: Any, which: int, query: str) -> None:
        """A page of the account's tasks (the key, or the account's token: `token`)."""
        spec = fmt.listing
        headers = {k.decode("latin-1").lower(): v.decode("latin-1")
                   for k, v in scope.get("headers", [])}
        if spec.needs_token:
            user, _, token = (self.token or ":").partition(":")
            offered = headers.get("authorization", "").removeprefix("Bearer ").strip()
            if not offered or (self.token and (offered != token
                                               or headers.get("new-api-user") != user)):
                await _json(send, 401, {"success": False,
                                        "message": "无权进行此操作，access token 无效"})
                return
        elif not self._authorized(scope):
            await _json(send, 401, {"error": {"message": "Incorrect API key provided"}})
            return
        fault = self.faults.pick(self._rng)
        if fault is not None and await self._inject(fault, send):
            return
        await _json(send, 200, sim_listing.answer(fmt, which, query, self.relay,
                                                  self.base_url, self.video_urls))

    async def _data_format(self, scope: Scope, send: Any, route: sim_formats.Route,
                           values: dict[str, str]) -> None:
        """Any other data format (the vendors' and the user's), from its paths."""
        if not self._authorized(scope):
            await _json(send, 401, {"error": {"message": "Incorrect API key provided"}})
            return
        fmt = route.fmt
        if route.follow_up:
            found = self._files.get(values.get("file_id", "")) if "file_id" in values else \
                self.relay.tasks.get((fmt.name, values.get("id", "")))
            if found is None:
                await _json(send, 404, {"error": {"message": "no such file"}})
                return
            await _json(send, 200, sim_formats.follow_up_answer(fmt, self.video_urls(found)))
            return
        fault = self.faults.pick(self._rng)
        if fault is not None and await self._inject(fault, send):
            return
        task = self.relay.get(fmt.name, values.get("id", ""))
        if task is None:
            await _json(send, 404, {"error": {"message": "task not found"}})
            return
        state, progress = task.phase(self.relay.now())
        token = f"file-{abs(hash((fmt.name, task.task_id))) % 10**12}"
        self._files[token] = task
        finished = task.finished_at(self.relay.wall_start, self.relay.speed) if state in (
            "succeeded", "failed") else None
        await _json(send, 200, sim_formats.answer(
            fmt, task.task_id, state, progress, created=self.relay.wall(task.created),
            finished=finished, urls=self.video_urls(task) if state == "succeeded" else [],
            failure=task.failure, file_token=token))

    async def _inject(self, fault: str, send: Any) -> bool:
        if fault == "429":
            await _json(send, 429, {"error": {"message": "Rate limit reached, slow down",
                                              "type": "rate_limit_exceeded"}},
                        {"retry-after": "1"})
        elif fault == "5xx":
            await _json(send, 503, {"error": {"message": "upstream unavailable"}})
        elif fault == "html":
            await _send(send, 200, HTML_ERROR.encode(), "text/html")
        elif fault == "malformed":
            await _send(send, 200, b'{"status": "in_progress", "progress": ', "application/json")
        elif fault == "drop":
            await send({"type": "http.response.start", "status": 200,
                        "headers": [(b"content-type", b"application/json"),
                                    (b"content-length", b"400")]})
            await send({"type": "http.response.body", "body": b'{"status": "in_pro',
                        "more_body": True})
            raise ConnectionAbortedError("simulated dropped connection")
        else:
            return False
        return True

    # -- the CDN -------------------------------------------------------------------------
    async def _cdn(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1")
                   for k, v in scope.get("headers", [])}
        self.cdn_requests.append(headers)
        parts = scope["path"].split("/")
        if len(parts) < 4 or parts[1] != "cdn":
            await _send(send, 404, b"<Error><Code>NoSuchKey</Code></Error>", "application/xml")
            return
        try:
            issued = int(parts[2])
        except ValueError:
            issued = 0
        if self.faults.expire is not None and \
                time.time() * 1000 - issued > self.faults.expire * 1000:  # issued in ms
            await _send(send, 403, b"<Error><Code>AccessDenied</Code><Message>Request has "
                        b"expired</Message></Error>", "application/xml")
            return
        await FileResponse(sample_video(), media_type="video/mp4")(scope, receive, send)


async def _send(send: Any, status: int, body: bytes, content_type: str,
                headers: dict[str, str] | None = None) -> None:
    response = Response(body, status_code=status, media_type=content_type, headers=headers)
    await send({"type": "http.response.start", "status": status,
                "headers": response.raw_headers})
    await send({"type": "http.response.body", "body": body})


async def _json(send: Any, status: int, body: Any, headers: dict[str, str] | None = None) -> None:
    await _send(send, status, json.dumps(body, ensure_ascii=False).encode(), "application/json",
                headers)
