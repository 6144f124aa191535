"""A format's list request (the `[list]` table): how a provider lists the account's tasks,
a page at a time, and how each item is read.

    [list]
    url = "{base}/v1/videos?limit={limit}&after={cursor}&order=desc"
    paging = "cursor"            # cursor | offset | page | next_url
    items = ["data"]             # where the page's items are
    id = ["id"]                  # an item's task ID
    next = ["last_id"]           # cursor: the next cursor; next_url: the next page's URL
    more = ["has_more"]          # optional: a flag saying there is a next page
    created = ["created_at"]     # optional: an item's time (pages stop at --since)
    full = true                  # an item carries the task's state (no second query)
    page_size = 50
    since = "s"                  # "s" or "ms": {since}/{until} in the URL; "" none
    auth = "token"               # "" the profile's key; "token" its second credential
    headers = { "New-Api-User" = "{user}" }
    [list.fields]                # an item's own field paths (else the format's)
    [list.states]                # an item's own status words (else the format's)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

PAGINGS = ("cursor", "offset", "page", "next_url")
#: placeholders a list URL may use
LIST_PLACEHOLDERS = {"base", "limit", "cursor", "offset", "page", "since", "until"}


@dataclass(frozen=True, slots=True)
class ListSpec:
    url: str
    items: tuple[str, ...]
    id: tuple[str, ...]
    paging: str = "cursor"
    next: tuple[str, ...] = ()
    more: tuple[str, ...] = ()
    created: tuple[str, ...] = ()
    full: bool = False
    page_size: int = 50
    since: str = ""
    auth: str = ""
    headers: dict[str, str] = field(default_factory=dict)
    fields: dict[str, tuple[str, ...]] = field(default_factory=dict)
    states: dict[str, str] = field(default_factory=dict)
    #: more list URLs, listed one after the other (Kling: text2video, then image2video)
    also: tuple[str, ...] = ()

    @property
    def needs_token(self) -> bool:
        return self.auth == "token"


def list_from_dict(value: Any) -> ListSpec:
    """Check and build the `[list]` table; a `FormatError` names the key at fault."""
    from videomon.core.providers.formats import spec

    if not isinstance(value, Mapping):
        raise spec.FormatError("'list' must be a table", field="list")
    known = {f for f in ListSpec.__dataclass_fields__}
    for key in value:
        if key not in known:
            raise spec.FormatError(f"unknown key list.{key} (known: {', '.join(sorted(known))})",
                                   field=f"list.{key}")
    try:
        url = spec._template(value, "url", required=True, allowed=LIST_PLACEHOLDERS)
        also = tuple(spec._template({"also": u}, "also", allowed=LIST_PLACEHOLDERS)
                     for u in spec._text_list(value, "also"))
        paging = spec._text(value, "paging") or "cursor"
        auth = spec._text(value, "auth")
        headers = spec._text_table(value, "headers")
        since = spec._text(value, "since")
    except spec.FormatError as exc:
        raise spec.FormatError(f"list: {exc}", field=f"list.{exc.field}") from None
    if paging not in PAGINGS:
        raise spec.FormatError(f"list.paging {paging!r}: use one of {', '.join(PAGINGS)}",
                               field="list.paging")
    if auth not in ("", "token"):
        raise spec.FormatError("list.auth: leave it out (the key) or write \"token\"",
                               field="list.auth")
    if since not in ("", "s", "ms"):
        raise spec.FormatError("list.since: \"s\", \"ms\" or leave it out", field="list.since")
    paths = {name: spec._paths(value.get(name, []), f"list.{name}")
             for name in ("items", "id", "next", "more", "created")}
    for needed in ("items", "id"):
        if not paths[needed]:
            raise spec.FormatError(f"list.{needed}: where the page's {needed} are",
                                   field=f"list.{needed}")
    if paging in ("cursor", "next_url") and not paths["next"]:
        raise spec.FormatError(f"list.next: where a {paging} page names the next one",
                               field="list.next")
    size = value.get("page_size", 50)
    if isinstance(size, bool) or not isinstance(size, int) or not 1 <= size <= 500:
        raise spec.FormatError("list.page_size: a whole number from 1 to 500",
                               field="list.page_size")
    full = value.get("full", False)
    if not isinstance(full, bool):
        raise spec.FormatError("list.full must be true or false", field="list.full")
    item_fields = _item_fields(value.get("fields", {}))
    states = spec._state_words(value.get("states", {}))
    return ListSpec(url=url, items=paths["items"], id=paths["id"], paging=paging,
                    next=paths["next"], more=paths["more"], created=paths["created"],
                    full=full, page_size=size, since=since, auth=auth, headers=headers,
                    fields=item_fields, states=states, also=also)


def _item_fields(table: Any) -> dict[str, tuple[str, ...]]:
    """`[list.fields]`: an item's own paths (any the format reads; none required)."""
    from videomon.core.providers.formats import spec

    if not isinstance(table, Mapping):
        raise spec.FormatError("'list.fields' must be a table of paths", field="list.fields")
    out = {}
    for key, paths in table.items():
        if key not in spec.FIELD_NAMES:
            raise spec.FormatError(f"unknown field {key!r} (known: "
                                   f"{', '.join(spec.FIELD_NAMES)})", field=f"list.fields.{key}")
        out[key] = spec._paths(paths, f"list.fields.{key}")
    return out


def list_to_dict(listing: ListSpec) -> dict[str, Any]:
    """The `[list]` table as plain data, defaults left out."""
    out: dict[str, Any] = {"url": listing.url, "paging": listing.paging,
                           "items": list(listing.items), "id": list(listing.id)}
    for name in ("next", "more", "created", "also"):
        if getattr(listing, name):
            out[name] = list(getattr(listing, name))
    if listing.full:
        out["full"] = True
    if listing.page_size != 50:
        out["page_size"] = listing.page_size
    for name in ("since", "auth"):
        if getattr(listing, name):
            out[name] = getattr(listing, name)
    if listing.headers:
        out["headers"] = dict(listing.headers)
    if listing.fields:
        out["fields"] = {k: list(v) for k, v in listing.fields.items()}
    if listing.states:
        out["states"] = dict(listing.states)
    return out
