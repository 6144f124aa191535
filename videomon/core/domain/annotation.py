"""What the user says about tasks: a title, notes, tags and a star. One `Annotation`
says what to change (what it leaves as None stays as it is), for one task or a million."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

#: a title or a tag longer than this is cut; notes are kept up to NOTES_LIMIT
TITLE_LIMIT = 200
TAG_LIMIT = 40
NOTES_LIMIT = 20_000
_SPACES = re.compile(r"\s+")
#: the task fields the user writes (`label` is the title); a poll never writes them
USER_FIELDS = ("label", "notes", "tags", "starred")


def clean_tag(text: str) -> str:
    """A tag as it is kept: one line, inner spaces single, no commas, at most 40 chars."""
    return _SPACES.sub(" ", text.replace(",", " ")).strip()[:TAG_LIMIT].strip()


def split_tags(text: str) -> list[str]:
    """Tags typed as ``corgi, beach day``: each cleaned, empty ones dropped."""
    return [tag for tag in (clean_tag(t) for t in text.split(",")) if tag]


def merge_tags(tags: Iterable[str], add: Iterable[str] = (),
               remove: Iterable[str] = ()) -> tuple[str, ...]:
    """Tags with `add` appended and `remove` taken out (letter case aside), in order, each
    once."""
    gone = {t.casefold() for t in remove}
    out: list[str] = []
    seen: set[str] = set()
    for tag in (*tags, *add):
        key = tag.casefold()
        if key not in gone and key not in seen:
            seen.add(key)
            out.append(tag)
    return tuple(out)


@dataclass(frozen=True, slots=True)
class Annotation:
    """A change to what the user says about tasks. `title`/`notes`: None leaves them, ""
    clears them; `starred`: None leaves it; `add_tags`/`remove_tags` change the tags;
    `tags` (not None) replaces them."""

    title: str | None = None
    notes: str | None = None
    starred: bool | None = None
    add_tags: tuple[str, ...] = ()
    remove_tags: tuple[str, ...] = ()
    tags: tuple[str, ...] | None = None

    @classmethod
    def made(cls, *, title: str | None = None, notes: str | None = None,
             starred: bool | None = None, add_tags: Sequence[str] = (),
             remove_tags: Sequence[str] = (), tags: Sequence[str] | None = None
             ) -> Annotation:
        """An annotation with its text cleaned (titles one line, tags `clean_tag`)."""
        return cls(
            title=None if title is None else _SPACES.sub(" ", title).strip()[:TITLE_LIMIT],
            notes=None if notes is None else notes.strip()[:NOTES_LIMIT],
            starred=starred,
            add_tags=tuple(t for t in map(clean_tag, add_tags) if t),
            remove_tags=tuple(t for t in map(clean_tag, remove_tags) if t),
            tags=None if tags is None else merge_tags(t for t in map(clean_tag, tags) if t))

    @property
    def empty(self) -> bool:
        return (self.title is None and self.notes is None and self.starred is None
                and not self.add_tags and not self.remove_tags and self.tags is None)

    def values(self, tags: Sequence[str]) -> dict[str, Any]:
        """The task fields this changes, for a task that has these `tags` now."""
        values: dict[str, Any] = {}
        if self.title is not None:
            values["label"] = self.title or None
        if self.notes is not None:
            values["notes"] = self.notes or None
        if self.starred is not None:
            values["starred"] = self.starred
        if self.tags is not None or self.add_tags or self.remove_tags:
            base = tags if self.tags is None else self.tags
            values["tags"] = merge_tags(base, self.add_tags, self.remove_tags)
        return values
