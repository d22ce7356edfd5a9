"""The reviewed source's statements, normalised as the faithfulness checks compare them."""

from __future__ import annotations

import re

from conftest import SEED


def normal(text: str) -> str:
    text = text.replace("“", '"').replace("”", '"').replace("’", "'")
    return " ".join(text.split()).casefold()


def sentences(text: str) -> list[str]:
    parts = re.split(r"(?<=[.?!:])\s+(?=[A-Z])", " ".join(text.split()))
    return [normal(p) for p in parts if p.strip()]


def seed_statements() -> list[str]:
    lines = SEED.read_text(encoding="utf-8").splitlines()
    body = [line for line in lines[1:] if line.strip() and not line.startswith("Medical disclaimer:")]
    unique: list[str] = []
    for line in body:
        for sentence in sentences(line):
            if sentence not in unique:
                unique.append(sentence)
    return unique
