"""References to a supervisor's RHK: ``"NIP#id"`` and free text (the one parser and matcher, used
by R406 and by the cascading rules)."""

from __future__ import annotations

import difflib
import re
from typing import Any

_WORD = re.compile(r"[0-9a-zà-ÿ]+")


def parse_ref(value: Any) -> tuple[str, str] | None:
    """``"NIP#id"`` → (NIP, id); None for free text (no ``#`` after a run of digits)."""
    if not isinstance(value, str) or "#" not in value:
        return None
    nip, rid = (part.strip() for part in value.split("#", 1))
    if not nip.isdigit() or not rid:
        return None
    return nip, rid


def format_ref(nip: str, rid: str) -> str:
    return f"{nip}#{rid}"


def normalise(text: str) -> str:
    """Lower case words only: punctuation, quotes and spacing do not make two RHK texts differ."""
    return " ".join(_WORD.findall(text.lower()))


def similarity(a: str, b: str) -> float:
    """1.0 for the same words; otherwise difflib's ratio of the normalised texts."""
    na, nb = normalise(a), normalise(b)
    if not na or not nb:
        return 0.0
    if na == nb:
        return 1.0
    return difflib.SequenceMatcher(None, na, nb, autojunk=False).ratio()


__all__ = ["format_ref", "normalise", "parse_ref", "similarity"]
