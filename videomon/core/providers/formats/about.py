"""What a provider says a video is: its prompt, size, duration, seed, cost and picture,
read tolerantly (a number may come as text, a size as ``1280*720`` or as two fields) and
left out when it does not read (never a reason to refuse the answer)."""

from __future__ import annotations

import math
import re
from typing import Any

from videomon.core.providers.formats.spec import Format
from videomon.core.providers.formats.values import collect_urls, first, text_or_none

#: prompts are kept whole up to this many characters
PROMPT_LIMIT = 8000
_NUMBER = re.compile(r"^\s*([0-9]+(?:\.[0-9]+)?)\s*([a-zA-Z]{0,7})\s*$")
_SIZE = re.compile(r"^\s*(\d{2,5})\s*[x*×:]\s*(\d{2,5})\s*$")


def read_about(fmt: Format, obj: Any) -> dict[str, Any]:
    """The `Snapshot.ABOUT` fields found in a task object (absent ones are None)."""
    cost = number(first(obj, *fmt.paths("cost")))
    thumbnails = collect_urls(obj, *fmt.paths("thumbnail"))
    return {
        "prompt": text_or_none(first(obj, *fmt.paths("prompt")), PROMPT_LIMIT),
        "size": size(first(obj, *fmt.paths("size")), first(obj, *fmt.paths("width")),
                     first(obj, *fmt.paths("height"))),
        "duration": number(first(obj, *fmt.paths("duration"))),
        "seed": seed(first(obj, *fmt.paths("seed"))),
        "cost": cost,
        "cost_unit": (fmt.cost_unit or None) if cost is not None else None,
        "thumbnail_url": thumbnails[0] if thumbnails else None,
    }


def number(value: Any) -> float | None:
    """A non-negative finite number from a number or text such as ``"8"``, ``"5.0s"``."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        result = float(value)
    elif isinstance(value, str) and (match := _NUMBER.match(value)):
        result = float(match.group(1))
    else:
        return None
    return result if math.isfinite(result) and result >= 0 else None


def seed(value: Any) -> int | None:
    """A seed: an integer, or text of digits (seeds are often beyond 2**53: kept exact)."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value.strip())
    return None


def size(value: Any, width: Any = None, height: Any = None) -> str | None:
    """``WIDTHxHEIGHT`` from ``"1280x720"``, ``"1280*720"`` or two numbers; a resolution
    word such as ``"720p"`` or ``"1080P"`` as it is written."""
    wide, high = number(width), number(height)
    if wide and high:
        return f"{int(wide)}x{int(high)}"
    if isinstance(value, int | float) and not isinstance(value, bool) \
            and 144 <= value <= 4320 and float(value).is_integer():
        return f"{int(value)}p"  # DashScope's SR: the short side, 720
    text = text_or_none(value, 40)
    if text is None:
        return None
    match = _SIZE.match(text)
    if match:
        return f"{match.group(1)}x{match.group(2)}"
    if re.match(r"^\d{3,4}$", text):
        return f"{text}p"
    return text if re.match(r"^\d{3,4}[pPkK]$", text) else None
