"""Message texts of the year commands, read from ``messages.toml`` beside this module."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import Any

_CATALOGUE = Path(__file__).resolve().parent / "messages.toml"


@cache
def _catalogue() -> dict[str, dict[str, str]]:
    with open(_CATALOGUE, "rb") as fh:
        return tomllib.load(fh)


def msg(key: str, lang: str = "id", /, **kw: Any) -> str:
    """The text ``key`` in ``lang`` (falls back to Indonesian, then to the key itself)."""
    entry = _catalogue().get(key)
    if entry is None:
        return key
    text = entry.get(lang) or entry.get("id") or key
    return text.format(**kw) if kw else text
