"""Format detection: which known format reads a provider's answer for a known task ID.

Polite by design: one GET per distinct query URL and auth (16 at most), each with a
short time budget and no retries, and the key only to the base URL's own host. Detection
proposes a format only when the answers agree; when two formats read the same task
differently it refuses to guess and says which ones.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from videomon.core.domain.errors import ConfigError, LookupProblem, NotFound
from videomon.core.domain.snapshot import Snapshot
from videomon.core.providers.auth import auth_headers, key_secrets
from videomon.core.providers.dialects import Dialect, FormatRegistry
from videomon.core.providers.http import HttpClient, RetryPolicy

MAX_REQUESTS = 16
QUICK = RetryPolicy(total=8.0, base_delay=0.2, max_delay=0.5, read_timeout=6.0,
                    connect_timeout=4.0)


@dataclass(frozen=True, slots=True)
class Attempt:
    """One request detection made, and what came of it."""

    url: str
    formats: tuple[str, ...]
    outcome: str  # "read by …", "not found", or the problem's words


@dataclass(slots=True)
class Detection:
    """What answered. `chosen` is set when exactly one reading came back (possibly from
    several formats); `ambiguous` when formats disagree about the task."""

    matches: list[tuple[str, Snapshot]] = field(default_factory=list)
    attempts: list[Attempt] = field(default_factory=list)
    chosen: str | None = None
    ambiguous: bool = False

    @property
    def snapshot(self) -> Snapshot | None:
        return next((s for name, s in self.matches if name == self.chosen), None)

    def summary(self) -> str:
        """One English sentence for the CLI (the window words it itself)."""
        if self.chosen:
            also = [n for n, _ in self.matches if n != self.chosen]
            tail = f" (also read the same way by {', '.join(also)})" if also else ""
            return f"the provider answers in the {self.chosen} format{tail}"
        if self.ambiguous:
            return ("several formats read this task differently ("
                    + ", ".join(n for n, _ in self.matches)
                    + "); not guessing: choose one and check its preview")
        return "no known format could read the provider's answer for this task"


def _reading(snapshot: Snapshot) -> tuple[object, ...]:
    return (snapshot.state, snapshot.progress, snapshot.video_urls, snapshot.error)


async def detect_format(http: HttpClient, base_url: str, key: str | None, task_id: str, *,
                        dialects: FormatRegistry | Mapping[str, Dialect],
                        proxy: str | None = None) -> Detection:
    """Try the query endpoints of the formats in `dialects` for `task_id` at `base_url`."""
    known = dict(dialects.items())
    host = urlsplit(base_url).netloc
    groups: dict[tuple[str, tuple[tuple[str, str], ...]], list[str]] = {}
    secrets: set[str] = set()
    for name, dialect in known.items():
        if dialect.id_has_slashes and "/" not in task_id.strip("/"):
            continue  # its IDs are paths (Gemini operations, fal requests)
        try:
            url = dialect.query_urls(base_url, task_id.strip())[0]
            headers = {**dialect.headers, **auth_headers(dialect.default_auth, key)}
        except ConfigError:
            continue  # e.g. Kling's key is ACCESS:SECRET and this key is not
        if urlsplit(url).netloc != host:
            continue  # the key goes to the base URL's host only
        secrets.update(key_secrets(dialect.default_auth, key))
        groups.setdefault((url, tuple(sorted(headers.items()))), []).append(name)
    result = Detection()
    for (url, headers), names in list(groups.items())[:MAX_REQUESTS]:
        try:
            response = await http.get_json(url, headers=dict(headers), proxy=proxy,
                                           secrets=tuple(secrets), total=QUICK.total)
        except NotFound:
            result.attempts.append(Attempt(url, tuple(names), "not found"))
            continue
        except LookupProblem as problem:
            result.attempts.append(Attempt(url, tuple(names), problem.message))
            continue
        readers = []
        for name in names:
            try:
                snapshot = known[name].parse(response.body, task_id=task_id.strip(),
                                                base_url=base_url)
            except LookupProblem:
                continue
            if not snapshot.status_known:  # (a status word this format does not know)
                continue
            result.matches.append((name, dataclasses.replace(snapshot, profile=None)))
            readers.append(name)
        result.attempts.append(Attempt(url, tuple(names), "read by " + ", ".join(readers)
                                       if readers else "answered, but no format read it"))
    readings = {_reading(s) for _, s in result.matches}
    if len(readings) == 1:
        result.chosen = result.matches[0][0]
    elif len(readings) > 1:
        result.ambiguous = True
    return result
