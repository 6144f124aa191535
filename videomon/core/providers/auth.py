"""Auth schemes: how a key travels in the request headers.

``bearer`` (Authorization: Bearer KEY), ``raw`` (Authorization: KEY), ``none``,
``header:NAME`` (NAME: KEY), ``prefix:WORD`` (Authorization: WORD KEY, e.g. fal's
``Key``, Replicate's old ``Token``) and ``kling-jwt``: the stored key is
``ACCESS_KEY:SECRET_KEY`` and each request carries a short-lived HS256 token signed with
the secret key (renewed five minutes before it expires).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import threading
import time

from videomon.core.domain.errors import ConfigError

AUTH_SCHEMES = ("bearer", "raw", "none", "kling-jwt")
#: every form an auth may take, as users write it (help texts, the form's choices)
AUTH_FORMS = ("bearer", "raw", "header:NAME", "prefix:WORD", "kling-jwt", "none")
#: a ready choice of each form (the provider form's list)
AUTH_EXAMPLES = ("bearer", "raw", "header:x-goog-api-key", "prefix:Key", "kling-jwt", "none")
_HEADER_NAME = re.compile(r"^[A-Za-z0-9!#$%&'*+.^_`|~-]+$")
_WORD = re.compile(r"^[A-Za-z][A-Za-z0-9_-]{0,31}$")
JWT_LIFETIME = 1800.0
JWT_RENEW_BEFORE = 300.0


def check_auth(auth: str) -> str:
    """Validate an auth scheme (see the module docstring); returns its canonical form."""
    value = auth.strip()
    lower = value.lower()
    if lower in AUTH_SCHEMES:
        return lower
    if lower.startswith("header:") and _HEADER_NAME.match(value[7:]):
        return "header:" + value[7:]
    if lower.startswith("prefix:") and _WORD.match(value[7:]):
        return "prefix:" + value[7:]
    raise ConfigError(
        f"invalid auth scheme {auth!r}: use bearer, raw, none, header:NAME (for example "
        "header:x-goog-api-key), prefix:WORD (for example prefix:Key) or kling-jwt",
        field="auth")


def auth_headers(auth: str, key: str | None, *, now: float | None = None) -> dict[str, str]:
    """The request headers that carry `key` under scheme `auth` (none without a key)."""
    if not key or auth == "none":
        return {}
    if auth == "bearer":
        return {"Authorization": f"Bearer {key}"}
    if auth == "raw":
        return {"Authorization": key}
    if auth.startswith("header:"):
        return {auth[7:]: key}
    if auth.startswith("prefix:"):
        return {"Authorization": f"{auth[7:]} {key}"}
    if auth == "kling-jwt":
        return {"Authorization": f"Bearer {_tokens.get(key, now)}"}
    raise ConfigError(f"invalid auth scheme {auth!r}", field="auth")


def key_secrets(auth: str, key: str | None) -> tuple[str, ...]:
    """Every string that must never show in a message or log for this key."""
    if not key:
        return ()
    if auth == "kling-jwt":
        access, _, secret = key.partition(":")
        return tuple(s for s in (key, access, secret, _tokens.current(key)) if s)
    return (key,)


def kling_token(access_key: str, secret_key: str, now: float) -> str:
    """Kling's API token: HS256 over {iss: access key, exp: now + 30 min, nbf: now - 5 s}."""
    def b64(data: bytes) -> str:
        return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")

    header = b64(json.dumps({"alg": "HS256", "typ": "JWT"}, separators=(",", ":")).encode())
    claims = {"iss": access_key, "exp": int(now + JWT_LIFETIME), "nbf": int(now - 5)}
    payload = b64(json.dumps(claims, separators=(",", ":")).encode())
    signature = hmac.new(secret_key.encode(), f"{header}.{payload}".encode(),
                         hashlib.sha256).digest()
    return f"{header}.{payload}.{b64(signature)}"


class _TokenCache:
    """One token per key, reused until five minutes before it expires."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._tokens: dict[str, tuple[str, float]] = {}

    def get(self, key: str, now: float | None = None) -> str:
        now = time.time() if now is None else now
        with self._lock:
            found = self._tokens.get(key)
            if found is not None and found[1] - now > JWT_RENEW_BEFORE:
                return found[0]
            access, sep, secret = key.partition(":")
            if not sep or not access or not secret:
                raise ConfigError("a Kling key is ACCESS_KEY:SECRET_KEY (both from the Kling "
                                  "console, joined by a colon)", field="key")
            token = kling_token(access, secret, now)
            self._tokens[key] = (token, now + JWT_LIFETIME)
            return token

    def current(self, key: str) -> str | None:
        with self._lock:
            found = self._tokens.get(key)
        return found[0] if found else None


_tokens = _TokenCache()
