"""Real HTTP servers on 127.0.0.1 for tests: a scripted starlette app and a raw socket peer."""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from collections import defaultdict, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import uvicorn
from starlette.requests import Request
from starlette.responses import Response


@dataclass
class Reply:
    status: int = 200
    body: bytes | str | Any = b""
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str = "application/json"
    delay: float = 0.0


@dataclass
class Seen:
    method: str
    raw_path: str
    headers: dict[str, str]
    time: float


Handler = Callable[[Request], Reply]


class ScriptedServer:
    """uvicorn + starlette on a free port; each raw path answers from a script.

    `script(path, *replies)` queues replies for a path; the last one repeats.
    `handle(path, fn)` answers with a function of the request instead.
    Every request is recorded in `seen` (raw path, headers) for assertions.
    """

    def __init__(self) -> None:
        self.scripts: dict[str, deque[Reply]] = defaultdict(deque)
        self.handlers: dict[str, Handler] = {}
        self.seen: list[Seen] = []
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind(("127.0.0.1", 0))
        self.port = self._sock.getsockname()[1]
        self.base_url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(self._app, log_level="error", lifespan="off", interface="asgi3",
                                proxy_headers=False)
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run,
                                        kwargs={"sockets": [self._sock]}, daemon=True)

    def __enter__(self) -> ScriptedServer:
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("test server did not start")
            time.sleep(0.01)
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.should_exit = True
        self._thread.join(5)
        self._sock.close()

    def script(self, path: str, *replies: Reply) -> None:
        self.scripts[path].extend(replies)

    def handle(self, path: str, handler: Handler) -> None:
        self.handlers[path] = handler

    def seen_paths(self) -> list[str]:
        return [s.raw_path for s in self.seen]

    async def _app(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return
        request = Request(scope, receive)
        raw_path = scope.get("raw_path", scope["path"].encode()).decode("latin-1")
        if scope.get("query_string"):
            raw_path += "?" + scope["query_string"].decode("latin-1")
        self.seen.append(Seen(request.method, raw_path, dict(request.headers), time.time()))
        path_only = raw_path.split("?")[0]
        if path_only in self.handlers:
            reply = self.handlers[path_only](request)
        elif self.scripts.get(path_only):
            queue = self.scripts[path_only]
            reply = queue.popleft() if len(queue) > 1 else queue[0]
        else:
            reply = Reply(404, b'{"error": {"message": "no script for this path"}}')
        if reply.delay:
            await asyncio.sleep(reply.delay)
        body = reply.body
        if not isinstance(body, bytes | str):
            import json
            body = json.dumps(body, ensure_ascii=False)
        response = Response(body, status_code=reply.status, headers=reply.headers,
                            media_type=reply.content_type)
        await response(scope, receive, send)


class DroppingServer:
    """A raw TCP peer that promises a body, sends part of it, and hangs up."""

    def __init__(self, declared: int = 1000, sent: bytes = b'{"status": "runn') -> None:
        self.declared, self.sent = declared, sent
        self.connections = 0
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(16)
        self._sock.settimeout(0.2)
        self.port = self._sock.getsockname()[1]
        self.base_url = f"http://127.0.0.1:{self.port}"
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._sock.accept()
            except (TimeoutError, OSError):
                continue
            self.connections += 1
            with conn:
                conn.settimeout(2)
                try:
                    conn.recv(65536)
                    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                 + f"Content-Length: {self.declared}\r\n\r\n".encode()
                                 + self.sent)
                except OSError:
                    pass

    def __enter__(self) -> DroppingServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(2)
        self._sock.close()


class SlowFileServer(ScriptedServer):
    """Serves `data` at /file.bin slowly, honouring Range and If-Range like a CDN, so a
    download can be interrupted mid-way. `seen` records each request's headers."""

    def __init__(self, data: bytes, *, chunk: int = 16384, delay: float = 0.02,
                 etag: str = '"v1"', drop_at: int | None = None, ignore_range: bool = False,
                 range_from: int | None = None) -> None:
        super().__init__()
        self.data, self.chunk, self.delay, self.etag = data, chunk, delay, etag
        #: faults: cut the connection after this many body bytes (once); answer 200 to
        #: a Range request; answer a Range request with a range starting elsewhere
        self.drop_at, self.ignore_range, self.range_from = drop_at, ignore_range, range_from

    async def _app(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return
        headers = {k.decode().lower(): v.decode() for k, v in scope["headers"]}
        self.seen.append(Seen(scope["method"], scope["path"], headers, time.time()))
        start, status = 0, 200
        wanted = headers.get("range", "")
        if wanted.startswith("bytes=") and headers.get("if-range", self.etag) == self.etag \
                and not self.ignore_range:
            start = int(wanted[6:].split("-")[0]) if self.range_from is None \
                else self.range_from
            if start >= len(self.data):
                await send({"type": "http.response.start", "status": 416, "headers": [
                    (b"content-range", f"bytes */{len(self.data)}".encode())]})
                await send({"type": "http.response.body", "body": b""})
                return
            status = 206
        body = self.data[start:]
        out = [(b"content-type", b"video/mp4"), (b"etag", self.etag.encode()),
               (b"content-length", str(len(body)).encode()), (b"accept-ranges", b"bytes")]
        if status == 206:
            out.append((b"content-range",
                        f"bytes {start}-{len(self.data) - 1}/{len(self.data)}".encode()))
        await send({"type": "http.response.start", "status": status, "headers": out})
        for i in range(0, len(body), self.chunk):
            piece = body[i:i + self.chunk]
            if self.drop_at is not None and start + i + len(piece) > self.drop_at:
                cut = self.drop_at - start - i
                self.drop_at = None
                await send({"type": "http.response.body", "body": piece[:max(0, cut)],
                            "more_body": True})
                raise ConnectionResetError("simulated drop mid-body")
            await send({"type": "http.response.body", "body": piece, "more_body": True})
            await asyncio.sleep(self.delay)
        await send({"type": "http.response.body", "body": b""})


class ForwardProxy:
    """A plain-HTTP forward proxy on 127.0.0.1 that records every request it relays
    (`seen`: method, absolute URL, headers) and passes it on unchanged."""

    def __init__(self) -> None:
        import http.server

        proxy = self
        self.seen: list[Seen] = []

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:  # (the stdlib names it so)
                proxy._relay(self)

            def log_message(self, *args: object) -> None:
                pass

        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def _relay(self, request: Any) -> None:
        import http.client
        from urllib.parse import urlsplit

        headers = {k.lower(): v for k, v in request.headers.items()}
        self.seen.append(Seen(request.command, request.path, headers, time.time()))
        target = urlsplit(request.path)
        if target.scheme != "http" or not target.hostname:
            request.send_error(400, "absolute http:// URLs only")
            return
        upstream = http.client.HTTPConnection(target.hostname, target.port or 80, timeout=30)
        try:
            path = target.path + (f"?{target.query}" if target.query else "")
            sent = {k: v for k, v in request.headers.items()
                    if k.lower() not in ("proxy-connection", "proxy-authorization")}
            upstream.request("GET", path or "/", headers=sent)
            answer = upstream.getresponse()
            body = answer.read()
        except OSError:
            request.send_error(502, "upstream failed")
            return
        finally:
            upstream.close()
        request.send_response(answer.status)
        for name, value in answer.getheaders():
            if name.lower() not in ("transfer-encoding", "connection", "content-length"):
                request.send_header(name, value)
        request.send_header("Content-Length", str(len(body)))
        request.end_headers()
        request.wfile.write(body)

    def __enter__(self) -> ForwardProxy:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(2)
