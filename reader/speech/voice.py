"""Read aloud's speeds, as a reader chooses them and as Qt's speech takes them (no Qt)."""

from __future__ import annotations

#: A reader's choice → Qt's rate (-1 slowest, 0 the engine's own, 1 fastest). Not the extremes:
#: at -1 espeak drags each word out, and at 1 it is too fast to follow; at -0.3 "slower" was
#: only 16 % slower (48.8 s against 41.1 s for the first page), too little to notice.
SPEEDS: dict[str, float] = {"slower": -0.5, "normal": 0.0, "faster": 0.4}
