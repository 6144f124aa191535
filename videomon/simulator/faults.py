"""Fault injection for the simulated relay, from a spec like ``latency=0.2,429=0.1,drop=0.05``.

Keys: ``latency`` (seconds added to every answer), ``429``, ``5xx``, ``html``,
``malformed``, ``drop`` (probabilities 0–1 per query), ``expire`` (seconds after which
a CDN link stops working and answers 403).
"""

from __future__ import annotations

import random
from dataclasses import dataclass

PROBABILITIES = ("429", "5xx", "html", "malformed", "drop")


@dataclass(frozen=True, slots=True)
class Faults:
    latency: float = 0.0
    rate_429: float = 0.0
    rate_5xx: float = 0.0
    rate_html: float = 0.0
    rate_malformed: float = 0.0
    rate_drop: float = 0.0
    expire: float | None = None

    @classmethod
    def parse(cls, spec: str | None) -> Faults:
        if not spec:
            return cls()
        values: dict[str, float] = {}
        for part in spec.split(","):
            if not part.strip():
                continue
            name, sep, raw = part.partition("=")
            name = name.strip().lower()
            if not sep:
                raise ValueError(f"fault {part!r}: expected NAME=VALUE")
            try:
                value = float(raw)
            except ValueError:
                raise ValueError(f"fault {name!r}: {raw!r} is not a number") from None
            if name in PROBABILITIES and not 0 <= value <= 1:
                raise ValueError(f"fault {name!r}: a probability must be between 0 and 1")
            if name not in (*PROBABILITIES, "latency", "expire"):
                known = ", ".join(("latency", *PROBABILITIES, "expire"))
                raise ValueError(f"unknown fault {name!r} (known: {known})")
            if value < 0:
                raise ValueError(f"fault {name!r} must not be negative")
            values[name] = value
        return cls(latency=values.get("latency", 0.0), rate_429=values.get("429", 0.0),
                   rate_5xx=values.get("5xx", 0.0), rate_html=values.get("html", 0.0),
                   rate_malformed=values.get("malformed", 0.0), rate_drop=values.get("drop", 0.0),
                   expire=values.get("expire"))

    def pick(self, rng: random.Random) -> str | None:
        """Which fault (if any) this query suffers."""
        roll = rng.random()
        for name, rate in (("429", self.rate_429), ("5xx", self.rate_5xx),
                           ("html", self.rate_html), ("malformed", self.rate_malformed),
                           ("drop", self.rate_drop)):
            if roll < rate:
                return name
            roll -= rate
        return None
