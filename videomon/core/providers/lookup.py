"""One task lookup: profile + key + ID → the provider's answer → a normalized snapshot."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from videomon.core.domain.errors import LookupProblem, redact
from videomon.core.domain.snapshot import Snapshot
from videomon.core.providers.dialects import get_dialect
from videomon.core.providers.http import HttpClient
from videomon.core.providers.profiles import Profile, auth_headers


@dataclass(frozen=True, slots=True)
class LookupResult:
    """A snapshot, or the problem that prevented one; plus the server's poll hint."""

    task_id: str
    snapshot: Snapshot | None = None
    problem: LookupProblem | None = None
    poll_after: float | None = None


class TaskLookup:
    """Queries providers through the shared `HttpClient`."""

    def __init__(self, http: HttpClient) -> None:
        self.http = http

    async def fetch(self, profile: Profile, key: str | None, task_id: str, *,
                    label: str | None = None, total: float | None = None) -> LookupResult:
        """Look `task_id` up; problems are returned, not raised.

        `label` is the profile name reported in the snapshot (None for ad-hoc lookups).
        """
        task_id = task_id.strip()
        dialect = get_dialect(profile.dialect)
        url = dialect.task_url(profile.base_url, task_id)
        try:
            response = await self.http.get_json(
                url, headers=auth_headers(profile.auth, key), proxy=profile.proxy,
                secrets=(key,), total=total)
            snapshot = dialect.parse(response.body, task_id=task_id,
                                     base_url=profile.base_url)
        except LookupProblem as problem:
            problem.message = redact(problem.message, (key,))
            problem.args = (problem.message,)
            return LookupResult(task_id, problem=problem)
        snapshot = dataclasses.replace(snapshot, profile=label)
        return LookupResult(task_id, snapshot=snapshot, poll_after=response.poll_after)
