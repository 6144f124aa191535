"""Finding a provider account's tasks itself: its list read a page at a time (the format's
list request), the tasks videomon does not track added — marked imported, those carrying
their state read at once (no second query, no download of old videos) — and the tasks the
user removed left out. The key (or the account's token) goes only to the provider's
own origin: a next page elsewhere ends the listing."""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from collections.abc import Awaitable, Callable, Collection
from dataclasses import dataclass, field

from videomon.core.domain.errors import (
    AuthRejected,
    BadResponse,
    ConfigError,
    LookupProblem,
    NotFound,
)
from videomon.core.providers.dialects import FormatRegistry
from videomon.core.providers.formats.list_reader import Page, Window, page_url, read_page
from videomon.core.providers.formats.list_spec import ListSpec
from videomon.core.providers.formats.spec import Format
from videomon.core.providers.http import HttpClient, same_origin
from videomon.core.providers.lookup import LookupResult
from videomon.core.providers.profiles import Profile

log = logging.getLogger(__name__)

#: pages read at most in one listing (per list URL): 100 x 100 tasks
MAX_PAGES = 100
#: the second credential's keyring name beside the profile's key
TOKEN_SUFFIX = "#token"


@dataclass(slots=True)
class ImportReport:
    """What one listing did: the tasks it added, how many it knew, where it stopped."""

    profile: str
    added: list[str] = field(default_factory=list)
    known: int = 0
    pages: int = 0
    #: why the listing stopped early (a rejected token, a page that is no list …); the
    #: tasks added before it stay, nothing tracked before is touched
    problem: LookupProblem | None = None

    def to_json(self) -> dict[str, object]:
        return {"profile": self.profile, "added": self.added, "known": self.known,
                "pages": self.pages,
                "problem": self.problem.to_json() if self.problem else None}


def list_format(formats: FormatRegistry, profile: Profile) -> Format:
    """The profile's format, when it can list (`ConfigError` saying so otherwise)."""
    fmt = formats.dialect(profile.dialect).list_format
    if fmt is None:
        raise ConfigError(f"{profile.name}: the {profile.dialect} format has no list "
                          "request, so its tasks cannot be found; paste their IDs instead")
    return fmt


class AccountReader:
    """Reads an account's list pages (no tracking: `AccountImport` adds)."""

    def __init__(self, http: HttpClient, formats: FormatRegistry,
                 get_key: Callable[[str], Awaitable[str | None]]) -> None:
        self.http, self.formats, self._get_key = http, formats, get_key

    async def headers(self, profile: Profile, spec: ListSpec) -> tuple[dict[str, str],
                                                                        tuple[str, ...]]:
        """The list request's headers and the secrets to keep out of messages."""
        dialect = self.formats.dialect(profile.dialect)
        if not spec.needs_token:
            return dialect.request_headers(profile.auth, await self._get_key(profile.name))
        secret = await self._get_key(profile.name + TOKEN_SUFFIX)
        if not secret:
            raise AuthRejected(f"{profile.name}: its list needs the account's access token "
                               "(not the API key): set it with `videomon provider set-token "
                               f"{profile.name}` or in Settings")
        user, _, token = secret.partition(":")
        if not token:
            user, token = "", secret
        headers = {name: value.replace("{user}", user).replace("{token}", token)
                   for name, value in spec.headers.items()}
        return {**dialect.headers, **headers, "Authorization": f"Bearer {token}"}, (token,)

    async def pages(self, profile: Profile, window: Window,
                    on_page: Callable[[Page], Awaitable[bool]]) -> int:
        """Read the list, page after page, handing each to `on_page` (which answers
        whether to go on); returns the pages read. Raises a `LookupProblem`."""
        fmt = list_format(self.formats, profile)
        spec = fmt.listing
        assert spec is not None
        headers, secrets = await self.headers(profile, spec)
        read, unknown = 0, 0
        lists = 1 + len(spec.also)
        for which in range(lists):
            at: str | None = None
            for _ in range(MAX_PAGES):
                url = page_url(fmt, profile.base_url, which=which, at=at, window=window)
                if not same_origin(url, profile.base_url):
                    raise BadResponse(f"the next page is on another host ({url[:80]}); "
                                      "the listing stopped there (the key stays with the "
                                      "provider)")
                try:
                    answer = await self.http.get_json(url, headers=headers,
                                                      proxy=profile.proxy, secrets=secrets)
                except NotFound:  # (one of several lists this account has none of)
                    unknown += 1
                    if unknown == lists:
                        raise
                    break
                page = read_page(fmt, answer.body, base_url=profile.base_url, at=at)
                read += 1
                if not await on_page(page) or page.next is None or page.next == at:
                    break
                at = page.next
        return read


class AccountImport:
    """Adds what an account lists to the tracked tasks (through the scheduler)."""

    def __init__(self, reader: AccountReader, profiles: Callable[[], dict[str, Profile]],
                 add: Callable[[str, list[str]], Awaitable[list]],  # type: ignore[type-arg]
                 record: Callable[[int, LookupResult], None]) -> None:
        self.reader, self._profiles = reader, profiles
        self._add, self._record = add, record

    async def run(self, name: str, window: Window | None = None) -> ImportReport:
        window = window or Window()
        profile = self._profiles().get(name)
        if profile is None:
            raise ConfigError(f"no provider named {name!r}")
        report = ImportReport(name)

        async def take(page: Page) -> bool:
            since = window.since
            items = [i for i in page.items
                     if since is None or i.created is None or i.created >= since]
            added = await self._add(name, [i.task_id for i in items])
            report.added += [t.task_id for t in added]
            report.known += len(items) - len(added)
            listed = {i.task_id: i for i in items}
            for task in added:
                snapshot = listed[task.task_id].snapshot
                if snapshot is not None:  # (read at once: no second query)
                    self._record(task.ref, LookupResult(
                        task.task_id, dataclasses.replace(snapshot, profile=name)))
            # newest first: a page reaching past `since` is the last one needed
            return len(items) == len(page.items)

        try:
            report.pages = await self.reader.pages(profile, window, take)
        except LookupProblem as problem:
            log.info("listing %s stopped: %s", name, problem)
            report.problem = problem
        return report


#: a followed account is listed this often (s); a listing that stops on a problem waits
#: twice as long each time, up to `FOLLOW_LONGEST`
FOLLOW_EVERY = 300.0
FOLLOW_LONGEST = 3600.0
#: a later listing reaches back this far before the last one (late-stamped tasks)
OVERLAP = 3600.0


class AccountFollower:
    """Lists each followed account at start and every few minutes (`Profile.follow`),
    from `Profile.follow_since` the first time, then from a little before the last."""

    def __init__(self, accounts: AccountImport, profiles: Callable[[], dict[str, Profile]],
                 paused: Callable[[], Collection[str]], now: Callable[[], float]) -> None:
        self.accounts, self._profiles, self._paused, self._now = (
            accounts, profiles, paused, now)
        self._next: dict[str, float] = {}
        self._since: dict[str, float] = {}
        self._delay: dict[str, float] = {}
        #: told of each listing's report (the window's note bar)
        self.on_report: Callable[[ImportReport], None] | None = None

    async def run(self, tick: float = 5.0) -> None:
        while True:
            await self.once()
            await asyncio.sleep(tick)

    async def once(self) -> list[ImportReport]:
        """List the followed accounts that are due (each once)."""
        reports = []
        for name, profile in list(self._profiles().items()):
            now = self._now()
            if not profile.follow or name in self._paused() or now < self._next.get(name, 0):
                continue
            since = self._since.get(name, profile.follow_since)
            try:
                report = await self.accounts.run(name, Window(since=since))
            except Exception as exc:  # (a format that cannot list; a bug: not the loop's end)
                log.warning("following %s: %s", name, exc, exc_info=not isinstance(
                    exc, ConfigError))
                self._next[name] = now + FOLLOW_LONGEST
                continue
            if report.problem is None:
                self._since[name] = now - OVERLAP
                self._delay[name] = FOLLOW_EVERY
            else:
                self._delay[name] = min(FOLLOW_LONGEST, 2 * self._delay.get(name, FOLLOW_EVERY))
            self._next[name] = now + self._delay[name]
            reports.append(report)
            if self.on_report is not None:
                self.on_report(report)
        return reports
