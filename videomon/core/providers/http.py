"""The shared HTTP client: one `httpx.AsyncClient` per proxy, retries, error mapping.

Every lookup is bounded by a total time (default 30 s). Connect errors, timeouts,
dropped connections, 408, 429, 500, 502, 503 and 504 are retried with exponential
backoff and full jitter; ``Retry-After`` (seconds or an HTTP date) is honoured.
Failures become the `LookupProblem` taxonomy with a message that holds the HTTP
status and at most 200 characters of the body, with any key removed.
"""

from __future__ import annotations

import asyncio
import json
import random
import ssl
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

from videomon import __version__
from videomon.core.domain.errors import (
    AuthRejected,
    BadResponse,
    LookupProblem,
    NetworkError,
    NotFound,
    RateLimited,
    ServerError,
    excerpt,
)

if TYPE_CHECKING:  # httpx (and urllib.request) load at the first request: 40 ms off the start
    import httpx
from videomon.core.providers.formats.values import looks_not_found

RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
MAX_JSON_BYTES = 8 * 1024 * 1024
MAX_REDIRECTS = 5
USER_AGENT = f"videomon/{__version__}"


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    total: float = 30.0          # seconds for a whole lookup, retries included
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    base_delay: float = 0.5
    max_delay: float = 8.0

    def backoff(self, attempt: int, rng: random.Random) -> float:
        """Full-jitter exponential backoff for retry number `attempt` (0-based)."""
        # (the exponent is capped: 2 ** 1100 does not fit in a float)
        return rng.uniform(0, min(self.max_delay, self.base_delay * 2 ** min(attempt, 40)))


@dataclass(frozen=True, slots=True)
class JsonResponse:
    status: int
    body: Any
    headers: httpx.Headers = field(repr=False)
    url: str = ""

    @property
    def poll_after(self) -> float | None:
        """The server's suggested delay before the next poll (``openai-poll-after-ms``)."""
        value = self.headers.get("openai-poll-after-ms")
        try:
            return max(0.0, float(value) / 1000) if value is not None else None
        except ValueError:
            return None


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or HTTP-date)."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    now = time.time() if now is None else now
    return max(0.0, when.timestamp() - now)


def same_origin(a: str, b: str) -> bool:
    """Scheme, host and port equal (default ports filled in)."""
    pa, pb = urlsplit(a), urlsplit(b)

    def port(p: Any) -> int | None:
        try:
            return p.port or {"http": 80, "https": 443}.get(p.scheme)
        except ValueError:
            return None

    return (pa.scheme.lower(), (pa.hostname or "").lower(), port(pa)) == (
        pb.scheme.lower(), (pb.hostname or "").lower(), port(pb))


class HttpClient:
    """Owns the process's `httpx.AsyncClient`s (one per proxy) and the retry loop.

    `backend="aiohttp"` (the default) sends direct requests through aiohttp's pool, at a
    fraction of httpx's CPU per request; `"httpx"` keeps httpx's own pool.
    """

    def __init__(self, policy: RetryPolicy | None = None, *,
                 sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
                 rng: random.Random | None = None,
                 transport: httpx.AsyncBaseTransport | None = None,
                 max_connections: int = 100, backend: str = "aiohttp") -> None:
        self.policy = policy or RetryPolicy()
        self._sleep = sleep
        self._rng = rng or random.Random()
        self._transport = transport
        self._max_connections = max_connections
        self._clients: dict[str | None, httpx.AsyncClient] = {}
        self._ssl_context: ssl.SSLContext | None = None
        if backend not in ("httpx", "aiohttp"):
            raise ValueError(f"unknown HTTP backend {backend!r}")
        self.backend = backend

    async def warm(self) -> None:
        """Load httpx (and aiohttp) and read the CA certificates in a worker thread.

        Done at the first request on the loop's thread, this stopped a window on that loop
        for ~170 ms. Optional: `client()` does whatever is still missing.
        """
        await asyncio.to_thread(self._prepare)

    def _prepare(self) -> ssl.SSLContext:
        import httpx

        if self.backend == "aiohttp":
            import videomon.core.providers.aiohttp_transport  # noqa: F401
        if self._ssl_context is None:
            self._ssl_context = httpx.create_ssl_context()
        return self._ssl_context

    def client(self, proxy: str | None = None) -> httpx.AsyncClient:
        """The shared client for `proxy` (None: the environment's HTTP(S)_PROXY)."""
        found = self._clients.get(proxy)
        if found is None:
            import httpx

            limits = httpx.Limits(max_connections=self._max_connections,
                                  max_keepalive_connections=self._max_connections)
            timeout = httpx.Timeout(self.policy.read_timeout,
                                    connect=self.policy.connect_timeout)
            transport = self._transport
            if (transport is None and self.backend == "aiohttp" and proxy is None
                    and not _environment_proxies()):
                # Behind a proxy (configured or from the environment) httpx keeps its own
                # transport: its proxy and NO_PROXY handling apply unchanged. (aiohttp
                # loads here, at the first request: 0.1 s less before the window shows.)
                from videomon.core.providers.aiohttp_transport import aiohttp_transport

                transport = aiohttp_transport(limits, self._prepare())
            found = httpx.AsyncClient(
                timeout=timeout, limits=limits, proxy=proxy, trust_env=proxy is None,
                verify=self._prepare(),
                transport=transport, follow_redirects=False,
                headers={"User-Agent": USER_AGENT, "Accept": "application/json"},
            )
            self._clients[proxy] = found
        return found

    async def aclose(self) -> None:
        clients, self._clients = list(self._clients.values()), {}
        for client in clients:
            await client.aclose()

    async def __aenter__(self) -> HttpClient:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def get_json(self, url: str, *, headers: dict[str, str] | None = None,
                       proxy: str | None = None, secrets: tuple[str | None, ...] = (),
                       total: float | None = None) -> JsonResponse:
        """GET `url` and decode its JSON, retrying what is worth retrying.

        Returns 2xx responses; raises a `LookupProblem` for everything else.
        """
        import httpx

        loop = asyncio.get_running_loop()
        deadline = loop.time() + (self.policy.total if total is None else total)
        attempt = 0
        previous: LookupProblem | None = None
        while True:
            remaining = deadline - loop.time()
            try:
                response = await self._get_following(url, headers or {}, proxy, remaining)
            except httpx.TimeoutException as exc:
                if previous is not None and remaining < self.policy.read_timeout:
                    # The budget, not the server, cut this attempt short: report what the
                    # server actually said last time instead of a misleading timeout.
                    raise previous from None
                problem: LookupProblem = NetworkError(
                    f"no answer from {_host(url)} in time ({type(exc).__name__})")
            except (httpx.ReadError, httpx.WriteError, httpx.RemoteProtocolError) as exc:
                problem = NetworkError(f"lost the connection to {_host(url)}: {_reason(exc)}")
            except (httpx.TransportError, OSError) as exc:
                problem = NetworkError(f"could not reach {_host(url)}: {_reason(exc)}")
            else:
                if 200 <= response.status_code < 300:
                    return _decode(response, secrets)
                problem = _problem_for(response, secrets)
                if response.status_code not in RETRY_STATUSES:
                    raise problem
            delay = problem.retry_after
            if delay is None:
                delay = self.policy.backoff(attempt, self._rng)
            if loop.time() + delay >= deadline:
                if problem.retry_after is not None and problem.retry_after > 0:
                    problem.message += f" (the server asked to wait {problem.retry_after:.0f} s)"
                    problem.args = (problem.message,)
                raise problem
            attempt += 1
            previous = problem
            await self._sleep(delay)

    async def _get_following(self, url: str, headers: dict[str, str], proxy: str | None,
                             remaining: float) -> httpx.Response:
        """GET, following redirects only within the same origin (the key stays home)."""
        import httpx

        if remaining <= 0:
            raise httpx.TimeoutException("lookup time exhausted")
        client = self.client(proxy)
        timeout = httpx.Timeout(min(self.policy.read_timeout, remaining),
                                connect=min(self.policy.connect_timeout, remaining))
        current = url
        for _ in range(MAX_REDIRECTS + 1):
            response = await client.get(current, headers=headers, timeout=timeout)
            target = redirect_target(response, current)
            if target is not None:
                if not same_origin(target, url):
                    raise BadResponse(
                        f"HTTP {response.status_code}: the provider redirected the query to "
                        f"another host ({_host(target)}); not following it with your key",
                        status=response.status_code)
                current = target
                continue
            return response
        raise BadResponse(f"too many redirects from {_host(url)}")


def _environment_proxies() -> bool:
    """Whether the environment (or the OS settings) names an HTTP proxy."""
    import urllib.request

    found = urllib.request.getproxies()
    return any(found.get(scheme) for scheme in ("http", "https", "all"))


def _host(url: str) -> str:
    parts = urlsplit(url)
    return parts.netloc or url


def _reason(exc: BaseException) -> str:
    text = str(exc).strip()
    return text[:160] if text else type(exc).__name__


def _looks_html(response: httpx.Response, raw: bytes) -> bool:
    ctype = response.headers.get("content-type", "").lower()
    head = raw.lstrip()[:15].lower()
    return "html" in ctype or head.startswith((b"<!doctype", b"<html", b"<"))


def _decode(response: httpx.Response, secrets: tuple[str | None, ...]) -> JsonResponse:
    raw = response.content
    status = response.status_code
    if len(raw) > MAX_JSON_BYTES:
        raise BadResponse(f"HTTP {status}: the response is too large ({len(raw)} bytes)",
                          status=status)
    if not raw.strip():
        raise BadResponse(f"HTTP {status}: the response body is empty", status=status)
    if _looks_html(response, raw):
        raise BadResponse(f"HTTP {status}: an HTML page instead of JSON: "
                          f"{excerpt(raw, secrets)}", status=status)
    try:
        body = json.loads(raw.decode(response.encoding or "utf-8", errors="strict"))
    except (UnicodeDecodeError, json.JSONDecodeError, LookupError, RecursionError):
        raise BadResponse(f"HTTP {status}: the response is not valid JSON: "
                          f"{excerpt(raw, secrets)}", status=status) from None
    return JsonResponse(status, body, response.headers, str(response.url))


def _error_text(raw: bytes) -> tuple[str | None, str | None]:
    """(code, message) from a JSON error body, when there is one."""
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError):
        return None, None
    if not isinstance(data, dict):
        return None, None
    err = data.get("error")
    if isinstance(err, dict):
        return (_s(err.get("code") or err.get("type") or err.get("status")),
                _s(err.get("message")))
    return _s(data.get("code")), _s(data.get("message") or data.get("msg") or err)


def _s(value: Any) -> str | None:
    return None if value is None or isinstance(value, dict | list) else str(value)


_AUTH_HINTS = ("api_key_invalid", "api key not valid", "invalid api key", "invalid_api_key",
               "incorrect api key", "invalid token", "无效的令牌")


def _looks_auth(raw: bytes) -> bool:
    """400 answers that really mean a bad key (Gemini: API_KEY_INVALID; relays: 无效的令牌)."""
    blob = raw[:4096].decode("utf-8", errors="replace").lower()
    return any(hint in blob for hint in _AUTH_HINTS)


def _problem_for(response: httpx.Response, secrets: tuple[str | None, ...]) -> LookupProblem:
    return problem_for_status(response.status_code, response.content, secrets,
                              retry_after=parse_retry_after(response.headers.get("retry-after")))


#: what each kind of refusal is called, for a task query and for a video download
_WORDING = {
    False: {"auth": "the provider rejected the API key",
            "gone": "the provider does not know this task",
            "limit": "rate limited by the provider",
            "server": "the provider had a server error", "other": "unexpected answer"},
    True: {"auth": "the server refused the download",
           "gone": "the video is no longer there, the link may have expired",
           "limit": "the server limited the download rate",
           "server": "the server failed to send the video",
           "other": "unexpected answer to the download"},
}


def problem_for_status(status: int, raw: bytes, secrets: tuple[str | None, ...] = (), *,
                       retry_after: float | None = None,
                       download: bool = False) -> LookupProblem:
    """The one mapping from an HTTP error answer to a problem (queries and downloads)."""
    words = _WORDING[download]
    body = excerpt(raw, secrets) if raw.strip() else "(empty body)"
    tail = f"HTTP {status}: {body}"
    if status in (401, 403) or (status == 400 and not download and _looks_auth(raw)):
        return AuthRejected(f"{words['auth']} ({tail})", status=status)
    if status in (404, 410):
        return NotFound(f"{words['gone']} ({tail})", status=status)
    if status == 429:
        return RateLimited(f"{words['limit']} ({tail})", status=status,
                           retry_after=retry_after)
    if status in RETRY_STATUSES or status >= 500:
        return ServerError(f"{words['server']} ({tail})", status=status,
                           retry_after=retry_after)
    if not download and 400 <= status < 500 and looks_not_found(*_error_text(raw)):
        return NotFound(f"{words['gone']} ({tail})", status=status)
    return BadResponse(f"{words['other']} ({tail})", status=status)


REDIRECTS = (301, 302, 303, 307, 308)


def redirect_target(response: httpx.Response, current: str) -> str | None:
    """Where a redirect answer points (None when the answer is no redirect)."""
    status = response.status_code
    if status not in REDIRECTS:
        return None
    location = response.headers.get("location")
    if not location:
        raise BadResponse(f"HTTP {status}: a redirect without a Location", status=status)
    return urljoin(current, location)
