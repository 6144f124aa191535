"""One task lookup: profile + key + ID → the provider's answer → a normalized snapshot."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from videomon.core.domain.errors import (
    AuthRejected,
    BadResponse,
    ConfigError,
    LookupProblem,
    NotFound,
    redact,
)
from videomon.core.domain.snapshot import Snapshot, TaskState
from videomon.core.providers.auth import key_secrets
from videomon.core.providers.dialects import Dialect, FormatRegistry
from videomon.core.providers.http import HttpClient
from videomon.core.providers.profiles import Profile


@dataclass(frozen=True, slots=True)
class LookupResult:
    """A snapshot, or the problem that prevented one; plus the server's poll hint."""

    task_id: str
    snapshot: Snapshot | None = None
    problem: LookupProblem | None = None
    poll_after: float | None = None


class TaskLookup:
    """Queries providers through the shared `HttpClient`, reading answers with the
    profile's format from `formats`."""

    def __init__(self, http: HttpClient, formats: FormatRegistry) -> None:
        self.http = http
        self.formats = formats

    async def fetch(self, profile: Profile, key: str | None, task_id: str, *,
                    label: str | None = None, total: float | None = None,
                    dialect: Dialect | None = None) -> LookupResult:
        """Look `task_id` up; problems are returned, not raised.

        `label` is the profile name reported in the snapshot (None for ad-hoc lookups);
        `dialect` overrides the profile's (a format being edited).
        A dialect with fallback URLs (Kling: text2video, then image2video) tries the next
        one while the provider says "not found"; one with a second request (MiniMax's
        file, fal's result) makes it once the task is done.
        """
        task_id = task_id.strip()
        secrets = key_secrets(profile.auth, key)
        try:
            dialect = dialect or self.formats.dialect(profile.dialect)
            headers, secrets = dialect.request_headers(profile.auth, key)
            urls = dialect.query_urls(profile.base_url, task_id)
            for index, url in enumerate(urls):
                try:
                    response = await self.http.get_json(
                        url, headers=headers, proxy=profile.proxy, secrets=secrets,
                        total=total)
                    snapshot = dialect.parse(response.body, task_id=task_id,
                                             base_url=profile.base_url)
                    break
                except NotFound:
                    if index == len(urls) - 1:
                        raise
            try:
                second = dialect.follow_up_url(snapshot, profile.base_url)
                if second is not None:
                    follow = await self.http.get_json(
                        second, headers=headers, proxy=profile.proxy, secrets=secrets,
                        total=total)
                    snapshot = dataclasses.replace(
                        snapshot, video_urls=dialect.read_follow_up(follow.body))
            except (BadResponse, NotFound) as exc:
                if snapshot.state is not TaskState.SUCCEEDED:
                    raise
                # finished, its link unreadable: said, and asked again later
                snapshot = dataclasses.replace(snapshot, video_urls=(),
                                               link_problem=redact(exc.message, secrets))
            if snapshot.state is TaskState.SUCCEEDED and not snapshot.video_urls \
                    and snapshot.link_problem is None:
                snapshot = dataclasses.replace(
                    snapshot, link_problem="the answer names no video link")
        except ConfigError as exc:  # e.g. a Kling key that is not ACCESS:SECRET
            problem = AuthRejected(redact(str(exc), secrets))
            return LookupResult(task_id, problem=problem)
        except LookupProblem as problem:
            problem.message = redact(problem.message, secrets)
            problem.args = (problem.message,)
            return LookupResult(task_id, problem=problem)
        snapshot = dataclasses.replace(snapshot, profile=label)
        return LookupResult(task_id, snapshot=snapshot, poll_after=response.poll_after)
