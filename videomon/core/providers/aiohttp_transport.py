"""httpx's API over aiohttp's connection pool: the transport the shared client uses.

Measured (tests/benchmarks/bench_polling.py): httpx's own async pool costs several times
more CPU per request than aiohttp's and saturates a core near 400 polls/s on the Qt
loop, while this transport stays near the raw-aiohttp floor. Requests still go through
`httpx.AsyncClient`, so the rest of videomon sees only httpx requests, responses and
exceptions; proxies (configured or from the environment) are httpx's own proxy mounts.

`httpx-aiohttp` maps aiohttp's errors loosely (a dropped connection becomes a
"ConnectTimeout"), so this wrapper maps them again to what they mean.
"""

from __future__ import annotations

import contextlib
import ssl
from collections.abc import AsyncIterator, Iterator

import aiohttp
import httpx
from httpx_aiohttp import AiohttpTransport


def aiohttp_transport(limits: httpx.Limits, ssl_context: ssl.SSLContext) -> MappedTransport:
    """A transport over one aiohttp session (created lazily, inside the running loop)."""

    def session() -> aiohttp.ClientSession:
        connector = aiohttp.TCPConnector(limit=limits.max_connections or 100,
                                         keepalive_timeout=limits.keepalive_expiry or 5.0,
                                         ssl=ssl_context)
        # trust_env=False: environment proxies are httpx's mounts, and aiohttp would
        # otherwise read the environment and ~/.netrc in a worker thread per request.
        return aiohttp.ClientSession(connector=connector, trust_env=False)

    return MappedTransport(AiohttpTransport(limits=limits, client=session))


class MappedTransport(httpx.AsyncBaseTransport):
    """Wraps a transport so that every failure surfaces as the right httpx exception."""

    def __init__(self, inner: httpx.AsyncBaseTransport) -> None:
        self._inner = inner

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        with _mapped(request):
            response = await self._inner.handle_async_request(request)
        assert isinstance(response.stream, httpx.AsyncByteStream)
        response.stream = _MappedStream(response.stream, request)
        return response

    async def aclose(self) -> None:
        await self._inner.aclose()


class _MappedStream(httpx.AsyncByteStream):
    def __init__(self, inner: httpx.AsyncByteStream, request: httpx.Request) -> None:
        self._inner = inner
        self._request = request

    async def __aiter__(self) -> AsyncIterator[bytes]:
        # aiohttp's body as it arrives (httpx-aiohttp re-slices it into 16 KiB chunks:
        # a gigabyte is then 65,000 trips through three generators)
        body = getattr(getattr(self._inner, "_aiohttp_response", None), "content", None)
        with _mapped(self._request):
            if body is not None and hasattr(body, "iter_any"):
                async for chunk in body.iter_any():
                    yield chunk
                return
            async for chunk in self._inner:
                yield chunk

    async def aclose(self) -> None:
        with _mapped(self._request):
            await self._inner.aclose()


@contextlib.contextmanager
def _mapped(request: httpx.Request) -> Iterator[None]:
    try:
        yield
    except httpx.HTTPError as exc:
        cause = exc.__cause__
        if isinstance(cause, aiohttp.ClientError | TimeoutError):
            raise translate(cause, request) from cause
        raise
    except (aiohttp.ClientError, TimeoutError) as exc:
        raise translate(exc, request) from exc


def translate(exc: BaseException, request: httpx.Request | None = None) -> httpx.TransportError:
    """The httpx exception that says what an aiohttp failure means."""
    text = str(exc) or type(exc).__name__
    kind: type[httpx.TransportError]
    if isinstance(exc, aiohttp.ConnectionTimeoutError):
        kind = httpx.ConnectTimeout
    elif isinstance(exc, TimeoutError):
        kind = httpx.ReadTimeout
    elif isinstance(exc, aiohttp.ClientProxyConnectionError | aiohttp.ClientHttpProxyError):
        kind = httpx.ProxyError
    elif isinstance(exc, aiohttp.ClientConnectorError):
        kind = httpx.ConnectError
    elif isinstance(exc, aiohttp.InvalidURL):
        kind = httpx.UnsupportedProtocol
    elif isinstance(exc, aiohttp.ServerDisconnectedError):
        kind, text = httpx.RemoteProtocolError, "the server closed the connection"
    elif isinstance(exc, aiohttp.ClientPayloadError):
        kind, text = httpx.ReadError, "the answer was cut off before its end"
    else:
        kind = httpx.ReadError if isinstance(exc, aiohttp.ClientOSError) else httpx.NetworkError
    return kind(text, request=request)
